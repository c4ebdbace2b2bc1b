//! `$262.agent` (test262's INTERPRETING.md, "agent"): concurrent agents,
//! each a thread with its own VM (a `Vm` is not `Send`, so each is built
//! inside its thread), sharing only SharedArrayBuffer blocks.
//!
//! - The main agent (the VM `$262` was installed on) gets `start`,
//!   `broadcast`, `getReport`, `sleep` and `monotonicNow`. Its agents form a
//!   group kept in a thread-local of the main thread, named by the main
//!   VM's interrupt flag; [`finish_agents`] (the host calls it when it is
//!   done with the VM; `start` also ends a stale group of an earlier VM)
//!   interrupts every agent and joins it, waiting a bounded time.
//! - An agent runs its source, then an event loop: while it has a
//!   `receiveBroadcast` callback it waits for broadcasts (and polls its
//!   `waitAsync` promises); without one, it ends when no `waitAsync`
//!   promise is pending. Its `$262.agent` has `receiveBroadcast`, `report`,
//!   `sleep`, `leaving` and `monotonicNow`.
//! - `broadcast(sab, id)` hands every live agent the block of `sab` and
//!   `id` (a Number or BigInt) and blocks until each has taken it; the
//!   agent wraps the block in a SharedArrayBuffer of its own realm.
//! - Every blocking wait here (and in `Atomics.wait`) polls its VM's
//!   interrupt flag, so a watchdog's timeout stops a stuck main agent, and
//!   `finish_agents` stops stuck agents.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, mpsc};
use std::time::{Duration, Instant};

use strata_gc::Gc;
use strata_vm::bigint::BigInt;
use strata_vm::builtins::array_buffer::{buffer_data, shared_array_buffer_from_block};
use strata_vm::builtins::shared_memory::{self, SharedBlock};
use strata_vm::function::Args;
use strata_vm::object::JsObject;
use strata_vm::property::Attrs;
use strata_vm::{Exception, JsResult, ScriptOptions, Value, Vm, VmOptions};

/// How long `finish_agents` waits for an agent thread to end before it
/// leaves it running (detached).
const JOIN_BOUND: Duration = Duration::from_secs(2);
/// The longest a blocking wait sleeps between checks of its interrupt flag.
const POLL: Duration = Duration::from_millis(10);

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The identifier a broadcast carries.
#[derive(Clone)]
enum BroadcastId {
    Number(f64),
    BigInt(BigInt),
}

struct Message {
    block: Arc<SharedBlock>,
    max: Option<usize>,
    id: BroadcastId,
}

#[derive(Default)]
struct Mail {
    pending: Option<Arc<Message>>,
    sent: u64,
    taken: u64,
}

/// What the main agent and one agent share.
#[derive(Default)]
struct AgentShared {
    mail: Mutex<Mail>,
    cv: Condvar,
    /// False once the agent's thread is done.
    alive: AtomicBool,
}

type Reports = Arc<Mutex<VecDeque<String>>>;

struct AgentHandle {
    thread: std::thread::JoinHandle<()>,
    interrupt: Arc<AtomicBool>,
    shared: Arc<AgentShared>,
}

struct Group {
    /// The main VM's interrupt flag (names the VM; held, so its address
    /// is not reused while the group lives).
    owner: Arc<AtomicBool>,
    agents: Vec<AgentHandle>,
    reports: Reports,
}

/// The agent side, in an agent's thread.
struct AgentContext {
    reports: Reports,
    /// The `receiveBroadcast` callback (also pinned in the VM).
    callback: Option<Value>,
    seen: u64,
}

thread_local! {
    static GROUP: RefCell<Option<Group>> = const { RefCell::new(None) };
    static AGENT: RefCell<Option<AgentContext>> = const { RefCell::new(None) };
}

/// Defines `agent` on the main agent's `$262` object `host`.
pub fn install_main_agent(vm: &mut Vm, host: Gc<JsObject>) -> JsResult<()> {
    let agent = vm.new_object()?;
    let def = |vm: &mut Vm, name: &str, len: u32, f: strata_vm::function::NativeFn| {
        strata_vm::builtins::method(vm, agent, name, len, f).map(|_| ())
    };
    def(vm, "start", 1, start)?;
    def(vm, "broadcast", 2, broadcast)?;
    def(vm, "getReport", 0, get_report)?;
    def(vm, "sleep", 1, sleep)?;
    def(vm, "monotonicNow", 0, monotonic_now)?;
    vm.define_value(host, "agent", Value::from_gc(agent), Attrs::HIDDEN)?;
    Ok(())
}

