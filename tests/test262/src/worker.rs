//! A worker process (`strata-test262 --worker`): runs the tests the
//! supervisor sends on stdin, one at a time, each in a fresh VM, and
//! answers each with one line on stdout (protocol: `outcome.rs`).
//!
//! Three guards keep one bad test from costing more than its own verdict:
//! - a watchdog thread sets the VM's `interrupt` flag at the deadline; the
//!   VM then unwinds with a termination no JavaScript handler catches;
//! - `catch_unwind` turns an engine panic into that test's `panic` verdict
//!   (a hook records where it panicked instead of printing);
//! - whatever kills the process (a stack overflow's SIGSEGV, an abort) is
//!   seen by the supervisor (`pool.rs`), which restarts the worker.
//!
//! The engine runs on a thread with a large stack ([`WORKER_STACK`]): the
//! VM's `native_stack_budget` is set from it, so deep native recursion
//! becomes a RangeError well before the guard page.

use std::io::{BufRead, Write};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::execute::{EngineConfig, Harness, run_test};
use crate::metadata::Mode;
use crate::outcome::{Outcome, Status};

/// Stack of the engine thread.
pub const WORKER_STACK: usize = 256 << 20;
/// Stack kept back from the VM's budget for the runner's own frames and
/// what runs below the interpreter.
const STACK_MARGIN: usize = 16 << 20;

/// What a worker needs.
#[derive(Clone, Debug)]
pub struct WorkerConfig {
    /// The test262 checkout.
    pub root: PathBuf,
    /// Per-test timeout.
    pub timeout: Duration,
    /// Heap limit per test.
    pub max_heap_bytes: usize,
    /// The tiers that run the tests.
    pub tier: strata_baseline_jit::TierMode,
}

/// The deadline of the running test and the flag that interrupts it.
type Deadline = Arc<Mutex<Option<(Instant, Option<Arc<AtomicBool>>)>>>;

/// Serves tests until stdin closes. Returns the process exit status.
pub fn run_worker(config: WorkerConfig) -> u8 {
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".into());
        *LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = Some(format!("{message}{location}"));
    }));
    let engine = std::thread::Builder::new()
        .name("strata-test262-engine".into())
        .stack_size(WORKER_STACK)
        .spawn(move || serve(&config));
    match engine.map(|h| h.join()) {
        Ok(Ok(())) => 0,
        _ => 70,
    }
}

static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

fn serve(config: &WorkerConfig) {
    let deadline: Deadline = Arc::new(Mutex::new(None));
    let watchdog_deadline = deadline.clone();
    std::thread::Builder::new()
        .name("strata-test262-watchdog".into())
        .spawn(move || watchdog(&watchdog_deadline))
        .expect("the watchdog thread starts");

    let engine = EngineConfig {
        max_heap_bytes: config.max_heap_bytes,
        native_stack_budget: WORKER_STACK - STACK_MARGIN,
        tier: config.tier,
    };
    let mut harness = Harness::new(&config.root);
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let Some((mode, path)) = line.split_once('\t') else { continue };
        let start = Instant::now();
        let mut outcome = match Mode::from_name(mode) {
            None => Outcome::fail(format!("worker: unknown mode {mode}")),
            Some(mode) => {
                *deadline.lock().unwrap() = Some((start + config.timeout, None));
                let mut on_vm = |flag: Arc<AtomicBool>| {
                    if let Some((_, slot)) = deadline.lock().unwrap().as_mut() {
                        *slot = Some(flag);
                    }
                };
                let run = std::panic::catch_unwind(AssertUnwindSafe(|| {
                    inject_fault(path);
                    run_test(&config.root, &mut harness, path, mode, &engine, &mut on_vm)
                }));
                let timed_out = deadline.lock().unwrap().take().is_some_and(|(d, _)| Instant::now() >= d);
                match run {
                    Ok(_) if timed_out => {
                        Outcome::new(Status::Timeout, format!("timed out after {} s", config.timeout.as_secs_f64()))
                    }
                    Ok(o) => o,
                    Err(_) => {
                        let what = LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()).take();
                        Outcome::new(Status::Panic, format!("panic: {}", what.unwrap_or_default()))
                    }
                }
            }
        };
        outcome.millis = start.elapsed().as_millis() as u64;
        if writeln!(stdout, "{}", outcome.encode()).and_then(|_| stdout.flush()).is_err() {
            break;
        }
    }
}

/// Fault injection for the runner's own tests (`tests/supervisor.rs`):
/// `STRATA_TEST262_FAULT=<kind>:<text>` makes the worker fail that way on
/// tests whose path contains `<text>`: `panic`, `abort` (SIGABRT) or
/// `overflow` (a real stack overflow: SIGSEGV on the guard page).
fn inject_fault(path: &str) {
    let Ok(spec) = std::env::var("STRATA_TEST262_FAULT") else { return };
    for one in spec.split(',') {
        let Some((kind, text)) = one.split_once(':') else { continue };
        if !path.contains(text) {
            continue;
        }
        match kind {
            "panic" => panic!("injected panic"),
            "abort" => std::process::abort(),
            "overflow" => {
                fn deep(n: u64) -> u64 {
                    let pad = std::hint::black_box([n; 64]);
                    if n == 0 { 0 } else { deep(n - 1) + pad[7] }
                }
                std::hint::black_box(deep(u64::MAX));
            }
            _ => {}
        }
    }
}

fn watchdog(deadline: &Deadline) {
    loop {
        std::thread::sleep(Duration::from_millis(20));
        if let Some((when, Some(flag))) = deadline.lock().unwrap().as_ref()
            && Instant::now() >= *when
        {
            flag.store(true, Ordering::Relaxed);
        }
    }
}
