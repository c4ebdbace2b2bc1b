//! How JIT-compiled code plugs into the interpreter, without the vm
//! knowing any machine code (DESIGN.md: the JITs register through a trait).
//!
//! Compiled code runs a function's frame in place: the frame layout is the
//! interpreter's, so control can pass between the two at any instruction
//! boundary. The interpreter's loop, on a frame whose function has
//! [`JitCode`], calls its [`JitEntry`] with the pc to start at; the code
//! runs instructions natively — each either by an inline template or by
//! calling the interpreter's own handler for it ([`jit_run_instruction`]) —
//! until control leaves the frame (a call pushes a callee, a return, a
//! throw, a suspension), then returns the pc and accumulator the
//! interpreter continues with, exactly as a handler does.
//!
//! The tiering policy ([`JitPolicy`]) asks the registered [`crate::tier::Tier`] to
//! compile a function when it is called (eagerly, or once it is hot).

use crate::interpreter::Cursor;
use crate::value::Value;
use crate::vm::Vm;

/// What compiled code returns: the next pc (or the interpreter's THROW /
/// EXIT markers) and the accumulator's bits. Two words, returned in
/// registers by both C ABIs (rax:rdx, x0:x1).
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct JitPair {
    /// The next pc, [`jit_throw_marker`] or [`jit_exit_marker`].
    pub pc: usize,
    /// The accumulator (a `Value`'s bits).
    pub acc: u64,
}

/// A compiled function's entry: runs the frame `cur` describes from the
/// native address `target` (the code for some pc) with the accumulator.
pub type JitEntry = unsafe extern "C" fn(vm: *mut Vm, cur: *mut Cursor, acc: u64, target: usize) -> JitPair;

/// A function's compiled code, as the interpreter enters it. Owned by the
/// tier that made it, for the vm's lifetime. Compiled code reads the
/// table's address and length at fixed offsets ([`JitLayout`]) when a
/// call or return moves it to another function's code.
#[repr(C)]
pub struct JitCode {
    /// The first entry of `table`.
    table_ptr: *const usize,
    /// The entries in `table`.
    table_len: usize,
    /// Where a compiled call enters: the code that starts the frame's
    /// registers undefined (the caller pushed the rest of the frame), then
    /// the first instruction.
    call_entry: usize,
    /// The entry sequence.
    pub entry: JitEntry,
    /// The native address of each instruction, by pc (0 between
    /// instruction starts).
    table: Box<[usize]>,
}

impl JitCode {
    /// Code with its entry, pc table and compiled calls' entry.
    pub fn new(entry: JitEntry, table: Box<[usize]>, call_entry: usize) -> JitCode {
        JitCode { table_ptr: table.as_ptr(), table_len: table.len(), call_entry, entry, table }
    }

    /// The native address of the instruction at `pc`, if compiled.
    #[inline]
    pub fn target(&self, pc: usize) -> Option<usize> {
        self.table.get(pc).copied().filter(|&a| a != 0)
    }
}

/// When functions are compiled.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum JitPolicy {
    /// Never: the interpreter only (`--tier=interp`).
    Off,
    /// At a function's first call (`--tier=baseline`).
    Eager,
    /// Adaptive (the default): at the call that makes `calls` calls, or
    /// when one of its loops has run `loop_iterations` back edges — then
    /// the running frame moves into the new code at the loop header (OSR).
    Hot {
        /// Calls before a function is compiled.
        calls: u32,
        /// Back edges of one loop before its function is compiled.
        loop_iterations: u32,
    },
}

impl JitPolicy {
    /// The default adaptive policy. Baseline code is never slower than
    /// the interpreter and compiles at several megabytes of bytecode per
    /// second, so functions move early (JavaScriptCore's baseline
    /// thresholds are of the same order).
    pub const ADAPTIVE: JitPolicy = JitPolicy::Hot { calls: 30, loop_iterations: 300 };
}

/// Why a function is being compiled (for `--trace-tier`).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum TierTrigger {
    /// At a call: the policy is eager, or the function got hot.
    Call,
    /// A loop got hot: the frame enters the new code at its header.
    Loop,
}

