//! The heap: size-class allocators over blocks, the large-object space,
//! collection triggers, the heap limit, and the collection itself.
//!
//! Allocation: a size class's [`Allocator`] pops its free list (the fast
//! path JIT code will inline, see `block.rs`); when it runs dry the slow
//! path takes the next block of the class that the last sweep left with
//! free cells, else collects if the allocation budget is spent, else grows
//! the heap by a block (from the empty-block pool first) within
//! `max_heap_bytes`. Past the limit after a full collection, allocation
//! returns [`HeapExhausted`]: the VM throws a `RangeError`, nothing aborts.
//!
//! Collection is stop-the-world mark-sweep with an eager sweep: after
//! it, every allocated cell is reachable-or-newer, so a stale conservative
//! pointer can never revive a cell whose referents were freed.
//!
//! The budget: after each collection, the mutator may allocate
//! `max(min_budget, live × (F − 1))` bytes before the next, where `live`
//! counts live cells and the external memory they own (`external.rs`;
//! growth of external memory spends the same budget) and the growth
//! factor F lies between `growth_factor` and `max_growth_factor`: the one
//! that would hold the collector to 3% of the time at the collection and
//! allocation speeds the last cycle measured ([`dynamic_growth_factor`],
//! V8's dynamic heap growing). Decision: a non-generational collector
//! marks the whole live heap every cycle, so a program allocating fast
//! against a large live heap (deltablue: 9 MB live) paid that mark with
//! every 9 MB it allocated at the fixed factor 2; at up to 4 it collects
//! less than half as often (deltablue's collections: 37 → 15, pause
//! total 248 → 121 ms) for a larger peak heap (77 → 95 MB RSS).

use std::collections::HashSet;
use std::ptr::NonNull;
use std::rc::Rc;
use std::time::Instant;

use crate::block::{BLOCK_SIZE, Block, SIZE_CLASSES, size_class_of};
use crate::cell::{CellHeader, CellPtr, CellType, Gc, PAYLOAD_OFFSET, Trace};
use crate::large::LargeSpace;
use crate::marking::{Tracer, WeakProcessor};
use crate::roots::{Persistent, RootRegistry, RootSetFn, RootSetId, RootedVec};
use crate::stack_scan;
use crate::stats::{GcReason, GcStats, TraceLine};

/// Heap settings (the CLI maps its flags onto these).
#[derive(Clone, Debug)]
pub struct HeapConfig {
    /// `--max-heap-size`: bytes of blocks and large cells the heap may hold.
    pub max_heap_bytes: usize,
    /// `--gc-stress=N`: collect every N allocations (0 = off).
    pub gc_stress: u32,
    /// Heap growth allowed after a collection, as a factor of live bytes:
    /// at least this much.
    pub growth_factor: f64,
    /// At most this much: between the two, the factor that keeps the
    /// collector's share of the time near 3% at the speeds the last cycle
    /// measured (see [`dynamic_growth_factor`]).
    pub max_growth_factor: f64,
    /// Smallest allocation budget between collections.
    pub min_budget: usize,
    /// `--trace-gc`: print a line per collection to stderr.
    pub trace_gc: bool,
}

impl Default for HeapConfig {
    fn default() -> Self {
        HeapConfig {
            max_heap_bytes: 4 << 30,
            gc_stress: 0,
            growth_factor: 2.0,
            max_growth_factor: 4.0,
            min_budget: 4 << 20,
            trace_gc: false,
        }
    }
}

/// The heap could not satisfy an allocation under its limit, even after a
/// full collection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeapExhausted {
    /// Bytes requested.
    pub requested: usize,
    /// The heap limit in bytes.
    pub limit: usize,
}

impl std::fmt::Display for HeapExhausted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "out of memory: allocating {} bytes would exceed the heap limit of {} MiB (--max-heap-size)",
            self.requested,
            self.limit >> 20
        )
    }
}

impl std::error::Error for HeapExhausted {}

