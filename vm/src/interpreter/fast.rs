//! Fast handlers for the hottest instructions, unprefixed forms (every
//! operand one byte) but for the `Wide`/`ExtraWide` prefix handlers, which
//! take a scaled `LdaSmi` and pass the rest on: each is a small function
//! that the trampoline in [`Vm::run`] calls through [`handlers`]. The
//! compiler allocates registers per handler, so the common case costs a
//! few loads and no spills. A fast handler takes the common case inline and hands
//! anything else to the generic [`Vm::step`] for the same instruction,
//! which redoes it in full; so a fast handler has no side effect (no
//! feedback, no store) before it knows it completes.
//!
//! Feedback recorded here must equal what `step` records: both tiers of
//! JIT compile from it.
//!
//! # Safety
//! Every handler is called with a [`Cursor`] describing the running frame
//! and a `pc` starting one of its instructions: an unprefixed one for
//! every handler but `wide`/`extra_wide`, which the table maps to the
//! prefix bytes. The verifier's guarantees (see `Cursor`) make every
//! operand, register and feedback-slot read below in bounds; the
//! `// SAFETY:` comments refer to this.

use strata_bytecode::Opcode;
use strata_gc::Gc;

use super::calls::{ArgSource, FrameHeader, write_frame};
use super::{BinaryOp, Cursor, OpHandler, THROW, array_store_fast, frame_function, instruction_len, note_allocation, note_instance_size, ops};
use crate::context::Context;
use crate::conversions::{strict_equals, to_boolean};
use crate::feedback::{FeedbackSlot, type_feedback};
use crate::frame;
use crate::function::FunctionCode;
use crate::ic::{GlobalTarget, Handler, IcState};
use crate::object::{JsObject, ObjectKind};
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{Exception, Vm};

/// Operand byte `i` (unsigned) of the instruction at `pc`.
#[inline(always)]
unsafe fn op(cur: &Cursor, pc: usize, i: usize) -> usize {
    // SAFETY: see the module docs.
    unsafe { *cur.code.add(pc + 1 + i) as usize }
}

/// Operand byte `i` as a signed value (Reg, Imm).
#[inline(always)]
unsafe fn op_signed(cur: &Cursor, pc: usize, i: usize) -> isize {
    // SAFETY: see the module docs.
    unsafe { *cur.code.add(pc + 1 + i) as i8 as isize }
}

/// The register operand `i`.
#[inline(always)]
unsafe fn reg(cur: &Cursor, pc: usize, i: usize) -> Value {
    // SAFETY: see the module docs: a verified register operand.
    unsafe { *cur.regs.offset(op_signed(cur, pc, i)) }
}

/// Stores to the register operand `i`.
#[inline(always)]
unsafe fn set_reg(cur: &Cursor, pc: usize, i: usize, v: Value) {
    // SAFETY: see the module docs: a verified register operand.
    unsafe { *cur.regs.offset(op_signed(cur, pc, i)) = v }
}

/// The feedback slot operand `i`.
#[inline(always)]
unsafe fn slot<'a>(cur: &'a Cursor, pc: usize, i: usize) -> &'a FeedbackSlot {
    // SAFETY: see the module docs: a verified slot operand.
    unsafe { &*cur.fb.add(op(cur, pc, i)) }
}

/// The 4-byte jump operand at byte offset `at` from `pc`, as a target.
#[inline(always)]
unsafe fn jump_target(cur: &Cursor, pc: usize, at: usize) -> usize {
    // SAFETY: see the module docs: a verified jump operand.
    let off = unsafe { i32::from_le_bytes((cur.code.add(pc + at) as *const [u8; 4]).read_unaligned()) };
    (pc as i64 + off as i64) as usize
}

/// Continues at `next` with `acc`, running a following unprefixed
/// `Star r` here (a quarter of all instructions executed are Stars after
/// a load, an operation or a call).
#[inline(always)]
unsafe fn star_after(cur: &Cursor, next: usize, acc: Value) -> (usize, Value) {
    // SAFETY: `next` starts a verified instruction; a Star's one-byte
    // register operand was verified with it.
    unsafe {
        if *cur.code.add(next) == Opcode::Star as u8 {
            *cur.regs.offset(*cur.code.add(next + 1) as i8 as isize) = acc;
            return (next + 2, acc);
        }
    }
    (next, acc)
}

/// Continues after a test at `next` with the boolean `acc`, taking a
/// following unprefixed JumpIfTrue/JumpIfFalse here.
#[inline(always)]
unsafe fn branch_after(cur: &Cursor, next: usize, acc: Value) -> (usize, Value) {
    // SAFETY: `next` starts a verified instruction; an unprefixed
    // conditional jump is the opcode and a 4-byte offset.
    let b = unsafe { *cur.code.add(next) };
    if b == Opcode::JumpIfFalse as u8 || b == Opcode::JumpIfTrue as u8 {
        let taken = (acc == Value::TRUE) == (b == Opcode::JumpIfTrue as u8);
        // SAFETY: as above.
        return (if taken { unsafe { jump_target(cur, next, 1) } } else { next + 5 }, acc);
    }
    (next, acc)
}

