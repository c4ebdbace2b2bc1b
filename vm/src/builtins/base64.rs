//! Uint8Array to and from base64 and hex (ECMA-262 §23.3.2, the
//! "Uint8Array to/from base64" proposal): `Uint8Array.fromBase64`,
//! `Uint8Array.fromHex`, and `toBase64`, `toHex`, `setFromBase64`,
//! `setFromHex` on `Uint8Array.prototype`.
//!
//! Decoding follows the spec's FromBase64/FromHex step by step (they stop
//! at the first error and report how much input they consumed, which
//! `setFrom*` returns and writes even when it then throws).

use strata_gc::Gc;

use super::method;
use super::typed_array::{ElementType, allocate, typed_array_data};
use crate::function::Args;
use crate::object::JsObject;
use crate::realm::Intrinsic;
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Installs the statics on %Uint8Array% and the methods on its prototype.
pub fn init(vm: &mut Vm, ctor: Gc<JsObject>, proto: Gc<JsObject>) -> JsResult<()> {
    method(vm, ctor, "fromBase64", 1, from_base64)?;
    method(vm, ctor, "fromHex", 1, from_hex)?;
    method(vm, proto, "toBase64", 0, to_base64)?;
    method(vm, proto, "toHex", 0, to_hex)?;
    method(vm, proto, "setFromBase64", 1, set_from_base64)?;
    method(vm, proto, "setFromHex", 1, set_from_hex)?;
    Ok(())
}

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

#[derive(Copy, Clone, PartialEq, Eq)]
enum LastChunk {
    Loose,
    Strict,
    StopBeforePartial,
}

/// The result of FromBase64 / FromHex.
struct Decoded {
    read: usize,
    bytes: Vec<u8>,
    error: bool,
}

/// GetOptionsObject.
fn options_object(vm: &mut Vm, v: Value) -> JsResult<Option<Gc<JsObject>>> {
    if v.is_undefined() {
        return Ok(None);
    }
    match v.as_gc::<JsObject>() {
        Some(o) => Ok(Some(o)),
        None => Err(vm.type_error("The options argument must be an object")),
    }
}

/// Get(opts, name), undefined without options.
fn option(vm: &mut Vm, opts: Option<Gc<JsObject>>, name: &str) -> JsResult<Value> {
    let Some(o) = opts else { return Ok(Value::UNDEFINED) };
    let key = vm.key(name);
    vm.get(o, key, Value::from_gc(o))
}

/// The `alphabet` option: whether it is base64url.
fn alphabet(vm: &mut Vm, opts: Option<Gc<JsObject>>) -> JsResult<bool> {
    let v = option(vm, opts, "alphabet")?;
    if v.is_undefined() {
        return Ok(false);
    }
    match v.as_gc::<JsString>().map(|s| s.to_rust_string()) {
        Some(s) if s == "base64" => Ok(false),
        Some(s) if s == "base64url" => Ok(true),
        _ => Err(vm.type_error("The alphabet option must be \"base64\" or \"base64url\"")),
    }
}

/// The `lastChunkHandling` option.
fn last_chunk(vm: &mut Vm, opts: Option<Gc<JsObject>>) -> JsResult<LastChunk> {
    let v = option(vm, opts, "lastChunkHandling")?;
    if v.is_undefined() {
        return Ok(LastChunk::Loose);
    }
    match v.as_gc::<JsString>().map(|s| s.to_rust_string()).as_deref() {
        Some("loose") => Ok(LastChunk::Loose),
        Some("strict") => Ok(LastChunk::Strict),
        Some("stop-before-partial") => Ok(LastChunk::StopBeforePartial),
        _ => Err(vm.type_error("The lastChunkHandling option must be \"loose\", \"strict\" or \"stop-before-partial\"")),
    }
}

fn is_ascii_whitespace(c: u16) -> bool {
    matches!(c, 0x09 | 0x0A | 0x0C | 0x0D | 0x20)
}

fn skip_whitespace(s: &[u16], mut i: usize) -> usize {
    while i < s.len() && is_ascii_whitespace(s[i]) {
        i += 1;
    }
    i
}

fn base64_value(c: u16) -> Option<u32> {
    let c = u8::try_from(c).ok()?;
    STANDARD.iter().position(|&x| x == c).map(|p| p as u32)
}

/// DecodeBase64Chunk: `Err(())` when extra bits must be zero and are not.
fn decode_chunk(chunk: &[u32], throw_on_extra_bits: bool, out: &mut Vec<u8>) -> Result<(), ()> {
    let n = chunk.len();
    let mut v = 0u32;
    for k in 0..4 {
        v = (v << 6) | chunk.get(k).copied().unwrap_or(0);
    }
    let b = [(v >> 16) as u8, (v >> 8) as u8, v as u8];
    match n {
        2 => {
            if throw_on_extra_bits && b[1] != 0 {
                return Err(());
            }
            out.push(b[0]);
        }
        3 => {
            if throw_on_extra_bits && b[2] != 0 {
                return Err(());
            }
            out.extend_from_slice(&b[..2]);
        }
        _ => out.extend_from_slice(&b),
    }
    Ok(())
}

