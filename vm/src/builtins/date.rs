//! Date (ECMA-262 §21.4): the constructor, Date.now/parse/UTC, and
//! Date.prototype's getters, setters and string forms, over time values —
//! milliseconds since the epoch, a Number in ±8.64e15 or NaN — kept in the
//! [[DateValue]] slot (`ObjectKind::Date`).
//!
//! The day and time arithmetic of §21.4.1 is done on f64 where the spec
//! says so (MakeTime, MakeDate) and on i64 day numbers elsewhere. Local
//! time comes from the host zone (`date_tz.rs`), strings are parsed by a
//! port of V8's parser (`date_parse.rs`), and `toString`'s zone names come
//! from `date_tznames.rs`, so that output matches node's. Without Intl the
//! `toLocale*String` methods return what their non-locale forms do.

#[path = "date_parse.rs"]
mod date_parse;
#[path = "date_tz.rs"]
pub(crate) mod date_tz;
#[path = "date_tznames.rs"]
mod date_tznames;

use std::cell::Cell;

use strata_gc::Gc;

use super::{constructor, method};
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::object_ops;
use crate::property::{Attrs, PropertyKey};
use crate::realm::Intrinsic;
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};
use date_tz::{civil_from_days, days_from_civil, is_leap, week_day};

const MS_PER_SECOND: f64 = 1000.0;
const MS_PER_MINUTE: f64 = 60_000.0;
const MS_PER_HOUR: f64 = 3_600_000.0;
const MS_PER_DAY: f64 = 86_400_000.0;
/// The largest time value magnitude (§21.4.1.1).
const MAX_TIME: f64 = 8.64e15;

const WEEK_DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Installs Date and Date.prototype.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let op = Value::from_gc(vm.intrinsic(Intrinsic::ObjectPrototype));
    // Date.prototype is an ordinary object, not a Date (§21.4.4).
    let proto = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::DatePrototype, proto);
    let ctor = constructor(vm, global, "Date", 7, date_ctor, proto)?;
    vm.realm().set_intrinsic(Intrinsic::Date, ctor);
    method(vm, ctor, "now", 0, now)?;
    method(vm, ctor, "parse", 1, parse)?;
    method(vm, ctor, "UTC", 7, utc_ctor)?;

    // V8's property order.
    method(vm, proto, "toString", 0, to_string)?;
    method(vm, proto, "toDateString", 0, to_date_string)?;
    method(vm, proto, "toTimeString", 0, to_time_string)?;
    method(vm, proto, "toISOString", 0, to_iso_string)?;
    // Annex B: toGMTString is the same function object as toUTCString.
    let utc_string = method(vm, proto, "toUTCString", 0, to_utc_string)?;
    vm.define_value(proto, "toGMTString", Value::from_gc(utc_string), Attrs::HIDDEN)?;
    let methods: [(&str, u32, crate::function::NativeFn); 40] = [
        ("getDate", 0, get_date),
        ("setDate", 1, set_date),
        ("getDay", 0, get_day),
        ("getFullYear", 0, get_full_year),
        ("setFullYear", 3, set_full_year),
        ("getHours", 0, get_hours),
        ("setHours", 4, set_hours),
        ("getMilliseconds", 0, get_milliseconds),
        ("setMilliseconds", 1, set_milliseconds),
        ("getMinutes", 0, get_minutes),
        ("setMinutes", 3, set_minutes),
        ("getMonth", 0, get_month),
        ("setMonth", 2, set_month),
        ("getSeconds", 0, get_seconds),
        ("setSeconds", 2, set_seconds),
        ("getTime", 0, get_time),
        ("setTime", 1, set_time),
        ("getTimezoneOffset", 0, get_timezone_offset),
        ("getUTCDate", 0, get_utc_date),
        ("setUTCDate", 1, set_utc_date),
        ("getUTCDay", 0, get_utc_day),
        ("getUTCFullYear", 0, get_utc_full_year),
        ("setUTCFullYear", 3, set_utc_full_year),
        ("getUTCHours", 0, get_utc_hours),
        ("setUTCHours", 4, set_utc_hours),
        ("getUTCMilliseconds", 0, get_utc_milliseconds),
        ("setUTCMilliseconds", 1, set_utc_milliseconds),
        ("getUTCMinutes", 0, get_utc_minutes),
        ("setUTCMinutes", 3, set_utc_minutes),
        ("getUTCMonth", 0, get_utc_month),
        ("setUTCMonth", 2, set_utc_month),
        ("getUTCSeconds", 0, get_utc_seconds),
        ("setUTCSeconds", 2, set_utc_seconds),
        ("valueOf", 0, get_time),
        ("getYear", 0, get_year),
        ("setYear", 1, set_year),
        ("toJSON", 1, to_json),
        ("toLocaleString", 0, to_locale_string),
        ("toLocaleDateString", 0, to_locale_date_string),
        ("toLocaleTimeString", 0, to_locale_time_string),
    ];
    for (name, length, f) in methods {
        method(vm, proto, name, length, f)?;
    }
    // Date.prototype [ @@toPrimitive ]: not writable (§21.4.4.45).
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::ToPrimitive));
    let f = vm.new_native_function("[Symbol.toPrimitive]", 1, to_primitive, false)?;
    vm.define_own_simple(proto, key, Value::from_gc(f), Attrs::CONFIGURABLE_ONLY)?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Time value arithmetic (§21.4.1)

