//! String (ECMA-262 §22.1): the constructor, `fromCharCode`,
//! `fromCodePoint`, `raw`, String.prototype's methods (with the Annex B
//! `substr`, `trimLeft`/`trimRight` and HTML methods), and
//! %StringIteratorPrototype%.
//!
//! Everything works on UTF-16 code units (`JsString::flat`), so lone
//! surrogates survive every method; Unicode operations (case mapping,
//! normalization) run on the well-formed stretches between them, which
//! is exact because a lone surrogate is uncased and a normalization
//! starter. Results longer than `MAX_STRING_LENGTH` throw V8's RangeError.
//!
//! `replace`, `replaceAll`, `split`, `match`, `matchAll` and `search`
//! first look for an object pattern's `@@replace`/`@@split`/... method and
//! call it: that is where RegExp plugs in (`regexp_symbols.rs`). Without
//! one they handle string patterns here; `match`/`matchAll`/`search` turn
//! the pattern into a RegExp (RegExpCreate) first. [`get_substitution`] is
//! shared with RegExp's `@@replace`.
//!
//! Without Intl, `localeCompare` compares the NFC forms by code unit and
//! the `toLocale*Case` methods are the locale-independent mappings.

use strata_gc::Gc;
use unicode_normalization::UnicodeNormalization;

use super::array::{index_key, length_of};
use super::{constructor, method, symbol_method};
use crate::function::{Args, NativeFn};
use crate::number_conv;
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::realm::Intrinsic;
use crate::string::{Flat, JsString, MAX_STRING_LENGTH};
use crate::symbol::Symbol;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

/// Installs String, String.prototype's methods and
/// %StringIteratorPrototype%.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let proto = vm.intrinsic(Intrinsic::StringPrototype);
    let ctor = constructor(vm, global, "String", 1, string_ctor, proto)?;
    vm.realm().set_intrinsic(Intrinsic::String, ctor);
    method(vm, ctor, "fromCharCode", 1, from_char_code)?;
    method(vm, ctor, "fromCodePoint", 1, from_code_point)?;
    method(vm, ctor, "raw", 1, raw)?;

    let methods: &[(&str, u32, NativeFn)] = &[
        ("at", 1, at),
        ("charAt", 1, char_at),
        ("charCodeAt", 1, char_code_at),
        ("codePointAt", 1, code_point_at),
        ("concat", 1, concat),
        ("endsWith", 1, ends_with),
        ("includes", 1, includes),
        ("indexOf", 1, index_of),
        ("isWellFormed", 0, is_well_formed),
        ("lastIndexOf", 1, last_index_of),
        ("localeCompare", 1, locale_compare),
        ("match", 1, match_),
        ("matchAll", 1, match_all),
        ("normalize", 0, normalize),
        ("padEnd", 1, pad_end),
        ("padStart", 1, pad_start),
        ("repeat", 1, repeat),
        ("replace", 2, replace),
        ("replaceAll", 2, replace_all),
        ("search", 1, search),
        ("slice", 2, slice),
        ("split", 2, split),
        ("startsWith", 1, starts_with),
        ("substr", 2, substr),
        ("substring", 2, substring),
        ("toLocaleLowerCase", 0, to_locale_lower_case),
        ("toLocaleUpperCase", 0, to_locale_upper_case),
        ("toLowerCase", 0, to_lower_case),
        ("toString", 0, to_string),
        ("toUpperCase", 0, to_upper_case),
        ("toWellFormed", 0, to_well_formed),
        ("trim", 0, trim),
        ("valueOf", 0, value_of),
        // Annex B.2.2.2–14.
        ("anchor", 1, anchor),
        ("big", 0, big),
        ("blink", 0, blink),
        ("bold", 0, bold),
        ("fixed", 0, fixed),
        ("fontcolor", 1, fontcolor),
        ("fontsize", 1, fontsize),
        ("italics", 0, italics),
        ("link", 1, link),
        ("small", 0, small),
        ("strike", 0, strike),
        ("sub", 0, sub),
        ("sup", 0, sup),
    ];
    for &(name, length, f) in methods {
        method(vm, proto, name, length, f)?;
    }
    // trimLeft/trimRight are the same function objects (Annex B.2.2.15–16).
    let trim_start_fn = method(vm, proto, "trimStart", 0, trim_start)?;
    let trim_end_fn = method(vm, proto, "trimEnd", 0, trim_end)?;
    vm.define_value(proto, "trimLeft", Value::from_gc(trim_start_fn), Attrs::HIDDEN)?;
    vm.define_value(proto, "trimRight", Value::from_gc(trim_end_fn), Attrs::HIDDEN)?;
    let iter_key = PropertyKey::Symbol(vm.well_known(WellKnown::Iterator));
    symbol_method(vm, proto, iter_key, "[Symbol.iterator]", 0, iterator)?;

    let iter_proto = vm.intrinsic(Intrinsic::StringIteratorPrototype);
    method(vm, iter_proto, "next", 0, string_iterator_next)?;
    let tag_key = PropertyKey::Symbol(vm.well_known(WellKnown::ToStringTag));
    let tag = vm.string_value("String Iterator")?;
    vm.define_own_simple(iter_proto, tag_key, tag, Attrs::CONFIGURABLE_ONLY)?;
    Ok(())
}

// ---- shared helpers ---------------------------------------------------------

/// A new string from code units; RangeError past the maximum length.
fn new_str(vm: &mut Vm, units: &[u16]) -> JsResult<Value> {
    if units.len() > MAX_STRING_LENGTH {
        return Err(vm.range_error("Invalid string length"));
    }
    Ok(Value::from_gc(vm.new_string_units(units)?))
}

