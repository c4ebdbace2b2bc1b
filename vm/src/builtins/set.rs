//! Set (ECMA-262 §24.2): the constructor, Set.prototype with the ES2025
//! set methods (union, intersection, difference, symmetricDifference,
//! isSubsetOf, isSupersetOf, isDisjointFrom) and %SetIteratorPrototype%
//! (§24.2.6).
//!
//! [[SetData]] is the same [`OrderedTable`] as a Map's (values unused).
//! The set methods take any set-like `other` through GetSetRecord (size,
//! has, keys, read once in that order) and choose, by comparing sizes,
//! between walking `this` and calling `other.has`, or walking
//! `other.keys()`; each observable step happens in the spec's order.
//! Walks over `this` use a cursor, so `has` callbacks may mutate it.

use strata_gc::Gc;

use super::map::{
    close_with, create_iterator, get_adder, iterator_step, not_callable, requires_new, return_this, table,
    to_string_tag,
};
use super::ordered_table::{OrderedTable, canonical_key};
use super::{constructor, getter, method};
use crate::conversions::to_boolean;
use crate::function::Args;
use crate::object::{IterationKind, JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

/// Installs Set, Set.prototype and %SetIteratorPrototype%.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let op = Value::from_gc(vm.intrinsic(Intrinsic::ObjectPrototype));
    let proto = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::SetPrototype, proto);
    let ctor = constructor(vm, global, "Set", 0, set_ctor, proto)?;
    vm.realm().set_intrinsic(Intrinsic::Set, ctor);
    let species = PropertyKey::Symbol(vm.well_known(WellKnown::Species));
    getter(vm, ctor, species, "[Symbol.species]", return_this)?;

    method(vm, proto, "add", 1, add)?;
    method(vm, proto, "clear", 0, clear)?;
    method(vm, proto, "delete", 1, delete)?;
    method(vm, proto, "difference", 1, difference)?;
    method(vm, proto, "entries", 0, entries)?;
    method(vm, proto, "forEach", 1, for_each)?;
    method(vm, proto, "has", 1, has)?;
    method(vm, proto, "intersection", 1, intersection)?;
    method(vm, proto, "isDisjointFrom", 1, is_disjoint_from)?;
    method(vm, proto, "isSubsetOf", 1, is_subset_of)?;
    method(vm, proto, "isSupersetOf", 1, is_superset_of)?;
    let size_key = vm.key("size");
    getter(vm, proto, size_key, "size", size)?;
    method(vm, proto, "symmetricDifference", 1, symmetric_difference)?;
    method(vm, proto, "union", 1, union)?;
    // keys and @@iterator are the same function object as values.
    let values_fn = method(vm, proto, "values", 0, values)?;
    vm.define_value(proto, "keys", Value::from_gc(values_fn), Attrs::HIDDEN)?;
    let iter_key = PropertyKey::Symbol(vm.well_known(WellKnown::Iterator));
    vm.define_own_simple(proto, iter_key, Value::from_gc(values_fn), Attrs::HIDDEN)?;
    to_string_tag(vm, proto, "Set")?;

    let ip = Value::from_gc(vm.intrinsic(Intrinsic::IteratorPrototype));
    let iter_proto = vm.new_object_with(ip, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::SetIteratorPrototype, iter_proto);
    method(vm, iter_proto, "next", 0, set_iterator_next)?;
    to_string_tag(vm, iter_proto, "Set Iterator")?;
    Ok(())
}

/// RequireInternalSlot(this, [[SetData]]).
fn this_set(vm: &mut Vm, this: Value, method: &str) -> JsResult<Gc<JsObject>> {
    match this.as_gc::<JsObject>() {
        Some(o) if matches!(o.kind, ObjectKind::Set(_)) => Ok(o),
        _ => {
            let what = vm.describe_value(this);
            Err(vm.type_error(&format!("Method Set.prototype.{method} called on incompatible receiver {what}")))
        }
    }
}

