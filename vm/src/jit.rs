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
/// tier that made it, for the vm's lifetime.
pub struct JitCode {
    /// The entry sequence.
    pub entry: JitEntry,
    /// The native address of each instruction, by pc (0 between
    /// instruction starts).
    pub table: Box<[usize]>,
}

impl JitCode {
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
    /// After this many calls.
    Hot(u32),
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

/// Where compiled code finds the running frame's fp in a [`Cursor`]: it
/// compares it after each handler call to see whether control left the
/// frame.
pub fn cursor_fp_offset() -> usize {
    std::mem::offset_of!(Cursor, fp)
}

/// Where compiled code finds the running frame's registers in a
/// [`Cursor`] (`Reg` operand `r` is the value at `regs + 8 * r`).
pub fn cursor_regs_offset() -> usize {
    std::mem::offset_of!(Cursor, regs)
}

/// Runs the one instruction at `pc` with the interpreter's handler for it
/// (what compiled code calls for instructions without a template).
///
/// # Safety
/// `vm` and `cur` are the running vm and the cursor of the frame the code
/// runs, and `pc` starts an instruction of that frame's function.
pub unsafe extern "C" fn jit_run_instruction(vm: *mut Vm, cur: *mut Cursor, pc: usize, acc: u64) -> JitPair {
    // A panic must not unwind into machine code without unwind tables:
    // it becomes an internal error the script sees.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // SAFETY: the caller's guarantee; `acc` came from a Value.
        unsafe { crate::interpreter::run_one(&mut *vm, &mut *cur, pc, Value::from_bits(acc)) }
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

impl Vm {
    /// The tiering policy at a call of `shared` (which has no code yet):
    /// compiles it when the policy says it is time.
    #[cold]
    pub(crate) fn tier_up(&mut self, shared: strata_gc::Gc<crate::function::SharedFunction>) {
        let due = match self.jit_policy {
            JitPolicy::Off => false,
            JitPolicy::Eager => true,
            JitPolicy::Hot(n) => shared.invocations.get() >= n,
        };
        if !due || shared.jit_declined.get() {
            return;
        }
        // The tier is taken out while it compiles (it gets the vm).
        let Some(mut tier) = self.tier.take() else { return };
        if tier.compile(self, shared).is_err() {
            shared.jit_declined.set(true);
        }
        self.tier = Some(tier);
    }
}
