//! RegExp (ECMA-262 §22.2): RegExp objects and their internal slots, the
//! constructor, `RegExp.escape`, RegExp.prototype's `exec`, `test`,
//! `toString`, the flag and `source` getters and Annex B's `compile`, and
//! the literals the interpreter creates (`CreateRegExpLiteral`). Annex B's
//! `compile` and static `RegExp.$1`... are in `regexp_legacy.rs`.
//!
//! Matching is the `regress` crate's backtracking engine over UTF-16 code
//! units: `find_from_ucs2` (every unit a character) without the `u`/`v`
//! flags, `find_from_utf16` (surrogate pairs are one character) with them,
//! so every index here and in scripts is a code-unit index. Latin-1
//! strings are widened once per (RegExp, string) pair and kept in the
//! object's subject cache, so an `exec` loop over one string copies it once.
//! Compiled patterns are shared per thread by (pattern, flags): a literal
//! evaluated in a loop compiles once, as the spec's "compiled once per
//! literal site" behaves. Patterns are parsed by oxc at parse time as well,
//! which raises a literal's early SyntaxErrors with file:line:column.
//!
//! regress has no anchored search, so a sticky match is a search from
//! `lastIndex` that must start there; it cannot be interrupted either, so
//! a catastrophic pattern runs to completion (it cannot crash: a panic
//! inside the engine becomes a JavaScript error).
//!
//! The Symbol methods (`@@match`, `@@replace`, ...) and
//! %RegExpStringIteratorPrototype% are in `regexp_symbols.rs`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use strata_gc::{Gc, Trace, Tracer};

use super::{constructor, getter, method};
use super::string::substring_value;
use crate::conversions::{same_value, to_boolean};
use crate::function::{Args, NativeFn};
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::realm::{Intrinsic, Realm};
use crate::string::{Flat, JsString};
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

/// `d`: match indices.
pub const HAS_INDICES: u8 = 1;
/// `g`.
pub const GLOBAL: u8 = 2;
/// `i`.
pub const IGNORE_CASE: u8 = 4;
/// `m`.
pub const MULTILINE: u8 = 8;
/// `s`.
pub const DOT_ALL: u8 = 16;
/// `u`.
pub const UNICODE: u8 = 32;
/// `v`.
pub const UNICODE_SETS: u8 = 64;
/// `y`.
pub const STICKY: u8 = 128;

/// The flags in the order `flags` lists them (§22.2.6.4).
const FLAG_CHARS: [(u8, u8, &str); 8] = [
    (b'd', HAS_INDICES, "hasIndices"),
    (b'g', GLOBAL, "global"),
    (b'i', IGNORE_CASE, "ignoreCase"),
    (b'm', MULTILINE, "multiline"),
    (b's', DOT_ALL, "dotAll"),
    (b'u', UNICODE, "unicode"),
    (b'v', UNICODE_SETS, "unicodeSets"),
    (b'y', STICKY, "sticky"),
];

/// The flags that change what the compiled matcher does (the rest are
/// about `lastIndex` and the result's shape).
const MATCHER_FLAGS: u8 = IGNORE_CASE | MULTILINE | DOT_ALL | UNICODE | UNICODE_SETS;

/// A RegExp instance's internal slots.
pub struct RegExpData {
    /// [[OriginalSource]]: the pattern string.
    source: Cell<Value>,
    /// [[OriginalFlags]]: the flags string.
    flags_string: Cell<Value>,
    /// The flags as bits.
    flags: Cell<u8>,
    /// [[RegExpMatcher]].
    matcher: RefCell<Option<Rc<regress::Regex>>>,
    /// [[LegacyFeaturesEnabled]]: made by %RegExp% itself, not a subclass
    /// (Annex B `compile` refuses subclass instances).
    legacy: bool,
    /// [[Realm]]: the realm that allocated it.
    realm: Gc<Realm>,
    /// The last subject string and its code units, when it is Latin-1 (a
    /// UTF-16 string is matched in place).
    subject: RefCell<Option<WidenedSubject>>,
}

/// A Latin-1 string and its code units widened to UTF-16.
type WidenedSubject = (Gc<JsString>, Rc<[u16]>);

/// Compiled patterns by (pattern, matcher flags).
type CompiledCache = HashMap<(Box<[u16]>, u8), Rc<regress::Regex>>;

// SAFETY: reports the source and flags strings and the cached subject.
unsafe impl Trace for RegExpData {
    fn trace(&self, t: &mut Tracer) {
        self.source.get().trace(t);
        self.flags_string.get().trace(t);
        t.mark(self.realm.cell());
        if let Some((s, _)) = &*self.subject.borrow() {
            t.mark(s.cell());
        }
    }
}

