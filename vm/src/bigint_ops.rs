//! The BigInt operators (ECMA-262 §6.1.6.2 BigInt::*) and the comparisons
//! that mix BigInts with Numbers and Strings (IsLessThan, IsLooselyEqual).
//! The interpreter's generic paths (`interpreter/ops.rs`) come here once
//! either operand is a BigInt; the int32 and number fast paths never do.
//!
//! Every operator checks the size of its result before computing it when
//! that size is known in advance (`**`, `<<`), so `2n ** 2n ** 40n` throws
//! a RangeError at once instead of running out of memory.

use std::cmp::Ordering;

use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::bigint::{BigInt, JsBigInt, MAX_BIGINT_BITS, string_to_bigint};
use crate::conversions::Hint;
use crate::interpreter::BinaryOp;
use crate::object::JsObject;
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{Exception, JsResult, Vm};

/// V8's message for `1n + 1` and its kin.
pub const MIX_ERROR: &str = "Cannot mix BigInt and other types, use explicit conversions";

/// Compares a BigInt with a Number exactly; `None` when `y` is NaN.
pub fn compare_bigint_number(x: &BigInt, y: f64) -> Option<Ordering> {
    if y.is_nan() {
        return None;
    }
    if y == f64::INFINITY {
        return Some(Ordering::Less);
    }
    if y == f64::NEG_INFINITY {
        return Some(Ordering::Greater);
    }
    // x is an integer: x < y iff x <= floor(y) and (x < floor(y) or y has
    // a fraction); x > y iff x > floor(y).
    let floor = y.floor();
    let f = num_traits::FromPrimitive::from_f64(floor).unwrap_or_else(BigInt::zero);
    Some(match x.cmp(&f) {
        Ordering::Equal if floor != y => Ordering::Less,
        o => o,
    })
}

/// `x == y` for a BigInt and a Number (mathematical values).
pub fn bigint_equals_number(x: &BigInt, y: f64) -> bool {
    compare_bigint_number(x, y) == Some(Ordering::Equal)
}

/// BigInt::exponentiate and the other binary operators on two BigInts.
/// Errors are (is_range_error, message).
pub fn bigint_binary(op: BinaryOp, x: &BigInt, y: &BigInt) -> Result<BigInt, (bool, &'static str)> {
    const TOO_BIG: (bool, &str) = (true, "Maximum BigInt size exceeded");
    Ok(match op {
        BinaryOp::Sub => x - y,
        BinaryOp::Mul => {
            if x.bits() + y.bits() > MAX_BIGINT_BITS + 1 {
                return Err(TOO_BIG);
            }
            x * y
        }
        BinaryOp::Div | BinaryOp::Mod => {
            if y.is_zero() {
                return Err((true, "Division by zero"));
            }
            // Both truncate toward zero; the remainder takes x's sign.
            if op == BinaryOp::Div { x / y } else { x % y }
        }
        BinaryOp::Exp => {
            if y.is_negative() {
                return Err((true, "Exponent must be non-negative"));
            }
            if y.is_zero() || x.is_one() {
                return Ok(BigInt::one());
            }
            if x.is_zero() {
                return Ok(BigInt::zero());
            }
            if x.magnitude().is_one() {
                // -1n: the sign alternates with the exponent's parity.
                return Ok(if y.bit(0) { -BigInt::one() } else { BigInt::one() });
            }
            // |x| >= 2, so the result has at least y + 1 bits.
            let Some(e) = y.to_u64().filter(|&e| e <= MAX_BIGINT_BITS) else { return Err(TOO_BIG) };
            // log2|x| * e bits, from |x|'s leading digits: at most the
            // last step of a too-big power is computed.
            let log2 = if x.bits() <= 1000 {
                x.abs().to_f64().unwrap_or(f64::INFINITY).log2()
            } else {
                (x.bits() - 1) as f64
            };
            if log2 * e as f64 > MAX_BIGINT_BITS as f64 + 1.0 {
                return Err(TOO_BIG);
            }
            x.pow(e as u32)
        }
        BinaryOp::BitAnd => x & y,
        BinaryOp::BitOr => x | y,
        BinaryOp::BitXor => x ^ y,
        BinaryOp::Shl => shift_left(x, y).ok_or(TOO_BIG)?,
        BinaryOp::Sar => shift_left(x, &-y).ok_or(TOO_BIG)?,
        BinaryOp::Shr => return Err((false, "BigInts have no unsigned right shift, use >> instead")),
    })
}

/// BigInt::leftShift: `x * 2^y`, rounding toward -Infinity for negative
/// `y`; `None` when the result would be too large.
fn shift_left(x: &BigInt, y: &BigInt) -> Option<BigInt> {
    if x.is_zero() {
        return Some(BigInt::zero());
    }
    if y.is_negative() {
        // A right shift past every bit leaves 0, or -1 for negatives.
        return Some(match y.magnitude().to_u64().filter(|&n| n <= x.bits()) {
            Some(n) => x >> n,
            None if x.is_negative() => -BigInt::one(),
            None => BigInt::zero(),
        });
    }
    let n = y.to_u64().filter(|&n| n <= MAX_BIGINT_BITS)?;
    Some(x << n)
}