/// `s[from..to]` as a string value (`s` itself when whole).
pub(crate) fn substring_value(vm: &mut Vm, s: Gc<JsString>, from: usize, to: usize) -> JsResult<Value> {
    if from == 0 && to == s.len() {
        return Ok(Value::from_gc(s));
    }
    if to == from + 1 {
        let unit = s.at(from);
        return Ok(Value::from_gc(vm.new_string_units(&[unit])?));
    }
    let payload = match s.flat() {
        Flat::Latin1(b) => JsString::from_latin1(b[from..to].into()),
        Flat::Utf16(u) => JsString::from_units(&u[from..to]),
    };
    Ok(Value::from_gc(vm.alloc(payload)?))
}

/// RequireObjectCoercible(this) then ToString.
fn this_str(vm: &mut Vm, this: Value, method: &str) -> JsResult<Gc<JsString>> {
    if this.is_nullish() {
        return Err(vm.type_error(&format!("String.prototype.{method} called on null or undefined")));
    }
    vm.to_string(this)
}

/// An index argument clamped to 0..=len, negative values counting from
/// the end (slice, substr, at...): `relative` on ToIntegerOrInfinity.
fn relative_index(n: f64, len: usize) -> usize {
    if n < 0.0 { (len as f64 + n).max(0.0) as usize } else { n.min(len as f64) as usize }
}

/// ToIntegerOrInfinity clamped to 0..=len.
fn clamp_index(n: f64, len: usize) -> usize {
    n.clamp(0.0, len as f64) as usize
}

/// StringIndexOf(hay, needle, from).
pub fn find_units(hay: &[u16], needle: &[u16], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    if needle.len() > hay.len() {
        return None;
    }
    let last = hay.len() - needle.len();
    let first = needle[0];
    (from..=last).find(|&i| hay[i] == first && hay[i..i + needle.len()] == *needle)
}

/// CodePointAt(s, i): (code point, units used, whether a lone surrogate).
fn code_point_at_units(s: Flat<'_>, i: usize) -> (u32, usize, bool) {
    let first = s.at(i);
    if !(0xD800..=0xDFFF).contains(&first) {
        return (first as u32, 1, false);
    }
    if first >= 0xDC00 || i + 1 == s.len() {
        return (first as u32, 1, true);
    }
    let second = s.at(i + 1);
    if !(0xDC00..=0xDFFF).contains(&second) {
        return (first as u32, 1, true);
    }
    (0x10000 + ((first as u32 - 0xD800) << 10) + (second as u32 - 0xDC00), 2, false)
}

/// The ECMAScript WhiteSpace and LineTerminator code points.
pub fn is_js_whitespace(u: u16) -> bool {
    matches!(
        u,
        0x09 | 0x0A | 0x0B | 0x0C | 0x0D | 0x20 | 0xA0 | 0x1680 | 0x2000
            ..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 | 0xFEFF
    )
}

/// Runs `f` on each well-formed stretch of `units` (as Rust text) and
/// copies lone surrogates through unchanged.
fn map_well_formed(units: &[u16], mut f: impl FnMut(&str, &mut Vec<u16>)) -> Vec<u16> {
    let mut out = Vec::with_capacity(units.len());
    let mut i = 0;
    while i < units.len() {
        let start = i;
        let mut text = String::new();
        while i < units.len() {
            let (cp, n, lone) = code_point_at_units(Flat::Utf16(units), i);
            if lone {
                break;
            }
            text.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
            i += n;
        }
        if i > start {
            f(&text, &mut out);
        }
        if i < units.len() {
            out.push(units[i]);
            i += 1;
        }
    }
    out
}

/// GetMethod(v, key): undefined when absent, TypeError when not callable.
pub(crate) fn get_method(vm: &mut Vm, v: Value, key: PropertyKey) -> JsResult<Value> {
    let f = vm.get_value(v, key)?;
    if f.is_nullish() {
        return Ok(Value::UNDEFINED);
    }
    if !vm.is_callable(f) {
        let what = vm.describe_key(key);
        return Err(vm.type_error(&format!("{what} is not a function")));
    }
    Ok(f)
}

/// The pattern's `@@which` method for replace/split/match/...: looked up
/// only when the pattern is an object (ES2025; ES2024 also asked
/// primitives, whose prototypes scripts could patch).
fn pattern_method(vm: &mut Vm, pattern: Value, which: WellKnown) -> JsResult<Option<Value>> {
    if pattern.as_gc::<JsObject>().is_none() {
        return Ok(None);
    }
    let key = PropertyKey::Symbol(vm.well_known(which));
    let f = get_method(vm, pattern, key)?;
    Ok((!f.is_undefined()).then_some(f))
}

/// IsRegExp (§7.2.8).
fn is_regexp(vm: &mut Vm, v: Value) -> JsResult<bool> {
    super::regexp::is_regexp(vm, v)
}

/// RegExpCreate(pattern, flags) (§22.2.3.1).
fn regexp_create(vm: &mut Vm, pattern: Value, flags: Option<&str>) -> JsResult<Value> {
    let flags = match flags {
        Some(f) => vm.string_value(f)?,
        None => Value::UNDEFINED,
    };
    super::regexp::regexp_create(vm, pattern, flags)
}

/// Invoke(v, @@which, «arg»).
fn invoke_symbol(vm: &mut Vm, v: Value, which: WellKnown, arg: Value) -> JsResult<Value> {
    let key = PropertyKey::Symbol(vm.well_known(which));
    let f = vm.get_value(v, key)?;
    vm.call(f, v, &[arg])
}

