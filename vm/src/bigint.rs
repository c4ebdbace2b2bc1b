//! BigInt values (ECMA-262 §6.1.6.2): immutable heap cells holding an
//! arbitrary-precision integer, and the conversions the spec defines on
//! them (ToBigInt, StringToBigInt, ToBigInt64/ToBigUint64, NumberToBigInt,
//! ToNumeric).
//!
//! A BigInt is a [`JsBigInt`] cell, so a `Value` holding one is a cell
//! pointer like a string or symbol (`Value::is_bigint`, `Value::as_bigint`).
//! Cells are never mutated after allocation; two BigInts with the same
//! mathematical value are different cells, so every equality (`===`,
//! SameValue, SameValueZero, Map keys) compares by value, not by address.
//!
//! The integer is a [`num_bigint::BigInt`], re-exported here as
//! [`BigInt`] so other crates need no direct dependency. Its digits live
//! outside the heap and are counted as external memory. Results larger than
//! [`MAX_BIGINT_BITS`] throw a RangeError (V8's limit), checked before an
//! operation whose result size is known in advance (`**`, `<<`) runs.
//!
//! The operators live in `bigint_ops.rs`.

use num_traits::{ToPrimitive, Zero};
use strata_gc::{Gc, Trace, Tracer};

use crate::conversions::Hint;
use crate::number_conv;
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

pub use num_bigint::BigInt;
pub use num_bigint::Sign;

/// The largest BigInt in bits (V8's `BigInt::kMaxLengthBits`).
pub const MAX_BIGINT_BITS: u64 = 1 << 30;

/// A BigInt cell: an immutable arbitrary-precision integer. `repr(C)`:
/// the first payload word is `external`, a byte count far below any
/// address, so the word at an object's shape offset is never a shape's
/// address (what the baseline's inline caches rely on; see `ic::NO_SHAPE`).
#[repr(C)]
pub struct JsBigInt {
    /// Bytes reported to the collector as external memory (the digits:
    /// at most `MAX_BIGINT_BITS / 8`).
    external: usize,
    value: BigInt,
}
strata_gc::cell_type!(JsBigInt);

// SAFETY: a BigInt holds no references to cells.
unsafe impl Trace for JsBigInt {
    fn trace(&self, _: &mut Tracer) {}
}

impl Drop for JsBigInt {
    fn drop(&mut self) {
        strata_gc::adjust_external(-(self.external as isize));
    }
}

impl JsBigInt {
    fn new(value: BigInt) -> JsBigInt {
        // Digits of one word are what a small BigInt costs anyway; count the
        // rest, so a loop making huge BigInts still triggers collections.
        let external = (value.bits() / 8) as usize;
        strata_gc::adjust_external(external as isize);
        JsBigInt { value, external }
    }

    /// The integer.
    #[inline]
    pub fn value(&self) -> &BigInt {
        &self.value
    }
}

/// StringToBigInt (ECMA-262 §7.1.14): trims StrWhiteSpaceChar; empty → 0n;
/// then an optionally signed decimal integer, or an unsigned `0x`/`0o`/`0b`
/// integer, with no separators, fraction, exponent or `Infinity`.
pub fn string_to_bigint(s: &[u16]) -> Option<BigInt> {
    let t = number_conv::trim(s);
    if t.is_empty() {
        return Some(BigInt::zero());
    }
    let (radix, digits, negative) = match t {
        [0x30, p, rest @ ..] if matches!(*p, 0x78 | 0x58) => (16, rest, false),
        [0x30, p, rest @ ..] if matches!(*p, 0x6F | 0x4F) => (8, rest, false),
        [0x30, p, rest @ ..] if matches!(*p, 0x62 | 0x42) => (2, rest, false),
        [0x2D, rest @ ..] => (10, rest, true),
        [0x2B, rest @ ..] => (10, rest, false),
        _ => (10, t, false),
    };
    if digits.is_empty() {
        return None;
    }
    let mut bytes = Vec::with_capacity(digits.len());
    for &c in digits {
        let d = match c {
            0x30..=0x39 => c - 0x30,
            0x61..=0x7A => c - 0x61 + 10,
            0x41..=0x5A => c - 0x41 + 10,
            _ => return None,
        };
        if u32::from(d) >= radix {
            return None;
        }
        bytes.push(d as u8);
    }
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    BigInt::from_radix_be(sign, &bytes, radix)
}

/// NumberToBigInt for an integral, finite `d` (callers check); `None` for
/// anything else.
pub fn number_to_bigint(d: f64) -> Option<BigInt> {
    if !d.is_finite() || d.trunc() != d {
        return None;
    }
    num_traits::FromPrimitive::from_f64(d)
}

/// 𝔽(x): the Number nearest to `x` (ties to even), ±Infinity past the range.
pub fn bigint_to_number(x: &BigInt) -> f64 {
    x.to_f64().unwrap_or(f64::NAN)
}

