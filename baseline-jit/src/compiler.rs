//! The templates: one pass over a function's instructions, each emitted
//! through the [`Masm`] of the target architecture.
//!
//! An instruction either has a template — a fast path inline, and, where
//! the fast path can fail, a slow path out of line (after the function's
//! code, so the fast paths fall through into each other) that calls the
//! interpreter's handler for the same instruction — or it calls the
//! handler inline. After a handler call the code continues at the next
//! instruction when the handler returned its pc and the frame is still
//! this one, jumps through the pc table to another pc of this frame, and
//! leaves otherwise (a call pushed a callee, the function returned,
//! threw or suspended).
//!
//! Fast paths, and what they check (anything else is the slow path):
//! - `Ldar`, `Star`, `Mov`, the constant loads, `LdaConstant`, `Jump`,
//!   the `JumpIf*` on exact values: always inline.
//! - `JumpIfToBoolean*`, `ToBooleanLogicalNot`: a boolean accumulator.
//! - `Add`, `Sub`, `Mul`: int32 operands, no overflow (and no -0
//!   product), records int32 feedback, as the interpreter does; other
//!   numbers (int32 or double) in double arithmetic, the result boxed as
//!   `Value::number` boxes it (an int32 when integral), recording number
//!   feedback. `Div`: numbers, in double arithmetic (number feedback,
//!   also where the interpreter's exact int32 division records int32).
//! - `BitwiseAnd`/`Or`/`Xor`, `ShiftLeft`, `ShiftRight`, `AddSmi`,
//!   `SubSmi`, `Inc`, `Dec`: int32 operands, no overflow; records int32
//!   feedback. `ShiftRightLogical`: the same, the result below 2^31.
//!   `Mod`: a non-negative int32 modulo a positive one.
//! - `TestLessThan`/`GreaterThan`/`…OrEqual`: int32 operands (int32
//!   feedback) or numbers (number feedback; false for NaN).
//!   `TestEqualStrict`: int32 operands (int32 feedback); the same word
//!   (not a double); immediates and objects by identity; two atom
//!   strings (distinct atoms differ).
//! - `GetNamedProperty`, `SetNamedProperty`: the site's monomorphic or
//!   polymorphic IC (its [`strata_vm::ic::JitMirror`]): an object of a
//!   cached shape (and Array-ness), the property in a slot (inline or out
//!   of line) of the receiver or, for loads, of a prototype while the
//!   structure epoch holds.
//! - `GetKeyedProperty`: an object's dense element store, an int32 index
//!   in bounds, not a hole. `SetKeyedProperty`: the same on an Array, the
//!   element existing.
//! - `LdaContextSlot`, `StaContextSlot`: the context chain as the frame
//!   has it, the slot in range.
//! - `ThrowReferenceErrorIfHole`: the accumulator is not the hole.
//! - `JumpLoop`: no interrupt pending; counts the back edge.
//! - `CallProperty0..2`, `CallUndefinedReceiver0..2`, `Call`,
//!   `CallUndefinedReceiver`: a bytecode function a plain call enters, of
//!   the current realm, with code, taking no more parameters than the
//!   arguments passed; a `this` needing no conversion (or, for a sloppy
//!   callee, undefined or null: the global object); the site's feedback
//!   already this target (or megamorphic); room on the register file; no
//!   interrupt pending. The frame is pushed inline (as `push_frame`
//!   does, `frame.rs`'s layout) and the code jumps to the callee's call
//!   entry, which starts its registers undefined. Once a site's callee
//!   passes, the site links to it (`FeedbackSlot::jit_link`): while the
//!   feedback and the link both name the callee, only the realm, the
//!   interrupt flag, `this` and the room are checked.
//! - `LdaGlobal`: the site's global IC holds in this realm and epoch; the
//!   binding is an initialized script-level lexical or a data property of
//!   the global object.
//! - `Return`: from a frame a compiled call pushed (it holds the caller's
//!   continuation): the frame is popped inline and the code jumps back
//!   into the caller's code after the call.

use dynasmrt::DynamicLabel;
use strata_bytecode::{Instruction, Opcode as O, OperandScale};
use strata_vm::Value;
use strata_vm::frame;
use strata_vm::jit::{CallLayout, JitLayout};
use strata_vm::value::{INT32_TAG, NOT_CELL_MASK};

use crate::masm::{Arg, Cond, F, FloatOp, Masm, R, Shift};

/// What the templates need besides the instructions.
pub(crate) struct Context<'a> {
    /// Bytecode length: pcs at or above it leave the code.
    pub(crate) code_len: usize,
    /// Address of the pc → native address table.
    pub(crate) table: usize,
    /// Where the vm keeps what fast paths touch.
    pub(crate) layout: &'a JitLayout,
    /// Address of the function's first feedback slot.
    pub(crate) feedback: usize,
    /// The function's linked constants (the hole: not a value).
    pub(crate) constants: &'a [Value],
    /// The function's formal parameter count.
    pub(crate) params: u32,
    /// The function's register count (`FrameInfo::registers`).
    pub(crate) registers: u32,
    /// The function's `SharedFunction` cell (the cursor's `shared` while
    /// it runs).
    pub(crate) shared: usize,
}

/// What an emitter made: code, and where each instruction and the entry
/// start in it.
pub(crate) struct Emitted {
    pub(crate) code: Vec<u8>,
    pub(crate) entry: usize,
    /// Where compiled calls enter (`JitCode`'s call entry).
    pub(crate) call_entry: usize,
    pub(crate) instruction_offsets: Vec<usize>,
    /// Where the shared dispatch and exit sequences start.
    pub(crate) tail: usize,
    /// Where each slow path starts, with its instruction's index.
    pub(crate) slow_paths: Vec<(usize, usize)>,
}

/// The type-feedback bit of int32 operands (`type_feedback::INT32`).
const FEEDBACK_INT32: u32 = strata_vm::feedback::type_feedback::INT32 as u32;
/// The type-feedback bits of numbers (`type_feedback::NUMBER`).
const FEEDBACK_NUMBER: u32 = strata_vm::feedback::type_feedback::NUMBER as u32;
/// The type-feedback bits of strings (`type_feedback::STRING`).
const FEEDBACK_STRING: u32 = strata_vm::feedback::type_feedback::STRING as u32;
/// The type-feedback bits of anything else (`type_feedback::ANY`).
const FEEDBACK_ANY: u32 = strata_vm::feedback::type_feedback::ANY as u32;

struct Emitter<'a, 'c, M: Masm> {
    m: M,
    cx: &'c Context<'a>,
    insns: &'c [Instruction],
    labels: Vec<DynamicLabel>,
    dispatch: DynamicLabel,
    /// Where a handler that moved to another frame continues.
    switch: DynamicLabel,
    /// Slow paths to emit after the code: (label, instruction index).
    deferred: Vec<(DynamicLabel, usize)>,
    /// Cold fast paths to emit after the code, before the slow paths:
    /// (label, instruction index, feedback slot, its slow path) of a
    /// named load's string receivers (`string_load`), which go on at the
    /// next instruction.
    string_loads: Vec<(DynamicLabel, usize, i64, DynamicLabel)>,
    /// Cold fast paths too: (label, offset of the length field, where
    /// the load goes on, its slow path) of a named load's Array
    /// `length` (`property_access`).
    array_lengths: Vec<(DynamicLabel, i32, DynamicLabel, DynamicLabel)>,
}

fn offset32(v: i64, what: &str) -> Result<i32, String> {
    i32::try_from(v).map_err(|_| format!("{what} out of range"))
}

