//! The Proxy exotic object's internal methods (ECMA-262 §10.5): each one
//! looks up its trap on the handler, calls it, and checks the result
//! against the target with the spec's invariants, throwing a TypeError
//! that names the trap and the broken rule.
//!
//! Pipeline position: `object_ops.rs` dispatches here when an object is
//! an `ObjectKind::Proxy` (at the entry of every internal method, and when
//! a [[Get]]/[[Set]]/[[HasProperty]] walk reaches a proxy on a prototype
//! chain); `interpreter/calls.rs` dispatches [[Call]] and [[Construct]].
//! The constructor and `Proxy.revocable` are in `builtins/proxy.rs`.
//!
//! Invariants kept:
//! - A proxy's own shape is an unshared dictionary shape with a null
//!   prototype that no ordinary object has, and nothing but private
//!   elements is ever stored on it; inline caches refuse dictionary
//!   receivers and stop at proxies on a prototype chain (`ic_ops.rs`), so
//!   no cached handler, and no IC mirror compiled code reads, can skip a
//!   trap.
//! - Revocation clears both slots; every internal method checks them
//!   first (ValidateNonRevokedProxy) and throws.
//! - Each internal method checks the native stack before re-entering, so
//!   a chain of proxies (a proxy whose target is a proxy...) ends in a
//!   RangeError, not a crash.

use std::cell::Cell;

use strata_gc::{Gc, RootedVec, Trace, Tracer};

use crate::builtins::object::{from_property_descriptor, to_property_descriptor};
use crate::conversions::{same_value, to_boolean};
use crate::object::{JsObject, ObjectKind};
use crate::object_ops::{get_own_property, is_compatible};
use crate::property::{PropertyDescriptor, PropertyKey};
use crate::shape::Shape;
use crate::string::JsString;
use crate::symbol::Symbol;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// The internal slots of a Proxy exotic object.
pub struct ProxyData {
    /// [[ProxyTarget]] (null once revoked).
    pub target: Cell<Value>,
    /// [[ProxyHandler]] (null once revoked).
    pub handler: Cell<Value>,
    /// Whether the proxy has [[Call]]: its target was callable at creation.
    pub callable: bool,
    /// Whether the proxy has [[Construct]]: its target was a constructor.
    pub constructor: bool,
}

// SAFETY: reports the target and the handler.
unsafe impl Trace for ProxyData {
    fn trace(&self, t: &mut Tracer) {
        self.target.get().trace(t);
        self.handler.get().trace(t);
    }
}

impl ProxyData {
    /// Revokes the proxy (what `Proxy.revocable`'s revoke function does).
    pub fn revoke(&self) {
        self.target.set(Value::NULL);
        self.handler.set(Value::NULL);
    }
    /// Whether the proxy was revoked.
    pub fn is_revoked(&self) -> bool {
        self.handler.get().is_null()
    }
}

/// CompletePropertyDescriptor (§6.2.6.6).
fn complete(mut d: PropertyDescriptor) -> PropertyDescriptor {
    if d.is_generic() || d.is_data() {
        d.value.get_or_insert(Value::UNDEFINED);
        d.writable.get_or_insert(false);
    } else {
        d.get.get_or_insert(Value::UNDEFINED);
        d.set.get_or_insert(Value::UNDEFINED);
    }
    d.enumerable.get_or_insert(false);
    d.configurable.get_or_insert(false);
    d
}

/// IsCompatiblePropertyDescriptor (§10.1.6.2).
fn is_compatible_descriptor(extensible: bool, desc: &PropertyDescriptor, current: Option<&PropertyDescriptor>) -> bool {
    match current {
        None => extensible,
        Some(c) => is_compatible(c, desc),
    }
}

