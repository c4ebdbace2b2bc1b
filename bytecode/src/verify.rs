//! The bytecode verifier: checks once, when a function is linked, what the
//! interpreter's dispatch loop then takes for granted so that it can read
//! operands and registers without bounds checks (as Ignition and JSC's
//! LLInt trust their own generators).
//!
//! A verified function satisfies:
//! - every instruction decodes completely inside `code`, with a known
//!   opcode that is not `Illegal` or a doubled prefix;
//! - the last instruction never falls through (`Return`, `Throw`, a jump...);
//! - every jump target, handler start and handler entry is the first byte
//!   of an instruction (its prefix, if it has one);
//! - every `Reg` operand and handler context register names a slot of the
//!   frame: a parameter, a fixed header slot, or a register below
//!   `register_count` — or exactly `register_count`, the start of an empty
//!   register list (the register file keeps one slot of room above every
//!   frame for it; lists themselves are read with checked accesses);
//! - every `Slot` operand is below the feedback layout's length, and every
//!   `Idx` operand below the constant pool's.

use crate::encoding::decode;
use crate::function::{BytecodeFunction, Constant};
use crate::opcodes::Opcode;
use crate::operand::OperandKind;

/// Header slots below r0, `this` included (must match vm/src/frame.rs).
const HEADER_SLOTS: i64 = 8;

/// Verifies `f`; the error names the first problem and its offset.
pub fn verify(f: &BytecodeFunction) -> Result<(), String> {
    let code = &f.code;
    if code.is_empty() {
        return Err("empty bytecode".into());
    }
    let mut starts = vec![false; code.len()];
    let mut jumps = Vec::new();
    let min_reg = -HEADER_SLOTS - f.param_count as i64;
    let mut offset = 0usize;
    let mut last = Opcode::Illegal;
    while offset < code.len() {
        let Some(insn) = decode(code, offset) else {
            return Err(format!("undecodable instruction at @{offset}"));
        };
        if insn.opcode == Opcode::Illegal || insn.opcode == Opcode::Wide || insn.opcode == Opcode::ExtraWide {
            return Err(format!("illegal instruction at @{offset}"));
        }
        starts[offset] = true;
        for (i, &kind) in insn.opcode.operands().iter().enumerate() {
            let v = insn.operands[i];
            match kind {
                OperandKind::Reg if v < min_reg || v > f.register_count as i64 => {
                    return Err(format!("register operand {v} out of the frame at @{offset}"));
                }
                OperandKind::Slot if v < 0 || v as usize >= f.feedback.len() => {
                    return Err(format!("feedback slot {v} out of range at @{offset}"));
                }
                OperandKind::Idx if v < 0 || v as usize >= f.constants.len() => {
                    return Err(format!("constant {v} out of range at @{offset}"));
                }
                OperandKind::Jump => jumps.push((offset, offset as i64 + v)),
                _ => {}
            }
        }
        if insn.opcode == Opcode::SwitchOnSmi {
            match f.constants.get(insn.operands[0] as usize) {
                Some(Constant::JumpTable(table)) => jumps.extend(table.iter().map(|&(_, off)| (offset, offset as i64 + off as i64))),
                _ => return Err(format!("SwitchOnSmi without a jump table at @{offset}")),
            }
        }
        last = insn.opcode;
        offset += insn.len as usize;
    }
    if !last.is_terminator() {
        return Err("the last instruction falls through".into());
    }
    let is_start = |t: i64| t >= 0 && (t as usize) < code.len() && starts[t as usize];
    for (at, target) in jumps {
        if !is_start(target) {
            return Err(format!("jump at @{at} to @{target}, not an instruction"));
        }
    }
    for h in &f.handlers {
        if !is_start(h.handler as i64) || h.start > h.end || h.end as usize > code.len() {
            return Err(format!("handler entry @{} is not an instruction", h.handler));
        }
        let r = h.context_reg as i64;
        if r < min_reg || r >= f.register_count as i64 {
            return Err(format!("handler context register {r} out of the frame"));
        }
    }
    Ok(())
}
