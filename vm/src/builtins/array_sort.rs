//! Array.prototype.sort and toSorted (ECMA-262 §23.1.3.30, §23.1.3.34):
//! SortIndexedProperties and SortCompare over a stable merge sort.
//!
//! The elements are read into a rooted vector first, sorted there, and
//! only then written back: a comparator that throws leaves the array as it
//! was, and one that changes the array while the sort runs cannot corrupt
//! it. Undefined sorts after everything without reaching the comparator
//! (SortCompare decides those pairs itself), so undefineds are set aside
//! and appended. The sort itself permutes indices into the rooted values;
//! the index vector holds no heap references.

use std::cmp::Ordering;

use strata_gc::{Gc, RootedVec};

use super::array_elements::{delete_range, fill_fresh, next_present, packed_len, packed_slice};
use crate::builtins::array::{get_index, has_index, length_of, new_array_of_length, set_index};
use crate::builtins::method;
use crate::function::Args;
use crate::object::{Elements, JsObject};
use crate::string::JsString;
use crate::symbol::Symbol;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Runs shorter than this are sorted by insertion.
const INSERTION_SORT_MAX: usize = 8;

/// Installs sort and toSorted on Array.prototype.
pub(crate) fn init(vm: &mut Vm, proto: Gc<JsObject>) -> JsResult<()> {
    method(vm, proto, "sort", 1, sort)?;
    method(vm, proto, "toSorted", 1, to_sorted)?;
    Ok(())
}

fn check_comparator(vm: &mut Vm, comparefn: Value) -> JsResult<()> {
    if !comparefn.is_undefined() && !vm.is_callable(comparefn) {
        return Err(vm.type_error("The comparison function must be either a function or undefined"));
    }
    Ok(())
}

/// Array.prototype.sort(comparefn).
fn sort(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let comparefn = args.get(0);
    check_comparator(vm, comparefn)?;
    let obj = vm.to_object(this)?;
    let len = length_of(vm, obj)?;
    let mut items = vm.heap.rooted_vec::<Value>();
    read_items(vm, obj, len, true, &mut items)?;
    sort_values(vm, &mut items, comparefn)?;
    let count = items.len() as u64;
    if packed_len(obj).is_some_and(|p| p as u64 >= count) {
        // Writes to present own data properties: nothing can observe them.
        obj.with_elements(|e| {
            if let Elements::Dense(d) = e {
                d[..count as usize].copy_from_slice(items.as_slice());
            }
        });
    } else {
        for j in 0..count {
            let v = items.get(j as usize).expect("j < count");
            set_index(vm, obj, j, v)?;
        }
    }
    // The holes (skipped when reading) go to the end.
    delete_range(vm, obj, count, len, false)?;
    Ok(Value::from_gc(obj))
}

/// Array.prototype.toSorted(comparefn): a sorted copy, holes read as
/// undefined.
fn to_sorted(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let comparefn = args.get(0);
    check_comparator(vm, comparefn)?;
    let o = vm.to_object(this)?;
    let len = length_of(vm, o)?;
    let a = new_array_of_length(vm, len)?;
    let mut items = vm.heap.rooted_vec::<Value>();
    read_items(vm, o, len, false, &mut items)?;
    sort_values(vm, &mut items, comparefn)?;
    // `a` is a new ordinary array: CreateDataPropertyOrThrow on it is a
    // plain store.
    fill_fresh(a, items.as_slice().to_vec());
    Ok(Value::from_gc(a))
}

/// The reading half of SortIndexedProperties: the values of `0..len`,
/// skipping indices `o` does not have when `skip_holes`.
fn read_items(vm: &mut Vm, o: Gc<JsObject>, len: u64, skip_holes: bool, items: &mut RootedVec<Value>) -> JsResult<()> {
    if packed_len(o) == Some(len as u32) {
        for v in packed_slice(o, 0, len as u32) {
            items.push(v);
        }
        return Ok(());
    }
    let mut k = 0;
    while k < len {
        if skip_holes {
            k = next_present(o, k, len);
            if k >= len {
                break;
            }
            if !has_index(vm, o, k)? {
                k += 1;
                continue;
            }
        }
        let v = get_index(vm, o, k)?;
        items.push(v);
        k += 1;
    }
    Ok(())
}