/// Day(t).
fn day(t: f64) -> f64 {
    (t / MS_PER_DAY).floor()
}

/// TimeWithinDay(t).
fn time_within_day(t: f64) -> f64 {
    t.rem_euclid(MS_PER_DAY)
}

/// The calendar fields of a finite time value.
struct Fields {
    year: i64,
    /// 0-based.
    month: i64,
    date: i64,
    hour: i64,
    minute: i64,
    second: i64,
    ms: i64,
    week_day: i64,
}

fn fields(t: f64) -> Fields {
    let t = t as i64;
    let days = t.div_euclid(86_400_000);
    let ms_in_day = t.rem_euclid(86_400_000);
    let (year, month, date) = civil_from_days(days);
    Fields {
        year,
        month: month - 1,
        date,
        hour: ms_in_day / 3_600_000,
        minute: ms_in_day / 60_000 % 60,
        second: ms_in_day / 1000 % 60,
        ms: ms_in_day % 1000,
        week_day: week_day(days),
    }
}

/// ToIntegerOrInfinity on a Number.
fn integer(x: f64) -> f64 {
    if x.is_nan() { 0.0 } else { x.trunc() + 0.0 }
}

/// MakeTime (§21.4.1.27): IEEE arithmetic, in the spec's order.
fn make_time(hour: f64, min: f64, sec: f64, ms: f64) -> f64 {
    if !(hour.is_finite() && min.is_finite() && sec.is_finite() && ms.is_finite()) {
        return f64::NAN;
    }
    integer(hour) * MS_PER_HOUR + integer(min) * MS_PER_MINUTE + integer(sec) * MS_PER_SECOND + integer(ms)
}

/// MakeDay (§21.4.1.28). Years too far out for their day number to be an
/// exact double count as "not possible" (NaN).
fn make_day(year: f64, month: f64, date: f64) -> f64 {
    if !(year.is_finite() && month.is_finite() && date.is_finite()) {
        return f64::NAN;
    }
    let (y, m, dt) = (integer(year), integer(month), integer(date));
    let ym = y + (m / 12.0).floor();
    if ym.abs() > 2.0e13 {
        return f64::NAN;
    }
    let mn = m.rem_euclid(12.0) as i64;
    let first = days_from_civil(ym as i64, mn + 1, 1);
    first as f64 + dt - 1.0
}

/// MakeDate (§21.4.1.29).
fn make_date(day: f64, time: f64) -> f64 {
    if !(day.is_finite() && time.is_finite()) {
        return f64::NAN;
    }
    let tv = day * MS_PER_DAY + time;
    if tv.is_finite() { tv } else { f64::NAN }
}

