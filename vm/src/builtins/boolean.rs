//! Boolean (ECMA-262 §20.3): the constructor (a conversion when called, a
//! wrapper with [[BooleanData]] under `new`) and Boolean.prototype, itself
//! a wrapper of false.

use strata_gc::Gc;

use super::{constructor, method};
use crate::conversions::to_boolean;
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Installs Boolean and Boolean.prototype's methods.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let proto = vm.intrinsic(Intrinsic::BooleanPrototype);
    let ctor = constructor(vm, global, "Boolean", 1, boolean_ctor, proto)?;
    vm.realm().set_intrinsic(Intrinsic::Boolean, ctor);
    method(vm, proto, "toString", 0, to_string)?;
    method(vm, proto, "valueOf", 0, value_of)?;
    Ok(())
}

/// Boolean ( value ) (§20.3.1.1).
fn boolean_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    let b = to_boolean(args.get(0));
    if new_target.is_undefined() {
        return Ok(Value::bool(b));
    }
    let proto = vm.prototype_from_constructor(new_target, Intrinsic::BooleanPrototype)?;
    Ok(Value::from_gc(vm.new_object_with(proto, ObjectKind::Boolean(b))?))
}

/// thisBooleanValue (§20.3.3.3.1).
fn this_boolean_value(vm: &mut Vm, this: Value, method: &str) -> JsResult<bool> {
    if let Some(b) = this.as_bool() {
        return Ok(b);
    }
    if let Some(o) = this.as_gc::<JsObject>()
        && let ObjectKind::Boolean(b) = o.kind
    {
        return Ok(b);
    }
    Err(vm.type_error(&format!("{method} requires that 'this' be a Boolean")))
}

fn to_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let b = this_boolean_value(vm, this, "Boolean.prototype.toString")?;
    Ok(Value::from_gc(vm.intern(if b { "true" } else { "false" })))
}

fn value_of(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::bool(this_boolean_value(vm, this, "Boolean.prototype.valueOf")?))
}