/// Compiles `insns` (a whole function, in order) with `m`.
pub(crate) fn emit<M: Masm>(m: M, insns: &[Instruction], cx: &Context<'_>) -> Result<Emitted, String> {
    let mut m = m;
    let dispatch = m.new_label();
    let exit = m.new_label();
    let switch = m.new_label();
    let labels = insns.iter().map(|_| m.new_label()).collect();
    let mut e = Emitter { m, cx, insns, labels, dispatch, switch, deferred: Vec::new(), string_loads: Vec::new(), array_lengths: Vec::new() };
    let layout = cx.layout;

    let entry = e.m.offset();
    e.m.entry(offset32(layout.cursor_fp as i64, "cursor layout")?, offset32(layout.cursor_regs as i64, "cursor layout")?);

    // A compiled call pushed the frame but left its registers: they start
    // undefined here, then the first instruction runs (the interpreter's
    // pushes fill them and enter at the first instruction directly).
    let call_entry = e.m.offset();
    e.fill_registers()?;

    let mut offsets = Vec::with_capacity(insns.len());
    for i in 0..insns.len() {
        e.m.bind(e.labels[i]);
        offsets.push(e.m.offset());
        e.instruction(i)?;
    }
    // A function's last instruction never falls through (it returns,
    // throws or jumps); if one did, the dispatch below would leave.
    e.m.mov_imm(R::T0, cx.code_len as u64);

    // T0 = a pc of this frame (or a THROW/EXIT marker, above any pc).
    let tail = e.m.offset();
    e.m.bind(dispatch);
    e.m.dispatch(cx.code_len, cx.table, exit);
    e.m.bind(exit);
    e.m.exit();

    // T1 = the fp of the frame a handler moved to (a call pushed a
    // callee, a return popped this frame), T0 = its pc: go on in that
    // function's code, if it has some, without leaving — compiled code of
    // every function shares the fixed registers and the entry's native
    // frame.
    e.m.bind(e.switch);
    e.m.mov(R::Fp, R::T1);
    e.m.load(R::Regs, R::Cursor, layout.cursor_regs as i32);
    e.m.load(R::T2, R::Cursor, layout.cursor_jit as i32);
    e.m.cmp_imm(R::T2, 0);
    e.m.branch(Cond::Eq, exit);
    e.m.load(R::T3, R::T2, layout.jit_table_len as i32);
    e.m.cmp(R::T0, R::T3);
    e.m.branch(Cond::AboveEq, exit);
    e.m.load(R::T3, R::T2, layout.jit_table_ptr as i32);
    e.m.load_indexed(R::T3, R::T3, R::T0, 0);
    e.m.cmp_imm(R::T3, 0);
    e.m.branch(Cond::Eq, exit);
    e.m.jump_reg(R::T3);

    for (label, i, slot, slow) in std::mem::take(&mut e.string_loads) {
        e.m.bind(label);
        e.string_load(slot, slow)?;
        match e.labels.get(i + 1) {
            Some(&next) => e.m.jump(next),
            None => {
                let insn = insns[i];
                e.m.mov_imm(R::T0, (insn.offset + insn.len) as u64);
                e.m.jump(dispatch);
            }
        }
    }
    for (label, at, done, slow) in std::mem::take(&mut e.array_lengths) {
        // T0 = the array. A length past int32 is a double: the handler.
        e.m.bind(label);
        e.m.load32(R::T1, R::T0, at);
        e.m.branch_negative32(R::T1, slow);
        e.m.mov(R::Acc, R::T1);
        e.m.box_int32(R::Acc);
        e.m.jump(done);
    }
    let mut slow_paths = Vec::with_capacity(e.deferred.len());
    for (label, i) in std::mem::take(&mut e.deferred) {
        e.m.bind(label);
        slow_paths.push((e.m.offset(), i));
        e.handler_call(i, true)?;
    }
    let code = e.m.finish()?;
    Ok(Emitted { code, entry, call_entry, instruction_offsets: offsets, tail, slow_paths })
}

impl<'a, 'c, M: Masm> Emitter<'a, 'c, M> {
    fn label_at(&self, pc: i64) -> Result<DynamicLabel, String> {
        let i = self.insns.binary_search_by_key(&pc, |i| i.offset as i64).map_err(|_| format!("jump to {pc}, not an instruction start"))?;
        Ok(self.labels[i])
    }

    /// A new slow path for instruction `i`.
    fn slow(&mut self, i: usize) -> DynamicLabel {
        let l = self.m.new_label();
        self.deferred.push((l, i));
        l
    }

    fn slot_address(&self, slot: i64) -> u64 {
        (self.cx.feedback + slot as usize * self.cx.layout.feedback_slot_size) as u64
    }

    /// With the feedback slot in T3: goes to `slow` unless the structure
    /// epoch is the one its IC mirror's first entry was cached in.
    /// Clobbers T0 and T1.
    fn check_epoch(&mut self, slow: DynamicLabel) {
        let l = self.cx.layout;
        self.m.load32(R::T1, R::T3, l.ic_epoch as i32);
        self.m.mov_imm(R::T0, l.epoch_address as u64);
        self.m.load32(R::T0, R::T0, 0);
        self.m.cmp32(R::T0, R::T1);
        self.m.branch(Cond::Ne, slow);
    }

    /// Compares `a` with the constant `v` (materialized in `tmp`).
    fn cmp_value(&mut self, a: R, v: Value, tmp: R) {
        self.m.mov_imm(tmp, v.bits());
        self.m.cmp(a, tmp);
    }

    /// Joins type-feedback `bits` into `slot`, as the interpreter's
    /// `FeedbackSlot::record_type` does.
    fn record_type(&mut self, slot: i64, bits: u32) {
        self.m.mov_imm(R::T3, self.slot_address(slot));
        self.m.or_mem32(R::T3, self.cx.layout.feedback_state as i32, bits);
    }

    /// Goes to `slow` unless `v` is a cell whose header is `info`.
    /// Clobbers T2 and T3.
    fn check_cell(&mut self, v: R, info: usize, slow: DynamicLabel) {
        self.check_any_cell(v, slow);
        self.m.load(R::T2, v, 0);
        self.m.mov_imm(R::T3, info as u64);
        self.m.cmp(R::T2, R::T3);
        self.m.branch(Cond::Ne, slow);
    }

    /// Goes to `slow` unless `v` is a cell an IC's shape compare can
    /// tell apart: any cell where the layout promises it
    /// (`JitLayout::shape_first`), else an object. Clobbers T2 and T3.
    fn check_ic_receiver(&mut self, v: R, slow: DynamicLabel) {
        if self.cx.layout.shape_first {
            self.check_any_cell(v, slow);
        } else {
            self.check_cell(v, self.cx.layout.object_info, slow);
        }
    }

    /// Goes to `slow` unless `v` is a cell (of any kind). Clobbers T3.
    fn check_any_cell(&mut self, v: R, slow: DynamicLabel) {
        self.m.mov_imm(R::T3, NOT_CELL_MASK);
        self.m.test(v, R::T3);
        self.m.branch(Cond::Ne, slow);
        self.m.cmp_imm(v, 0);
        self.m.branch(Cond::Eq, slow);
    }

    /// Goes to `slow` unless `v` is an immediate (not the hole) or an
    /// object: a value strict equality compares by identity. Clobbers T2
    /// and T3.
    fn identity_comparable(&mut self, v: R, slow: DynamicLabel) {
        let immediate = self.m.new_label();
        // Numbers are the words from 2^49 up.
        self.m.mov_imm(R::T2, strata_vm::value::DOUBLE_ENCODE_OFFSET);
        self.m.cmp(v, R::T2);
        self.m.branch(Cond::AboveEq, slow);
        self.m.mov_imm(R::T2, strata_vm::value::OTHER_TAG);
        self.m.test(v, R::T2);
        self.m.branch(Cond::Ne, immediate);
        self.m.cmp_imm(v, 0);
        self.m.branch(Cond::Eq, slow);
        self.m.load(R::T2, v, 0);
        self.m.mov_imm(R::T3, self.cx.layout.object_info as u64);
        self.m.cmp(R::T2, R::T3);
        self.m.branch(Cond::Ne, slow);
        self.m.bind(immediate);
    }