/// FromBase64(string, alphabet, lastChunkHandling, maxLength).
fn decode_base64(s: &[u16], url: bool, last: LastChunk, max_length: usize) -> Decoded {
    let mut d = Decoded { read: 0, bytes: Vec::new(), error: false };
    if max_length == 0 {
        return d;
    }
    let mut chunk: Vec<u32> = Vec::with_capacity(4);
    let mut index = 0;
    let length = s.len();
    let fail = |mut d: Decoded| {
        d.error = true;
        d
    };
    loop {
        index = skip_whitespace(s, index);
        if index == length {
            if !chunk.is_empty() {
                match last {
                    LastChunk::StopBeforePartial => return d,
                    LastChunk::Loose => {
                        if chunk.len() == 1 || decode_chunk(&chunk, false, &mut d.bytes).is_err() {
                            return fail(d);
                        }
                    }
                    LastChunk::Strict => return fail(d),
                }
            }
            d.read = length;
            return d;
        }
        let mut c = s[index];
        index += 1;
        if c == b'=' as u16 {
            if chunk.len() < 2 {
                return fail(d);
            }
            index = skip_whitespace(s, index);
            if chunk.len() == 2 {
                if index == length {
                    if last == LastChunk::StopBeforePartial {
                        return d;
                    }
                    return fail(d);
                }
                if s[index] == b'=' as u16 {
                    index = skip_whitespace(s, index + 1);
                }
            }
            if index < length {
                return fail(d);
            }
            if decode_chunk(&chunk, last == LastChunk::Strict, &mut d.bytes).is_err() {
                return fail(d);
            }
            d.read = length;
            return d;
        }
        if url {
            if c == b'+' as u16 || c == b'/' as u16 {
                return fail(d);
            }
            if c == b'-' as u16 {
                c = b'+' as u16;
            } else if c == b'_' as u16 {
                c = b'/' as u16;
            }
        }
        let Some(v) = base64_value(c) else { return fail(d) };
        let remaining = max_length - d.bytes.len();
        if (remaining == 1 && chunk.len() == 2) || (remaining == 2 && chunk.len() == 3) {
            return d;
        }
        chunk.push(v);
        if chunk.len() == 4 {
            let _ = decode_chunk(&chunk, false, &mut d.bytes);
            chunk.clear();
            d.read = index;
            if d.bytes.len() == max_length {
                return d;
            }
        }
    }
}

fn hex_value(c: u16) -> Option<u8> {
    char::from_u32(c as u32).and_then(|ch| ch.to_digit(16)).map(|v| v as u8)
}

/// FromHex(string, maxLength).
fn decode_hex(s: &[u16], max_length: usize) -> Decoded {
    let mut d = Decoded { read: 0, bytes: Vec::new(), error: false };
    if s.len() % 2 != 0 {
        d.error = true;
        return d;
    }
    while d.read < s.len() && d.bytes.len() < max_length {
        match (hex_value(s[d.read]), hex_value(s[d.read + 1])) {
            (Some(h), Some(l)) => d.bytes.push(h << 4 | l),
            _ => {
                d.error = true;
                return d;
            }
        }
        d.read += 2;
    }
    d
}

/// The string argument, which must be a String.
fn string_arg(vm: &mut Vm, v: Value) -> JsResult<Vec<u16>> {
    match v.as_gc::<JsString>() {
        Some(s) => Ok(s.to_units()),
        None => Err(vm.type_error("The input must be a string")),
    }
}

/// A new %Uint8Array% holding `bytes`.
fn new_uint8_array(vm: &mut Vm, bytes: &[u8]) -> JsResult<Value> {
    let proto = Value::from_gc(vm.intrinsic(Intrinsic::Uint8ArrayPrototype));
    let ta = allocate(vm, ElementType::Uint8, proto, bytes.len() as u64)?;
    let data = typed_array_data(&ta).expect("just created");
    data.buffer().with_bytes_mut(|b| b[..bytes.len()].copy_from_slice(bytes));
    Ok(Value::from_gc(ta))
}

fn from_base64(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = string_arg(vm, args.get(0))?;
    let opts = options_object(vm, args.get(1))?;
    let url = alphabet(vm, opts)?;
    let last = last_chunk(vm, opts)?;
    let d = decode_base64(&s, url, last, usize::MAX);
    if d.error {
        return Err(vm.syntax_error("Invalid base64 string"));
    }
    new_uint8_array(vm, &d.bytes)
}