/// One size class's bump point: the free-list head JIT code pops from.
///
/// Layout (must match the baseline JIT's inline allocation): `head` at
/// offset 0, `cell_size` at offset 8.
#[repr(C)]
pub struct Allocator {
    /// First free cell, or null: the slow path refills it.
    pub head: *mut CellHeader,
    /// Bytes per cell of this class.
    pub cell_size: usize,
}

/// Where cells live, for the conservative lookup.
#[derive(Default)]
pub(crate) struct Spaces {
    blocks: HashSet<usize>,
    block_lo: usize,
    block_hi: usize,
    large: LargeSpace,
    large_bounds: Option<(usize, usize)>,
}

impl Spaces {
    /// The allocated cell that `word` points at or into, if any.
    #[inline]
    pub(crate) fn find_cell(&self, word: usize) -> Option<NonNull<CellHeader>> {
        if word >= self.block_lo && word < self.block_hi {
            let block = Block::containing(word);
            if self.blocks.contains(&block) {
                // SAFETY: `block` is a registered block of this heap.
                return unsafe { Block::from_addr(block) }.cell_containing(word);
            }
        }
        match self.large_bounds {
            Some((lo, hi)) if word >= lo && word < hi => self.large.cell_containing(word),
            _ => None,
        }
    }

    fn add_block(&mut self, block: Block) {
        let a = block.addr();
        if self.blocks.is_empty() {
            (self.block_lo, self.block_hi) = (a, a + BLOCK_SIZE);
        } else {
            self.block_lo = self.block_lo.min(a);
            self.block_hi = self.block_hi.max(a + BLOCK_SIZE);
        }
        self.blocks.insert(a);
    }
}

/// The garbage-collected heap of one mutator thread.
pub struct Heap {
    allocators: Box<[Allocator]>,
    /// Blocks of each size class, and the index of the next one whose free
    /// list the allocator has not taken yet.
    class_blocks: Vec<Vec<Block>>,
    class_cursor: Vec<usize>,
    empty_pool: Vec<Block>,
    spaces: Spaces,
    root_sets: Vec<(u64, RootSetFn)>,
    next_root_set: u64,
    registry: Rc<RootRegistry>,
    stack_top: usize,
    config: HeapConfig,
    stats: GcStats,
    handed_out_since_gc: usize,
    budget: usize,
    /// External bytes right after the last collection.
    external_after_gc: usize,
    stress_countdown: u32,
    collecting: bool,
    /// When the last collection ended (the heap's creation before the
    /// first): the mutator has run since.
    last_gc_end: Instant,
}

/// The share of the time the mutator should get: the collector's 3%.
const TARGET_MUTATOR_UTILIZATION: f64 = 0.97;

/// The heap growing factor that gives the mutator
/// [`TARGET_MUTATOR_UTILIZATION`] of the time if the collector keeps
/// processing `gc_speed` bytes of heap per second and the mutator keeps
/// allocating `mutator_speed` bytes per second, within `[min, max]`: V8's
/// dynamic heap growing (`MemoryController::DynamicGrowingFactor`). With
/// R = gc_speed / mutator_speed and MU the target, the next collection
/// at F × live takes F × live / gc_speed, the mutator allocates
/// (F − 1) × live meanwhile, and solving for MU gives
/// F = R(1 − MU) / (R(1 − MU) − MU). A program that allocates fast
/// against a large live heap (a collector that would otherwise run often
/// and long) gets room to grow; one with a small live heap or little
/// allocation stays at `min`.
pub fn dynamic_growth_factor(gc_speed: f64, mutator_speed: f64, min: f64, max: f64) -> f64 {
    // A configuration from the embedding API may be anything: no factor
    // below 1, and a bad bound collapses the range.
    let min = if min.is_finite() && min >= 1.0 { min } else { HeapConfig::default().growth_factor };
    let max = if max.is_finite() { max.max(min) } else { min };
    if !(gc_speed > 0.0) || !(mutator_speed > 0.0) {
        return min;
    }
    let mu = TARGET_MUTATOR_UTILIZATION;
    let r = gc_speed / mutator_speed;
    let (a, b) = (r * (1.0 - mu), r * (1.0 - mu) - mu);
    // a / b, unless b is so small (or negative: the collector cannot keep
    // up at any factor) that the quotient passes the bound.
    let factor = if a < b * max { a / b } else { max };
    factor.clamp(min, max)
}