    /// Goes to `slow` unless `v` is an atom string. Clobbers T2 and T3.
    fn atom(&mut self, v: R, slow: DynamicLabel) {
        let l = self.cx.layout;
        self.check_cell(v, l.string_info, slow);
        self.m.load8(R::T2, v, l.string_atom as i32);
        self.m.cmp_imm(R::T2, 1);
        self.m.branch(Cond::Ne, slow);
    }

    /// With an object in T0: T1 = the int32 `key` as an index into T0's
    /// dense element store; goes to `slow` unless it is one (negative
    /// keys are above every length as unsigned words). Clobbers T2.
    fn dense_index(&mut self, key: R, slow: DynamicLabel) {
        self.m.mov_imm(R::T2, INT32_TAG);
        self.m.cmp(key, R::T2);
        self.m.branch(Cond::Below, slow);
        self.m.mov32(R::T1, key);
        self.m.load(R::T2, R::T0, self.cx.layout.object.dense_len as i32);
        self.m.cmp(R::T1, R::T2);
        self.m.branch(Cond::AboveEq, slow);
    }

    /// T0 = register `r`; goes to `slow` unless it and the accumulator
    /// are both int32. Clobbers T1 and T2.
    fn int32_pair(&mut self, r: i32, slow: DynamicLabel) {
        self.m.load(R::T0, R::Regs, r);
        self.m.mov(R::T1, R::T0);
        self.m.and(R::T1, R::Acc);
        self.m.mov_imm(R::T2, INT32_TAG);
        self.m.cmp(R::T1, R::T2);
        self.m.branch(Cond::Below, slow);
    }

    /// `acc = register lhs op acc` for two numbers (int32 or double),
    /// boxed as the interpreter boxes it; goes to `slow` for anything
    /// else. Records number feedback.
    fn float_arith(&mut self, op: FloatOp, lhs: i32, slot: i64, slow: DynamicLabel) {
        self.m.load(R::T0, R::Regs, lhs);
        self.m.unbox_number(F::F0, R::T0, slow);
        self.m.unbox_number(F::F1, R::Acc, slow);
        self.m.float_op(op, F::F0, F::F1);
        self.m.box_number(R::Acc, F::F0);
        self.record_type(slot, FEEDBACK_NUMBER);
    }

    /// Goes to `slow` unless the accumulator is an int32.
    fn int32_acc(&mut self, slow: DynamicLabel) {
        self.m.mov_imm(R::T2, INT32_TAG);
        self.m.cmp(R::Acc, R::T2);
        self.m.branch(Cond::Below, slow);
    }

    /// T0 = the context `depth` hops out from the frame's, checked to be
    /// a context; goes to `slow` otherwise.
    fn context(&mut self, depth: i64, slow: DynamicLabel) {
        let l = self.cx.layout;
        self.m.load(R::T0, R::Regs, l.frame_context * 8);
        for _ in 0..depth {
            self.check_cell(R::T0, l.context_info, slow);
            self.m.load(R::T0, R::T0, l.context_parent as i32);
        }
        self.check_cell(R::T0, l.context_info, slow);
    }