impl RegExpData {
    /// [[OriginalSource]] and [[OriginalFlags]] (structuredClone copies them).
    pub fn source_and_flags(&self) -> (Value, Value) { (self.source.get(), self.flags_string.get()) }
    fn new(legacy: bool, realm: Gc<Realm>) -> RegExpData {
        RegExpData {
            realm,
            source: Cell::new(Value::UNDEFINED),
            flags_string: Cell::new(Value::UNDEFINED),
            flags: Cell::new(0),
            matcher: RefCell::new(None),
            legacy,
            subject: RefCell::new(None),
        }
    }

    /// [[LegacyFeaturesEnabled]].
    pub fn legacy(&self) -> bool {
        self.legacy
    }

    /// [[Realm]].
    pub fn realm(&self) -> Gc<Realm> {
        self.realm
    }

    /// The flags as bits.
    pub fn flags(&self) -> u8 {
        self.flags.get()
    }

    /// [[OriginalSource]] (undefined before RegExpInitialize).
    pub fn source(&self) -> Value {
        self.source.get()
    }

    /// [[OriginalFlags]] (undefined before RegExpInitialize).
    pub fn flags_string(&self) -> Value {
        self.flags_string.get()
    }

    /// `s` as UTF-16 code units: borrowed when it is two-byte, widened once
    /// and cached when it is Latin-1.
    fn subject_units(&self, s: Gc<JsString>) -> Subject {
        match s.flat() {
            Flat::Utf16(_) => Subject::Utf16(s),
            Flat::Latin1(bytes) => {
                let mut cache = self.subject.borrow_mut();
                if let Some((cached, units)) = &*cache
                    && (*cached == s || cached.content_eq(&s))
                {
                    return Subject::Widened(units.clone());
                }
                let units: Rc<[u16]> = bytes.iter().map(|&b| b as u16).collect();
                *cache = Some((s, units.clone()));
                Subject::Widened(units)
            }
        }
    }
}

/// A subject string's code units for the matcher.
enum Subject {
    /// A two-byte string, matched in place.
    Utf16(Gc<JsString>),
    /// A Latin-1 string widened to UTF-16.
    Widened(Rc<[u16]>),
}

impl Subject {
    fn with<R>(&self, f: impl FnOnce(&[u16]) -> R) -> R {
        match self {
            Subject::Utf16(s) => match s.flat() {
                Flat::Utf16(u) => f(u),
                Flat::Latin1(_) => f(&[]),
            },
            Subject::Widened(u) => f(u),
        }
    }
}

/// The object's RegExp slots, if it is a RegExp.
pub fn regexp_data(o: &Gc<JsObject>) -> Option<&RegExpData> {
    match &o.kind {
        ObjectKind::RegExp(d) => Some(d),
        _ => None,
    }
}

/// `v` as a RegExp object.
pub fn as_regexp(v: Value) -> Option<Gc<JsObject>> {
    v.as_gc::<JsObject>().filter(|o| matches!(o.kind, ObjectKind::RegExp(_)))
}

/// Installs RegExp, RegExp.prototype and %RegExpStringIteratorPrototype%.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let op = Value::from_gc(vm.intrinsic(Intrinsic::ObjectPrototype));
    let proto = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::RegExpPrototype, proto);
    let ctor = constructor(vm, global, "RegExp", 2, regexp_ctor, proto)?;
    vm.realm().set_intrinsic(Intrinsic::RegExp, ctor);
    let species = PropertyKey::Symbol(vm.well_known(WellKnown::Species));
    getter(vm, ctor, species, "[Symbol.species]", return_this)?;
    method(vm, ctor, "escape", 1, escape)?;
    super::regexp_legacy::init(vm, ctor)?;

    let exec_fn = method(vm, proto, "exec", 1, exec)?;
    vm.realm().set_intrinsic(Intrinsic::RegExpPrototypeExec, exec_fn);
    let methods: &[(&str, u32, NativeFn)] =
        &[("compile", 2, super::regexp_legacy::compile), ("test", 1, test), ("toString", 0, to_string)];
    for &(name, length, f) in methods {
        method(vm, proto, name, length, f)?;
    }
    let getters: &[(&str, NativeFn)] = &[
        ("dotAll", get_dot_all),
        ("flags", get_flags),
        ("global", get_global),
        ("hasIndices", get_has_indices),
        ("ignoreCase", get_ignore_case),
        ("multiline", get_multiline),
        ("source", get_source),
        ("sticky", get_sticky),
        ("unicode", get_unicode),
        ("unicodeSets", get_unicode_sets),
    ];
    for &(name, f) in getters {
        let key = vm.key(name);
        getter(vm, proto, key, name, f)?;
    }
    super::regexp_symbols::init(vm, proto)
}

fn return_this(_vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(this)
}

// ---- creation -----------------------------------------------------------------

