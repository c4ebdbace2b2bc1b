//! Running one test in one mode, in a fresh [`Vm`] on the calling thread:
//! the heart of a worker (`worker.rs` calls it, under a watchdog and
//! `catch_unwind`).
//!
//! Order of events, as INTERPRETING.md asks:
//! 1. the test's source (with `"use strict";\n` in front in strict mode)
//!    is parsed and compiled before anything runs, so a parse-phase
//!    negative test passes only on a SyntaxError raised before any code;
//! 2. `print` and `$262` are defined, then the harness files run, each as
//!    its own global script: assert.js, sta.js, doneprintHandle.js for
//!    `async`, then `includes` in order (none for `raw`);
//! 3. the test runs; its completion is judged against `negative` and, for
//!    `async` tests, against what it printed.
//!
//! Compilation is split in two so the verdict can tell an early error (the
//! frontend's) from a construct the bytecode generator does not support
//! yet: the latter is a failure, never a pass of a negative test.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use strata_vm::function::Args;
use strata_vm::object::JsObject;
use strata_vm::string::JsString;
use strata_vm::vm::Script;
use strata_vm::module::{FileModuleHost, ModuleHost, ModuleSource, ModuleType};
use strata_vm::{Exception, JsResult, ScriptOptions, Value, Vm, VmOptions};

use crate::metadata::{self, Metadata, Mode, Phase};
use crate::outcome::Outcome;

/// Per-test engine settings.
#[derive(Clone, Debug)]
pub struct EngineConfig {
    /// Heap limit of each test's VM.
    pub max_heap_bytes: usize,
    /// Native stack JavaScript may use (the worker thread's stack minus a
    /// margin for the runner and the parser).
    pub native_stack_budget: usize,
    /// The tiers that run the test's code.
    pub tier: strata_baseline_jit::TierMode,
}

/// The harness directory's files, read once per worker.
pub struct Harness {
    dir: PathBuf,
    files: HashMap<String, Arc<str>>,
}

impl Harness {
    /// The harness of the test262 checkout at `root`.
    pub fn new(root: &Path) -> Harness {
        Harness { dir: root.join("harness"), files: HashMap::new() }
    }

    fn file(&mut self, name: &str) -> Result<Arc<str>, String> {
        if let Some(text) = self.files.get(name) {
            return Ok(text.clone());
        }
        let path = self.dir.join(name);
        let text: Arc<str> =
            std::fs::read_to_string(&path).map_err(|e| format!("cannot read harness {}: {e}", path.display()))?.into();
        self.files.insert(name.to_string(), text.clone());
        Ok(text)
    }
}