/// `flags` of a RegExp argument must contain "g" (replaceAll, matchAll).
fn require_global_flag(vm: &mut Vm, regexp: Value, method: &str) -> JsResult<()> {
    let key = vm.key("flags");
    let flags = vm.get_value(regexp, key)?;
    if flags.is_nullish() {
        return Err(vm.type_error("String.prototype.flags called on null or undefined"));
    }
    let flags = vm.to_string(flags)?;
    if !flags.flat().units().any(|u| u == b'g' as u16) {
        return Err(vm.type_error(&format!("String.prototype.{method} called with a non-global RegExp argument")));
    }
    Ok(())
}

// ---- constructor and statics --------------------------------------------------

/// String ( value ) (§22.1.1.1).
fn string_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    let s = if args.is_empty() {
        vm.roots.names.empty
    } else {
        let v = args.get(0);
        match v.as_gc::<Symbol>() {
            Some(sym) if new_target.is_undefined() => return symbol_descriptive_string(vm, sym),
            _ => vm.to_string(v)?,
        }
    };
    if new_target.is_undefined() {
        return Ok(Value::from_gc(s));
    }
    let proto = vm.prototype_from_constructor(new_target, Intrinsic::StringPrototype)?;
    Ok(Value::from_gc(string_create(vm, s, proto)?))
}

/// StringCreate(value, prototype) (§10.4.3.4).
pub fn string_create(vm: &mut Vm, s: Gc<JsString>, proto: Value) -> JsResult<Gc<JsObject>> {
    let obj = vm.new_object_with(proto, ObjectKind::String(s))?;
    let key = PropertyKey::String(vm.roots.names.length);
    vm.define_own_simple(obj, key, Value::int(s.len() as i32), Attrs::NONE)?;
    Ok(obj)
}

/// SymbolDescriptiveString (§20.4.3.3.1).
fn symbol_descriptive_string(vm: &mut Vm, sym: Gc<Symbol>) -> JsResult<Value> {
    let mut units: Vec<u16> = "Symbol(".encode_utf16().collect();
    if let Some(d) = sym.description.as_gc::<JsString>() {
        units.extend(d.flat().units());
    }
    units.push(b')' as u16);
    new_str(vm, &units)
}

/// String.fromCharCode ( ...codeUnits ).
fn from_char_code(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let mut units = Vec::with_capacity(args.len());
    for i in 0..args.len() {
        let v = args.get(i);
        let unit = match v.as_int() {
            Some(n) => n as u16,
            None => number_conv::to_uint16(vm.to_number(v)?),
        };
        units.push(unit);
    }
    new_str(vm, &units)
}

/// String.fromCodePoint ( ...codePoints ).
fn from_code_point(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let mut units = Vec::with_capacity(args.len());
    for i in 0..args.len() {
        let next = args.get(i);
        let cp = vm.to_number(next)?;
        if !(cp.is_finite() && cp.trunc() == cp && (0.0..=1114111.0).contains(&cp)) {
            let shown = vm.to_string(Value::number(cp))?.to_rust_string();
            return Err(vm.range_error(&format!("Invalid code point {shown}")));
        }
        push_code_point(&mut units, cp as u32);
    }
    new_str(vm, &units)
}

/// UTF16EncodeCodePoint, appended.
fn push_code_point(out: &mut Vec<u16>, cp: u32) {
    if cp < 0x10000 {
        out.push(cp as u16);
    } else {
        let c = cp - 0x10000;
        out.push(0xD800 + (c >> 10) as u16);
        out.push(0xDC00 + (c & 0x3FF) as u16);
    }
}

/// String.raw ( template, ...substitutions ).
fn raw(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let substitution_count = args.len().saturating_sub(1);
    let cooked = vm.to_object(args.get(0))?;
    let raw_key = vm.key("raw");
    let raw_value = vm.get(cooked, raw_key, Value::from_gc(cooked))?;
    let literals = vm.to_object(raw_value)?;
    let literal_count = length_of(vm, literals)?;
    let mut out: Vec<u16> = Vec::new();
    let mut next_index: u64 = 0;
    while next_index < literal_count {
        let key = index_key(vm, next_index);
        let next_literal = vm.get(literals, key, Value::from_gc(literals))?;
        let s = vm.to_string(next_literal)?;
        out.extend(s.flat().units());
        if next_index + 1 == literal_count {
            break;
        }
        if (next_index as usize) < substitution_count {
            let sub = vm.to_string(args.get(next_index as usize + 1))?;
            out.extend(sub.flat().units());
        }
        if out.len() > MAX_STRING_LENGTH {
            return Err(vm.range_error("Invalid string length"));
        }
        next_index += 1;
    }
    new_str(vm, &out)
}

// ---- character access --------------------------------------------------------

/// String.prototype.at ( index ).
fn at(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "at")?;
    let len = s.len() as f64;
    let rel = vm.to_integer_or_infinity(args.get(0))?;
    let k = if rel >= 0.0 { rel } else { len + rel };
    if k < 0.0 || k >= len {
        return Ok(Value::UNDEFINED);
    }
    let unit = s.at(k as usize);
    new_str(vm, &[unit])
}

/// String.prototype.charAt ( pos ).
fn char_at(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "charAt")?;
    let pos = vm.to_integer_or_infinity(args.get(0))?;
    if pos < 0.0 || pos >= s.len() as f64 {
        return Ok(Value::from_gc(vm.roots.names.empty));
    }
    let unit = s.at(pos as usize);
    new_str(vm, &[unit])
}

/// String.prototype.charCodeAt ( pos ).
fn char_code_at(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "charCodeAt")?;
    let pos = vm.to_integer_or_infinity(args.get(0))?;
    if pos < 0.0 || pos >= s.len() as f64 {
        return Ok(Value::double(f64::NAN));
    }
    Ok(Value::int(s.at(pos as usize) as i32))
}

