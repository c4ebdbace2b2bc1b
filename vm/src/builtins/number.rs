//! Number (ECMA-262 §21.1): the constructor (ToNumeric when called, a
//! wrapper with [[NumberData]] under `new`), its constants and predicates,
//! `parseFloat`/`parseInt` (the same function objects as the globals of
//! §19.2.4–5), and Number.prototype's formatting methods.
//!
//! The digit work is in `number_conv.rs`; this file does the spec's
//! argument coercions, in order, and its range checks.

use strata_gc::Gc;

use super::{constructor, method};
use crate::function::Args;
use crate::number_conv;
use crate::object::{JsObject, ObjectKind};
use crate::property::Attrs;
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// 2^53 - 1.
const MAX_SAFE_INTEGER: f64 = 9007199254740991.0;

/// Installs Number, Number.prototype's methods and the globals
/// `parseFloat` and `parseInt`.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let proto = vm.intrinsic(Intrinsic::NumberPrototype);
    let ctor = constructor(vm, global, "Number", 1, number_ctor, proto)?;
    vm.realm().set_intrinsic(Intrinsic::Number, ctor);

    let constants = [
        ("EPSILON", f64::EPSILON),
        ("MAX_SAFE_INTEGER", MAX_SAFE_INTEGER),
        ("MAX_VALUE", f64::MAX),
        ("MIN_SAFE_INTEGER", -MAX_SAFE_INTEGER),
        ("MIN_VALUE", 5e-324),
        ("NaN", f64::NAN),
        ("NEGATIVE_INFINITY", f64::NEG_INFINITY),
        ("POSITIVE_INFINITY", f64::INFINITY),
    ];
    for (name, value) in constants {
        vm.define_value(ctor, name, Value::number(value), Attrs::NONE)?;
    }
    method(vm, ctor, "isFinite", 1, is_finite)?;
    method(vm, ctor, "isInteger", 1, is_integer)?;
    method(vm, ctor, "isNaN", 1, is_nan)?;
    method(vm, ctor, "isSafeInteger", 1, is_safe_integer)?;
    // Number.parseFloat === parseFloat and Number.parseInt === parseInt.
    let pf = method(vm, ctor, "parseFloat", 1, parse_float)?;
    vm.define_value(global, "parseFloat", Value::from_gc(pf), Attrs::HIDDEN)?;
    let pi = method(vm, ctor, "parseInt", 2, parse_int)?;
    vm.define_value(global, "parseInt", Value::from_gc(pi), Attrs::HIDDEN)?;

    method(vm, proto, "toExponential", 1, to_exponential)?;
    method(vm, proto, "toFixed", 1, to_fixed)?;
    method(vm, proto, "toLocaleString", 0, to_locale_string)?;
    method(vm, proto, "toPrecision", 1, to_precision)?;
    method(vm, proto, "toString", 1, to_string)?;
    method(vm, proto, "valueOf", 0, value_of)?;
    Ok(())
}

/// Number ( value ) (§21.1.1.1).
fn number_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    // ToNumeric; a BigInt becomes 𝔽(ℝ(prim)).
    let mut n = if args.is_empty() { Value::int(0) } else { vm.to_numeric(args.get(0))? };
    if let Some(b) = n.as_bigint() {
        n = Value::number(crate::bigint::bigint_to_number(b.value()));
    }
    if new_target.is_undefined() {
        return Ok(n);
    }
    let x = n.as_number().unwrap_or(f64::NAN);
    let proto = vm.prototype_from_constructor(new_target, Intrinsic::NumberPrototype)?;
    Ok(Value::from_gc(vm.new_object_with(proto, ObjectKind::Number(x))?))
}

/// IsIntegralNumber.
fn is_integral(x: f64) -> bool {
    x.is_finite() && x.trunc() == x
}

fn is_finite(_vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::bool(args.get(0).as_number().is_some_and(f64::is_finite)))
}

fn is_integer(_vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::bool(args.get(0).as_number().is_some_and(is_integral)))
}

fn is_nan(_vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::bool(args.get(0).as_number().is_some_and(f64::is_nan)))
}

fn is_safe_integer(_vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let safe = args.get(0).as_number().is_some_and(|x| is_integral(x) && x.abs() <= MAX_SAFE_INTEGER);
    Ok(Value::bool(safe))
}

/// parseFloat ( string ) (§19.2.4).
fn parse_float(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = vm.to_string(args.get(0))?;
    let units = s.to_units();
    Ok(Value::number(number_conv::parse_float(&units)))
}

/// parseInt ( string, radix ) (§19.2.5): ToString before ToInt32.
fn parse_int(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = vm.to_string(args.get(0))?;
    let radix = vm.to_int32(args.get(1))?;
    let units = s.to_units();
    Ok(Value::number(number_conv::parse_int(&units, radix)))
}