/// MakeFullYear (§21.4.1.30).
fn make_full_year(year: f64) -> f64 {
    if year.is_nan() {
        return f64::NAN;
    }
    let t = integer(year);
    if (0.0..=99.0).contains(&t) { 1900.0 + t } else { year }
}

/// TimeClip (§21.4.1.31).
fn time_clip(t: f64) -> f64 {
    if !t.is_finite() || t.abs() > MAX_TIME {
        return f64::NAN;
    }
    integer(t)
}

/// The host zone's offset (ms) at the time value `t`.
fn offset_at(t: f64) -> f64 {
    date_tz::host().offset_ms(t.clamp(-2.0 * MAX_TIME, 2.0 * MAX_TIME) as i64) as f64
}

/// LocalTime(t) (§21.4.1.25).
fn local_time(t: f64) -> f64 {
    t + offset_at(t)
}

/// UTC(t) (§21.4.1.26): repeated local times take the earlier instant,
/// skipped ones the offset from before the transition.
fn utc(t: f64) -> f64 {
    if !t.is_finite() {
        return f64::NAN;
    }
    let clamped = t.clamp(-2.0 * MAX_TIME, 2.0 * MAX_TIME) as i64;
    t - date_tz::host().offset_from_local_ms(clamped) as f64
}

/// The current time value.
fn now_value() -> f64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_millis() as f64,
        Err(e) => -(e.duration().as_millis() as f64),
    }
}

// ---------------------------------------------------------------------------
// Strings (§21.4.4.41)

fn year_string(y: i64) -> String {
    if y < 0 { format!("-{:04}", -y) } else { format!("{y:04}") }
}

/// DateString(tv), of a local time.
fn date_string(local: f64) -> String {
    let f = fields(local);
    format!("{} {} {:02} {}", WEEK_DAYS[f.week_day as usize], MONTHS[f.month as usize], f.date, year_string(f.year))
}

/// TimeString(tv), of a local time.
fn time_string(local: f64) -> String {
    let f = fields(local);
    format!("{:02}:{:02}:{:02} GMT", f.hour, f.minute, f.second)
}

/// TimeZoneString(tv): `+hhmm (Zone Name)`.
fn time_zone_string(tv: f64) -> String {
    let offset = offset_at(tv);
    let sign = if offset >= 0.0 { '+' } else { '-' };
    let abs = offset.abs() as i64;
    format!("{sign}{:02}{:02} ({})", abs / 3_600_000 % 24, abs / 60_000 % 60, zone_name(tv))
}

/// V8's `DateCache::kMaxEpochTimeInMs`: beyond it (and before 1970) the
/// daylight saving flag is taken from an equivalent year.
const MAX_EPOCH_TIME_MS: i64 = i32::MAX as i64 * 1000;

/// V8's EquivalentTime: the same month, day and time in a year of
/// 2008–2035 with the same leap-ness and week day of January 1.
fn equivalent_time(t: i64) -> i64 {
    let days = t.div_euclid(86_400_000);
    let ms = t.rem_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    let wd = week_day(days_from_civil(y, 1, 1));
    let recent = if is_leap(y) { 1956 } else { 1967 } + (wd * 12) % 28;
    let equivalent = 2008 + (recent + 3 * 28 - 2008) % 28;
    (days_from_civil(equivalent, m, 1) + d - 1) * 86_400_000 + ms
}

/// The zone's long name at `tv`, as V8 prints it: the tz database zone's
/// standard or daylight name, else `GMT±hh:mm`.
fn zone_name(tv: f64) -> String {
    let zone = date_tz::host();
    let t = tv as i64;
    let t = if !(0..=MAX_EPOCH_TIME_MS).contains(&t) { equivalent_time(t) } else { t };
    let dst = zone.is_dst(t);
    if let Some(name) = zone.id.as_deref().and_then(|id| date_tznames::long_name(id, dst)) {
        return name.to_string();
    }
    let offset = zone.offset_ms(t) / 60_000;
    let sign = if offset >= 0 { '+' } else { '-' };
    format!("GMT{sign}{:02}:{:02}", offset.abs() / 60, offset.abs() % 60)
}

