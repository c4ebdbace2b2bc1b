//! Number ⇄ string conversions of ECMAScript, as pure functions over `f64`,
//! `u32` and UTF-16 code units (no engine types).
//!
//! Callers: the vm's abstract operations (ToNumber on strings, ToString on
//! numbers, ToInt32/ToUint32/ToUint16, ToIntegerOrInfinity, array-index
//! recognition of property keys) and the builtins `Number.prototype.toString`,
//! `toFixed`, `toExponential`, `toPrecision` and the globals `parseInt` /
//! `parseFloat`.
//!
//! What is exact and what follows V8:
//! - [`number_to_string`] is Number::toString (shortest round-trip digits,
//!   via the `ryu-js` crate, which implements exactly the spec's algorithm).
//! - [`to_fixed`], [`to_exponential`] and [`to_precision`] round the exact
//!   decimal expansion of the double (computed with the small bignum below),
//!   half away from zero, as the spec requires; nothing is rounded twice.
//! - [`number_to_radix_string`] reproduces V8's `DoubleToRadixCString`, since
//!   the spec leaves non-decimal radices implementation-defined.
//! - [`string_to_number`] and [`parse_float`] validate the grammar here and
//!   hand decimal text to Rust's correctly rounded `str::parse::<f64>`;
//!   binary/octal/hex digits of any length are rounded to nearest-even here.
//!   [`parse_int`] is correctly rounded for radix 10 and powers of two, and
//!   reproduces V8's chunked accumulation for the other radices.
//!
//! No function panics on any input.

/// Digit characters for radices up to 36.
const DIGIT_CHARS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Largest digit count the Number.prototype formatting methods accept
/// (their range checks allow at most 100); larger requests are clamped so
/// that a caller bug cannot request a gigantic allocation.
const MAX_FORMAT_DIGITS: u32 = 100;

// ---------------------------------------------------------------------------
// Number -> String
// ---------------------------------------------------------------------------

/// Number::toString(x) with radix 10 (ECMA-262 §6.1.6.1.20): `"NaN"`, `"0"`
/// for ±0, `"Infinity"`/`"-Infinity"`, otherwise the shortest digits that
/// round-trip, in plain notation for exponents in -7..21 and in `d.ddde±n`
/// notation outside it (`"1e+21"`, `"1.5e-7"`, `"123456789012345680000"`).
pub fn number_to_string(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x == 0.0 {
        return "0".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    let mut buf = ryu_js::Buffer::new();
    buf.format_finite(x).to_owned()
}

/// Number.prototype.toString(radix) (ECMA-262 §21.1.3.6) for a radix in
/// 2..=36. Radix 10 is [`number_to_string`]; other radices follow V8's
/// `DoubleToRadixCString`: the integer part exactly (digits below the
/// double's precision written as zeros) and the fractional digits only as
/// far as needed to identify the double, rounded half-to-even. A radix
/// outside 2..=36 (which the caller rejects with a RangeError) is treated
/// as 10.
pub fn number_to_radix_string(x: f64, radix: u32) -> String {
    if radix == 10 || !(2..=36).contains(&radix) || !x.is_finite() || x == 0.0 {
        return number_to_string(x);
    }
    let negative = x < 0.0;
    let value = x.abs();
    let radix_f = f64::from(radix);

    let mut integer = value.floor();
    let mut fraction = value - integer;
    // Only compute fractional digits up to the input double's precision.
    let mut delta = 0.5 * (next_double(value) - value);
    delta = delta.max(next_double(0.0));

    // Fractional digits as values 0..radix.
    let mut frac_digits: Vec<u32> = Vec::new();
    if fraction >= delta {
        loop {
            // Shift up by one digit.
            fraction *= radix_f;
            delta *= radix_f;
            // `fraction < 1` before the shift, so the digit is below the
            // radix; the `min` only guards against a rounding surprise.
            let digit = (fraction as u32).min(radix - 1);
            frac_digits.push(digit);
            fraction -= f64::from(digit);
            // Round to even.
            if (fraction > 0.5 || (fraction == 0.5 && (digit & 1) == 1)) && fraction + delta > 1.0 {
                // Round up, propagating the carry through written digits.
                loop {
                    match frac_digits.pop() {
                        None => {
                            // Carry over into the integer part.
                            integer += 1.0;
                            break;
                        }
                        Some(d) if d + 1 < radix => {
                            frac_digits.push(d + 1);
                            break;
                        }
                        Some(_) => {}
                    }
                }
                break;
            }
            if fraction < delta {
                break;
            }
        }
    }

    // Integer digits, least significant first. Digits below the precision
    // of the double are written as zeros.
    let mut int_digits: Vec<u8> = Vec::new();
    while double_exponent(integer / radix_f) > 0 {
        integer /= radix_f;
        int_digits.push(b'0');
    }
    loop {
        let remainder = integer % radix_f;
        int_digits.push(digit_char(remainder as u32));
        integer = (integer - remainder) / radix_f;
        if integer <= 0.0 {
            break;
        }
    }

    let mut out = String::with_capacity(int_digits.len() + frac_digits.len() + 2);
    if negative {
        out.push('-');
    }
    out.extend(int_digits.iter().rev().map(|&b| char::from(b)));
    if !frac_digits.is_empty() {
        out.push('.');
        out.extend(frac_digits.iter().map(|&d| char::from(digit_char(d))));
    }
    out
}

/// Number.prototype.toFixed(fractionDigits) (ECMA-262 §21.1.3.3), after the
/// caller's range check (0..=100; larger values are clamped to 100). Rounds
/// the exact value half away from zero (`(2.5).toFixed(0)` is `"3"`,
/// `(1.005).toFixed(2)` is `"1.00"`); |x| ≥ 10^21 and non-finite values
/// give [`number_to_string`].
pub fn to_fixed(x: f64, digits: u32) -> String {
    if !x.is_finite() {
        return number_to_string(x);
    }
    let f = digits.min(MAX_FORMAT_DIGITS) as usize;
    let (sign, x) = split_sign(x);
    if x >= 1e21 {
        return format!("{sign}{}", number_to_string(x));
    }
    // n = round(x × 10^f), as decimal digits.
    let n: Vec<u8> = if x == 0.0 {
        vec![b'0']
    } else {
        let (ds, point) = exact_decimal(x);
        // Number of digits of x × 10^f before the decimal point.
        let keep = point as i64 + f as i64;
        if keep < 0 {
            vec![b'0']
        } else if keep == 0 {
            // x × 10^f = 0.d1d2… < 1.
            if ds.first().is_some_and(|&d| d >= b'5') {
                vec![b'1']
            } else {
                vec![b'0']
            }
        } else {
            let (mut n, carry) = round_half_up(&ds, keep as usize);
            if carry {
                // All nines rounded up: 10…0 with one more digit.
                n.push(b'0');
            }
            n
        }
    };
    let mut out = String::with_capacity(n.len() + f + 3);
    out.push_str(sign);
    if f == 0 {
        out.extend(n.iter().map(|&b| char::from(b)));
        return out;
    }
    // Pad so that there is at least one digit before the point.
    let k = n.len();
    let pad = (f + 1).saturating_sub(k);
    let all: Vec<u8> = std::iter::repeat_n(b'0', pad)
        .chain(n.iter().copied())
        .collect();
    let split = all.len() - f;
    out.extend(all.iter().take(split).map(|&b| char::from(b)));
    out.push('.');
    out.extend(all.iter().skip(split).map(|&b| char::from(b)));
    out
}

/// Number.prototype.toExponential(fractionDigits) (ECMA-262 §21.1.3.2),
/// after the caller's range check (0..=100; larger values are clamped to
/// 100). `None` (fractionDigits undefined) uses the shortest round-trip
/// digits; `Some(f)` rounds the exact value to f+1 significant digits, half
/// away from zero (`(123.456).toExponential(2)` is `"1.23e+2"`).
/// Non-finite values give [`number_to_string`].
pub fn to_exponential(x: f64, digits: Option<u32>) -> String {
    if !x.is_finite() {
        return number_to_string(x);
    }
    let (sign, x) = split_sign(x);
    let (n, e): (Vec<u8>, i64) = if x == 0.0 {
        let f = digits.unwrap_or(0).min(MAX_FORMAT_DIGITS) as usize;
        (vec![b'0'; f + 1], 0)
    } else if let Some(f) = digits {
        let f = f.min(MAX_FORMAT_DIGITS) as usize;
        let (ds, point) = exact_decimal(x);
        let (n, carry) = round_half_up(&ds, f + 1);
        (n, i64::from(point) - 1 + i64::from(carry))
    } else {
        let (ds, point) = shortest_decimal(x);
        (ds, i64::from(point) - 1)
    };
    let mut out = String::with_capacity(n.len() + 8);
    out.push_str(sign);
    push_exponential(&mut out, &n, e);
    out
}

/// Number.prototype.toPrecision(precision) (ECMA-262 §21.1.3.5), after the
/// caller's range check (1..=100; 0 is treated as 1 and larger values as
/// 100). Rounds the exact value to `precision` significant digits, half away
/// from zero, and uses exponential notation when the exponent is below -6
/// or at least `precision` (`toPrecision(1e21, 3)` is `"1.00e+21"`).
/// Non-finite values give [`number_to_string`].
pub fn to_precision(x: f64, precision: u32) -> String {
    if !x.is_finite() {
        return number_to_string(x);
    }
    let p = precision.clamp(1, MAX_FORMAT_DIGITS) as usize;
    let (sign, x) = split_sign(x);
    let (n, e): (Vec<u8>, i64) = if x == 0.0 {
        (vec![b'0'; p], 0)
    } else {
        let (ds, point) = exact_decimal(x);
        let (n, carry) = round_half_up(&ds, p);
        (n, i64::from(point) - 1 + i64::from(carry))
    };
    let mut out = String::with_capacity(p + 10);
    out.push_str(sign);
    let p_i = p as i64;
    if e < -6 || e >= p_i {
        push_exponential(&mut out, &n, e);
        return out;
    }
    if e >= 0 {
        // 0 ≤ e < p: digits with the point after the first e+1 of them.
        let int_len = (e + 1) as usize;
        out.extend(n.iter().take(int_len).map(|&b| char::from(b)));
        if int_len < n.len() {
            out.push('.');
            out.extend(n.iter().skip(int_len).map(|&b| char::from(b)));
        }
    } else {
        // -6 ≤ e < 0: "0." then -(e+1) zeros then the digits.
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-(e + 1)) as usize));
        out.extend(n.iter().map(|&b| char::from(b)));
    }
    out
}

