//! Temporal.PlainYearMonth (proposal-temporal §9): a month of a calendar
//! year, with ToTemporalYearMonth.

use strata_gc::Gc;
use temporal_rs::fields::{CalendarFields, YearMonthCalendarFields};
use temporal_rs::options::{Unit, UnitGroup};
use temporal_rs::partial::PartialYearMonth;
use temporal_rs::PlainYearMonth;

use super::fields::{self, DAY, ERA, MONTH, MONTH_CODE, YEAR};
use super::options::{self, get_options_object, overflow_from};
use super::plain_date::{clamp_u8, clamp_year, constructor_calendar};
use super::{OrThrow, TemporalValue, create, create_from_new_target, this_plain_year_month};
use crate::function::Args;
use crate::object::JsObject;
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Installs Temporal.PlainYearMonth.
pub(super) fn init(vm: &mut Vm, ns: Gc<JsObject>) -> JsResult<()> {
    let (ctor, proto) = super::class(vm, ns, "PlainYearMonth", 2, construct, Intrinsic::TemporalPlainYearMonthPrototype)?;
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
            ("daysInYear", days_in_year),
            ("daysInMonth", days_in_month),
            ("monthsInYear", months_in_year),
            ("inLeapYear", in_leap_year),
        ],
    )?;
    super::methods(
        vm,
        proto,
        &[
            ("with", 1, with),
            ("add", 1, add),
            ("subtract", 1, subtract),
            ("until", 1, until),
            ("since", 1, since),
            ("equals", 1, equals),
            ("toString", 0, to_string),
            ("toLocaleString", 0, to_locale_string),
            ("toJSON", 0, to_json),
            ("valueOf", 0, super::value_of),
            ("toPlainDate", 1, to_plain_date),
        ],
    )
}

/// new Temporal.PlainYearMonth ( isoYear, isoMonth [ , calendar [ ,
/// referenceISODay ] ] )
fn construct(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if new_target.is_undefined() {
        return Err(super::requires_new(vm, "PlainYearMonth"));
    }
    let y = fields::to_integer_with_truncation(vm, args.get(0))?;
    let m = fields::to_integer_with_truncation(vm, args.get(1))?;
    let calendar = constructor_calendar(vm, args.get(2))?;
    let r = if args.get(3).is_undefined() { 1.0 } else { fields::to_integer_with_truncation(vm, args.get(3))? };
    if m < 1.0 || r < 1.0 {
        return Err(vm.range_error("Invalid ISO date"));
    }
    let ym = PlainYearMonth::try_new(clamp_year(y), clamp_u8(m), Some(clamp_u8(r)), calendar).or_throw(vm)?;
    create_from_new_target(vm, TemporalValue::PlainYearMonth(ym), new_target)
}

/// ToTemporalYearMonth ( item [ , options ] ).
fn to_year_month(vm: &mut Vm, item: Value, options: Value) -> JsResult<PlainYearMonth> {
    if let Some(o) = item.as_gc::<JsObject>() {
        if let Some(ym) = super::as_plain_year_month(item) {
            overflow_from(vm, options)?;
            return Ok(ym);
        }
        let calendar = fields::calendar_with_iso_default(vm, o)?;
        let f = fields::read_fields(vm, o, MONTH | MONTH_CODE | YEAR | ERA, &calendar)?;
        let overflow = overflow_from(vm, options)?;
        let cf = f.calendar_fields(vm)?;
        let has_year = cf.year.is_some() || (cf.era.is_some() && cf.era_year.is_some());
        if !has_year || (cf.month.is_none() && cf.month_code.is_none()) {
            return Err(vm.type_error("A year-month needs year and month or monthCode"));
        }
        let partial = PartialYearMonth { calendar_fields: YearMonthCalendarFields::from(cf), calendar };
        return PlainYearMonth::from_partial(partial, Some(overflow)).or_throw(vm);
    }
    let Some(s) = fields::as_rust_string(item) else {
        let what = vm.describe_value(item);
        return Err(vm.type_error(&format!("Cannot convert {what} to a Temporal.PlainYearMonth")));
    };
    let ym = PlainYearMonth::from_utf8(s.as_bytes()).or_throw(vm)?;
    overflow_from(vm, options)?;
    Ok(ym)
}

fn from(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let ym = to_year_month(vm, args.get(0), args.get(1))?;
    create(vm, TemporalValue::PlainYearMonth(ym))
}

fn compare(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let one = to_year_month(vm, args.get(0), Value::UNDEFINED)?;
    let two = to_year_month(vm, args.get(1), Value::UNDEFINED)?;
    Ok(Value::int(one.compare_iso(&two) as i32))
}

