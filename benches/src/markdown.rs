//! `results.md` (also printed to stdout): a header with the machine, the
//! settings, the configurations with their versions and exact command
//! lines; the time table (one row per benchmark, one column per
//! configuration that ran: median total time, spread, ratio to the
//! reference; last row the geometric mean of the ratios); and the peak RSS
//! table.
//!
//! Reads only a [`Report`], so a result set can be rendered again from
//! its data alone.

use std::fmt::Write;

use crate::results::{Report, Summary};

/// Renders the report.
pub fn render(r: &Report) -> String {
    let mut s = String::new();
    header(&mut s, r);
    time_table(&mut s, r);
    rss_table(&mut s, r);
    s
}

fn header(s: &mut String, r: &Report) {
    let set = &r.settings;
    let _ = writeln!(s, "# Strata suite run, {}\n", r.timestamp);
    let size = match set.inner {
        Some(n) => format!("INNER {n}"),
        None => "standard sizes".to_string(),
    };
    let _ = writeln!(
        s,
        "- suite: `{}`, {} benchmarks; {} runs × {} iterations per (benchmark, configuration), {size}; processes interleaved run by run (A B C A B C …)",
        set.suite,
        r.benchmarks.len(),
        set.runs,
        set.iterations,
    );
    let m = &r.machine;
    let memory = m.memory_gib.map(|g| format!(", {g:.1} GiB")).unwrap_or_default();
    let load = |l: Option<[f64; 3]>| l.map(|l| format!("{:.2}", l[0])).unwrap_or_else(|| "?".to_string());
    let _ = writeln!(
        s,
        "- machine: {} cores ({}){memory}, Linux {}; load average (1 min) {} at start, {} at end",
        m.cores,
        m.cpu,
        m.kernel,
        load(m.load_start),
        load(m.load_end)
    );
    let _ = writeln!(s, "- took {:.0} s; runner: `{}`", r.duration_s, r.runner_command);
    match &set.reference {
        Some(reference) => {
            let _ = writeln!(s, "- reference: `{reference}`");
        }
        None => s.push_str("- reference: none\n"),
    }
    s.push_str("\n| configuration | version | command line |\n|---|---|---|\n");
    for c in r.configs.iter().filter(|c| c.ran) {
        let version = r.versions.get(&c.engine).map(String::as_str).unwrap_or("unknown");
        let _ = writeln!(s, "| `{}` | {} | `{}` |", c.name, cell_text(version), cell_text(&c.command));
    }
    let skipped: Vec<String> =
        r.configs.iter().filter(|c| c.selected && !c.ran).map(|c| format!("`{}` ({})", c.name, c.status)).collect();
    if !skipped.is_empty() {
        let _ = writeln!(s, "\nNot run: {}.", skipped.join(", "));
    }
}

fn time_table(s: &mut String, r: &Report) {
    let ran = r.ran();
    let reference = r.settings.reference.as_deref().unwrap_or("the reference");
    let _ = writeln!(
        s,
        "\n## Time\n\nMedian in-script total time in ms over the successful runs, ± the median absolute deviation \
         relative to the median, and (in parentheses) the ratio to `{reference}`: below 1 is faster.\n"
    );
    table_head(s, &ran);
    for b in &r.benchmarks {
        let cells: Vec<String> = ran.iter().map(|c| time_cell(r.summary(b, c))).collect();
        let _ = writeln!(s, "| {b} | {} |", cells.join(" | "));
    }
    let means: Vec<String> = ran
        .iter()
        .map(|c| match r.geomeans.iter().find(|g| g.config == *c) {
            Some(g) => match g.ratio {
                Some(x) => format!("**{}** ({} of {})", ratio(x), g.count, g.of),
                None => "—".to_string(),
            },
            None => "—".to_string(),
        })
        .collect();
    let _ = writeln!(s, "| **geometric mean of ratios** | {} |", means.join(" | "));
}

fn rss_table(s: &mut String, r: &Report) {
    let ran = r.ran();
    s.push_str("\n## Peak memory\n\nMedian peak resident set size of the process (`ru_maxrss`), MiB.\n\n");
    table_head(s, &ran);
    for b in &r.benchmarks {
        let cells: Vec<String> = ran
            .iter()
            .map(|c| match r.summary(b, c).and_then(|x| x.max_rss_mib) {
                Some(m) => format!("{m:.1}"),
                None => "—".to_string(),
            })
            .collect();
        let _ = writeln!(s, "| {b} | {} |", cells.join(" | "));
    }
}

fn table_head(s: &mut String, configs: &[&str]) {
    let _ = writeln!(s, "| benchmark | {} |", configs.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(" | "));
    let _ = writeln!(s, "|---|{}", "---:|".repeat(configs.len()));
}

/// One cell of the time table.
fn time_cell(summary: Option<&Summary>) -> String {
    let Some(x) = summary else {
        return "—".to_string();
    };
    let Some(t) = &x.total_ms else {
        let why = x.failure.as_deref().unwrap_or("no successful run");
        return format!("**failed**: {}", cell_text(why));
    };
    let mut cell = format!("{} ±{}", millis(t.median), percent(t.relative_mad));
    if let Some(q) = x.ratio {
        let _ = write!(cell, " ({})", ratio(q));
    }
    if x.ok_runs < x.runs {
        let _ = write!(cell, " [{}/{} failed]", x.runs - x.ok_runs, x.runs);
    }
    cell
}

/// Milliseconds with about three significant digits.
fn millis(ms: f64) -> String {
    if ms >= 100.0 {
        format!("{ms:.0}")
    } else if ms >= 10.0 {
        format!("{ms:.1}")
    } else if ms >= 1.0 {
        format!("{ms:.2}")
    } else {
        format!("{ms:.3}")
    }
}

