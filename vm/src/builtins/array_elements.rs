//! The element-store side of the Array methods: what `array.rs` and its
//! siblings may read from an object's elements directly, because doing so
//! cannot be told apart from the spec's [[Get]]/[[HasProperty]]/[[Set]]/
//! [[Delete]] steps.
//!
//! - [`packed_len`]: an Array whose indices `0..length` are all present in
//!   a dense store. Reads, writes and deletes of those indices hit its own
//!   plain data properties, which run no code.
//! - [`next_present`] / [`prev_present`]: indices that no object on the
//!   prototype chain has. [[HasProperty]] on them answers false (and
//!   [[Get]] undefined) without running code, so loops skip them; this is
//!   what keeps `[].concat(new Array(2 ** 32 - 1))` or a sparse array-like
//!   of length 2^53 - 1 from taking forever.
//! - [`fresh_array`]: a result array nothing else has seen yet.
//! - [`move_elements`] and [`delete_range`]: the move and delete loops of
//!   shift, unshift, splice, copyWithin and sort, skipping the steps that
//!   change nothing.
//!
//! Must agree with `object_ops::get_own`: an object's indexed properties
//! are its element store, plus a String wrapper's code units, plus
//! integer-named properties at or above 2^32 - 1 (not array indices, so
//! stored by name). A kind whose [[HasProperty]] runs code (Proxy) must
//! make [`indexes_visible`] false.

use strata_gc::Gc;

use crate::builtins::array::{MAX_SAFE_LENGTH, delete_index, get_index, has_index, set_index};
use crate::object::{Elements, JsObject, ObjectKind};
use crate::property::PropertyKey;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Whether `o`'s indexed properties can be listed without running code:
/// every kind but a Proxy (whose [[HasProperty]] is a trap), for which
/// false turns the skipping below off.
pub(crate) fn indexes_visible(o: &JsObject) -> bool {
    !o.is_proxy() && !matches!(o.kind, ObjectKind::TypedArray(_))
}

/// If `o` is an Array with a writable length whose indices `0..length`
/// are all present in a dense store, that length.
pub(crate) fn packed_len(o: Gc<JsObject>) -> Option<u32> {
    let ObjectKind::Array { length, length_writable } = &o.kind else { return None };
    if !length_writable.get() {
        return None;
    }
    let len = length.get();
    o.with_elements(|e| match e {
        Elements::Dense(d) if d.len() == len as usize && !d.iter().any(|v| v.is_hole()) => Some(len),
        _ => None,
    })
}

/// Whether no object on `o`'s prototype chain has an index below 2^32 - 1:
/// a read of a missing index finds nothing and a write past the end calls
/// no setter.
pub(crate) fn proto_chain_elementless(o: Gc<JsObject>) -> bool {
    let mut p = o.proto();
    while let Some(po) = p.as_gc::<JsObject>() {
        if !indexes_visible(&po) || own_next(&po, 0, u32::MAX as u64).is_some_and(|i| i < u32::MAX as u64) {
            return false;
        }
        p = po.proto();
    }
    true
}

/// Whether `a` is an extensible Array with a writable length and no
/// elements: CreateDataProperty on it runs no code and cannot fail, so a
/// result can be written to its store directly.
pub(crate) fn fresh_array(a: Gc<JsObject>) -> bool {
    let ObjectKind::Array { length_writable, .. } = &a.kind else { return false };
    length_writable.get()
        && a.is_extensible()
        && a.with_elements(|e| match e {
            Elements::Dense(d) => d.is_empty(),
            Elements::Sparse(m) => m.is_empty(),
        })
}

/// Stores `values` as the elements of a [`fresh_array`] (its length
/// grows to their count if shorter).
pub(crate) fn fill_fresh(a: Gc<JsObject>, values: Vec<Value>) {
    let n = values.len() as u32;
    if let ObjectKind::Array { length, .. } = &a.kind
        && length.get() < n
    {
        length.set(n);
    }
    a.with_elements(|e| *e = Elements::Dense(values));
}

