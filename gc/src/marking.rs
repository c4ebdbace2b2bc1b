//! Marking: the tracer every cell type reports its references to, the mark
//! stack, ephemerons, and the weak-processing pass that follows marking.
//!
//! Order of one marking (driven by `Heap::collect`):
//! 1. roots: precise root sets, persistent handles, rooted containers, then
//!    the conservative scan of the native stack and registers;
//! 2. drain the mark stack, tracing each newly marked cell once;
//! 3. ephemeron fixpoint: cells that asked to be traced again (a table
//!    whose keys were not all marked yet, through
//!    [`Tracer::retrace_when_drained`]) are re-traced until a round marks
//!    nothing new. Tables that report each entry with [`Tracer::ephemeron`]
//!    instead need no rounds: an entry whose key is unmarked waits in a map
//!    keyed by the key's address, and the drain marks its value when it
//!    pops the key — linear in the entries, however the keys chain (a
//!    value that is the key of another entry, a thousand deep, costs a
//!    thousand steps, not a thousand rounds over the table);
//! 4. weak processing: every live cell whose type has weak references is
//!    told, through [`WeakProcessor`], which targets died.
//!
//! Only then does the sweep free anything, so weak processing still sees
//! every dead cell's memory intact (but must not keep a dead cell alive).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ptr::NonNull;

use crate::block::Block;
use crate::cell::{CellHeader, CellPtr};
use crate::heap::Spaces;
use crate::large::{LARGE_CELL_BIT, LargeSpace};

#[inline]
pub(crate) fn test_and_set_mark(cell: usize) -> bool {
    if cell & LARGE_CELL_BIT != 0 { LargeSpace::test_and_set_mark(cell) } else { Block::test_and_set_mark(cell) }
}

#[inline]
pub(crate) fn is_marked(cell: usize) -> bool {
    if cell & LARGE_CELL_BIT != 0 { LargeSpace::is_marked(cell) } else { Block::is_marked(cell) }
}

/// Receives the references of the cell being traced and of the roots.
pub struct Tracer<'h> {
    spaces: &'h Spaces,
    stack: Vec<NonNull<CellHeader>>,
    current: Option<NonNull<CellHeader>>,
    retrace: Vec<NonNull<CellHeader>>,
    weak_cells: Vec<NonNull<CellHeader>>,
    /// Ephemerons waiting for their key: key address → values to mark
    /// when the drain pops the key.
    ephemerons: HashMap<usize, Vec<NonNull<CellHeader>>, BuildHasherDefault<AddressHasher>>,
    marked: usize,
}

/// Hashes cell addresses (8-aligned words) for the ephemeron map.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
}

