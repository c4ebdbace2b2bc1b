//! Heap behaviour through the public API: reuse, reachability from the
//! native stack, interior pointers, cycles, weak slots, ephemerons,
//! finalizers, roots, the large-object space, the heap limit, statistics,
//! and a randomized graph test under stress mode.

use std::cell::{Cell, RefCell};
use std::hint::black_box;
use std::rc::Rc;

use strata_gc::{
    CellPtr, Gc, GcReason, Heap, HeapConfig, LARGE_CELL_BIT, Trace, Tracer, WeakProcessor, WeakSlot, cell_type,
};

/// A node with an id and mutable outgoing edges.
struct Node {
    id: u64,
    edges: RefCell<Vec<Gc<Node>>>,
}
// SAFETY: every reference is in `edges`.
unsafe impl Trace for Node {
    fn trace(&self, t: &mut Tracer) {
        self.edges.trace(t)
    }
}
cell_type!(Node);

fn node(heap: &mut Heap, id: u64) -> Gc<Node> {
    heap.alloc(Node { id, edges: RefCell::new(Vec::new()) }).expect("heap has room")
}

/// Counts its drops: the finalizer test.
struct Finalized {
    drops: Rc<Cell<u32>>,
}
impl Drop for Finalized {
    fn drop(&mut self) {
        self.drops.set(self.drops.get() + 1);
    }
}
// SAFETY: no references.
unsafe impl Trace for Finalized {
    fn trace(&self, _: &mut Tracer) {}
}
cell_type!(Finalized);

/// A weak reference cell (what WeakRef will be).
struct WeakBox {
    slot: WeakSlot,
}
// SAFETY: the only reference is weak and is not traced.
unsafe impl Trace for WeakBox {
    fn trace(&self, _: &mut Tracer) {}
}
impl WeakBox {
    fn process_weak(&self, weak: &WeakProcessor) {
        self.slot.process(weak);
    }
}
cell_type!(WeakBox, weak);

/// An ephemeron table (what WeakMap will be): a value is reachable only
/// while both the table and its key are.
struct Ephemerons {
    entries: RefCell<Vec<(CellPtr, CellPtr)>>,
}
// SAFETY: values of marked keys are reported; the rest wait for retrace.
unsafe impl Trace for Ephemerons {
    fn trace(&self, t: &mut Tracer) {
        let mut pending = false;
        for &(k, v) in self.entries.borrow().iter() {
            if t.is_marked(k) {
                t.mark(v);
            } else {
                pending = true;
            }
        }
        if pending {
            t.retrace_when_drained();
        }
    }
}
impl Ephemerons {
    fn process_weak(&self, weak: &WeakProcessor) {
        self.entries.borrow_mut().retain(|&(k, _)| weak.is_live(k));
    }
}
cell_type!(Ephemerons, weak);

/// An ephemeron table that reports its entries with `Tracer::ephemeron`
/// (what WeakMap does).
struct LinearEphemerons {
    entries: RefCell<Vec<(CellPtr, CellPtr)>>,
}
// SAFETY: every entry is an ephemeron edge; keys are weak.
unsafe impl Trace for LinearEphemerons {
    fn trace(&self, t: &mut Tracer) {
        for &(k, v) in self.entries.borrow().iter() {
            t.ephemeron(k, v);
        }
    }
}
impl LinearEphemerons {
    fn process_weak(&self, weak: &WeakProcessor) {
        self.entries.borrow_mut().retain(|&(k, _)| weak.is_live(k));
    }
}
cell_type!(LinearEphemerons, weak);

/// A cell bigger than the largest size class.
struct Big {
    next: Cell<Option<Gc<Node>>>,
    fill: [u64; 600],
}
// SAFETY: `next` is the only reference.
unsafe impl Trace for Big {
    fn trace(&self, t: &mut Tracer) {
        self.next.trace(t)
    }
}
cell_type!(Big);

/// Overwrites the stack below the caller so stale copies of pointers from
/// finished calls cannot act as conservative roots.
#[inline(never)]
fn clobber_stack() {
    let mut buf = [0usize; 8192];
    black_box(&mut buf);
}

#[inline(never)]
fn make_garbage(heap: &mut Heap, n: u64) {
    for i in 0..n {
        black_box(node(heap, i));
    }
}