impl Vm {
    /// ProxyCreate(target, handler) (§10.5.14).
    pub fn proxy_create(&mut self, target: Value, handler: Value) -> JsResult<Gc<JsObject>> {
        if target.as_gc::<JsObject>().is_none() {
            return Err(self.type_error("Cannot create proxy with a non-object as target or handler"));
        }
        if handler.as_gc::<JsObject>().is_none() {
            return Err(self.type_error("Cannot create proxy with a non-object as target or handler"));
        }
        let data = ProxyData {
            target: Cell::new(target),
            handler: Cell::new(handler),
            callable: self.is_callable(target),
            constructor: self.is_constructor(target),
        };
        // An unshared dictionary shape: never cached by an IC, and no
        // ordinary object ever has it (see the module docs).
        let root = self.root_shape(Value::NULL, 0, false)?;
        let shape = self.alloc(Shape::dictionary_from(&root, Value::NULL))?;
        self.alloc_object(shape, ObjectKind::Proxy(data))
    }

    /// ValidateNonRevokedProxy (§10.5.14.1) with the stack check: the
    /// proxy's target and handler, or a TypeError when revoked.
    fn proxy_parts(&mut self, proxy: Gc<JsObject>, operation: &str) -> JsResult<(Gc<JsObject>, Gc<JsObject>)> {
        if !self.native_stack_ok() {
            return Err(self.range_error("Maximum call stack size exceeded"));
        }
        let ObjectKind::Proxy(p) = &proxy.kind else {
            return Err(self.type_error("internal error: not a proxy"));
        };
        match (p.target.get().as_gc::<JsObject>(), p.handler.get().as_gc::<JsObject>()) {
            (Some(t), Some(h)) => Ok((t, h)),
            _ => Err(self.type_error(&format!("Cannot perform '{operation}' on a proxy that has been revoked"))),
        }
    }

    /// GetMethod(handler, name): the trap, or undefined when the handler
    /// has none.
    fn proxy_trap(&mut self, handler: Gc<JsObject>, name: &str) -> JsResult<Value> {
        let key = self.key(name);
        let trap = self.get(handler, key, Value::from_gc(handler))?;
        if trap.is_nullish() {
            return Ok(Value::UNDEFINED);
        }
        if !self.is_callable(trap) {
            let what = self.describe_value(trap);
            return Err(self.type_error(&format!("The proxy handler's '{name}' trap is not a function: {what}")));
        }
        Ok(trap)
    }

    /// A TypeError for a trap result that breaks an invariant.
    fn trap_error(&mut self, trap: &str, key: Option<PropertyKey>, rule: &str) -> crate::vm::Exception {
        let msg = match key {
            Some(k) => {
                let name = self.describe_key(k);
                format!("'{trap}' on proxy: {rule} (property '{name}')")
            }
            None => format!("'{trap}' on proxy: {rule}"),
        };
        self.type_error(&msg)
    }

    /// [[GetPrototypeOf]] (§10.5.1).
    pub(crate) fn proxy_get_prototype_of(&mut self, proxy: Gc<JsObject>) -> JsResult<Value> {
        let (target, handler) = self.proxy_parts(proxy, "getPrototypeOf")?;
        let trap = self.proxy_trap(handler, "getPrototypeOf")?;
        if trap.is_undefined() {
            return self.get_prototype_of(target);
        }
        let handler_proto = self.call(trap, Value::from_gc(handler), &[Value::from_gc(target)])?;
        if !handler_proto.is_null() && handler_proto.as_gc::<JsObject>().is_none() {
            return Err(self.trap_error("getPrototypeOf", None, "trap returned neither object nor null"));
        }
        if self.is_extensible(target)? {
            return Ok(handler_proto);
        }
        let target_proto = self.get_prototype_of(target)?;
        if !same_value(handler_proto, target_proto) {
            return Err(self.trap_error(
                "getPrototypeOf",
                None,
                "proxy target is non-extensible but the trap did not return its actual prototype",
            ));
        }
        Ok(handler_proto)
    }

