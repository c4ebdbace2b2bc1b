//! Temporal.Instant (proposal-temporal §8): an exact time, nanoseconds
//! since the epoch as a BigInt, with ToTemporalInstant.

use std::cmp::Ordering;

use strata_gc::Gc;
use temporal_rs::options::UnitGroup;
use temporal_rs::Instant;

use super::fields;
use super::options::{self, get_options_object};
use super::{OrThrow, TemporalValue, create, create_from_new_target, this_instant};
use crate::bigint::BigInt;
use crate::conversions::Hint;
use crate::function::Args;
use crate::object::JsObject;
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Installs Temporal.Instant.
pub(super) fn init(vm: &mut Vm, ns: Gc<JsObject>) -> JsResult<()> {
    let (ctor, proto) = super::class(vm, ns, "Instant", 1, construct, Intrinsic::TemporalInstantPrototype)?;
    super::methods(
        vm,
        ctor,
        &[
            ("from", 1, from),
            ("fromEpochMilliseconds", 1, from_epoch_milliseconds),
            ("fromEpochNanoseconds", 1, from_epoch_nanoseconds),
            ("compare", 2, compare),
        ],
    )?;
    super::getters(vm, proto, &[("epochMilliseconds", epoch_milliseconds), ("epochNanoseconds", epoch_nanoseconds)])?;
    super::methods(
        vm,
        proto,
        &[
            ("add", 1, add),
            ("subtract", 1, subtract),
            ("until", 1, until),
            ("since", 1, since),
            ("round", 1, round),
            ("equals", 1, equals),
            ("toString", 0, to_string),
            ("toLocaleString", 0, to_locale_string),
            ("toJSON", 0, to_json),
            ("valueOf", 0, super::value_of),
            ("toZonedDateTimeISO", 1, to_zoned_date_time_iso),
        ],
    )?;
    let date_proto = vm.intrinsic(Intrinsic::DatePrototype);
    crate::builtins::method(vm, date_proto, "toTemporalInstant", 0, date_to_temporal_instant)?;
    Ok(())
}

/// Date.prototype.toTemporalInstant ( ): the Date's time value as an
/// Instant (RangeError for an invalid Date).
fn date_to_temporal_instant(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let t = match this.as_gc::<JsObject>().map(|o| match &o.kind {
        crate::object::ObjectKind::Date(t) => Some(t.get()),
        _ => None,
    }) {
        Some(Some(t)) => t,
        _ => {
            let what = vm.describe_value(this);
            return Err(vm.type_error(&format!("this is not a Date object: {what}")));
        }
    };
    if !t.is_finite() {
        return Err(vm.range_error("Invalid time value"));
    }
    let i = Instant::from_epoch_milliseconds(t as i64).or_throw(vm)?;
    create(vm, TemporalValue::Instant(i))
}

/// Epoch nanoseconds from a BigInt (RangeError outside the valid range).
pub(super) fn epoch_ns(vm: &mut Vm, n: &BigInt) -> JsResult<i128> {
    match i128::try_from(n) {
        Ok(x) => Ok(x),
        Err(_) => Err(vm.range_error("epochNanoseconds is outside the range of Temporal.Instant")),
    }
}

/// A BigInt value of epoch nanoseconds.
pub(super) fn epoch_ns_value(vm: &mut Vm, ns: i128) -> JsResult<Value> {
    vm.new_bigint(BigInt::from(ns))
}

/// new Temporal.Instant ( epochNanoseconds )
fn construct(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if new_target.is_undefined() {
        return Err(super::requires_new(vm, "Instant"));
    }
    let n = vm.to_bigint(args.get(0))?;
    let ns = epoch_ns(vm, &n)?;
    let i = Instant::try_new(ns).or_throw(vm)?;
    create_from_new_target(vm, TemporalValue::Instant(i), new_target)
}

/// ToTemporalInstant ( item ).
pub(super) fn to_instant(vm: &mut Vm, item: Value) -> JsResult<Instant> {
    let mut item = item;
    if item.as_gc::<JsObject>().is_some() {
        match super::temporal_of(item) {
            Some(TemporalValue::Instant(i)) => return Ok(i),
            Some(TemporalValue::ZonedDateTime(z)) => return Ok(z.to_instant()),
            _ => {}
        }
        item = vm.to_primitive(item, Hint::String)?;
    }
    let Some(s) = fields::as_rust_string(item) else {
        let what = vm.describe_value(item);
        return Err(vm.type_error(&format!("Cannot convert {what} to a Temporal.Instant")));
    };
    Instant::from_utf8(s.as_bytes()).or_throw(vm)
}

fn from(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let i = to_instant(vm, args.get(0))?;
    create(vm, TemporalValue::Instant(i))
}

