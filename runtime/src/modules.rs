//! The host's modules: the module loader ES modules go through
//! ([`RuntimeModuleHost`]), and a global `require(name)` in CommonJS
//! style that knows only the host's own modules and returns the same
//! object on every call.
//!
//! | name | module |
//! |---|---|
//! | `node:fs/promises`, `fs/promises` | [`crate::fs::module_object`] |
//!
//! Any other name throws an Error `Cannot find module 'x'` with code
//! `MODULE_NOT_FOUND`, as Node's does. `import … from 'node:fs/promises'`
//! binds the same object's properties (and the object as `default`).

use std::path::{Path, PathBuf};

use strata_gc::Gc;
use strata_vm::module::{ModuleHost, ModuleSource, ModuleType, resolve_file_specifier};
use strata_vm::function::Args;
use strata_vm::object::JsObject;
use strata_vm::string::JsString;
use strata_vm::{ErrorKind, JsResult, Value, Vm};

use crate::host::Host;
use crate::node_errors::{invalid_arg_type, not_capable, throw_coded};
use crate::permissions::Access;

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
    vm.module_host = Some(std::rc::Rc::new(RuntimeModuleHost));
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

/// The engine's module loader: `node:` built-in modules (and their
/// unprefixed names), files under the read permissions (`--deny-read`,
/// `--sandbox`), Node's error for a missing file.
pub struct RuntimeModuleHost;

impl ModuleHost for RuntimeModuleHost {
    fn resolve(&self, referrer: Option<&str>, specifier: &str) -> Result<String, String> {
        let bare = specifier.strip_prefix("node:").unwrap_or(specifier);
        if BUILTIN_MODULES.contains(&bare) {
            return Ok(format!("node:{bare}"));
        }
        if specifier.starts_with("node:") {
            return Err(format!("No such built-in module: {specifier}"));
        }
        resolve_file_specifier(referrer, specifier)
    }

    fn load(&self, vm: &mut Vm, key: &str, _ty: ModuleType) -> JsResult<ModuleSource> {
        if key.starts_with("node:") {
            let object = match builtin_module(vm, key) {
                Some(m) => m?,
                None => return Err(vm.error(ErrorKind::Error, &format!("No such built-in module: {key}"))),
            };
            let mut exports = Vec::new();
            for k in vm.own_property_keys(object)? {
                let Some(desc) = strata_vm::object_ops::get_own_property(vm, object, k)? else { continue };
                if desc.enumerable != Some(true) || k.is_symbol() {
                    continue;
                }
                let value = vm.get(object, k, Value::from_gc(object))?;
                exports.push((vm.describe_key(k), value));
            }
            exports.push(("default".to_string(), Value::from_gc(object)));
            return Ok(ModuleSource::Exports(exports));
        }
        let path = match Host::get(vm) {
            Some(host) => match host.permissions.check(Access::Read, Path::new(key), &host.cwd) {
                Ok(p) => p,
                Err(denial) => return Err(not_capable(vm, &denial)),
            },
            None => PathBuf::from(key),
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(ModuleSource::Text(text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(throw_coded(vm, ErrorKind::Error, "ERR_MODULE_NOT_FOUND", &format!("Cannot find module '{key}'")))
            }
            Err(e) => Err(vm.error(ErrorKind::Error, &format!("Cannot read module '{key}': {e}"))),
        }
    }
}

/// Names of the host's built-in modules, without the `node:` prefix.
const BUILTIN_MODULES: &[&str] = &["fs/promises"];
