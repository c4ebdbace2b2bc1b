//! The conservative root scan of the mutator thread's native stack and
//! registers. This file and the per-arch folders of `arch/` are the only
//! places with `cfg(target_arch)`.
//!
//! Callee-saved registers are spilled into a buffer in this frame first, so
//! a reference living only in a register is seen; caller-saved registers are
//! already on the stack in the frames of the functions that are live across
//! the call into the collector. The scan covers every aligned word from the
//! spill buffer up to the top of the thread's stack.

/// The highest address of the calling thread's stack (stacks grow down).
pub fn current_thread_stack_top() -> usize {
    // SAFETY: `attr` is initialized by pthread_getattr_np before use and
    // destroyed after; the out-pointers are valid locals.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) == 0 {
            let mut addr: *mut libc::c_void = std::ptr::null_mut();
            let mut size: libc::size_t = 0;
            let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
            libc::pthread_attr_destroy(&mut attr);
            if ok && !addr.is_null() {
                return addr as usize + size;
            }
        }
    }
    // Fallback: a little above this frame. Frames above it are missed, so
    // the heap records the top at creation, from the outermost frame that
    // uses it; this path is only taken if the OS refuses the query.
    let marker = 0usize;
    (&marker as *const usize as usize).next_multiple_of(4096)
}

#[cfg(target_arch = "x86_64")]
const SPILL_WORDS: usize = 6;
#[cfg(target_arch = "aarch64")]
const SPILL_WORDS: usize = 19;

/// Spills the callee-saved registers, then calls `visit` with every word of
/// the stack between the spill buffer and `stack_top`.
#[inline(never)]
pub fn scan_stack(stack_top: usize, visit: &mut dyn FnMut(usize)) {
    let mut spill = [0usize; SPILL_WORDS];
    spill_callee_saved(&mut spill);
    let start = spill.as_ptr() as usize;
    let mut addr = start;
    while addr + 8 <= stack_top {
        // SAFETY: `addr` lies between a live local of this frame and the top
        // of this thread's stack, all mapped, 8-aligned memory. Words may be
        // stale or padding; they are only compared against heap addresses.
        let word = unsafe { std::ptr::read_volatile(addr as *const usize) };
        visit(word);
        addr += 8;
    }
    std::hint::black_box(&spill);
}

#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn spill_callee_saved(buf: &mut [usize; SPILL_WORDS]) {
    // SAFETY: stores six registers into a six-word local buffer.
    unsafe {
        std::arch::asm!(
            "mov [{b}], rbx",
            "mov [{b} + 8], rbp",
            "mov [{b} + 16], r12",
            "mov [{b} + 24], r13",
            "mov [{b} + 32], r14",
            "mov [{b} + 40], r15",
            b = in(reg) buf.as_mut_ptr(),
            options(nostack, preserves_flags),
        );
    }
}

#[cfg(target_arch = "aarch64")]
#[inline(always)]
fn spill_callee_saved(buf: &mut [usize; SPILL_WORDS]) {
    // SAFETY: stores x19–x29 and d8–d15 (19 words) into a 19-word buffer.
    unsafe {
        std::arch::asm!(
            "stp x19, x20, [{b}]",
            "stp x21, x22, [{b}, #16]",
            "stp x23, x24, [{b}, #32]",
            "stp x25, x26, [{b}, #48]",
            "stp x27, x28, [{b}, #64]",
            "str x29, [{b}, #80]",
            "stp d8, d9, [{b}, #88]",
            "stp d10, d11, [{b}, #104]",
            "stp d12, d13, [{b}, #120]",
            "stp d14, d15, [{b}, #136]",
            b = in(reg) buf.as_mut_ptr(),
            options(nostack, preserves_flags),
        );
    }
}

#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
compile_error!("strata-gc scans the stack on x86-64 and AArch64 only");
