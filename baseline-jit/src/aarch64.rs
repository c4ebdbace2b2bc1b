//! The AArch64 emitter. Fixed registers (callee-saved, so they survive
//! handler calls): x19 = vm, x20 = the interpreter's cursor, x21 = the
//! accumulator, x22 = the frame's fp (to see whether control left the
//! frame), x23 = the pc table, x24 = the frame's registers (`Reg` r is at
//! x24 + 8r); x9, x10 and x16 are scratch.

use std::collections::HashMap;

use dynasmrt::{DynamicLabel, DynasmApi, DynasmLabelApi, dynasm};
use strata_arch::aarch64::{self, Reg};
use strata_bytecode::Instruction;

use crate::{Emitted, Frame, Template, template};

/// How an instruction addresses register `r` of the frame (`x24 + 8r`).
enum Slot {
    /// `[x24, #off]`: unsigned offset, scaled by 8.
    Scaled(u32),
    /// `[x24, #off]`: signed 9-bit offset (parameters, the frame header).
    Unscaled(i32),
    /// `[x24, x10]`, the offset loaded into x10 first.
    Indexed,
}

fn slot(ops: &mut aarch64::Assembler, r: i32) -> Slot {
    let off = r * 8;
    if (0..32760).contains(&off) {
        Slot::Scaled(off as u32)
    } else if (-256..256).contains(&off) {
        Slot::Unscaled(off)
    } else {
        aarch64::load_imm64(ops, Reg(10), off as i64 as u64);
        Slot::Indexed
    }
}

/// `dst = [x24 + 8r]`.
fn load_register(ops: &mut aarch64::Assembler, dst: u32, r: i32) {
    match slot(ops, r) {
        Slot::Scaled(off) => dynasm!(ops ; .arch aarch64 ; ldr X(dst), [x24, off]),
        Slot::Unscaled(off) => dynasm!(ops ; .arch aarch64 ; ldur X(dst), [x24, off]),
        Slot::Indexed => dynasm!(ops ; .arch aarch64 ; ldr X(dst), [x24, x10]),
    }
}

/// `[x24 + 8r] = src`.
fn store_register(ops: &mut aarch64::Assembler, src: u32, r: i32) {
    match slot(ops, r) {
        Slot::Scaled(off) => dynasm!(ops ; .arch aarch64 ; str X(src), [x24, off]),
        Slot::Unscaled(off) => dynasm!(ops ; .arch aarch64 ; stur X(src), [x24, off]),
        Slot::Indexed => dynasm!(ops ; .arch aarch64 ; str X(src), [x24, x10]),
    }
}