/// Empty blocks kept for reuse after a sweep at least (see `trim_empty_pool`).
const EMPTY_POOL_MAX: usize = 16;

impl Heap {
    /// A heap for the calling thread, which becomes its mutator: the thread
    /// whose stack the conservative scan reads.
    pub fn new(config: HeapConfig) -> Heap {
        let allocators = SIZE_CLASSES
            .iter()
            .map(|&cell_size| Allocator { head: std::ptr::null_mut(), cell_size })
            .collect::<Vec<_>>()
            .into_boxed_slice();
        Heap {
            allocators,
            class_blocks: vec![Vec::new(); SIZE_CLASSES.len()],
            class_cursor: vec![0; SIZE_CLASSES.len()],
            empty_pool: Vec::new(),
            spaces: Spaces::default(),
            root_sets: Vec::new(),
            next_root_set: 0,
            registry: Rc::new(RootRegistry::default()),
            stack_top: stack_scan::current_thread_stack_top(),
            budget: config.min_budget,
            stress_countdown: config.gc_stress,
            config,
            stats: GcStats::default(),
            handed_out_since_gc: 0,
            external_after_gc: crate::external::external_bytes(),
            collecting: false,
            last_gc_end: Instant::now(),
        }
    }

    /// The settings in force.
    pub fn config(&self) -> &HeapConfig {
        &self.config
    }

    /// Turns `--gc-stress=N` on (N > 0) or off (0).
    pub fn set_gc_stress(&mut self, every: u32) {
        self.config.gc_stress = every;
        self.stress_countdown = every;
    }

    /// Turns `--trace-gc` on or off.
    pub fn set_trace_gc(&mut self, on: bool) {
        self.config.trace_gc = on;
    }

    /// Allocates a cell holding `value`.
    pub fn alloc<T: CellType>(&mut self, value: T) -> Result<Gc<T>, HeapExhausted> {
        self.alloc_rooted(value, 0, &mut |_| {})
    }

    /// Allocates a cell holding `value` followed by `trailing` zeroed bytes
    /// (at [`Gc::trailing_ptr`]): the shape of strings, contexts and element
    /// stores. `T` must know how long its trailing part is and trace it.
    pub fn alloc_with_trailing<T: CellType>(&mut self, value: T, trailing: usize) -> Result<Gc<T>, HeapExhausted> {
        self.alloc_rooted(value, trailing, &mut |_| {})
    }