/// Runs a test body on a thread of its own whose stack is freshly mapped,
/// below a zeroed region. Test threads otherwise reuse the stacks of
/// finished ones, and their stale words can point into this test's blocks
/// (freed blocks are reused by the next heap too): real conservative-scan
/// imprecision, which would make exact cell counts flaky. A 64 MiB stack is
/// larger than glibc's whole stack cache (40 MiB), so it is never reused.
fn on_clean_stack(body: impl FnOnce() + Send) {
    #[inline(never)]
    fn run(body: impl FnOnce()) {
        clobber_stack();
        body();
    }
    std::thread::scope(|s| {
        let t = std::thread::Builder::new().stack_size(64 << 20).spawn_scoped(s, || run(body));
        if let Err(panic) = t.expect("spawn a test thread").join() {
            std::panic::resume_unwind(panic);
        }
    });
}

/// Clobbers the stack from the test function's own depth (where the
/// garbage-making calls ran), then collects.
macro_rules! collect {
    ($heap:expr) => {{
        clobber_stack();
        $heap.collect(GcReason::Requested);
    }};
}

#[test]
fn free_cells_are_reused() {
    on_clean_stack(|| {
        let mut heap = Heap::new(HeapConfig::default());
        #[inline(never)]
        fn addr_of_garbage(heap: &mut Heap) -> usize {
            node(heap, 1).as_ptr() as usize ^ 0x5555
        }
        let hidden = addr_of_garbage(&mut heap);
        collect!(heap);
        assert_eq!(heap.allocated_cells(), 0);
        let again = node(&mut heap, 2);
        assert_eq!(again.as_ptr() as usize, hidden ^ 0x5555, "the freed cell is the first on the free list");
    });
}

#[test]
fn rust_locals_keep_cells_alive_and_garbage_is_freed() {
    on_clean_stack(|| {
        let mut heap = Heap::new(HeapConfig::default());
        let kept: Vec<Gc<Node>> = Vec::new();
        drop(kept);
        let a = node(&mut heap, 7);
        let b = node(&mut heap, 8);
        a.edges.borrow_mut().push(b);
        make_garbage(&mut heap, 1000);
        assert_eq!(heap.allocated_cells(), 1002);
        collect!(heap);
        assert_eq!(heap.allocated_cells(), 2, "only a and b (reached through a) survive");
        assert_eq!(a.id, 7);
        assert_eq!(a.edges.borrow()[0].id, 8);
        black_box(a);
    });
}

#[test]
fn interior_pointer_keeps_cell_alive() {
    on_clean_stack(|| {
        let mut heap = Heap::new(HeapConfig::default());
        #[inline(never)]
        fn interior(heap: &mut Heap) -> usize {
            // Points at the `id` field, not at the cell start.
            let n = node(heap, 99);
            (&n.id as *const u64 as usize) + 4
        }
        let inner = black_box(interior(&mut heap));
        collect!(heap);
        assert_eq!(heap.allocated_cells(), 1);
        let cell = heap.find_cell(inner).expect("interior pointer resolves to its cell");
        let n = cell.downcast::<Node>().expect("a Node");
        assert_eq!(n.id, 99);
        black_box(inner);
    });
}

#[test]
fn cycles_are_collected() {
    on_clean_stack(|| {
        let mut heap = Heap::new(HeapConfig::default());
        #[inline(never)]
        fn make_cycle(heap: &mut Heap) {
            let a = node(heap, 1);
            let b = node(heap, 2);
            let c = node(heap, 3);
            a.edges.borrow_mut().push(b);
            b.edges.borrow_mut().push(c);
            c.edges.borrow_mut().push(a);
            c.edges.borrow_mut().push(c);
        }
        make_cycle(&mut heap);
        assert_eq!(heap.allocated_cells(), 3);
        collect!(heap);
        assert_eq!(heap.allocated_cells(), 0);
    });
}