/// The context `depth` hops out from the frame's current one.
#[inline(always)]
unsafe fn context_at(cur: &Cursor, depth: usize) -> Option<Gc<Context>> {
    // SAFETY: the frame header lies inside the register file.
    let mut c = unsafe { *cur.regs.offset(frame::CONTEXT) };
    for _ in 0..depth {
        c = c.as_gc::<Context>()?.parent;
    }
    c.as_gc::<Context>()
}

macro_rules! generic {
    ($vm:ident, $cur:ident, $pc:ident, $acc:ident) => {
        // SAFETY: the same instruction, with this handler's guarantees.
        return unsafe { $vm.step($cur, $pc, $acc) }
    };
}

unsafe fn ldar(_: &mut Vm, cur: &mut Cursor, pc: usize, _: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    unsafe { star_after(cur, pc + 2, reg(cur, pc, 0)) }
}

unsafe fn star(_: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    unsafe { set_reg(cur, pc, 0, acc) };
    (pc + 2, acc)
}

unsafe fn mov(_: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    unsafe { set_reg(cur, pc, 1, reg(cur, pc, 0)) };
    (pc + 3, acc)
}

macro_rules! load_constant {
    ($name:ident, $value:expr) => {
        unsafe fn $name(_: &mut Vm, cur: &mut Cursor, pc: usize, _: Value) -> (usize, Value) {
            // SAFETY: see the module docs.
            unsafe { star_after(cur, pc + 1, $value) }
        }
    };
}
load_constant!(lda_undefined, Value::UNDEFINED);
load_constant!(lda_null, Value::NULL);
load_constant!(lda_true, Value::TRUE);
load_constant!(lda_false, Value::FALSE);
load_constant!(lda_zero, Value::int(0));

unsafe fn lda_smi(_: &mut Vm, cur: &mut Cursor, pc: usize, _: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    unsafe { star_after(cur, pc + 2, Value::int(op_signed(cur, pc, 0) as i32)) }
}

unsafe fn lda_constant(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    let i = unsafe { op(cur, pc, 0) };
    match cur.shared.constants.get(i) {
        // SAFETY: see the module docs.
        Some(&v) if !v.is_hole() => unsafe { star_after(cur, pc + 2, v) },
        _ => generic!(vm, cur, pc, acc),
    }
}

unsafe fn lda_context_slot(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    let (i, depth) = unsafe { (op(cur, pc, 0), op(cur, pc, 1)) };
    // SAFETY: see the module docs.
    let Some(ctx) = (unsafe { context_at(cur, depth) }) else { generic!(vm, cur, pc, acc) };
    let v = ctx.get(i);
    let mut next = pc + 3;
    // The TDZ check that usually follows passes once the binding is
    // initialized: skip it (an unprefixed ThrowReferenceErrorIfHole is two
    // bytes).
    // SAFETY: `next` starts a verified instruction.
    if !v.is_hole() && unsafe { *cur.code.add(next) } == Opcode::ThrowReferenceErrorIfHole as u8 {
        next += 2;
    }
    // SAFETY: see the module docs.
    unsafe { star_after(cur, next, v) }
}

unsafe fn sta_context_slot(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    let (i, depth) = unsafe { (op(cur, pc, 0), op(cur, pc, 1)) };
    // SAFETY: see the module docs.
    let Some(ctx) = (unsafe { context_at(cur, depth) }) else { generic!(vm, cur, pc, acc) };
    ctx.set(i, acc);
    (pc + 3, acc)
}

unsafe fn throw_if_hole(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    if acc.is_hole() {
        generic!(vm, cur, pc, acc);
    }
    (pc + 2, acc)
}

unsafe fn get_named(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    let (recv, fs) = unsafe { (reg(cur, pc, 0), slot(cur, pc, 2)) };
    // The monomorphic hit, the commonest case, inline; the rest out of
    // line, so that this path needs no callee-saved registers (their
    // saves and restores were a fifth of its instructions). The cached
    // shape is compared with the cell's first word, which only an
    // object's shape equals: no separate type check.
    if let Some(cell) = recv.as_cell()
        && let IcState::Monomorphic(e) = fs.ic.get()
        // SAFETY: a value names a live cell.
        && e.matches_word(unsafe { JsObject::shape_word(cell) })
    {
        // SAFETY: the entry matched, so the cell is an object.
        if let Some(v) = unsafe { slot_load(cell, e.handler) } {
            // SAFETY: see the module docs.
            return unsafe { star_after(cur, pc + 4, v) };
        }
    }
    // SAFETY: this handler's guarantees.
    unsafe { get_named_polymorphic(vm, cur, pc, acc) }
}

/// What an own or prototype slot `handler` loads for the object `cell`
/// (`None` for the other handlers).
///
/// # Safety
/// `cell` is an object: a cache entry with this handler matched it.
#[inline(always)]
unsafe fn slot_load(cell: strata_gc::CellPtr, handler: Handler) -> Option<Value> {
    match handler {
        // SAFETY: the caller's promise.
        Handler::OwnSlot(n) => Some(unsafe { Gc::<JsObject>::from_raw(cell.as_raw().as_ptr()) }.slot(n)),
        Handler::ProtoSlot(holder, n) => Some(holder.slot(n)),
        _ => None,
    }
}

