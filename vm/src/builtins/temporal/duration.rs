//! Temporal.Duration (proposal-temporal §7): the constructor, `from`,
//! `compare`, the field getters and the prototype methods, with
//! ToTemporalDuration, ToTemporalPartialDurationRecord and
//! GetTemporalRelativeToOption.

use std::cmp::Ordering;

use strata_gc::Gc;
use temporal_rs::options::{OffsetDisambiguation, Overflow, RelativeTo, RoundingOptions, Unit, UnitGroup};
use temporal_rs::partial::{PartialDuration, PartialZonedDateTime};
use temporal_rs::{Duration, PlainDate, Sign, ZonedDateTime};

use super::fields::{self, DATE, ERA, OFFSET, TIME, TIME_ZONE};
use super::options::{self, get_options_object};
use super::{OrThrow, TemporalValue, create, create_from_new_target, this_duration};
use crate::function::Args;
use crate::object::JsObject;
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Installs Temporal.Duration.
pub(super) fn init(vm: &mut Vm, ns: Gc<JsObject>) -> JsResult<()> {
    let (ctor, proto) = super::class(vm, ns, "Duration", 0, construct, Intrinsic::TemporalDurationPrototype)?;
    super::methods(vm, ctor, &[("from", 1, from), ("compare", 2, compare)])?;
    super::getters(
        vm,
        proto,
        &[
            ("years", years),
            ("months", months),
            ("weeks", weeks),
            ("days", days),
            ("hours", hours),
            ("minutes", minutes),
            ("seconds", seconds),
            ("milliseconds", milliseconds),
            ("microseconds", microseconds),
            ("nanoseconds", nanoseconds),
            ("sign", sign),
            ("blank", blank),
        ],
    )?;
    super::methods(
        vm,
        proto,
        &[
            ("with", 1, with),
            ("negated", 0, negated),
            ("abs", 0, abs),
            ("add", 1, add),
            ("subtract", 1, subtract),
            ("round", 1, round),
            ("total", 1, total),
            ("toString", 0, to_string),
            ("toJSON", 0, to_json),
            ("toLocaleString", 0, to_locale_string),
            ("valueOf", 0, super::value_of),
        ],
    )
}

/// A duration field as an i64 (RangeError past any valid duration).
fn to_i64(vm: &mut Vm, x: f64) -> JsResult<i64> {
    // 2^63: every larger field makes an invalid duration.
    if x.abs() >= 9_223_372_036_854_775_808.0 {
        return Err(vm.range_error("Duration field out of range"));
    }
    Ok(x as i64)
}

/// A sub-second duration field as an i128.
fn to_i128(vm: &mut Vm, x: f64) -> JsResult<i128> {
    if x.abs() >= 1.0e38 {
        return Err(vm.range_error("Duration field out of range"));
    }
    Ok(x as i128)
}

/// new Temporal.Duration ( [ years [ , months [ , weeks [ , days [ , hours
/// [ , minutes [ , seconds [ , milliseconds [ , microseconds [ ,
/// nanoseconds ] ] ] ] ] ] ] ] ] ] )
fn construct(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if new_target.is_undefined() {
        return Err(super::requires_new(vm, "Duration"));
    }
    let mut f = [0f64; 10];
    for (i, slot) in f.iter_mut().enumerate() {
        let v = args.get(i);
        if !v.is_undefined() {
            *slot = fields::to_integer_if_integral(vm, v)?;
        }
    }
    let mut ints = [0i64; 8];
    for i in 0..8 {
        ints[i] = to_i64(vm, f[i])?;
    }
    let (us, ns) = (to_i128(vm, f[8])?, to_i128(vm, f[9])?);
    let d = Duration::new(ints[0], ints[1], ints[2], ints[3], ints[4], ints[5], ints[6], ints[7], us, ns).or_throw(vm)?;
    create_from_new_target(vm, TemporalValue::Duration(d), new_target)
}

