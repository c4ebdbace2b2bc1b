//! The progress bar: one line on stderr, redrawn at most ten times a
//! second, only when stdout and stderr are terminals (a CI log or a pipe
//! gets the summary alone).

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// A progress line.
pub struct Progress {
    enabled: bool,
    total: usize,
    done: usize,
    failed: usize,
    start: Instant,
    last_draw: Option<Instant>,
}

const WIDTH: usize = 30;

impl Progress {
    /// A bar for `total` runs; drawn only on a terminal.
    pub fn new(total: usize) -> Progress {
        let enabled = std::io::stdout().is_terminal() && std::io::stderr().is_terminal();
        Progress { enabled, total, done: 0, failed: 0, start: Instant::now(), last_draw: None }
    }

    /// Counts one verdict.
    pub fn tick(&mut self, passed: bool) {
        self.done += 1;
        self.failed += !passed as usize;
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        if self.done < self.total && self.last_draw.is_some_and(|t| now - t < Duration::from_millis(100)) {
            return;
        }
        self.last_draw = Some(now);
        let filled = WIDTH * self.done / self.total.max(1);
        let elapsed = self.start.elapsed().as_secs_f64();
        let eta = if self.done == 0 { 0.0 } else { elapsed * (self.total - self.done) as f64 / self.done as f64 };
        let pass_rate = 100.0 * (self.done - self.failed) as f64 / self.done.max(1) as f64;
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r[{}{}] {}/{} pass {:.1}% fail {} {:.0}s eta {:.0}s ",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            self.done,
            self.total,
            pass_rate,
            self.failed,
            elapsed,
            eta
        );
        let _ = err.flush();
    }

    /// Clears the line.
    pub fn finish(&mut self) {
        if self.enabled {
            let _ = write!(std::io::stderr(), "\r{}\r", " ".repeat(WIDTH + 70));
        }
    }
}