/// GetNamedProperty past a monomorphic hit: a polymorphic site's own or
/// prototype slot hit (a third of deltablue's loads), else
/// `get_named_slow`.
#[inline(never)]
unsafe fn get_named_polymorphic(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    let (recv, fs) = unsafe { (reg(cur, pc, 0), slot(cur, pc, 2)) };
    if let Some(cell) = recv.as_cell()
        && let IcState::Polymorphic(v) = fs.ic.get()
        // SAFETY: a value names a live cell.
        && let Some(e) = v.iter().find(|e| e.matches_word(unsafe { JsObject::shape_word(cell) }))
    {
        // SAFETY: the entry matched, so the cell is an object.
        if let Some(v) = unsafe { slot_load(cell, e.handler) } {
            // SAFETY: see the module docs.
            return unsafe { star_after(cur, pc + 4, v) };
        }
    }
    // SAFETY: this handler's guarantees.
    unsafe { get_named_slow(vm, cur, pc, acc) }
}

/// GetNamedProperty past the own and prototype slot hits: an object's
/// other cached loads that run no code (an array's `length`, a missing
/// property) and a megamorphic site's stub cache hit, a string
/// receiver's cached load, else the generic path.
#[inline(never)]
unsafe fn get_named_slow(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    let (recv, fs) = unsafe { (reg(cur, pc, 0), slot(cur, pc, 2)) };
    if let Some(obj) = recv.as_gc::<JsObject>() {
        let state = fs.ic.get();
        let handler = match state {
            IcState::Megamorphic => {
                // SAFETY: see the module docs: a verified constant operand.
                let key = unsafe { cur.shared.keys.get(op(cur, pc, 1)).copied().flatten() };
                key.and_then(|key| vm.roots.stub_cache.find(&obj, key, false))
            }
            _ => state.find(&obj),
        };
        let Some(v) = handler.and_then(|h| super::ic_ops::load_without_code(obj, h)) else {
            generic!(vm, cur, pc, acc)
        };
        // SAFETY: see the module docs.
        return unsafe { star_after(cur, pc + 4, v) };
    }
    if let Some(s) = recv.as_gc::<JsString>()
        && let Some(v) = vm.string_load_cached(s, fs)
    {
        // SAFETY: see the module docs.
        return unsafe { star_after(cur, pc + 4, v) };
    }
    generic!(vm, cur, pc, acc)
}

unsafe fn set_named(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    let (recv, fs) = unsafe { (reg(cur, pc, 0), slot(cur, pc, 2)) };
    // As in `get_named`: a monomorphic store to an own slot inline, the
    // rest (transitions, polymorphic sites) out of line.
    if let Some(cell) = recv.as_cell()
        && let IcState::Monomorphic(e) = fs.ic.get()
        && let Handler::OwnSlot(n) = e.handler
        // SAFETY: a value names a live cell.
        && e.matches_word(unsafe { JsObject::shape_word(cell) })
    {
        // SAFETY: the entry matched: the cell is an object.
        let obj = unsafe { Gc::<JsObject>::from_raw(cell.as_raw().as_ptr()) };
        obj.set_slot(n, acc);
        strata_gc::write_barrier(obj.cell(), acc.bits() as usize);
        return (pc + 4, acc);
    }
    // SAFETY: this handler's guarantees.
    unsafe { set_named_slow(vm, cur, pc, acc) }
}

/// SetNamedProperty past a monomorphic own-slot store: a cached
/// transition, a polymorphic site's hit, else the generic path.
#[inline(never)]
unsafe fn set_named_slow(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    let (recv, fs) = unsafe { (reg(cur, pc, 0), slot(cur, pc, 2)) };
    if let Some(cell) = recv.as_cell() {
        // As in `get_named`: the cell's first word against the shapes.
        // SAFETY: a value names a live cell.
        let word = unsafe { JsObject::shape_word(cell) };
        let handler = match fs.ic.get() {
            IcState::Monomorphic(e) if e.matches_word(word) => Some(e.handler),
            IcState::Polymorphic(v) => v.iter().find(|e| e.matches_word(word)).map(|e| e.handler),
            _ => None,
        };
        // SAFETY: called once an entry matched: the cell is an object.
        let obj = || unsafe { Gc::<JsObject>::from_raw(cell.as_raw().as_ptr()) };
        match handler {
            Some(Handler::OwnSlot(n)) => {
                let obj = obj();
                obj.set_slot(n, acc);
                strata_gc::write_barrier(obj.cell(), acc.bits() as usize);
                return (pc + 4, acc);
            }
            // Adding a property along a cached transition (a constructor's
            // `this.x = ...`), under `run_store_handler`'s conditions.
            Some(Handler::Transition(to, n))
                if obj().is_extensible() && !obj().is_watched() && obj().slot_count() == n as usize =>
            {
                let obj = obj();
                obj.set_shape(to);
                obj.push_slot(acc);
                strata_gc::write_barrier(obj.cell(), acc.bits() as usize);
                return (pc + 4, acc);
            }
            _ => {}
        }
    }
    generic!(vm, cur, pc, acc)
}