fn install_agent_side(vm: &mut Vm) -> JsResult<()> {
    let global = vm.realm().global_object();
    let host = vm.new_object()?;
    let agent = vm.new_object()?;
    let def = |vm: &mut Vm, name: &str, len: u32, f: strata_vm::function::NativeFn| {
        strata_vm::builtins::method(vm, agent, name, len, f).map(|_| ())
    };
    def(vm, "receiveBroadcast", 1, receive_broadcast)?;
    def(vm, "report", 1, report)?;
    def(vm, "sleep", 1, sleep)?;
    def(vm, "leaving", 0, leaving)?;
    def(vm, "monotonicNow", 0, monotonic_now)?;
    vm.define_value(host, "agent", Value::from_gc(agent), Attrs::HIDDEN)?;
    vm.define_value(global, "$262", Value::from_gc(host), Attrs::HIDDEN)?;
    Ok(())
}

/// Stops and joins the agents `vm` started (each is interrupted; one that
/// does not end within a bound is left detached) and forgets `vm`'s
/// waiting `waitAsync` promises. Call when done with a VM that had `$262`.
pub fn finish_agents(vm: &mut Vm) {
    shared_memory::forget_async_waiters(vm);
    // This VM's group, or a stale one of an earlier VM of this thread
    // whose host never finished it (it panicked): both are over.
    let group = GROUP.with(|g| g.borrow_mut().take());
    if let Some(group) = group {
        stop_group(group);
    }
}

fn stop_group(group: Group) {
    for a in &group.agents {
        a.interrupt.store(true, Ordering::Relaxed);
        a.shared.cv.notify_all();
    }
    let deadline = Instant::now() + JOIN_BOUND;
    for a in group.agents {
        while !a.thread.is_finished() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
        if a.thread.is_finished() {
            let _ = a.thread.join();
        }
    }
}