/// The flags string's bits; None when it repeats a flag, has an unknown
/// one, or has both `u` and `v`.
pub fn parse_flags(units: impl Iterator<Item = u16>) -> Option<u8> {
    let mut bits = 0u8;
    for u in units {
        let (_, bit, _) = FLAG_CHARS.iter().find(|(c, _, _)| *c as u16 == u)?;
        if bits & bit != 0 {
            return None;
        }
        bits |= bit;
    }
    if bits & UNICODE != 0 && bits & UNICODE_SETS != 0 {
        return None;
    }
    Some(bits)
}

thread_local! {
    /// Compiled patterns by (pattern, matcher flags). Matchers are plain
    /// data, so VMs on one thread may share them.
    static COMPILED: RefCell<CompiledCache> = RefCell::new(HashMap::new());
}

/// Most patterns the per-thread cache keeps before it starts over.
const COMPILED_CACHE_LIMIT: usize = 512;

/// The pattern's characters as regress reads them: code points when
/// `full_unicode` (surrogate pairs joined), else one per code unit —
/// except in group names (`(?<name>`, `\k<name>`), which are made of code
/// points in every mode.
fn pattern_chars(units: &[u16], full_unicode: bool) -> Vec<u32> {
    let decode = |units: &[u16]| -> Vec<u32> {
        char::decode_utf16(units.iter().copied())
            .map(|r| match r {
                Ok(c) => c as u32,
                Err(e) => e.unpaired_surrogate() as u32,
            })
            .collect()
    };
    if full_unicode {
        return decode(units);
    }
    let is = |i: usize, c: u8| units.get(i) == Some(&(c as u16));
    let mut out = Vec::with_capacity(units.len());
    let (mut i, mut in_class) = (0, false);
    while i < units.len() {
        let backreference = is(i, b'\\') && is(i + 1, b'k') && is(i + 2, b'<');
        let group = is(i, b'(') && is(i + 1, b'?') && is(i + 2, b'<') && !is(i + 3, b'=') && !is(i + 3, b'!');
        let name_start = ((backreference || group) && !in_class).then_some(i + 3);
        if let Some(start) = name_start {
            let end = (start..units.len()).find(|&j| is(j, b'>')).unwrap_or(units.len());
            out.extend(units[i..start].iter().map(|&u| u as u32));
            out.extend(decode(&units[start..end]));
            i = end;
            continue;
        }
        let u = units[i];
        if is(i, b'\\') {
            out.push(u as u32);
            if let Some(&next) = units.get(i + 1) {
                out.push(next as u32);
            }
            i += 2;
            continue;
        }
        if is(i, b'[') {
            in_class = true;
        } else if is(i, b']') {
            in_class = false;
        }
        out.push(u as u32);
        i += 1;
    }
    out
}

/// `\k<name>` for a name several groups share, rewritten as `(?:\i\j…)`
/// over those groups' numbers: regress resolves such a reference to the
/// first group only, while the spec means whichever took part (the
/// others are in other alternatives, so they match empty). None when no
/// name repeats.
fn rewrite_duplicate_backrefs(units: &[u16], v_mode: bool) -> Option<Vec<u16>> {
    let is = |i: usize, c: u8| units.get(i) == Some(&(c as u16));
    // Capture groups by number with their names; where each `\k<` is.
    let mut groups: Vec<&[u16]> = Vec::new();
    let mut refs: Vec<(usize, usize)> = Vec::new();
    let (mut i, mut class_depth) = (0, 0usize);
    while i < units.len() {
        if is(i, b'\\') {
            if class_depth == 0 && is(i + 1, b'k') && is(i + 2, b'<') {
                let end = (i + 3..units.len()).find(|&j| is(j, b'>'))?;
                refs.push((i, end + 1));
                i = end + 1;
            } else {
                i += 2;
            }
            continue;
        }
        if is(i, b'[') && (class_depth == 0 || v_mode) {
            class_depth += 1;
        } else if is(i, b']') && class_depth > 0 {
            class_depth -= 1;
        } else if class_depth == 0 && is(i, b'(') {
            if !is(i + 1, b'?') {
                groups.push(&[]);
            } else if is(i + 2, b'<') && !is(i + 3, b'=') && !is(i + 3, b'!') {
                let end = (i + 3..units.len()).find(|&j| is(j, b'>'))?;
                groups.push(&units[i + 3..end]);
            }
        }
        i += 1;
    }
    let repeats = |name: &[u16]| groups.iter().filter(|g| **g == name).count() > 1;
    if !groups.iter().any(|g| !g.is_empty() && repeats(g)) {
        return None;
    }
    let mut out = Vec::with_capacity(units.len() + 16);
    let mut last = 0;
    for (start, end) in refs {
        let name = &units[start + 3..end - 1];
        if !repeats(name) {
            continue;
        }
        out.extend_from_slice(&units[last..start]);
        out.extend("(?:".encode_utf16());
        for (n, _) in groups.iter().enumerate().filter(|(_, g)| **g == name) {
            out.extend(format!("\\{}", n + 1).encode_utf16());
        }
        out.push(b')' as u16);
        last = end;
    }
    out.extend_from_slice(&units[last..]);
    Some(out)
}

