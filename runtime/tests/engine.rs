//! The embedding API (`strata_runtime::Engine`) as an embedder uses it.

use strata_runtime::{Engine, EngineOptions, Value};

#[test]
fn evaluates_scripts_and_reads_results() {
    let mut engine = Engine::new().unwrap();
    let v = engine.eval("6 * 7").unwrap();
    assert_eq!(engine.to_number(v).unwrap(), 42.0);
    let s = engine.eval("'str' + 'ata'").unwrap();
    assert_eq!(engine.to_rust_string(s).unwrap(), "strata");
    // Top-level declarations persist across evaluations.
    engine.eval("let counter = 0; function bump(by) { counter += by; return counter; }").unwrap();
    engine.call_global("bump", &[Value::int(5)]).unwrap();
    let n = engine.call_global("bump", &[Value::int(2)]).unwrap();
    assert_eq!(engine.to_number(n).unwrap(), 7.0);
    let counter = engine.global("counter").unwrap();
    assert_eq!(engine.to_number(counter).unwrap(), 7.0);
    assert!(engine.global("noSuchGlobal").unwrap().is_undefined());
}

#[test]
fn calls_methods_with_a_receiver_and_reads_properties() {
    let mut engine = Engine::new().unwrap();
    let point = engine.eval("({ x: 3, y: 4, norm() { return Math.hypot(this.x, this.y); } })").unwrap();
    let norm = engine.get(point, "norm").unwrap();
    let r = engine.call(norm, point, &[]).unwrap();
    assert_eq!(engine.to_number(r).unwrap(), 5.0);
    let x = engine.get(point, "x").unwrap();
    assert_eq!(x.as_int(), Some(3));
    let text = engine.string("a,b,c").unwrap();
    let split = engine.get(text, "split").unwrap();
    let comma = engine.string(",").unwrap();
    let parts = engine.call(split, text, &[comma]).unwrap();
    let len = engine.get(parts, "length").unwrap();
    assert_eq!(len.as_int(), Some(3));
}

#[test]
fn exceptions_become_errors_with_name_message_and_stack() {
    let mut engine = Engine::new().unwrap();
    let e = engine.eval_script("function f() { null.x; }\nf();", "boom.js").unwrap_err();
    assert_eq!(e.name, "TypeError");
    assert!(e.message.contains("Cannot read properties of null"), "{e:?}");
    assert!(e.report.starts_with("Uncaught TypeError"), "{}", e.report);
    assert!(e.report.contains("at f (boom.js:1:"), "{}", e.report);

    let e = engine.eval_script("let = ;", "bad.js").unwrap_err();
    assert_eq!(e.name, "SyntaxError");
    assert!(e.report.contains("bad.js:1:"), "{}", e.report);

    let e = engine.eval("throw 42").unwrap_err();
    assert_eq!((e.name.as_str(), e.message.as_str()), ("", "42"));

    let e = engine.call_global("missing", &[]).unwrap_err();
    assert_eq!(e.name, "TypeError");
    // The engine stays usable after an error.
    let v = engine.eval("1 + 1").unwrap();
    assert_eq!(v.as_int(), Some(2));
}

#[test]
fn compiles_without_running_and_reports_bytecode_size() {
    let mut engine = Engine::new().unwrap();
    let bytes = engine.compile("function f(a) { return a + 1; } throw new Error('not run');", "c.js").unwrap();
    assert!(bytes > 10, "{bytes}");
    assert!(engine.compile("function (", "c.js").is_err());
}

#[test]
fn shell_globals_are_optional() {
    let mut bare = Engine::with_options(EngineOptions { shell: None, ..EngineOptions::default() }).unwrap();
    let t = bare.eval("typeof print + ' ' + typeof Math").unwrap();
    assert_eq!(bare.to_rust_string(t).unwrap(), "undefined object");
    let mut shell = Engine::new().unwrap();
    let t = shell.eval("typeof print + ' ' + typeof performance.now").unwrap();
    assert_eq!(shell.to_rust_string(t).unwrap(), "function function");
}

#[test]
fn values_on_the_stack_survive_collections() {
    let mut engine = Engine::new().unwrap();
    let obj = engine.eval("({ items: Array.from({ length: 100 }, (_, i) => 'item' + i) })").unwrap();
    engine.eval("for (let i = 0; i < 1000; i++) ({ garbage: [i, String(i)] })").unwrap();
    engine.collect_garbage();
    let items = engine.get(obj, "items").unwrap();
    let last = engine.eval("99").unwrap();
    let key = engine.to_rust_string(last).unwrap();
    let item = engine.get(items, &key).unwrap();
    assert_eq!(engine.to_rust_string(item).unwrap(), "item99");
    let stats = engine.heap_stats();
    let collections = stats.lines().find_map(|l| l.strip_prefix("gc.collections")).map(|n| n.trim().parse::<u64>());
    assert!(matches!(collections, Some(Ok(n)) if n >= 1), "{stats}");
}