fn from_hex(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let s = string_arg(vm, args.get(0))?;
    let d = decode_hex(&s, usize::MAX);
    if d.error {
        return Err(vm.syntax_error("Invalid hex string"));
    }
    new_uint8_array(vm, &d.bytes)
}

/// ValidateUint8Array, and a TypeError for an immutable buffer.
fn this_writable_uint8(vm: &mut Vm, this: Value, what: &str) -> JsResult<Gc<JsObject>> {
    let o = this_uint8(vm, this, what)?;
    if typed_array_data(&o).is_some_and(|t| t.is_immutable()) {
        return Err(vm.type_error(&format!("Cannot perform Uint8Array.prototype.{what} on an immutable ArrayBuffer")));
    }
    Ok(o)
}

/// ValidateUint8Array.
fn this_uint8(vm: &mut Vm, this: Value, what: &str) -> JsResult<Gc<JsObject>> {
    match this.as_gc::<JsObject>().filter(|o| typed_array_data(o).is_some_and(|t| t.ty == ElementType::Uint8)) {
        Some(o) => Ok(o),
        None => Err(vm.type_error(&format!("Uint8Array.prototype.{what} called on a value that is not a Uint8Array"))),
    }
}

/// GetUint8ArrayBytes.
fn bytes_of(vm: &mut Vm, o: &Gc<JsObject>, what: &str) -> JsResult<Vec<u8>> {
    let ta = typed_array_data(o).expect("validated");
    let Some(len) = ta.length() else {
        return Err(vm.type_error(&format!("Cannot perform Uint8Array.prototype.{what} on a detached or out-of-bounds array")));
    };
    Ok(ta.buffer().with_bytes(|b| b[ta.byte_offset..ta.byte_offset + len].to_vec()))
}

fn to_base64(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_uint8(vm, this, "toBase64")?;
    let opts = options_object(vm, args.get(0))?;
    let url = alphabet(vm, opts)?;
    let omit = option(vm, opts, "omitPadding")?;
    let omit_padding = crate::conversions::to_boolean(omit);
    let bytes = bytes_of(vm, &o, "toBase64")?;
    let table = if url { URL } else { STANDARD };
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let v = (c[0] as u32) << 16 | (*c.get(1).unwrap_or(&0) as u32) << 8 | *c.get(2).unwrap_or(&0) as u32;
        let n = c.len() + 1;
        for k in 0..4 {
            if k < n {
                out.push(table[(v >> (18 - 6 * k) & 63) as usize] as char);
            } else if !omit_padding {
                out.push('=');
            }
        }
    }
    vm.string_value(&out)
}

fn to_hex(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_uint8(vm, this, "toHex")?;
    let bytes = bytes_of(vm, &o, "toHex")?;
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push_str(&format!("{b:02x}"));
    }
    vm.string_value(&out)
}

/// The end of setFromBase64/setFromHex: write the bytes, throw if the
/// input was bad, else return { read, written }.
fn finish_set(vm: &mut Vm, o: &Gc<JsObject>, d: Decoded, what: &str) -> JsResult<Value> {
    let ta = typed_array_data(o).expect("validated");
    let n = d.bytes.len();
    ta.buffer().with_bytes_mut(|b| b[ta.byte_offset..ta.byte_offset + n].copy_from_slice(&d.bytes));
    if d.error {
        return Err(vm.syntax_error(&format!("Invalid {what} string")));
    }
    let result = vm.new_object()?;
    let k = vm.key("read");
    vm.create_data_property_or_throw(result, k, Value::number(d.read as f64))?;
    let k = vm.key("written");
    vm.create_data_property_or_throw(result, k, Value::number(n as f64))?;
    Ok(Value::from_gc(result))
}

fn set_from_base64(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_writable_uint8(vm, this, "setFromBase64")?;
    let s = string_arg(vm, args.get(0))?;
    let opts = options_object(vm, args.get(1))?;
    let url = alphabet(vm, opts)?;
    let last = last_chunk(vm, opts)?;
    let Some(len) = typed_array_data(&o).and_then(|t| t.length()) else {
        return Err(vm.type_error("Cannot perform Uint8Array.prototype.setFromBase64 on a detached or out-of-bounds array"));
    };
    let d = decode_base64(&s, url, last, len);
    finish_set(vm, &o, d, "base64")
}

fn set_from_hex(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_writable_uint8(vm, this, "setFromHex")?;
    let s = string_arg(vm, args.get(0))?;
    let Some(len) = typed_array_data(&o).and_then(|t| t.length()) else {
        return Err(vm.type_error("Cannot perform Uint8Array.prototype.setFromHex on a detached or out-of-bounds array"));
    };
    let d = decode_hex(&s, len);
    finish_set(vm, &o, d, "hex")
}