/// Compiles `pattern` under `flags` (or finds it compiled). A SyntaxError
/// names the pattern and regress's reason.
fn compile_pattern(vm: &mut Vm, pattern: &[u16], flags: u8) -> JsResult<Rc<regress::Regex>> {
    let key_flags = flags & MATCHER_FLAGS;
    if let Some(re) = COMPILED.with(|c| c.borrow().get(&(pattern.into(), key_flags)).cloned()) {
        return Ok(re);
    }
    let full_unicode = flags & (UNICODE | UNICODE_SETS) != 0;
    let rewritten = rewrite_duplicate_backrefs(pattern, flags & UNICODE_SETS != 0);
    let chars = pattern_chars(rewritten.as_deref().unwrap_or(pattern), full_unicode);
    let re_flags = regress::Flags {
        icase: flags & IGNORE_CASE != 0,
        multiline: flags & MULTILINE != 0,
        dot_all: flags & DOT_ALL != 0,
        unicode: flags & UNICODE != 0,
        unicode_sets: flags & UNICODE_SETS != 0,
        no_opt: false,
    };
    let result = std::panic::catch_unwind(|| regress::Regex::from_unicode(chars.iter().copied(), re_flags));
    let message = match result {
        Ok(Ok(re)) => {
            let re = Rc::new(re);
            COMPILED.with(|c| {
                let mut c = c.borrow_mut();
                if c.len() >= COMPILED_CACHE_LIMIT {
                    c.clear();
                }
                c.insert((pattern.into(), key_flags), re.clone());
            });
            return Ok(re);
        }
        Ok(Err(e)) => e.text,
        Err(_) => "the pattern could not be compiled".to_string(),
    };
    let mut shown = String::from_utf16_lossy(&pattern[..pattern.len().min(200)]);
    if pattern.len() > 200 {
        shown.push_str("...");
    }
    let flag_text: String = FLAG_CHARS.iter().filter(|(_, b, _)| flags & b != 0).map(|(c, _, _)| *c as char).collect();
    Err(vm.syntax_error(&format!("Invalid regular expression: /{shown}/{flag_text}: {message}")))
}

/// RegExpAlloc (§22.2.3.2): an uninitialized RegExp whose prototype comes
/// from `new_target`, with its non-configurable `lastIndex`.
fn regexp_alloc(vm: &mut Vm, new_target: Value) -> JsResult<Gc<JsObject>> {
    let proto = vm.prototype_from_constructor(new_target, Intrinsic::RegExpPrototype)?;
    let realm = vm.realm();
    let legacy = new_target == realm.intrinsic_value(Intrinsic::RegExp);
    let obj = vm.new_object_with(proto, ObjectKind::RegExp(Box::new(RegExpData::new(legacy, realm))))?;
    let key = vm.key("lastIndex");
    vm.add_named_property(obj, key, Value::UNDEFINED, Attrs(Attrs::WRITABLE))?;
    Ok(obj)
}

/// RegExpInitialize (§22.2.3.3).
pub(crate) fn regexp_initialize(vm: &mut Vm, obj: Gc<JsObject>, pattern: Value, flags: Value) -> JsResult<Value> {
    let p = if pattern.is_undefined() { vm.roots.names.empty } else { vm.to_string(pattern)? };
    let f = if flags.is_undefined() { vm.roots.names.empty } else { vm.to_string(flags)? };
    let Some(bits) = parse_flags(f.flat().units()) else {
        let shown = f.to_rust_string();
        return Err(vm.syntax_error(&format!("Invalid regular expression flags '{shown}'")));
    };
    let matcher = compile_pattern(vm, &p.to_units(), bits)?;
    let Some(data) = regexp_data(&obj) else {
        return Err(vm.type_error("RegExpInitialize called on a non-RegExp"));
    };
    data.source.set(Value::from_gc(p));
    data.flags_string.set(Value::from_gc(f));
    data.flags.set(bits);
    *data.matcher.borrow_mut() = Some(matcher);
    let key = vm.key("lastIndex");
    vm.set_value(Value::from_gc(obj), key, Value::int(0), true)?;
    Ok(Value::from_gc(obj))
}

/// RegExpCreate(P, F) (§22.2.3.1), with %RegExp% as the constructor.
pub fn regexp_create(vm: &mut Vm, pattern: Value, flags: Value) -> JsResult<Value> {
    let ctor = vm.realm().intrinsic_value(Intrinsic::RegExp);
    let obj = regexp_alloc(vm, ctor)?;
    regexp_initialize(vm, obj, pattern, flags)
}

