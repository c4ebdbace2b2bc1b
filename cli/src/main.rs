//! `strata`: run a script (or `-e` code; an ES module with `--module` or
//! a `.mjs` file) in the engine with the shell's globals, then the event
//! loop until no timer, pending I/O or immediate is left. An uncaught exception prints `Uncaught Name: message` and its
//! stack to stderr and exits with status 1; so does an unhandled promise
//! rejection (`Uncaught (in promise) …`), as in Node.

mod flags;

use std::io::Write;
use std::process::ExitCode;

use strata_gc::HeapConfig;
use strata_runtime::permissions::{Permissions, Scope, parse_scope};
use strata_runtime::{Engine, EngineOptions, HostOptions, ShellOptions, install_test262};

/// Native stack for the engine thread: JS→JS calls do not use it, but
/// native re-entry (builtins calling back) and the compiler's recursion do.
const ENGINE_STACK: usize = 256 << 20;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let cl = match flags::parse(&argv) {
        Ok(cl) => cl,
        Err(e) => {
            eprintln!("strata: {e}");
            return ExitCode::from(2);
        }
    };
    if cl.flags.version.is_some() && cl.flags.help.is_none() {
        println!("strata {}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    if cl.flags.help.is_some() || (cl.script.is_none() && cl.eval.is_none()) {
        print!("{}", flags::help());
        return if cl.flags.help.is_some() { ExitCode::SUCCESS } else { ExitCode::from(2) };
    }
    let engine = std::thread::Builder::new().name("strata".into()).stack_size(ENGINE_STACK).spawn(move || run(cl));
    match engine.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            eprintln!("strata: internal error: the engine thread failed");
            ExitCode::from(70)
        }
    }
}

fn number_flag(value: &Option<String>, name: &str, default: u64) -> Result<u64, String> {
    match value {
        None => Ok(default),
        Some(v) => v.parse().map_err(|_| format!("--{name} needs a number, got '{v}'")),
    }
}

/// The permissions the flags ask for (see `strata_runtime::permissions`).
fn permissions(f: &flags::Flags) -> Result<Permissions, String> {
    let cwd = std::env::current_dir().map_err(|e| format!("cannot read the working directory: {e}"))?;
    let scope = |v: &Option<String>, name: &str| match v {
        None => Ok(Scope::Nothing),
        Some(v) => parse_scope(Some(v), &cwd, name),
    };
    let p = Permissions {
        sandbox: f.sandbox.is_some(),
        deny_read: scope(&f.deny_read, "deny-read")?,
        allow_write: scope(&f.allow_write, "allow-write")?,
        deny_write: scope(&f.deny_write, "deny-write")?,
    };
    if p.sandbox && p.allow_write != Scope::Nothing {
        return Err("--sandbox denies all host access; it cannot be combined with --allow-write".into());
    }
    Ok(p)
}

