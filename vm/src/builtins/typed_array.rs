//! TypedArrays (ECMA-262 §23.2): element types and their conversions, the
//! integer-indexed exotic object's internal methods (§10.4.5), the
//! %TypedArray% intrinsic with `from`/`of`, the twelve concrete
//! constructors, and TypedArraySpeciesCreate. The prototype methods are in
//! `typed_array_methods.rs`.
//!
//! A typed array is a view ([`TypedArrayData`]: element type, buffer,
//! byte offset, length or "tracks the buffer's length") on an
//! ArrayBuffer's bytes (`array_buffer.rs`). Its element store stays empty:
//! `object_ops.rs` sends every numeric key (an array index or any
//! canonical numeric string: "-0", "1.5", "Infinity") of a typed array
//! here, so the interpreter's element fast paths, the ICs (which refuse
//! numeric names on typed arrays) and the baseline JIT's dense paths (the
//! dense length is 0) never touch one.
//!
//! Elements are stored little-endian (the byte order of every host Strata
//! runs on); BigInt64/BigUint64 elements go through `bigint_bits` and
//! `bits_to_bigint`.

use strata_gc::Gc;

use super::array_buffer::{ArrayBufferData, MAX_BYTE_LENGTH, buffer_data, new_array_buffer};
use super::{getter, method};
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyDescriptor, PropertyKey};
use crate::realm::Intrinsic;
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

/// [[TypedArrayName]]: the element type.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ElementType {
    /// Int8Array.
    Int8,
    /// Uint8Array.
    Uint8,
    /// Uint8ClampedArray.
    Uint8Clamped,
    /// Int16Array.
    Int16,
    /// Uint16Array.
    Uint16,
    /// Int32Array.
    Int32,
    /// Uint32Array.
    Uint32,
    /// Float16Array.
    Float16,
    /// Float32Array.
    Float32,
    /// Float64Array.
    Float64,
    /// BigInt64Array.
    BigInt64,
    /// BigUint64Array.
    BigUint64,
}

/// Every element type, in the order of the constructors' intrinsics.
pub const ALL_TYPES: [ElementType; 12] = [
    ElementType::Int8,
    ElementType::Uint8,
    ElementType::Uint8Clamped,
    ElementType::Int16,
    ElementType::Uint16,
    ElementType::Int32,
    ElementType::Uint32,
    ElementType::Float16,
    ElementType::Float32,
    ElementType::Float64,
    ElementType::BigInt64,
    ElementType::BigUint64,
];

impl ElementType {
    /// The element size in bytes.
    #[inline]
    pub fn size(self) -> usize {
        match self {
            ElementType::Int8 | ElementType::Uint8 | ElementType::Uint8Clamped => 1,
            ElementType::Int16 | ElementType::Uint16 | ElementType::Float16 => 2,
            ElementType::Int32 | ElementType::Uint32 | ElementType::Float32 => 4,
            ElementType::Float64 | ElementType::BigInt64 | ElementType::BigUint64 => 8,
        }
    }
    /// Whether the [[ContentType]] is BigInt.
    #[inline]
    pub fn is_bigint(self) -> bool {
        matches!(self, ElementType::BigInt64 | ElementType::BigUint64)
    }
    /// The constructor's name.
    pub fn name(self) -> &'static str {
        match self {
            ElementType::Int8 => "Int8Array",
            ElementType::Uint8 => "Uint8Array",
            ElementType::Uint8Clamped => "Uint8ClampedArray",
            ElementType::Int16 => "Int16Array",
            ElementType::Uint16 => "Uint16Array",
            ElementType::Int32 => "Int32Array",
            ElementType::Uint32 => "Uint32Array",
            ElementType::Float16 => "Float16Array",
            ElementType::Float32 => "Float32Array",
            ElementType::Float64 => "Float64Array",
            ElementType::BigInt64 => "BigInt64Array",
            ElementType::BigUint64 => "BigUint64Array",
        }
    }
    fn index(self) -> usize {
        ALL_TYPES.iter().position(|&t| t == self).unwrap_or(0)
    }
    /// The constructor intrinsic.
    pub fn constructor(self) -> Intrinsic {
        CONSTRUCTORS[self.index()]
    }
    /// The prototype intrinsic.
    pub fn prototype(self) -> Intrinsic {
        PROTOTYPES[self.index()]
    }
}