    fn instruction(&mut self, i: usize) -> Result<(), String> {
        let insn = self.insns[i];
        let op = |k: usize| insn.operands[k];
        let reg = |k: usize| offset32(insn.operands[k] * 8, "register");
        let target = |k: usize| insn.offset as i64 + insn.operands[k];
        let constant = |m: &mut M, v: Value| m.mov_imm(R::Acc, v.bits());
        let layout = self.cx.layout;
        match insn.opcode {
            O::Ldar => self.m.load(R::Acc, R::Regs, reg(0)?),
            O::Star => self.m.store(R::Regs, reg(0)?, R::Acc),
            O::Mov => {
                self.m.load(R::T0, R::Regs, reg(0)?);
                self.m.store(R::Regs, reg(1)?, R::T0);
            }
            O::LdaUndefined => constant(&mut self.m, Value::UNDEFINED),
            O::LdaNull => constant(&mut self.m, Value::NULL),
            O::LdaTrue => constant(&mut self.m, Value::TRUE),
            O::LdaFalse => constant(&mut self.m, Value::FALSE),
            O::LdaTheHole => constant(&mut self.m, Value::HOLE),
            O::LdaZero => constant(&mut self.m, Value::int(0)),
            O::LdaSmi if i32::try_from(op(0)).is_ok() => constant(&mut self.m, Value::int(op(0) as i32)),
            // A linked constant is a value for the function's lifetime
            // (the function keeps it alive).
            O::LdaConstant if self.cx.constants.get(op(0) as usize).is_some_and(|v| !v.is_hole()) => {
                constant(&mut self.m, self.cx.constants[op(0) as usize])
            }
            O::Jump => {
                let l = self.label_at(target(0))?;
                self.m.jump(l);
            }
            O::JumpIfTrue => self.jump_if_equal(Value::TRUE, false, target(0))?,
            O::JumpIfFalse => self.jump_if_equal(Value::FALSE, false, target(0))?,
            O::JumpIfNull => self.jump_if_equal(Value::NULL, false, target(0))?,
            O::JumpIfNotNull => self.jump_if_equal(Value::NULL, true, target(0))?,
            O::JumpIfUndefined => self.jump_if_equal(Value::UNDEFINED, false, target(0))?,
            O::JumpIfNotUndefined => self.jump_if_equal(Value::UNDEFINED, true, target(0))?,
            O::JumpIfUndefinedOrNull | O::JumpIfNotUndefinedOrNull => {
                let target = self.label_at(target(0))?;
                let negate = insn.opcode == O::JumpIfNotUndefinedOrNull;
                let skip = self.m.new_label();
                self.cmp_value(R::Acc, Value::UNDEFINED, R::T0);
                self.m.branch(Cond::Eq, if negate { skip } else { target });
                self.cmp_value(R::Acc, Value::NULL, R::T0);
                self.m.branch(if negate { Cond::Ne } else { Cond::Eq }, target);
                self.m.bind(skip);
            }
            O::JumpIfToBooleanTrue | O::JumpIfToBooleanFalse if i + 1 < self.insns.len() => {
                let (target, next) = (self.label_at(target(0))?, self.labels[i + 1]);
                let (on_true, on_false) = if insn.opcode == O::JumpIfToBooleanTrue { (target, next) } else { (next, target) };
                let slow = self.slow(i);
                self.cmp_value(R::Acc, Value::TRUE, R::T0);
                self.m.branch(Cond::Eq, on_true);
                self.cmp_value(R::Acc, Value::FALSE, R::T0);
                self.m.branch(Cond::Eq, on_false);
                self.m.jump(slow);
            }
            O::ToBooleanLogicalNot => {
                let slow = self.slow(i);
                let flip = self.m.new_label();
                self.cmp_value(R::Acc, Value::TRUE, R::T0);
                self.m.branch(Cond::Eq, flip);
                self.cmp_value(R::Acc, Value::FALSE, R::T0);
                self.m.branch(Cond::Ne, slow);
                self.m.bind(flip);
                self.m.flip_bool(R::Acc);
            }
            O::ThrowReferenceErrorIfHole => {
                let slow = self.slow(i);
                self.m.cmp_imm(R::Acc, Value::HOLE.bits() as u32);
                self.m.branch(Cond::Eq, slow);
            }
            O::JumpLoop => {
                let (slot, target) = (op(0), self.label_at(target(1))?);
                let slow = self.slow(i);
                self.m.mov_imm(R::T0, layout.interrupt_address as u64);
                self.m.load8(R::T0, R::T0, 0);
                self.m.cmp_imm(R::T0, 0);
                self.m.branch(Cond::Ne, slow);
                self.m.mov_imm(R::T3, self.slot_address(slot));
                self.m.saturating_inc_mem32(R::T3, layout.feedback_state as i32);
                self.m.jump(target);
            }
            O::Add | O::Sub | O::Mul => {
                // int32 operands without overflow (and, for `*`, not -0)
                // inline; other numbers through the double path.
                let (slow, float, done) = (self.slow(i), self.m.new_label(), self.m.new_label());
                self.int32_pair(reg(0)?, float);
                match insn.opcode {
                    O::Add => self.m.add32(R::T0, R::Acc),
                    O::Sub => self.m.sub32(R::T0, R::Acc),
                    _ => {
                        let nonzero = self.m.new_label();
                        self.m.mov(R::T1, R::T0);
                        self.m.mul32(R::T0, R::Acc, float);
                        self.m.cmp_imm(R::T0, 0);
                        self.m.branch(Cond::Ne, nonzero);
                        // A zero product of a negative operand is -0.
                        self.m.or32(R::T1, R::Acc);
                        self.m.branch_negative32(R::T1, float);
                        self.m.bind(nonzero);
                    }
                }
                if insn.opcode != O::Mul {
                    self.m.branch(Cond::Overflow, float);
                }
                self.m.box_int32(R::T0);
                self.m.mov(R::Acc, R::T0);
                self.record_type(op(1), FEEDBACK_INT32);
                self.m.jump(done);
                self.m.bind(float);
                let fop = match insn.opcode {
                    O::Add => FloatOp::Add,
                    O::Sub => FloatOp::Sub,
                    _ => FloatOp::Mul,
                };
                self.float_arith(fop, reg(0)?, op(1), slow);
                self.m.bind(done);
            }
            O::Mod => {
                // A non-negative int32 modulo a positive one (the
                // interpreter's int32 case); anything else by the handler.
                let slow = self.slow(i);
                self.int32_pair(reg(0)?, slow);
                self.m.branch_negative32(R::T0, slow);
                self.m.mov32(R::T1, R::Acc);
                self.m.cmp_imm(R::T1, 0);
                self.m.branch(Cond::Eq, slow);
                self.m.branch_negative32(R::T1, slow);
                self.m.rem32(R::T0, R::T1);
                self.m.box_int32(R::T0);
                self.m.mov(R::Acc, R::T0);
                self.record_type(op(1), FEEDBACK_INT32);
            }
            O::Div => {
                let slow = self.slow(i);
                self.float_arith(FloatOp::Div, reg(0)?, op(1), slow);
            }
            O::BitwiseAnd | O::BitwiseOr | O::BitwiseXor => {
                let slow = self.slow(i);
                self.int32_pair(reg(0)?, slow);
                match insn.opcode {
                    O::BitwiseAnd => self.m.and32(R::T0, R::Acc),
                    O::BitwiseOr => self.m.or32(R::T0, R::Acc),
                    _ => self.m.xor32(R::T0, R::Acc),
                }
                self.m.box_int32(R::T0);
                self.m.mov(R::Acc, R::T0);
                self.record_type(op(1), FEEDBACK_INT32);
            }
            O::ShiftLeft | O::ShiftRight | O::ShiftRightLogical => {
                let slow = self.slow(i);
                self.int32_pair(reg(0)?, slow);
                let kind = match insn.opcode {
                    O::ShiftLeft => Shift::Left,
                    O::ShiftRight => Shift::Right,
                    _ => Shift::RightLogical,
                };
                self.m.shift32(kind, R::T0, R::Acc);
                if kind == Shift::RightLogical {
                    // Above int32: a double, which the handler boxes.
                    self.m.branch_negative32(R::T0, slow);
                }
                self.m.box_int32(R::T0);
                self.m.mov(R::Acc, R::T0);
                self.record_type(op(1), FEEDBACK_INT32);
            }
            O::AddSmi | O::SubSmi | O::Inc | O::Dec => {
                let (delta, slot) = match insn.opcode {
                    O::AddSmi => (i32::try_from(op(0)).ok(), op(1)),
                    O::SubSmi => (i32::try_from(op(0)).ok().and_then(i32::checked_neg), op(1)),
                    O::Inc => (Some(1), op(0)),
                    _ => (Some(-1), op(0)),
                };
                let Some(delta) = delta else { return self.handler_call(i, false) };
                let slow = self.slow(i);
                self.int32_acc(slow);
                self.m.mov(R::T0, R::Acc);
                self.m.add32_imm(R::T0, delta);
                self.m.branch(Cond::Overflow, slow);
                self.m.box_int32(R::T0);
                self.m.mov(R::Acc, R::T0);
                self.record_type(slot, FEEDBACK_INT32);
            }
            O::TestEqualStrict => {
                // Int32s by value; objects and immediates (undefined,
                // null, booleans) by identity; anything else (numbers,
                // strings, BigInts: equal by content) by the handler.
                let slow = self.slow(i);
                let (not_int, done) = (self.m.new_label(), self.m.new_label());
                self.int32_pair(reg(0)?, not_int);
                self.m.cmp32(R::T0, R::Acc);
                self.m.set_bool(R::Acc, Cond::Eq);
                self.record_type(op(1), FEEDBACK_INT32);
                self.m.jump(done);
                self.m.bind(not_int);
                // The same word: equal, unless it is a double (NaN).
                let (differ, atoms) = (self.m.new_label(), self.m.new_label());
                self.m.cmp(R::T0, R::Acc);
                self.m.branch(Cond::Ne, differ);
                self.m.mov_imm(R::T2, strata_vm::value::DOUBLE_ENCODE_OFFSET);
                self.m.cmp(R::T0, R::T2);
                self.m.branch(Cond::AboveEq, slow);
                self.m.mov_imm(R::Acc, Value::TRUE.bits());
                self.record_type(op(1), FEEDBACK_ANY);
                self.m.jump(done);
                // Different words: unequal if both compare by identity, or
                // both are atoms (distinct atoms have distinct contents).
                self.m.bind(differ);
                self.identity_comparable(R::T0, atoms);
                self.identity_comparable(R::Acc, slow);
                self.m.mov_imm(R::Acc, Value::FALSE.bits());
                self.record_type(op(1), FEEDBACK_ANY);
                self.m.jump(done);
                self.m.bind(atoms);
                self.atom(R::T0, slow);
                self.atom(R::Acc, slow);
                self.m.mov_imm(R::Acc, Value::FALSE.bits());
                self.record_type(op(1), FEEDBACK_STRING);
                self.m.bind(done);
            }
            O::TestLessThan | O::TestGreaterThan | O::TestLessThanOrEqual | O::TestGreaterThanOrEqual => {
                let cond = match insn.opcode {
                    O::TestLessThan => Cond::Lt,
                    O::TestGreaterThan => Cond::Gt,
                    O::TestLessThanOrEqual => Cond::Le,
                    _ => Cond::Ge,
                };
                let (slow, float, done) = (self.slow(i), self.m.new_label(), self.m.new_label());
                self.int32_pair(reg(0)?, float);
                self.m.cmp32(R::T0, R::Acc);
                self.m.set_bool(R::Acc, cond);
                self.record_type(op(1), FEEDBACK_INT32);
                self.m.jump(done);
                self.m.bind(float);
                self.m.unbox_number(F::F0, R::T0, slow);
                self.m.unbox_number(F::F1, R::Acc, slow);
                self.m.float_set_bool(R::Acc, cond, F::F0, F::F1);
                self.record_type(op(1), FEEDBACK_NUMBER);
                self.m.bind(done);
            }
            O::GetNamedProperty => {
                let slow = self.slow(i);
                self.m.load(R::T0, R::Regs, reg(0)?);
                self.check_ic_receiver(R::T0, slow);
                // Only a `length` site may cache an Array's length.
                let length = usize::try_from(op(1))
                    .ok()
                    .and_then(|k| self.cx.constants.get(k))
                    .and_then(|v| v.as_gc::<strata_vm::string::JsString>())
                    .is_some_and(|s| s.len() == 6 && s.to_rust_string() == "length");
                if layout.calls.is_none() {
                    self.ic_shape_check(op(2), slow);
                    self.property_load(length, slow);
                } else {
                    // Strings out of line, after the function's code.
                    let strings = self.m.new_label();
                    self.string_loads.push((strings, i, op(2), slow));
                    self.ic_shape_check(op(2), strings);
                    self.property_load(length, slow);
                }
            }
            O::SetNamedProperty => {
                let slow = self.slow(i);
                self.m.load(R::T0, R::Regs, reg(0)?);
                self.check_ic_receiver(R::T0, slow);
                self.ic_shape_check(op(2), slow);
                self.property_access(true, slow);
            }
            O::GetKeyedProperty => {
                let o = layout.object;
                let slow = self.slow(i);
                self.m.load(R::T0, R::Regs, reg(0)?);
                self.check_cell(R::T0, layout.object_info, slow);
                self.dense_index(R::Acc, slow);
                self.m.load(R::T2, R::T0, o.dense_ptr as i32);
                self.m.load_indexed(R::T2, R::T2, R::T1, 0);
                self.m.cmp_imm(R::T2, Value::HOLE.bits() as u32);
                self.m.branch(Cond::Eq, slow);
                self.m.mov(R::Acc, R::T2);
                self.record_type(op(1), FEEDBACK_INT32);
            }
            O::SetKeyedProperty => {
                // An existing element of an Array's dense store.
                let o = layout.object;
                let slow = self.slow(i);
                self.m.load(R::T0, R::Regs, reg(0)?);
                self.check_cell(R::T0, layout.object_info, slow);
                self.m.load8(R::T1, R::T0, o.array as i32);
                self.m.cmp_imm(R::T1, 0);
                self.m.branch(Cond::Eq, slow);
                self.m.load(R::T1, R::Regs, reg(1)?);
                self.dense_index(R::T1, slow);
                self.m.load(R::T2, R::T0, o.dense_ptr as i32);
                self.m.load_indexed(R::T3, R::T2, R::T1, 0);
                self.m.cmp_imm(R::T3, Value::HOLE.bits() as u32);
                self.m.branch(Cond::Eq, slow);
                self.m.store_indexed(R::T2, R::T1, 0, R::Acc);
                self.record_type(op(2), FEEDBACK_INT32);
            }
            O::LdaContextSlot | O::StaContextSlot => {
                let (index, depth) = (op(0), op(1));
                let slow = self.slow(i);
                self.context(depth, slow);
                self.m.load(R::T1, R::T0, layout.context_len as i32);
                self.m.mov_imm(R::T2, index as u64);
                self.m.cmp(R::T1, R::T2);
                self.m.branch(Cond::BelowEq, slow);
                // The slots are in the context's cell.
                let at = offset32(layout.context_slots as i64 + index * 8, "context slot")?;
                if insn.opcode == O::LdaContextSlot {
                    self.m.load(R::Acc, R::T0, at);
                } else {
                    self.m.store(R::T0, at, R::Acc);
                }
            }
            O::CallProperty0 | O::CallProperty1 | O::CallProperty2 if insn.scale == OperandScale::Single => {
                let argc = match insn.opcode {
                    O::CallProperty0 => 0,
                    O::CallProperty1 => 1,
                    _ => 2,
                };
                let args = (0..argc).map(|k| reg(2 + k)).collect::<Result<Vec<_>, _>>()?;
                return self.call(i, reg(0)?, Some(reg(1)?), &args, op(2 + argc));
            }
            O::CallUndefinedReceiver0 | O::CallUndefinedReceiver1 | O::CallUndefinedReceiver2
                if insn.scale == OperandScale::Single =>
            {
                let argc = match insn.opcode {
                    O::CallUndefinedReceiver0 => 0,
                    O::CallUndefinedReceiver1 => 1,
                    _ => 2,
                };
                let args = (0..argc).map(|k| reg(1 + k)).collect::<Result<Vec<_>, _>>()?;
                return self.call(i, reg(0)?, None, &args, op(1 + argc));
            }
            // Call(callee, list, argc): the list holds `this` then the
            // arguments; CallUndefinedReceiver's only the arguments.
            O::Call | O::CallUndefinedReceiver if (0..=8).contains(&op(2)) => {
                let (list, argc) = (op(1), op(2));
                let at = |k: i64| offset32((list + k) * 8, "register");
                if insn.opcode == O::Call {
                    let args = (1..=argc).map(at).collect::<Result<Vec<_>, _>>()?;
                    return self.call(i, reg(0)?, Some(at(0)?), &args, op(3));
                }
                let args = (0..argc).map(at).collect::<Result<Vec<_>, _>>()?;
                return self.call(i, reg(0)?, None, &args, op(3));
            }
            O::Return => return self.ret(i),
            O::LdaGlobal | O::LdaGlobalInsideTypeof if layout.calls.is_some() => self.load_global(i, op(1))?,
            _ => return self.handler_call(i, false),
        }
        Ok(())
    }

