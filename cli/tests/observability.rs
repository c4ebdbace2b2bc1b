//! The researcher-facing views of the engine: `--trace-ic` shows every IC
//! state change, `--print-feedback` each function's feedback vector; the GC
//! policy flags change what `--stats` counts.

use std::process::Command;

fn run(flags: &[&str], script: &str) -> (String, String) {
    let dir = std::env::temp_dir().join(format!("strata-observability-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    // Tests run in parallel: each script gets a file of its own.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = dir.join(format!("{}-{n}.js", flags.join("_").replace('-', "")));
    std::fs::write(&path, script).expect("write script");
    let out = Command::new(env!("CARGO_BIN_EXE_strata")).args(flags).arg(&path).output().expect("run strata");
    assert!(out.status.success(), "strata failed: {}", String::from_utf8_lossy(&out.stderr));
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The `--print-feedback` section of function `name` in `out`.
fn vector<'a>(out: &'a str, name: &str) -> &'a str {
    out.split("[feedback for ").find(|s| s.strip_prefix(name).is_some_and(|r| r.starts_with(' '))).unwrap_or_else(|| panic!("no vector for {name} in {out}"))
}

const SHAPES: &str = r#"
function getX(o) { return o.x; }
var objs = [];
for (var n = 0; n < 6; n++) { var o = {}; for (var j = 0; j < n; j++) o["p" + j] = j; o.x = n; objs.push(o); }
var s = 0;
for (var i = 0; i < objs.length; i++) s += getX(objs[i]);
print(s);
"#;

#[test]
fn trace_ic_shows_each_state_transition() {
    let (out, err) = run(&["--trace-ic"], SHAPES);
    assert_eq!(out.trim(), "15");
    let site: Vec<&str> = err.lines().filter(|l| l.starts_with("[ic] getX ") && l.contains("load 'x'")).collect();
    assert!(site[0].contains("uninitialized -> monomorphic (own slot 0 (inline) on shape 0x"), "{err}");
    assert!(site[1].contains("monomorphic -> polymorphic (own slot 1 (inline) on shape"), "{err}");
    assert!(site.iter().any(|l| l.contains("polymorphic -> megamorphic")), "{err}");
    assert!(site[0].contains(".js:2:"), "sites carry file:line:column: {}", site[0]);
    assert!(err.lines().any(|l| l.contains("global load 'getX'") && l.contains("-> global (global object slot")), "{err}");
}

#[test]
fn print_feedback_shows_vectors_of_executed_functions() {
    let script = r#"
function add(a, b) { return a + b; }
function P(x) { this.x = x; }
var t = 0;
for (var i = 0; i < 100; i++) { t = add(t, i); new P(i); }
add(1.5, 2); add("a", "b");
function never() { return 1; }
print(t);
"#;
    let (out, _) = run(&["--print-feedback"], script);
    assert!(out.starts_with("4950\n"), "{out}");
    let add = vector(&out, "add");
    assert!(add.contains("102 invocations"), "{add}");
    assert!(add.contains("BinaryOp      number|string"), "{add}");
    let p = vector(&out, "P");
    assert!(p.contains("StoreProperty monomorphic: shape 0x") && p.contains("-> transition 0"), "{p}");
    let top = out.split("[feedback for ").find(|s| s.starts_with("<anonymous>")).expect("script vector");
    assert!(top.contains("Construct     allocates shape 0x") && top.contains("monomorphic target P (100 calls)"), "{top}");
    assert!(top.contains("Loop          100 back edges"), "{top}");
    assert!(!out.contains("[feedback for never"), "functions that never ran are left out");
}

#[test]
fn trace_event_loop_shows_each_task_with_its_queue_and_times() {
    let script = r#"
const fsp = require('node:fs/promises');
setTimeout(() => print('timer'), 5);
setImmediate(() => print('immediate'));
fsp.stat('.').then(() => print('io'));
Promise.resolve().then(() => print('micro'));
"#;
    let (out, err) = run(&["--trace-event-loop"], script);
    assert_eq!(out.lines().next(), Some("micro"), "{out}");
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines.iter().all(|l| l.starts_with("[event-loop] ")), "{err}");
    let find = |prefix: &str| lines.iter().position(|l| l.starts_with(prefix)).unwrap_or_else(|| panic!("no {prefix:?} in\n{err}"));
    let script_at = find("[event-loop] script ");
    let submitted = find("[event-loop]   io #1 (stat) submitted to the worker pool");
    assert!(script_at < submitted, "{err}");
    let timer = find("[event-loop] timer #1 (setTimeout, 5 ms)");
    let immediate = find("[event-loop] immediate #2");
    let io = find("[event-loop] io #1 (stat ok, ");
    for task in [timer, immediate, io] {
        let next = lines[task + 1];
        assert!(next.starts_with("[event-loop]   ran ") && next.contains(" ms, then microtasks "), "{next}");
    }
    assert!(lines.last().is_some_and(|l| l.starts_with("[event-loop] done after 3 tasks")), "{err}");
}

