//! The results of a suite run: every process's raw figures, the summary of
//! each (benchmark, configuration), the geometric means, and the context
//! (machine, settings, command lines, engine versions) — exactly what
//! `results.json` holds.
//!
//! Fed by the runner (raw [`RunRecord`]s); [`summarize`] derives the
//! [`Summary`]s and [`Geomean`]s, which the Markdown table (`markdown.rs`)
//! and the chart (`chart.rs`) read. Times in the summaries are in ms, RSS
//! in MiB; the raw records keep the engines' µs and the kernel's KiB.
//! Only successful runs enter a summary's figures; failures are counted.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::machine::Machine;
use crate::stats::{self, Spread};

/// One engine process.
#[derive(Clone, Debug, Serialize)]
pub struct RunRecord {
    /// Benchmark name (script file stem).
    pub benchmark: String,
    /// Configuration name.
    pub config: String,
    /// 1-based run number.
    pub run: u32,
    /// Whether it exited 0 and printed `total_us`.
    pub ok: bool,
    /// Why it failed, if it did.
    pub failure: Option<String>,
    /// Exit status, if it exited.
    pub exit_code: Option<i32>,
    /// The signal that killed it, if one did (timeouts excluded).
    pub signal: Option<i32>,
    /// Whether the runner killed it at the timeout.
    pub timed_out: bool,
    /// In-script total time (the last `total_us=N` line).
    pub total_us: Option<u64>,
    /// In-script time of each iteration, in order.
    pub iterations_us: Vec<u64>,
    /// Whole-process wall time, spawn to exit.
    pub wall_us: u64,
    /// User + system CPU time of the process.
    pub cpu_us: u64,
    /// Peak resident set size (`ru_maxrss`).
    pub max_rss_kib: u64,
    /// The end of its stderr, for failed runs.
    pub stderr_tail: Option<String>,
}

/// The runs of one (benchmark, configuration), summarized.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// Benchmark name.
    pub benchmark: String,
    /// Configuration name.
    pub config: String,
    /// Processes run.
    pub runs: usize,
    /// Of which succeeded.
    pub ok_runs: usize,
    /// In-script total time, ms.
    pub total_ms: Option<Spread>,
    /// Whole-process wall time, ms.
    pub wall_ms: Option<Spread>,
    /// Process CPU time, ms.
    pub cpu_ms: Option<Spread>,
    /// Median peak RSS, MiB.
    pub max_rss_mib: Option<f64>,
    /// The warm-up curve: for each iteration, the median over runs, ms.
    pub iteration_ms: Vec<f64>,
    /// Median total time / the reference's median total time.
    pub ratio: Option<f64>,
    /// The first failure's reason, if any run failed.
    pub failure: Option<String>,
}

/// The geometric mean of one configuration's ratios.
#[derive(Clone, Debug, Serialize)]
pub struct Geomean {
    /// Configuration name.
    pub config: String,
    /// The mean, over the benchmarks where both this configuration and the
    /// reference succeeded.
    pub ratio: Option<f64>,
    /// How many benchmarks that is.
    pub count: usize,
    /// How many benchmarks ran.
    pub of: usize,
}

/// How the suite was run.
#[derive(Clone, Debug, Serialize)]
pub struct Settings {
    /// Suite folder.
    pub suite: String,
    /// Processes per (benchmark, configuration).
    pub runs: u32,
    /// The scripts' ITERATIONS.
    pub iterations: u32,
    /// The scripts' INNER (`None`: standard sizes).
    pub inner: Option<u32>,
    /// Per-process limit, seconds.
    pub timeout_s: f64,
    /// The ratio base.
    pub reference: Option<String>,
}

