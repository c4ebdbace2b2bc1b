//! Array (ECMA-262 §23.1): the constructor and its statics (`from`, `of`,
//! `isArray`, `@@species`), the abstract operations every Array method
//! shares (LengthOfArrayLike, ArraySpeciesCreate, relative indices), the
//! prototype's methods that read, search, copy and move elements, and
//! %ArrayIteratorPrototype%.
//!
//! The callback methods (forEach, map, filter, find*, reduce*, flat*) are in
//! `array_iteration.rs`; sort and toSorted in `array_sort.rs`.
//!
//! Every method is generic: it works on any object through [[Get]],
//! [[HasProperty]], [[Set]] and [[Delete]], in the spec's order, so getters,
//! setters and (later) proxies see the specified sequence. Where reading
//! the element store directly cannot be told apart from those steps, the
//! methods take the shortcuts in `array_elements.rs`.

use std::cell::Cell;

use strata_gc::Gc;

use super::{constructor, getter, method, symbol_method};
use crate::conversions::{same_value_zero, strict_equals};
use crate::function::Args;
use crate::object::{Elements, IterationKind, JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::realm::{Intrinsic, Realm};
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

// Split out of this file by concern: element-store fast paths, callback
// methods, sorting.
use super::{array_elements, array_iteration, array_sort};

use array_elements::{
    delete_range, fill_fresh, fresh_array, move_elements, next_present, packed_len, packed_search, packed_slice,
    prev_present, proto_chain_elementless,
};

/// 2^53 - 1: the largest length of an array-like (ToLength's bound).
pub const MAX_SAFE_LENGTH: u64 = (1 << 53) - 1;

/// Installs Array, Array.prototype and %ArrayIteratorPrototype%.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let proto = vm.intrinsic(Intrinsic::ArrayPrototype);
    let ctor = constructor(vm, global, "Array", 1, array_ctor, proto)?;
    vm.realm().set_intrinsic(Intrinsic::Array, ctor);
    method(vm, ctor, "from", 1, from)?;
    method(vm, ctor, "fromAsync", 1, super::array_from_async::from_async)?;
    method(vm, ctor, "isArray", 1, is_array_native)?;
    method(vm, ctor, "of", 0, of)?;
    let species = PropertyKey::Symbol(vm.well_known(WellKnown::Species));
    getter(vm, ctor, species, "[Symbol.species]", return_this)?;

    method(vm, proto, "at", 1, at)?;
    method(vm, proto, "concat", 1, concat)?;
    method(vm, proto, "copyWithin", 2, copy_within)?;
    method(vm, proto, "fill", 1, fill)?;
    method(vm, proto, "includes", 1, includes)?;
    method(vm, proto, "indexOf", 1, index_of)?;
    method(vm, proto, "join", 1, join)?;
    method(vm, proto, "lastIndexOf", 1, last_index_of)?;
    method(vm, proto, "pop", 0, pop)?;
    method(vm, proto, "push", 1, push)?;
    method(vm, proto, "reverse", 0, reverse)?;
    method(vm, proto, "shift", 0, shift)?;
    method(vm, proto, "slice", 2, slice)?;
    method(vm, proto, "splice", 2, splice)?;
    method(vm, proto, "toLocaleString", 0, to_locale_string)?;
    method(vm, proto, "toReversed", 0, to_reversed)?;
    method(vm, proto, "toSpliced", 2, to_spliced)?;
    method(vm, proto, "toString", 0, to_string)?;
    method(vm, proto, "unshift", 1, unshift)?;
    method(vm, proto, "with", 2, with)?;
    array_iteration::init(vm, proto)?;
    array_sort::init(vm, proto)?;
    method(vm, proto, "entries", 0, entries)?;
    method(vm, proto, "keys", 0, keys)?;
    let values_fn = method(vm, proto, "values", 0, values)?;
    let iter_key = PropertyKey::Symbol(vm.well_known(WellKnown::Iterator));
    vm.define_own_simple(proto, iter_key, Value::from_gc(values_fn), Attrs::HIDDEN)?;
    vm.realm().set_intrinsic(Intrinsic::ArrayPrototypeValues, values_fn);

    // Array.prototype[@@unscopables] (§23.1.3.41): the names `with`
    // statements must not see, on a null-prototype object.
    let unscopables = vm.new_object_with(Value::NULL, ObjectKind::Ordinary)?;
    for name in [
        "at",
        "copyWithin",
        "entries",
        "fill",
        "find",
        "findIndex",
        "findLast",
        "findLastIndex",
        "flat",
        "flatMap",
        "includes",
        "keys",
        "toReversed",
        "toSorted",
        "toSpliced",
        "values",
    ] {
        vm.define_value(unscopables, name, Value::TRUE, Attrs::DEFAULT)?;
    }
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::Unscopables));
    vm.define_own_simple(proto, key, Value::from_gc(unscopables), Attrs::CONFIGURABLE_ONLY)?;

    let iter_proto = vm.intrinsic(Intrinsic::ArrayIteratorPrototype);
    method(vm, iter_proto, "next", 0, array_iterator_next)?;
    let tag_key = PropertyKey::Symbol(vm.well_known(WellKnown::ToStringTag));
    let tag = vm.string_value("Array Iterator")?;
    vm.define_own_simple(iter_proto, tag_key, tag, Attrs::CONFIGURABLE_ONLY)?;
    let ip = vm.intrinsic(Intrinsic::IteratorPrototype);
    symbol_method(vm, ip, iter_key, "[Symbol.iterator]", 0, return_this)?;
    Ok(())
}

fn return_this(_vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(this)
}

// ---- abstract operations -----------------------------------------------

