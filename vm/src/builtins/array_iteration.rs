//! Array.prototype's callback methods (ECMA-262 §23.1.3): every, some,
//! forEach, map, filter, find, findIndex, findLast, findLastIndex, reduce,
//! reduceRight, flat and flatMap.
//!
//! Each calls script code between element reads, and that code may change
//! the array, so every step re-reads it through [[HasProperty]]/[[Get]]
//! (skipping only indices that exist nowhere: `array_elements::next_present`).
//! The abstract operations they share are in `array.rs`.

use strata_gc::Gc;

use super::array_elements::{next_present, prev_present};
use crate::builtins::array::{
    MAX_SAFE_LENGTH, array_species_create, create_index, get_index, has_index, is_array, length_of, require_callable,
};
use crate::builtins::method;
use crate::conversions::to_boolean;
use crate::function::Args;
use crate::object::JsObject;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Installs the callback methods on Array.prototype.
pub(crate) fn init(vm: &mut Vm, proto: Gc<JsObject>) -> JsResult<()> {
    method(vm, proto, "every", 1, every)?;
    method(vm, proto, "filter", 1, filter)?;
    method(vm, proto, "find", 1, find)?;
    method(vm, proto, "findIndex", 1, find_index)?;
    method(vm, proto, "findLast", 1, find_last)?;
    method(vm, proto, "findLastIndex", 1, find_last_index)?;
    method(vm, proto, "flat", 0, flat)?;
    method(vm, proto, "flatMap", 1, flat_map)?;
    method(vm, proto, "forEach", 1, for_each)?;
    method(vm, proto, "map", 1, map)?;
    method(vm, proto, "reduce", 1, reduce)?;
    method(vm, proto, "reduceRight", 1, reduce_right)?;
    method(vm, proto, "some", 1, some)?;
    Ok(())
}

/// `this` as an object, its length, and the callback argument checked
/// callable — the first steps of every method here, in the spec's order.
fn prologue(vm: &mut Vm, this: Value, callback: Value) -> JsResult<(Gc<JsObject>, u64)> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    require_callable(vm, callback)?;
    Ok((o, len))
}

/// Visits each index `k` in `from..len` that `o` has, ascending, with its
/// value, until `visit` returns false; returns whether it never did.
fn each_present(
    vm: &mut Vm,
    o: Gc<JsObject>,
    from: u64,
    len: u64,
    mut visit: impl FnMut(&mut Vm, u64, Value) -> JsResult<bool>,
) -> JsResult<bool> {
    let mut k = from;
    while k < len {
        k = next_present(o, k, len);
        if k >= len {
            break;
        }
        if has_index(vm, o, k)? {
            let v = get_index(vm, o, k)?;
            if !visit(vm, k, v)? {
                return Ok(false);
            }
        }
        k += 1;
    }
    Ok(true)
}

/// `callback.call(this_arg, value, k, o)`.
fn call_back(vm: &mut Vm, callback: Value, this_arg: Value, value: Value, k: u64, o: Gc<JsObject>) -> JsResult<Value> {
    vm.call(callback, this_arg, &[value, Value::number(k as f64), Value::from_gc(o)])
}

/// Array.prototype.every(callbackfn, thisArg).
fn every(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (f, this_arg) = (args.get(0), args.get(1));
    let (o, len) = prologue(vm, this, f)?;
    let all = each_present(vm, o, 0, len, |vm, k, v| Ok(to_boolean(call_back(vm, f, this_arg, v, k, o)?)))?;
    Ok(Value::bool(all))
}

/// Array.prototype.some(callbackfn, thisArg).
fn some(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (f, this_arg) = (args.get(0), args.get(1));
    let (o, len) = prologue(vm, this, f)?;
    let none = each_present(vm, o, 0, len, |vm, k, v| Ok(!to_boolean(call_back(vm, f, this_arg, v, k, o)?)))?;
    Ok(Value::bool(!none))
}

/// Array.prototype.forEach(callbackfn, thisArg).
fn for_each(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (f, this_arg) = (args.get(0), args.get(1));
    let (o, len) = prologue(vm, this, f)?;
    each_present(vm, o, 0, len, |vm, k, v| {
        call_back(vm, f, this_arg, v, k, o)?;
        Ok(true)
    })?;
    Ok(Value::UNDEFINED)
}

/// Array.prototype.map(callbackfn, thisArg).
fn map(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (f, this_arg) = (args.get(0), args.get(1));
    let (o, len) = prologue(vm, this, f)?;
    let a = array_species_create(vm, o, len)?;
    each_present(vm, o, 0, len, |vm, k, v| {
        let mapped = call_back(vm, f, this_arg, v, k, o)?;
        create_index(vm, a, k, mapped)?;
        Ok(true)
    })?;
    Ok(Value::from_gc(a))
}

/// Array.prototype.filter(callbackfn, thisArg).
fn filter(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (f, this_arg) = (args.get(0), args.get(1));
    let (o, len) = prologue(vm, this, f)?;
    let a = array_species_create(vm, o, 0)?;
    let mut to = 0;
    each_present(vm, o, 0, len, |vm, k, v| {
        if to_boolean(call_back(vm, f, this_arg, v, k, o)?) {
            create_index(vm, a, to, v)?;
            to += 1;
        }
        Ok(true)
    })?;
    Ok(Value::from_gc(a))
}

/// FindViaPredicate: the first index (from the end when `last`) whose
/// element the predicate accepts, with that element. Holes are visited
/// (as undefined).
fn find_via_predicate(vm: &mut Vm, this: Value, args: Args, last: bool) -> JsResult<Option<(u64, Value)>> {
    let (f, this_arg) = (args.get(0), args.get(1));
    let (o, len) = prologue(vm, this, f)?;
    for i in 0..len {
        let k = if last { len - 1 - i } else { i };
        let v = get_index(vm, o, k)?;
        if to_boolean(call_back(vm, f, this_arg, v, k, o)?) {
            return Ok(Some((k, v)));
        }
    }
    Ok(None)
}