fn from_epoch_milliseconds(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let n = vm.to_number(args.get(0))?;
    if !n.is_finite() || n.trunc() != n {
        return Err(vm.range_error("epochMilliseconds must be an integer"));
    }
    if n.abs() > 8.64e15 {
        return Err(vm.range_error("epochMilliseconds is outside the range of Temporal.Instant"));
    }
    let i = Instant::from_epoch_milliseconds(n as i64).or_throw(vm)?;
    create(vm, TemporalValue::Instant(i))
}

fn from_epoch_nanoseconds(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let n = vm.to_bigint(args.get(0))?;
    let ns = epoch_ns(vm, &n)?;
    let i = Instant::try_new(ns).or_throw(vm)?;
    create(vm, TemporalValue::Instant(i))
}

fn compare(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let one = to_instant(vm, args.get(0))?;
    let two = to_instant(vm, args.get(1))?;
    Ok(Value::int(match one.cmp(&two) {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    }))
}

fn epoch_milliseconds(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let i = this_instant(vm, this, "get Temporal.Instant.prototype.epochMilliseconds")?;
    Ok(Value::number(i.epoch_milliseconds() as f64))
}

fn epoch_nanoseconds(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let i = this_instant(vm, this, "get Temporal.Instant.prototype.epochNanoseconds")?;
    epoch_ns_value(vm, i.as_i128())
}

fn add(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let i = this_instant(vm, this, "Temporal.Instant.prototype.add")?;
    let d = super::duration::to_duration(vm, args.get(0))?;
    let r = i.add(&d).or_throw(vm)?;
    create(vm, TemporalValue::Instant(r))
}

fn subtract(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let i = this_instant(vm, this, "Temporal.Instant.prototype.subtract")?;
    let d = super::duration::to_duration(vm, args.get(0))?;
    let r = i.subtract(&d).or_throw(vm)?;
    create(vm, TemporalValue::Instant(r))
}

fn difference(vm: &mut Vm, this: Value, args: Args, since: bool) -> JsResult<Value> {
    let name = if since { "Temporal.Instant.prototype.since" } else { "Temporal.Instant.prototype.until" };
    let i = this_instant(vm, this, name)?;
    let other = to_instant(vm, args.get(0))?;
    let settings = options::difference_settings(vm, args.get(1), UnitGroup::Time, &[])?;
    let r = if since { i.since(&other, settings) } else { i.until(&other, settings) }.or_throw(vm)?;
    create(vm, TemporalValue::Duration(r))
}

fn until(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    difference(vm, this, args, false)
}

fn since(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    difference(vm, this, args, true)
}

fn round(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let i = this_instant(vm, this, "Temporal.Instant.prototype.round")?;
    let o = options::round_options(vm, args.get(0), UnitGroup::Time, false)?;
    let r = i.round(o).or_throw(vm)?;
    create(vm, TemporalValue::Instant(r))
}

fn equals(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let i = this_instant(vm, this, "Temporal.Instant.prototype.equals")?;
    let other = to_instant(vm, args.get(0))?;
    Ok(Value::bool(i == other))
}

/// toString ( [ options ] ): fractionalSecondDigits, roundingMode,
/// smallestUnit, timeZone.
fn to_string(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let i = this_instant(vm, this, "Temporal.Instant.prototype.toString")?;
    let o = get_options_object(vm, args.get(0))?;
    let reads = options::read_precision_and_mode(vm, o)?;
    let smallest = options::get_unit(vm, o, "smallestUnit")?;
    let tz_value = match o {
        Some(o) => {
            let k = vm.key("timeZone");
            vm.get(o, k, Value::from_gc(o))?
        }
        None => Value::UNDEFINED,
    };
    let opts = options::to_string_rounding(vm, reads, smallest)?;
    let tz = if tz_value.is_undefined() { None } else { Some(fields::to_time_zone(vm, tz_value)?) };
    let s = i.to_ixdtf_string(tz, opts).or_throw(vm)?;
    vm.string_value(&s)
}

fn to_locale_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let i = this_instant(vm, this, "Temporal.Instant.prototype.toLocaleString")?;
    let s = i.to_ixdtf_string(None, Default::default()).or_throw(vm)?;
    vm.string_value(&s)
}

fn to_json(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let i = this_instant(vm, this, "Temporal.Instant.prototype.toJSON")?;
    let s = i.to_ixdtf_string(None, Default::default()).or_throw(vm)?;
    vm.string_value(&s)
}

fn to_zoned_date_time_iso(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let i = this_instant(vm, this, "Temporal.Instant.prototype.toZonedDateTimeISO")?;
    let tz = fields::to_time_zone(vm, args.get(0))?;
    let z = i.to_zoned_date_time_iso(tz).or_throw(vm)?;
    create(vm, TemporalValue::ZonedDateTime(z))
}
