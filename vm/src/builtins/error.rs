//! The Error constructors (ECMA-262 §20.5): Error and the native errors,
//! `Error.prototype.toString`, `cause`, and V8's `Error.captureStackTrace`
//! (harnesses written for d8 and Node call it).

use strata_gc::Gc;

use super::{constructor, method};
use crate::error::ErrorKind;
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::value::Value;
use crate::vm::{JsResult, Vm};

const NATIVE: [(ErrorKind, crate::realm::Intrinsic); 6] = [
    (ErrorKind::TypeError, crate::realm::Intrinsic::TypeError),
    (ErrorKind::RangeError, crate::realm::Intrinsic::RangeError),
    (ErrorKind::ReferenceError, crate::realm::Intrinsic::ReferenceError),
    (ErrorKind::SyntaxError, crate::realm::Intrinsic::SyntaxError),
    (ErrorKind::EvalError, crate::realm::Intrinsic::EvalError),
    (ErrorKind::UriError, crate::realm::Intrinsic::UriError),
];

/// Installs Error and the native error constructors.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let op = Value::from_gc(vm.intrinsic(crate::realm::Intrinsic::ObjectPrototype));
    let error_proto = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(crate::realm::Intrinsic::ErrorPrototype, error_proto);
    let error = constructor(vm, global, "Error", 1, error_ctor, error_proto)?;
    vm.realm().set_intrinsic(crate::realm::Intrinsic::Error, error);
    let name = vm.string_value("Error")?;
    vm.define_value(error_proto, "name", name, Attrs::HIDDEN)?;
    let empty = Value::from_gc(vm.roots.names.empty);
    vm.define_value(error_proto, "message", empty, Attrs::HIDDEN)?;
    method(vm, error_proto, "toString", 0, error_to_string)?;
    method(vm, error, "captureStackTrace", 2, capture_stack_trace)?;
    method(vm, error, "isError", 1, is_error)?;
    vm.define_value(error, "stackTraceLimit", Value::int(crate::error::STACK_TRACE_LIMIT as i32), Attrs::DEFAULT)?;

    let ctors: [crate::function::NativeFn; 6] =
        [type_error_ctor, range_error_ctor, reference_error_ctor, syntax_error_ctor, eval_error_ctor, uri_error_ctor];
    for ((kind, which), f) in NATIVE.into_iter().zip(ctors) {
        let proto = vm.new_object_with(Value::from_gc(error_proto), ObjectKind::Ordinary)?;
        vm.realm().set_intrinsic(kind.prototype(), proto);
        let ctor = constructor(vm, global, kind.name(), 1, f, proto)?;
        // NativeError constructors inherit from Error.
        vm.set_prototype_of(ctor, Value::from_gc(error))?;
        vm.realm().set_intrinsic(which, ctor);
        let name = vm.string_value(kind.name())?;
        vm.define_value(proto, "name", name, Attrs::HIDDEN)?;
        vm.define_value(proto, "message", empty, Attrs::HIDDEN)?;
    }

    // AggregateError ( errors, message [, options] ) (§20.5.7).
    let proto = vm.new_object_with(Value::from_gc(error_proto), ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(crate::realm::Intrinsic::AggregateErrorPrototype, proto);
    let ctor = constructor(vm, global, "AggregateError", 2, aggregate_error_ctor, proto)?;
    vm.set_prototype_of(ctor, Value::from_gc(error))?;
    vm.realm().set_intrinsic(crate::realm::Intrinsic::AggregateError, ctor);
    let name = vm.string_value("AggregateError")?;
    vm.define_value(proto, "name", name, Attrs::HIDDEN)?;
    vm.define_value(proto, "message", empty, Attrs::HIDDEN)?;
    Ok(())
}

/// Error.isError ( arg ) (ES2026 §20.5.2.1): whether `arg` has an
/// [[ErrorData]] slot. A proxy has none, whatever its target.
fn is_error(_vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let yes = args.get(0).as_gc::<JsObject>().is_some_and(|o| matches!(o.kind, ObjectKind::Error));
    Ok(Value::bool(yes))
}