#[test]
fn the_event_loop_runs_timers_and_io_after_the_script() {
    let mut engine = Engine::new().unwrap();
    engine
        .eval(
            "var log = [];
             setTimeout((a) => log.push('timer ' + a), 2, 'x');
             setImmediate(() => log.push('immediate'));
             require('node:fs/promises').stat('.').then((s) => log.push('stat ' + s.isDirectory()));
             Promise.resolve().then(() => log.push('micro'));",
        )
        .unwrap();
    engine.run_event_loop().unwrap();
    let log = engine.eval("log.join()").unwrap();
    let log = engine.to_rust_string(log).unwrap();
    assert!(log.starts_with("micro,"), "{log}");
    for part in ["immediate", "timer x", "stat true"] {
        assert!(log.contains(part), "{log}");
    }
    // Nothing left: the loop returns at once.
    engine.run_event_loop().unwrap();
}

#[test]
fn unhandled_rejections_and_callback_exceptions_end_the_loop() {
    let mut engine = Engine::new().unwrap();
    engine.eval("setTimeout(() => { Promise.reject(new RangeError('late')); }, 1)").unwrap();
    let e = engine.run_event_loop().unwrap_err();
    assert_eq!((e.name.as_str(), e.message.as_str()), ("RangeError", "late"));
    assert!(e.report.starts_with("Uncaught (in promise) RangeError: late"), "{}", e.report);
    engine.eval("setTimeout(() => { throw new TypeError('in a timer'); }, 1)").unwrap();
    let e = engine.run_event_loop().unwrap_err();
    assert!(e.report.starts_with("Uncaught TypeError: in a timer"), "{}", e.report);
}

#[test]
fn engines_on_one_thread_have_their_own_loops() {
    let mut a = Engine::new().unwrap();
    let mut b = Engine::new().unwrap();
    a.eval("var fired = 0; setTimeout(() => fired++, 1);").unwrap();
    b.eval("var fired = 0; setTimeout(() => fired += 10, 1); setTimeout(() => fired += 10, 1);").unwrap();
    b.run_event_loop().unwrap();
    a.run_event_loop().unwrap();
    let fa = a.global("fired").unwrap();
    let fb = b.global("fired").unwrap();
    assert_eq!((a.to_number(fa).unwrap(), b.to_number(fb).unwrap()), (1.0, 20.0));
    // Dropping an engine with timers still pending releases them.
    let mut c = Engine::new().unwrap();
    c.eval("setInterval(() => {}, 1000)").unwrap();
    drop(c);
    a.eval("setTimeout(() => fired++, 1)").unwrap();
    a.run_event_loop().unwrap();
}

#[test]
fn runs_modules_with_imports_and_top_level_await() {
    let dir = std::env::temp_dir().join(format!("strata-engine-modules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("dep.mjs"), "export let n = 40; export function add(k) { n += k; }").unwrap();
    let main = dir.join("main.mjs");
    let source = "import { n, add } from './dep.mjs'; add(2); globalThis.seen = n; await null; globalThis.after = 'awaited';";
    let mut engine = Engine::new().unwrap();
    let promise = engine.eval_module(source, main.to_str().unwrap()).unwrap();
    // The import is live: `add` changed the exporter's binding.
    let seen = engine.global("seen").unwrap();
    assert_eq!(engine.to_number(seen).unwrap(), 42.0);
    // Top-level await finishes in the event loop.
    engine.run_event_loop().unwrap();
    engine.module_result(promise).unwrap();
    let after = engine.global("after").unwrap();
    assert_eq!(engine.to_rust_string(after).unwrap(), "awaited");
    // A missing export fails at link time with the file, line and column.
    let bad = engine.eval_module("import { nope } from './dep.mjs';", dir.join("bad.mjs").to_str().unwrap()).unwrap_err();
    assert_eq!(bad.name, "SyntaxError");
    assert!(bad.report.contains("does not provide an export named 'nope'"), "{}", bad.report);
    assert!(bad.report.contains("bad.mjs:1:10"), "{}", bad.report);
    let _ = std::fs::remove_dir_all(&dir);
}
