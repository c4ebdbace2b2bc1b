//! Temporal.PlainDateTime (proposal-temporal §5): a calendar date and a
//! wall-clock time, with ToTemporalDateTime.

use strata_gc::Gc;
use temporal_rs::options::UnitGroup;
use temporal_rs::partial::PartialDateTime;
use temporal_rs::{PlainDateTime, PlainTime};

use super::fields::{self, DATE, ERA, TIME};
use super::options::{self, get_options_object, overflow_from};
use super::plain_date::{clamp_u8, clamp_year, constructor_calendar, date_getters};
use super::plain_time::{time_args, time_getters};
use super::{OrThrow, TemporalValue, create, create_from_new_target, this_plain_date_time};
use crate::function::Args;
use crate::object::JsObject;
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Installs Temporal.PlainDateTime.
pub(super) fn init(vm: &mut Vm, ns: Gc<JsObject>) -> JsResult<()> {
    let (ctor, proto) = super::class(vm, ns, "PlainDateTime", 3, construct, Intrinsic::TemporalPlainDateTimePrototype)?;
    super::methods(vm, ctor, &[("from", 1, from), ("compare", 2, compare)])?;
    super::getters(
        vm,
        proto,
        &[
            ("calendarId", calendar_id),
            ("era", era),
            ("eraYear", era_year),
            ("year", year),
            ("month", month),
            ("monthCode", month_code),
            ("day", day),
            ("hour", hour),
            ("minute", minute),
            ("second", second),
            ("millisecond", millisecond),
            ("microsecond", microsecond),
            ("nanosecond", nanosecond),
            ("dayOfWeek", day_of_week),
            ("dayOfYear", day_of_year),
            ("weekOfYear", week_of_year),
            ("yearOfWeek", year_of_week),
            ("daysInWeek", days_in_week),
            ("daysInMonth", days_in_month),
            ("daysInYear", days_in_year),
            ("monthsInYear", months_in_year),
            ("inLeapYear", in_leap_year),
        ],
    )?;
    super::methods(
        vm,
        proto,
        &[
            ("with", 1, with),
            ("withPlainTime", 0, with_plain_time),
            ("withCalendar", 1, with_calendar),
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
            ("toZonedDateTime", 1, to_zoned_date_time),
            ("toPlainDate", 0, to_plain_date),
            ("toPlainTime", 0, to_plain_time),
        ],
    )
}

/// new Temporal.PlainDateTime ( isoYear, isoMonth, isoDay [ , hour [ ,
/// minute [ , second [ , millisecond [ , microsecond [ , nanosecond [ ,
/// calendar ] ] ] ] ] ] ] )
fn construct(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if new_target.is_undefined() {
        return Err(super::requires_new(vm, "PlainDateTime"));
    }
    let y = fields::to_integer_with_truncation(vm, args.get(0))?;
    let m = fields::to_integer_with_truncation(vm, args.get(1))?;
    let d = fields::to_integer_with_truncation(vm, args.get(2))?;
    let t = time_args(vm, &args, 3)?;
    let calendar = constructor_calendar(vm, args.get(9))?;
    if m < 1.0 || d < 1.0 {
        return Err(vm.range_error("Invalid ISO date"));
    }
    let time = super::plain_time::time_from_numbers(vm, t)?;
    let dt = PlainDateTime::try_new(
        clamp_year(y),
        clamp_u8(m),
        clamp_u8(d),
        time.hour(),
        time.minute(),
        time.second(),
        time.millisecond(),
        time.microsecond(),
        time.nanosecond(),
        calendar,
    )
    .or_throw(vm)?;
    create_from_new_target(vm, TemporalValue::PlainDateTime(dt), new_target)
}