    /// `LdaGlobal` through the site's global IC (its mirror: the realm,
    /// the epoch, and where the binding lives), as the interpreter's
    /// `lda_global`: a script-level lexical binding that is initialized,
    /// or a data property of the global object.
    fn load_global(&mut self, i: usize, slot: i64) -> Result<(), String> {
        let l = self.cx.layout;
        let Some(c) = l.calls else { return self.handler_call(i, false) };
        let slow = self.slow(i);
        let property = self.m.new_label();
        self.m.mov_imm(R::T3, self.slot_address(slot));
        self.m.load(R::T1, R::T3, l.ic_shape as i32);
        self.m.load(R::T2, R::Vm, offset32(c.current_realm as i64, "vm layout")?);
        self.m.cmp(R::T1, R::T2);
        self.m.branch(Cond::Ne, slow);
        self.check_epoch(slow);
        self.m.load(R::T0, R::T3, l.ic_holder as i32);
        self.m.load8(R::T1, R::T3, l.ic_array as i32);
        self.m.cmp_imm(R::T1, strata_vm::ic::GLOBAL_LEXICAL as u32);
        self.m.branch(Cond::Ne, property);
        // The accumulator is only written: the slow path may find it
        // clobbered.
        self.m.load(R::Acc, R::T0, 0);
        let done = self.m.new_label();
        self.m.jump(done);
        self.m.bind(property);
        self.m.cmp_imm(R::T1, strata_vm::ic::GLOBAL_PROPERTY as u32);
        self.m.branch(Cond::Ne, slow);
        self.property_access(false, slow);
        self.m.bind(done);
        self.m.cmp_imm(R::Acc, Value::HOLE.bits() as u32);
        self.m.branch(Cond::Eq, slow);
        Ok(())
    }

