//! The semantics behind arithmetic, bitwise, comparison and relational
//! bytecodes (ECMA-262 §13.15.3 ApplyStringOrNumericBinaryOperator, §7.2.13
//! IsLessThan, §13.10.2 InstanceofOperator), with int32 fast paths first.
//! Operands that turn out to be BigInts go on to `bigint_ops.rs`.

use strata_gc::Gc;

use crate::conversions::Hint;
use crate::number_conv;
use crate::object::{JsObject, ObjectKind};
use crate::property::PropertyKey;
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

/// A binary numeric operator.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum BinaryOp {
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Mod,
    /// `**`
    Exp,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `&`
    BitAnd,
    /// `<<`
    Shl,
    /// `>>`
    Sar,
    /// `>>>`
    Shr,
}

/// Number::exponentiate (§6.1.6.1.3): differs from `powf` for NaN
/// exponents and ±1 bases with infinite exponents.
pub fn exponentiate(base: f64, exp: f64) -> f64 {
    if exp.is_nan() {
        return f64::NAN;
    }
    if exp == 0.0 {
        return 1.0;
    }
    if (base == 1.0 || base == -1.0) && exp.is_infinite() {
        return f64::NAN;
    }
    // The same pow as Math.pow (builtins/math.rs), so `**` and Math.pow
    // agree to the last bit.
    libm::pow(base, exp)
}

#[inline(always)]
fn apply_number(op: BinaryOp, a: f64, b: f64) -> f64 {
    match op {
        BinaryOp::Sub => a - b,
        BinaryOp::Mul => a * b,
        BinaryOp::Div => a / b,
        BinaryOp::Mod => {
            if b.is_infinite() && a.is_finite() {
                a
            } else {
                a % b
            }
        }
        BinaryOp::Exp => exponentiate(a, b),
        BinaryOp::BitOr => (number_conv::to_int32(a) | number_conv::to_int32(b)) as f64,
        BinaryOp::BitXor => (number_conv::to_int32(a) ^ number_conv::to_int32(b)) as f64,
        BinaryOp::BitAnd => (number_conv::to_int32(a) & number_conv::to_int32(b)) as f64,
        BinaryOp::Shl => number_conv::to_int32(a).wrapping_shl(number_conv::to_uint32(b) & 31) as f64,
        BinaryOp::Sar => (number_conv::to_int32(a) >> (number_conv::to_uint32(b) & 31)) as f64,
        BinaryOp::Shr => (number_conv::to_uint32(a) >> (number_conv::to_uint32(b) & 31)) as f64,
    }
}

/// The number fast path: both operands are numbers, so no conversion can
/// run user code.
#[inline]
pub(crate) fn number_fast(op: BinaryOp, a: f64, b: f64) -> Option<Value> {
    Some(Value::number(apply_number(op, a, b)))
}

/// The int32 fast path: `Some` when both operands are int32 and the result
/// is exact without leaving int32 (or is known to be a double).
#[inline]
pub(crate) fn int_fast(op: BinaryOp, a: i32, b: i32) -> Option<Value> {
    Some(match op {
        BinaryOp::Sub => Value::int(a.checked_sub(b)?),
        BinaryOp::Mul => {
            let r = a.checked_mul(b)?;
            if r == 0 && (a < 0 || b < 0) {
                return Some(Value::double(-0.0));
            }
            Value::int(r)
        }
        BinaryOp::Mod => {
            if b == 0 || a < 0 {
                return None;
            }
            Value::int(a % b)
        }
        BinaryOp::BitOr => Value::int(a | b),
        BinaryOp::BitXor => Value::int(a ^ b),
        BinaryOp::BitAnd => Value::int(a & b),
        BinaryOp::Shl => Value::int(a.wrapping_shl(b as u32 & 31)),
        BinaryOp::Sar => Value::int(a >> (b as u32 & 31)),
        BinaryOp::Shr => Value::number(((a as u32) >> (b as u32 & 31)) as f64),
        BinaryOp::Div => {
            if b == 0 || (a == 0 && b < 0) || (a == i32::MIN && b == -1) || a % b != 0 {
                return None;
            }
            Value::int(a / b)
        }
        BinaryOp::Exp => return None,
    })
}

impl Vm {
    /// `a + b`.
    #[inline]
    pub fn add(&mut self, a: Value, b: Value) -> JsResult<Value> {
        if let (Some(x), Some(y)) = (a.as_int(), b.as_int()) {
            return Ok(match x.checked_add(y) {
                Some(r) => Value::int(r),
                None => Value::double(x as f64 + y as f64),
            });
        }
        if let (Some(x), Some(y)) = (a.as_number(), b.as_number()) {
            return Ok(Value::number(x + y));
        }
        if let (Some(x), Some(y)) = (a.as_gc::<JsString>(), b.as_gc::<JsString>()) {
            return Ok(Value::from_gc(self.concat(x, y)?));
        }
        let pa = self.to_primitive(a, Hint::Default)?;
        let pb = self.to_primitive(b, Hint::Default)?;
        if pa.as_gc::<JsString>().is_some() || pb.as_gc::<JsString>().is_some() {
            let sa = self.to_string(pa)?;
            let sb = self.to_string(pb)?;
            return Ok(Value::from_gc(self.concat(sa, sb)?));
        }
        let na = self.to_numeric(pa)?;
        let nb = self.to_numeric(pb)?;
        match (na.as_number(), nb.as_number()) {
            (Some(x), Some(y)) => Ok(Value::number(x + y)),
            _ => self.bigint_add_values(na, nb),
        }
    }

