//! Temporal options objects (proposal-temporal §13.1–§13.20): GetOptionsObject
//! and the typed option reads (overflow, disambiguation, offset, rounding
//! increment/mode, units, fractionalSecondDigits, calendarName,
//! timeZoneName), plus the grouped reads of GetDifferenceSettings and
//! the round/toString option sets, each in the spec's (alphabetical) order.
//!
//! Every read is one observable `Get` followed by ToString or ToNumber,
//! so tests that log accesses through a Proxy see the spec's sequence.

use std::str::FromStr;

use strata_gc::Gc;
use temporal_rs::options::{
    DifferenceSettings, Disambiguation, DisplayCalendar, DisplayOffset, DisplayTimeZone, OffsetDisambiguation,
    Overflow, RoundingIncrement, RoundingMode, RoundingOptions, ToStringRoundingOptions, Unit, UnitGroup,
};
use temporal_rs::parsers::Precision;

use super::OrThrow;
use crate::object::JsObject;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// GetOptionsObject ( options ): undefined is an empty options object
/// (`None`); anything else but an object is a TypeError.
pub(super) fn get_options_object(vm: &mut Vm, options: Value) -> JsResult<Option<Gc<JsObject>>> {
    if options.is_undefined() {
        return Ok(None);
    }
    match options.as_gc::<JsObject>() {
        Some(o) => Ok(Some(o)),
        None => {
            let what = vm.describe_value(options);
            Err(vm.type_error(&format!("Options must be an object, got {what}")))
        }
    }
}

/// Get(options, name), undefined for an absent options object.
fn get(vm: &mut Vm, options: Option<Gc<JsObject>>, name: &str) -> JsResult<Value> {
    match options {
        Some(o) => {
            let k = vm.key(name);
            vm.get(o, k, Value::from_gc(o))
        }
        None => Ok(Value::UNDEFINED),
    }
}

/// GetOption ( options, property, "string", values, default ): the string,
/// or `None` when undefined.
pub(super) fn get_string_option(vm: &mut Vm, options: Option<Gc<JsObject>>, name: &str) -> JsResult<Option<String>> {
    let v = get(vm, options, name)?;
    if v.is_undefined() {
        return Ok(None);
    }
    let s = vm.to_string(v)?;
    Ok(Some(s.to_rust_string()))
}

/// A string option parsed into `T` (RangeError for a value outside the
/// allowed list).
fn get_enum_option<T: FromStr>(vm: &mut Vm, options: Option<Gc<JsObject>>, name: &str) -> JsResult<Option<T>> {
    match get_string_option(vm, options, name)? {
        None => Ok(None),
        Some(s) => match T::from_str(&s) {
            Ok(t) => Ok(Some(t)),
            Err(_) => Err(vm.range_error(&format!("{s} is not a valid value for option {name}"))),
        },
    }
}

/// GetTemporalOverflowOption ( options ).
pub(super) fn get_overflow(vm: &mut Vm, options: Option<Gc<JsObject>>) -> JsResult<Overflow> {
    Ok(get_enum_option(vm, options, "overflow")?.unwrap_or(Overflow::Constrain))
}

/// GetOptionsObject then GetTemporalOverflowOption: the common prologue
/// of `from` and `with`.
pub(super) fn overflow_from(vm: &mut Vm, options: Value) -> JsResult<Overflow> {
    let o = get_options_object(vm, options)?;
    get_overflow(vm, o)
}

/// GetTemporalDisambiguationOption ( options ).
pub(super) fn get_disambiguation(vm: &mut Vm, options: Option<Gc<JsObject>>) -> JsResult<Disambiguation> {
    Ok(get_enum_option(vm, options, "disambiguation")?.unwrap_or(Disambiguation::Compatible))
}

/// GetTemporalOffsetOption ( options, fallback ).
pub(super) fn get_offset_option(
    vm: &mut Vm,
    options: Option<Gc<JsObject>>,
    fallback: OffsetDisambiguation,
) -> JsResult<OffsetDisambiguation> {
    Ok(get_enum_option(vm, options, "offset")?.unwrap_or(fallback))
}

/// GetRoundingIncrementOption ( options ).
pub(super) fn get_rounding_increment(vm: &mut Vm, options: Option<Gc<JsObject>>) -> JsResult<Option<RoundingIncrement>> {
    let v = get(vm, options, "roundingIncrement")?;
    if v.is_undefined() {
        return Ok(None);
    }
    let n = vm.to_number(v)?;
    RoundingIncrement::try_from(n).map(Some).or_throw(vm)
}

