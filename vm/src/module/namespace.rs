//! Module namespace exotic objects (§10.4.6): a null-prototype,
//! non-extensible object whose string-keyed properties are the module's
//! exports, read live from their bindings, never writable from outside.
//! Symbol keys (`@@toStringTag`) are ordinary properties. `object_ops.rs`
//! sends every internal method here first for this kind.

use std::cell::RefCell;

use strata_gc::{Gc, Trace, Tracer};

use super::{BindingRef, ModuleRecord};
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyDescriptor, PropertyKey};
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// [[Module]] and [[Exports]] of a namespace object.
pub struct NamespaceData {
    /// The module.
    pub module: Gc<ModuleRecord>,
    /// The exports, sorted by code units, with their bindings.
    pub exports: RefCell<Vec<(PropertyKey, BindingRef)>>,
}

/// Attributes every export property reports.
pub const EXPORT_ATTRS: Attrs = Attrs(Attrs::WRITABLE | Attrs::ENUMERABLE);

impl NamespaceData {
    pub(crate) fn new(module: Gc<ModuleRecord>) -> NamespaceData {
        NamespaceData { module, exports: RefCell::new(Vec::new()) }
    }

    /// Reports the module and the bindings.
    pub fn trace(&self, t: &mut Tracer<'_>) {
        t.mark(self.module.cell());
        for (k, b) in self.exports.borrow().iter() {
            k.trace(t);
            b.trace(t);
        }
    }

    /// The binding of export `key`.
    pub fn lookup(&self, key: PropertyKey) -> Option<BindingRef> {
        self.exports.borrow().iter().find(|(k, _)| *k == key).map(|(_, b)| *b)
    }

    /// The export names, in [[Exports]] order.
    pub fn keys(&self) -> Vec<PropertyKey> {
        self.exports.borrow().iter().map(|(k, _)| *k).collect()
    }
}

/// The namespace data of `obj`, for a string or index key (symbol keys
/// are ordinary).
#[inline]
pub(crate) fn namespace_for(obj: Gc<JsObject>, key: PropertyKey) -> Option<&'static NamespaceData> {
    match (&obj.kind, key) {
        (_, PropertyKey::Symbol(_)) => None,
        // SAFETY: the data lives in the cell, which the caller keeps alive
        // (it holds `obj`) for as long as it uses the reference.
        (ObjectKind::ModuleNamespace(ns), _) => Some(unsafe { &*(ns as *const NamespaceData) }),
        _ => None,
    }
}

impl Vm {
    /// An export's value, or the ReferenceError of an uninitialized one.
    pub(crate) fn namespace_value(&mut self, binding: BindingRef, key: PropertyKey) -> JsResult<Value> {
        let v = binding.get();
        if v.is_hole() {
            let name = self.describe_key(key);
            return Err(self.reference_error(&format!("Cannot access '{name}' before initialization")));
        }
        Ok(v)
    }

    /// [[GetOwnProperty]] of an export.
    pub(crate) fn namespace_get_own_property(&mut self, ns: &NamespaceData, key: PropertyKey) -> JsResult<Option<PropertyDescriptor>> {
        let Some(binding) = ns.lookup(key) else { return Ok(None) };
        let value = self.namespace_value(binding, key)?;
        Ok(Some(PropertyDescriptor::data(value, EXPORT_ATTRS)))
    }

    /// [[DefineOwnProperty]] of a string key (§10.4.6.6).
    pub(crate) fn namespace_define_own_property(
        &mut self,
        ns: &NamespaceData,
        key: PropertyKey,
        desc: PropertyDescriptor,
    ) -> JsResult<bool> {
        let Some(current) = self.namespace_get_own_property(ns, key)? else { return Ok(false) };
        if desc.configurable == Some(true) || desc.enumerable == Some(false) || desc.is_accessor() || desc.writable == Some(false) {
            return Ok(false);
        }
        match (desc.value, current.value) {
            (Some(v), Some(c)) => Ok(crate::conversions::same_value(v, c)),
            _ => Ok(true),
        }
    }
}