/// ToTemporalDateTime ( item [ , options ] ).
pub(super) fn to_plain_date_time_value(vm: &mut Vm, item: Value, options: Value) -> JsResult<PlainDateTime> {
    if let Some(o) = item.as_gc::<JsObject>() {
        match super::temporal_of(item) {
            Some(TemporalValue::PlainDateTime(d)) => {
                overflow_from(vm, options)?;
                return Ok(d);
            }
            Some(TemporalValue::ZonedDateTime(z)) => {
                overflow_from(vm, options)?;
                return Ok(z.to_plain_date_time());
            }
            Some(TemporalValue::PlainDate(d)) => {
                overflow_from(vm, options)?;
                return d.to_plain_date_time(None).or_throw(vm);
            }
            _ => {}
        }
        let calendar = fields::calendar_with_iso_default(vm, o)?;
        let f = fields::read_fields(vm, o, DATE | ERA | TIME, &calendar)?;
        let overflow = overflow_from(vm, options)?;
        let cf = f.calendar_fields(vm)?;
        let has_year = cf.year.is_some() || (cf.era.is_some() && cf.era_year.is_some());
        if !has_year || cf.day.is_none() || (cf.month.is_none() && cf.month_code.is_none()) {
            return Err(vm.type_error("A date-time needs year, month or monthCode, and day"));
        }
        let time = f.partial_time(vm, overflow)?;
        let mut partial = PartialDateTime::default();
        partial.fields.calendar_fields = cf;
        partial.fields.time = time;
        partial.calendar = calendar;
        return PlainDateTime::from_partial(partial, Some(overflow)).or_throw(vm);
    }
    let Some(s) = fields::as_rust_string(item) else {
        let what = vm.describe_value(item);
        return Err(vm.type_error(&format!("Cannot convert {what} to a Temporal.PlainDateTime")));
    };
    let d = PlainDateTime::from_utf8(s.as_bytes()).or_throw(vm)?;
    overflow_from(vm, options)?;
    Ok(d)
}

fn from(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = to_plain_date_time_value(vm, args.get(0), args.get(1))?;
    create(vm, TemporalValue::PlainDateTime(d))
}

fn compare(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let one = to_plain_date_time_value(vm, args.get(0), Value::UNDEFINED)?;
    let two = to_plain_date_time_value(vm, args.get(1), Value::UNDEFINED)?;
    Ok(Value::int(one.compare_iso(&two) as i32))
}

date_getters!(this_plain_date_time, "PlainDateTime");
time_getters!(this_plain_date_time, "PlainDateTime");

fn with(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date_time(vm, this, "Temporal.PlainDateTime.prototype.with")?;
    let o = fields::partial_temporal_object(vm, args.get(0))?;
    let f = fields::read_partial_fields(vm, o, DATE | ERA | TIME, d.calendar())?;
    let overflow = overflow_from(vm, args.get(1))?;
    let dtf = temporal_rs::fields::DateTimeFields {
        calendar_fields: f.calendar_fields(vm)?,
        time: f.partial_time(vm, overflow)?,
    };
    let r = d.with(dtf, Some(overflow)).or_throw(vm)?;
    create(vm, TemporalValue::PlainDateTime(r))
}

fn with_plain_time(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date_time(vm, this, "Temporal.PlainDateTime.prototype.withPlainTime")?;
    let t = args.get(0);
    let time: Option<PlainTime> =
        if t.is_undefined() { None } else { Some(super::plain_time::to_plain_time(vm, t, Value::UNDEFINED)?) };
    let r = d.with_time(time).or_throw(vm)?;
    create(vm, TemporalValue::PlainDateTime(r))
}

fn with_calendar(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date_time(vm, this, "Temporal.PlainDateTime.prototype.withCalendar")?;
    let c = fields::to_calendar(vm, args.get(0))?;
    create(vm, TemporalValue::PlainDateTime(d.with_calendar(c)))
}

fn add(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date_time(vm, this, "Temporal.PlainDateTime.prototype.add")?;
    let dur = super::duration::to_duration(vm, args.get(0))?;
    let overflow = overflow_from(vm, args.get(1))?;
    let r = d.add(&dur, Some(overflow)).or_throw(vm)?;
    create(vm, TemporalValue::PlainDateTime(r))
}