const CONSTRUCTORS: [Intrinsic; 12] = [
    Intrinsic::Int8Array,
    Intrinsic::Uint8Array,
    Intrinsic::Uint8ClampedArray,
    Intrinsic::Int16Array,
    Intrinsic::Uint16Array,
    Intrinsic::Int32Array,
    Intrinsic::Uint32Array,
    Intrinsic::Float16Array,
    Intrinsic::Float32Array,
    Intrinsic::Float64Array,
    Intrinsic::BigInt64Array,
    Intrinsic::BigUint64Array,
];
const PROTOTYPES: [Intrinsic; 12] = [
    Intrinsic::Int8ArrayPrototype,
    Intrinsic::Uint8ArrayPrototype,
    Intrinsic::Uint8ClampedArrayPrototype,
    Intrinsic::Int16ArrayPrototype,
    Intrinsic::Uint16ArrayPrototype,
    Intrinsic::Int32ArrayPrototype,
    Intrinsic::Uint32ArrayPrototype,
    Intrinsic::Float16ArrayPrototype,
    Intrinsic::Float32ArrayPrototype,
    Intrinsic::Float64ArrayPrototype,
    Intrinsic::BigInt64ArrayPrototype,
    Intrinsic::BigUint64ArrayPrototype,
];

// ---- element conversions -------------------------------------------------

/// A number's integer part modulo 2^32 (ToInt32's core), 0 for NaN and
/// infinities.
#[inline]
fn modulo_u32(n: f64) -> u32 {
    if !n.is_finite() {
        return 0;
    }
    ((n.trunc() % 4294967296.0) as i64) as u32
}

/// Rounds half to even.
fn round_half_even(x: f64) -> f64 {
    let f = x.floor();
    let d = x - f;
    if d > 0.5 || (d == 0.5 && f % 2.0 != 0.0) { f + 1.0 } else { f }
}

/// ToUint8Clamp.
fn to_uint8_clamp(n: f64) -> u8 {
    if n.is_nan() || n <= 0.0 {
        0
    } else if n >= 255.0 {
        255
    } else {
        round_half_even(n) as u8
    }
}

/// The IEEE binary16 bits nearest to `x` (ties to even), rounding once
/// from the double.
pub fn f64_to_f16_bits(x: f64) -> u16 {
    let sign = ((x.to_bits() >> 48) & 0x8000) as u16;
    let a = x.abs();
    if a.is_nan() {
        return 0x7e00;
    }
    if a >= 65520.0 {
        return sign | 0x7c00;
    }
    if a < 6.103515625e-05 {
        // Subnormal (or zero): units of 2^-24; 1024 units is the smallest
        // normal, whose encoding is the same number.
        return sign | round_half_even(a * 16777216.0) as u16;
    }
    let e = ((a.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    let mut m = round_half_even(a * 2f64.powi(10 - e)) as u32;
    let mut e = e;
    if m == 2048 {
        m = 1024;
        e += 1;
    }
    sign | (((e + 15) as u16) << 10) | (m - 1024) as u16
}

/// The value of IEEE binary16 bits.
pub fn f16_bits_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let man = (h & 0x3ff) as f64;
    sign * match exp {
        0 => man * 2f64.powi(-24),
        31 if man == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1024.0 + man) * 2f64.powi(exp - 25),
    }
}

/// The raw (little-endian, in the low bytes) bits a Number-typed element
/// stores for `n` (NumericToRawBytes).
#[inline]
pub fn number_to_bits(ty: ElementType, n: f64) -> u64 {
    match ty {
        ElementType::Int8 | ElementType::Uint8 => modulo_u32(n) as u8 as u64,
        ElementType::Uint8Clamped => to_uint8_clamp(n) as u64,
        ElementType::Int16 | ElementType::Uint16 => modulo_u32(n) as u16 as u64,
        ElementType::Int32 | ElementType::Uint32 => modulo_u32(n) as u64,
        ElementType::Float16 => f64_to_f16_bits(n) as u64,
        ElementType::Float32 => (n as f32).to_bits() as u64,
        ElementType::Float64 => n.to_bits(),
        ElementType::BigInt64 | ElementType::BigUint64 => 0,
    }
}

/// The Number a Number-typed element's bits hold (RawBytesToNumeric).
#[inline]
pub fn bits_to_number(ty: ElementType, b: u64) -> f64 {
    match ty {
        ElementType::Int8 => b as u8 as i8 as f64,
        ElementType::Uint8 | ElementType::Uint8Clamped => b as u8 as f64,
        ElementType::Int16 => b as u16 as i16 as f64,
        ElementType::Uint16 => b as u16 as f64,
        ElementType::Int32 => b as u32 as i32 as f64,
        ElementType::Uint32 => b as u32 as f64,
        ElementType::Float16 => f16_bits_to_f64(b as u16),
        ElementType::Float32 => f32::from_bits(b as u32) as f64,
        ElementType::Float64 => f64::from_bits(b),
        ElementType::BigInt64 | ElementType::BigUint64 => 0.0,
    }
}

