//! %TypedArray%.prototype (ECMA-262 §23.2.3): the accessors and every
//! method, following the spec's steps (ValidateTypedArray first, the
//! length taken once, elements read with [[Get]] semantics so a buffer
//! detached or shrunk by a callback reads as undefined).
//!
//! Elements are read and written through `typed_array.rs`'s
//! `get_element`/`set_element` (what [[Get]] and [[Set]] do for a numeric
//! key on the array itself), never through the generic property path.

use strata_gc::{Gc, RootedVec};

use super::array::{clamp_relative, relative_index};
use super::typed_array::{
    ElementType, TypedArrayData, bits_to_number, create_same_type, get_element, set_element, species_create,
    typed_array_data, validate, validate_value, validate_writable, value_to_bits,
};
use super::{getter, method};
use crate::conversions::{same_value_zero, strict_equals, to_boolean};
use crate::function::Args;
use crate::object::{IterationKind, JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

/// Installs the accessors and methods on %TypedArray.prototype%.
pub(crate) fn init(vm: &mut Vm, proto: Gc<JsObject>) -> JsResult<()> {
    let k = vm.key("buffer");
    getter(vm, proto, k, "buffer", buffer)?;
    let k = vm.key("byteLength");
    getter(vm, proto, k, "byteLength", byte_length)?;
    let k = vm.key("byteOffset");
    getter(vm, proto, k, "byteOffset", byte_offset)?;
    let k = PropertyKey::String(vm.roots.names.length);
    getter(vm, proto, k, "length", length)?;
    let k = PropertyKey::Symbol(vm.well_known(WellKnown::ToStringTag));
    getter(vm, proto, k, "[Symbol.toStringTag]", to_string_tag)?;

    method(vm, proto, "at", 1, at)?;
    method(vm, proto, "copyWithin", 2, copy_within)?;
    method(vm, proto, "entries", 0, entries)?;
    method(vm, proto, "every", 1, every)?;
    method(vm, proto, "fill", 1, fill)?;
    method(vm, proto, "filter", 1, filter)?;
    method(vm, proto, "find", 1, find)?;
    method(vm, proto, "findIndex", 1, find_index)?;
    method(vm, proto, "findLast", 1, find_last)?;
    method(vm, proto, "findLastIndex", 1, find_last_index)?;
    method(vm, proto, "forEach", 1, for_each)?;
    method(vm, proto, "includes", 1, includes)?;
    method(vm, proto, "indexOf", 1, index_of)?;
    method(vm, proto, "join", 1, join)?;
    method(vm, proto, "keys", 0, keys)?;
    method(vm, proto, "lastIndexOf", 1, last_index_of)?;
    method(vm, proto, "map", 1, map)?;
    method(vm, proto, "reduce", 1, reduce)?;
    method(vm, proto, "reduceRight", 1, reduce_right)?;
    method(vm, proto, "reverse", 0, reverse)?;
    method(vm, proto, "set", 1, set)?;
    method(vm, proto, "slice", 2, slice)?;
    method(vm, proto, "some", 1, some)?;
    method(vm, proto, "sort", 1, sort)?;
    method(vm, proto, "subarray", 2, subarray)?;
    method(vm, proto, "toLocaleString", 0, to_locale_string)?;
    method(vm, proto, "toReversed", 0, to_reversed)?;
    method(vm, proto, "toSorted", 1, to_sorted)?;
    let values_fn = method(vm, proto, "values", 0, values)?;
    method(vm, proto, "with", 2, with)?;
    let iter = PropertyKey::Symbol(vm.well_known(WellKnown::Iterator));
    vm.define_own_simple(proto, iter, Value::from_gc(values_fn), Attrs::HIDDEN)?;
    // %TypedArray%.prototype.toString is %Array.prototype.toString%.
    let ap = vm.intrinsic(Intrinsic::ArrayPrototype);
    let ts = vm.key("toString");
    let f = vm.get(ap, ts, Value::from_gc(ap))?;
    vm.define_own_simple(proto, ts, f, Attrs::HIDDEN)?;
    Ok(())
}

// ---- accessors ----------------------------------------------------------------

fn this_ta(vm: &mut Vm, this: Value, what: &str) -> JsResult<Gc<JsObject>> {
    match this.as_gc::<JsObject>().filter(|o| typed_array_data(o).is_some()) {
        Some(o) => Ok(o),
        None => Err(vm.type_error(&format!("this is not a typed array. ({what})"))),
    }
}

fn data(o: &Gc<JsObject>) -> &TypedArrayData {
    typed_array_data(o).expect("checked to be a typed array")
}

fn buffer(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_ta(vm, this, "get TypedArray.prototype.buffer")?;
    Ok(Value::from_gc(data(&o).buffer))
}

fn byte_length(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_ta(vm, this, "get TypedArray.prototype.byteLength")?;
    let ta = data(&o);
    Ok(Value::number((ta.length_or_zero() * ta.ty.size()) as f64))
}

fn byte_offset(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_ta(vm, this, "get TypedArray.prototype.byteOffset")?;
    let ta = data(&o);
    Ok(Value::number(if ta.length().is_some() { ta.byte_offset as f64 } else { 0.0 }))
}

fn length(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_ta(vm, this, "get TypedArray.prototype.length")?;
    Ok(Value::number(data(&o).length_or_zero() as f64))
}

fn to_string_tag(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    match this.as_gc::<JsObject>().and_then(|o| typed_array_data(&o).map(|t| t.ty)) {
        Some(ty) => vm.string_value(ty.name()),
        None => Ok(Value::UNDEFINED),
    }
}

// ---- element access ---------------------------------------------------------------

/// Get(O, k) on a typed array.
#[inline]
fn get(vm: &mut Vm, o: &Gc<JsObject>, k: usize) -> JsResult<Value> {
    get_element(vm, data(o), k as f64)
}

/// Set(O, k, v, true) on a typed array.
#[inline]
fn put(vm: &mut Vm, o: &Gc<JsObject>, k: usize, v: Value) -> JsResult<()> {
    set_element(vm, data(o), k as f64, v)
}

/// The callback argument, which must be callable.
fn callback(vm: &mut Vm, f: Value) -> JsResult<Value> {
    if vm.is_callable(f) { Ok(f) } else { Err(vm.not_callable(f)) }
}

// ---- methods ----------------------------------------------------------------------

fn at(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (o, len) = validate_value(vm, this, "%TypedArray%.prototype.at")?;
    let rel = vm.to_integer_or_infinity(args.get(0))?;
    let k = if rel >= 0.0 { rel } else { len as f64 + rel };
    if k < 0.0 || k >= len as f64 {
        return Ok(Value::UNDEFINED);
    }
    get(vm, &o, k as usize)
}

fn copy_within(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (o, len) = validate_writable(vm, this, "%TypedArray%.prototype.copyWithin")?;
    let len64 = len as u64;
    let to = relative_index(vm, args.get(0), len64)?;
    let from = relative_index(vm, args.get(1), len64)?;
    let fin = if args.get(2).is_undefined() { len64 } else { relative_index(vm, args.get(2), len64)? };
    let count = fin.saturating_sub(from).min(len64.saturating_sub(to));
    if count > 0 {
        let (ta, new_len) = validate(vm, &o, "%TypedArray%.prototype.copyWithin")?;
        let (to, from, new_len) = (to as usize, from as usize, new_len);
        if from < new_len && to < new_len {
            let count = (count as usize).min(new_len - from).min(new_len - to);
            let size = ta.ty.size();
            let base = ta.byte_offset;
            ta.buffer().with_bytes_mut(|b| {
                b.copy_within(base + from * size..base + (from + count) * size, base + to * size);
            });
        }
    }
    Ok(this)
}

fn iterator(vm: &mut Vm, this: Value, kind: IterationKind, what: &str) -> JsResult<Value> {
    let (o, _) = validate_value(vm, this, what)?;
    let proto = Value::from_gc(vm.intrinsic(Intrinsic::ArrayIteratorPrototype));
    let it = vm.new_object_with(
        proto,
        ObjectKind::ArrayIterator {
            target: std::cell::Cell::new(Value::from_gc(o)),
            index: std::cell::Cell::new(0),
            kind,
        },
    )?;
    Ok(Value::from_gc(it))
}

fn entries(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    iterator(vm, this, IterationKind::Entries, "%TypedArray%.prototype.entries")
}
fn keys(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    iterator(vm, this, IterationKind::Keys, "%TypedArray%.prototype.keys")
}
fn values(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    iterator(vm, this, IterationKind::Values, "%TypedArray%.prototype.values")
}

/// The loop of every/some/find*/forEach: calls `f(value, index, O)` for
/// each index in order (or reverse), stopping when `stop` says so; the
/// index and value of the element it stopped at.
fn walk(
    vm: &mut Vm,
    this: Value,
    args: &Args,
    what: &str,
    reverse: bool,
    stop: impl Fn(Value) -> bool,
) -> JsResult<Option<(usize, Value)>> {
    let (o, len) = validate_value(vm, this, what)?;
    let f = callback(vm, args.get(0))?;
    let this_arg = args.get(1);
    for i in 0..len {
        let k = if reverse { len - 1 - i } else { i };
        let v = get(vm, &o, k)?;
        let r = vm.call(f, this_arg, &[v, Value::number(k as f64), Value::from_gc(o)])?;
        if stop(r) {
            return Ok(Some((k, v)));
        }
    }
    Ok(None)
}

fn every(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let r = walk(vm, this, &args, "%TypedArray%.prototype.every", false, |r| !to_boolean(r))?;
    Ok(Value::bool(r.is_none()))
}

fn some(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let r = walk(vm, this, &args, "%TypedArray%.prototype.some", false, to_boolean)?;
    Ok(Value::bool(r.is_some()))
}

fn for_each(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    walk(vm, this, &args, "%TypedArray%.prototype.forEach", false, |_| false)?;
    Ok(Value::UNDEFINED)
}

fn find(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let r = walk(vm, this, &args, "%TypedArray%.prototype.find", false, to_boolean)?;
    Ok(r.map_or(Value::UNDEFINED, |(_, v)| v))
}

fn find_index(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let r = walk(vm, this, &args, "%TypedArray%.prototype.findIndex", false, to_boolean)?;
    Ok(r.map_or(Value::int(-1), |(k, _)| Value::number(k as f64)))
}

fn find_last(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let r = walk(vm, this, &args, "%TypedArray%.prototype.findLast", true, to_boolean)?;
    Ok(r.map_or(Value::UNDEFINED, |(_, v)| v))
}

fn find_last_index(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let r = walk(vm, this, &args, "%TypedArray%.prototype.findLastIndex", true, to_boolean)?;
    Ok(r.map_or(Value::int(-1), |(k, _)| Value::number(k as f64)))
}

fn fill(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (o, len) = validate_writable(vm, this, "%TypedArray%.prototype.fill")?;
    let ty = data(&o).ty;
    let bits = value_to_bits(vm, ty, args.get(0))?;
    let len64 = len as u64;
    let start = relative_index(vm, args.get(1), len64)? as usize;
    let end = if args.get(2).is_undefined() { len64 } else { relative_index(vm, args.get(2), len64)? } as usize;
    let (ta, new_len) = validate(vm, &o, "%TypedArray%.prototype.fill")?;
    let end = end.min(new_len);
    let size = ty.size();
    let bytes = bits.to_le_bytes();
    ta.buffer().with_bytes_mut(|b| {
        for k in start..end {
            let at = ta.byte_offset + k * size;
            b[at..at + size].copy_from_slice(&bytes[..size]);
        }
    });
    Ok(this)
}

fn filter(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (o, len) = validate_value(vm, this, "%TypedArray%.prototype.filter")?;
    let f = callback(vm, args.get(0))?;
    let this_arg = args.get(1);
    let mut kept = vm.heap.rooted_vec::<Value>();
    for k in 0..len {
        let v = get(vm, &o, k)?;
        let r = vm.call(f, this_arg, &[v, Value::number(k as f64), Value::from_gc(o)])?;
        if to_boolean(r) {
            kept.push(v);
        }
    }
    let a = species_create(vm, o, &[Value::number(kept.len() as f64)], true)?;
    for n in 0..kept.len() {
        let v = kept.get(n).unwrap_or(Value::UNDEFINED);
        put(vm, &a, n, v)?;
    }
    Ok(Value::from_gc(a))
}

fn includes(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (o, len) = validate_value(vm, this, "%TypedArray%.prototype.includes")?;
    if len == 0 {
        return Ok(Value::FALSE);
    }
    let n = vm.to_integer_or_infinity(args.get(1))?;
    if n == f64::INFINITY {
        return Ok(Value::FALSE);
    }
    let start = clamp_relative(n, len as u64) as usize;
    let target = args.get(0);
    for k in start..len {
        let e = get(vm, &o, k)?;
        if same_value_zero(e, target) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn index_of(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (o, len) = validate_value(vm, this, "%TypedArray%.prototype.indexOf")?;
    if len == 0 {
        return Ok(Value::int(-1));
    }
    let n = vm.to_integer_or_infinity(args.get(1))?;
    if n == f64::INFINITY {
        return Ok(Value::int(-1));
    }
    let start = clamp_relative(n, len as u64) as usize;
    let target = args.get(0);
    for k in start..len {
        // HasProperty: the array may have shrunk.
        if data(&o).valid_index(k as f64).is_none() {
            continue;
        }
        let e = get(vm, &o, k)?;
        if strict_equals(e, target) {
            return Ok(Value::number(k as f64));
        }
    }
    Ok(Value::int(-1))
}

fn last_index_of(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (o, len) = validate_value(vm, this, "%TypedArray%.prototype.lastIndexOf")?;
    if len == 0 {
        return Ok(Value::int(-1));
    }
    let n = if args.len() > 1 { vm.to_integer_or_infinity(args.get(1))? } else { len as f64 - 1.0 };
    if n == f64::NEG_INFINITY {
        return Ok(Value::int(-1));
    }
    let mut k = if n >= 0.0 { n.min(len as f64 - 1.0) } else { len as f64 + n };
    let target = args.get(0);
    while k >= 0.0 {
        let i = k as usize;
        if data(&o).valid_index(k).is_some() {
            let e = get(vm, &o, i)?;
            if strict_equals(e, target) {
                return Ok(Value::number(k));
            }
        }
        k -= 1.0;
    }
    Ok(Value::int(-1))
}

fn join(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (o, len) = validate_value(vm, this, "%TypedArray%.prototype.join")?;
    let sep_arg = args.get(0);
    let sep: Vec<u16> = if sep_arg.is_undefined() { vec![b',' as u16] } else { vm.to_string(sep_arg)?.to_units() };
    super::array::join_elements(vm, o, len as u64, &sep, |_vm, v| Ok(v))
}

fn to_locale_string(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (o, len) = validate_value(vm, this, "%TypedArray%.prototype.toLocaleString")?;
    let (locales, options) = (args.get(0), args.get(1));
    super::array::join_elements(vm, o, len as u64, &[b',' as u16], |vm, v| {
        let key = vm.key("toLocaleString");
        let f = vm.get_value(v, key)?;
        vm.call(f, v, &[locales, options])
    })
}

fn map(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (o, len) = validate_value(vm, this, "%TypedArray%.prototype.map")?;
    let f = callback(vm, args.get(0))?;
    let this_arg = args.get(1);
    let a = species_create(vm, o, &[Value::number(len as f64)], true)?;
    for k in 0..len {
        let v = get(vm, &o, k)?;
        let mapped = vm.call(f, this_arg, &[v, Value::number(k as f64), Value::from_gc(o)])?;
        put(vm, &a, k, mapped)?;
    }
    Ok(Value::from_gc(a))
}

fn reduce_impl(vm: &mut Vm, this: Value, args: &Args, right: bool) -> JsResult<Value> {
    let what = if right { "%TypedArray%.prototype.reduceRight" } else { "%TypedArray%.prototype.reduce" };
    let (o, len) = validate_value(vm, this, what)?;
    let f = callback(vm, args.get(0))?;
    let mut order = (0..len).map(move |i| if right { len - 1 - i } else { i });
    let mut acc = if args.len() >= 2 {
        args.get(1)
    } else {
        match order.next() {
            Some(k) => get(vm, &o, k)?,
            None => return Err(vm.type_error("Reduce of empty array with no initial value")),
        }
    };
    for k in order {
        let v = get(vm, &o, k)?;
        acc = vm.call(f, Value::UNDEFINED, &[acc, v, Value::number(k as f64), Value::from_gc(o)])?;
    }
    Ok(acc)
}

fn reduce(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    reduce_impl(vm, this, &args, false)
}
fn reduce_right(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    reduce_impl(vm, this, &args, true)
}

fn reverse(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let (o, len) = validate_writable(vm, this, "%TypedArray%.prototype.reverse")?;
    let ta = data(&o);
    let size = ta.ty.size();
    let base = ta.byte_offset;
    ta.buffer().with_bytes_mut(|b| {
        let part = &mut b[base..base + len * size];
        for k in 0..len / 2 {
            let (lo, hi) = (k * size, (len - 1 - k) * size);
            for j in 0..size {
                part.swap(lo + j, hi + j);
            }
        }
    });
    Ok(this)
}

fn to_reversed(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let (o, len) = validate_value(vm, this, "%TypedArray%.prototype.toReversed")?;
    let a = create_same_type(vm, data(&o), len)?;
    let (src, dst) = (data(&o), data(&a));
    for k in 0..len {
        if let Some(b) = src.get_bits(len - 1 - k) {
            dst.set_bits(k, b);
        }
    }
    Ok(Value::from_gc(a))
}

fn set(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let target = this_ta(vm, this, "%TypedArray%.prototype.set")?;
    if data(&target).is_immutable() {
        return Err(vm.type_error("Cannot perform %TypedArray%.prototype.set on a typed array backed by an immutable ArrayBuffer"));
    }
    let source = args.get(0);
    let offset = vm.to_integer_or_infinity(args.get(1))?;
    if offset < 0.0 {
        return Err(vm.range_error("offset is out of bounds"));
    }
    let Some(target_len) = data(&target).length() else {
        return Err(vm.type_error("Cannot perform %TypedArray%.prototype.set on a detached or out-of-bounds typed array"));
    };
    if let Some(src) = source.as_gc::<JsObject>()
        && let Some(s) = typed_array_data(&src)
    {
        let Some(src_len) = s.length() else {
            return Err(vm.type_error("Cannot perform %TypedArray%.prototype.set from a detached or out-of-bounds typed array"));
        };
        let t = data(&target);
        if t.ty.is_bigint() != s.ty.is_bigint() {
            return Err(vm.type_error("Cannot mix BigInt and other types, use explicit conversions"));
        }
        if offset == f64::INFINITY || src_len as f64 + offset > target_len as f64 {
            return Err(vm.range_error("offset is out of bounds"));
        }
        super::typed_array::copy_elements(s, 0, t, offset as usize, src_len);
        return Ok(Value::UNDEFINED);
    }
    let src = vm.to_object(source)?;
    let src_len = super::array::length_of(vm, src)?;
    if offset == f64::INFINITY || src_len as f64 + offset > target_len as f64 {
        return Err(vm.range_error("offset is out of bounds"));
    }
    let offset = offset as usize;
    for k in 0..src_len as usize {
        let v = super::array::get_index(vm, src, k as u64)?;
        set_element(vm, data(&target), (offset + k) as f64, v)?;
    }
    Ok(Value::UNDEFINED)
}

fn slice(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (o, len) = validate_value(vm, this, "%TypedArray%.prototype.slice")?;
    let len64 = len as u64;
    let start = relative_index(vm, args.get(0), len64)? as usize;
    let end = if args.get(1).is_undefined() { len64 } else { relative_index(vm, args.get(1), len64)? } as usize;
    let count = end.saturating_sub(start);
    let a = species_create(vm, o, &[Value::number(count as f64)], true)?;
    if count > 0 {
        let (src, new_len) = validate(vm, &o, "%TypedArray%.prototype.slice")?;
        let end = end.min(new_len);
        let count = end.saturating_sub(start);
        let dst = data(&a);
        if src.ty == dst.ty {
            // Byte by byte, forwards (the buffers may be the same).
            let size = src.ty.size();
            let from = src.byte_offset + start * size;
            let to = dst.byte_offset;
            let n = count * size;
            if src.buffer == dst.buffer {
                src.buffer().with_bytes_mut(|b| {
                    for i in 0..n {
                        if let (Some(&x), true) = (b.get(from + i), to + i < b.len()) {
                            b[to + i] = x;
                        }
                    }
                });
            } else {
                let part: Vec<u8> = src.buffer().with_bytes(|b| b.get(from..from + n).map(|s| s.to_vec()).unwrap_or_default());
                dst.buffer().with_bytes_mut(|b| {
                    let m = part.len().min(b.len().saturating_sub(to));
                    b[to..to + m].copy_from_slice(&part[..m]);
                });
            }
        } else {
            for (n, k) in (start..end).enumerate() {
                let v = get(vm, &o, k)?;
                put(vm, &a, n, v)?;
            }
        }
    }
    Ok(Value::from_gc(a))
}

fn subarray(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_ta(vm, this, "%TypedArray%.prototype.subarray")?;
    let (buf, ty, offset, tracking) = {
        let ta = data(&o);
        (ta.buffer, ta.ty, ta.byte_offset, ta.array_length.is_none())
    };
    let src_len = data(&o).length_or_zero() as u64;
    let start = relative_index(vm, args.get(0), src_len)?;
    let begin = offset as f64 + (start as f64) * ty.size() as f64;
    let end_arg = args.get(1);
    let list = if tracking && end_arg.is_undefined() {
        vec![Value::from_gc(buf), Value::number(begin)]
    } else {
        let end = if end_arg.is_undefined() { src_len } else { relative_index(vm, end_arg, src_len)? };
        let new_len = end.saturating_sub(start);
        vec![Value::from_gc(buf), Value::number(begin), Value::number(new_len as f64)]
    };
    Ok(Value::from_gc(species_create(vm, o, &list, false)?))
}

fn with(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (o, len) = validate_value(vm, this, "%TypedArray%.prototype.with")?;
    let rel = vm.to_integer_or_infinity(args.get(0))?;
    let actual = if rel >= 0.0 { rel } else { len as f64 + rel };
    let ty = data(&o).ty;
    let bits = value_to_bits(vm, ty, args.get(1))?;
    if data(&o).valid_index(actual).is_none() {
        return Err(vm.range_error("Invalid typed array index"));
    }
    let a = create_same_type(vm, data(&o), len)?;
    let (src, dst) = (data(&o), data(&a));
    for k in 0..len {
        let b = if k as f64 == actual { Some(bits) } else { src.get_bits(k) };
        dst.set_bits(k, b.unwrap_or(0));
    }
    Ok(Value::from_gc(a))
}

// ---- sorting ------------------------------------------------------------------------

fn check_comparator(vm: &mut Vm, f: Value) -> JsResult<()> {
    if !f.is_undefined() && !vm.is_callable(f) {
        return Err(vm.type_error("The comparison function must be either a function or undefined"));
    }
    Ok(())
}

/// The default order of numeric elements: -0 before +0, NaN last.
fn number_order(a: f64, b: f64) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (a.is_nan(), b.is_nan()) {
        (true, true) => Equal,
        (true, false) => Greater,
        (false, true) => Less,
        _ => a.total_cmp(&b),
    }
}

/// The sorted bits of `len` elements of `ta` (SortIndexedProperties with
/// the typed arrays' SortCompare).
fn sorted_bits(vm: &mut Vm, o: &Gc<JsObject>, len: usize, comparefn: Value) -> JsResult<Vec<u64>> {
    let ta = data(o);
    let ty = ta.ty;
    let bits: Vec<u64> = (0..len).map(|k| ta.get_bits(k).unwrap_or(0)).collect();
    if comparefn.is_undefined() {
        let mut bits = bits;
        match ty {
            ElementType::BigInt64 => bits.sort_by_key(|&b| b as i64),
            ElementType::BigUint64 => bits.sort(),
            _ => bits.sort_by(|&a, &b| number_order(bits_to_number(ty, a), bits_to_number(ty, b))),
        }
        return Ok(bits);
    }
    let mut items: RootedVec<Value> = vm.heap.rooted_vec::<Value>();
    for &b in &bits {
        let v = super::typed_array::bits_to_value(vm, ty, b)?;
        items.push(v);
    }
    let mut order: Vec<usize> = (0..len).collect();
    merge_sort(vm, &mut order, &items, comparefn)?;
    Ok(order.into_iter().map(|i| bits[i]).collect())
}

/// A stable merge sort of `order` (indices into `items`) by the comparator.
fn merge_sort(vm: &mut Vm, order: &mut [usize], items: &RootedVec<Value>, f: Value) -> JsResult<()> {
    let n = order.len();
    if n < 2 {
        return Ok(());
    }
    let mut width = 1;
    let mut buf = order.to_vec();
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let hi = (i + 2 * width).min(n);
            let (mut l, mut r, mut out) = (i, mid, i);
            while l < mid && r < hi {
                let (a, b) = (items.get(order[l]).unwrap_or(Value::UNDEFINED), items.get(order[r]).unwrap_or(Value::UNDEFINED));
                let c = vm.call(f, Value::UNDEFINED, &[b, a])?;
                let c = vm.to_number(c)?;
                // Take the right one only when it sorts strictly first.
                if c < 0.0 {
                    buf[out] = order[r];
                    r += 1;
                } else {
                    buf[out] = order[l];
                    l += 1;
                }
                out += 1;
            }
            buf[out..out + (mid - l)].copy_from_slice(&order[l..mid]);
            out += mid - l;
            buf[out..out + (hi - r)].copy_from_slice(&order[r..hi]);
            i = hi;
        }
        order.copy_from_slice(&buf);
        width *= 2;
    }
    Ok(())
}

fn sort(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let comparefn = args.get(0);
    check_comparator(vm, comparefn)?;
    let (o, len) = validate_writable(vm, this, "%TypedArray%.prototype.sort")?;
    let sorted = sorted_bits(vm, &o, len, comparefn)?;
    let ta = data(&o);
    for (k, b) in sorted.into_iter().enumerate() {
        ta.set_bits(k, b);
    }
    Ok(this)
}

fn to_sorted(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let comparefn = args.get(0);
    check_comparator(vm, comparefn)?;
    let (o, len) = validate_value(vm, this, "%TypedArray%.prototype.toSorted")?;
    let a = create_same_type(vm, data(&o), len)?;
    let sorted = sorted_bits(vm, &o, len, comparefn)?;
    let dst = data(&a);
    for (k, b) in sorted.into_iter().enumerate() {
        dst.set_bits(k, b);
    }
    Ok(Value::from_gc(a))
}
