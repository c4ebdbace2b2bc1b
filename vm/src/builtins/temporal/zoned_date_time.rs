//! Temporal.ZonedDateTime (proposal-temporal §6): an exact time in a time
//! zone and calendar, with ToTemporalZonedDateTime.

use std::cmp::Ordering;

use strata_gc::Gc;
use temporal_rs::options::{Disambiguation, OffsetDisambiguation, Overflow, UnitGroup};
use temporal_rs::parsed_intermediates::ParsedZonedDateTime;
use temporal_rs::partial::PartialZonedDateTime;
use temporal_rs::provider::TransitionDirection;
use temporal_rs::{PlainTime, TimeZone, ZonedDateTime};

use super::fields::{self, DATE, ERA, OFFSET, TIME, TIME_ZONE};
use super::instant::{epoch_ns, epoch_ns_value};
use super::options::{self, get_options_object};
use super::plain_date::date_getters;
use super::plain_time::time_getters;
use super::{OrThrow, TemporalValue, create, create_from_new_target, this_zoned_date_time};
use crate::function::Args;
use crate::object::JsObject;
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Installs Temporal.ZonedDateTime.
pub(super) fn init(vm: &mut Vm, ns: Gc<JsObject>) -> JsResult<()> {
    let (ctor, proto) = super::class(vm, ns, "ZonedDateTime", 2, construct, Intrinsic::TemporalZonedDateTimePrototype)?;
    super::methods(vm, ctor, &[("from", 1, from), ("compare", 2, compare)])?;
    super::getters(
        vm,
        proto,
        &[
            ("calendarId", calendar_id),
            ("timeZoneId", time_zone_id),
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
            ("epochMilliseconds", epoch_milliseconds),
            ("epochNanoseconds", epoch_nanoseconds),
            ("dayOfWeek", day_of_week),
            ("dayOfYear", day_of_year),
            ("weekOfYear", week_of_year),
            ("yearOfWeek", year_of_week),
            ("hoursInDay", hours_in_day),
            ("daysInWeek", days_in_week),
            ("daysInMonth", days_in_month),
            ("daysInYear", days_in_year),
            ("monthsInYear", months_in_year),
            ("inLeapYear", in_leap_year),
            ("offsetNanoseconds", offset_nanoseconds),
            ("offset", offset),
        ],
    )?;
    super::methods(
        vm,
        proto,
        &[
            ("with", 1, with),
            ("withPlainTime", 0, with_plain_time),
            ("withTimeZone", 1, with_time_zone),
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
            ("startOfDay", 0, start_of_day),
            ("getTimeZoneTransition", 1, get_time_zone_transition),
            ("toInstant", 0, to_instant),
            ("toPlainDate", 0, to_plain_date),
            ("toPlainTime", 0, to_plain_time),
            ("toPlainDateTime", 0, to_plain_date_time),
        ],
    )
}

/// new Temporal.ZonedDateTime ( epochNanoseconds, timeZone [ , calendar ] )
fn construct(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if new_target.is_undefined() {
        return Err(super::requires_new(vm, "ZonedDateTime"));
    }
    let n = vm.to_bigint(args.get(0))?;
    let ns = epoch_ns(vm, &n)?;
    if ns.unsigned_abs() > 8_640_000_000_000_000_000_000 {
        return Err(vm.range_error("epochNanoseconds is outside the range of Temporal.ZonedDateTime"));
    }
    let tz_arg = args.get(1);
    let Some(tz_str) = fields::as_rust_string(tz_arg) else {
        let what = vm.describe_value(tz_arg);
        return Err(vm.type_error(&format!("Time zone must be a string, got {what}")));
    };
    let tz = TimeZone::try_from_identifier_str(&tz_str).map_err(|_| vm.range_error(&format!("Invalid time zone {tz_str}")))?;
    let calendar = super::plain_date::constructor_calendar(vm, args.get(2))?;
    let z = ZonedDateTime::try_new(ns, tz, calendar).or_throw(vm)?;
    create_from_new_target(vm, TemporalValue::ZonedDateTime(z), new_target)
}