/// ToDateString(tv) (§21.4.4.41.4).
fn to_date_string_value(tv: f64) -> String {
    if tv.is_nan() {
        return "Invalid Date".into();
    }
    let local = local_time(tv);
    format!("{} {}{}", date_string(local), time_string(local), time_zone_string(tv))
}

// ---------------------------------------------------------------------------
// The constructor and its functions (§21.4.2, §21.4.3)

/// GetPrototypeFromConstructor(newTarget, "%Date.prototype%").
fn date_prototype_from(vm: &mut Vm, new_target: Value) -> JsResult<Value> {
    if let Some(nt) = new_target.as_gc::<JsObject>() {
        let key = PropertyKey::String(vm.roots.names.prototype);
        let p = vm.get(nt, key, new_target)?;
        if p.as_gc::<JsObject>().is_some() {
            return Ok(p);
        }
    }
    let realm = super::array::get_function_realm(vm, new_target)?;
    Ok(realm.intrinsic_value(Intrinsic::DatePrototype))
}


/// Date ( ...values ) (§21.4.2.1).
fn date_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if new_target.is_undefined() {
        return vm.string_value(&to_date_string_value(now_value()));
    }
    let dv = match args.len() {
        0 => now_value(),
        1 => {
            let value = args.get(0);
            match value.as_gc::<JsObject>().and_then(|o| date_value(&o)) {
                Some(tv) => time_clip(tv),
                None => {
                    let v = vm.to_primitive(value, crate::conversions::Hint::Default)?;
                    if let Some(s) = v.as_gc::<JsString>() {
                        time_clip(parse_date(&s.to_units()))
                    } else {
                        time_clip(vm.to_number(v)?)
                    }
                }
            }
        }
        n => {
            let mut v = [f64::NAN, f64::NAN, 1.0, 0.0, 0.0, 0.0, 0.0];
            for (i, slot) in v.iter_mut().enumerate().take(n.min(7)) {
                *slot = vm.to_number(args.get(i))?;
            }
            let yr = make_full_year(v[0]);
            let final_date = make_date(make_day(yr, v[1], v[2]), make_time(v[3], v[4], v[5], v[6]));
            time_clip(utc(final_date))
        }
    };
    let proto = date_prototype_from(vm, new_target)?;
    let o = vm.new_object_with(proto, ObjectKind::Date(Cell::new(dv)))?;
    Ok(Value::from_gc(o))
}

/// Date.now ( ) (§21.4.3.1).
fn now(_vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::number(now_value()))
}

/// The time value of a date string, NaN when it is not one.
fn parse_date(units: &[u16]) -> f64 {
    let Some(p) = date_parse::parse(units) else { return f64::NAN };
    let day = make_day(f64::from(p.year), f64::from(p.month), f64::from(p.day));
    let time = make_time(f64::from(p.hour), f64::from(p.minute), f64::from(p.second), f64::from(p.millisecond));
    let date = make_date(day, time);
    let tv = match p.utc_offset {
        None => utc(date),
        Some(offset) => date - f64::from(offset) * 1000.0,
    };
    time_clip(tv)
}

/// Date.parse ( string ) (§21.4.3.2).
fn parse(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = vm.to_string(args.get(0))?;
    Ok(Value::number(parse_date(&s.to_units())))
}

/// Date.UTC ( year [ , month [ , date [ , hours [ , minutes [ , seconds [ , ms ] ] ] ] ] ] ) (§21.4.3.4).
fn utc_ctor(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let mut v = [f64::NAN, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0];
    v[0] = vm.to_number(args.get(0))?;
    for (i, slot) in v.iter_mut().enumerate().take(args.len().min(7)).skip(1) {
        *slot = vm.to_number(args.get(i))?;
    }
    let yr = make_full_year(v[0]);
    Ok(Value::number(time_clip(make_date(make_day(yr, v[1], v[2]), make_time(v[3], v[4], v[5], v[6])))))
}

// ---------------------------------------------------------------------------
// Date.prototype (§21.4.4)

