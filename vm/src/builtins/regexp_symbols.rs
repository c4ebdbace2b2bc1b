//! RegExp.prototype's Symbol methods (ECMA-262 §22.2.6.8–14): `@@match`,
//! `@@matchAll`, `@@replace`, `@@search`, `@@split`; the generic
//! RegExpExec protocol they share (§22.2.7.1: a user `exec` method wins);
//! and %RegExpStringIteratorPrototype% (§22.2.9), which `@@matchAll`
//! returns. String.prototype's `match`, `replace`, ... reach these through
//! GetMethod(regexp, @@match) and friends (`string.rs`).
//!
//! The spec reads every match back through the result array's properties.
//! When `exec` is the intrinsic one (found as a plain data property, so
//! looking it up runs no script), those reads cannot be observed, and the
//! methods here take the match positions straight from the matcher
//! ([`MatchRecord`]) instead of building arrays. `lastIndex` is still read
//! and written as specified, since scripts can see it. `@@split` with the
//! default species constructor searches forward instead of trying a
//! sticky match at every index (the results are the same; the splitter
//! object never reaches a script).

use std::cell::Cell;

use strata_gc::{Gc, Trace, Tracer};

use super::array::{index_key, length_of};
use super::regexp::{self, MatchRecord, as_regexp, regexp_data};
use super::string::{get_substitution, substring_value};
use super::symbol_method;
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::realm::Intrinsic;
use crate::string::{JsString, MAX_STRING_LENGTH};
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

/// Installs the Symbol methods on RegExp.prototype and creates
/// %RegExpStringIteratorPrototype%.
pub fn init(vm: &mut Vm, proto: Gc<JsObject>) -> JsResult<()> {
    let symbols: [(WellKnown, &str, u32, crate::function::NativeFn); 5] = [
        (WellKnown::Match, "[Symbol.match]", 1, symbol_match),
        (WellKnown::MatchAll, "[Symbol.matchAll]", 1, symbol_match_all),
        (WellKnown::Replace, "[Symbol.replace]", 2, symbol_replace),
        (WellKnown::Search, "[Symbol.search]", 1, symbol_search),
        (WellKnown::Split, "[Symbol.split]", 2, symbol_split),
    ];
    for (which, name, length, f) in symbols {
        let key = PropertyKey::Symbol(vm.well_known(which));
        symbol_method(vm, proto, key, name, length, f)?;
    }
    let ip = Value::from_gc(vm.intrinsic(Intrinsic::IteratorPrototype));
    let iter_proto = vm.new_object_with(ip, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::RegExpStringIteratorPrototype, iter_proto);
    super::method(vm, iter_proto, "next", 0, string_iterator_next)?;
    let tag_key = PropertyKey::Symbol(vm.well_known(WellKnown::ToStringTag));
    let tag = vm.string_value("RegExp String Iterator")?;
    vm.define_own_simple(iter_proto, tag_key, tag, Attrs::CONFIGURABLE_ONLY)
}

// ---- RegExpExec ---------------------------------------------------------------------

/// A match as RegExpExec found it.
enum Found {
    /// From the intrinsic `exec`: positions only.
    Record(MatchRecord),
    /// From a user `exec`: its result object.
    Object(Gc<JsObject>),
}

/// Whether Get(rx, "exec") would return the intrinsic `exec` without
/// running a script: a RegExp with no own `exec` whose prototype is
/// %RegExp.prototype% holding the intrinsic as a data property.
fn exec_is_pristine(vm: &mut Vm, rx: Gc<JsObject>) -> bool {
    if !matches!(rx.kind, ObjectKind::RegExp(_)) {
        return false;
    }
    let key = vm.key("exec");
    let proto = vm.realm().intrinsic_value(Intrinsic::RegExpPrototype);
    if rx.proto() != proto || crate::object_ops::get_own(vm, rx, key).is_some() {
        return false;
    }
    let proto = vm.intrinsic(Intrinsic::RegExpPrototype);
    let exec = vm.realm().intrinsic_value(Intrinsic::RegExpPrototypeExec);
    matches!(crate::object_ops::get_own(vm, proto, key), Some((v, a)) if !a.is_accessor() && v == exec)
}