/// BigInt.asUintN: `x` modulo 2^bits; `None` when the result would be
/// too large.
pub fn as_uint_n(bits: u64, x: &BigInt) -> Option<BigInt> {
    if !x.is_negative() && x.bits() <= bits {
        return Some(x.clone());
    }
    if bits > MAX_BIGINT_BITS {
        // Only a negative x gets here: 2^bits + x has about `bits` bits.
        return None;
    }
    let modulus = BigInt::one() << bits;
    let r = x % &modulus;
    Some(if r.is_negative() { r + modulus } else { r })
}

/// BigInt.asIntN: `x` modulo 2^bits, as a signed `bits`-bit integer.
pub fn as_int_n(bits: u64, x: &BigInt) -> BigInt {
    if bits == 0 {
        return BigInt::zero();
    }
    // |x| < 2^(bits-1) fits unchanged (the common case for big `bits`).
    if x.bits() < bits {
        return x.clone();
    }
    // x.bits() >= bits here, so bits is at most x's size.
    let modulus = BigInt::one() << bits;
    let mut r = x % &modulus;
    if r.is_negative() {
        r += &modulus;
    }
    if r.bit(bits - 1) { r - modulus } else { r }
}

impl Vm {
    fn bigint_error(&mut self, e: (bool, &'static str)) -> Exception {
        if e.0 { self.range_error(e.1) } else { self.type_error(e.1) }
    }

    /// A binary operator once both operands are numerics and at least one
    /// is a BigInt: TypeError unless both are.
    pub(crate) fn bigint_binary_values(&mut self, op: BinaryOp, a: Value, b: Value) -> JsResult<Value> {
        let (Some(x), Some(y)) = (a.as_bigint(), b.as_bigint()) else {
            return Err(self.type_error(MIX_ERROR));
        };
        match bigint_binary(op, x.value(), y.value()) {
            Ok(r) => self.new_bigint(r),
            Err(e) => Err(self.bigint_error(e)),
        }
    }

    /// `a + b` once both are numerics and at least one is a BigInt.
    pub(crate) fn bigint_add_values(&mut self, a: Value, b: Value) -> JsResult<Value> {
        let (Some(x), Some(y)) = (a.as_bigint(), b.as_bigint()) else {
            return Err(self.type_error(MIX_ERROR));
        };
        let r = x.value() + y.value();
        self.new_bigint(r)
    }

    /// `-x`, `~x`, `x + delta` (`++`/`--`) for a BigInt.
    pub(crate) fn bigint_unary(&mut self, x: &JsBigInt, op: BigIntUnary) -> JsResult<Value> {
        let r = match op {
            BigIntUnary::Negate => -x.value(),
            BigIntUnary::BitwiseNot => !x.value(),
            BigIntUnary::Add(d) => x.value() + d,
        };
        self.new_bigint(r)
    }

    /// IsLessThan's steps after ToPrimitive, when `pa` or `pb` is a BigInt:
    /// `None` means undefined.
    pub(crate) fn bigint_less_than(&mut self, pa: Value, pb: Value) -> JsResult<Option<bool>> {
        if let (Some(x), Some(s)) = (pa.as_bigint(), pb.as_gc::<JsString>()) {
            return Ok(string_to_bigint(&s.to_units()).map(|y| x.value() < &y));
        }
        if let (Some(s), Some(y)) = (pa.as_gc::<JsString>(), pb.as_bigint()) {
            return Ok(string_to_bigint(&s.to_units()).map(|x| &x < y.value()));
        }
        let na = self.to_numeric(pa)?;
        let nb = self.to_numeric(pb)?;
        Ok(match (na.as_bigint(), nb.as_bigint()) {
            (Some(x), Some(y)) => Some(x.value() < y.value()),
            (Some(x), None) => {
                compare_bigint_number(x.value(), nb.as_number().unwrap_or(f64::NAN)).map(|o| o == Ordering::Less)
            }
            (None, Some(y)) => {
                compare_bigint_number(y.value(), na.as_number().unwrap_or(f64::NAN)).map(|o| o == Ordering::Greater)
            }
            (None, None) => {
                let (x, y) = (na.as_number().unwrap_or(f64::NAN), nb.as_number().unwrap_or(f64::NAN));
                if x.is_nan() || y.is_nan() { None } else { Some(x < y) }
            }
        })
    }

    /// IsLooselyEqual when `a` or `b` is a BigInt (and neither is nullish).
    pub(crate) fn loose_equals_bigint(&mut self, a: Value, b: Value) -> JsResult<bool> {
        let (a, b) = if a.is_bigint() { (a, b) } else { (b, a) };
        let Some(x) = a.as_bigint() else { return Ok(false) };
        if let Some(y) = b.as_bigint() {
            return Ok(x.value() == y.value());
        }
        if let Some(y) = b.as_number() {
            return Ok(bigint_equals_number(x.value(), y));
        }
        if let Some(s) = b.as_gc::<JsString>() {
            return Ok(string_to_bigint(&s.to_units()).is_some_and(|y| &y == x.value()));
        }
        if let Some(y) = b.as_bool() {
            return Ok(x.value() == &BigInt::from(u8::from(y)));
        }
        if b.as_gc::<JsObject>().is_some() {
            let p = self.to_primitive(b, Hint::Default)?;
            return self.loose_equals(a, p);
        }
        // Symbols.
        Ok(false)
    }
}

/// A unary operation on a BigInt.
#[derive(Copy, Clone, Debug)]
pub enum BigIntUnary {
    /// `-x`
    Negate,
    /// `~x`
    BitwiseNot,
    /// `x + d` (`++` and `--`)
    Add(i32),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(n: i64) -> BigInt {
        BigInt::from(n)
    }