/// LengthOfArrayLike.
pub fn length_of(vm: &mut Vm, o: Gc<JsObject>) -> JsResult<u64> {
    if let ObjectKind::Array { length, .. } = &o.kind {
        return Ok(length.get() as u64);
    }
    let key = PropertyKey::String(vm.roots.names.length);
    let v = vm.get(o, key, Value::from_gc(o))?;
    vm.to_length(v)
}

/// A property key for an index up to 2^53 - 1.
pub fn index_key(vm: &mut Vm, i: u64) -> PropertyKey {
    if i < u32::MAX as u64 { PropertyKey::Index(i as u32) } else { vm.key(&i.to_string()) }
}

/// ArrayCreate(len, proto).
pub fn array_create(vm: &mut Vm, len: u64, proto: Value) -> JsResult<Gc<JsObject>> {
    if len > u32::MAX as u64 {
        return Err(vm.range_error("Invalid array length"));
    }
    vm.new_object_with(proto, ObjectKind::Array { length: Cell::new(len as u32), length_writable: Cell::new(true) })
}

/// ArrayCreate(len) with the running realm's %Array.prototype%.
pub(crate) fn new_array_of_length(vm: &mut Vm, len: u64) -> JsResult<Gc<JsObject>> {
    let proto = Value::from_gc(vm.intrinsic(Intrinsic::ArrayPrototype));
    array_create(vm, len, proto)
}

/// IsArray (§7.2.2): a Proxy answers for its target; a revoked one throws.
pub(crate) fn is_array(vm: &mut Vm, v: Value) -> JsResult<bool> {
    let mut cur = v;
    // A loop, not recursion: a long chain of proxies must not overflow.
    while let Some(o) = cur.as_gc::<JsObject>() {
        let ObjectKind::Proxy(p) = &o.kind else { return Ok(o.is_array()) };
        if p.is_revoked() {
            return Err(vm.type_error("Cannot perform 'IsArray' on a proxy that has been revoked"));
        }
        cur = p.target.get();
    }
    Ok(false)
}

/// GetFunctionRealm.
pub(crate) fn get_function_realm(vm: &mut Vm, f: Value) -> JsResult<Gc<Realm>> {
    let Some(o) = f.as_gc::<JsObject>() else { return Ok(vm.realm()) };
    match &o.kind {
        ObjectKind::Function(d) => Ok(d.realm),
        ObjectKind::BoundFunction(b) => {
            let target = b.target;
            get_function_realm(vm, target)
        }
        ObjectKind::Proxy(p) => {
            if p.is_revoked() {
                return Err(vm.type_error("Cannot get the realm of a proxy that has been revoked"));
            }
            if !vm.native_stack_ok() {
                return Err(vm.range_error("Maximum call stack size exceeded"));
            }
            let target = p.target.get();
            get_function_realm(vm, target)
        }
        _ => Ok(vm.realm()),
    }
}

/// Construct(c, args) where the result must be an object.
pub(crate) fn construct_object(vm: &mut Vm, c: Value, args: &[Value]) -> JsResult<Gc<JsObject>> {
    let r = vm.construct(c, args, c)?;
    match r.as_gc::<JsObject>() {
        Some(o) => Ok(o),
        None => Err(vm.type_error("constructor did not return an object")),
    }
}

/// ArraySpeciesCreate(originalArray, length).
pub(crate) fn array_species_create(vm: &mut Vm, original: Gc<JsObject>, len: u64) -> JsResult<Gc<JsObject>> {
    let ov = Value::from_gc(original);
    if !is_array(vm, ov)? {
        return new_array_of_length(vm, len);
    }
    let ckey = PropertyKey::String(vm.roots.names.constructor);
    let mut c = vm.get(original, ckey, ov)?;
    if vm.is_constructor(c) {
        // An Array constructor of another realm means "a plain array of
        // this realm" (so arrays passed between realms stay usable).
        let realm_c = get_function_realm(vm, c)?;
        if realm_c != vm.realm() && c == realm_c.intrinsic_value(Intrinsic::Array) {
            c = Value::UNDEFINED;
        }
    }
    if let Some(co) = c.as_gc::<JsObject>() {
        let key = PropertyKey::Symbol(vm.well_known(WellKnown::Species));
        c = vm.get(co, key, c)?;
        if c.is_null() {
            c = Value::UNDEFINED;
        }
    }
    if c.is_undefined() {
        return new_array_of_length(vm, len);
    }
    if !vm.is_constructor(c) {
        return Err(vm.type_error("object.constructor[Symbol.species] is not a constructor"));
    }
    construct_object(vm, c, &[Value::number(len as f64)])
}

/// Get(O, ToString(k)).
pub(crate) fn get_index(vm: &mut Vm, o: Gc<JsObject>, k: u64) -> JsResult<Value> {
    let key = index_key(vm, k);
    vm.get(o, key, Value::from_gc(o))
}

/// HasProperty(O, ToString(k)).
pub(crate) fn has_index(vm: &mut Vm, o: Gc<JsObject>, k: u64) -> JsResult<bool> {
    let key = index_key(vm, k);
    vm.has_property(o, key)
}

/// Set(O, ToString(k), v, true).
pub(crate) fn set_index(vm: &mut Vm, o: Gc<JsObject>, k: u64, v: Value) -> JsResult<()> {
    let key = index_key(vm, k);
    vm.set_value(Value::from_gc(o), key, v, true)
}

/// DeletePropertyOrThrow(O, ToString(k)).
pub(crate) fn delete_index(vm: &mut Vm, o: Gc<JsObject>, k: u64) -> JsResult<()> {
    let key = index_key(vm, k);
    if !vm.delete_property(o, key)? {
        let what = if is_array(vm, Value::from_gc(o)).unwrap_or(false) { "[object Array]" } else { "[object Object]" };
        return Err(vm.type_error(&format!("Cannot delete property '{k}' of {what}")));
    }
    Ok(())
}