    /// [[SetPrototypeOf]] (§10.5.2).
    pub(crate) fn proxy_set_prototype_of(&mut self, proxy: Gc<JsObject>, proto: Value) -> JsResult<bool> {
        let (target, handler) = self.proxy_parts(proxy, "setPrototypeOf")?;
        let trap = self.proxy_trap(handler, "setPrototypeOf")?;
        if trap.is_undefined() {
            return self.set_prototype_of(target, proto);
        }
        let r = self.call(trap, Value::from_gc(handler), &[Value::from_gc(target), proto])?;
        if !to_boolean(r) {
            return Ok(false);
        }
        if self.is_extensible(target)? {
            return Ok(true);
        }
        let target_proto = self.get_prototype_of(target)?;
        if !same_value(proto, target_proto) {
            return Err(self.trap_error(
                "setPrototypeOf",
                None,
                "trap returned truish for setting a new prototype on the non-extensible proxy target",
            ));
        }
        Ok(true)
    }

    /// [[IsExtensible]] (§10.5.3).
    pub(crate) fn proxy_is_extensible(&mut self, proxy: Gc<JsObject>) -> JsResult<bool> {
        let (target, handler) = self.proxy_parts(proxy, "isExtensible")?;
        let trap = self.proxy_trap(handler, "isExtensible")?;
        if trap.is_undefined() {
            return self.is_extensible(target);
        }
        let r = to_boolean(self.call(trap, Value::from_gc(handler), &[Value::from_gc(target)])?);
        if r != self.is_extensible(target)? {
            return Err(self.trap_error("isExtensible", None, "trap result does not reflect extensibility of proxy target"));
        }
        Ok(r)
    }

    /// [[PreventExtensions]] (§10.5.4).
    pub(crate) fn proxy_prevent_extensions(&mut self, proxy: Gc<JsObject>) -> JsResult<bool> {
        let (target, handler) = self.proxy_parts(proxy, "preventExtensions")?;
        let trap = self.proxy_trap(handler, "preventExtensions")?;
        if trap.is_undefined() {
            return self.prevent_extensions(target);
        }
        let r = to_boolean(self.call(trap, Value::from_gc(handler), &[Value::from_gc(target)])?);
        if r && self.is_extensible(target)? {
            return Err(self.trap_error("preventExtensions", None, "trap returned truish but the proxy target is extensible"));
        }
        Ok(r)
    }

    /// [[GetOwnProperty]] (§10.5.5).
    pub(crate) fn proxy_get_own_property(&mut self, proxy: Gc<JsObject>, key: PropertyKey) -> JsResult<Option<PropertyDescriptor>> {
        const TRAP: &str = "getOwnPropertyDescriptor";
        let (target, handler) = self.proxy_parts(proxy, TRAP)?;
        let trap = self.proxy_trap(handler, TRAP)?;
        if trap.is_undefined() {
            return get_own_property(self, target, key);
        }
        let k = self.key_to_value(key)?;
        let result = self.call(trap, Value::from_gc(handler), &[Value::from_gc(target), k])?;
        if !result.is_undefined() && result.as_gc::<JsObject>().is_none() {
            return Err(self.trap_error(TRAP, Some(key), "trap returned neither object nor undefined"));
        }
        let target_desc = get_own_property(self, target, key)?;
        if result.is_undefined() {
            let Some(td) = target_desc else { return Ok(None) };
            if td.configurable == Some(false) {
                return Err(self.trap_error(TRAP, Some(key), "trap returned undefined for a non-configurable property of the target"));
            }
            if !self.is_extensible(target)? {
                return Err(self.trap_error(TRAP, Some(key), "trap returned undefined for a property of the non-extensible target"));
            }
            return Ok(None);
        }
        let extensible = self.is_extensible(target)?;
        let desc = complete(to_property_descriptor(self, result)?);
        if !is_compatible_descriptor(extensible, &desc, target_desc.as_ref()) {
            return Err(self.trap_error(TRAP, Some(key), "trap returned a descriptor incompatible with the target's property"));
        }
        if desc.configurable == Some(false) {
            match target_desc {
                Some(td) if td.configurable == Some(false) => {
                    if desc.writable == Some(false) && td.writable == Some(true) {
                        return Err(self.trap_error(
                            TRAP,
                            Some(key),
                            "trap reported non-configurable and non-writable for a writable property of the target",
                        ));
                    }
                }
                _ => {
                    return Err(self.trap_error(
                        TRAP,
                        Some(key),
                        "trap reported non-configurability for a property that is configurable or missing on the target",
                    ));
                }
            }
        }
        Ok(Some(desc))
    }