/// The pc compiled code returns when the instruction threw (the exception
/// is the accumulator).
pub fn jit_throw_marker() -> usize {
    crate::interpreter::THROW
}

/// The pc compiled code returns when the entry frame returned.
pub fn jit_exit_marker() -> usize {
    crate::interpreter::EXIT
}

/// Where compiled code finds what its inline fast paths read and write:
/// offsets into the vm's structures and addresses of its globals, taken
/// from the Rust layouts (never hard-coded), once per compile.
#[derive(Clone, Debug)]
pub struct JitLayout {
    /// Offset of the frame's fp in a [`Cursor`].
    pub cursor_fp: usize,
    /// Offset of the frame's register pointer in a [`Cursor`] (`Reg`
    /// operand `r` is the value at `regs + 8 * r`).
    pub cursor_regs: usize,
    /// Offset of the running function's [`JitCode`] pointer in a [`Cursor`].
    pub cursor_jit: usize,
    /// Offsets of a [`JitCode`]'s table address and length.
    pub jit_table_ptr: usize,
    /// See `jit_table_ptr`.
    pub jit_table_len: usize,
    /// Offset of a [`JitCode`]'s compiled-call entry address.
    pub jit_call_entry: usize,
    /// Size of a [`crate::feedback::FeedbackSlot`].
    pub feedback_slot_size: usize,
    /// Offset of a feedback slot's `state` (type bits, counters; u32).
    pub feedback_state: usize,
    /// Offsets in a feedback slot of the fields of the first entry of the
    /// IC's [`crate::ic::JitMirror`]: shape, holder, location (u32),
    /// epoch (u32), array (u8); entry k is `k * ic_entry_size` further.
    pub ic_shape: usize,
    /// The size of a mirror entry.
    pub ic_entry_size: usize,
    /// The mirror's entries.
    pub ic_entries: usize,
    /// See `ic_shape`.
    pub ic_holder: usize,
    /// See `ic_shape`.
    pub ic_location: usize,
    /// See `ic_shape`.
    pub ic_epoch: usize,
    /// See `ic_shape`.
    pub ic_array: usize,
    /// The header word of every object cell.
    pub object_info: usize,
    /// Offsets from an object cell.
    pub object: crate::object::ObjectLayout,
    /// Whether the shape is an object's first payload word, where a
    /// string, symbol or bigint holds a word that is never a shape's
    /// address (see `ic::NO_SHAPE`): then a shape compare alone tells an
    /// object of a cached shape from any other cell. Rust does not promise
    /// the field order of `JsObject`; without it, compiled code checks the
    /// cell's header first.
    pub shape_first: bool,
    /// The header word of every string cell.
    pub string_info: usize,
    /// Offset from a string cell of its atom flag (u8: 1 for an atom).
    pub string_atom: usize,
    /// Where a string cell's length is.
    pub string: crate::string::StringLayout,
    /// The header word of every context cell.
    pub context_info: usize,
    /// Offsets from a context cell: parent, slot 0 (the slots follow the
    /// fields in the cell), slot count.
    pub context_parent: usize,
    /// See `context_parent`.
    pub context_slots: usize,
    /// See `context_parent`.
    pub context_len: usize,
    /// Register index (from the frame's fp) of the current context.
    pub frame_context: i32,
    /// Address of the structure epoch (u32).
    pub epoch_address: usize,
    /// Address of the vm's interrupt flag (a byte).
    pub interrupt_address: usize,
    /// What compiled calls and returns between bytecode functions need;
    /// `None` if a layout probe failed (they then call the handlers).
    pub calls: Option<CallLayout>,
}

