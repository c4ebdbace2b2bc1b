//! Property bags and identifiers (proposal-temporal §12–§13):
//! PrepareCalendarFields / ToTemporalTimeRecord reads, the field
//! conversions (ToIntegerWithTruncation, ToPositiveIntegerWithTruncation,
//! ToMonthCode, ToOffsetString), ToTemporalCalendarIdentifier,
//! GetTemporalCalendarIdentifierWithISODefault and
//! ToTemporalTimeZoneIdentifier.
//!
//! Fields are read in the spec's one alphabetical order (day, era,
//! eraYear, hour, microsecond, millisecond, minute, month, monthCode,
//! nanosecond, offset, second, timeZone, year), each converted right after
//! its `Get`, as tests observe through getters and proxies.

use std::str::FromStr;

use strata_gc::Gc;
use temporal_rs::fields::CalendarFields;
use temporal_rs::options::Overflow;
use temporal_rs::partial::PartialTime;
use temporal_rs::{Calendar, MonthCode, TimeZone, TinyAsciiStr, UtcOffset};

use super::{OrThrow, TemporalValue, temporal_of};
use crate::conversions::Hint;
use crate::object::JsObject;
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Which fields a read includes (bits of [`FieldSet`]).
pub(super) type FieldSet = u32;
/// `day`
pub(super) const DAY: FieldSet = 1 << 0;
/// `era` and `eraYear` (only for calendars with eras)
pub(super) const ERA: FieldSet = 1 << 1;
/// the six time fields
pub(super) const TIME: FieldSet = 1 << 2;
/// `month`
pub(super) const MONTH: FieldSet = 1 << 3;
/// `monthCode`
pub(super) const MONTH_CODE: FieldSet = 1 << 4;
/// `offset`
pub(super) const OFFSET: FieldSet = 1 << 5;
/// `timeZone`
pub(super) const TIME_ZONE: FieldSet = 1 << 6;
/// `year`
pub(super) const YEAR: FieldSet = 1 << 7;
/// The date fields: year, month, monthCode, day.
pub(super) const DATE: FieldSet = DAY | MONTH | MONTH_CODE | YEAR;

/// The fields read from a property bag (absent = `None`).
#[derive(Default, Debug)]
pub(super) struct Fields {
    pub day: Option<f64>,
    pub era: Option<String>,
    pub era_year: Option<f64>,
    pub hour: Option<f64>,
    pub microsecond: Option<f64>,
    pub millisecond: Option<f64>,
    pub minute: Option<f64>,
    pub month: Option<f64>,
    pub month_code: Option<MonthCode>,
    pub nanosecond: Option<f64>,
    pub offset: Option<UtcOffset>,
    pub second: Option<f64>,
    pub time_zone: Option<TimeZone>,
    pub year: Option<f64>,
    /// Whether any field was present.
    pub any: bool,
}

/// Whether `calendar` has eras (CalendarSupportsEra).
fn has_eras(calendar: &Calendar) -> bool {
    !matches!(calendar.identifier(), "iso8601" | "chinese" | "dangi")
}

