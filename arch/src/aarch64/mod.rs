//! AArch64: registers, the AAPCS64 calling convention, the fixed registers
//! of JIT frames, emitter helpers over `dynasmrt`, and instruction-cache
//! maintenance (`cache.rs`).

#[cfg(target_arch = "aarch64")]
pub mod cache;

use dynasmrt::{DynasmApi, dynasm};

/// The assembler the JITs emit AArch64 code with.
pub type Assembler = dynasmrt::VecAssembler<dynasmrt::aarch64::Aarch64Relocation>;

/// A new assembler (addresses relative to 0: code is position independent).
pub fn assembler() -> Assembler {
    dynasmrt::VecAssembler::new(0)
}

/// A general-purpose register `x0`..`x30` (31 is sp or xzr by context).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct Reg(pub u8);

impl Reg {
    /// The encoding `dynasm!`'s `X(..)` takes.
    pub fn code(self) -> u32 {
        self.0 as u32
    }
}

/// The AAPCS64 calling convention (how JIT code calls Rust and Rust calls
/// JIT code).
pub mod abi {
    use super::Reg;
    /// Integer argument registers, in order.
    pub const ARGS: [Reg; 8] = [Reg(0), Reg(1), Reg(2), Reg(3), Reg(4), Reg(5), Reg(6), Reg(7)];
    /// The integer return register (a second word comes back in x1).
    pub const RET: Reg = Reg(0);
    /// Second return register (a two-word struct).
    pub const RET2: Reg = Reg(1);
    /// Registers a callee must preserve (x19-x28; x29 is the frame pointer).
    pub const CALLEE_SAVED: [Reg; 10] =
        [Reg(19), Reg(20), Reg(21), Reg(22), Reg(23), Reg(24), Reg(25), Reg(26), Reg(27), Reg(28)];
    /// The frame pointer.
    pub const FRAME_POINTER: Reg = Reg(29);
    /// The link register.
    pub const LINK: Reg = Reg(30);
    /// Intra-procedure-call scratch registers (veneers may clobber them).
    pub const IP0: Reg = Reg(16);
    /// See [`IP0`].
    pub const IP1: Reg = Reg(17);
    /// Stack alignment (always, not only at calls).
    pub const STACK_ALIGN: usize = 16;
}

/// The fixed registers of JIT frames: callee-saved, so they survive the
/// calls into Rust stubs.
pub mod jit {
    use super::Reg;
    /// The `Vm` pointer.
    pub const VM: Reg = Reg(19);
    /// The frame pointer into the register file (address of the frame's
    /// first register).
    pub const FP: Reg = Reg(20);
    /// The accumulator.
    pub const ACC: Reg = Reg(21);
    /// A second preserved register (feedback vector, constants).
    pub const AUX: Reg = Reg(22);
    /// Scratch registers (caller-saved; not preserved across calls).
    pub const SCRATCH: [Reg; 3] = [Reg(9), Reg(10), Reg(11)];
}

/// `reg = value` for any 64-bit constant (`movz` and up to three `movk`).
pub fn load_imm64(ops: &mut Assembler, reg: Reg, value: u64) {
    let r = reg.code();
    dynasm!(ops ; .arch aarch64 ; movz X(r), (value & 0xffff) as u32);
    for shift in [16u32, 32, 48] {
        let part = ((value >> shift) & 0xffff) as u32;
        if part != 0 {
            dynasm!(ops ; .arch aarch64 ; movk X(r), part, lsl shift);
        }
    }
}

/// Calls the function at absolute address `target` (through x16, the
/// intra-procedure-call scratch register).
pub fn call_absolute(ops: &mut Assembler, target: usize) {
    load_imm64(ops, abi::IP0, target as u64);
    dynasm!(ops ; .arch aarch64 ; blr x16);
}

/// Frame entry of JIT code called from Rust: saves the frame pointer, the
/// link register and the JIT's fixed registers.
pub fn enter(ops: &mut Assembler) {
    dynasm!(ops
        ; .arch aarch64
        ; stp x29, x30, [sp, #-16]!
        ; mov x29, sp
        ; stp x19, x20, [sp, #-16]!
        ; stp x21, x22, [sp, #-16]!
    );
}

/// Frame exit matching [`enter`], returning to the caller.
pub fn leave(ops: &mut Assembler) {
    dynasm!(ops
        ; .arch aarch64
        ; ldp x21, x22, [sp], #16
        ; ldp x19, x20, [sp], #16
        ; ldp x29, x30, [sp], #16
        ; ret
    );
}
