//! `strata-bench`: the suite runner. Runs every benchmark script of a
//! suite (by default the Are-We-Fast-Yet scripts in
//! `../shared/bench/awfy`) on engine configurations — Strata's tiers and
//! peer engines — and compares them.
//!
//! ```text
//! options ─▶ configurations resolved (PATH, --strata, tier probes)
//!         ─▶ runner: benchmark × run × config, one process each, interleaved
//!         ─▶ raw run records ─▶ summaries, ratios, geometric means
//!         ─▶ results.json, results.md (+ stdout), chart.svg in --out
//! ```
//!
//! Modules: `options` (command line), `config` (the configuration table),
//! `process` (one measured process), `script_output` (the scripts'
//! output lines), `runner` (the loop), `stats`, `results` (the data),
//! `machine`, `markdown`, `chart`.
//!
//! Exit status: 0 when the suite ran and the files were written (failed
//! engine runs are results, shown as such), 2 for a bad command line, 1
//! when the results cannot be written.

mod chart;
mod config;
mod machine;
mod markdown;
mod options;
mod process;
mod results;
mod runner;
mod script_output;
mod stats;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use config::{Availability, Config, ScriptArgs};
use options::Options;
use results::{ConfigEntry, Report, Settings};

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let opts = match options::parse(&argv) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("strata-bench: {e}");
            return ExitCode::from(2);
        }
    };
    if opts.help {
        print!("{}", options::help());
        return ExitCode::SUCCESS;
    }
    match run(&opts, &argv) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(e)) => {
            eprintln!("strata-bench: {e}");
            ExitCode::from(2)
        }
        Err(Failure::Output(e)) => {
            eprintln!("strata-bench: {e}");
            ExitCode::from(1)
        }
    }
}

/// Why the runner stopped.
enum Failure {
    /// The command line asks for something impossible.
    Usage(String),
    /// The results could not be written.
    Output(String),
}

fn run(opts: &Options, argv: &[String]) -> Result<(), Failure> {
    let configs = config::resolve_all(&opts.strata);
    let selected = select(&configs, opts.configs.as_deref()).map_err(Failure::Usage)?;
    let script_args =
        ScriptArgs { iterations: opts.iterations, inner: opts.inner, boa_prelude: opts.out.join("boa-args.js") };
    let template = opts.suite.join("BENCH.js");
    if opts.list {
        for c in &configs {
            println!("{:<16} {:<14} {}", c.spec.name, c.availability.word(), c.command_line(&template, &script_args));
            if let Availability::NotAvailable(why) = &c.availability {
                println!("{:<31} {why}", "");
            }
        }
        return Ok(());
    }
    let ran: Vec<&Config> =
        configs.iter().filter(|c| selected.contains(&c.spec.name) && c.availability == Availability::Ready).collect();
    if ran.is_empty() {
        return Err(Failure::Usage("none of the selected configurations is available here (see --list)".to_string()));
    }
    let names: Vec<&str> = ran.iter().map(|c| c.spec.name).collect();
    let benchmarks = runner::discover(&opts.suite, opts.bench.as_deref()).map_err(Failure::Usage)?;
    let reference = match &opts.reference {
        Some(r) if names.contains(&r.as_str()) => r.clone(),
        Some(r) => {
            return Err(Failure::Usage(format!(
                "--reference {r}: not among the configurations that run ({})",
                names.join(", ")
            )));
        }
        None if names.contains(&"node-jitless") => "node-jitless".to_string(),
        None => names[0].to_string(),
    };

    let started = Instant::now();
    let mut machine = machine::Machine::now();
    let timestamp = machine::utc_timestamp();
    std::fs::create_dir_all(&opts.out)
        .map_err(|e| Failure::Output(format!("cannot create {}: {e}", opts.out.display())))?;
    if ran.iter().any(|c| c.spec.engine == config::Engine::Boa) {
        write(&script_args.boa_prelude, &script_args.boa_prelude_source())?;
    }
    let versions: BTreeMap<String, String> =
        config::engine_versions(&ran).into_iter().map(|(e, v)| (e.program_name().to_string(), v)).collect();
    eprintln!(
        "strata-bench: {} benchmarks × {} configurations × {} runs ({}), reference {reference}",
        benchmarks.len(),
        ran.len(),
        opts.runs,
        names.join(", ")
    );

    let plan = runner::Plan {
        benchmarks: &benchmarks,
        configs: &ran,
        runs: opts.runs,
        args: &script_args,
        timeout: opts.timeout,
    };
    let runs = runner::run_suite(&plan, &mut std::io::stderr());
    machine.load_end = machine::load_average();

    let bench_names: Vec<String> = benchmarks.iter().map(|b| b.name.clone()).collect();
    let (summaries, geomeans) = results::summarize(&bench_names, &names, &runs, Some(&reference));
    let report = Report {
        timestamp,
        duration_s: started.elapsed().as_secs_f64(),
        runner_command: std::iter::once("strata-bench".to_string())
            .chain(argv.iter().cloned())
            .collect::<Vec<_>>()
            .join(" "),
        machine,
        settings: Settings {
            suite: opts.suite.display().to_string(),
            runs: opts.runs,
            iterations: opts.iterations,
            inner: opts.inner,
            timeout_s: opts.timeout.as_secs_f64(),
            reference: Some(reference),
        },
        configs: configs
            .iter()
            .map(|c| ConfigEntry {
                name: c.spec.name.to_string(),
                engine: c.spec.engine.program_name().to_string(),
                about: c.spec.about.to_string(),
                status: c.availability.describe(),
                ran: names.contains(&c.spec.name),
                selected: selected.contains(&c.spec.name),
                command: c.command_line(&template, &script_args),
            })
            .collect(),
        versions,
        benchmarks: bench_names,
        runs,
        summaries,
        geomeans,
    };

    let json =
        serde_json::to_string_pretty(&report).map_err(|e| Failure::Output(format!("encoding the results: {e}")))?;
    write(&opts.out.join("results.json"), &json)?;
    let md = markdown::render(&report);
    write(&opts.out.join("results.md"), &md)?;
    let svg = opts.out.join("chart.svg");
    chart::draw(&report, &svg).map_err(Failure::Output)?;
    print!("{md}");
    eprintln!("strata-bench: wrote results.json, results.md and chart.svg to {}", opts.out.display());
    Ok(())
}

/// The names `--configs` selects (every configuration by default); an
/// unknown name is an error that lists the known ones.
fn select(configs: &[Config], wanted: Option<&[String]>) -> Result<Vec<&'static str>, String> {
    let Some(wanted) = wanted else {
        return Ok(configs.iter().map(|c| c.spec.name).collect());
    };
    let mut names = Vec::new();
    for w in wanted {
        match config::spec(w) {
            Some(s) => names.push(s.name),
            None => {
                let known: Vec<&str> = config::CONFIGS.iter().map(|c| c.name).collect();
                return Err(format!("unknown configuration '{w}' (known: {})", known.join(", ")));
            }
        }
    }
    Ok(names)
}

fn write(path: &Path, text: &str) -> Result<(), Failure> {
    std::fs::write(path, text).map_err(|e| Failure::Output(format!("cannot write {}: {e}", path.display())))
}
