//! Engine configurations: one table of every engine × tier the runner
//! knows (short stable name, engine, flags), and how each one is found,
//! probed and invoked.
//!
//! Fed by the options (`--strata`, `--configs`); feeds the runner, which
//! asks each [`Config`] for the command line of one benchmark process. The
//! names are stable: they are the columns of the tables, the keys of
//! `results.json` and the words of `--configs`.
//!
//! How each engine takes the script's arguments (ITERATIONS, INNER):
//!
//! | engine | command |
//! |---|---|
//! | strata, node, qjs | `ENGINE [flags] bench.js ITERATIONS [INNER]` |
//! | jsc | `jsc [flags] bench.js -- ITERATIONS [INNER]` |
//! | boa | `boa ARGS.js bench.js` |
//!
//! Boa's command line takes only files to evaluate (every positional
//! argument is a script), so it cannot pass arguments to a script. The
//! runner writes a one-line prelude `ARGS.js` (`var scriptArgs = [...]`)
//! into the output folder and has Boa evaluate it first, in the same realm;
//! the scripts read `scriptArgs` when there is no `process.argv`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::process::{self, Exit};

/// Which program a configuration runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Our engine (`--strata PATH`).
    Strata,
    /// V8 through Node.js.
    Node,
    /// JavaScriptCore's shell.
    Jsc,
    /// QuickJS.
    Qjs,
    /// Boa's CLI.
    Boa,
}

impl Engine {
    /// The program's name on PATH (Strata's is a path instead).
    pub fn program_name(self) -> &'static str {
        match self {
            Engine::Strata => "strata",
            Engine::Node => "node",
            Engine::Jsc => "jsc",
            Engine::Qjs => "qjs",
            Engine::Boa => "boa",
        }
    }
}

/// One row of the configuration table.
#[derive(Debug)]
pub struct ConfigSpec {
    /// Short stable name.
    pub name: &'static str,
    /// The program.
    pub engine: Engine,
    /// Flags before the script.
    pub flags: &'static [&'static str],
    /// What this configuration measures.
    pub about: &'static str,
}

/// Every configuration, in table, JSON and chart order.
pub const CONFIGS: &[ConfigSpec] = &[
    ConfigSpec {
        name: "strata-interp",
        engine: Engine::Strata,
        flags: &["--tier=interp"],
        about: "Strata, interpreter only",
    },
    ConfigSpec {
        name: "strata-baseline",
        engine: Engine::Strata,
        flags: &["--tier=baseline"],
        about: "Strata, pinned to the baseline JIT",
    },
    ConfigSpec {
        name: "strata-opt",
        engine: Engine::Strata,
        flags: &["--tier=opt"],
        about: "Strata, pinned to the optimizing JIT",
    },
    ConfigSpec { name: "strata", engine: Engine::Strata, flags: &[], about: "Strata, default adaptive tiering" },
    ConfigSpec { name: "node", engine: Engine::Node, flags: &[], about: "V8, every tier" },
    ConfigSpec {
        name: "node-jitless",
        engine: Engine::Node,
        flags: &["--jitless"],
        about: "V8's interpreter (Ignition)",
    },
    ConfigSpec {
        name: "node-sparkplug",
        engine: Engine::Node,
        flags: &["--no-opt", "--always-sparkplug"],
        about: "V8's baseline compiler (Sparkplug), no optimizing tiers",
    },
    ConfigSpec { name: "jsc", engine: Engine::Jsc, flags: &[], about: "JavaScriptCore, every tier" },
    ConfigSpec {
        name: "jsc-nojit",
        engine: Engine::Jsc,
        flags: &["--useJIT=false"],
        about: "JavaScriptCore's interpreter (LLInt)",
    },
    ConfigSpec {
        name: "jsc-baseline",
        engine: Engine::Jsc,
        flags: &["--useDFGJIT=false"],
        about: "JavaScriptCore up to the baseline JIT",
    },
    ConfigSpec {
        name: "jsc-dfg",
        engine: Engine::Jsc,
        flags: &["--useFTLJIT=false"],
        about: "JavaScriptCore up to the DFG JIT",
    },
    ConfigSpec { name: "qjs", engine: Engine::Qjs, flags: &[], about: "QuickJS's interpreter" },
    ConfigSpec { name: "boa", engine: Engine::Boa, flags: &[], about: "Boa's interpreter" },
];

/// Looks a configuration up by name.
pub fn spec(name: &str) -> Option<&'static ConfigSpec> {
    CONFIGS.iter().find(|c| c.name == name)
}

/// Whether a configuration can run here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Availability {
    /// Its program is there and the configuration works.
    Ready,
    /// Its program is not on PATH (or not at `--strata`).
    NotFound,
    /// The program is there but refuses the configuration (a tier not
    /// built yet); the text is what it said.
    NotAvailable(String),
}