/// ToBigInt64 / ToBigUint64 of `v` as the element's bits.
pub fn bigint_bits(vm: &mut Vm, ty: ElementType, v: Value) -> JsResult<u64> {
    if ty == ElementType::BigInt64 { Ok(vm.to_bigint64(v)? as u64) } else { vm.to_biguint64(v) }
}

/// The BigInt value a BigInt-typed element's bits hold.
pub fn bits_to_bigint(vm: &mut Vm, ty: ElementType, b: u64) -> JsResult<Value> {
    let n = if ty == ElementType::BigInt64 { crate::bigint::BigInt::from(b as i64) } else { crate::bigint::BigInt::from(b) };
    vm.new_bigint(n)
}

/// The conversion of `v` an element of `ty` takes before any storing:
/// ToNumber or ToBigInt (which may run code), as the bits to store.
#[inline]
pub fn value_to_bits(vm: &mut Vm, ty: ElementType, v: Value) -> JsResult<u64> {
    if ty.is_bigint() {
        return bigint_bits(vm, ty, v);
    }
    let n = match v.as_number() {
        Some(n) => n,
        None => vm.to_number(v)?,
    };
    Ok(number_to_bits(ty, n))
}

/// The value for an element's bits.
#[inline]
pub fn bits_to_value(vm: &mut Vm, ty: ElementType, b: u64) -> JsResult<Value> {
    if ty.is_bigint() {
        return bits_to_bigint(vm, ty, b);
    }
    Ok(Value::number(bits_to_number(ty, b)))
}

/// Reads `ty`'s bits at `byte_index` (which must be in bounds).
#[inline]
pub fn read_bits(bytes: &[u8], byte_index: usize, ty: ElementType) -> u64 {
    let size = ty.size();
    let mut buf = [0u8; 8];
    if let Some(src) = bytes.get(byte_index..byte_index + size) {
        buf[..size].copy_from_slice(src);
    }
    u64::from_le_bytes(buf)
}

/// Writes `ty`'s bits at `byte_index` (ignored out of bounds).
#[inline]
pub fn write_bits(bytes: &mut [u8], byte_index: usize, ty: ElementType, b: u64) {
    let size = ty.size();
    if let Some(dst) = bytes.get_mut(byte_index..byte_index + size) {
        dst.copy_from_slice(&b.to_le_bytes()[..size]);
    }
}

// ---- the view --------------------------------------------------------------

/// A typed array's internal slots.
pub struct TypedArrayData {
    /// [[TypedArrayName]] / [[ContentType]].
    pub ty: ElementType,
    /// [[ViewedArrayBuffer]].
    pub buffer: Gc<JsObject>,
    /// [[ByteOffset]].
    pub byte_offset: usize,
    /// [[ArrayLength]]; `None` is AUTO (tracks a resizable buffer).
    pub array_length: Option<usize>,
}

impl TypedArrayData {
    /// The buffer's data.
    #[inline]
    pub fn buffer(&self) -> &ArrayBufferData {
        buffer_data(&self.buffer).expect("a typed array views an ArrayBuffer")
    }
    /// TypedArrayLength, or `None` when IsTypedArrayOutOfBounds (which
    /// includes a detached buffer).
    #[inline]
    pub fn length(&self) -> Option<usize> {
        let b = self.buffer();
        if b.is_detached() {
            return None;
        }
        let blen = b.byte_len();
        match self.array_length {
            Some(n) => (self.byte_offset + n * self.ty.size() <= blen).then_some(n),
            None => (self.byte_offset <= blen).then(|| (blen - self.byte_offset) / self.ty.size()),
        }
    }
    /// The length, 0 when out of bounds.
    #[inline]
    pub fn length_or_zero(&self) -> usize {
        self.length().unwrap_or(0)
    }
    /// Whether the buffer is immutable (writes are refused).
    #[inline]
    pub fn is_immutable(&self) -> bool {
        self.buffer().immutable
    }
    /// IsTypedArrayFixedLength.
    pub fn is_fixed_length(&self) -> bool {
        self.array_length.is_some() && (self.buffer().is_fixed_length() || self.buffer().shared)
    }
    /// The index as an element position, if IsValidIntegerIndex.
    #[inline]
    pub fn valid_index(&self, index: f64) -> Option<usize> {
        if index.fract() != 0.0 || (index == 0.0 && index.is_sign_negative()) || index < 0.0 {
            return None;
        }
        let len = self.length()?;
        (index < len as f64).then_some(index as usize)
    }
    /// Element `i`'s bits, if in bounds.
    #[inline]
    pub fn get_bits(&self, i: usize) -> Option<u64> {
        let len = self.length()?;
        if i >= len {
            return None;
        }
        let at = self.byte_offset + i * self.ty.size();
        Some(self.buffer().read_bits(at, self.ty))
    }
    /// Writes element `i`'s bits if in bounds.
    #[inline]
    pub fn set_bits(&self, i: usize, bits: u64) {
        if self.length().is_some_and(|len| i < len) {
            let at = self.byte_offset + i * self.ty.size();
            self.buffer().write_bits(at, self.ty, bits);
        }
    }
}

