//! Math.sumPrecise ( items ) (ES2026 §21.3.2.34): the exact sum of an
//! iterable's Numbers, rounded once.
//!
//! Every finite double is an integer multiple of 2^-1074 below 2^1024, so
//! the exact sum of up to 2^53 of them is an integer below 2^2151 in
//! units of 2^-1074. [`Accumulator`] keeps it in fixed point, as a
//! 2304-bit two's-complement integer; each addition touches the two limbs
//! the mantissa covers plus a carry chain. The result is rounded to
//! nearest, ties to even, once at the end (overflowing to ±∞ past
//! 2^1024 - 2^970, as the spec's 𝔽(sum) does).

use crate::function::Args;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Limbs of the accumulator: 36 × 64 = 2304 bits ≥ 2151 + sign.
const LIMBS: usize = 36;

/// An exact sum of doubles, in units of 2^-1074.
pub(crate) struct Accumulator {
    limbs: [u64; LIMBS],
}

impl Accumulator {
    pub(crate) fn new() -> Accumulator {
        Accumulator { limbs: [0; LIMBS] }
    }

    /// Adds a finite double.
    pub(crate) fn add(&mut self, x: f64) {
        let bits = x.to_bits();
        let negative = bits >> 63 != 0;
        let exponent = ((bits >> 52) & 0x7ff) as usize;
        let fraction = bits & ((1 << 52) - 1);
        // x = mantissa × 2^(shift - 1074).
        let (mantissa, shift) = if exponent == 0 { (fraction, 0) } else { (fraction | (1 << 52), exponent - 1) };
        if mantissa == 0 {
            return;
        }
        let wide = (mantissa as u128) << (shift % 64);
        let (lo, hi) = (wide as u64, (wide >> 64) as u64);
        let i = shift / 64;
        if negative {
            self.sub_at(i, lo);
            self.sub_at(i + 1, hi);
        } else {
            self.add_at(i, lo);
            self.add_at(i + 1, hi);
        }
    }

    fn add_at(&mut self, mut i: usize, v: u64) {
        let mut carry = v;
        while carry != 0 && i < LIMBS {
            let (s, overflow) = self.limbs[i].overflowing_add(carry);
            self.limbs[i] = s;
            carry = overflow as u64;
            i += 1;
        }
    }

    fn sub_at(&mut self, mut i: usize, v: u64) {
        let mut borrow = v;
        while borrow != 0 && i < LIMBS {
            let (s, overflow) = self.limbs[i].overflowing_sub(borrow);
            self.limbs[i] = s;
            borrow = overflow as u64;
            i += 1;
        }
    }

    /// The sum rounded to the nearest double (ties to even); +0 for an
    /// exact zero.
    pub(crate) fn round(&self) -> f64 {
        let negative = self.limbs[LIMBS - 1] >> 63 != 0;
        let mut mag = self.limbs;
        if negative {
            // Two's-complement negation: invert, add one.
            let mut carry = 1u64;
            for l in mag.iter_mut() {
                let (s, o) = (!*l).overflowing_add(carry);
                *l = s;
                carry = o as u64;
            }
        }
        let Some(top) = (0..LIMBS).rev().find(|&i| mag[i] != 0) else { return 0.0 };
        // Index of the highest set bit, counting from 2^-1074.
        let p = top * 64 + 63 - mag[top].leading_zeros() as usize;
        let bit = |k: usize| (mag[k / 64] >> (k % 64)) & 1;
        let magnitude = if p < 53 {
            // Below 2^-1021: exact (a subnormal, or a normal with a short
            // mantissa).
            (mag[0] as f64) * f64::from_bits(1)
        } else {
            // The 53 bits from p down, then the round bit and the sticky bits.
            let low = p - 52;
            let mut m: u64 = 0;
            for k in (low..=p).rev() {
                m = (m << 1) | bit(k);
            }
            let round_bit = bit(low - 1);
            let sticky = (0..low - 1).any(|k| bit(k) != 0) as u64;
            let mut p = p;
            if round_bit == 1 && (sticky == 1 || m & 1 == 1) {
                m += 1;
                if m == 1 << 53 {
                    m >>= 1;
                    p += 1;
                }
            }
            // The leading bit is worth 2^(p - 1074).
            let unbiased = p as i64 - 1074;
            if unbiased > 1023 {
                f64::INFINITY
            } else {
                f64::from_bits((((unbiased + 1023) as u64) << 52) | (m & ((1 << 52) - 1)))
            }
        };
        if negative { -magnitude } else { magnitude }
    }
}

