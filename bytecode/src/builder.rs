//! Building a function's bytecode: instruction encoding with forward-jump
//! patching, the constant pool (deduplicated), feedback slots, handler
//! table and source positions. The generator drives it.

use std::collections::HashMap;

use crate::encoding::encode;
use crate::function::{Constant, FeedbackSlotKind, HandlerEntry, SourcePosition};
use crate::opcodes::Opcode;
use crate::operand::{OperandKind, OperandScale};

/// A jump target, bound to an offset once.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct Label(u32);

#[derive(Default)]
struct LabelState {
    bound: Option<u32>,
    /// (instruction start, byte position of the 4-byte offset operand)
    uses: Vec<(u32, u32)>,
}

/// Accumulates one function's code and tables.
#[derive(Default)]
pub struct BytecodeBuilder {
    code: Vec<u8>,
    constants: Vec<Constant>,
    number_constants: HashMap<u64, u32>,
    string_constants: HashMap<Box<[u16]>, u32>,
    handlers: Vec<HandlerEntry>,
    positions: Vec<SourcePosition>,
    pending_position: Option<u32>,
    feedback: Vec<FeedbackSlotKind>,
    labels: Vec<LabelState>,
}

/// What the builder produced.
pub struct BuiltCode {
    /// Instructions.
    pub code: Vec<u8>,
    /// Constant pool.
    pub constants: Vec<Constant>,
    /// Handler table.
    pub handlers: Vec<HandlerEntry>,
    /// Source positions.
    pub positions: Vec<SourcePosition>,
    /// Feedback layout.
    pub feedback: Vec<FeedbackSlotKind>,
}

impl BytecodeBuilder {
    /// An empty builder.
    pub fn new() -> BytecodeBuilder {
        BytecodeBuilder::default()
    }

    /// Offset the next instruction will have.
    pub fn offset(&self) -> u32 {
        self.code.len() as u32
    }

    /// Records that the next instruction comes from `source_offset`.
    pub fn set_position(&mut self, source_offset: u32) {
        self.pending_position = Some(source_offset);
    }

    fn flush_position(&mut self) {
        if let Some(source) = self.pending_position.take() {
            let pc = self.offset();
            match self.positions.last_mut() {
                Some(last) if last.pc == pc => last.source = source,
                Some(last) if last.source == source => {}
                _ => self.positions.push(SourcePosition { pc, source }),
            }
        }
    }

    /// Emits an instruction without jump operands.
    pub fn emit(&mut self, op: Opcode, operands: &[i64]) {
        debug_assert!(!op.is_jump(), "{} needs emit_jump", op.name());
        self.flush_position();
        encode(&mut self.code, op, operands);
    }

    /// Emits a jump-carrying instruction; `operands` lists the non-jump
    /// operands in order, and the `Jump` operand goes to `target`.
    pub fn emit_jump(&mut self, op: Opcode, operands: &[i64], target: Label) {
        self.flush_position();
        let start = self.offset();
        let kinds = op.operands();
        let mut all = Vec::with_capacity(kinds.len());
        let mut rest = operands.iter();
        let mut jump_index = 0;
        for (i, &k) in kinds.iter().enumerate() {
            if k == OperandKind::Jump {
                jump_index = i;
                all.push(0);
            } else {
                all.push(*rest.next().expect("operand count matches the table"));
            }
        }
        encode(&mut self.code, op, &all);
        // Locate the 4-byte jump operand: after the prefix (if the encoder
        // needed one), the opcode and the operands before it.
        let scale = kinds.iter().zip(&all).map(|(k, &v)| k.scale_for(v)).max().unwrap_or(OperandScale::Single);
        let prefix = usize::from(scale != OperandScale::Single);
        let pos = start as usize + prefix + 1 + kinds[..jump_index].iter().map(|k| k.size(scale)).sum::<usize>();
        let state = &mut self.labels[target.0 as usize];
        match state.bound {
            Some(to) => self.code[pos..pos + 4].copy_from_slice(&(to as i32 - start as i32).to_le_bytes()),
            None => state.uses.push((start, pos as u32)),
        }
    }

