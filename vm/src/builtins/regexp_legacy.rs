//! RegExp's Annex B legacy features (ECMA-262 §B.2.4 and the
//! legacy-RegExp-features proposal test262 follows): the static accessors
//! `RegExp.input` (`$_`), `lastMatch` (`$&`), `lastParen` (`$+`),
//! `leftContext` (`` $` ``), `rightContext` (`$'`) and `$1`–`$9`, which
//! read the realm's record of the last successful match, and
//! RegExp.prototype.compile.
//!
//! The record lives in the realm ([`LegacyStatics`]) and holds the matched
//! string and the match's ranges, so a successful `exec` costs one small
//! copy; the accessors slice the string when read. A match by a subclass
//! instance or another realm's RegExp invalidates the record, after which
//! the getters throw, as the proposal specifies. `compile` refuses those
//! objects too.

use std::cell::{Cell, RefCell};
use std::ops::Range;

use strata_gc::{Gc, Trace, Tracer};

use super::regexp::{MatchRecord, RegExpData, as_regexp, regexp_data, regexp_initialize, this_regexp};
use super::string::substring_value;
use crate::function::Args;
use crate::object::JsObject;
use crate::property::{Attrs, PropertyDescriptor};
use crate::realm::Intrinsic;
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// %RegExp%'s legacy slots ([[RegExpInput]], [[RegExpLastMatch]], ...).
pub struct LegacyStatics {
    /// [[RegExpInput]] (a string; `RegExp.input = v` sets it alone).
    input: Cell<Value>,
    /// The string the last match was in.
    subject: Cell<Value>,
    /// The whole match, then each capture group.
    ranges: RefCell<Vec<Option<Range<usize>>>>,
    /// False after InvalidateLegacyRegExpStaticProperties.
    valid: Cell<bool>,
}

impl Default for LegacyStatics {
    fn default() -> Self {
        LegacyStatics {
            input: Cell::new(Value::UNDEFINED),
            subject: Cell::new(Value::UNDEFINED),
            ranges: RefCell::new(Vec::new()),
            valid: Cell::new(true),
        }
    }
}

// SAFETY: reports the two strings.
unsafe impl Trace for LegacyStatics {
    fn trace(&self, t: &mut Tracer) {
        self.input.get().trace(t);
        self.subject.get().trace(t);
    }
}

/// After a successful RegExpBuiltinExec: UpdateLegacyRegExpStaticProperties
/// when `data` is a legacy RegExp of the current realm, else
/// InvalidateLegacyRegExpStaticProperties.
pub(crate) fn record_match(vm: &mut Vm, data: &RegExpData, s: Gc<JsString>, m: &MatchRecord) {
    let realm = vm.realm();
    let statics = &realm.regexp_statics;
    if !data.legacy() || data.realm() != realm {
        statics.valid.set(false);
        return;
    }
    statics.valid.set(true);
    statics.input.set(Value::from_gc(s));
    statics.subject.set(Value::from_gc(s));
    let mut ranges = statics.ranges.borrow_mut();
    ranges.clear();
    ranges.push(Some(m.range.clone()));
    ranges.extend(m.captures.iter().cloned());
}

/// Installs the static accessors on `ctor` (%RegExp%).
pub fn init(vm: &mut Vm, ctor: Gc<JsObject>) -> JsResult<()> {
    let input_get = vm.new_native_function("get input", 0, get_input, false)?;
    let input_set = vm.new_native_function("set input", 1, set_input, false)?;
    for name in ["input", "$_"] {
        let key = vm.key(name);
        let desc = PropertyDescriptor::accessor(Value::from_gc(input_get), Value::from_gc(input_set), Attrs::CONFIGURABLE_ONLY);
        vm.define_own_property(ctor, key, desc)?;
    }
    let getters: [(&str, &str, crate::function::NativeFn); 13] = [
        ("lastMatch", "$&", get_last_match),
        ("lastParen", "$+", get_last_paren),
        ("leftContext", "$`", get_left_context),
        ("rightContext", "$'", get_right_context),
        ("$1", "", get_paren1),
        ("$2", "", get_paren2),
        ("$3", "", get_paren3),
        ("$4", "", get_paren4),
        ("$5", "", get_paren5),
        ("$6", "", get_paren6),
        ("$7", "", get_paren7),
        ("$8", "", get_paren8),
        ("$9", "", get_paren9),
    ];
    for (name, alias, f) in getters {
        let func = vm.new_native_function(&format!("get {name}"), 0, f, false)?;
        for n in [name, alias] {
            if n.is_empty() {
                continue;
            }
            let key = vm.key(n);
            let desc = PropertyDescriptor::accessor(Value::from_gc(func), Value::UNDEFINED, Attrs::CONFIGURABLE_ONLY);
            vm.define_own_property(ctor, key, desc)?;
        }
    }
    Ok(())
}