    #[test]
    fn shifts_round_toward_negative_infinity() {
        assert_eq!(bigint_binary(BinaryOp::Sar, &b(-5), &b(1)), Ok(b(-3)));
        assert_eq!(bigint_binary(BinaryOp::Sar, &b(5), &b(1)), Ok(b(2)));
        assert_eq!(bigint_binary(BinaryOp::Shl, &b(-5), &b(-1)), Ok(b(-3)));
        assert_eq!(bigint_binary(BinaryOp::Sar, &b(-5), &b(1000)), Ok(b(-1)));
        assert_eq!(bigint_binary(BinaryOp::Sar, &b(5), &(b(1) << 80u32)), Ok(b(0)));
        assert_eq!(bigint_binary(BinaryOp::Shl, &b(0), &(b(1) << 80u32)), Ok(b(0)));
        assert!(bigint_binary(BinaryOp::Shl, &b(1), &(b(1) << 80u32)).is_err());
    }

    #[test]
    fn division_truncates_and_remainder_follows_the_dividend() {
        assert_eq!(bigint_binary(BinaryOp::Div, &b(-7), &b(2)), Ok(b(-3)));
        assert_eq!(bigint_binary(BinaryOp::Mod, &b(-7), &b(2)), Ok(b(-1)));
        assert_eq!(bigint_binary(BinaryOp::Mod, &b(7), &b(-2)), Ok(b(1)));
        assert!(bigint_binary(BinaryOp::Div, &b(1), &b(0)).is_err());
    }

    #[test]
    fn bitwise_uses_twos_complement() {
        assert_eq!(bigint_binary(BinaryOp::BitAnd, &b(-1), &b(5)), Ok(b(5)));
        assert_eq!(bigint_binary(BinaryOp::BitOr, &b(-8), &b(3)), Ok(b(-5)));
        assert_eq!(bigint_binary(BinaryOp::BitXor, &b(-1), &b(0)), Ok(b(-1)));
    }

    #[test]
    fn exponent_limits() {
        assert_eq!(bigint_binary(BinaryOp::Exp, &b(-1), &(b(1) << 80u32)), Ok(b(1)));
        assert_eq!(bigint_binary(BinaryOp::Exp, &b(-2), &b(3)), Ok(b(-8)));
        assert_eq!(bigint_binary(BinaryOp::Exp, &b(0), &b(0)), Ok(b(1)));
        assert!(bigint_binary(BinaryOp::Exp, &b(2), &b(-1)).is_err());
        assert!(bigint_binary(BinaryOp::Exp, &b(2), &(b(1) << 40u32)).is_err());
    }

    #[test]
    fn compares_with_numbers_exactly() {
        assert_eq!(compare_bigint_number(&b(1), 1.5), Some(Ordering::Less));
        assert_eq!(compare_bigint_number(&b(2), 1.5), Some(Ordering::Greater));
        assert_eq!(compare_bigint_number(&b(-2), -1.5), Some(Ordering::Less));
        assert_eq!(compare_bigint_number(&b(-1), -1.5), Some(Ordering::Greater));
        assert_eq!(compare_bigint_number(&b(0), -0.0), Some(Ordering::Equal));
        assert_eq!(compare_bigint_number(&b(0), f64::NAN), None);
        assert_eq!(compare_bigint_number(&(b(1) << 2000u32), f64::INFINITY), Some(Ordering::Less));
        assert_eq!(compare_bigint_number(&((b(1) << 53u32) + 1), 9007199254740992.0), Some(Ordering::Greater));
    }

    #[test]
    fn as_int_n_and_as_uint_n() {
        assert_eq!(as_int_n(3, &b(4)), b(-4));
        assert_eq!(as_int_n(3, &b(-5)), b(3));
        assert_eq!(as_int_n(64, &b(-1)), b(-1));
        assert_eq!(as_int_n(0, &b(-1)), b(0));
        assert_eq!(as_uint_n(3, &b(-1)), Some(b(7)));
        assert_eq!(as_uint_n(64, &b(-1)), Some(b(u64::MAX as i64) & ((b(1) << 64u32) - 1)));
        assert_eq!(as_uint_n(1 << 40, &b(5)), Some(b(5)));
        assert_eq!(as_uint_n(1 << 40, &b(-5)), None);
        assert_eq!(as_uint_n(0, &b(5)), Some(b(0)));
    }
}
