//! The bytecode interpreter: one loop over the register file's frames.
//!
//! JS→JS calls push a frame and continue in the same loop; returning pops
//! it. Native code calling JavaScript re-enters through [`Vm::call`],
//! which runs a new loop for the entry frame it pushes. Exceptions unwind
//! frame by frame through each function's handler table, and leave the
//! loop at its entry frame. The frame layout is `frame.rs` (must match).
//!
//! Files: `calls.rs` (frames, call, construct), `ops.rs` (operator
//! semantics), `closures.rs` (linking bytecode, closures, globals),
//! `classes.rs`, `iteration.rs`, `runtime.rs` (CallRuntime).

pub(crate) mod calls;
mod classes;
mod closures;
mod dynamic;
mod fast;
pub mod generators;
mod ic_ops;
mod iteration;
mod ops;
mod runtime;

pub use ops::{BinaryOp, exponentiate};

use strata_bytecode::{Constant, FunctionKind, Opcode, jump_operand_at, operand_at, scaled_len};
use strata_gc::Gc;

use crate::context::Context;
use crate::feedback::{FeedbackSlot, type_feedback};
use crate::ic::{GlobalTarget, Handler, IcState};
use ic_ops::StoreKind;
use crate::conversions::{strict_equals, to_boolean};
use crate::frame;
use crate::function::{FunctionCode, SharedFunction};
use crate::object::{JsObject, ObjectKind};
use crate::property::PropertyKey;
use crate::value::Value;
use crate::vm::{Exception, JsResult, Vm};
use calls::ArgSource;

/// The function a frame runs.
fn frame_shared(vm: &Vm, fp: isize) -> Option<Gc<SharedFunction>> {
    frame_function(vm, fp).map(|(s, _)| s)
}

/// The function a frame runs and its realm.
#[inline]
fn frame_function(vm: &Vm, fp: isize) -> Option<(Gc<SharedFunction>, Gc<crate::realm::Realm>)> {
    let callee = vm.roots.stack.get(fp + frame::CALLEE).as_gc::<JsObject>()?;
    match &callee.kind {
        ObjectKind::Function(d) => match &d.code {
            FunctionCode::Bytecode { shared, .. } => Some((*shared, d.realm)),
            FunctionCode::Native { .. } => None,
        },
        _ => None,
    }
}

/// `array[i] = v` filling a hole or appending, when no prototype has
/// indexed properties (so [[Set]] would define an own data element) and
/// the array may grow. False: take the generic path.
#[inline]
fn array_store_fast(obj: Gc<JsObject>, i: u32, v: Value) -> bool {
    let ObjectKind::Array { length, length_writable } = &obj.kind else { return false };
    if !obj.is_extensible() || (i >= length.get() && !length_writable.get()) {
        return false;
    }
    // No setter or read-only element on the chain: certain while no
    // prototype ever had an element (the protector), else checked.
    if !crate::object::prototypes_have_no_elements() {
        let mut p = obj.proto();
        while let Some(o) = p.as_gc::<JsObject>() {
            if !matches!(o.kind, ObjectKind::Ordinary | ObjectKind::Array { .. }) || !o.has_no_elements() {
                return false;
            }
            p = o.proto();
        }
    }
    let stored = obj.with_elements(|e| match e {
        crate::object::Elements::Dense(d) => {
            if (i as usize) < d.len() {
                d[i as usize] = v;
                true
            } else if i as usize == d.len() {
                d.push(v);
                true
            } else {
                false
            }
        }
        crate::object::Elements::Sparse(_) => false,
    });
    if stored && i >= length.get() {
        length.set(i + 1);
    }
    stored
}

/// The running frame, as the instruction handlers see it.
///
/// Invariant (the safety argument of every handler's unchecked reads):
/// `shared` is the function of the frame at `fp`, kept alive by that
/// frame's callee slot; its bytecode passed `strata_bytecode::verify` when
/// it was linked, so every instruction at a pc the loop reaches decodes
/// inside `code`, every `Reg` operand names a slot of the frame `regs`
/// points into (the frame was pushed with room for its parameters and
/// registers), and every `Slot` operand indexes `fb`. The register file
/// never moves: `base` is its slot 0 and `regs` is `base + fp`.
///
/// While compiled code runs, it keeps `shared`, `regs` and `fp` current
/// but not `code`, `fb` and `jit`, which follow from `shared`: every way
/// back into Rust from compiled code (its handler calls and its exit)
/// first calls [`Cursor::refresh_function`]. That spares each compiled
/// call and return six loads and stores.
pub struct Cursor {
    pub(crate) code: *const u8,
    pub(crate) regs: *mut Value,
    pub(crate) fb: *const FeedbackSlot,
    pub(crate) shared: Gc<SharedFunction>,
    pub(crate) fp: isize,
    /// The frame [`Vm::run`] was entered with: returning from it leaves.
    pub(crate) entry_fp: isize,
    pub(crate) base: *mut Value,
    /// The running function's compiled code (null: interpret it).
    pub(crate) jit: *const crate::jit::JitCode,
}

impl Cursor {
    /// Points `code`, `fb` and `jit` at `shared`'s (what compiled code
    /// leaves stale, see above).
    #[inline(always)]
    pub(crate) fn refresh_function(&mut self) {
        let shared = self.shared;
        self.code = shared.frame.code;
        self.fb = shared.frame.feedback;
        self.jit = shared.jit.get();
    }
}

/// An instruction handler: runs the instruction at `pc` and returns the
/// next pc and accumulator (or [`THROW`]/[`EXIT`] and a value).
pub(crate) type OpHandler = unsafe fn(&mut Vm, &mut Cursor, usize, Value) -> (usize, Value);

/// Returned as the pc: the entry frame returned the value.
pub(crate) const EXIT: usize = usize::MAX - 1;
/// Returned as the pc: the instruction threw the value.
pub(crate) const THROW: usize = usize::MAX;

/// Runs the instruction at `pc` with its handler (compiled code's
/// fallback for instructions without a template).
///
/// # Safety
/// As [`Vm::step`].
#[inline]
pub(crate) unsafe fn run_one(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: the caller's guarantee: pc starts a verified instruction.
    let byte = unsafe { *cur.code.add(pc) };
    // SAFETY: as above.
    unsafe { HANDLERS[byte as usize](vm, cur, pc, acc) }
}

/// The generic handler: [`Vm::step`].
///
/// # Safety
/// As [`Vm::step`].
unsafe fn generic(vm: &mut Vm, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
    // SAFETY: the caller's guarantee.
    unsafe { vm.step(cur, pc, acc) }
}

/// Each opcode byte's handler: a fast one for hot instructions, else
/// the generic step (which also runs every prefixed instruction).
pub(crate) static HANDLERS: [OpHandler; 256] = fast::handlers(generic);

/// Unprefixed instruction lengths by opcode byte.
static UNPREFIXED_LEN: [u8; 256] = strata_bytecode::unprefixed_lengths();

/// Length of the verified instruction at `pc`, prefix included.
fn instruction_len(code: *const u8, pc: usize) -> usize {
    // SAFETY: `pc` is the call instruction a frame returns to, verified
    // with the rest of its function.
    let byte = unsafe { *code.add(pc) };
    if byte <= Opcode::ExtraWide as u8 {
        // SAFETY: as above; the prefix is followed by a valid opcode.
        let op = unsafe { std::mem::transmute::<u8, Opcode>(*code.add(pc + 1)) };
        return 1 + scaled_len(op, byte as usize + 1);
    }
    // SAFETY: verified opcode byte.
    scaled_len(unsafe { std::mem::transmute::<u8, Opcode>(byte) }, 0)
}

/// A `new` site's allocation feedback: the shape of the `this` it made.
fn note_allocation(fs: &crate::feedback::FeedbackSlot, this: Value) {
    if let Some(o) = this.as_gc::<JsObject>()
        && !matches!(fs.ic.get(), IcState::Allocation(s) if *s == o.shape())
    {
        fs.ic.update_with(|s| *s = IcState::Allocation(o.shape()));
    }
}

/// Slack tracking, when a constructor returns its `this`: later instances
/// of `shared` get as many inline slots as this one ended up with.
fn note_instance_size(shared: &SharedFunction, this: Value) {
    if let Some(o) = this.as_gc::<JsObject>() {
        let n = o.slot_count() as u32;
        if n > shared.instance_slots.get() {
            shared.instance_slots.set(n);
        }
    }
}

/// First slot of a frame (its lowest argument).
fn frame_base(vm: &Vm, fp: isize, shared: &SharedFunction) -> isize {
    let argc = vm.roots.stack.get(fp + frame::ARGC).as_int().unwrap_or(0) as isize;
    let nargs = argc.max(shared.code.param_count as isize);
    fp - frame::HEADER_SLOTS as isize - nargs
}

