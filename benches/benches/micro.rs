//! Micro-benchmarks through the embedding API ([`strata_runtime::Engine`]):
//! each measures one engine mechanism in a small JavaScript loop, so a
//! regression in it shows as a change here before it blurs into a suite
//! figure. Run: `cargo bench -p strata-benches --bench micro`
//! (`-- property` to select by name).
//!
//! Each benchmark calls one JavaScript function that loops `N` times;
//! criterion reports the time per call, so time per operation is that
//! divided by `N` (the throughput line shows operations per second).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use strata_runtime::{Engine, EngineOptions, Value};

/// Loop iterations per measured call.
const N: i32 = 10_000;

/// The JavaScript under test: one function per mechanism.
const SETUP: &str = r#"
function Point(x, y) { this.x = x; this.y = y; }
var mono = new Point(1, 2);
// Eight receivers of eight shapes: a megamorphic site.
var shapes = [];
for (var i = 0; i < 8; i++) {
  var o = {};
  o['p' + i] = i;
  o.x = i;
  shapes.push(o);
}
function getMono(o, n) { var s = 0; for (var i = 0; i < n; i++) s += o.x; return s; }
function getMega(list, n) { var s = 0; for (var i = 0; i < n; i++) s += list[i & 7].x; return s; }
function setMono(o, n) { for (var i = 0; i < n; i++) o.x = i; return o.x; }
function setMega(list, n) { for (var i = 0; i < n; i++) list[i & 7].x = i; return list[0].x; }
function add(a, b) { return a + b; }
function calls(n) { var s = 0; for (var i = 0; i < n; i++) s = add(s, i); return s; }
function method(n) { var s = 0; for (var i = 0; i < n; i++) s += mono.sum(i); return s; }
Point.prototype.sum = function (k) { return this.x + k; };
function closures(n) { var last; for (var i = 0; i < n; i++) last = function () { return i; }; return last; }
function objects(n) { var last; for (var i = 0; i < n; i++) last = { a: i, b: i, c: i }; return last; }
function constructs(n) { var last; for (var i = 0; i < n; i++) last = new Point(i, i); return last; }
function arrays(n) { var last; for (var i = 0; i < n; i++) last = [i, i, i, i]; return last; }
function concat(n) { var s = ''; for (var i = 0; i < n; i++) s += 'ab'; return s.length; }
"#;

fn engine() -> Engine {
    let mut engine = Engine::with_options(EngineOptions { shell: None, ..EngineOptions::default() })
        .expect("an engine without shell globals starts");
    engine.eval_script(SETUP, "micro.js").expect("the micro-benchmark setup script runs");
    engine
}

/// Benchmarks `name(args..., N)` as `group/label`.
fn bench_loop(c: &mut Criterion, group: &str, label: &str, function: &str, globals: &[&str]) {
    let mut engine = engine();
    let f = engine.global(function).expect("setup defines the function");
    let mut args: Vec<Value> = Vec::new();
    for g in globals {
        args.push(engine.global(g).expect("setup defines the global"));
    }
    args.push(Value::int(N));
    // `args` lives in a heap Vec, which the collector does not scan; its
    // objects stay alive as the globals they were read from.
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function(label, |b| {
        b.iter(|| black_box(engine.call(f, Value::UNDEFINED, black_box(&args)).expect("the benchmark function runs")))
    });
    g.finish();
}

fn properties(c: &mut Criterion) {
    bench_loop(c, "property", "get/monomorphic", "getMono", &["mono"]);
    bench_loop(c, "property", "get/megamorphic", "getMega", &["shapes"]);
    bench_loop(c, "property", "set/monomorphic", "setMono", &["mono"]);
    bench_loop(c, "property", "set/megamorphic", "setMega", &["shapes"]);
}

fn calls(c: &mut Criterion) {
    bench_loop(c, "call", "function", "calls", &[]);
    bench_loop(c, "call", "method", "method", &[]);
}

fn allocation(c: &mut Criterion) {
    bench_loop(c, "allocate", "closure", "closures", &[]);
    bench_loop(c, "allocate", "object-literal", "objects", &[]);
    bench_loop(c, "allocate", "new", "constructs", &[]);
    bench_loop(c, "allocate", "array-literal", "arrays", &[]);
}

fn strings(c: &mut Criterion) {
    bench_loop(c, "string", "concat", "concat", &[]);
}

/// Parse + bytecode generation of real scripts (the AWFY benchmarks, the
/// largest real code in the tree), in source bytes per second.
fn compile(c: &mut Criterion) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/bench/awfy");
    let mut sources: Vec<(String, String)> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "js"))
            .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
            .collect(),
        Err(e) => {
            eprintln!("compile benchmark skipped: cannot read {}: {e}", dir.display());
            return;
        }
    };
    sources.sort();
    let total: usize = sources.iter().map(|(_, s)| s.len()).sum();
    let mut g = c.benchmark_group("compile");
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_with_input(BenchmarkId::new("awfy", format!("{} files", sources.len())), &sources, |b, sources| {
        b.iter_batched_ref(
            engine,
            |engine| {
                for (path, source) in sources {
                    black_box(engine.compile(source, path).expect("AWFY scripts compile"));
                }
            },
            criterion::BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group! {
    name = micro;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2)).sample_size(20);
    targets = properties, calls, allocation, strings, compile
}
criterion_main!(micro);
