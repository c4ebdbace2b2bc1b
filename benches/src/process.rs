//! Running one engine process and measuring it from the outside: exit
//! status, wall time, peak resident set size and CPU time.
//!
//! Fed by the runner (`runner.rs`) with a program and its arguments; feeds
//! the run records. How:
//!
//! 1. spawn with stdin closed, stdout and stderr piped (each drained by a
//!    thread, so a chatty engine never blocks on a full pipe), in a process
//!    group of its own;
//! 2. `waitid(WEXITED | WNOWAIT)` blocks until the child has exited
//!    *without reaping it* — the wall clock stops here;
//! 3. a watchdog thread, if there is a timeout, kills the whole process
//!    group when the deadline passes first. Because the child is not
//!    reaped before the watchdog is told it exited, its pid (and process
//!    group id) cannot have been reused by then: the kill never hits a
//!    stranger;
//! 4. whatever the engine left running in its process group is killed (so
//!    a stray helper cannot hold the pipes open), then `wait4` reaps the
//!    child and returns its `rusage`: `ru_maxrss` is the peak RSS in KiB on
//!    Linux, `ru_utime + ru_stime` the CPU time (JIT engines compile on
//!    background threads, so it can exceed the wall time).

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// How a process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// It exited with this status.
    Code(i32),
    /// A signal killed it (not our timeout).
    Signal(i32),
    /// The timeout passed and the runner killed it.
    TimedOut,
}

/// What one process did.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// How it ended.
    pub exit: Exit,
    /// Its stdout, decoded as UTF-8 (lossily).
    pub stdout: String,
    /// Its stderr, decoded as UTF-8 (lossily).
    pub stderr: String,
    /// From just before spawn to its exit.
    pub wall: Duration,
    /// Peak resident set size in KiB (`ru_maxrss`).
    pub max_rss_kib: u64,
    /// User plus system CPU time.
    pub cpu: Duration,
}

/// The watchdog's view of the child.
#[derive(Default)]
struct Watch {
    exited: bool,
    killed: bool,
}

/// Runs `program args…` to completion (or `timeout`), measuring it. An
/// error only when the process could not be started or waited for.
pub fn run(program: &Path, args: &[String], timeout: Option<Duration>) -> Result<Outcome, String> {
    let mut command = Command::new(program);
    command.args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).process_group(0);
    let start = Instant::now();
    let mut child = command.spawn().map_err(|e| format!("cannot start {}: {e}", program.display()))?;
    let pid = child.id() as libc::pid_t;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());

    let watch = Arc::new((Mutex::new(Watch::default()), Condvar::new()));
    let watchdog = timeout.map(|limit| {
        let watch = Arc::clone(&watch);
        thread::spawn(move || {
            let deadline = start + limit;
            let (lock, wake) = &*watch;
            let Ok(mut w) = lock.lock() else { return };
            while !w.exited {
                let now = Instant::now();
                if now >= deadline {
                    // SAFETY: kill has no memory effects; the group leader
                    // is not reaped yet (`exited` is false), so the id is ours.
                    unsafe { libc::kill(-pid, libc::SIGKILL) };
                    w.killed = true;
                    return;
                }
                w = match wake.wait_timeout(w, deadline - now) {
                    Ok((w, _)) => w,
                    Err(_) => return,
                };
            }
        })
    });

    let waited = wait_for_exit(pid);
    let wall = start.elapsed();
    let killed = {
        let (lock, wake) = &*watch;
        let mut w = lock.lock().map_err(|_| "the timeout watchdog failed".to_string())?;
        w.exited = true;
        wake.notify_all();
        w.killed
    };
    if let Some(handle) = watchdog {
        let _ = handle.join();
    }
    waited?;
    // SAFETY: as above; the leader is a zombie, so the group id is still ours.
    unsafe { libc::kill(-pid, libc::SIGKILL) };
    let (status, usage) = reap(pid)?;
    // The child is reaped by hand: std's handle must not wait for it again.
    drop(child);

    let exit = if killed {
        Exit::TimedOut
    } else if libc::WIFEXITED(status) {
        Exit::Code(libc::WEXITSTATUS(status))
    } else if libc::WIFSIGNALED(status) {
        Exit::Signal(libc::WTERMSIG(status))
    } else {
        Exit::Code(-1)
    };
    let cpu = timeval(usage.ru_utime) + timeval(usage.ru_stime);
    Ok(Outcome {
        exit,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        wall,
        max_rss_kib: u64::try_from(usage.ru_maxrss).unwrap_or(0),
        cpu,
    })
}

/// Reads a pipe to its end on a thread of its own.
fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Blocks until `pid` has exited, leaving it unreaped (a zombie).
fn wait_for_exit(pid: libc::pid_t) -> Result<(), String> {
    loop {
        // SAFETY: siginfo_t is plain data; waitid writes into it.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        // SAFETY: a valid pointer to our local; pid is our child.
        let r = unsafe { libc::waitid(libc::P_PID, pid as libc::id_t, &mut info, libc::WEXITED | libc::WNOWAIT) };
        if r == 0 {
            return Ok(());
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("waiting for process {pid}: {e}"));
        }
    }
}

/// Reaps `pid`, returning its wait status and resource usage.
fn reap(pid: libc::pid_t) -> Result<(i32, libc::rusage), String> {
    loop {
        let mut status = 0;
        // SAFETY: rusage is plain data; wait4 writes into it.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: valid pointers to our locals; pid is our exited child.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            return Ok((status, usage));
        }
        let e = std::io::Error::last_os_error();
        if r < 0 && e.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("reaping process {pid}: {e}"));
        }
    }
}

fn timeval(t: libc::timeval) -> Duration {
    Duration::from_secs(t.tv_sec.max(0) as u64) + Duration::from_micros(t.tv_usec.max(0) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str, timeout: Option<Duration>) -> Outcome {
        run(Path::new("/bin/sh"), &["-c".to_string(), script.to_string()], timeout).expect("sh starts")
    }

    #[test]
    fn exit_status_output_and_rss() {
        let out = sh("echo out; echo err >&2; exit 3", None);
        assert_eq!(out.exit, Exit::Code(3));
        assert_eq!(out.stdout, "out\n");
        assert_eq!(out.stderr, "err\n");
        assert!(out.max_rss_kib > 0);
    }

    #[test]
    fn timeout_kills_the_process_group() {
        let t0 = Instant::now();
        let out = sh("sleep 30; echo never", Some(Duration::from_millis(200)));
        assert_eq!(out.exit, Exit::TimedOut);
        assert!(t0.elapsed() < Duration::from_secs(10));
        assert!(!out.stdout.contains("never"));
    }

    #[test]
    fn signal_and_missing_program() {
        let out = sh("kill -TERM $$", None);
        assert_eq!(out.exit, Exit::Signal(libc::SIGTERM));
        assert!(run(Path::new("/nonexistent/engine"), &[], None).is_err());
    }
}