fn date_value(o: &Gc<JsObject>) -> Option<f64> {
    match &o.kind {
        ObjectKind::Date(v) => Some(v.get()),
        _ => None,
    }
}

/// RequireInternalSlot(this, [[DateValue]]), with V8's messages: the
/// getters say "this is not a Date object.", the other methods (`method`)
/// name themselves and the receiver.
fn this_date(vm: &mut Vm, this: Value, method: Option<&str>) -> JsResult<Gc<JsObject>> {
    match this.as_gc::<JsObject>() {
        Some(o) if matches!(o.kind, ObjectKind::Date(_)) => Ok(o),
        _ => Err(match method {
            None => vm.type_error("this is not a Date object."),
            Some(m) => incompatible_receiver(vm, &format!("Date.prototype.{m}"), this),
        }),
    }
}

/// V8's "Method X called on incompatible receiver Y".
fn incompatible_receiver(vm: &mut Vm, method: &str, this: Value) -> crate::vm::Exception {
    let what = receiver_string(vm, this);
    vm.type_error(&format!("Method {method} called on incompatible receiver {what}"))
}

/// How V8 shows a receiver in that message (its NoSideEffectsToString):
/// primitives as strings, objects that inherit Object.prototype.toString
/// as `#<Constructor>`, other objects as `[object Tag]`. Properties are
/// read without running getters.
fn receiver_string(vm: &mut Vm, v: Value) -> String {
    let Some(o) = v.as_gc::<JsObject>() else { return vm.display_string(v).unwrap_or_default() };
    if o.is_callable() {
        return "function".into();
    }
    let tkey = vm.key("toString");
    let object_to_string = {
        let op = vm.intrinsic(Intrinsic::ObjectPrototype);
        data_property(vm, op, tkey)
    };
    let found = find_data_property(vm, o, tkey);
    if found.is_none() || found != object_to_string {
        let tag = if o.is_array() { "Array" } else { "Object" };
        return format!("[object {tag}]");
    }
    let ckey = PropertyKey::String(vm.roots.names.constructor);
    let nkey = PropertyKey::String(vm.roots.names.name);
    let name = find_data_property(vm, o, ckey)
        .and_then(|c| c.as_gc::<JsObject>())
        .and_then(|c| data_property(vm, c, nkey))
        .and_then(|n| n.as_gc::<JsString>())
        .filter(|n| !n.is_empty());
    match name {
        Some(n) => format!("#<{}>", n.to_rust_string()),
        None => "#<Object>".into(),
    }
}

/// The value of `obj`'s own data property `key`, if it has one.
fn data_property(vm: &mut Vm, obj: Gc<JsObject>, key: PropertyKey) -> Option<Value> {
    if obj.is_proxy() {
        return None;
    }
    object_ops::get_own_property(vm, obj, key).ok().flatten().and_then(|d| d.value)
}

/// The first property `key` along `obj`'s prototype chain, when it is a
/// data property.
fn find_data_property(vm: &mut Vm, obj: Gc<JsObject>, key: PropertyKey) -> Option<Value> {
    let mut cur = Some(obj);
    while let Some(o) = cur {
        // A proxy's traps are not run for an error message.
        if o.is_proxy() {
            return None;
        }
        if let Ok(Some(d)) = object_ops::get_own_property(vm, o, key) {
            return d.value;
        }
        cur = o.proto().as_gc::<JsObject>();
    }
    None
}

/// thisTimeValue(this) for the getters.
fn this_time_value(vm: &mut Vm, this: Value) -> JsResult<f64> {
    let o = this_date(vm, this, None)?;
    Ok(date_value(&o).unwrap_or(f64::NAN))
}

fn store(o: Gc<JsObject>, v: f64) -> Value {
    if let ObjectKind::Date(cell) = &o.kind {
        cell.set(v);
    }
    Value::number(v)
}

/// A getter: NaN for an invalid date, else `pick` of the (local) fields.
fn field_getter(vm: &mut Vm, this: Value, name: Option<&str>, local: bool, pick: fn(&Fields) -> i64) -> JsResult<Value> {
    let o = this_date(vm, this, name)?;
    let t = date_value(&o).unwrap_or(f64::NAN);
    if t.is_nan() {
        return Ok(Value::number(f64::NAN));
    }
    let t = if local { local_time(t) } else { t };
    Ok(Value::number(pick(&fields(t)) as f64))
}

