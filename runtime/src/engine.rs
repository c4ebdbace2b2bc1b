//! The embedding API: create an engine, evaluate scripts, call functions
//! and read results from Rust. The `strata` command and the benchmarks use
//! it; a researcher embedding Strata starts here.
//!
//! ```
//! use strata_runtime::{Engine, Value};
//!
//! let mut engine = Engine::new().unwrap();
//! engine.eval("function add(a, b) { return a + b; }").unwrap();
//! let sum = engine.call_global("add", &[Value::int(2), Value::int(40)]).unwrap();
//! assert_eq!(engine.to_number(sum).unwrap(), 42.0);
//! let text = engine.eval("[1, 2, 3].map(x => x * 2).join()").unwrap();
//! assert_eq!(engine.to_rust_string(text).unwrap(), "2,4,6");
//! ```
//!
//! # Values and the collector
//! A [`Value`] is a NaN-boxed word; a heap value (string, object) stays
//! alive while the word is on the Rust stack or in registers of the thread
//! that runs the engine, which the collector scans conservatively. Keep
//! values in local variables; when they must outlive a stack frame, keep
//! them in a [`strata_gc::RootedVec`] (`engine.vm().heap.rooted_vec()`)
//! or keep an object in a [`strata_gc::Persistent`]. A value stored only
//! in an ordinary heap `Vec` or struct may be collected.
//!
//! # The event loop
//! Scripts that use timers, `setImmediate` or `node:fs/promises` need the
//! loop to run after them: [`Engine::run_event_loop`] runs the microtask
//! checkpoint that ends the script's task, then every timer, I/O
//! completion and immediate until none is left (see
//! `strata_runtime::event_loop`). An unhandled promise rejection ends it
//! with an [`Error`] whose report starts `Uncaught (in promise)`.
//!
//! ```
//! use strata_runtime::Engine;
//!
//! let mut engine = Engine::new().unwrap();
//! engine.eval("var log = []; setTimeout(() => log.push('timer'), 1); Promise.resolve().then(() => log.push('micro'));").unwrap();
//! engine.run_event_loop().unwrap();
//! let log = engine.eval("log.join()").unwrap();
//! assert_eq!(engine.to_rust_string(log).unwrap(), "micro,timer");
//! ```
//!
//! One engine runs on one thread. Deep JavaScript recursion through
//! native code needs native stack: [`EngineOptions::native_stack_budget`]
//! must fit the thread's stack (the `strata` command runs the engine on a
//! thread with a 256 MiB stack).

use std::fmt;

use strata_gc::HeapConfig;
use strata_vm::{Exception, ScriptOptions, Value, Vm, VmOptions};

use crate::event_loop::{self, Uncaught};
use crate::host::Host;
use crate::shell::{ShellOptions, install_shell};

/// How to build an [`Engine`].
#[derive(Clone, Debug)]
pub struct EngineOptions {
    /// Heap limits and collector settings.
    pub heap: HeapConfig,
    /// Native stack bytes JavaScript may use before a RangeError (see the
    /// module docs).
    pub native_stack_budget: usize,
    /// Install the shell globals (`print`, `console`, `load`, `read`,
    /// `performance`, `scriptArgs`, …) and the host (timers, `require`,
    /// `node:fs/promises`, the event loop; permissions in
    /// [`ShellOptions::host`]). Without them the global object holds only
    /// the ECMAScript built-ins.
    pub shell: Option<ShellOptions>,
    /// `--trace-ic`: print inline-cache transitions to stderr.
    pub trace_ic: bool,
    /// Keep every function so [`Engine::feedback_report`] can print its
    /// feedback vector.
    pub keep_feedback: bool,
    /// Print each compiled script's bytecode to stdout.
    pub print_bytecode: bool,
}

impl Default for EngineOptions {
    fn default() -> Self {
        let vm = VmOptions::default();
        EngineOptions {
            heap: vm.heap,
            native_stack_budget: vm.native_stack_budget,
            shell: Some(ShellOptions::default()),
            trace_ic: false,
            keep_feedback: false,
            print_bytecode: false,
        }
    }
}