impl Vm {
    /// Runs the frame at `entry_fp` (already pushed) to completion.
    ///
    /// The loop is a trampoline: each instruction's handler is a function
    /// from [`HANDLERS`], called with the cursor (the running frame's
    /// code, registers and feedback), the pc and the accumulator, and
    /// returning the next pc and accumulator. Hot instructions have small
    /// handlers of their own (`fast.rs`), whose registers the compiler
    /// allocates per handler; the rest share [`Vm::step`]. A handler
    /// returns [`THROW`] with the exception in place of the accumulator,
    /// or [`EXIT`] with the entry frame's return value.
    pub fn run(&mut self, entry_fp: isize) -> JsResult<Value> {
        self.run_at(entry_fp, 0, Value::UNDEFINED)
    }

    /// [`Vm::run`] from instruction `start_pc` with `start_acc` (a resumed
    /// generator frame).
    pub(crate) fn run_at(&mut self, entry_fp: isize, start_pc: usize, start_acc: Value) -> JsResult<Value> {
        let Some(shared) = frame_shared(self, entry_fp) else {
            return Err(self.type_error("internal error: entry frame without bytecode"));
        };
        let saved_fp = self.roots.stack.fp;
        let saved_pc = self.roots.stack.pc;
        // The entry frame links to the JavaScript frame below the native
        // caller, so stack traces continue through native code.
        self.roots.stack.set(entry_fp + frame::CALLER_FP, Value::int(saved_fp as i32));
        self.roots.stack.set(entry_fp + frame::RETURN_PC, Value::int(saved_pc as i32));
        // A resumed generator's saved header may hold the continuation of
        // the compiled call that first ran it.
        self.roots.stack.set(entry_fp + frame::RETURN_ADDRESS, Value::UNDEFINED);
        let entry_base = frame_base(self, entry_fp, &shared);
        self.roots.stack.fp = entry_fp;

        // The running function's realm is the current realm (global
        // accesses, intrinsics); `leave` restores the caller's.
        let saved_realm = self.roots.realm;
        if let Some((_, realm)) = frame_function(self, entry_fp) {
            self.roots.realm = Some(realm);
        }
        let leave = |vm: &mut Vm| {
            vm.roots.realm = saved_realm;
            vm.roots.stack.top = entry_base as usize;
            vm.roots.stack.fp = saved_fp;
            vm.roots.stack.pc = saved_pc;
        };

        let base = self.roots.stack.base();
        let mut cur = Cursor {
            code: shared.code.code.as_ptr(),
            // SAFETY: entry_fp is a pushed frame of the register file.
            regs: unsafe { base.offset(entry_fp) },
            fb: shared.feedback.slots.as_ptr(),
            shared,
            fp: entry_fp,
            entry_fp,
            base,
            jit: shared.jit.get(),
        };
        let mut pc: usize = start_pc;
        let mut acc = start_acc;
        // With the JIT off no frame ever has compiled code: the handler
        // loop below then runs without checking for it.
        let interpret_only = self.jit_policy == crate::jit::JitPolicy::Off;
        loop {
            // SAFETY: compiled code lives as long as the vm (its tier owns it).
            let target = if cur.jit.is_null() { None } else { unsafe { (*cur.jit).target(pc) } };
            let (next, value) = match target {
                // The handlers, one after another, until one exits or
                // throws, or (JIT on) the running frame has compiled code.
                None => {
                    let (mut p, mut a) = (pc, acc);
                    loop {
                        // SAFETY: pc starts a verified instruction of the
                        // running function (see `Cursor`), as does every pc
                        // a handler returns below EXIT.
                        let (n, v) = unsafe { run_one(self, &mut cur, p, a) };
                        if n >= EXIT || (!interpret_only && !cur.jit.is_null()) {
                            break (n, v);
                        }
                        (p, a) = (n, v);
                    }
                }
                Some(target) => {
                    // SAFETY: the code was compiled from this frame's
                    // function and `target` is the code of instruction `pc`;
                    // it runs the frame as the handlers would.
                    let r = unsafe { ((*cur.jit).entry)(self, &mut cur, acc.bits(), target) };
                    cur.refresh_function();
                    // SAFETY: the code returns a Value's bits as the accumulator.
                    (r.pc, unsafe { Value::from_bits(r.acc) })
                }
            };
            if next < EXIT {
                pc = next;
                acc = value;
                continue;
            }
            if next == EXIT {
                leave(self);
                return Ok(value);
            }
            // Unwind to the innermost handler covering the pc, frame by
            // frame, stopping at the entry frame. Every throwing path
            // records the pc of the instruction that threw in the frame
            // `cur` now describes (a Return can throw in its caller).
            let e = value;
            pc = self.roots.stack.pc as usize;
            loop {
                let (shared, fp) = (cur.shared, cur.fp);
                // A termination skips every handler.
                let handler = if e.is_hole() {
                    None
                } else {
                    shared.code.handlers.iter().find(|h| h.start as usize <= pc && (pc as u32) < h.end).copied()
                };
                if let Some(h) = handler {
                    let ctx = self.roots.stack.get(fp + h.context_reg as isize);
                    self.roots.stack.set(fp + frame::CONTEXT, ctx);
                    self.roots.stack.top = (fp + shared.code.register_count as isize) as usize;
                    acc = e;
                    pc = h.handler as usize;
                    break;
                }
                if fp == entry_fp {
                    leave(self);
                    return Err(Exception(e));
                }
                let caller_fp = self.roots.stack.get(fp + frame::CALLER_FP).as_int().unwrap_or(-1) as isize;
                let call_pc = self.roots.stack.get(fp + frame::RETURN_PC).as_int().unwrap_or(0) as usize;
                self.roots.stack.top = frame_base(self, fp, &shared) as usize;
                let Some((caller_shared, realm)) = frame_function(self, caller_fp) else {
                    leave(self);
                    return Err(Exception(e));
                };
                self.enter_frame(&mut cur, caller_fp, caller_shared, realm);
                pc = call_pc;
            }
        }
    }

    /// Makes `cur` describe the frame at `fp`, running `shared` in `realm`.
    #[inline(always)]
    pub(crate) fn enter_frame(&mut self, cur: &mut Cursor, fp: isize, shared: Gc<SharedFunction>, realm: Gc<crate::realm::Realm>) {
        cur.shared = shared;
        // The frame facts' copies: on the shared function's own line.
        cur.refresh_function();
        // SAFETY: fp is a frame of the register file.
        cur.regs = unsafe { cur.base.offset(fp) };
        cur.fp = fp;
        self.roots.realm = Some(realm);
        self.roots.stack.fp = fp;
    }