/// The options of from/with: disambiguation, offset, overflow.
fn zdt_options(
    vm: &mut Vm,
    options: Value,
    offset_default: OffsetDisambiguation,
) -> JsResult<(Disambiguation, OffsetDisambiguation, Overflow)> {
    let o = get_options_object(vm, options)?;
    let d = options::get_disambiguation(vm, o)?;
    let off = options::get_offset_option(vm, o, offset_default)?;
    let ov = options::get_overflow(vm, o)?;
    Ok((d, off, ov))
}

/// ToTemporalZonedDateTime ( item [ , options ] ).
pub(super) fn to_zoned(vm: &mut Vm, item: Value, options: Value) -> JsResult<ZonedDateTime> {
    if let Some(o) = item.as_gc::<JsObject>() {
        if let Some(z) = super::as_zoned_date_time(item) {
            zdt_options(vm, options, OffsetDisambiguation::Reject)?;
            return Ok(z);
        }
        let calendar = fields::calendar_with_iso_default(vm, o)?;
        let f = fields::read_fields(vm, o, DATE | ERA | TIME | OFFSET | TIME_ZONE, &calendar)?;
        let Some(tz) = f.time_zone else {
            return Err(vm.type_error("A zoned date-time needs a timeZone property"));
        };
        let (dis, off, overflow) = zdt_options(vm, options, OffsetDisambiguation::Reject)?;
        let cf = f.calendar_fields(vm)?;
        let has_year = cf.year.is_some() || (cf.era.is_some() && cf.era_year.is_some());
        if !has_year || cf.day.is_none() || (cf.month.is_none() && cf.month_code.is_none()) {
            return Err(vm.type_error("A zoned date-time needs year, month or monthCode, and day"));
        }
        let mut partial = PartialZonedDateTime::new();
        partial.fields.calendar_fields = cf;
        partial.fields.time = f.partial_time(vm, overflow)?;
        partial.fields.offset = f.offset;
        partial.timezone = Some(tz);
        partial.calendar = calendar;
        return ZonedDateTime::from_partial(partial, Some(overflow), Some(dis), Some(off)).or_throw(vm);
    }
    let Some(s) = fields::as_rust_string(item) else {
        let what = vm.describe_value(item);
        return Err(vm.type_error(&format!("Cannot convert {what} to a Temporal.ZonedDateTime")));
    };
    let parsed = ParsedZonedDateTime::from_utf8(s.as_bytes()).or_throw(vm)?;
    let (dis, off, _) = zdt_options(vm, options, OffsetDisambiguation::Reject)?;
    ZonedDateTime::from_parsed(parsed, dis, off).or_throw(vm)
}

fn from(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let z = to_zoned(vm, args.get(0), args.get(1))?;
    create(vm, TemporalValue::ZonedDateTime(z))
}

fn compare(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let one = to_zoned(vm, args.get(0), Value::UNDEFINED)?;
    let two = to_zoned(vm, args.get(1), Value::UNDEFINED)?;
    Ok(Value::int(match one.compare_instant(&two) {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    }))
}

date_getters!(this_zoned_date_time, "ZonedDateTime");
time_getters!(this_zoned_date_time, "ZonedDateTime");

fn time_zone_id(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "get Temporal.ZonedDateTime.prototype.timeZoneId")?;
    let id = fields::time_zone_id(vm, z.time_zone())?;
    vm.string_value(&id)
}

fn epoch_milliseconds(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "get Temporal.ZonedDateTime.prototype.epochMilliseconds")?;
    Ok(Value::number(z.epoch_milliseconds() as f64))
}

fn epoch_nanoseconds(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "get Temporal.ZonedDateTime.prototype.epochNanoseconds")?;
    epoch_ns_value(vm, z.to_instant().as_i128())
}

