//! The event loop: what runs after the script, until nothing is left to
//! do. It follows Node's (libuv's) phases, so programs order their output
//! as they do under `node`.
//!
//! # The classic picture, and where each piece lives
//!
//! ```text
//!  call stack          the VM's register file and native frames (vm crate); one task at a time
//!  event table         [`EventLoop::pending`]: host operations in flight, each with the promise
//!                      it settles; the work itself runs on the worker pool (io/pool.rs)
//!  callback queues     the macrotask sources, one per phase:
//!                        timers      [`TimerHeap`] (timer_heap.rs) + the timer records here
//!                        io          completions arriving on the pool's channel
//!                        immediates  [`EventLoop::immediates`] (setImmediate)
//!  microtask queue     the VM's job queue (vm/src/jobs.rs): promise jobs, queueMicrotask
//!  the loop            [`run`], below
//! ```
//!
//! # One iteration
//!
//! 1. **timers**: every timer due at the loop's cached time runs, in (due
//!    time, creation) order. Timers made meanwhile are due at least 1 ms
//!    later and wait for the next iteration.
//! 2. **poll**: completions of host operations run. If nothing else is
//!    ready the main thread blocks here — on the completion channel, with
//!    a timeout of the time to the next timer; this is the only place it
//!    waits.
//! 3. **check**: the immediates queued before this phase began run;
//!    immediates they queue run in the next iteration.
//!
//! After every task — one timer callback, one completion, one immediate —
//! comes a microtask checkpoint ([`Vm::run_microtasks`]), then the check
//! for unhandled rejections: a promise rejected and still without a
//! handler after the checkpoint ends the loop with
//! [`Uncaught::Rejection`], as Node's default
//! `--unhandled-rejections=throw` does. An exception thrown by a task (or
//! by a `queueMicrotask` callback) ends it with [`Uncaught::Exception`].
//! The loop ends normally when no timer is scheduled, no host operation
//! is pending and no immediate is queued.
//!
//! The loop's clock is cached as libuv's is: read once per phase and
//! rounded down to whole milliseconds, so timers set in one task with the
//! same delay are due at the same instant and fire in creation order.

pub mod timer_heap;

use std::collections::{HashMap, VecDeque};
use std::rc::Rc;
use std::time::{Duration, Instant};

use strata_gc::{Gc, Persistent};
use strata_vm::object::JsObject;
use strata_vm::property::PropertyKey;
use strata_vm::{Exception, Value, Vm};

use crate::fs::Finish;
use crate::host::Host;
use crate::io::ops::FsOp;
use crate::io::pool::{Completion, OpId, WorkerPool};
pub use timer_heap::{Micros, TimerHeap, TimerId};

/// Why the loop stopped before running out of work.
#[derive(Debug)]
pub enum Uncaught {
    /// A task or a microtask threw.
    Exception(Exception),
    /// A promise was rejected and had no handler after a checkpoint; the
    /// rejection reason.
    Rejection(Value),
}

/// What a timer calls: rooted until the timer is cleared or has fired.
pub struct TimerRecord {
    /// The callback.
    pub callback: Persistent<JsObject>,
    /// Extra arguments, as an array (absent if none).
    pub args: Option<Persistent<JsObject>>,
    /// The delay in milliseconds (after clamping).
    pub delay_ms: f64,
    /// `setInterval`: rescheduled after each run.
    pub repeat: bool,
}

/// A queued `setImmediate` callback.
pub struct ImmediateRecord {
    /// Its id (from the timers' counter).
    pub id: TimerId,
    /// The callback.
    pub callback: Persistent<JsObject>,
    /// Extra arguments, as an array (absent if none).
    pub args: Option<Persistent<JsObject>>,
}

/// A host operation in the event table.
pub struct PendingOp {
    /// The promise its completion settles.
    pub promise: Persistent<JsObject>,
    /// How the result becomes a value.
    pub finish: Finish,
    /// The operation's name (`readFile`), for tracing.
    pub name: &'static str,
}