/// Offsets compiled calls and returns use to push and pop frames and
/// move the cursor between functions without calling into the vm (what
/// the interpreter's `enter_call`, `return_` and `enter_frame`
/// do, for the common case).
#[derive(Copy, Clone, Debug)]
pub struct CallLayout {
    /// A bytecode function object's shared record, context and realm.
    pub function: crate::object::FunctionLayout,
    /// Cursor fields: code, feedback, shared record, entry frame's fp,
    /// register-file base.
    pub cursor_code: usize,
    /// See `cursor_code`.
    pub cursor_feedback: usize,
    /// See `cursor_code`.
    pub cursor_shared: usize,
    /// See `cursor_code`.
    pub cursor_entry_fp: usize,
    /// See `cursor_code`.
    pub cursor_base: usize,
    /// Offsets from the vm: the register file's top, capacity and fp (all
    /// words), and the current realm's pointer.
    pub stack_top: usize,
    /// See `stack_top`.
    pub stack_capacity: usize,
    /// See `stack_top`.
    pub stack_fp: usize,
    /// See `stack_top`.
    pub current_realm: usize,
    /// Offsets from a `SharedFunction` cell: its code pointer, call
    /// counter (u32), and the `FrameInfo` fields.
    pub shared_jit: usize,
    /// See `shared_jit`.
    pub shared_invocations: usize,
    /// See `shared_jit`.
    pub frame_code: usize,
    /// See `shared_jit`.
    pub frame_feedback: usize,
    /// See `shared_jit` (u32).
    pub frame_params: usize,
    /// See `shared_jit` (u32).
    pub frame_registers: usize,
    /// See `shared_jit` (u8).
    pub frame_sloppy_this: usize,
    /// Offset of the global object in a realm cell.
    pub realm_global: usize,
    /// Offset of the string receiver shape in a realm cell (a word: 0
    /// before it is made).
    pub realm_string_shape: usize,
    /// Offset of a feedback slot's cached call target.
    pub feedback_cached: usize,
    /// Offset of a feedback slot's compiled-call link
    /// ([`crate::feedback::FeedbackSlot::jit_link`]).
    pub feedback_link: usize,
}

impl JitLayout {
    /// The layout of `vm`'s structures.
    pub fn of(vm: &Vm) -> JitLayout {
        use crate::context::Context;
        use crate::feedback::FeedbackSlot;
        use crate::ic::{IcCell, JitMirrorEntry};
        use crate::object::JsObject;
        use std::mem::offset_of;
        use strata_gc::{CellType, PAYLOAD_OFFSET};
        let ic = offset_of!(FeedbackSlot, ic) + IcCell::mirror_offset();
        let object = JsObject::jit_layout();
        JitLayout {
            cursor_fp: offset_of!(Cursor, fp),
            cursor_regs: offset_of!(Cursor, regs),
            cursor_jit: offset_of!(Cursor, jit),
            jit_table_ptr: offset_of!(JitCode, table_ptr),
            jit_table_len: offset_of!(JitCode, table_len),
            jit_call_entry: offset_of!(JitCode, call_entry),
            feedback_slot_size: std::mem::size_of::<FeedbackSlot>(),
            feedback_state: offset_of!(FeedbackSlot, state),
            ic_shape: ic + offset_of!(JitMirrorEntry, shape),
            ic_entry_size: std::mem::size_of::<JitMirrorEntry>(),
            ic_entries: crate::ic::MAX_POLYMORPHISM,
            ic_holder: ic + offset_of!(JitMirrorEntry, holder),
            ic_location: ic + offset_of!(JitMirrorEntry, location),
            ic_epoch: ic + offset_of!(JitMirrorEntry, epoch),
            ic_array: ic + offset_of!(JitMirrorEntry, array),
            object_info: JsObject::info() as *const strata_gc::CellInfo as usize,
            object,
            shape_first: object.shape == PAYLOAD_OFFSET,
            context_info: Context::info() as *const strata_gc::CellInfo as usize,
            string_info: crate::string::JsString::info() as *const strata_gc::CellInfo as usize,
            string_atom: crate::string::JsString::atom_offset(),
            string: crate::string::JsString::jit_layout(),
            context_parent: PAYLOAD_OFFSET + offset_of!(Context, parent),
            context_slots: PAYLOAD_OFFSET + Context::SLOTS_OFFSET,
            context_len: PAYLOAD_OFFSET + Context::LEN_OFFSET,
            frame_context: crate::frame::CONTEXT as i32,
            epoch_address: crate::ic::epoch_address(),
            interrupt_address: std::sync::Arc::as_ptr(&vm.interrupt) as usize,
            calls: CallLayout::of(vm),
        }
    }
}

