//! Iteration: GetIterator / IteratorStep / IteratorClose for for-of,
//! spread and destructuring, and for-in enumeration.

use std::cell::RefCell;

use strata_gc::RootedVec;

use crate::conversions::to_boolean;
use crate::object::{ForInState, JsObject, ObjectKind};
use crate::property::PropertyKey;
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

impl Vm {
    /// GetIterator(v, sync): (iterator, next method).
    pub fn get_iterator(&mut self, v: Value) -> JsResult<(Value, Value)> {
        let key = PropertyKey::Symbol(self.well_known(WellKnown::Iterator));
        let method = if v.is_nullish() { Value::UNDEFINED } else { self.get_value(v, key)? };
        if !self.is_callable(method) {
            let what = self.describe_value(v);
            return Err(self.type_error(&format!("{what} is not iterable")));
        }
        let iter = self.call(method, v, &[])?;
        if iter.as_gc::<JsObject>().is_none() {
            return Err(self.type_error("Result of the Symbol.iterator method is not an object"));
        }
        let next_key = PropertyKey::String(self.roots.names.next);
        let next = self.get_value(iter, next_key)?;
        Ok((iter, next))
    }

    /// IteratorStep + IteratorValue: `None` when done.
    pub fn iterator_step(&mut self, iter: Value, next: Value) -> JsResult<Option<Value>> {
        // An array iterator with the original `next` (the usual for-of over
        // an array): step it without allocating the result object, which
        // nothing could observe.
        if let Some(it) = iter.as_gc::<JsObject>()
            && matches!(it.kind, ObjectKind::ArrayIterator { .. })
            && is_native(next, crate::builtins::array::array_iterator_next)
        {
            return crate::builtins::array::array_iterator_step(self, it);
        }
        // The same for Map and Set iterators (for-of over a collection).
        if let Some(it) = iter.as_gc::<JsObject>() {
            match &it.kind {
                ObjectKind::MapIterator(state) if is_native(next, crate::builtins::map::map_iterator_next) => {
                    return crate::builtins::map::iterator_step(self, state, false);
                }
                ObjectKind::SetIterator(state) if is_native(next, crate::builtins::set::set_iterator_next) => {
                    return crate::builtins::map::iterator_step(self, state, true);
                }
                _ => {}
            }
        }
        let result = self.call(next, iter, &[])?;
        let Some(r) = result.as_gc::<JsObject>() else {
            let what = self.describe_value(result);
            return Err(self.type_error(&format!("Iterator result {what} is not an object")));
        };
        let done_key = PropertyKey::String(self.roots.names.done);
        let done = self.get(r, done_key, result)?;
        if to_boolean(done) {
            return Ok(None);
        }
        let value_key = PropertyKey::String(self.roots.names.value);
        Ok(Some(self.get(r, value_key, result)?))
    }

    /// IteratorClose; on a throw completion every error from `return` is
    /// swallowed (the original exception wins).
    pub fn iterator_close(&mut self, iter: Value, throwing: bool) -> JsResult<()> {
        let key = PropertyKey::String(self.roots.names.return_);
        let method = match self.get_value(iter, key) {
            Ok(m) => m,
            Err(e) if !throwing => return Err(e),
            Err(_) => return Ok(()),
        };
        if method.is_nullish() {
            return Ok(());
        }
        let result = self.call(method, iter, &[]);
        if throwing {
            return Ok(());
        }
        let r = result?;
        if r.as_gc::<JsObject>().is_none() {
            return Err(self.type_error("Iterator result is not an object"));
        }
        Ok(())
    }

    /// IteratorToList(GetIterator(v)), in a rooted vector.
    pub fn iterable_to_list(&mut self, v: Value) -> JsResult<RootedVec<Value>> {
        let mut out = self.heap.rooted_vec::<Value>();
        // Fast path: a plain array with the original iterator.
        if let Some(a) = v.as_gc::<JsObject>()
            && let ObjectKind::Array { length, .. } = &a.kind
            && self.has_original_array_iterator(a)
        {
            for i in 0..length.get() {
                let x = self.get(a, PropertyKey::Index(i), v)?;
                out.push(x);
            }
            return Ok(out);
        }
        let (iter, next) = self.get_iterator(v)?;
        while let Some(x) = self.iterator_step(iter, next)? {
            out.push(x);
        }
        Ok(out)
    }