/// A regular expression literal's evaluation (§13.2.7.3): a new object
/// each time, with the site's pattern and flags (constant strings).
pub fn create_literal(vm: &mut Vm, pattern: Value, flags: Value) -> JsResult<Value> {
    regexp_create(vm, pattern, flags)
}

/// IsRegExp (§7.2.8).
pub fn is_regexp(vm: &mut Vm, v: Value) -> JsResult<bool> {
    let Some(o) = v.as_gc::<JsObject>() else { return Ok(false) };
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::Match));
    let matcher = vm.get(o, key, v)?;
    if !matcher.is_undefined() {
        return Ok(to_boolean(matcher));
    }
    Ok(matches!(o.kind, ObjectKind::RegExp(_)))
}

/// RegExp ( pattern, flags ) (§22.2.4.1).
fn regexp_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    let (pattern, flags) = (args.get(0), args.get(1));
    let pattern_is_regexp = is_regexp(vm, pattern)?;
    let new_target = if new_target.is_undefined() {
        let active = vm.realm().intrinsic_value(Intrinsic::RegExp);
        if pattern_is_regexp && flags.is_undefined() {
            let key = PropertyKey::String(vm.roots.names.constructor);
            let pattern_ctor = vm.get_value(pattern, key)?;
            if same_value(active, pattern_ctor) {
                return Ok(pattern);
            }
        }
        active
    } else {
        new_target
    };
    let pattern_slots = as_regexp(pattern).and_then(|o| regexp_data(&o).map(|d| (d.source.get(), d.flags_string.get())));
    let (p, f) = if let Some((source, original_flags)) = pattern_slots.filter(|(s, _)| !s.is_undefined()) {
        (source, if flags.is_undefined() { original_flags } else { flags })
    } else if pattern_is_regexp {
        let source_key = vm.key("source");
        let p = vm.get_value(pattern, source_key)?;
        let f = if flags.is_undefined() {
            let flags_key = vm.key("flags");
            vm.get_value(pattern, flags_key)?
        } else {
            flags
        };
        (p, f)
    } else {
        (pattern, flags)
    };
    let obj = regexp_alloc(vm, new_target)?;
    regexp_initialize(vm, obj, p, f)
}

// ---- matching -------------------------------------------------------------------

/// A successful match: the whole match and each capture group as
/// code-unit ranges, and the named groups in pattern order (a name used
/// by several alternatives appears once, with the range of the one that
/// took part).
pub struct MatchRecord {
    /// Start and end of the whole match.
    pub range: std::ops::Range<usize>,
    /// Capture groups 1..=n (None: did not take part).
    pub captures: Vec<Option<std::ops::Range<usize>>>,
    /// Named groups: (name, range).
    pub names: Vec<(String, Option<std::ops::Range<usize>>)>,
}

/// Runs the matcher on `units` from `start` (at most one match). With
/// `sticky`, only a match starting at `start` counts.
fn run_matcher(
    vm: &mut Vm,
    matcher: &regress::Regex,
    units: &[u16],
    start: usize,
    full_unicode: bool,
    sticky: bool,
) -> JsResult<Option<MatchRecord>> {
    let found = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if full_unicode {
            matcher.find_from_utf16(units, start).next()
        } else {
            matcher.find_from_ucs2(units, start).next()
        }
    }));
    let m = match found {
        Ok(m) => m,
        Err(_) => return Err(vm.error(crate::error::ErrorKind::RangeError, "Regular expression matching failed")),
    };
    Ok(m.filter(|m| !sticky || m.start() == start).map(|m| MatchRecord {
        range: m.range(),
        names: m.named_groups().map(|(n, r)| (n.to_string(), r)).collect(),
        captures: m.captures,
    }))
}

/// The matcher's search for `regexp` (a RegExp object) on `s` from
/// `start`, ignoring `lastIndex` and the `g`/`y` flags unless `sticky`.
pub(crate) fn find_at(
    vm: &mut Vm,
    data: &RegExpData,
    s: Gc<JsString>,
    start: usize,
    sticky: bool,
) -> JsResult<Option<MatchRecord>> {
    let Some(matcher) = data.matcher.borrow().clone() else { return Ok(None) };
    let full_unicode = data.flags() & (UNICODE | UNICODE_SETS) != 0;
    let subject = data.subject_units(s);
    subject.with(|units| run_matcher(vm, &matcher, units, start, full_unicode, sticky))
}

