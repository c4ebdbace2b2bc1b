//! Function properties of the global object (ECMA-262 §19.2): isNaN,
//! isFinite, the URI coding functions (§19.2.6: Encode / Decode over
//! UTF-16 code units and UTF-8 octets), and Annex B's escape / unescape.
//! parseInt and parseFloat live in number.rs (they are also
//! Number.parseInt and Number.parseFloat).

use strata_gc::Gc;

use super::method;
use crate::error::ErrorKind;
use crate::function::{Args, NativeFn};
use crate::object::JsObject;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Installs the global functions.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let functions: [(&str, NativeFn); 8] = [
        ("isNaN", is_nan),
        ("isFinite", is_finite),
        ("decodeURI", decode_uri),
        ("decodeURIComponent", decode_uri_component),
        ("encodeURI", encode_uri),
        ("encodeURIComponent", encode_uri_component),
        ("escape", escape),
        ("unescape", unescape),
    ];
    for (name, f) in functions {
        method(vm, global, name, 1, f)?;
    }
    let eval = method(vm, global, "eval", 1, eval)?;
    vm.realm().set_intrinsic(crate::realm::Intrinsic::Eval, eval);
    Ok(())
}

/// eval(x) (§19.2.1) called as a function: an indirect eval, global code
/// in the current realm. A direct `eval(...)` call site reaches
/// `Vm::perform_eval` with its scope through CallDirectEval instead.
fn eval(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    vm.perform_eval(args.get(0), None)
}

fn is_nan(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::bool(vm.to_number(args.get(0))?.is_nan()))
}

fn is_finite(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::bool(vm.to_number(args.get(0))?.is_finite()))
}

/// uriReserved (`;/?:@&=+$,`) plus `#`: what encodeURI leaves alone and
/// decodeURI does not decode.
const URI_RESERVED_AND_HASH: &[u8] = b";/?:@&=+$,#";

/// uriUnescaped: ASCII letters and digits and uriMark (`-_.!~*'()`).
fn is_uri_unescaped(c: u16) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || b"-_.!~*'()".contains(&(c as u8)))
}

fn in_set(c: u16, set: &[u8]) -> bool {
    c < 128 && set.contains(&(c as u8))
}