impl Availability {
    /// `found`, `not found` or `not available`.
    pub fn word(&self) -> &'static str {
        match self {
            Availability::Ready => "found",
            Availability::NotFound => "not found",
            Availability::NotAvailable(_) => "not available",
        }
    }

    /// [`Availability::word`], with what the engine said when it refused.
    pub fn describe(&self) -> String {
        match self {
            Availability::NotAvailable(why) if !why.is_empty() => format!("not available: {why}"),
            other => other.word().to_string(),
        }
    }
}

/// A configuration resolved on this machine.
#[derive(Clone, Debug)]
pub struct Config {
    /// Its table row.
    pub spec: &'static ConfigSpec,
    /// The program to run (the PATH lookup's result, or where it would be).
    pub program: PathBuf,
    /// Whether it can run.
    pub availability: Availability,
}

/// What a benchmark process is asked to do.
#[derive(Clone, Debug)]
pub struct ScriptArgs {
    /// The script's ITERATIONS.
    pub iterations: u32,
    /// The script's INNER, or `None` for its standard size.
    pub inner: Option<u32>,
    /// Boa's argument prelude (see the module docs).
    pub boa_prelude: PathBuf,
}

impl ScriptArgs {
    /// ITERATIONS and, if given, INNER, as strings.
    fn positional(&self) -> Vec<String> {
        let mut v = vec![self.iterations.to_string()];
        v.extend(self.inner.map(|i| i.to_string()));
        v
    }

    /// The text of Boa's prelude: `scriptArgs[0]` is the script's name,
    /// as in QuickJS, so the scripts' `scriptArgs.slice(1)` finds the rest.
    pub fn boa_prelude_source(&self) -> String {
        let items: Vec<String> =
            std::iter::once("bench.js".to_string()).chain(self.positional()).map(|s| format!("{s:?}")).collect();
        format!("var scriptArgs = [{}];\n", items.join(", "))
    }
}

impl Config {
    /// The arguments of one benchmark process.
    pub fn args(&self, script: &Path, a: &ScriptArgs) -> Vec<String> {
        let mut v: Vec<String> = self.spec.flags.iter().map(|f| f.to_string()).collect();
        let script = script.display().to_string();
        match self.spec.engine {
            Engine::Strata | Engine::Node | Engine::Qjs => {
                v.push(script);
                v.extend(a.positional());
            }
            Engine::Jsc => {
                v.push(script);
                v.push("--".to_string());
                v.extend(a.positional());
            }
            Engine::Boa => {
                v.push(a.boa_prelude.display().to_string());
                v.push(script);
            }
        }
        v
    }

    /// The command line as text, for tables and `--list`.
    pub fn command_line(&self, script: &Path, a: &ScriptArgs) -> String {
        let mut words = vec![shell_word(&self.program.display().to_string())];
        words.extend(self.args(script, a).iter().map(|w| shell_word(w)));
        words.join(" ")
    }
}

/// Quotes a word for display when the shell would split or expand it.
fn shell_word(w: &str) -> String {
    let plain = !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric() || "-_=./,:+@%".contains(c));
    if plain { w.to_string() } else { format!("'{}'", w.replace('\'', r"'\''")) }
}

/// Finds `name` on PATH: the first executable file of that name.
pub fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(name)).find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0).unwrap_or(false)
}

/// How long a probe (`--tier=X -e ''`, `--version`) may take.
const PROBE_TIMEOUT: Duration = Duration::from_secs(20);

/// Resolves every configuration of the table on this machine: PATH lookups
/// for peers, `strata_path` for Strata, and for Strata's pinned tiers a probe
/// `strata --tier=NAME -e ''` (the tier exists iff it exits 0).
pub fn resolve_all(strata_path: &Path) -> Vec<Config> {
    let strata_found = is_executable(strata_path);
    CONFIGS
        .iter()
        .map(|spec| {
            let (program, found) = match spec.engine {
                Engine::Strata => (strata_path.to_path_buf(), strata_found),
                e => match find_on_path(e.program_name()) {
                    Some(p) => (p, true),
                    None => (PathBuf::from(e.program_name()), false),
                },
            };
            let availability = if !found {
                Availability::NotFound
            } else if spec.engine == Engine::Strata && !spec.flags.is_empty() {
                probe_tier(&program, spec.flags)
            } else {
                Availability::Ready
            };
            Config { spec, program, availability }
        })
        .collect()
}

/// Runs `strata FLAGS -e ''`: ready iff it exits 0.
fn probe_tier(strata: &Path, flags: &[&str]) -> Availability {
    let mut args: Vec<String> = flags.iter().map(|f| f.to_string()).collect();
    args.extend(["-e".to_string(), String::new()]);
    match process::run(strata, &args, Some(PROBE_TIMEOUT)) {
        Ok(out) if out.exit == Exit::Code(0) => Availability::Ready,
        Ok(out) => Availability::NotAvailable(first_line(&out.stderr).unwrap_or_else(|| exit_text(out.exit))),
        Err(e) => Availability::NotAvailable(e),
    }
}