/// PrepareCalendarFields's reads: the fields of `set` (era fields only if
/// the calendar has eras) from `obj`, in alphabetical order.
pub(super) fn read_fields(vm: &mut Vm, obj: Gc<JsObject>, set: FieldSet, calendar: &Calendar) -> JsResult<Fields> {
    let mut f = Fields::default();
    let eras = set & ERA != 0 && has_eras(calendar);
    let get = |vm: &mut Vm, name: &str| -> JsResult<Option<Value>> {
        let k = vm.key(name);
        let v = vm.get(obj, k, Value::from_gc(obj))?;
        Ok(if v.is_undefined() { None } else { Some(v) })
    };
    if set & DAY != 0
        && let Some(v) = get(vm, "day")?
    {
        f.day = Some(to_positive_integer_with_truncation(vm, v)?);
    }
    if eras {
        if let Some(v) = get(vm, "era")? {
            f.era = Some(vm.to_string(v)?.to_rust_string());
        }
        if let Some(v) = get(vm, "eraYear")? {
            f.era_year = Some(to_integer_with_truncation(vm, v)?);
        }
    }
    let time = set & TIME != 0;
    if time {
        if let Some(v) = get(vm, "hour")? {
            f.hour = Some(to_integer_with_truncation(vm, v)?);
        }
        if let Some(v) = get(vm, "microsecond")? {
            f.microsecond = Some(to_integer_with_truncation(vm, v)?);
        }
        if let Some(v) = get(vm, "millisecond")? {
            f.millisecond = Some(to_integer_with_truncation(vm, v)?);
        }
        if let Some(v) = get(vm, "minute")? {
            f.minute = Some(to_integer_with_truncation(vm, v)?);
        }
    }
    if set & MONTH != 0
        && let Some(v) = get(vm, "month")?
    {
        f.month = Some(to_positive_integer_with_truncation(vm, v)?);
    }
    if set & MONTH_CODE != 0
        && let Some(v) = get(vm, "monthCode")?
    {
        f.month_code = Some(to_month_code(vm, v)?);
    }
    if time && let Some(v) = get(vm, "nanosecond")? {
        f.nanosecond = Some(to_integer_with_truncation(vm, v)?);
    }
    if set & OFFSET != 0
        && let Some(v) = get(vm, "offset")?
    {
        f.offset = Some(to_offset(vm, v)?);
    }
    if time && let Some(v) = get(vm, "second")? {
        f.second = Some(to_integer_with_truncation(vm, v)?);
    }
    if set & TIME_ZONE != 0
        && let Some(v) = get(vm, "timeZone")?
    {
        f.time_zone = Some(to_time_zone(vm, v)?);
    }
    if set & YEAR != 0
        && let Some(v) = get(vm, "year")?
    {
        f.year = Some(to_integer_with_truncation(vm, v)?);
    }
    f.any = f.day.is_some()
        || f.era.is_some()
        || f.era_year.is_some()
        || f.hour.is_some()
        || f.microsecond.is_some()
        || f.millisecond.is_some()
        || f.minute.is_some()
        || f.month.is_some()
        || f.month_code.is_some()
        || f.nanosecond.is_some()
        || f.offset.is_some()
        || f.second.is_some()
        || f.time_zone.is_some()
        || f.year.is_some();
    Ok(f)
}

/// A partial read (`with`): a TypeError when no field was present.
pub(super) fn read_partial_fields(vm: &mut Vm, obj: Gc<JsObject>, set: FieldSet, calendar: &Calendar) -> JsResult<Fields> {
    let f = read_fields(vm, obj, set, calendar)?;
    if !f.any {
        return Err(vm.type_error("The argument must have at least one recognized Temporal field"));
    }
    Ok(f)
}

fn clamp_i32(x: f64) -> i32 {
    x.clamp(i32::MIN as f64, i32::MAX as f64) as i32
}

fn clamp_u8(x: f64) -> u8 {
    x.clamp(0.0, u8::MAX as f64) as u8
}

impl Fields {
    /// The calendar fields for `temporal_rs` (out-of-range values clamp
    /// to values that stay out of range).
    pub(super) fn calendar_fields(&self, vm: &mut Vm) -> JsResult<CalendarFields> {
        let era = match &self.era {
            Some(e) => match TinyAsciiStr::<19>::try_from_str(e) {
                Ok(t) => Some(t),
                Err(_) => return Err(vm.range_error(&format!("Invalid era {e}"))),
            },
            None => None,
        };
        Ok(CalendarFields {
            year: self.year.map(clamp_i32),
            month: self.month.map(clamp_u8),
            month_code: self.month_code,
            day: self.day.map(clamp_u8),
            era,
            era_year: self.era_year.map(clamp_i32),
        })
    }