    /// A call of the function in register `callee` with `this` from the
    /// register `this` (undefined if none) and the arguments in `args`
    /// (register offsets); `slot` is its call feedback. See the module
    /// docs for the fast path's conditions; the push must match
    /// `calls.rs`'s `write_frame` and `frame.rs` (the callee's call entry
    /// starts its registers).
    fn call(&mut self, i: usize, callee: i32, this: Option<i32>, args: &[i32], slot: i64) -> Result<(), String> {
        let Some(c) = self.cx.layout.calls else { return self.handler_call(i, false) };
        let l = self.cx.layout;
        let (f, o) = (c.function, l.object);
        let argc = args.len();
        let pc = self.insns[i].offset;
        let slow = self.slow(i);

        // T0 = the callee, T3 = the site's feedback slot. A callee the
        // site is linked to (`FeedbackSlot::jit_link`) passed every check
        // that cannot change on an earlier call: two compares.
        let (full, linked) = (self.m.new_label(), self.m.new_label());
        self.m.load(R::T0, R::Regs, callee);
        self.m.mov_imm(R::T3, self.slot_address(slot));
        self.m.load(R::T2, R::T3, c.feedback_cached as i32);
        self.m.cmp(R::T0, R::T2);
        self.m.branch(Cond::Ne, full);
        self.m.load(R::T2, R::T3, c.feedback_link as i32);
        self.m.cmp(R::T0, R::T2);
        self.m.branch(Cond::Eq, linked);
        // The full checks: a bytecode function a plain call enters, with
        // code; T1 = its shared record.
        self.m.bind(full);
        self.check_cell(R::T0, l.object_info, slow);
        self.m.load8(R::T1, R::T0, o.call_kind as i32);
        self.m.cmp_imm(R::T1, strata_vm::object::CALL_KIND_BYTECODE as u32);
        self.m.branch(Cond::Ne, slow);
        self.m.load(R::T1, R::T0, f.shared as i32);
        self.m.load(R::T2, R::T1, c.shared_jit as i32);
        self.m.cmp_imm(R::T2, 0);
        self.m.branch(Cond::Eq, slow);
        // Every formal parameter gets an argument: the frame has exactly
        // `argc` argument slots.
        self.m.load32(R::T2, R::T1, c.frame_params as i32);
        self.m.cmp_imm(R::T2, argc as u32 + 1);
        self.m.branch(Cond::AboveEq, slow);
        // The feedback needs no transition: this target already (then
        // the site links to it), or megamorphic.
        let unlinkable = self.m.new_label();
        self.m.mov_imm(R::T3, self.slot_address(slot));
        self.m.load(R::T2, R::T3, c.feedback_cached as i32);
        self.m.cmp(R::T2, R::T0);
        self.m.branch(Cond::Ne, unlinkable);
        self.m.store(R::T3, c.feedback_link as i32, R::T0);
        self.m.jump(linked);
        self.m.bind(unlinkable);
        self.cmp_value(R::T2, Value::HOLE, R::T4);
        self.m.branch(Cond::Ne, slow);
        // What every call checks: the callee's realm is the current one
        // (compiled calls stay within one), no interrupt is pending.
        self.m.bind(linked);
        self.m.load(R::T1, R::T0, f.realm as i32);
        self.m.load(R::T2, R::Vm, offset32(c.current_realm as i64, "vm layout")?);
        self.m.cmp(R::T1, R::T2);
        self.m.branch(Cond::Ne, slow);
        self.m.mov_imm(R::T3, l.interrupt_address as u64);
        self.m.load8(R::T3, R::T3, 0);
        self.m.cmp_imm(R::T3, 0);
        self.m.branch(Cond::Ne, slow);
        self.m.load(R::T1, R::T0, f.shared as i32);
        // T4 = this (OrdinaryCallBindThis).
        self.this_for_call(c, this, slow);
        // Room for the frame and one more slot (as `push_frame` asks):
        // T2 = the top, T5 = the top after the frame.
        self.m.load(R::T2, R::Vm, offset32(c.stack_top as i64, "vm layout")?);
        self.m.load32(R::T5, R::T1, c.frame_registers as i32);
        self.m.add(R::T5, R::T2);
        self.m.add_imm(R::T5, (argc + frame::HEADER_SLOTS + 1) as u32);
        self.m.load(R::T3, R::Vm, offset32(c.stack_capacity as i64, "vm layout")?);
        self.m.cmp(R::T3, R::T5);
        self.m.branch(Cond::Below, slow);

        // Committed: nothing below can fail.
        self.m.mov_imm(R::T3, self.slot_address(slot));
        self.m.saturating_inc_mem32(R::T3, l.feedback_state as i32);
        self.m.saturating_inc_mem32(R::T1, c.shared_invocations as i32);
        // T3 = the new frame's registers, T2 = its fp.
        let header = (argc + frame::HEADER_SLOTS) as i32;
        self.m.load(R::T3, R::Cursor, c.cursor_base as i32);
        self.m.lea_indexed(R::T3, R::T3, R::T2, header * 8);
        self.m.add_imm(R::T2, header as u32);
        for (k, &a) in args.iter().enumerate() {
            self.m.load(R::T5, R::Regs, a);
            self.m.store(R::T3, (frame::PARAM0 as i32 - k as i32) * 8, R::T5);
        }
        self.m.store(R::T3, frame::THIS as i32 * 8, R::T4);
        self.m.mov_imm(R::T4, Value::UNDEFINED.bits());
        self.m.store(R::T3, frame::NEW_TARGET as i32 * 8, R::T4);
        self.m.store(R::T3, frame::CALLEE as i32 * 8, R::T0);
        self.m.mov_imm(R::T5, Value::int(argc as i32).bits());
        self.m.store(R::T3, frame::ARGC as i32 * 8, R::T5);
        self.m.load(R::T5, R::T0, f.context as i32);
        self.m.store(R::T3, frame::CONTEXT as i32 * 8, R::T5);
        self.m.mov_imm(R::T5, Value::int(pc as i32).bits());
        self.m.store(R::T3, frame::RETURN_PC as i32 * 8, R::T5);
        self.m.mov(R::T5, R::Fp);
        self.m.box_int32(R::T5);
        self.m.store(R::T3, frame::CALLER_FP as i32 * 8, R::T5);
        // The callee's return comes back to `landing`, below.
        let landing = self.m.new_label();
        self.m.label_address(R::T5, landing);
        self.m.mov_imm(R::T0, INT32_TAG);
        self.m.add(R::T5, R::T0);
        self.m.store(R::T3, frame::RETURN_ADDRESS as i32 * 8, R::T5);
        // The callee's call entry starts its registers undefined.
        self.m.load32(R::T5, R::T1, c.frame_registers as i32);
        self.m.add(R::T5, R::T2);
        self.m.store(R::Vm, offset32(c.stack_top as i64, "vm layout")?, R::T5);
        // The cursor and the fixed registers describe the callee's frame
        // (as `enter_frame`, but for the function fields only `shared`:
        // see `Cursor`); it starts at its call entry.
        self.m.store(R::Cursor, c.cursor_shared as i32, R::T1);
        self.set_frame(c, R::T2, R::T3)?;
        self.m.load(R::T5, R::T1, c.shared_jit as i32);
        self.m.load(R::T5, R::T5, l.jit_call_entry as i32);
        self.m.jump_reg(R::T5);

        // Back from the callee (its `Return` set the frame, registers and
        // realm stayed this function's): the cursor's function is this
        // one again; on to the next instruction.
        self.m.bind(landing);
        self.m.mov_imm(R::T0, self.cx.shared as u64);
        self.m.store(R::Cursor, c.cursor_shared as i32, R::T0);
        Ok(())
    }

    /// Starts the frame's registers undefined (the function's call entry).
    /// Clobbers T0, T4 and T5.
    fn fill_registers(&mut self) -> Result<(), String> {
        let n = self.cx.registers;
        if n == 0 {
            return Ok(());
        }
        self.m.mov_imm(R::T4, Value::UNDEFINED.bits());
        if n <= 32 {
            for r in 0..n {
                self.m.store(R::Regs, offset32(r as i64 * 8, "register")?, R::T4);
            }
            return Ok(());
        }
        let fill = self.m.new_label();
        self.m.mov(R::T0, R::Regs);
        self.m.mov_imm(R::T5, n as u64);
        self.m.bind(fill);
        self.m.store(R::T0, 0, R::T4);
        self.m.add_imm(R::T0, 8);
        self.m.sub_imm(R::T5, 1);
        self.m.cmp_imm(R::T5, 0);
        self.m.branch(Cond::Ne, fill);
        Ok(())
    }