/// RegExpBuiltinExec's matching steps (§22.2.7.2, steps 1–15): reads and
/// updates `lastIndex` and returns where the match is.
pub(crate) fn builtin_exec_record(vm: &mut Vm, r: Gc<JsObject>, s: Gc<JsString>) -> JsResult<Option<MatchRecord>> {
    let rv = Value::from_gc(r);
    let Some(data) = regexp_data(&r) else {
        return Err(vm.type_error("RegExp.prototype.exec called on an incompatible receiver"));
    };
    let key = vm.key("lastIndex");
    let li = vm.get(r, key, rv)?;
    let mut last_index = vm.to_length(li)?;
    let flags = data.flags();
    let (global, sticky) = (flags & GLOBAL != 0, flags & STICKY != 0);
    let full_unicode = flags & (UNICODE | UNICODE_SETS) != 0;
    if !global && !sticky {
        last_index = 0;
    }
    let len = s.len();
    if last_index > len as u64 {
        if global || sticky {
            vm.set_value(rv, key, Value::int(0), true)?;
        }
        return Ok(None);
    }
    let mut start = last_index as usize;
    // A lastIndex inside a surrogate pair names the pair's code point.
    if full_unicode && start > 0 && start < len {
        let flat = s.flat();
        if (0xDC00..=0xDFFF).contains(&flat.at(start)) && (0xD800..=0xDBFF).contains(&flat.at(start - 1)) {
            start -= 1;
        }
    }
    let Some(m) = find_at(vm, data, s, start, sticky)? else {
        if global || sticky {
            vm.set_value(rv, key, Value::int(0), true)?;
        }
        return Ok(None);
    };
    if global || sticky {
        vm.set_value(rv, key, Value::number(m.range.end as f64), true)?;
    }
    super::regexp_legacy::record_match(vm, data, s, &m);
    Ok(Some(m))
}

/// The substring `s[range]`, or undefined.
fn capture_value(vm: &mut Vm, s: Gc<JsString>, range: &Option<std::ops::Range<usize>>) -> JsResult<Value> {
    match range {
        Some(r) => substring_value(vm, s, r.start, r.end),
        None => Ok(Value::UNDEFINED),
    }
}

/// `[start, end]`, or undefined (GetMatchIndexPair).
fn index_pair(vm: &mut Vm, range: &Option<std::ops::Range<usize>>) -> JsResult<Value> {
    match range {
        Some(r) => {
            let pair = [Value::number(r.start as f64), Value::number(r.end as f64)];
            Ok(Value::from_gc(vm.new_array(&pair)?))
        }
        None => Ok(Value::UNDEFINED),
    }
}

/// The match array of RegExpBuiltinExec (§22.2.7.2, steps 16–36): the
/// matched substring and captures, `index`, `input`, `groups` and, with
/// the `d` flag, `indices` (MakeMatchIndicesIndexPairArray, §22.2.7.8).
pub(crate) fn match_array(vm: &mut Vm, flags: u8, s: Gc<JsString>, m: &MatchRecord) -> JsResult<Value> {
    let mut elements = vm.heap.rooted_vec::<Value>();
    elements.push(capture_value(vm, s, &Some(m.range.clone()))?);
    for c in &m.captures {
        let v = capture_value(vm, s, c)?;
        elements.push(v);
    }
    let a = vm.new_array(elements.as_slice())?;
    vm.define_value(a, "index", Value::number(m.range.start as f64), Attrs::DEFAULT)?;
    vm.define_value(a, "input", Value::from_gc(s), Attrs::DEFAULT)?;
    let groups = if m.names.is_empty() {
        Value::UNDEFINED
    } else {
        let g = vm.new_object_with(Value::NULL, ObjectKind::Ordinary)?;
        for (name, range) in &m.names {
            let v = capture_value(vm, s, range)?;
            let key = vm.key(name);
            vm.create_data_property_or_throw(g, key, v)?;
        }
        Value::from_gc(g)
    };
    vm.define_value(a, "groups", groups, Attrs::DEFAULT)?;
    if flags & HAS_INDICES != 0 {
        let mut pairs = vm.heap.rooted_vec::<Value>();
        pairs.push(index_pair(vm, &Some(m.range.clone()))?);
        for c in &m.captures {
            let v = index_pair(vm, c)?;
            pairs.push(v);
        }
        let indices = vm.new_array(pairs.as_slice())?;
        let index_groups = if m.names.is_empty() {
            Value::UNDEFINED
        } else {
            let g = vm.new_object_with(Value::NULL, ObjectKind::Ordinary)?;
            for (name, range) in &m.names {
                let v = index_pair(vm, range)?;
                let key = vm.key(name);
                vm.create_data_property_or_throw(g, key, v)?;
            }
            Value::from_gc(g)
        };
        vm.define_value(indices, "groups", index_groups, Attrs::DEFAULT)?;
        vm.define_value(a, "indices", Value::from_gc(indices), Attrs::DEFAULT)?;
    }
    Ok(Value::from_gc(a))
}

/// RegExpBuiltinExec (§22.2.7.2): the match array or null.
pub(crate) fn builtin_exec(vm: &mut Vm, r: Gc<JsObject>, s: Gc<JsString>) -> JsResult<Value> {
    match builtin_exec_record(vm, r, s)? {
        None => Ok(Value::NULL),
        Some(m) => {
            let flags = regexp_data(&r).map_or(0, |d| d.flags());
            match_array(vm, flags, s, &m)
        }
    }
}