/// Compiles `insns` (a whole function, in order).
pub(crate) fn emit(insns: &[Instruction], frame: &Frame) -> Result<Emitted, String> {
    let mut ops = aarch64::assembler();
    for off in [frame.fp_offset, frame.regs_offset] {
        if off % 8 != 0 || off >= 32760 {
            return Err("cursor layout out of range".into());
        }
    }
    let (fp_off, regs_off) = (frame.fp_offset as u32, frame.regs_offset as u32);
    let dispatch = ops.new_dynamic_label();
    let exit = ops.new_dynamic_label();
    let labels: Vec<DynamicLabel> = insns.iter().map(|_| ops.new_dynamic_label()).collect();
    let at: HashMap<u32, DynamicLabel> = insns.iter().zip(&labels).map(|(i, &l)| (i.offset, l)).collect();
    let label_at = |pc: u32| at.get(&pc).copied().ok_or_else(|| format!("jump to {pc}, not an instruction start"));

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
        ; ldr x24, [x20, regs_off]
    );
    aarch64::load_imm64(&mut ops, Reg(23), frame.table as u64);
    dynasm!(ops ; .arch aarch64 ; br x3);

    let mut offsets = Vec::with_capacity(insns.len());
    for (i, insn) in insns.iter().enumerate() {
        dynasm!(ops ; .arch aarch64 ; =>labels[i]);
        offsets.push(ops.offset().0);
        let following = labels.get(i + 1).copied();
        match template(insn) {
            Template::Ldar(r) => load_register(&mut ops, 21, r),
            Template::Star(r) => store_register(&mut ops, 21, r),
            Template::Mov { src, dst } => {
                load_register(&mut ops, 9, src);
                store_register(&mut ops, 9, dst);
            }
            Template::LoadConstant(bits) => aarch64::load_imm64(&mut ops, Reg(21), bits),
            Template::Jump(target) => dynasm!(ops ; .arch aarch64 ; b =>label_at(target)?),
            Template::JumpIfEqual { value, negate, target } => {
                let target = label_at(target)?;
                aarch64::load_imm64(&mut ops, Reg(9), value);
                dynasm!(ops ; .arch aarch64 ; cmp x21, x9);
                if negate {
                    dynasm!(ops ; .arch aarch64 ; b.ne =>target);
                } else {
                    dynasm!(ops ; .arch aarch64 ; b.eq =>target);
                }
            }
            Template::JumpIfEither { a, b, negate, target } => {
                let target = label_at(target)?;
                let skip = ops.new_dynamic_label();
                aarch64::load_imm64(&mut ops, Reg(9), a);
                dynasm!(ops ; .arch aarch64 ; cmp x21, x9);
                if negate {
                    dynasm!(ops ; .arch aarch64 ; b.eq =>skip);
                } else {
                    dynasm!(ops ; .arch aarch64 ; b.eq =>target);
                }
                aarch64::load_imm64(&mut ops, Reg(9), b);
                dynasm!(ops ; .arch aarch64 ; cmp x21, x9);
                if negate {
                    dynasm!(ops ; .arch aarch64 ; b.ne =>target);
                } else {
                    dynasm!(ops ; .arch aarch64 ; b.eq =>target);
                }
                dynasm!(ops ; .arch aarch64 ; =>skip);
            }
            Template::JumpIfBoolean { when_true, target } if following.is_some() => {
                let (target, next) = (label_at(target)?, following.unwrap_or(exit));
                let (on_true, on_false) = if when_true { (target, next) } else { (next, target) };
                aarch64::load_imm64(&mut ops, Reg(9), strata_vm::Value::TRUE.bits());
                dynasm!(ops ; .arch aarch64 ; cmp x21, x9 ; b.eq =>on_true);
                aarch64::load_imm64(&mut ops, Reg(9), strata_vm::Value::FALSE.bits());
                dynasm!(ops ; .arch aarch64 ; cmp x21, x9 ; b.eq =>on_false);
                handler_call(&mut ops, insn, frame, fp_off, following, dispatch, exit);
            }
            Template::JumpIfBoolean { .. } | Template::Handler => {
                handler_call(&mut ops, insn, frame, fp_off, following, dispatch, exit)
            }
        }
    }
    // A function's last instruction never falls through (it returns,
    // throws or jumps); if one did, the dispatch below would leave.
    aarch64::load_imm64(&mut ops, Reg(0), frame.code_len as u64);

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

/// The interpreter's handler for `insn`, then: still in this frame at the
/// next instruction, fall through; another pc of this frame, dispatch;
/// else leave.
fn handler_call(
    ops: &mut aarch64::Assembler,
    insn: &Instruction,
    frame: &Frame,
    fp_off: u32,
    following: Option<DynamicLabel>,
    dispatch: DynamicLabel,
    exit: DynamicLabel,
) {
    dynasm!(ops
        ; .arch aarch64
        ; mov x0, x19
        ; mov x1, x20
        ; mov x3, x21
    );
    aarch64::load_imm64(ops, Reg(2), insn.offset as u64);
    aarch64::call_absolute(ops, frame.run_instruction);
    dynasm!(ops
        ; .arch aarch64
        ; mov x21, x1
        ; ldr x9, [x20, fp_off]
        ; cmp x9, x22
        ; b.ne =>exit
    );
    match following {
        Some(following) => {
            aarch64::load_imm64(ops, Reg(9), (insn.offset + insn.len) as u64);
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
