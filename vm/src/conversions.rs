//! Type conversions and equality (ECMA-262 §7.1, §7.2): ToPrimitive,
//! ToNumber, ToString, ToPropertyKey, ToObject, the integer conversions,
//! typeof, and the equality comparisons.

use strata_gc::Gc;

use crate::bigint::{self, JsBigInt};
use crate::number_conv;
use crate::object::{JsObject, ObjectKind};
use crate::property::PropertyKey;
use crate::realm::Intrinsic;
use crate::string::JsString;
use crate::symbol::Symbol;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

/// The hint of ToPrimitive.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Hint {
    /// "default"
    Default,
    /// "number"
    Number,
    /// "string"
    String,
}

/// ToBoolean.
#[inline]
pub fn to_boolean(v: Value) -> bool {
    if let Some(b) = v.as_bool() {
        return b;
    }
    if let Some(i) = v.as_int() {
        return i != 0;
    }
    if let Some(d) = v.as_number() {
        return !(d == 0.0 || d.is_nan());
    }
    if v.is_nullish() || v.is_hole() {
        return false;
    }
    if let Some(s) = v.as_gc::<JsString>() {
        return !s.is_empty();
    }
    if let Some(b) = v.as_gc::<JsBigInt>() {
        return !num_traits::Zero::is_zero(b.value());
    }
    // Annex B.3.6.1: an object with an [[IsHTMLDDA]] slot is falsy.
    !v.as_gc::<JsObject>().is_some_and(|o| o.is_html_dda())
}

/// Whether `v` is null, undefined, or an object with an [[IsHTMLDDA]]
/// slot (Annex B.3.6.2): what `v == null` tests.
#[inline]
pub fn is_undetectable(v: Value) -> bool {
    v.is_nullish() || v.as_gc::<JsObject>().is_some_and(|o| o.is_html_dda())
}

/// Strict equality (IsStrictlyEqual).
#[inline]
pub fn strict_equals(a: Value, b: Value) -> bool {
    // Identical bits are equal but for NaN; ints compare by bits.
    if a.bits() == b.bits() && !a.is_double() {
        return true;
    }
    if a.is_number() && b.is_number() {
        return a.as_number() == b.as_number();
    }
    // Strings and BigInts, the only values compared by content, are
    // cells: with a non-cell on either side the bits decided it.
    if !a.is_cell() || !b.is_cell() {
        return false;
    }
    match (a.as_gc::<JsString>(), b.as_gc::<JsString>()) {
        // Two different atoms differ (single characters, literals and
        // property names are atoms).
        (Some(x), Some(y)) => !(x.is_atom() && y.is_atom()) && x.content_eq(&y),
        // BigInts are cells compared by value.
        (None, None) => match (a.as_gc::<JsBigInt>(), b.as_gc::<JsBigInt>()) {
            (Some(x), Some(y)) => x.value() == y.value(),
            _ => false,
        },
        _ => false,
    }
}

/// SameValue (`Object.is`).
pub fn same_value(a: Value, b: Value) -> bool {
    if let (Some(x), Some(y)) = (a.as_number(), b.as_number()) {
        return (x.is_nan() && y.is_nan()) || (x == y && x.is_sign_negative() == y.is_sign_negative());
    }
    strict_equals(a, b)
}

/// SameValueZero (`includes`, Map keys).
pub fn same_value_zero(a: Value, b: Value) -> bool {
    if let (Some(x), Some(y)) = (a.as_number(), b.as_number()) {
        return (x.is_nan() && y.is_nan()) || x == y;
    }
    strict_equals(a, b)
}

impl Vm {
    /// ToPrimitive.
    pub fn to_primitive(&mut self, v: Value, hint: Hint) -> JsResult<Value> {
        let Some(obj) = v.as_gc::<JsObject>() else { return Ok(v) };
        let key = PropertyKey::Symbol(self.well_known(WellKnown::ToPrimitive));
        let exotic = self.get(obj, key, v)?;
        if !exotic.is_nullish() {
            if !self.is_callable(exotic) {
                return Err(self.type_error("Symbol.toPrimitive is not a function"));
            }
            let h = match hint {
                Hint::Default => "default",
                Hint::Number => "number",
                Hint::String => "string",
            };
            let h = self.string_value(h)?;
            let r = self.call(exotic, v, &[h])?;
            if r.as_gc::<JsObject>().is_some() {
                return Err(self.type_error("Cannot convert object to primitive value"));
            }
            return Ok(r);
        }
        let order = if hint == Hint::String { ["toString", "valueOf"] } else { ["valueOf", "toString"] };
        for name in order {
            let key = self.key(name);
            let method = self.get(obj, key, v)?;
            if self.is_callable(method) {
                let r = self.call(method, v, &[])?;
                if !r.as_gc::<JsObject>().is_some() {
                    return Ok(r);
                }
            }
        }
        Err(self.type_error("Cannot convert object to primitive value"))
    }