    /// T4 = the `this` a call passes: register `this` (undefined if
    /// none), or, for a sloppy callee (shared record in T1), the global
    /// object for undefined and null; goes to `slow` for a primitive
    /// (its wrapper needs allocating). Clobbers T2 and T5.
    fn this_for_call(&mut self, c: CallLayout, this: Option<i32>, slow: DynamicLabel) {
        let l = self.cx.layout;
        let (done, global) = (self.m.new_label(), self.m.new_label());
        match this {
            Some(r) => self.m.load(R::T4, R::Regs, r),
            None => self.m.mov_imm(R::T4, Value::UNDEFINED.bits()),
        }
        self.m.load8(R::T2, R::T1, c.frame_sloppy_this as i32);
        self.m.cmp_imm(R::T2, 0);
        self.m.branch(Cond::Eq, done);
        if this.is_some() {
            // Objects and the hole pass as they are.
            let not_cell = self.m.new_label();
            self.m.mov_imm(R::T2, NOT_CELL_MASK);
            self.m.test(R::T4, R::T2);
            self.m.branch(Cond::Ne, not_cell);
            self.m.cmp_imm(R::T4, 0);
            self.m.branch(Cond::Eq, slow);
            self.m.load(R::T2, R::T4, 0);
            self.m.mov_imm(R::T5, l.object_info as u64);
            self.m.cmp(R::T2, R::T5);
            self.m.branch(Cond::Eq, done);
            self.m.jump(slow);
            self.m.bind(not_cell);
            self.m.cmp_imm(R::T4, Value::HOLE.bits() as u32);
            self.m.branch(Cond::Eq, done);
            self.cmp_value(R::T4, Value::UNDEFINED, R::T2);
            self.m.branch(Cond::Eq, global);
            self.cmp_value(R::T4, Value::NULL, R::T2);
            self.m.branch(Cond::Ne, slow);
        }
        self.m.bind(global);
        self.m.load(R::T2, R::Vm, c.current_realm as i32);
        self.m.load(R::T4, R::T2, c.realm_global as i32);
        self.m.bind(done);
    }

    /// Points the cursor and the fixed registers at the frame whose fp is
    /// in `fp` and registers in `regs` (the frame half of
    /// `Vm::enter_frame`; the function half is the caller's).
    fn set_frame(&mut self, c: CallLayout, fp: R, regs: R) -> Result<(), String> {
        let l = self.cx.layout;
        self.m.store(R::Cursor, l.cursor_regs as i32, regs);
        self.m.store(R::Cursor, l.cursor_fp as i32, fp);
        self.m.store(R::Vm, offset32(c.stack_fp as i64, "vm layout")?, fp);
        self.m.mov(R::Fp, fp);
        self.m.mov(R::Regs, regs);
        Ok(())
    }

    /// `Return` from a frame compiled code pushed (its RETURN_ADDRESS
    /// holds the caller's continuation, see `frame.rs`): pops the frame
    /// and jumps there; the caller's code restores the rest of the cursor
    /// (the realm is the caller's already: compiled calls stay within
    /// one). Anything else goes to the interpreter's handler, which
    /// returns through `RETURN_PC`. The pop must match `return_`.
    fn ret(&mut self, i: usize) -> Result<(), String> {
        let Some(c) = self.cx.layout.calls else { return self.handler_call(i, false) };
        let slow = self.slow(i);
        let reg = |slot: isize| slot as i32 * 8;

        self.m.load(R::T0, R::Cursor, c.cursor_entry_fp as i32);
        self.m.cmp(R::T0, R::Fp);
        self.m.branch(Cond::Eq, slow);
        // T4 = the continuation.
        self.m.load(R::T4, R::Regs, reg(frame::RETURN_ADDRESS));
        self.m.mov_imm(R::T0, INT32_TAG);
        self.m.cmp(R::T4, R::T0);
        self.m.branch(Cond::Below, slow);
        self.m.sub(R::T4, R::T0);
        // T1 = the caller's fp. The top drops to the frame's lowest
        // argument slot: fp - header - max(argc, params).
        self.m.load(R::T1, R::Regs, reg(frame::CALLER_FP));
        self.m.mov32(R::T1, R::T1);
        let params = self.cx.params;
        self.m.load(R::T5, R::Regs, reg(frame::ARGC));
        self.m.mov32(R::T5, R::T5);
        if params > 0 {
            let enough = self.m.new_label();
            self.m.cmp_imm(R::T5, params);
            self.m.branch(Cond::AboveEq, enough);
            self.m.mov_imm(R::T5, params as u64);
            self.m.bind(enough);
        }
        self.m.mov(R::T3, R::Fp);
        self.m.sub(R::T3, R::T5);
        self.m.sub_imm(R::T3, frame::HEADER_SLOTS as u32);
        self.m.store(R::Vm, offset32(c.stack_top as i64, "vm layout")?, R::T3);
        self.m.load(R::T3, R::Cursor, c.cursor_base as i32);
        self.m.lea_indexed(R::T3, R::T3, R::T1, 0);
        self.set_frame(c, R::T1, R::T3)?;
        self.m.jump_reg(R::T4);
        Ok(())
    }

    fn jump_if_equal(&mut self, value: Value, negate: bool, target: i64) -> Result<(), String> {
        let target = self.label_at(target)?;
        self.m.mov_imm(R::T0, value.bits());
        self.m.cmp(R::Acc, R::T0);
        self.m.branch(if negate { Cond::Ne } else { Cond::Eq }, target);
        Ok(())
    }

    /// With a cell in T0 that no object entry of the IC of feedback
    /// `slot` matched: a string's `length`, or a data property from a
    /// slot of a prototype (`String.prototype`'s methods), while the
    /// structure epoch holds, as the interpreter's
    /// `string_load_cached`. The site caches strings under the realm's
    /// string receiver shape, which no object has. Goes to `slow`
    /// otherwise.
    fn string_load(&mut self, slot: i64, slow: DynamicLabel) -> Result<(), String> {
        use strata_vm::ic::STRING_LENGTH;
        let l = self.cx.layout;
        let Some(c) = l.calls else { return Ok(self.m.jump(slow)) };
        let (prototype, done) = (self.m.new_label(), self.m.new_label());
        self.m.load(R::T2, R::T0, 0);
        self.m.mov_imm(R::T3, l.string_info as u64);
        self.m.cmp(R::T2, R::T3);
        self.m.branch(Cond::Ne, slow);
        self.m.load(R::T1, R::Vm, offset32(c.current_realm as i64, "vm layout")?);
        self.m.load(R::T1, R::T1, c.realm_string_shape as i32);
        self.ic_entry_for(R::T1, slot, slow);
        self.m.load8(R::T2, R::T3, l.ic_array as i32);
        self.m.cmp_imm(R::T2, STRING_LENGTH as u32);
        self.m.branch(Cond::Ne, prototype);
        // The length: a rope's field, or a flat string's slice length.
        let (flat, boxed) = (self.m.new_label(), self.m.new_label());
        self.m.load(R::T2, R::T0, l.string.tag as i32);
        self.m.cmp_imm(R::T2, strata_vm::string::ROPE_TAG);
        self.m.branch(Cond::Ne, flat);
        self.m.load32(R::Acc, R::T0, l.string.rope_len as i32);
        self.m.jump(boxed);
        self.m.bind(flat);
        self.m.load(R::Acc, R::T0, l.string.flat_len as i32);
        self.m.bind(boxed);
        self.m.box_int32(R::Acc);
        self.m.jump(done);
        // A prototype's slot: every other string entry has a holder, so
        // the access takes the holder path (epoch, inline or out of line).
        self.m.bind(prototype);
        self.property_access(false, slow);
        self.m.bind(done);
        Ok(())
    }

    /// With a cell in T0: goes to `slow` unless one of the entries of the
    /// IC of feedback `slot` (monomorphic or polymorphic) has its shape
    /// (which fixes Array-ness and the inline capacity too). The cell
    /// need not be checked to be an object first (when
    /// `JitLayout::shape_first`, see `check_ic_receiver`): only an object
    /// holds a shape's address at the shape offset, and no
    /// cell holds an unused entry's `ic::NO_SHAPE` there. The other cells
    /// a value can be are laid out to promise it (`vm/tests/jit_layout.rs`
    /// checks): a string's word there is its representation's tag, a
    /// symbol's its description, a bigint's a byte count. Leaves
    /// T3 = that entry, as if it were the first (the mirror's fields are
    /// read at entry 0's offsets).
    fn ic_shape_check(&mut self, slot: i64, slow: DynamicLabel) {
        self.m.load(R::T1, R::T0, self.cx.layout.object.shape as i32);
        self.ic_entry_for(R::T1, slot, slow);
    }

