//! Errors in Node's shapes, for the Node-named host APIs (timers,
//! `node:fs/promises`): argument errors with an `ERR_*` `code` and Node's
//! message wording ("The "callback" argument must be of type function.
//! Received undefined"), and the permission error `NotCapable`
//! (`permissions.rs`).

use strata_gc::Gc;
use strata_vm::object::{JsObject, ObjectKind};
use strata_vm::property::Attrs;
use strata_vm::{ErrorKind, Exception, JsResult, Value, Vm};

use crate::permissions::Denial;

/// An error of `kind` with `message` and an own enumerable `code`, as
/// Node's internal errors carry it.
pub fn coded(vm: &mut Vm, kind: ErrorKind, code: &str, message: &str) -> JsResult<Gc<JsObject>> {
    let err = vm.new_error(kind, message)?;
    let code = vm.string_value(code)?;
    vm.define_value(err, "code", code, Attrs::DEFAULT)?;
    Ok(err)
}

/// [`coded`] as an exception (allocation failure becomes that exception).
pub fn throw_coded(vm: &mut Vm, kind: ErrorKind, code: &str, message: &str) -> Exception {
    match coded(vm, kind, code, message) {
        Ok(e) => Exception(Value::from_gc(e)),
        Err(e) => e,
    }
}

/// Node's `ERR_INVALID_ARG_TYPE` TypeError: `The "name" argument must be
/// of type {expected}. Received …`.
pub fn invalid_arg_type(vm: &mut Vm, name: &str, expected: &str, actual: Value) -> Exception {
    let received = received(vm, actual);
    let message = format!("The \"{name}\" argument must be {expected}. {received}");
    throw_coded(vm, ErrorKind::TypeError, "ERR_INVALID_ARG_TYPE", &message)
}

/// How Node's argument errors show the value they got: `Received
/// undefined`, `Received type number (1)`, `Received function f`,
/// `Received an instance of Array`.
pub fn received(vm: &mut Vm, v: Value) -> String {
    if v.is_undefined() {
        return "Received undefined".into();
    }
    if v.is_null() {
        return "Received null".into();
    }
    if let Some(o) = v.as_gc::<JsObject>() {
        if vm.is_callable(v) {
            let key = vm.key("name");
            let name = match vm.get_value(v, key) {
                Ok(n) if n.as_gc::<strata_vm::string::JsString>().is_some() => vm.display_string(n).unwrap_or_default(),
                _ => String::new(),
            };
            return if name.is_empty() { "Received function".into() } else { format!("Received function {name}") };
        }
        let class = match &o.kind {
            ObjectKind::Array { .. } => "Array",
            ObjectKind::Promise(_) => "Promise",
            ObjectKind::Date(_) => "Date",
            ObjectKind::Error => "Error",
            _ => "Object",
        };
        return format!("Received an instance of {class}");
    }
    let (ty, shown) = if let Some(s) = v.as_gc::<strata_vm::string::JsString>() {
        let mut text = s.to_rust_string();
        if text.chars().count() > 25 {
            text = text.chars().take(25).collect::<String>() + "...";
        }
        ("string", format!("'{text}'"))
    } else if v.is_number() {
        ("number", vm.display_string(v).unwrap_or_default())
    } else if v.is_bool() {
        ("boolean", vm.display_string(v).unwrap_or_default())
    } else if v.as_gc::<strata_vm::symbol::Symbol>().is_some() {
        ("symbol", vm.display_string(v).unwrap_or_default())
    } else {
        ("bigint", vm.display_string(v).unwrap_or_default())
    };
    format!("Received type {ty} ({shown})")
}

/// The `NotCapable` error of a refused host access (see
/// `permissions.rs`): name `NotCapable`, code `ERR_ACCESS_DENIED`,
/// `permission` and `resource` properties.
pub fn not_capable(vm: &mut Vm, denial: &Denial) -> Exception {
    let build = |vm: &mut Vm| -> JsResult<Gc<JsObject>> {
        let message = denial.message();
        let err = coded(vm, ErrorKind::Error, "ERR_ACCESS_DENIED", &message)?;
        let name = vm.string_value("NotCapable")?;
        vm.define_value(err, "name", name, Attrs::HIDDEN)?;
        vm.attach_stack(err, "NotCapable", &message)?;
        let permission = vm.string_value(denial.access.name())?;
        vm.define_value(err, "permission", permission, Attrs::DEFAULT)?;
        let resource = vm.string_value(&denial.path.to_string_lossy())?;
        vm.define_value(err, "resource", resource, Attrs::DEFAULT)?;
        Ok(err)
    };
    match build(vm) {
        Ok(e) => Exception(Value::from_gc(e)),
        Err(e) => e,
    }
}