    /// The general allocation entry: `value`, `trailing` zeroed bytes, and
    /// `roots`, which reports roots held by the caller's own structures if
    /// this allocation collects. The VM passes its register file and
    /// tables this way, borrowing them disjointly from the heap.
    pub fn alloc_rooted<T: CellType>(
        &mut self,
        value: T,
        trailing: usize,
        roots: &mut dyn FnMut(&mut Tracer<'_>),
    ) -> Result<Gc<T>, HeapExhausted> {
        if self.external_growth() > self.budget {
            self.collect_rooted(GcReason::ExternalMemory, roots);
        }
        let body = PAYLOAD_OFFSET + std::mem::size_of::<T>().next_multiple_of(8);
        let size = body.checked_add(trailing).ok_or(HeapExhausted {
            requested: usize::MAX,
            limit: self.config.max_heap_bytes,
        })?;
        let cell = self.allocate_raw(size, roots)?;
        // SAFETY: `cell` is a free cell of at least `size` bytes that nothing
        // else references; the payload is written before the header makes
        // the cell visible as allocated, and no collection runs in between.
        unsafe {
            let base = cell.as_ptr().cast::<u8>();
            base.add(PAYLOAD_OFFSET).cast::<T>().write(value);
            if trailing > 0 {
                base.add(body).write_bytes(0, trailing);
            }
            cell.as_ref().set_info(T::info());
        }
        Ok(Gc::from_cell(cell))
    }

    fn allocate_raw(&mut self, size: usize, roots: &mut dyn FnMut(&mut Tracer<'_>)) -> Result<NonNull<CellHeader>, HeapExhausted> {
        if self.config.gc_stress > 0 {
            self.stress_countdown = self.stress_countdown.saturating_sub(1);
            if self.stress_countdown == 0 {
                self.stress_countdown = self.config.gc_stress;
                self.collect_rooted(GcReason::Stress, roots);
            }
        }
        match size_class_of(size) {
            Some(class) => match self.pop(class) {
                Some(cell) => Ok(cell),
                None => self.refill_and_pop(class, size, roots),
            },
            None => self.allocate_large(size, roots),
        }
    }

    #[inline]
    fn pop(&mut self, class: usize) -> Option<NonNull<CellHeader>> {
        let a = &mut self.allocators[class];
        let cell = NonNull::new(a.head)?;
        // SAFETY: `cell` is a free cell; word 1 holds the next free cell.
        a.head = unsafe { cell.as_ptr().cast::<*mut CellHeader>().add(1).read() };
        Some(cell)
    }

    /// Gives the allocator the free list of the next block of `class` that
    /// has one. Returns whether it found one.
    fn take_next_block(&mut self, class: usize) -> bool {
        let blocks = &self.class_blocks[class];
        while self.class_cursor[class] < blocks.len() {
            let block = blocks[self.class_cursor[class]];
            self.class_cursor[class] += 1;
            let (head, count) = block.take_free_list();
            if count > 0 {
                self.allocators[class].head = head;
                self.handed_out_since_gc += count * SIZE_CLASSES[class];
                return true;
            }
        }
        false
    }

    fn refill_and_pop(
        &mut self,
        class: usize,
        size: usize,
        roots: &mut dyn FnMut(&mut Tracer<'_>),
    ) -> Result<NonNull<CellHeader>, HeapExhausted> {
        if !self.take_next_block(class) {
            let mut collected = false;
            if self.handed_out_since_gc + self.external_growth() + BLOCK_SIZE > self.budget {
                self.collect_rooted(GcReason::AllocationBudget, roots);
                collected = true;
            }
            if !self.take_next_block(class) {
                if self.heap_bytes() + BLOCK_SIZE > self.config.max_heap_bytes && self.empty_pool.is_empty() {
                    if !collected {
                        self.collect_rooted(GcReason::HeapLimit, roots);
                    }
                    if !self.take_next_block(class)
                        && self.heap_bytes() + BLOCK_SIZE > self.config.max_heap_bytes
                        && self.empty_pool.is_empty()
                    {
                        return Err(self.exhausted(size));
                    }
                }
                if self.allocators[class].head.is_null() {
                    self.add_block(class).ok_or_else(|| self.exhausted(size))?;
                }
            }
        }
        self.pop(class).ok_or_else(|| self.exhausted(size))
    }

    fn add_block(&mut self, class: usize) -> Option<()> {
        let block = match self.empty_pool.pop() {
            Some(b) => {
                b.format(class);
                b
            }
            None => {
                let b = Block::new(class)?;
                self.spaces.add_block(b);
                b
            }
        };
        self.class_blocks[class].push(block);
        self.class_cursor[class] = self.class_blocks[class].len() - 1;
        self.note_heap_size();
        self.take_next_block(class).then_some(())
    }

    fn allocate_large(&mut self, size: usize, roots: &mut dyn FnMut(&mut Tracer<'_>)) -> Result<NonNull<CellHeader>, HeapExhausted> {
        let mut collected = false;
        if self.handed_out_since_gc + self.external_growth() + size > self.budget {
            self.collect_rooted(GcReason::AllocationBudget, roots);
            collected = true;
        }
        if self.heap_bytes().saturating_add(size) > self.config.max_heap_bytes {
            if !collected {
                self.collect_rooted(GcReason::HeapLimit, roots);
            }
            if self.heap_bytes().saturating_add(size) > self.config.max_heap_bytes {
                return Err(self.exhausted(size));
            }
        }
        let cell = self.spaces.large.alloc(size).ok_or_else(|| self.exhausted(size))?;
        self.spaces.large_bounds = self.spaces.large.bounds();
        self.handed_out_since_gc += size;
        self.note_heap_size();
        Ok(cell)
    }

    /// External memory allocated since the last collection (net of what
    /// was freed).
    #[inline]
    fn external_growth(&self) -> usize {
        crate::external::external_bytes().saturating_sub(self.external_after_gc)
    }

    fn exhausted(&self, requested: usize) -> HeapExhausted {
        HeapExhausted { requested, limit: self.config.max_heap_bytes }
    }

    /// Bytes held from the system: blocks (pool included) and large cells.
    pub fn heap_bytes(&self) -> usize {
        self.spaces.blocks.len() * BLOCK_SIZE + self.spaces.large.bytes()
    }

    fn note_heap_size(&mut self) {
        self.stats.heap_bytes = self.heap_bytes();
        self.stats.peak_heap_bytes = self.stats.peak_heap_bytes.max(self.stats.heap_bytes);
    }

    /// Bytes still on the allocators' free lists (handed out, not used).
    fn unused_in_allocators(&self) -> usize {
        let mut unused = 0;
        for a in self.allocators.iter() {
            let mut cell = a.head;
            while !cell.is_null() {
                unused += a.cell_size;
                // SAFETY: free-list cells hold the next pointer in word 1.
                cell = unsafe { cell.cast::<*mut CellHeader>().add(1).read() };
            }
        }
        unused
    }

    /// Registers a precise root set, called at the start of every marking
    /// (the VM's register file is one).
    pub fn add_root_set(&mut self, roots: impl FnMut(&mut Tracer<'_>) + 'static) -> RootSetId {
        let id = self.next_root_set;
        self.next_root_set += 1;
        self.root_sets.push((id, Box::new(roots)));
        RootSetId(id)
    }

    /// Unregisters a root set.
    pub fn remove_root_set(&mut self, id: RootSetId) {
        self.root_sets.retain(|(i, _)| *i != id.0);
    }

    /// A handle that keeps `cell` alive until dropped.
    pub fn persistent<T: CellType>(&self, cell: Gc<T>) -> Persistent<T> {
        Persistent::new(self.registry.clone(), cell)
    }

    /// A vector whose values the collector traces.
    pub fn rooted_vec<T: Trace + 'static>(&self) -> RootedVec<T> {
        RootedVec::new(self.registry.clone())
    }

    /// Persistent handles alive.
    pub fn persistent_count(&self) -> usize {
        self.registry.handle_count()
    }

    /// The allocated cell that `word` points at or into: the conservative
    /// lookup.
    pub fn find_cell(&self, word: usize) -> Option<CellPtr> {
        // SAFETY: `find_cell` returns only allocated cells of this heap.
        self.spaces.find_cell(word).map(|c| unsafe { CellPtr::from_raw(c) })
    }

    /// The allocator JIT code pops cells of `size` bytes from, or `None`
    /// for sizes served by the large-object space. Its address is stable
    /// for the heap's life.
    pub fn allocator_for(&self, size: usize) -> Option<*const Allocator> {
        size_class_of(size).map(|c| &self.allocators[c] as *const Allocator)
    }

    /// Counts allocated cells by walking the heap (for tests and dumps).
    pub fn allocated_cells(&self) -> usize {
        let small: usize = self.class_blocks.iter().flatten().map(|b| b.allocated_cells()).sum();
        small + self.spaces.large.len()
    }

    /// Statistics so far; `bytes_allocated` includes allocations since the
    /// last collection.
    pub fn stats(&self) -> GcStats {
        let mut s = self.stats.clone();
        s.bytes_allocated += (self.handed_out_since_gc - self.unused_in_allocators()) as u64;
        s
    }

    /// Runs a full collection now.
    pub fn collect(&mut self, reason: GcReason) {
        self.collect_rooted(reason, &mut |_| {})
    }

    /// Runs a full collection now, with extra roots reported by `roots`.
    pub fn collect_rooted(&mut self, reason: GcReason, roots: &mut dyn FnMut(&mut Tracer<'_>)) {
        if self.collecting {
            return;
        }
        self.collecting = true;
        let start = Instant::now();
        let mutator_time = start - self.last_gc_end;
        let allocated = self.handed_out_since_gc - self.unused_in_allocators();
        let allocated_with_external = allocated + self.external_growth();
        self.stats.bytes_allocated += allocated as u64;
        let before_bytes = self.stats.live_bytes + allocated;
        let before_heap = self.heap_bytes();
        self.handed_out_since_gc = 0;
        // Cells left on the allocators' lists are free cells (header zero);
        // the sweep relinks them into their blocks' lists.
        for a in self.allocators.iter_mut() {
            a.head = std::ptr::null_mut();
        }

        let mut tracer = Tracer::new(&self.spaces);
        roots(&mut tracer);
        for (_, set) in self.root_sets.iter_mut() {
            set(&mut tracer);
        }
        self.registry.trace(&mut tracer);
        stack_scan::scan_stack(self.stack_top, &mut |word| {
            tracer.mark_conservative(word);
        });
        let (weak_cells, _marked) = tracer.finish();
        let weak = WeakProcessor::new();
        for cell in weak_cells {
            // SAFETY: a marked, allocated cell whose type has weak slots.
            unsafe {
                if let Some(process) = cell.as_ref().info().and_then(|i| i.process_weak) {
                    process(cell, &weak);
                }
            }
        }
        let mark_end = Instant::now();

        let (live_cells, live_bytes, freed, finalized) = self.sweep();
        let end = Instant::now();

        let s = &mut self.stats;
        s.collections += 1;
        s.last_mark = mark_end - start;
        s.last_sweep = end - mark_end;
        s.last_pause = end - start;
        s.total_pause += s.last_pause;
        s.max_pause = s.max_pause.max(s.last_pause);
        s.live_bytes = live_bytes;
        s.live_cells = live_cells;
        s.cells_freed += freed as u64;
        s.finalizers_run += finalized as u64;
        self.external_after_gc = crate::external::external_bytes();
        let live = live_bytes + self.external_after_gc;
        let factor = dynamic_growth_factor(
            before_bytes as f64 / s.last_pause.as_secs_f64().max(1e-9),
            allocated_with_external as f64 / mutator_time.as_secs_f64().max(1e-9),
            self.config.growth_factor,
            self.config.max_growth_factor,
        );
        s.last_growth_factor = factor;
        let grown = live as f64 * (factor - 1.0).max(0.0);
        self.budget = self.config.min_budget.max(grown as usize);
        self.trim_empty_pool();
        self.note_heap_size();
        if self.config.trace_gc {
            let line = TraceLine { stats: &self.stats, reason, before_bytes, before_heap, freed };
            eprintln!("{line}");
        }
        self.collecting = false;
        self.last_gc_end = Instant::now();
    }

    /// Gives the empty blocks the mutator will not need before the next
    /// collection back to the system. Up to one budget's worth stay: the
    /// heap grows back to that size before the next collection anyway, and
    /// a reused block costs a re-format instead of a zeroed allocation
    /// (programs whose objects die young, like AWFY's storage, used to
    /// free and re-allocate most of their blocks every cycle).
    fn trim_empty_pool(&mut self) {
        let keep = EMPTY_POOL_MAX.max(self.budget / BLOCK_SIZE);
        while self.empty_pool.len() > keep {
            let Some(block) = self.empty_pool.pop() else { break };
            self.spaces.blocks.remove(&block.addr());
            block.release();
        }
    }

    /// Sweeps every space; returns (live cells, live bytes, freed, finalized).
    fn sweep(&mut self) -> (usize, usize, usize, usize) {
        let (mut live_cells, mut live_bytes, mut freed, mut finalized) = (0, 0, 0, 0);
        for class in 0..SIZE_CLASSES.len() {
            let blocks = std::mem::take(&mut self.class_blocks[class]);
            let mut kept = Vec::with_capacity(blocks.len());
            for block in blocks {
                let r = block.sweep();
                freed += r.freed;
                finalized += r.finalized;
                if r.live == 0 {
                    // Kept for now: `trim_empty_pool` decides, once the
                    // next budget is known, how many the mutator will need.
                    self.empty_pool.push(block);
                } else {
                    live_cells += r.live;
                    live_bytes += r.live * SIZE_CLASSES[class];
                    kept.push(block);
                }
            }
            self.class_blocks[class] = kept;
            self.class_cursor[class] = 0;
        }
        let (l_cells, l_bytes, l_freed, l_final) = self.spaces.large.sweep();
        self.spaces.large_bounds = self.spaces.large.bounds();
        (live_cells + l_cells, live_bytes + l_bytes, freed + l_freed, finalized + l_final)
    }
}

impl Drop for Heap {
    /// Runs the finalizer of every remaining cell and returns all memory.
    fn drop(&mut self) {
        for block in self.class_blocks.iter().flatten() {
            for i in 0..block.header().cell_count as usize {
                let cell = block.cell_at(i);
                // SAFETY: teardown: each allocated cell is finalized once.
                unsafe {
                    if let Some(drop) = cell.as_ref().info().and_then(|i| i.drop) {
                        drop(cell);
                    }
                }
            }
        }
        for block in self.class_blocks.iter().flatten().chain(self.empty_pool.iter()) {
            block.release();
        }
        self.spaces.large.release_all();
    }
}

/// The write barrier: every store of a reference into a cell calls it
/// after the store, with the cell written to and the word stored.
///
/// It does nothing while the collector is a full, non-incremental
/// mark-sweep. The planned generational mode (sticky mark bits) will record
/// `owner` when it is old and `value` is a young cell; JIT code will inline
/// that check, so the signature is fixed now.
#[inline(always)]
pub fn write_barrier(owner: CellPtr, value: usize) {
    let _ = (owner, value);
}

#[cfg(test)]
mod tests {
    use super::dynamic_growth_factor;

    #[test]
    fn growth_factor_keeps_the_collector_near_its_share() {
        // R = gc speed / allocation speed. A collector 50 times faster than
        // the mutator allocates: F = 1.5 / 0.53.
        let f = dynamic_growth_factor(50.0, 1.0, 1.1, 4.0);
        assert!((f - 1.5 / 0.53).abs() < 1e-9, "{f}");
        // Check the promise: a cycle of F × live bytes takes the collector
        // F / 50 and the mutator (F − 1) / 1 (live = 1): 3% for the former.
        let share = (f / 50.0) / (f / 50.0 + (f - 1.0));
        assert!((share - 0.03).abs() < 1e-9, "{share}");
        // A much faster collector needs little room: the minimum holds.
        assert_eq!(dynamic_growth_factor(1000.0, 1.0, 2.0, 4.0), 2.0);
        // One that cannot reach the target at any factor gets the maximum.
        assert_eq!(dynamic_growth_factor(20.0, 1.0, 2.0, 4.0), 4.0);
        assert_eq!(dynamic_growth_factor(1.0, 1.0, 2.0, 4.0), 4.0);
        // Bad bounds from an embedder do not panic the collector.
        assert_eq!(dynamic_growth_factor(20.0, 1.0, f64::NAN, 4.0), 4.0);
        assert_eq!(dynamic_growth_factor(20.0, 1.0, 2.0, f64::NAN), 2.0);
        assert_eq!(dynamic_growth_factor(20.0, 1.0, 0.5, 0.7), 2.0);
        // No measurement yet (or none possible): the minimum.
        assert_eq!(dynamic_growth_factor(0.0, 1.0, 2.0, 4.0), 2.0);
        assert_eq!(dynamic_growth_factor(1.0, 0.0, 2.0, 4.0), 2.0);
        assert_eq!(dynamic_growth_factor(f64::NAN, 1.0, 2.0, 4.0), 2.0);
        // A range that is one point pins the factor.
        assert_eq!(dynamic_growth_factor(20.0, 1.0, 3.0, 3.0), 3.0);
    }
}
