//! Memory shared between agents (threads): the data block of a
//! SharedArrayBuffer and the process-wide WaiterList of `Atomics.wait`,
//! `Atomics.waitAsync` and `Atomics.notify` (ECMA-262 §25.4.3).
//!
//! A [`SharedBlock`] is a reference-counted array of `AtomicU64` words,
//! reserved up front at the buffer's maximum byte length (a growable
//! SharedArrayBuffer never moves), with an atomic byte length. Every
//! access is an atomic access of a whole aligned word, so no two threads
//! ever race in Rust's sense and no access mixes sizes: plain reads are
//! relaxed word loads; plain writes and the Atomics operations on 1, 2 or
//! 4 bytes are compare-exchange loops on the word holding them (an
//! element is naturally aligned, so it never straddles two words); the
//! Atomics operations are sequentially consistent.
//!
//! The WaiterList is one global mutex over a FIFO of waiters, each naming
//! its block and byte index; the mutex is the spec's critical section (a
//! waiter compares the value while holding it, so a notify cannot slip in
//! between). A synchronous waiter blocks on its own condition variable; an
//! asynchronous one (`waitAsync`) names its thread's inbox and a token:
//! `notify` on any thread pushes the token to the inbox, and the owning
//! VM resolves the promise when it polls ([`poll_async_waiters`]: at
//! `Atomics` calls and from the host's event loop), which is also when
//! finite `waitAsync` timeouts fire.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use strata_gc::Gc;

use crate::object::JsObject;
use crate::value::Value;
use crate::vm::{Exception, JsResult, Vm};

/// The bytes of a SharedArrayBuffer, shared by every agent that has a
/// SharedArrayBuffer object over it.
pub struct SharedBlock {
    words: Box<[AtomicU64]>,
    len: AtomicUsize,
}

impl SharedBlock {
    /// A zeroed block of `len` bytes that can grow to `capacity`
    /// (`None` when the memory cannot be had).
    pub fn new(len: usize, capacity: usize) -> Option<Arc<SharedBlock>> {
        let capacity = capacity.max(len);
        let n = capacity.div_ceil(8);
        let words: Box<[AtomicU64]> = if n == 0 {
            Box::new([])
        } else {
            let layout = std::alloc::Layout::array::<AtomicU64>(n).ok()?;
            // SAFETY: the layout has a non-zero size (n > 0).
            let ptr = unsafe { std::alloc::alloc_zeroed(layout) } as *mut AtomicU64;
            if ptr.is_null() {
                return None;
            }
            // SAFETY: `ptr` is a fresh allocation of `n` AtomicU64s made
            // with the layout Box<[AtomicU64]> frees with; all-zero bytes
            // are a valid AtomicU64 (same representation as u64).
            unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, n)) }
        };
        Some(Arc::new(SharedBlock { words, len: AtomicUsize::new(len) }))
    }

    /// The byte length now.
    #[inline]
    pub fn len(&self) -> usize {
        self.len.load(Ordering::Acquire)
    }

    /// Whether the block has no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes reserved (the most the block can grow to).
    pub fn capacity(&self) -> usize {
        self.words.len() * 8
    }

    /// Grows to `new_len` bytes (zeros, reserved already); false when
    /// another agent made it longer first or it exceeds the reservation.
    pub fn grow(&self, new_len: usize) -> bool {
        if new_len > self.capacity() {
            return false;
        }
        let cur = self.len();
        new_len >= cur && self.len.compare_exchange(cur, new_len, Ordering::AcqRel, Ordering::Acquire).is_ok()
    }

    /// Copies the bytes at `at..at + out.len()` (within the length) out.
    pub fn read(&self, at: usize, out: &mut [u8]) {
        let mut i = 0;
        while i < out.len() {
            let p = at + i;
            let Some(w) = self.words.get(p / 8) else { return };
            let word = w.load(Ordering::Relaxed).to_le_bytes();
            let from = p % 8;
            let n = (8 - from).min(out.len() - i);
            out[i..i + n].copy_from_slice(&word[from..from + n]);
            i += n;
        }
    }

    /// Stores `src` at `at..` (within the reservation).
    pub fn write(&self, at: usize, src: &[u8]) {
        let mut i = 0;
        while i < src.len() {
            let p = at + i;
            let Some(w) = self.words.get(p / 8) else { return };
            let from = p % 8;
            let n = (8 - from).min(src.len() - i);
            if n == 8 {
                let mut b = [0u8; 8];
                b.copy_from_slice(&src[i..i + 8]);
                w.store(u64::from_le_bytes(b), Ordering::Relaxed);
            } else {
                let _ = w.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |old| {
                    let mut b = old.to_le_bytes();
                    b[from..from + n].copy_from_slice(&src[i..i + n]);
                    Some(u64::from_le_bytes(b))
                });
            }
            i += n;
        }
    }

    /// The whole block's bytes, copied.
    pub fn snapshot(&self) -> Vec<u8> {
        let mut v = vec![0u8; self.len()];
        self.read(0, &mut v);
        v
    }

    /// Writes back the bytes of `new` that differ from `old` (a snapshot
    /// changed in place), leaving the others to what other agents store.
    pub fn write_changes(&self, old: &[u8], new: &[u8]) {
        let mut i = 0;
        while i < new.len().min(old.len()) {
            if new[i] == old[i] {
                i += 1;
                continue;
            }
            let start = i;
            while i < new.len().min(old.len()) && new[i] != old[i] {
                i += 1;
            }
            self.write(start, &new[start..i]);
        }
    }

    /// A sequentially consistent read-modify-write of the `size`-byte
    /// element at byte `at` (naturally aligned: it lies in one word):
    /// returns the old element bits. `f` gets and returns element bits.
    pub fn rmw(&self, at: usize, size: usize, f: impl Fn(u64) -> u64) -> u64 {
        let Some(w) = self.words.get(at / 8) else { return 0 };
        let shift = 8 * (at % 8) as u32;
        let mask = if size >= 8 { u64::MAX } else { ((1u64 << (8 * size)) - 1) << shift };
        let mut old_elem = 0;
        let _ = w.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |old| {
            old_elem = (old & mask) >> shift;
            let new_elem = (f(old_elem) << shift) & mask;
            Some((old & !mask) | new_elem)
        });
        old_elem
    }

    /// A sequentially consistent load of the element at byte `at`.
    pub fn load(&self, at: usize, size: usize) -> u64 {
        let Some(w) = self.words.get(at / 8) else { return 0 };
        let shift = 8 * (at % 8) as u32;
        let mask = if size >= 8 { u64::MAX } else { (1u64 << (8 * size)) - 1 };
        (w.load(Ordering::SeqCst) >> shift) & mask
    }

    fn id(self: &Arc<Self>) -> usize {
        Arc::as_ptr(self) as usize
    }
}