/// The elements `from..to` of a [`packed_len`] array, copied.
pub(crate) fn packed_slice(o: Gc<JsObject>, from: u32, to: u32) -> Vec<Value> {
    o.with_elements(|e| match e {
        Elements::Dense(d) => d[from as usize..to as usize].to_vec(),
        Elements::Sparse(_) => Vec::new(),
    })
}

/// The integer named by a string key at or above 2^32 - 1 (up to 2^53 - 1).
fn large_index_of_key(key: PropertyKey) -> Option<u64> {
    let PropertyKey::String(s) = key else { return None };
    if !(10..=16).contains(&s.len()) {
        return None;
    }
    let mut v: u64 = 0;
    for (i, c) in s.flat().units().enumerate() {
        if !(0x30..=0x39).contains(&c) || (i == 0 && c == 0x30) {
            return None;
        }
        v = v * 10 + (c - 0x30) as u64;
    }
    (v >= u32::MAX as u64 && v <= MAX_SAFE_LENGTH).then_some(v)
}

/// The smallest own index of `o` at or above `from`, if below `limit`
/// (a larger one may be reported too).
fn own_next(o: &JsObject, from: u64, limit: u64) -> Option<u64> {
    if let ObjectKind::String(s) = &o.kind
        && from < s.len() as u64
    {
        return Some(from);
    }
    if from < u32::MAX as u64 {
        let f = from as usize;
        let elem = o.with_elements(|e| match e {
            Elements::Dense(d) => d.iter().skip(f).position(|v| !v.is_hole()).map(|p| (f + p) as u64),
            Elements::Sparse(m) => m.range(f as u32..).next().map(|(&i, _)| i as u64),
        });
        if elem.is_some() {
            return elem;
        }
    }
    // Integer-named properties are all at or above 2^32 - 1.
    if limit <= u32::MAX as u64 {
        return None;
    }
    let shape = o.shape();
    shape.table().entries().filter_map(|(_, k, _)| large_index_of_key(k)).filter(|&i| i >= from).min()
}

/// The largest own index of `o` at or below `from`.
fn own_prev(o: &JsObject, from: u64) -> Option<u64> {
    if from >= u32::MAX as u64 {
        let shape = o.shape();
        let large = shape.table().entries().filter_map(|(_, k, _)| large_index_of_key(k)).filter(|&i| i <= from).max();
        if large.is_some() {
            return large;
        }
    }
    let f = from.min(u32::MAX as u64 - 1) as usize;
    let mut best = o.with_elements(|e| match e {
        Elements::Dense(d) => d[..(f + 1).min(d.len())].iter().rposition(|v| !v.is_hole()).map(|p| p as u64),
        Elements::Sparse(m) => m.range(..=f as u32).next_back().map(|(&i, _)| i as u64),
    });
    if let ObjectKind::String(s) = &o.kind
        && !s.is_empty()
    {
        let top = (f as u64).min(s.len() as u64 - 1);
        best = Some(best.map_or(top, |b| b.max(top)));
    }
    best
}

/// The smallest index in `from..to` that `o` or an object on its
/// prototype chain may have (`to` if none). HasProperty is false, and Get
/// undefined, for every index skipped, and finding that out runs no code.
pub(crate) fn next_present(o: Gc<JsObject>, from: u64, to: u64) -> u64 {
    let mut best = to;
    let mut cur = Some(o);
    while let Some(c) = cur {
        if !indexes_visible(&c) {
            return from;
        }
        if let Some(i) = own_next(&c, from, best) {
            best = best.min(i);
        }
        if best == from {
            return from;
        }
        cur = c.proto().as_gc::<JsObject>();
    }
    best
}