/// The typed array data of `o`, if it is one.
#[inline]
pub fn typed_array_data(o: &JsObject) -> Option<&TypedArrayData> {
    match &o.kind {
        ObjectKind::TypedArray(t) => Some(t),
        _ => None,
    }
}

// ---- the integer-indexed exotic object (§10.4.5) ---------------------------------

/// CanonicalNumericIndexString of a key: its number, if it is one.
pub fn numeric_index(key: PropertyKey) -> Option<f64> {
    match key {
        PropertyKey::Index(i) => Some(i as f64),
        PropertyKey::String(s) => canonical_numeric_string(&s),
        PropertyKey::Symbol(_) => None,
    }
}

fn canonical_numeric_string(s: &JsString) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    let c = s.at(0);
    if !((b'0' as u16..=b'9' as u16).contains(&c) || c == b'-' as u16 || c == b'I' as u16 || c == b'N' as u16) {
        return None;
    }
    let units = s.to_units();
    if units == [b'-' as u16, b'0' as u16] {
        return Some(-0.0);
    }
    let n = crate::number_conv::string_to_number(&units);
    let back = crate::number_conv::number_to_string(n);
    (back.len() == units.len() && back.bytes().zip(units.iter()).all(|(a, &b)| a as u16 == b)).then_some(n)
}

/// If `o` is a typed array and `key` numeric: the data and the index.
#[inline]
pub fn integer_indexed(o: &JsObject, key: PropertyKey) -> Option<(&TypedArrayData, f64)> {
    let ObjectKind::TypedArray(ta) = &o.kind else { return None };
    if let PropertyKey::Index(i) = key {
        return Some((ta, i as f64));
    }
    Some((ta, numeric_index(key)?))
}

/// The interpreter's keyed-load fast path: element `i` of a Number-typed
/// typed array, if `o` is one and `i` is in bounds.
#[inline]
pub fn fast_get(o: &JsObject, i: u32) -> Option<Value> {
    let ObjectKind::TypedArray(ta) = &o.kind else { return None };
    if ta.ty.is_bigint() {
        return None;
    }
    ta.get_bits(i as usize).map(|b| Value::number(bits_to_number(ta.ty, b)))
}

/// The interpreter's keyed-store fast path: stores number `v` at `i` of
/// a writable Number-typed typed array if `o` is one and `i` is in
/// bounds; false when the generic path must run.
#[inline]
pub fn fast_set(o: &JsObject, i: u32, v: Value) -> bool {
    let ObjectKind::TypedArray(ta) = &o.kind else { return false };
    let Some(n) = v.as_number() else { return false };
    if ta.ty.is_bigint() || ta.is_immutable() || ta.length().is_none_or(|len| i as usize >= len) {
        return false;
    }
    ta.set_bits(i as usize, number_to_bits(ta.ty, n));
    true
}

/// TypedArrayGetElement: undefined for an invalid index.
pub fn get_element(vm: &mut Vm, ta: &TypedArrayData, index: f64) -> JsResult<Value> {
    let Some(i) = ta.valid_index(index) else { return Ok(Value::UNDEFINED) };
    match ta.get_bits(i) {
        Some(b) => bits_to_value(vm, ta.ty, b),
        None => Ok(Value::UNDEFINED),
    }
}

/// TypedArraySetElement: converts first, then stores if the index is
/// (still) valid.
pub fn set_element(vm: &mut Vm, ta: &TypedArrayData, index: f64, v: Value) -> JsResult<()> {
    let bits = value_to_bits(vm, ta.ty, v)?;
    if let Some(i) = ta.valid_index(index) {
        ta.set_bits(i, bits);
    }
    Ok(())
}