/// String.prototype.codePointAt ( pos ).
fn code_point_at(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "codePointAt")?;
    let pos = vm.to_integer_or_infinity(args.get(0))?;
    if pos < 0.0 || pos >= s.len() as f64 {
        return Ok(Value::UNDEFINED);
    }
    let (cp, _, _) = code_point_at_units(s.flat(), pos as usize);
    Ok(Value::int(cp as i32))
}

// ---- searching ------------------------------------------------------------------

/// String.prototype.concat ( ...args ).
fn concat(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let mut r = this_str(vm, this, "concat")?;
    for i in 0..args.len() {
        let next = vm.to_string(args.get(i))?;
        r = vm.concat(r, next)?;
    }
    Ok(Value::from_gc(r))
}

/// The shared start of includes/startsWith/endsWith: the string and the
/// search string, which must not be a RegExp.
fn string_and_search(vm: &mut Vm, this: Value, search: Value, method: &str) -> JsResult<(Vec<u16>, Vec<u16>)> {
    let s = this_str(vm, this, method)?;
    if is_regexp(vm, search)? {
        return Err(
            vm.type_error(&format!("First argument to String.prototype.{method} must not be a regular expression"))
        );
    }
    let search = vm.to_string(search)?;
    Ok((s.to_units(), search.to_units()))
}

/// String.prototype.endsWith ( searchString [ , endPosition ] ).
fn ends_with(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (s, search) = string_and_search(vm, this, args.get(0), "endsWith")?;
    let end_position = args.get(1);
    let end = if end_position.is_undefined() {
        s.len()
    } else {
        clamp_index(vm.to_integer_or_infinity(end_position)?, s.len())
    };
    let Some(start) = end.checked_sub(search.len()) else { return Ok(Value::FALSE) };
    Ok(Value::bool(s[start..end] == *search))
}

/// String.prototype.includes ( searchString [ , position ] ).
fn includes(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (s, search) = string_and_search(vm, this, args.get(0), "includes")?;
    let start = clamp_index(vm.to_integer_or_infinity(args.get(1))?, s.len());
    Ok(Value::bool(find_units(&s, &search, start).is_some()))
}

/// String.prototype.startsWith ( searchString [ , position ] ).
fn starts_with(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (s, search) = string_and_search(vm, this, args.get(0), "startsWith")?;
    let start = clamp_index(vm.to_integer_or_infinity(args.get(1))?, s.len());
    let end = start + search.len();
    Ok(Value::bool(end <= s.len() && s[start..end] == *search))
}

/// String.prototype.indexOf ( searchString [ , position ] ).
fn index_of(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "indexOf")?.to_units();
    let search = vm.to_string(args.get(0))?.to_units();
    let start = clamp_index(vm.to_integer_or_infinity(args.get(1))?, s.len());
    Ok(Value::number(find_units(&s, &search, start).map_or(-1.0, |i| i as f64)))
}

/// String.prototype.lastIndexOf ( searchString [ , position ] ).
fn last_index_of(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "lastIndexOf")?.to_units();
    let search = vm.to_string(args.get(0))?.to_units();
    let num_pos = vm.to_number(args.get(1))?;
    let pos = if num_pos.is_nan() { f64::INFINITY } else { number_conv::to_integer_or_infinity(num_pos) };
    let start = clamp_index(pos, s.len());
    let Some(last) = s.len().checked_sub(search.len()) else { return Ok(Value::int(-1)) };
    let found = (0..=start.min(last)).rev().find(|&i| s[i..i + search.len()] == *search);
    Ok(Value::number(found.map_or(-1.0, |i| i as f64)))
}

// ---- well-formedness, comparison, normalization ---------------------------------

/// String.prototype.isWellFormed ( ).
fn is_well_formed(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "isWellFormed")?;
    let flat = s.flat();
    if let Flat::Latin1(_) = flat {
        return Ok(Value::TRUE);
    }
    let mut i = 0;
    while i < flat.len() {
        let (_, n, lone) = code_point_at_units(flat, i);
        if lone {
            return Ok(Value::FALSE);
        }
        i += n;
    }
    Ok(Value::TRUE)
}

/// String.prototype.toWellFormed ( ): lone surrogates become U+FFFD.
fn to_well_formed(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "toWellFormed")?;
    if s.is_latin1() {
        return Ok(Value::from_gc(s));
    }
    let mut units = s.to_units();
    let mut i = 0;
    while i < units.len() {
        let (_, n, lone) = code_point_at_units(Flat::Utf16(&units), i);
        if lone {
            units[i] = 0xFFFD;
        }
        i += n;
    }
    new_str(vm, &units)
}

/// String.prototype.localeCompare ( that ): without Intl, the canonical
/// (NFC) forms compared by code unit, so canonically equivalent strings
/// compare equal as the spec requires.
fn locale_compare(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "localeCompare")?;
    let that = vm.to_string(args.get(0))?;
    let a = normalize_units(&s.to_units(), NormalForm::Nfc);
    let b = normalize_units(&that.to_units(), NormalForm::Nfc);
    Ok(Value::int(match a.cmp(&b) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }))
}