/// The collection count `--stats` reports for `script` under `flags`.
fn collections(flags: &[&str], script: &str) -> u64 {
    let mut all = vec!["--stats"];
    all.extend_from_slice(flags);
    let (_, err) = run(&all, script);
    let line = err.lines().find(|l| l.starts_with("gc.collections")).unwrap_or_else(|| panic!("no gc.collections in {err}"));
    line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("bad line {line}"))
}

#[test]
fn gc_policy_flags_set_the_allocation_budget() {
    // About 40 MiB of short-lived arrays, little of it live at any time.
    let script = "var keep; for (var i = 0; i < 20000; i++) keep = new Array(256).fill(i); print(keep[0]);";
    let small = collections(&["--gc-min-budget=1", "--gc-growth-factor=1"], script);
    let large = collections(&["--gc-min-budget=64", "--gc-growth-factor=1"], script);
    assert!(small > 4 * large.max(1), "1 MiB budget: {small} collections, 64 MiB: {large}");
    // The factor each collection chose: an explicit one alone pins it.
    let (_, err) = run(&["--stats", "--gc-growth-factor=1"], script);
    assert!(err.lines().any(|l| l == "gc.growth_factor      1.00"), "{err}");
    let (_, err) = run(&["--stats", "--gc-growth-factor=1.5", "--gc-max-growth-factor=1.5"], script);
    assert!(err.lines().any(|l| l == "gc.growth_factor      1.50"), "{err}");
    let bad = Command::new(env!("CARGO_BIN_EXE_strata")).args(["--gc-max-growth-factor=1.5", "--gc-growth-factor=2", "-e", "1"]).output().expect("run strata");
    assert!(!bad.status.success());
    let bad = Command::new(env!("CARGO_BIN_EXE_strata")).args(["--gc-growth-factor=0.5", "-e", "1"]).output().expect("run strata");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--gc-growth-factor"), "{}", String::from_utf8_lossy(&bad.stderr));
}

/// Slack tracking follows new.target, starting from a static estimate of
/// the whole class chain's stores: every instance of a derived class,
/// the first included, gets the same inline capacity, large enough for
/// every field, so the sites that read its fields see one shape and find
/// the fields in the cell.
#[test]
fn derived_instances_share_one_shape_from_the_first() {
    let script = r#"
class Base { constructor(a) { this.a = a; this.b = 1; } }
class Mid extends Base { constructor(a) { super(a); this.c = 2; this.d = 3; } }
class Leaf extends Mid { constructor(a) { super(a); this.e = 4; this.f = 5; this.g = 6; } }
function readG(o) { return o.g + o.a; }
var s = 0;
for (var i = 0; i < 20; i++) s += readG(new Leaf(i));
print(s);
"#;
    let (out, _) = run(&["--print-feedback"], script);
    assert!(out.starts_with("310\n"), "{out}");
    let read = vector(&out, "readG");
    assert_eq!(read.matches("LoadProperty  monomorphic").count(), 2, "{read}");
    assert!(read.contains("own slot 6 (inline)") && read.contains("own slot 0 (inline)"), "{read}");
}

/// A class prototype is allocated with an inline slot for `constructor`
/// and each method, so a method load from a class with many methods is
/// one load from the prototype's cell.
#[test]
fn class_prototypes_keep_their_methods_inline() {
    let script = r#"
class Many { m0(){return 0} m1(){return 1} m2(){return 2} m3(){return 3} m4(){return 4} m5(){return 5} m6(){return 6} get g(){return 7} static s(){return 8} }
function call(o) { return o.m6() + o.g; }
let t = 0; for (let i = 0; i < 10; i++) t += call(new Many());
print(t, Many.s());
"#;
    let (out, _) = run(&["--print-feedback"], script);
    assert!(out.starts_with("130 8\n"), "{out}");
    let call = vector(&out, "call");
    assert!(call.contains("-> prototype slot 7 (inline)"), "{call}");
    assert!(call.contains("-> getter 8 (inline)"), "{call}");
}

/// `--stats` shows the element protector: intact while no prototype has
/// an element (array stores then skip the prototype walk), invalidated
/// for good by the first one, with stores that then see the setter.
#[test]
fn stats_show_the_element_protector() {
    let plain = "var a = []; for (var i = 0; i < 10; i++) a[i] = i; print(String(a.length), 'x'.length);";
    let (out, err) = run(&["--stats"], plain);
    assert_eq!(out.trim(), "10 1");
    assert!(err.lines().any(|l| l == "protector.no_prototype_elements intact"), "{err}");
    let setter = "var seen = ''; Object.defineProperty(Array.prototype, 3, { set(v) { seen += v; }, configurable: true });\n\
                  var a = []; for (var i = 0; i < 5; i++) a[i] = i; print(seen, Object.keys(a).join());";
    let (out, err) = run(&["--stats"], setter);
    assert_eq!(out.trim(), "3 0,1,2,4");
    assert!(err.lines().any(|l| l == "protector.no_prototype_elements invalidated"), "{err}");
}
