//! Blocks: aligned 32 KiB chunks holding cells of one size class.
//!
//! ```text
//!  block start (aligned to BLOCK_SIZE)
//!  ┌──────────────────────────────┬────────┬────────┬─────┬────────┬──────┐
//!  │ BlockHeader                  │ cell 0 │ cell 1 │ ... │ cell n │ tail │
//!  │ mark bits (1 per 16-B atom), │        │        │     │        │      │
//!  │ cell size, class, free list  │        │        │     │        │      │
//!  └──────────────────────────────┴────────┴────────┴─────┴────────┴──────┘
//!  FIRST_CELL_OFFSET ─────────────▲
//! ```
//!
//! Free-cell layout (what inline allocation from JIT code relies on):
//! word 0 is zero (no `CellInfo`: the cell is free), word 1 is the address of
//! the next free cell or zero. A size class's allocator holds the head of
//! one block's free list; allocating is `cell = head; if cell == 0 { slow }
//! head = [cell + 8]; [cell] = info; initialize the payload`.
//!
//! Mark bits are indexed by atom (`(addr - block) / 16`), so marking a cell
//! is a mask and a shift. Small cells start 16-aligned; large cells start at
//! 8 mod 16 (`large.rs`), which is how a pointer's space is told apart.

use std::alloc::Layout;
use std::ptr::NonNull;

use crate::cell::CellHeader;

/// Size and alignment of a block.
pub const BLOCK_SIZE: usize = 32 * 1024;
/// Mark-bit granularity and small-cell alignment.
pub const ATOM_SIZE: usize = 16;
const ATOMS_PER_BLOCK: usize = BLOCK_SIZE / ATOM_SIZE;
const MARK_WORDS: usize = ATOMS_PER_BLOCK / 64;

/// Cell sizes of the small-object space, in bytes (header included).
/// Cells larger than the last class go to the large-object space.
pub const SIZE_CLASSES: [usize; 24] = [
    16, 32, 48, 64, 80, 96, 112, 128, // step 16
    160, 192, 224, 256, // step 32
    320, 384, 448, 512, // step 64
    640, 768, 896, 1024, // step 128
    1280, 1536, 1792, 2048, // step 256
];
/// Largest cell size served from blocks.
pub const MAX_SMALL_CELL: usize = SIZE_CLASSES[SIZE_CLASSES.len() - 1];

/// Size class index for a cell of `size` bytes (header included), by a
/// table lookup on `size / 16`. `None` when the cell is large.
#[inline]
pub fn size_class_of(size: usize) -> Option<usize> {
    static TABLE: [u8; MAX_SMALL_CELL / ATOM_SIZE + 1] = build_class_table();
    if size > MAX_SMALL_CELL {
        return None;
    }
    Some(TABLE[size.div_ceil(ATOM_SIZE)] as usize)
}

const fn build_class_table() -> [u8; MAX_SMALL_CELL / ATOM_SIZE + 1] {
    let mut table = [0u8; MAX_SMALL_CELL / ATOM_SIZE + 1];
    let mut atoms = 0;
    let mut class = 0;
    while atoms < table.len() {
        while SIZE_CLASSES[class] < atoms * ATOM_SIZE {
            class += 1;
        }
        table[atoms] = class as u8;
        atoms += 1;
    }
    table
}

/// The header at the start of every block.
#[repr(C)]
pub struct BlockHeader {
    mark_bits: [u64; MARK_WORDS],
    /// Bytes per cell in this block.
    pub cell_size: u32,
    /// Number of cells.
    pub cell_count: u32,
    /// Index into [`SIZE_CLASSES`].
    pub size_class: u32,
    /// Free cells on `free_head` after the last sweep.
    pub free_count: u32,
    /// This block's free list, built by the sweep and handed whole to the
    /// class allocator (which then owns it; the field goes back to null).
    pub free_head: *mut CellHeader,
}

/// Offset of cell 0 from the block start.
pub const FIRST_CELL_OFFSET: usize = std::mem::size_of::<BlockHeader>().next_multiple_of(ATOM_SIZE);

