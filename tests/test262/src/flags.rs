//! The runner's command line: one table of flags (name, value kind,
//! default, help) from which parsing and `--help` are generated, as in the
//! `strata` command. Values are given as `--name=value` or `--name value`;
//! `--filter` may repeat.

/// What a flag takes.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum FlagKind {
    /// A switch: `--name`.
    Switch,
    /// A value: `--name=value` or `--name value`.
    Value,
}

macro_rules! flags {
    ($($field:ident: $kind:ident = $name:literal, $default:literal, $help:literal;)*) => {
        /// Parsed flag values: every occurrence, in order.
        #[derive(Clone, Debug, Default)]
        pub struct Flags {
            $(#[doc = $help] pub $field: Vec<String>,)*
        }
        /// The flag table: (name, kind, default, help).
        pub const FLAGS: &[(&str, FlagKind, &str, &str)] = &[$(($name, FlagKind::$kind, $default, $help)),*];
        impl Flags {
            fn push(&mut self, name: &str, value: String) {
                match name { $($name => self.$field.push(value),)* _ => unreachable!("names come from FLAGS") }
            }
        }
    };
}

flags! {
    test262_dir: Value = "test262-dir", "../shared/test262 beside the workspace", "the test262 checkout";
    filter: Value = "filter", "", "run only paths containing this text (repeat: any of them)";
    jobs: Value = "jobs", "one per core", "worker processes";
    timeout: Value = "timeout", "10", "seconds a test may run before it is interrupted and fails";
    tier: Value = "tier", "interp", "execution tiers: interp (the interpreter only), baseline (every function compiled at its first call) or adaptive";
    max_heap_size: Value = "max-heap-size", "1024", "heap limit per test in MiB";
    json: Value = "json", "", "write every run's verdict to this JSON file";
    failures: Switch = "failures", "", "list every failing run with its reason";
    top_failures: Value = "top-failures", "15", "print this many of the most common failure reasons";
    ratchet: Switch = "ratchet", "", "compare with the expectations; exit 1 on a failure not listed there";
    update_expectations: Switch = "update-expectations", "", "rewrite the expectations file with today's failures";
    expectations: Value = "expectations", "tests/test262/expectations.txt", "the expectations file";
    worker: Switch = "worker", "", "internal: serve tests on stdin (the supervisor starts these)";
    help: Switch = "help", "", "print this help";
}

/// Parses `argv` (without the program name).
pub fn parse(argv: &[String]) -> Result<Flags, String> {
    let mut flags = Flags::default();
    let mut i = 0;
    while i < argv.len() {
        let a = &argv[i];
        i += 1;
        let Some(rest) = a.strip_prefix("--") else { return Err(format!("unexpected argument '{a}' (see --help)")) };
        let (name, inline) = match rest.split_once('=') {
            Some((n, v)) => (n.replace('_', "-"), Some(v.to_string())),
            None => (rest.replace('_', "-"), None),
        };
        let Some(&(name, kind, _, _)) = FLAGS.iter().find(|f| f.0 == name) else {
            return Err(format!("unknown flag --{name} (see --help)"));
        };
        let value = match (kind, inline) {
            (FlagKind::Switch, None) => "true".to_string(),
            (FlagKind::Switch, Some(v)) => v,
            (FlagKind::Value, Some(v)) => v,
            (FlagKind::Value, None) => {
                let v = argv.get(i).ok_or_else(|| format!("--{name} needs a value"))?;
                i += 1;
                v.clone()
            }
        };
        flags.push(name, value);
    }
    Ok(flags)
}

/// The `--help` text.
pub fn help() -> String {
    let mut s = String::from("usage: strata-test262 [flags]\n\nRuns test262 (language, built-ins, annexB, harness) in worker processes.\n\nflags:\n");
    for (name, kind, default, help) in FLAGS {
        let left = match kind {
            FlagKind::Switch => format!("--{name}"),
            FlagKind::Value => format!("--{name}=<v>"),
        };
        let dflt = if default.is_empty() { String::new() } else { format!(" (default {default})") };
        s.push_str(&format!("  {left:<28} {help}{dflt}\n"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_value_forms_and_repeats() {
        let argv: Vec<String> =
            ["--filter", "Array", "--filter=String", "--json", "o.json", "--ratchet"].iter().map(|s| s.to_string()).collect();
        let f = parse(&argv).unwrap();
        assert_eq!(f.filter, ["Array", "String"]);
        assert_eq!(f.json, ["o.json"]);
        assert_eq!(f.ratchet, ["true"]);
        assert!(parse(&["--nope".to_string()]).is_err());
        assert!(parse(&["--jobs".to_string()]).is_err());
    }
}