    /// ToNumber.
    pub fn to_number(&mut self, v: Value) -> JsResult<f64> {
        if let Some(n) = v.as_number() {
            return Ok(n);
        }
        if v.is_undefined() {
            return Ok(f64::NAN);
        }
        if v.is_null() {
            return Ok(0.0);
        }
        if let Some(b) = v.as_bool() {
            return Ok(if b { 1.0 } else { 0.0 });
        }
        if let Some(s) = v.as_gc::<JsString>() {
            return Ok(number_conv::string_to_number(&s.to_units()));
        }
        if v.as_gc::<Symbol>().is_some() {
            return Err(self.type_error("Cannot convert a Symbol value to a number"));
        }
        if v.is_bigint() {
            return Err(self.type_error("Cannot convert a BigInt value to a number"));
        }
        let p = self.to_primitive(v, Hint::Number)?;
        self.to_number(p)
    }

    /// ToString.
    pub fn to_string(&mut self, v: Value) -> JsResult<Gc<JsString>> {
        if let Some(s) = v.as_gc::<JsString>() {
            return Ok(s);
        }
        if let Some(i) = v.as_int() {
            return self.int_to_string(i);
        }
        if let Some(n) = v.as_number() {
            return self.new_string(&number_conv::number_to_string(n));
        }
        let name = match () {
            _ if v.is_undefined() => "undefined",
            _ if v.is_null() => "null",
            _ if v == Value::TRUE => "true",
            _ if v == Value::FALSE => "false",
            _ => "",
        };
        if !name.is_empty() {
            return Ok(self.intern(name));
        }
        if v.as_gc::<Symbol>().is_some() {
            return Err(self.type_error("Cannot convert a Symbol value to a string"));
        }
        if let Some(b) = v.as_bigint() {
            return self.new_string(&bigint::to_radix_string(b.value(), 10));
        }
        let p = self.to_primitive(v, Hint::String)?;
        self.to_string(p)
    }

    /// The decimal string of an int32 (small values are atoms, shared).
    pub fn int_to_string(&mut self, i: i32) -> JsResult<Gc<JsString>> {
        if (0..256).contains(&i) {
            return Ok(self.intern(&i.to_string()));
        }
        self.new_string(&i.to_string())
    }

    /// ToPropertyKey.
    pub fn to_property_key(&mut self, v: Value) -> JsResult<PropertyKey> {
        if let Some(i) = v.as_int()
            && i >= 0
        {
            return Ok(PropertyKey::Index(i as u32));
        }
        if let Some(s) = v.as_gc::<JsString>() {
            return self.key_from_string(s);
        }
        if let Some(s) = v.as_gc::<Symbol>() {
            return Ok(PropertyKey::Symbol(s));
        }
        let p = if v.is_cell() && v.as_gc::<JsObject>().is_some() { self.to_primitive(v, Hint::String)? } else { v };
        if let Some(s) = p.as_gc::<Symbol>() {
            return Ok(PropertyKey::Symbol(s));
        }
        let s = self.to_string(p)?;
        self.key_from_string(s)
    }

    /// ToObject.
    pub fn to_object(&mut self, v: Value) -> JsResult<Gc<JsObject>> {
        if let Some(o) = v.as_gc::<JsObject>() {
            return Ok(o);
        }
        if v.is_nullish() {
            let what = if v.is_null() { "null" } else { "undefined" };
            return Err(self.type_error(&format!("Cannot convert {what} to object")));
        }
        let (proto, kind) = if let Some(b) = v.as_bool() {
            (Intrinsic::BooleanPrototype, ObjectKind::Boolean(b))
        } else if let Some(n) = v.as_number() {
            (Intrinsic::NumberPrototype, ObjectKind::Number(n))
        } else if let Some(s) = v.as_gc::<JsString>() {
            (Intrinsic::StringPrototype, ObjectKind::String(s))
        } else if let Some(s) = v.as_gc::<Symbol>() {
            (Intrinsic::SymbolPrototype, ObjectKind::Symbol(s))
        } else if let Some(b) = v.as_bigint() {
            (Intrinsic::BigIntPrototype, ObjectKind::BigInt(b))
        } else {
            return Err(self.type_error("Cannot convert value to object"));
        };
        let proto = Value::from_gc(self.intrinsic(proto));
        let obj = self.new_object_with(proto, kind)?;
        if let Some(s) = v.as_gc::<JsString>() {
            let len = Value::int(s.len() as i32);
            self.define_value(obj, "length", len, crate::property::Attrs::NONE)?;
        }
        Ok(obj)
    }

    /// ToInt32.
    pub fn to_int32(&mut self, v: Value) -> JsResult<i32> {
        if let Some(i) = v.as_int() {
            return Ok(i);
        }
        Ok(number_conv::to_int32(self.to_number(v)?))
    }