fn percent(fraction: f64) -> String {
    let p = fraction * 100.0;
    if p >= 1.0 { format!("{p:.0}%") } else { format!("{p:.1}%") }
}

/// A ratio with two or three significant digits: `0.034x`, `2.06x`,
/// `14.3x`, `212x`.
pub fn ratio(x: f64) -> String {
    if x >= 100.0 {
        format!("{x:.0}x")
    } else if x >= 10.0 {
        format!("{x:.1}x")
    } else if x >= 0.1 {
        format!("{x:.2}x")
    } else {
        format!("{x:.3}x")
    }
}

/// Text safe inside a table cell: one line, no column separators.
fn cell_text(t: &str) -> String {
    t.lines().next().unwrap_or("").replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::machine::Machine;
    use crate::results::tests::{failed_run, ok_run};
    use crate::results::{ConfigEntry, Report, Settings, summarize};

    fn entry(name: &str, engine: &str, status: &str, ran: bool) -> ConfigEntry {
        ConfigEntry {
            name: name.to_string(),
            engine: engine.to_string(),
            about: String::new(),
            status: status.to_string(),
            ran,
            selected: true,
            command: format!("{engine} BENCH.js 3"),
        }
    }

    /// Two benchmarks, two configurations that ran (one failing on `b`,
    /// one run of `a` failing too), one that was not found.
    fn fixture() -> Report {
        let benchmarks = vec!["a".to_string(), "b".to_string()];
        let runs = vec![
            ok_run("a", "node-jitless", 1, 10_000, &[6000, 4000]),
            ok_run("a", "strata-interp", 1, 20_000, &[12_000, 8000]),
            ok_run("a", "node-jitless", 2, 10_000, &[6000, 4000]),
            failed_run("a", "strata-interp", 2, "timed out after 5 s"),
            ok_run("b", "node-jitless", 1, 2_000, &[2000]),
            failed_run("b", "strata-interp", 1, "exit status 1"),
            ok_run("b", "node-jitless", 2, 2_000, &[2000]),
            failed_run("b", "strata-interp", 2, "exit status 1"),
        ];
        let (summaries, geomeans) =
            summarize(&benchmarks, &["strata-interp", "node-jitless"], &runs, Some("node-jitless"));
        Report {
            timestamp: "2026-01-02T03:04:05Z".to_string(),
            duration_s: 12.0,
            runner_command: "strata-bench --runs 2".to_string(),
            machine: Machine {
                cores: 2,
                cpu: "Test CPU".to_string(),
                kernel: "6.1.0".to_string(),
                memory_gib: Some(24.0),
                load_start: Some([0.5, 0.4, 0.3]),
                load_end: Some([1.25, 0.5, 0.3]),
            },
            settings: Settings {
                suite: "/suite".to_string(),
                runs: 2,
                iterations: 2,
                inner: None,
                timeout_s: 5.0,
                reference: Some("node-jitless".to_string()),
            },
            configs: vec![
                entry("strata-interp", "strata", "found", true),
                entry("node-jitless", "node", "found", true),
                entry("qjs", "qjs", "not found", false),
            ],
            versions: [("strata".to_string(), "strata 0.1.0".to_string()), ("node".to_string(), "v20.0.0".to_string())]
                .into_iter()
                .collect(),
            benchmarks,
            runs,
            summaries,
            geomeans,
        }
    }

    #[test]
    fn renders_the_fixed_result_set() {
        let md = render(&fixture());
        let expected_time = "\
| benchmark | `strata-interp` | `node-jitless` |
|---|---:|---:|
| a | 20.0 ±0.0% (2.00x) [1/2 failed] | 10.0 ±0.0% (1.00x) |
| b | **failed**: exit status 1 | 2.00 ±0.0% (1.00x) |
| **geometric mean of ratios** | **2.00x** (1 of 2) | **1.00x** (2 of 2) |
";
        assert!(md.contains(expected_time), "{md}");
        let expected_rss = "\
| benchmark | `strata-interp` | `node-jitless` |
|---|---:|---:|
| a | 20.0 | 20.0 |
| b | — | 20.0 |
";
        assert!(md.contains(expected_rss), "{md}");
        assert!(md.contains("Not run: `qjs` (not found)."), "{md}");
        assert!(md.contains("| `strata-interp` | strata 0.1.0 | `strata BENCH.js 3` |"), "{md}");
        assert!(
            md.contains("2 cores (Test CPU), 24.0 GiB, Linux 6.1.0; load average (1 min) 0.50 at start, 1.25 at end"),
            "{md}"
        );
        assert!(md.contains("2 runs × 2 iterations"), "{md}");
    }

    #[test]
    fn a_missing_cell_and_no_reference() {
        let mut r = fixture();
        r.summaries.retain(|s| !(s.benchmark == "a" && s.config == "node-jitless"));
        r.settings.reference = None;
        let md = render(&r);
        assert!(md.contains("| a | 20.0 ±0.0% (2.00x) [1/2 failed] | — |"), "{md}");
        assert!(md.contains("- reference: none"), "{md}");
    }

    #[test]
    fn number_formats() {
        assert_eq!((millis(1234.4), millis(12.34), millis(1.234)), ("1234".into(), "12.3".into(), "1.23".into()));
        assert_eq!(millis(0.0123), "0.012");
        assert_eq!((ratio(2.064), ratio(14.33), ratio(212.4)), ("2.06x".into(), "14.3x".into(), "212x".into()));
        assert_eq!(ratio(0.0341), "0.034x");
        assert_eq!((percent(0.123), percent(0.004)), ("12%".into(), "0.4%".into()));
        assert_eq!(cell_text("a|b\nc"), "a\\|b");
    }
}