/// Like [`next_present`] going down: the largest index at or below `from`
/// that `o` or an object on its prototype chain may have.
pub(crate) fn prev_present(o: Gc<JsObject>, from: u64) -> Option<u64> {
    let mut best: Option<u64> = None;
    let mut cur = Some(o);
    while let Some(c) = cur {
        if !indexes_visible(&c) {
            return Some(from);
        }
        if let Some(i) = own_prev(&c, from) {
            best = Some(best.map_or(i, |b| b.max(i)));
        }
        if best == Some(from) {
            return best;
        }
        cur = c.proto().as_gc::<JsObject>();
    }
    best
}

/// [`next_present`] for `o`'s own indices only.
fn own_next_present(o: Gc<JsObject>, from: u64, to: u64) -> u64 {
    if !indexes_visible(&o) {
        return from;
    }
    own_next(&o, from, to).map_or(to, |i| i.min(to))
}

/// [`prev_present`] for `o`'s own indices only.
fn own_prev_present(o: Gc<JsObject>, from: u64) -> Option<u64> {
    if !indexes_visible(&o) {
        return Some(from);
    }
    own_prev(&o, from)
}

/// DeletePropertyOrThrow on every index in `from..to`, ascending or
/// descending. Deleting a property an object does not have runs no code,
/// so only its own indices are visited.
pub(crate) fn delete_range(vm: &mut Vm, o: Gc<JsObject>, from: u64, to: u64, descending: bool) -> JsResult<()> {
    if descending {
        let mut k = to;
        while k > from {
            match own_prev_present(o, k - 1) {
                Some(i) if i >= from => {
                    delete_index(vm, o, i)?;
                    k = i;
                }
                _ => break,
            }
        }
    } else {
        let mut k = from;
        while k < to {
            k = own_next_present(o, k, to);
            if k >= to {
                break;
            }
            delete_index(vm, o, k)?;
            k += 1;
        }
    }
    Ok(())
}

/// The move loop of shift, unshift, splice and copyWithin: for each `i`
/// in `0..count` (descending or ascending), `o[to + i] = o[from + i]`, or
/// delete `o[to + i]` when `o` has no `from + i`. Steps where neither the
/// source exists nor the target is an own property change nothing and
/// run no code, so they are skipped.
pub(crate) fn move_elements(
    vm: &mut Vm,
    o: Gc<JsObject>,
    from: u64,
    to: u64,
    count: u64,
    descending: bool,
) -> JsResult<()> {
    let step = |vm: &mut Vm, i: u64| -> JsResult<()> {
        if has_index(vm, o, from + i)? {
            let v = get_index(vm, o, from + i)?;
            set_index(vm, o, to + i, v)
        } else {
            delete_index(vm, o, to + i)
        }
    };
    if descending {
        let mut i = count;
        while i > 0 {
            let src = prev_present(o, from + i - 1).filter(|&p| p >= from).map(|p| p - from);
            let dst = own_prev_present(o, to + i - 1).filter(|&p| p >= to).map(|p| p - to);
            let Some(next) = src.max(dst) else { break };
            step(vm, next)?;
            i = next;
        }
    } else {
        let mut i = 0;
        while i < count {
            let src = next_present(o, from + i, from + count) - from;
            let dst = own_next_present(o, to + i, to + count) - to;
            i = src.min(dst);
            if i >= count {
                break;
            }
            step(vm, i)?;
            i += 1;
        }
    }
    Ok(())
}

/// The first index in `from..len` whose element satisfies `pred`, when
/// `o` is packed to at least `len` (so every index there is a plain own
/// data property and reading it runs no code); `None` when it is not.
pub(crate) fn packed_search(o: Gc<JsObject>, from: u64, len: u64, pred: impl Fn(Value) -> bool) -> Option<Option<u64>> {
    if from >= len {
        return Some(None);
    }
    if (packed_len(o)? as u64) < len {
        return None;
    }
    Some(o.with_elements(|e| match e {
        Elements::Dense(d) => d[from as usize..len as usize].iter().position(|&e| pred(e)).map(|i| from + i as u64),
        Elements::Sparse(_) => None,
    }))
}
