//! `strata-test262`: runs test262 against Strata and prints pass rates per
//! directory and per built-in; `--ratchet` is the CI gate against
//! `expectations.txt`. With `--worker` it is one of its own worker
//! processes (see the crate docs for the pipeline).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use strata_test262::discover::discover;
use strata_test262::flags::{self, Flags};
use strata_test262::outcome::{Outcome, Status};
use strata_test262::pool::{self, PoolConfig};
use strata_test262::progress::Progress;
use strata_test262::worker::{WorkerConfig, run_worker};
use strata_test262::{ratchet, report};

/// The workspace root (this crate is `tests/test262`).
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn last(v: &[String]) -> Option<&str> {
    v.last().map(String::as_str)
}

fn number(v: &[String], name: &str, default: u64) -> Result<u64, String> {
    match last(v) {
        None => Ok(default),
        Some(s) => s.parse().map_err(|_| format!("--{name} needs a number, got '{s}'")),
    }
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let flags = match flags::parse(&argv) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("strata-test262: {e}");
            return ExitCode::from(2);
        }
    };
    if !flags.help.is_empty() {
        print!("{}", flags::help());
        return ExitCode::SUCCESS;
    }
    match run(&flags) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("strata-test262: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(flags: &Flags) -> Result<u8, String> {
    let root = match last(&flags.test262_dir) {
        Some(d) => PathBuf::from(d),
        None => workspace().join("../shared/test262"),
    };
    let tier = last(&flags.tier).unwrap_or("interp").to_string();
    let tier_mode = strata_baseline_jit::TierMode::parse(&tier)?;
    let timeout = number(&flags.timeout, "timeout", 10)?;
    let heap_mib = number(&flags.max_heap_size, "max-heap-size", 1024)?;
    if !flags.worker.is_empty() {
        let config = WorkerConfig {
            root,
            timeout: Duration::from_secs(timeout),
            max_heap_bytes: (heap_mib as usize).saturating_mul(1 << 20),
            tier: tier_mode,
        };
        return Ok(run_worker(config));
    }

    let start = Instant::now();
    let discovery = discover(&root, &flags.filter)?;
    if discovery.jobs.is_empty() {
        return Err("no tests selected".into());
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let root_abs = root.canonicalize().map_err(|e| format!("{}: {e}", root.display()))?;
    let config = PoolConfig {
        workers: number(&flags.jobs, "jobs", cores as u64)? as usize,
        worker_args: vec![
            "--worker".into(),
            format!("--test262-dir={}", root_abs.display()),
            format!("--timeout={timeout}"),
            format!("--tier={tier}"),
            format!("--max-heap-size={heap_mib}"),
        ],
        hard_timeout: Duration::from_secs(timeout * 2 + 10),
    };
    let jobs = discovery.jobs.clone();
    let mut outcomes: Vec<Option<Outcome>> = vec![None; jobs.len()];
    let mut progress = Progress::new(jobs.len());
    pool::run(&jobs, &config, |i, o| {
        progress.tick(o.status == Status::Pass);
        outcomes[i] = Some(o);
    });
    progress.finish();
    let mut outcomes: Vec<Outcome> =
        outcomes.into_iter().map(|o| o.unwrap_or_else(|| Outcome::new(Status::Crash, "no verdict"))).collect();
    // A loaded machine can push a slow test past its timeout: runs that
    // timed out or crashed get a second chance, so CI does not flake.
    let retry: Vec<usize> =
        (0..jobs.len()).filter(|&i| matches!(outcomes[i].status, Status::Timeout | Status::Crash)).collect();
    if !retry.is_empty() {
        let again: Vec<_> = retry.iter().map(|&i| jobs[i].clone()).collect();
        pool::run(&again, &config, |k, o| outcomes[retry[k]] = o);
        let still = retry.iter().filter(|&&i| outcomes[i].status != Status::Pass).count();
        println!("retried {} runs that timed out or crashed: {still} still fail", retry.len());
    }
    let wall = start.elapsed();

    let summary = report::summarize(&jobs, &outcomes);
    if !flags.failures.is_empty() {
        for (job, o) in jobs.iter().zip(&outcomes).filter(|(_, o)| o.status != Status::Pass) {
            println!("{} {} [{}] {}", job.path, job.mode, o.status, o.reason);
        }
        println!();
    }
    print!("{}", report::render(&summary, &discovery, &tier, wall));
    let top = number(&flags.top_failures, "top-failures", 15)? as usize;
    if top > 0 {
        println!("\nmost common failure reasons:");
        for (n, bucket, example) in report::top_failures(&jobs, &outcomes, top) {
            println!("{n:>7}  {bucket}\n         e.g. {example}");
        }
    }
    if let Some(path) = last(&flags.json) {
        let version = std::fs::read_to_string(root.join("VERSION")).unwrap_or_default();
        let version = version.lines().next().unwrap_or("").trim();
        let text = report::json(&jobs, &outcomes, &summary, version, &tier);
        std::fs::write(path, text).map_err(|e| format!("cannot write {path}: {e}"))?;
        println!("\nwrote {path}");
    }

    let expectations_path = match last(&flags.expectations) {
        Some(p) => PathBuf::from(p),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("expectations.txt"),
    };
    let whole_suite = flags.filter.is_empty();
    let mut status = 0;
    if !flags.ratchet.is_empty() || !flags.update_expectations.is_empty() {
        let expected = ratchet::load(&expectations_path)?;
        let verdict = ratchet::compare(&expected, &jobs, &outcomes, whole_suite);
        if !flags.update_expectations.is_empty() {
            let new = ratchet::updated(&expected, &jobs, &outcomes, whole_suite);
            ratchet::save(&expectations_path, &new)?;
            println!(
                "\nwrote {} ({} failing runs; {} fixed, {} new)",
                expectations_path.display(),
                new.len(),
                verdict.fixed.len(),
                verdict.regressions.len()
            );
        } else {
            status = print_ratchet(&verdict, &expectations_path);
        }
    }
    Ok(status)
}

/// Prints the ratchet's findings; 1 when a run regressed.
fn print_ratchet(v: &ratchet::Verdict, path: &Path) -> u8 {
    if !v.fixed.is_empty() {
        println!("\n{} runs listed in {} now pass:", v.fixed.len(), path.display());
        for job in &v.fixed {
            println!("  {} {}", job.path, job.mode);
        }
        println!("record them with: strata-test262 --update-expectations");
    }
    if !v.stale.is_empty() {
        println!("\n{} listed runs no longer exist (--update-expectations drops them)", v.stale.len());
    }
    if v.regressions.is_empty() {
        println!("\nratchet: no regressions");
        return 0;
    }
    println!("\nratchet: {} runs fail that are not in {}:", v.regressions.len(), path.display());
    for (job, o) in &v.regressions {
        println!("  {} {} [{}] {}", job.path, job.mode, o.status, o.reason);
    }
    1
}
