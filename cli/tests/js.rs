//! The JavaScript behaviour suite: every `tests/js/**/*.js` (a script) and
//! `*.mjs` (a module) runs under the `strata` binary and its stdout must
//! equal the sibling `.out` file; `fixtures/` directories hold modules the
//! tests import, not tests. A
//! sibling `.err` file means the script must fail: exit status 1 and
//! stderr equal to that file. A first line `// flags: ...` adds flags;
//! `STRATA_JS_FLAGS` adds flags to every test (CI runs the suite again
//! with `--gc-stress=1`); a test whose first lines contain
//! `// no-gc-stress` is skipped under it (filling the heap while
//! collecting at every allocation is quadratic). `STRATA_JS_FILTER` runs only paths containing it.
//! `STRATA_JS_RUNNER` names an emulator to run the binary with (CI runs the
//! suite on AArch64 as `qemu-aarch64-static -L /usr/aarch64-linux-gnu`); a
//! test whose first lines hold `// no-emulator: <reason>` is skipped there.
//! `STRATA_BLESS=1` rewrites expected files from actual output (review the
//! diff: expected output must be what the specification says).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(120);

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("cli/ is inside the workspace").to_path_buf()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "fixtures") {
                collect(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "js" || x == "mjs") {
            out.push(p);
        }
    }
}

struct Outcome {
    path: PathBuf,
    problem: Option<String>,
}

fn run_one(root: &Path, path: &Path, extra: &[String]) -> Outcome {
    let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let text = std::fs::read_to_string(path).unwrap_or_default();
    if extra.iter().any(|f| f.starts_with("--gc-stress")) && text.lines().take(3).any(|l| l.trim() == "// no-gc-stress") {
        return Outcome { path: rel, problem: None };
    }
    if std::env::var_os("STRATA_JS_RUNNER").is_some() && text.lines().take(4).any(|l| l.trim().starts_with("// no-emulator:")) {
        return Outcome { path: rel, problem: None };
    }
    let mut flags: Vec<String> = extra.to_vec();
    if let Some(first) = text.lines().next()
        && let Some(f) = first.strip_prefix("// flags:")
    {
        flags.extend(f.split_whitespace().map(str::to_string));
    }
    let out_path = path.with_extension("out");
    let err_path = path.with_extension("err");
    // STRATA_JS_RUNNER runs the binary through an emulator (a cross-built
    // AArch64 strata under qemu-user).
    let runner: Vec<String> =
        std::env::var("STRATA_JS_RUNNER").unwrap_or_default().split_whitespace().map(str::to_string).collect();
    let mut cmd = match runner.split_first() {
        Some((program, rest)) => {
            let mut c = Command::new(program);
            c.args(rest).arg(env!("CARGO_BIN_EXE_strata"));
            c
        }
        None => Command::new(env!("CARGO_BIN_EXE_strata")),
    };
    cmd.current_dir(root).args(&flags).arg(&rel).stdout(Stdio::piped()).stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return Outcome { path: rel, problem: Some(format!("cannot start strata: {e}")) },
    };
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Outcome { path: rel, problem: Some(format!("timed out after {TIMEOUT:?}")) };
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Outcome { path: rel, problem: Some(format!("wait failed: {e}")) },
        }
    };
    let output = child.wait_with_output();
    let (stdout, stderr) = match output {
        Ok(o) => (String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned()),
        Err(e) => return Outcome { path: rel, problem: Some(format!("reading output failed: {e}")) },
    };
    let bless = std::env::var_os("STRATA_BLESS").is_some();
    let expect_err = err_path.exists();
    let mut problems = Vec::new();
    if bless && extra.is_empty() {
        let _ = std::fs::write(&out_path, &stdout);
        if expect_err {
            let _ = std::fs::write(&err_path, &stderr);
        }
        return Outcome { path: rel, problem: None };
    }
    let expected_out = std::fs::read_to_string(&out_path).unwrap_or_default();
    if stdout != expected_out {
        problems.push(diff("stdout", &expected_out, &stdout));
    }
    match (expect_err, status.code()) {
        (false, Some(0)) => {}
        (false, code) => problems.push(format!("exit status {code:?}, stderr:\n{stderr}")),
        (true, code) => {
            if code != Some(1) {
                problems.push(format!("expected exit status 1, got {code:?}"));
            }
            let expected = std::fs::read_to_string(&err_path).unwrap_or_default();
            // Under extra flags (--gc-stress, --trace-gc) stderr may carry
            // more lines; the expected ones must still appear in order.
            let ok = if extra.is_empty() { stderr == expected } else { stderr.contains(expected.trim_end()) };
            if !ok {
                problems.push(diff("stderr", &expected, &stderr));
            }
        }
    }
    Outcome { path: rel, problem: (!problems.is_empty()).then(|| problems.join("\n")) }
}

fn diff(what: &str, expected: &str, actual: &str) -> String {
    let mut s = format!("{what} differs:\n");
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut shown = 0;
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i).copied(), a.get(i).copied());
        if x != y {
            s.push_str(&format!("  line {}: expected {:?}\n           actual   {:?}\n", i + 1, x, y));
            shown += 1;
            if shown == 8 {
                s.push_str("  ...\n");
                break;
            }
        }
    }
    s
}

#[test]
fn js_suite() {
    let root = workspace_root();
    let mut files = Vec::new();
    collect(&root.join("tests/js"), &mut files);
    files.sort();
    if let Ok(filter) = std::env::var("STRATA_JS_FILTER") {
        files.retain(|p| p.to_string_lossy().contains(&filter));
    }
    let extra: Vec<String> =
        std::env::var("STRATA_JS_FLAGS").unwrap_or_default().split_whitespace().map(str::to_string).collect();
    let queue = Mutex::new(files.clone());
    let results = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let next = queue.lock().expect("queue").pop();
                    let Some(path) = next else { break };
                    let outcome = run_one(&root, &path, &extra);
                    results.lock().expect("results").push(outcome);
                }
            });
        }
    });
    let results = results.into_inner().expect("results");
    let failures: Vec<&Outcome> = results.iter().filter(|o| o.problem.is_some()).collect();
    for f in &failures {
        eprintln!("FAIL {}\n{}\n", f.path.display(), f.problem.as_deref().unwrap_or(""));
    }
    eprintln!(
        "tests/js: {} passed, {} failed, {} total{}",
        results.len() - failures.len(),
        failures.len(),
        results.len(),
        if extra.is_empty() { String::new() } else { format!(" (flags: {})", extra.join(" ")) }
    );
    assert!(failures.is_empty(), "{} JavaScript tests failed", failures.len());
}