/// [[GetOwnProperty]] for a numeric key.
pub(crate) fn get_own_property(vm: &mut Vm, ta: &TypedArrayData, index: f64) -> JsResult<Option<PropertyDescriptor>> {
    if ta.valid_index(index).is_none() {
        return Ok(None);
    }
    let v = get_element(vm, ta, index)?;
    let attrs = if ta.is_immutable() { Attrs(Attrs::ENUMERABLE) } else { Attrs::DEFAULT };
    Ok(Some(PropertyDescriptor::data(v, attrs)))
}

/// [[DefineOwnProperty]] for a numeric key.
pub(crate) fn define_own_property(vm: &mut Vm, ta: &TypedArrayData, index: f64, desc: PropertyDescriptor) -> JsResult<bool> {
    if ta.is_immutable() {
        // Only a description of the element as it is succeeds.
        if ta.valid_index(index).is_none()
            || desc.configurable == Some(true)
            || desc.enumerable == Some(false)
            || desc.is_accessor()
            || desc.writable == Some(true)
        {
            return Ok(false);
        }
        let Some(v) = desc.value else { return Ok(true) };
        let current = get_element(vm, ta, index)?;
        return Ok(crate::conversions::same_value(v, current));
    }
    if ta.valid_index(index).is_none()
        || desc.configurable == Some(false)
        || desc.enumerable == Some(false)
        || desc.is_accessor()
        || desc.writable == Some(false)
    {
        return Ok(false);
    }
    if let Some(v) = desc.value {
        set_element(vm, ta, index, v)?;
    }
    Ok(true)
}

/// [[OwnPropertyKeys]]' integer part.
pub(crate) fn own_index_keys(ta: &TypedArrayData) -> impl Iterator<Item = u32> {
    0..ta.length_or_zero() as u32
}

// ---- installation ------------------------------------------------------------------

/// Installs %TypedArray%, its prototype, and the twelve constructors.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let op = Value::from_gc(vm.intrinsic(Intrinsic::ObjectPrototype));
    let proto = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::TypedArrayPrototype, proto);
    let ctor = vm.new_native_function("TypedArray", 0, typed_array_ctor, true)?;
    vm.realm().set_intrinsic(Intrinsic::TypedArray, ctor);
    let key = PropertyKey::String(vm.roots.names.prototype);
    vm.define_own_simple(ctor, key, Value::from_gc(proto), Attrs::NONE)?;
    let ckey = PropertyKey::String(vm.roots.names.constructor);
    vm.define_own_simple(proto, ckey, Value::from_gc(ctor), Attrs::HIDDEN)?;
    method(vm, ctor, "from", 1, from)?;
    method(vm, ctor, "of", 0, of)?;
    let species = PropertyKey::Symbol(vm.well_known(WellKnown::Species));
    getter(vm, ctor, species, "[Symbol.species]", super::map::return_this)?;
    super::typed_array_methods::init(vm, proto)?;

    let tp = Value::from_gc(proto);
    let tc = Value::from_gc(ctor);
    for ty in ALL_TYPES {
        let p = vm.new_object_with(tp, ObjectKind::Ordinary)?;
        vm.realm().set_intrinsic(ty.prototype(), p);
        let f = vm.new_native_function(ty.name(), 3, CONCRETE[ty.index()], true)?;
        vm.set_prototype_of(f, tc)?;
        vm.realm().set_intrinsic(ty.constructor(), f);
        let key = PropertyKey::String(vm.roots.names.prototype);
        vm.define_own_simple(f, key, Value::from_gc(p), Attrs::NONE)?;
        vm.define_own_simple(p, ckey, Value::from_gc(f), Attrs::HIDDEN)?;
        let size = Value::int(ty.size() as i32);
        vm.define_value(f, "BYTES_PER_ELEMENT", size, Attrs::NONE)?;
        vm.define_value(p, "BYTES_PER_ELEMENT", size, Attrs::NONE)?;
        vm.define_value(global, ty.name(), Value::from_gc(f), Attrs::HIDDEN)?;
        if ty == ElementType::Uint8 {
            super::base64::init(vm, f, p)?;
        }
    }
    Ok(())
}

fn typed_array_ctor(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Err(vm.type_error("Abstract class TypedArray not directly constructable"))
}

macro_rules! concrete_constructors {
    ($($f:ident => $ty:ident),* $(,)?) => {
        $(fn $f(vm: &mut Vm, _this: Value, args: Args, nt: Value) -> JsResult<Value> {
            construct(vm, ElementType::$ty, args, nt)
        })*
        const CONCRETE: [crate::function::NativeFn; 12] = [$($f),*];
    };
}