/// CreateDataPropertyOrThrow(A, ToString(k), v).
pub(crate) fn create_index(vm: &mut Vm, a: Gc<JsObject>, k: u64, v: Value) -> JsResult<()> {
    let key = index_key(vm, k);
    vm.create_data_property_or_throw(a, key, v)
}

/// Set(O, "length", len, true).
pub(crate) fn set_length(vm: &mut Vm, o: Gc<JsObject>, len: u64) -> JsResult<()> {
    let key = PropertyKey::String(vm.roots.names.length);
    vm.set_value(Value::from_gc(o), key, Value::number(len as f64), true)
}

/// The TypeError for a callback argument that is not callable.
pub(crate) fn require_callable(vm: &mut Vm, f: Value) -> JsResult<()> {
    if vm.is_callable(f) { Ok(()) } else { Err(vm.not_callable(f)) }
}

/// A relative index (negative counts from `len`) clamped to `0..=len`.
pub(crate) fn clamp_relative(rel: f64, len: u64) -> u64 {
    if rel < 0.0 {
        let r = len as f64 + rel;
        if r <= 0.0 { 0 } else { r as u64 }
    } else if rel >= len as f64 {
        len
    } else {
        rel as u64
    }
}

/// ToIntegerOrInfinity(v) as a relative index clamped to `0..=len`.
pub(crate) fn relative_index(vm: &mut Vm, v: Value, len: u64) -> JsResult<u64> {
    let rel = vm.to_integer_or_infinity(v)?;
    Ok(clamp_relative(rel, len))
}

/// The end argument of slice/fill/copyWithin: undefined means `len`.
fn relative_end(vm: &mut Vm, v: Value, len: u64) -> JsResult<u64> {
    if v.is_undefined() { Ok(len) } else { relative_index(vm, v, len) }
}

// ---- the constructor and its statics ---------------------------------------

fn array_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    let array = Value::from_gc(vm.intrinsic(Intrinsic::Array));
    // `new Array(n)`: %Array%.prototype is non-writable and
    // non-configurable, so it is %Array.prototype% without a lookup.
    let proto = if new_target.is_undefined() || new_target == array {
        Value::from_gc(vm.intrinsic(Intrinsic::ArrayPrototype))
    } else {
        vm.prototype_from_constructor(new_target, Intrinsic::ArrayPrototype)?
    };
    if args.len() == 1 {
        let len = args.get(0);
        if let Some(n) = len.as_number() {
            let int_len = crate::number_conv::to_uint32(n);
            if int_len as f64 != n {
                return Err(vm.range_error("Invalid array length"));
            }
            return Ok(Value::from_gc(array_create(vm, int_len as u64, proto)?));
        }
        let a = array_create(vm, 0, proto)?;
        vm.create_data_property_or_throw(a, PropertyKey::Index(0), len)?;
        return Ok(Value::from_gc(a));
    }
    let a = array_create(vm, 0, proto)?;
    for i in 0..args.len() {
        vm.create_data_property_or_throw(a, PropertyKey::Index(i as u32), args.get(i))?;
    }
    Ok(Value::from_gc(a))
}

fn is_array_native(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::bool(is_array(vm, args.get(0))?))
}

/// Whether `method`, fetched as `o[@@iterator]`, is the running realm's
/// %Array.prototype.values% with %ArrayIteratorPrototype%.next untouched:
/// then iterating `o` is reading `o[0]`, `o[1]`... while below its length,
/// and the iterator and result objects are never seen by script.
fn is_original_array_iteration(vm: &mut Vm, method: Value) -> bool {
    if method != vm.realm().intrinsic_value(Intrinsic::ArrayPrototypeValues) {
        return false;
    }
    let proto = vm.intrinsic(Intrinsic::ArrayIteratorPrototype);
    let key = PropertyKey::String(vm.roots.names.next);
    matches!(crate::object_ops::get_own(vm, proto, key), Some((v, a))
        if !a.is_accessor() && v.as_gc::<JsObject>().is_some_and(|f| matches!(&f.kind, ObjectKind::Function(d)
            if matches!(d.code, crate::function::FunctionCode::Native { f, .. }
                if std::ptr::fn_addr_eq(f, array_iterator_next as crate::function::NativeFn)))))
}