/// The loop's state (one per VM, in its [`Host`]).
pub struct EventLoop {
    epoch: Instant,
    /// The cached loop time, whole milliseconds since `epoch`, in µs.
    now: Micros,
    /// Scheduled timers.
    pub timers: TimerHeap,
    /// What each scheduled (or running interval) timer calls.
    pub timer_records: HashMap<TimerId, TimerRecord>,
    /// The check queue.
    pub immediates: VecDeque<ImmediateRecord>,
    next_id: u64,
    /// The event table: operations submitted to the pool, not yet settled.
    pub pending: HashMap<OpId, PendingOp>,
    next_op: u64,
    pool: WorkerPool,
    /// `--trace-event-loop`.
    pub trace: bool,
    tasks_run: u64,
}

/// Node's TIMEOUT_MAX: delays above it become 1 ms.
pub const TIMEOUT_MAX: f64 = 2147483647.0;

impl EventLoop {
    /// An empty loop; `trace` prints every task to stderr.
    pub fn new(trace: bool) -> EventLoop {
        EventLoop {
            epoch: Instant::now(),
            now: 0,
            timers: TimerHeap::default(),
            timer_records: HashMap::new(),
            immediates: VecDeque::new(),
            next_id: 1,
            pending: HashMap::new(),
            next_op: 1,
            pool: WorkerPool::new(),
            trace,
            tasks_run: 0,
        }
    }

    /// A fresh timer/immediate id.
    pub fn next_id(&mut self) -> TimerId {
        let id = TimerId(self.next_id);
        self.next_id += 1;
        id
    }

    /// Refreshes the cached loop time (libuv's `uv_update_time`).
    fn update_now(&mut self) {
        self.now = self.epoch.elapsed().as_millis() as Micros * 1000;
    }

    /// Schedules timer `id` `delay_ms` after the cached loop time.
    pub fn schedule_timer(&mut self, id: TimerId, delay_ms: f64, record: TimerRecord) {
        let due = self.now + (delay_ms * 1000.0).round() as Micros;
        self.timers.schedule(id, due);
        self.timer_records.insert(id, record);
    }

    /// Clears timer `id` (a no-op for unknown ids and for immediates).
    pub fn clear_timer(&mut self, id: TimerId) {
        self.timers.cancel(id);
        self.timer_records.remove(&id);
    }

    /// Clears immediate `id` (a no-op for unknown ids and for timers).
    pub fn clear_immediate(&mut self, id: TimerId) {
        self.immediates.retain(|i| i.id != id);
    }

    /// Enters `op` in the event table and hands it to the worker pool;
    /// its completion settles `promise`.
    pub fn start_io(&mut self, op: FsOp, promise: Persistent<JsObject>, finish: Finish) -> OpId {
        let id = OpId(self.next_op);
        self.next_op += 1;
        let name = op.name();
        self.pending.insert(id, PendingOp { promise, finish, name });
        if self.trace {
            eprintln!("[event-loop]   io #{} ({name}) submitted to the worker pool", id.0);
        }
        self.pool.submit(id, op);
        id
    }

    /// Whether anything keeps the loop alive.
    pub fn alive(&self) -> bool {
        !self.timers.is_empty() || !self.pending.is_empty() || !self.immediates.is_empty()
    }

    fn micros_since_epoch(&self) -> Micros {
        self.epoch.elapsed().as_micros() as Micros
    }
}

