//! The command line: one table of flags (name, value kind, default, help),
//! from which parsing and `--help` are generated. Names follow V8's d8
//! flags where one exists.

/// What a flag takes.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum FlagKind {
    /// A switch: `--name`.
    Switch,
    /// A value: `--name=value`.
    Value,
    /// A switch that may carry a list: `--name` or `--name=a,b`.
    List,
}

macro_rules! flags {
    ($($field:ident: $kind:ident = $name:literal, $default:literal, $help:literal;)*) => {
        /// Parsed flag values (strings for values, bools for switches).
        #[derive(Clone, Debug, Default)]
        pub struct Flags {
            $(#[doc = $help] pub $field: Option<String>,)*
        }
        /// The flag table: (name, kind, default, help).
        pub const FLAGS: &[(&str, FlagKind, &str, &str)] = &[$(($name, FlagKind::$kind, $default, $help)),*];
        impl Flags {
            fn set(&mut self, name: &str, value: String) -> bool {
                match name { $($name => { self.$field = Some(value); true })* _ => false }
            }
        }
    };
}

flags! {
    tier: Value = "tier", "adaptive", "execution tiers: adaptive (interpreter, then baseline code for hot functions and loops), interp (the interpreter only), or baseline (every function compiled at its first call)";
    baseline_calls: Value = "baseline-calls", "30", "adaptive tier: calls before a function is compiled to baseline code";
    baseline_loop_iterations: Value = "baseline-loop-iterations", "300", "adaptive tier: back edges of one loop before its function is compiled (and the running frame enters the code at the loop header)";
    print_code: Switch = "print-code", "", "print the machine code of every compiled function, interleaved with its bytecode";
    trace_tier: Switch = "trace-tier", "", "print a line to stderr whenever a function moves to another tier (which, when, why, cost)";
    perf_map: Switch = "perf-map", "", "write /tmp/perf-<pid>.map so Linux perf names compiled code JS:<name> [baseline]";
    module: Switch = "module", "", "run the script as an ES module (the default for .mjs files)";
    print_bytecode: Switch = "print-bytecode", "", "print the bytecode of every function compiled";
    max_heap_size: Value = "max-heap-size", "4096", "heap limit in MiB; allocation past it throws RangeError";
    gc_stress: Value = "gc-stress", "0", "collect garbage every N allocations (0: off)";
    gc_min_budget: Value = "gc-min-budget", "4", "MiB the mutator may allocate between two collections at least";
    gc_growth_factor: Value = "gc-growth-factor", "2", "the heap may grow to at least this factor of the live bytes before the next collection (at least 1; given alone, exactly this factor)";
    gc_max_growth_factor: Value = "gc-max-growth-factor", "4", "at most this factor: between the two, the one that keeps collections near 3% of the time (V8's dynamic heap growing)";
    trace_gc: Switch = "trace-gc", "", "print a line per garbage collection to stderr";
    trace_ic: Switch = "trace-ic", "", "print every inline-cache state change (site, old -> new state, shape) to stderr";
    print_feedback: Switch = "print-feedback", "", "print every executed function's feedback vector at exit";
    stats: Switch = "stats", "", "print engine statistics (GC, ...) to stderr at exit";
    expose_gc: Switch = "expose-gc", "", "accepted for d8 compatibility (gc() is always defined)";
    expose_test262: Switch = "expose-test262", "", "define test262's $262 host object (createRealm, evalScript, gc, global)";
    allow_write: List = "allow-write", "", "allow writing files (node:fs/promises writeFile, mkdir, rm, ...) everywhere, or only under the listed paths";
    deny_write: List = "deny-write", "", "deny writing under the listed paths (or everywhere), even where --allow-write allows it";
    deny_read: List = "deny-read", "", "deny reading files (readFile, stat, readdir, load, read) everywhere, or only under the listed paths";
    sandbox: Switch = "sandbox", "", "no host access at all: no file reads or writes (overrides the default read access)";
    trace_event_loop: Switch = "trace-event-loop", "", "print every event-loop task to stderr: its queue (timer, io, immediate), id, run time and microtask time";
    help: Switch = "help", "", "print this help";
    version: Switch = "version", "", "print the version";
}

/// A parsed command line.
#[derive(Clone, Debug, Default)]
pub struct CommandLine {
    /// Flag values.
    pub flags: Flags,
    /// `-e` code, if given.
    pub eval: Option<String>,
    /// The script to run.
    pub script: Option<String>,
    /// Arguments after the script (or after `--`).
    pub args: Vec<String>,
}

/// Parses `argv` (without the program name).
pub fn parse(argv: &[String]) -> Result<CommandLine, String> {
    let mut cl = CommandLine::default();
    let mut i = 0;
    while i < argv.len() {
        let a = &argv[i];
        i += 1;
        // `--` ends the engine's flags: everything after it is arguments.
        if a == "--" {
            cl.args.extend(argv[i..].iter().cloned());
            break;
        }
        // Everything after the script is the script's.
        if cl.script.is_some() {
            cl.args.push(a.clone());
            continue;
        }
        if a == "-e" {
            let code = argv.get(i).ok_or("-e needs code to run")?;
            cl.eval = Some(code.clone());
            i += 1;
            continue;
        }
        if let Some(rest) = a.strip_prefix("--") {
            let (name, value) = match rest.split_once('=') {
                Some((n, v)) => (n.replace('_', "-"), Some(v.to_string())),
                None => (rest.replace('_', "-"), None),
            };
            let Some(&(_, kind, _, _)) = FLAGS.iter().find(|f| f.0 == name) else {
                return Err(format!("unknown flag --{name} (see --help)"));
            };
            let value = match (kind, value) {
                (FlagKind::Switch | FlagKind::List, None) => "true".to_string(),
                (FlagKind::Switch | FlagKind::List, Some(v)) => v,
                (FlagKind::Value, Some(v)) => v,
                (FlagKind::Value, None) => return Err(format!("--{name} needs a value: --{name}=...")),
            };
            cl.flags.set(&name, value);
            continue;
        }
        cl.script = Some(a.clone());
    }
    Ok(cl)
}

/// The `--help` text.
pub fn help() -> String {
    let mut s = String::from(
        "usage: strata [flags] script.js [args...]\n       strata [flags] -e 'code' [-- args...]\n\nflags:\n",
    );
    for (name, kind, default, help) in FLAGS {
        let left = match kind {
            FlagKind::Switch => format!("--{name}"),
            FlagKind::Value => format!("--{name}=<v>"),
            FlagKind::List => format!("--{name}[=<paths>]"),
        };
        let dflt = if default.is_empty() { String::new() } else { format!(" (default {default})") };
        s.push_str(&format!("  {left:<24} {help}{dflt}\n"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> CommandLine {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>()).expect("parses")
    }

    #[test]
    fn script_args_and_double_dash() {
        let cl = p(&["--trace-gc", "a.js", "1", "2"]);
        assert_eq!(cl.script.as_deref(), Some("a.js"));
        assert_eq!(cl.args, vec!["1", "2"]);
        assert_eq!(cl.flags.trace_gc.as_deref(), Some("true"));
        let cl = p(&["a.js", "--", "1", "2"]);
        assert_eq!(cl.args, vec!["1", "2"]);
        let cl = p(&["--gc-stress=10", "-e", "print(1)", "--", "x"]);
        assert_eq!(cl.eval.as_deref(), Some("print(1)"));
        assert_eq!(cl.args, vec!["x"]);
        assert_eq!(cl.flags.gc_stress.as_deref(), Some("10"));
    }

    #[test]
    fn unknown_flags_and_missing_values_are_errors() {
        assert!(parse(&["--nope".to_string()]).is_err());
        assert!(parse(&["--max-heap-size".to_string()]).is_err());
    }

    #[test]
    fn list_flags_take_an_optional_list() {
        let cl = p(&["--allow-write", "--deny-read=/a,/b", "x.js"]);
        assert_eq!(cl.flags.allow_write.as_deref(), Some("true"));
        assert_eq!(cl.flags.deny_read.as_deref(), Some("/a,/b"));
        assert!(help().contains("--allow-write[=<paths>]"));
    }
}