    /// [[DefineOwnProperty]] (§10.5.6).
    pub(crate) fn proxy_define_own_property(
        &mut self,
        proxy: Gc<JsObject>,
        key: PropertyKey,
        desc: PropertyDescriptor,
    ) -> JsResult<bool> {
        const TRAP: &str = "defineProperty";
        let (target, handler) = self.proxy_parts(proxy, TRAP)?;
        let trap = self.proxy_trap(handler, TRAP)?;
        if trap.is_undefined() {
            return self.define_own_property(target, key, desc);
        }
        let desc_obj = from_property_descriptor(self, Some(desc))?;
        let k = self.key_to_value(key)?;
        let r = self.call(trap, Value::from_gc(handler), &[Value::from_gc(target), k, desc_obj])?;
        if !to_boolean(r) {
            return Ok(false);
        }
        let target_desc = get_own_property(self, target, key)?;
        let extensible = self.is_extensible(target)?;
        let setting_config_false = desc.configurable == Some(false);
        match target_desc {
            None => {
                if !extensible {
                    return Err(self.trap_error(TRAP, Some(key), "trap returned truish for adding a property to the non-extensible target"));
                }
                if setting_config_false {
                    return Err(self.trap_error(
                        TRAP,
                        Some(key),
                        "trap returned truish for defining a non-configurable property that is missing on the target",
                    ));
                }
            }
            Some(td) => {
                if !is_compatible_descriptor(extensible, &desc, Some(&td)) {
                    return Err(self.trap_error(
                        TRAP,
                        Some(key),
                        "trap returned truish for a descriptor incompatible with the target's property",
                    ));
                }
                if setting_config_false && td.configurable == Some(true) {
                    return Err(self.trap_error(
                        TRAP,
                        Some(key),
                        "trap returned truish for defining a non-configurable property that is configurable on the target",
                    ));
                }
                if td.is_data() && td.configurable == Some(false) && td.writable == Some(true) && desc.writable == Some(false) {
                    return Err(self.trap_error(
                        TRAP,
                        Some(key),
                        "trap returned truish for making a non-configurable writable property of the target non-writable",
                    ));
                }
            }
        }
        Ok(true)
    }

    /// [[HasProperty]] (§10.5.7).
    pub(crate) fn proxy_has(&mut self, proxy: Gc<JsObject>, key: PropertyKey) -> JsResult<bool> {
        let (target, handler) = self.proxy_parts(proxy, "has")?;
        let trap = self.proxy_trap(handler, "has")?;
        if trap.is_undefined() {
            return self.has_property(target, key);
        }
        let k = self.key_to_value(key)?;
        let r = to_boolean(self.call(trap, Value::from_gc(handler), &[Value::from_gc(target), k])?);
        if !r && let Some(td) = get_own_property(self, target, key)? {
            if td.configurable == Some(false) {
                return Err(self.trap_error("has", Some(key), "trap returned falsish for a non-configurable property of the target"));
            }
            if !self.is_extensible(target)? {
                return Err(self.trap_error("has", Some(key), "trap returned falsish for a property of the non-extensible target"));
            }
        }
        Ok(r)
    }

