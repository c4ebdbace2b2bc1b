//! Temporal.PlainDate (proposal-temporal §3): a calendar date, with
//! ToTemporalDate and the calendar-field getters PlainDateTime and
//! ZonedDateTime share (`date_getters!`).

use strata_gc::Gc;
use temporal_rs::options::UnitGroup;
use temporal_rs::partial::PartialDate;
use temporal_rs::{Calendar, PlainDate, PlainTime, ZonedDateTime};

use super::fields::{self, DATE, ERA};
use super::options::{self, get_options_object, overflow_from};
use super::{OrThrow, TemporalValue, create, create_from_new_target, this_plain_date};
use crate::function::Args;
use crate::object::JsObject;
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Installs Temporal.PlainDate.
pub(super) fn init(vm: &mut Vm, ns: Gc<JsObject>) -> JsResult<()> {
    let (ctor, proto) = super::class(vm, ns, "PlainDate", 3, construct, Intrinsic::TemporalPlainDatePrototype)?;
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
            ("toPlainYearMonth", 0, to_plain_year_month),
            ("toPlainMonthDay", 0, to_plain_month_day),
            ("add", 1, add),
            ("subtract", 1, subtract),
            ("with", 1, with),
            ("withCalendar", 1, with_calendar),
            ("until", 1, until),
            ("since", 1, since),
            ("equals", 1, equals),
            ("toPlainDateTime", 0, to_plain_date_time),
            ("toZonedDateTime", 1, to_zoned_date_time),
            ("toString", 0, to_string),
            ("toLocaleString", 0, to_locale_string),
            ("toJSON", 0, to_json),
            ("valueOf", 0, super::value_of),
        ],
    )
}

/// The calendar argument of a constructor: undefined is ISO; otherwise a
/// string that CanonicalizeCalendar accepts (a bare identifier).
pub(super) fn constructor_calendar(vm: &mut Vm, v: Value) -> JsResult<Calendar> {
    if v.is_undefined() {
        return Ok(Calendar::default());
    }
    let Some(s) = fields::as_rust_string(v) else {
        let what = vm.describe_value(v);
        return Err(vm.type_error(&format!("Calendar must be a string, got {what}")));
    };
    Calendar::try_from_utf8(s.as_bytes())
        .ok()
        .filter(|_| !fields::names_bare_islamic(&s))
        .ok_or_else(|| vm.range_error(&format!("Unknown calendar {s}")))
}

/// An ISO year argument clamped into i32 (out-of-range stays invalid).
pub(super) fn clamp_year(x: f64) -> i32 {
    x.clamp(i32::MIN as f64, i32::MAX as f64) as i32
}

/// A month/day/hour... argument clamped into u8 (out-of-range stays invalid).
pub(super) fn clamp_u8(x: f64) -> u8 {
    x.clamp(0.0, 255.0) as u8
}

/// new Temporal.PlainDate ( isoYear, isoMonth, isoDay [ , calendar ] )
fn construct(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if new_target.is_undefined() {
        return Err(super::requires_new(vm, "PlainDate"));
    }
    let y = fields::to_integer_with_truncation(vm, args.get(0))?;
    let m = fields::to_integer_with_truncation(vm, args.get(1))?;
    let d = fields::to_integer_with_truncation(vm, args.get(2))?;
    let calendar = constructor_calendar(vm, args.get(3))?;
    if m < 1.0 || d < 1.0 {
        return Err(vm.range_error("Invalid ISO date"));
    }
    let date = PlainDate::try_new(clamp_year(y), clamp_u8(m), clamp_u8(d), calendar).or_throw(vm)?;
    create_from_new_target(vm, TemporalValue::PlainDate(date), new_target)
}

/// ToTemporalDate ( item [ , options ] ).
pub(super) fn to_plain_date(vm: &mut Vm, item: Value, options: Value) -> JsResult<PlainDate> {
    if let Some(o) = item.as_gc::<JsObject>() {
        match super::temporal_of(item) {
            Some(TemporalValue::PlainDate(d)) => {
                overflow_from(vm, options)?;
                return Ok(d);
            }
            Some(TemporalValue::ZonedDateTime(z)) => {
                overflow_from(vm, options)?;
                return Ok(z.to_plain_date());
            }
            Some(TemporalValue::PlainDateTime(d)) => {
                overflow_from(vm, options)?;
                return Ok(d.to_plain_date());
            }
            _ => {}
        }
        let calendar = fields::calendar_with_iso_default(vm, o)?;
        let f = fields::read_fields(vm, o, DATE | ERA, &calendar)?;
        let overflow = overflow_from(vm, options)?;
        let mut partial = PartialDate::new();
        partial.calendar_fields = f.calendar_fields(vm)?;
        partial.calendar = calendar;
        return date_from_partial(vm, partial, overflow);
    }
    let Some(s) = fields::as_rust_string(item) else {
        let what = vm.describe_value(item);
        return Err(vm.type_error(&format!("Cannot convert {what} to a Temporal.PlainDate")));
    };
    let d = PlainDate::from_utf8(s.as_bytes()).or_throw(vm)?;
    overflow_from(vm, options)?;
    Ok(d)
}

