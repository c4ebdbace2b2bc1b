//! The runner end to end on a small suite of its own: verdicts for
//! negative, async, raw, strict-only and `$262` tests, and the guards —
//! a timeout, an engine panic, and worker processes killed by a signal
//! (abort, stack overflow) — each costing only its own test, with the run
//! going on. Faults are injected with `STRATA_TEST262_FAULT` (worker.rs).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const HARNESS_ASSERT: &str = "var assert = { sameValue: function (a, b, m) { if (a !== b) throw new Test262Error((m || '') + ' expected ' + b + ' got ' + a); } };\n\
    assert.throws = function (C, f) { try { f(); } catch (e) { if (e.constructor !== C) throw new Test262Error('wrong error'); return; } throw new Test262Error('no error'); };\n";
const HARNESS_STA: &str = "function Test262Error(m) { this.message = m || ''; }\nfunction $DONOTEVALUATE() { throw 'not evaluated'; }\n";
const HARNESS_DONE: &str = "function $DONE(e) { print(e ? 'Test262:AsyncTestFailure:' + e : 'Test262:AsyncTestComplete'); }\n";

const TESTS: &[(&str, &str)] = &[
    ("language/pass.js", "/*---\ndescription: plain\n---*/\nassert.sameValue(1 + 1, 2);\n"),
    ("language/fail.js", "assert.sameValue(1, 2, 'one');\n"),
    ("language/neg-parse.js", "/*---\nnegative:\n  phase: parse\n  type: SyntaxError\n---*/\n$DONOTEVALUATE();\nvar = 1;\n"),
    ("language/neg-parse-compiles.js", "/*---\nnegative:\n  phase: parse\n  type: SyntaxError\n---*/\n$DONOTEVALUATE();\n"),
    ("language/neg-runtime.js", "/*---\nnegative:\n  phase: runtime\n  type: ReferenceError\n---*/\nnotDefined;\n"),
    ("language/only-strict.js", "/*---\nflags: [onlyStrict]\n---*/\nassert.sameValue((function () { return this; })(), undefined);\n"),
    ("language/no-strict.js", "/*---\nflags: [noStrict]\n---*/\nassert.sameValue((function () { return this; })(), this);\n"),
    ("language/raw.js", "/*---\nflags: [raw]\n---*/\nif (typeof assert !== 'undefined') throw 1;\n"),
    ("language/async.js", "/*---\nflags: [async]\n---*/\n$DONE();\n"),
    ("language/async-never.js", "/*---\nflags: [async]\n---*/\n"),
    ("language/realm.js", "/*---\nflags: [noStrict]\n---*/\nvar r = $262.createRealm();\nassert.sameValue(r.evalScript('var q = 4; q'), 4);\nassert.sameValue(r.global.q, 4);\nassert.sameValue(typeof q, 'undefined');\nassert.sameValue($262.global, this);\n"),
    ("language/loop.js", "/*---\nflags: [noStrict]\n---*/\nfor (;;) {}\n"),
    ("language/x_FIXTURE.js", "throw 1;\n"),
    ("built-ins/Thing/panic.js", "/*---\nflags: [noStrict]\n---*/\n"),
    ("built-ins/Thing/abort.js", "/*---\nflags: [noStrict]\n---*/\n"),
    ("built-ins/Thing/overflow.js", "/*---\nflags: [noStrict]\n---*/\n"),
    ("built-ins/Thing/after.js", "/*---\nflags: [noStrict]\n---*/\nassert.sameValue(typeof $262.gc, 'function');\n"),
    ("built-ins/Thing/cannot-block.js", "/*---\nflags: [CanBlockIsFalse]\n---*/\n"),
    ("annexB/a.js", "/*---\nflags: [noStrict]\n---*/\n"),
    ("harness/h.js", "/*---\nflags: [noStrict]\n---*/\n"),
];