/// ToTemporalPartialDurationRecord ( temporalDurationLike ): the ten
/// fields in alphabetical order, each ToIntegerIfIntegral; TypeError when
/// none is present.
fn to_partial_duration(vm: &mut Vm, v: Value) -> JsResult<PartialDuration> {
    let Some(o) = v.as_gc::<JsObject>() else {
        return Err(vm.type_error("A duration-like argument must be an object"));
    };
    let read = |vm: &mut Vm, name: &str| -> JsResult<Option<f64>> {
        let k = vm.key(name);
        let x = vm.get(o, k, v)?;
        if x.is_undefined() { Ok(None) } else { fields::to_integer_if_integral(vm, x).map(Some) }
    };
    let days = read(vm, "days")?;
    let hours = read(vm, "hours")?;
    let microseconds = read(vm, "microseconds")?;
    let milliseconds = read(vm, "milliseconds")?;
    let minutes = read(vm, "minutes")?;
    let months = read(vm, "months")?;
    let nanoseconds = read(vm, "nanoseconds")?;
    let seconds = read(vm, "seconds")?;
    let weeks = read(vm, "weeks")?;
    let years = read(vm, "years")?;
    let mut p = PartialDuration::empty();
    macro_rules! set {
        ($field:ident, $conv:ident) => {
            if let Some(x) = $field {
                p.$field = Some($conv(vm, x)?);
            }
        };
    }
    set!(years, to_i64);
    set!(months, to_i64);
    set!(weeks, to_i64);
    set!(days, to_i64);
    set!(hours, to_i64);
    set!(minutes, to_i64);
    set!(seconds, to_i64);
    set!(milliseconds, to_i64);
    set!(microseconds, to_i128);
    set!(nanoseconds, to_i128);
    if p.is_empty() {
        return Err(vm.type_error("A duration-like object must have at least one duration property"));
    }
    Ok(p)
}

/// ToTemporalDuration ( item ).
pub(super) fn to_duration(vm: &mut Vm, item: Value) -> JsResult<Duration> {
    if let Some(d) = super::as_duration(item) {
        return Ok(d);
    }
    if item.as_gc::<JsObject>().is_none() {
        let Some(s) = fields::as_rust_string(item) else {
            let what = vm.describe_value(item);
            return Err(vm.type_error(&format!("Cannot convert {what} to a Temporal.Duration")));
        };
        return Duration::from_utf8(s.as_bytes()).or_throw(vm);
    }
    let p = to_partial_duration(vm, item)?;
    Duration::from_partial_duration(p).or_throw(vm)
}

/// GetTemporalRelativeToOption ( options ).
pub(super) fn relative_to_option(vm: &mut Vm, options: Option<Gc<JsObject>>) -> JsResult<Option<RelativeTo>> {
    let Some(o) = options else { return Ok(None) };
    let k = vm.key("relativeTo");
    let value = vm.get(o, k, Value::from_gc(o))?;
    if value.is_undefined() {
        return Ok(None);
    }
    if let Some(item) = value.as_gc::<JsObject>() {
        match super::temporal_of(value) {
            Some(TemporalValue::ZonedDateTime(z)) => return Ok(Some(RelativeTo::ZonedDateTime(z))),
            Some(TemporalValue::PlainDate(d)) => return Ok(Some(RelativeTo::PlainDate(d))),
            Some(TemporalValue::PlainDateTime(d)) => return Ok(Some(RelativeTo::PlainDate(d.to_plain_date()))),
            _ => {}
        }
        let calendar = fields::calendar_with_iso_default(vm, item)?;
        let f = fields::read_fields(vm, item, DATE | ERA | TIME | OFFSET | TIME_ZONE, &calendar)?;
        let calendar_fields = f.calendar_fields(vm)?;
        let time = f.partial_time(vm, Overflow::Constrain)?;
        let Some(tz) = f.time_zone else {
            let mut partial = temporal_rs::partial::PartialDate::new();
            partial.calendar_fields = calendar_fields;
            partial.calendar = calendar;
            let date = PlainDate::from_partial(partial, Some(Overflow::Constrain)).or_throw(vm)?;
            return Ok(Some(RelativeTo::PlainDate(date)));
        };
        let mut partial = PartialZonedDateTime::new();
        partial.fields.calendar_fields = calendar_fields;
        partial.fields.time = time;
        partial.fields.offset = f.offset;
        partial.timezone = Some(tz);
        partial.calendar = calendar;
        let z = ZonedDateTime::from_partial(partial, Some(Overflow::Constrain), None, Some(OffsetDisambiguation::Reject))
            .or_throw(vm)?;
        return Ok(Some(RelativeTo::ZonedDateTime(z)));
    }
    let Some(s) = fields::as_rust_string(value) else {
        let what = vm.describe_value(value);
        return Err(vm.type_error(&format!("relativeTo must be an object or a string, got {what}")));
    };
    RelativeTo::try_from_str(&s).map(Some).or_throw(vm)
}

