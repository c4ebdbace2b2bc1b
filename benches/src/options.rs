//! The runner's command line: one table of options (name, value, help),
//! from which `--help` is generated, and a hand-written parser (as in the
//! `strata` cli's `flags.rs`; no argument-parsing dependency).
//!
//! Values are given as `--name VALUE` or `--name=VALUE`. Defaults that are
//! paths are relative to the workspace root, found at compile time
//! (`CARGO_MANIFEST_DIR/..`), so the runner works from any directory.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// One row of the option table.
struct OptionSpec {
    /// `--name`.
    name: &'static str,
    /// The value's placeholder, or `None` for a switch.
    value: Option<&'static str>,
    /// What it does, with its default.
    help: &'static str,
}

/// Every option.
const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: "suite",
        value: Some("DIR"),
        help: "folder of benchmark scripts *.js (default ../shared/bench/awfy)",
    },
    OptionSpec { name: "bench", value: Some("A,B"), help: "run only these benchmarks (file stems; default all)" },
    OptionSpec {
        name: "configs",
        value: Some("A,B"),
        help: "run only these configurations (default every one available)",
    },
    OptionSpec { name: "runs", value: Some("N"), help: "processes per (benchmark, configuration) (default 5)" },
    OptionSpec { name: "iterations", value: Some("N"), help: "the scripts' ITERATIONS (default 10)" },
    OptionSpec {
        name: "inner",
        value: Some("N"),
        help: "the scripts' INNER problem size (default: each script's standard size)",
    },
    OptionSpec {
        name: "reference",
        value: Some("NAME"),
        help: "configuration the ratios are to (default node-jitless, else the first)",
    },
    OptionSpec {
        name: "out",
        value: Some("DIR"),
        help: "where results.json, results.md, chart.svg go (default target/bench-results)",
    },
    OptionSpec {
        name: "timeout",
        value: Some("SECS"),
        help: "kill a process after this long and record a timeout (default 600)",
    },
    OptionSpec { name: "strata", value: Some("PATH"), help: "the strata binary (default target/release/strata)" },
    OptionSpec { name: "list", value: None, help: "list every configuration: found or not, and its command line" },
    OptionSpec { name: "help", value: None, help: "print this help" },
];

/// The parsed command line.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// The suite folder.
    pub suite: PathBuf,
    /// Benchmark names to run, or all.
    pub bench: Option<Vec<String>>,
    /// Configuration names to run, or every available one.
    pub configs: Option<Vec<String>>,
    /// Processes per (benchmark, configuration).
    pub runs: u32,
    /// The scripts' ITERATIONS.
    pub iterations: u32,
    /// The scripts' INNER, or their standard size.
    pub inner: Option<u32>,
    /// The ratio base, or the default choice.
    pub reference: Option<String>,
    /// Output folder.
    pub out: PathBuf,
    /// Per-process time limit.
    pub timeout: Duration,
    /// The strata binary.
    pub strata: PathBuf,
    /// `--list`.
    pub list: bool,
    /// `--help`.
    pub help: bool,
}

/// The workspace root, as this crate was compiled.
pub fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    root.canonicalize().unwrap_or(root)
}

impl Default for Options {
    fn default() -> Options {
        let root = workspace_root();
        let suite = root.join("../shared/bench/awfy");
        Options {
            suite: suite.canonicalize().unwrap_or(suite),
            bench: None,
            configs: None,
            runs: 5,
            iterations: 10,
            inner: None,
            reference: None,
            out: root.join("target/bench-results"),
            timeout: Duration::from_secs(600),
            strata: root.join("target/release/strata"),
            list: false,
            help: false,
        }
    }
}

/// Parses `argv` (without the program name).
pub fn parse(argv: &[String]) -> Result<Options, String> {
    let mut o = Options::default();
    let mut i = 0;
    while i < argv.len() {
        let arg = &argv[i];
        i += 1;
        let Some(rest) = arg.strip_prefix("--") else {
            return Err(format!("unexpected argument '{arg}' (options start with --; see --help)"));
        };
        let (name, inline) = match rest.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (rest, None),
        };
        let Some(spec) = OPTIONS.iter().find(|s| s.name == name) else {
            return Err(format!("unknown option --{name} (see --help)"));
        };
        let value = match (spec.value, inline) {
            (None, None) => String::new(),
            (None, Some(_)) => return Err(format!("--{name} takes no value")),
            (Some(_), Some(v)) => v,
            (Some(placeholder), None) => match argv.get(i) {
                Some(v) => {
                    i += 1;
                    v.clone()
                }
                None => return Err(format!("--{name} needs a value: --{name} {placeholder}")),
            },
        };
        apply(&mut o, name, value)?;
    }
    Ok(o)
}