/// RegExpExec's choice (§22.2.7.1 steps 1–2): None for the intrinsic
/// `exec`, else the user's function.
fn lookup_exec(vm: &mut Vm, r: Gc<JsObject>) -> JsResult<Option<Value>> {
    if exec_is_pristine(vm, r) {
        return Ok(None);
    }
    let key = vm.key("exec");
    let exec = vm.get(r, key, Value::from_gc(r))?;
    if vm.is_callable(exec) {
        if exec == vm.realm().intrinsic_value(Intrinsic::RegExpPrototypeExec) && as_regexp(Value::from_gc(r)).is_some() {
            return Ok(None);
        }
        return Ok(Some(exec));
    }
    if as_regexp(Value::from_gc(r)).is_none() {
        let what = vm.describe_value(Value::from_gc(r));
        return Err(vm.type_error(&format!("RegExp exec method called on incompatible receiver {what}")));
    }
    Ok(None)
}

/// RegExpExec (§22.2.7.1) without building the intrinsic's result array.
fn exec_step(vm: &mut Vm, r: Gc<JsObject>, s: Gc<JsString>) -> JsResult<Option<Found>> {
    match lookup_exec(vm, r)? {
        None => Ok(regexp::builtin_exec_record(vm, r, s)?.map(Found::Record)),
        Some(f) => {
            let result = vm.call(f, Value::from_gc(r), &[Value::from_gc(s)])?;
            if result.is_null() {
                return Ok(None);
            }
            match result.as_gc::<JsObject>() {
                Some(o) => Ok(Some(Found::Object(o))),
                None => Err(vm.type_error("The result of a RegExp exec method must be an object or null")),
            }
        }
    }
}

/// RegExpExec (§22.2.7.1): the match object or null.
pub(crate) fn regexp_exec(vm: &mut Vm, r: Gc<JsObject>, s: Gc<JsString>) -> JsResult<Value> {
    match exec_step(vm, r, s)? {
        None => Ok(Value::NULL),
        Some(Found::Object(o)) => Ok(Value::from_gc(o)),
        Some(Found::Record(m)) => {
            let flags = regexp_data(&r).map_or(0, |d| d.flags());
            regexp::match_array(vm, flags, s, &m)
        }
    }
}

/// RegExp.prototype.test's RegExpExec: whether there is a match.
pub(crate) fn regexp_test(vm: &mut Vm, r: Gc<JsObject>, s: Gc<JsString>) -> JsResult<bool> {
    Ok(exec_step(vm, r, s)?.is_some())
}

/// AdvanceStringIndex (§22.2.7.3).
fn advance_string_index(s: Gc<JsString>, index: u64, unicode: bool) -> u64 {
    let len = s.len() as u64;
    if !unicode || index + 1 >= len {
        return index + 1;
    }
    let flat = s.flat();
    let (hi, lo) = (flat.at(index as usize), flat.at(index as usize + 1));
    if (0xD800..=0xDBFF).contains(&hi) && (0xDC00..=0xDFFF).contains(&lo) { index + 2 } else { index + 1 }
}

/// `this` as an object, or a TypeError naming the method.
fn this_object(vm: &mut Vm, this: Value, method: &str) -> JsResult<Gc<JsObject>> {
    match this.as_gc::<JsObject>() {
        Some(o) => Ok(o),
        None => {
            let what = vm.describe_value(this);
            Err(vm.type_error(&format!("RegExp.prototype.{method} called on non-object {what}")))
        }
    }
}

/// ToString(Get(rx, "flags")).
fn flags_of(vm: &mut Vm, rx: Gc<JsObject>) -> JsResult<Vec<u16>> {
    let key = vm.key("flags");
    let flags = vm.get(rx, key, Value::from_gc(rx))?;
    Ok(vm.to_string(flags)?.to_units())
}

/// Set(rx, "lastIndex", n, true).
fn set_last_index(vm: &mut Vm, rx: Gc<JsObject>, n: u64) -> JsResult<()> {
    let key = vm.key("lastIndex");
    vm.set_value(Value::from_gc(rx), key, Value::number(n as f64), true)
}

/// ToLength(Get(rx, "lastIndex")).
fn get_last_index(vm: &mut Vm, rx: Gc<JsObject>) -> JsResult<u64> {
    let key = vm.key("lastIndex");
    let v = vm.get(rx, key, Value::from_gc(rx))?;
    vm.to_length(v)
}