const fn block_layout() -> Layout {
    match Layout::from_size_align(BLOCK_SIZE, BLOCK_SIZE) {
        Ok(l) => l,
        Err(_) => panic!("block layout"),
    }
}

/// Result of sweeping one block.
pub struct SweepResult {
    /// Live cells remaining.
    pub live: usize,
    /// Dead cells whose finalizer ran or whose memory was reclaimed.
    pub freed: usize,
    /// Finalizers run.
    pub finalized: usize,
}

/// A block owned by the heap.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct Block(NonNull<BlockHeader>);

impl Block {
    /// Allocates a zeroed block and formats it for `size_class`, with every
    /// cell on its free list. `None` when the system is out of memory.
    pub fn new(size_class: usize) -> Option<Block> {
        // SAFETY: the layout has non-zero size.
        let raw = unsafe { std::alloc::alloc_zeroed(block_layout()) };
        let block = Block(NonNull::new(raw.cast::<BlockHeader>())?);
        block.format(size_class);
        Some(block)
    }

    /// Re-formats an empty block for another size class.
    pub fn format(self, size_class: usize) {
        let cell_size = SIZE_CLASSES[size_class];
        let cell_count = (BLOCK_SIZE - FIRST_CELL_OFFSET) / cell_size;
        let h = self.header_mut();
        h.cell_size = cell_size as u32;
        h.cell_count = cell_count as u32;
        h.size_class = size_class as u32;
        h.mark_bits = [0; MARK_WORDS];
        let mut head: *mut CellHeader = std::ptr::null_mut();
        for i in (0..cell_count).rev() {
            let cell = self.cell_at(i);
            // SAFETY: `cell` is inside this block and 16-aligned; a free cell
            // is two words: zero, then the next pointer.
            unsafe {
                let words = cell.as_ptr().cast::<usize>();
                words.write(0);
                words.add(1).write(head as usize);
            }
            head = cell.as_ptr();
        }
        h.free_head = head;
        h.free_count = cell_count as u32;
    }

    /// The block containing an address (which need not be in a block).
    #[inline]
    pub fn containing(addr: usize) -> usize {
        addr & !(BLOCK_SIZE - 1)
    }

    /// The block's start address.
    #[inline]
    pub fn addr(self) -> usize {
        self.0.as_ptr() as usize
    }

    /// Wraps a block address known to belong to the heap.
    ///
    /// # Safety
    /// `addr` must be the start of a live block of this heap.
    #[inline]
    pub unsafe fn from_addr(addr: usize) -> Block {
        // SAFETY: caller guarantees a block start, never zero.
        Block(unsafe { NonNull::new_unchecked(addr as *mut BlockHeader) })
    }

    /// The header.
    #[inline]
    pub fn header(&self) -> &BlockHeader {
        // SAFETY: the block is allocated and formatted while the heap owns it.
        unsafe { self.0.as_ref() }
    }

    #[allow(clippy::mut_from_ref)]
    #[inline]
    fn header_mut(&self) -> &mut BlockHeader {
        // SAFETY: the heap is single-threaded and no other reference to the
        // header is held across this call's use.
        unsafe { &mut *self.0.as_ptr() }
    }

    /// Takes the block's free list for an allocator: (head, free cell count).
    pub fn take_free_list(self) -> (*mut CellHeader, usize) {
        let h = self.header_mut();
        let taken = (h.free_head, h.free_count as usize);
        h.free_head = std::ptr::null_mut();
        h.free_count = 0;
        taken
    }

    /// Address of cell `i`.
    #[inline]
    pub fn cell_at(self, i: usize) -> NonNull<CellHeader> {
        let addr = self.addr() + FIRST_CELL_OFFSET + i * self.header().cell_size as usize;
        // SAFETY: a block address plus an offset is never null.
        unsafe { NonNull::new_unchecked(addr as *mut CellHeader) }
    }