#[test]
fn finalizers_run_exactly_once() {
    on_clean_stack(|| {
        let drops = Rc::new(Cell::new(0));
        let mut heap = Heap::new(HeapConfig::default());
        #[inline(never)]
        fn make(heap: &mut Heap, drops: &Rc<Cell<u32>>) {
            for _ in 0..10 {
                black_box(heap.alloc(Finalized { drops: drops.clone() }).expect("room"));
            }
        }
        make(&mut heap, &drops);
        let kept = heap.alloc(Finalized { drops: drops.clone() }).expect("room");
        collect!(heap);
        assert_eq!(drops.get(), 10);
        collect!(heap);
        assert_eq!(drops.get(), 10, "no finalizer runs twice");
        assert_eq!(heap.stats().finalizers_run, 10);
        black_box(kept);
        drop(heap);
        assert_eq!(drops.get(), 11, "heap teardown finalizes what is left");
    });
}

#[test]
fn weak_slots_are_cleared_when_the_target_dies() {
    on_clean_stack(|| {
        let mut heap = Heap::new(HeapConfig::default());
        let strong = node(&mut heap, 1);
        #[inline(never)]
        fn weak_to_garbage(heap: &mut Heap) -> Gc<WeakBox> {
            let target = node(heap, 2);
            heap.alloc(WeakBox { slot: WeakSlot::new(Some(target.cell())) }).expect("room")
        }
        let weak_dead = weak_to_garbage(&mut heap);
        let weak_live = heap.alloc(WeakBox { slot: WeakSlot::new(Some(strong.cell())) }).expect("room");
        collect!(heap);
        assert!(weak_dead.slot.get().is_none(), "dead target cleared");
        assert_eq!(weak_live.slot.get(), Some(strong.cell()), "live target kept");
        assert_eq!(heap.allocated_cells(), 3, "strong node and both weak boxes; the weak target is gone");
        black_box((strong, weak_live, weak_dead));
    });
}

#[test]
fn ephemeron_values_live_exactly_as_long_as_their_keys() {
    on_clean_stack(|| {
        let mut heap = Heap::new(HeapConfig::default());
        let table = heap.alloc(Ephemerons { entries: RefCell::new(Vec::new()) }).expect("room");
        let live_key = node(&mut heap, 1);
        #[inline(never)]
        fn fill(heap: &mut Heap, table: Gc<Ephemerons>, live_key: Gc<Node>) {
            // live key -> value; dead key -> value; a chain where one value is
            // the key of the next entry (reachable only through the first).
            let v1 = node(heap, 10);
            let dead_key = node(heap, 2);
            let v2 = node(heap, 20);
            let v3 = node(heap, 30);
            let mut e = table.entries.borrow_mut();
            e.push((v1.cell(), v3.cell()));
            e.push((live_key.cell(), v1.cell()));
            e.push((dead_key.cell(), v2.cell()));
        }
        fill(&mut heap, table, live_key);
        assert_eq!(heap.allocated_cells(), 6);
        collect!(heap);
        let entries = table.entries.borrow();
        assert_eq!(entries.len(), 2, "the dead key's entry is dropped");
        let ids: Vec<u64> =
            entries.iter().map(|&(_, v)| v.downcast::<Node>().expect("node").id).collect();
        assert_eq!(ids, vec![30, 10]);
        drop(entries);
        assert_eq!(heap.allocated_cells(), 4, "table, live key, v1, v3");
        black_box((table, live_key));
    });
}

#[test]
fn ephemeron_chains_are_marked_in_one_pass() {
    on_clean_stack(|| {
        let mut heap = Heap::new(HeapConfig::default());
        let table = heap.alloc(LinearEphemerons { entries: RefCell::new(Vec::new()) }).expect("room");
        let head = node(&mut heap, 0);
        const CHAIN: u64 = 20_000;
        #[inline(never)]
        fn fill(heap: &mut Heap, table: Gc<LinearEphemerons>, head: Gc<Node>) {
            // head -> n1 -> n2 -> ... each link an entry whose value is the
            // next entry's key, listed from the far end (the worst order
            // for re-tracing rounds); then a dead key with a value, and a
            // value reachable both strongly and through a dead key.
            let mut nodes = vec![head];
            for i in 1..=CHAIN {
                nodes.push(node(heap, i));
            }
            let mut e = table.entries.borrow_mut();
            for w in nodes.windows(2).rev() {
                e.push((w[0].cell(), w[1].cell()));
            }
            let dead_key = node(heap, 1_000_000);
            let dead_value = node(heap, 1_000_001);
            e.push((dead_key.cell(), dead_value.cell()));
            head.edges.borrow_mut().push(nodes[5]);
            let other_dead = node(heap, 1_000_002);
            e.push((other_dead.cell(), nodes[5].cell()));
        }
        fill(&mut heap, table, head);
        let start = std::time::Instant::now();
        collect!(heap);
        assert!(start.elapsed() < std::time::Duration::from_secs(5), "linear, not a round per link");
        assert_eq!(table.entries.borrow().len(), CHAIN as usize, "both dead keys' entries are dropped");
        assert_eq!(heap.allocated_cells(), 2 + CHAIN as usize, "table, head and chain; dead keys and value gone");
        black_box((table, head));
    });
}