/// Runs the event loop of `vm` until it has no work left (see the module
/// docs): first the checkpoint that ends the script's own task, then the
/// phases. A VM without a host gets only that checkpoint.
pub fn run(vm: &mut Vm) -> Result<(), Uncaught> {
    let Some(host) = Host::get(vm) else {
        return checkpoint(vm, false, None);
    };
    let trace = host.event_loop.borrow().trace;
    if trace {
        eprintln!("[event-loop] checkpoint after the script");
    }
    checkpoint(vm, trace, None)?;
    loop {
        host.event_loop.borrow_mut().update_now();
        run_timers(vm, &host, trace)?;
        poll(vm, &host, trace)?;
        run_immediates(vm, &host, trace)?;
        if !host.event_loop.borrow().alive() {
            break;
        }
    }
    if trace {
        let tasks = host.event_loop.borrow().tasks_run;
        eprintln!("[event-loop] done after {tasks} tasks: no timers, no pending I/O, no immediates");
    }
    Ok(())
}

/// The microtask checkpoint after a task, then the unhandled-rejection
/// check. With `--trace-event-loop` (`trace`), prints how long the task
/// ran (`ran_ms`) and the checkpoint took.
fn checkpoint(vm: &mut Vm, trace: bool, ran_ms: Option<f64>) -> Result<(), Uncaught> {
    let start = Instant::now();
    let result = vm.run_microtasks();
    if trace {
        let ms = start.elapsed().as_secs_f64() * 1e3;
        match ran_ms {
            Some(ran) => eprintln!("[event-loop]   ran {ran:.3} ms, then microtasks {ms:.3} ms"),
            None => eprintln!("[event-loop]   microtasks {ms:.3} ms"),
        }
    }
    result.map_err(Uncaught::Exception)?;
    // The first unhandled rejection ends the program, as in Node.
    match vm.take_unhandled_rejections().first() {
        Some(&(_, reason)) => Err(Uncaught::Rejection(reason)),
        None => Ok(()),
    }
}

/// Calls `callback` with the elements of `args`, then the checkpoint;
/// `label` (with `--trace-event-loop`) names the task.
fn run_task(
    vm: &mut Vm,
    host: &Host,
    label: Option<String>,
    callback: Gc<JsObject>,
    args: Option<Gc<JsObject>>,
) -> Result<(), Uncaught> {
    host.event_loop.borrow_mut().tasks_run += 1;
    if let Some(label) = &label {
        eprintln!("[event-loop] {label}");
    }
    let mut argv = Vec::new();
    if let Some(a) = args {
        // The array is on this frame (a conservatively scanned local), so
        // its elements stay alive while `argv` holds copies.
        let len_key = vm.key("length");
        let len = vm.get_value(Value::from_gc(a), len_key).map_err(Uncaught::Exception)?;
        let len = len.as_int().unwrap_or(0).max(0) as u32;
        for i in 0..len {
            argv.push(vm.get_value(Value::from_gc(a), PropertyKey::Index(i)).map_err(Uncaught::Exception)?);
        }
    }
    let start = Instant::now();
    let result = vm.call(Value::from_gc(callback), Value::UNDEFINED, &argv);
    let ran = start.elapsed().as_secs_f64() * 1e3;
    // Keep the callback and arguments visible to the collector until the
    // call is over (a clear inside it may have dropped their record).
    std::hint::black_box((callback, args));
    result.map_err(Uncaught::Exception)?;
    checkpoint(vm, label.is_some(), Some(ran))
}

/// The timers phase.
fn run_timers(vm: &mut Vm, host: &Rc<Host>, trace: bool) -> Result<(), Uncaught> {
    loop {
        let (id, callback, args, repeat, delay_ms) = {
            let mut el = host.event_loop.borrow_mut();
            let now = el.now;
            let Some(id) = el.timers.pop_due(now) else { return Ok(()) };
            let Some(record) = el.timer_records.get(&id) else { continue };
            let (callback, args, repeat, delay_ms) =
                (record.callback.get(), record.args.as_ref().map(Persistent::get), record.repeat, record.delay_ms);
            if !repeat {
                // A timeout is done once it starts: clearing it inside its
                // own callback is a no-op, as in Node.
                el.timer_records.remove(&id);
            }
            (id, callback, args, repeat, delay_ms)
        };
        let label = trace.then(|| {
            let kind = if repeat { "setInterval" } else { "setTimeout" };
            format!("timer #{} ({kind}, {delay_ms} ms)", id.0)
        });
        let result = run_task(vm, host, label, callback, args);
        if repeat {
            // Rescheduled from the loop time of this phase unless the
            // callback cleared it (Node takes `start` before the call).
            let mut el = host.event_loop.borrow_mut();
            if el.timer_records.contains_key(&id) && !el.timers.contains(id) {
                let due = el.now + (delay_ms * 1000.0).round() as Micros;
                el.timers.schedule(id, due);
            }
        }
        result?;
    }
}