/// An event loop for a main agent after its script: runs promise jobs and
/// settles `waitAsync` promises (notified by other agents, or timed out)
/// until none is waiting. A termination when `vm` is interrupted.
pub fn run_until_no_waiters(vm: &mut Vm) -> JsResult<()> {
    loop {
        vm.run_microtasks()?;
        shared_memory::poll_async_waiters(vm)?;
        if !shared_memory::has_async_waiters(vm) {
            return vm.run_microtasks();
        }
        if vm.interrupted() {
            return Err(Exception::TERMINATION);
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn monotonic_ms() -> f64 {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    EPOCH.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

/// `monotonicNow()`: milliseconds on a monotonic clock.
fn monotonic_now(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    shared_memory::poll_async_waiters(vm)?;
    Ok(Value::number(monotonic_ms()))
}

/// `sleep(ms)`: sleeps about `ms` milliseconds (interruptible).
fn sleep(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let ms = vm.to_number(args.get(0))?;
    let ms = if ms.is_nan() { 0.0 } else { ms.clamp(0.0, 1e9) };
    let deadline = Instant::now() + Duration::from_micros((ms * 1000.0) as u64);
    loop {
        if vm.interrupted() {
            return Err(Exception::TERMINATION);
        }
        let now = Instant::now();
        if now >= deadline {
            break;
        }
        std::thread::sleep((deadline - now).min(POLL));
    }
    shared_memory::poll_async_waiters(vm)?;
    Ok(Value::UNDEFINED)
}

/// `start(source)`: runs `source` in a new agent; returns once it runs.
fn start(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let source = vm.to_string(args.get(0))?.to_rust_string();
    // A group of an earlier VM of this thread is over.
    let stale = GROUP.with(|g| {
        let mut g = g.borrow_mut();
        if g.as_ref().is_some_and(|g| !Arc::ptr_eq(&g.owner, &vm.interrupt)) { g.take() } else { None }
    });
    if let Some(old) = stale {
        stop_group(old);
    }
    let reports = GROUP.with(|g| {
        let mut g = g.borrow_mut();
        let group = g.get_or_insert_with(|| Group {
            owner: vm.interrupt.clone(),
            agents: Vec::new(),
            reports: Reports::default(),
        });
        group.reports.clone()
    });
    let shared = Arc::new(AgentShared { alive: AtomicBool::new(true), ..AgentShared::default() });
    let options = VmOptions { heap: vm.options.heap.clone(), ..VmOptions::default() };
    let (tx, rx) = mpsc::channel::<Arc<AtomicBool>>();
    let thread_shared = shared.clone();
    let spawned = std::thread::Builder::new().name("strata-agent".into()).stack_size(16 << 20).spawn(move || {
        // Marks the agent gone however the thread ends (even by a panic),
        // so a broadcast never waits for it.
        struct Gone(Arc<AgentShared>);
        impl Drop for Gone {
            fn drop(&mut self) {
                self.0.alive.store(false, Ordering::Release);
                self.0.cv.notify_all();
            }
        }
        let _gone = Gone(thread_shared.clone());
        let mut avm = Vm::new(options);
        let _ = tx.send(avm.interrupt.clone());
        run_agent(&mut avm, &source, thread_shared, reports);
        shared_memory::forget_async_waiters(&mut avm);
    });
    let thread = match spawned {
        Ok(t) => t,
        Err(e) => return Err(vm.type_error(&format!("$262.agent.start: cannot start a thread: {e}"))),
    };
    let interrupt = match rx.recv() {
        Ok(i) => i,
        Err(_) => return Err(vm.type_error("$262.agent.start: the agent failed to start")),
    };
    GROUP.with(|g| {
        if let Some(group) = g.borrow_mut().as_mut() {
            group.agents.push(AgentHandle { thread, interrupt, shared });
        }
    });
    Ok(Value::UNDEFINED)
}

/// An agent's life: its script, then its event loop.
fn run_agent(vm: &mut Vm, source: &str, shared: Arc<AgentShared>, reports: Reports) {
    AGENT.with(|a| *a.borrow_mut() = Some(AgentContext { reports, callback: None, seen: 0 }));
    let ran = install_agent_side(vm)
        .and_then(|_| vm.eval_script(source, "<agent>", &ScriptOptions::default()))
        .and_then(|_| vm.run_microtasks());
    if !matches!(ran, Err(e) if e.is_termination()) {
        agent_event_loop(vm, &shared);
    }
    AGENT.with(|a| a.borrow_mut().take());
}

fn agent_event_loop(vm: &mut Vm, shared: &AgentShared) {
    loop {
        if vm.interrupted() {
            return;
        }
        if let Err(e) = shared_memory::poll_async_waiters(vm).and_then(|_| vm.run_microtasks())
            && e.is_termination()
        {
            return;
        }
        let callback = AGENT.with(|a| a.borrow().as_ref().and_then(|c| c.callback));
        let waiting = shared_memory::has_async_waiters(vm);
        let Some(callback) = callback else {
            if !waiting {
                return;
            }
            std::thread::sleep(Duration::from_millis(1));
            continue;
        };
        // Wait for a broadcast (briefly when promises are waiting too).
        let seen = AGENT.with(|a| a.borrow().as_ref().map_or(0, |c| c.seen));
        let message = {
            let mail = lock(&shared.mail);
            let slice = if waiting { Duration::from_millis(1) } else { POLL };
            let mut mail = if mail.sent == seen {
                shared.cv.wait_timeout(mail, slice).map(|(g, _)| g).unwrap_or_else(|e| e.into_inner().0)
            } else {
                mail
            };
            if mail.sent != seen {
                let m = mail.pending.clone();
                mail.taken = mail.sent;
                let sent = mail.sent;
                AGENT.with(|a| {
                    if let Some(c) = a.borrow_mut().as_mut() {
                        c.seen = sent;
                    }
                });
                shared.cv.notify_all();
                m
            } else {
                None
            }
        };
        let Some(message) = message else { continue };
        let called = deliver(vm, callback, &message);
        if let Err(e) = called
            && e.is_termination()
        {
            return;
        }
    }
}

/// Calls the broadcast callback with a SharedArrayBuffer over the block
/// and the id.
fn deliver(vm: &mut Vm, callback: Value, message: &Message) -> JsResult<Value> {
    let sab = shared_array_buffer_from_block(vm, message.block.clone(), message.max)?;
    let id = match &message.id {
        BroadcastId::Number(n) => Value::number(*n),
        BroadcastId::BigInt(b) => vm.new_bigint(b.clone())?,
    };
    vm.call(callback, Value::UNDEFINED, &[Value::from_gc(sab), id])
}

/// `broadcast(sab, id)`: every live agent gets the block and the id; waits
/// until each has taken it.
fn broadcast(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (block, max) = match args.get(0).as_gc::<JsObject>().as_ref().and_then(|o| buffer_data(o)) {
        Some(d) if d.shared => match d.block() {
            Some(b) => (b.clone(), d.max_byte_length),
            None => return Err(vm.type_error("$262.agent.broadcast: not a SharedArrayBuffer")),
        },
        _ => return Err(vm.type_error("$262.agent.broadcast: not a SharedArrayBuffer")),
    };
    let idv = args.get(1);
    let id = if idv.as_bigint().is_some() {
        BroadcastId::BigInt(vm.to_bigint(idv)?)
    } else if idv.is_undefined() {
        BroadcastId::Number(0.0)
    } else {
        BroadcastId::Number(vm.to_number(idv)?)
    };
    let message = Arc::new(Message { block, max, id });
    let agents: Vec<Arc<AgentShared>> = GROUP.with(|g| {
        g.borrow()
            .as_ref()
            .filter(|g| Arc::ptr_eq(&g.owner, &vm.interrupt))
            .map(|g| g.agents.iter().map(|a| a.shared.clone()).collect())
            .unwrap_or_default()
    });
    let mut targets = Vec::new();
    for a in agents {
        if !a.alive.load(Ordering::Acquire) {
            continue;
        }
        let sent = {
            let mut mail = lock(&a.mail);
            mail.pending = Some(message.clone());
            mail.sent += 1;
            mail.sent
        };
        a.cv.notify_all();
        targets.push((a, sent));
    }
    for (a, sent) in targets {
        let mut mail = lock(&a.mail);
        while mail.taken < sent && a.alive.load(Ordering::Acquire) {
            if vm.interrupted() {
                return Err(Exception::TERMINATION);
            }
            mail = a.cv.wait_timeout(mail, POLL).map(|(g, _)| g).unwrap_or_else(|e| e.into_inner().0);
        }
    }
    Ok(Value::UNDEFINED)
}

/// `getReport()`: the oldest report not yet read, or null.
fn get_report(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    shared_memory::poll_async_waiters(vm)?;
    let next = GROUP.with(|g| {
        g.borrow().as_ref().filter(|g| Arc::ptr_eq(&g.owner, &vm.interrupt)).and_then(|g| lock(&g.reports).pop_front())
    });
    match next {
        Some(s) => vm.string_value(&s),
        None => Ok(Value::NULL),
    }
}

/// `receiveBroadcast(callback)`: the function broadcasts are passed to.
fn receive_broadcast(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let cb = args.get(0);
    if !vm.is_callable(cb) {
        return Err(vm.type_error("$262.agent.receiveBroadcast: the callback is not a function"));
    }
    vm.roots.pinned.push(cb);
    let old = AGENT.with(|a| a.borrow_mut().as_mut().and_then(|c| c.callback.replace(cb)));
    if let Some(old) = old
        && let Some(pos) = vm.roots.pinned.iter().position(|v| *v == old)
    {
        vm.roots.pinned.swap_remove(pos);
    }
    Ok(Value::UNDEFINED)
}

/// `report(message)`: queues String(message) for the main agent.
fn report(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = vm.to_string(args.get(0))?.to_rust_string();
    AGENT.with(|a| {
        if let Some(c) = a.borrow().as_ref() {
            lock(&c.reports).push_back(s);
        }
    });
    Ok(Value::UNDEFINED)
}

/// `leaving()`: the agent is done (it ends when its work does).
fn leaving(_vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::UNDEFINED)
}
