//! Instruction-cache maintenance: AArch64 does not keep instruction fetch
//! coherent with data stores, so new code must be cleaned from the data
//! cache to the point of unification and invalidated in the instruction
//! cache before it runs (what `__clear_cache` does).

use std::arch::asm;

/// Synchronizes the instruction cache with the data written to
/// `[start, start + len)`.
///
/// # Safety
/// The range must be mapped (cache maintenance by address faults on
/// unmapped memory).
pub unsafe fn synchronize_icache(start: *const u8, len: usize) {
    let ctr: u64;
    // SAFETY: CTR_EL0 is readable from user space on Linux.
    unsafe { asm!("mrs {}, ctr_el0", out(reg) ctr, options(nomem, nostack)) };
    let dline = 4usize << ((ctr >> 16) & 0xf);
    let iline = 4usize << (ctr & 0xf);
    let end = start as usize + len;
    let mut addr = start as usize & !(dline - 1);
    while addr < end {
        // SAFETY: `addr` is inside the mapped range (rounded down to its line).
        unsafe { asm!("dc cvau, {}", in(reg) addr, options(nostack)) };
        addr += dline;
    }
    // SAFETY: barriers have no operands.
    unsafe { asm!("dsb ish", options(nostack)) };
    let mut addr = start as usize & !(iline - 1);
    while addr < end {
        // SAFETY: as above.
        unsafe { asm!("ic ivau, {}", in(reg) addr, options(nostack)) };
        addr += iline;
    }
    // SAFETY: barriers have no operands.
    unsafe { asm!("dsb ish", "isb", options(nostack)) };
}