macro_rules! getters {
    ($($name:ident, $local:expr, $pick:expr;)*) => {$(
        fn $name(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            field_getter(vm, this, None, $local, $pick)
        }
    )*};
}

getters! {
    get_date, true, |f| f.date;
    get_day, true, |f| f.week_day;
    get_full_year, true, |f| f.year;
    get_hours, true, |f| f.hour;
    get_milliseconds, true, |f| f.ms;
    get_minutes, true, |f| f.minute;
    get_month, true, |f| f.month;
    get_seconds, true, |f| f.second;
    get_utc_date, false, |f| f.date;
    get_utc_day, false, |f| f.week_day;
    get_utc_full_year, false, |f| f.year;
    get_utc_hours, false, |f| f.hour;
    get_utc_milliseconds, false, |f| f.ms;
    get_utc_minutes, false, |f| f.minute;
    get_utc_month, false, |f| f.month;
    get_utc_seconds, false, |f| f.second;
}

/// Date.prototype.getYear ( ) (Annex B.2.3.1).
fn get_year(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    field_getter(vm, this, Some("getYear"), true, |f| f.year - 1900)
}

/// Date.prototype.getTime ( ) and valueOf ( ).
fn get_time(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::number(this_time_value(vm, this)?))
}

/// Date.prototype.getTimezoneOffset ( ): whole minutes, truncated as V8
/// does for offsets with seconds (local mean time before 1900).
fn get_timezone_offset(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_time_value(vm, this)?;
    if t.is_nan() {
        return Ok(Value::number(f64::NAN));
    }
    Ok(Value::number(((t - local_time(t)) / MS_PER_MINUTE).trunc() + 0.0))
}

/// setHours / setMinutes / setSeconds / setMilliseconds and their UTC
/// forms: argument `i` sets time field `first + i` of (hour, minute,
/// second, ms). The first argument is always converted, the others when
/// present, all before the NaN check.
fn set_time_fields(vm: &mut Vm, this: Value, args: Args, name: &str, first: usize, local: bool) -> JsResult<Value> {
    let o = this_date(vm, this, Some(name))?;
    let t = date_value(&o).unwrap_or(f64::NAN);
    let mut given = [None; 4];
    for (i, slot) in given.iter_mut().enumerate().skip(first) {
        if i == first || i - first < args.len() {
            *slot = Some(vm.to_number(args.get(i - first))?);
        }
    }
    if t.is_nan() {
        return Ok(Value::number(f64::NAN));
    }
    let t = if local { local_time(t) } else { t };
    let f = fields(t);
    let current = [f.hour, f.minute, f.second, f.ms];
    let v: Vec<f64> = (0..4).map(|i| given[i].unwrap_or(current[i] as f64)).collect();
    let date = make_date(day(t), make_time(v[0], v[1], v[2], v[3]));
    Ok(store(o, time_clip(if local { utc(date) } else { date })))
}

/// setFullYear / setMonth / setDate and their UTC forms: argument `i` sets
/// field `first + i` of (year, month, date). An invalid date stays
/// invalid, except that setFullYear starts from +0.
fn set_date_fields(vm: &mut Vm, this: Value, args: Args, name: &str, first: usize, local: bool) -> JsResult<Value> {
    let o = this_date(vm, this, Some(name))?;
    let t = date_value(&o).unwrap_or(f64::NAN);
    let mut given = [None; 3];
    for (i, slot) in given.iter_mut().enumerate().skip(first) {
        if i == first || i - first < args.len() {
            *slot = Some(vm.to_number(args.get(i - first))?);
        }
    }
    let t = if t.is_nan() {
        if first != 0 {
            return Ok(Value::number(f64::NAN));
        }
        0.0
    } else if local {
        local_time(t)
    } else {
        t
    };
    let f = fields(t);
    let current = [f.year, f.month, f.date];
    let v: Vec<f64> = (0..3).map(|i| given[i].unwrap_or(current[i] as f64)).collect();
    let date = make_date(make_day(v[0], v[1], v[2]), time_within_day(t));
    Ok(store(o, time_clip(if local { utc(date) } else { date })))
}