/// The matched substring of a result, as the global loops read it
/// (ToString(Get(result, "0"))).
fn matched_of(vm: &mut Vm, found: &Found, s: Gc<JsString>) -> JsResult<Gc<JsString>> {
    match found {
        Found::Record(m) => {
            let v = substring_value(vm, s, m.range.start, m.range.end)?;
            vm.to_string(v)
        }
        Found::Object(o) => {
            let v = vm.get(*o, PropertyKey::Index(0), Value::from_gc(*o))?;
            vm.to_string(v)
        }
    }
}

/// After an empty match of a global loop: lastIndex advances by one
/// character (§22.2.6.8 step 6.e.iii and the other loops).
fn step_past_empty(vm: &mut Vm, rx: Gc<JsObject>, s: Gc<JsString>, full_unicode: bool) -> JsResult<()> {
    let this_index = get_last_index(vm, rx)?;
    let next = advance_string_index(s, this_index, full_unicode);
    set_last_index(vm, rx, next)
}

fn has_unit(units: &[u16], c: u8) -> bool {
    units.contains(&(c as u16))
}

// ---- @@match, @@matchAll, @@search ---------------------------------------------------------

/// RegExp.prototype [ @@match ] ( string ) (§22.2.6.8).
fn symbol_match(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let rx = this_object(vm, this, "[Symbol.match]")?;
    let s = vm.to_string(args.get(0))?;
    let flags = flags_of(vm, rx)?;
    if !has_unit(&flags, b'g') {
        return regexp_exec(vm, rx, s);
    }
    let full_unicode = has_unit(&flags, b'u') || has_unit(&flags, b'v');
    set_last_index(vm, rx, 0)?;
    let mut matches = vm.heap.rooted_vec::<Value>();
    while let Some(found) = exec_step(vm, rx, s)? {
        let matched = matched_of(vm, &found, s)?;
        matches.push(Value::from_gc(matched));
        if matched.is_empty() {
            step_past_empty(vm, rx, s, full_unicode)?;
        }
    }
    if matches.is_empty() {
        return Ok(Value::NULL);
    }
    Ok(Value::from_gc(vm.new_array(matches.as_slice())?))
}

/// RegExp.prototype [ @@matchAll ] ( string ) (§22.2.6.9).
fn symbol_match_all(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let r = this_object(vm, this, "[Symbol.matchAll]")?;
    let s = vm.to_string(args.get(0))?;
    let c = super::species_constructor(vm, r, Intrinsic::RegExp, "RegExp")?;
    let flags = flags_of(vm, r)?;
    let flags_value = Value::from_gc(vm.new_string_units(&flags)?);
    let matcher = vm.construct(c, &[this, flags_value], c)?;
    let Some(matcher) = matcher.as_gc::<JsObject>() else {
        return Err(vm.type_error("The species constructor did not return an object"));
    };
    let last_index = get_last_index(vm, r)?;
    set_last_index(vm, matcher, last_index)?;
    let global = has_unit(&flags, b'g');
    let full_unicode = has_unit(&flags, b'u') || has_unit(&flags, b'v');
    let proto = Value::from_gc(vm.intrinsic(Intrinsic::RegExpStringIteratorPrototype));
    let state = RegExpStringIterator {
        regexp: Cell::new(Value::from_gc(matcher)),
        string: Cell::new(Value::from_gc(s)),
        global,
        full_unicode,
        done: Cell::new(false),
    };
    Ok(Value::from_gc(vm.new_object_with(proto, ObjectKind::RegExpStringIterator(state))?))
}

/// RegExp.prototype [ @@search ] ( string ) (§22.2.6.12).
fn symbol_search(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let rx = this_object(vm, this, "[Symbol.search]")?;
    let s = vm.to_string(args.get(0))?;
    let key = vm.key("lastIndex");
    let previous = vm.get(rx, key, this)?;
    if !crate::conversions::same_value(previous, Value::int(0)) {
        vm.set_value(this, key, Value::int(0), true)?;
    }
    let found = exec_step(vm, rx, s)?;
    let current = vm.get(rx, key, this)?;
    if !crate::conversions::same_value(current, previous) {
        vm.set_value(this, key, previous, true)?;
    }
    match found {
        None => Ok(Value::int(-1)),
        Some(Found::Record(m)) => Ok(Value::number(m.range.start as f64)),
        Some(Found::Object(o)) => {
            let index_key = vm.key("index");
            vm.get(o, index_key, Value::from_gc(o))
        }
    }
}

// ---- @@replace -----------------------------------------------------------------------