// ---- the WaiterList ----------------------------------------------------------

struct SyncWaiter {
    notified: AtomicBool,
    cv: Condvar,
}

/// Where notifications of a thread's `waitAsync` promises arrive.
#[derive(Default)]
struct Inbox {
    tokens: Mutex<Vec<u64>>,
}

enum WaiterKind {
    Sync(Arc<SyncWaiter>),
    Async { token: u64, inbox: Arc<Inbox> },
}

struct Waiter {
    block: usize,
    /// Keeps the block (and so its address, the key) alive.
    _keep: Arc<SharedBlock>,
    at: usize,
    kind: WaiterKind,
}

static WAITERS: Mutex<Vec<Waiter>> = Mutex::new(Vec::new());
static NEXT_TOKEN: AtomicU64 = AtomicU64::new(1);

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A `waitAsync` promise of this thread, waiting.
struct AsyncWaiter {
    /// The owning VM's interrupt flag: its address names the VM (held, so
    /// the address is not reused while the entry lives).
    vm: Arc<AtomicBool>,
    token: u64,
    promise: Value,
    deadline: Option<Instant>,
}

thread_local! {
    static INBOX: Arc<Inbox> = Arc::new(Inbox::default());
    static PENDING: RefCell<Vec<AsyncWaiter>> = const { RefCell::new(Vec::new()) };
}

/// How a wait ended.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WaitResult {
    /// The value was not the expected one.
    NotEqual,
    /// The timeout passed.
    TimedOut,
    /// A notify woke the waiter.
    Ok,
}

impl WaitResult {
    /// The string `Atomics.wait` returns.
    pub fn as_str(self) -> &'static str {
        match self {
            WaitResult::NotEqual => "not-equal",
            WaitResult::TimedOut => "timed-out",
            WaitResult::Ok => "ok",
        }
    }
}

fn deadline_after(timeout_ms: f64) -> Option<Instant> {
    // Beyond ~30 years is forever.
    if timeout_ms.is_finite() && timeout_ms < 1e12 {
        Instant::now().checked_add(Duration::from_micros((timeout_ms * 1000.0) as u64))
    } else {
        None
    }
}