    /// A new unbound label.
    pub fn new_label(&mut self) -> Label {
        self.labels.push(LabelState::default());
        Label(self.labels.len() as u32 - 1)
    }

    /// Binds `label` to the current offset and patches earlier jumps to it.
    pub fn bind(&mut self, label: Label) {
        let here = self.offset();
        let state = &mut self.labels[label.0 as usize];
        debug_assert!(state.bound.is_none(), "label bound twice");
        state.bound = Some(here);
        for (start, pos) in std::mem::take(&mut state.uses) {
            let pos = pos as usize;
            self.code[pos..pos + 4].copy_from_slice(&(here as i32 - start as i32).to_le_bytes());
        }
    }

    /// Whether a label has been bound.
    pub fn is_bound(&self, label: Label) -> bool {
        self.labels[label.0 as usize].bound.is_some()
    }

    /// Adds a constant; numbers and strings are deduplicated.
    pub fn add_constant(&mut self, c: Constant) -> u32 {
        let next = self.constants.len() as u32;
        match &c {
            Constant::Number(n) => {
                if let Some(&i) = self.number_constants.get(&n.to_bits()) {
                    return i;
                }
                self.number_constants.insert(n.to_bits(), next);
            }
            Constant::String(s) => {
                if let Some(&i) = self.string_constants.get(s) {
                    return i;
                }
                self.string_constants.insert(s.clone(), next);
            }
            _ => {}
        }
        self.constants.push(c);
        next
    }

    /// Adds a string constant from Rust text.
    pub fn add_string(&mut self, s: &str) -> u32 {
        self.add_constant(Constant::String(s.encode_utf16().collect()))
    }

    /// Reserves a feedback slot.
    pub fn add_slot(&mut self, kind: FeedbackSlotKind) -> u32 {
        self.feedback.push(kind);
        self.feedback.len() as u32 - 1
    }

    /// Adds a handler-table entry.
    pub fn add_handler(&mut self, entry: HandlerEntry) {
        self.handlers.push(entry);
    }

    /// Finishes; every label used must be bound.
    pub fn finish(self) -> BuiltCode {
        debug_assert!(self.labels.iter().all(|l| l.uses.is_empty()), "jump to an unbound label");
        BuiltCode {
            code: self.code,
            constants: self.constants,
            handlers: self.handlers,
            positions: self.positions,
            feedback: self.feedback,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encoding::instructions;

    #[test]
    fn forward_and_backward_jumps_resolve() {
        let mut b = BytecodeBuilder::new();
        let top = b.new_label();
        let out = b.new_label();
        b.bind(top);
        b.emit(Opcode::LdaZero, &[]);
        b.emit_jump(Opcode::JumpIfTrue, &[], out);
        b.emit(Opcode::LdaSmi, &[1000]);
        let slot = b.add_slot(FeedbackSlotKind::Loop) as i64;
        b.emit_jump(Opcode::JumpLoop, &[slot], top);
        b.bind(out);
        b.emit(Opcode::Return, &[]);
        let built = b.finish();
        let insns: Vec<_> = instructions(&built.code).collect();
        assert_eq!(insns[1].jump_target(), Some(insns[4].offset));
        assert_eq!(insns[3].jump_target(), Some(0));
    }

    #[test]
    fn constants_are_deduplicated() {
        let mut b = BytecodeBuilder::new();
        assert_eq!(b.add_string("x"), b.add_string("x"));
        assert_ne!(b.add_string("x"), b.add_string("y"));
        assert_eq!(b.add_constant(Constant::Number(1.5)), b.add_constant(Constant::Number(1.5)));
        assert_ne!(b.add_constant(Constant::Number(0.0)), b.add_constant(Constant::Number(-0.0)));
    }
}
