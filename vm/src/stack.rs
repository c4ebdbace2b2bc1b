//! The register file: the VM's own stack of `Value` slots where
//! interpreter (and later baseline) frames live. Its layout per frame is
//! `frame.rs`. It is allocated once and never moves, so compiled code and
//! native argument views may hold addresses into it.

use strata_gc::Tracer;

use crate::value::Value;

/// The register file.
pub struct RegisterFile {
    slots: Box<[Value]>,
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
        RegisterFile { slots: vec![Value::UNDEFINED; capacity].into_boxed_slice(), top: 0, fp: -1, pc: 0 }
    }

    /// Capacity in slots.
    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    /// The base address (stable for the VM's life).
    #[inline]
    pub fn base(&mut self) -> *mut Value {
        self.slots.as_mut_ptr()
    }

    /// Slot `i` (undefined out of range).
    #[inline]
    pub fn get(&self, i: isize) -> Value {
        // A negative index wraps to a huge one and misses, like any other
        // out-of-range index.
        self.slots.get(i as usize).copied().unwrap_or(Value::UNDEFINED)
    }

    /// Writes slot `i` (ignored out of range; frames are bounds-checked
    /// when pushed).
    #[inline]
    pub fn set(&mut self, i: isize, v: Value) {
        if let Some(s) = self.slots.get_mut(i as usize) {
            *s = v;
        }
    }

    /// Whether `n` more slots fit.
    #[inline]
    pub fn has_room(&self, n: usize) -> bool {
        self.top.checked_add(n).is_some_and(|t| t <= self.slots.len())
    }

    /// Reports every slot in use.
    pub fn trace(&self, t: &mut Tracer<'_>) {
        for v in &self.slots[..self.top.min(self.slots.len())] {
            if let Some(c) = v.as_cell() {
                t.mark(c);
            }
        }
    }
}