fn from(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = to_duration(vm, args.get(0))?;
    create(vm, TemporalValue::Duration(d))
}

fn ordering_value(o: Ordering) -> Value {
    Value::int(match o {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    })
}

/// Temporal.Duration.compare ( one, two [ , options ] )
fn compare(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let one = to_duration(vm, args.get(0))?;
    let two = to_duration(vm, args.get(1))?;
    let options = get_options_object(vm, args.get(2))?;
    let relative_to = relative_to_option(vm, options)?;
    let o = one.compare(&two, relative_to).or_throw(vm)?;
    Ok(ordering_value(o))
}

macro_rules! field_getter {
    ($($name:ident),*) => {$(
        fn $name(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = this_duration(vm, this, concat!("get Temporal.Duration.prototype.", stringify!($name)))?;
            Ok(Value::number(d.$name() as f64))
        }
    )*};
}

field_getter!(years, months, weeks, days, hours, minutes, seconds, milliseconds, microseconds, nanoseconds);

fn sign(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_duration(vm, this, "get Temporal.Duration.prototype.sign")?;
    Ok(Value::int(match d.sign() {
        Sign::Positive => 1,
        Sign::Zero => 0,
        Sign::Negative => -1,
    }))
}

fn blank(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_duration(vm, this, "get Temporal.Duration.prototype.blank")?;
    Ok(Value::bool(d.is_zero()))
}

/// Temporal.Duration.prototype.with ( temporalDurationLike )
fn with(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_duration(vm, this, "Temporal.Duration.prototype.with")?;
    let p = to_partial_duration(vm, args.get(0))?;
    let r = Duration::new(
        p.years.unwrap_or(d.years()),
        p.months.unwrap_or(d.months()),
        p.weeks.unwrap_or(d.weeks()),
        p.days.unwrap_or(d.days()),
        p.hours.unwrap_or(d.hours()),
        p.minutes.unwrap_or(d.minutes()),
        p.seconds.unwrap_or(d.seconds()),
        p.milliseconds.unwrap_or(d.milliseconds()),
        p.microseconds.unwrap_or(d.microseconds()),
        p.nanoseconds.unwrap_or(d.nanoseconds()),
    )
    .or_throw(vm)?;
    create(vm, TemporalValue::Duration(r))
}

fn negated(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_duration(vm, this, "Temporal.Duration.prototype.negated")?;
    create(vm, TemporalValue::Duration(d.negated()))
}

fn abs(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_duration(vm, this, "Temporal.Duration.prototype.abs")?;
    create(vm, TemporalValue::Duration(d.abs()))
}

fn add(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_duration(vm, this, "Temporal.Duration.prototype.add")?;
    let other = to_duration(vm, args.get(0))?;
    let r = d.add(&other).or_throw(vm)?;
    create(vm, TemporalValue::Duration(r))
}

fn subtract(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_duration(vm, this, "Temporal.Duration.prototype.subtract")?;
    let other = to_duration(vm, args.get(0))?;
    let r = d.subtract(&other).or_throw(vm)?;
    create(vm, TemporalValue::Duration(r))
}