#[test]
fn persistent_handles_rooted_vectors_and_root_sets_are_roots() {
    on_clean_stack(|| {
        // The test's own frame holds no cell pointers: handles sit in a Vec's
        // buffer, rooted values behind the RootedVec's box, the root set's cell
        // address inside an Rc.
        let mut heap = Heap::new(HeapConfig::default());
        let mut handles: Vec<strata_gc::Persistent<Node>> = Vec::new();
        let mut v = heap.rooted_vec::<Gc<Node>>();
        let registered = Rc::new(Cell::new(0usize));
        #[inline(never)]
        fn setup(
            heap: &mut Heap,
            handles: &mut Vec<strata_gc::Persistent<Node>>,
            v: &mut strata_gc::RootedVec<Gc<Node>>,
            registered: &Rc<Cell<usize>>,
        ) {
            let first = node(heap, 1);
            handles.push(heap.persistent(first));
            for i in 0..5 {
                let n = node(heap, 100 + i);
                v.push(n);
            }
            registered.set(node(heap, 7).as_ptr() as usize);
            make_garbage(heap, 10);
        }
        setup(&mut heap, &mut handles, &mut v, &registered);
        let in_root_set = registered.clone();
        let id = heap.add_root_set(move |t| {
            t.mark_conservative(in_root_set.get());
        });
        collect!(heap);
        assert_eq!(heap.allocated_cells(), 7);
        // Read through a callee so no copy of the cell pointers stays in
        // this frame.
        #[inline(never)]
        fn ids(handles: &[strata_gc::Persistent<Node>], v: &strata_gc::RootedVec<Gc<Node>>) -> (u64, u64) {
            (handles[0].get().id, v.get(4).expect("five").id)
        }
        assert_eq!(ids(&handles, &v), (1, 104));
        clobber_stack();
        v.truncate(2);
        heap.remove_root_set(id);
        handles.clear();
        collect!(heap);
        assert_eq!(heap.allocated_cells(), 2);
        assert_eq!(heap.persistent_count(), 0);
        drop(v);
        collect!(heap);
        assert_eq!(heap.allocated_cells(), 0);
    });
}

#[test]
fn large_cells_live_die_and_resolve_interior_pointers() {
    on_clean_stack(|| {
        let mut heap = Heap::new(HeapConfig::default());
        let big = heap.alloc(Big { next: Cell::new(None), fill: [3; 600] }).expect("room");
        assert_eq!(big.as_ptr() as usize & LARGE_CELL_BIT, LARGE_CELL_BIT);
        let child = node(&mut heap, 5);
        big.next.set(Some(child));
        #[inline(never)]
        fn big_garbage(heap: &mut Heap) {
            for _ in 0..4 {
                black_box(heap.alloc(Big { next: Cell::new(None), fill: [1; 600] }).expect("room"));
            }
        }
        big_garbage(&mut heap);
        let inside = &big.fill[300] as *const u64 as usize;
        assert_eq!(heap.find_cell(inside), Some(big.cell()));
        collect!(heap);
        assert_eq!(heap.allocated_cells(), 2);
        assert_eq!(big.fill[599], 3);
        assert_eq!(big.next.get().expect("child").id, 5);
        black_box(big);
    });
}