/// GetRoundingModeOption ( options, fallback ).
pub(super) fn get_rounding_mode(vm: &mut Vm, options: Option<Gc<JsObject>>) -> JsResult<Option<RoundingMode>> {
    get_enum_option(vm, options, "roundingMode")
}

/// GetTemporalUnitValuedOption ( options, key, default ): a unit name
/// (singular or plural) or "auto".
pub(super) fn get_unit(vm: &mut Vm, options: Option<Gc<JsObject>>, name: &str) -> JsResult<Option<Unit>> {
    get_enum_option(vm, options, name)
}

/// ValidateTemporalUnitValue ( value, unitGroup, extraValues ).
pub(super) fn validate_unit(vm: &mut Vm, unit: Option<Unit>, group: UnitGroup, extra: &[Unit]) -> JsResult<()> {
    let Some(u) = unit else { return Ok(()) };
    if extra.contains(&u) {
        return Ok(());
    }
    let ok = match (u, group) {
        (Unit::Auto, _) => false,
        (_, UnitGroup::DateTime) => true,
        (u, UnitGroup::Date) => u.is_date_unit(),
        (u, UnitGroup::Time) => u.is_time_unit(),
    };
    if ok { Ok(()) } else { Err(vm.range_error(&format!("{u} is not a valid unit here"))) }
}

/// GetTemporalFractionalSecondDigitsOption ( options ).
pub(super) fn get_fractional_second_digits(vm: &mut Vm, options: Option<Gc<JsObject>>) -> JsResult<Precision> {
    let v = get(vm, options, "fractionalSecondDigits")?;
    if v.is_undefined() {
        return Ok(Precision::Auto);
    }
    if !v.is_number() {
        let s = vm.to_string(v)?;
        if s.to_rust_string() != "auto" {
            return Err(vm.range_error("fractionalSecondDigits must be 'auto' or 0 through 9"));
        }
        return Ok(Precision::Auto);
    }
    let n = v.as_number().unwrap_or(f64::NAN);
    if !n.is_finite() {
        return Err(vm.range_error("fractionalSecondDigits must be 'auto' or 0 through 9"));
    }
    let d = n.floor();
    if !(0.0..=9.0).contains(&d) {
        return Err(vm.range_error("fractionalSecondDigits must be 'auto' or 0 through 9"));
    }
    Ok(Precision::Digit(d as u8))
}

/// GetTemporalShowCalendarNameOption ( options ).
pub(super) fn get_show_calendar(vm: &mut Vm, options: Option<Gc<JsObject>>) -> JsResult<DisplayCalendar> {
    Ok(get_enum_option(vm, options, "calendarName")?.unwrap_or(DisplayCalendar::Auto))
}

/// GetTemporalShowTimeZoneNameOption ( options ).
pub(super) fn get_show_time_zone(vm: &mut Vm, options: Option<Gc<JsObject>>) -> JsResult<DisplayTimeZone> {
    Ok(get_enum_option(vm, options, "timeZoneName")?.unwrap_or(DisplayTimeZone::Auto))
}

/// GetTemporalShowOffsetOption ( options ).
pub(super) fn get_show_offset(vm: &mut Vm, options: Option<Gc<JsObject>>) -> JsResult<DisplayOffset> {
    Ok(get_enum_option(vm, options, "offset")?.unwrap_or(DisplayOffset::Auto))
}

/// The toString rounding options of PlainTime/PlainDateTime/Instant/
/// ZonedDateTime/Duration, read in order: fractionalSecondDigits,
/// roundingMode, smallestUnit (callers interleave calendarName, offset and
/// timeZone/timeZoneName where the spec puts them). `smallestUnit` must be
/// a time unit other than "hour".
pub(super) struct ToStringReads {
    pub precision: Precision,
    pub rounding_mode: Option<RoundingMode>,
}

/// Reads fractionalSecondDigits then roundingMode.
pub(super) fn read_precision_and_mode(vm: &mut Vm, options: Option<Gc<JsObject>>) -> JsResult<ToStringReads> {
    let precision = get_fractional_second_digits(vm, options)?;
    let rounding_mode = get_rounding_mode(vm, options)?;
    Ok(ToStringReads { precision, rounding_mode })
}

