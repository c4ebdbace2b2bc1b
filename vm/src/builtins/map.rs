//! Map (ECMA-262 §24.1): the constructor, Map.groupBy, Map.prototype
//! (with the upsert methods getOrInsert and getOrInsertComputed) and
//! %MapIteratorPrototype% (§24.1.5).
//!
//! A Map's [[MapData]] is an [`OrderedTable`] boxed in the object's kind;
//! its walkers (iterators, `forEach`) hold [`Cursor`](super::ordered_table::Cursor)s
//! the table keeps valid across deletes and compaction. The helpers both
//! Map and Set share — AddEntriesFromIterable's loop, the iterator step,
//! the table accessor — live here and `set.rs` imports them.
//!
//! Every borrow of a table ends before JavaScript runs or anything is
//! allocated: a callback may mutate the same Map.

use std::cell::{Cell, RefCell};

use strata_gc::Gc;

use super::ordered_table::{CollectionIterator, OrderedTable, canonical_key};
use super::{constructor, getter, method};
use crate::function::Args;
use crate::object::{IterationKind, JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{Exception, JsResult, Vm, WellKnown};

/// Installs Map, Map.prototype and %MapIteratorPrototype%.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let op = Value::from_gc(vm.intrinsic(Intrinsic::ObjectPrototype));
    let proto = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::MapPrototype, proto);
    let ctor = constructor(vm, global, "Map", 0, map_ctor, proto)?;
    vm.realm().set_intrinsic(Intrinsic::Map, ctor);
    method(vm, ctor, "groupBy", 2, group_by)?;
    let species = PropertyKey::Symbol(vm.well_known(WellKnown::Species));
    getter(vm, ctor, species, "[Symbol.species]", return_this)?;

    method(vm, proto, "clear", 0, clear)?;
    method(vm, proto, "delete", 1, delete)?;
    let entries_fn = method(vm, proto, "entries", 0, entries)?;
    method(vm, proto, "forEach", 1, for_each)?;
    method(vm, proto, "get", 1, get)?;
    method(vm, proto, "getOrInsert", 2, get_or_insert)?;
    method(vm, proto, "getOrInsertComputed", 2, get_or_insert_computed)?;
    method(vm, proto, "has", 1, has)?;
    method(vm, proto, "keys", 0, keys)?;
    method(vm, proto, "set", 2, set)?;
    let size_key = vm.key("size");
    getter(vm, proto, size_key, "size", size)?;
    method(vm, proto, "values", 0, values)?;
    let iter_key = PropertyKey::Symbol(vm.well_known(WellKnown::Iterator));
    vm.define_own_simple(proto, iter_key, Value::from_gc(entries_fn), Attrs::HIDDEN)?;
    to_string_tag(vm, proto, "Map")?;

    let ip = Value::from_gc(vm.intrinsic(Intrinsic::IteratorPrototype));
    let iter_proto = vm.new_object_with(ip, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::MapIteratorPrototype, iter_proto);
    method(vm, iter_proto, "next", 0, map_iterator_next)?;
    to_string_tag(vm, iter_proto, "Map Iterator")?;
    Ok(())
}

/// Defines `obj[@@toStringTag] = tag` (configurable only).
pub(crate) fn to_string_tag(vm: &mut Vm, obj: Gc<JsObject>, tag: &str) -> JsResult<()> {
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::ToStringTag));
    let v = vm.string_value(tag)?;
    vm.define_own_simple(obj, key, v, Attrs::CONFIGURABLE_ONLY)
}

/// `get [Symbol.species]` of Map and Set.
pub(crate) fn return_this(_vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(this)
}

// ---- shared with set.rs ------------------------------------------------------

/// The [[MapData]] or [[SetData]] of an object that has one.
pub(crate) fn table_of(o: &JsObject) -> Option<&RefCell<OrderedTable>> {
    match &o.kind {
        ObjectKind::Map(t) | ObjectKind::Set(t) => Some(t),
        _ => None,
    }
}