/// What @@replace reads from one match (§22.2.6.11 step 14).
struct MatchParts {
    matched: Vec<u16>,
    position: usize,
    captures: Vec<Option<Vec<u16>>>,
    groups: Value,
}

/// The parts of a result: straight from the positions, or read from a
/// user `exec`'s object in the spec's order.
fn match_parts(vm: &mut Vm, found: &Found, s: Gc<JsString>, flat: &[u16]) -> JsResult<MatchParts> {
    let len = s.len();
    match found {
        Found::Record(m) => {
            let captures = m.captures.iter().map(|c| c.as_ref().map(|r| flat[r.clone()].to_vec())).collect();
            let groups = if m.names.is_empty() {
                Value::UNDEFINED
            } else {
                let g = vm.new_object_with(Value::NULL, ObjectKind::Ordinary)?;
                for (name, range) in &m.names {
                    let v = match range {
                        Some(r) => substring_value(vm, s, r.start, r.end)?,
                        None => Value::UNDEFINED,
                    };
                    let key = vm.key(name);
                    vm.create_data_property_or_throw(g, key, v)?;
                }
                Value::from_gc(g)
            };
            Ok(MatchParts { matched: flat[m.range.clone()].to_vec(), position: m.range.start, captures, groups })
        }
        Found::Object(o) => {
            let o = *o;
            let ov = Value::from_gc(o);
            let result_length = length_of(vm, o)?;
            let n_captures = result_length.saturating_sub(1);
            let matched = vm.get(o, PropertyKey::Index(0), ov)?;
            let matched = vm.to_string(matched)?.to_units();
            let index_key_name = vm.key("index");
            let position = vm.get(o, index_key_name, ov)?;
            let position = vm.to_integer_or_infinity(position)?.clamp(0.0, len as f64) as usize;
            let mut captures = Vec::new();
            for n in 1..=n_captures {
                let key = index_key(vm, n);
                let cap = vm.get(o, key, ov)?;
                captures.push(if cap.is_undefined() { None } else { Some(vm.to_string(cap)?.to_units()) });
            }
            let groups_key = vm.key("groups");
            let groups = vm.get(o, groups_key, ov)?;
            Ok(MatchParts { matched, position, captures, groups })
        }
    }
}

/// RegExp.prototype [ @@replace ] ( string, replaceValue ) (§22.2.6.11).
fn symbol_replace(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let rx = this_object(vm, this, "[Symbol.replace]")?;
    let s = vm.to_string(args.get(0))?;
    let mut replace_value = args.get(1);
    let functional = vm.is_callable(replace_value);
    if !functional {
        replace_value = Value::from_gc(vm.to_string(replace_value)?);
    }
    let flags = flags_of(vm, rx)?;
    let global = has_unit(&flags, b'g');
    let full_unicode = has_unit(&flags, b'u') || has_unit(&flags, b'v');
    if global {
        set_last_index(vm, rx, 0)?;
    }
    // Results: records in `records`, objects (kept alive) in `objects`;
    // `order` says which list each comes from.
    let mut records: Vec<MatchRecord> = Vec::new();
    let mut objects = vm.heap.rooted_vec::<Value>();
    let mut order: Vec<bool> = Vec::new();
    while let Some(found) = exec_step(vm, rx, s)? {
        if !global {
            push_found(found, &mut records, &mut objects, &mut order);
            break;
        }
        let empty = match &found {
            Found::Record(m) => m.range.is_empty(),
            Found::Object(_) => matched_of(vm, &found, s)?.is_empty(),
        };
        push_found(found, &mut records, &mut objects, &mut order);
        if empty {
            step_past_empty(vm, rx, s, full_unicode)?;
        }
    }
    let template = if functional { None } else { replace_value.as_gc::<JsString>().map(|t| t.to_units()) };
    let s_units = s.to_units();
    let mut out: Vec<u16> = Vec::with_capacity(s_units.len());
    let mut next_source_position = 0;
    let (mut record_iter, mut object_iter) = (records.into_iter(), 0);
    for from_record in order {
        let found = if from_record {
            match record_iter.next() {
                Some(m) => Found::Record(m),
                None => break,
            }
        } else {
            let o = objects.as_slice()[object_iter].as_gc::<JsObject>();
            object_iter += 1;
            match o {
                Some(o) => Found::Object(o),
                None => break,
            }
        };
        let parts = match_parts(vm, &found, s, &s_units)?;
        let replacement = match &template {
            None => {
                let mut call_args = vm.heap.rooted_vec::<Value>();
                call_args.push(Value::from_gc(vm.new_string_units(&parts.matched)?));
                for c in &parts.captures {
                    let v = match c {
                        Some(u) => Value::from_gc(vm.new_string_units(u)?),
                        None => Value::UNDEFINED,
                    };
                    call_args.push(v);
                }
                call_args.push(Value::number(parts.position as f64));
                call_args.push(Value::from_gc(s));
                if !parts.groups.is_undefined() {
                    call_args.push(parts.groups);
                }
                let r = vm.call(replace_value, Value::UNDEFINED, call_args.as_slice())?;
                vm.to_string(r)?.to_units()
            }
            Some(t) => {
                let groups = if parts.groups.is_undefined() {
                    Value::UNDEFINED
                } else {
                    Value::from_gc(vm.to_object(parts.groups)?)
                };
                get_substitution(vm, &parts.matched, &s_units, parts.position, &parts.captures, groups, t)?
            }
        };
        if parts.position >= next_source_position {
            out.extend_from_slice(&s_units[next_source_position..parts.position]);
            out.extend_from_slice(&replacement);
            next_source_position = parts.position + parts.matched.len();
            if out.len() > MAX_STRING_LENGTH {
                return Err(vm.range_error("Invalid string length"));
            }
        }
    }
    if next_source_position < s_units.len() {
        out.extend_from_slice(&s_units[next_source_position..]);
    }
    if out.len() > MAX_STRING_LENGTH {
        return Err(vm.range_error("Invalid string length"));
    }
    Ok(Value::from_gc(vm.new_string_units(&out)?))
}

