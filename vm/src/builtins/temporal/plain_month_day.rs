//! Temporal.PlainMonthDay (proposal-temporal §10): a day of a calendar
//! month without a year, with ToTemporalMonthDay.

use strata_gc::Gc;
use temporal_rs::fields::CalendarFields;
use temporal_rs::options::Overflow;
use temporal_rs::partial::PartialDate;
use temporal_rs::PlainMonthDay;

use super::fields::{self, DATE, ERA, YEAR};
use super::options::{self, get_options_object, overflow_from};
use super::plain_date::{clamp_u8, clamp_year, constructor_calendar};
use super::{OrThrow, TemporalValue, create, create_from_new_target, this_plain_month_day};
use crate::function::Args;
use crate::object::JsObject;
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Installs Temporal.PlainMonthDay.
pub(super) fn init(vm: &mut Vm, ns: Gc<JsObject>) -> JsResult<()> {
    let (ctor, proto) = super::class(vm, ns, "PlainMonthDay", 2, construct, Intrinsic::TemporalPlainMonthDayPrototype)?;
    super::methods(vm, ctor, &[("from", 1, from)])?;
    super::getters(vm, proto, &[("calendarId", calendar_id), ("monthCode", month_code), ("day", day)])?;
    super::methods(
        vm,
        proto,
        &[
            ("with", 1, with),
            ("equals", 1, equals),
            ("toString", 0, to_string),
            ("toLocaleString", 0, to_locale_string),
            ("toJSON", 0, to_json),
            ("valueOf", 0, super::value_of),
            ("toPlainDate", 1, to_plain_date),
        ],
    )
}

/// new Temporal.PlainMonthDay ( isoMonth, isoDay [ , calendar [ ,
/// referenceISOYear ] ] )
fn construct(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if new_target.is_undefined() {
        return Err(super::requires_new(vm, "PlainMonthDay"));
    }
    let m = fields::to_integer_with_truncation(vm, args.get(0))?;
    let d = fields::to_integer_with_truncation(vm, args.get(1))?;
    let calendar = constructor_calendar(vm, args.get(2))?;
    let y = if args.get(3).is_undefined() { 1972.0 } else { fields::to_integer_with_truncation(vm, args.get(3))? };
    if m < 1.0 || d < 1.0 {
        return Err(vm.range_error("Invalid ISO date"));
    }
    let md = PlainMonthDay::new_with_overflow(clamp_u8(m), clamp_u8(d), calendar, Overflow::Reject, Some(clamp_year(y)))
        .or_throw(vm)?;
    create_from_new_target(vm, TemporalValue::PlainMonthDay(md), new_target)
}

/// ToTemporalMonthDay ( item [ , options ] ).
fn to_month_day(vm: &mut Vm, item: Value, options: Value) -> JsResult<PlainMonthDay> {
    if let Some(o) = item.as_gc::<JsObject>() {
        if let Some(md) = super::as_plain_month_day(item) {
            overflow_from(vm, options)?;
            return Ok(md);
        }
        let calendar = fields::calendar_with_iso_default(vm, o)?;
        let f = fields::read_fields(vm, o, DATE | ERA, &calendar)?;
        let overflow = overflow_from(vm, options)?;
        let cf = f.calendar_fields(vm)?;
        if cf.day.is_none() || (cf.month.is_none() && cf.month_code.is_none()) {
            return Err(vm.type_error("A month-day needs month or monthCode, and day"));
        }
        if cf.month_code.is_none() && cf.year.is_none() && !calendar.is_iso() && cf.era_year.is_none() {
            return Err(vm.type_error("A month-day in this calendar needs monthCode or a year"));
        }
        let mut partial = PartialDate::new();
        partial.calendar_fields = cf;
        partial.calendar = calendar;
        return PlainMonthDay::from_partial(partial, Some(overflow)).or_throw(vm);
    }
    let Some(s) = fields::as_rust_string(item) else {
        let what = vm.describe_value(item);
        return Err(vm.type_error(&format!("Cannot convert {what} to a Temporal.PlainMonthDay")));
    };
    let md = PlainMonthDay::from_utf8(s.as_bytes()).or_throw(vm)?;
    overflow_from(vm, options)?;
    Ok(md)
}

fn from(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let md = to_month_day(vm, args.get(0), args.get(1))?;
    create(vm, TemporalValue::PlainMonthDay(md))
}

fn calendar_id(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_month_day(vm, this, "get Temporal.PlainMonthDay.prototype.calendarId")?;
    vm.string_value(d.calendar().identifier())
}
fn month_code(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_month_day(vm, this, "get Temporal.PlainMonthDay.prototype.monthCode")?;
    vm.string_value(d.month_code().as_str())
}
fn day(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_month_day(vm, this, "get Temporal.PlainMonthDay.prototype.day")?;
    Ok(Value::int(d.day() as i32))
}

fn with(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_month_day(vm, this, "Temporal.PlainMonthDay.prototype.with")?;
    let o = fields::partial_temporal_object(vm, args.get(0))?;
    let f = fields::read_partial_fields(vm, o, DATE | ERA, d.calendar())?;
    let overflow = overflow_from(vm, args.get(1))?;
    let cf = f.calendar_fields(vm)?;
    let r = d.with(cf, Some(overflow)).or_throw(vm)?;
    create(vm, TemporalValue::PlainMonthDay(r))
}

fn equals(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_month_day(vm, this, "Temporal.PlainMonthDay.prototype.equals")?;
    let other = to_month_day(vm, args.get(0), Value::UNDEFINED)?;
    Ok(Value::bool(d.iso == other.iso && d.calendar() == other.calendar()))
}

fn to_string(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_month_day(vm, this, "Temporal.PlainMonthDay.prototype.toString")?;
    let o = get_options_object(vm, args.get(0))?;
    let show = options::get_show_calendar(vm, o)?;
    let s = d.to_ixdtf_string(show);
    vm.string_value(&s)
}

fn to_locale_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_month_day(vm, this, "Temporal.PlainMonthDay.prototype.toLocaleString")?;
    let s = d.to_ixdtf_string(Default::default());
    vm.string_value(&s)
}

fn to_json(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_month_day(vm, this, "Temporal.PlainMonthDay.prototype.toJSON")?;
    let s = d.to_ixdtf_string(Default::default());
    vm.string_value(&s)
}

/// toPlainDate ( item ): reads the year fields from an object.
fn to_plain_date(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let d = this_plain_month_day(vm, this, "Temporal.PlainMonthDay.prototype.toPlainDate")?;
    let item = args.get(0);
    let Some(o) = item.as_gc::<JsObject>() else {
        return Err(vm.type_error("toPlainDate requires an object with a year property"));
    };
    let f = fields::read_fields(vm, o, YEAR | ERA, d.calendar())?;
    let cf: CalendarFields = f.calendar_fields(vm)?;
    if cf.year.is_none() && (cf.era.is_none() || cf.era_year.is_none()) {
        return Err(vm.type_error("toPlainDate requires a year property"));
    }
    let r = d.to_plain_date(Some(cf)).or_throw(vm)?;
    create(vm, TemporalValue::PlainDate(r))
}
