//! Reflect (ECMA-262 §28.1): a plain object whose functions call the
//! object internal methods directly (so each maps one-to-one onto a Proxy
//! trap), after checking that the target is an object.

use strata_gc::Gc;

use super::method;
use super::object::{from_property_descriptor, to_property_descriptor};
use crate::function::{Args, NativeFn};
use crate::object::JsObject;
use crate::property::{Attrs, PropertyKey};
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

/// Installs the Reflect object and its functions.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let proto = Value::from_gc(vm.intrinsic(Intrinsic::ObjectPrototype));
    let reflect = vm.new_object_with(proto, crate::object::ObjectKind::Ordinary)?;
    let functions: [(&str, u32, NativeFn); 13] = [
        ("apply", 3, apply),
        ("construct", 2, construct),
        ("defineProperty", 3, define_property),
        ("deleteProperty", 2, delete_property),
        ("get", 2, get),
        ("getOwnPropertyDescriptor", 2, get_own_property_descriptor),
        ("getPrototypeOf", 1, get_prototype_of),
        ("has", 2, has),
        ("isExtensible", 1, is_extensible),
        ("ownKeys", 1, own_keys),
        ("preventExtensions", 1, prevent_extensions),
        ("set", 3, set),
        ("setPrototypeOf", 2, set_prototype_of),
    ];
    for (name, length, f) in functions {
        method(vm, reflect, name, length, f)?;
    }
    // Reflect [ @@toStringTag ] (§28.1.14).
    let tag = PropertyKey::Symbol(vm.well_known(WellKnown::ToStringTag));
    let name = vm.string_value("Reflect")?;
    vm.define_own_simple(reflect, tag, name, Attrs::CONFIGURABLE_ONLY)?;
    vm.define_value(global, "Reflect", Value::from_gc(reflect), Attrs::HIDDEN)?;
    Ok(())
}

/// The target argument as an object, or the TypeError every Reflect
/// function throws first.
fn target_object(vm: &mut Vm, v: Value, function: &str) -> JsResult<Gc<JsObject>> {
    match v.as_gc::<JsObject>() {
        Some(o) => Ok(o),
        None => {
            let what = vm.describe_value(v);
            Err(vm.type_error(&format!("Reflect.{function} called on non-object: {what}")))
        }
    }
}

/// Reflect.apply ( target, thisArgument, argumentsList ) (§28.1.1).
fn apply(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let target = args.get(0);
    if !vm.is_callable(target) {
        return Err(vm.not_callable(target));
    }
    let list = vm.create_list_from_array_like(args.get(2))?;
    vm.call(target, args.get(1), list.as_slice())
}

/// Reflect.construct ( target, argumentsList [ , newTarget ] ) (§28.1.2).
fn construct(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let target = args.get(0);
    if !vm.is_constructor(target) {
        let what = vm.describe_value(target);
        return Err(vm.type_error(&format!("{what} is not a constructor")));
    }
    let new_target = if args.len() < 3 { target } else { args.get(2) };
    if !vm.is_constructor(new_target) {
        let what = vm.describe_value(new_target);
        return Err(vm.type_error(&format!("{what} is not a constructor")));
    }
    let list = vm.create_list_from_array_like(args.get(1))?;
    vm.construct(target, list.as_slice(), new_target)
}

/// Reflect.defineProperty ( target, propertyKey, attributes ) (§28.1.3).
fn define_property(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = target_object(vm, args.get(0), "defineProperty")?;
    let key = vm.to_property_key(args.get(1))?;
    let desc = to_property_descriptor(vm, args.get(2))?;
    Ok(Value::bool(vm.define_own_property(o, key, desc)?))
}

/// Reflect.deleteProperty ( target, propertyKey ) (§28.1.4).
fn delete_property(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = target_object(vm, args.get(0), "deleteProperty")?;
    let key = vm.to_property_key(args.get(1))?;
    Ok(Value::bool(vm.delete_property(o, key)?))
}

/// Reflect.get ( target, propertyKey [ , receiver ] ) (§28.1.5).
fn get(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = target_object(vm, args.get(0), "get")?;
    let key = vm.to_property_key(args.get(1))?;
    let receiver = if args.len() < 3 { args.get(0) } else { args.get(2) };
    vm.get(o, key, receiver)
}

/// Reflect.getOwnPropertyDescriptor ( target, propertyKey ) (§28.1.6).
fn get_own_property_descriptor(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = target_object(vm, args.get(0), "getOwnPropertyDescriptor")?;
    let key = vm.to_property_key(args.get(1))?;
    let desc = crate::object_ops::get_own_property(vm, o, key)?;
    from_property_descriptor(vm, desc)
}

/// Reflect.getPrototypeOf ( target ) (§28.1.7).
fn get_prototype_of(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = target_object(vm, args.get(0), "getPrototypeOf")?;
    vm.get_prototype_of(o)
}

/// Reflect.has ( target, propertyKey ) (§28.1.8).
fn has(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = target_object(vm, args.get(0), "has")?;
    let key = vm.to_property_key(args.get(1))?;
    Ok(Value::bool(vm.has_property(o, key)?))
}

/// Reflect.isExtensible ( target ) (§28.1.9).
fn is_extensible(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = target_object(vm, args.get(0), "isExtensible")?;
    Ok(Value::bool(vm.is_extensible(o)?))
}

/// Reflect.ownKeys ( target ) (§28.1.10).
fn own_keys(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = target_object(vm, args.get(0), "ownKeys")?;
    let keys = vm.own_property_keys(o)?;
    let mut rooted = vm.heap.rooted_vec::<PropertyKey>();
    for k in keys {
        rooted.push(k);
    }
    let mut values = vm.heap.rooted_vec::<Value>();
    for i in 0..rooted.len() {
        let k = rooted.get(i).expect("index below the list's length");
        let v = vm.key_to_value(k)?;
        values.push(v);
    }
    Ok(Value::from_gc(vm.new_array(values.as_slice())?))
}

/// Reflect.preventExtensions ( target ) (§28.1.11).
fn prevent_extensions(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = target_object(vm, args.get(0), "preventExtensions")?;
    Ok(Value::bool(vm.prevent_extensions(o)?))
}

/// Reflect.set ( target, propertyKey, V [ , receiver ] ) (§28.1.12).
fn set(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = target_object(vm, args.get(0), "set")?;
    let key = vm.to_property_key(args.get(1))?;
    let receiver = if args.len() < 4 { args.get(0) } else { args.get(3) };
    Ok(Value::bool(vm.set(o, key, args.get(2), receiver)?))
}

/// Reflect.setPrototypeOf ( target, proto ) (§28.1.13).
fn set_prototype_of(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = target_object(vm, args.get(0), "setPrototypeOf")?;
    let proto = args.get(1);
    if !proto.is_null() && proto.as_gc::<JsObject>().is_none() {
        let what = vm.describe_value(proto);
        return Err(vm.type_error(&format!("Object prototype may only be an Object or null: {what}")));
    }
    Ok(Value::bool(vm.set_prototype_of(o, proto)?))
}
