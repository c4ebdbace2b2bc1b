//! Temporal (TC39 proposal-temporal, stage 3): the `Temporal` namespace and
//! its classes, bound to the `temporal_rs` crate.
//!
//! `temporal_rs` does the calendar, time-zone and duration arithmetic on
//! plain data; this layer does what the spec's abstract operations observe
//! from JavaScript: brand checks, property-bag reads in alphabetical order
//! (`fields.rs`), option reads in the spec's order (`options.rs`), the
//! ToTemporalX conversions of strings and objects, and the functions'
//! `length`/`name`. Every Temporal object is an `ObjectKind::Temporal`
//! holding a boxed [`TemporalValue`]; none holds a GC reference.
//!
//! One file per class: `duration.rs`, `instant.rs`, `plain_date.rs`,
//! `plain_time.rs`, `plain_date_time.rs`, `plain_year_month.rs`,
//! `plain_month_day.rs`, `zoned_date_time.rs`, `now.rs`.

mod duration;
mod fields;
mod instant;
mod now;
mod options;
mod plain_date;
mod plain_date_time;
mod plain_month_day;
mod plain_time;
mod plain_year_month;
mod zoned_date_time;

use strata_gc::Gc;
use temporal_rs::error::ErrorKind as TemporalErrorKind;
use temporal_rs::{
    Duration, Instant, PlainDate, PlainDateTime, PlainMonthDay, PlainTime, PlainYearMonth, TemporalError, ZonedDateTime,
};

use super::{constructor, getter, method};
use crate::function::NativeFn;
use crate::object::{JsObject, ObjectKind};
use crate::property::Attrs;
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{Exception, JsResult, Vm};

/// The internal slots of a Temporal object: one `temporal_rs` value.
#[derive(Debug, Clone)]
pub enum TemporalValue {
    /// [[InitializedTemporalDuration]]
    Duration(Duration),
    /// [[InitializedTemporalInstant]]
    Instant(Instant),
    /// [[InitializedTemporalDate]]
    PlainDate(PlainDate),
    /// [[InitializedTemporalTime]]
    PlainTime(PlainTime),
    /// [[InitializedTemporalDateTime]]
    PlainDateTime(PlainDateTime),
    /// [[InitializedTemporalYearMonth]]
    PlainYearMonth(PlainYearMonth),
    /// [[InitializedTemporalMonthDay]]
    PlainMonthDay(PlainMonthDay),
    /// [[InitializedTemporalZonedDateTime]]
    ZonedDateTime(ZonedDateTime),
}

impl TemporalValue {
    /// The prototype intrinsic of objects holding this kind of value.
    fn prototype(&self) -> Intrinsic {
        match self {
            TemporalValue::Duration(_) => Intrinsic::TemporalDurationPrototype,
            TemporalValue::Instant(_) => Intrinsic::TemporalInstantPrototype,
            TemporalValue::PlainDate(_) => Intrinsic::TemporalPlainDatePrototype,
            TemporalValue::PlainTime(_) => Intrinsic::TemporalPlainTimePrototype,
            TemporalValue::PlainDateTime(_) => Intrinsic::TemporalPlainDateTimePrototype,
            TemporalValue::PlainYearMonth(_) => Intrinsic::TemporalPlainYearMonthPrototype,
            TemporalValue::PlainMonthDay(_) => Intrinsic::TemporalPlainMonthDayPrototype,
            TemporalValue::ZonedDateTime(_) => Intrinsic::TemporalZonedDateTimePrototype,
        }
    }
}

/// Installs the `Temporal` namespace object and its classes.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let op = Value::from_gc(vm.intrinsic(Intrinsic::ObjectPrototype));
    let ns = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.define_value(global, "Temporal", Value::from_gc(ns), Attrs::HIDDEN)?;
    super::map::to_string_tag(vm, ns, "Temporal")?;
    duration::init(vm, ns)?;
    instant::init(vm, ns)?;
    plain_date::init(vm, ns)?;
    plain_time::init(vm, ns)?;
    plain_date_time::init(vm, ns)?;
    plain_year_month::init(vm, ns)?;
    plain_month_day::init(vm, ns)?;
    zoned_date_time::init(vm, ns)?;
    now::init(vm, ns)?;
    Ok(())
}

/// Creates a class `Temporal.<name>` on `ns`: its prototype (with
/// @@toStringTag "Temporal.<name>") registered as `proto_intrinsic`, and
/// the constructor. Returns (constructor, prototype).
fn class(
    vm: &mut Vm,
    ns: Gc<JsObject>,
    name: &str,
    length: u32,
    ctor: NativeFn,
    proto_intrinsic: Intrinsic,
) -> JsResult<(Gc<JsObject>, Gc<JsObject>)> {
    let op = Value::from_gc(vm.intrinsic(Intrinsic::ObjectPrototype));
    let proto = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(proto_intrinsic, proto);
    // `constructor` also defines the global; define on the namespace instead.
    let c = constructor(vm, ns, name, length, ctor, proto)?;
    super::map::to_string_tag(vm, proto, &format!("Temporal.{name}"))?;
    Ok((c, proto))
}