/// Array.prototype.find(predicate, thisArg).
fn find(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    Ok(find_via_predicate(vm, this, args, false)?.map_or(Value::UNDEFINED, |(_, v)| v))
}

/// Array.prototype.findIndex(predicate, thisArg).
fn find_index(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    Ok(find_via_predicate(vm, this, args, false)?.map_or(Value::int(-1), |(k, _)| Value::number(k as f64)))
}

/// Array.prototype.findLast(predicate, thisArg).
fn find_last(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    Ok(find_via_predicate(vm, this, args, true)?.map_or(Value::UNDEFINED, |(_, v)| v))
}

/// Array.prototype.findLastIndex(predicate, thisArg).
fn find_last_index(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    Ok(find_via_predicate(vm, this, args, true)?.map_or(Value::int(-1), |(k, _)| Value::number(k as f64)))
}

fn reduce_empty(vm: &mut Vm) -> crate::vm::Exception {
    vm.type_error("Reduce of empty array with no initial value")
}

/// Array.prototype.reduce(callbackfn, initialValue).
fn reduce(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let f = args.get(0);
    let (o, len) = prologue(vm, this, f)?;
    if len == 0 && args.len() < 2 {
        return Err(reduce_empty(vm));
    }
    let mut k = 0;
    let mut acc = Value::UNDEFINED;
    if args.len() >= 2 {
        acc = args.get(1);
    } else {
        // The first element that exists is the initial accumulator.
        let mut found = false;
        while !found && k < len {
            k = next_present(o, k, len);
            if k >= len {
                break;
            }
            found = has_index(vm, o, k)?;
            if found {
                acc = get_index(vm, o, k)?;
            }
            k += 1;
        }
        if !found {
            return Err(reduce_empty(vm));
        }
    }
    each_present(vm, o, k, len, |vm, k, v| {
        acc = vm.call(f, Value::UNDEFINED, &[acc, v, Value::number(k as f64), Value::from_gc(o)])?;
        Ok(true)
    })?;
    Ok(acc)
}

/// Array.prototype.reduceRight(callbackfn, initialValue).
fn reduce_right(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let f = args.get(0);
    let (o, len) = prologue(vm, this, f)?;
    if len == 0 && args.len() < 2 {
        return Err(reduce_empty(vm));
    }
    // `k` counts down; `remaining` is k + 1, so it reaches 0 at the end.
    let mut remaining = len;
    let mut acc = Value::UNDEFINED;
    if args.len() >= 2 {
        acc = args.get(1);
    } else {
        let mut found = false;
        while !found && remaining > 0 {
            let Some(k) = prev_present(o, remaining - 1) else {
                remaining = 0;
                break;
            };
            found = has_index(vm, o, k)?;
            if found {
                acc = get_index(vm, o, k)?;
            }
            remaining = k;
        }
        if !found {
            return Err(reduce_empty(vm));
        }
    }
    while remaining > 0 {
        let Some(k) = prev_present(o, remaining - 1) else { break };
        if has_index(vm, o, k)? {
            let v = get_index(vm, o, k)?;
            acc = vm.call(f, Value::UNDEFINED, &[acc, v, Value::number(k as f64), Value::from_gc(o)])?;
        }
        remaining = k;
    }
    Ok(acc)
}

/// FlattenIntoArray(target, source, sourceLen, start, depth, mapper):
/// returns the next target index.
fn flatten_into_array(
    vm: &mut Vm,
    target: Gc<JsObject>,
    source: Gc<JsObject>,
    source_len: u64,
    start: u64,
    depth: f64,
    mapper: Option<(Value, Value)>,
) -> JsResult<u64> {
    if !vm.native_stack_ok() {
        return Err(vm.range_error("Maximum call stack size exceeded"));
    }
    let mut target_index = start;
    let mut k = 0;
    while k < source_len {
        k = next_present(source, k, source_len);
        if k >= source_len {
            break;
        }
        if has_index(vm, source, k)? {
            let mut element = get_index(vm, source, k)?;
            if let Some((f, this_arg)) = mapper {
                element = call_back(vm, f, this_arg, element, k, source)?;
            }
            if depth > 0.0 && is_array(vm, element)? {
                let inner = element.as_gc::<JsObject>().expect("arrays are objects");
                let inner_len = length_of(vm, inner)?;
                target_index = flatten_into_array(vm, target, inner, inner_len, target_index, depth - 1.0, None)?;
            } else {
                if target_index >= MAX_SAFE_LENGTH {
                    return Err(vm.type_error("Invalid array length"));
                }
                create_index(vm, target, target_index, element)?;
                target_index += 1;
            }
        }
        k += 1;
    }
    Ok(target_index)
}

/// Array.prototype.flat(depth).
fn flat(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    let depth = if args.get(0).is_undefined() { 1.0 } else { vm.to_integer_or_infinity(args.get(0))?.max(0.0) };
    let a = array_species_create(vm, o, 0)?;
    flatten_into_array(vm, a, o, len, 0, depth, None)?;
    Ok(Value::from_gc(a))
}

/// Array.prototype.flatMap(mapperFunction, thisArg).
fn flat_map(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (f, this_arg) = (args.get(0), args.get(1));
    let (o, len) = prologue(vm, this, f)?;
    let a = array_species_create(vm, o, 0)?;
    flatten_into_array(vm, a, o, len, 0, 1.0, Some((f, this_arg)))?;
    Ok(Value::from_gc(a))
}
