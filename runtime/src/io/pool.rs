//! The worker pool: where host I/O runs so that the main thread never
//! blocks on it (libuv's threadpool; up to [`POOL_SIZE`] threads, its
//! default of 4, started on demand).
//!
//! ```text
//!   main thread                          workers (std threads)
//!   ───────────                          ─────────────────────
//!   submit(id, FsOp) ──── work channel ──▶ FsOp::run()  (blocking call)
//!   poll phase: recv ◀── completion channel ── Completion { id, result }
//! ```
//!
//! Both channels carry plain owned data ([`FsOp`], [`FsResult`]): no engine
//! value crosses a thread (STYLE.md, "plain data across threads"). The
//! completion channel is the event loop's wake-up: when it has nothing
//! else to do the main thread blocks on it with a timeout, the time to the
//! next timer.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::ops::{FsError, FsOp, FsResult};

/// Worker threads at most (libuv's `UV_THREADPOOL_SIZE` default).
pub const POOL_SIZE: usize = 4;

/// Names one pending host operation in the event table.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct OpId(pub u64);

/// A finished operation, sent from a worker to the main thread.
#[derive(Debug)]
pub struct Completion {
    /// Which operation.
    pub id: OpId,
    /// What it produced.
    pub result: FsResult,
    /// How long the worker spent on it.
    pub worked: Duration,
}

struct Work {
    id: OpId,
    op: FsOp,
}

/// The pool and both channels' main-thread ends.
pub struct WorkerPool {
    work_tx: Sender<Work>,
    work_rx: Arc<Mutex<Receiver<Work>>>,
    done_tx: Sender<Completion>,
    done_rx: Receiver<Completion>,
    workers: usize,
    /// Operations submitted and not yet received back.
    in_flight: usize,
}

impl Default for WorkerPool {
    fn default() -> Self {
        WorkerPool::new()
    }
}

impl WorkerPool {
    /// A pool with no thread started yet.
    pub fn new() -> WorkerPool {
        let (work_tx, work_rx) = mpsc::channel();
        let (done_tx, done_rx) = mpsc::channel();
        WorkerPool { work_tx, work_rx: Arc::new(Mutex::new(work_rx)), done_tx, done_rx, workers: 0, in_flight: 0 }
    }

    /// Operations submitted whose completion has not been received.
    pub fn in_flight(&self) -> usize {
        self.in_flight
    }

    /// Hands `op` to a worker, starting one if fewer than [`POOL_SIZE`]
    /// run and every running one may be busy. If no thread can be started
    /// at all, the operation completes at once with an error.
    pub fn submit(&mut self, id: OpId, op: FsOp) {
        self.in_flight += 1;
        if self.workers < POOL_SIZE.min(self.in_flight) {
            self.spawn_worker();
        }
        if self.workers == 0 {
            let result = Err(FsError::Internal("cannot start an I/O worker thread".into()));
            let _ = self.done_tx.send(Completion { id, result, worked: Duration::ZERO });
            return;
        }
        if let Err(mpsc::SendError(work)) = self.work_tx.send(Work { id, op }) {
            // Unreachable while `work_rx` lives in `self`; reported, not panicked.
            let result = Err(FsError::Internal("the I/O work channel is closed".into()));
            let _ = self.done_tx.send(Completion { id: work.id, result, worked: Duration::ZERO });
        }
    }

    fn spawn_worker(&mut self) {
        let work_rx = Arc::clone(&self.work_rx);
        let done_tx = self.done_tx.clone();
        let name = format!("strata-io-{}", self.workers);
        let spawned = std::thread::Builder::new().name(name).stack_size(256 << 10).spawn(move || worker(work_rx, done_tx));
        if spawned.is_ok() {
            self.workers += 1;
        }
    }

    /// The next completion, waiting at most `timeout` (`None`: until one
    /// arrives). Returns `None` on timeout.
    pub fn wait(&mut self, timeout: Option<Duration>) -> Option<Completion> {
        let got = match timeout {
            Some(t) if t.is_zero() => self.done_rx.try_recv().ok(),
            Some(t) => match self.done_rx.recv_timeout(t) {
                Ok(c) => Some(c),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => None,
            },
            // `done_tx` lives in `self`, so this cannot disconnect.
            None => self.done_rx.recv().ok(),
        };
        if got.is_some() {
            self.in_flight -= 1;
        }
        got
    }
}

/// A worker: takes work until the pool (and with it the channel's sender)
/// is dropped. A panicking operation is reported as an internal error of
/// that operation; the worker goes on.
fn worker(work_rx: Arc<Mutex<Receiver<Work>>>, done_tx: Sender<Completion>) {
    loop {
        // Hold the lock only to take one item.
        let next = match work_rx.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(Work { id, op }) = next else { return };
        let start = Instant::now();
        let result = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| op.run())) {
            Ok(r) => r,
            Err(_) => Err(FsError::Internal("the operation panicked".into())),
        };
        if done_tx.send(Completion { id, result, worked: start.elapsed() }).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::ops::FsOutput;

    #[test]
    fn completions_come_back_for_every_submission() {
        let mut pool = WorkerPool::new();
        for i in 0..10 {
            pool.submit(OpId(i), FsOp::Stat { path: "/".into(), shown: "/".into(), follow: true });
        }
        assert_eq!(pool.in_flight(), 10);
        let mut seen: Vec<u64> = (0..10)
            .map(|_| {
                let c = pool.wait(Some(Duration::from_secs(10))).expect("a completion");
                assert!(matches!(c.result, Ok(FsOutput::Stat(_))));
                c.id.0
            })
            .collect();
        seen.sort();
        assert_eq!(seen, (0..10).collect::<Vec<_>>());
        assert_eq!(pool.in_flight(), 0);
        assert!(pool.workers <= POOL_SIZE);
        assert!(pool.wait(Some(Duration::from_millis(1))).is_none());
    }
}