/// An uncaught JavaScript exception, as text: `name` and `message` of an
/// Error (empty for other thrown values) and the full report the `strata`
/// command prints (`Uncaught Name: message` and the stack).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The error's `name` (`TypeError`, …), or empty.
    pub name: String,
    /// The error's `message`, or the thrown value as a string.
    pub message: String,
    /// `Uncaught …` with the stack trace.
    pub report: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.report)
    }
}

impl std::error::Error for Error {}

/// A Strata engine: one VM (heap, realm, interpreter) and its host
/// globals.
pub struct Engine {
    vm: Box<Vm>,
    script_options: ScriptOptions,
    scripts: usize,
}

impl Engine {
    /// An engine with the default options (shell globals installed).
    pub fn new() -> Result<Engine, Error> {
        Engine::with_options(EngineOptions::default())
    }

    /// An engine with `options`.
    pub fn with_options(options: EngineOptions) -> Result<Engine, Error> {
        let vm = Vm::new(VmOptions {
            heap: options.heap,
            native_stack_budget: options.native_stack_budget,
            trace_ic: options.trace_ic,
            keep_functions: options.keep_feedback,
            ..VmOptions::default()
        });
        let mut engine = Engine {
            vm,
            script_options: ScriptOptions { print_bytecode: options.print_bytecode, strict: false },
            scripts: 0,
        };
        engine.vm.print_module_bytecode = options.print_bytecode;
        if let Some(shell) = &options.shell
            && let Err(e) = install_shell(&mut engine.vm, shell)
        {
            return Err(engine.error(e));
        }
        Ok(engine)
    }

    /// Evaluates `source` as a classic script named `<eval N>`; returns its
    /// completion value.
    pub fn eval(&mut self, source: &str) -> Result<Value, Error> {
        self.scripts += 1;
        let name = format!("<eval {}>", self.scripts);
        self.eval_script(source, &name)
    }

    /// Evaluates `source` as a classic script; `path` names it in stack
    /// traces and syntax errors.
    pub fn eval_script(&mut self, source: &str, path: &str) -> Result<Value, Error> {
        let options = self.script_options.clone();
        let trace = Host::get(&self.vm).is_some_and(|h| h.event_loop.borrow().trace);
        if trace {
            eprintln!("[event-loop] script {path}");
        }
        let start = std::time::Instant::now();
        let result = self.vm.eval_script(source, path, &options);
        if trace {
            eprintln!("[event-loop]   ran {:.3} ms", start.elapsed().as_secs_f64() * 1e3);
        }
        result.map_err(|e| self.error(e))
    }

    /// Runs `source` as the entry module named `path` (resolved against
    /// the working directory): loads every module it imports, links the
    /// graph and evaluates it. Returns the evaluation's promise — settled
    /// already unless the graph uses top-level await, in which case run
    /// the event loop and then ask [`Engine::module_result`]. An error
    /// loading, linking or (synchronously) evaluating is returned here.
    pub fn eval_module(&mut self, source: &str, path: &str) -> Result<Value, Error> {
        let key = match entry_module_key(path) {
            Ok(k) => k,
            Err(message) => return Err(Error { name: "Error".into(), message: message.clone(), report: message }),
        };
        let trace = Host::get(&self.vm).is_some_and(|h| h.event_loop.borrow().trace);
        if trace {
            eprintln!("[event-loop] module {path}");
        }
        let start = std::time::Instant::now();
        let result = self.vm.module_from_source(source, &key).and_then(|m| self.vm.run_module(m));
        if trace {
            eprintln!("[event-loop]   ran {:.3} ms", start.elapsed().as_secs_f64() * 1e3);
        }
        let promise = result.map_err(|e| self.error(e))?;
        // The embedder takes the outcome: it is not an unhandled rejection.
        if let strata_vm::object::ObjectKind::Promise(p) = &promise.kind {
            p.is_handled.set(true);
        }
        self.vm.roots.unhandled_rejections.retain(|&p| p != promise);
        let value = Value::from_gc(promise);
        if let Some(error) = self.module_error(value, false) {
            return Err(error);
        }
        Ok(value)
    }

