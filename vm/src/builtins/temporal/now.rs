//! Temporal.Now (proposal-temporal §2): the system clock and the host's
//! time zone. The zone is the one Date uses (`date_tz.rs`: `TZ` or
//! `/etc/localtime`) when it has an IANA name the tz database knows, else
//! the one `temporal_rs` finds, else UTC.

use strata_gc::Gc;
use temporal_rs::{Temporal, TimeZone};

use super::fields;
use super::{OrThrow, TemporalValue, create};
use crate::builtins::date::date_tz;
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Installs Temporal.Now.
pub(super) fn init(vm: &mut Vm, ns: Gc<JsObject>) -> JsResult<()> {
    let op = Value::from_gc(vm.intrinsic(Intrinsic::ObjectPrototype));
    let now = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.define_value(ns, "Now", Value::from_gc(now), crate::property::Attrs::HIDDEN)?;
    crate::builtins::map::to_string_tag(vm, now, "Temporal.Now")?;
    super::methods(
        vm,
        now,
        &[
            ("instant", 0, instant),
            ("timeZoneId", 0, time_zone_id),
            ("zonedDateTimeISO", 0, zoned_date_time_iso),
            ("plainDateTimeISO", 0, plain_date_time_iso),
            ("plainDateISO", 0, plain_date_iso),
            ("plainTimeISO", 0, plain_time_iso),
        ],
    )
}

/// SystemTimeZoneIdentifier ( ): the host zone's primary identifier
/// ("Etc/UTC" is "UTC").
fn host_time_zone() -> TimeZone {
    let tz = match &date_tz::host().id {
        Some(id) => TimeZone::try_from_identifier_str(id).ok(),
        None => None,
    };
    let tz = tz.or_else(|| Temporal::local_now().time_zone().ok()).unwrap_or_else(TimeZone::utc);
    tz.primary_identifier().unwrap_or(tz)
}

/// The time-zone argument of the ISO methods: undefined is the host's.
fn time_zone_arg(vm: &mut Vm, v: Value) -> JsResult<TimeZone> {
    if v.is_undefined() { Ok(host_time_zone()) } else { fields::to_time_zone(vm, v) }
}

fn instant(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let i = Temporal::local_now().instant().or_throw(vm)?;
    create(vm, TemporalValue::Instant(i))
}

fn time_zone_id(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let tz = host_time_zone();
    let id = fields::time_zone_id(vm, &tz)?;
    vm.string_value(&id)
}

fn zoned_date_time_iso(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let tz = time_zone_arg(vm, args.get(0))?;
    let z = Temporal::local_now().zoned_date_time_iso(Some(tz)).or_throw(vm)?;
    create(vm, TemporalValue::ZonedDateTime(z))
}

fn plain_date_time_iso(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let tz = time_zone_arg(vm, args.get(0))?;
    let d = Temporal::local_now().plain_date_time_iso(Some(tz)).or_throw(vm)?;
    create(vm, TemporalValue::PlainDateTime(d))
}

fn plain_date_iso(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let tz = time_zone_arg(vm, args.get(0))?;
    let d = Temporal::local_now().plain_date_iso(Some(tz)).or_throw(vm)?;
    create(vm, TemporalValue::PlainDate(d))
}

fn plain_time_iso(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let tz = time_zone_arg(vm, args.get(0))?;
    let t = Temporal::local_now().plain_time_iso(Some(tz)).or_throw(vm)?;
    create(vm, TemporalValue::PlainTime(t))
}