thread_local! {
    /// What the test passed to `print`, in order (the async protocol).
    static PRINTED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Runs `rel_path` (relative to the test262 root) in `mode`. `on_vm` gets
/// the new VM's interrupt flag before any code runs (the watchdog's
/// handle).
pub fn run_test(
    root: &Path,
    harness: &mut Harness,
    rel_path: &str,
    mode: Mode,
    config: &EngineConfig,
    on_vm: &mut dyn FnMut(Arc<AtomicBool>),
) -> Outcome {
    let bytes = match std::fs::read(root.join(rel_path)) {
        Ok(b) => b,
        Err(e) => return Outcome::fail(format!("cannot read the test: {e}")),
    };
    let Ok(source) = String::from_utf8(bytes) else { return Outcome::fail("the test is not UTF-8") };
    let meta = match metadata::parse(&source) {
        Ok(m) => m,
        Err(e) => return Outcome::fail(format!("front matter: {e}")),
    };
    let options = VmOptions {
        heap: strata_gc::HeapConfig { max_heap_bytes: config.max_heap_bytes, ..Default::default() },
        native_stack_budget: config.native_stack_budget,
        ..VmOptions::default()
    };
    let mut vm = Vm::new(options);
    if let Err(e) = strata_baseline_jit::install(&mut vm, config.tier, Default::default()) {
        return Outcome::fail(e);
    }
    vm.module_host = Some(std::rc::Rc::new(Test262Modules { root: root.to_path_buf() }));
    on_vm(vm.interrupt.clone());
    let outcome = run_in_vm(&mut vm, root, harness, rel_path, mode, source, &meta);
    // Agents the test started: interrupted and joined.
    strata_runtime::agent::finish_agents(&mut vm);
    outcome
}

/// Steps 1 to 3 in `vm`.
fn run_in_vm(
    vm: &mut Vm,
    root: &Path,
    harness: &mut Harness,
    rel_path: &str,
    mode: Mode,
    source: String,
    meta: &Metadata,
) -> Outcome {
    if mode == Mode::Module {
        return run_module(vm, root, harness, &source, rel_path, meta);
    }
    let text = if mode == Mode::Strict { format!("\"use strict\";\n{source}") } else { source };

    // 1. Parse and compile before anything runs.
    let index = vm.scripts.len() as u32;
    vm.scripts.push(Script::new(rel_path.to_string(), text.clone()));
    let compiled = compile(&text, rel_path, strata_frontend::Goal::Script, |parsed| {
        strata_bytecode::generator::compile_script(parsed, index)
    });
    let code = match compiled {
        Compiled::Code(code) => code,
        failed => return early_error_verdict(failed, meta),
    };
    if let Some(n) = &meta.negative
        && n.phase != Phase::Runtime
    {
        return Outcome::fail(format!("expected a {}-phase {}, but the script compiled", n.phase, n.error_type));
    }

    // 2. Host functions and harness files.
    if let Some(outcome) = prepare(vm, harness, meta) {
        return outcome;
    }

    // 3. Run and judge.
    let result = vm.run_script_code(code);
    judge(vm, meta, result)
}

/// Defines `print` and `$262` and runs the harness files; an outcome
/// only when that failed.
fn prepare(vm: &mut Vm, harness: &mut Harness, meta: &Metadata) -> Option<Outcome> {
    PRINTED.with(|p| p.borrow_mut().clear());
    let global = vm.realm().global_object();
    if let Err(e) = strata_vm::builtins::method(vm, global, "print", 1, print) {
        return Some(Outcome::fail(format!("defining print failed: {}", vm.describe_uncaught(e))));
    }
    strata_runtime::install_test262(vm);
    if !meta.flags.raw {
        let mut files = vec!["assert.js", "sta.js"];
        if meta.flags.is_async {
            files.push("doneprintHandle.js");
        }
        files.extend(meta.includes.iter().map(String::as_str));
        for name in files {
            let text = match harness.file(name) {
                Ok(t) => t,
                Err(e) => return Some(Outcome::fail(e)),
            };
            if let Err(e) = vm.eval_script(&text, &format!("harness/{name}"), &ScriptOptions::default()) {
                if e.is_termination() {
                    return Some(Outcome::timeout());
                }
                let (kind, message) = describe_thrown(vm, e);
                return Some(Outcome::fail(format!("harness/{name} threw {kind}: {message}")));
            }
        }
    }
    None
}

/// Module loading for tests: specifiers resolve against the importing
/// file (scripts are named by their path under the test262 root).
struct Test262Modules {
    root: PathBuf,
}

impl ModuleHost for Test262Modules {
    fn resolve(&self, referrer: Option<&str>, specifier: &str) -> Result<String, String> {
        let referrer = referrer.map(|r| if r.starts_with('/') { PathBuf::from(r) } else { self.root.join(r) });
        let referrer = referrer.map(|r| r.to_string_lossy().into_owned());
        strata_vm::module::resolve_file_specifier(referrer.as_deref(), specifier)
    }

    fn load(&self, vm: &mut Vm, key: &str, ty: ModuleType) -> JsResult<ModuleSource> {
        FileModuleHost.load(vm, key, ty)
    }
}

/// A compile's outcome, as the verdict needs it.
enum Compiled<T> {
    Code(T),
    EarlyError(String),
    Unsupported(String),
}

/// Parses `text` with `goal` and runs `generate` on it (what
/// `Vm::compile_script` and the module loader do), with the frontend's and
/// the generator's early errors kept apart from the generator's missing
/// features.
fn compile<T>(
    text: &str,
    path: &str,
    goal: strata_frontend::Goal,
    generate: impl FnOnce(&strata_frontend::ParsedSource<'_>) -> Result<T, strata_frontend::SyntaxError>,
) -> Compiled<T> {
    let allocator = oxc_allocator::Allocator::default();
    let options = strata_frontend::ParseOptions { path: path.to_string(), goal, strict: false };
    let parsed = match strata_frontend::parse(&allocator, text, options) {
        Ok(p) => p,
        Err(e) => return Compiled::EarlyError(format!("{} ({}:{})", e.message, e.line, e.column)),
    };
    match generate(&parsed) {
        Ok(code) => Compiled::Code(code),
        Err(e) if generator_limitation(&e.message) => Compiled::Unsupported(e.message),
        // The generator's own early errors (`super` outside a method).
        Err(e) => Compiled::EarlyError(format!("{} ({}:{})", e.message, e.line, e.column)),
    }
}

/// The verdict on a test that did not compile: a pass only for a
/// parse-phase SyntaxError the test expects.
fn early_error_verdict<T>(failed: Compiled<T>, meta: &Metadata) -> Outcome {
    match (failed, &meta.negative) {
        (Compiled::Unsupported(message), _) => Outcome::fail(format!("not compiled: {message}")),
        (Compiled::EarlyError(_), Some(n)) if n.phase == Phase::Parse && n.error_type == "SyntaxError" => Outcome::pass(),
        (Compiled::EarlyError(message), Some(n)) => Outcome::fail(format!(
            "expected a {}-phase {}, got a parse-phase SyntaxError: {message}",
            n.phase, n.error_type
        )),
        (Compiled::EarlyError(message), None) => Outcome::fail(format!("SyntaxError (parse): {message}")),
        (Compiled::Code(_), _) => Outcome::fail("internal error: judged a compiled test as an early error"),
    }
}

/// Whether a generator error is a missing feature or an internal failure
/// rather than an early error of the language.
fn generator_limitation(message: &str) -> bool {
    ["not supported", "unsupported", "internal", "nests too deeply", "cannot start"].iter().any(|m| message.contains(m))
}

/// A module test: parsed and compiled first (a parse-phase negative test
/// passes only on an early error), then harness scripts, then the module
/// graph is loaded and linked (resolution-phase errors) and evaluated.
fn run_module(vm: &mut Vm, root: &Path, harness: &mut Harness, source: &str, path: &str, meta: &Metadata) -> Outcome {
    let compiled = compile(source, path, strata_frontend::Goal::Module, |parsed| {
        strata_bytecode::generator::compile_module(parsed, 0)
    });
    if !matches!(compiled, Compiled::Code(_)) {
        return early_error_verdict(compiled, meta);
    }
    if let Some(n) = &meta.negative
        && n.phase == Phase::Parse
    {
        return Outcome::fail(format!("expected a parse-phase {}, but the module compiled", n.error_type));
    }
    if let Some(outcome) = prepare(vm, harness, meta) {
        return outcome;
    }
    let key = root.join(path).to_string_lossy().into_owned();
    let linked = vm.module_from_source(source, &key).and_then(|m| {
        vm.load_module_graph(m)?;
        vm.link_module(m)?;
        Ok(m)
    });
    let module = match (linked, &meta.negative) {
        (Ok(m), _) => m,
        (Err(e), _) if e.is_termination() => return Outcome::timeout(),
        (Err(e), Some(n)) if n.phase == Phase::Resolution => {
            let (kind, message) = describe_thrown(vm, e);
            return if kind == n.error_type {
                Outcome::pass()
            } else {
                Outcome::fail(format!("expected a resolution-phase {}, got {kind}: {message}", n.error_type))
            };
        }
        (Err(e), _) => {
            let (kind, message) = describe_thrown(vm, e);
            return Outcome::fail(format!("linking threw {kind}: {message}"));
        }
    };
    if let Some(n) = &meta.negative
        && n.phase == Phase::Resolution
    {
        return Outcome::fail(format!("expected a resolution-phase {}, but the module linked", n.error_type));
    }
    let promise = match vm.evaluate_module(module) {
        Ok(p) => p,
        Err(e) => return judge(vm, meta, Err(e)),
    };
    // Top-level await: the graph finishes in promise jobs.
    if !meta.flags.is_async {
        if let Err(e) = vm.run_microtasks() {
            return judge(vm, meta, Err(e));
        }
    }
    let result = match strata_vm::builtins::promise::promise_data(Value::from_gc(promise)) {
        Some((_, data)) if data.state.get() == strata_vm::builtins::promise::PromiseState::Rejected => {
            Err(Exception(data.result.get()))
        }
        Some((_, data)) if data.state.get() == strata_vm::builtins::promise::PromiseState::Pending && !meta.flags.is_async => {
            return Outcome::fail("the module's top-level await never settled");
        }
        _ => Ok(Value::UNDEFINED),
    };
    judge(vm, meta, result)
}

fn judge(vm: &mut Vm, meta: &Metadata, result: JsResult<Value>) -> Outcome {
    match result {
        Err(e) if e.is_termination() => Outcome::timeout(),
        Err(e) => {
            let (kind, message) = describe_thrown(vm, e);
            match &meta.negative {
                Some(n) if n.error_type == kind => Outcome::pass(),
                Some(n) => Outcome::fail(format!("expected {}, got {kind}: {message}", n.error_type)),
                None => Outcome::fail(format!("{kind}: {message}")),
            }
        }
        Ok(_) => {
            if let Some(n) = &meta.negative {
                return Outcome::fail(format!("expected {} at runtime, but the test completed", n.error_type));
            }
            if !meta.flags.is_async {
                return Outcome::pass();
            }
            // The microtask checkpoint after the script: promise jobs
            // run (and `waitAsync` promises settle, as other agents notify
            // them or they time out), then what the test printed decides.
            if let Err(e) = strata_runtime::agent::run_until_no_waiters(vm) {
                if e.is_termination() {
                    return Outcome::timeout();
                }
                let (kind, message) = describe_thrown(vm, e);
                return Outcome::fail(format!("async: a job threw {kind}: {message}"));
            }
            let printed = PRINTED.with(|p| std::mem::take(&mut *p.borrow_mut()));
            if let Some(f) = printed.iter().find(|l| l.starts_with("Test262:AsyncTestFailure:")) {
                Outcome::fail(format!("async: {}", &f["Test262:AsyncTestFailure:".len()..]))
            } else if printed.iter().any(|l| l == "Test262:AsyncTestComplete") {
                Outcome::pass()
            } else {
                Outcome::fail("async: $DONE was never called")
            }
        }
    }
}

/// The thrown value's constructor name (`Test262Error`, `TypeError`, or
/// its type for primitives) and message, read without letting a getter's
/// throw escape.
fn describe_thrown(vm: &mut Vm, e: Exception) -> (String, String) {
    let v = e.0;
    let Some(obj) = v.as_gc::<JsObject>() else {
        let what = if v.as_gc::<JsString>().is_some() { "a string" } else { "a primitive" };
        let text = vm.display_string(v).unwrap_or_default();
        return (format!("({what})"), text);
    };
    let ctor_key = vm.key("constructor");
    let name_key = vm.key("name");
    let message_key = vm.key("message");
    let mut kind = String::new();
    if let Ok(ctor) = vm.get(obj, ctor_key, v)
        && let Some(c) = ctor.as_gc::<JsObject>()
        && let Ok(name) = vm.get(c, name_key, ctor)
        && let Some(s) = name.as_gc::<JsString>()
    {
        kind = s.to_rust_string();
    }
    if kind.is_empty() {
        kind = match vm.get(obj, name_key, v) {
            Ok(n) if n.as_gc::<JsString>().is_some() => vm.display_string(n).unwrap_or_default(),
            _ => "(object)".into(),
        };
    }
    let message = match vm.get(obj, message_key, v) {
        Ok(m) if !m.is_undefined() => vm.display_string(m).unwrap_or_default(),
        _ => String::new(),
    };
    (kind, message)
}

/// The test's `print`: records its argument for the async protocol.
fn print(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let line = vm.to_string(args.get(0))?.to_rust_string();
    PRINTED.with(|p| p.borrow_mut().push(line));
    Ok(Value::UNDEFINED)
}