/// Array.from(items, mapfn, thisArg) (§23.1.2.1).
fn from(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (c, items, mapfn, this_arg) = (this, args.get(0), args.get(1), args.get(2));
    let mapping = !mapfn.is_undefined();
    if mapping {
        require_callable(vm, mapfn)?;
    }
    let iter_key = PropertyKey::Symbol(vm.well_known(WellKnown::Iterator));
    // GetMethod(items, @@iterator).
    let using_iterator = if items.is_nullish() { Value::UNDEFINED } else { vm.get_value(items, iter_key)? };
    if !using_iterator.is_nullish() {
        if !vm.is_callable(using_iterator) {
            return Err(vm.not_callable(using_iterator));
        }
        let a = if vm.is_constructor(c) { construct_object(vm, c, &[])? } else { new_array_of_length(vm, 0)? };
        if let Some(src) = items.as_gc::<JsObject>()
            && is_original_array_iteration(vm, using_iterator)
        {
            let mut k = 0;
            loop {
                if k >= length_of(vm, src)? {
                    set_length(vm, a, k)?;
                    return Ok(Value::from_gc(a));
                }
                let v = get_index(vm, src, k)?;
                let stored = match mapping {
                    true => vm.call(mapfn, this_arg, &[v, Value::number(k as f64)]),
                    false => Ok(v),
                }
                .and_then(|mapped| create_index(vm, a, k, mapped));
                if let Err(e) = stored {
                    return Err(close_array_iterator(vm, src, k, e));
                }
                k += 1;
            }
        }
        let iter = vm.call(using_iterator, items, &[])?;
        if iter.as_gc::<JsObject>().is_none() {
            return Err(vm.type_error("Result of the Symbol.iterator method is not an object"));
        }
        let next_key = PropertyKey::String(vm.roots.names.next);
        let next = vm.get_value(iter, next_key)?;
        let mut k: u64 = 0;
        loop {
            if k >= MAX_SAFE_LENGTH {
                let e = vm.type_error("Invalid array length");
                vm.iterator_close(iter, true)?;
                return Err(e);
            }
            let Some(v) = vm.iterator_step(iter, next)? else {
                set_length(vm, a, k)?;
                return Ok(Value::from_gc(a));
            };
            let mapped = if mapping {
                match vm.call(mapfn, this_arg, &[v, Value::number(k as f64)]) {
                    Ok(m) => m,
                    Err(e) => {
                        vm.iterator_close(iter, true)?;
                        return Err(e);
                    }
                }
            } else {
                v
            };
            if let Err(e) = create_index(vm, a, k, mapped) {
                vm.iterator_close(iter, true)?;
                return Err(e);
            }
            k += 1;
        }
    }
    let array_like = vm.to_object(items)?;
    let len = length_of(vm, array_like)?;
    let a = if vm.is_constructor(c) {
        construct_object(vm, c, &[Value::number(len as f64)])?
    } else {
        new_array_of_length(vm, len)?
    };
    for k in 0..len {
        let v = get_index(vm, array_like, k)?;
        let mapped = if mapping { vm.call(mapfn, this_arg, &[v, Value::number(k as f64)])? } else { v };
        create_index(vm, a, k, mapped)?;
    }
    set_length(vm, a, len)?;
    Ok(Value::from_gc(a))
}

/// IfAbruptCloseIterator for Array.from's shortcut over an array iterator:
/// IteratorClose on an iterator like the one it stands in for (past
/// element `k`), since `return` may have been defined where the iterator
/// would find it (%IteratorPrototype%, Object.prototype).
fn close_array_iterator(vm: &mut Vm, src: Gc<JsObject>, k: u64, e: crate::vm::Exception) -> crate::vm::Exception {
    let proto = Value::from_gc(vm.intrinsic(Intrinsic::ArrayIteratorPrototype));
    let index = Cell::new(u32::try_from(k + 1).unwrap_or(u32::MAX));
    let kind = ObjectKind::ArrayIterator { target: Cell::new(Value::from_gc(src)), index, kind: IterationKind::Values };
    if let Ok(it) = vm.new_object_with(proto, kind) {
        // A throw completion: errors from `return` are dropped.
        let _ = vm.iterator_close(Value::from_gc(it), true);
    }
    e
}

/// Array.of(...items) (§23.1.2.3).
fn of(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let len = args.len() as u64;
    let a = if vm.is_constructor(this) {
        construct_object(vm, this, &[Value::number(len as f64)])?
    } else {
        new_array_of_length(vm, len)?
    };
    for k in 0..args.len() {
        create_index(vm, a, k as u64, args.get(k))?;
    }
    set_length(vm, a, len)?;
    Ok(Value::from_gc(a))
}

// ---- reading and searching -------------------------------------------------

/// Array.prototype.at(index).
fn at(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    let rel = vm.to_integer_or_infinity(args.get(0))?;
    let k = if rel >= 0.0 { rel } else { len as f64 + rel };
    if k < 0.0 || k >= len as f64 {
        return Ok(Value::UNDEFINED);
    }
    get_index(vm, o, k as u64)
}

/// Array.prototype.includes(searchElement, fromIndex): SameValueZero,
/// holes read as undefined.
fn includes(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    if len == 0 {
        return Ok(Value::FALSE);
    }
    let target = args.get(0);
    let mut k = relative_index(vm, args.get(1), len)?;
    if let Some(found) = packed_search(o, k, len, |e| same_value_zero(e, target)) {
        return Ok(Value::bool(found.is_some()));
    }
    while k < len {
        // Missing indices read as undefined: only a search for undefined
        // can match them.
        if !target.is_undefined() {
            k = next_present(o, k, len);
            if k >= len {
                break;
            }
        }
        let e = get_index(vm, o, k)?;
        if same_value_zero(e, target) {
            return Ok(Value::TRUE);
        }
        k += 1;
    }
    Ok(Value::FALSE)
}

/// Array.prototype.indexOf(searchElement, fromIndex): strict equality,
/// holes skipped.
fn index_of(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    if len == 0 {
        return Ok(Value::int(-1));
    }
    let target = args.get(0);
    let mut k = relative_index(vm, args.get(1), len)?;
    if let Some(found) = packed_search(o, k, len, |e| strict_equals(e, target)) {
        return Ok(found.map_or(Value::int(-1), |i| Value::number(i as f64)));
    }
    while k < len {
        k = next_present(o, k, len);
        if k >= len {
            break;
        }
        if has_index(vm, o, k)? {
            let e = get_index(vm, o, k)?;
            if strict_equals(e, target) {
                return Ok(Value::number(k as f64));
            }
        }
        k += 1;
    }
    Ok(Value::int(-1))
}

/// Array.prototype.lastIndexOf(searchElement, fromIndex).
fn last_index_of(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    if len == 0 {
        return Ok(Value::int(-1));
    }
    let n = if args.len() > 1 { vm.to_integer_or_infinity(args.get(1))? } else { len as f64 - 1.0 };
    let k = if n >= 0.0 { n.min(len as f64 - 1.0) } else { len as f64 + n };
    if k < 0.0 {
        return Ok(Value::int(-1));
    }
    let target = args.get(0);
    let mut k = k as u64;
    if let Some(p) = packed_len(o)
        && p as u64 >= len
    {
        let found = o.with_elements(|e| match e {
            Elements::Dense(d) => d[..=k as usize].iter().rposition(|&e| strict_equals(e, target)),
            Elements::Sparse(_) => None,
        });
        return Ok(found.map_or(Value::int(-1), |i| Value::number(i as f64)));
    }
    loop {
        let Some(p) = prev_present(o, k) else { break };
        k = p;
        if has_index(vm, o, k)? {
            let e = get_index(vm, o, k)?;
            if strict_equals(e, target) {
                return Ok(Value::number(k as f64));
            }
        }
        if k == 0 {
            break;
        }
        k -= 1;
    }
    Ok(Value::int(-1))
}