/// The poll phase: waits for and runs completions of host operations.
fn poll(vm: &mut Vm, host: &Rc<Host>, trace: bool) -> Result<(), Uncaught> {
    let mut wait = {
        let mut el = host.event_loop.borrow_mut();
        if !el.immediates.is_empty() {
            Some(Duration::ZERO)
        } else if let Some(due) = el.timers.next_due() {
            Some(Duration::from_micros(due.saturating_sub(el.micros_since_epoch())))
        } else if !el.pending.is_empty() {
            None
        } else {
            return Ok(());
        }
    };
    loop {
        let idle_start = Instant::now();
        let completion = host.event_loop.borrow_mut().pool.wait(wait);
        if trace {
            let idle = idle_start.elapsed();
            if idle >= Duration::from_micros(100) {
                let el = host.event_loop.borrow();
                eprintln!(
                    "[event-loop] idle {:.3} ms (waiting on {} timers, {} I/O operations)",
                    idle.as_secs_f64() * 1e3,
                    el.timers.len(),
                    el.pending.len()
                );
            }
        }
        let Some(completion) = completion else { break };
        complete(vm, host, trace, completion)?;
        // Take whatever else is ready, without waiting.
        wait = Some(Duration::ZERO);
    }
    host.event_loop.borrow_mut().update_now();
    Ok(())
}

/// Settles the promise of a finished operation, then the checkpoint.
fn complete(vm: &mut Vm, host: &Rc<Host>, trace: bool, c: Completion) -> Result<(), Uncaught> {
    let Some(op) = host.event_loop.borrow_mut().pending.remove(&c.id) else { return Ok(()) };
    host.event_loop.borrow_mut().tasks_run += 1;
    if trace {
        let outcome = if c.result.is_ok() { "ok" } else { "error" };
        let worked = c.worked.as_secs_f64() * 1e3;
        eprintln!("[event-loop] io #{} ({} {outcome}, {worked:.3} ms on a worker)", c.id.0, op.name);
    }
    let promise = op.promise.get();
    let start = Instant::now();
    let settled = crate::fs::settle(vm, host, promise, op.finish, c.result);
    let ran = start.elapsed().as_secs_f64() * 1e3;
    // Rooted by `op` until the promise is settled.
    drop(op.promise);
    settled.map_err(Uncaught::Exception)?;
    checkpoint(vm, trace, Some(ran))
}

/// The check phase: the immediates queued before it began (ids grow, so
/// those are the ones up to the last id queued now).
fn run_immediates(vm: &mut Vm, host: &Rc<Host>, trace: bool) -> Result<(), Uncaught> {
    let Some(last) = host.event_loop.borrow().immediates.back().map(|i| i.id) else { return Ok(()) };
    loop {
        let record = {
            let mut el = host.event_loop.borrow_mut();
            match el.immediates.front() {
                Some(front) if front.id <= last => el.immediates.pop_front(),
                _ => None,
            }
        };
        let Some(record) = record else { return Ok(()) };
        let label = trace.then(|| format!("immediate #{}", record.id.0));
        let (callback, args) = (record.callback.get(), record.args.as_ref().map(Persistent::get));
        let result = run_task(vm, host, label, callback, args);
        // Rooted by `record` until the call returned.
        drop(record);
        result?;
    }
}