/// A Unicode normalization form.
#[derive(Copy, Clone)]
enum NormalForm {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

fn normalize_units(units: &[u16], form: NormalForm) -> Vec<u16> {
    // Latin-1 text below U+00A0 (no compatibility characters, no marks)
    // is in every normal form.
    if units.iter().all(|&u| u < 0xA0) {
        return units.to_vec();
    }
    map_well_formed(units, |text, out| {
        let chars = text.chars();
        match form {
            NormalForm::Nfc => out.extend(chars.nfc().collect::<String>().encode_utf16()),
            NormalForm::Nfd => out.extend(chars.nfd().collect::<String>().encode_utf16()),
            NormalForm::Nfkc => out.extend(chars.nfkc().collect::<String>().encode_utf16()),
            NormalForm::Nfkd => out.extend(chars.nfkd().collect::<String>().encode_utf16()),
        }
    })
}

/// String.prototype.normalize ( [ form ] ).
fn normalize(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "normalize")?;
    let f = args.get(0);
    let form = if f.is_undefined() {
        NormalForm::Nfc
    } else {
        let name = vm.to_string(f)?.to_units();
        match String::from_utf16_lossy(&name).as_str() {
            "NFC" => NormalForm::Nfc,
            "NFD" => NormalForm::Nfd,
            "NFKC" => NormalForm::Nfkc,
            "NFKD" => NormalForm::Nfkd,
            _ => return Err(vm.range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD.")),
        }
    };
    let units = s.to_units();
    let out = normalize_units(&units, form);
    if out == units {
        return Ok(Value::from_gc(s));
    }
    new_str(vm, &out)
}

// ---- padding, repeating, slicing ----------------------------------------------------

/// StringPaddingBuiltinsImpl (§22.1.3.17.1).
fn pad(vm: &mut Vm, this: Value, args: Args, at_start: bool) -> JsResult<Value> {
    let s = this_str(vm, this, if at_start { "padStart" } else { "padEnd" })?;
    let max_length = vm.to_length(args.get(0))?;
    let len = s.len() as u64;
    if max_length <= len {
        return Ok(Value::from_gc(s));
    }
    let fill = args.get(1);
    let filler: Vec<u16> = if fill.is_undefined() { vec![b' ' as u16] } else { vm.to_string(fill)?.to_units() };
    if filler.is_empty() {
        return Ok(Value::from_gc(s));
    }
    if max_length > MAX_STRING_LENGTH as u64 {
        return Err(vm.range_error("Invalid string length"));
    }
    let fill_len = (max_length - len) as usize;
    let padding: Vec<u16> = filler.iter().copied().cycle().take(fill_len).collect();
    let mut out = Vec::with_capacity(max_length as usize);
    if at_start {
        out.extend_from_slice(&padding);
        out.extend(s.flat().units());
    } else {
        out.extend(s.flat().units());
        out.extend_from_slice(&padding);
    }
    new_str(vm, &out)
}

/// String.prototype.padEnd ( maxLength [ , fillString ] ).
fn pad_end(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    pad(vm, this, args, false)
}

/// String.prototype.padStart ( maxLength [ , fillString ] ).
fn pad_start(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    pad(vm, this, args, true)
}

/// String.prototype.repeat ( count ).
fn repeat(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "repeat")?;
    let n = vm.to_integer_or_infinity(args.get(0))?;
    if n < 0.0 || n.is_infinite() {
        let shown = number_conv::number_to_string(n);
        return Err(vm.range_error(&format!("Invalid count value: {shown}")));
    }
    if n == 0.0 || s.is_empty() {
        return Ok(Value::from_gc(vm.roots.names.empty));
    }
    if s.len() as f64 * n > MAX_STRING_LENGTH as f64 {
        return Err(vm.range_error("Invalid string length"));
    }
    let units = s.to_units();
    let out = units.repeat(n as usize);
    new_str(vm, &out)
}

/// String.prototype.slice ( start, end ).
fn slice(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "slice")?;
    let len = s.len();
    let from = relative_index(vm.to_integer_or_infinity(args.get(0))?, len);
    let end = args.get(1);
    let to = if end.is_undefined() { len } else { relative_index(vm.to_integer_or_infinity(end)?, len) };
    if from >= to {
        return Ok(Value::from_gc(vm.roots.names.empty));
    }
    substring_value(vm, s, from, to)
}

/// String.prototype.substring ( start, end ).
fn substring(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "substring")?;
    let len = s.len();
    let start = clamp_index(vm.to_integer_or_infinity(args.get(0))?, len);
    let end = args.get(1);
    let end = if end.is_undefined() { len } else { clamp_index(vm.to_integer_or_infinity(end)?, len) };
    substring_value(vm, s, start.min(end), start.max(end))
}

/// String.prototype.substr ( start, length ) (Annex B.2.2.1).
fn substr(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "substr")?;
    let size = s.len();
    let start = relative_index(vm.to_integer_or_infinity(args.get(0))?, size);
    let length = args.get(1);
    let int_length = if length.is_undefined() { size } else { clamp_index(vm.to_integer_or_infinity(length)?, size) };
    let end = (start + int_length).min(size);
    if start >= end {
        return Ok(Value::from_gc(vm.roots.names.empty));
    }
    substring_value(vm, s, start, end)
}

// ---- case mapping and trimming -----------------------------------------------------

/// Full Unicode case mapping (SpecialCasing's unconditional mappings and
/// Final_Sigma), locale-independent.
fn convert_case(vm: &mut Vm, s: Gc<JsString>, upper: bool) -> JsResult<Value> {
    if let Flat::Latin1(b) = s.flat()
        && b.is_ascii()
    {
        let changes = b.iter().any(|c| if upper { c.is_ascii_lowercase() } else { c.is_ascii_uppercase() });
        if !changes {
            return Ok(Value::from_gc(s));
        }
        let out: Box<[u8]> =
            b.iter().map(|c| if upper { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect();
        return Ok(Value::from_gc(vm.alloc(JsString::from_latin1(out))?));
    }
    let units = s.to_units();
    let out = map_well_formed(&units, |text, out| {
        let mapped = if upper { text.to_uppercase() } else { text.to_lowercase() };
        out.extend(mapped.encode_utf16());
    });
    new_str(vm, &out)
}

fn to_lower_case(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "toLowerCase")?;
    convert_case(vm, s, false)
}

fn to_upper_case(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "toUpperCase")?;
    convert_case(vm, s, true)
}

fn to_locale_lower_case(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "toLocaleLowerCase")?;
    convert_case(vm, s, false)
}

