//! Heap benchmarks: small-cell allocation throughput against the system
//! allocator (malloc + free) in the same run, and the pause of a full
//! collection with about 100 MiB live.
//!
//! `cargo bench -p strata-gc --bench heap`
#![allow(missing_docs, dead_code)]

use std::cell::Cell;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use strata_gc::{Gc, GcReason, Heap, HeapConfig, Trace, Tracer, cell_type};

/// A 32-byte cell (header + 24 bytes), the size of a small JS object.
struct Small {
    a: u64,
    b: u64,
    c: u64,
}
// SAFETY: holds no references.
unsafe impl Trace for Small {
    fn trace(&self, _: &mut Tracer) {}
}
cell_type!(Small);

/// A 64-byte cell with two references: a binary tree node.
struct Node {
    left: Cell<Option<Gc<Node>>>,
    right: Cell<Option<Gc<Node>>>,
    payload: [u64; 5],
}
// SAFETY: both references are reported.
unsafe impl Trace for Node {
    fn trace(&self, t: &mut Tracer) {
        self.left.trace(t);
        self.right.trace(t);
    }
}
cell_type!(Node);

fn allocation(c: &mut Criterion) {
    let mut group = c.benchmark_group("alloc_32B");
    group.bench_function("strata_gc", |b| {
        let mut heap = Heap::new(HeapConfig::default());
        b.iter(|| {
            let cell = heap.alloc(Small { a: 1, b: 2, c: 3 }).expect("heap has room");
            black_box(cell);
        });
    });
    group.bench_function("malloc_free", |b| {
        b.iter(|| {
            // 32 bytes, like the cell above: header word + 24 bytes.
            let boxed = Box::new((0u64, Small { a: 1, b: 2, c: 3 }));
            black_box(&boxed);
        });
    });
    group.finish();
}

fn build_tree(heap: &mut Heap, depth: u32) -> Gc<Node> {
    let node = heap
        .alloc(Node { left: Cell::new(None), right: Cell::new(None), payload: [depth as u64; 5] })
        .expect("heap has room");
    if depth > 0 {
        node.left.set(Some(build_tree(heap, depth - 1)));
        node.right.set(Some(build_tree(heap, depth - 1)));
    }
    node
}

fn full_collection(c: &mut Criterion) {
    let mut group = c.benchmark_group("full_gc");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    // 25 trees of depth 15: 25 × 65535 nodes × 64 bytes ≈ 100 MiB live.
    let mut heap = Heap::new(HeapConfig { min_budget: 256 << 20, ..HeapConfig::default() });
    let mut roots = Vec::new();
    for _ in 0..25 {
        let tree = build_tree(&mut heap, 15);
        roots.push(heap.persistent(tree));
    }
    heap.collect(GcReason::Requested);
    let live = heap.stats().live_bytes;
    eprintln!("full_gc: {:.1} MiB live in {} cells", live as f64 / (1 << 20) as f64, heap.stats().live_cells);
    group.bench_function("100MiB_live", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                heap.collect(GcReason::Requested);
                total += t.elapsed();
            }
            total
        })
    });
    drop(roots);
    group.finish();
}

criterion_group!(benches, allocation, full_collection);
criterion_main!(benches);