unsafe fn get_keyed(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    let base = unsafe { reg(cur, pc, 0) };
    if let Some(obj) = base.as_gc::<JsObject>()
        && let Some(i) = acc.as_int()
        && i >= 0
        && !matches!(obj.kind, ObjectKind::Arguments(_))
        && let Some((v, a)) = obj.element(i as u32)
        && !a.is_accessor()
    {
        // SAFETY: see the module docs.
        unsafe {
            slot(cur, pc, 1).record_type(type_feedback::INT32);
            return star_after(cur, pc + 3, v);
        }
    }
    if let Some(obj) = base.as_gc::<JsObject>()
        && let Some(i) = acc.as_int()
        && i >= 0
        && let Some(v) = crate::builtins::typed_array::fast_get(&obj, i as u32)
    {
        // SAFETY: see the module docs.
        unsafe {
            slot(cur, pc, 1).record_type(type_feedback::INT32);
            return star_after(cur, pc + 3, v);
        }
    }
    generic!(vm, cur, pc, acc)
}

unsafe fn set_keyed(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    let (base, k) = unsafe { (reg(cur, pc, 0), reg(cur, pc, 1)) };
    if let Some(obj) = base.as_gc::<JsObject>()
        && let Some(i) = k.as_int()
        && i >= 0
        && obj.is_array()
        && (obj.set_dense_in_bounds(i as u32, acc) || array_store_fast(obj, i as u32, acc))
    {
        // SAFETY: see the module docs.
        unsafe { slot(cur, pc, 2).record_type(type_feedback::INT32) };
        return (pc + 4, acc);
    }
    if let Some(obj) = base.as_gc::<JsObject>()
        && let Some(i) = k.as_int()
        && i >= 0
        && crate::builtins::typed_array::fast_set(&obj, i as u32, acc)
    {
        // SAFETY: see the module docs.
        unsafe { slot(cur, pc, 2).record_type(type_feedback::INT32) };
        return (pc + 4, acc);
    }
    generic!(vm, cur, pc, acc)
}

unsafe fn jump(_: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    (unsafe { jump_target(cur, pc, 1) }, acc)
}

unsafe fn jump_loop(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    if vm.interrupted() {
        generic!(vm, cur, pc, acc);
    }
    // SAFETY: see the module docs.
    unsafe {
        if vm.loop_is_hot(slot(cur, pc, 0).bump()) {
            vm.loop_hot(cur);
        }
        (jump_target(cur, pc, 2), acc)
    }
}

macro_rules! conditional_jump {
    ($name:ident, |$acc:ident| $taken:expr) => {
        unsafe fn $name(_: &mut Vm, cur: &mut Cursor, pc: usize, $acc: Value) -> (usize, Value) {
            // SAFETY: see the module docs.
            (if $taken { unsafe { jump_target(cur, pc, 1) } } else { pc + 5 }, $acc)
        }
    };
}
conditional_jump!(jump_if_true, |acc| acc == Value::TRUE);
conditional_jump!(jump_if_false, |acc| acc == Value::FALSE);
conditional_jump!(jump_if_to_boolean_true, |acc| acc == Value::TRUE || (acc != Value::FALSE && to_boolean(acc)));
conditional_jump!(jump_if_to_boolean_false, |acc| acc == Value::FALSE || (acc != Value::TRUE && !to_boolean(acc)));
conditional_jump!(jump_if_undefined, |acc| acc.is_undefined());
conditional_jump!(jump_if_not_undefined, |acc| !acc.is_undefined());
conditional_jump!(jump_if_null, |acc| acc.is_null());
conditional_jump!(jump_if_not_null, |acc| !acc.is_null());
conditional_jump!(jump_if_undefined_or_null, |acc| acc.is_nullish());
conditional_jump!(jump_if_not_undefined_or_null, |acc| !acc.is_nullish());

unsafe fn logical_not(_: &mut Vm, _: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    (pc + 1, Value::bool(!to_boolean(acc)))
}

/// LogicalNot: the accumulator is a boolean (the generator emits it only
/// after a test).
unsafe fn boolean_not(_: &mut Vm, _: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    (pc + 1, Value::bool(acc != Value::TRUE))
}

/// ThrowSuperNotCalledIfHole: goes on unless `this` is still the hole.
unsafe fn throw_super_not_called_if_hole(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    if acc.is_hole() {
        generic!(vm, cur, pc, acc);
    }
    (pc + 1, acc)
}

/// The `Wide` prefix: a 16-bit `LdaSmi` here (constants like 1309 or
/// 13849 in hot arithmetic), every other wide instruction in `step`.
unsafe fn wide(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs: a verified prefixed instruction, the
    // prefix, the opcode, then its operands at twice the width.
    unsafe {
        if *cur.code.add(pc + 1) == Opcode::LdaSmi as u8 {
            let v = i16::from_le_bytes((cur.code.add(pc + 2) as *const [u8; 2]).read_unaligned());
            return star_after(cur, pc + 4, Value::int(v as i32));
        }
    }
    generic!(vm, cur, pc, acc)
}

/// The `ExtraWide` prefix: a 32-bit `LdaSmi` here, the rest in `step`.
unsafe fn extra_wide(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: as in `wide`, operands at four times the width.
    unsafe {
        if *cur.code.add(pc + 1) == Opcode::LdaSmi as u8 {
            let v = i32::from_le_bytes((cur.code.add(pc + 2) as *const [u8; 4]).read_unaligned());
            return star_after(cur, pc + 6, Value::int(v));
        }
    }
    generic!(vm, cur, pc, acc)
}