impl CallLayout {
    fn of(vm: &Vm) -> Option<CallLayout> {
        use crate::feedback::FeedbackSlot;
        use crate::function::{FrameInfo, SharedFunction};
        use crate::realm::Realm;
        use crate::vm::VmRoots;
        use std::mem::offset_of;
        use strata_gc::PAYLOAD_OFFSET;
        // The current realm is read as a plain pointer: check that the
        // Option adds nothing to it.
        let realm = vm.roots.realm?;
        if std::mem::size_of::<Option<strata_gc::Gc<Realm>>>() != 8
            || std::mem::size_of::<Option<strata_gc::Gc<crate::shape::Shape>>>() != 8
        {
            return None;
        }
        // SAFETY: reads the one word of an `Option<Gc>` as an integer.
        let word: usize = unsafe { std::mem::transmute_copy(&vm.roots.realm) };
        if word != realm.as_ptr() as usize {
            return None;
        }
        let roots = offset_of!(Vm, roots);
        let stack = roots + offset_of!(VmRoots, stack);
        let (top, capacity, fp) = crate::stack::RegisterFile::jit_offsets();
        let shared = |o: usize| PAYLOAD_OFFSET + o;
        let frame = offset_of!(SharedFunction, frame);
        Some(CallLayout {
            function: crate::object::JsObject::jit_layout().function?,
            cursor_code: offset_of!(Cursor, code),
            cursor_feedback: offset_of!(Cursor, fb),
            cursor_shared: offset_of!(Cursor, shared),
            cursor_entry_fp: offset_of!(Cursor, entry_fp),
            cursor_base: offset_of!(Cursor, base),
            stack_top: stack + top,
            stack_capacity: stack + capacity,
            stack_fp: stack + fp,
            current_realm: roots + offset_of!(VmRoots, realm),
            shared_jit: shared(offset_of!(SharedFunction, jit)),
            shared_invocations: shared(offset_of!(SharedFunction, invocations)),
            frame_code: shared(frame + offset_of!(FrameInfo, code)),
            frame_feedback: shared(frame + offset_of!(FrameInfo, feedback)),
            frame_params: shared(frame + offset_of!(FrameInfo, params)),
            frame_registers: shared(frame + offset_of!(FrameInfo, registers)),
            frame_sloppy_this: shared(frame + offset_of!(FrameInfo, sloppy_this)),
            realm_global: PAYLOAD_OFFSET + offset_of!(Realm, global),
            realm_string_shape: PAYLOAD_OFFSET + offset_of!(Realm, string_receiver_shape),
            feedback_cached: offset_of!(FeedbackSlot, cached),
            feedback_link: offset_of!(FeedbackSlot, jit_link),
        })
    }
}

/// Runs the one instruction at `pc` with the interpreter's handler for it
/// (what compiled code calls for instructions without a template).
///
/// # Safety
/// `vm` and `cur` are the running vm and the cursor of the frame the code
/// runs, and `pc` starts an instruction of that frame's function.
pub unsafe extern "C" fn jit_run_instruction(vm: *mut Vm, cur: *mut Cursor, pc: usize, acc: u64) -> JitPair {
    // SAFETY: the caller's guarantee.
    unsafe { guarded(vm, cur, pc, acc, crate::interpreter::run_one) }
}

/// Runs `handler` for compiled code. A panic must not unwind into machine
/// code without unwind tables: it becomes an internal error the script
/// sees.
///
/// # Safety
/// As [`jit_run_instruction`], and `handler` may run the instruction at `pc`.
#[inline(always)]
unsafe fn guarded(
    vm: *mut Vm,
    cur: *mut Cursor,
    pc: usize,
    acc: u64,
    handler: unsafe fn(&mut Vm, &mut Cursor, usize, Value) -> (usize, Value),
) -> JitPair {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // SAFETY: the caller's guarantee; `acc` came from a Value.
        unsafe {
            // Compiled code keeps only part of the cursor current.
            (*cur).refresh_function();
            handler(&mut *vm, &mut *cur, pc, Value::from_bits(acc))
        }
    }));
    match result {
        Ok((pc, v)) => JitPair { pc, acc: v.bits() },
        Err(_) => {
            // SAFETY: as above.
            let vm = unsafe { &mut *vm };
            let e = vm.type_error("internal error: a handler panicked under compiled code");
            JitPair { pc: crate::interpreter::THROW, acc: e.0.bits() }
        }
    }
}

