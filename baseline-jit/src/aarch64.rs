//! The AArch64 emitter. Fixed registers (callee-saved, so they survive
//! handler calls): x19 = vm, x20 = the interpreter's cursor, x21 = the
//! accumulator, x22 = the frame's fp (to see whether control left the
//! frame), x23 = the pc table; x9 and x16 are scratch.

use dynasmrt::{DynasmApi, DynasmLabelApi, dynasm};
use strata_arch::aarch64::{self, Reg};
use strata_bytecode::Instruction;

use crate::{Emitted, Frame};

/// Compiles `insns` (a whole function, in order).
pub(crate) fn emit(insns: &[Instruction], frame: &Frame) -> Result<Emitted, String> {
    let mut ops = aarch64::assembler();
    if frame.fp_offset % 8 != 0 || frame.fp_offset >= 32760 {
        return Err("cursor layout out of range".into());
    }
    let fp_off = frame.fp_offset as u32;
    let dispatch = ops.new_dynamic_label();
    let exit = ops.new_dynamic_label();
    let labels: Vec<_> = insns.iter().map(|_| ops.new_dynamic_label()).collect();

    // entry(vm, cursor, acc, target)
    let entry = ops.offset().0;
    aarch64::enter(&mut ops);
    dynasm!(ops
        ; .arch aarch64
        ; stp x23, x24, [sp, #-16]!
        ; mov x19, x0
        ; mov x20, x1
        ; mov x21, x2
        ; ldr x22, [x20, fp_off]
    );
    aarch64::load_imm64(&mut ops, Reg(23), frame.table as u64);
    dynasm!(ops ; .arch aarch64 ; br x3);

    let mut offsets = Vec::with_capacity(insns.len());
    for (i, insn) in insns.iter().enumerate() {
        dynasm!(ops ; .arch aarch64 ; =>labels[i]);
        offsets.push(ops.offset().0);
        // The interpreter's handler for the instruction.
        dynasm!(ops
            ; .arch aarch64
            ; mov x0, x19
            ; mov x1, x20
            ; mov x3, x21
        );
        aarch64::load_imm64(&mut ops, Reg(2), insn.offset as u64);
        aarch64::call_absolute(&mut ops, frame.run_instruction);
        dynasm!(ops
            ; .arch aarch64
            ; mov x21, x1
            ; ldr x9, [x20, fp_off]
            ; cmp x9, x22
            ; b.ne =>exit
        );
        match labels.get(i + 1) {
            Some(&following) => {
                aarch64::load_imm64(&mut ops, Reg(9), (insn.offset + insn.len) as u64);
                dynasm!(ops
                    ; .arch aarch64
                    ; cmp x0, x9
                    ; b.eq =>following
                    ; b =>dispatch
                );
            }
            None => dynasm!(ops ; .arch aarch64 ; b =>dispatch),
        }
    }

    // x0 = a pc of this frame (or a THROW/EXIT marker, above any pc).
    let tail = ops.offset().0;
    dynasm!(ops ; .arch aarch64 ; =>dispatch);
    aarch64::load_imm64(&mut ops, Reg(9), frame.code_len as u64);
    dynasm!(ops
        ; .arch aarch64
        ; cmp x0, x9
        ; b.hs =>exit
        ; ldr x9, [x23, x0, lsl #3]
        ; cbz x9, =>exit
        ; br x9
        ; =>exit
        ; mov x1, x21
        ; ldp x23, x24, [sp], #16
    );
    aarch64::leave(&mut ops);
    let code = ops.finalize().map_err(|e| format!("AArch64 assembly failed: {e:?}"))?;
    Ok(Emitted { code, entry, instruction_offsets: offsets, tail })
}
