//! Contexts: the heap-allocated scopes that hold variables captured by
//! closures (V8's contexts, the spec's declarative environment records for
//! captured bindings). A context has a parent and numbered slots; the
//! frontend decides which bindings live here and resolves each reference
//! to (depth, slot).
//!
//! Two kinds of scope also hold an object in a slot (see
//! `interpreter/dynamic.rs`): a `with` context's only slot is its binding
//! object (an object environment record), and a variable scope a sloppy
//! direct `eval` can add `var`s to has a last slot named `.eval_vars` for a
//! null-prototype object holding them (the hole until the first one).

use std::cell::Cell;
use std::sync::Arc;

use strata_bytecode::ScopeInfo;
use strata_gc::{Trace, Tracer};

use crate::value::Value;

/// A context cell.
pub struct Context {
    /// The enclosing context, or undefined for the outermost.
    pub parent: Value,
    /// The slots; a lexical binding holds the hole until initialized.
    pub slots: Box<[Cell<Value>]>,
    /// Names of the slots (for debugging, `with` and eval lookups).
    pub scope: Option<Arc<ScopeInfo>>,
}
strata_gc::cell_type!(Context);

// SAFETY: reports the parent and every slot.
unsafe impl Trace for Context {
    fn trace(&self, t: &mut Tracer) {
        self.parent.trace(t);
        for s in self.slots.iter() {
            s.get().trace(t);
        }
    }
}

impl Context {
    /// Slot `i` (undefined if out of range, which verified bytecode never does).
    #[inline]
    pub fn get(&self, i: usize) -> Value {
        self.slots.get(i).map_or(Value::UNDEFINED, Cell::get)
    }
    /// Writes slot `i`.
    #[inline]
    pub fn set(&self, i: usize, v: Value) {
        if let Some(s) = self.slots.get(i) {
            s.set(v)
        }
    }
}
