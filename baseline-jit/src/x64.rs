//! The x86-64 emitter. Fixed registers (callee-saved, so they survive
//! handler calls): r12 = vm, r13 = the interpreter's cursor, r14 = the
//! accumulator, r15 = the frame's fp (to see whether control left the
//! frame), rbx = the pc table.

use dynasmrt::{DynasmApi, DynasmLabelApi, dynasm};
use strata_arch::x64;
use strata_bytecode::Instruction;

use crate::{Emitted, Frame};

/// Compiles `insns` (a whole function, in order).
pub(crate) fn emit(insns: &[Instruction], frame: &Frame) -> Result<Emitted, String> {
    let mut ops = x64::assembler();
    let fp_off = i32::try_from(frame.fp_offset).map_err(|_| "cursor layout out of range")?;
    let dispatch = ops.new_dynamic_label();
    let exit = ops.new_dynamic_label();
    let labels: Vec<_> = insns.iter().map(|_| ops.new_dynamic_label()).collect();

    // entry(vm, cursor, acc, target)
    let entry = ops.offset().0;
    x64::enter(&mut ops);
    dynasm!(ops
        ; .arch x64
        ; mov r12, rdi
        ; mov r13, rsi
        ; mov r14, rdx
        ; mov r15, [r13 + fp_off]
        ; mov rbx, QWORD frame.table as i64
        ; jmp rcx
    );

    let mut offsets = Vec::with_capacity(insns.len());
    for (i, insn) in insns.iter().enumerate() {
        dynasm!(ops ; .arch x64 ; =>labels[i]);
        offsets.push(ops.offset().0);
        let pc = insn.offset as i64;
        let next = (insn.offset + insn.len) as i32;
        // The interpreter's handler for the instruction.
        dynasm!(ops
            ; .arch x64
            ; mov rdi, r12
            ; mov rsi, r13
            ; mov rdx, QWORD pc
            ; mov rcx, r14
            ; mov rax, QWORD frame.run_instruction as i64
            ; call rax
            ; mov r14, rdx
            ; cmp r15, [r13 + fp_off]
            ; jne =>exit
        );
        match labels.get(i + 1) {
            Some(&following) => dynasm!(ops
                ; .arch x64
                ; cmp rax, next
                ; je =>following
                ; jmp =>dispatch
            ),
            None => dynasm!(ops ; .arch x64 ; jmp =>dispatch),
        }
    }

    // rax = a pc of this frame (or a THROW/EXIT marker, above any pc).
    let tail = ops.offset().0;
    dynasm!(ops
        ; .arch x64
        ; =>dispatch
        ; mov rcx, QWORD frame.code_len as i64
        ; cmp rax, rcx
        ; jae =>exit
        ; mov rcx, [rbx + rax * 8]
        ; test rcx, rcx
        ; jz =>exit
        ; jmp rcx
        ; =>exit
        ; mov rdx, r14
    );
    x64::leave(&mut ops);
    let code = ops.finalize().map_err(|e| format!("x86-64 assembly failed: {e:?}"))?;
    Ok(Emitted { code, entry, instruction_offsets: offsets, tail })
}