/// Sorts `items` by SortCompare with `comparefn` (undefined: by ToString).
fn sort_values(vm: &mut Vm, items: &mut RootedVec<Value>, comparefn: Value) -> JsResult<()> {
    let mut values = vm.heap.rooted_vec::<Value>();
    let mut undefined_count = 0;
    for &v in items.as_slice() {
        if v.is_undefined() {
            undefined_count += 1;
        } else {
            values.push(v);
        }
    }
    let n = values.len();
    // The default order compares ToString of each value. Converting a
    // primitive runs no code, so it is done once up front; objects (whose
    // toString may run anything) and symbols (which throw, but only when
    // compared) are converted at each comparison, as SortCompare says.
    let mut strings = vm.heap.rooted_vec::<Value>();
    if comparefn.is_undefined() && n > 1 {
        for i in 0..n {
            let v = values.get(i).expect("i < n");
            let s = if v.as_gc::<JsObject>().is_some() || v.as_gc::<Symbol>().is_some() {
                Value::HOLE
            } else {
                Value::from_gc(vm.to_string(v)?)
            };
            strings.push(s);
        }
    }
    let mut greater = |vm: &mut Vm, a: u32, b: u32| -> JsResult<bool> {
        let (x, y) = (values.get(a as usize).expect("index"), values.get(b as usize).expect("index"));
        if comparefn.is_undefined() {
            let xs = sort_string(vm, strings.get(a as usize).expect("index"), x)?;
            let ys = sort_string(vm, strings.get(b as usize).expect("index"), y)?;
            return Ok(xs.compare(&ys) == Ordering::Greater);
        }
        let r = vm.call(comparefn, Value::UNDEFINED, &[x, y])?;
        let order = match r.as_number() {
            Some(n) => n,
            None => vm.to_number(r)?,
        };
        // NaN counts as +0.
        Ok(order > 0.0)
    };
    let mut perm: Vec<u32> = (0..n as u32).collect();
    let mut scratch = vec![0u32; n];
    merge_sort(vm, &mut perm, &mut scratch, &mut greater)?;
    items.clear();
    for &i in &perm {
        items.push(values.get(i as usize).expect("index"));
    }
    for _ in 0..undefined_count {
        items.push(Value::UNDEFINED);
    }
    Ok(())
}

/// The string SortCompare compares for `v`: `pre` if converted up front.
fn sort_string(vm: &mut Vm, pre: Value, v: Value) -> JsResult<Gc<JsString>> {
    match pre.as_gc::<JsString>() {
        Some(s) => Ok(s),
        None => vm.to_string(v),
    }
}

/// A stable merge sort of `v` by `greater(a, b)` (SortCompare(a, b) > 0);
/// `scratch` is at least as long as `v`. Stops at the first error.
fn merge_sort(
    vm: &mut Vm,
    v: &mut [u32],
    scratch: &mut [u32],
    greater: &mut impl FnMut(&mut Vm, u32, u32) -> JsResult<bool>,
) -> JsResult<()> {
    let n = v.len();
    if n <= INSERTION_SORT_MAX {
        for i in 1..n {
            let x = v[i];
            let mut j = i;
            while j > 0 && greater(vm, v[j - 1], x)? {
                v[j] = v[j - 1];
                j -= 1;
            }
            v[j] = x;
        }
        return Ok(());
    }
    let mid = n / 2;
    {
        let (left, right) = v.split_at_mut(mid);
        let (sl, sr) = scratch.split_at_mut(mid);
        merge_sort(vm, left, sl, greater)?;
        merge_sort(vm, right, sr, greater)?;
    }
    // Already in order: the halves need no merge.
    if !greater(vm, v[mid - 1], v[mid])? {
        return Ok(());
    }
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        // Equal elements keep their order: the right one goes first only
        // when strictly smaller.
        if greater(vm, v[i], v[j])? {
            scratch[k] = v[j];
            j += 1;
        } else {
            scratch[k] = v[i];
            i += 1;
        }
        k += 1;
    }
    scratch[k..k + mid - i].copy_from_slice(&v[i..mid]);
    k += mid - i;
    scratch[k..k + n - j].copy_from_slice(&v[j..n]);
    v.copy_from_slice(&scratch[..n]);
    Ok(())
}