/// [`jit_run_instruction`] for one opcode: calls the interpreter's
/// handler for `OP` directly (a constant index into the handler table,
/// which the compiler resolves), saving the table dispatch.
///
/// # Safety
/// As [`jit_run_instruction`], and the instruction at `pc` is an
/// unprefixed `OP`.
unsafe extern "C" fn run_opcode<const OP: usize>(vm: *mut Vm, cur: *mut Cursor, pc: usize, acc: u64) -> JitPair {
    // SAFETY: the caller's guarantee.
    unsafe { guarded(vm, cur, pc, acc, crate::interpreter::HANDLERS[OP]) }
}

/// The function compiled code calls to run an instruction with the
/// interpreter's handler: for an unprefixed instruction with a handler of
/// its own, a direct entry to it; else [`jit_run_instruction`]. Both have
/// its signature and contract.
pub fn jit_handler_address(opcode: strata_bytecode::Opcode, prefixed: bool) -> usize {
    use strata_bytecode::Opcode as O;
    macro_rules! direct {
        ($($op:ident),* $(,)?) => {
            match opcode {
                $(O::$op if !prefixed => run_opcode::<{ O::$op as usize }> as *const () as usize,)*
                _ => jit_run_instruction as *const () as usize,
            }
        };
    }
    direct!(
        LdaConstant, LdaContextSlot, StaContextSlot, ThrowReferenceErrorIfHole,
        GetNamedProperty, SetNamedProperty, GetKeyedProperty, SetKeyedProperty,
        JumpLoop, JumpIfToBooleanTrue, JumpIfToBooleanFalse, ToBooleanLogicalNot,
        TestEqualStrict, TestLessThan, TestGreaterThan, TestLessThanOrEqual, TestGreaterThanOrEqual,
        Add, Sub, Mul, Div, Mod, BitwiseOr, BitwiseXor, BitwiseAnd, ShiftLeft, ShiftRight, ShiftRightLogical,
        AddSmi, SubSmi, Inc, Dec,
        CallProperty0, CallProperty1, CallProperty2,
        CallUndefinedReceiver0, CallUndefinedReceiver1, CallUndefinedReceiver2,
        LdaGlobal, Return,
    )
}

impl Vm {
    /// The tiering policy at a call of `shared` (which has no code yet):
    /// compiles it when the policy says it is time.
    #[cold]
    pub(crate) fn tier_up(&mut self, shared: strata_gc::Gc<crate::function::SharedFunction>) {
        let due = match self.jit_policy {
            JitPolicy::Off => false,
            JitPolicy::Eager => true,
            JitPolicy::Hot { calls, .. } => shared.invocations.get() >= calls,
        };
        if due {
            self.compile_with_tier(shared, TierTrigger::Call);
        }
    }

    /// Whether a loop whose back-edge counter reached `count` is hot.
    #[inline(always)]
    pub(crate) fn loop_is_hot(&self, count: u32) -> bool {
        matches!(self.jit_policy, JitPolicy::Hot { loop_iterations, .. } if count >= loop_iterations)
    }

    /// A hot loop in the interpreted frame `cur`: compiles its function
    /// (unless it has code or was declined) and points the frame at the
    /// code, which the interpreter's loop then enters at the loop header
    /// the back edge goes to (on-stack replacement: the frame layout is
    /// shared, so nothing is translated).
    #[cold]
    #[inline(never)]
    pub(crate) fn loop_hot(&mut self, cur: &mut Cursor) {
        let shared = cur.shared;
        if shared.jit.get().is_null() {
            self.compile_with_tier(shared, TierTrigger::Loop);
        }
        cur.jit = shared.jit.get();
    }

    fn compile_with_tier(&mut self, shared: strata_gc::Gc<crate::function::SharedFunction>, trigger: TierTrigger) {
        if shared.jit_declined.get() {
            return;
        }
        // The tier is taken out while it compiles (it gets the vm).
        let Some(mut tier) = self.tier.take() else { return };
        self.tier_trigger = trigger;
        if tier.compile(self, shared).is_err() {
            shared.jit_declined.set(true);
        }
        self.tier = Some(tier);
    }
}