fn hours_in_day(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "get Temporal.ZonedDateTime.prototype.hoursInDay")?;
    let h = z.hours_in_day().or_throw(vm)?;
    Ok(Value::number(h))
}

fn offset_nanoseconds(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "get Temporal.ZonedDateTime.prototype.offsetNanoseconds")?;
    Ok(Value::number(z.offset_nanoseconds() as f64))
}

fn offset(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "get Temporal.ZonedDateTime.prototype.offset")?;
    vm.string_value(&z.offset())
}

fn with(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "Temporal.ZonedDateTime.prototype.with")?;
    let o = fields::partial_temporal_object(vm, args.get(0))?;
    let f = fields::read_partial_fields(vm, o, DATE | ERA | TIME | OFFSET, z.calendar())?;
    let (dis, off, overflow) = zdt_options(vm, args.get(1), OffsetDisambiguation::Prefer)?;
    let mut zf = temporal_rs::fields::ZonedDateTimeFields::new();
    zf.calendar_fields = f.calendar_fields(vm)?;
    zf.time = f.partial_time(vm, overflow)?;
    zf.offset = f.offset;
    let r = z.with(zf, Some(dis), Some(off), Some(overflow)).or_throw(vm)?;
    create(vm, TemporalValue::ZonedDateTime(r))
}

fn with_plain_time(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "Temporal.ZonedDateTime.prototype.withPlainTime")?;
    let t = args.get(0);
    let time: Option<PlainTime> =
        if t.is_undefined() { None } else { Some(super::plain_time::to_plain_time(vm, t, Value::UNDEFINED)?) };
    let r = z.with_plain_time(time).or_throw(vm)?;
    create(vm, TemporalValue::ZonedDateTime(r))
}

fn with_time_zone(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "Temporal.ZonedDateTime.prototype.withTimeZone")?;
    let tz = fields::to_time_zone(vm, args.get(0))?;
    let r = z.with_timezone(tz).or_throw(vm)?;
    create(vm, TemporalValue::ZonedDateTime(r))
}

fn with_calendar(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "Temporal.ZonedDateTime.prototype.withCalendar")?;
    let c = fields::to_calendar(vm, args.get(0))?;
    create(vm, TemporalValue::ZonedDateTime(z.with_calendar(c)))
}

fn add_or_subtract(vm: &mut Vm, this: Value, args: Args, subtract: bool) -> JsResult<Value> {
    let name = if subtract { "Temporal.ZonedDateTime.prototype.subtract" } else { "Temporal.ZonedDateTime.prototype.add" };
    let z = this_zoned_date_time(vm, this, name)?;
    let d = super::duration::to_duration(vm, args.get(0))?;
    let overflow = options::overflow_from(vm, args.get(1))?;
    let r = if subtract { z.subtract(&d, Some(overflow)) } else { z.add(&d, Some(overflow)) }.or_throw(vm)?;
    create(vm, TemporalValue::ZonedDateTime(r))
}

fn add(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    add_or_subtract(vm, this, args, false)
}

fn subtract(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    add_or_subtract(vm, this, args, true)
}

fn difference(vm: &mut Vm, this: Value, args: Args, since: bool) -> JsResult<Value> {
    let name = if since { "Temporal.ZonedDateTime.prototype.since" } else { "Temporal.ZonedDateTime.prototype.until" };
    let z = this_zoned_date_time(vm, this, name)?;
    let other = to_zoned(vm, args.get(0), Value::UNDEFINED)?;
    if z.calendar() != other.calendar() {
        return Err(vm.range_error("Cannot compute a difference between date-times of different calendars"));
    }
    let settings = options::difference_settings(vm, args.get(1), UnitGroup::DateTime, &[])?;
    let r = if since { z.since(&other, settings) } else { z.until(&other, settings) }.or_throw(vm)?;
    create(vm, TemporalValue::Duration(r))
}

fn until(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    difference(vm, this, args, false)
}

fn since(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    difference(vm, this, args, true)
}