fn suite(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("strata-test262-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let write = |rel: &str, text: &str| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write("harness/assert.js", HARNESS_ASSERT);
    write("harness/sta.js", HARNESS_STA);
    write("harness/doneprintHandle.js", HARNESS_DONE);
    for (path, text) in TESTS {
        write(&format!("test/{path}"), text);
    }
    root
}

/// Runs the runner; returns (exit status, stdout, verdicts by "path mode").
fn run(root: &Path, extra: &[&str]) -> (i32, String, HashMap<String, String>) {
    let json = root.join("out.json");
    let out = Command::new(env!("CARGO_BIN_EXE_strata-test262"))
        .arg(format!("--test262-dir={}", root.display()))
        .args(["--timeout=1", "--jobs=2", "--json"])
        .arg(&json)
        .args(extra)
        .env("STRATA_TEST262_FAULT", "panic:panic.js,abort:abort.js,overflow:overflow.js")
        .output()
        .expect("the runner starts");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let text = std::fs::read_to_string(&json).unwrap_or_default();
    let mut verdicts = HashMap::new();
    for line in text.lines().filter(|l| l.contains("\"path\"")) {
        let field = |name: &str| {
            let start = line.find(&format!("\"{name}\": \"")).unwrap() + name.len() + 5;
            line[start..].split('"').next().unwrap().to_string()
        };
        verdicts.insert(format!("{} {}", field("path"), field("mode")), field("result"));
    }
    (out.status.code().unwrap_or(-1), stdout, verdicts)
}

#[test]
fn verdicts_and_guards() {
    let root = suite("verdicts");
    let (code, stdout, v) = run(&root, &[]);
    assert_eq!(code, 0, "{stdout}");
    let expect = [
        ("language/pass.js sloppy", "pass"),
        ("language/pass.js strict", "pass"),
        ("language/fail.js strict", "fail"),
        ("language/neg-parse.js strict", "pass"),
        ("language/neg-parse-compiles.js sloppy", "fail"),
        ("language/neg-runtime.js sloppy", "pass"),
        ("language/only-strict.js strict", "pass"),
        ("language/no-strict.js sloppy", "pass"),
        ("language/raw.js sloppy", "pass"),
        ("language/async.js strict", "pass"),
        ("language/async-never.js sloppy", "fail"),
        ("language/realm.js sloppy", "pass"),
        ("language/loop.js sloppy", "timeout"),
        ("built-ins/Thing/panic.js sloppy", "panic"),
        ("built-ins/Thing/abort.js sloppy", "crash"),
        ("built-ins/Thing/overflow.js sloppy", "crash"),
        ("built-ins/Thing/after.js sloppy", "pass"),
        ("annexB/a.js sloppy", "pass"),
        ("harness/h.js sloppy", "pass"),
    ];
    for (run, verdict) in expect {
        assert_eq!(v.get(&format!("test/{run}")).map(String::as_str), Some(verdict), "{run}\n{stdout}");
    }
    assert!(!v.keys().any(|k| k.contains("FIXTURE")), "{v:?}");
    // CanBlockIsFalse tests run like any other (only intl402 and staging
    // are left out of the denominator).
    assert!(v.contains_key("test/built-ins/Thing/cannot-block.js sloppy"), "{v:?}");
    assert!(!v.contains_key("test/language/only-strict.js sloppy"));
    assert!(stdout.contains("test/built-ins/Thing"), "{stdout}");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn ratchet_catches_regressions_and_fixes() {
    let root = suite("ratchet");
    let list = root.join("expectations.txt");
    let list_arg = format!("--expectations={}", list.display());
    let only = ["--filter=language/pass.js", "--filter=language/fail.js"];
    let mut args: Vec<&str> = only.to_vec();
    args.push(&list_arg);

    std::fs::write(&list, "").unwrap();
    let (code, stdout, _) = run(&root, &[&args[..], &["--ratchet"]].concat());
    assert_eq!(code, 1, "fail.js is not listed: {stdout}");
    assert!(stdout.contains("test/language/fail.js sloppy"), "{stdout}");

    let (code, _, _) = run(&root, &[&args[..], &["--update-expectations"]].concat());
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&list).unwrap();
    let entries: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(entries, ["test/language/fail.js sloppy", "test/language/fail.js strict"]);

    std::fs::write(&list, format!("{text}test/language/pass.js strict\n")).unwrap();
    let (code, stdout, _) = run(&root, &[&args[..], &["--ratchet"]].concat());
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("now pass") && stdout.contains("test/language/pass.js strict"), "{stdout}");
    let _ = std::fs::remove_dir_all(&root);
}
