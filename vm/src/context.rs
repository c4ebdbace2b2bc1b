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

/// A context cell: the fields, then its slots in the cell's trailing
/// part (one allocation, and a slot one load from the context; compiled
/// code reads them at `JitLayout::context_slots`).
#[repr(C)]
pub struct Context {
    /// The enclosing context, or undefined for the outermost.
    pub parent: Value,
    /// Names of the slots (for debugging, `with` and eval lookups).
    pub scope: Option<Arc<ScopeInfo>>,
    /// How many slots follow.
    len: usize,
    /// Where the slots begin (a flexible array member): the slots are
    /// reached through this field, whose `Cell`s tell the compiler that
    /// memory behind a `&Context` changes (without it, `&Context` is
    /// read-only to LLVM, and writes to slots through it could be lost).
    slots: [Cell<Value>; 0],
}
strata_gc::cell_type!(Context);

// A new context's trailing bytes are zeroed: every slot starts as the
// hole, what an uninitialized lexical binding holds.
const _: () = assert!(Value::HOLE.bits() == 0);
// The slots field is where the heap puts the trailing bytes.
const _: () = assert!(std::mem::offset_of!(Context, slots) == std::mem::size_of::<Context>().next_multiple_of(8));

// SAFETY: reports the parent and every slot.
unsafe impl Trace for Context {
    fn trace(&self, t: &mut Tracer) {
        self.parent.trace(t);
        for s in self.slots() {
            s.get().trace(t);
        }
    }
}

impl Context {
    /// A context's fields, for a cell allocated with
    /// [`Context::trailing_bytes`]`(len)` (`Vm::new_context`).
    pub(crate) fn header(parent: Value, scope: Option<Arc<ScopeInfo>>, len: usize) -> Context {
        Context { parent, scope, len, slots: [] }
    }
    /// Trailing bytes of a context with `len` slots.
    pub(crate) fn trailing_bytes(len: usize) -> usize {
        len * std::mem::size_of::<Value>()
    }
    /// Offset of the slot count from the payload.
    pub const LEN_OFFSET: usize = std::mem::offset_of!(Context, len);
    /// Offset of slot 0 from the payload (the cell's trailing part).
    pub const SLOTS_OFFSET: usize = std::mem::offset_of!(Context, slots);
    /// The slots; a lexical binding holds the hole until initialized.
    #[inline]
    pub fn slots(&self) -> &[Cell<Value>] {
        // SAFETY: the cell was allocated with `len` slots after the
        // fields (`Vm::new_context`), initialized (zero bits are the
        // hole), and they live as long as the cell.
        unsafe { std::slice::from_raw_parts(self.slots.as_ptr(), self.len) }
    }
    /// Slot `i` (undefined if out of range, which verified bytecode never does).
    #[inline]
    pub fn get(&self, i: usize) -> Value {
        self.slots().get(i).map_or(Value::UNDEFINED, Cell::get)
    }
    /// Writes slot `i`.
    #[inline]
    pub fn set(&self, i: usize, v: Value) {
        if let Some(s) = self.slots().get(i) {
            s.set(v)
        }
    }
}