/// A new Set with `data` and %Set.prototype% (the set methods' results).
fn new_set(vm: &mut Vm, data: OrderedTable) -> JsResult<Gc<JsObject>> {
    let proto = Value::from_gc(vm.intrinsic(Intrinsic::SetPrototype));
    vm.new_object_with(proto, ObjectKind::Set(Box::new(std::cell::RefCell::new(data))))
}

// ---- the constructor -----------------------------------------------------------

/// Set ( [ iterable ] ) (§24.2.2.1).
fn set_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if new_target.is_undefined() {
        return Err(requires_new(vm, "Set"));
    }
    let proto = vm.prototype_from_constructor(new_target, Intrinsic::SetPrototype)?;
    let set = vm.new_object_with(proto, ObjectKind::Set(Box::default()))?;
    let iterable = args.get(0);
    if !iterable.is_nullish() {
        let adder = get_adder(vm, set, "add", "Set")?;
        add_values_from_iterable(vm, set, iterable, adder)?;
    }
    Ok(Value::from_gc(set))
}

// ---- set records -------------------------------------------------------------------

/// A Set Record (§24.2.1.2): what the set methods know of `other`.
struct SetRecord {
    object: Value,
    /// [[Size]]: a non-negative integer or +∞.
    size: f64,
    has: Value,
    keys: Value,
}

/// GetSetRecord ( obj ) (§24.2.1.3).
fn get_set_record(vm: &mut Vm, obj: Value, method: &str) -> JsResult<SetRecord> {
    let Some(o) = obj.as_gc::<JsObject>() else {
        let what = vm.describe_value(obj);
        return Err(vm.type_error(&format!("Set.prototype.{method}: argument {what} is not set-like (not an object)")));
    };
    let size_key = vm.key("size");
    let raw_size = vm.get(o, size_key, obj)?;
    let num_size = vm.to_number(raw_size)?;
    if num_size.is_nan() {
        return Err(vm.type_error(&format!("Set.prototype.{method}: the argument's size is not a number")));
    }
    let size = vm.to_integer_or_infinity(Value::double(num_size))?;
    if size < 0.0 {
        return Err(vm.range_error(&format!("Set.prototype.{method}: the argument's size is negative")));
    }
    let has_key = vm.key("has");
    let has = vm.get(o, has_key, obj)?;
    if !vm.is_callable(has) {
        return Err(not_callable(vm, has, &format!("Set.prototype.{method}: the argument's 'has'")));
    }
    let keys_key = vm.key("keys");
    let keys = vm.get(o, keys_key, obj)?;
    if !vm.is_callable(keys) {
        return Err(not_callable(vm, keys, &format!("Set.prototype.{method}: the argument's 'keys'")));
    }
    Ok(SetRecord { object: obj, size, has, keys })
}

impl SetRecord {
    /// GetIteratorFromMethod(obj, keys) as GetKeysIterator (§24.2.1.4):
    /// (iterator, next).
    fn keys_iterator(&self, vm: &mut Vm) -> JsResult<(Value, Value)> {
        let iter = vm.call(self.keys, self.object, &[])?;
        if iter.as_gc::<JsObject>().is_none() {
            return Err(vm.type_error("The set-like argument's keys() did not return an object"));
        }
        let next_key = PropertyKey::String(vm.roots.names.next);
        let next = vm.get_value(iter, next_key)?;
        if !vm.is_callable(next) {
            return Err(not_callable(vm, next, "The keys iterator's 'next'"));
        }
        Ok((iter, next))
    }

    /// ToBoolean(Call(has, obj, « e »)).
    fn has(&self, vm: &mut Vm, e: Value) -> JsResult<bool> {
        Ok(to_boolean(vm.call(self.has, self.object, &[e])?))
    }
}

/// Walks `o`'s [[SetData]] by index, re-reading its length each step as
/// the spec's loops do; `visit` returns false to stop (then so does this).
fn walk_this(vm: &mut Vm, o: Gc<JsObject>, mut visit: impl FnMut(&mut Vm, Value) -> JsResult<bool>) -> JsResult<bool> {
    let cursor = table(&o).borrow_mut().cursor();
    loop {
        let entry = table(&o).borrow().next(&cursor);
        let Some((e, _)) = entry else { return Ok(true) };
        if !visit(vm, e)? {
            return Ok(false);
        }
    }
}