macro_rules! setters {
    ($($name:ident, $js:literal, $f:ident, $first:expr, $local:expr;)*) => {$(
        fn $name(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
            $f(vm, this, args, $js, $first, $local)
        }
    )*};
}

setters! {
    set_full_year, "setFullYear", set_date_fields, 0, true;
    set_month, "setMonth", set_date_fields, 1, true;
    set_date, "setDate", set_date_fields, 2, true;
    set_hours, "setHours", set_time_fields, 0, true;
    set_minutes, "setMinutes", set_time_fields, 1, true;
    set_seconds, "setSeconds", set_time_fields, 2, true;
    set_milliseconds, "setMilliseconds", set_time_fields, 3, true;
    set_utc_full_year, "setUTCFullYear", set_date_fields, 0, false;
    set_utc_month, "setUTCMonth", set_date_fields, 1, false;
    set_utc_date, "setUTCDate", set_date_fields, 2, false;
    set_utc_hours, "setUTCHours", set_time_fields, 0, false;
    set_utc_minutes, "setUTCMinutes", set_time_fields, 1, false;
    set_utc_seconds, "setUTCSeconds", set_time_fields, 2, false;
    set_utc_milliseconds, "setUTCMilliseconds", set_time_fields, 3, false;
}

/// Date.prototype.setTime ( time ) (§21.4.4.27).
fn set_time(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_date(vm, this, Some("setTime"))?;
    let t = vm.to_number(args.get(0))?;
    Ok(store(o, time_clip(t)))
}

/// Date.prototype.setYear ( year ) (Annex B.2.3.2).
fn set_year(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_date(vm, this, Some("setYear"))?;
    let t = date_value(&o).unwrap_or(f64::NAN);
    let y = vm.to_number(args.get(0))?;
    let t = if t.is_nan() { 0.0 } else { local_time(t) };
    let f = fields(t);
    let d = make_day(make_full_year(y), f.month as f64, f.date as f64);
    Ok(store(o, time_clip(utc(make_date(d, time_within_day(t))))))
}

fn string_method(vm: &mut Vm, this: Value, name: &str, format: fn(f64) -> String) -> JsResult<Value> {
    let o = this_date(vm, this, Some(name))?;
    let tv = date_value(&o).unwrap_or(f64::NAN);
    if tv.is_nan() {
        return vm.string_value("Invalid Date");
    }
    vm.string_value(&format(tv))
}

fn date_and_time(tv: f64) -> String {
    to_date_string_value(tv)
}

fn date_only(tv: f64) -> String {
    date_string(local_time(tv))
}

fn time_only(tv: f64) -> String {
    format!("{}{}", time_string(local_time(tv)), time_zone_string(tv))
}

/// Date.prototype.toString ( ) (§21.4.4.41).
fn to_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    string_method(vm, this, "toString", date_and_time)
}

/// Date.prototype.toDateString ( ) (§21.4.4.35).
fn to_date_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    string_method(vm, this, "toDateString", date_only)
}

/// Date.prototype.toTimeString ( ) (§21.4.4.42).
fn to_time_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    string_method(vm, this, "toTimeString", time_only)
}

/// Date.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )
/// (§21.4.4.39): without Intl, toString's format.
fn to_locale_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    string_method(vm, this, "toLocaleString", date_and_time)
}

/// Date.prototype.toLocaleDateString (§21.4.4.38): toDateString's format.
fn to_locale_date_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    string_method(vm, this, "toLocaleDateString", date_only)
}

/// Date.prototype.toLocaleTimeString (§21.4.4.40): toTimeString's format.
fn to_locale_time_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    string_method(vm, this, "toLocaleTimeString", time_only)
}