/// AggregateError ( errors, message [, options] ): the error, then
/// `errors` as an array of the iterable's values.
fn aggregate_error_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    let rest = [args.get(1), args.get(2)];
    let e = construct_error(vm, ErrorKind::AggregateError, Args::new(&rest), new_target)?;
    let list = vm.iterable_to_list(args.get(0))?;
    let errors = vm.new_array(list.as_slice())?;
    if let Some(o) = e.as_gc::<JsObject>() {
        let key = PropertyKey::String(vm.roots.names.errors);
        vm.define_own_simple(o, key, Value::from_gc(errors), Attrs::HIDDEN)?;
    }
    Ok(e)
}

/// The shared body of every error constructor.
fn construct_error(vm: &mut Vm, kind: ErrorKind, args: Args, new_target: Value) -> JsResult<Value> {
    let nt = if new_target.is_undefined() {
        let which = match kind {
            ErrorKind::Error => crate::realm::Intrinsic::Error,
            ErrorKind::AggregateError => crate::realm::Intrinsic::AggregateError,
            other => NATIVE.iter().find(|(k, _)| *k == other).map_or(crate::realm::Intrinsic::Error, |(_, i)| *i),
        };
        Value::from_gc(vm.intrinsic(which))
    } else {
        new_target
    };
    let proto = vm.prototype_from_constructor(nt, kind.prototype())?;
    let obj = vm.new_object_with(proto, ObjectKind::Error)?;
    let message = args.get(0);
    let text = if message.is_undefined() {
        String::new()
    } else {
        let s = vm.to_string(message)?;
        vm.define_value(obj, "message", Value::from_gc(s), Attrs::HIDDEN)?;
        s.to_rust_string()
    };
    let options = args.get(1);
    if let Some(o) = options.as_gc::<JsObject>() {
        let key = PropertyKey::String(vm.roots.names.cause);
        if vm.has_property(o, key)? {
            let cause = vm.get(o, key, options)?;
            vm.define_own_simple(obj, key, cause, Attrs::HIDDEN)?;
        }
    }
    vm.attach_stack(obj, kind.name(), &text)?;
    Ok(Value::from_gc(obj))
}

macro_rules! error_ctors {
    ($($f:ident => $kind:ident),*) => {$(
        fn $f(vm: &mut Vm, _this: Value, args: Args, nt: Value) -> JsResult<Value> {
            construct_error(vm, ErrorKind::$kind, args, nt)
        }
    )*};
}
error_ctors!(error_ctor => Error, type_error_ctor => TypeError, range_error_ctor => RangeError,
    reference_error_ctor => ReferenceError, syntax_error_ctor => SyntaxError,
    eval_error_ctor => EvalError, uri_error_ctor => UriError);

/// Error.prototype.toString (§20.5.3.4).
fn error_to_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let Some(o) = this.as_gc::<JsObject>() else {
        return Err(vm.type_error("Error.prototype.toString called on non-object"));
    };
    let name_key = PropertyKey::String(vm.roots.names.name);
    let name = vm.get(o, name_key, this)?;
    let name = if name.is_undefined() { "Error".to_string() } else { vm.to_string(name)?.to_rust_string() };
    let msg_key = PropertyKey::String(vm.roots.names.message);
    let msg = vm.get(o, msg_key, this)?;
    let msg = if msg.is_undefined() { String::new() } else { vm.to_string(msg)?.to_rust_string() };
    let text = match (name.is_empty(), msg.is_empty()) {
        (true, _) => msg,
        (_, true) => name,
        _ => format!("{name}: {msg}"),
    };
    vm.string_value(&text)
}

/// `Error.captureStackTrace(obj)`: sets `obj.stack` to the current stack.
fn capture_stack_trace(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let Some(o) = args.get(0).as_gc::<JsObject>() else {
        return Err(vm.type_error("Error.captureStackTrace requires an object"));
    };
    let header = vm.display_error_header(Value::from_gc(o))?;
    vm.attach_stack(o, &header, "")?;
    Ok(Value::UNDEFINED)
}

impl Vm {
    /// `Name: message` of an error-like value, as `Error.prototype.toString`
    /// would give it, without throwing (for uncaught-exception reports).
    pub fn display_error_header(&mut self, v: Value) -> JsResult<String> {
        let Some(o) = v.as_gc::<JsObject>() else { return self.display_string(v) };
        let r = error_to_string(self, Value::from_gc(o), Args::new(&[]), Value::UNDEFINED)?;
        self.display_string(r)
    }
}