    /// The allocated cell containing `addr` (interior pointers included),
    /// or `None` if `addr` falls on the header, the tail or a free cell.
    #[inline]
    pub fn cell_containing(self, addr: usize) -> Option<NonNull<CellHeader>> {
        let h = self.header();
        let off = addr.checked_sub(self.addr() + FIRST_CELL_OFFSET)?;
        let index = off / h.cell_size as usize;
        if index >= h.cell_count as usize {
            return None;
        }
        let cell = self.cell_at(index);
        // SAFETY: the cell lies inside this block.
        let allocated = unsafe { cell.as_ref() }.info().is_some();
        allocated.then_some(cell)
    }

    /// Sets the mark bit of the small cell at `cell`; returns whether it was
    /// already set.
    #[inline]
    pub fn test_and_set_mark(cell: usize) -> bool {
        let block = Block::containing(cell);
        let atom = (cell - block) / ATOM_SIZE;
        // SAFETY: `cell` is a cell of a live block; the header is at its start.
        let bits = unsafe { &mut (*(block as *mut BlockHeader)).mark_bits };
        let (word, bit) = (atom / 64, 1u64 << (atom % 64));
        let was = bits[word] & bit != 0;
        bits[word] |= bit;
        was
    }

    /// Whether the small cell at `cell` is marked.
    #[inline]
    pub fn is_marked(cell: usize) -> bool {
        let block = Block::containing(cell);
        let atom = (cell - block) / ATOM_SIZE;
        // SAFETY: as in `test_and_set_mark`.
        let bits = unsafe { &(*(block as *const BlockHeader)).mark_bits };
        bits[atom / 64] & (1u64 << (atom % 64)) != 0
    }

    /// Frees every allocated, unmarked cell (running its finalizer), rebuilds
    /// the free list from all free cells, and clears the mark bits.
    pub fn sweep(self) -> SweepResult {
        let h = self.header_mut();
        let count = h.cell_count as usize;
        let mut result = SweepResult { live: 0, freed: 0, finalized: 0 };
        let mut head: *mut CellHeader = std::ptr::null_mut();
        let mut free = 0u32;
        for i in (0..count).rev() {
            let cell = self.cell_at(i);
            // SAFETY: `cell` lies inside this block.
            let header = unsafe { cell.as_ref() };
            if let Some(info) = header.info() {
                if Block::is_marked(cell.as_ptr() as usize) {
                    result.live += 1;
                    continue;
                }
                if let Some(drop) = info.drop {
                    // SAFETY: the cell is allocated, dead, and its header is
                    // cleared right after, so the finalizer runs once.
                    unsafe { drop(cell) };
                    result.finalized += 1;
                }
                result.freed += 1;
            }
            // SAFETY: the cell is free or dead; write the free-cell layout.
            unsafe {
                let words = cell.as_ptr().cast::<usize>();
                words.write(0);
                words.add(1).write(head as usize);
            }
            head = cell.as_ptr();
            free += 1;
        }
        let h = self.header_mut();
        h.free_head = head;
        h.free_count = free;
        h.mark_bits = [0; MARK_WORDS];
        result
    }

    /// Counts allocated cells (a test and statistics aid; walks the block).
    pub fn allocated_cells(self) -> usize {
        (0..self.header().cell_count as usize)
            // SAFETY: each cell lies inside this block.
            .filter(|&i| unsafe { self.cell_at(i).as_ref() }.info().is_some())
            .count()
    }

    /// Returns the block's memory to the system. Finalizers must already
    /// have run (the block is empty).
    pub fn release(self) {
        // SAFETY: allocated in `new` with the same layout; the heap drops
        // every reference to the block before calling this.
        unsafe { std::alloc::dealloc(self.0.as_ptr().cast(), block_layout()) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_classes_cover_every_size() {
        for size in 1..=MAX_SMALL_CELL {
            let c = size_class_of(size).expect("small");
            assert!(SIZE_CLASSES[c] >= size);
            assert!(c == 0 || SIZE_CLASSES[c - 1] < size, "size {size} class {c}");
        }
        assert_eq!(size_class_of(MAX_SMALL_CELL + 1), None);
    }

    #[test]
    fn classes_are_atom_multiples_and_header_fits() {
        for s in SIZE_CLASSES {
            assert_eq!(s % ATOM_SIZE, 0);
        }
        assert!(FIRST_CELL_OFFSET < 512);
    }
}
