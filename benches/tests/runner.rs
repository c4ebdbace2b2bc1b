//! The built `strata-bench` on a tiny fake suite, with a shell script
//! standing in for `strata`: it speaks the AWFY scripts' calling convention
//! and output lines with figures the test can predict, refuses the tiers
//! that do not exist (like today's `strata`), and can fail or hang on
//! demand. Needs no node, jsc or real engine: PATH is emptied for the
//! runner, so every peer engine is "not found".

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The fake `strata`. A script's first line says what to do: `time BASE`
/// (iteration i of N takes BASE + 100·(N−1−i) µs, twice BASE under
/// `--tier=interp`, times INNER when given), `fail` or `sleep SECS`.
const FAKE_STRATA: &str = r#"#!/bin/sh
tier=
case "$1" in --tier=*) tier=${1#--tier=}; shift ;; esac
case "$1" in
  --version) echo "strata 9.9.9-fake"; exit 0 ;;
  -e) if [ -z "$tier" ] || [ "$tier" = interp ]; then exit 0; fi
      echo "strata: --tier=$tier: only the interpreter exists so far (--tier=interp)" >&2; exit 2 ;;
esac
script=$1; iterations=${2:-1}; inner=${3:-1}
read -r what base < "$script"
name=${script##*/}; name=${name%.js}
case "$what" in
  fail) echo "Uncaught Error: $name failed on purpose" >&2; exit 1 ;;
  sleep) exec sleep "$base" ;;
esac
[ "$tier" = interp ] && base=$((base * 2))
base=$((base * inner))
i=0; total=0
while [ "$i" -lt "$iterations" ]; do
  t=$((base + 100 * (iterations - 1 - i)))
  echo "$name: iteration $i runtime: ${t}us"
  total=$((total + t)); i=$((i + 1))
done
echo "$name: total_us=$total"
"#;

