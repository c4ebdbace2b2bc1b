//! The built-in modules a script can reach before Strata has ES modules:
//! a global `require(name)` in CommonJS style that knows only the host's
//! own modules and returns the same object on every call.
//!
//! | name | module |
//! |---|---|
//! | `node:fs/promises`, `fs/promises` | [`crate::fs::module_object`] |
//!
//! Any other name throws an Error `Cannot find module 'x'` with code
//! `MODULE_NOT_FOUND`, as Node's does. When ES modules arrive,
//! `import … from 'node:fs/promises'` binds the same object
//! ([`builtin_module`] is the hook for the module loader).

use strata_gc::Gc;
use strata_vm::function::Args;
use strata_vm::object::JsObject;
use strata_vm::string::JsString;
use strata_vm::{ErrorKind, JsResult, Value, Vm};

use crate::node_errors::{invalid_arg_type, throw_coded};

/// The built-in module `name` (with or without the `node:` prefix), or
/// `None` if there is no such module.
pub fn builtin_module(vm: &mut Vm, name: &str) -> Option<JsResult<Gc<JsObject>>> {
    match name.strip_prefix("node:").unwrap_or(name) {
        "fs/promises" => Some(crate::fs::module_object(vm)),
        _ => None,
    }
}

/// Defines `require` on `global`.
pub fn install(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    strata_vm::builtins::method(vm, global, "require", 1, require).map(|_| ())
}

fn require(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let id = args.get(0);
    let Some(s) = id.as_gc::<JsString>() else {
        return Err(invalid_arg_type(vm, "id", "of type string", id));
    };
    let name = s.to_rust_string();
    match builtin_module(vm, &name) {
        Some(m) => m.map(Value::from_gc),
        None => {
            let message = format!(
                "Cannot find module '{name}' (Strata's require knows only its built-in modules: node:fs/promises)"
            );
            Err(throw_coded(vm, ErrorKind::Error, "MODULE_NOT_FOUND", &message))
        }
    }
}
