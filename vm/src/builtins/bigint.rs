//! BigInt (ECMA-262 §21.2): the constructor (callable, never with `new`),
//! `BigInt.asIntN` / `BigInt.asUintN`, and BigInt.prototype (`toString`
//! with a radix, `toLocaleString`, `valueOf`, `@@toStringTag`). The values
//! themselves and their conversions live in `bigint.rs`, the operators in
//! `bigint_ops.rs`.

use strata_gc::Gc;

use super::{constructor, method};
use crate::bigint::{self, JsBigInt};
use crate::bigint_ops;
use crate::conversions::Hint;
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

/// Installs BigInt and BigInt.prototype.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let proto = vm.intrinsic(Intrinsic::BigIntPrototype);
    let ctor = constructor(vm, global, "BigInt", 1, bigint_ctor, proto)?;
    method(vm, ctor, "asIntN", 2, as_int_n)?;
    method(vm, ctor, "asUintN", 2, as_uint_n)?;

    method(vm, proto, "toLocaleString", 0, to_locale_string)?;
    method(vm, proto, "toString", 0, to_string)?;
    method(vm, proto, "valueOf", 0, value_of)?;
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::ToStringTag));
    let tag = vm.string_value("BigInt")?;
    vm.define_own_simple(proto, key, tag, Attrs::CONFIGURABLE_ONLY)?;
    Ok(())
}

/// BigInt ( value ) (§21.2.1.1).
fn bigint_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if !new_target.is_undefined() {
        return Err(vm.type_error("BigInt is not a constructor"));
    }
    let prim = vm.to_primitive(args.get(0), Hint::Number)?;
    if let Some(d) = prim.as_number() {
        // NumberToBigInt (§21.2.1.1.1).
        return match bigint::number_to_bigint(d) {
            Some(n) => vm.new_bigint(n),
            None => {
                let shown = vm.display_string(prim)?;
                Err(vm.range_error(&format!("The number {shown} cannot be converted to a BigInt because it is not an integer")))
            }
        };
    }
    let n = vm.to_bigint(prim)?;
    vm.new_bigint(n)
}

/// ToIndex (§7.1.22): an integer in 0..=2^53-1, else a RangeError.
fn to_index(vm: &mut Vm, v: Value) -> JsResult<u64> {
    let n = vm.to_integer_or_infinity(v)?;
    if !(0.0..=9007199254740991.0).contains(&n) {
        return Err(vm.range_error("Invalid value: not (convertible to) a safe integer"));
    }
    Ok(n as u64)
}

/// BigInt.asIntN ( bits, bigint ) (§21.2.2.1).
fn as_int_n(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let bits = to_index(vm, args.get(0))?;
    let n = vm.to_bigint(args.get(1))?;
    let r = bigint_ops::as_int_n(bits, &n);
    vm.new_bigint(r)
}

/// BigInt.asUintN ( bits, bigint ) (§21.2.2.2).
fn as_uint_n(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let bits = to_index(vm, args.get(0))?;
    let n = vm.to_bigint(args.get(1))?;
    match bigint_ops::as_uint_n(bits, &n) {
        Some(r) => vm.new_bigint(r),
        None => Err(vm.range_error("Maximum BigInt size exceeded")),
    }
}

/// thisBigIntValue (§21.2.3.4.1): a BigInt, or a BigInt wrapper's BigInt.
fn this_bigint_value(vm: &mut Vm, this: Value, method: &str) -> JsResult<Gc<JsBigInt>> {
    if let Some(b) = this.as_bigint() {
        return Ok(b);
    }
    if let Some(o) = this.as_gc::<JsObject>()
        && let ObjectKind::BigInt(b) = &o.kind
    {
        return Ok(*b);
    }
    Err(vm.type_error(&format!("{method} requires that 'this' be a BigInt")))
}

/// BigInt.prototype.toString ( [ radix ] ) (§21.2.3.3).
fn to_string(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let x = this_bigint_value(vm, this, "BigInt.prototype.toString")?;
    let radix = args.get(0);
    let r = if radix.is_undefined() { 10.0 } else { vm.to_integer_or_infinity(radix)? };
    if !(2.0..=36.0).contains(&r) {
        return Err(vm.range_error("toString() radix argument must be between 2 and 36"));
    }
    let s = bigint::to_radix_string(x.value(), r as u32);
    vm.string_value(&s)
}

/// BigInt.prototype.toLocaleString (§21.2.3.2): without ECMA-402, the
/// decimal digits.
fn to_locale_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let x = this_bigint_value(vm, this, "BigInt.prototype.toLocaleString")?;
    let s = bigint::to_radix_string(x.value(), 10);
    vm.string_value(&s)
}

/// BigInt.prototype.valueOf (§21.2.3.4).
fn value_of(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::from_gc(this_bigint_value(vm, this, "BigInt.prototype.valueOf")?))
}