fn push_found(found: Found, records: &mut Vec<MatchRecord>, objects: &mut strata_gc::RootedVec<Value>, order: &mut Vec<bool>) {
    match found {
        Found::Record(m) => {
            records.push(m);
            order.push(true);
        }
        Found::Object(o) => {
            objects.push(Value::from_gc(o));
            order.push(false);
        }
    }
}

// ---- @@split ---------------------------------------------------------------------------

/// RegExp.prototype [ @@split ] ( string, limit ) (§22.2.6.14).
fn symbol_split(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let rx = this_object(vm, this, "[Symbol.split]")?;
    let s = vm.to_string(args.get(0))?;
    let limit = args.get(1);
    let c = super::species_constructor(vm, rx, Intrinsic::RegExp, "RegExp")?;
    let mut flags = flags_of(vm, rx)?;
    let unicode_matching = has_unit(&flags, b'u') || has_unit(&flags, b'v');
    if !has_unit(&flags, b'y') {
        flags.push(b'y' as u16);
    }
    let new_flags = Value::from_gc(vm.new_string_units(&flags)?);
    let splitter = vm.construct(c, &[this, new_flags], c)?;
    let Some(splitter) = splitter.as_gc::<JsObject>() else {
        return Err(vm.type_error("The species constructor did not return an object"));
    };
    let mut parts = vm.heap.rooted_vec::<Value>();
    let lim = if limit.is_undefined() { u32::MAX } else { vm.to_uint32(limit)? } as usize;
    if lim == 0 {
        return Ok(Value::from_gc(vm.new_array(&[])?));
    }
    let size = s.len();
    if size == 0 {
        if exec_step(vm, splitter, s)?.is_some() {
            return Ok(Value::from_gc(vm.new_array(&[])?));
        }
        return Ok(Value::from_gc(vm.new_array(&[Value::from_gc(s)])?));
    }
    let fast = c == vm.realm().intrinsic_value(Intrinsic::RegExp) && exec_is_pristine(vm, splitter);
    let mut p = 0usize;
    let mut q = 0usize;
    while q < size {
        // The next index at or after q where the sticky splitter matches:
        // (that index, the match end, the captures).
        let next = if fast {
            let Some(data) = regexp_data(&splitter) else { break };
            match regexp::find_at(vm, data, s, q, false)? {
                Some(m) if m.range.start < size => {
                    let captures = m.captures.iter().map(|c| c.clone().map(|r| (r.start, r.end))).collect();
                    Some((m.range.start, m.range.end.min(size), SplitCaptures::Ranges(captures)))
                }
                _ => None,
            }
        } else {
            set_last_index(vm, splitter, q as u64)?;
            match exec_step(vm, splitter, s)? {
                None => {
                    q = advance_string_index(s, q as u64, unicode_matching) as usize;
                    continue;
                }
                Some(found) => {
                    let e = (get_last_index(vm, splitter)? as usize).min(size);
                    let captures = match found {
                        Found::Record(m) => SplitCaptures::Ranges(m.captures.iter().map(|c| c.clone().map(|r| (r.start, r.end))).collect()),
                        Found::Object(o) => SplitCaptures::Object(o),
                    };
                    Some((q, e, captures))
                }
            }
        };
        let Some((at, e, captures)) = next else { break };
        if e == p {
            q = advance_string_index(s, at as u64, unicode_matching) as usize;
            continue;
        }
        let t = substring_value(vm, s, p, at)?;
        parts.push(t);
        if parts.len() == lim {
            return Ok(Value::from_gc(vm.new_array(parts.as_slice())?));
        }
        p = e;
        match captures {
            SplitCaptures::Ranges(ranges) => {
                for r in ranges {
                    let v = match r {
                        Some((from, to)) => substring_value(vm, s, from, to)?,
                        None => Value::UNDEFINED,
                    };
                    parts.push(v);
                    if parts.len() == lim {
                        return Ok(Value::from_gc(vm.new_array(parts.as_slice())?));
                    }
                }
            }
            SplitCaptures::Object(z) => {
                let count = length_of(vm, z)?.saturating_sub(1);
                for i in 1..=count {
                    let key = index_key(vm, i);
                    let v = vm.get(z, key, Value::from_gc(z))?;
                    parts.push(v);
                    if parts.len() == lim {
                        return Ok(Value::from_gc(vm.new_array(parts.as_slice())?));
                    }
                }
            }
        }
        q = p;
    }
    let t = substring_value(vm, s, p, size)?;
    parts.push(t);
    Ok(Value::from_gc(vm.new_array(parts.as_slice())?))
}