fn to_locale_upper_case(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "toLocaleUpperCase")?;
    convert_case(vm, s, true)
}

/// TrimString (§22.1.3.32.1).
fn trim_string(vm: &mut Vm, this: Value, method: &str, start: bool, end: bool) -> JsResult<Value> {
    let s = this_str(vm, this, method)?;
    let flat = s.flat();
    let len = flat.len();
    let mut from = 0;
    if start {
        while from < len && is_js_whitespace(flat.at(from)) {
            from += 1;
        }
    }
    let mut to = len;
    if end {
        while to > from && is_js_whitespace(flat.at(to - 1)) {
            to -= 1;
        }
    }
    substring_value(vm, s, from, to)
}

fn trim(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    trim_string(vm, this, "trim", true, true)
}

fn trim_start(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    trim_string(vm, this, "trimStart", true, false)
}

fn trim_end(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    trim_string(vm, this, "trimEnd", false, true)
}

// ---- toString / valueOf -------------------------------------------------------------

/// thisStringValue (§22.1.3.35.1).
fn this_string_value(vm: &mut Vm, this: Value, method: &str) -> JsResult<Value> {
    if this.as_gc::<JsString>().is_some() {
        return Ok(this);
    }
    if let Some(o) = this.as_gc::<JsObject>()
        && let ObjectKind::String(s) = &o.kind
    {
        return Ok(Value::from_gc(*s));
    }
    Err(vm.type_error(&format!("String.prototype.{method} requires that 'this' be a String")))
}

fn to_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    this_string_value(vm, this, "toString")
}

fn value_of(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    this_string_value(vm, this, "valueOf")
}

// ---- replace, split, match, search ------------------------------------------------

/// GetSubstitution (§22.1.3.19.1) over code units. `captures` are the
/// capture groups already converted to strings (`None` for undefined);
/// `named_captures` is undefined or the groups object, whose properties
/// `$<name>` reads (and converts) in template order.
pub fn get_substitution(
    vm: &mut Vm,
    matched: &[u16],
    s: &[u16],
    position: usize,
    captures: &[Option<Vec<u16>>],
    named_captures: Value,
    template: &[u16],
) -> JsResult<Vec<u16>> {
    const DOLLAR: u16 = b'$' as u16;
    let is_digit = |u: u16| (b'0' as u16..=b'9' as u16).contains(&u);
    let mut result = Vec::with_capacity(template.len());
    let mut i = 0;
    while i < template.len() {
        let c = template[i];
        let next = template.get(i + 1).copied();
        if c != DOLLAR || next.is_none() {
            result.push(c);
            i += 1;
            continue;
        }
        let next = next.unwrap_or(0);
        match next {
            0x24 => {
                result.push(DOLLAR); // $$
                i += 2;
            }
            0x60 => {
                result.extend_from_slice(&s[..position.min(s.len())]); // $`
                i += 2;
            }
            0x26 => {
                result.extend_from_slice(matched); // $&
                i += 2;
            }
            0x27 => {
                let tail = (position + matched.len()).min(s.len()); // $'
                result.extend_from_slice(&s[tail..]);
                i += 2;
            }
            d if is_digit(d) => {
                let two = template.get(i + 2).copied().filter(|&u| is_digit(u));
                let mut digit_count = if two.is_some() { 2 } else { 1 };
                let mut index = (d - b'0' as u16) as usize;
                if let Some(d2) = two {
                    index = index * 10 + (d2 - b'0' as u16) as usize;
                }
                if index > captures.len() && digit_count == 2 {
                    digit_count = 1;
                    index = (d - b'0' as u16) as usize;
                }
                if (1..=captures.len()).contains(&index) {
                    if let Some(cap) = &captures[index - 1] {
                        result.extend_from_slice(cap);
                    }
                } else {
                    result.extend_from_slice(&template[i..i + 1 + digit_count]);
                }
                i += 1 + digit_count;
            }
            0x3C => {
                // $<
                let gt = find_units(template, &[b'>' as u16], i);
                match gt {
                    Some(gt) if !named_captures.is_undefined() => {
                        let name = vm.new_string_units(&template[i + 2..gt])?;
                        let key = vm.to_property_key(Value::from_gc(name))?;
                        let capture = vm.get_value(named_captures, key)?;
                        if !capture.is_undefined() {
                            let cap = vm.to_string(capture)?;
                            result.extend(cap.flat().units());
                        }
                        i = gt + 1;
                    }
                    _ => {
                        result.extend_from_slice(&template[i..i + 2]);
                        i += 2;
                    }
                }
            }
            _ => {
                result.push(DOLLAR);
                i += 1;
            }
        }
        if result.len() > MAX_STRING_LENGTH {
            return Err(vm.range_error("Invalid string length"));
        }
    }
    Ok(result)
}

/// The replacement for one match at `position`: the replacer function's
/// result or the template's substitution.
fn replacement_for(
    vm: &mut Vm,
    replace_value: Value,
    template: Option<&[u16]>,
    search: Gc<JsString>,
    s: Gc<JsString>,
    s_units: &[u16],
    position: usize,
) -> JsResult<Vec<u16>> {
    match template {
        None => {
            let args = [Value::from_gc(search), Value::number(position as f64), Value::from_gc(s)];
            let r = vm.call(replace_value, Value::UNDEFINED, &args)?;
            Ok(vm.to_string(r)?.to_units())
        }
        Some(t) => get_substitution(vm, &search.to_units(), s_units, position, &[], Value::UNDEFINED, t),
    }
}