fn uri_error(vm: &mut Vm) -> crate::vm::Exception {
    vm.error(ErrorKind::UriError, "URI malformed")
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn push_percent_byte(out: &mut Vec<u16>, b: u8) {
    out.extend([b'%' as u16, HEX[(b >> 4) as usize] as u16, HEX[(b & 15) as usize] as u16]);
}

/// Encode (§19.2.6.5): code units in uriUnescaped or `extra` are kept,
/// every other code point becomes its UTF-8 octets as %XX escapes; a lone
/// surrogate is a URIError.
fn encode(vm: &mut Vm, v: Value, extra: &[u8]) -> JsResult<Value> {
    let s = vm.to_string(v)?;
    let units = s.to_units();
    let mut out: Vec<u16> = Vec::with_capacity(units.len());
    let mut k = 0;
    while k < units.len() {
        let c = units[k];
        if is_uri_unescaped(c) || in_set(c, extra) {
            out.push(c);
            k += 1;
            continue;
        }
        let cp = match c {
            0xD800..=0xDBFF => match units.get(k + 1) {
                Some(&lo @ 0xDC00..=0xDFFF) => {
                    k += 1;
                    0x10000 + (((c as u32) - 0xD800) << 10) + (lo as u32 - 0xDC00)
                }
                _ => return Err(uri_error(vm)),
            },
            0xDC00..=0xDFFF => return Err(uri_error(vm)),
            _ => c as u32,
        };
        let ch = char::from_u32(cp).expect("surrogates were excluded above");
        let mut buf = [0u8; 4];
        for &b in ch.encode_utf8(&mut buf).as_bytes() {
            push_percent_byte(&mut out, b);
        }
        k += 1;
    }
    Ok(Value::from_gc(vm.new_string_units(&out)?))
}

/// The value of two hex digits at `units[i..i + 2]`, if they are that.
fn hex_octet(units: &[u16], i: usize) -> Option<u8> {
    let d = |c: u16| char::from_u32(c as u32).and_then(|c| c.to_digit(16));
    let hi = d(*units.get(i)?)?;
    let lo = d(*units.get(i + 1)?)?;
    Some((hi * 16 + lo) as u8)
}

/// Decode (§19.2.6.6): %XX escapes of UTF-8 sequences become code points,
/// except single-octet escapes of characters in `preserve`, which stay
/// escaped. Malformed escapes or UTF-8 are URIErrors.
fn decode(vm: &mut Vm, v: Value, preserve: &[u8]) -> JsResult<Value> {
    let s = vm.to_string(v)?;
    let units = s.to_units();
    let len = units.len();
    let mut out: Vec<u16> = Vec::with_capacity(len);
    let mut k = 0;
    while k < len {
        let c = units[k];
        if c != b'%' as u16 {
            out.push(c);
            k += 1;
            continue;
        }
        let start = k;
        if k + 3 > len {
            return Err(uri_error(vm));
        }
        let Some(b) = hex_octet(&units, k + 1) else { return Err(uri_error(vm)) };
        k += 2;
        let n = b.leading_ones() as usize;
        if n == 0 {
            if in_set(b as u16, preserve) {
                out.extend_from_slice(&units[start..start + 3]);
            } else {
                out.push(b as u16);
            }
        } else {
            if n == 1 || n > 4 {
                return Err(uri_error(vm));
            }
            let mut octets = [b, 0, 0, 0];
            for octet in octets.iter_mut().take(n).skip(1) {
                k += 1;
                if k + 3 > len || units[k] != b'%' as u16 {
                    return Err(uri_error(vm));
                }
                let Some(cont) = hex_octet(&units, k + 1) else { return Err(uri_error(vm)) };
                *octet = cont;
                k += 2;
            }
            // from_utf8 rejects what the spec rejects: bad continuation
            // bytes, overlong forms, surrogates and code points past U+10FFFF.
            let Ok(text) = std::str::from_utf8(&octets[..n]) else { return Err(uri_error(vm)) };
            let mut buf = [0u16; 2];
            for ch in text.chars() {
                out.extend_from_slice(ch.encode_utf16(&mut buf));
            }
        }
        k += 1;
    }
    Ok(Value::from_gc(vm.new_string_units(&out)?))
}

fn decode_uri(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    decode(vm, args.get(0), URI_RESERVED_AND_HASH)
}

fn decode_uri_component(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    decode(vm, args.get(0), b"")
}

fn encode_uri(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    encode(vm, args.get(0), URI_RESERVED_AND_HASH)
}

fn encode_uri_component(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    encode(vm, args.get(0), b"")
}

/// escape (Annex B.2.1.1): units outside `A-Za-z0-9@*_+-./` become %XX,
/// or %uXXXX above 0xFF.
fn escape(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = vm.to_string(args.get(0))?;
    let units = s.to_units();
    let mut out: Vec<u16> = Vec::with_capacity(units.len());
    for c in units {
        if c < 128 && ((c as u8).is_ascii_alphanumeric() || b"@*_+-./".contains(&(c as u8))) {
            out.push(c);
        } else if c < 256 {
            push_percent_byte(&mut out, c as u8);
        } else {
            out.extend([b'%' as u16, b'u' as u16]);
            out.extend((0..4).rev().map(|i| HEX[((c >> (4 * i)) & 15) as usize] as u16));
        }
    }
    Ok(Value::from_gc(vm.new_string_units(&out)?))
}

/// unescape (Annex B.2.1.2): %uXXXX and %XX become the code unit they
/// name; anything else is kept as is.
fn unescape(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = vm.to_string(args.get(0))?;
    let units = s.to_units();
    let len = units.len();
    let mut out: Vec<u16> = Vec::with_capacity(len);
    let mut k = 0;
    while k < len {
        let mut c = units[k];
        if c == b'%' as u16 {
            if k + 6 <= len && units[k + 1] == b'u' as u16 {
                if let (Some(hi), Some(lo)) = (hex_octet(&units, k + 2), hex_octet(&units, k + 4)) {
                    c = (hi as u16) << 8 | lo as u16;
                    k += 5;
                }
            } else if k + 3 <= len
                && let Some(b) = hex_octet(&units, k + 1)
            {
                c = b as u16;
                k += 2;
            }
        }
        out.push(c);
        k += 1;
    }
    Ok(Value::from_gc(vm.new_string_units(&out)?))
}