/// The table of an object `this_map`/`this_set` accepted.
pub(crate) fn table(o: &JsObject) -> &RefCell<OrderedTable> {
    table_of(o).expect("receiver checked by this_map/this_set")
}

/// RequireInternalSlot(this, [[MapData]]).
fn this_map(vm: &mut Vm, this: Value, method: &str) -> JsResult<Gc<JsObject>> {
    match this.as_gc::<JsObject>() {
        Some(o) if matches!(o.kind, ObjectKind::Map(_)) => Ok(o),
        _ => {
            let what = vm.describe_value(this);
            Err(vm.type_error(&format!("Method Map.prototype.{method} called on incompatible receiver {what}")))
        }
    }
}

/// Closes `iter` because of `error` and returns the error (a termination
/// unwinds without running the iterator's `return`).
pub(crate) fn close_with(vm: &mut Vm, iter: Value, error: Exception) -> Exception {
    if error.is_termination() {
        return error;
    }
    match vm.iterator_close(iter, true) {
        Ok(()) => error,
        Err(e) => e,
    }
}

/// The TypeError for a constructor called without `new`.
pub(crate) fn requires_new(vm: &mut Vm, name: &str) -> Exception {
    vm.type_error(&format!("Constructor {name} requires 'new'"))
}

/// The TypeError for a callback that is not callable.
pub(crate) fn not_callable(vm: &mut Vm, v: Value, what: &str) -> Exception {
    let d = vm.describe_value(v);
    vm.type_error(&format!("{what} {d} is not a function"))
}

/// `Get(target, name)`, which must be callable: the adder of the
/// collection constructors.
pub(crate) fn get_adder(vm: &mut Vm, target: Gc<JsObject>, name: &str, ctor: &str) -> JsResult<Value> {
    let key = vm.key(name);
    let adder = vm.get(target, key, Value::from_gc(target))?;
    if !vm.is_callable(adder) {
        return Err(vm.type_error(&format!("'{name}' of the new {ctor} is not a function")));
    }
    Ok(adder)
}

/// AddEntriesFromIterable (§24.1.1.2): `adder.call(target, entry[0],
/// entry[1])` for each entry of `iterable`, closing the iterator on error.
pub(crate) fn add_entries_from_iterable(
    vm: &mut Vm,
    target: Gc<JsObject>,
    iterable: Value,
    adder: Value,
) -> JsResult<()> {
    let (iter, next) = vm.get_iterator(iterable)?;
    while let Some(entry) = vm.iterator_step(iter, next)? {
        if let Err(e) = add_entry(vm, target, entry, adder) {
            return Err(close_with(vm, iter, e));
        }
    }
    Ok(())
}

fn add_entry(vm: &mut Vm, target: Gc<JsObject>, entry: Value, adder: Value) -> JsResult<()> {
    let Some(e) = entry.as_gc::<JsObject>() else {
        let what = vm.describe_value(entry);
        return Err(vm.type_error(&format!("Iterator value {what} is not an entry object")));
    };
    let k = vm.get(e, PropertyKey::Index(0), entry)?;
    let v = vm.get(e, PropertyKey::Index(1), entry)?;
    vm.call(adder, Value::from_gc(target), &[k, v])?;
    Ok(())
}

/// A new Map or Set iterator over `o` (CreateMapIterator /
/// CreateSetIterator).
pub(crate) fn create_iterator(vm: &mut Vm, o: Gc<JsObject>, kind: IterationKind, set: bool) -> JsResult<Value> {
    let cursor = table(&o).borrow_mut().cursor();
    let state = Box::new(CollectionIterator { target: Cell::new(Value::from_gc(o)), cursor, kind });
    let (proto, kind) = if set {
        (Intrinsic::SetIteratorPrototype, ObjectKind::SetIterator(state))
    } else {
        (Intrinsic::MapIteratorPrototype, ObjectKind::MapIterator(state))
    };
    let proto = Value::from_gc(vm.intrinsic(proto));
    Ok(Value::from_gc(vm.new_object_with(proto, kind)?))
}