/// Temporal.Duration.prototype.round ( roundTo ): reads largestUnit,
/// relativeTo, roundingIncrement, roundingMode, smallestUnit.
fn round(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_duration(vm, this, "Temporal.Duration.prototype.round")?;
    let round_to = args.get(0);
    if round_to.is_undefined() {
        return Err(vm.type_error("Temporal.Duration.prototype.round requires an options argument"));
    }
    let (largest, relative_to, increment, mode, smallest) = if let Some(s) = fields::as_rust_string(round_to) {
        let u = parse_unit(vm, &s, "smallestUnit")?;
        (None, None, None, None, Some(u))
    } else {
        let o = get_options_object(vm, round_to)?;
        let largest = options::get_unit(vm, o, "largestUnit")?;
        let relative_to = relative_to_option(vm, o)?;
        let increment = options::get_rounding_increment(vm, o)?;
        let mode = options::get_rounding_mode(vm, o)?;
        let smallest = options::get_unit(vm, o, "smallestUnit")?;
        (largest, relative_to, increment, mode, smallest)
    };
    options::validate_unit(vm, smallest, UnitGroup::DateTime, &[])?;
    options::validate_unit(vm, largest, UnitGroup::DateTime, &[Unit::Auto])?;
    if smallest.is_none() && largest.is_none() {
        return Err(vm.range_error("at least one of smallestUnit or largestUnit is required"));
    }
    let mut r = RoundingOptions::default();
    r.largest_unit = largest;
    r.smallest_unit = smallest;
    r.rounding_mode = mode;
    r.increment = increment;
    let result = d.round(r, relative_to).or_throw(vm)?;
    create(vm, TemporalValue::Duration(result))
}

fn parse_unit(vm: &mut Vm, s: &str, option: &str) -> JsResult<Unit> {
    match s.parse::<Unit>() {
        Ok(u) => Ok(u),
        Err(_) => Err(vm.range_error(&format!("{s} is not a valid value for option {option}"))),
    }
}

/// Temporal.Duration.prototype.total ( totalOf ): reads relativeTo, unit.
fn total(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_duration(vm, this, "Temporal.Duration.prototype.total")?;
    let total_of = args.get(0);
    if total_of.is_undefined() {
        return Err(vm.type_error("Temporal.Duration.prototype.total requires an options argument"));
    }
    let (relative_to, unit) = if let Some(s) = fields::as_rust_string(total_of) {
        (None, Some(parse_unit(vm, &s, "unit")?))
    } else {
        let o = get_options_object(vm, total_of)?;
        let relative_to = relative_to_option(vm, o)?;
        let unit = options::get_unit(vm, o, "unit")?;
        (relative_to, unit)
    };
    options::validate_unit(vm, unit, UnitGroup::DateTime, &[])?;
    let Some(unit) = unit else {
        return Err(vm.range_error("unit is required"));
    };
    let t = d.total(unit, relative_to).or_throw(vm)?;
    Ok(Value::number(t.as_inner()))
}

/// Temporal.Duration.prototype.toString ( [ options ] ): reads
/// fractionalSecondDigits, roundingMode, smallestUnit.
fn to_string(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_duration(vm, this, "Temporal.Duration.prototype.toString")?;
    let o = get_options_object(vm, args.get(0))?;
    let reads = options::read_precision_and_mode(vm, o)?;
    let smallest = options::get_unit(vm, o, "smallestUnit")?;
    options::validate_unit(vm, smallest, UnitGroup::Time, &[])?;
    if matches!(smallest, Some(Unit::Hour | Unit::Minute)) {
        return Err(vm.range_error("smallestUnit must not be 'hour' or 'minute' in Duration.prototype.toString"));
    }
    let opts = temporal_rs::options::ToStringRoundingOptions {
        precision: reads.precision,
        smallest_unit: smallest,
        rounding_mode: reads.rounding_mode,
    };
    let s = d.as_temporal_string(opts).or_throw(vm)?;
    vm.string_value(&s)
}

fn to_json(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_duration(vm, this, "Temporal.Duration.prototype.toJSON")?;
    let s = d.as_temporal_string(Default::default()).or_throw(vm)?;
    vm.string_value(&s)
}

fn to_locale_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_duration(vm, this, "Temporal.Duration.prototype.toLocaleString")?;
    let s = d.as_temporal_string(Default::default()).or_throw(vm)?;
    vm.string_value(&s)
}