// ---- join and the string conversions ---------------------------------------

/// The loop of join and toLocaleString: elements converted by `convert`
/// (nullish ones give ""), separated by `sep`. Re-entering it for an array
/// already being joined gives "" (cycle detection, as engines do).
pub(crate) fn join_elements(
    vm: &mut Vm,
    o: Gc<JsObject>,
    len: u64,
    sep: &[u16],
    mut convert: impl FnMut(&mut Vm, Value) -> JsResult<Value>,
) -> JsResult<Value> {
    if vm.join_stack.contains(&o) {
        return Ok(Value::from_gc(vm.roots.names.empty));
    }
    vm.join_stack.push(o);
    let result = (|| -> JsResult<Vec<u16>> {
        let max = crate::string::MAX_STRING_LENGTH as u64;
        let mut out: Vec<u16> = Vec::new();
        let mut k = 0;
        while k < len {
            // Missing indices read as undefined and add only separators.
            let next = next_present(o, k, len);
            let separators = (next - k) - u64::from(k == 0 && next > 0);
            if out.len() as u64 + separators.saturating_mul(sep.len() as u64) > max {
                return Err(vm.range_error("Invalid string length"));
            }
            if !sep.is_empty() {
                for _ in 0..separators {
                    out.extend_from_slice(sep);
                }
            }
            if next >= len {
                break;
            }
            if next > 0 {
                out.extend_from_slice(sep);
            }
            let e = get_index(vm, o, next)?;
            if !e.is_nullish() {
                let s = convert(vm, e)?;
                let s = vm.to_string(s)?;
                out.extend(s.flat().units());
            }
            if out.len() as u64 > max {
                return Err(vm.range_error("Invalid string length"));
            }
            k = next + 1;
        }
        Ok(out)
    })();
    vm.join_stack.pop();
    let units = result?;
    Ok(Value::from_gc(vm.new_string_units(&units)?))
}

/// Array.prototype.join(separator).
fn join(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    let sep_arg = args.get(0);
    let sep: Vec<u16> = if sep_arg.is_undefined() { vec![b',' as u16] } else { vm.to_string(sep_arg)?.to_units() };
    join_elements(vm, o, len, &sep, |_vm, v| Ok(v))
}

/// Array.prototype.toString(): `this.join()`, or Object.prototype.toString
/// when `join` is not callable.
fn to_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let key = vm.key("join");
    let f = vm.get(o, key, Value::from_gc(o))?;
    if vm.is_callable(f) {
        return vm.call(f, Value::from_gc(o), &[]);
    }
    super::object::to_string(vm, Value::from_gc(o), Args::new(&[]), Value::UNDEFINED)
}

/// Array.prototype.toLocaleString(locales, options): each element's
/// toLocaleString(locales, options) — ECMA-402's form, which passes both
/// on — joined with the list separator ",".
fn to_locale_string(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    let (locales, options) = (args.get(0), args.get(1));
    join_elements(vm, o, len, &[b',' as u16], |vm, v| {
        // Invoke(v, "toLocaleString", « locales, options »).
        let key = vm.key("toLocaleString");
        let f = vm.get_value(v, key)?;
        vm.call(f, v, &[locales, options])
    })
}

// ---- adding and removing at the ends -----------------------------------------

/// Array.prototype.push(...items).
fn push(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    if len + args.len() as u64 > MAX_SAFE_LENGTH {
        return Err(vm.type_error("Pushing too many elements passes the maximum array length"));
    }
    for i in 0..args.len() {
        set_index(vm, o, len + i as u64, args.get(i))?;
    }
    let new_len = len + args.len() as u64;
    set_length(vm, o, new_len)?;
    Ok(Value::number(new_len as f64))
}

/// Array.prototype.pop().
fn pop(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    if len == 0 {
        set_length(vm, o, 0)?;
        return Ok(Value::UNDEFINED);
    }
    let v = get_index(vm, o, len - 1)?;
    delete_index(vm, o, len - 1)?;
    set_length(vm, o, len - 1)?;
    Ok(v)
}

/// Array.prototype.shift().
fn shift(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    if len == 0 {
        set_length(vm, o, 0)?;
        return Ok(Value::UNDEFINED);
    }
    if packed_len(o) == Some(len as u32)
        && let ObjectKind::Array { length, .. } = &o.kind
    {
        let first = o.with_elements(|e| match e {
            Elements::Dense(d) => d.remove(0),
            Elements::Sparse(_) => Value::UNDEFINED,
        });
        length.set(len as u32 - 1);
        return Ok(first);
    }
    let first = get_index(vm, o, 0)?;
    move_elements(vm, o, 1, 0, len - 1, false)?;
    delete_index(vm, o, len - 1)?;
    set_length(vm, o, len - 1)?;
    Ok(first)
}