    /// A numeric binary operator (everything but `+`).
    #[inline]
    pub fn binary(&mut self, op: BinaryOp, a: Value, b: Value) -> JsResult<Value> {
        if let (Some(x), Some(y)) = (a.as_int(), b.as_int())
            && let Some(v) = int_fast(op, x, y)
        {
            return Ok(v);
        }
        let na = self.to_numeric(a)?;
        let nb = self.to_numeric(b)?;
        match (na.as_number(), nb.as_number()) {
            (Some(x), Some(y)) => Ok(Value::number(apply_number(op, x, y))),
            _ => self.bigint_binary_values(op, na, nb),
        }
    }

    /// Unary `-` (ECMA-262 §13.5.5): Number::unaryMinus or BigInt::unaryMinus.
    pub fn negate(&mut self, v: Value) -> JsResult<Value> {
        let n = self.to_numeric(v)?;
        match n.as_bigint() {
            Some(b) => self.bigint_unary(&b, crate::bigint_ops::BigIntUnary::Negate),
            None => Ok(Value::number(-n.as_number().unwrap_or(f64::NAN))),
        }
    }

    /// Unary `~` (ECMA-262 §13.5.6): Number::bitwiseNOT or BigInt::bitwiseNOT.
    pub fn bitwise_not(&mut self, v: Value) -> JsResult<Value> {
        let n = self.to_numeric(v)?;
        match n.as_bigint() {
            Some(b) => self.bigint_unary(&b, crate::bigint_ops::BigIntUnary::BitwiseNot),
            None => Ok(Value::int(!number_conv::to_int32(n.as_number().unwrap_or(f64::NAN)))),
        }
    }

    /// IsLessThan(a, b, left_first): `None` means undefined (a NaN).
    pub fn less_than(&mut self, a: Value, b: Value, left_first: bool) -> JsResult<Option<bool>> {
        if let (Some(x), Some(y)) = (a.as_int(), b.as_int()) {
            return Ok(Some(x < y));
        }
        let (pa, pb) = if left_first {
            let pa = self.to_primitive(a, Hint::Number)?;
            (pa, self.to_primitive(b, Hint::Number)?)
        } else {
            let pb = self.to_primitive(b, Hint::Number)?;
            (self.to_primitive(a, Hint::Number)?, pb)
        };
        if let (Some(x), Some(y)) = (pa.as_gc::<JsString>(), pb.as_gc::<JsString>()) {
            return Ok(Some(x.compare(&y) == std::cmp::Ordering::Less));
        }
        if pa.is_bigint() || pb.is_bigint() {
            return self.bigint_less_than(pa, pb);
        }
        let x = self.to_number(pa)?;
        let y = self.to_number(pb)?;
        if x.is_nan() || y.is_nan() {
            return Ok(None);
        }
        Ok(Some(x < y))
    }

    /// The relational operators: `<` `>` `<=` `>=` as (swap, negate).
    pub fn compare(&mut self, op: strata_bytecode::Opcode, a: Value, b: Value) -> JsResult<bool> {
        use strata_bytecode::Opcode::*;
        if let (Some(x), Some(y)) = (a.as_number(), b.as_number()) {
            return Ok(match op {
                TestLessThan => x < y,
                TestGreaterThan => x > y,
                TestLessThanOrEqual => x <= y,
                _ => x >= y,
            });
        }
        Ok(match op {
            TestLessThan => self.less_than(a, b, true)? == Some(true),
            TestGreaterThan => self.less_than(b, a, false)? == Some(true),
            TestLessThanOrEqual => self.less_than(b, a, false)? == Some(false),
            _ => self.less_than(a, b, true)? == Some(false),
        })
    }

    /// InstanceofOperator(v, target).
    pub fn instance_of(&mut self, v: Value, target: Value) -> JsResult<bool> {
        let Some(t) = target.as_gc::<JsObject>() else {
            return Err(self.type_error("Right-hand side of 'instanceof' is not an object"));
        };
        let key = PropertyKey::Symbol(self.well_known(WellKnown::HasInstance));
        let handler = self.get(t, key, target)?;
        if !handler.is_nullish() {
            let r = self.call(handler, target, &[v])?;
            return Ok(crate::conversions::to_boolean(r));
        }
        if !t.is_callable() {
            return Err(self.type_error("Right-hand side of 'instanceof' is not callable"));
        }
        self.ordinary_has_instance(target, v)
    }

    /// OrdinaryHasInstance(c, o).
    pub fn ordinary_has_instance(&mut self, c: Value, o: Value) -> JsResult<bool> {
        let Some(cf) = c.as_gc::<JsObject>().filter(|f| f.is_callable()) else { return Ok(false) };
        if let ObjectKind::BoundFunction(b) = &cf.kind {
            let target = b.target;
            return self.instance_of(o, target);
        }
        let Some(mut obj) = o.as_gc::<JsObject>() else { return Ok(false) };
        let key = PropertyKey::String(self.roots.names.prototype);
        let proto = self.get(cf, key, c)?;
        let Some(proto) = proto.as_gc::<JsObject>() else {
            return Err(self.type_error("Function has non-object prototype in instanceof check"));
        };
        loop {
            let next: Option<Gc<JsObject>> = self.get_prototype_of(obj)?.as_gc::<JsObject>();
            match next {
                None => return Ok(false),
                Some(p) if p == proto => return Ok(true),
                Some(p) => obj = p,
            }
        }
    }

    /// `key in obj`.
    pub fn has_in(&mut self, key: Value, obj: Value) -> JsResult<bool> {
        let Some(o) = obj.as_gc::<JsObject>() else {
            let k = self.display_string(key).unwrap_or_default();
            return Err(self.type_error(&format!("Cannot use 'in' operator to search for '{k}' in non-object")));
        };
        let k = self.to_property_key(key)?;
        self.has_property(o, k)
    }
}