/// Defines getters `names` on `proto`, each calling `f` with the name.
fn getters(vm: &mut Vm, proto: Gc<JsObject>, list: &[(&str, NativeFn)]) -> JsResult<()> {
    for &(name, f) in list {
        let key = vm.key(name);
        getter(vm, proto, key, name, f)?;
    }
    Ok(())
}

/// Defines methods on `obj`.
fn methods(vm: &mut Vm, obj: Gc<JsObject>, list: &[(&str, u32, NativeFn)]) -> JsResult<()> {
    for &(name, length, f) in list {
        method(vm, obj, name, length, f)?;
    }
    Ok(())
}

/// The Temporal value held by `v`, if it is a Temporal object.
pub(crate) fn temporal_of(v: Value) -> Option<TemporalValue> {
    let o = v.as_gc::<JsObject>()?;
    match &o.kind {
        ObjectKind::Temporal(t) => Some((**t).clone()),
        _ => None,
    }
}

macro_rules! accessors {
    ($($variant:ident: $ty:ty => $as_fn:ident, $this_fn:ident;)*) => {$(
        /// The value if `v` is a Temporal object of this kind.
        pub(crate) fn $as_fn(v: Value) -> Option<$ty> {
            let o = v.as_gc::<JsObject>()?;
            match &o.kind {
                ObjectKind::Temporal(t) => match &**t {
                    TemporalValue::$variant(x) => Some(x.clone()),
                    _ => None,
                },
                _ => None,
            }
        }

        /// `this` as this kind of Temporal object, or a TypeError naming
        /// the method.
        pub(crate) fn $this_fn(vm: &mut Vm, this: Value, method: &str) -> JsResult<$ty> {
            match $as_fn(this) {
                Some(x) => Ok(x),
                None => Err(incompatible(vm, this, method)),
            }
        }
    )*};
}

accessors! {
    Duration: Duration => as_duration, this_duration;
    Instant: Instant => as_instant, this_instant;
    PlainDate: PlainDate => as_plain_date, this_plain_date;
    PlainTime: PlainTime => as_plain_time, this_plain_time;
    PlainDateTime: PlainDateTime => as_plain_date_time, this_plain_date_time;
    PlainYearMonth: PlainYearMonth => as_plain_year_month, this_plain_year_month;
    PlainMonthDay: PlainMonthDay => as_plain_month_day, this_plain_month_day;
    ZonedDateTime: ZonedDateTime => as_zoned_date_time, this_zoned_date_time;
}

/// The TypeError of a brand check.
fn incompatible(vm: &mut Vm, this: Value, method: &str) -> Exception {
    let what = vm.describe_value(this);
    vm.type_error(&format!("Method {method} called on incompatible receiver {what}"))
}

/// Creates a Temporal object holding `value` with the realm's prototype
/// for its kind.
pub(crate) fn create(vm: &mut Vm, value: TemporalValue) -> JsResult<Value> {
    let proto = Value::from_gc(vm.intrinsic(value.prototype()));
    create_with_proto(vm, value, proto)
}

/// Creates a Temporal object for a constructor call: the prototype comes
/// from `new_target` (TypeError when called without `new`).
fn create_from_new_target(vm: &mut Vm, value: TemporalValue, new_target: Value) -> JsResult<Value> {
    let proto = vm.prototype_from_constructor(new_target, value.prototype())?;
    create_with_proto(vm, value, proto)
}

fn create_with_proto(vm: &mut Vm, value: TemporalValue, proto: Value) -> JsResult<Value> {
    let o = vm.new_object_with(proto, ObjectKind::Temporal(Box::new(value)))?;
    Ok(Value::from_gc(o))
}

/// The TypeError of a constructor called without `new`.
fn requires_new(vm: &mut Vm, name: &str) -> Exception {
    vm.type_error(&format!("Constructor Temporal.{name} requires 'new'"))
}

/// A `temporal_rs` error as the JavaScript error the spec names.
pub(crate) fn throw(vm: &mut Vm, e: TemporalError) -> Exception {
    let kind = e.kind();
    let msg = e.into_message();
    let msg = if msg.is_empty() { "invalid Temporal value" } else { msg };
    match kind {
        TemporalErrorKind::Type => vm.type_error(msg),
        TemporalErrorKind::Range | TemporalErrorKind::Syntax => vm.range_error(msg),
        TemporalErrorKind::Generic | TemporalErrorKind::Assert => vm.error(crate::error::ErrorKind::Error, msg),
    }
}

/// Maps a `temporal_rs` result into a JavaScript one.
pub(crate) trait OrThrow<T> {
    /// The value, or the error thrown as JavaScript's.
    fn or_throw(self, vm: &mut Vm) -> JsResult<T>;
}

impl<T> OrThrow<T> for Result<T, TemporalError> {
    fn or_throw(self, vm: &mut Vm) -> JsResult<T> {
        self.map_err(|e| throw(vm, e))
    }
}

/// `valueOf` of every Temporal prototype: always a TypeError.
fn value_of(vm: &mut Vm, _this: Value, _args: crate::function::Args, _nt: Value) -> JsResult<Value> {
    Err(vm.type_error("Temporal objects cannot be converted to primitives; use compare() or equals()"))
}