concrete_constructors! {
    int8_ctor => Int8, uint8_ctor => Uint8, uint8_clamped_ctor => Uint8Clamped, int16_ctor => Int16,
    uint16_ctor => Uint16, int32_ctor => Int32, uint32_ctor => Uint32, float16_ctor => Float16,
    float32_ctor => Float32, float64_ctor => Float64, bigint64_ctor => BigInt64, biguint64_ctor => BigUint64,
}

/// A new typed array object over `buffer`.
pub fn create_view(
    vm: &mut Vm,
    proto: Value,
    ty: ElementType,
    buffer: Gc<JsObject>,
    byte_offset: usize,
    array_length: Option<usize>,
) -> JsResult<Gc<JsObject>> {
    vm.new_object_with(proto, ObjectKind::TypedArray(TypedArrayData { ty, buffer, byte_offset, array_length }))
}

/// AllocateTypedArray with a length: a fresh buffer of `len` elements.
pub fn allocate(vm: &mut Vm, ty: ElementType, proto: Value, len: u64) -> JsResult<Gc<JsObject>> {
    let bytes = len.checked_mul(ty.size() as u64).filter(|&b| b <= MAX_BYTE_LENGTH);
    let Some(bytes) = bytes else {
        return Err(vm.range_error(&format!("Invalid typed array length: {len}")));
    };
    let buffer = new_array_buffer(vm, bytes)?;
    create_view(vm, proto, ty, buffer, 0, Some(len as usize))
}

/// The TypedArray constructor's steps for one element type.
fn construct(vm: &mut Vm, ty: ElementType, args: Args, nt: Value) -> JsResult<Value> {
    if nt.is_undefined() {
        return Err(vm.type_error(&format!("Constructor {} requires 'new'", ty.name())));
    }
    let first = args.get(0);
    let Some(src) = first.as_gc::<JsObject>() else {
        let len = vm.to_index(first)?;
        let proto = vm.prototype_from_constructor(nt, ty.prototype())?;
        return Ok(Value::from_gc(allocate(vm, ty, proto, len)?));
    };
    let proto = vm.prototype_from_constructor(nt, ty.prototype())?;
    let o = match &src.kind {
        ObjectKind::TypedArray(s) => from_typed_array(vm, ty, proto, s)?,
        ObjectKind::ArrayBuffer(_) => from_buffer(vm, ty, proto, src, args.get(1), args.get(2))?,
        _ => {
            let key = PropertyKey::Symbol(vm.well_known(WellKnown::Iterator));
            let using = vm.get(src, key, first)?;
            if !using.is_nullish() {
                if !vm.is_callable(using) {
                    return Err(vm.type_error("Symbol.iterator is not a function"));
                }
                let values = iterate_with(vm, first, using)?;
                let o = allocate(vm, ty, proto, values.len() as u64)?;
                for k in 0..values.len() {
                    let v = values.get(k).unwrap_or(Value::UNDEFINED);
                    vm.set_value(Value::from_gc(o), PropertyKey::Index(k as u32), v, true)?;
                }
                o
            } else {
                let len = super::array::length_of(vm, src)?;
                let o = allocate(vm, ty, proto, len)?;
                for k in 0..len {
                    let v = super::array::get_index(vm, src, k)?;
                    vm.set_value(Value::from_gc(o), PropertyKey::Index(k as u32), v, true)?;
                }
                o
            }
        }
    };
    Ok(Value::from_gc(o))
}

/// IteratorToList(GetIteratorFromMethod(v, method)).
pub(crate) fn iterate_with(vm: &mut Vm, v: Value, method: Value) -> JsResult<strata_gc::RootedVec<Value>> {
    let iter = vm.call(method, v, &[])?;
    if iter.as_gc::<JsObject>().is_none() {
        return Err(vm.type_error("Result of the Symbol.iterator method is not an object"));
    }
    let next_key = PropertyKey::String(vm.roots.names.next);
    let next = vm.get_value(iter, next_key)?;
    let mut out = vm.heap.rooted_vec::<Value>();
    while let Some(x) = vm.iterator_step(iter, next)? {
        out.push(x);
    }
    Ok(out)
}

/// InitializeTypedArrayFromTypedArray.
fn from_typed_array(vm: &mut Vm, ty: ElementType, proto: Value, src: &TypedArrayData) -> JsResult<Gc<JsObject>> {
    let Some(len) = src.length() else {
        return Err(vm.type_error("Cannot construct a typed array from a detached or out-of-bounds typed array"));
    };
    if ty.is_bigint() != src.ty.is_bigint() {
        return Err(vm.type_error(&format!("Cannot mix BigInt and other types: {} from {}", ty.name(), src.ty.name())));
    }
    let o = allocate(vm, ty, proto, len as u64)?;
    let dst = typed_array_data(&o).expect("just created");
    copy_elements(src, 0, dst, 0, len);
    Ok(o)
}

