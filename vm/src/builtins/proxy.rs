//! Proxy (ECMA-262 §28.2): the constructor and `Proxy.revocable`. The
//! proxy objects' internal methods, with their invariant checks, are in
//! `proxy.rs` at the crate root; this file only creates proxies.

use strata_gc::Gc;

use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::property::Attrs;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Installs Proxy (a constructor with no `prototype`) and Proxy.revocable.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let ctor = vm.new_native_function("Proxy", 2, proxy_ctor, true)?;
    super::method(vm, ctor, "revocable", 2, revocable)?;
    vm.define_value(global, "Proxy", Value::from_gc(ctor), Attrs::HIDDEN)?;
    Ok(())
}

/// Proxy ( target, handler ) (§28.2.1.1).
fn proxy_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if new_target.is_undefined() {
        return Err(vm.type_error("Constructor Proxy requires 'new'"));
    }
    Ok(Value::from_gc(vm.proxy_create(args.get(0), args.get(1))?))
}

/// Proxy.revocable ( target, handler ) (§28.2.2.1).
fn revocable(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let proxy = vm.proxy_create(args.get(0), args.get(1))?;
    let revoke = vm.new_native_closure("", 0, revoke, &[Value::from_gc(proxy)])?;
    let result = vm.new_object()?;
    let proxy_key = vm.key("proxy");
    vm.create_data_property_or_throw(result, proxy_key, Value::from_gc(proxy))?;
    let revoke_key = vm.key("revoke");
    vm.create_data_property_or_throw(result, revoke_key, Value::from_gc(revoke))?;
    Ok(Value::from_gc(result))
}

/// A Proxy revocation function (§28.2.2.1.1): revokes its proxy once,
/// then does nothing.
fn revoke(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let captures = vm.native_captures()?;
    if let Some(p) = captures.get(0).as_gc::<JsObject>()
        && let ObjectKind::Proxy(data) = &p.kind
    {
        data.revoke();
    }
    captures.set(0, Value::NULL);
    Ok(Value::UNDEFINED)
}

