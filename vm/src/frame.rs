//! The one frame layout, shared by the interpreter, the baseline JIT,
//! deoptimization and stack walking. Every file that reads or writes frame
//! slots says "must match frame.rs"; the bytecode's `Register` constants
//! (`bytecode/src/operand.rs`) repeat `THIS` and `PARAM0`.
//!
//! Frames live on the VM's register file (a fixed `Value` array that never
//! moves), growing upward. `fp` is the index of register r0:
//!
//! ```text
//!   lower indices
//!   │ ...caller's registers...               │
//!   │ argument n-1 (n = max(argc, formals))  │ fp - 9 - (n-1)
//!   │ ...                                    │
//!   │ argument 0                             │ fp - 9   PARAM0
//!   │ this                                   │ fp - 8   THIS
//!   │ compiled caller's continuation         │ fp - 7   RETURN_ADDRESS
//!   │ new.target (undefined for calls)       │ fp - 6   NEW_TARGET
//!   │ callee (the function object)           │ fp - 5   CALLEE
//!   │ argc (int32: arguments actually passed)│ fp - 4   ARGC
//!   │ context (current closure scope)        │ fp - 3   CONTEXT
//!   │ return pc (int32) in the caller        │ fp - 2   RETURN_PC
//!   │ caller fp (int32; -1: entry frame)     │ fp - 1   CALLER_FP
//!   ├────────────────────────────────────────┤
//!   │ r0                                     │ fp + 0
//!   │ r1 ... r(register_count-1)             │
//!   higher indices
//! ```
//!
//! Arguments sit in reverse order so that parameter `i` is at the fixed
//! offset `PARAM0 - i` whatever `argc` is (V8 does the same); missing
//! arguments are filled with undefined up to the formal count, extra ones
//! lie further down and are reached through `argc` (for `arguments` and
//! rest parameters). Every slot holds a `Value` — the pcs and fps as
//! int32s — so the register file is a precise GC root up to the top of the
//! last frame.
//!
//! RETURN_ADDRESS is for compiled code only: a frame that compiled code
//! pushed for a call holds the native address where the caller's code
//! goes on after the call, boxed with the int32 tag so it reads as a
//! number, never as a pointer (the register file is scanned as values);
//! every other frame holds undefined there, and a return through it takes
//! the general path (`RETURN_PC` and `CALLER_FP` are always right).
//!
//! An entry frame (caller fp -1) was pushed by native code calling into
//! JavaScript; returning from it leaves the interpreter loop. A suspended
//! generator saves the slots from its lowest argument to its last register
//! and restores them on resume, so frames can be suspended.

/// Slot of argument 0; argument `i` is at `PARAM0 - i`.
pub const PARAM0: isize = -9;
/// Slot of `this`.
pub const THIS: isize = -8;
/// Slot of the compiled caller's continuation (see the module docs).
pub const RETURN_ADDRESS: isize = -7;
/// Slot of new.target.
pub const NEW_TARGET: isize = -6;
/// Slot of the callee.
pub const CALLEE: isize = -5;
/// Slot of argc.
pub const ARGC: isize = -4;
/// Slot of the context.
pub const CONTEXT: isize = -3;
/// Slot of the caller's pc to resume at.
pub const RETURN_PC: isize = -2;
/// Slot of the caller's fp, or -1 for an entry frame.
pub const CALLER_FP: isize = -1;

/// Header slots between `this` and fp, `this` included.
pub const HEADER_SLOTS: usize = 8;

/// Slots a frame takes for `args` argument slots and `registers` registers.
pub const fn frame_size(args: usize, registers: usize) -> usize {
    args + HEADER_SLOTS + registers
}