impl<'h> Tracer<'h> {
    pub(crate) fn new(spaces: &'h Spaces) -> Tracer<'h> {
        Tracer {
            spaces,
            stack: Vec::with_capacity(1024),
            current: None,
            retrace: Vec::new(),
            weak_cells: Vec::new(),
            ephemerons: HashMap::default(),
            marked: 0,
        }
    }

    /// Marks a cell reachable (a strong edge).
    #[inline]
    pub fn mark(&mut self, cell: CellPtr) {
        let raw = cell.as_raw();
        if !test_and_set_mark(raw.as_ptr() as usize) {
            self.marked += 1;
            self.stack.push(raw);
        }
    }

    /// Treats `word` as a possible reference: if it points at or into an
    /// allocated cell, that cell is marked. Used for the native stack, and
    /// by roots that hold words of unknown meaning. Returns whether a cell
    /// was found.
    #[inline]
    pub fn mark_conservative(&mut self, word: usize) -> bool {
        match self.spaces.find_cell(word) {
            // SAFETY: `find_cell` only returns allocated cells of this heap.
            Some(cell) => {
                self.mark(unsafe { CellPtr::from_raw(cell) });
                true
            }
            None => false,
        }
    }

    /// Whether a cell has been marked so far in this collection. Ephemeron
    /// tables use it to decide whether a key is reachable.
    #[inline]
    pub fn is_marked(&self, cell: CellPtr) -> bool {
        is_marked(cell.addr())
    }

    /// Reports an ephemeron: `value` is reachable if `key` is (a WeakMap
    /// entry). Marks `value` now if `key` is marked, else when the drain
    /// pops `key`; if `key` is never marked, `value` gets no edge from
    /// here. The table's weak processing then drops entries of dead keys.
    #[inline]
    pub fn ephemeron(&mut self, key: CellPtr, value: CellPtr) {
        if is_marked(key.addr()) {
            self.mark(value);
        } else {
            self.ephemerons.entry(key.addr()).or_default().push(value.as_raw());
        }
    }

    /// Asks for the cell being traced to be traced again once the mark stack
    /// drains: the ephemeron protocol. A table calls it when some key was not
    /// yet marked; its next trace marks the values of keys marked since.
    pub fn retrace_when_drained(&mut self) {
        if let Some(cell) = self.current {
            self.retrace.push(cell);
        }
    }

    pub(crate) fn set_current(&mut self, cell: NonNull<CellHeader>) {
        self.current = Some(cell);
    }

    /// Cells marked so far.
    pub fn marked_count(&self) -> usize {
        self.marked
    }

    fn drain(&mut self) {
        while let Some(cell) = self.stack.pop() {
            // SAFETY: only allocated cells are pushed; the header names
            // their type.
            let Some(info) = (unsafe { cell.as_ref() }).info() else { continue };
            if !self.ephemerons.is_empty()
                && let Some(values) = self.ephemerons.remove(&(cell.as_ptr() as usize))
            {
                for v in values {
                    // SAFETY: reported through `ephemeron` as a cell.
                    self.mark(unsafe { CellPtr::from_raw(v) });
                }
            }
            if info.process_weak.is_some() {
                self.weak_cells.push(cell);
            }
            // SAFETY: `cell` is an allocated cell of the type `info` describes.
            unsafe { (info.trace)(cell, self) };
            self.current = None;
        }
    }

    /// Drains the mark stack and runs the ephemeron fixpoint. Returns the
    /// cells that need weak processing.
    pub(crate) fn finish(mut self) -> (Vec<NonNull<CellHeader>>, usize) {
        loop {
            self.drain();
            if self.retrace.is_empty() {
                break;
            }
            let before = self.marked;
            let pending = std::mem::take(&mut self.retrace);
            for cell in pending {
                // SAFETY: `cell` was traced this collection, so it is an
                // allocated, marked cell.
                let info = unsafe { cell.as_ref() }.info().expect("retraced cell is allocated");
                // SAFETY: as above.
                unsafe { (info.trace)(cell, &mut self) };
                self.current = None;
            }
            if self.marked == before && self.stack.is_empty() {
                // No key became reachable: the remaining values stay
                // unmarked and their tables drop them in weak processing.
                self.retrace.clear();
                break;
            }
        }
        (self.weak_cells, self.marked)
    }
}

/// What weak processing may ask: is a referenced cell still alive?
pub struct WeakProcessor {
    _private: (),
}

impl WeakProcessor {
    pub(crate) fn new() -> WeakProcessor {
        WeakProcessor { _private: () }
    }

    /// Whether `cell` survives this collection.
    #[inline]
    pub fn is_live(&self, cell: CellPtr) -> bool {
        is_marked(cell.addr())
    }
}

/// A weak reference to a cell: it does not keep the cell alive, and the
/// collection that frees the cell clears it.
///
/// Contract: a cell type holding `WeakSlot`s declares itself with
/// `cell_type!(T, weak)` and calls [`WeakSlot::process`] on each slot from
/// its `process_weak`. Tracing a `WeakSlot` does nothing. Reading it gives
/// the target while it is alive and `None` after the collection that found
/// it unreachable. WeakRef and FinalizationRegistry are built on this;
/// WeakMap and WeakSet use [`Tracer::ephemeron`] and `process_weak` on
/// their tables instead.
#[derive(Default)]
pub struct WeakSlot {
    target: std::cell::Cell<Option<CellPtr>>,
}

impl WeakSlot {
    /// A slot referring to `target` weakly.
    pub fn new(target: Option<CellPtr>) -> WeakSlot {
        WeakSlot { target: std::cell::Cell::new(target) }
    }
    /// The target, if it has not been collected.
    pub fn get(&self) -> Option<CellPtr> {
        self.target.get()
    }
    /// Points the slot at another cell (or none).
    pub fn set(&self, target: Option<CellPtr>) {
        self.target.set(target)
    }
    /// Clears the slot if its target died; returns whether it did.
    pub fn process(&self, weak: &WeakProcessor) -> bool {
        match self.target.get() {
            Some(t) if !weak.is_live(t) => {
                self.target.set(None);
                true
            }
            _ => false,
        }
    }
}
