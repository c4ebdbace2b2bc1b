//! The x86-64 emitter. Fixed registers (callee-saved, so they survive
//! handler calls): r12 = vm, r13 = the interpreter's cursor, r14 = the
//! accumulator, r15 = the frame's fp (to see whether control left the
//! frame), rbx = the frame's registers (`Reg` r is at rbx + 8r).

use std::collections::HashMap;

use dynasmrt::{DynamicLabel, DynasmApi, DynasmLabelApi, dynasm};
use strata_arch::x64;
use strata_bytecode::Instruction;

use crate::{Emitted, Frame, Template, template};

/// Compiles `insns` (a whole function, in order).
pub(crate) fn emit(insns: &[Instruction], frame: &Frame) -> Result<Emitted, String> {
    let mut ops = x64::assembler();
    let fp_off = i32::try_from(frame.fp_offset).map_err(|_| "cursor layout out of range")?;
    let regs_off = i32::try_from(frame.regs_offset).map_err(|_| "cursor layout out of range")?;
    let dispatch = ops.new_dynamic_label();
    let exit = ops.new_dynamic_label();
    let labels: Vec<DynamicLabel> = insns.iter().map(|_| ops.new_dynamic_label()).collect();
    let at: HashMap<u32, DynamicLabel> = insns.iter().zip(&labels).map(|(i, &l)| (i.offset, l)).collect();
    let label_at = |pc: u32| at.get(&pc).copied().ok_or_else(|| format!("jump to {pc}, not an instruction start"));

    // entry(vm, cursor, acc, target)
    let entry = ops.offset().0;
    x64::enter(&mut ops);
    dynasm!(ops
        ; .arch x64
        ; mov r12, rdi
        ; mov r13, rsi
        ; mov r14, rdx
        ; mov r15, [r13 + fp_off]
        ; mov rbx, [r13 + regs_off]
        ; jmp rcx
    );

    let mut offsets = Vec::with_capacity(insns.len());
    for (i, insn) in insns.iter().enumerate() {
        dynasm!(ops ; .arch x64 ; =>labels[i]);
        offsets.push(ops.offset().0);
        let following = labels.get(i + 1).copied();
        match template(insn) {
            Template::Ldar(r) => dynasm!(ops ; .arch x64 ; mov r14, [rbx + r * 8]),
            Template::Star(r) => dynasm!(ops ; .arch x64 ; mov [rbx + r * 8], r14),
            Template::Mov { src, dst } => dynasm!(ops
                ; .arch x64
                ; mov rax, [rbx + src * 8]
                ; mov [rbx + dst * 8], rax
            ),
            Template::LoadConstant(bits) => x64::load_imm64(&mut ops, x64::Reg::R14, bits),
            Template::Jump(target) => dynasm!(ops ; .arch x64 ; jmp =>label_at(target)?),
            Template::JumpIfEqual { value, negate, target } => {
                let target = label_at(target)?;
                x64::load_imm64(&mut ops, x64::Reg::Rax, value);
                dynasm!(ops ; .arch x64 ; cmp r14, rax);
                if negate {
                    dynasm!(ops ; .arch x64 ; jne =>target);
                } else {
                    dynasm!(ops ; .arch x64 ; je =>target);
                }
            }
            Template::JumpIfEither { a, b, negate, target } => {
                let target = label_at(target)?;
                let skip = ops.new_dynamic_label();
                x64::load_imm64(&mut ops, x64::Reg::Rax, a);
                dynasm!(ops ; .arch x64 ; cmp r14, rax);
                if negate {
                    dynasm!(ops ; .arch x64 ; je =>skip);
                } else {
                    dynasm!(ops ; .arch x64 ; je =>target);
                }
                x64::load_imm64(&mut ops, x64::Reg::Rax, b);
                dynasm!(ops ; .arch x64 ; cmp r14, rax);
                if negate {
                    dynasm!(ops ; .arch x64 ; jne =>target);
                } else {
                    dynasm!(ops ; .arch x64 ; je =>target);
                }
                dynasm!(ops ; .arch x64 ; =>skip);
            }
            Template::JumpIfBoolean { when_true, target } if following.is_some() => {
                let (target, next) = (label_at(target)?, following.unwrap_or(exit));
                let (on_true, on_false) = if when_true { (target, next) } else { (next, target) };
                x64::load_imm64(&mut ops, x64::Reg::Rax, strata_vm::Value::TRUE.bits());
                dynasm!(ops ; .arch x64 ; cmp r14, rax ; je =>on_true);
                x64::load_imm64(&mut ops, x64::Reg::Rax, strata_vm::Value::FALSE.bits());
                dynasm!(ops ; .arch x64 ; cmp r14, rax ; je =>on_false);
                handler_call(&mut ops, insn, frame, fp_off, following, dispatch, exit);
            }
            Template::JumpIfBoolean { .. } | Template::Handler => {
                handler_call(&mut ops, insn, frame, fp_off, following, dispatch, exit)
            }
        }
    }
    // A function's last instruction never falls through (it returns,
    // throws or jumps); if one did, the dispatch below would leave.
    dynasm!(ops ; .arch x64 ; mov rax, QWORD frame.code_len as i64);

    // rax = a pc of this frame (or a THROW/EXIT marker, above any pc).
    let tail = ops.offset().0;
    dynasm!(ops
        ; .arch x64
        ; =>dispatch
        ; mov rcx, QWORD frame.code_len as i64
        ; cmp rax, rcx
        ; jae =>exit
        ; mov rcx, QWORD frame.table as i64
        ; mov rcx, [rcx + rax * 8]
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

/// The interpreter's handler for `insn`, then: still in this frame at the
/// next instruction, fall through; another pc of this frame, dispatch;
/// else leave.
fn handler_call(
    ops: &mut x64::Assembler,
    insn: &Instruction,
    frame: &Frame,
    fp_off: i32,
    following: Option<DynamicLabel>,
    dispatch: DynamicLabel,
    exit: DynamicLabel,
) {
    let next = (insn.offset + insn.len) as i32;
    dynasm!(ops
        ; .arch x64
        ; mov rdi, r12
        ; mov rsi, r13
        ; mov rdx, QWORD insn.offset as i64
        ; mov rcx, r14
        ; mov rax, QWORD frame.run_instruction as i64
        ; call rax
        ; mov r14, rdx
        ; cmp r15, [r13 + fp_off]
        ; jne =>exit
    );
    match following {
        Some(following) => dynasm!(ops
            ; .arch x64
            ; cmp rax, next
            ; je =>following
            ; jmp =>dispatch
        ),
        None => dynasm!(ops ; .arch x64 ; jmp =>dispatch),
    }
}