/// One step of a Map or Set iterator: the next value, or `None` once done
/// (for good: a finished iterator forgets its target). A Set's entries
/// are `[value, value]`.
pub(crate) fn iterator_step(vm: &mut Vm, it: &CollectionIterator, set: bool) -> JsResult<Option<Value>> {
    let Some(target) = it.target.get().as_gc::<JsObject>() else { return Ok(None) };
    let Some(t) = table_of(&target) else { return Ok(None) };
    let entry = t.borrow().next(&it.cursor);
    let Some((k, v)) = entry else {
        it.target.set(Value::UNDEFINED);
        return Ok(None);
    };
    let v = if set { k } else { v };
    Ok(Some(match it.kind {
        IterationKind::Keys => k,
        IterationKind::Values => v,
        IterationKind::Entries => Value::from_gc(vm.new_array(&[k, v])?),
    }))
}

// ---- the constructor -----------------------------------------------------------

/// Map ( [ iterable ] ) (§24.1.1.1).
fn map_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if new_target.is_undefined() {
        return Err(requires_new(vm, "Map"));
    }
    let proto = vm.prototype_from_constructor(new_target, Intrinsic::MapPrototype)?;
    let map = vm.new_object_with(proto, ObjectKind::Map(Box::default()))?;
    let iterable = args.get(0);
    if !iterable.is_nullish() {
        let adder = get_adder(vm, map, "set", "Map")?;
        add_entries_from_iterable(vm, map, iterable, adder)?;
    }
    Ok(Value::from_gc(map))
}

/// Map.groupBy ( items, callback ) (§24.1.2.1): GroupBy with zero-
/// canonicalized keys, into a new Map of arrays.
fn group_by(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (items, callback) = (args.get(0), args.get(1));
    if items.is_nullish() {
        let what = vm.describe_value(items);
        return Err(vm.type_error(&format!("Map.groupBy: {what} is not iterable")));
    }
    if !vm.is_callable(callback) {
        return Err(not_callable(vm, callback, "Map.groupBy: callback"));
    }
    // The result Map holds the groups as they fill: nothing can observe
    // it before it is returned, and it keeps the arrays alive.
    let proto = Value::from_gc(vm.intrinsic(Intrinsic::MapPrototype));
    let map = vm.new_object_with(proto, ObjectKind::Map(Box::default()))?;
    let (iter, next) = vm.get_iterator(items)?;
    let mut k: u64 = 0;
    while let Some(value) = vm.iterator_step(iter, next)? {
        if k >= (1 << 53) - 1 {
            let e = vm.type_error("Map.groupBy: too many elements");
            return Err(close_with(vm, iter, e));
        }
        let key = match vm.call(callback, Value::UNDEFINED, &[value, Value::number(k as f64)]) {
            Ok(key) => canonical_key(key),
            Err(e) => return Err(close_with(vm, iter, e)),
        };
        let existing = table(&map).borrow().get(key);
        let group = match existing {
            Some(g) => g,
            None => {
                let g = Value::from_gc(vm.new_array(&[])?);
                table(&map).borrow_mut().set(key, g);
                g
            }
        };
        let a = group.as_gc::<JsObject>().expect("groups are arrays");
        let len = super::array::length_of(vm, a)?;
        vm.create_data_property_or_throw(a, PropertyKey::Index(len as u32), value)?;
        k += 1;
    }
    Ok(Value::from_gc(map))
}

// ---- Map.prototype ---------------------------------------------------------------

/// Map.prototype.clear () (§24.1.3.1).
fn clear(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let m = this_map(vm, this, "clear")?;
    table(&m).borrow_mut().clear();
    Ok(Value::UNDEFINED)
}

/// Map.prototype.delete ( key ) (§24.1.3.3).
fn delete(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let m = this_map(vm, this, "delete")?;
    Ok(Value::bool(table(&m).borrow_mut().delete(args.get(0))))
}