/// DoWait, synchronous: blocks this thread until notified, the timeout
/// (ms, possibly infinite) passes, or the VM is interrupted (a
/// termination).
pub fn wait_sync(
    vm: &mut Vm,
    block: &Arc<SharedBlock>,
    at: usize,
    size: usize,
    expected: u64,
    timeout_ms: f64,
) -> JsResult<WaitResult> {
    let mut list = lock(&WAITERS);
    if block.load(at, size) != expected {
        return Ok(WaitResult::NotEqual);
    }
    let deadline = deadline_after(timeout_ms);
    let me = Arc::new(SyncWaiter { notified: AtomicBool::new(false), cv: Condvar::new() });
    list.push(Waiter { block: block.id(), _keep: block.clone(), at, kind: WaiterKind::Sync(me.clone()) });
    let remove = |list: &mut Vec<Waiter>| {
        list.retain(|w| !matches!(&w.kind, WaiterKind::Sync(s) if Arc::ptr_eq(s, &me)));
    };
    loop {
        if me.notified.load(Ordering::Acquire) {
            return Ok(WaitResult::Ok);
        }
        if vm.interrupted() {
            remove(&mut list);
            return Err(Exception::TERMINATION);
        }
        let now = Instant::now();
        let slice = match deadline {
            Some(d) if d <= now => {
                remove(&mut list);
                return Ok(WaitResult::TimedOut);
            }
            Some(d) => (d - now).min(Duration::from_millis(20)),
            None => Duration::from_millis(20),
        };
        list = me.cv.wait_timeout(list, slice).map(|(g, _)| g).unwrap_or_else(|e| e.into_inner().0);
    }
}

/// DoWait, asynchronous, once the value compared equal and the timeout is
/// not zero: registers `promise` (pinned in `vm` until settled). Returns
/// `NotEqual` (nothing registered) when the value changed meanwhile.
pub fn wait_async(
    vm: &mut Vm,
    block: &Arc<SharedBlock>,
    at: usize,
    size: usize,
    expected: u64,
    timeout_ms: f64,
    promise: Gc<JsObject>,
) -> WaitResult {
    let mut list = lock(&WAITERS);
    if block.load(at, size) != expected {
        return WaitResult::NotEqual;
    }
    let token = NEXT_TOKEN.fetch_add(1, Ordering::Relaxed);
    let inbox = INBOX.with(Arc::clone);
    list.push(Waiter { block: block.id(), _keep: block.clone(), at, kind: WaiterKind::Async { token, inbox } });
    drop(list);
    let promise = Value::from_gc(promise);
    vm.roots.pinned.push(promise);
    let deadline = deadline_after(timeout_ms);
    PENDING.with(|p| p.borrow_mut().push(AsyncWaiter { vm: vm.interrupt.clone(), token, promise, deadline }));
    WaitResult::Ok
}

/// NotifyWaiter for up to `count` waiters on the location, oldest first:
/// how many were woken. Async waiters of this VM are resolved at once.
pub fn notify(vm: &mut Vm, block: &Arc<SharedBlock>, at: usize, count: f64) -> JsResult<usize> {
    let id = block.id();
    let mut n = 0usize;
    {
        let mut list = lock(&WAITERS);
        let mut i = 0;
        while i < list.len() && (n as f64) < count {
            if list[i].block == id && list[i].at == at {
                let w = list.remove(i);
                match w.kind {
                    WaiterKind::Sync(s) => {
                        s.notified.store(true, Ordering::Release);
                        s.cv.notify_one();
                    }
                    WaiterKind::Async { token, inbox } => lock(&inbox.tokens).push(token),
                }
                n += 1;
            } else {
                i += 1;
            }
        }
    }
    poll_async_waiters(vm)?;
    Ok(n)
}

