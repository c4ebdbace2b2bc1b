//! What machine a run was on, and when: cores, CPU model, kernel release,
//! memory, load average at the start and the end, and a UTC timestamp.
//!
//! Read from `/proc` and libc, never from a command, so it works wherever
//! Linux does; a figure that cannot be read is "unknown" or absent, never
//! an error. Feeds the Markdown header and `results.json`.

use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

/// The machine a suite ran on.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Machine {
    /// Logical CPUs available to the runner.
    pub cores: usize,
    /// CPU model name (`/proc/cpuinfo`).
    pub cpu: String,
    /// Kernel release (`uname -r`).
    pub kernel: String,
    /// Total memory, GiB (`/proc/meminfo`).
    pub memory_gib: Option<f64>,
    /// 1, 5 and 15 minute load averages when the run started.
    pub load_start: Option<[f64; 3]>,
    /// The same when it ended.
    pub load_end: Option<[f64; 3]>,
}

impl Machine {
    /// Reads everything but `load_end`.
    pub fn now() -> Machine {
        Machine {
            cores: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
            cpu: cpu_model().unwrap_or_else(|| "unknown".to_string()),
            kernel: kernel_release().unwrap_or_else(|| "unknown".to_string()),
            memory_gib: memory_gib(),
            load_start: load_average(),
            load_end: None,
        }
    }
}

/// The 1, 5 and 15 minute load averages.
pub fn load_average() -> Option<[f64; 3]> {
    let mut l = [0.0f64; 3];
    // SAFETY: getloadavg writes at most 3 doubles into our array.
    let n = unsafe { libc::getloadavg(l.as_mut_ptr(), 3) };
    (n == 3).then_some(l)
}

fn cpu_model() -> Option<String> {
    let info = std::fs::read_to_string("/proc/cpuinfo").ok()?;
    info.lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn kernel_release() -> Option<String> {
    std::fs::read_to_string("/proc/sys/kernel/osrelease").ok().map(|s| s.trim().to_string())
}

fn memory_gib() -> Option<f64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let kib: f64 = info.lines().find(|l| l.starts_with("MemTotal:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / (1024.0 * 1024.0))
}

/// The current time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn utc_timestamp() -> String {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    format_utc(secs)
}

/// Formats seconds since the Unix epoch as an ISO 8601 UTC time (the
/// civil-from-days conversion of Howard Hinnant's date algorithms).
fn format_utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_formatting() {
        assert_eq!(format_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(format_utc(1_700_000_000), "2023-11-14T22:13:20Z");
    }

    #[test]
    fn this_machine_reads() {
        let m = Machine::now();
        assert!(m.cores >= 1);
        assert!(!m.kernel.is_empty());
    }
}