/// Copies `count` elements between views of compatible content types,
/// converting between element types (the bytes are read first, so
/// overlapping views of one buffer copy as the spec's sequence of reads
/// and writes would when the types match, and as a clone otherwise).
pub(crate) fn copy_elements(src: &TypedArrayData, from: usize, dst: &TypedArrayData, to: usize, count: usize) {
    if count == 0 {
        return;
    }
    let (ss, ds) = (src.ty.size(), dst.ty.size());
    let start = src.byte_offset + from * ss;
    let Some(raw) = src.buffer().with_bytes(|b| b.get(start..start + count * ss).map(|s| s.to_vec())) else { return };
    let dstart = dst.byte_offset + to * ds;
    dst.buffer().with_bytes_mut(|b| {
        let Some(out) = b.get_mut(dstart..dstart + count * ds) else { return };
        if src.ty == dst.ty || (ss == ds && src.ty.is_bigint() && dst.ty.is_bigint()) {
            out.copy_from_slice(&raw);
            return;
        }
        for k in 0..count {
            let bits = read_bits(&raw, k * ss, src.ty);
            let nb = if src.ty.is_bigint() { bits } else { number_to_bits(dst.ty, bits_to_number(src.ty, bits)) };
            write_bits(out, k * ds, dst.ty, nb);
        }
    });
}

/// InitializeTypedArrayFromArrayBuffer.
fn from_buffer(
    vm: &mut Vm,
    ty: ElementType,
    proto: Value,
    buffer: Gc<JsObject>,
    byte_offset: Value,
    length: Value,
) -> JsResult<Gc<JsObject>> {
    let size = ty.size() as u64;
    let offset = vm.to_index(byte_offset)?;
    if offset % size != 0 {
        return Err(vm.range_error(&format!("start offset of {} should be a multiple of {size}", ty.name())));
    }
    let data = buffer_data(&buffer).expect("an ArrayBuffer");
    let fixed = data.is_fixed_length();
    let new_length = if length.is_undefined() { None } else { Some(vm.to_index(length)?) };
    if data.is_detached() {
        return Err(vm.type_error("Cannot perform Construct on a detached ArrayBuffer"));
    }
    let blen = data.byte_len() as u64;
    if new_length.is_none() && !fixed {
        if offset > blen {
            return Err(vm.range_error(&format!("Start offset {offset} is outside the bounds of the buffer")));
        }
        return create_view(vm, proto, ty, buffer, offset as usize, None);
    }
    let byte_len = match new_length {
        None => {
            if blen % size != 0 {
                return Err(vm.range_error(&format!("byte length of {} should be a multiple of {size}", ty.name())));
            }
            if offset > blen {
                return Err(vm.range_error(&format!("Start offset {offset} is outside the bounds of the buffer")));
            }
            blen - offset
        }
        Some(n) => {
            let b = n.saturating_mul(size);
            if offset.saturating_add(b) > blen {
                return Err(vm.range_error(&format!("Invalid typed array length: {n}")));
            }
            b
        }
    };
    create_view(vm, proto, ty, buffer, offset as usize, Some((byte_len / size) as usize))
}

// ---- statics ----------------------------------------------------------------------

/// ValidateTypedArray: the data and its length, or a TypeError.
pub fn validate<'a>(vm: &mut Vm, o: &'a Gc<JsObject>, what: &str) -> JsResult<(&'a TypedArrayData, usize)> {
    let Some(ta) = typed_array_data(o) else {
        return Err(vm.type_error(&format!("this is not a typed array. ({what})")));
    };
    match ta.length() {
        Some(len) => Ok((ta, len)),
        None => Err(vm.type_error(&format!("Cannot perform {what} on a detached or out-of-bounds typed array"))),
    }
}

/// `v` as a typed array object whose buffer may be written
/// (ValidateTypedArray with access "write"), with its length.
pub fn validate_writable(vm: &mut Vm, v: Value, what: &str) -> JsResult<(Gc<JsObject>, usize)> {
    if let Some(o) = v.as_gc::<JsObject>()
        && typed_array_data(&o).is_some_and(|t| t.is_immutable())
    {
        return Err(vm.type_error(&format!("Cannot perform {what} on a typed array backed by an immutable ArrayBuffer")));
    }
    validate_value(vm, v, what)
}