/// Reads smallestUnit and builds the rounding options of toString.
pub(super) fn finish_to_string_options(
    vm: &mut Vm,
    options: Option<Gc<JsObject>>,
    reads: ToStringReads,
) -> JsResult<ToStringRoundingOptions> {
    let smallest = get_unit(vm, options, "smallestUnit")?;
    to_string_rounding(vm, reads, smallest)
}

/// Validates toString's smallestUnit (read by the caller, which may read
/// more options first) and builds the rounding options.
pub(super) fn to_string_rounding(
    vm: &mut Vm,
    reads: ToStringReads,
    smallest: Option<Unit>,
) -> JsResult<ToStringRoundingOptions> {
    validate_unit(vm, smallest, UnitGroup::Time, &[])?;
    if smallest == Some(Unit::Hour) {
        return Err(vm.range_error("smallestUnit must not be 'hour' in toString"));
    }
    Ok(ToStringRoundingOptions { precision: reads.precision, smallest_unit: smallest, rounding_mode: reads.rounding_mode })
}

/// The options of toString for time-bearing types that take nothing else.
pub(super) fn to_string_options(vm: &mut Vm, options: Value) -> JsResult<ToStringRoundingOptions> {
    let o = get_options_object(vm, options)?;
    let reads = read_precision_and_mode(vm, o)?;
    finish_to_string_options(vm, o, reads)
}

/// GetDifferenceSettings's reads and unit validation ( op, options,
/// unitGroup, disallowedUnits, fallbackSmallestUnit,
/// smallestLargestDefaultUnit ): largestUnit, roundingIncrement,
/// roundingMode, smallestUnit. The remaining checks (largest ≥ smallest,
/// the increment's maximum) are `temporal_rs`'s.
pub(super) fn difference_settings(
    vm: &mut Vm,
    options: Value,
    group: UnitGroup,
    disallowed: &[Unit],
) -> JsResult<DifferenceSettings> {
    let o = get_options_object(vm, options)?;
    let largest = get_unit(vm, o, "largestUnit")?;
    let increment = get_rounding_increment(vm, o)?;
    let mode = get_rounding_mode(vm, o)?;
    let smallest = get_unit(vm, o, "smallestUnit")?;
    validate_unit(vm, largest, group, &[Unit::Auto])?;
    if let Some(u) = largest
        && disallowed.contains(&u)
    {
        return Err(vm.range_error(&format!("largestUnit {u} is not allowed here")));
    }
    validate_unit(vm, smallest, group, &[])?;
    if let Some(u) = smallest
        && disallowed.contains(&u)
    {
        return Err(vm.range_error(&format!("smallestUnit {u} is not allowed here")));
    }
    let mut s = DifferenceSettings::default();
    s.largest_unit = largest;
    s.smallest_unit = smallest;
    s.rounding_mode = mode;
    s.increment = increment;
    Ok(s)
}

/// The options of `round(roundTo)` for PlainTime, PlainDateTime, Instant
/// and ZonedDateTime: a string is `{ smallestUnit: roundTo }`; then
/// roundingIncrement, roundingMode, smallestUnit (required), each in the
/// `group` (with "day" allowed when `allow_day`).
pub(super) fn round_options(vm: &mut Vm, round_to: Value, group: UnitGroup, allow_day: bool) -> JsResult<RoundingOptions> {
    let (increment, mode, smallest) = if round_to.is_undefined() {
        return Err(vm.type_error("round requires an options argument"));
    } else if let Some(s) = round_to.as_gc::<crate::string::JsString>() {
        let s = s.to_rust_string();
        let u = match Unit::from_str(&s) {
            Ok(u) => u,
            Err(_) => return Err(vm.range_error(&format!("{s} is not a valid value for option smallestUnit"))),
        };
        (None, None, Some(u))
    } else {
        let o = get_options_object(vm, round_to)?;
        let increment = get_rounding_increment(vm, o)?;
        let mode = get_rounding_mode(vm, o)?;
        let smallest = get_unit(vm, o, "smallestUnit")?;
        (increment, mode, smallest)
    };
    let extra: &[Unit] = if allow_day { &[Unit::Day] } else { &[] };
    validate_unit(vm, smallest, group, extra)?;
    let Some(smallest) = smallest else {
        return Err(vm.range_error("smallestUnit is required"));
    };
    let mut r = RoundingOptions::default();
    r.largest_unit = None;
    r.smallest_unit = Some(smallest);
    r.rounding_mode = mode;
    r.increment = increment;
    Ok(r)
}