/// Writes `d[.ddd]e±k` for the significant digits `n` and exponent `e`.
fn push_exponential(out: &mut String, n: &[u8], e: i64) {
    let mut it = n.iter();
    if let Some(&first) = it.next() {
        out.push(char::from(first));
    }
    if n.len() > 1 {
        out.push('.');
        out.extend(it.map(|&b| char::from(b)));
    }
    out.push('e');
    out.push(if e >= 0 { '+' } else { '-' });
    out.push_str(&e.unsigned_abs().to_string());
}

/// `("-", -x)` for x < 0, else `("", x)`; -0 counts as not negative, as in
/// the spec's "If x < 0" steps.
fn split_sign(x: f64) -> (&'static str, f64) {
    if x < 0.0 { ("-", -x) } else { ("", x) }
}

/// Keeps the first `keep` digits of `ds` (padding with zeros), rounding half
/// up on the next digit. Returns the digits and whether the rounding carried
/// out of the first digit (then the digits are `1` followed by zeros and the
/// value's exponent grows by one).
fn round_half_up(ds: &[u8], keep: usize) -> (Vec<u8>, bool) {
    let mut n: Vec<u8> = ds.iter().copied().take(keep).collect();
    n.resize(keep, b'0');
    let round_up = ds.get(keep).is_some_and(|&d| d >= b'5');
    if !round_up {
        return (n, false);
    }
    for d in n.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return (n, false);
        }
    }
    // Every kept digit was 9 (or nothing was kept).
    if let Some(first) = n.first_mut() {
        *first = b'1';
    } else {
        n.push(b'1');
    }
    (n, true)
}

/// The shortest round-trip decimal digits of a finite x > 0 (as ASCII, no
/// leading or trailing zeros) and the exponent `point` with
/// x = 0.d1d2… × 10^point, taken from `ryu-js`'s Number::toString output.
fn shortest_decimal(x: f64) -> (Vec<u8>, i32) {
    let mut buf = ryu_js::Buffer::new();
    let s = buf.format_finite(x).as_bytes();
    let (mantissa, exp) = match s.iter().position(|&b| b == b'e') {
        Some(i) => {
            let exp_text = s.get(i + 1..).unwrap_or_default();
            let exp = std::str::from_utf8(exp_text)
                .ok()
                .and_then(|t| t.parse::<i32>().ok())
                .unwrap_or(0);
            (s.get(..i).unwrap_or_default(), exp)
        }
        None => (s, 0),
    };
    let mut digits: Vec<u8> = Vec::with_capacity(24);
    let mut int_count: i32 = 0;
    let mut seen_point = false;
    for &b in mantissa {
        match b {
            b'.' => seen_point = true,
            b'0'..=b'9' => {
                digits.push(b);
                if !seen_point {
                    int_count += 1;
                }
            }
            _ => {}
        }
    }
    let leading = digits.iter().take_while(|&&b| b == b'0').count();
    let trailing = digits.iter().rev().take_while(|&&b| b == b'0').count();
    let end = digits.len().saturating_sub(trailing).max(leading);
    let ds: Vec<u8> = digits.get(leading..end).unwrap_or_default().to_vec();
    if ds.is_empty() {
        return (vec![b'0'], 1);
    }
    (ds, int_count - leading as i32 + exp)
}

/// The exact decimal expansion of a finite x > 0: its digits (ASCII, no
/// leading zeros) and `point` with x = 0.d1d2… × 10^point. Every double is
/// m × 2^e, which is the integer m·2^e when e ≥ 0 and m·5^-e × 10^e when
/// e < 0, so one big-integer product gives all the digits.
fn exact_decimal(x: f64) -> (Vec<u8>, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    let mut n = BigUint::from_u64(m);
    let q = if e >= 0 {
        n.shl(e as u32);
        0
    } else {
        n.mul_pow5((-e) as u32);
        e
    };
    let ds = n.into_decimal();
    let point = ds.len() as i32 + q;
    (ds, point)
}

/// A minimal unsigned big integer over little-endian `u32` limbs, enough to
/// expand a double exactly in decimal.
struct BigUint {
    limbs: Vec<u32>,
}