    /// Reads and runs the module file at `path` (see [`Engine::eval_module`]).
    pub fn eval_module_file(&mut self, path: &str) -> Result<Value, Error> {
        match std::fs::read_to_string(path) {
            Ok(source) => self.eval_module(&source, path),
            Err(e) => Err(Error { name: String::new(), message: format!("cannot read {path}: {e}"), report: format!("cannot read {path}: {e}") }),
        }
    }

    /// The outcome of a module evaluation promise once the event loop is
    /// done: the error it was rejected with, or, still pending, Node's
    /// "unsettled top-level await" (the awaited promise can never settle).
    pub fn module_result(&mut self, promise: Value) -> Result<(), Error> {
        match self.module_error(promise, true) {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    fn module_error(&mut self, promise: Value, pending_is_error: bool) -> Option<Error> {
        let (_, data) = strata_vm::builtins::promise::promise_data(promise)?;
        match data.state.get() {
            strata_vm::builtins::promise::PromiseState::Rejected => Some(self.error(Exception(data.result.get()))),
            strata_vm::builtins::promise::PromiseState::Pending if pending_is_error => {
                let message = "Detected unsettled top-level await: the module awaits a promise that can never settle".to_string();
                Some(Error { name: String::new(), message: message.clone(), report: format!("Warning: {message}") })
            }
            _ => None,
        }
    }

    /// Runs the event loop until no timer, pending host operation or
    /// immediate is left; it begins with the microtask checkpoint that
    /// ends the script's task. An exception thrown by a callback, or a
    /// promise rejection no handler caught, stops it with an [`Error`]
    /// (`Uncaught …` / `Uncaught (in promise) …`).
    pub fn run_event_loop(&mut self) -> Result<(), Error> {
        match event_loop::run(&mut self.vm) {
            Ok(()) => Ok(()),
            Err(Uncaught::Exception(e)) => Err(self.error(e)),
            Err(Uncaught::Rejection(reason)) => {
                let mut error = self.error(Exception(reason));
                let rest = error.report.strip_prefix("Uncaught ").unwrap_or(&error.report);
                error.report = format!("Uncaught (in promise) {rest}");
                Err(error)
            }
        }
    }

    /// The microtask checkpoint alone: runs promise jobs and
    /// `queueMicrotask` callbacks until none is left (see
    /// `strata_vm::jobs`); timers and I/O wait for
    /// [`Engine::run_event_loop`].
    pub fn run_microtasks(&mut self) -> Result<(), Error> {
        self.vm.run_microtasks().map_err(|e| self.error(e))
    }

    /// Reads and evaluates the script file at `path`.
    pub fn eval_file(&mut self, path: &str) -> Result<Value, Error> {
        match std::fs::read_to_string(path) {
            Ok(source) => self.eval_script(&source, path),
            Err(e) => Err(Error { name: String::new(), message: format!("cannot read {path}: {e}"), report: format!("cannot read {path}: {e}") }),
        }
    }

    /// Parses and compiles `source` to bytecode without running it;
    /// returns the bytecode's size in bytes over all its functions (the
    /// compile-throughput measure).
    pub fn compile(&mut self, source: &str, path: &str) -> Result<usize, Error> {
        let options = self.script_options.clone();
        let code = self.vm.compile_script(source, path, &options).map_err(|e| self.error(e))?;
        Ok(code.total_code_bytes())
    }

    /// The global variable `name` (a property of the global object or a
    /// top-level `let`/`const`/`class`), undefined if there is none.
    pub fn global(&mut self, name: &str) -> Result<Value, Error> {
        let key = self.vm.key(name);
        self.vm.load_global(key, true).map_err(|e| self.error(e))
    }

    /// Calls `f` with `this` and `args`.
    pub fn call(&mut self, f: Value, this: Value, args: &[Value]) -> Result<Value, Error> {
        self.vm.call(f, this, args).map_err(|e| self.error(e))
    }

    /// Calls the global function `name` with an undefined `this`.
    pub fn call_global(&mut self, name: &str, args: &[Value]) -> Result<Value, Error> {
        let f = self.global(name)?;
        self.call(f, Value::UNDEFINED, args)
    }

    /// `value[name]` (with getters and the prototype chain).
    pub fn get(&mut self, value: Value, name: &str) -> Result<Value, Error> {
        let key = self.vm.key(name);
        self.vm.get_value(value, key).map_err(|e| self.error(e))
    }

    /// A JavaScript string.
    pub fn string(&mut self, s: &str) -> Result<Value, Error> {
        self.vm.string_value(s).map_err(|e| self.error(e))
    }

    /// ToNumber(value).
    pub fn to_number(&mut self, value: Value) -> Result<f64, Error> {
        self.vm.to_number(value).map_err(|e| self.error(e))
    }

    /// ToString(value), as a Rust string (lone surrogates replaced).
    pub fn to_rust_string(&mut self, value: Value) -> Result<String, Error> {
        match self.vm.to_string(value) {
            Ok(s) => Ok(s.to_rust_string()),
            Err(e) => Err(self.error(e)),
        }
    }

    /// Runs a full garbage collection.
    pub fn collect_garbage(&mut self) {
        self.vm.collect_garbage();
    }

    /// Every executed function's feedback vector, as `--print-feedback`
    /// prints it (needs [`EngineOptions::keep_feedback`]).
    pub fn feedback_report(&mut self) -> String {
        self.vm.feedback_report()
    }

    /// The heap's statistics, as `--stats` prints them.
    pub fn heap_stats(&self) -> String {
        // Followed by the state of the engine's protectors, which decide
        // whether some fast paths run at all.
        let intact = |b: bool| if b { "intact" } else { "invalidated" };
        format!(
            "{}\nprotector.no_prototype_elements {}",
            self.vm.heap.stats(),
            intact(strata_vm::object::prototypes_have_no_elements())
        )
    }

    /// The VM itself, for what this API does not cover.
    pub fn vm(&mut self) -> &mut Vm {
        &mut self.vm
    }

    /// An exception as an [`Error`].
    fn error(&mut self, e: Exception) -> Error {
        let thrown = e.0;
        let (mut name, mut message) = (String::new(), String::new());
        if !e.is_termination() {
            if thrown.as_gc::<strata_vm::object::JsObject>().is_some() {
                for (field, out) in [("name", &mut name), ("message", &mut message)] {
                    let key = self.vm.key(field);
                    if let Ok(v) = self.vm.get_value(thrown, key)
                        && !v.is_undefined()
                        && let Ok(s) = self.vm.to_string(v)
                    {
                        *out = s.to_rust_string();
                    }
                }
            } else if let Ok(s) = self.vm.display_string(thrown) {
                message = s;
            }
        }
        let report = self.vm.describe_uncaught(e);
        if message.is_empty() && name.is_empty() {
            message = report.clone();
        }
        Error { name, message, report }
    }
}

/// The module key of an entry point path: absolute, normalized.
fn entry_module_key(path: &str) -> Result<String, String> {
    if path.starts_with('/') || path.starts_with("./") || path.starts_with("../") {
        strata_vm::module::resolve_file_specifier(None, path)
    } else {
        strata_vm::module::resolve_file_specifier(None, &format!("./{path}"))
    }
}

impl Drop for Engine {
    /// Releases the host state: pending timers and operations are dropped
    /// with their roots (a worker still busy finishes into a closed
    /// channel).
    fn drop(&mut self) {
        Host::uninstall(&self.vm);
    }
}