unsafe fn test_equal_strict(_: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    unsafe {
        let l = reg(cur, pc, 0);
        // The type tests feed both the feedback and the comparison.
        let (bits, eq) = if l.is_int() && acc.is_int() {
            (type_feedback::INT32, l == acc)
        } else if !(l.is_number() || l.is_cell()) || !(acc.is_number() || acc.is_cell()) {
            // undefined, null or a boolean on one side: the bits decide,
            // and no cell header is loaded (`node === null`).
            (type_feedback::ANY, l == acc)
        } else if let Some(x) = l.as_gc::<JsString>()
            && let Some(y) = acc.as_gc::<JsString>()
        {
            (type_feedback::STRING, x == y || (!(x.is_atom() && y.is_atom()) && x.content_eq(&y)))
        } else {
            (type_feedback::of_pair(l, acc), strict_equals(l, acc))
        };
        slot(cur, pc, 1).record_type(bits);
        branch_after(cur, pc + 3, Value::bool(eq))
    }
}

macro_rules! relational {
    ($name:ident, $cmp:tt) => {
        unsafe fn $name(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
            // SAFETY: see the module docs.
            let (l, s) = unsafe { (reg(cur, pc, 0), slot(cur, pc, 1)) };
            let result = if let (Some(a), Some(b)) = (l.as_int(), acc.as_int()) {
                s.record_type(type_feedback::INT32);
                a $cmp b
            } else if let (Some(x), Some(y)) = (l.as_number(), acc.as_number()) {
                s.record_type(type_feedback::NUMBER);
                x $cmp y
            } else {
                generic!(vm, cur, pc, acc);
            };
            // SAFETY: see the module docs.
            unsafe { branch_after(cur, pc + 3, Value::bool(result)) }
        }
    };
}
relational!(test_less_than, <);
relational!(test_greater_than, >);
relational!(test_less_than_or_equal, <=);
relational!(test_greater_than_or_equal, >=);

unsafe fn add(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    let (l, s) = unsafe { (reg(cur, pc, 0), slot(cur, pc, 1)) };
    let v = if let (Some(a), Some(b)) = (l.as_int(), acc.as_int())
        && let Some(c) = a.checked_add(b)
    {
        s.record_type(type_feedback::INT32);
        Value::int(c)
    } else if let (Some(x), Some(y)) = (l.as_number(), acc.as_number()) {
        s.record_type(type_feedback::NUMBER);
        Value::number(x + y)
    } else {
        generic!(vm, cur, pc, acc);
    };
    // SAFETY: see the module docs.
    unsafe { star_after(cur, pc + 3, v) }
}

macro_rules! arithmetic {
    ($name:ident, $op:ident) => {
        unsafe fn $name(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
            // SAFETY: see the module docs.
            let (l, s) = unsafe { (reg(cur, pc, 0), slot(cur, pc, 1)) };
            let v = if let (Some(a), Some(b)) = (l.as_int(), acc.as_int())
                && let Some(v) = ops::int_fast(BinaryOp::$op, a, b)
            {
                s.record_type(type_feedback::INT32);
                v
            } else if let (Some(x), Some(y)) = (l.as_number(), acc.as_number())
                && let Some(v) = ops::number_fast(BinaryOp::$op, x, y)
            {
                s.record_type(type_feedback::NUMBER);
                v
            } else {
                generic!(vm, cur, pc, acc);
            };
            // SAFETY: see the module docs.
            unsafe { star_after(cur, pc + 3, v) }
        }
    };
}
arithmetic!(sub, Sub);
arithmetic!(mul, Mul);
arithmetic!(div, Div);
arithmetic!(modulo, Mod);
arithmetic!(bitwise_or, BitOr);
arithmetic!(bitwise_xor, BitXor);
arithmetic!(bitwise_and, BitAnd);
arithmetic!(shift_left, Shl);
arithmetic!(shift_right, Sar);
arithmetic!(shift_right_logical, Shr);

macro_rules! smi_arithmetic {
    ($name:ident, $checked:ident, $float:tt) => {
        unsafe fn $name(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
            // SAFETY: see the module docs.
            let (b, s) = unsafe { (op_signed(cur, pc, 0) as i32, slot(cur, pc, 1)) };
            let v = if let Some(a) = acc.as_int()
                && let Some(c) = a.$checked(b)
            {
                s.record_type(type_feedback::INT32);
                Value::int(c)
            } else if let Some(x) = acc.as_number() {
                s.record_type(type_feedback::NUMBER);
                Value::number(x $float b as f64)
            } else {
                generic!(vm, cur, pc, acc);
            };
            // SAFETY: see the module docs.
            unsafe { star_after(cur, pc + 3, v) }
        }
    };
}
smi_arithmetic!(add_smi, checked_add, +);
smi_arithmetic!(sub_smi, checked_sub, -);