/// Date.prototype.toUTCString ( ) (§21.4.4.43), also toGMTString.
fn to_utc_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    string_method(vm, this, "toUTCString", |tv| {
        let f = fields(tv);
        format!(
            "{}, {:02} {} {} {}",
            WEEK_DAYS[f.week_day as usize],
            f.date,
            MONTHS[f.month as usize],
            year_string(f.year),
            time_string(tv)
        )
    })
}

/// Date.prototype.toISOString ( ) (§21.4.4.36): `YYYY` for years 0–9999,
/// `±YYYYYY` otherwise.
fn to_iso_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_date(vm, this, Some("toISOString"))?;
    let tv = date_value(&o).unwrap_or(f64::NAN);
    if !tv.is_finite() {
        return Err(vm.range_error("Invalid time value"));
    }
    let f = fields(tv);
    let year = match f.year {
        0..=9999 => format!("{:04}", f.year),
        y if y < 0 => format!("-{:06}", -y),
        y => format!("+{y:06}"),
    };
    let s = format!(
        "{year}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        f.month + 1,
        f.date,
        f.hour,
        f.minute,
        f.second,
        f.ms
    );
    vm.string_value(&s)
}

/// Date.prototype.toJSON ( key ) (§21.4.4.37).
fn to_json(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    if this.is_nullish() {
        return Err(vm.type_error("Cannot convert undefined or null to object"));
    }
    let o = vm.to_object(this)?;
    let ov = Value::from_gc(o);
    let tv = vm.to_primitive(ov, crate::conversions::Hint::Number)?;
    if tv.as_number().is_some_and(|n| !n.is_finite()) {
        return Ok(Value::NULL);
    }
    let key = vm.key("toISOString");
    let f = vm.get(o, key, ov)?;
    if !vm.is_callable(f) {
        return Err(vm.type_error("toISOString is not a function"));
    }
    vm.call(f, ov, &[])
}

/// Date.prototype [ @@toPrimitive ] ( hint ) (§21.4.4.45).
fn to_primitive(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let Some(o) = this.as_gc::<JsObject>() else {
        return Err(incompatible_receiver(vm, "Date.prototype [ @@toPrimitive ]", this));
    };
    let hint = args.get(0);
    let h = hint.as_gc::<JsString>().map(|s| s.to_rust_string());
    let string_first = match h.as_deref() {
        Some("string" | "default") => true,
        Some("number") => false,
        _ => {
            let what = receiver_string(vm, hint);
            return Err(vm.type_error(&format!("Invalid hint: {what}")));
        }
    };
    // OrdinaryToPrimitive (§7.1.1.1).
    let order = if string_first { ["toString", "valueOf"] } else { ["valueOf", "toString"] };
    for name in order {
        let key = vm.key(name);
        let f = vm.get(o, key, this)?;
        if vm.is_callable(f) {
            let r = vm.call(f, this, &[])?;
            if r.as_gc::<JsObject>().is_none() {
                return Ok(r);
            }
        }
    }
    Err(vm.type_error("Cannot convert object to primitive value"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic() {
        assert_eq!(make_day(1970.0, 0.0, 1.0), 0.0);
        assert_eq!(make_day(2016.0, 12.0, 1.0) * MS_PER_DAY, 1483228800000.0);
        assert_eq!(make_day(2016.0, -1.0, 1.0), days_from_civil(2015, 12, 1) as f64);
        assert!(make_day(f64::INFINITY, 0.0, 1.0).is_nan());
        assert_eq!(time_clip(-0.5), 0.0);
        assert!(time_clip(MAX_TIME).is_finite() && time_clip(MAX_TIME + 1.0).is_nan());
        let f = fields(-1.0);
        assert_eq!((f.year, f.month, f.date, f.hour, f.minute, f.second, f.ms, f.week_day), (1969, 11, 31, 23, 59, 59, 999, 3));
    }

    #[test]
    fn equivalent_years() {
        // 1800 started on a Wednesday and was not a leap year; V8 picks 2031.
        let t = days_from_civil(1800, 7, 4) * 86_400_000 + 5;
        assert_eq!(equivalent_time(t), days_from_civil(2031, 7, 4) * 86_400_000 + 5);
    }
}