fn run(cl: flags::CommandLine) -> u8 {
    let config = (|| -> Result<EngineOptions, String> {
        let heap_mib = number_flag(&cl.flags.max_heap_size, "max-heap-size", 4096)?;
        let stress = number_flag(&cl.flags.gc_stress, "gc-stress", 0)?;
        let min_budget = number_flag(&cl.flags.gc_min_budget, "gc-min-budget", 4)?;
        let growth_factor = match &cl.flags.gc_growth_factor {
            None => HeapConfig::default().growth_factor,
            Some(v) => match v.parse::<f64>() {
                Ok(f) if f.is_finite() && f >= 1.0 => f,
                _ => return Err(format!("--gc-growth-factor: expected a number of at least 1, got '{v}'")),
            },
        };
        // An explicit factor alone pins it (the dynamic range collapses).
        let max_growth_factor = match &cl.flags.gc_max_growth_factor {
            None if cl.flags.gc_growth_factor.is_some() => growth_factor,
            None => HeapConfig::default().max_growth_factor.max(growth_factor),
            Some(v) => match v.parse::<f64>() {
                Ok(f) if f.is_finite() && f >= growth_factor => f,
                _ => {
                    return Err(format!(
                        "--gc-max-growth-factor: expected a number of at least the growth factor ({growth_factor}), got '{v}'"
                    ));
                }
            },
        };
        Ok(EngineOptions {
            heap: HeapConfig {
                max_heap_bytes: (heap_mib as usize).saturating_mul(1 << 20),
                gc_stress: stress.min(u32::MAX as u64) as u32,
                trace_gc: cl.flags.trace_gc.is_some(),
                min_budget: (min_budget as usize).saturating_mul(1 << 20),
                growth_factor,
                max_growth_factor,
            },
            native_stack_budget: ENGINE_STACK - (16 << 20),
            shell: Some(ShellOptions {
                script_path: cl.script.clone().unwrap_or_default(),
                args: cl.args.clone(),
                host: HostOptions {
                    permissions: permissions(&cl.flags)?,
                    trace_event_loop: cl.flags.trace_event_loop.is_some(),
                },
            }),
            trace_ic: cl.flags.trace_ic.is_some(),
            keep_feedback: cl.flags.print_feedback.is_some(),
            print_bytecode: cl.flags.print_bytecode.is_some(),
        })
    })();
    let options = match config {
        Ok(o) => o,
        Err(e) => {
            eprintln!("strata: {e}");
            return 2;
        }
    };
    let mut engine = match Engine::with_options(options) {
        Ok(engine) => engine,
        Err(e) => {
            eprintln!("strata: setting up the shell failed: {e}");
            return 70;
        }
    };
    if cl.flags.expose_test262.is_some() {
        install_test262(engine.vm());
    }
    let mode = (|| -> Result<strata_baseline_jit::TierMode, String> {
        let mode = strata_baseline_jit::TierMode::parse(cl.flags.tier.as_deref().unwrap_or("adaptive"))?;
        Ok(match mode {
            strata_baseline_jit::TierMode::Adaptive { calls, loop_iterations } => strata_baseline_jit::TierMode::Adaptive {
                calls: number_flag(&cl.flags.baseline_calls, "baseline-calls", calls as u64)?.min(u32::MAX as u64) as u32,
                loop_iterations: number_flag(&cl.flags.baseline_loop_iterations, "baseline-loop-iterations", loop_iterations as u64)?
                    .min(u32::MAX as u64) as u32,
            },
            m => m,
        })
    })();
    let options = strata_baseline_jit::BaselineOptions {
        print_code: cl.flags.print_code.is_some(),
        trace_tier: cl.flags.trace_tier.is_some(),
        perf_map: cl.flags.perf_map.is_some(),
    };
    if let Err(e) = mode.and_then(|mode| strata_baseline_jit::install(engine.vm(), mode, options)) {
        eprintln!("strata: {e}");
        return 2;
    }
    let (source, path) = match (&cl.eval, &cl.script) {
        (Some(code), _) => (code.clone(), "<command line>".to_string()),
        (None, Some(p)) => match std::fs::read_to_string(p) {
            Ok(s) => (s, p.clone()),
            Err(e) => {
                eprintln!("strata: cannot read {p}: {e}");
                return 2;
            }
        },
        (None, None) => return 2,
    };
    // The script (or entry module) is the first task; the loop's first
    // checkpoint ends it.
    let as_module = cl.flags.module.is_some() || (cl.eval.is_none() && path.ends_with(".mjs"));
    let result = if as_module {
        engine.eval_module(&source, &path).and_then(|promise| {
            engine.run_event_loop()?;
            engine.module_result(promise)
        })
    } else {
        engine.eval_script(&source, &path).and_then(|_| engine.run_event_loop())
    };
    let _ = std::io::stdout().flush();
    let status = match result {
        Ok(_) => 0,
        // Node's exit status for a top-level await that never settles.
        Err(e) if e.report.starts_with("Warning: Detected unsettled top-level await") => {
            eprintln!("{e}");
            13
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    };
    if cl.flags.print_feedback.is_some() {
        print!("{}", engine.feedback_report());
        let _ = std::io::stdout().flush();
    }
    if cl.flags.stats.is_some() {
        eprintln!("{}", engine.heap_stats());
        if let Some(tier) = &engine.vm().tier {
            for (key, value) in tier.report() {
                eprintln!("{key}: {value}");
            }
        }
    }
    status
}
