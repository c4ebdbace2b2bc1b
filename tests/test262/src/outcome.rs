//! A run's verdict, and its one-line form on the worker protocol
//! (`worker.rs` writes it, `pool.rs` reads it).
//!
//! Protocol: the supervisor writes `<mode>\t<path>\n` to a worker's stdin;
//! the worker answers `[MARKER]<status>\t<milliseconds>\t<reason>\n` on
//! stdout. The marker keeps anything else the engine may write to stdout
//! from being read as a verdict. Reasons are one line (newlines and tabs
//! become spaces) and at most [`MAX_REASON`] bytes.

use std::fmt;

/// Starts every answer line of the protocol.
pub const MARKER: &str = "\u{1e}strata-test262\t";

/// Longest reason kept (a message, not a dump).
pub const MAX_REASON: usize = 400;

/// How a run ended.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// As the test expects.
    Pass,
    /// Not as expected (an uncaught error, a missing negative error, a
    /// construct that does not compile yet).
    Fail,
    /// Interrupted by the watchdog after the per-test timeout.
    Timeout,
    /// The engine panicked; the worker caught it.
    Panic,
    /// The worker process died (a signal: stack overflow, abort) or had to
    /// be killed; the supervisor restarted it.
    Crash,
}

impl Status {
    /// The word on the protocol and in the JSON file.
    pub fn name(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Timeout => "timeout",
            Status::Panic => "panic",
            Status::Crash => "crash",
        }
    }

    fn from_name(s: &str) -> Option<Status> {
        [Status::Pass, Status::Fail, Status::Timeout, Status::Panic, Status::Crash].into_iter().find(|st| st.name() == s)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A verdict with its reason (empty for a pass) and duration.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// How it ended.
    pub status: Status,
    /// Why it failed.
    pub reason: String,
    /// Wall time of the run in milliseconds (set by the worker).
    pub millis: u64,
}

impl Outcome {
    /// A pass.
    pub fn pass() -> Outcome {
        Outcome { status: Status::Pass, reason: String::new(), millis: 0 }
    }
    /// A failure for `reason`.
    pub fn fail(reason: impl Into<String>) -> Outcome {
        Outcome { status: Status::Fail, reason: reason.into(), millis: 0 }
    }
    /// A timeout.
    pub fn timeout() -> Outcome {
        Outcome { status: Status::Timeout, reason: "timed out (interrupted)".into(), millis: 0 }
    }
    /// Any status with a reason.
    pub fn new(status: Status, reason: impl Into<String>) -> Outcome {
        Outcome { status, reason: reason.into(), millis: 0 }
    }

    /// The protocol line (without the newline).
    pub fn encode(&self) -> String {
        format!("{MARKER}{}\t{}\t{}", self.status, self.millis, one_line(&self.reason))
    }

    /// Reads a protocol line.
    pub fn decode(line: &str) -> Option<Outcome> {
        let mut parts = line.strip_prefix(MARKER)?.splitn(3, '\t');
        let status = Status::from_name(parts.next()?)?;
        let millis = parts.next()?.parse().ok()?;
        let reason = parts.next().unwrap_or("").to_string();
        Some(Outcome { status, reason, millis })
    }
}

/// `text` on one line, cut to [`MAX_REASON`] bytes at a character boundary.
pub fn one_line(text: &str) -> String {
    let mut s: String = text.chars().map(|c| if c == '\n' || c == '\t' || c == '\r' { ' ' } else { c }).collect();
    if s.len() > MAX_REASON {
        let mut cut = MAX_REASON;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_on_one_line() {
        let o = Outcome { status: Status::Fail, reason: "Test262Error: a\nb\tc".into(), millis: 12 };
        let line = o.encode();
        assert!(!line.contains('\n'));
        let back = Outcome::decode(&line).unwrap();
        assert_eq!(back.status, Status::Fail);
        assert_eq!(back.millis, 12);
        assert_eq!(back.reason, "Test262Error: a b c");
    }
}
