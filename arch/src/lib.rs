//! Machine-specific building blocks of Strata's JIT tiers (DESIGN.md,
//! "Architectures"): everything that knows an instruction set lives here
//! or in the per-arch emitter files of the two JITs.
//!
//! - [`x64`] and [`aarch64`]: registers, the C calling conventions the
//!   JITs call Rust through (System V AMD64, AAPCS64), the fixed registers
//!   of JIT frames, and emitter helpers over `dynasmrt` (64-bit constants,
//!   absolute calls, frame entry and exit). Both assemblers build on every
//!   host, so emitters are unit-tested against the disassembler on any
//!   machine; running the code needs the matching machine (AArch64 runs
//!   under `qemu-aarch64-static` in CI).
//! - [`code`]: executable memory. Pages are writable or executable, never
//!   both: code is copied in while a chunk is read+write, then the chunk
//!   returns to read+execute (and, on AArch64, the instruction cache is
//!   synchronized).
//! - [`disasm`]: disassembly for `--print-code` and tests (`iced-x86` for
//!   x86-64, `capstone` for AArch64).
//!
//! Code is assembled into a `Vec<u8>` (`dynasmrt::VecAssembler`), position
//! independent except for absolute addresses it loads as constants, then
//! installed with [`code::CodeSpace::install`].

pub mod aarch64;
pub mod code;
pub mod disasm;
pub mod x64;

/// An instruction set Strata emits code for.
#[derive(Copy, Clone, PartialEq, Eq, Debug, Hash)]
pub enum Arch {
    /// x86-64 (System V ABI).
    X64,
    /// AArch64 (AAPCS64).
    Aarch64,
}

impl Arch {
    /// The machine this process runs on, if Strata can emit code for it.
    pub const HOST: Option<Arch> = if cfg!(target_arch = "x86_64") {
        Some(Arch::X64)
    } else if cfg!(target_arch = "aarch64") {
        Some(Arch::Aarch64)
    } else {
        None
    };

    /// Its name as flags and traces print it.
    pub fn name(self) -> &'static str {
        match self {
            Arch::X64 => "x86-64",
            Arch::Aarch64 => "aarch64",
        }
    }
}