/// CalendarDateFromFields with the spec's TypeError for missing fields.
fn date_from_partial(vm: &mut Vm, partial: PartialDate, overflow: temporal_rs::options::Overflow) -> JsResult<PlainDate> {
    let f = &partial.calendar_fields;
    let has_year = f.year.is_some() || (f.era.is_some() && f.era_year.is_some());
    if !has_year || f.day.is_none() || (f.month.is_none() && f.month_code.is_none()) {
        return Err(vm.type_error("A date needs year, month or monthCode, and day"));
    }
    PlainDate::from_partial(partial, Some(overflow)).or_throw(vm)
}

fn from(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = to_plain_date(vm, args.get(0), args.get(1))?;
    create(vm, TemporalValue::PlainDate(d))
}

fn compare(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let one = to_plain_date(vm, args.get(0), Value::UNDEFINED)?;
    let two = to_plain_date(vm, args.get(1), Value::UNDEFINED)?;
    Ok(Value::int(one.compare_iso(&two) as i32))
}

/// A calendar's era as a value (undefined when it has none).
pub(super) fn era_value(vm: &mut Vm, era: Option<temporal_rs::TinyAsciiStr<16>>) -> JsResult<Value> {
    match era {
        Some(e) => vm.string_value(e.as_str()),
        None => Ok(Value::UNDEFINED),
    }
}

/// An optional integer as a value (undefined when absent).
pub(super) fn opt_number<T: Into<f64>>(x: Option<T>) -> Value {
    match x {
        Some(x) => Value::number(x.into()),
        None => Value::UNDEFINED,
    }
}

/// The calendar getters of a type with a date: `$this` extracts it.
macro_rules! date_getters {
    ($this:ident, $class:literal) => {
        fn calendar_id(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = $this(vm, this, concat!("get Temporal.", $class, ".prototype.calendarId"))?;
            vm.string_value(d.calendar().identifier())
        }
        fn era(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = $this(vm, this, concat!("get Temporal.", $class, ".prototype.era"))?;
            super::plain_date::era_value(vm, d.era())
        }
        fn era_year(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = $this(vm, this, concat!("get Temporal.", $class, ".prototype.eraYear"))?;
            Ok(super::plain_date::opt_number(d.era_year()))
        }
        fn year(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = $this(vm, this, concat!("get Temporal.", $class, ".prototype.year"))?;
            Ok(Value::number(d.year() as f64))
        }
        fn month(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = $this(vm, this, concat!("get Temporal.", $class, ".prototype.month"))?;
            Ok(Value::int(d.month() as i32))
        }
        fn month_code(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = $this(vm, this, concat!("get Temporal.", $class, ".prototype.monthCode"))?;
            vm.string_value(d.month_code().as_str())
        }
        fn day(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = $this(vm, this, concat!("get Temporal.", $class, ".prototype.day"))?;
            Ok(Value::int(d.day() as i32))
        }
        fn day_of_week(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = $this(vm, this, concat!("get Temporal.", $class, ".prototype.dayOfWeek"))?;
            Ok(Value::int(d.day_of_week() as i32))
        }
        fn day_of_year(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = $this(vm, this, concat!("get Temporal.", $class, ".prototype.dayOfYear"))?;
            Ok(Value::int(d.day_of_year() as i32))
        }
        fn week_of_year(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = $this(vm, this, concat!("get Temporal.", $class, ".prototype.weekOfYear"))?;
            Ok(super::plain_date::opt_number(d.week_of_year()))
        }
        fn year_of_week(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = $this(vm, this, concat!("get Temporal.", $class, ".prototype.yearOfWeek"))?;
            Ok(super::plain_date::opt_number(d.year_of_week()))
        }
        fn days_in_week(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = $this(vm, this, concat!("get Temporal.", $class, ".prototype.daysInWeek"))?;
            Ok(Value::int(d.days_in_week() as i32))
        }
        fn days_in_month(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = $this(vm, this, concat!("get Temporal.", $class, ".prototype.daysInMonth"))?;
            Ok(Value::int(d.days_in_month() as i32))
        }
        fn days_in_year(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = $this(vm, this, concat!("get Temporal.", $class, ".prototype.daysInYear"))?;
            Ok(Value::int(d.days_in_year() as i32))
        }
        fn months_in_year(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = $this(vm, this, concat!("get Temporal.", $class, ".prototype.monthsInYear"))?;
            Ok(Value::int(d.months_in_year() as i32))
        }
        fn in_leap_year(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
            let d = $this(vm, this, concat!("get Temporal.", $class, ".prototype.inLeapYear"))?;
            Ok(Value::bool(d.in_leap_year()))
        }
    };
}
pub(super) use date_getters;

date_getters!(this_plain_date, "PlainDate");

fn to_plain_year_month(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date(vm, this, "Temporal.PlainDate.prototype.toPlainYearMonth")?;
    let r = d.to_plain_year_month().or_throw(vm)?;
    create(vm, TemporalValue::PlainYearMonth(r))
}

