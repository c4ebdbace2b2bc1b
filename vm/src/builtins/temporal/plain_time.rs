//! Temporal.PlainTime (proposal-temporal §4): a wall-clock time, with
//! ToTemporalTime and ToTemporalTimeRecord.

use strata_gc::Gc;
use temporal_rs::PlainTime;
use temporal_rs::options::UnitGroup;

use super::fields::{self, TIME};
use super::options::{self, overflow_from};
use super::{OrThrow, TemporalValue, create, create_from_new_target, this_plain_time};
use crate::function::Args;
use crate::object::JsObject;
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Installs Temporal.PlainTime.
pub(super) fn init(vm: &mut Vm, ns: Gc<JsObject>) -> JsResult<()> {
    let (ctor, proto) = super::class(vm, ns, "PlainTime", 0, construct, Intrinsic::TemporalPlainTimePrototype)?;
    super::methods(vm, ctor, &[("from", 1, from), ("compare", 2, compare)])?;
    super::getters(
        vm,
        proto,
        &[
            ("hour", hour),
            ("minute", minute),
            ("second", second),
            ("millisecond", millisecond),
            ("microsecond", microsecond),
            ("nanosecond", nanosecond),
        ],
    )?;
    super::methods(
        vm,
        proto,
        &[
            ("add", 1, add),
            ("subtract", 1, subtract),
            ("with", 1, with),
            ("until", 1, until),
            ("since", 1, since),
            ("round", 1, round),
            ("equals", 1, equals),
            ("toString", 0, to_string),
            ("toLocaleString", 0, to_locale_string),
            ("toJSON", 0, to_json),
            ("valueOf", 0, super::value_of),
        ],
    )
}

/// Time arguments of a constructor (undefined is 0), validated as an ISO
/// time: [hour, minute, second, ms, µs, ns].
pub(super) fn time_args(vm: &mut Vm, args: &Args, first: usize) -> JsResult<[f64; 6]> {
    let mut t = [0f64; 6];
    for (i, slot) in t.iter_mut().enumerate() {
        let v = args.get(first + i);
        if !v.is_undefined() {
            *slot = fields::to_integer_with_truncation(vm, v)?;
        }
    }
    Ok(t)
}

/// An ISO time from six integral numbers (RangeError when invalid).
pub(super) fn time_from_numbers(vm: &mut Vm, t: [f64; 6]) -> JsResult<PlainTime> {
    let max = [23.0, 59.0, 59.0, 999.0, 999.0, 999.0];
    if t.iter().zip(max).any(|(&x, m)| !(0.0..=m).contains(&x)) {
        return Err(vm.range_error("Invalid time"));
    }
    PlainTime::try_new(t[0] as u8, t[1] as u8, t[2] as u8, t[3] as u16, t[4] as u16, t[5] as u16).or_throw(vm)
}

/// new Temporal.PlainTime ( [ hour [ , minute [ , second [ , millisecond
/// [ , microsecond [ , nanosecond ] ] ] ] ] ] )
fn construct(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if new_target.is_undefined() {
        return Err(super::requires_new(vm, "PlainTime"));
    }
    let t = time_args(vm, &args, 0)?;
    let time = time_from_numbers(vm, t)?;
    create_from_new_target(vm, TemporalValue::PlainTime(time), new_target)
}

/// ToTemporalTime ( item [ , options ] ).
pub(super) fn to_plain_time(vm: &mut Vm, item: Value, options: Value) -> JsResult<PlainTime> {
    if let Some(o) = item.as_gc::<JsObject>() {
        match super::temporal_of(item) {
            Some(TemporalValue::PlainTime(t)) => {
                overflow_from(vm, options)?;
                return Ok(t);
            }
            Some(TemporalValue::PlainDateTime(d)) => {
                overflow_from(vm, options)?;
                return Ok(d.to_plain_time());
            }
            Some(TemporalValue::ZonedDateTime(z)) => {
                overflow_from(vm, options)?;
                return Ok(z.to_plain_time());
            }
            _ => {}
        }
        let f = fields::read_fields(vm, o, TIME, &Default::default())?;
        if !f.has_time() {
            return Err(vm.type_error("A time-like object needs at least one time property"));
        }
        let overflow = overflow_from(vm, options)?;
        let partial = f.partial_time(vm, overflow)?;
        return PlainTime::default().with(complete(partial), Some(overflow)).or_throw(vm);
    }
    let Some(s) = fields::as_rust_string(item) else {
        let what = vm.describe_value(item);
        return Err(vm.type_error(&format!("Cannot convert {what} to a Temporal.PlainTime")));
    };
    let t = PlainTime::from_utf8(s.as_bytes()).or_throw(vm)?;
    overflow_from(vm, options)?;
    Ok(t)
}

/// A time record with absent fields as 0 (ToTemporalTimeRecord, complete).
fn complete(mut p: temporal_rs::partial::PartialTime) -> temporal_rs::partial::PartialTime {
    p.hour.get_or_insert(0);
    p.minute.get_or_insert(0);
    p.second.get_or_insert(0);
    p.millisecond.get_or_insert(0);
    p.microsecond.get_or_insert(0);
    p.nanosecond.get_or_insert(0);
    p
}