/// Array.prototype.unshift(...items).
fn unshift(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    let argc = args.len() as u64;
    if argc > 0 {
        if len + argc > MAX_SAFE_LENGTH {
            return Err(vm.type_error("Unshifting too many elements passes the maximum array length"));
        }
        if packed_len(o) == Some(len as u32)
            && len + argc <= u32::MAX as u64
            && o.is_extensible()
            && proto_chain_elementless(o)
            && let ObjectKind::Array { length, .. } = &o.kind
        {
            o.with_elements(|e| {
                if let Elements::Dense(d) = e {
                    d.splice(0..0, (0..args.len()).map(|i| args.get(i)));
                }
            });
            length.set((len + argc) as u32);
            return Ok(Value::number((len + argc) as f64));
        }
        move_elements(vm, o, 0, argc, len, true)?;
        for j in 0..args.len() {
            set_index(vm, o, j as u64, args.get(j))?;
        }
    }
    set_length(vm, o, len + argc)?;
    Ok(Value::number((len + argc) as f64))
}

// ---- copying ----------------------------------------------------------------

/// IsConcatSpreadable(o).
fn is_concat_spreadable(vm: &mut Vm, v: Value) -> JsResult<bool> {
    let Some(o) = v.as_gc::<JsObject>() else { return Ok(false) };
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::IsConcatSpreadable));
    let spreadable = vm.get(o, key, v)?;
    if !spreadable.is_undefined() {
        return Ok(crate::conversions::to_boolean(spreadable));
    }
    is_array(vm, v)
}

/// Array.prototype.concat(...items).
fn concat(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let a = array_species_create(vm, o, 0)?;
    let mut n: u64 = 0;
    for i in 0..=args.len() {
        let e = if i == 0 { Value::from_gc(o) } else { args.get(i - 1) };
        if is_concat_spreadable(vm, e)? {
            let eo = e.as_gc::<JsObject>().expect("spreadable values are objects");
            let len = length_of(vm, eo)?;
            if n + len > MAX_SAFE_LENGTH {
                return Err(vm.type_error("Invalid array length"));
            }
            let mut k = 0;
            while k < len {
                let next = next_present(eo, k, len);
                n += next - k;
                k = next;
                if k >= len {
                    break;
                }
                if has_index(vm, eo, k)? {
                    let v = get_index(vm, eo, k)?;
                    create_index(vm, a, n, v)?;
                }
                n += 1;
                k += 1;
            }
        } else {
            if n >= MAX_SAFE_LENGTH {
                return Err(vm.type_error("Invalid array length"));
            }
            create_index(vm, a, n, e)?;
            n += 1;
        }
    }
    set_length(vm, a, n)?;
    Ok(Value::from_gc(a))
}

/// Array.prototype.slice(start, end).
fn slice(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    let mut k = relative_index(vm, args.get(0), len)?;
    let fin = relative_end(vm, args.get(1), len)?;
    let count = fin.saturating_sub(k);
    let a = array_species_create(vm, o, count)?;
    if count > 0 && a != o && packed_len(o).is_some_and(|p| fin <= p as u64) && fresh_array(a) {
        let values = packed_slice(o, k as u32, fin as u32);
        fill_fresh(a, values);
        set_length(vm, a, count)?;
        return Ok(Value::from_gc(a));
    }
    let mut n: u64 = 0;
    while k < fin {
        let next = next_present(o, k, fin);
        n += next - k;
        k = next;
        if k >= fin {
            break;
        }
        if has_index(vm, o, k)? {
            let v = get_index(vm, o, k)?;
            create_index(vm, a, n, v)?;
        }
        k += 1;
        n += 1;
    }
    set_length(vm, a, n)?;
    Ok(Value::from_gc(a))
}

/// Array.prototype.splice(start, deleteCount, ...items).
fn splice(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    let start = relative_index(vm, args.get(0), len)?;
    let item_count = args.len().saturating_sub(2) as u64;
    let delete_count = match args.len() {
        0 => 0,
        1 => len - start,
        _ => {
            let dc = vm.to_integer_or_infinity(args.get(1))?;
            dc.clamp(0.0, (len - start) as f64) as u64
        }
    };
    if len + item_count - delete_count > MAX_SAFE_LENGTH {
        return Err(vm.type_error("Invalid array length"));
    }
    let a = array_species_create(vm, o, delete_count)?;
    let new_len = len + item_count - delete_count;
    if a != o
        && packed_len(o) == Some(len as u32)
        && fresh_array(a)
        && new_len <= u32::MAX as u64
        && (item_count <= delete_count || (o.is_extensible() && proto_chain_elementless(o)))
    {
        let (s, e) = (start as usize, (start + delete_count) as usize);
        let removed: Vec<Value> = o.with_elements(|el| match el {
            Elements::Dense(d) => d.splice(s..e, (0..item_count as usize).map(|i| args.get(i + 2))).collect(),
            Elements::Sparse(_) => Vec::new(),
        });
        fill_fresh(a, removed);
        set_length(vm, a, delete_count)?;
        set_length(vm, o, new_len)?;
        return Ok(Value::from_gc(a));
    }
    let mut k = 0;
    while k < delete_count {
        let next = next_present(o, start + k, start + delete_count) - start;
        k = next;
        if k >= delete_count {
            break;
        }
        if has_index(vm, o, start + k)? {
            let v = get_index(vm, o, start + k)?;
            create_index(vm, a, k, v)?;
        }
        k += 1;
    }
    set_length(vm, a, delete_count)?;
    let (from, to, count) = (start + delete_count, start + item_count, len - delete_count - start);
    if item_count < delete_count {
        move_elements(vm, o, from, to, count, false)?;
        delete_range(vm, o, new_len, len, true)?;
    } else if item_count > delete_count {
        move_elements(vm, o, from, to, count, true)?;
    }
    for i in 0..item_count {
        set_index(vm, o, start + i, args.get(i as usize + 2))?;
    }
    set_length(vm, o, new_len)?;
    Ok(Value::from_gc(a))
}