    /// [[Get]] (§10.5.8).
    pub(crate) fn proxy_get(&mut self, proxy: Gc<JsObject>, key: PropertyKey, receiver: Value) -> JsResult<Value> {
        let (target, handler) = self.proxy_parts(proxy, "get")?;
        let trap = self.proxy_trap(handler, "get")?;
        if trap.is_undefined() {
            return self.get(target, key, receiver);
        }
        let k = self.key_to_value(key)?;
        let v = self.call(trap, Value::from_gc(handler), &[Value::from_gc(target), k, receiver])?;
        if let Some(td) = get_own_property(self, target, key)?
            && td.configurable == Some(false)
        {
            if td.is_data() && td.writable == Some(false) && !same_value(v, td.value.unwrap_or(Value::UNDEFINED)) {
                return Err(self.trap_error(
                    "get",
                    Some(key),
                    "the target's property is a read-only and non-configurable data property, but the trap did not return its actual value",
                ));
            }
            if td.is_accessor() && td.get.is_none_or(|g| g.is_undefined()) && !v.is_undefined() {
                return Err(self.trap_error(
                    "get",
                    Some(key),
                    "the target's property is a non-configurable accessor without a getter, but the trap did not return undefined",
                ));
            }
        }
        Ok(v)
    }

    /// [[Set]] (§10.5.9).
    pub(crate) fn proxy_set(&mut self, proxy: Gc<JsObject>, key: PropertyKey, value: Value, receiver: Value) -> JsResult<bool> {
        let (target, handler) = self.proxy_parts(proxy, "set")?;
        let trap = self.proxy_trap(handler, "set")?;
        if trap.is_undefined() {
            return self.set(target, key, value, receiver);
        }
        let k = self.key_to_value(key)?;
        let r = self.call(trap, Value::from_gc(handler), &[Value::from_gc(target), k, value, receiver])?;
        if !to_boolean(r) {
            return Ok(false);
        }
        if let Some(td) = get_own_property(self, target, key)?
            && td.configurable == Some(false)
        {
            if td.is_data() && td.writable == Some(false) && !same_value(value, td.value.unwrap_or(Value::UNDEFINED)) {
                return Err(self.trap_error(
                    "set",
                    Some(key),
                    "trap returned truish for a read-only non-configurable data property of the target with a different value",
                ));
            }
            if td.is_accessor() && td.set.is_none_or(|s| s.is_undefined()) {
                return Err(self.trap_error(
                    "set",
                    Some(key),
                    "trap returned truish for a non-configurable accessor property of the target without a setter",
                ));
            }
        }
        Ok(true)
    }

    /// [[Delete]] (§10.5.10).
    pub(crate) fn proxy_delete(&mut self, proxy: Gc<JsObject>, key: PropertyKey) -> JsResult<bool> {
        const TRAP: &str = "deleteProperty";
        let (target, handler) = self.proxy_parts(proxy, TRAP)?;
        let trap = self.proxy_trap(handler, TRAP)?;
        if trap.is_undefined() {
            return self.delete_property(target, key);
        }
        let k = self.key_to_value(key)?;
        let r = self.call(trap, Value::from_gc(handler), &[Value::from_gc(target), k])?;
        if !to_boolean(r) {
            return Ok(false);
        }
        let Some(td) = get_own_property(self, target, key)? else { return Ok(true) };
        if td.configurable == Some(false) {
            return Err(self.trap_error(TRAP, Some(key), "trap returned truish for a non-configurable property of the target"));
        }
        if !self.is_extensible(target)? {
            return Err(self.trap_error(TRAP, Some(key), "trap returned truish for a property of the non-extensible target"));
        }
        Ok(true)
    }