/// Settles this VM's `waitAsync` promises that were notified ("ok") or
/// whose timeout passed ("timed-out"); drops entries of VMs that no
/// longer exist.
pub fn poll_async_waiters(vm: &mut Vm) -> JsResult<()> {
    let any = PENDING.with(|p| !p.borrow().is_empty());
    if !any {
        return Ok(());
    }
    let now = Instant::now();
    let mut settled: Vec<(Value, WaitResult)> = Vec::new();
    // Timeouts and dead VMs: out of the WaiterList first (a waiter still
    // in it was not notified).
    let gone: Vec<u64> = PENDING.with(|p| {
        p.borrow()
            .iter()
            .filter(|w| {
                Arc::strong_count(&w.vm) == 1
                    || (Arc::ptr_eq(&w.vm, &vm.interrupt) && w.deadline.is_some_and(|d| d <= now))
            })
            .map(|w| w.token)
            .collect()
    });
    if !gone.is_empty() {
        let mut list = lock(&WAITERS);
        let mut removed = Vec::new();
        list.retain(|w| match &w.kind {
            WaiterKind::Async { token, .. } if gone.contains(token) => {
                removed.push(*token);
                false
            }
            _ => true,
        });
        drop(list);
        PENDING.with(|p| {
            p.borrow_mut().retain(|w| {
                if Arc::strong_count(&w.vm) == 1 {
                    return false;
                }
                if removed.contains(&w.token) {
                    settled.push((w.promise, WaitResult::TimedOut));
                    return false;
                }
                true
            })
        });
    }
    // Notifications.
    let tokens: Vec<u64> = INBOX.with(|i| std::mem::take(&mut *lock(&i.tokens)));
    if !tokens.is_empty() {
        let mut foreign = Vec::new();
        PENDING.with(|p| {
            let mut p = p.borrow_mut();
            for t in tokens {
                match p.iter().position(|w| w.token == t) {
                    Some(k) if Arc::ptr_eq(&p[k].vm, &vm.interrupt) => {
                        let w = p.remove(k);
                        settled.push((w.promise, WaitResult::Ok));
                    }
                    // Another live VM of this thread: leave it for its poll.
                    Some(k) if Arc::strong_count(&p[k].vm) > 1 => foreign.push(t),
                    Some(k) => {
                        p.remove(k);
                    }
                    None => {}
                }
            }
        });
        if !foreign.is_empty() {
            INBOX.with(|i| lock(&i.tokens).extend(foreign));
        }
    }
    // The promises stay pinned until fulfilled.
    for &(p, r) in &settled {
        let s = vm.string_value(r.as_str());
        if let (Some(obj), Ok(s)) = (p.as_gc::<JsObject>(), s) {
            vm.fulfill_promise(obj, s);
        }
        if let Some(pos) = vm.roots.pinned.iter().position(|v| *v == p) {
            vm.roots.pinned.swap_remove(pos);
        }
    }
    Ok(())
}

/// Whether this VM has `waitAsync` promises still waiting.
pub fn has_async_waiters(vm: &Vm) -> bool {
    PENDING.with(|p| p.borrow().iter().any(|w| Arc::ptr_eq(&w.vm, &vm.interrupt)))
}

/// The earliest `waitAsync` deadline of this VM, if any.
pub fn next_async_deadline(vm: &Vm) -> Option<Instant> {
    PENDING.with(|p| p.borrow().iter().filter(|w| Arc::ptr_eq(&w.vm, &vm.interrupt)).filter_map(|w| w.deadline).min())
}

/// Forgets this VM's waiting `waitAsync` promises (the host is done with
/// the VM): they leave the WaiterList and are never settled.
pub fn forget_async_waiters(vm: &mut Vm) {
    let tokens: Vec<u64> = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        let mine: Vec<u64> = p.iter().filter(|w| Arc::ptr_eq(&w.vm, &vm.interrupt)).map(|w| w.token).collect();
        p.retain(|w| !Arc::ptr_eq(&w.vm, &vm.interrupt));
        mine
    });
    if !tokens.is_empty() {
        lock(&WAITERS).retain(|w| !matches!(&w.kind, WaiterKind::Async { token, .. } if tokens.contains(token)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_lanes_of_one_word_do_not_lose_updates() {
        let block = SharedBlock::new(16, 16).expect("a small block");
        let threads: Vec<_> = (0..4)
            .map(|k| {
                let b = block.clone();
                std::thread::spawn(move || {
                    for _ in 0..10_000 {
                        // Two threads add to the Int32 at 0, two to the
                        // Int16 at 4; plain byte writes hit byte 7.
                        if k % 2 == 0 {
                            b.rmw(0, 4, |x| x.wrapping_add(1));
                        } else {
                            b.rmw(4, 2, |x| x.wrapping_add(1));
                        }
                        b.write(7, &[k as u8]);
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().expect("the thread ends");
        }
        assert_eq!(block.load(0, 4), 20_000);
        assert_eq!(block.load(4, 2), 20_000);
        assert_eq!(block.load(6, 1), 0);
    }

    #[test]
    fn reads_and_writes_straddle_words_and_growth_keeps_bytes() {
        let block = SharedBlock::new(12, 24).expect("a small block");
        block.write(5, &[1, 2, 3, 4, 5, 6]);
        let mut out = [0u8; 6];
        block.read(5, &mut out);
        assert_eq!(out, [1, 2, 3, 4, 5, 6]);
        assert!(block.grow(20));
        assert!(!block.grow(25));
        assert_eq!(block.len(), 20);
        assert_eq!(&block.snapshot()[5..11], &[1, 2, 3, 4, 5, 6]);
        let old = block.snapshot();
        let mut new = old.clone();
        new[19] = 9;
        block.write(0, &[7]);
        block.write_changes(&old, &new);
        assert_eq!(block.load(0, 1), 7, "bytes the copy did not change keep other writes");
        assert_eq!(block.load(19, 1), 9);
    }
}
