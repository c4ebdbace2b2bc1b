//! A test's front matter: the YAML block between `/*---` and `---*/`
//! (INTERPRETING.md, "Metadata"), and the runs it asks for.
//!
//! Only the keys that change how a test runs are read — `includes`,
//! `flags`, `negative` (`phase`, `type`) and `features` (kept for reports).
//! The subset of YAML test262 uses for them is small: a top-level key at
//! column 0 whose value is an inline list (`[a, b]`), a block list (lines
//! `- a`) or, for `negative`, an indented map. Everything else (`info: |`
//! text, `description`, `esid`) is skipped, so no YAML crate is needed.

use std::fmt;

/// When a negative test's error must happen.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// While parsing or checking early errors, before any code runs.
    Parse,
    /// While resolving a module graph.
    Resolution,
    /// While running.
    Runtime,
}

/// `negative:`: the test passes only if this error is thrown in this phase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Negative {
    /// The phase.
    pub phase: Phase,
    /// The constructor name of the expected error (`SyntaxError`, ...).
    pub error_type: String,
}

/// The `flags:` a runner acts on (`generated` and `non-deterministic` are
/// informational).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// Run in strict mode only.
    pub only_strict: bool,
    /// Run in sloppy mode only.
    pub no_strict: bool,
    /// Run the source unmodified, without harness files, sloppy only.
    pub raw: bool,
    /// Module code.
    pub module: bool,
    /// Completes when `print('Test262:AsyncTestComplete')` is called.
    pub is_async: bool,
    /// Only for agents whose [[CanBlock]] is false.
    pub can_block_is_false: bool,
    /// Only for agents whose [[CanBlock]] is true.
    pub can_block_is_true: bool,
}

/// Everything the front matter says about running a test.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Harness files to evaluate after assert.js and sta.js, in order.
    pub includes: Vec<String>,
    /// Flags.
    pub flags: Flags,
    /// Expected error, for negative tests.
    pub negative: Option<Negative>,
    /// Features the test uses (reported, never used to skip).
    pub features: Vec<String>,
}

/// How one run of a test treats its source.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    /// Global code as written (also `raw` tests).
    Sloppy,
    /// Global code after a `"use strict";` prefix.
    Strict,
    /// Module code.
    Module,
}

impl Mode {
    /// The word used in expectations.txt, the JSON file and the protocol.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Sloppy => "sloppy",
            Mode::Strict => "strict",
            Mode::Module => "module",
        }
    }

    /// The inverse of [`Mode::name`].
    pub fn from_name(s: &str) -> Option<Mode> {
        match s {
            "sloppy" => Some(Mode::Sloppy),
            "strict" => Some(Mode::Strict),
            "module" => Some(Mode::Module),
            _ => None,
        }
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Phase::Parse => "parse",
            Phase::Resolution => "resolution",
            Phase::Runtime => "runtime",
        })
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Metadata {
    /// The runs INTERPRETING.md asks for ("Strict Mode", `flags`); empty
    /// when the test does not apply to this host (a [[CanBlock]] mismatch).
    pub fn modes(&self) -> Vec<Mode> {
        let f = &self.flags;
        // CanBlockIsFalse/CanBlockIsTrue tests all run: the issue's
        // denominator leaves out only intl402 and staging. This host's
        // agent can block (as d8's), so CanBlockIsFalse tests fail here.
        if f.module {
            vec![Mode::Module]
        } else if f.raw || f.no_strict {
            vec![Mode::Sloppy]
        } else if f.only_strict {
            vec![Mode::Strict]
        } else {
            vec![Mode::Sloppy, Mode::Strict]
        }
    }
}