    /// ToUint32.
    pub fn to_uint32(&mut self, v: Value) -> JsResult<u32> {
        if let Some(i) = v.as_int() {
            return Ok(i as u32);
        }
        Ok(number_conv::to_uint32(self.to_number(v)?))
    }

    /// ToIntegerOrInfinity.
    pub fn to_integer_or_infinity(&mut self, v: Value) -> JsResult<f64> {
        if let Some(i) = v.as_int() {
            return Ok(i as f64);
        }
        Ok(number_conv::to_integer_or_infinity(self.to_number(v)?))
    }

    /// ToLength.
    pub fn to_length(&mut self, v: Value) -> JsResult<u64> {
        let n = self.to_integer_or_infinity(v)?;
        Ok(if n <= 0.0 { 0 } else { n.min(9007199254740991.0) as u64 })
    }

    /// `typeof v`.
    pub fn type_of(&mut self, v: Value) -> Gc<JsString> {
        let name = if v.is_number() {
            "number"
        } else if v.is_undefined() || v.is_hole() {
            "undefined"
        } else if v.is_null() {
            "object"
        } else if v.is_bool() {
            "boolean"
        } else if v.as_gc::<JsString>().is_some() {
            "string"
        } else if v.as_gc::<Symbol>().is_some() {
            "symbol"
        } else if v.is_bigint() {
            "bigint"
        } else if v.as_gc::<JsObject>().is_some_and(|o| o.is_html_dda()) {
            // Annex B.3.6.3.
            "undefined"
        } else if self.is_callable(v) {
            "function"
        } else {
            "object"
        };
        self.intern(name)
    }

    /// Whether `v` is callable.
    #[inline]
    pub fn is_callable(&self, v: Value) -> bool {
        v.as_gc::<JsObject>().is_some_and(|o| o.is_callable())
    }

    /// Whether `v` is a constructor.
    pub fn is_constructor(&self, v: Value) -> bool {
        match v.as_gc::<JsObject>() {
            Some(o) => match &o.kind {
                ObjectKind::Function(f) => f.is_constructor(),
                ObjectKind::BoundFunction(b) => self.is_constructor(b.target),
                ObjectKind::Proxy(p) => p.constructor,
                _ => false,
            },
            None => false,
        }
    }

    /// IsLooselyEqual (`==`).
    pub fn loose_equals(&mut self, a: Value, b: Value) -> JsResult<bool> {
        if a.is_number() && b.is_number() {
            return Ok(a.as_number() == b.as_number());
        }
        let (a_str, b_str) = (a.as_gc::<JsString>(), b.as_gc::<JsString>());
        let (a_obj, b_obj) = (a.as_gc::<JsObject>(), b.as_gc::<JsObject>());
        if a_str.is_some() && b_str.is_some() || (a_obj.is_some() && b_obj.is_some()) {
            return Ok(strict_equals(a, b));
        }
        if a.is_nullish() || b.is_nullish() {
            // Annex B.3.6.2: an [[IsHTMLDDA]] object equals null and
            // undefined.
            return Ok(is_undetectable(a) && is_undetectable(b));
        }
        if a == b {
            return Ok(true);
        }
        if a.is_bigint() || b.is_bigint() {
            return self.loose_equals_bigint(a, b);
        }
        if a.is_number() && b_str.is_some() {
            let n = self.to_number(b)?;
            return Ok(a.as_number() == Some(n));
        }
        if a_str.is_some() && b.is_number() {
            let n = self.to_number(a)?;
            return Ok(Some(n) == b.as_number());
        }
        if a.is_bool() {
            let n = Value::number(self.to_number(a)?);
            return self.loose_equals(n, b);
        }
        if b.is_bool() {
            let n = Value::number(self.to_number(b)?);
            return self.loose_equals(a, n);
        }
        if b_obj.is_some() && (a.is_number() || a_str.is_some() || a.as_gc::<Symbol>().is_some()) {
            let p = self.to_primitive(b, Hint::Default)?;
            return self.loose_equals(a, p);
        }
        if a_obj.is_some() && (b.is_number() || b_str.is_some() || b.as_gc::<Symbol>().is_some()) {
            let p = self.to_primitive(a, Hint::Default)?;
            return self.loose_equals(p, b);
        }
        Ok(false)
    }

    /// What `print` and `console.log` show for a value: ToString, except
    /// that symbols print as `Symbol(description)` instead of throwing and
    /// BigInts as `1n` (as node's console.log does).
    pub fn display_string(&mut self, v: Value) -> JsResult<String> {
        if let Some(b) = v.as_bigint() {
            return Ok(format!("{}n", b.value()));
        }
        if let Some(s) = v.as_gc::<Symbol>() {
            let desc = match s.description.as_gc::<JsString>() {
                Some(d) => d.to_rust_string(),
                None => String::new(),
            };
            return Ok(format!("Symbol({desc})"));
        }
        Ok(self.to_string(v)?.to_rust_string())
    }
}