fn to_plain_month_day(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date(vm, this, "Temporal.PlainDate.prototype.toPlainMonthDay")?;
    let r = d.to_plain_month_day().or_throw(vm)?;
    create(vm, TemporalValue::PlainMonthDay(r))
}

fn add(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date(vm, this, "Temporal.PlainDate.prototype.add")?;
    let dur = super::duration::to_duration(vm, args.get(0))?;
    let overflow = overflow_from(vm, args.get(1))?;
    let r = d.add(&dur, Some(overflow)).or_throw(vm)?;
    create(vm, TemporalValue::PlainDate(r))
}

fn subtract(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date(vm, this, "Temporal.PlainDate.prototype.subtract")?;
    let dur = super::duration::to_duration(vm, args.get(0))?;
    let overflow = overflow_from(vm, args.get(1))?;
    let r = d.subtract(&dur, Some(overflow)).or_throw(vm)?;
    create(vm, TemporalValue::PlainDate(r))
}

fn with(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date(vm, this, "Temporal.PlainDate.prototype.with")?;
    let o = fields::partial_temporal_object(vm, args.get(0))?;
    let f = fields::read_partial_fields(vm, o, DATE | ERA, d.calendar())?;
    let overflow = overflow_from(vm, args.get(1))?;
    let cf = f.calendar_fields(vm)?;
    let r = d.with(cf, Some(overflow)).or_throw(vm)?;
    create(vm, TemporalValue::PlainDate(r))
}

fn with_calendar(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date(vm, this, "Temporal.PlainDate.prototype.withCalendar")?;
    let c = fields::to_calendar(vm, args.get(0))?;
    create(vm, TemporalValue::PlainDate(d.with_calendar(c)))
}

fn difference(vm: &mut Vm, this: Value, args: Args, since: bool) -> JsResult<Value> {
    let name = if since { "Temporal.PlainDate.prototype.since" } else { "Temporal.PlainDate.prototype.until" };
    let d = this_plain_date(vm, this, name)?;
    let other = to_plain_date(vm, args.get(0), Value::UNDEFINED)?;
    if d.calendar() != other.calendar() {
        return Err(vm.range_error("Cannot compute a difference between dates of different calendars"));
    }
    let settings = options::difference_settings(vm, args.get(1), UnitGroup::Date, &[])?;
    let r = if since { d.since(&other, settings) } else { d.until(&other, settings) }.or_throw(vm)?;
    create(vm, TemporalValue::Duration(r))
}

fn until(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    difference(vm, this, args, false)
}

fn since(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    difference(vm, this, args, true)
}

fn equals(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date(vm, this, "Temporal.PlainDate.prototype.equals")?;
    let other = to_plain_date(vm, args.get(0), Value::UNDEFINED)?;
    Ok(Value::bool(d.compare_iso(&other).is_eq() && d.calendar() == other.calendar()))
}

/// ToTemporalTimeOrMidnight ( item ).
fn time_or_midnight(vm: &mut Vm, item: Value) -> JsResult<Option<PlainTime>> {
    if item.is_undefined() {
        return Ok(None);
    }
    super::plain_time::to_plain_time(vm, item, Value::UNDEFINED).map(Some)
}

fn to_plain_date_time(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date(vm, this, "Temporal.PlainDate.prototype.toPlainDateTime")?;
    let t = time_or_midnight(vm, args.get(0))?;
    let r = d.to_plain_date_time(t).or_throw(vm)?;
    create(vm, TemporalValue::PlainDateTime(r))
}

/// Temporal.PlainDate.prototype.toZonedDateTime ( item )
fn to_zoned_date_time(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date(vm, this, "Temporal.PlainDate.prototype.toZonedDateTime")?;
    let item = args.get(0);
    let (tz, time) = if let Some(o) = item.as_gc::<JsObject>() {
        let k = vm.key("timeZone");
        let tz_like = vm.get(o, k, item)?;
        if tz_like.is_undefined() {
            (fields::to_time_zone(vm, item)?, Value::UNDEFINED)
        } else {
            let tz = fields::to_time_zone(vm, tz_like)?;
            let k = vm.key("plainTime");
            (tz, vm.get(o, k, item)?)
        }
    } else {
        (fields::to_time_zone(vm, item)?, Value::UNDEFINED)
    };
    let time = time_or_midnight(vm, time)?;
    let z: ZonedDateTime = d.to_zoned_date_time(tz, time).or_throw(vm)?;
    create(vm, TemporalValue::ZonedDateTime(z))
}

fn to_string(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date(vm, this, "Temporal.PlainDate.prototype.toString")?;
    let o = get_options_object(vm, args.get(0))?;
    let show = options::get_show_calendar(vm, o)?;
    let s = d.to_ixdtf_string(show);
    vm.string_value(&s)
}

fn to_locale_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date(vm, this, "Temporal.PlainDate.prototype.toLocaleString")?;
    let s = d.to_ixdtf_string(Default::default());
    vm.string_value(&s)
}

fn to_json(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_date(vm, this, "Temporal.PlainDate.prototype.toJSON")?;
    let s = d.to_ixdtf_string(Default::default());
    vm.string_value(&s)
}