/// Reads the front matter of a test's source. A test without one has
/// default metadata (both modes, no includes).
pub fn parse(source: &str) -> Result<Metadata, String> {
    let mut meta = Metadata::default();
    let Some(start) = source.find("/*---") else { return Ok(meta) };
    let body = &source[start + 5..];
    let Some(end) = body.find("---*/") else { return Err("front matter has no closing ---*/".into()) };
    let mut key = String::new();
    // An inline list may continue on the next lines until its `]`.
    let mut pending_list = String::new();
    let mut phase = None;
    let mut error_type = None;
    // Lines end at LF, CRLF or a lone CR (a few tests are written with CR
    // line terminators on purpose).
    let front = body[..end].replace("\r\n", "\n").replace('\r', "\n");
    for raw in front.lines() {
        let line = strip_comment(raw.trim_end());
        if !pending_list.is_empty() {
            pending_list.push(' ');
            pending_list.push_str(line.trim());
            if line.contains(']') {
                set_list(&mut meta, &key, &inline_list(&pending_list));
                pending_list.clear();
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let indented = line.starts_with(' ') || line.starts_with('\t');
        if !indented {
            let Some((k, v)) = line.split_once(':') else {
                key.clear();
                continue;
            };
            key = k.trim().to_string();
            let v = v.trim();
            if v.starts_with('[') {
                if v.contains(']') {
                    set_list(&mut meta, &key, &inline_list(v));
                } else {
                    pending_list = v.to_string();
                }
            }
            continue;
        }
        let item = line.trim();
        match key.as_str() {
            "includes" | "flags" | "features" => {
                if let Some(v) = item.strip_prefix('-') {
                    set_list(&mut meta, &key, &[unquote(v.trim()).to_string()]);
                }
            }
            "negative" => {
                if let Some((k, v)) = item.split_once(':') {
                    match k.trim() {
                        "phase" => phase = Some(v.trim().to_string()),
                        "type" => error_type = Some(unquote(v.trim()).to_string()),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    if phase.is_some() || error_type.is_some() {
        let phase = match phase.as_deref() {
            Some("parse") => Phase::Parse,
            Some("resolution") => Phase::Resolution,
            Some("runtime") => Phase::Runtime,
            other => return Err(format!("negative: unknown phase {other:?}")),
        };
        let Some(error_type) = error_type else { return Err("negative: no type".into()) };
        meta.negative = Some(Negative { phase, error_type });
    }
    Ok(meta)
}

/// `key: value # comment` → `key: value` (test262 puts no `#` in values).
fn strip_comment(line: &str) -> &str {
    match line.find(" #") {
        Some(i) => &line[..i],
        None => line,
    }
}

fn unquote(s: &str) -> &str {
    s.trim_matches(|c| c == '\'' || c == '"')
}

/// `[a, b, c]` → `["a", "b", "c"]`.
fn inline_list(v: &str) -> Vec<String> {
    let inner = v.trim().trim_start_matches('[');
    let inner = inner.split(']').next().unwrap_or("");
    inner.split(',').map(|s| unquote(s.trim()).to_string()).filter(|s| !s.is_empty()).collect()
}

fn set_list(meta: &mut Metadata, key: &str, items: &[String]) {
    for item in items {
        match key {
            "includes" => meta.includes.push(item.clone()),
            "features" => meta.features.push(item.clone()),
            "flags" => {
                let f = &mut meta.flags;
                match item.as_str() {
                    "onlyStrict" => f.only_strict = true,
                    "noStrict" => f.no_strict = true,
                    "raw" => f.raw = true,
                    "module" => f.module = true,
                    "async" => f.is_async = true,
                    "CanBlockIsFalse" => f.can_block_is_false = true,
                    "CanBlockIsTrue" => f.can_block_is_true = true,
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_inline_and_block_forms() {
        let src = "// c\n/*---\ndescription: |\n  text: [not, a, list]\nincludes: [compareArray.js, propertyHelper.js]\nflags: [onlyStrict, async] # why\nnegative:\n    phase: parse\n    type: SyntaxError\nfeatures:\n  - Symbol\n  - 'class'\n---*/\nx;";
        let m = parse(src).unwrap();
        assert_eq!(m.includes, ["compareArray.js", "propertyHelper.js"]);
        assert!(m.flags.only_strict && m.flags.is_async && !m.flags.raw);
        assert_eq!(m.negative, Some(Negative { phase: Phase::Parse, error_type: "SyntaxError".into() }));
        assert_eq!(m.features, ["Symbol", "class"]);
        assert_eq!(m.modes(), [Mode::Strict]);
    }

    #[test]
    fn modes_follow_the_flags() {
        let m = |flags: &str| parse(&format!("/*---\nflags: [{flags}]\n---*/")).unwrap().modes();
        assert_eq!(m(""), [Mode::Sloppy, Mode::Strict]);
        assert_eq!(m("noStrict"), [Mode::Sloppy]);
        assert_eq!(m("raw"), [Mode::Sloppy]);
        assert_eq!(m("module, async"), [Mode::Module]);
        assert_eq!(m("CanBlockIsFalse"), [Mode::Sloppy, Mode::Strict]);
        assert_eq!(m("CanBlockIsTrue"), [Mode::Sloppy, Mode::Strict]);
    }

    #[test]
    fn list_spanning_lines() {
        let m = parse("/*---\nfeatures: [a,\n  b]\nflags: [raw]\n---*/").unwrap();
        assert_eq!(m.features, ["a", "b"]);
        assert!(m.flags.raw);
    }

    #[test]
    fn carriage_return_line_terminators() {
        let m = parse("/*---\rincludes: [a.js]\rflags: [noStrict]\r---*/").unwrap();
        assert_eq!(m.includes, ["a.js"]);
        assert_eq!(m.modes(), [Mode::Sloppy]);
    }
}