/// Array.prototype.toSpliced(start, skipCount, ...items): splice into a
/// new array, holes read as undefined.
fn to_spliced(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    let start = relative_index(vm, args.get(0), len)?;
    let insert_count = args.len().saturating_sub(2) as u64;
    let skip_count = match args.len() {
        0 => 0,
        1 => len - start,
        _ => {
            let sc = vm.to_integer_or_infinity(args.get(1))?;
            sc.clamp(0.0, (len - start) as f64) as u64
        }
    };
    let new_len = len + insert_count - skip_count;
    if new_len > MAX_SAFE_LENGTH {
        return Err(vm.type_error("Invalid array length"));
    }
    let a = new_array_of_length(vm, new_len)?;
    let mut i = 0;
    while i < start {
        let v = get_index(vm, o, i)?;
        create_index(vm, a, i, v)?;
        i += 1;
    }
    for j in 0..insert_count {
        create_index(vm, a, i, args.get(j as usize + 2))?;
        i += 1;
    }
    let mut r = start + skip_count;
    while i < new_len {
        let v = get_index(vm, o, r)?;
        create_index(vm, a, i, v)?;
        i += 1;
        r += 1;
    }
    Ok(Value::from_gc(a))
}

/// Array.prototype.copyWithin(target, start, end).
fn copy_within(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    let to = relative_index(vm, args.get(0), len)?;
    let from = relative_index(vm, args.get(1), len)?;
    let fin = relative_end(vm, args.get(2), len)?;
    let count = fin.saturating_sub(from).min(len - to);
    let backwards = from < to && to < from + count;
    move_elements(vm, o, from, to, count, backwards)?;
    Ok(Value::from_gc(o))
}

/// Array.prototype.fill(value, start, end).
fn fill(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    let k = relative_index(vm, args.get(1), len)?;
    let fin = relative_end(vm, args.get(2), len)?;
    let value = args.get(0);
    if k < fin && fill_dense(o, k, fin, value) {
        return Ok(Value::from_gc(o));
    }
    for i in k..fin {
        set_index(vm, o, i, value)?;
    }
    Ok(Value::from_gc(o))
}

/// `fill`'s loop written to the element store directly, when each Set
/// would do no more: an extensible Array with a writable length whose
/// dense store reaches `k` (so the filled run stays contiguous), no
/// indexed property on its prototype chain (no setter to call, nothing
/// read-only to obey). Present dense elements are plain writable data.
fn fill_dense(o: Gc<JsObject>, k: u64, fin: u64, value: Value) -> bool {
    let ObjectKind::Array { length, length_writable } = &o.kind else { return false };
    if !length_writable.get() || fin > length.get() as u64 || !o.is_extensible() || !proto_chain_elementless(o) {
        return false;
    }
    o.with_elements(|e| match e {
        Elements::Dense(d) if k as usize <= d.len() => {
            let (k, fin) = (k as usize, fin as usize);
            if d.len() < fin {
                d.resize(fin, value);
            }
            d[k..fin].fill(value);
            true
        }
        _ => false,
    })
}

// ---- reordering ---------------------------------------------------------------

/// Array.prototype.reverse().
fn reverse(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    if len > 1 && packed_len(o) == Some(len as u32) {
        o.with_elements(|e| {
            if let Elements::Dense(d) = e {
                d.reverse();
            }
        });
        return Ok(Value::from_gc(o));
    }
    let middle = len / 2;
    let mut lower = 0;
    while lower < middle {
        // Pairs where neither index exists anywhere stay as they are: go
        // to the next pair with one that may.
        let from_lower = next_present(o, lower, middle);
        let from_upper = match prev_present(o, len - 1 - lower) {
            Some(p) if p >= len - middle => len - 1 - p,
            _ => middle,
        };
        lower = from_lower.min(from_upper);
        if lower >= middle {
            break;
        }
        let upper = len - lower - 1;
        let lower_exists = has_index(vm, o, lower)?;
        let lower_value = if lower_exists { get_index(vm, o, lower)? } else { Value::UNDEFINED };
        let upper_exists = has_index(vm, o, upper)?;
        let upper_value = if upper_exists { get_index(vm, o, upper)? } else { Value::UNDEFINED };
        match (lower_exists, upper_exists) {
            (true, true) => {
                set_index(vm, o, lower, upper_value)?;
                set_index(vm, o, upper, lower_value)?;
            }
            (false, true) => {
                set_index(vm, o, lower, upper_value)?;
                delete_index(vm, o, upper)?;
            }
            (true, false) => {
                delete_index(vm, o, lower)?;
                set_index(vm, o, upper, lower_value)?;
            }
            (false, false) => {}
        }
        lower += 1;
    }
    Ok(Value::from_gc(o))
}

/// Array.prototype.toReversed(): holes read as undefined.
fn to_reversed(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    let a = new_array_of_length(vm, len)?;
    for k in 0..len {
        let v = get_index(vm, o, len - k - 1)?;
        create_index(vm, a, k, v)?;
    }
    Ok(Value::from_gc(a))
}

/// Array.prototype.with(index, value): a copy with one element replaced.
fn with(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    let rel = vm.to_integer_or_infinity(args.get(0))?;
    let actual = if rel >= 0.0 { rel } else { len as f64 + rel };
    if actual >= len as f64 || actual < 0.0 {
        return Err(vm.range_error("Invalid index"));
    }
    let actual = actual as u64;
    let a = new_array_of_length(vm, len)?;
    for k in 0..len {
        let v = if k == actual { args.get(1) } else { get_index(vm, o, k)? };
        create_index(vm, a, k, v)?;
    }
    Ok(Value::from_gc(a))
}

// ---- iterators ------------------------------------------------------------------

fn make_iterator(vm: &mut Vm, this: Value, kind: IterationKind) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let proto = Value::from_gc(vm.intrinsic(Intrinsic::ArrayIteratorPrototype));
    let it = vm.new_object_with(
        proto,
        ObjectKind::ArrayIterator { target: Cell::new(Value::from_gc(o)), index: Cell::new(0), kind },
    )?;
    Ok(Value::from_gc(it))
}