fn apply(o: &mut Options, name: &str, value: String) -> Result<(), String> {
    match name {
        "suite" => o.suite = PathBuf::from(value),
        "bench" => o.bench = Some(list(name, &value)?),
        "configs" => o.configs = Some(list(name, &value)?),
        "runs" => o.runs = count(name, &value)?,
        "iterations" => o.iterations = count(name, &value)?,
        "inner" => o.inner = Some(count(name, &value)?),
        "reference" => o.reference = Some(value),
        "out" => o.out = PathBuf::from(value),
        "timeout" => {
            let secs: f64 = value.parse().map_err(|_| format!("--timeout needs seconds, got '{value}'"))?;
            if !(secs > 0.0 && secs.is_finite()) {
                return Err(format!("--timeout must be positive, got '{value}'"));
            }
            o.timeout = Duration::from_secs_f64(secs);
        }
        "strata" => o.strata = PathBuf::from(value),
        "list" => o.list = true,
        "help" => o.help = true,
        _ => return Err(format!("unknown option --{name}")),
    }
    Ok(())
}

/// A positive count.
fn count(name: &str, value: &str) -> Result<u32, String> {
    match value.parse::<u32>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("--{name} needs a whole number of at least 1, got '{value}'")),
    }
}

/// A comma-separated list of names, at least one.
fn list(name: &str, value: &str) -> Result<Vec<String>, String> {
    let items: Vec<String> = value.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
    if items.is_empty() {
        return Err(format!("--{name} needs at least one name"));
    }
    Ok(items)
}

/// The `--help` text.
pub fn help() -> String {
    let mut s = String::from(
        "usage: strata-bench [options]\n\n\
         Runs every benchmark script of a suite on engine configurations (Strata's tiers,\n\
         node, jsc, qjs, boa), interleaved run by run, and writes results.json,\n\
         results.md and chart.svg; prints the Markdown table.\n\noptions:\n",
    );
    for o in OPTIONS {
        let left = match o.value {
            Some(v) => format!("--{} {v}", o.name),
            None => format!("--{}", o.name),
        };
        s.push_str(&format!("  {left:<20} {}\n", o.help));
    }
    s.push_str("\nconfigurations (--list says which are here):\n");
    for c in crate::config::CONFIGS {
        s.push_str(&format!("  {:<20} {}\n", c.name, c.about));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Options, String> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn defaults() {
        let o = p(&[]).expect("parses");
        assert_eq!((o.runs, o.iterations, o.inner), (5, 10, None));
        assert!(o.suite.ends_with("shared/bench/awfy"));
        assert!(o.strata.ends_with("target/release/strata"));
        assert!(o.out.ends_with("target/bench-results"));
    }

    #[test]
    fn values_with_space_or_equals() {
        let o = p(&[
            "--runs",
            "2",
            "--iterations=3",
            "--inner",
            "1",
            "--configs",
            "strata,node",
            "--bench=richards",
            "--list",
        ])
        .expect("parses");
        assert_eq!((o.runs, o.iterations, o.inner), (2, 3, Some(1)));
        assert_eq!(o.configs, Some(vec!["strata".to_string(), "node".to_string()]));
        assert_eq!(o.bench, Some(vec!["richards".to_string()]));
        assert!(o.list);
        let o = p(&["--timeout", "1.5", "--strata", "/x/strata"]).expect("parses");
        assert_eq!(o.timeout, Duration::from_millis(1500));
        assert_eq!(o.strata, PathBuf::from("/x/strata"));
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert!(p(&["--runs", "0"]).unwrap_err().contains("--runs"));
        assert!(p(&["--runs", "x"]).is_err());
        assert!(p(&["--runs"]).unwrap_err().contains("needs a value"));
        assert!(p(&["--nope"]).unwrap_err().contains("unknown option"));
        assert!(p(&["richards"]).is_err());
        assert!(p(&["--list=yes"]).is_err());
        assert!(p(&["--configs", ","]).is_err());
        assert!(p(&["--timeout", "-1"]).is_err());
    }

    #[test]
    fn help_lists_every_option_and_config() {
        let h = help();
        for o in OPTIONS {
            assert!(h.contains(&format!("--{}", o.name)));
        }
        assert!(h.contains("node-jitless"));
    }
}