/// What the values seen so far add up to, before the finite sum matters.
#[derive(Clone, Copy, PartialEq)]
enum State {
    MinusZero,
    Finite,
    PlusInfinity,
    MinusInfinity,
    NotANumber,
}

/// Math.sumPrecise ( items )
pub(crate) fn sum_precise(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let items = args.get(0);
    if items.is_nullish() {
        let what = vm.describe_value(items);
        return Err(vm.type_error(&format!("Math.sumPrecise called on {what}")));
    }
    let (iter, next) = vm.get_iterator(items)?;
    let mut state = State::MinusZero;
    let mut sum = Accumulator::new();
    let mut count: u64 = 0;
    while let Some(v) = vm.iterator_step(iter, next)? {
        count += 1;
        if count >= 1 << 53 {
            let e = vm.range_error("Math.sumPrecise: too many values");
            vm.iterator_close(iter, true)?;
            return Err(e);
        }
        let Some(n) = v.as_number() else {
            let what = vm.describe_value(v);
            let e = vm.type_error(&format!("Math.sumPrecise: {what} is not a number"));
            vm.iterator_close(iter, true)?;
            return Err(e);
        };
        if state == State::NotANumber {
            continue;
        }
        if n.is_nan() {
            state = State::NotANumber;
        } else if n == f64::INFINITY {
            state = if state == State::MinusInfinity { State::NotANumber } else { State::PlusInfinity };
        } else if n == f64::NEG_INFINITY {
            state = if state == State::PlusInfinity { State::NotANumber } else { State::MinusInfinity };
        } else if !(n == 0.0 && n.is_sign_negative()) && matches!(state, State::MinusZero | State::Finite) {
            state = State::Finite;
            sum.add(n);
        }
    }
    Ok(match state {
        State::NotANumber => Value::double(f64::NAN),
        State::PlusInfinity => Value::double(f64::INFINITY),
        State::MinusInfinity => Value::double(f64::NEG_INFINITY),
        State::MinusZero => Value::double(-0.0),
        State::Finite => Value::number(sum.round()),
    })
}

#[cfg(test)]
mod tests {
    use super::Accumulator;

    fn sum(xs: &[f64]) -> f64 {
        let mut a = Accumulator::new();
        for &x in xs {
            a.add(x);
        }
        a.round()
    }

    #[test]
    fn exact_sums() {
        assert_eq!(sum(&[1.0, 2.0, 3.0]), 6.0);
        assert_eq!(sum(&[0.1, 0.1]), 0.2);
        assert_eq!(sum(&[1e30, 0.1, -1e30]), 0.1);
        assert_eq!(sum(&[1e308, 1e308, 0.1, 0.1, 1e30, 0.1, -1e30, -1e308, -1e308]), 0.30000000000000004);
        assert_eq!(sum(&[8.98846567431158e+307, 8.98846567431158e+307]), f64::INFINITY);
        assert_eq!(sum(&[-5e-324, 5e-324, 5e-324]), 5e-324);
        assert_eq!(sum(&[-1.0, 0.5]), -0.5);
        assert_eq!(sum(&[1.0, -1.0]).to_bits(), 0.0f64.to_bits());
        assert_eq!(sum(&[f64::MAX, -f64::MAX, -f64::MAX]), -f64::MAX);
        // 2^53 + 1 ties to even (2^53); 2^53 + 3 ties up.
        assert_eq!(sum(&[9007199254740992.0, 1.0]), 9007199254740992.0);
        assert_eq!(sum(&[9007199254740992.0, 3.0]), 9007199254740996.0);
        assert_eq!(sum(&[9007199254740992.0, 1.0, 1e-300]), 9007199254740994.0);
    }
}