    /// [[OwnPropertyKeys]] (§10.5.11).
    pub(crate) fn proxy_own_keys(&mut self, proxy: Gc<JsObject>) -> JsResult<Vec<PropertyKey>> {
        let (target, handler) = self.proxy_parts(proxy, "ownKeys")?;
        let trap = self.proxy_trap(handler, "ownKeys")?;
        if trap.is_undefined() {
            return self.own_property_keys(target);
        }
        let array = self.call(trap, Value::from_gc(handler), &[Value::from_gc(target)])?;
        // CreateListFromArrayLike(array, « String, Symbol »).
        let Some(list) = array.as_gc::<JsObject>() else {
            return Err(self.trap_error("ownKeys", None, "trap returned a non-object"));
        };
        let len = crate::builtins::array::length_of(self, list)?;
        let mut keys: RootedVec<PropertyKey> = self.heap.rooted_vec();
        let mut seen = std::collections::HashSet::new();
        for i in 0..len {
            let ik = crate::builtins::array::index_key(self, i);
            let v = self.get(list, ik, array)?;
            if v.as_gc::<JsString>().is_none() && v.as_gc::<Symbol>().is_none() {
                let what = self.describe_value(v);
                return Err(self.trap_error("ownKeys", None, &format!("trap result contains {what}, which is not a property key")));
            }
            let key = self.to_property_key(v)?;
            if !seen.insert(key) {
                return Err(self.trap_error("ownKeys", Some(key), "trap result contains a duplicate entry"));
            }
            keys.push(key);
        }
        let extensible = self.is_extensible(target)?;
        let target_keys = {
            let list = self.own_property_keys(target)?;
            let mut rooted: RootedVec<PropertyKey> = self.heap.rooted_vec();
            for k in list {
                rooted.push(k);
            }
            rooted
        };
        let mut configurable: Vec<PropertyKey> = Vec::new();
        let mut nonconfigurable: Vec<PropertyKey> = Vec::new();
        for i in 0..target_keys.len() {
            let k = target_keys.get(i).expect("index below the list's length");
            match get_own_property(self, target, k)? {
                Some(d) if d.configurable == Some(false) => nonconfigurable.push(k),
                _ => configurable.push(k),
            }
        }
        let result: Vec<PropertyKey> = (0..keys.len()).map(|i| keys.get(i).expect("index below the list's length")).collect();
        if extensible && nonconfigurable.is_empty() {
            return Ok(result);
        }
        // The target keys stay alive through `target_keys`, the result's
        // through `keys`, until this returns.
        let mut unchecked = seen;
        for k in nonconfigurable {
            if !unchecked.remove(&k) {
                return Err(self.trap_error("ownKeys", Some(k), "trap result did not include a non-configurable key of the target"));
            }
        }
        if extensible {
            return Ok(result);
        }
        for k in configurable {
            if !unchecked.remove(&k) {
                return Err(self.trap_error("ownKeys", Some(k), "trap result did not include a key of the non-extensible target"));
            }
        }
        if let Some(&k) = unchecked.iter().next() {
            return Err(self.trap_error("ownKeys", Some(k), "trap returned extra keys but the proxy target is non-extensible"));
        }
        Ok(result)
    }

    /// [[Call]] (§10.5.12).
    pub(crate) fn proxy_call(&mut self, proxy: Gc<JsObject>, this: Value, args: &[Value]) -> JsResult<Value> {
        let (target, handler) = self.proxy_parts(proxy, "apply")?;
        let trap = self.proxy_trap(handler, "apply")?;
        if trap.is_undefined() {
            return self.call(Value::from_gc(target), this, args);
        }
        let array = self.new_array(args)?;
        self.call(trap, Value::from_gc(handler), &[Value::from_gc(target), this, Value::from_gc(array)])
    }

    /// [[Construct]] (§10.5.13).
    pub(crate) fn proxy_construct(&mut self, proxy: Gc<JsObject>, args: &[Value], new_target: Value) -> JsResult<Value> {
        let (target, handler) = self.proxy_parts(proxy, "construct")?;
        let trap = self.proxy_trap(handler, "construct")?;
        if trap.is_undefined() {
            return self.construct(Value::from_gc(target), args, new_target);
        }
        let array = self.new_array(args)?;
        let r = self.call(trap, Value::from_gc(handler), &[Value::from_gc(target), Value::from_gc(array), new_target])?;
        if r.as_gc::<JsObject>().is_none() {
            return Err(self.trap_error("construct", None, "trap returned non-object"));
        }
        Ok(r)
    }
}