/// `x` modulo 2^64, as the low 64 bits of its two's complement.
pub fn low_u64(x: &BigInt) -> u64 {
    let low = x.iter_u64_digits().next().unwrap_or(0);
    if x.sign() == Sign::Minus { low.wrapping_neg() } else { low }
}

/// The decimal (or radix 2..=36) digits of `x`, with `-` when negative.
pub fn to_radix_string(x: &BigInt, radix: u32) -> String {
    x.to_str_radix(radix)
}

impl Value {
    /// Whether this is a BigInt.
    #[inline]
    pub fn is_bigint(self) -> bool {
        self.as_gc::<JsBigInt>().is_some()
    }
    /// The BigInt cell, if this is one.
    #[inline]
    pub fn as_bigint(self) -> Option<Gc<JsBigInt>> {
        self.as_gc::<JsBigInt>()
    }
}

impl Vm {
    /// A new BigInt value; RangeError past [`MAX_BIGINT_BITS`].
    pub fn new_bigint(&mut self, n: BigInt) -> JsResult<Value> {
        if n.bits() > MAX_BIGINT_BITS {
            return Err(self.range_error(crate::bigint_ops::BigIntError::TooBig.message()));
        }
        Ok(Value::from_gc(self.alloc(JsBigInt::new(n))?))
    }

    /// ToBigInt (ECMA-262 §7.1.13).
    pub fn to_bigint(&mut self, v: Value) -> JsResult<BigInt> {
        let p = self.to_primitive(v, Hint::Number)?;
        if let Some(b) = p.as_bigint() {
            return Ok(b.value().clone());
        }
        if let Some(b) = p.as_bool() {
            return Ok(BigInt::from(u8::from(b)));
        }
        if let Some(s) = p.as_gc::<JsString>() {
            return match string_to_bigint(&s.to_units()) {
                Some(n) => Ok(n),
                None => {
                    let text = s.to_rust_string();
                    Err(self.syntax_error(&format!("Cannot convert {text} to a BigInt")))
                }
            };
        }
        // undefined, null, numbers, symbols.
        let text = self.display_string(p)?;
        Err(self.type_error(&format!("Cannot convert {text} to a BigInt")))
    }

    /// ToBigInt64 (ECMA-262 §7.1.15): ToBigInt, then modulo 2^64 as signed.
    pub fn to_bigint64(&mut self, v: Value) -> JsResult<i64> {
        let n = self.to_bigint(v)?;
        Ok(low_u64(&n) as i64)
    }

    /// ToBigUint64 (ECMA-262 §7.1.16): ToBigInt, then modulo 2^64.
    pub fn to_biguint64(&mut self, v: Value) -> JsResult<u64> {
        let n = self.to_bigint(v)?;
        Ok(low_u64(&n))
    }

    /// ToNumeric (ECMA-262 §7.1.3): a number or BigInt value.
    pub fn to_numeric(&mut self, v: Value) -> JsResult<Value> {
        if v.is_number() {
            return Ok(v);
        }
        let p = self.to_primitive(v, Hint::Number)?;
        if p.is_bigint() {
            return Ok(p);
        }
        Ok(Value::number(self.to_number(p)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn string_to_bigint_follows_the_grammar() {
        let ok = |s: &str, n: i64| assert_eq!(string_to_bigint(&units(s)), Some(BigInt::from(n)), "{s:?}");
        ok("", 0);
        ok("  \n", 0);
        ok("-12", -12);
        ok("+12", 12);
        ok(" 0x1F ", 31);
        ok("0o17", 15);
        ok("0B101", 5);
        ok("007", 7);
        for bad in ["1n", "1.0", "1e3", "-0x1", "0x", "Infinity", "1_000", "--1", "+", "12a"] {
            assert_eq!(string_to_bigint(&units(bad)), None, "{bad:?}");
        }
    }

    #[test]
    fn low_u64_wraps_twos_complement() {
        assert_eq!(low_u64(&BigInt::from(-1)), u64::MAX);
        assert_eq!(low_u64(&(BigInt::from(1) << 64u32)), 0);
        assert_eq!(low_u64(&(-(BigInt::from(1) << 64u32) - 1)), u64::MAX);
        assert_eq!(low_u64(&BigInt::from(i64::MIN)) as i64, i64::MIN);
    }

    #[test]
    fn number_to_bigint_is_exact() {
        assert_eq!(number_to_bigint(1e21), Some(BigInt::from(1_000_000_000_000_000_000_000u128)));
        assert_eq!(number_to_bigint(0.5), None);
        assert_eq!(number_to_bigint(f64::NAN), None);
        assert_eq!(number_to_bigint(-0.0), Some(BigInt::zero()));
        assert_eq!(bigint_to_number(&((BigInt::from(1) << 53u32) + 1)), 9007199254740992.0);
    }
}