#[test]
fn trailing_bytes_are_zeroed_and_in_the_cell() {
    on_clean_stack(|| {
        let mut heap = Heap::new(HeapConfig::default());
        let n = heap.alloc_with_trailing(Node { id: 1, edges: RefCell::new(Vec::new()) }, 40).expect("room");
        let tail = n.trailing_ptr();
        // SAFETY: 40 trailing bytes were allocated with the cell.
        let bytes = unsafe { std::slice::from_raw_parts(tail, 40) };
        assert!(bytes.iter().all(|&b| b == 0));
        assert_eq!(heap.find_cell(tail as usize + 39), Some(n.cell()));
    });
}

#[test]
fn nan_boxed_numbers_never_look_like_pointers() {
    on_clean_stack(|| {
        // The value encoding of DESIGN.md (JavaScriptCore's): doubles are stored
        // as bits + 2^49, int32s as 0xFFFE_0000_0000_0000 | i. Must match the
        // encoding in vm/src/value.rs.
        const DOUBLE_OFFSET: u64 = 1 << 49;
        const INT32_TAG: u64 = 0xFFFE_0000_0000_0000;
        let mut heap = Heap::new(HeapConfig::default());
        let cells: Vec<Gc<Node>> = (0..64).map(|i| node(&mut heap, i)).collect();
        let mut candidates: Vec<f64> = vec![0.0, -0.0, 1.0, -1.0, f64::NAN, f64::INFINITY, f64::MIN_POSITIVE, 5e-324];
        for c in &cells {
            let addr = c.as_ptr() as u64;
            // Doubles whose raw bits equal a cell address (the worst case).
            candidates.push(f64::from_bits(addr));
            candidates.push(f64::from_bits(addr + 8));
            candidates.push(addr as f64);
        }
        for d in candidates {
            let encoded = d.to_bits().wrapping_add(DOUBLE_OFFSET);
            assert!(heap.find_cell(encoded as usize).is_none(), "double {d} encoded as {encoded:#x}");
        }
        for i in [0i32, 1, -1, i32::MAX, i32::MIN] {
            let encoded = INT32_TAG | (i as u32 as u64);
            assert!(heap.find_cell(encoded as usize).is_none());
        }
        for c in &cells {
            let int_of_low_bits = INT32_TAG | (c.as_ptr() as u64 & 0xFFFF_FFFF);
            assert!(heap.find_cell(int_of_low_bits as usize).is_none());
            assert_eq!(heap.find_cell(c.as_ptr() as usize), Some(c.cell()));
        }
    });
}

