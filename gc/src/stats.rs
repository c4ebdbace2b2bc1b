//! Collector statistics, for `--trace-gc` and `--stats`.

use std::fmt;
use std::time::Duration;

/// Why a collection ran.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum GcReason {
    /// Bytes allocated since the last collection reached the budget set by
    /// the growth factor.
    AllocationBudget,
    /// Growing the heap would pass `--max-heap-size`.
    HeapLimit,
    /// `--gc-stress=N`: every N allocations.
    Stress,
    /// Asked for explicitly (`gc()` in the shell, tests, teardown).
    Requested,
    /// Memory cells own outside the heap grew past the budget.
    ExternalMemory,
}

impl GcReason {
    /// A short description, as `--trace-gc` prints it.
    pub fn describe(self) -> &'static str {
        match self {
            GcReason::AllocationBudget => "allocation budget",
            GcReason::HeapLimit => "heap limit",
            GcReason::Stress => "gc stress",
            GcReason::Requested => "requested",
            GcReason::ExternalMemory => "external memory",
        }
    }
}

/// Running totals since the heap was created, and figures of the last
/// collection.
#[derive(Clone, Debug, Default)]
pub struct GcStats {
    /// Collections run.
    pub collections: u64,
    /// Sum of all pauses.
    pub total_pause: Duration,
    /// Longest pause.
    pub max_pause: Duration,
    /// Pause of the last collection.
    pub last_pause: Duration,
    /// Marking part of the last pause.
    pub last_mark: Duration,
    /// Sweeping part of the last pause.
    pub last_sweep: Duration,
    /// Bytes handed to allocations (cell sizes, header included), in total.
    pub bytes_allocated: u64,
    /// Bytes in live cells after the last collection.
    pub live_bytes: usize,
    /// Live cells after the last collection.
    pub live_cells: usize,
    /// Bytes the heap holds from the system now (blocks and large cells).
    pub heap_bytes: usize,
    /// Most `heap_bytes` ever held.
    pub peak_heap_bytes: usize,
    /// Cells freed, in total.
    pub cells_freed: u64,
    /// Finalizers run, in total.
    pub finalizers_run: u64,
    /// The growth factor the last collection chose (the next one comes
    /// when the heap reaches this many times the live bytes, or after the
    /// minimum budget).
    pub last_growth_factor: f64,
}

const MB: f64 = 1024.0 * 1024.0;

/// One `--trace-gc` line, in the spirit of V8's:
/// `[gc #3] Mark-Sweep 12.3 (16.0) -> 4.1 (8.0) MB, pause 3.21 ms (mark 2.50, sweep 0.71), freed 1024 cells, grow 2.00x; allocation budget`
pub struct TraceLine<'a> {
    pub(crate) stats: &'a GcStats,
    pub(crate) reason: GcReason,
    pub(crate) before_bytes: usize,
    pub(crate) before_heap: usize,
    pub(crate) freed: usize,
}

impl fmt::Display for TraceLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.stats;
        write!(
            f,
            "[gc #{}] Mark-Sweep {:.1} ({:.1}) -> {:.1} ({:.1}) MB, pause {:.2} ms (mark {:.2}, sweep {:.2}), freed {} cells, grow {:.2}x; {}",
            s.collections,
            self.before_bytes as f64 / MB,
            self.before_heap as f64 / MB,
            s.live_bytes as f64 / MB,
            s.heap_bytes as f64 / MB,
            s.last_pause.as_secs_f64() * 1e3,
            s.last_mark.as_secs_f64() * 1e3,
            s.last_sweep.as_secs_f64() * 1e3,
            self.freed,
            s.last_growth_factor,
            self.reason.describe(),
        )
    }
}

impl fmt::Display for GcStats {
    /// The `--stats` section.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "gc.collections        {}", self.collections)?;
        writeln!(f, "gc.pause.total_ms     {:.3}", self.total_pause.as_secs_f64() * 1e3)?;
        writeln!(f, "gc.pause.max_ms       {:.3}", self.max_pause.as_secs_f64() * 1e3)?;
        writeln!(f, "gc.bytes_allocated    {}", self.bytes_allocated)?;
        writeln!(f, "gc.live_bytes         {}", self.live_bytes)?;
        writeln!(f, "gc.heap_bytes         {}", self.heap_bytes)?;
        writeln!(f, "gc.peak_heap_bytes    {}", self.peak_heap_bytes)?;
        writeln!(f, "gc.cells_freed        {}", self.cells_freed)?;
        if self.collections > 0 {
            writeln!(f, "gc.growth_factor      {:.2}", self.last_growth_factor)?;
        } else {
            writeln!(f, "gc.growth_factor      -")?;
        }
        write!(f, "gc.finalizers_run     {}", self.finalizers_run)
    }
}