    /// The time fields for `temporal_rs`. A negative value constrains to
    /// 0 or, with `reject`, is a RangeError.
    pub(super) fn partial_time(&self, vm: &mut Vm, overflow: Overflow) -> JsResult<PartialTime> {
        let fields = [self.hour, self.minute, self.second, self.millisecond, self.microsecond, self.nanosecond];
        if overflow == Overflow::Reject && fields.iter().flatten().any(|&x| x < 0.0) {
            return Err(vm.range_error("time field out of range"));
        }
        let c8 = |x: Option<f64>| x.map(|x| x.clamp(0.0, 255.0) as u8);
        let c16 = |x: Option<f64>| x.map(|x| x.clamp(0.0, 65535.0) as u16);
        Ok(PartialTime {
            hour: c8(self.hour),
            minute: c8(self.minute),
            second: c8(self.second),
            millisecond: c16(self.millisecond),
            microsecond: c16(self.microsecond),
            nanosecond: c16(self.nanosecond),
        })
    }

    /// Whether any time field is present.
    pub(super) fn has_time(&self) -> bool {
        self.hour.is_some()
            || self.minute.is_some()
            || self.second.is_some()
            || self.millisecond.is_some()
            || self.microsecond.is_some()
            || self.nanosecond.is_some()
    }
}

/// ToIntegerWithTruncation ( argument ).
pub(super) fn to_integer_with_truncation(vm: &mut Vm, v: Value) -> JsResult<f64> {
    let n = vm.to_number(v)?;
    if !n.is_finite() {
        return Err(vm.range_error("Temporal field values must be finite"));
    }
    Ok(n.trunc() + 0.0)
}

/// ToPositiveIntegerWithTruncation ( argument ).
pub(super) fn to_positive_integer_with_truncation(vm: &mut Vm, v: Value) -> JsResult<f64> {
    let n = to_integer_with_truncation(vm, v)?;
    if n <= 0.0 {
        return Err(vm.range_error("Temporal field value must be positive"));
    }
    Ok(n)
}

/// ToIntegerIfIntegral ( argument ).
pub(super) fn to_integer_if_integral(vm: &mut Vm, v: Value) -> JsResult<f64> {
    let n = vm.to_number(v)?;
    if !n.is_finite() || n.trunc() != n {
        return Err(vm.range_error("Duration field values must be integers"));
    }
    Ok(n + 0.0)
}

/// ToPrimitive(v, string) that must give a string (TypeError otherwise).
fn to_primitive_string(vm: &mut Vm, v: Value, what: &str) -> JsResult<String> {
    let p = vm.to_primitive(v, Hint::String)?;
    match p.as_gc::<JsString>() {
        Some(s) => Ok(s.to_rust_string()),
        None => Err(vm.type_error(&format!("{what} must be a string"))),
    }
}

/// ToMonthCode ( argument ): a string "M01".."M99" with an optional "L".
fn to_month_code(vm: &mut Vm, v: Value) -> JsResult<MonthCode> {
    let s = to_primitive_string(vm, v, "monthCode")?;
    let b = s.as_bytes();
    let well_formed = (b.len() == 3 || b.len() == 4)
        && b[0] == b'M'
        && b[1].is_ascii_digit()
        && b[2].is_ascii_digit()
        && (b.len() == 3 || b[3] == b'L')
        && !(b[1] == b'0' && b[2] == b'0' && b.len() == 3);
    if !well_formed {
        return Err(vm.range_error(&format!("Invalid monthCode {s}")));
    }
    MonthCode::from_str(&s).or_throw(vm)
}

/// ToOffsetString then its parse: an offset string ±HH:MM[:SS[.fff]].
fn to_offset(vm: &mut Vm, v: Value) -> JsResult<UtcOffset> {
    let s = to_primitive_string(vm, v, "offset")?;
    UtcOffset::from_str(&s).or_throw(vm)
}

/// A string argument as a Rust string, or `None` for a non-string.
pub(super) fn as_rust_string(v: Value) -> Option<String> {
    v.as_gc::<JsString>().map(|s| s.to_rust_string())
}

