//! External memory: bytes that cells own outside the heap (an object's
//! element store and out-of-line slots are Rust vectors). They count
//! toward the allocation budget, as V8 counts external memory, so a
//! program that allocates little in the heap but much through it (`new
//! Array(5000)` in a loop) still collects and keeps its memory bounded.
//!
//! The count is per thread (a heap's mutator is one thread): owners add
//! what they grow and subtract what they shrink or free, including from
//! finalizers during a sweep. The heap compares the count with the value it
//! had after the last collection.

use std::cell::Cell;

thread_local! {
    static EXTERNAL_BYTES: Cell<isize> = const { Cell::new(0) };
}

/// Records a change of `delta` bytes in external memory owned by cells.
#[inline]
pub fn adjust_external(delta: isize) {
    if delta != 0 {
        EXTERNAL_BYTES.with(|c| c.set(c.get() + delta));
    }
}

/// External bytes currently owned by cells of this thread's heaps.
#[inline]
pub fn external_bytes() -> usize {
    EXTERNAL_BYTES.with(|c| c.get()).max(0) as usize
}