/// A configuration of the table as this run saw it.
#[derive(Clone, Debug, Serialize)]
pub struct ConfigEntry {
    /// Short stable name.
    pub name: String,
    /// The engine's program name (`strata`, `node`, …), the key of `versions`.
    pub engine: String,
    /// What it measures.
    pub about: String,
    /// `found`, `not found` or `not available (…)`.
    pub status: String,
    /// Whether this run measured it (selected and found).
    pub ran: bool,
    /// Whether it was selected (`--configs`, or every one by default).
    pub selected: bool,
    /// Its command line, `BENCH` standing for the script's path.
    pub command: String,
}

/// Everything one suite run produced.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// When the run started, UTC (ISO 8601).
    pub timestamp: String,
    /// How long it took, seconds.
    pub duration_s: f64,
    /// The runner's own command line.
    pub runner_command: String,
    /// The machine.
    pub machine: Machine,
    /// The settings.
    pub settings: Settings,
    /// Every configuration of the table.
    pub configs: Vec<ConfigEntry>,
    /// Engine (program name) → version.
    pub versions: BTreeMap<String, String>,
    /// Benchmarks, in order.
    pub benchmarks: Vec<String>,
    /// Every process.
    pub runs: Vec<RunRecord>,
    /// One per (benchmark, configuration that ran).
    pub summaries: Vec<Summary>,
    /// One per configuration that ran.
    pub geomeans: Vec<Geomean>,
}

impl Report {
    /// The configurations that ran, in table order.
    pub fn ran(&self) -> Vec<&str> {
        self.configs.iter().filter(|c| c.ran).map(|c| c.name.as_str()).collect()
    }

    /// The summary of (benchmark, config), if it ran.
    pub fn summary(&self, benchmark: &str, config: &str) -> Option<&Summary> {
        self.summaries.iter().find(|s| s.benchmark == benchmark && s.config == config)
    }
}

/// Summarizes `runs` for every benchmark × config, with ratios to
/// `reference`, and each config's geometric mean of ratios.
pub fn summarize(
    benchmarks: &[String],
    configs: &[&str],
    runs: &[RunRecord],
    reference: Option<&str>,
) -> (Vec<Summary>, Vec<Geomean>) {
    let mut summaries = Vec::new();
    for b in benchmarks {
        let mut row: Vec<Summary> = configs.iter().map(|c| summarize_pair(b, c, runs)).collect();
        let base = reference.and_then(|r| row.iter().find(|s| s.config == r)).and_then(|s| s.total_ms.as_ref());
        let base = base.map(|s| s.median).filter(|m| *m > 0.0);
        for s in &mut row {
            s.ratio = match (&s.total_ms, base) {
                (Some(t), Some(b)) => Some(t.median / b),
                _ => None,
            };
        }
        summaries.extend(row);
    }
    let geomeans = configs
        .iter()
        .map(|c| {
            let ratios: Vec<f64> = summaries.iter().filter(|s| s.config == *c).filter_map(|s| s.ratio).collect();
            Geomean {
                config: c.to_string(),
                ratio: stats::geometric_mean(&ratios),
                count: ratios.len(),
                of: benchmarks.len(),
            }
        })
        .collect();
    (summaries, geomeans)
}