/// `this` as an initialized RegExp, or a TypeError naming the method.
pub(crate) fn this_regexp(vm: &mut Vm, this: Value, method: &str) -> JsResult<Gc<JsObject>> {
    match as_regexp(this) {
        Some(o) => Ok(o),
        None => {
            let what = vm.describe_value(this);
            Err(vm.type_error(&format!("RegExp.prototype.{method} called on incompatible receiver {what}")))
        }
    }
}

/// RegExp.prototype.exec ( string ) (§22.2.6.2).
fn exec(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let r = this_regexp(vm, this, "exec")?;
    let s = vm.to_string(args.get(0))?;
    builtin_exec(vm, r, s)
}

/// RegExp.prototype.test ( S ) (§22.2.6.16).
fn test(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let Some(r) = this.as_gc::<JsObject>() else {
        let what = vm.describe_value(this);
        return Err(vm.type_error(&format!("RegExp.prototype.test called on incompatible receiver {what}")));
    };
    let s = vm.to_string(args.get(0))?;
    Ok(Value::bool(super::regexp_symbols::regexp_test(vm, r, s)?))
}

/// RegExp.prototype.toString ( ) (§22.2.6.17).
fn to_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let Some(r) = this.as_gc::<JsObject>() else {
        let what = vm.describe_value(this);
        return Err(vm.type_error(&format!("RegExp.prototype.toString called on incompatible receiver {what}")));
    };
    let source_key = vm.key("source");
    let source = vm.get(r, source_key, this)?;
    let source = vm.to_string(source)?;
    let flags_key = vm.key("flags");
    let flags = vm.get(r, flags_key, this)?;
    let flags = vm.to_string(flags)?;
    let mut out = vec![b'/' as u16];
    out.extend(source.flat().units());
    out.push(b'/' as u16);
    out.extend(flags.flat().units());
    Ok(Value::from_gc(vm.new_string_units(&out)?))
}

// ---- accessors --------------------------------------------------------------------

/// The shared steps of the flag getters (RegExpHasFlag, §22.2.6.4.1).
fn has_flag(vm: &mut Vm, this: Value, bit: u8, name: &str) -> JsResult<Value> {
    if this.as_gc::<JsObject>().is_none() {
        let what = vm.describe_value(this);
        return Err(vm.type_error(&format!("RegExp.prototype.{name} getter called on non-object {what}")));
    }
    match as_regexp(this).and_then(|o| regexp_data(&o).map(|d| d.flags())) {
        Some(flags) => Ok(Value::bool(flags & bit != 0)),
        None if this == vm.realm().intrinsic_value(Intrinsic::RegExpPrototype) => Ok(Value::UNDEFINED),
        None => {
            let what = vm.describe_value(this);
            Err(vm.type_error(&format!("RegExp.prototype.{name} getter called on non-RegExp {what}")))
        }
    }
}

fn get_has_indices(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    has_flag(vm, this, HAS_INDICES, "hasIndices")
}
fn get_global(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    has_flag(vm, this, GLOBAL, "global")
}
fn get_ignore_case(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    has_flag(vm, this, IGNORE_CASE, "ignoreCase")
}
fn get_multiline(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    has_flag(vm, this, MULTILINE, "multiline")
}
fn get_dot_all(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    has_flag(vm, this, DOT_ALL, "dotAll")
}
fn get_unicode(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    has_flag(vm, this, UNICODE, "unicode")
}
fn get_unicode_sets(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    has_flag(vm, this, UNICODE_SETS, "unicodeSets")
}
fn get_sticky(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    has_flag(vm, this, STICKY, "sticky")
}

/// get RegExp.prototype.flags (§22.2.6.4).
fn get_flags(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let Some(r) = this.as_gc::<JsObject>() else {
        let what = vm.describe_value(this);
        return Err(vm.type_error(&format!("RegExp.prototype.flags getter called on non-object {what}")));
    };
    let mut out = String::new();
    for &(c, _, name) in FLAG_CHARS.iter() {
        let key = vm.key(name);
        let v = vm.get(r, key, this)?;
        if to_boolean(v) {
            out.push(c as char);
        }
    }
    vm.string_value(&out)
}

