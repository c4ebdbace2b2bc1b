//! x86-64: registers, the System V AMD64 calling convention, the fixed
//! registers of JIT frames, and emitter helpers over `dynasmrt`.

use dynasmrt::{DynasmApi, dynasm};

/// The assembler the JITs emit x86-64 code with.
pub type Assembler = dynasmrt::VecAssembler<dynasmrt::x64::X64Relocation>;

/// A new assembler (addresses relative to 0: code is position independent).
pub fn assembler() -> Assembler {
    dynasmrt::VecAssembler::new(0)
}

/// A general-purpose register, by its encoding.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(u8)]
#[allow(missing_docs)]
pub enum Reg {
    Rax = 0,
    Rcx = 1,
    Rdx = 2,
    Rbx = 3,
    Rsp = 4,
    Rbp = 5,
    Rsi = 6,
    Rdi = 7,
    R8 = 8,
    R9 = 9,
    R10 = 10,
    R11 = 11,
    R12 = 12,
    R13 = 13,
    R14 = 14,
    R15 = 15,
}

impl Reg {
    /// The encoding `dynasm!`'s `Rq(..)` takes.
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// The System V AMD64 calling convention (how JIT code calls Rust and
/// Rust calls JIT code).
pub mod abi {
    use super::Reg;
    /// Integer argument registers, in order.
    pub const ARGS: [Reg; 6] = [Reg::Rdi, Reg::Rsi, Reg::Rdx, Reg::Rcx, Reg::R8, Reg::R9];
    /// The integer return register (a second word comes back in rdx).
    pub const RET: Reg = Reg::Rax;
    /// Second return register (a two-word struct).
    pub const RET2: Reg = Reg::Rdx;
    /// Registers a callee must preserve.
    pub const CALLEE_SAVED: [Reg; 6] = [Reg::Rbx, Reg::Rbp, Reg::R12, Reg::R13, Reg::R14, Reg::R15];
    /// Registers a call may clobber.
    pub const CALLER_SAVED: [Reg; 9] =
        [Reg::Rax, Reg::Rcx, Reg::Rdx, Reg::Rsi, Reg::Rdi, Reg::R8, Reg::R9, Reg::R10, Reg::R11];
    /// Stack alignment at a call instruction.
    pub const STACK_ALIGN: usize = 16;
}

/// The fixed registers of JIT frames: callee-saved, so they survive the
/// calls into Rust stubs.
pub mod jit {
    use super::Reg;
    /// The `Vm` pointer.
    pub const VM: Reg = Reg::R12;
    /// The frame pointer into the register file (address of the frame's
    /// first register).
    pub const FP: Reg = Reg::R13;
    /// The accumulator.
    pub const ACC: Reg = Reg::R14;
    /// A second preserved register (feedback vector, constants).
    pub const AUX: Reg = Reg::R15;
    /// Scratch registers (caller-saved; not preserved across calls).
    pub const SCRATCH: [Reg; 3] = [Reg::R10, Reg::R11, Reg::Rax];
}

/// `reg = value` for any 64-bit constant.
pub fn load_imm64(ops: &mut Assembler, reg: Reg, value: u64) {
    if value <= u32::MAX as u64 {
        // A 32-bit move zero-extends.
        dynasm!(ops ; .arch x64 ; mov Rd(reg.code()), value as i32);
    } else {
        dynasm!(ops ; .arch x64 ; mov Rq(reg.code()), QWORD value as i64);
    }
}

/// Calls the function at absolute address `target` (through r11, which
/// the call clobbers anyway).
pub fn call_absolute(ops: &mut Assembler, target: usize) {
    dynasm!(ops
        ; .arch x64
        ; mov r11, QWORD target as i64
        ; call r11
    );
}

/// Frame entry of JIT code called from Rust: saves rbp and the
/// callee-saved registers, keeping the stack 16-byte aligned for calls.
pub fn enter(ops: &mut Assembler) {
    dynasm!(ops
        ; .arch x64
        ; push rbp
        ; mov rbp, rsp
        ; push rbx
        ; push r12
        ; push r13
        ; push r14
        ; push r15
        ; sub rsp, 8
    );
}

/// Frame exit matching [`enter`], returning to the caller.
pub fn leave(ops: &mut Assembler) {
    dynasm!(ops
        ; .arch x64
        ; add rsp, 8
        ; pop r15
        ; pop r14
        ; pop r13
        ; pop r12
        ; pop rbx
        ; pop rbp
        ; ret
    );
}
