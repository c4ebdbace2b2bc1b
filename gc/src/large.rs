//! The large-object space: one system allocation per cell above
//! [`MAX_SMALL_CELL`](crate::block::MAX_SMALL_CELL) bytes.
//!
//! ```text
//!  allocation (16-aligned)
//!  ┌──────────────────────────┬──────────────────────────────┐
//!  │ LargePrefix (24 bytes)   │ cell: header word, payload … │
//!  │ size, mark               │ starts at 8 mod 16           │
//!  └──────────────────────────┴──────────────────────────────┘
//! ```
//!
//! Small cells are 16-aligned, so bit 3 of a cell address tells the two
//! spaces apart without a lookup (JavaScriptCore's precise allocations do
//! the same). Interior pointers are resolved through an ordered map of cell
//! start addresses.

use std::alloc::Layout;
use std::collections::BTreeMap;
use std::ptr::NonNull;

use crate::cell::CellHeader;

/// Bit set in the address of every large cell, clear in every small one.
pub const LARGE_CELL_BIT: usize = 8;
const PREFIX: usize = 24;

#[repr(C)]
struct LargePrefix {
    size: usize,
    marked: usize,
    _pad: usize,
}

/// All large cells, keyed by cell start address.
#[derive(Default)]
pub struct LargeSpace {
    cells: BTreeMap<usize, usize>,
    bytes: usize,
}

fn layout(cell_size: usize) -> Option<Layout> {
    Layout::from_size_align(PREFIX + cell_size, 16).ok()
}

impl LargeSpace {
    /// Allocates a zeroed large cell of `cell_size` bytes; `None` when the
    /// system is out of memory or the size cannot be represented.
    pub fn alloc(&mut self, cell_size: usize) -> Option<NonNull<CellHeader>> {
        let layout = layout(cell_size)?;
        // SAFETY: the layout has non-zero size.
        let base = unsafe { std::alloc::alloc_zeroed(layout) };
        if base.is_null() {
            return None;
        }
        // SAFETY: `base` is a fresh allocation large enough for the prefix.
        unsafe { base.cast::<LargePrefix>().write(LargePrefix { size: cell_size, marked: 0, _pad: 0 }) };
        let cell = base as usize + PREFIX;
        debug_assert_eq!(cell & LARGE_CELL_BIT, LARGE_CELL_BIT);
        self.cells.insert(cell, cell_size);
        self.bytes += cell_size;
        NonNull::new(cell as *mut CellHeader)
    }

    fn prefix(cell: usize) -> *mut LargePrefix {
        (cell - PREFIX) as *mut LargePrefix
    }

    /// Sets the mark of a large cell; returns whether it was already set.
    #[inline]
    pub fn test_and_set_mark(cell: usize) -> bool {
        // SAFETY: `cell` is a large cell of this space; its prefix precedes it.
        unsafe {
            let p = Self::prefix(cell);
            let was = (*p).marked != 0;
            (*p).marked = 1;
            was
        }
    }

    /// Whether a large cell is marked.
    #[inline]
    pub fn is_marked(cell: usize) -> bool {
        // SAFETY: as in `test_and_set_mark`.
        unsafe { (*Self::prefix(cell)).marked != 0 }
    }

    /// The allocated large cell containing `addr`, if any.
    pub fn cell_containing(&self, addr: usize) -> Option<NonNull<CellHeader>> {
        let (&start, &size) = self.cells.range(..=addr).next_back()?;
        (addr < start + size).then(|| NonNull::new(start as *mut CellHeader)).flatten()
    }

    /// Lowest and highest+1 addresses of any large cell.
    pub fn bounds(&self) -> Option<(usize, usize)> {
        let lo = *self.cells.keys().next()?;
        let (hi, size) = self.cells.iter().next_back()?;
        Some((lo, hi + size))
    }

    /// Frees every unmarked cell (running finalizers) and clears the marks
    /// of the survivors. Returns (live cells, live bytes, freed, finalized).
    pub fn sweep(&mut self) -> (usize, usize, usize, usize) {
        let mut dead = Vec::new();
        let (mut live, mut live_bytes, mut finalized) = (0, 0, 0);
        for (&cell, &size) in &self.cells {
            // SAFETY: every key is a live large cell with its prefix.
            unsafe {
                let p = Self::prefix(cell);
                if (*p).marked != 0 {
                    (*p).marked = 0;
                    live += 1;
                    live_bytes += size;
                } else {
                    dead.push((cell, size));
                }
            }
        }
        for &(cell, size) in &dead {
            let ptr = NonNull::new(cell as *mut CellHeader).expect("large cell address is non-zero");
            // SAFETY: the cell is allocated and unreachable; its header is
            // read once, the finalizer runs once, and the memory is freed.
            unsafe {
                if let Some(drop) = ptr.as_ref().info().and_then(|i| i.drop) {
                    drop(ptr);
                    finalized += 1;
                }
                let l = layout(size).expect("layout was valid at allocation");
                std::alloc::dealloc((cell - PREFIX) as *mut u8, l);
            }
            self.cells.remove(&cell);
            self.bytes -= size;
        }
        (live, live_bytes, dead.len(), finalized)
    }

    /// Bytes in large cells.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Number of large cells.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// Frees everything (heap teardown), running finalizers.
    pub fn release_all(&mut self) {
        for (&cell, &size) in &self.cells {
            // SAFETY: teardown: each cell is finalized once and freed.
            unsafe {
                let ptr = NonNull::new_unchecked(cell as *mut CellHeader);
                if let Some(drop) = ptr.as_ref().info().and_then(|i| i.drop) {
                    drop(ptr);
                }
                let l = layout(size).expect("layout was valid at allocation");
                std::alloc::dealloc((cell - PREFIX) as *mut u8, l);
            }
        }
        self.cells.clear();
        self.bytes = 0;
    }
}