fn subtract(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date_time(vm, this, "Temporal.PlainDateTime.prototype.subtract")?;
    let dur = super::duration::to_duration(vm, args.get(0))?;
    let overflow = overflow_from(vm, args.get(1))?;
    let r = d.subtract(&dur, Some(overflow)).or_throw(vm)?;
    create(vm, TemporalValue::PlainDateTime(r))
}

fn difference(vm: &mut Vm, this: Value, args: Args, since: bool) -> JsResult<Value> {
    let name = if since { "Temporal.PlainDateTime.prototype.since" } else { "Temporal.PlainDateTime.prototype.until" };
    let d = this_plain_date_time(vm, this, name)?;
    let other = to_plain_date_time_value(vm, args.get(0), Value::UNDEFINED)?;
    if d.calendar() != other.calendar() {
        return Err(vm.range_error("Cannot compute a difference between date-times of different calendars"));
    }
    let settings = options::difference_settings(vm, args.get(1), UnitGroup::DateTime, &[])?;
    let r = if since { d.since(&other, settings) } else { d.until(&other, settings) }.or_throw(vm)?;
    create(vm, TemporalValue::Duration(r))
}

fn until(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    difference(vm, this, args, false)
}

fn since(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    difference(vm, this, args, true)
}

fn round(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date_time(vm, this, "Temporal.PlainDateTime.prototype.round")?;
    let o = options::round_options(vm, args.get(0), UnitGroup::Time, true)?;
    let r = d.round(o).or_throw(vm)?;
    create(vm, TemporalValue::PlainDateTime(r))
}

fn equals(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date_time(vm, this, "Temporal.PlainDateTime.prototype.equals")?;
    let other = to_plain_date_time_value(vm, args.get(0), Value::UNDEFINED)?;
    Ok(Value::bool(d.compare_iso(&other).is_eq() && d.calendar() == other.calendar()))
}

/// toString ( [ options ] ): calendarName, fractionalSecondDigits,
/// roundingMode, smallestUnit.
fn to_string(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date_time(vm, this, "Temporal.PlainDateTime.prototype.toString")?;
    let o = get_options_object(vm, args.get(0))?;
    let show = options::get_show_calendar(vm, o)?;
    let reads = options::read_precision_and_mode(vm, o)?;
    let opts = options::finish_to_string_options(vm, o, reads)?;
    let s = d.to_ixdtf_string(opts, show).or_throw(vm)?;
    vm.string_value(&s)
}

fn to_locale_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date_time(vm, this, "Temporal.PlainDateTime.prototype.toLocaleString")?;
    let s = d.to_ixdtf_string(Default::default(), Default::default()).or_throw(vm)?;
    vm.string_value(&s)
}

fn to_json(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date_time(vm, this, "Temporal.PlainDateTime.prototype.toJSON")?;
    let s = d.to_ixdtf_string(Default::default(), Default::default()).or_throw(vm)?;
    vm.string_value(&s)
}

/// toZonedDateTime ( temporalTimeZoneLike [ , options ] )
fn to_zoned_date_time(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date_time(vm, this, "Temporal.PlainDateTime.prototype.toZonedDateTime")?;
    let tz = fields::to_time_zone(vm, args.get(0))?;
    let o = get_options_object(vm, args.get(1))?;
    let dis = options::get_disambiguation(vm, o)?;
    let z = d.to_zoned_date_time(tz, dis).or_throw(vm)?;
    create(vm, TemporalValue::ZonedDateTime(z))
}

fn to_plain_date(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date_time(vm, this, "Temporal.PlainDateTime.prototype.toPlainDate")?;
    create(vm, TemporalValue::PlainDate(d.to_plain_date()))
}

fn to_plain_time(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date_time(vm, this, "Temporal.PlainDateTime.prototype.toPlainTime")?;
    create(vm, TemporalValue::PlainTime(d.to_plain_time()))
}