/// A split match's captures: ranges from the matcher, or a user `exec`'s
/// result object.
enum SplitCaptures {
    Ranges(Vec<Option<(usize, usize)>>),
    Object(Gc<JsObject>),
}

// ---- %RegExpStringIteratorPrototype% ---------------------------------------------------------

/// A RegExp String Iterator's internal slots (§22.2.9.1).
pub struct RegExpStringIterator {
    /// [[IteratingRegExp]].
    regexp: Cell<Value>,
    /// [[IteratedString]].
    string: Cell<Value>,
    /// [[Global]].
    global: bool,
    /// [[Unicode]].
    full_unicode: bool,
    /// [[Done]].
    done: Cell<bool>,
}

// SAFETY: reports the regexp and the string.
unsafe impl Trace for RegExpStringIterator {
    fn trace(&self, t: &mut Tracer) {
        self.regexp.get().trace(t);
        self.string.get().trace(t);
    }
}

/// %RegExpStringIteratorPrototype%.next ( ) (§22.2.9.2.1).
fn string_iterator_next(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let it = this.as_gc::<JsObject>().filter(|o| matches!(o.kind, ObjectKind::RegExpStringIterator(_)));
    let Some(it) = it else {
        let what = vm.describe_value(this);
        return Err(vm.type_error(&format!(
            "Method RegExp String Iterator.prototype.next called on incompatible receiver {what}"
        )));
    };
    let ObjectKind::RegExpStringIterator(state) = &it.kind else { return Ok(Value::UNDEFINED) };
    if state.done.get() {
        return vm.iter_result(Value::UNDEFINED, true);
    }
    let (Some(r), Some(s)) = (state.regexp.get().as_gc::<JsObject>(), state.string.get().as_gc::<JsString>()) else {
        return vm.iter_result(Value::UNDEFINED, true);
    };
    let m = regexp_exec(vm, r, s)?;
    if m.is_null() {
        state.done.set(true);
        return vm.iter_result(Value::UNDEFINED, true);
    }
    if !state.global {
        state.done.set(true);
        return vm.iter_result(m, false);
    }
    let Some(mo) = m.as_gc::<JsObject>() else { return vm.iter_result(m, false) };
    let matched = vm.get(mo, PropertyKey::Index(0), m)?;
    let matched = vm.to_string(matched)?;
    if matched.is_empty() {
        step_past_empty(vm, r, s, state.full_unicode)?;
    }
    vm.iter_result(m, false)
}