/// get RegExp.prototype.source (§22.2.6.13).
fn get_source(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    if this.as_gc::<JsObject>().is_none() {
        let what = vm.describe_value(this);
        return Err(vm.type_error(&format!("RegExp.prototype.source getter called on non-object {what}")));
    }
    let source = as_regexp(this).and_then(|o| regexp_data(&o).map(|d| d.source.get()));
    let Some(source) = source.filter(|s| !s.is_undefined()) else {
        if this == vm.realm().intrinsic_value(Intrinsic::RegExpPrototype) {
            return vm.string_value("(?:)");
        }
        let what = vm.describe_value(this);
        return Err(vm.type_error(&format!("RegExp.prototype.source getter called on non-RegExp {what}")));
    };
    let Some(src) = source.as_gc::<JsString>() else { return vm.string_value("(?:)") };
    let escaped = escape_pattern(&src.to_units());
    Ok(Value::from_gc(vm.new_string_units(&escaped)?))
}

/// EscapeRegExpPattern (§22.2.6.13.1): a source that reads back as the
/// same literal — `/` escaped outside classes, line terminators as
/// escapes, `(?:)` for the empty pattern.
pub fn escape_pattern(src: &[u16]) -> Vec<u16> {
    if src.is_empty() {
        return "(?:)".encode_utf16().collect();
    }
    let mut out = Vec::with_capacity(src.len());
    let mut in_class = false;
    let mut i = 0;
    let push_line_terminator = |out: &mut Vec<u16>, u: u16| match u {
        0x0A => out.push(b'n' as u16),
        0x0D => out.push(b'r' as u16),
        _ => out.extend(format!("u{u:04X}").encode_utf16()),
    };
    while i < src.len() {
        let u = src[i];
        match u {
            0x5C => {
                out.push(u);
                if let Some(&next) = src.get(i + 1) {
                    if matches!(next, 0x0A | 0x0D | 0x2028 | 0x2029) {
                        push_line_terminator(&mut out, next);
                    } else {
                        out.push(next);
                    }
                    i += 1;
                }
            }
            0x2F if !in_class => out.extend_from_slice(&[b'\\' as u16, u]),
            0x0A | 0x0D | 0x2028 | 0x2029 => {
                out.push(b'\\' as u16);
                push_line_terminator(&mut out, u);
            }
            _ => {
                if u == b'[' as u16 {
                    in_class = true;
                } else if u == b']' as u16 {
                    in_class = false;
                }
                out.push(u);
            }
        }
        i += 1;
    }
    out
}

// ---- RegExp.escape ------------------------------------------------------------------

/// RegExp.escape ( S ) (§22.2.5.1).
fn escape(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let Some(s) = args.get(0).as_gc::<JsString>() else {
        return Err(vm.type_error("RegExp.escape requires a string"));
    };
    let units = s.to_units();
    let mut out: Vec<u16> = Vec::with_capacity(units.len() * 2);
    for (i, r) in char::decode_utf16(units.iter().copied()).enumerate() {
        let cp = match r {
            Ok(c) => c as u32,
            Err(e) => e.unpaired_surrogate() as u32,
        };
        let is_alnum = cp < 0x80 && (cp as u8).is_ascii_alphanumeric();
        if i == 0 && is_alnum {
            out.extend(format!("\\x{cp:02x}").encode_utf16());
        } else {
            encode_for_escape(cp, &mut out);
        }
    }
    Ok(Value::from_gc(vm.new_string_units(&out)?))
}

/// EncodeForRegExpEscape (§22.2.5.1.1).
fn encode_for_escape(cp: u32, out: &mut Vec<u16>) {
    const SYNTAX: &str = "^$\\.*+?()[]{}|/";
    const OTHER_PUNCTUATORS: &str = ",-=<>#&!%:;@~'`\"";
    let c = char::from_u32(cp);
    if let Some(c) = c.filter(|c| SYNTAX.contains(*c)) {
        out.push(b'\\' as u16);
        out.push(c as u16);
        return;
    }
    let control = match cp {
        0x09 => Some('t'),
        0x0A => Some('n'),
        0x0B => Some('v'),
        0x0C => Some('f'),
        0x0D => Some('r'),
        _ => None,
    };
    if let Some(letter) = control {
        out.push(b'\\' as u16);
        out.push(letter as u16);
        return;
    }
    let is_surrogate = (0xD800..=0xDFFF).contains(&cp);
    let is_space = cp <= 0xFFFF && super::string::is_js_whitespace(cp as u16);
    if is_surrogate || is_space || c.is_some_and(|c| OTHER_PUNCTUATORS.contains(c)) {
        if cp <= 0xFF {
            out.extend(format!("\\x{cp:02x}").encode_utf16());
        } else {
            let mut buf = [0u16; 2];
            let units: &[u16] = match c {
                Some(c) => c.encode_utf16(&mut buf),
                None => {
                    buf[0] = cp as u16;
                    &buf[..1]
                }
            };
            for &u in units {
                out.extend(format!("\\u{u:04x}").encode_utf16());
            }
        }
        return;
    }
    match c {
        Some(c) => {
            let mut buf = [0u16; 2];
            out.extend_from_slice(c.encode_utf16(&mut buf));
        }
        None => out.push(cp as u16),
    }
}
