//! The shell's host globals, compatible with d8 and jsc: `print`,
//! `console.log`/`error`/`warn`/`info`/`debug`, `load(path)`,
//! `read(path)`, `quit(code)`, `gc()`, `version()`, `performance.now()`,
//! `arguments` and `scriptArgs` (the script's arguments; QuickJS's
//! `scriptArgs` starts with the script path). Installing the shell also
//! installs the host ([`install_host`]): timers, `require` and the event
//! loop's state. `load` and `read` obey the read permissions and throw
//! the `NotCapable` error synchronously when refused.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use strata_gc::Gc;
use strata_vm::function::Args;
use strata_vm::object::JsObject;
use strata_vm::property::Attrs;
use strata_vm::{JsResult, ScriptOptions, Value, Vm};

use crate::host::{Host, HostOptions};
use crate::node_errors::not_capable;
use crate::permissions::Access;

/// Installs the host on `vm`: its state ([`Host`]: permissions, event
/// loop), the timer functions and `require`. [`install_shell`] calls it;
/// an embedder that wants timers and `node:fs/promises` without the shell
/// globals calls it alone.
pub fn install_host(vm: &mut Vm, options: &HostOptions) -> JsResult<()> {
    Host::install(vm, options);
    let global = vm.realm().global_object();
    crate::timers::install(vm, global)?;
    crate::modules::install(vm, global)
}

/// What the shell needs to know.
#[derive(Clone, Debug, Default)]
pub struct ShellOptions {
    /// The script path (empty for `-e`).
    pub script_path: String,
    /// Arguments after the script.
    pub args: Vec<String>,
    /// Permissions and event-loop settings.
    pub host: HostOptions,
}

thread_local! {
    static START: Instant = Instant::now();
}

/// Installs the shell globals on the current realm's global object.
pub fn install_shell(vm: &mut Vm, options: &ShellOptions) -> JsResult<()> {
    START.with(|_| {});
    install_host(vm, &options.host)?;
    let global = vm.realm().global_object();
    def(vm, global, "print", 1, print)?;
    def(vm, global, "load", 1, load)?;
    def(vm, global, "read", 1, read)?;
    def(vm, global, "quit", 1, quit)?;
    def(vm, global, "gc", 0, gc)?;
    def(vm, global, "version", 0, version)?;

    let console = vm.new_object()?;
    def(vm, console, "log", 0, print)?;
    def(vm, console, "info", 0, print)?;
    def(vm, console, "debug", 0, print)?;
    def(vm, console, "error", 0, print_err)?;
    def(vm, console, "warn", 0, print_err)?;
    vm.define_value(global, "console", Value::from_gc(console), Attrs::HIDDEN)?;

    let performance = vm.new_object()?;
    def(vm, performance, "now", 0, performance_now)?;
    vm.define_value(global, "performance", Value::from_gc(performance), Attrs::HIDDEN)?;

    let mut args = Vec::new();
    for a in &options.args {
        args.push(vm.string_value(a)?);
    }
    let arguments = vm.new_array(&args)?;
    vm.define_value(global, "arguments", Value::from_gc(arguments), Attrs::HIDDEN)?;
    let mut script_args = vec![vm.string_value(&options.script_path)?];
    script_args.extend(args);
    let sa = vm.new_array(&script_args)?;
    vm.define_value(global, "scriptArgs", Value::from_gc(sa), Attrs::HIDDEN)?;
    Ok(())
}

fn def(vm: &mut Vm, obj: Gc<JsObject>, name: &str, len: u32, f: strata_vm::function::NativeFn) -> JsResult<()> {
    strata_vm::builtins::method(vm, obj, name, len, f).map(|_| ())
}

fn join_args(vm: &mut Vm, args: Args) -> JsResult<String> {
    let mut line = String::new();
    for i in 0..args.len() {
        if i > 0 {
            line.push(' ');
        }
        line.push_str(&vm.display_string(args.get(i))?);
    }
    Ok(line)
}

fn print(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let line = join_args(vm, args)?;
    let mut out = std::io::stdout().lock();
    // A closed stdout (a pipe whose reader left) is not the script's error.
    let _ = writeln!(out, "{line}");
    Ok(Value::UNDEFINED)
}

fn print_err(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let line = join_args(vm, args)?;
    let _ = std::io::stdout().flush();
    let _ = writeln!(std::io::stderr().lock(), "{line}");
    Ok(Value::UNDEFINED)
}

fn read_file(vm: &mut Vm, args: Args, what: &str) -> JsResult<(String, String)> {
    let path = vm.display_string(args.get(0))?;
    let checked = match Host::get(vm) {
        Some(host) => match host.permissions.check(Access::Read, Path::new(&path), &host.cwd) {
            Ok(p) => p,
            Err(denial) => return Err(not_capable(vm, &denial)),
        },
        None => PathBuf::from(&path),
    };
    match std::fs::read_to_string(&checked) {
        Ok(text) => Ok((path, text)),
        Err(e) => Err(vm.error(strata_vm::ErrorKind::Error, &format!("{what}: cannot read '{path}': {e}"))),
    }
}

fn load(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (path, text) = read_file(vm, args, "load")?;
    vm.eval_script(&text, &path, &ScriptOptions::default())
}

fn read(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (_, text) = read_file(vm, args, "read")?;
    vm.string_value(&text)
}

fn quit(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let code = vm.to_int32(args.get(0))?;
    let _ = std::io::stdout().flush();
    std::process::exit(code)
}

fn gc(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    vm.collect_garbage();
    Ok(Value::UNDEFINED)
}

fn version(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    vm.string_value(env!("CARGO_PKG_VERSION"))
}

fn performance_now(_vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let ms = START.with(|s| s.elapsed().as_secs_f64() * 1e3);
    Ok(Value::double(ms))
}
