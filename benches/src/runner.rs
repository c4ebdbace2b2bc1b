//! The suite loop: finds the benchmark scripts, then runs one process per
//! (benchmark, run, configuration), interleaved so that machine noise hits
//! every configuration alike:
//!
//! ```text
//! for benchmark:                 richards
//!   for run in 1..=runs:           run 1: A B C   run 2: A B C   ...
//!     for config: one process
//! ```
//!
//! Fed by the resolved configurations (`config.rs`) and options; feeds raw
//! [`RunRecord`]s to `results.rs`. A failing engine (non-zero exit, no
//! `total_us` line, timeout, cannot start) becomes a failed record with the
//! tail of its stderr, never an error of the runner. Progress goes to
//! stderr, one line per (benchmark, run), so stdout stays the Markdown.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::config::{Config, ScriptArgs, exit_text};
use crate::process::{self, Exit};
use crate::results::RunRecord;
use crate::script_output;

/// A benchmark script: its name (file stem) and path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Benchmark {
    /// File stem, e.g. `richards`.
    pub name: String,
    /// The script.
    pub path: PathBuf,
}

/// The `*.js` files of `suite`, by name; only those named in `filter` if
/// given (an unknown name is an error that lists the known ones).
pub fn discover(suite: &Path, filter: Option<&[String]>) -> Result<Vec<Benchmark>, String> {
    let entries =
        std::fs::read_dir(suite).map_err(|e| format!("cannot read the suite folder {}: {e}", suite.display()))?;
    let mut all: Vec<Benchmark> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "js") && p.is_file())
        .filter_map(|p| Some(Benchmark { name: p.file_stem()?.to_str()?.to_string(), path: p }))
        .collect();
    all.sort_by(|a, b| a.name.cmp(&b.name));
    if all.is_empty() {
        return Err(format!("no *.js benchmark scripts in {}", suite.display()));
    }
    let Some(names) = filter else { return Ok(all) };
    let known: Vec<&str> = all.iter().map(|b| b.name.as_str()).collect();
    if let Some(unknown) = names.iter().find(|n| !known.contains(&n.as_str())) {
        return Err(format!("no benchmark '{unknown}' in {} (there are: {})", suite.display(), known.join(", ")));
    }
    Ok(all.into_iter().filter(|b| names.contains(&b.name)).collect())
}

/// What to run.
pub struct Plan<'a> {
    /// The scripts.
    pub benchmarks: &'a [Benchmark],
    /// The configurations, each ready to run.
    pub configs: &'a [&'a Config],
    /// Processes per (benchmark, configuration).
    pub runs: u32,
    /// The scripts' arguments.
    pub args: &'a ScriptArgs,
    /// Per-process limit.
    pub timeout: Duration,
}

/// Runs the plan, reporting progress to `progress`.
pub fn run_suite(plan: &Plan, progress: &mut dyn Write) -> Vec<RunRecord> {
    let mut records = Vec::new();
    for bench in plan.benchmarks {
        for run in 1..=plan.runs {
            let _ = write!(progress, "{:<12} run {run}/{}:", bench.name, plan.runs);
            let _ = progress.flush();
            for config in plan.configs {
                let r = run_one(bench, config, run, plan);
                let shown = match (r.ok, r.total_us) {
                    (true, Some(us)) => format!("{:.1} ms", us as f64 / 1000.0),
                    _ => "FAILED".to_string(),
                };
                let _ = write!(progress, "  {} {shown}", config.spec.name);
                let _ = progress.flush();
                records.push(r);
            }
            let _ = writeln!(progress);
        }
    }
    records
}

/// One process of `config` on `bench`.
fn run_one(bench: &Benchmark, config: &Config, run: u32, plan: &Plan) -> RunRecord {
    let args = config.args(&bench.path, plan.args);
    let mut record = RunRecord {
        benchmark: bench.name.clone(),
        config: config.spec.name.to_string(),
        run,
        ok: false,
        failure: None,
        exit_code: None,
        signal: None,
        timed_out: false,
        total_us: None,
        iterations_us: Vec::new(),
        wall_us: 0,
        cpu_us: 0,
        max_rss_kib: 0,
        stderr_tail: None,
    };
    let outcome = match process::run(&config.program, &args, Some(plan.timeout)) {
        Ok(o) => o,
        Err(e) => {
            record.failure = Some(e);
            return record;
        }
    };
    let figures = script_output::parse(&outcome.stdout);
    record.total_us = figures.total_us;
    record.iterations_us = figures.iterations_us;
    record.wall_us = outcome.wall.as_micros().try_into().unwrap_or(u64::MAX);
    record.cpu_us = outcome.cpu.as_micros().try_into().unwrap_or(u64::MAX);
    record.max_rss_kib = outcome.max_rss_kib;
    match outcome.exit {
        Exit::Code(c) => record.exit_code = Some(c),
        Exit::Signal(s) => record.signal = Some(s),
        Exit::TimedOut => record.timed_out = true,
    }
    record.failure = match (outcome.exit, figures.total_us) {
        (Exit::Code(0), Some(_)) => None,
        (Exit::Code(0), None) => Some("no total_us line in the output".to_string()),
        (Exit::TimedOut, _) => Some(format!("timed out after {} s", plan.timeout.as_secs_f64())),
        (exit, _) => Some(exit_text(exit)),
    };
    record.ok = record.failure.is_none();
    if !record.ok {
        // Some engines print an uncaught error to stdout: fall back to it.
        let text = if outcome.stderr.trim().is_empty() { &outcome.stdout } else { &outcome.stderr };
        record.stderr_tail = Some(tail(text, 12, 2000));
    }
    record
}

/// The last `lines` lines of `text`, at most `max_chars` characters.
fn tail(text: &str, lines: usize, max_chars: usize) -> String {
    let all: Vec<&str> = text.trim_end().lines().collect();
    let t = all[all.len().saturating_sub(lines)..].join("\n");
    let n = t.chars().count();
    if n <= max_chars { t } else { t.chars().skip(n - max_chars).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_keeps_the_end() {
        assert_eq!(tail("a\nb\nc\n", 2, 100), "b\nc");
        assert_eq!(tail("abcdef", 5, 3), "def");
        assert_eq!(tail("", 5, 3), "");
    }

    #[test]
    fn discover_finds_and_filters_scripts() {
        let dir = std::env::temp_dir().join(format!("strata-bench-discover-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        for f in ["b.js", "a.js", "notes.md"] {
            std::fs::write(dir.join(f), "").expect("write");
        }
        let all = discover(&dir, None).expect("scripts");
        assert_eq!(all.iter().map(|b| b.name.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        let one = discover(&dir, Some(&["b".to_string()])).expect("b");
        assert_eq!(one.len(), 1);
        assert!(discover(&dir, Some(&["zz".to_string()])).unwrap_err().contains("there are: a, b"));
        assert!(discover(&dir.join("missing"), None).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
