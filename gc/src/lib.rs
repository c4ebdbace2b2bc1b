//! Strata's heap: a non-moving mark-sweep collector in the style of
//! JavaScriptCore's.
//!
//! Every JavaScript value that is not an immediate lives here, and both JITs
//! will allocate from it inline. Pieces, one file each:
//! - `cell.rs`: the cell header, per-type [`CellInfo`], [`Gc`], [`Trace`];
//! - `block.rs`: 32 KiB aligned blocks per size class, mark bits, free lists
//!   (the free-cell layout inline allocation needs is documented there);
//! - `large.rs`: the large-object space;
//! - `marking.rs`: the [`Tracer`], ephemerons, weak processing, [`WeakSlot`];
//! - `roots.rs`: root sets, [`Persistent`] handles, [`RootedVec`];
//! - `stack_scan.rs`: the conservative scan of the native stack and registers;
//! - `heap.rs`: allocation, triggers, the heap limit, [`Heap::collect`];
//! - `stats.rs`: [`GcStats`] and the `--trace-gc` line;
//! - `external.rs`: memory cells own outside the heap, counted toward
//!   collection triggers.
//!
//! What keeps a cell alive: a trace edge from a live cell, a root set, a
//! persistent handle, a rooted container, or any word on the mutator's
//! native stack or in its registers that points at or into it. Nothing else:
//! a `Gc` in a plain `Vec` or `Box` is not a root.

mod block;
mod cell;
mod external;
mod heap;
mod large;
mod marking;
mod roots;
mod stack_scan;
mod stats;

pub use block::{ATOM_SIZE, BLOCK_SIZE, FIRST_CELL_OFFSET, MAX_SMALL_CELL, SIZE_CLASSES};
pub use cell::{CellHeader, CellInfo, CellPtr, CellType, Gc, PAYLOAD_OFFSET, Trace};
pub use external::{adjust_external, external_bytes};
pub use heap::{Allocator, Heap, HeapConfig, HeapExhausted, write_barrier};
pub use large::LARGE_CELL_BIT;
pub use marking::{Tracer, WeakProcessor, WeakSlot};
pub use roots::{Persistent, RootSetId, RootedVec};
pub use stats::{GcReason, GcStats};
