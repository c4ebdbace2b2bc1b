//! The register file: the VM's own stack of `Value` slots where
//! interpreter (and later baseline) frames live. Its layout per frame is
//! `frame.rs`. It is allocated once and never moves, so compiled code and
//! native argument views may hold addresses into it.

use strata_gc::Tracer;

use crate::value::Value;

/// The register file. Its slots are one raw allocation reached only
/// through raw pointers (never a `&mut [Value]`), so the interpreter and
/// compiled code may keep a pointer to a frame's registers across calls
/// that push and pop other frames through `&mut Vm`.
pub struct RegisterFile {
    slots: std::ptr::NonNull<Value>,
    capacity: usize,
    /// One past the highest slot in use.
    pub top: usize,
    /// fp of the innermost JavaScript frame, or -1 when none runs.
    pub fp: isize,
    /// Bytecode offset the innermost frame is executing (kept by the
    /// interpreter so errors and stack walks can attribute it).
    pub pc: u32,
}

impl RegisterFile {
    /// A register file of `capacity` slots.
    pub fn new(capacity: usize) -> RegisterFile {
        let boxed: Box<[Value]> = vec![Value::UNDEFINED; capacity.max(1)].into_boxed_slice();
        let capacity = boxed.len();
        let slots = std::ptr::NonNull::from(Box::leak(boxed)).cast::<Value>();
        RegisterFile { slots, capacity, top: 0, fp: -1, pc: 0 }
    }

    /// Capacity in slots.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// The base address (stable for the VM's life).
    #[inline]
    pub fn base(&self) -> *mut Value {
        self.slots.as_ptr()
    }

    /// Slot `i` (undefined out of range).
    #[inline]
    pub fn get(&self, i: isize) -> Value {
        // A negative index wraps to a huge one and misses, like any other
        // out-of-range index.
        if (i as usize) < self.capacity {
            // SAFETY: in bounds of the allocation.
            unsafe { *self.slots.as_ptr().add(i as usize) }
        } else {
            Value::UNDEFINED
        }
    }

    /// Writes slot `i` (ignored out of range; frames are bounds-checked
    /// when pushed).
    #[inline]
    pub fn set(&mut self, i: isize, v: Value) {
        if (i as usize) < self.capacity {
            // SAFETY: in bounds of the allocation.
            unsafe { *self.slots.as_ptr().add(i as usize) = v }
        }
    }

    /// Offsets of `top`, the capacity and `fp` (words all), for compiled
    /// code that pushes and pops frames.
    pub(crate) fn jit_offsets() -> (usize, usize, usize) {
        use std::mem::offset_of;
        (offset_of!(RegisterFile, top), offset_of!(RegisterFile, capacity), offset_of!(RegisterFile, fp))
    }

    /// Whether `n` more slots fit.
    #[inline]
    pub fn has_room(&self, n: usize) -> bool {
        self.top.checked_add(n).is_some_and(|t| t <= self.capacity)
    }

    /// Reports every slot in use.
    pub fn trace(&self, t: &mut Tracer<'_>) {
        for i in 0..self.top.min(self.capacity) {
            if let Some(c) = self.get(i as isize).as_cell() {
                t.mark(c);
            }
        }
    }
}

impl Drop for RegisterFile {
    fn drop(&mut self) {
        // SAFETY: `slots` came from leaking a boxed slice of `capacity`
        // values in `new`, and is freed once, here.
        unsafe {
            drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(self.slots.as_ptr(), self.capacity)));
        }
    }
}