/// A fresh folder with the fake engine and a suite: `alpha` (fine),
/// `broken` (exits 1), `slow` (hangs).
fn setup(test: &str) -> (PathBuf, PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("strata-bench-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let suite = dir.join("suite");
    std::fs::create_dir_all(&suite).expect("temp dir");
    let strata = dir.join("fake-strata");
    std::fs::write(&strata, FAKE_STRATA).expect("fake engine");
    std::fs::set_permissions(&strata, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::write(suite.join("alpha.js"), "time 1000\n").expect("script");
    std::fs::write(suite.join("broken.js"), "fail\n").expect("script");
    std::fs::write(suite.join("slow.js"), "sleep 30\n").expect("script");
    (dir.clone(), suite, strata)
}

fn bench(args: &[&str], path: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_strata-bench"));
    cmd.args(args);
    if let Some(p) = path {
        cmd.env("PATH", p);
    }
    cmd.output().expect("strata-bench runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn run_record<'a>(json: &'a Value, benchmark: &str, config: &str, run: u64) -> &'a Value {
    json["runs"]
        .as_array()
        .expect("runs")
        .iter()
        .find(|r| r["benchmark"] == benchmark && r["config"] == config && r["run"] == run)
        .expect("run record")
}

fn summary<'a>(json: &'a Value, benchmark: &str, config: &str) -> &'a Value {
    json["summaries"]
        .as_array()
        .expect("summaries")
        .iter()
        .find(|s| s["benchmark"] == benchmark && s["config"] == config)
        .expect("summary")
}

#[test]
fn runs_a_fake_suite_and_writes_every_file() {
    let (dir, suite, strata) = setup("suite");
    let out = dir.join("out");
    let empty_path = dir.join("no-engines-here");
    let result = bench(
        &[
            "--suite",
            &suite.display().to_string(),
            "--strata",
            &strata.display().to_string(),
            "--out",
            &out.display().to_string(),
            "--bench",
            "alpha,broken",
            "--configs",
            "strata-interp,strata",
            "--runs",
            "2",
            "--iterations",
            "3",
        ],
        Some(&empty_path),
    );
    let stdout = text(&result.stdout);
    assert!(result.status.success(), "stdout:\n{stdout}\nstderr:\n{}", text(&result.stderr));

    // The Markdown, printed and written: interp runs twice BASE, so the
    // default tier takes 3300 µs against interp's 6300 (the reference,
    // being the first configuration, as node-jitless did not run).
    let md = std::fs::read_to_string(out.join("results.md")).expect("results.md");
    assert_eq!(md, stdout);
    assert!(md.contains("| alpha | 6.30 ±0.0% (1.00x) | 3.30 ±0.0% (0.52x) |"), "{md}");
    assert!(md.contains("| broken | **failed**: exit status 1 | **failed**: exit status 1 |"), "{md}");
    assert!(md.contains("| **geometric mean of ratios** | **1.00x** (1 of 2) | **0.52x** (1 of 2) |"), "{md}");
    assert!(md.contains(&format!("`{} --tier=interp {}/BENCH.js 3`", strata.display(), suite.display())), "{md}");
    assert!(md.contains("strata 9.9.9-fake"), "{md}");
    assert!(md.contains("2 runs × 3 iterations"), "{md}");

    // The JSON: every raw figure.
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("results.json")).expect("results.json")).expect("JSON");
    assert_eq!(json["runs"].as_array().map(Vec::len), Some(2 * 2 * 2));
    let r = run_record(&json, "alpha", "strata", 2);
    assert_eq!(r["ok"], true);
    assert_eq!(r["exit_code"], 0);
    assert_eq!(r["total_us"], 3300);
    assert_eq!(r["iterations_us"], serde_json::json!([1200, 1100, 1000]));
    assert!(r["wall_us"].as_u64().is_some_and(|w| w > 0));
    assert!(r["max_rss_kib"].as_u64().is_some_and(|k| k > 0));
    let r = run_record(&json, "broken", "strata-interp", 1);
    assert_eq!(r["ok"], false);
    assert_eq!(r["exit_code"], 1);
    assert_eq!(r["failure"], "exit status 1");
    assert!(r["stderr_tail"].as_str().is_some_and(|t| t.contains("broken failed on purpose")), "{r}");
    let s = summary(&json, "alpha", "strata-interp");
    assert_eq!(s["total_ms"]["median"], 6.3);
    assert_eq!(s["iteration_ms"], serde_json::json!([2.2, 2.1, 2.0]));
    assert_eq!((s["runs"].as_u64(), s["ok_runs"].as_u64()), (Some(2), Some(2)));
    assert_eq!(json["settings"]["reference"], "strata-interp");
    assert_eq!(json["settings"]["inner"], Value::Null);
    assert_eq!(json["versions"]["strata"], "strata 9.9.9-fake");
    let configs = json["configs"].as_array().expect("configs");
    let baseline = configs.iter().find(|c| c["name"] == "strata-baseline").expect("strata-baseline");
    assert!(baseline["status"].as_str().is_some_and(|s| s.starts_with("not available")), "{baseline}");
    assert_eq!(baseline["ran"], false);
    let node = configs.iter().find(|c| c["name"] == "node").expect("node");
    assert_eq!(node["status"], "not found");

    // The chart.
    let svg = std::fs::read_to_string(out.join("chart.svg")).expect("chart.svg");
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
    for word in ["alpha", "broken", "strata-interp (reference)", "Warm-up"] {
        assert!(svg.contains(word), "chart.svg lacks {word}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn inner_is_passed_and_a_hang_times_out() {
    let (dir, suite, strata) = setup("timeout");
    let out = dir.join("out");
    let suite_arg = suite.display().to_string();
    let strata_arg = strata.display().to_string();
    let out_arg = out.display().to_string();
    let common = ["--suite", &suite_arg, "--strata", &strata_arg, "--out", &out_arg, "--runs", "1"];
    let result = bench(
        &[&common[..], &["--bench", "alpha,slow", "--configs", "strata", "--inner", "2", "--timeout", "0.5"]].concat(),
        None,
    );
    assert!(result.status.success(), "{}", text(&result.stderr));
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("results.json")).expect("results.json")).expect("JSON");
    // INNER 2 doubles BASE: 10 iterations of 2000 + 100·(9−i) µs.
    assert_eq!(run_record(&json, "alpha", "strata", 1)["total_us"], 24_500);
    let slow = run_record(&json, "slow", "strata", 1);
    assert_eq!(slow["timed_out"], true);
    assert_eq!(slow["ok"], false);
    assert!(slow["wall_us"].as_u64().is_some_and(|w| w < 10_000_000), "{slow}");
    let md = text(&result.stdout);
    assert!(md.contains("| slow | **failed**: timed out after 0.5 s |"), "{md}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn list_and_bad_command_lines() {
    let (dir, _suite, strata) = setup("list");
    let empty_path = dir.join("no-engines-here");
    let strata_arg = strata.display().to_string();
    let list = bench(&["--strata", &strata_arg, "--list"], Some(&empty_path));
    assert!(list.status.success());
    let listing = text(&list.stdout);
    for (name, status) in
        [("strata-interp", "found"), ("strata-baseline", "not available"), ("strata", "found"), ("jsc", "not found")]
    {
        let line = listing.lines().find(|l| l.split_whitespace().next() == Some(name)).expect("listed");
        assert!(line.contains(status), "{line}");
    }
    assert!(listing.contains("boa-args.js"), "{listing}");
    assert!(listing.contains("jsc /") && listing.contains(".js -- 10"), "{listing}");

    let unknown = bench(&["--strata", &strata_arg, "--configs", "v8"], Some(&empty_path));
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("unknown configuration 'v8'"));
    let nothing = bench(&["--strata", "/nonexistent/strata", "--configs", "strata"], Some(&empty_path));
    assert_eq!(nothing.status.code(), Some(2));
    assert!(text(&nothing.stderr).contains("none of the selected configurations"));
    let _ = std::fs::remove_dir_all(&dir);
}
