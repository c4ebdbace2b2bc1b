//! Symbols: unique cells with an optional description. Registered symbols
//! (`Symbol.for`) are also found by key in the vm's registry.

use strata_gc::{Trace, Tracer};

use crate::value::Value;

/// A symbol cell.
/// `repr(C)`: the first payload word is the description, so the word at
/// an object's shape offset is never a shape's address (what the
/// baseline's inline caches rely on; see `ic::NO_SHAPE`).
#[repr(C)]
pub struct Symbol {
    /// The description: a string value or undefined.
    pub description: Value,
    /// Whether `Symbol.for` created it (so `Symbol.keyFor` finds it).
    pub registered: bool,
    /// A class private name (`#x`): a key never visible to reflection.
    pub private: bool,
}
strata_gc::cell_type!(Symbol);

// SAFETY: the description is the only reference.
unsafe impl Trace for Symbol {
    fn trace(&self, t: &mut Tracer) {
        self.description.trace(t)
    }
}