/// SetDataSize(O.[[SetData]]).
fn size_of(o: Gc<JsObject>) -> f64 {
    table(&o).borrow().len() as f64
}

// ---- Set.prototype ----------------------------------------------------------------

/// Set.prototype.add ( value ) (§24.2.4.1).
fn add(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_set(vm, this, "add")?;
    table(&s).borrow_mut().insert(args.get(0));
    Ok(this)
}

/// Set.prototype.clear () (§24.2.4.2).
fn clear(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_set(vm, this, "clear")?;
    table(&s).borrow_mut().clear();
    Ok(Value::UNDEFINED)
}

/// Set.prototype.delete ( value ) (§24.2.4.4).
fn delete(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_set(vm, this, "delete")?;
    Ok(Value::bool(table(&s).borrow_mut().delete(args.get(0))))
}

/// Set.prototype.difference ( other ) (§24.2.4.5).
fn difference(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_set(vm, this, "difference")?;
    let other = get_set_record(vm, args.get(0), "difference")?;
    let copy = table(&o).borrow().copy();
    let result = new_set(vm, copy)?;
    if size_of(o) <= other.size {
        // Walk the copy as it was: only this loop empties its entries.
        let mut snapshot = vm.heap.rooted_vec::<Value>();
        for k in table(&result).borrow().keys() {
            snapshot.push(k);
        }
        for i in 0..snapshot.len() {
            let e = snapshot.get(i).unwrap_or(Value::UNDEFINED);
            if other.has(vm, e)? {
                table(&result).borrow_mut().delete(e);
            }
        }
    } else {
        let (iter, next) = other.keys_iterator(vm)?;
        while let Some(next) = vm.iterator_step(iter, next)? {
            table(&result).borrow_mut().delete(next);
        }
    }
    Ok(Value::from_gc(result))
}

/// Set.prototype.entries () (§24.2.4.6).
fn entries(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_set(vm, this, "entries")?;
    create_iterator(vm, s, IterationKind::Entries, true)
}

/// Set.prototype.forEach ( callbackfn [ , thisArg ] ) (§24.2.4.7).
fn for_each(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_set(vm, this, "forEach")?;
    let (f, this_arg) = (args.get(0), args.get(1));
    if !vm.is_callable(f) {
        return Err(not_callable(vm, f, "Set.prototype.forEach: callback"));
    }
    walk_this(vm, s, |vm, e| {
        vm.call(f, this_arg, &[e, e, Value::from_gc(s)])?;
        Ok(true)
    })?;
    Ok(Value::UNDEFINED)
}

/// Set.prototype.has ( value ) (§24.2.4.8).
fn has(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_set(vm, this, "has")?;
    Ok(Value::bool(table(&s).borrow().has(args.get(0))))
}

/// Set.prototype.intersection ( other ) (§24.2.4.9).
fn intersection(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_set(vm, this, "intersection")?;
    let other = get_set_record(vm, args.get(0), "intersection")?;
    let result = new_set(vm, OrderedTable::new())?;
    if size_of(o) <= other.size {
        walk_this(vm, o, |vm, e| {
            if other.has(vm, e)? {
                table(&result).borrow_mut().insert(e);
            }
            Ok(true)
        })?;
    } else {
        let (iter, next) = other.keys_iterator(vm)?;
        while let Some(next) = vm.iterator_step(iter, next)? {
            let next = canonical_key(next);
            if table(&o).borrow().has(next) {
                table(&result).borrow_mut().insert(next);
            }
        }
    }
    Ok(Value::from_gc(result))
}