    fn has_original_array_iterator(&mut self, a: strata_gc::Gc<JsObject>) -> bool {
        let key = PropertyKey::Symbol(self.well_known(WellKnown::Iterator));
        let original = self.realm().intrinsic_value(Intrinsic::ArrayPrototypeValues);
        if a.shape().lookup(key).is_some() {
            return false;
        }
        let proto = self.intrinsic(Intrinsic::ArrayPrototype);
        if a.proto() != Value::from_gc(proto) {
            return false;
        }
        matches!(crate::object_ops::get_own(self, proto, key), Some((v, _)) if v == original)
            && self.array_iterator_next_is_original()
    }

    fn array_iterator_next_is_original(&mut self) -> bool {
        let proto = self.intrinsic(Intrinsic::ArrayIteratorPrototype);
        let key = PropertyKey::String(self.roots.names.next);
        matches!(crate::object_ops::get_own(self, proto, key), Some((v, _))
            if is_native(v, crate::builtins::array::array_iterator_next))
    }

    /// Starts a for-in loop over `v`: an enumerator of its enumerable
    /// string keys (own first, then inherited ones not shadowed).
    pub(crate) fn for_in_enumerate(&mut self, v: Value) -> JsResult<Value> {
        let proto = Value::from_gc(self.intrinsic(Intrinsic::ObjectPrototype));
        let mut keys = self.heap.rooted_vec::<Value>();
        let mut object = Value::UNDEFINED;
        if !v.is_nullish() {
            let obj = self.to_object(v)?;
            object = Value::from_gc(obj);
            let mut seen: Vec<PropertyKey> = Vec::new();
            let mut o = Some(obj);
            while let Some(cur) = o {
                // Rooted: a proxy's trap may have made the only reference
                // to a key, and the getters below may collect.
                let mut own = self.heap.rooted_vec::<PropertyKey>();
                for key in self.own_property_keys(cur)? {
                    own.push(key);
                }
                for i in 0..own.len() {
                    let key = own.get(i).expect("index below the list's length");
                    if key.is_symbol() || seen.contains(&key) {
                        continue;
                    }
                    seen.push(key);
                    if let Some(d) = crate::object_ops::get_own_property(self, cur, key)?
                        && d.enumerable == Some(true)
                    {
                        let k = self.key_to_value(key)?;
                        keys.push(k);
                    }
                }
                o = self.get_prototype_of(cur)?.as_gc::<JsObject>();
            }
        }
        let state = ForInState { object, keys: keys.as_slice().to_vec(), index: 0 };
        let e = self.new_object_with(proto, ObjectKind::ForIn(RefCell::new(state)))?;
        Ok(Value::from_gc(e))
    }

    /// The next key of a for-in enumerator that is still present.
    pub(crate) fn for_in_next(&mut self, enumerator: Value) -> JsResult<Option<Value>> {
        let Some(e) = enumerator.as_gc::<JsObject>() else { return Ok(None) };
        let ObjectKind::ForIn(state) = &e.kind else { return Ok(None) };
        loop {
            let (object, key) = {
                let mut s = state.borrow_mut();
                let Some(&k) = s.keys.get(s.index) else { return Ok(None) };
                s.index += 1;
                (s.object, k)
            };
            let Some(obj) = object.as_gc::<JsObject>() else { return Ok(None) };
            // A proxy's keys were checked with its getOwnPropertyDescriptor
            // trap when collected; running its `has` trap as well would be
            // an observable extra step (engines do not take it).
            if obj.is_proxy() {
                return Ok(Some(key));
            }
            let pk = self.to_property_key(key)?;
            if self.has_property(obj, pk)? {
                return Ok(Some(key));
            }
        }
    }
}

/// Whether `v` is the built-in function implemented by `native`.
fn is_native(v: Value, native: crate::function::NativeFn) -> bool {
    v.as_gc::<JsObject>().is_some_and(|f| {
        matches!(&f.kind, ObjectKind::Function(d)
            if matches!(d.code, crate::function::FunctionCode::Native { f, .. } if std::ptr::fn_addr_eq(f, native)))
    })
}