/// RegExp.prototype.compile ( pattern, flags ) (Annex B.2.4.1).
pub(crate) fn compile(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_regexp(vm, this, "compile")?;
    let realm = vm.realm();
    if !regexp_data(&o).is_some_and(|d| d.legacy() && d.realm() == realm) {
        return Err(vm.type_error("RegExp.prototype.compile called on a RegExp subclass instance"));
    }
    let (pattern, flags) = (args.get(0), args.get(1));
    let pattern_slots = as_regexp(pattern).and_then(|p| regexp_data(&p).map(|d| (d.source(), d.flags_string())));
    let (p, f) = match pattern_slots {
        Some(slots) => {
            if !flags.is_undefined() {
                return Err(vm.type_error("Cannot supply flags when constructing one RegExp from another"));
            }
            slots
        }
        None => (pattern, flags),
    };
    regexp_initialize(vm, o, p, f)
}

/// Which slot a getter reads.
#[derive(Copy, Clone)]
enum Slot {
    Input,
    LastMatch,
    LastParen,
    LeftContext,
    RightContext,
    Paren(usize),
}

/// GetLegacyRegExpStaticProperty(%RegExp%, thisValue, slot).
fn get_static(vm: &mut Vm, this: Value, slot: Slot) -> JsResult<Value> {
    let realm = vm.realm();
    if this != realm.intrinsic_value(Intrinsic::RegExp) {
        return Err(vm.type_error("RegExp legacy static accessors must be called on the RegExp constructor"));
    }
    let statics = &realm.regexp_statics;
    if !statics.valid.get() {
        return Err(vm.type_error("RegExp legacy static properties are unavailable after a subclass or cross-realm match"));
    }
    if let Slot::Input = slot {
        let input = statics.input.get();
        return if input.is_undefined() { Ok(Value::from_gc(vm.roots.names.empty)) } else { Ok(input) };
    }
    let Some(s) = statics.subject.get().as_gc::<JsString>() else {
        return Ok(Value::from_gc(vm.roots.names.empty));
    };
    let ranges = statics.ranges.borrow().clone();
    let Some(Some(whole)) = ranges.first().cloned() else { return Ok(Value::from_gc(vm.roots.names.empty)) };
    let range = match slot {
        Slot::Input => None,
        Slot::LastMatch => Some(whole),
        Slot::LastParen => ranges.last().filter(|_| ranges.len() > 1).cloned().flatten(),
        Slot::LeftContext => Some(0..whole.start),
        Slot::RightContext => Some(whole.end..s.len()),
        Slot::Paren(i) => ranges.get(i).cloned().flatten(),
    };
    match range {
        Some(r) => substring_value(vm, s, r.start, r.end),
        None => Ok(Value::from_gc(vm.roots.names.empty)),
    }
}

/// set RegExp.input: SetLegacyRegExpStaticProperty(%RegExp%, thisValue,
/// [[RegExpInput]], val).
fn set_input(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let realm = vm.realm();
    if this != realm.intrinsic_value(Intrinsic::RegExp) {
        return Err(vm.type_error("RegExp.input must be set on the RegExp constructor"));
    }
    let s = vm.to_string(args.get(0))?;
    realm.regexp_statics.input.set(Value::from_gc(s));
    Ok(Value::UNDEFINED)
}

fn get_input(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    get_static(vm, this, Slot::Input)
}
fn get_last_match(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    get_static(vm, this, Slot::LastMatch)
}
fn get_last_paren(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    get_static(vm, this, Slot::LastParen)
}
fn get_left_context(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    get_static(vm, this, Slot::LeftContext)
}
fn get_right_context(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    get_static(vm, this, Slot::RightContext)
}
fn get_paren1(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    get_static(vm, this, Slot::Paren(1))
}
fn get_paren2(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    get_static(vm, this, Slot::Paren(2))
}
fn get_paren3(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    get_static(vm, this, Slot::Paren(3))
}
fn get_paren4(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    get_static(vm, this, Slot::Paren(4))
}
fn get_paren5(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    get_static(vm, this, Slot::Paren(5))
}
fn get_paren6(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    get_static(vm, this, Slot::Paren(6))
}
fn get_paren7(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    get_static(vm, this, Slot::Paren(7))
}
fn get_paren8(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    get_static(vm, this, Slot::Paren(8))
}
fn get_paren9(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    get_static(vm, this, Slot::Paren(9))
}