impl BigUint {
    fn from_u64(v: u64) -> Self {
        let mut b = BigUint {
            limbs: vec![v as u32, (v >> 32) as u32],
        };
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
    }

    fn mul_small(&mut self, m: u32) {
        let mut carry: u64 = 0;
        for limb in self.limbs.iter_mut() {
            let t = u64::from(*limb) * u64::from(m) + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry != 0 {
            self.limbs.push(carry as u32);
        }
    }

    fn mul_pow5(&mut self, mut k: u32) {
        // 5^13 is the largest power of five below 2^32.
        const POW5_13: u32 = 1_220_703_125;
        while k >= 13 {
            self.mul_small(POW5_13);
            k -= 13;
        }
        if k > 0 {
            self.mul_small(5u32.pow(k));
        }
    }

    fn shl(&mut self, bits: u32) {
        if self.limbs.is_empty() {
            return;
        }
        let words = (bits / 32) as usize;
        let rest = bits % 32;
        if rest != 0 {
            let mut carry: u32 = 0;
            for limb in self.limbs.iter_mut() {
                let next = *limb >> (32 - rest);
                *limb = (*limb << rest) | carry;
                carry = next;
            }
            if carry != 0 {
                self.limbs.push(carry);
            }
        }
        if words > 0 {
            self.limbs.splice(0..0, std::iter::repeat_n(0u32, words));
        }
    }

    /// Divides in place by `d` (nonzero) and returns the remainder.
    fn div_small(&mut self, d: u32) -> u32 {
        let mut rem: u64 = 0;
        for limb in self.limbs.iter_mut().rev() {
            let cur = (rem << 32) | u64::from(*limb);
            *limb = (cur / u64::from(d)) as u32;
            rem = cur % u64::from(d);
        }
        self.trim();
        rem as u32
    }

    /// Decimal digits (ASCII), most significant first; "0" for zero.
    fn into_decimal(mut self) -> Vec<u8> {
        let mut rev: Vec<u8> = Vec::with_capacity(self.limbs.len() * 10 + 1);
        while !self.limbs.is_empty() {
            let mut chunk = self.div_small(1_000_000_000);
            for _ in 0..9 {
                rev.push(b'0' + (chunk % 10) as u8);
                chunk /= 10;
            }
        }
        while rev.last() == Some(&b'0') {
            rev.pop();
        }
        if rev.is_empty() {
            rev.push(b'0');
        }
        rev.reverse();
        rev
    }
}

/// The next double above a finite x ≥ 0 (IEEE nextUp).
fn next_double(x: f64) -> f64 {
    if x == 0.0 {
        f64::from_bits(1)
    } else {
        f64::from_bits(x.to_bits() + 1)
    }
}

/// V8's `Double::Exponent`: e in x = significand × 2^e with a 53-bit
/// integer significand (-1074 for subnormals).
fn double_exponent(x: f64) -> i32 {
    let biased = ((x.to_bits() >> 52) & 0x7ff) as i32;
    if biased == 0 { -1074 } else { biased - 1075 }
}

fn digit_char(d: u32) -> u8 {
    DIGIT_CHARS.get(d as usize).copied().unwrap_or(b'0')
}

// ---------------------------------------------------------------------------
// String -> Number
// ---------------------------------------------------------------------------

/// StrWhiteSpaceChar: WhiteSpace (TAB, VT, FF, ZWNBSP, and the Zs category)
/// or LineTerminator.
fn is_str_whitespace(c: u16) -> bool {
    matches!(
        c,
        0x0009 | 0x000A | 0x000B | 0x000C | 0x000D | 0x0020 | 0x00A0 | 0x1680 | 0x2000
            ..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 | 0xFEFF
    )
}

fn trim_start(s: &[u16]) -> &[u16] {
    let start = s
        .iter()
        .position(|&c| !is_str_whitespace(c))
        .unwrap_or(s.len());
    s.get(start..).unwrap_or_default()
}

/// `s` without leading and trailing StrWhiteSpaceChar.
pub(crate) fn trim(s: &[u16]) -> &[u16] {
    let s = trim_start(s);
    let end = s
        .iter()
        .rposition(|&c| !is_str_whitespace(c))
        .map_or(0, |i| i + 1);
    s.get(..end).unwrap_or_default()
}

/// The value of `c` as a digit in radix 36 (36 if it is none).
fn digit_value(c: u16) -> u32 {
    match c {
        0x30..=0x39 => u32::from(c - 0x30),
        0x61..=0x7A => u32::from(c - 0x61) + 10,
        0x41..=0x5A => u32::from(c - 0x41) + 10,
        _ => 36,
    }
}

/// StringToNumber(str) (ECMA-262 §7.1.4.1.1): trims StrWhiteSpaceChar from
/// both ends; empty → +0; then StrDecimalLiteral (optional sign, `Infinity`,
/// `1`, `1.`, `.5`, exponents) or an unsigned `0x`/`0o`/`0b` literal, all
/// correctly rounded; anything else (numeric separators, `infinity`,
/// `-0x1`, …) → NaN.
pub fn string_to_number(s: &[u16]) -> f64 {
    let t = trim(s);
    if t.is_empty() {
        return 0.0;
    }
    if t.len() >= 2 && t.first() == Some(&u16::from(b'0')) {
        let radix_log2 = match t.get(1).copied().map(|c| c | 0x20) {
            Some(0x78) => Some(4), // x
            Some(0x6F) => Some(3), // o
            Some(0x62) => Some(1), // b
            _ => None,
        };
        if let Some(log2) = radix_log2 {
            let body = t.get(2..).unwrap_or_default();
            let radix = 1u32 << log2;
            if body.is_empty() || body.iter().any(|&c| digit_value(c) >= radix) {
                return f64::NAN;
            }
            return pow2_radix_to_f64(body.iter().map(|&c| digit_value(c)), log2);
        }
    }
    let Some(ascii) = ascii_bytes(t) else {
        return f64::NAN;
    };
    match decimal_prefix_len(&ascii) {
        Some(len) if len == ascii.len() => parse_decimal(&ascii),
        _ => f64::NAN,
    }
}

/// The global `parseFloat(string)` (ECMA-262 §19.2.4): trims leading
/// StrWhiteSpaceChar and parses the longest prefix that is a
/// StrDecimalLiteral (`"3.14abc"` → 3.14, `"Infinityx"` → Infinity,
/// `"-.5e-3"` → -0.0005, `"1e"` → 1); NaN if there is none.
pub fn parse_float(s: &[u16]) -> f64 {
    let t = trim_start(s);
    // The grammar is ASCII; the first non-ASCII unit ends any prefix.
    let ascii: Vec<u8> = t
        .iter()
        .map_while(|&c| u8::try_from(c).ok().filter(u8::is_ascii))
        .collect();
    match decimal_prefix_len(&ascii) {
        Some(len) => parse_decimal(ascii.get(..len).unwrap_or_default()),
        None => f64::NAN,
    }
}

/// The global `parseInt(string, radix)` (ECMA-262 §19.2.5), with `radix`
/// already converted by ToInt32: trims leading whitespace, takes an optional
/// sign, radix 0 means 10 (or 16 after a `0x`/`0X` prefix, which radix 16
/// also accepts), a radix outside 2..=36 gives NaN, and the longest prefix
/// of radix digits is converted (NaN if empty; -0 for a negative zero).
/// Radix 10 and the powers of two are correctly rounded; other radices
/// accumulate like V8 (which the spec allows to be approximate).
pub fn parse_int(s: &[u16], radix: i32) -> f64 {
    let mut t = trim_start(s);
    let mut sign = 1.0;
    if let Some(&c) = t.first() {
        if c == u16::from(b'-') {
            sign = -1.0;
        }
        if c == u16::from(b'-') || c == u16::from(b'+') {
            t = t.get(1..).unwrap_or_default();
        }
    }
    let mut strip_prefix = true;
    let mut r = radix;
    if r != 0 {
        if !(2..=36).contains(&r) {
            return f64::NAN;
        }
        if r != 16 {
            strip_prefix = false;
        }
    } else {
        r = 10;
    }
    if strip_prefix
        && t.first() == Some(&u16::from(b'0'))
        && matches!(t.get(1), Some(&c) if c == u16::from(b'x') || c == u16::from(b'X'))
    {
        t = t.get(2..).unwrap_or_default();
        r = 16;
    }
    let r = r as u32;
    let end = t
        .iter()
        .position(|&c| digit_value(c) >= r)
        .unwrap_or(t.len());
    let z = t.get(..end).unwrap_or_default();
    if z.is_empty() {
        return f64::NAN;
    }
    let digits = z.iter().map(|&c| digit_value(c));
    let value = match r {
        10 => {
            let text: String = z.iter().map(|&c| char::from(c as u8)).collect();
            text.parse::<f64>().unwrap_or(f64::NAN)
        }
        2 => pow2_radix_to_f64(digits, 1),
        4 => pow2_radix_to_f64(digits, 2),
        8 => pow2_radix_to_f64(digits, 3),
        16 => pow2_radix_to_f64(digits, 4),
        32 => pow2_radix_to_f64(digits, 5),
        _ => generic_radix_to_f64(digits, r),
    };
    sign * value
}

/// The code units as ASCII bytes, or `None` if any is not ASCII.
fn ascii_bytes(s: &[u16]) -> Option<Vec<u8>> {
    s.iter()
        .map(|&c| u8::try_from(c).ok().filter(u8::is_ascii))
        .collect()
}

/// Length of the longest prefix of `b` that is a StrDecimalLiteral, if any.
fn decimal_prefix_len(b: &[u8]) -> Option<usize> {
    let at = |i: usize| b.get(i).copied();
    let mut i = 0;
    if matches!(at(0), Some(b'+' | b'-')) {
        i = 1;
    }
    if b.get(i..).is_some_and(|rest| rest.starts_with(b"Infinity")) {
        return Some(i + 8);
    }
    let int_start = i;
    while at(i).is_some_and(|c| c.is_ascii_digit()) {
        i += 1;
    }
    let int_digits = i - int_start;
    let mut frac_digits = 0;
    if at(i) == Some(b'.') {
        let mut j = i + 1;
        while at(j).is_some_and(|c| c.is_ascii_digit()) {
            j += 1;
        }
        frac_digits = j - (i + 1);
        if int_digits > 0 || frac_digits > 0 {
            i = j;
        }
    }
    if int_digits == 0 && frac_digits == 0 {
        return None;
    }
    if matches!(at(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(at(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp_start = j;
        while at(j).is_some_and(|c| c.is_ascii_digit()) {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    Some(i)
}

/// Value of a complete StrDecimalLiteral (validated by
/// [`decimal_prefix_len`]), correctly rounded.
fn parse_decimal(b: &[u8]) -> f64 {
    let (negative, body) = match b.first() {
        Some(b'-') => (true, b.get(1..).unwrap_or_default()),
        Some(b'+') => (false, b.get(1..).unwrap_or_default()),
        _ => (false, b),
    };
    let magnitude = if body == b"Infinity" {
        f64::INFINITY
    } else {
        std::str::from_utf8(body)
            .ok()
            .and_then(|t| t.parse::<f64>().ok())
            .unwrap_or(f64::NAN)
    };
    if negative { -magnitude } else { magnitude }
}

/// Converts digits of radix 2^`log2` (each below the radix), correctly
/// rounded to nearest, ties to even, whatever their number.
fn pow2_radix_to_f64(digits: impl Iterator<Item = u32>, log2: u32) -> f64 {
    // The first 54 significant bits, then how many more bits there are and
    // whether any of them is set.
    let mut mant: u64 = 0;
    let mut nbits: u32 = 0;
    let mut extra_bits: u64 = 0;
    let mut sticky = false;
    for d in digits {
        for k in (0..log2).rev() {
            let bit = u64::from((d >> k) & 1);
            if nbits == 0 && bit == 0 {
                continue;
            }
            if nbits < 54 {
                mant = (mant << 1) | bit;
                nbits += 1;
            } else {
                extra_bits += 1;
                sticky |= bit == 1;
            }
        }
    }
    if nbits <= 53 {
        return mant as f64;
    }
    // Exactly 54 bits kept: drop the lowest as the rounding bit.
    let round_bit = mant & 1 == 1;
    mant >>= 1;
    let mut exp = extra_bits + 1;
    if round_bit && (sticky || mant & 1 == 1) {
        mant += 1;
        if mant == 1u64 << 53 {
            mant >>= 1;
            exp += 1;
        }
    }
    // mant < 2^53, so mant × 2^exp is exact below 2^1024 and infinite above.
    if exp > 1100 {
        return f64::INFINITY;
    }
    mant as f64 * 2f64.powi(exp as i32)
}

/// V8's conversion for radices that are neither 10 nor a power of two: the
/// digits are read in chunks whose multiplier stays within 32 bits and
/// folded in with `result = result × multiplier + chunk` in doubles.
/// Leading zeros are skipped first, as V8 does (they shift the chunks).
fn generic_radix_to_f64(digits: impl Iterator<Item = u32>, radix: u32) -> f64 {
    const MAX_MULTIPLIER: u32 = u32::MAX / 36;
    let mut digits = digits.skip_while(|&d| d == 0).peekable();
    let mut result = 0.0f64;
    while digits.peek().is_some() {
        let mut part: u32 = 0;
        let mut multiplier: u32 = 1;
        while let Some(&d) = digits.peek() {
            let m = multiplier.saturating_mul(radix);
            if m > MAX_MULTIPLIER {
                break;
            }
            part = part.wrapping_mul(radix).wrapping_add(d);
            multiplier = m;
            digits.next();
        }
        result = result * f64::from(multiplier) + f64::from(part);
    }
    result
}

// ---------------------------------------------------------------------------
// Array indices and integer conversions
// ---------------------------------------------------------------------------

/// If `s` is the canonical decimal string of an array index (ECMA-262
/// §6.1.7: an integer in 0..=2^32-2, so the property key is what
/// CanonicalNumericIndexString (§7.1.21) maps to such an integer): digits
/// only, no sign, no leading zero except `"0"` itself, returns it.
pub fn canonical_numeric_index(s: &[u16]) -> Option<u32> {
    if s.is_empty() || s.len() > 10 {
        return None;
    }
    if s.len() > 1 && s.first() == Some(&u16::from(b'0')) {
        return None;
    }
    let mut v: u64 = 0;
    for &c in s {
        if !(0x30..=0x39).contains(&c) {
            return None;
        }
        v = v * 10 + u64::from(c - 0x30);
    }
    if v <= u64::from(u32::MAX - 1) {
        Some(v as u32)
    } else {
        None
    }
}

/// ℝ(x) truncated, modulo 2^32 (NaN and infinities give 0).
fn modulo_2_32(x: f64) -> u32 {
    // Below 2^63 in magnitude the truncation is exact in an i64, whose low
    // 32 bits (two's complement) are the value modulo 2^32: no fmod.
    if x.abs() < 9_223_372_036_854_775_808.0 {
        return x as i64 as u32;
    }
    if !x.is_finite() {
        return 0;
    }
    // fmod is exact, and the remainder of an integer is an integer below
    // 2^32 in magnitude, so adding 2^32 to a negative one is exact too.
    let r = x.trunc() % 4_294_967_296.0;
    let r = if r < 0.0 { r + 4_294_967_296.0 } else { r };
    r as u32
}

/// ToInt32 (ECMA-262 §7.1.6): NaN/±Infinity → 0, otherwise the truncated
/// value modulo 2^32 as a signed 32-bit integer.
pub fn to_int32(x: f64) -> i32 {
    modulo_2_32(x) as i32
}

/// ToUint32 (ECMA-262 §7.1.7): NaN/±Infinity → 0, otherwise the truncated
/// value modulo 2^32.
pub fn to_uint32(x: f64) -> u32 {
    modulo_2_32(x)
}

/// ToUint16 (ECMA-262 §7.1.9): NaN/±Infinity → 0, otherwise the truncated
/// value modulo 2^16.
pub fn to_uint16(x: f64) -> u16 {
    modulo_2_32(x) as u16
}

/// ToIntegerOrInfinity (ECMA-262 §7.1.5) on a Number: NaN and ±0 → +0,
/// ±Infinity unchanged, otherwise truncated toward zero (never -0).
pub fn to_integer_or_infinity(x: f64) -> f64 {
    if x.is_nan() {
        return 0.0;
    }
    // `+ 0.0` turns a -0 (from -0 or from truncating -0.5) into +0.
    x.trunc() + 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    /// The same Number: NaN equals NaN, -0 differs from +0.
    fn same(a: f64, b: f64) -> bool {
        (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
    }

    // Every expected value below was produced by node v20 (V8).
    const TO_STRING: &[(f64, &str)] = &[
        (0.0, "0"),
        (-0.0, "0"),
        (f64::NAN, "NaN"),
        (f64::INFINITY, "Infinity"),
        (f64::NEG_INFINITY, "-Infinity"),
        (1.0, "1"),
        (-1.0, "-1"),
        (0.1, "0.1"),
        (0.5, "0.5"),
        (-1.5, "-1.5"),
        (123.456, "123.456"),
        (1e+21, "1e+21"),
        (1e-7, "1e-7"),
        (1.5e-7, "1.5e-7"),
        (0.000001, "0.000001"),
        (123456789012345680000.0, "123456789012345680000"),
        (100000000000000000000.0, "100000000000000000000"),
        (9007199254740992.0, "9007199254740992"),
        (9007199254740994.0, "9007199254740994"),
        (5e-324, "5e-324"),
        (-5e-324, "-5e-324"),
        (1.7976931348623157e+308, "1.7976931348623157e+308"),
        (2.2250738585072014e-308, "2.2250738585072014e-308"),
        (0.000001, "0.000001"),
        (1.234e-7, "1.234e-7"),
        (0.3333333333333333, "0.3333333333333333"),
        (-0.6666666666666666, "-0.6666666666666666"),
        (std::f64::consts::PI, "3.141592653589793"),
        (100.0, "100"),
        (1e+100, "1e+100"),
        (12345.6789, "12345.6789"),
        (4.35, "4.35"),
        (0.3, "0.3"),
        (2147483648.0, "2147483648"),
        (-2147483648.0, "-2147483648"),
        (4294967296.0, "4294967296"),
        (1.1e+21, "1.1e+21"),
        (999999999999999900000.0, "999999999999999900000"),
    ];
    const TO_RADIX: &[(f64, u32, &str)] = &[
        (0.5, 2, "0.1"),
        (255.0, 16, "ff"),
        (-255.0, 36, "-73"),
        (std::f64::consts::PI, 7, "3.066365143203613411"),
        (1e+21, 36, "5v1j4f4ds7c000"),
        (
            1152921504606847000.0,
            2,
            "1000000000000000000000000000000000000000000000000000000000000",
        ),
        (0.1, 3, "0.0022002200220022002200220022002201"),
        (
            0.1,
            2,
            "0.0001100110011001100110011001100110011001100110011001101",
        ),
        (-0.0, 2, "0"),
        (f64::NAN, 16, "NaN"),
        (f64::INFINITY, 2, "Infinity"),
        (f64::NEG_INFINITY, 36, "-Infinity"),
        (255.0, 10, "255"),
        (0.3333333333333333, 3, "0.1"),
        (0.3, 16, "0.4ccccccccccccc"),
        (123.456, 36, "3f.gez4w97ry"),
        (9007199254740994.0, 3, "1121202011211211122211100012101111"),
        (-0.75, 4, "-0.3"),
        (4.35, 8, "4.26314631463146314"),
        (0.999999999999, 5, "0.4444444444444444410431"),
        (1e-7, 16, "0.000001ad7f29abcaf48"),
        (35.0, 36, "z"),
        (-35.5, 36, "-z.i"),
        (0.6666666666666666, 6, "0.4"),
        (std::f64::consts::E, 32, "2.mvgl2okatkg"),
        (
            0.000001,
            2,
            "0.000000000000000000010000110001101111011110100000101101011110110110001101",
        ),
    ];
    const TO_FIXED: &[(f64, u32, &str)] = &[
        (0.5, 0, "1"),
        (2.5, 0, "3"),
        (1.5, 0, "2"),
        (-0.5, 0, "-1"),
        (-2.5, 0, "-3"),
        (1.005, 2, "1.00"),
        (1.45, 1, "1.4"),
        (0.0, 2, "0.00"),
        (-0.0, 2, "0.00"),
        (-1e-7, 2, "-0.00"),
        (1e+21, 2, "1e+21"),
        (-1e+21, 3, "-1e+21"),
        (100000000000000000000.0, 2, "100000000000000000000.00"),
        (123.456, 0, "123"),
        (123.456, 10, "123.4560000000"),
        (0.000001, 7, "0.0000010"),
        (0.1, 20, "0.10000000000000000555"),
        (
            5e-324,
            100,
            "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
        ),
        (1.7976931348623157e+308, 3, "1.7976931348623157e+308"),
        (9.995, 2, "9.99"),
        (99.995, 2, "100.00"),
        (0.05, 1, "0.1"),
        (0.95, 0, "1"),
        (0.45, 0, "0"),
        (100000000000000070000.0, 2, "100000000000000065536.00"),
        (f64::NAN, 2, "NaN"),
        (f64::INFINITY, 1, "Infinity"),
        (f64::NEG_INFINITY, 0, "-Infinity"),
        (9007199254740994.0, 5, "9007199254740994.00000"),
        (
            0.1,
            100,
            "0.1000000000000000055511151231257827021181583404541015625000000000000000000000000000000000000000000000",
        ),
        (1234.5678, 2, "1234.57"),
        (-1234.5678, 1, "-1234.6"),
        (0.0009, 3, "0.001"),
        (0.0005, 3, "0.001"),
    ];
    const TO_EXPONENTIAL: &[(f64, Option<u32>, &str)] = &[
        (123.456, Some(2), "1.23e+2"),
        (123.456, None, "1.23456e+2"),
        (0.0, None, "0e+0"),
        (0.0, Some(3), "0.000e+0"),
        (-0.0, Some(2), "0.00e+0"),
        (1.0, Some(0), "1e+0"),
        (1.0, Some(5), "1.00000e+0"),
        (-1.5, Some(0), "-2e+0"),
        (2.5, Some(0), "3e+0"),
        (9.99, Some(1), "1.0e+1"),
        (9.95, Some(1), "9.9e+0"),
        (0.00015, Some(1), "1.5e-4"),
        (1e+21, None, "1e+21"),
        (1e-7, None, "1e-7"),
        (5e-324, None, "5e-324"),
        (5e-324, Some(20), "4.94065645841246544177e-324"),
        (1.7976931348623157e+308, None, "1.7976931348623157e+308"),
        (
            1.7976931348623157e+308,
            Some(100),
            "1.7976931348623157081452742373170435679807056752584499659891747680315726078002853876058955863276687817e+308",
        ),
        (123456.0, Some(2), "1.23e+5"),
        (-123456.0, None, "-1.23456e+5"),
        (
            0.1,
            Some(100),
            "1.0000000000000000555111512312578270211815834045410156250000000000000000000000000000000000000000000000e-1",
        ),
        (f64::NAN, Some(2), "NaN"),
        (f64::INFINITY, None, "Infinity"),
        (f64::NEG_INFINITY, Some(3), "-Infinity"),
        (0.3333333333333333, None, "3.333333333333333e-1"),
        (25.0, Some(0), "3e+1"),
        (35.0, Some(0), "4e+1"),
        (1.25, Some(1), "1.3e+0"),
        (1.35, Some(1), "1.4e+0"),
        (1152921504606847000.0, None, "1.152921504606847e+18"),
    ];
    const TO_PRECISION: &[(f64, u32, &str)] = &[
        (1e+21, 3, "1.00e+21"),
        (0.0, 1, "0"),
        (0.0, 5, "0.0000"),
        (-0.0, 3, "0.00"),
        (123.456, 1, "1e+2"),
        (123.456, 2, "1.2e+2"),
        (123.456, 3, "123"),
        (123.456, 4, "123.5"),
        (123.456, 10, "123.4560000"),
        (0.000001, 2, "0.0000010"),
        (1e-7, 2, "1.0e-7"),
        (0.00000123, 3, "0.00000123"),
        (1e-7, 1, "1e-7"),
        (-1.5, 1, "-2"),
        (2.5, 1, "3"),
        (99.99, 2, "1.0e+2"),
        (99.99, 3, "100"),
        (9.5, 1, "1e+1"),
        (100000000000000000000.0, 21, "100000000000000000000"),
        (1e+21, 21, "1.00000000000000000000e+21"),
        (1e+21, 22, "1000000000000000000000"),
        (123456.0, 3, "1.23e+5"),
        (123456.0, 6, "123456"),
        (5e-324, 3, "4.94e-324"),
        (
            5e-324,
            100,
            "4.940656458412465441765687928682213723650598026143247644255856825006755072702087518652998363616359924e-324",
        ),
        (1.7976931348623157e+308, 5, "1.7977e+308"),
        (
            0.1,
            100,
            "0.1000000000000000055511151231257827021181583404541015625000000000000000000000000000000000000000000000",
        ),
        (f64::NAN, 4, "NaN"),
        (f64::INFINITY, 5, "Infinity"),
        (f64::NEG_INFINITY, 1, "-Infinity"),
        (1.005, 3, "1.00"),
        (0.3333333333333333, 21, "0.333333333333333314830"),
        (-0.00001, 1, "-0.00001"),
        (0.000001234, 2, "0.0000012"),
    ];
    const STRING_TO_NUMBER: &[(&str, f64)] = &[
        ("", 0.0),
        ("   ", 0.0),
        ("0", 0.0),
        ("-0", -0.0),
        ("+0", 0.0),
        ("1", 1.0),
        ("+1", 1.0),
        ("-1", -1.0),
        (" 12 ", 12.0),
        (
            "\u{a0}\u{1680}\u{2000}\u{200a}\u{202f}\u{205f}\u{3000}\u{2028}\u{2029}\u{feff}\u{9}\u{a}\u{b}\u{c}\u{d}42\u{feff}",
            42.0,
        ),
        ("\u{180e}1", f64::NAN),
        ("\u{200b}1", f64::NAN),
        ("\u{85}1", f64::NAN),
        (".5", 0.5),
        ("5.", 5.0),
        ("-.5", -0.5),
        ("+.5e1", 5.0),
        (".", f64::NAN),
        ("-.", f64::NAN),
        ("e5", f64::NAN),
        ("1e", f64::NAN),
        ("1e+", f64::NAN),
        ("1e5", 100000.0),
        ("1E-5", 0.00001),
        ("1.5e+3", 1500.0),
        ("1.e5", 100000.0),
        (".e5", f64::NAN),
        ("1e400", f64::INFINITY),
        ("-1e400", f64::NEG_INFINITY),
        ("1e-400", 0.0),
        ("1e99999999999999999999", f64::INFINITY),
        ("1e-99999999999999999999", 0.0),
        ("Infinity", f64::INFINITY),
        ("+Infinity", f64::INFINITY),
        ("-Infinity", f64::NEG_INFINITY),
        (" Infinity ", f64::INFINITY),
        ("infinity", f64::NAN),
        ("INFINITY", f64::NAN),
        ("Inf", f64::NAN),
        ("Infinityx", f64::NAN),
        ("NaN", f64::NAN),
        ("0x10", 16.0),
        ("0X1f", 31.0),
        ("0o17", 15.0),
        ("0O17", 15.0),
        ("0b101", 5.0),
        ("0B11", 3.0),
        ("0x", f64::NAN),
        ("0b", f64::NAN),
        ("0o", f64::NAN),
        ("-0x10", f64::NAN),
        ("+0x10", f64::NAN),
        ("0x1g", f64::NAN),
        ("0b2", f64::NAN),
        ("0o8", f64::NAN),
        ("00x1", f64::NAN),
        ("0x1fffffffffffff1", 144115188075855860.0),
        ("0x20000000000001", 9007199254740992.0),
        ("0x20000000000003", 9007199254740996.0),
        ("0x20000000000001000000000000001", 1.0384593717069658e+34),
        ("1_000", f64::NAN),
        ("1,000", f64::NAN),
        ("12abc", f64::NAN),
        ("0.1", 0.1),
        ("0.30000000000000004", 0.30000000000000004),
        ("9007199254740993", 9007199254740992.0),
        ("9007199254740995", 9007199254740996.0),
        ("2.2250738585072011e-308", 2.225073858507201e-308),
        ("2.4703282292062328e-324", 5e-324),
        ("2.4703282292062327e-324", 0.0),
        ("00012", 12.0),
        ("-00.5e-0", -0.5),
        ("1 2", f64::NAN),
        ("\u{e9}", f64::NAN),
        ("\u{661}", f64::NAN),
    ];
    const PARSE_FLOAT: &[(&str, f64)] = &[
        ("3.25abc", 3.25),
        ("Infinityx", f64::INFINITY),
        ("-.5e-3", -0.0005),
        ("-Infinity1", f64::NEG_INFINITY),
        ("+Infinity", f64::INFINITY),
        ("Infinit", f64::NAN),
        ("  -0", -0.0),
        ("1e", 1.0),
        ("1e+", 1.0),
        ("1e-x", 1.0),
        ("1.e5", 100000.0),
        (".e5", f64::NAN),
        (".", f64::NAN),
        ("-.x", f64::NAN),
        ("0x10", 0.0),
        ("0b1", 0.0),
        ("1_000", 1.0),
        ("12px", 12.0),
        (" \u{a}\u{9} 7", 7.0),
        ("\u{a0}42", 42.0),
        ("\u{180e}1", f64::NAN),
        ("abc", f64::NAN),
        ("", f64::NAN),
        ("-", f64::NAN),
        ("+", f64::NAN),
        ("5.5.5", 5.5),
        ("1e1000", f64::INFINITY),
        ("-1e1000", f64::NEG_INFINITY),
        ("1e-1000", 0.0),
        ("+.5", 0.5),
        ("0.0000001", 1e-7),
        ("123456789012345678901234567890", 1.2345678901234568e+29),
        ("1.5e3.4", 1500.0),
        ("\u{e9}1", f64::NAN),
        ("3\u{e9}", 3.0),
    ];
    const PARSE_INT: &[(&str, i32, f64)] = &[
        ("123", 0, 123.0),
        ("  -123abc", 0, -123.0),
        ("0x1A", 0, 26.0),
        ("0x1A", 16, 26.0),
        ("-0x1A", 0, -26.0),
        ("0x1A", 10, 0.0),
        ("0x", 0, f64::NAN),
        ("0x", 16, f64::NAN),
        ("0xg", 16, f64::NAN),
        ("1A", 16, 26.0),
        ("z", 36, 35.0),
        ("Z", 36, 35.0),
        ("-z", 36, -35.0),
        ("10", 2, 2.0),
        ("102", 2, 2.0),
        ("2", 2, f64::NAN),
        ("10", 1, f64::NAN),
        ("10", 37, f64::NAN),
        ("10", -1, f64::NAN),
        ("10", 36, 36.0),
        ("777", 8, 511.0),
        ("-0", 0, -0.0),
        ("-0", 10, -0.0),
        ("0", 0, 0.0),
        ("", 0, f64::NAN),
        ("-", 0, f64::NAN),
        ("+", 0, f64::NAN),
        ("+12", 0, 12.0),
        ("--1", 0, f64::NAN),
        ("12.9", 0, 12.0),
        ("1e3", 0, 1.0),
        ("Infinity", 0, f64::NAN),
        ("0b11", 0, 0.0),
        ("0o7", 0, 0.0),
        ("  \u{a0}\u{feff}\u{2028} 42", 0, 42.0),
        ("\u{180e}42", 0, f64::NAN),
        ("123456789012345678901234567890", 0, 1.2345678901234568e+29),
        ("9007199254740993", 10, 9007199254740992.0),
        ("0x1fffffffffffff1", 0, 144115188075855860.0),
        ("1fffffffffffff1", 16, 144115188075855860.0),
        ("zzzzzzzzzzzzzzzzzzzz", 36, 1.3367494538843734e+31),
        ("6666666666666666666666", 7, 3909821048582988300.0),
        (
            "0000000000000123456789abcdefghijklmnopqrstuvwxyz",
            36,
            8.684682361119716e+52,
        ),
        ("10", 4, 4.0),
        ("vv", 32, 1023.0),
        ("V", 32, 31.0),
        ("w", 32, f64::NAN),
        ("0x10", 32, 0.0),
        ("\u{661}", 10, f64::NAN),
    ];
    const INT_CONVERSIONS: &[(f64, i32, u32, u16, f64)] = &[
        (0.0, 0, 0, 0, 0.0),
        (-0.0, 0, 0, 0, 0.0),
        (f64::NAN, 0, 0, 0, 0.0),
        (f64::INFINITY, 0, 0, 0, f64::INFINITY),
        (f64::NEG_INFINITY, 0, 0, 0, f64::NEG_INFINITY),
        (1.9, 1, 1, 1, 1.0),
        (-1.9, -1, 4294967295, 65535, -1.0),
        (-0.5, 0, 0, 0, 0.0),
        (2147483648.0, -2147483648, 2147483648, 0, 2147483648.0),
        (2147483647.0, 2147483647, 2147483647, 65535, 2147483647.0),
        (-2147483648.0, -2147483648, 2147483648, 0, -2147483648.0),
        (-2147483649.0, 2147483647, 2147483647, 65535, -2147483649.0),
        (4294967296.0, 0, 0, 0, 4294967296.0),
        (4294967301.0, 5, 5, 5, 4294967301.0),
        (-1.0, -1, 4294967295, 65535, -1.0),
        (4294967295.5, -1, 4294967295, 65535, 4294967295.0),
        (9007199254740992.0, 0, 0, 0, 9007199254740992.0),
        (9007199254740994.0, 2, 2, 2, 9007199254740994.0),
        (
            -9007199254740994.0,
            -2,
            4294967294,
            65534,
            -9007199254740994.0,
        ),
        (1e+21, -559939584, 3735027712, 0, 1e+21),
        (-1e+21, 559939584, 559939584, 0, -1e+21),
        (1.7976931348623157e+308, 0, 0, 0, 1.7976931348623157e+308),
        (5e-324, 0, 0, 0, 0.0),
        (65536.0, 65536, 65536, 0, 65536.0),
        (65535.9, 65535, 65535, 65535, 65535.0),
        (-65537.0, -65537, 4294901759, 65535, -65537.0),
        (123456789.75, 123456789, 123456789, 52501, 123456789.0),
        (30000000000.0, -64771072, 4230196224, 44032, 30000000000.0),
        (-30000000000.0, 64771072, 64771072, 21504, -30000000000.0),
        (18446744073709552000.0, 0, 0, 0, 18446744073709552000.0),
        (9223373136366404000.0, 0, 0, 0, 9223373136366404000.0),
    ];

    #[test]
    fn number_to_string_matches_node() {
        for &(x, want) in TO_STRING {
            assert_eq!(number_to_string(x), want, "{x:e}");
        }
    }

    #[test]
    fn radix_to_string_matches_node() {
        for &(x, radix, want) in TO_RADIX {
            assert_eq!(
                number_to_radix_string(x, radix),
                want,
                "({x:e}).toString({radix})"
            );
        }
    }

    #[test]
    fn radix_to_string_long_outputs() {
        let cases: [(f64, u32, String); 5] = [
            (5e-324, 2, format!("0.{}1", "0".repeat(1073))),
            (-5e-324, 2, format!("-0.{}1", "0".repeat(1073))),
            (5e-324, 36, format!("0.{}3", "0".repeat(207))),
            (f64::MAX, 36, format!("1a1e4vngaiqo{}", "0".repeat(187))),
            (1e300, 7, format!("6562255533065302131{}", "0".repeat(336))),
        ];
        for (x, radix, want) in cases {
            assert_eq!(
                number_to_radix_string(x, radix),
                want,
                "({x:e}).toString({radix})"
            );
        }
    }

    #[test]
    fn radix_to_string_out_of_range_radix_is_decimal() {
        for radix in [0, 1, 37, u32::MAX] {
            assert_eq!(number_to_radix_string(255.5, radix), "255.5");
        }
    }

    #[test]
    fn to_fixed_matches_node() {
        for &(x, f, want) in TO_FIXED {
            assert_eq!(to_fixed(x, f), want, "({x:e}).toFixed({f})");
        }
    }

    #[test]
    fn to_exponential_matches_node() {
        for &(x, f, want) in TO_EXPONENTIAL {
            assert_eq!(to_exponential(x, f), want, "({x:e}).toExponential({f:?})");
        }
    }

    #[test]
    fn to_precision_matches_node() {
        for &(x, p, want) in TO_PRECISION {
            assert_eq!(to_precision(x, p), want, "({x:e}).toPrecision({p})");
        }
    }

    #[test]
    fn formatting_clamps_out_of_range_digit_counts() {
        assert_eq!(to_fixed(0.1, 1000), to_fixed(0.1, 100));
        assert_eq!(
            to_exponential(0.1, Some(u32::MAX)),
            to_exponential(0.1, Some(100))
        );
        assert_eq!(to_precision(0.1, 1000), to_precision(0.1, 100));
        assert_eq!(to_precision(123.0, 0), "1e+2");
    }

    #[test]
    fn string_to_number_matches_node() {
        for &(s, want) in STRING_TO_NUMBER {
            let got = string_to_number(&utf16(s));
            assert!(same(got, want), "Number({s:?}) = {got:e}, want {want:e}");
        }
    }

    #[test]
    fn string_to_number_long_non_decimal_literals() {
        let cases: [(String, f64); 5] = [
            (format!("0x{}", "f".repeat(256)), f64::INFINITY),
            (format!("0x{}", "f".repeat(255)), 1.1235582092889474e307),
            (format!("0b{}", "1".repeat(1100)), f64::INFINITY),
            (format!("0o{}", "7".repeat(400)), f64::INFINITY),
            (format!("0x{}1", "0".repeat(1000)), 1.0),
        ];
        for (s, want) in cases {
            assert!(same(string_to_number(&utf16(&s)), want), "Number({s:?})");
        }
    }

    #[test]
    fn string_to_number_rejects_lone_surrogates_and_nul() {
        assert!(string_to_number(&[0xD800]).is_nan());
        assert!(string_to_number(&[0x31, 0xDC00]).is_nan());
        assert!(string_to_number(&[0x31, 0x00]).is_nan());
    }

    #[test]
    fn parse_float_matches_node() {
        for &(s, want) in PARSE_FLOAT {
            let got = parse_float(&utf16(s));
            assert!(
                same(got, want),
                "parseFloat({s:?}) = {got:e}, want {want:e}"
            );
        }
    }

    #[test]
    fn parse_int_matches_node() {
        for &(s, radix, want) in PARSE_INT {
            let got = parse_int(&utf16(s), radix);
            assert!(
                same(got, want),
                "parseInt({s:?}, {radix}) = {got:e}, want {want:e}"
            );
        }
    }

    #[test]
    fn parse_int_long_inputs() {
        let cases: [(String, i32, f64); 4] = [
            (format!("1{}", "0".repeat(400)), 10, f64::INFINITY),
            (format!("1{}", "0".repeat(60)), 2, 1152921504606846976.0),
            ("f".repeat(300), 16, f64::INFINITY),
            (format!("-{}", "z".repeat(300)), 36, f64::NEG_INFINITY),
        ];
        for (s, radix, want) in cases {
            assert!(
                same(parse_int(&utf16(&s), radix), want),
                "parseInt({s:?}, {radix})"
            );
        }
        assert!(parse_int(&utf16("10"), i32::MIN).is_nan());
        assert!(parse_int(&utf16("10"), i32::MAX).is_nan());
    }

    #[test]
    fn canonical_numeric_index_cases() {
        let cases: &[(&str, Option<u32>)] = &[
            ("0", Some(0)),
            ("1", Some(1)),
            ("123", Some(123)),
            ("4294967294", Some(4_294_967_294)),
            ("4294967295", None),
            ("9999999999", None),
            ("42949672940", None),
            ("01", None),
            ("00", None),
            ("", None),
            ("-0", None),
            ("-1", None),
            ("+1", None),
            ("1.0", None),
            ("1e3", None),
            (" 1", None),
            ("1 ", None),
            ("1a", None),
            ("\u{661}", None),
        ];
        for &(s, want) in cases {
            assert_eq!(canonical_numeric_index(&utf16(s)), want, "{s:?}");
        }
    }

    #[test]
    fn integer_conversions_match_node() {
        for &(x, i32_, u32_, u16_, int) in INT_CONVERSIONS {
            assert_eq!(to_int32(x), i32_, "ToInt32({x:e})");
            assert_eq!(to_uint32(x), u32_, "ToUint32({x:e})");
            assert_eq!(to_uint16(x), u16_, "ToUint16({x:e})");
            assert!(
                same(to_integer_or_infinity(x), int),
                "ToIntegerOrInfinity({x:e})"
            );
        }
    }

    /// A small deterministic generator of arbitrary finite doubles.
    fn pseudo_random_doubles(count: usize) -> Vec<f64> {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut out = Vec::with_capacity(count);
        while out.len() < count {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = f64::from_bits(state);
            if x.is_finite() {
                out.push(x);
            }
        }
        out
    }

    #[test]
    fn to_string_round_trips_through_string_to_number() {
        for x in pseudo_random_doubles(20_000) {
            let s = number_to_string(x);
            assert!(same(string_to_number(&utf16(&s)), x), "{s}");
            assert!(same(parse_float(&utf16(&s)), x), "{s}");
            let e = to_exponential(x, None);
            assert!(same(string_to_number(&utf16(&e)), x), "{e}");
        }
    }

    #[test]
    fn radix_output_parses_back_for_integers() {
        for x in pseudo_random_doubles(2_000) {
            let i = x.trunc();
            if i.abs() >= 9007199254740992.0 {
                continue;
            }
            for radix in [2u32, 7, 16, 36] {
                let s = number_to_radix_string(i, radix);
                let back = parse_int(&utf16(&s), radix as i32);
                assert!(
                    same(back, i) || (i == 0.0 && back == 0.0),
                    "{s} in radix {radix}"
                );
            }
        }
    }

    #[test]
    fn no_panics_on_arbitrary_inputs() {
        let specials = [
            0.0,
            -0.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
        ];
        let mut values = pseudo_random_doubles(300);
        values.extend(specials);
        for &x in &values {
            for radix in 0..=40 {
                let _ = number_to_radix_string(x, radix);
            }
            for d in [0, 1, 20, 100, 101, u32::MAX] {
                let _ = to_fixed(x, d);
                let _ = to_exponential(x, Some(d));
                let _ = to_precision(x, d);
            }
            let _ = to_exponential(x, None);
        }
        let strings: [&[u16]; 8] = [
            &[],
            &[0xD800],
            &[0x30, 0x78],
            &[0x2D],
            &[0x2E, 0x65],
            &[0x49, 0x6E, 0x66],
            &[0xFFFF, 0x31],
            &[0x30, 0x62, 0x31, 0x32],
        ];
        for s in strings {
            let _ = string_to_number(s);
            let _ = parse_float(s);
            let _ = canonical_numeric_index(s);
            for radix in [i32::MIN, -1, 0, 1, 2, 10, 16, 36, 37, i32::MAX] {
                let _ = parse_int(s, radix);
            }
        }
    }
}