/// The calendar of a Temporal object that has one.
pub(super) fn calendar_slot(v: Value) -> Option<Calendar> {
    Some(match temporal_of(v)? {
        TemporalValue::PlainDate(d) => d.calendar().clone(),
        TemporalValue::PlainDateTime(d) => d.calendar().clone(),
        TemporalValue::PlainYearMonth(d) => d.calendar().clone(),
        TemporalValue::PlainMonthDay(d) => d.calendar().clone(),
        TemporalValue::ZonedDateTime(d) => d.calendar().clone(),
        _ => return None,
    })
}

/// ToTemporalCalendarIdentifier ( temporalCalendarLike ).
pub(super) fn to_calendar(vm: &mut Vm, v: Value) -> JsResult<Calendar> {
    if let Some(c) = calendar_slot(v) {
        return Ok(c);
    }
    let Some(s) = as_rust_string(v) else {
        let what = vm.describe_value(v);
        return Err(vm.type_error(&format!("Calendar must be a string, got {what}")));
    };
    Calendar::from_str(&s)
        .ok()
        .filter(|_| !names_bare_islamic(&s))
        .ok_or_else(|| vm.range_error(&format!("Unknown calendar {s}")))
}

/// Whether a calendar string names plain "islamic", which only
/// Intl.DateTimeFormat accepts (as a fallback); Temporal rejects it.
pub(super) fn names_bare_islamic(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    lower == "islamic" || lower.contains("u-ca=islamic]")
}

/// GetTemporalCalendarIdentifierWithISODefault ( item ).
pub(super) fn calendar_with_iso_default(vm: &mut Vm, item: Gc<JsObject>) -> JsResult<Calendar> {
    if let Some(c) = calendar_slot(Value::from_gc(item)) {
        return Ok(c);
    }
    let k = vm.key("calendar");
    let v = vm.get(item, k, Value::from_gc(item))?;
    if v.is_undefined() {
        return Ok(Calendar::default());
    }
    to_calendar(vm, v)
}

/// ToTemporalTimeZoneIdentifier ( temporalTimeZoneLike ).
pub(super) fn to_time_zone(vm: &mut Vm, v: Value) -> JsResult<TimeZone> {
    if let Some(z) = super::as_zoned_date_time(v) {
        return Ok(*z.time_zone());
    }
    let Some(s) = as_rust_string(v) else {
        let what = vm.describe_value(v);
        return Err(vm.type_error(&format!("Time zone must be a string, got {what}")));
    };
    TimeZone::try_from_str(&s).map_err(|_| vm.range_error(&format!("Invalid time zone {s}")))
}

/// IsPartialTemporalObject ( value ): an object that is not a Temporal
/// object with a calendar or time zone, and has no `calendar` or
/// `timeZone` property (TypeError otherwise). Returns the object.
pub(super) fn partial_temporal_object(vm: &mut Vm, v: Value) -> JsResult<Gc<JsObject>> {
    let Some(o) = v.as_gc::<JsObject>() else {
        return Err(vm.type_error("The argument must be an object"));
    };
    if matches!(
        temporal_of(v),
        Some(
            TemporalValue::PlainDate(_)
                | TemporalValue::PlainDateTime(_)
                | TemporalValue::PlainMonthDay(_)
                | TemporalValue::PlainTime(_)
                | TemporalValue::PlainYearMonth(_)
                | TemporalValue::ZonedDateTime(_)
        )
    ) {
        return Err(vm.type_error("The argument must be a plain object, not a Temporal object"));
    }
    let k = vm.key("calendar");
    if !vm.get(o, k, v)?.is_undefined() {
        return Err(vm.type_error("The argument must not have a calendar property"));
    }
    let k = vm.key("timeZone");
    if !vm.get(o, k, v)?.is_undefined() {
        return Err(vm.type_error("The argument must not have a timeZone property"));
    }
    Ok(o)
}

/// A time zone's identifier string.
pub(super) fn time_zone_id(vm: &mut Vm, tz: &TimeZone) -> JsResult<String> {
    tz.identifier().or_throw(vm)
}