macro_rules! increment {
    ($name:ident, $delta:expr) => {
        unsafe fn $name(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
            if let Some(a) = acc.as_int()
                && let Some(c) = a.checked_add($delta)
            {
                // SAFETY: see the module docs.
                unsafe {
                    slot(cur, pc, 0).record_type(type_feedback::INT32);
                    return star_after(cur, pc + 2, Value::int(c));
                }
            }
            generic!(vm, cur, pc, acc)
        }
    };
}
increment!(inc, 1);
increment!(dec, -1);

/// A call to `callee` with `this` and `args` (registers of the caller or
/// a copy of them) from the call instruction at `pc`, `len` bytes long,
/// whose feedback slot is its operand `slot_op`: a bytecode function's frame is pushed and
/// its first instruction runs next in the same loop; a built-in is called
/// directly, its arguments read in place. The frame facts come from the
/// callee's `FrameInfo` (one cache line, no walk through the bytecode
/// object); anything unusual (a class constructor, a primitive `this` to
/// box, a full register file, an interrupt, a callee that is no function
/// object) takes the generic path, which throws or converts.
///
/// # Safety
/// As a handler's; `slot_op` is the instruction's slot operand and `args`
/// lie below the register file's top (or outside it).
#[inline(always)]
#[allow(clippy::too_many_arguments)]
unsafe fn enter_call(
    vm: &mut Vm,
    cur: &mut Cursor,
    pc: usize,
    acc: Value,
    callee: Value,
    this: Value,
    args: &[Value],
    slot_op: usize,
    len: usize,
) -> (usize, Value) {
    let mut this = this;
    // SAFETY: see the module docs: a verified slot operand.
    let fs = unsafe { slot(cur, pc, slot_op) };
    let Some(f) = callee.as_gc::<JsObject>() else { generic!(vm, cur, pc, acc) };
    let ObjectKind::Function(data) = &f.kind else { generic!(vm, cur, pc, acc) };
    let (shared, context) = match data.code {
        FunctionCode::Bytecode { shared, context } => (shared, context),
        // A built-in (Math.abs, push, ...): called directly, its
        // arguments read from the caller's registers or this Rust frame
        // (both scanned by the GC).
        FunctionCode::Native { f: native, .. } => {
            fs.record_call_target(callee);
            vm.roots.stack.pc = pc as u32;
            let args = crate::function::Args::new(args);
            return match vm.call_native(f, native, this, args, Value::UNDEFINED) {
                // SAFETY: see the module docs: `pc + len` follows the call.
                Ok(v) => unsafe { star_after(cur, pc + len, v) },
                Err(Exception(e)) => (THROW, e),
            };
        }
    };
    let fi = &shared.frame;
    if fi.class_constructor != 0 {
        generic!(vm, cur, pc, acc)
    }
    // OrdinaryCallBindThis for a sloppy callee: undefined and null are the
    // global object; a primitive is boxed by the generic path.
    if fi.sloppy_this != 0 && this.as_gc::<JsObject>().is_none() && !this.is_hole() {
        if !this.is_nullish() {
            generic!(vm, cur, pc, acc)
        }
        this = data.realm.global.get();
    }
    let argc = args.len();
    let nargs = argc.max(fi.params as usize);
    let size = frame::frame_size(nargs, fi.registers as usize);
    // One slot of room above the frame: an empty register list may start
    // there (see strata_bytecode::verify).
    if vm.interrupted() || !vm.roots.stack.has_room(size + 1) {
        generic!(vm, cur, pc, acc)
    }
    fs.record_call_target(callee);
    // Stack traces and re-entry read the caller's pc.
    vm.roots.stack.pc = pc as u32;
    shared.invocations.set(shared.invocations.get().saturating_add(1));
    if vm.jit_policy != crate::jit::JitPolicy::Off && shared.jit.get().is_null() {
        vm.tier_up(shared);
    }
    let fp = vm.roots.stack.top as isize + nargs as isize + frame::HEADER_SLOTS as isize;
    let header = FrameHeader { this, new_target: Value::UNDEFINED, callee, argc, context, return_pc: pc as u32, caller_fp: cur.fp };
    // SAFETY: `has_room` checked that the whole frame (arguments, header,
    // registers, plus one) lies inside the register file, above every
    // register of the caller the arguments came from.
    unsafe { write_frame(cur.base, fp, ArgSource::Slice(args), nargs, header, fi.registers as usize) };
    vm.roots.stack.top = (fp + fi.registers as isize) as usize;
    vm.enter_frame(cur, fp, shared, data.realm);
    (0, acc)
}

/// A call with a fixed number of register arguments (CallProperty0..2,
/// CallUndefinedReceiver0..2), as V8's: see `enter_call`.
macro_rules! fixed_call {
    ($name:ident, $receiver:expr, $argc:expr) => {
        unsafe fn $name(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
            const FIRST: usize = 1 + $receiver as usize;
            // SAFETY: see the module docs.
            let callee = unsafe { reg(cur, pc, 0) };
            // SAFETY: see the module docs.
            let this = if $receiver { unsafe { reg(cur, pc, 1) } } else { Value::UNDEFINED };
            let mut argv = [Value::UNDEFINED; 2];
            for (i, a) in argv.iter_mut().enumerate().take($argc) {
                // SAFETY: see the module docs.
                *a = unsafe { reg(cur, pc, FIRST + i) };
            }
            // SAFETY: see the module docs; the operands are the callee,
            // the receiver, the arguments and the slot, a byte each.
            unsafe { enter_call(vm, cur, pc, acc, callee, this, &argv[..$argc], FIRST + $argc, 2 + FIRST + $argc) }
        }
    };
}