/// Set.prototype.isDisjointFrom ( other ) (§24.2.4.10).
fn is_disjoint_from(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_set(vm, this, "isDisjointFrom")?;
    let other = get_set_record(vm, args.get(0), "isDisjointFrom")?;
    if size_of(o) <= other.size {
        let disjoint = walk_this(vm, o, |vm, e| Ok(!other.has(vm, e)?))?;
        return Ok(Value::bool(disjoint));
    }
    let (iter, next) = other.keys_iterator(vm)?;
    while let Some(next) = vm.iterator_step(iter, next)? {
        if table(&o).borrow().has(next) {
            vm.iterator_close(iter, false)?;
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

/// Set.prototype.isSubsetOf ( other ) (§24.2.4.11).
fn is_subset_of(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_set(vm, this, "isSubsetOf")?;
    let other = get_set_record(vm, args.get(0), "isSubsetOf")?;
    if size_of(o) > other.size {
        return Ok(Value::FALSE);
    }
    let subset = walk_this(vm, o, |vm, e| other.has(vm, e))?;
    Ok(Value::bool(subset))
}

/// Set.prototype.isSupersetOf ( other ) (§24.2.4.12).
fn is_superset_of(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_set(vm, this, "isSupersetOf")?;
    let other = get_set_record(vm, args.get(0), "isSupersetOf")?;
    if size_of(o) < other.size {
        return Ok(Value::FALSE);
    }
    let (iter, next) = other.keys_iterator(vm)?;
    while let Some(next) = vm.iterator_step(iter, next)? {
        if !table(&o).borrow().has(next) {
            vm.iterator_close(iter, false)?;
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

/// get Set.prototype.size (§24.2.4.14).
fn size(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_set(vm, this, "size")?;
    Ok(Value::number(size_of(s)))
}

/// Set.prototype.symmetricDifference ( other ) (§24.2.4.15).
fn symmetric_difference(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_set(vm, this, "symmetricDifference")?;
    let other = get_set_record(vm, args.get(0), "symmetricDifference")?;
    let (iter, next) = other.keys_iterator(vm)?;
    let copy = table(&o).borrow().copy();
    let result = new_set(vm, copy)?;
    while let Some(next) = vm.iterator_step(iter, next)? {
        let next = canonical_key(next);
        let in_this = table(&o).borrow().has(next);
        let mut r = table(&result).borrow_mut();
        if in_this {
            r.delete(next);
        } else {
            r.insert(next);
        }
    }
    Ok(Value::from_gc(result))
}

/// Set.prototype.union ( other ) (§24.2.4.16).
fn union(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_set(vm, this, "union")?;
    let other = get_set_record(vm, args.get(0), "union")?;
    let (iter, next) = other.keys_iterator(vm)?;
    let copy = table(&o).borrow().copy();
    let result = new_set(vm, copy)?;
    while let Some(next) = vm.iterator_step(iter, next)? {
        table(&result).borrow_mut().insert(next);
    }
    Ok(Value::from_gc(result))
}

/// Set.prototype.values () (§24.2.4.17); also keys and @@iterator.
fn values(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_set(vm, this, "values")?;
    create_iterator(vm, s, IterationKind::Values, true)
}

/// %SetIteratorPrototype%.next () (§24.2.6.2.1).
pub fn set_iterator_next(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let it = this.as_gc::<JsObject>().filter(|o| matches!(o.kind, ObjectKind::SetIterator(_)));
    let Some(it) = it else {
        let what = vm.describe_value(this);
        return Err(vm.type_error(&format!("%SetIteratorPrototype%.next called on incompatible receiver {what}")));
    };
    let ObjectKind::SetIterator(state) = &it.kind else { unreachable!("filtered above") };
    match iterator_step(vm, state, true)? {
        Some(v) => vm.iter_result(v, false),
        None => vm.iter_result(Value::UNDEFINED, true),
    }
}

/// The Set constructor's loop: `adder.call(set, value)` for each value of
/// `iterable`, closing the iterator on error.
pub(crate) fn add_values_from_iterable(vm: &mut Vm, set: Gc<JsObject>, iterable: Value, adder: Value) -> JsResult<()> {
    let (iter, next) = vm.get_iterator(iterable)?;
    while let Some(v) = vm.iterator_step(iter, next)? {
        if let Err(e) = vm.call(adder, Value::from_gc(set), &[v]) {
            return Err(close_with(vm, iter, e));
        }
    }
    Ok(())
}