/// String.prototype.replace ( searchValue, replaceValue ).
fn replace(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    if this.is_nullish() {
        return Err(vm.type_error("String.prototype.replace called on null or undefined"));
    }
    let (search_value, replace_value) = (args.get(0), args.get(1));
    if let Some(replacer) = pattern_method(vm, search_value, WellKnown::Replace)? {
        return vm.call(replacer, search_value, &[this, replace_value]);
    }
    let s = vm.to_string(this)?;
    let search = vm.to_string(search_value)?;
    let template = if vm.is_callable(replace_value) { None } else { Some(vm.to_string(replace_value)?.to_units()) };
    let s_units = s.to_units();
    let search_units = search.to_units();
    let Some(position) = find_units(&s_units, &search_units, 0) else { return Ok(Value::from_gc(s)) };
    let replacement = replacement_for(vm, replace_value, template.as_deref(), search, s, &s_units, position)?;
    let mut out = Vec::with_capacity(s_units.len() + replacement.len());
    out.extend_from_slice(&s_units[..position]);
    out.extend_from_slice(&replacement);
    out.extend_from_slice(&s_units[position + search_units.len()..]);
    new_str(vm, &out)
}

/// String.prototype.replaceAll ( searchValue, replaceValue ).
fn replace_all(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    if this.is_nullish() {
        return Err(vm.type_error("String.prototype.replaceAll called on null or undefined"));
    }
    let (search_value, replace_value) = (args.get(0), args.get(1));
    if is_regexp(vm, search_value)? {
        require_global_flag(vm, search_value, "replaceAll")?;
    }
    if let Some(replacer) = pattern_method(vm, search_value, WellKnown::Replace)? {
        return vm.call(replacer, search_value, &[this, replace_value]);
    }
    let s = vm.to_string(this)?;
    let search = vm.to_string(search_value)?;
    let template = if vm.is_callable(replace_value) { None } else { Some(vm.to_string(replace_value)?.to_units()) };
    let s_units = s.to_units();
    let search_units = search.to_units();
    let advance_by = search_units.len().max(1);
    let mut positions = Vec::new();
    let mut position = find_units(&s_units, &search_units, 0);
    while let Some(p) = position {
        positions.push(p);
        position = find_units(&s_units, &search_units, p + advance_by);
    }
    let mut end_of_last_match = 0;
    let mut out = Vec::with_capacity(s_units.len());
    for p in positions {
        out.extend_from_slice(&s_units[end_of_last_match..p]);
        let replacement = replacement_for(vm, replace_value, template.as_deref(), search, s, &s_units, p)?;
        out.extend_from_slice(&replacement);
        if out.len() > MAX_STRING_LENGTH {
            return Err(vm.range_error("Invalid string length"));
        }
        end_of_last_match = p + search_units.len();
    }
    if end_of_last_match < s_units.len() {
        out.extend_from_slice(&s_units[end_of_last_match..]);
    }
    new_str(vm, &out)
}

/// String.prototype.split ( separator, limit ).
fn split(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    if this.is_nullish() {
        return Err(vm.type_error("String.prototype.split called on null or undefined"));
    }
    let (separator, limit) = (args.get(0), args.get(1));
    if let Some(splitter) = pattern_method(vm, separator, WellKnown::Split)? {
        return vm.call(splitter, separator, &[this, limit]);
    }
    let s = vm.to_string(this)?;
    let lim = if limit.is_undefined() { u32::MAX } else { vm.to_uint32(limit)? } as usize;
    let r = vm.to_string(separator)?;
    let mut parts = vm.heap.rooted_vec::<Value>();
    if lim == 0 {
        return Ok(Value::from_gc(vm.new_array(&[])?));
    }
    if separator.is_undefined() {
        return Ok(Value::from_gc(vm.new_array(&[Value::from_gc(s)])?));
    }
    let s_units = s.to_units();
    let sep = r.to_units();
    if sep.is_empty() {
        for &unit in s_units.iter().take(lim) {
            let part = vm.new_string_units(&[unit])?;
            parts.push(Value::from_gc(part));
        }
        return Ok(Value::from_gc(vm.new_array(parts.as_slice())?));
    }
    if s_units.is_empty() {
        return Ok(Value::from_gc(vm.new_array(&[Value::from_gc(s)])?));
    }
    let mut i = 0;
    let mut j = find_units(&s_units, &sep, 0);
    while let Some(jj) = j {
        let part = substring_value(vm, s, i, jj)?;
        parts.push(part);
        if parts.len() == lim {
            return Ok(Value::from_gc(vm.new_array(parts.as_slice())?));
        }
        i = jj + sep.len();
        j = find_units(&s_units, &sep, i);
    }
    let part = substring_value(vm, s, i, s_units.len())?;
    parts.push(part);
    Ok(Value::from_gc(vm.new_array(parts.as_slice())?))
}

/// String.prototype.match ( regexp ).
fn match_(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    if this.is_nullish() {
        return Err(vm.type_error("String.prototype.match called on null or undefined"));
    }
    let regexp = args.get(0);
    if let Some(matcher) = pattern_method(vm, regexp, WellKnown::Match)? {
        return vm.call(matcher, regexp, &[this]);
    }
    let s = vm.to_string(this)?;
    let rx = regexp_create(vm, regexp, None)?;
    invoke_symbol(vm, rx, WellKnown::Match, Value::from_gc(s))
}

/// String.prototype.matchAll ( regexp ).
fn match_all(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    if this.is_nullish() {
        return Err(vm.type_error("String.prototype.matchAll called on null or undefined"));
    }
    let regexp = args.get(0);
    if is_regexp(vm, regexp)? {
        require_global_flag(vm, regexp, "matchAll")?;
    }
    if let Some(matcher) = pattern_method(vm, regexp, WellKnown::MatchAll)? {
        return vm.call(matcher, regexp, &[this]);
    }
    let s = vm.to_string(this)?;
    let rx = regexp_create(vm, regexp, Some("g"))?;
    invoke_symbol(vm, rx, WellKnown::MatchAll, Value::from_gc(s))
}