/// Call and CallUndefinedReceiver (callee, register list, count, slot):
/// the list holds `this` and then the arguments for Call, only the
/// arguments for CallUndefinedReceiver (calls with more arguments than
/// the fixed-arity forms take, like AWFY's list `tail(x, y, z)`).
macro_rules! list_call {
    ($name:ident, $receiver:expr) => {
        unsafe fn $name(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
            // SAFETY: see the module docs.
            let (callee, list, argc) = unsafe { (reg(cur, pc, 0), cur.regs.offset(op_signed(cur, pc, 1)), op(cur, pc, 2)) };
            // SAFETY: a verified register list: `this` (for Call) and
            // `argc` arguments in the caller's frame, below the register
            // file's top while the callee's frame is pushed above it.
            let (this, args) = unsafe {
                if $receiver {
                    (*list, std::slice::from_raw_parts(list.add(1), argc))
                } else {
                    (Value::UNDEFINED, std::slice::from_raw_parts(list, argc))
                }
            };
            // SAFETY: see the module docs: an unprefixed call is five bytes.
            unsafe { enter_call(vm, cur, pc, acc, callee, this, args, 3, 5) }
        }
    };
}
list_call!(call_list, true);
list_call!(call_undefined_receiver_list, false);

/// Construct (one-byte operands): a native constructor (`new Array(n)`)
/// is called with its arguments read in place; a bytecode constructor gets
/// its `this` and its frame pushed here, as `step` does, and runs in the
/// same loop. Anything else (not a constructor, a proxy, a bound function)
/// takes `step`.
unsafe fn construct(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs: Construct(callee, first argument
    // register, count, slot), verified.
    let (callee, start, argc, fs) =
        unsafe { (reg(cur, pc, 0), cur.fp + op_signed(cur, pc, 1), op(cur, pc, 2), slot(cur, pc, 3)) };
    let new_target = acc;
    let Some(f) = callee.as_gc::<JsObject>() else { generic!(vm, cur, pc, acc) };
    let ObjectKind::Function(d) = &f.kind else { generic!(vm, cur, pc, acc) };
    if !d.is_constructor() || start < 0 || start as usize + argc > vm.roots.stack.top {
        generic!(vm, cur, pc, acc)
    }
    fs.record_call_target(callee);
    // Stack traces, re-entry and the unwinder read the caller's pc.
    vm.roots.stack.pc = pc as u32;
    match d.code {
        FunctionCode::Native { f: native, .. } => {
            // SAFETY: the registers lie in the calling frame (checked just
            // above), below the register file's top for the whole call.
            let args = unsafe { crate::function::Args::from_raw(cur.base.offset(start), argc) };
            match vm.call_native(f, native, Value::UNDEFINED, args, new_target) {
                // SAFETY: see the module docs: an unprefixed Construct is
                // five bytes.
                Ok(v) => unsafe { star_after(cur, pc + 5, v) },
                Err(Exception(e)) => (THROW, e),
            }
        }
        FunctionCode::Bytecode { shared, .. } => {
            let this = match vm.construct_this(f, new_target) {
                Ok(this) => this,
                Err(Exception(e)) => return (THROW, e),
            };
            note_allocation(fs, this);
            let args = ArgSource::Registers { start, count: argc };
            match vm.push_frame(f, this, new_target, args, cur.fp, pc as u32) {
                Ok(fp) => {
                    vm.enter_frame(cur, fp, shared, d.realm);
                    (0, acc)
                }
                Err(Exception(e)) => (THROW, e),
            }
        }
    }
}

fixed_call!(call_property0, true, 0);
fixed_call!(call_property1, true, 1);
fixed_call!(call_property2, true, 2);
fixed_call!(call_undefined_receiver0, false, 0);
fixed_call!(call_undefined_receiver1, false, 1);
fixed_call!(call_undefined_receiver2, false, 2);

/// Return from a plain call to a bytecode caller: pops the frame and
/// continues after the call (a following Star included). The entry frame
/// and construct frames (whose result depends on `this`) take the
/// generic path.
unsafe fn return_(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    let fp = cur.fp;
    // SAFETY: the frame header lies inside the register file.
    let (new_target, caller_fp, call_pc) = unsafe {
        (*cur.regs.offset(frame::NEW_TARGET), *cur.regs.offset(frame::CALLER_FP), *cur.regs.offset(frame::RETURN_PC))
    };
    if fp == cur.entry_fp {
        generic!(vm, cur, pc, acc);
    }
    let (Some(caller_fp), Some(call_pc)) = (caller_fp.as_int(), call_pc.as_int()) else { generic!(vm, cur, pc, acc) };
    let Some((shared, realm)) = frame_function(vm, caller_fp as isize) else { generic!(vm, cur, pc, acc) };
    let call_pc = call_pc as usize;
    let mut acc = acc;
    if !new_target.is_undefined() {
        // A construct frame: its result is `this` unless it returned an
        // object. A frame pushed by `super(...)` (its caller binds the
        // result) and a derived constructor's errors take `step`.
        // SAFETY: call_pc is the caller's verified call instruction.
        if unsafe { *shared.frame.code.add(call_pc) } == Opcode::CallSuper as u8 {
            generic!(vm, cur, pc, acc);
        }
        if acc.as_gc::<JsObject>().is_none() {
            // SAFETY: the frame header lies inside the register file.
            let this = unsafe { *cur.regs.offset(frame::THIS) };
            if cur.shared.code.kind == strata_bytecode::FunctionKind::DerivedConstructor
                && (!acc.is_undefined() || this.is_hole())
            {
                generic!(vm, cur, pc, acc);
            }
            acc = this;
            note_instance_size(&cur.shared, acc);
        }
    }
    // The frame's first slot (its lowest argument): as `frame_base`, from
    // the header in hand and the frame facts' parameter count.
    // SAFETY: the frame header lies inside the register file.
    let argc = unsafe { *cur.regs.offset(frame::ARGC) }.as_int().unwrap_or(0) as isize;
    let nargs = argc.max(cur.shared.frame.params as isize);
    vm.roots.stack.top = (fp - nargs - frame::HEADER_SLOTS as isize) as usize;
    vm.enter_frame(cur, caller_fp as isize, shared, realm);
    // SAFETY: the caller's pc is the call instruction it suspended at, a
    // verified instruction of the function just entered.
    unsafe { star_after(cur, call_pc + instruction_len(cur.code, call_pc), acc) }
}

/// LdaGlobal with a cached binding: a global object data property or an
/// initialized script-level lexical binding.
unsafe fn lda_global(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: see the module docs.
    let fs = unsafe { slot(cur, pc, 1) };
    if let IcState::Global(g) = fs.ic.get()
        && g.valid(vm.roots.realm)
    {
        let v = match g.target {
            GlobalTarget::Property(n) => g.realm.global_object().slot(n),
            // SAFETY: lexical bindings are boxed and never removed from
            // their realm's table; the realm is alive (the current one).
            GlobalTarget::Lexical(p) => unsafe { (*p).value.get() },
        };
        if !v.is_hole() {
            // SAFETY: see the module docs.
            return unsafe { star_after(cur, pc + 3, v) };
        }
    }
    generic!(vm, cur, pc, acc)
}

/// The handler table: `generic` everywhere but the opcodes with a fast
/// handler here.
pub(super) const fn handlers(generic: OpHandler) -> [OpHandler; 256] {
    let mut t = [generic; 256];
    macro_rules! set {
        ($($op:ident => $f:ident),* $(,)?) => { $( t[Opcode::$op as usize] = $f; )* };
    }
    set! {
        Ldar => ldar, Star => star, Mov => mov,
        LdaUndefined => lda_undefined, LdaNull => lda_null, LdaTrue => lda_true, LdaFalse => lda_false,
        LdaZero => lda_zero, LdaSmi => lda_smi, LdaConstant => lda_constant,
        LdaContextSlot => lda_context_slot, StaContextSlot => sta_context_slot,
        ThrowReferenceErrorIfHole => throw_if_hole,
        GetNamedProperty => get_named, SetNamedProperty => set_named,
        GetKeyedProperty => get_keyed, SetKeyedProperty => set_keyed,
        Jump => jump, JumpLoop => jump_loop,
        JumpIfTrue => jump_if_true, JumpIfFalse => jump_if_false,
        JumpIfToBooleanTrue => jump_if_to_boolean_true, JumpIfToBooleanFalse => jump_if_to_boolean_false,
        JumpIfUndefined => jump_if_undefined, JumpIfNotUndefined => jump_if_not_undefined,
        JumpIfNull => jump_if_null, JumpIfNotNull => jump_if_not_null,
        JumpIfUndefinedOrNull => jump_if_undefined_or_null, JumpIfNotUndefinedOrNull => jump_if_not_undefined_or_null,
        ToBooleanLogicalNot => logical_not, LogicalNot => boolean_not,
        ThrowSuperNotCalledIfHole => throw_super_not_called_if_hole,
        Wide => wide, ExtraWide => extra_wide,
        TestEqualStrict => test_equal_strict,
        TestLessThan => test_less_than, TestGreaterThan => test_greater_than,
        TestLessThanOrEqual => test_less_than_or_equal, TestGreaterThanOrEqual => test_greater_than_or_equal,
        Add => add, Sub => sub, Mul => mul, Div => div, Mod => modulo,
        BitwiseOr => bitwise_or, BitwiseXor => bitwise_xor, BitwiseAnd => bitwise_and,
        ShiftLeft => shift_left, ShiftRight => shift_right, ShiftRightLogical => shift_right_logical,
        AddSmi => add_smi, SubSmi => sub_smi, Inc => inc, Dec => dec,
        CallProperty0 => call_property0, CallProperty1 => call_property1, CallProperty2 => call_property2,
        CallUndefinedReceiver0 => call_undefined_receiver0, CallUndefinedReceiver1 => call_undefined_receiver1,
        CallUndefinedReceiver2 => call_undefined_receiver2,
        Call => call_list, CallUndefinedReceiver => call_undefined_receiver_list,
        LdaGlobal => lda_global, Construct => construct,
        Return => return_,
    }
    t
}