fn summarize_pair(benchmark: &str, config: &str, runs: &[RunRecord]) -> Summary {
    let all: Vec<&RunRecord> = runs.iter().filter(|r| r.benchmark == benchmark && r.config == config).collect();
    let ok: Vec<&RunRecord> = all.iter().copied().filter(|r| r.ok).collect();
    let ms = |us: u64| us as f64 / 1000.0;
    let totals: Vec<f64> = ok.iter().filter_map(|r| r.total_us).map(ms).collect();
    let walls: Vec<f64> = ok.iter().map(|r| ms(r.wall_us)).collect();
    let cpus: Vec<f64> = ok.iter().map(|r| ms(r.cpu_us)).collect();
    let rss: Vec<f64> = ok.iter().map(|r| r.max_rss_kib as f64 / 1024.0).collect();
    let longest = ok.iter().map(|r| r.iterations_us.len()).max().unwrap_or(0);
    let iteration_ms = (0..longest)
        .filter_map(|i| {
            let at_i: Vec<f64> = ok.iter().filter_map(|r| r.iterations_us.get(i).copied()).map(ms).collect();
            stats::median(&at_i)
        })
        .collect();
    Summary {
        benchmark: benchmark.to_string(),
        config: config.to_string(),
        runs: all.len(),
        ok_runs: ok.len(),
        total_ms: Spread::of(&totals),
        wall_ms: Spread::of(&walls),
        cpu_ms: Spread::of(&cpus),
        max_rss_mib: stats::median(&rss),
        iteration_ms,
        ratio: None,
        failure: all.iter().find_map(|r| r.failure.clone()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A successful run record.
    pub(crate) fn ok_run(benchmark: &str, config: &str, run: u32, total_us: u64, iterations_us: &[u64]) -> RunRecord {
        RunRecord {
            benchmark: benchmark.to_string(),
            config: config.to_string(),
            run,
            ok: true,
            failure: None,
            exit_code: Some(0),
            signal: None,
            timed_out: false,
            total_us: Some(total_us),
            iterations_us: iterations_us.to_vec(),
            wall_us: total_us + 20_000,
            cpu_us: total_us + 10_000,
            max_rss_kib: 20 * 1024,
            stderr_tail: None,
        }
    }

    /// A failed run record.
    pub(crate) fn failed_run(benchmark: &str, config: &str, run: u32, why: &str) -> RunRecord {
        RunRecord {
            ok: false,
            failure: Some(why.to_string()),
            exit_code: Some(1),
            total_us: None,
            iterations_us: vec![],
            stderr_tail: Some("Uncaught Error: boom".to_string()),
            ..ok_run(benchmark, config, run, 0, &[])
        }
    }

    #[test]
    fn summaries_ratios_and_geomeans() {
        let benches = vec!["a".to_string(), "b".to_string()];
        let runs = vec![
            ok_run("a", "ref", 1, 1000, &[600, 400]),
            ok_run("a", "x", 1, 2000, &[1200, 800]),
            ok_run("a", "ref", 2, 1200, &[700, 500]),
            ok_run("a", "x", 2, 2400, &[1300, 1100]),
            ok_run("b", "ref", 1, 500, &[500]),
            failed_run("b", "x", 1, "exit status 1"),
        ];
        let (s, g) = summarize(&benches, &["ref", "x"], &runs, Some("ref"));
        let ax = s.iter().find(|s| s.benchmark == "a" && s.config == "x").expect("a/x");
        let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-9);
        assert!(close(ax.total_ms.as_ref().map(|t| t.median), 2.2));
        assert!(close(ax.ratio, 2.0));
        assert_eq!(ax.iteration_ms.len(), 2);
        assert!(close(ax.iteration_ms.first().copied(), 1.25) && close(ax.iteration_ms.get(1).copied(), 0.95));
        assert_eq!(ax.max_rss_mib, Some(20.0));
        let bx = s.iter().find(|s| s.benchmark == "b" && s.config == "x").expect("b/x");
        assert_eq!((bx.runs, bx.ok_runs, bx.ratio), (1, 0, None));
        assert_eq!(bx.failure.as_deref(), Some("exit status 1"));
        let gx = g.iter().find(|g| g.config == "x").expect("x");
        assert!(close(gx.ratio, 2.0));
        assert_eq!((gx.count, gx.of), (1, 2));
        let gr = g.iter().find(|g| g.config == "ref").expect("ref");
        assert!(close(gr.ratio, 1.0));
        assert_eq!(gr.count, 2);
    }

    #[test]
    fn no_reference_no_ratios() {
        let runs = vec![ok_run("a", "x", 1, 1000, &[1000])];
        let (s, g) = summarize(&["a".to_string()], &["x"], &runs, None);
        assert_eq!(s[0].ratio, None);
        assert_eq!((g[0].ratio, g[0].count), (None, 0));
    }
}