/// thisNumberValue (§21.1.3.7.1).
fn this_number_value(vm: &mut Vm, this: Value, method: &str) -> JsResult<f64> {
    if let Some(n) = this.as_number() {
        return Ok(n);
    }
    if let Some(o) = this.as_gc::<JsObject>()
        && let ObjectKind::Number(n) = o.kind
    {
        return Ok(n);
    }
    Err(vm.type_error(&format!("Number.prototype.{method} requires that 'this' be a Number")))
}

fn string_result(vm: &mut Vm, s: &str) -> JsResult<Value> {
    vm.string_value(s)
}

/// Number.prototype.toExponential ( fractionDigits ) (§21.1.3.2).
fn to_exponential(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let x = this_number_value(vm, this, "toExponential")?;
    let fd = args.get(0);
    let f = vm.to_integer_or_infinity(fd)?;
    if !x.is_finite() {
        return string_result(vm, &number_conv::number_to_string(x));
    }
    if !(0.0..=100.0).contains(&f) {
        return Err(vm.range_error("toExponential() argument must be between 0 and 100"));
    }
    let digits = if fd.is_undefined() { None } else { Some(f as u32) };
    string_result(vm, &number_conv::to_exponential(x, digits))
}

/// Number.prototype.toFixed ( fractionDigits ) (§21.1.3.3).
fn to_fixed(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let x = this_number_value(vm, this, "toFixed")?;
    let f = vm.to_integer_or_infinity(args.get(0))?;
    if !(0.0..=100.0).contains(&f) {
        return Err(vm.range_error("toFixed() digits argument must be between 0 and 100"));
    }
    string_result(vm, &number_conv::to_fixed(x, f as u32))
}

/// Number.prototype.toPrecision ( precision ) (§21.1.3.5).
fn to_precision(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let x = this_number_value(vm, this, "toPrecision")?;
    let precision = args.get(0);
    if precision.is_undefined() {
        return string_result(vm, &number_conv::number_to_string(x));
    }
    let p = vm.to_integer_or_infinity(precision)?;
    if !x.is_finite() {
        return string_result(vm, &number_conv::number_to_string(x));
    }
    if !(1.0..=100.0).contains(&p) {
        return Err(vm.range_error("toPrecision() argument must be between 1 and 100"));
    }
    string_result(vm, &number_conv::to_precision(x, p as u32))
}

/// Number.prototype.toString ( [ radix ] ) (§21.1.3.6).
fn to_string(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let x = this_number_value(vm, this, "toString")?;
    let radix = args.get(0);
    let r = if radix.is_undefined() { 10.0 } else { vm.to_integer_or_infinity(radix)? };
    if !(2.0..=36.0).contains(&r) {
        return Err(vm.range_error("toString() radix argument must be between 2 and 36"));
    }
    if r == 10.0 {
        return Ok(Value::from_gc(vm.to_string(Value::number(x))?));
    }
    string_result(vm, &number_conv::number_to_radix_string(x, r as u32))
}

/// Number.prototype.toLocaleString ( ) (§21.1.3.4). Without Intl this
/// formats like ICU's default `en-US` locale does: at most three fraction
/// digits (rounded half away from zero), `,` grouping, `∞` for infinities.
/// Beyond 10^21 the shortest round-trip digits are padded with zeros
/// (ICU prints 17 significant digits there, so the two may differ).
fn to_locale_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let x = this_number_value(vm, this, "toLocaleString")?;
    string_result(vm, &locale_format(x))
}

/// The `en-US` rendering described at [`to_locale_string`].
fn locale_format(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let a = x.abs();
    if a.is_infinite() {
        return format!("{sign}∞");
    }
    let (int_part, frac_part) = if a >= 1e21 {
        (exponent_to_plain(&number_conv::number_to_string(a)), String::new())
    } else {
        let fixed = number_conv::to_fixed(a, 3);
        let (i, f) = fixed.split_once('.').unwrap_or((&fixed, ""));
        (i.to_string(), f.trim_end_matches('0').to_string())
    };
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if frac_part.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped}.{frac_part}") }
}

/// `d.ddde+N` (N ≥ 21) as an integer numeral.
fn exponent_to_plain(s: &str) -> String {
    let Some((mantissa, exp)) = s.split_once("e+") else { return s.to_string() };
    let exp: usize = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let zeros = (exp + 1).saturating_sub(digits.len());
    format!("{digits}{}", "0".repeat(zeros))
}

/// Number.prototype.valueOf ( ) (§21.1.3.7).
fn value_of(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::number(this_number_value(vm, this, "valueOf")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_format_matches_icu_en_us() {
        assert_eq!(locale_format(1234.5678), "1,234.568");
        assert_eq!(locale_format(-0.0), "-0");
        assert_eq!(locale_format(f64::NEG_INFINITY), "-∞");
        assert_eq!(locale_format(1e21), "1,000,000,000,000,000,000,000");
        assert_eq!(locale_format(123456789.9996), "123,456,790");
        assert_eq!(locale_format(0.0005), "0.001");
        assert_eq!(locale_format(1e-7), "0");
        assert_eq!(locale_format(100.0), "100");
    }
}