fn values(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    make_iterator(vm, this, IterationKind::Values)
}
fn keys(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    make_iterator(vm, this, IterationKind::Keys)
}
fn entries(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    make_iterator(vm, this, IterationKind::Entries)
}

/// %ArrayIteratorPrototype%.next.
pub fn array_iterator_next(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let Some(it) = this.as_gc::<JsObject>() else {
        return Err(vm.type_error("%ArrayIteratorPrototype%.next called on an incompatible receiver"));
    };
    match array_iterator_step(vm, it)? {
        Some(v) => vm.iter_result(v, false),
        None => {
            if !matches!(it.kind, ObjectKind::ArrayIterator { .. }) {
                return Err(vm.type_error("%ArrayIteratorPrototype%.next called on an incompatible receiver"));
            }
            vm.iter_result(Value::UNDEFINED, true)
        }
    }
}

/// One step of an array iterator without the result object: the next
/// value, or `None` when done (or when `it` is not an array iterator, which
/// the caller tells apart). for-of over an array with the original `next`
/// steps through this directly (see `Vm::iterator_step`); the result
/// object `next` would create is fresh and never observable there.
pub(crate) fn array_iterator_step(vm: &mut Vm, it: Gc<JsObject>) -> JsResult<Option<Value>> {
    let ObjectKind::ArrayIterator { target, index, kind } = &it.kind else {
        return Ok(None);
    };
    let (kind, i) = (*kind, index.get());
    let Some(a) = target.get().as_gc::<JsObject>() else {
        return Ok(None);
    };
    let len = if let ObjectKind::TypedArray(ta) = &a.kind {
        // %ArrayIteratorPrototype%.next on a typed array: its length, and
        // a TypeError once it is detached or out of bounds.
        match ta.length() {
            Some(n) => n as u64,
            None => return Err(vm.type_error("Cannot perform %ArrayIteratorPrototype%.next on a detached or out-of-bounds typed array")),
        }
    } else {
        length_of(vm, a)?
    };
    if i as u64 >= len {
        target.set(Value::UNDEFINED);
        return Ok(None);
    }
    index.set(i + 1);
    let v = match kind {
        IterationKind::Keys => Value::number(i as f64),
        IterationKind::Values => match a.element(i) {
            Some((v, attrs)) if matches!(a.kind, ObjectKind::Array { .. }) && !attrs.is_accessor() => v,
            _ => vm.get(a, PropertyKey::Index(i), Value::from_gc(a))?,
        },
        IterationKind::Entries => {
            let v = vm.get(a, PropertyKey::Index(i), Value::from_gc(a))?;
            Value::from_gc(vm.new_array(&[Value::number(i as f64), v])?)
        }
    };
    Ok(Some(v))
}

impl Vm {
    /// CreateIterResultObject(value, done).
    pub fn iter_result(&mut self, value: Value, done: bool) -> JsResult<Value> {
        let o = self.new_object()?;
        let vk = PropertyKey::String(self.roots.names.value);
        self.add_named_property(o, vk, value, Attrs::DEFAULT)?;
        let dk = PropertyKey::String(self.roots.names.done);
        self.add_named_property(o, dk, Value::bool(done), Attrs::DEFAULT)?;
        Ok(Value::from_gc(o))
    }
}

#[cfg(test)]
mod tests {
    //! What the JS tests in tests/js/builtins/array-*.js cannot reach yet:
    //! a second realm (ArraySpeciesCreate's cross-realm rule).

    use crate::property::Attrs;
    use crate::realm::Intrinsic;
    use crate::script::ScriptOptions;
    use crate::vm::{Vm, VmOptions};

    fn eval(vm: &mut Vm, src: &str) -> String {
        match vm.eval_script(src, "<array test>", &ScriptOptions::default()) {
            Ok(v) => vm.display_string(v).expect("printable"),
            Err(e) => panic!("script threw: {}", vm.describe_uncaught(e)),
        }
    }

    #[test]
    fn species_of_another_realms_array_is_this_realms_array() {
        let mut vm = Vm::new(VmOptions::default());
        let other = crate::builtins::create_realm(&mut vm);
        let global = vm.realm().global_object();
        vm.define_value(global, "OtherArray", other.intrinsic_value(Intrinsic::Array), Attrs::HIDDEN).unwrap();
        let other_map = other.intrinsic(Intrinsic::ArrayPrototype);
        vm.define_value(global, "OtherProto", crate::value::Value::from_gc(other_map), Attrs::HIDDEN).unwrap();
        let out = eval(
            &mut vm,
            r#"
            var results = [];
            // A foreign Array constructor means "an array of this realm".
            var a = new OtherArray(1, 2);
            results.push(Object.getPrototypeOf(a) === OtherProto);
            var m = Array.prototype.map.call(a, function (x) { return x; });
            results.push(Object.getPrototypeOf(m) === Array.prototype);
            results.push(Object.getPrototypeOf(a.slice()) === OtherProto);
            // The other realm's methods on this realm's arrays: arrays of theirs.
            results.push(Object.getPrototypeOf(OtherProto.concat.call([1], 2)) === OtherProto);
            // Also for an ordinary array whose constructor is the foreign Array.
            var b = [1];
            b.constructor = OtherArray;
            results.push(Object.getPrototypeOf(b.filter(function () { return true; })) === Array.prototype);
            // A bound foreign Array: GetFunctionRealm looks through it, but
            // it is not %Array% itself, so its species getter runs.
            var c = [1];
            c.constructor = OtherArray.bind();
            results.push(String(Array.isArray(c.slice())));
            results.join()
            "#,
        );
        assert_eq!(out, "true,true,true,true,true,true");
    }
}