/// Map.prototype.entries () (§24.1.3.4); also Map.prototype[@@iterator].
fn entries(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let m = this_map(vm, this, "entries")?;
    create_iterator(vm, m, IterationKind::Entries, false)
}

/// Map.prototype.forEach ( callbackfn [ , thisArg ] ) (§24.1.3.5).
fn for_each(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let m = this_map(vm, this, "forEach")?;
    let (f, this_arg) = (args.get(0), args.get(1));
    if !vm.is_callable(f) {
        return Err(not_callable(vm, f, "Map.prototype.forEach: callback"));
    }
    let cursor = table(&m).borrow_mut().cursor();
    loop {
        let entry = table(&m).borrow().next(&cursor);
        let Some((k, v)) = entry else { break };
        vm.call(f, this_arg, &[v, k, Value::from_gc(m)])?;
    }
    Ok(Value::UNDEFINED)
}

/// Map.prototype.get ( key ) (§24.1.3.6).
fn get(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let m = this_map(vm, this, "get")?;
    Ok(table(&m).borrow().get(args.get(0)).unwrap_or(Value::UNDEFINED))
}

/// Map.prototype.getOrInsert ( key, value ) (upsert, §24.1.3.7).
fn get_or_insert(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let m = this_map(vm, this, "getOrInsert")?;
    let (key, value) = (args.get(0), args.get(1));
    let mut t = table(&m).borrow_mut();
    if let Some(v) = t.get(key) {
        return Ok(v);
    }
    t.set(key, value);
    Ok(value)
}

/// Map.prototype.getOrInsertComputed ( key, callbackfn ) (upsert,
/// §24.1.3.8): the callback may itself insert the key; its result wins.
fn get_or_insert_computed(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let m = this_map(vm, this, "getOrInsertComputed")?;
    let (key, f) = (canonical_key(args.get(0)), args.get(1));
    if !vm.is_callable(f) {
        return Err(not_callable(vm, f, "Map.prototype.getOrInsertComputed: callback"));
    }
    if let Some(v) = table(&m).borrow().get(key) {
        return Ok(v);
    }
    let value = vm.call(f, Value::UNDEFINED, &[key])?;
    table(&m).borrow_mut().set(key, value);
    Ok(value)
}

/// Map.prototype.has ( key ) (§24.1.3.9).
fn has(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let m = this_map(vm, this, "has")?;
    Ok(Value::bool(table(&m).borrow().has(args.get(0))))
}

/// Map.prototype.keys () (§24.1.3.10).
fn keys(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let m = this_map(vm, this, "keys")?;
    create_iterator(vm, m, IterationKind::Keys, false)
}

/// Map.prototype.set ( key, value ) (§24.1.3.11).
fn set(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let m = this_map(vm, this, "set")?;
    table(&m).borrow_mut().set(args.get(0), args.get(1));
    Ok(this)
}

/// get Map.prototype.size (§24.1.3.12).
fn size(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let m = this_map(vm, this, "size")?;
    Ok(Value::number(table(&m).borrow().len() as f64))
}

/// Map.prototype.values () (§24.1.3.13).
fn values(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let m = this_map(vm, this, "values")?;
    create_iterator(vm, m, IterationKind::Values, false)
}

/// %MapIteratorPrototype%.next () (§24.1.5.2.1).
pub fn map_iterator_next(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let it = this.as_gc::<JsObject>().filter(|o| matches!(o.kind, ObjectKind::MapIterator(_)));
    let Some(it) = it else {
        let what = vm.describe_value(this);
        return Err(vm.type_error(&format!("%MapIteratorPrototype%.next called on incompatible receiver {what}")));
    };
    let ObjectKind::MapIterator(state) = &it.kind else { unreachable!("filtered above") };
    match iterator_step(vm, state, false)? {
        Some(v) => vm.iter_result(v, false),
        None => vm.iter_result(Value::UNDEFINED, true),
    }
}