fn calendar_id(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_year_month(vm, this, "get Temporal.PlainYearMonth.prototype.calendarId")?;
    vm.string_value(d.calendar().identifier())
}
fn era(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_year_month(vm, this, "get Temporal.PlainYearMonth.prototype.era")?;
    super::plain_date::era_value(vm, d.era())
}
fn era_year(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_year_month(vm, this, "get Temporal.PlainYearMonth.prototype.eraYear")?;
    Ok(super::plain_date::opt_number(d.era_year()))
}
fn year(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_year_month(vm, this, "get Temporal.PlainYearMonth.prototype.year")?;
    Ok(Value::number(d.year() as f64))
}
fn month(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_year_month(vm, this, "get Temporal.PlainYearMonth.prototype.month")?;
    Ok(Value::int(d.month() as i32))
}
fn month_code(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_year_month(vm, this, "get Temporal.PlainYearMonth.prototype.monthCode")?;
    vm.string_value(d.month_code().as_str())
}
fn days_in_year(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_year_month(vm, this, "get Temporal.PlainYearMonth.prototype.daysInYear")?;
    Ok(Value::int(d.days_in_year() as i32))
}
fn days_in_month(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_year_month(vm, this, "get Temporal.PlainYearMonth.prototype.daysInMonth")?;
    Ok(Value::int(d.days_in_month() as i32))
}
fn months_in_year(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_year_month(vm, this, "get Temporal.PlainYearMonth.prototype.monthsInYear")?;
    Ok(Value::int(d.months_in_year() as i32))
}
fn in_leap_year(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_year_month(vm, this, "get Temporal.PlainYearMonth.prototype.inLeapYear")?;
    Ok(Value::bool(d.in_leap_year()))
}

fn with(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_year_month(vm, this, "Temporal.PlainYearMonth.prototype.with")?;
    let o = fields::partial_temporal_object(vm, args.get(0))?;
    let f = fields::read_partial_fields(vm, o, MONTH | MONTH_CODE | YEAR | ERA, d.calendar())?;
    let overflow = overflow_from(vm, args.get(1))?;
    let cf = f.calendar_fields(vm)?;
    let r = d.with(YearMonthCalendarFields::from(cf), Some(overflow)).or_throw(vm)?;
    create(vm, TemporalValue::PlainYearMonth(r))
}

fn add_or_subtract(vm: &mut Vm, this: Value, args: Args, subtract: bool) -> JsResult<Value> {
    let name = if subtract { "Temporal.PlainYearMonth.prototype.subtract" } else { "Temporal.PlainYearMonth.prototype.add" };
    let d = this_plain_year_month(vm, this, name)?;
    let dur = super::duration::to_duration(vm, args.get(0))?;
    let overflow = overflow_from(vm, args.get(1))?;
    let r = if subtract { d.subtract(&dur, overflow) } else { d.add(&dur, overflow) }.or_throw(vm)?;
    create(vm, TemporalValue::PlainYearMonth(r))
}

fn add(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    add_or_subtract(vm, this, args, false)
}

fn subtract(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    add_or_subtract(vm, this, args, true)
}

fn difference(vm: &mut Vm, this: Value, args: Args, since: bool) -> JsResult<Value> {
    let name = if since { "Temporal.PlainYearMonth.prototype.since" } else { "Temporal.PlainYearMonth.prototype.until" };
    let d = this_plain_year_month(vm, this, name)?;
    let other = to_year_month(vm, args.get(0), Value::UNDEFINED)?;
    if d.calendar() != other.calendar() {
        return Err(vm.range_error("Cannot compute a difference between year-months of different calendars"));
    }
    let settings = options::difference_settings(vm, args.get(1), UnitGroup::Date, &[Unit::Week, Unit::Day])?;
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
    let d = this_plain_year_month(vm, this, "Temporal.PlainYearMonth.prototype.equals")?;
    let other = to_year_month(vm, args.get(0), Value::UNDEFINED)?;
    Ok(Value::bool(d.compare_iso(&other).is_eq() && d.calendar() == other.calendar()))
}

fn to_string(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_year_month(vm, this, "Temporal.PlainYearMonth.prototype.toString")?;
    let o = get_options_object(vm, args.get(0))?;
    let show = options::get_show_calendar(vm, o)?;
    let s = d.to_ixdtf_string(show);
    vm.string_value(&s)
}

fn to_locale_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_year_month(vm, this, "Temporal.PlainYearMonth.prototype.toLocaleString")?;
    let s = d.to_ixdtf_string(Default::default());
    vm.string_value(&s)
}

fn to_json(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_year_month(vm, this, "Temporal.PlainYearMonth.prototype.toJSON")?;
    let s = d.to_ixdtf_string(Default::default());
    vm.string_value(&s)
}

/// toPlainDate ( item ): reads `day` from an object.
fn to_plain_date(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_year_month(vm, this, "Temporal.PlainYearMonth.prototype.toPlainDate")?;
    let item = args.get(0);
    let Some(o) = item.as_gc::<JsObject>() else {
        return Err(vm.type_error("toPlainDate requires an object with a day property"));
    };
    let f = fields::read_fields(vm, o, DAY, d.calendar())?;
    let Some(day) = f.day else {
        return Err(vm.type_error("toPlainDate requires a day property"));
    };
    let cf = CalendarFields { day: Some(clamp_u8(day)), ..CalendarFields::new() };
    let r = d.to_plain_date(Some(cf)).or_throw(vm)?;
    create(vm, TemporalValue::PlainDate(r))
}