/// A short text for an exit.
pub fn exit_text(exit: Exit) -> String {
    match exit {
        Exit::Code(c) => format!("exit status {c}"),
        Exit::Signal(s) => format!("killed by signal {s}"),
        Exit::TimedOut => "timed out".to_string(),
    }
}

fn first_line(s: &str) -> Option<String> {
    s.lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_string)
}

/// The version of each engine that runs, for `results.json`: the
/// engine's own `--version` where it has one; for jsc (no version flag)
/// the Debian package that ships it, with the path.
pub fn engine_versions(configs: &[&Config]) -> Vec<(Engine, String)> {
    let mut seen: Vec<(Engine, String)> = Vec::new();
    for c in configs {
        let e = c.spec.engine;
        if c.availability == Availability::NotFound || seen.iter().any(|(s, _)| *s == e) {
            continue;
        }
        seen.push((e, version_of(e, &c.program)));
    }
    seen
}

fn version_of(engine: Engine, program: &Path) -> String {
    let ask = |args: &[&str]| -> Option<String> {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let out = process::run(program, &args, Some(PROBE_TIMEOUT)).ok()?;
        if out.exit != Exit::Code(0) {
            return None;
        }
        first_line(&out.stdout).or_else(|| first_line(&out.stderr))
    };
    let found = match engine {
        // `strata --version` without a script prints the help (and exits 2)
        // in today's cli; with `-e ''` it prints the version.
        Engine::Strata => {
            ask(&["--version"]).filter(|v| !v.starts_with("usage")).or_else(|| ask(&["--version", "-e", ""]))
        }
        Engine::Node | Engine::Boa => ask(&["--version"]),
        Engine::Qjs => ask(&["-h"]),
        Engine::Jsc => jsc_package().map(|v| format!("{v} ({})", program.display())),
    };
    found.unwrap_or_else(|| "unknown".to_string())
}

/// `libjavascriptcoregtk-4.0-bin VERSION` from dpkg, when dpkg knows it.
fn jsc_package() -> Option<String> {
    let dpkg = find_on_path("dpkg-query")?;
    let args = ["-W", "libjavascriptcoregtk-4.0-bin"].map(String::from);
    let out = process::run(&dpkg, &args, Some(PROBE_TIMEOUT)).ok()?;
    if out.exit != Exit::Code(0) {
        return None;
    }
    first_line(&out.stdout).map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(name: &str, program: &str) -> Config {
        Config { spec: spec(name).expect("known"), program: PathBuf::from(program), availability: Availability::Ready }
    }

    fn args(iterations: u32, inner: Option<u32>) -> ScriptArgs {
        ScriptArgs { iterations, inner, boa_prelude: PathBuf::from("/out/boa-args.js") }
    }

    #[test]
    fn names_are_unique() {
        for (i, c) in CONFIGS.iter().enumerate() {
            assert!(CONFIGS[i + 1..].iter().all(|d| d.name != c.name), "{}", c.name);
        }
    }

    #[test]
    fn command_lines_per_engine() {
        let s = Path::new("/s/richards.js");
        assert_eq!(
            config("strata-interp", "/t/strata").command_line(s, &args(10, None)),
            "/t/strata --tier=interp /s/richards.js 10"
        );
        assert_eq!(config("strata", "/t/strata").command_line(s, &args(10, Some(1))), "/t/strata /s/richards.js 10 1");
        assert_eq!(
            config("node-sparkplug", "node").command_line(s, &args(3, None)),
            "node --no-opt --always-sparkplug /s/richards.js 3"
        );
        assert_eq!(
            config("jsc-nojit", "jsc").command_line(s, &args(3, Some(2))),
            "jsc --useJIT=false /s/richards.js -- 3 2"
        );
        assert_eq!(config("boa", "boa").command_line(s, &args(3, Some(2))), "boa /out/boa-args.js /s/richards.js");
        assert_eq!(config("qjs", "/a b/qjs").command_line(s, &args(1, None)), "'/a b/qjs' /s/richards.js 1");
    }

    #[test]
    fn boa_prelude_carries_the_arguments() {
        assert_eq!(args(10, None).boa_prelude_source(), "var scriptArgs = [\"bench.js\", \"10\"];\n");
        assert_eq!(args(3, Some(1)).boa_prelude_source(), "var scriptArgs = [\"bench.js\", \"3\", \"1\"];\n");
    }

    #[test]
    fn missing_strata_is_not_found() {
        let all = resolve_all(Path::new("/nonexistent/strata"));
        assert_eq!(all.len(), CONFIGS.len());
        for c in all.iter().filter(|c| c.spec.engine == Engine::Strata) {
            assert_eq!(c.availability, Availability::NotFound);
        }
    }
}