#[test]
fn heap_limit_returns_an_error_and_recovers() {
    on_clean_stack(|| {
        let mut heap = Heap::new(HeapConfig { max_heap_bytes: 4 << 20, min_budget: 1 << 20, ..HeapConfig::default() });
        let mut keep = heap.rooted_vec::<Gc<Node>>();
        let mut failed = None;
        for i in 0..1_000_000 {
            match heap.alloc(Node { id: i, edges: RefCell::new(Vec::new()) }) {
                Ok(n) => keep.push(n),
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        let err = failed.expect("a 4 MiB heap cannot hold a million nodes");
        assert_eq!(err.limit, 4 << 20);
        assert!(err.to_string().contains("--max-heap-size"));
        assert!(heap.heap_bytes() <= 4 << 20);
        let big = heap.alloc(Big { next: Cell::new(None), fill: [0; 600] });
        assert!(big.is_err(), "large allocations respect the limit too");
        keep.clear();
        clobber_stack();
        let n = heap.alloc(Node { id: 1, edges: RefCell::new(Vec::new()) }).expect("room after dropping the roots");
        assert_eq!(n.id, 1);
    });
}

#[test]
fn statistics_count_collections_bytes_and_pauses() {
    on_clean_stack(|| {
        let mut heap = Heap::new(HeapConfig { min_budget: 1 << 20, ..HeapConfig::default() });
        make_garbage(&mut heap, 100_000);
        let s = heap.stats();
        assert!(s.collections >= 1, "the 1 MiB budget forced collections");
        assert!(s.bytes_allocated >= 100_000 * 48, "each node is at least 48 bytes");
        assert!(s.peak_heap_bytes >= s.heap_bytes);
        collect!(heap);
        let s = heap.stats();
        // 100,000 nodes died; a conservative scan may still find a stale
        // word for one or two of them (the exact-count tests above control
        // their stacks tightly; this one checks the statistics).
        assert!(s.live_bytes <= 2 * 48, "live bytes {}", s.live_bytes);
        assert!(s.max_pause >= s.last_pause);
        assert!(s.cells_freed >= 100_000 - 1);
    });
}

/// A small cell owning a large buffer outside the heap (as an array's
/// element store does), counted as external memory.
struct Buffer {
    bytes: Vec<u8>,
}
impl Buffer {
    fn new(n: usize) -> Buffer {
        strata_gc::adjust_external(n as isize);
        Buffer { bytes: vec![1; n] }
    }
}
impl Drop for Buffer {
    fn drop(&mut self) {
        strata_gc::adjust_external(-(self.bytes.len() as isize));
    }
}
// SAFETY: no references.
unsafe impl Trace for Buffer {
    fn trace(&self, _: &mut Tracer) {}
}
cell_type!(Buffer);

#[test]
fn external_memory_triggers_collections_and_is_given_back() {
    on_clean_stack(|| {
        let mut heap = Heap::new(HeapConfig { min_budget: 1 << 20, ..HeapConfig::default() });
        let before = strata_gc::external_bytes();
        // 200 cells of ~64 bytes in the heap, 64 KiB each outside: without
        // the external count this heap would never reach its 1 MiB budget.
        for _ in 0..200 {
            black_box(heap.alloc(Buffer::new(64 << 10)).expect("heap has room"));
        }
        let s = heap.stats();
        assert!(s.collections >= 5, "external growth forced collections ({})", s.collections);
        collect!(heap);
        // A stale stack word may keep a buffer or two.
        let left = strata_gc::external_bytes() - before;
        assert!(left <= 2 * (64 << 10), "freed buffers gave their bytes back ({left} left)");
    });
}

/// xorshift64*: a deterministic generator without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Every node reachable from the roots must have an id matching the model
/// and exactly the model's edges; a freed and reused cell would not.
fn check_graph(roots: &strata_gc::RootedVec<Gc<Node>>, model: &[Vec<u64>]) {
    let mut seen = std::collections::HashSet::new();
    let mut stack: Vec<Gc<Node>> = roots.as_slice().to_vec();
    while let Some(n) = stack.pop() {
        if !seen.insert(n.id) {
            continue;
        }
        let edges = n.edges.borrow();
        let ids: Vec<u64> = edges.iter().map(|e| e.id).collect();
        assert_eq!(ids, model[n.id as usize], "node {} edges", n.id);
        stack.extend(edges.iter().copied());
    }
}

#[test]
fn random_graphs_survive_stress_collections_intact() {
    on_clean_stack(|| {
        let mut heap = Heap::new(HeapConfig { gc_stress: 7, ..HeapConfig::default() });
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut roots = heap.rooted_vec::<Gc<Node>>();
        let mut model: Vec<Vec<u64>> = Vec::new();
        for round in 0..2000 {
            match rng.below(10) {
                0..=3 => {
                    let n = node(&mut heap, model.len() as u64);
                    model.push(Vec::new());
                    roots.push(n);
                }
                4..=6 if !roots.is_empty() => {
                    let from = roots.get(rng.below(roots.len())).expect("in range");
                    let to = node(&mut heap, model.len() as u64);
                    model.push(Vec::new());
                    from.edges.borrow_mut().push(to);
                    model[from.id as usize].push(to.id);
                }
                7 if roots.len() > 1 => {
                    let a = roots.get(rng.below(roots.len())).expect("in range");
                    let b = roots.get(rng.below(roots.len())).expect("in range");
                    a.edges.borrow_mut().push(b);
                    model[a.id as usize].push(b.id);
                }
                8 if !roots.is_empty() => {
                    let i = rng.below(roots.len());
                    let last = roots.pop().expect("non-empty");
                    if i < roots.len() {
                        roots.set(i, last);
                    }
                }
                _ => black_box(heap.alloc(Big { next: Cell::new(None), fill: [round; 600] }).map(|_| ())).expect("room"),
            }
            if round % 50 == 0 {
                check_graph(&roots, &model);
            }
        }
        check_graph(&roots, &model);
        assert!(heap.stats().collections > 100, "stress mode collected every 7 allocations");
    });
}