    /// Runs the one instruction at `pc` (any opcode, any operand scale):
    /// the handler of every instruction without a fast one, and the slow
    /// path of those with one. Returns the next pc and accumulator, or
    /// [`THROW`]/[`EXIT`] (see [`Vm::run`]).
    ///
    /// # Safety
    /// `cur` describes the running frame and `pc` starts one of its
    /// instructions (see [`Cursor`]).
    #[inline(never)]
    // `enter_frame!` refreshes every local a later read could need; after
    // a call the handler returns at once, leaving some of them unread.
    #[allow(unused_assignments)]
    pub(crate) unsafe fn step(&mut self, cur: &mut Cursor, pc: usize, acc: Value) -> (usize, Value) {
        let mut pc = pc;
        let mut acc = acc;
        let entry_fp = cur.entry_fp;
        let mut shared = cur.shared;
        let mut fp = cur.fp;
        // SAFETY (for every `unsafe` read of `code`, `regs` and `fb` here):
        // see `Cursor`.
        let mut code: *const u8 = cur.code;
        let mut fb: *const FeedbackSlot = cur.fb;
        let mut regs: *mut Value = cur.regs;
        let base = cur.base;

        // Switches to the frame at `fp`: its function, realm, code,
        // feedback and registers.
        macro_rules! enter_frame {
            ($shared:expr, $realm:expr) => {{
                self.enter_frame(cur, fp, $shared, $realm);
                shared = cur.shared;
                code = cur.code;
                fb = cur.fb;
                regs = cur.regs;
            }};
        }
        {
            // SAFETY: see above: pc starts a verified instruction.
            let mut byte = unsafe { *code.add(pc) };
            let (op_pc, scale, mut next);
            if byte > Opcode::ExtraWide as u8 {
                op_pc = pc;
                scale = 0usize;
                next = pc + UNPREFIXED_LEN[byte as usize] as usize;
            } else {
                scale = byte as usize + 1;
                op_pc = pc + 1;
                // SAFETY: a verified prefix is followed by its instruction.
                byte = unsafe { *code.add(op_pc) };
                // SAFETY: verified code holds only valid opcode bytes.
                next = op_pc + scaled_len(unsafe { std::mem::transmute::<u8, Opcode>(byte) }, scale);
            }
            // SAFETY: verified code holds only valid opcode bytes.
            let opcode: Opcode = unsafe { std::mem::transmute::<u8, Opcode>(byte) };
            // Unsigned operand `i` (UImm, Idx, Slot); `os!` for signed
            // ones (Reg, Imm).
            macro_rules! o {
                ($i:expr) => {
                    // SAFETY: see above.
                    unsafe { operand_at(code, op_pc, scale, $i, false) }
                };
            }
            macro_rules! os {
                ($i:expr) => {
                    // SAFETY: see above.
                    unsafe { operand_at(code, op_pc, scale, $i, true) }
                };
            }
            let result: JsResult<()> = 'op: {
                // Anything that may throw or run other code goes through
                // `t!` or `fail!`, which publish the pc first (stack traces
                // and re-entry read it from the register file).
                macro_rules! t {
                    ($e:expr) => {{
                        self.roots.stack.pc = pc as u32;
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'op Err(e),
                        }
                    }};
                }
                macro_rules! fail {
                    ($e:expr) => {{
                        self.roots.stack.pc = pc as u32;
                        break 'op Err($e);
                    }};
                }
                // Continues in the bytecode frame just pushed at `$fp`.
                macro_rules! enter_callee {
                    ($fp:expr) => {{
                        fp = $fp;
                        let Some((callee_shared, realm)) = frame_function(self, fp) else {
                            fail!(self.type_error("internal error: pushed frame without bytecode"));
                        };
                        enter_frame!(callee_shared, realm);
                        return (0, acc);
                    }};
                }
                macro_rules! reg {
                    ($i:expr) => {
                        {
                            let r = os!($i) as isize;
                            // SAFETY: verified register operand (see above).
                            unsafe { *regs.offset(r) }
                        }
                    };
                }
                macro_rules! set_reg {
                    ($i:expr, $v:expr) => {{
                        let v = $v;
                        let r = os!($i) as isize;
                        // SAFETY: verified register operand (see above).
                        unsafe { *regs.offset(r) = v }
                    }};
                }
                macro_rules! slot {
                    ($i:expr) => {
                        {
                            let i = o!($i) as usize;
                            // SAFETY: verified feedback slot operand (see above).
                            unsafe { &*fb.add(i) }
                        }
                    };
                }
                macro_rules! name_key {
                    ($i:expr) => {{
                        match shared.keys.get(o!($i) as usize).copied().flatten() {
                            Some(k) => k,
                            None => fail!(self.type_error("internal error: bad name constant")),
                        }
                    }};
                }
                // `l OP r` for a binary operation: int32 and number fast
                // paths (ops::int_fast / apply_number), then the generic one.
                macro_rules! arith {
                    ($l:expr, $r:expr, $slot:expr, $op:ident) => {{
                        let (l, r) = ($l, $r);
                        let s = slot!($slot);
                        if let (Some(a), Some(b)) = (l.as_int(), r.as_int())
                            && let Some(v) = ops::int_fast(BinaryOp::$op, a, b)
                        {
                            s.record_type(type_feedback::INT32);
                            acc = v;
                        } else if let (Some(x), Some(y)) = (l.as_number(), r.as_number())
                            && let Some(v) = ops::number_fast(BinaryOp::$op, x, y)
                        {
                            s.record_type(type_feedback::NUMBER);
                            acc = v;
                        } else {
                            s.record_type(type_feedback::of_pair(l, r));
                            acc = t!(self.binary(BinaryOp::$op, l, r));
                        }
                    }};
                }
                macro_rules! compare {
                    ($cmp:tt, $slot:expr) => {{
                        let (l, r) = (reg!(0), acc);
                        let s = slot!($slot);
                        if let (Some(a), Some(b)) = (l.as_int(), r.as_int()) {
                            s.record_type(type_feedback::INT32);
                            acc = Value::bool(a $cmp b);
                        } else if let (Some(x), Some(y)) = (l.as_number(), r.as_number()) {
                            s.record_type(type_feedback::NUMBER);
                            acc = Value::bool(x $cmp y);
                        } else {
                            s.record_type(type_feedback::of_pair(l, r));
                            acc = Value::bool(t!(self.compare(opcode, l, r)));
                        }
                        fuse_branch!();
                    }};
                }
                // A comparison followed by JumpIfTrue/JumpIfFalse (the
                // usual shape of a condition) takes the branch here,
                // without dispatching the jump.
                macro_rules! fuse_branch {
                    () => {{
                        // SAFETY: `next` starts a verified instruction; an
                        // unprefixed conditional jump is the opcode and a
                        // 4-byte offset relative to its first byte.
                        unsafe {
                            let b = *code.add(next);
                            if b == Opcode::JumpIfFalse as u8 || b == Opcode::JumpIfTrue as u8 {
                                let taken = (acc == Value::TRUE) == (b == Opcode::JumpIfTrue as u8);
                                if taken {
                                    let off = i32::from_le_bytes((code.add(next + 1) as *const [u8; 4]).read_unaligned());
                                    next = (next as i64 + off as i64) as usize;
                                } else {
                                    next += 5;
                                }
                            }
                        }
                    }};
                }
                macro_rules! site {
                    ($what:expr) => {
                        ic_ops::Site { shared, pc: pc as u32, what: $what }
                    };
                }
                macro_rules! jump {
                    () => {
                        // SAFETY: see above; the jump is the last operand.
                        next = (pc as i64 + unsafe { jump_operand_at(code, op_pc, scale, opcode.operands().len() - 1) }) as usize
                    };
                }
                match opcode {
                    Opcode::Wide | Opcode::ExtraWide | Opcode::Illegal => {
                        fail!(self.type_error("internal error: illegal bytecode"));
                    }
                    Opcode::LdaUndefined => acc = Value::UNDEFINED,
                    Opcode::LdaNull => acc = Value::NULL,
                    Opcode::LdaTrue => acc = Value::TRUE,
                    Opcode::LdaFalse => acc = Value::FALSE,
                    Opcode::LdaTheHole => acc = Value::HOLE,
                    Opcode::LdaZero => acc = Value::int(0),
                    Opcode::LdaSmi => acc = Value::int(os!(0) as i32),
                    Opcode::LdaConstant => {
                        acc = shared.constants.get(o!(0) as usize).copied().unwrap_or(Value::UNDEFINED);
                    }
                    Opcode::Ldar => acc = reg!(0),
                    Opcode::Star => set_reg!(0, acc),
                    Opcode::Mov => {
                        let v = reg!(0);
                        set_reg!(1, v)
                    }

                    // ---- variables ----
                    Opcode::LdaGlobal | Opcode::LdaGlobalInsideTypeof => {
                        let fs = slot!(1);
                        if let IcState::Global(g) = fs.ic.get()
                            && let GlobalTarget::Property(n) = g.target
                            && g.valid(self.roots.realm)
                        {
                            acc = g.realm.global_object().slot(n);
                            break 'op Ok(());
                        }
                        let key = name_key!(0);
                        let typeof_ = opcode == Opcode::LdaGlobalInsideTypeof;
                        acc = t!(self.load_global_ic(key, typeof_, fs, site!("global load")));
                    }
                    Opcode::StaGlobal => {
                        let key = name_key!(0);
                        t!(self.store_global_ic(key, acc, shared.code.strict, slot!(1), site!("global store")));
                    }
                    Opcode::StaScriptLexical => {
                        let key = name_key!(0);
                        t!(self.init_script_lexical(key, acc));
                    }
                    Opcode::DeclareGlobals => {
                        let decls = match shared.constant(o!(0) as usize) {
                            Some(Constant::Globals(g)) => g.clone(),
                            _ => fail!(self.type_error("internal error: bad globals constant")),
                        };
                        if decls.eval {
                            let context = self.roots.stack.get(fp + frame::CONTEXT);
                            t!(self.declare_eval_vars(context, &decls));
                        } else {
                            t!(self.declare_globals(&decls));
                        }
                    }
                    Opcode::LdaContextSlot => {
                        let ctx = t!(self.context_at(fp, o!(1) as u32));
                        acc = ctx.get(o!(0) as usize);
                        // The TDZ check that usually follows passes once the
                        // binding is initialized: skip its dispatch.
                        // SAFETY: `next` starts a verified instruction; an
                        // unprefixed ThrowReferenceErrorIfHole is 2 bytes.
                        if !acc.is_hole() && unsafe { *code.add(next) } == Opcode::ThrowReferenceErrorIfHole as u8 {
                            next += 2;
                        }
                    }
                    Opcode::StaContextSlot => {
                        let ctx = t!(self.context_at(fp, o!(1) as u32));
                        ctx.set(o!(0) as usize, acc);
                    }
                    Opcode::LdaModuleVariable => {
                        let Some(module) = self.module_of_script(shared.code.script) else {
                            fail!(self.type_error("internal error: module variable outside a module"));
                        };
                        let i = os!(0);
                        acc = if i >= 0 {
                            module.export_cell(i as u32)
                        } else {
                            let import = module.imports.borrow().get((-i - 1) as usize).copied();
                            match import {
                                Some(binding) => binding.get(),
                                None => fail!(self.type_error("internal error: unresolved import")),
                            }
                        };
                    }
                    Opcode::StaModuleVariable => {
                        let Some(module) = self.module_of_script(shared.code.script) else {
                            fail!(self.type_error("internal error: module variable outside a module"));
                        };
                        module.set_export_cell(os!(0) as u32, acc);
                    }
                    Opcode::LdaLookupSlot | Opcode::LdaLookupSlotInsideTypeof | Opcode::StaLookupSlot => {
                        // Names inside `with` or visible to sloppy direct
                        // eval, looked up through the context chain
                        // (dynamic.rs).
                        let key = name_key!(0);
                        let context = self.roots.stack.get(fp + frame::CONTEXT);
                        if opcode == Opcode::StaLookupSlot {
                            t!(self.store_dynamic(context, key, acc, o!(1) != 0));
                        } else {
                            let for_typeof = opcode == Opcode::LdaLookupSlotInsideTypeof;
                            acc = t!(self.load_dynamic(context, key, for_typeof, shared.code.strict)).0;
                        }
                    }
                    Opcode::LdaLookupSlotForCall => {
                        let key = name_key!(0);
                        let context = self.roots.stack.get(fp + frame::CONTEXT);
                        let (value, this) = t!(self.load_dynamic(context, key, false, shared.code.strict));
                        // The register file may have moved during the lookup.
                        self.roots.stack.set(fp + os!(1) as isize, this);
                        acc = value;
                    }
                    Opcode::ResolveLookupSlot => {
                        let key = name_key!(0);
                        let context = self.roots.stack.get(fp + frame::CONTEXT);
                        acc = t!(self.resolve_dynamic_holder(context, key));
                    }
                    Opcode::LdaLookupSlotIn => {
                        let key = name_key!(0);
                        let context = self.roots.stack.get(fp + frame::CONTEXT);
                        let holder = reg!(1);
                        acc = t!(self.load_dynamic_in(context, key, holder, shared.code.strict));
                    }
                    Opcode::StaLookupSlotIn => {
                        let key = name_key!(0);
                        let context = self.roots.stack.get(fp + frame::CONTEXT);
                        let holder = reg!(1);
                        t!(self.store_dynamic_in(context, key, holder, acc, o!(2) != 0));
                    }
                    Opcode::DeleteLookupSlot => {
                        let key = name_key!(0);
                        let context = self.roots.stack.get(fp + frame::CONTEXT);
                        acc = Value::bool(t!(self.delete_dynamic(context, key)));
                    }
                    Opcode::CreateWithContext => {
                        let Some(scope) = Self::scope_constant(shared.constant(o!(0) as usize)) else {
                            fail!(self.type_error("internal error: bad scope constant"));
                        };
                        let parent = self.roots.stack.get(fp + frame::CONTEXT);
                        acc = Value::from_gc(t!(self.new_with_context(scope, acc, parent)));
                    }
                    Opcode::ThrowReferenceErrorIfHole => {
                        if acc.is_hole() {
                            let c = shared.constants.get(o!(0) as usize).copied().unwrap_or(Value::UNDEFINED);
                            let name = self.display_string(c).unwrap_or_default();
                            fail!(self.reference_error(&format!("Cannot access '{name}' before initialization")));
                        }
                    }
                    Opcode::ThrowConstAssignError => {
                        let c = shared.constants.get(o!(0) as usize).copied().unwrap_or(Value::UNDEFINED);
                        let name = self.display_string(c).unwrap_or_default();
                        fail!(self.type_error(&format!("Assignment to constant variable '{name}'.")));
                    }

                    // ---- contexts ----
                    Opcode::CreateFunctionContext | Opcode::CreateBlockContext => {
                        let scope = match shared.constant(o!(0) as usize) {
                            Some(Constant::Scope(s)) => s.clone(),
                            _ => fail!(self.type_error("internal error: bad scope constant")),
                        };
                        let slots = scope.names.len();
                        let parent = self.roots.stack.get(fp + frame::CONTEXT);
                        let ctx = t!(self.new_context(parent, Some(scope), slots));
                        acc = Value::from_gc(ctx);
                    }
                    Opcode::CloneContext => {
                        let cur = self.roots.stack.get(fp + frame::CONTEXT);
                        let Some(c) = cur.as_gc::<Context>() else {
                            fail!(self.type_error("internal error: no context to clone"));
                        };
                        let copy = t!(self.new_context(c.parent, c.scope.clone(), c.slots().len()));
                        for (to, from) in copy.slots().iter().zip(c.slots()) {
                            to.set(from.get());
                        }
                        acc = Value::from_gc(copy);
                    }
                    Opcode::PushContext => {
                        let cur = self.roots.stack.get(fp + frame::CONTEXT);
                        set_reg!(0, cur);
                        self.roots.stack.set(fp + frame::CONTEXT, acc);
                    }
                    Opcode::PopContext => {
                        let v = reg!(0);
                        self.roots.stack.set(fp + frame::CONTEXT, v);
                    }

                    // ---- properties ----
                    Opcode::GetNamedProperty => {
                        let recv = reg!(0);
                        let fs = slot!(2);
                        if let Some(obj) = recv.as_gc::<JsObject>()
                            && let Some(h) = fs.ic.get().find(&obj)
                        {
                            match h {
                                Handler::OwnSlot(n) => {
                                    acc = obj.slot(n);
                                    break 'op Ok(());
                                }
                                Handler::ProtoSlot(h, n) => {
                                    acc = h.slot(n);
                                    break 'op Ok(());
                                }
                                _ => {}
                            }
                        }
                        let key = name_key!(1);
                        acc = t!(self.load_named_ic(recv, key, fs, site!("load")));
                    }
                    Opcode::GetKeyedProperty => {
                        let base = reg!(0);
                        if let Some(obj) = base.as_gc::<JsObject>() {
                            if let Some(i) = acc.as_int()
                                && i >= 0
                                && !matches!(obj.kind, ObjectKind::Arguments(_))
                                && let Some((v, a)) = obj.element(i as u32)
                                && !a.is_accessor()
                            {
                                slot!(1).record_type(type_feedback::INT32);
                                acc = v;
                                break 'op Ok(());
                            }
                            // An atom that is not an index is already its
                            // own property key (see Vm::key_from_string).
                            if let Some(s) = acc.as_gc::<crate::string::JsString>()
                                && s.is_atom()
                                && !s.is_empty()
                                && !(b'0' as u16..=b'9' as u16).contains(&s.at(0))
                            {
                                slot!(1).record_type(type_feedback::STRING);
                                acc = t!(self.load_keyed_named(obj, PropertyKey::String(s)));
                                break 'op Ok(());
                            }
                            if let Some(sym) = acc.as_gc::<crate::symbol::Symbol>() {
                                slot!(1).record_type(type_feedback::ANY);
                                acc = t!(self.load_keyed_named(obj, PropertyKey::Symbol(sym)));
                                break 'op Ok(());
                            }
                        }
                        slot!(1).record_type(type_feedback::of(acc));
                        acc = t!(self.get_keyed(base, acc));
                    }
                    Opcode::SetNamedProperty | Opcode::DefineNamedOwnProperty => {
                        let recv = reg!(0);
                        let fs = slot!(2);
                        if let Some(obj) = recv.as_gc::<JsObject>()
                            && let Some(Handler::OwnSlot(n)) = fs.ic.get().find(&obj)
                        {
                            obj.set_slot(n, acc);
                            strata_gc::write_barrier(obj.cell(), acc.bits() as usize);
                            break 'op Ok(());
                        }
                        let key = name_key!(1);
                        let kind = if opcode == Opcode::SetNamedProperty { StoreKind::Set } else { StoreKind::Define };
                        t!(self.store_named_ic(recv, key, acc, shared.code.strict, kind, fs, site!("store")));
                    }
                    Opcode::SetKeyedProperty => {
                        let (base, k) = (reg!(0), reg!(1));
                        if let Some(obj) = base.as_gc::<JsObject>()
                            && let Some(i) = k.as_int()
                            && i >= 0
                            && obj.is_array()
                            && (obj.set_dense_in_bounds(i as u32, acc) || array_store_fast(obj, i as u32, acc))
                        {
                            slot!(2).record_type(type_feedback::INT32);
                            break 'op Ok(());
                        }
                        slot!(2).record_type(type_feedback::of(k));
                        let key = t!(self.to_property_key(k));
                        t!(self.set_value(base, key, acc, shared.code.strict));
                    }
                    Opcode::DefineKeyedOwnProperty => {
                        let k = reg!(1);
                        let key = t!(self.to_property_key(k));
                        if let Some(obj) = reg!(0).as_gc::<JsObject>() {
                            t!(self.create_data_property_or_throw(obj, key, acc));
                        }
                    }
                    Opcode::DeleteProperty => {
                        let base = reg!(0);
                        let key = t!(self.to_property_key(acc));
                        let obj = t!(self.to_object(base));
                        let ok = t!(self.delete_property(obj, key));
                        if !ok && o!(1) != 0 {
                            let name = self.describe_key(key);
                            fail!(self.type_error(&format!("Cannot delete property '{name}' of object")));
                        }
                        acc = Value::bool(ok);
                    }
                    Opcode::GetNamedSuperProperty => {
                        let key = name_key!(1);
                        acc = t!(self.super_get(fp, key, reg!(0)));
                    }
                    Opcode::GetKeyedSuperProperty => {
                        let key = t!(self.to_property_key(acc));
                        acc = t!(self.super_get(fp, key, reg!(0)));
                    }
                    Opcode::SetKeyedSuperProperty => {
                        let key = t!(self.to_property_key(reg!(1)));
                        t!(self.super_set(fp, key, acc, reg!(0), shared.code.strict));
                    }

                    // ---- arithmetic ----
                    // int32 and number fast paths inline, recording the
                    // operand types seen; everything else in ops.rs.
                    Opcode::Add => {
                        let (l, r) = (reg!(0), acc);
                        let s = slot!(1);
                        if let (Some(a), Some(b)) = (l.as_int(), r.as_int())
                            && let Some(c) = a.checked_add(b)
                        {
                            s.record_type(type_feedback::INT32);
                            acc = Value::int(c);
                        } else if let (Some(x), Some(y)) = (l.as_number(), r.as_number()) {
                            s.record_type(type_feedback::NUMBER);
                            acc = Value::number(x + y);
                        } else {
                            s.record_type(type_feedback::of_pair(l, r));
                            acc = t!(self.add(l, r));
                        }
                    }
                    Opcode::Sub => arith!(reg!(0), acc, 1, Sub),
                    Opcode::Mul => arith!(reg!(0), acc, 1, Mul),
                    Opcode::Div => arith!(reg!(0), acc, 1, Div),
                    Opcode::Mod => arith!(reg!(0), acc, 1, Mod),
                    Opcode::Exp => arith!(reg!(0), acc, 1, Exp),
                    Opcode::BitwiseOr => arith!(reg!(0), acc, 1, BitOr),
                    Opcode::BitwiseXor => arith!(reg!(0), acc, 1, BitXor),
                    Opcode::BitwiseAnd => arith!(reg!(0), acc, 1, BitAnd),
                    Opcode::ShiftLeft => arith!(reg!(0), acc, 1, Shl),
                    Opcode::ShiftRight => arith!(reg!(0), acc, 1, Sar),
                    Opcode::ShiftRightLogical => arith!(reg!(0), acc, 1, Shr),
                    Opcode::AddSmi => {
                        let (l, b) = (acc, os!(0) as i32);
                        let s = slot!(1);
                        if let Some(a) = l.as_int()
                            && let Some(c) = a.checked_add(b)
                        {
                            s.record_type(type_feedback::INT32);
                            acc = Value::int(c);
                        } else if let Some(x) = l.as_number() {
                            s.record_type(type_feedback::NUMBER);
                            acc = Value::number(x + b as f64);
                        } else {
                            s.record_type(type_feedback::of_pair(l, Value::int(b)));
                            acc = t!(self.add(l, Value::int(b)));
                        }
                    }
                    Opcode::SubSmi => arith!(acc, Value::int(os!(0) as i32), 1, Sub),
                    Opcode::Inc | Opcode::Dec => {
                        let delta = if opcode == Opcode::Inc { 1 } else { -1 };
                        let s = slot!(0);
                        if let Some(a) = acc.as_int()
                            && let Some(c) = a.checked_add(delta)
                        {
                            s.record_type(type_feedback::INT32);
                            acc = Value::int(c);
                        } else {
                            s.record_type(type_feedback::of(acc));
                            acc = t!(self.add_numeric(acc, delta));
                        }
                    }
                    Opcode::Negate => {
                        slot!(0).record_type(type_feedback::of(acc));
                        acc = match acc.as_int() {
                            Some(i) if i != 0 && i != i32::MIN => Value::int(-i),
                            _ => t!(self.negate(acc)),
                        }
                    }
                    Opcode::BitwiseNot => {
                        slot!(0).record_type(type_feedback::of(acc));
                        acc = match acc.as_int() {
                            Some(i) => Value::int(!i),
                            None => t!(self.bitwise_not(acc)),
                        }
                    }
                    Opcode::ToNumeric => acc = t!(self.to_numeric(acc)),
                    Opcode::ToNumber => acc = Value::number(t!(self.to_number(acc))),
                    Opcode::ToString => acc = Value::from_gc(t!(self.to_string(acc))),
                    Opcode::ToName => {
                        let key = t!(self.to_property_key(acc));
                        acc = t!(self.key_to_value(key));
                    }
                    Opcode::ToObject => acc = Value::from_gc(t!(self.to_object(acc))),
                    Opcode::LogicalNot => acc = Value::bool(acc != Value::TRUE),
                    Opcode::ToBooleanLogicalNot => acc = Value::bool(!to_boolean(acc)),
                    Opcode::TypeOf => acc = Value::from_gc(self.type_of(acc)),

                    // ---- comparisons ----
                    Opcode::TestEqual => {
                        let (l, r) = (reg!(0), acc);
                        slot!(1).record_type(type_feedback::of_pair(l, r));
                        acc = Value::bool(t!(self.loose_equals(l, r)));
                    }
                    Opcode::TestEqualStrict => {
                        let (l, r) = (reg!(0), acc);
                        slot!(1).record_type(type_feedback::of_pair(l, r));
                        acc = Value::bool(strict_equals(l, r));
                        fuse_branch!();
                    }
                    Opcode::TestLessThan => compare!(<, 1),
                    Opcode::TestGreaterThan => compare!(>, 1),
                    Opcode::TestLessThanOrEqual => compare!(<=, 1),
                    Opcode::TestGreaterThanOrEqual => compare!(>=, 1),
                    Opcode::TestInstanceOf => {
                        slot!(1).record_call_target(acc);
                        acc = Value::bool(t!(self.instance_of(reg!(0), acc)));
                    }
                    Opcode::TestIn => {
                        let key = reg!(0);
                        slot!(1).record_type(type_feedback::of(key));
                        acc = Value::bool(t!(self.has_in(key, acc)));
                    }
                    Opcode::TestPrivateIn => acc = Value::bool(t!(self.private_in(reg!(0), acc))),
                    Opcode::TestNull => acc = Value::bool(acc.is_null()),
                    Opcode::TestUndefined => acc = Value::bool(acc.is_undefined()),
                    Opcode::TestUndetectable => acc = Value::bool(crate::conversions::is_undetectable(acc)),

                    // ---- jumps ----
                    Opcode::Jump => jump!(),
                    Opcode::JumpLoop => {
                        if self.interrupted() {
                            break 'op Err(Exception::TERMINATION);
                        }
                        if self.loop_is_hot(slot!(0).bump()) {
                            self.loop_hot(cur);
                        }
                        jump!();
                    }
                    Opcode::JumpIfTrue => {
                        if acc == Value::TRUE {
                            jump!()
                        }
                    }
                    Opcode::JumpIfFalse => {
                        if acc == Value::FALSE {
                            jump!()
                        }
                    }
                    Opcode::JumpIfToBooleanTrue => {
                        if acc == Value::TRUE || (acc != Value::FALSE && to_boolean(acc)) {
                            jump!()
                        }
                    }
                    Opcode::JumpIfToBooleanFalse => {
                        if acc == Value::FALSE || (acc != Value::TRUE && !to_boolean(acc)) {
                            jump!()
                        }
                    }
                    Opcode::JumpIfNull => {
                        if acc.is_null() {
                            jump!()
                        }
                    }
                    Opcode::JumpIfNotNull => {
                        if !acc.is_null() {
                            jump!()
                        }
                    }
                    Opcode::JumpIfUndefined => {
                        if acc.is_undefined() {
                            jump!()
                        }
                    }
                    Opcode::JumpIfNotUndefined => {
                        if !acc.is_undefined() {
                            jump!()
                        }
                    }
                    Opcode::JumpIfUndefinedOrNull => {
                        if acc.is_nullish() {
                            jump!()
                        }
                    }
                    Opcode::JumpIfNotUndefinedOrNull => {
                        if !acc.is_nullish() {
                            jump!()
                        }
                    }
                    Opcode::SwitchOnSmi => {
                        if let (Some(v), Some(Constant::JumpTable(table))) = (acc.as_int(), shared.constant(o!(0) as usize))
                            && let Some(&(_, off)) = table.iter().find(|(k, _)| *k == v)
                        {
                            next = (pc as i64 + off as i64) as usize;
                        }
                    }

                    // ---- calls ----
                    Opcode::Call | Opcode::CallUndefinedReceiver => {
                        let callee = reg!(0);
                        let start = fp + os!(1) as isize;
                        let argc = o!(2) as usize;
                        let (this, args_start) = if opcode == Opcode::Call {
                            (self.roots.stack.get(start), start + 1)
                        } else {
                            (Value::UNDEFINED, start)
                        };
                        slot!(3).record_call_target(callee);
                        if let Some(f) = self.js_callee(callee) {
                            let args = ArgSource::Registers { start: args_start, count: argc };
                            let new_fp = t!(self.push_frame(f, this, Value::UNDEFINED, args, fp, pc as u32));
                            enter_callee!(new_fp);
                        }
                        acc = t!(self.call_from_registers(callee, this, args_start, argc));
                    }
                    Opcode::CallProperty0
                    | Opcode::CallProperty1
                    | Opcode::CallProperty2
                    | Opcode::CallUndefinedReceiver0
                    | Opcode::CallUndefinedReceiver1
                    | Opcode::CallUndefinedReceiver2 => {
                        // Operands: callee, [receiver], arguments..., slot.
                        let (has_receiver, argc) = match opcode {
                            Opcode::CallProperty0 => (true, 0),
                            Opcode::CallProperty1 => (true, 1),
                            Opcode::CallProperty2 => (true, 2),
                            Opcode::CallUndefinedReceiver0 => (false, 0),
                            Opcode::CallUndefinedReceiver1 => (false, 1),
                            _ => (false, 2),
                        };
                        let callee = reg!(0);
                        let first = 1 + has_receiver as usize;
                        let this = if has_receiver { reg!(1) } else { Value::UNDEFINED };
                        let mut argv = [Value::UNDEFINED; 2];
                        for (i, a) in argv.iter_mut().enumerate().take(argc) {
                            *a = reg!(first + i);
                        }
                        slot!(first + argc).record_call_target(callee);
                        let args = &argv[..argc];
                        if let Some(f) = self.js_callee(callee) {
                            let new_fp = t!(self.push_frame(f, this, Value::UNDEFINED, ArgSource::Slice(args), fp, pc as u32));
                            enter_callee!(new_fp);
                        }
                        acc = t!(self.call(callee, this, args));
                    }
                    Opcode::CallWithSpread => {
                        let callee = reg!(0);
                        let start = fp + os!(1) as isize;
                        let this = self.roots.stack.get(start);
                        let args = t!(self.spread_args(start + 1, o!(2) as usize));
                        acc = t!(self.call(callee, this, args.as_slice()));
                    }
                    Opcode::Construct | Opcode::ConstructWithSpread => {
                        let callee = reg!(0);
                        let start = fp + os!(1) as isize;
                        let argc = o!(2) as usize;
                        let new_target = acc;
                        let fs = slot!(3);
                        fs.record_call_target(callee);
                        if opcode == Opcode::Construct
                            && let Some(f) = self.js_constructor(callee)
                        {
                            let this = t!(self.construct_this(f, new_target));
                            note_allocation(fs, this);
                            let args = ArgSource::Registers { start, count: argc };
                            let new_fp = t!(self.push_frame(f, this, new_target, args, fp, pc as u32));
                            enter_callee!(new_fp);
                        }
                        // Native constructors read their arguments in place.
                        if opcode == Opcode::Construct
                            && let Some(f) = callee.as_gc::<JsObject>()
                            && let ObjectKind::Function(d) = &f.kind
                            && let FunctionCode::Native { f: native, .. } = &d.code
                            && d.is_constructor()
                            && start >= 0
                            && start as usize + argc <= self.roots.stack.top
                        {
                            let native = *native;
                            // SAFETY: the registers lie in the calling
                            // frame (checked just above), below the register
                            // file's top for the whole call.
                            let args = unsafe { crate::function::Args::from_raw(base.offset(start), argc) };
                            acc = t!(self.call_native(f, native, Value::UNDEFINED, args, new_target));
                            break 'op Ok(());
                        }
                        let args = t!(self.spread_args_or_plain(start, argc, opcode == Opcode::ConstructWithSpread));
                        acc = t!(self.construct(callee, args.as_slice(), new_target));
                    }
                    Opcode::CallSuper | Opcode::CallSuperWithSpread => {
                        let start = fp + os!(0) as isize;
                        let argc = o!(1) as usize;
                        // super(...) to a bytecode constructor from the
                        // constructor itself (not an arrow in it) pushes the
                        // parent's frame here, without a native recursion;
                        // its Return binds `this` in this frame
                        // (`bind_super_this`).
                        if opcode == Opcode::CallSuper
                            && let Some(parent) = self.inline_super_target(fp)
                        {
                            let new_target = self.roots.stack.get(fp + frame::NEW_TARGET);
                            let this = t!(self.construct_this(parent, new_target));
                            let args = ArgSource::Registers { start, count: argc };
                            let new_fp = t!(self.push_frame(parent, this, new_target, args, fp, pc as u32));
                            enter_callee!(new_fp);
                        }
                        let args = t!(self.spread_args_or_plain(start, argc, opcode == Opcode::CallSuperWithSpread));
                        acc = t!(self.call_super(fp, args.as_slice()));
                    }
                    Opcode::CallRuntime => {
                        let start = fp + os!(1) as isize;
                        let args: Vec<Value> =
                            (0..o!(2) as usize).map(|i| self.roots.stack.get(start + i as isize)).collect();
                        acc = t!(self.call_runtime(o!(0) as u32, &args, fp));
                    }
                    Opcode::CallDirectEval | Opcode::CallDirectEvalInParameters => {
                        let callee = reg!(0);
                        let start = fp + os!(1) as isize;
                        let argc = o!(2) as usize;
                        let args: Vec<Value> = (0..argc).map(|i| self.roots.stack.get(start + i as isize)).collect();
                        let in_parameters = opcode == Opcode::CallDirectEvalInParameters;
                        if let Some(v) = t!(self.direct_eval(fp, callee, &args, shared.code.strict, in_parameters)) {
                            acc = v;
                        } else {
                            slot!(3).record_call_target(callee);
                            if let Some(f) = self.js_callee(callee) {
                                let args = ArgSource::Registers { start, count: argc };
                                let new_fp = t!(self.push_frame(f, Value::UNDEFINED, Value::UNDEFINED, args, fp, pc as u32));
                                enter_callee!(new_fp);
                            }
                            acc = t!(self.call_from_registers(callee, Value::UNDEFINED, start, argc));
                        }
                    }

                    // ---- functions ----
                    Opcode::CreateClosure => {
                        let Some(inner) = shared.nested(o!(0) as usize) else {
                            fail!(self.type_error("internal error: bad function constant"));
                        };
                        let ctx = self.roots.stack.get(fp + frame::CONTEXT);
                        let closure = t!(self.new_closure(inner, ctx));
                        // Arrows see `super` through their enclosing method.
                        if !inner.code.kind.has_own_this()
                            && let ObjectKind::Function(d) = &closure.kind
                        {
                            d.home_object.set(self.home_object(fp));
                        }
                        acc = Value::from_gc(closure);
                    }
                    Opcode::CreateMappedArguments => {
                        let params = match shared.constant(o!(0) as usize) {
                            Some(Constant::Scope(s)) => s.clone(),
                            _ => fail!(self.type_error("internal error: bad parameter names constant")),
                        };
                        acc = Value::from_gc(t!(self.create_arguments(fp, Some(&params))));
                    }
                    Opcode::CreateUnmappedArguments => {
                        acc = Value::from_gc(t!(self.create_arguments(fp, None)));
                    }
                    Opcode::CreateRestParameter => {
                        let argc = self.roots.stack.get(fp + frame::ARGC).as_int().unwrap_or(0) as usize;
                        let from = o!(0) as usize;
                        let rest: Vec<Value> = (from..argc.max(from))
                            .map(|i| self.roots.stack.get(fp + frame::PARAM0 - i as isize))
                            .collect();
                        acc = Value::from_gc(t!(self.new_array(&rest)));
                    }
                    Opcode::ThrowSuperNotCalledIfHole => {
                        if acc.is_hole() {
                            fail!(self.reference_error(
                                "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
                            ));
                        }
                    }
                    Opcode::ThrowSuperAlreadyCalledIfNotHole => {
                        if !acc.is_hole() {
                            fail!(self.reference_error("Super constructor may only be called once"));
                        }
                    }

                    // ---- literals ----
                    Opcode::CreateEmptyObjectLiteral => acc = Value::from_gc(t!(self.new_object())),
                    Opcode::CreateEmptyArrayLiteral => acc = Value::from_gc(t!(self.new_array(&[]))),
                    Opcode::StaInArrayLiteral => {
                        let index = reg!(1);
                        if let Some(arr) = reg!(0).as_gc::<JsObject>() {
                            let key = t!(self.to_property_key(index));
                            t!(self.create_data_property_or_throw(arr, key, acc));
                        }
                    }
                    Opcode::CreateRegExpLiteral => {
                        let pattern = shared.constants.get(o!(0) as usize).copied().unwrap_or(Value::UNDEFINED);
                        let flags = shared.constants.get(o!(1) as usize).copied().unwrap_or(Value::UNDEFINED);
                        acc = t!(crate::builtins::regexp::create_literal(self, pattern, flags));
                    }
                    Opcode::GetTemplateObject => {
                        acc = t!(self.template_object(shared, o!(0) as u32));
                    }
                    Opcode::CopyDataProperties => {
                        let target = reg!(0);
                        let excluded: Vec<Value> =
                            (0..o!(2) as usize).map(|i| self.roots.stack.get(fp + os!(1) as isize + i as isize)).collect();
                        t!(self.copy_data_properties(target, acc, &excluded));
                    }

                    // ---- iteration ----
                    Opcode::GetIterator | Opcode::GetAsyncIterator => {
                        let (iter, next_method) = if opcode == Opcode::GetAsyncIterator {
                            t!(self.get_async_iterator(acc))
                        } else {
                            t!(self.get_iterator(acc))
                        };
                        self.roots.stack.set(fp + os!(0) as isize, iter);
                        self.roots.stack.set(fp + os!(0) as isize + 1, next_method);
                        acc = iter;
                    }
                    Opcode::IteratorNext => {
                        let iter = reg!(0);
                        let next_method = self.roots.stack.get(fp + os!(0) as isize + 1);
                        match t!(self.iterator_step(iter, next_method)) {
                            Some(v) => acc = v,
                            None => jump!(),
                        }
                    }
                    Opcode::IteratorClose => {
                        let iter = reg!(0);
                        t!(self.iterator_close(iter, o!(1) != 0));
                    }
                    Opcode::ForInEnumerate => acc = t!(self.for_in_enumerate(acc)),
                    Opcode::ForInNext => match t!(self.for_in_next(reg!(0))) {
                        Some(k) => acc = k,
                        None => jump!(),
                    },

                    // ---- classes ----
                    Opcode::CreateClass => {
                        let info = match shared.constant(o!(0) as usize) {
                            Some(Constant::Class(c)) => c.clone(),
                            _ => fail!(self.type_error("internal error: bad class constant")),
                        };
                        let parent = reg!(1);
                        let ctx = self.roots.stack.get(fp + frame::CONTEXT);
                        let (ctor, proto) = t!(self.create_class(&info, parent, ctx, shared, o!(0) as usize));
                        self.roots.stack.set(fp + os!(1) as isize + 1, proto);
                        acc = ctor;
                    }
                    Opcode::DefineMethod => {
                        let (obj, key) = (reg!(0), reg!(1));
                        t!(self.define_method(obj, key, acc, o!(2) as u32));
                    }
                    Opcode::SetHomeObject => {
                        if let Some(f) = acc.as_gc::<JsObject>()
                            && let ObjectKind::Function(d) = &f.kind
                        {
                            d.home_object.set(reg!(0));
                        }
                    }
                    Opcode::CreatePrivateName => {
                        let desc = shared.constants.get(o!(0) as usize).copied().unwrap_or(Value::UNDEFINED);
                        let sym = t!(self.alloc(crate::symbol::Symbol { description: desc, registered: false, private: true }));
                        acc = Value::from_gc(sym);
                    }
                    Opcode::GetPrivateField => acc = t!(self.private_get(reg!(0), reg!(1))),
                    Opcode::SetPrivateField => t!(self.private_set(reg!(0), reg!(1), acc)),
                    Opcode::DefinePrivateField => t!(self.private_define(reg!(0), reg!(1), acc)),

                    // ---- generators ----
                    Opcode::ResumeGenerator => {
                        let (value, mode) = t!(self.take_resume_value(reg!(0)));
                        set_reg!(1, Value::int(mode));
                        acc = value;
                    }

                    // ---- exit ----
                    Opcode::Throw | Opcode::ReThrow => break 'op Err(Exception(acc)),
                    Opcode::Debugger => {}
                    Opcode::Return | Opcode::SuspendGenerator | Opcode::Await => {
                        // A suspension saves the frame, then leaves it as
                        // Return does (see generators.rs).
                        if opcode == Opcode::SuspendGenerator {
                            // Flag 2: an async generator's yield, which
                            // settles the request it served and goes on at
                            // once when another is queued.
                            if o!(1) & 2 != 0 {
                                if t!(self.async_generator_yield(reg!(0), acc)) {
                                    break 'op Ok(());
                                }
                                acc = Value::UNDEFINED;
                            }
                            t!(self.suspend_frame(reg!(0), fp, &shared, next, o!(1) & 1 != 0, false));
                        } else if opcode == Opcode::Await {
                            let object = reg!(0);
                            let Some(holder) = object.as_gc::<JsObject>() else {
                                fail!(self.type_error("internal error: await without a frame object"));
                            };
                            t!(self.await_value(holder, acc));
                            t!(self.suspend_frame(object, fp, &shared, next, false, true));
                            acc = match &holder.kind {
                                ObjectKind::Generator(g) => g.promise.get(),
                                _ => Value::UNDEFINED,
                            };
                        }
                        let new_target = self.roots.stack.get(fp + frame::NEW_TARGET);
                        if !new_target.is_undefined() && acc.as_gc::<JsObject>().is_none() {
                            let this = self.roots.stack.get(fp + frame::THIS);
                            if shared.code.kind == FunctionKind::DerivedConstructor {
                                if !acc.is_undefined() {
                                    fail!(self.type_error(
                                        "Derived constructors may only return object or undefined",
                                    ));
                                }
                                if this.is_hole() {
                                    fail!(self.reference_error(
                                        "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
                                    ));
                                }
                            }
                            acc = this;
                            note_instance_size(&shared, acc);
                        }
                        if fp == entry_fp {
                            return (EXIT, acc);
                        }
                        let caller_fp = self.roots.stack.get(fp + frame::CALLER_FP).as_int().unwrap_or(-1) as isize;
                        let call_pc = self.roots.stack.get(fp + frame::RETURN_PC).as_int().unwrap_or(0) as usize;
                        self.roots.stack.top = frame_base(self, fp, &shared) as usize;
                        fp = caller_fp;
                        let Some((caller_shared, realm)) = frame_function(self, fp) else {
                            fail!(self.type_error("internal error: caller frame lost"));
                        };
                        enter_frame!(caller_shared, realm);
                        pc = call_pc;
                        next = call_pc + instruction_len(code, call_pc);
                        // Returning from a constructor pushed by CallSuper:
                        // the caller binds the result as its `this`.
                        // SAFETY: call_pc is the caller's verified call
                        // instruction.
                        if !new_target.is_undefined() && unsafe { *code.add(call_pc) } == Opcode::CallSuper as u8 {
                            t!(self.bind_super_this(fp, acc));
                        }
                    }
                }
                Ok(())
            };
            match result {
                Ok(()) => {
                    pc = next;
                    // `Star r` after an instruction runs here, without a
                    // dispatch of its own (see `fast::star_after`).
                    // SAFETY: `pc` starts a verified instruction; a Star's
                    // one-byte register operand was verified with it.
                    unsafe {
                        if *code.add(pc) == Opcode::Star as u8 {
                            let r = *code.add(pc + 1) as i8 as isize;
                            *regs.offset(r) = acc;
                            pc += 2;
                        }
                    }
                    (pc, acc)
                }
                Err(Exception(e)) => {
                    // The pc the unwinder starts from (see `run`).
                    self.roots.stack.pc = pc as u32;
                    (THROW, e)
                }
            }
        }
    }

    /// The callee as a bytecode function that a plain call may enter in the
    /// same loop (not a class constructor).
    fn js_callee(&self, callee: Value) -> Option<Gc<JsObject>> {
        let f = callee.as_gc::<JsObject>()?;
        match &f.kind {
            ObjectKind::Function(d) => match &d.code {
                FunctionCode::Bytecode { shared, .. }
                    if !matches!(shared.code.kind, FunctionKind::BaseConstructor | FunctionKind::DerivedConstructor) =>
                {
                    Some(f)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// The callee as a bytecode constructor `new` may enter in the same loop.
    fn js_constructor(&self, callee: Value) -> Option<Gc<JsObject>> {
        let f = callee.as_gc::<JsObject>()?;
        match &f.kind {
            ObjectKind::Function(d) if d.is_constructor() => match &d.code {
                FunctionCode::Bytecode { .. } => Some(f),
                FunctionCode::Native { .. } => None,
            },
            _ => None,
        }
    }

    /// Calls a non-bytecode callee with arguments in registers.
    fn call_from_registers(&mut self, callee: Value, this: Value, start: isize, argc: usize) -> JsResult<Value> {
        if let Some(f) = callee.as_gc::<JsObject>()
            && let ObjectKind::Function(d) = &f.kind
            && let FunctionCode::Native { f: native, .. } = &d.code
        {
            let native = *native;
            if start < 0 || start as usize + argc > self.roots.stack.top {
                return Err(self.type_error("internal error: argument registers outside the frame"));
            }
            // SAFETY: the arguments are registers of the calling frame
            // (checked above), below the register file's top for the whole
            // call.
            let args = unsafe {
                crate::function::Args::from_raw(self.roots.stack.base().offset(start), argc)
            };
            return self.call_native(f, native, this, args, Value::UNDEFINED);
        }
        let args: Vec<Value> = (0..argc).map(|i| self.roots.stack.get(start + i as isize)).collect();
        self.call(callee, this, &args)
    }

    /// The value of the innermost context slot named `name` (bindings the
    /// generator put in contexts for arrows: `this`, `new.target`,
    /// `.this_function`); undefined if none.
    fn context_lookup(&self, fp: isize, name: &str) -> Value {
        let mut c = self.roots.stack.get(fp + frame::CONTEXT);
        while let Some(ctx) = c.as_gc::<Context>() {
            if let Some(scope) = &ctx.scope
                && let Some(i) = scope.names.iter().position(|n| &**n == name)
            {
                return ctx.get(i);
            }
            c = ctx.parent;
        }
        Value::UNDEFINED
    }

    /// The context `depth` hops out from the frame's current context.
    fn context_at(&mut self, fp: isize, depth: u32) -> JsResult<Gc<Context>> {
        let mut c = self.roots.stack.get(fp + frame::CONTEXT);
        for _ in 0..depth {
            c = c.as_gc::<Context>().map_or(Value::UNDEFINED, |ctx| ctx.parent);
        }
        match c.as_gc::<Context>() {
            Some(ctx) => Ok(ctx),
            None => Err(self.type_error("internal error: context chain too short")),
        }
    }

    /// `base[key]` with the key in a value (the GetKeyedProperty arm has
    /// tried the element and name-key fast paths).
    fn get_keyed(&mut self, base: Value, key: Value) -> JsResult<Value> {
        if base.is_nullish() {
            // GetValue's ToObject(base) fails before the key is converted
            // (the key's own toString must not run).
            let what = if base.is_null() { "null" } else { "undefined" };
            let name = if key.as_gc::<JsObject>().is_some() {
                "object".to_string()
            } else {
                self.display_string(key).unwrap_or_default()
            };
            return Err(self.type_error(&format!("Cannot read properties of {what} (reading '{name}')")));
        }
        let k = self.to_property_key(key)?;
        self.get_value(base, k)
    }

    /// `acc + delta` for `++`/`--` (numeric: ToNumeric first).
    fn add_numeric(&mut self, v: Value, delta: i32) -> JsResult<Value> {
        if let Some(i) = v.as_int()
            && let Some(r) = i.checked_add(delta)
        {
            return Ok(Value::int(r));
        }
        let n = self.to_numeric(v)?;
        match n.as_bigint() {
            Some(b) => self.bigint_unary(&b, crate::bigint_ops::BigIntUnary::Add(delta)),
            None => Ok(Value::number(n.as_number().unwrap_or(f64::NAN) + delta as f64)),
        }
    }

    /// The arguments of a spread call: registers `start..start+argc`, the
    /// last one an iterable to expand, in a rooted vector.
    fn spread_args(&mut self, start: isize, argc: usize) -> JsResult<strata_gc::RootedVec<Value>> {
        let mut args = self.heap.rooted_vec::<Value>();
        for i in 0..argc.saturating_sub(1) {
            args.push(self.roots.stack.get(start + i as isize));
        }
        if argc > 0 {
            let iterable = self.roots.stack.get(start + argc as isize - 1);
            let spread = self.iterable_to_list(iterable)?;
            for &v in spread.as_slice() {
                args.push(v);
            }
        }
        Ok(args)
    }

    /// Register arguments, spreading the last when `spread`.
    fn spread_args_or_plain(&mut self, start: isize, argc: usize, spread: bool) -> JsResult<strata_gc::RootedVec<Value>> {
        if spread {
            return self.spread_args(start, argc);
        }
        let mut args = self.heap.rooted_vec::<Value>();
        for i in 0..argc {
            args.push(self.roots.stack.get(start + i as isize));
        }
        Ok(args)
    }

    /// The object the running frame's super references start from: the
    /// home object's prototype.
    fn super_base(&mut self, fp: isize) -> JsResult<Value> {
        let home = self.home_object(fp);
        match home.as_gc::<JsObject>() {
            Some(h) => Ok(h.proto()),
            None => Err(self.syntax_error("'super' keyword unexpected here")),
        }
    }

    /// The [[HomeObject]] of the running function. Arrows inherit their
    /// enclosing method's: `new_closure` copies it into the arrow.
    pub(crate) fn home_object(&self, fp: isize) -> Value {
        let callee = self.roots.stack.get(fp + frame::CALLEE);
        match callee.as_gc::<JsObject>() {
            Some(f) => match &f.kind {
                ObjectKind::Function(d) => d.home_object.get(),
                _ => Value::UNDEFINED,
            },
            None => Value::UNDEFINED,
        }
    }

    fn super_get(&mut self, fp: isize, key: PropertyKey, receiver: Value) -> JsResult<Value> {
        let base = self.super_base(fp)?;
        match base.as_gc::<JsObject>() {
            Some(b) => self.get(b, key, receiver),
            None => {
                let name = self.describe_key(key);
                Err(self.type_error(&format!("Cannot read properties of null (reading '{name}')")))
            }
        }
    }

    fn super_set(&mut self, fp: isize, key: PropertyKey, v: Value, receiver: Value, strict: bool) -> JsResult<()> {
        let base = self.super_base(fp)?;
        let Some(b) = base.as_gc::<JsObject>() else {
            return Err(self.type_error("Cannot set properties of null"));
        };
        let ok = self.set(b, key, v, receiver)?;
        if !ok && strict {
            let name = self.describe_key(key);
            return Err(self.type_error(&format!("Cannot assign to read only property '{name}' of object")));
        }
        Ok(())
    }

    /// `super(...args)` in a derived constructor, or in an arrow inside one
    /// (which finds the constructor and new.target in the context slots
    /// `.this_function` and `new.target` the generator stored them in, and
    /// binds `this` itself afterwards).
    fn call_super(&mut self, fp: isize, args: &[Value]) -> JsResult<Value> {
        let callee = self.roots.stack.get(fp + frame::CALLEE);
        let in_arrow = callee
            .as_gc::<JsObject>()
            .and_then(|f| match &f.kind {
                ObjectKind::Function(d) => match &d.code {
                    FunctionCode::Bytecode { shared, .. } => Some(!shared.code.kind.has_own_this()),
                    FunctionCode::Native { .. } => None,
                },
                _ => None,
            })
            .unwrap_or(false);
        let (constructor, new_target) = if in_arrow {
            (self.context_lookup(fp, ".this_function"), self.context_lookup(fp, "new.target"))
        } else {
            (callee, self.roots.stack.get(fp + frame::NEW_TARGET))
        };
        let Some(f) = constructor.as_gc::<JsObject>() else {
            return Err(self.syntax_error("'super' keyword unexpected here"));
        };
        let parent = f.proto();
        if !self.is_constructor(parent) {
            return Err(self.type_error("Super constructor is not a constructor"));
        }
        let this = self.construct(parent, args, new_target)?;
        if !in_arrow {
            self.bind_super_this(fp, this)?;
        }
        // The field initializers run from InitializeInstanceElements, which
        // the generator emits after it has bound `this` everywhere.
        Ok(this)
    }

    /// The parent constructor `super(...)` in the frame at `fp` may call
    /// with a pushed frame: a bytecode constructor, when the frame is the
    /// derived constructor itself (an arrow's `super` reaches its `this`
    /// through the context, and takes the general path).
    fn inline_super_target(&self, fp: isize) -> Option<Gc<JsObject>> {
        let callee = self.roots.stack.get(fp + frame::CALLEE).as_gc::<JsObject>()?;
        match &callee.kind {
            ObjectKind::Function(d) => match &d.code {
                FunctionCode::Bytecode { shared, .. } if shared.code.kind.has_own_this() => {}
                _ => return None,
            },
            _ => return None,
        }
        self.js_constructor(callee.proto())
    }

    /// BindThisValue after a pushed super constructor returned `this`.
    fn bind_super_this(&mut self, fp: isize, this: Value) -> JsResult<()> {
        if !self.roots.stack.get(fp + frame::THIS).is_hole() {
            return Err(self.reference_error("Super constructor may only be called once"));
        }
        self.roots.stack.set(fp + frame::THIS, this);
        Ok(())
    }

    /// InitializeInstanceElements(this, running constructor).
    pub(crate) fn initialize_instance_elements(&mut self, fp: isize, this: Value) -> JsResult<()> {
        let callee = self.roots.stack.get(fp + frame::CALLEE);
        let is_arrow = callee.as_gc::<JsObject>().is_some_and(|f| match &f.kind {
            ObjectKind::Function(d) => match &d.code {
                FunctionCode::Bytecode { shared, .. } => !shared.code.kind.has_own_this(),
                FunctionCode::Native { .. } => false,
            },
            _ => false,
        });
        let constructor = if is_arrow { self.context_lookup(fp, ".this_function") } else { callee };
        if let Some(f) = constructor.as_gc::<JsObject>()
            && let ObjectKind::Function(d) = &f.kind
        {
            let fields = d.fields.get();
            if !fields.is_undefined() {
                self.call(fields, this, &[])?;
            }
        }
        Ok(())
    }
}
