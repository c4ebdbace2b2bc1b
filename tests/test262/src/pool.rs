//! The supervisor: one worker process per job slot, fed one test at a
//! time over pipes, restarted when it dies.
//!
//! Each slot is a thread that owns a child (`strata-test262 --worker`),
//! takes the next job from a shared counter, writes it, and waits for the
//! answer. Because a worker holds exactly one test at a time, a dead worker
//! names its culprit: the slot records that test as `crash` (with the
//! signal and the last lines the worker wrote to stderr, e.g. Rust's
//! "has overflowed its stack") and starts a new worker for the next job. A
//! worker silent for well past the per-test timeout (its VM did not honour
//! the interrupt) is killed, by its process id, and its test is a timeout.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::metadata::Mode;
use crate::outcome::{Outcome, Status};

/// One run to make.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Job {
    /// Path relative to the test262 root (`test/language/...`).
    pub path: String,
    /// Mode.
    pub mode: Mode,
}

/// How to start workers and how long to wait for them.
#[derive(Clone, Debug)]
pub struct PoolConfig {
    /// Number of worker processes.
    pub workers: usize,
    /// Arguments after the runner's own path (`--worker ...`).
    pub worker_args: Vec<String>,
    /// Silence after which a worker is killed.
    pub hard_timeout: Duration,
}

/// Lines of a dead worker's stderr kept for the crash reason.
const STDERR_TAIL: usize = 6;

struct Worker {
    child: Child,
    stdin: ChildStdin,
    answers: Receiver<String>,
    stderr_tail: Arc<Mutex<VecDeque<String>>>,
    readers: Vec<JoinHandle<()>>,
}

impl Worker {
    fn spawn(config: &PoolConfig) -> std::io::Result<Worker> {
        // STRATA_TEST262_WORKER runs the workers with another command: a
        // cross-built runner under an emulator, e.g.
        // "qemu-aarch64-static -L /usr/aarch64-linux-gnu
        // target/aarch64-unknown-linux-gnu/release/strata-test262".
        let mut command = match std::env::var("STRATA_TEST262_WORKER") {
            Ok(line) if !line.trim().is_empty() => {
                let mut words = line.split_whitespace();
                let mut c = Command::new(words.next().unwrap_or_default());
                c.args(words);
                c
            }
            _ => Command::new(std::env::current_exe()?),
        };
        let mut child = command
            .args(&config.worker_args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = child.stdout.take().expect("piped stdout");
        let stderr = child.stderr.take().expect("piped stderr");
        let (tx, answers) = mpsc::channel();
        let out_reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let stderr_tail = Arc::new(Mutex::new(VecDeque::new()));
        let tail = stderr_tail.clone();
        let err_reader = std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                let mut t = tail.lock().unwrap();
                if t.len() == STDERR_TAIL {
                    t.pop_front();
                }
                t.push_back(line);
            }
        });
        Ok(Worker { child, stdin, answers, stderr_tail, readers: vec![out_reader, err_reader] })
    }

    /// Keeps a line the engine printed to stdout with the stderr tail.
    fn note_stray(&self, line: String) {
        let mut t = self.stderr_tail.lock().unwrap();
        if t.len() == STDERR_TAIL {
            t.pop_front();
        }
        t.push_back(line);
    }

    /// Reaps a worker that died or was killed: its exit described.
    fn bury(mut self) -> String {
        let status = self.child.wait();
        for r in self.readers.drain(..) {
            let _ = r.join();
        }
        let how = match status {
            Ok(s) => match s.signal() {
                Some(sig) => format!("signal {sig} ({})", signal_name(sig)),
                None => format!("exit status {}", s.code().unwrap_or(-1)),
            },
            Err(e) => format!("unknown status ({e})"),
        };
        let tail: Vec<String> = self.stderr_tail.lock().unwrap().iter().cloned().collect();
        if tail.is_empty() { how } else { format!("{how}; stderr: {}", tail.join(" | ")) }
    }
}

fn signal_name(sig: i32) -> &'static str {
    match sig {
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        15 => "SIGTERM",
        _ => "?",
    }
}

/// Runs every job; `on_result(index, outcome)` is called on the calling
/// thread as verdicts arrive (in completion order).
pub fn run(jobs: &[Job], config: &PoolConfig, mut on_result: impl FnMut(usize, Outcome)) {
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    std::thread::scope(|scope| {
        for _ in 0..config.workers.max(1) {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || slot(jobs, config, next, &tx));
        }
        drop(tx);
        for (i, outcome) in rx {
            on_result(i, outcome);
        }
    });
}

/// One job slot: feeds its worker until the jobs run out.
fn slot(jobs: &[Job], config: &PoolConfig, next: &AtomicUsize, results: &mpsc::Sender<(usize, Outcome)>) {
    let mut worker: Option<Worker> = None;
    loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(job) = jobs.get(i) else { break };
        let outcome = run_one(&mut worker, job, config);
        if results.send((i, outcome)).is_err() {
            break;
        }
    }
    if let Some(mut w) = worker {
        // EOF on stdin ends the worker's loop.
        drop(w.stdin);
        let _ = w.child.wait();
        for r in w.readers.drain(..) {
            let _ = r.join();
        }
    }
}

fn run_one(worker: &mut Option<Worker>, job: &Job, config: &PoolConfig) -> Outcome {
    // A worker that died between tests (it should not) gets one retry.
    for attempt in 0..2 {
        if worker.is_none() {
            match Worker::spawn(config) {
                Ok(w) => *worker = Some(w),
                Err(e) => return Outcome::new(Status::Crash, format!("cannot start a worker: {e}")),
            }
        }
        let w = worker.as_mut().expect("a worker was just started");
        let request = format!("{}\t{}\n", job.mode, job.path);
        if w.stdin.write_all(request.as_bytes()).and_then(|_| w.stdin.flush()).is_err() {
            let why = worker.take().map(Worker::bury).unwrap_or_default();
            if attempt == 0 {
                continue;
            }
            return Outcome::new(Status::Crash, format!("worker died before the test: {why}"));
        }
        let deadline = Instant::now() + config.hard_timeout;
        let answer = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match w.answers.recv_timeout(left) {
                // Lines without the marker are the engine's own output.
                Ok(line) => match Outcome::decode(&line) {
                    Some(o) => break Ok(o),
                    None => w.note_stray(line),
                },
                Err(e) => break Err(e),
            }
        };
        return match answer {
            Ok(outcome) => outcome,
            Err(RecvTimeoutError::Timeout) => {
                let mut dead = worker.take().expect("the worker is running");
                let _ = dead.child.kill();
                let why = dead.bury();
                Outcome::new(
                    Status::Timeout,
                    format!(
                        "worker killed after {} s: the VM did not honour the interrupt ({why})",
                        config.hard_timeout.as_secs()
                    ),
                )
            }
            Err(RecvTimeoutError::Disconnected) => {
                let why = worker.take().map(Worker::bury).unwrap_or_default();
                Outcome::new(Status::Crash, format!("worker crashed: {why}"))
            }
        };
    }
    unreachable!("the loop returns on its second attempt")
}