    /// Goes to `slow` unless an entry of the IC of feedback `slot` has the
    /// shape word in `shape` (not T2 or T3); leaves T3 = that entry, as
    /// `ic_shape_check`.
    fn ic_entry_for(&mut self, shape: R, slot: i64, slow: DynamicLabel) {
        let l = self.cx.layout;
        let found = self.m.new_label();
        self.m.mov_imm(R::T3, self.slot_address(slot));
        for k in 0..l.ic_entries {
            let at = (l.ic_shape + k * l.ic_entry_size) as i32;
            self.m.cmp_mem(shape, R::T3, at);
            if k == 0 {
                self.m.branch(Cond::Eq, found);
                continue;
            }
            let next = if k + 1 == l.ic_entries { slow } else { self.m.new_label() };
            self.m.branch(Cond::Ne, next);
            self.m.add_imm(R::T3, (k * l.ic_entry_size) as u32);
            self.m.jump(found);
            if k + 1 < l.ic_entries {
                self.m.bind(next);
            }
        }
        self.m.bind(found);
    }

    /// With the object in T0 and its IC mirror entry in T3: loads the
    /// entry's slot into the accumulator (or, with `store`, stores the
    /// accumulator there). The entry's location (`ic::slot_location`)
    /// says where: the commonest case, an own inline slot, is one test
    /// and one load at the offset it gives; a prototype's slot (loads
    /// only, while the structure epoch holds) and out-of-line slots are
    /// decoded after it. Goes to `slow` otherwise.
    fn property_access(&mut self, store: bool, slow: DynamicLabel) {
        self.property_access_with(store, false, slow)
    }

    /// A named load's `property_access`; `length`: the site may have
    /// cached an Array's length (`ic::ARRAY_LENGTH_LOCATION`), which only
    /// `length` sites check for.
    fn property_load(&mut self, length: bool, slow: DynamicLabel) {
        self.property_access_with(false, length, slow)
    }

    fn property_access_with(&mut self, store: bool, length: bool, slow: DynamicLabel) {
        use strata_vm::ic::{LOCATION_HOLDER, LOCATION_MASK, LOCATION_OUT_OF_LINE};
        let (l, o) = (self.cx.layout, self.cx.layout.object);
        let (other, out_of_line, done) = (self.m.new_label(), self.m.new_label(), self.m.new_label());
        self.m.load32(R::T1, R::T3, l.ic_location as i32);
        self.m.test_imm32(R::T1, LOCATION_OUT_OF_LINE | LOCATION_HOLDER);
        self.m.branch(Cond::Ne, other);
        // An own inline slot: the location is its offset in the cell (a
        // store needs no barrier: see `access_indexed`).
        if store {
            self.m.store_byte_indexed(R::T0, R::T1, R::Acc);
        } else {
            self.m.load_byte_indexed(R::Acc, R::T0, R::T1);
        }
        self.m.jump(done);

        self.m.bind(other);
        if store {
            self.m.mov_imm(R::T2, LOCATION_HOLDER as u64);
            self.m.test(R::T1, R::T2);
            self.m.branch(Cond::Ne, slow);
        } else {
            // A holder on the chain needs the epoch it was cached in.
            let (own, decode) = (self.m.new_label(), self.m.new_label());
            self.m.load(R::T2, R::T3, l.ic_holder as i32);
            self.m.cmp_imm(R::T2, 0);
            self.m.branch(Cond::Eq, own);
            self.check_epoch(slow);
            self.m.mov(R::T0, R::T2);
            self.m.load32(R::T1, R::T3, l.ic_location as i32);
            self.m.jump(decode);
            // The receiver's own: a location with LOCATION_HOLDER and no
            // holder is an Array's length (`ic::ARRAY_LENGTH_LOCATION`),
            // whose out-of-line index no object has (elsewhere it takes
            // the slow path below).
            self.m.bind(own);
            self.m.load32(R::T1, R::T3, l.ic_location as i32);
            if let (true, Some(at)) = (length, o.array_length) {
                let array_length = self.m.new_label();
                self.m.mov_imm(R::T2, LOCATION_HOLDER as u64);
                self.m.test(R::T1, R::T2);
                self.m.branch(Cond::Ne, array_length);
                self.deferred_array_length(array_length, at as i32, done, slow);
            }
            self.m.bind(decode);
        }
        self.m.branch_negative32(R::T1, out_of_line);
        self.m.mov_imm(R::T2, LOCATION_MASK as u64);
        self.m.and(R::T1, R::T2);
        self.m.add(R::T1, R::T0);
        self.access_at(store, R::T1);
        self.m.jump(done);

        self.m.bind(out_of_line);
        self.m.mov_imm(R::T2, LOCATION_MASK as u64);
        self.m.and(R::T1, R::T2);
        self.m.load(R::T2, R::T0, o.out_of_line_len as i32);
        self.m.cmp(R::T1, R::T2);
        self.m.branch(Cond::AboveEq, slow);
        self.m.load(R::T0, R::T0, o.out_of_line_ptr as i32);
        self.access_indexed(store, R::T0, 0);
        self.m.bind(done);
    }

    /// An Array `length` load for `property_access`, out of line at
    /// `label` (see `array_lengths`).
    fn deferred_array_length(&mut self, label: DynamicLabel, at: i32, done: DynamicLabel, slow: DynamicLabel) {
        self.array_lengths.push((label, at, done, slow));
    }

    /// `acc = [address]`, or the store.
    fn access_at(&mut self, store: bool, address: R) {
        if store {
            // No barrier: see `access_indexed`.
            self.m.store(address, 0, R::Acc);
        } else {
            self.m.load(R::Acc, address, 0);
        }
    }

    /// `acc = [base + T1 * 8 + offset]`, or the store.
    fn access_indexed(&mut self, store: bool, base: R, offset: i32) {
        if store {
            // The collector is non-moving and not generational: a store
            // needs no barrier (`strata_gc::write_barrier` is empty).
            self.m.store_indexed(base, R::T1, offset, R::Acc);
        } else {
            self.m.load_indexed(R::Acc, base, R::T1, offset);
        }
    }

    /// Calls the interpreter's handler for instruction `i`, then goes on
    /// where it says. `deferred`: emitted out of line (the next
    /// instruction is not the following code).
    fn handler_call(&mut self, i: usize, deferred: bool) -> Result<(), String> {
        let insn = self.insns[i];
        let next_pc = (insn.offset + insn.len) as u32;
        let handler = strata_vm::jit::jit_handler_address(insn.opcode, insn.scale != OperandScale::Single);
        self.m.call(
            handler,
            &[Arg::Reg(R::Vm), Arg::Reg(R::Cursor), Arg::Imm(insn.offset as u64), Arg::Reg(R::Acc)],
        );
        self.m.load(R::T1, R::Cursor, self.cx.layout.cursor_fp as i32);
        self.m.cmp(R::T1, R::Fp);
        self.m.branch(Cond::Ne, self.switch);
        let next = self.labels.get(i + 1).copied();
        // The interpreter's fast handlers run a following `Star` too.
        let after_star = match self.insns.get(i + 1) {
            Some(s) if s.opcode == O::Star && s.scale == OperandScale::Single => self.labels.get(i + 2).copied(),
            _ => None,
        };
        if deferred && let Some(next) = next {
            self.m.cmp_imm(R::T0, next_pc);
            self.m.branch(Cond::Eq, next);
        }
        if let Some(after_star) = after_star {
            self.m.cmp_imm(R::T0, next_pc + 2);
            self.m.branch(Cond::Eq, after_star);
        }
        match next {
            Some(_) if !deferred => {
                self.m.cmp_imm(R::T0, next_pc);
                self.m.branch(Cond::Ne, self.dispatch);
            }
            _ => self.m.jump(self.dispatch),
        }
        Ok(())
    }
}