/// String.prototype.search ( regexp ).
fn search(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    if this.is_nullish() {
        return Err(vm.type_error("String.prototype.search called on null or undefined"));
    }
    let regexp = args.get(0);
    if let Some(searcher) = pattern_method(vm, regexp, WellKnown::Search)? {
        return vm.call(searcher, regexp, &[this]);
    }
    let s = vm.to_string(this)?;
    let rx = regexp_create(vm, regexp, None)?;
    invoke_symbol(vm, rx, WellKnown::Search, Value::from_gc(s))
}

// ---- Annex B HTML methods -------------------------------------------------------------

/// CreateHTML (Annex B.2.2.2.1): `<tag attribute="value">S</tag>` with `"`
/// in the value escaped as `&quot;`.
fn create_html(vm: &mut Vm, this: Value, method: &str, tag: &str, attribute: Option<(&str, Value)>) -> JsResult<Value> {
    let s = this_str(vm, this, method)?;
    let mut out: Vec<u16> = Vec::new();
    out.push(b'<' as u16);
    out.extend(tag.encode_utf16());
    if let Some((name, value)) = attribute {
        let v = vm.to_string(value)?;
        out.push(b' ' as u16);
        out.extend(name.encode_utf16());
        out.extend("=\"".encode_utf16());
        for u in v.flat().units() {
            if u == b'"' as u16 {
                out.extend("&quot;".encode_utf16());
            } else {
                out.push(u);
            }
        }
        out.push(b'"' as u16);
    }
    out.push(b'>' as u16);
    out.extend(s.flat().units());
    out.extend("</".encode_utf16());
    out.extend(tag.encode_utf16());
    out.push(b'>' as u16);
    new_str(vm, &out)
}

fn anchor(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    create_html(vm, this, "anchor", "a", Some(("name", args.get(0))))
}
fn big(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    create_html(vm, this, "big", "big", None)
}
fn blink(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    create_html(vm, this, "blink", "blink", None)
}
fn bold(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    create_html(vm, this, "bold", "b", None)
}
fn fixed(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    create_html(vm, this, "fixed", "tt", None)
}
fn fontcolor(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    create_html(vm, this, "fontcolor", "font", Some(("color", args.get(0))))
}
fn fontsize(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    create_html(vm, this, "fontsize", "font", Some(("size", args.get(0))))
}
fn italics(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    create_html(vm, this, "italics", "i", None)
}
fn link(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    create_html(vm, this, "link", "a", Some(("href", args.get(0))))
}
fn small(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    create_html(vm, this, "small", "small", None)
}
fn strike(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    create_html(vm, this, "strike", "strike", None)
}
fn sub(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    create_html(vm, this, "sub", "sub", None)
}
fn sup(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    create_html(vm, this, "sup", "sup", None)
}

// ---- iteration ------------------------------------------------------------------------

/// String.prototype [ @@iterator ] ( ).
fn iterator(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let s = this_str(vm, this, "[Symbol.iterator]")?;
    let proto = Value::from_gc(vm.intrinsic(Intrinsic::StringIteratorPrototype));
    let it = vm.new_object_with(
        proto,
        ObjectKind::StringIterator { target: std::cell::Cell::new(Value::from_gc(s)), index: std::cell::Cell::new(0) },
    )?;
    Ok(Value::from_gc(it))
}

/// %StringIteratorPrototype%.next ( ): one code point per step.
fn string_iterator_next(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let state = this.as_gc::<JsObject>().filter(|o| matches!(o.kind, ObjectKind::StringIterator { .. }));
    let Some(it) = state else {
        let what = vm.describe_value(this);
        return Err(
            vm.type_error(&format!("Method String Iterator.prototype.next called on incompatible receiver {what}"))
        );
    };
    let ObjectKind::StringIterator { target, index } = &it.kind else { return Ok(Value::UNDEFINED) };
    let Some(s) = target.get().as_gc::<JsString>() else {
        return vm.iter_result(Value::UNDEFINED, true);
    };
    let i = index.get() as usize;
    if i >= s.len() {
        target.set(Value::UNDEFINED);
        return vm.iter_result(Value::UNDEFINED, true);
    }
    let (_, n, _) = code_point_at_units(s.flat(), i);
    index.set((i + n) as u32);
    let cp = substring_value(vm, s, i, i + n)?;
    vm.iter_result(cp, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn find_units_handles_empty_and_bounds() {
        assert_eq!(find_units(&units("abc"), &units(""), 3), Some(3));
        assert_eq!(find_units(&units("abc"), &units(""), 4), None);
        assert_eq!(find_units(&units("abcabc"), &units("ca"), 0), Some(2));
        assert_eq!(find_units(&units("ab"), &units("abc"), 0), None);
    }

    #[test]
    fn map_well_formed_keeps_lone_surrogates() {
        let input = vec![0x61, 0xD800, 0x62, 0xD83D, 0xDE00, 0xDC00];
        let out = map_well_formed(&input, |t, o| o.extend(t.to_uppercase().encode_utf16()));
        assert_eq!(out, vec![0x41, 0xD800, 0x42, 0xD83D, 0xDE00, 0xDC00]);
    }

    #[test]
    fn final_sigma_and_special_casing() {
        let lower = map_well_formed(&units("ΑΣ ΑΣΑ"), |t, o| o.extend(t.to_lowercase().encode_utf16()));
        assert_eq!(String::from_utf16_lossy(&lower), "ας ασα");
        let upper = map_well_formed(&units("ß"), |t, o| o.extend(t.to_uppercase().encode_utf16()));
        assert_eq!(String::from_utf16_lossy(&upper), "SS");
    }
}