/// `v` as a typed array object (ValidateTypedArray), with its length.
pub fn validate_value(vm: &mut Vm, v: Value, what: &str) -> JsResult<(Gc<JsObject>, usize)> {
    let Some(o) = v.as_gc::<JsObject>().filter(|o| typed_array_data(o).is_some()) else {
        return Err(vm.type_error(&format!("this is not a typed array. ({what})")));
    };
    let (_, len) = validate(vm, &o, what)?;
    Ok((o, len))
}

/// TypedArrayCreateFromConstructor(constructor, argumentList): the new
/// object, validated, with a length check when one number is passed.
pub fn create_from_constructor(vm: &mut Vm, c: Value, args: &[Value], write: bool) -> JsResult<Gc<JsObject>> {
    let new = vm.construct(c, args, c)?;
    let (o, len) =
        if write { validate_writable(vm, new, "TypedArrayCreate")? } else { validate_value(vm, new, "TypedArrayCreate")? };
    if args.len() == 1
        && let Some(n) = args[0].as_number()
        && (len as f64) < n
    {
        return Err(vm.type_error("The typed array created is too small"));
    }
    Ok(o)
}

/// TypedArraySpeciesCreate(exemplar, argumentList).
pub fn species_create(vm: &mut Vm, exemplar: Gc<JsObject>, args: &[Value], write: bool) -> JsResult<Gc<JsObject>> {
    let ty = typed_array_data(&exemplar).map_or(ElementType::Uint8, |t| t.ty);
    let c = super::species_constructor(vm, exemplar, ty.constructor(), "typed array")?;
    let o = create_from_constructor(vm, c, args, write)?;
    let nty = typed_array_data(&o).map_or(ty, |t| t.ty);
    if nty.is_bigint() != ty.is_bigint() {
        return Err(vm.type_error("Content type of the species-created typed array does not match"));
    }
    Ok(o)
}

/// TypedArrayCreateSameType(exemplar, length).
pub fn create_same_type(vm: &mut Vm, exemplar: &TypedArrayData, len: usize) -> JsResult<Gc<JsObject>> {
    let proto = Value::from_gc(vm.intrinsic(exemplar.ty.prototype()));
    allocate(vm, exemplar.ty, proto, len as u64)
}

/// %TypedArray%.from(source, mapfn, thisArg).
fn from(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (source, mapfn, this_arg) = (args.get(0), args.get(1), args.get(2));
    if !vm.is_constructor(this) {
        return Err(vm.type_error("%TypedArray%.from: this is not a constructor"));
    }
    let mapping = !mapfn.is_undefined();
    if mapping && !vm.is_callable(mapfn) {
        return Err(vm.not_callable(mapfn));
    }
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::Iterator));
    let using = if source.is_nullish() { Value::UNDEFINED } else { vm.get_value(source, key)? };
    if !using.is_nullish() {
        if !vm.is_callable(using) {
            return Err(vm.type_error("Symbol.iterator is not a function"));
        }
        let values = iterate_with(vm, source, using)?;
        let len = values.len();
        let target = create_from_constructor(vm, this, &[Value::number(len as f64)], true)?;
        for k in 0..len {
            let mut v = values.get(k).unwrap_or(Value::UNDEFINED);
            if mapping {
                v = vm.call(mapfn, this_arg, &[v, Value::number(k as f64)])?;
            }
            vm.set_value(Value::from_gc(target), PropertyKey::Index(k as u32), v, true)?;
        }
        return Ok(Value::from_gc(target));
    }
    let array_like = vm.to_object(source)?;
    let len = super::array::length_of(vm, array_like)?;
    let target = create_from_constructor(vm, this, &[Value::number(len as f64)], true)?;
    for k in 0..len {
        let mut v = super::array::get_index(vm, array_like, k)?;
        if mapping {
            v = vm.call(mapfn, this_arg, &[v, Value::number(k as f64)])?;
        }
        let key = super::array::index_key(vm, k);
        vm.set_value(Value::from_gc(target), key, v, true)?;
    }
    Ok(Value::from_gc(target))
}

/// %TypedArray%.of(...items).
fn of(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let len = args.len();
    if !vm.is_constructor(this) {
        return Err(vm.type_error("%TypedArray%.of: this is not a constructor"));
    }
    let target = create_from_constructor(vm, this, &[Value::number(len as f64)], true)?;
    for k in 0..len {
        vm.set_value(Value::from_gc(target), PropertyKey::Index(k as u32), args.get(k), true)?;
    }
    Ok(Value::from_gc(target))
}