fn round(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "Temporal.ZonedDateTime.prototype.round")?;
    let o = options::round_options(vm, args.get(0), UnitGroup::Time, true)?;
    let r = z.round(o).or_throw(vm)?;
    create(vm, TemporalValue::ZonedDateTime(r))
}

fn equals(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "Temporal.ZonedDateTime.prototype.equals")?;
    let other = to_zoned(vm, args.get(0), Value::UNDEFINED)?;
    let eq = z.equals(&other).or_throw(vm)?;
    Ok(Value::bool(eq))
}

/// toString ( [ options ] ): calendarName, fractionalSecondDigits, offset,
/// roundingMode, smallestUnit, timeZoneName.
fn to_string(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "Temporal.ZonedDateTime.prototype.toString")?;
    let o = get_options_object(vm, args.get(0))?;
    let show_calendar = options::get_show_calendar(vm, o)?;
    let precision = options::get_fractional_second_digits(vm, o)?;
    let show_offset = options::get_show_offset(vm, o)?;
    let rounding_mode = options::get_rounding_mode(vm, o)?;
    let smallest = options::get_unit(vm, o, "smallestUnit")?;
    let show_tz = options::get_show_time_zone(vm, o)?;
    let opts = options::to_string_rounding(vm, options::ToStringReads { precision, rounding_mode }, smallest)?;
    let s = z.to_ixdtf_string(show_offset, show_tz, show_calendar, opts).or_throw(vm)?;
    vm.string_value(&s)
}

fn default_string(vm: &mut Vm, z: &ZonedDateTime) -> JsResult<Value> {
    let s = z.to_ixdtf_string(Default::default(), Default::default(), Default::default(), Default::default()).or_throw(vm)?;
    vm.string_value(&s)
}

fn to_locale_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "Temporal.ZonedDateTime.prototype.toLocaleString")?;
    default_string(vm, &z)
}

fn to_json(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "Temporal.ZonedDateTime.prototype.toJSON")?;
    default_string(vm, &z)
}

fn start_of_day(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "Temporal.ZonedDateTime.prototype.startOfDay")?;
    let r = z.start_of_day().or_throw(vm)?;
    create(vm, TemporalValue::ZonedDateTime(r))
}

/// getTimeZoneTransition ( directionParam ): a string is `{ direction }`;
/// "next" or "previous".
fn get_time_zone_transition(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "Temporal.ZonedDateTime.prototype.getTimeZoneTransition")?;
    let param = args.get(0);
    if param.is_undefined() {
        return Err(vm.type_error("getTimeZoneTransition requires a direction"));
    }
    let direction = if let Some(s) = fields::as_rust_string(param) {
        Some(s)
    } else {
        let o = get_options_object(vm, param)?;
        options::get_string_option(vm, o, "direction")?
    };
    let direction = match direction.as_deref() {
        Some("next") => TransitionDirection::Next,
        Some("previous") => TransitionDirection::Previous,
        Some(other) => return Err(vm.range_error(&format!("{other} is not a valid value for option direction"))),
        None => return Err(vm.range_error("direction is required")),
    };
    match z.get_time_zone_transition(direction).or_throw(vm)? {
        Some(r) => create(vm, TemporalValue::ZonedDateTime(r)),
        None => Ok(Value::NULL),
    }
}

fn to_instant(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "Temporal.ZonedDateTime.prototype.toInstant")?;
    create(vm, TemporalValue::Instant(z.to_instant()))
}

fn to_plain_date(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "Temporal.ZonedDateTime.prototype.toPlainDate")?;
    create(vm, TemporalValue::PlainDate(z.to_plain_date()))
}

fn to_plain_time(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "Temporal.ZonedDateTime.prototype.toPlainTime")?;
    create(vm, TemporalValue::PlainTime(z.to_plain_time()))
}

fn to_plain_date_time(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let z = this_zoned_date_time(vm, this, "Temporal.ZonedDateTime.prototype.toPlainDateTime")?;
    create(vm, TemporalValue::PlainDateTime(z.to_plain_date_time()))
}