fn from(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let t = to_plain_time(vm, args.get(0), args.get(1))?;
    create(vm, TemporalValue::PlainTime(t))
}

fn compare(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let one = to_plain_time(vm, args.get(0), Value::UNDEFINED)?;
    let two = to_plain_time(vm, args.get(1), Value::UNDEFINED)?;
    Ok(Value::int(one.cmp(&two) as i32))
}

macro_rules! time_getters {
    ($this:ident, $class:literal) => {
        fn hour(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let t = $this(vm, this, concat!("get Temporal.", $class, ".prototype.hour"))?;
            Ok(Value::int(t.hour() as i32))
        }
        fn minute(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let t = $this(vm, this, concat!("get Temporal.", $class, ".prototype.minute"))?;
            Ok(Value::int(t.minute() as i32))
        }
        fn second(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let t = $this(vm, this, concat!("get Temporal.", $class, ".prototype.second"))?;
            Ok(Value::int(t.second() as i32))
        }
        fn millisecond(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let t = $this(vm, this, concat!("get Temporal.", $class, ".prototype.millisecond"))?;
            Ok(Value::int(t.millisecond() as i32))
        }
        fn microsecond(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let t = $this(vm, this, concat!("get Temporal.", $class, ".prototype.microsecond"))?;
            Ok(Value::int(t.microsecond() as i32))
        }
        fn nanosecond(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let t = $this(vm, this, concat!("get Temporal.", $class, ".prototype.nanosecond"))?;
            Ok(Value::int(t.nanosecond() as i32))
        }
    };
}
pub(super) use time_getters;

time_getters!(this_plain_time, "PlainTime");

fn add(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_plain_time(vm, this, "Temporal.PlainTime.prototype.add")?;
    let d = super::duration::to_duration(vm, args.get(0))?;
    let r = t.add(&d).or_throw(vm)?;
    create(vm, TemporalValue::PlainTime(r))
}

fn subtract(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_plain_time(vm, this, "Temporal.PlainTime.prototype.subtract")?;
    let d = super::duration::to_duration(vm, args.get(0))?;
    let r = t.subtract(&d).or_throw(vm)?;
    create(vm, TemporalValue::PlainTime(r))
}

fn with(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_plain_time(vm, this, "Temporal.PlainTime.prototype.with")?;
    let o = fields::partial_temporal_object(vm, args.get(0))?;
    let f = fields::read_fields(vm, o, TIME, &Default::default())?;
    if !f.has_time() {
        return Err(vm.type_error("A time-like object needs at least one time property"));
    }
    let overflow = overflow_from(vm, args.get(1))?;
    let p = f.partial_time(vm, overflow)?;
    let r = t.with(p, Some(overflow)).or_throw(vm)?;
    create(vm, TemporalValue::PlainTime(r))
}

fn difference(vm: &mut Vm, this: Value, args: Args, since: bool) -> JsResult<Value> {
    let name = if since { "Temporal.PlainTime.prototype.since" } else { "Temporal.PlainTime.prototype.until" };
    let t = this_plain_time(vm, this, name)?;
    let other = to_plain_time(vm, args.get(0), Value::UNDEFINED)?;
    let settings = options::difference_settings(vm, args.get(1), UnitGroup::Time, &[])?;
    let r = if since { t.since(&other, settings) } else { t.until(&other, settings) }.or_throw(vm)?;
    create(vm, TemporalValue::Duration(r))
}

fn until(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    difference(vm, this, args, false)
}

fn since(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    difference(vm, this, args, true)
}

fn round(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_plain_time(vm, this, "Temporal.PlainTime.prototype.round")?;
    let o = options::round_options(vm, args.get(0), UnitGroup::Time, false)?;
    let r = t.round(o).or_throw(vm)?;
    create(vm, TemporalValue::PlainTime(r))
}

fn equals(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_plain_time(vm, this, "Temporal.PlainTime.prototype.equals")?;
    let other = to_plain_time(vm, args.get(0), Value::UNDEFINED)?;
    Ok(Value::bool(t == other))
}

fn to_string(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_plain_time(vm, this, "Temporal.PlainTime.prototype.toString")?;
    let o = options::to_string_options(vm, args.get(0))?;
    let s = t.to_ixdtf_string(o).or_throw(vm)?;
    vm.string_value(&s)
}

fn to_locale_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_plain_time(vm, this, "Temporal.PlainTime.prototype.toLocaleString")?;
    let s = t.to_ixdtf_string(Default::default()).or_throw(vm)?;
    vm.string_value(&s)
}

fn to_json(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_plain_time(vm, this, "Temporal.PlainTime.prototype.toJSON")?;
    let s = t.to_ixdtf_string(Default::default()).or_throw(vm)?;
    vm.string_value(&s)
}
