//! The `$262` host object of test262 (its INTERPRETING.md, "Host-Defined
//! Functions"): installed by the conformance runner (tests/test262) and
//! by the `strata` shell with `--expose-test262`, so an outside runner can
//! drive the binary.
//!
//! What exists: `createRealm`, `evalScript`, `detachArrayBuffer`,
//! `gc`, `clearKeptObjects`, `global`, `agent` (threads: `agent.rs`;
//! the host calls [`crate::agent::finish_agents`] when done with the VM)
//! and `IsHTMLDDA` (a function object with the [[IsHTMLDDA]] slot, see
//! `JsObject::is_html_dda`: falsy, `typeof` "undefined", `==` null;
//! calling it with no argument or "" gives null). What does not:
//! `AbstractModuleSource`. Tests that need it fail, as the harness intends.
//!
//! Invariant: every native here runs with its own realm current (the VM's
//! `call_native` switches to the callee's realm), so `evalScript` and
//! `createRealm` act on the realm whose `$262` was called.

use strata_gc::Gc;
use strata_vm::function::Args;
use strata_vm::object::JsObject;
use strata_vm::property::Attrs;
use strata_vm::{JsResult, ScriptOptions, Value, Vm};

/// Defines `$262` on the running realm's global object (writable,
/// configurable, not enumerable). The heap limit is far above what this
/// needs, so running out of memory here is a setup failure and panics.
pub fn install_test262(vm: &mut Vm) {
    let global = vm.realm().global_object();
    if let Err(e) = define_262(vm, global) {
        let what = vm.describe_uncaught(e);
        panic!("installing $262 failed: {what}");
    }
}

/// Builds a `$262` for `global`'s realm (the running one) and defines it.
fn define_262(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<Gc<JsObject>> {
    let host = vm.new_object()?;
    let def = |vm: &mut Vm, name: &str, len: u32, f: strata_vm::function::NativeFn| {
        strata_vm::builtins::method(vm, host, name, len, f).map(|_| ())
    };
    def(vm, "createRealm", 0, create_realm)?;
    def(vm, "evalScript", 1, eval_script)?;
    def(vm, "detachArrayBuffer", 1, detach_array_buffer)?;
    def(vm, "gc", 0, gc)?;
    def(vm, "clearKeptObjects", 0, clear_kept_objects)?;
    crate::agent::install_main_agent(vm, host)?;
    let dda = strata_vm::builtins::method(vm, host, "IsHTMLDDA", 0, is_html_dda)?;
    dda.set_html_dda();
    vm.define_value(host, "global", Value::from_gc(global), Attrs::HIDDEN)?;
    vm.define_value(global, "$262", Value::from_gc(host), Attrs::HIDDEN)?;
    Ok(host)
}

/// `$262.createRealm()`: a new realm with `$262` (and the creating realm's
/// `print`, if any) on its global; returns the new `$262`.
fn create_realm(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let print_key = vm.key("print");
    let creator_global = vm.realm().global_object();
    let print = vm.get(creator_global, print_key, Value::from_gc(creator_global))?;
    let realm = strata_vm::builtins::create_realm(vm);
    let saved = vm.roots.realm.replace(realm);
    let result = (|| {
        let global = realm.global_object();
        if !print.is_undefined() {
            vm.define_value(global, "print", print, Attrs::HIDDEN)?;
        }
        define_262(vm, global)
    })();
    vm.roots.realm = saved;
    result.map(Value::from_gc)
}

/// `$262.evalScript(source)`: ParseScript and ScriptEvaluation in this
/// realm; a syntax error is thrown as this realm's SyntaxError.
fn eval_script(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let source = vm.to_string(args.get(0))?.to_rust_string();
    vm.eval_script(&source, "<evalScript>", &ScriptOptions::default())
}

/// `$262.detachArrayBuffer(buffer)`: DetachArrayBuffer.
fn detach_array_buffer(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    strata_vm::builtins::array_buffer::detach_array_buffer(vm, args.get(0))?;
    Ok(Value::NULL)
}

/// `$262.clearKeptObjects()`: ClearKeptObjects, so WeakRef targets
/// created or dereferenced in this job may die.
fn clear_kept_objects(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    vm.clear_kept_objects();
    Ok(Value::UNDEFINED)
}

/// `$262.IsHTMLDDA(...)`: null when called with no argument or with "",
/// as test262 requires of the host (undefined otherwise).
fn is_html_dda(_vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let first = args.get(0);
    let empty = first.as_gc::<strata_vm::string::JsString>().is_some_and(|s| s.is_empty());
    Ok(if args.is_empty() || empty { Value::NULL } else { Value::UNDEFINED })
}

/// `$262.gc()`: a full collection.
fn gc(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    vm.collect_garbage();
    Ok(Value::UNDEFINED)
}
