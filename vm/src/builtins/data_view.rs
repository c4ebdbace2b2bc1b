//! DataView (ECMA-262 §25.3): the constructor, the accessors and the
//! get/set methods of every element type, both byte orders.
//!
//! A view's bytes are its buffer's (`array_buffer.rs`); element encoding
//! is `typed_array.rs`'s, little-endian, reversed for big-endian access.

use strata_gc::Gc;

use super::array_buffer::buffer_data;
use super::typed_array::{ElementType, bits_to_value, value_to_bits};
use super::{constructor, getter, method};
use crate::conversions::to_boolean;
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// A DataView's internal slots.
pub struct DataViewData {
    /// [[ViewedArrayBuffer]].
    pub buffer: Gc<JsObject>,
    /// [[ByteOffset]].
    pub byte_offset: usize,
    /// [[ByteLength]]; `None` is AUTO (tracks a resizable buffer).
    pub byte_length: Option<usize>,
}

impl DataViewData {
    /// GetViewByteLength, or `None` when IsViewOutOfBounds.
    fn view_length(&self) -> Option<usize> {
        let b = buffer_data(&self.buffer)?;
        if b.is_detached() {
            return None;
        }
        let blen = b.byte_len();
        match self.byte_length {
            Some(n) => (self.byte_offset + n <= blen).then_some(n),
            None => (self.byte_offset <= blen).then(|| blen - self.byte_offset),
        }
    }
}

/// Installs DataView.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let op = Value::from_gc(vm.intrinsic(Intrinsic::ObjectPrototype));
    let proto = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::DataViewPrototype, proto);
    let ctor = constructor(vm, global, "DataView", 1, data_view_ctor, proto)?;
    vm.realm().set_intrinsic(Intrinsic::DataView, ctor);
    let k = vm.key("buffer");
    getter(vm, proto, k, "buffer", buffer)?;
    let k = vm.key("byteLength");
    getter(vm, proto, k, "byteLength", byte_length)?;
    let k = vm.key("byteOffset");
    getter(vm, proto, k, "byteOffset", byte_offset)?;
    for (ty, get, set) in ACCESSORS {
        let name = &ty.name()[..ty.name().len() - "Array".len()];
        method(vm, proto, &format!("get{name}"), 1, get)?;
        method(vm, proto, &format!("set{name}"), 2, set)?;
    }
    super::map::to_string_tag(vm, proto, "DataView")?;
    Ok(())
}

fn data_view_ctor(vm: &mut Vm, _this: Value, args: Args, nt: Value) -> JsResult<Value> {
    if nt.is_undefined() {
        return Err(vm.type_error("Constructor DataView requires 'new'"));
    }
    let Some(buffer) = args.get(0).as_gc::<JsObject>().filter(|b| buffer_data(b).is_some()) else {
        return Err(vm.type_error("First argument to DataView constructor must be an ArrayBuffer"));
    };
    let offset = vm.to_index(args.get(1))?;
    let data = buffer_data(&buffer).expect("checked above");
    if data.is_detached() {
        return Err(vm.type_error("Cannot perform DataView constructor on a detached ArrayBuffer"));
    }
    let blen = data.byte_len() as u64;
    if offset > blen {
        return Err(vm.range_error(&format!("Start offset {offset} is outside the bounds of the buffer")));
    }
    let fixed = data.is_fixed_length();
    let len_arg = args.get(2);
    let view_len = if len_arg.is_undefined() {
        if fixed { Some(blen - offset) } else { None }
    } else {
        let n = vm.to_index(len_arg)?;
        if offset + n > blen {
            return Err(vm.range_error(&format!("Invalid DataView length {n}")));
        }
        Some(n)
    };
    let proto = vm.prototype_from_constructor(nt, Intrinsic::DataViewPrototype)?;
    let data = buffer_data(&buffer).expect("checked above");
    if data.is_detached() {
        return Err(vm.type_error("Cannot perform DataView constructor on a detached ArrayBuffer"));
    }
    let blen = data.byte_len() as u64;
    if offset > blen || view_len.is_some_and(|n| offset + n > blen) {
        return Err(vm.range_error("Invalid DataView length: the buffer shrank"));
    }
    let view = DataViewData { buffer, byte_offset: offset as usize, byte_length: view_len.map(|n| n as usize) };
    Ok(Value::from_gc(vm.new_object_with(proto, ObjectKind::DataView(view))?))
}

fn this_view(vm: &mut Vm, this: Value, what: &str) -> JsResult<Gc<JsObject>> {
    match this.as_gc::<JsObject>().filter(|o| matches!(o.kind, ObjectKind::DataView(_))) {
        Some(o) => Ok(o),
        None => Err(vm.type_error(&format!("Method DataView.prototype.{what} called on incompatible receiver"))),
    }
}

fn view(o: &Gc<JsObject>) -> &DataViewData {
    match &o.kind {
        ObjectKind::DataView(d) => d,
        _ => unreachable!("checked by this_view"),
    }
}

fn buffer(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_view(vm, this, "buffer")?;
    Ok(Value::from_gc(view(&o).buffer))
}

fn byte_length(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_view(vm, this, "byteLength")?;
    match view(&o).view_length() {
        Some(n) => Ok(Value::number(n as f64)),
        None => Err(vm.type_error("Cannot perform DataView.prototype.byteLength on a detached or out-of-bounds DataView")),
    }
}

fn byte_offset(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_view(vm, this, "byteOffset")?;
    match view(&o).view_length() {
        Some(_) => Ok(Value::number(view(&o).byte_offset as f64)),
        None => Err(vm.type_error("Cannot perform DataView.prototype.byteOffset on a detached or out-of-bounds DataView")),
    }
}

/// The buffer position of an access of `size` bytes at `index`, after the
/// bounds checks.
fn position(vm: &mut Vm, o: &Gc<JsObject>, index: u64, size: usize, what: &str) -> JsResult<usize> {
    let Some(len) = view(o).view_length() else {
        return Err(vm.type_error(&format!("Cannot perform DataView.prototype.{what} on a detached or out-of-bounds DataView")));
    };
    if index + size as u64 > len as u64 {
        return Err(vm.range_error("Offset is outside the bounds of the DataView"));
    }
    Ok(view(o).byte_offset + index as usize)
}

/// Bits of `size` bytes in the given byte order to or from little-endian.
fn swap(bits: u64, size: usize, little: bool) -> u64 {
    if little { bits } else { bits.swap_bytes() >> (64 - 8 * size) }
}

/// GetViewValue.
fn get_value(vm: &mut Vm, this: Value, args: &Args, ty: ElementType) -> JsResult<Value> {
    let what = "get";
    let o = this_view(vm, this, what)?;
    let index = vm.to_index(args.get(0))?;
    let little = to_boolean(args.get(1));
    let at = position(vm, &o, index, ty.size(), what)?;
    let data = buffer_data(&view(&o).buffer).expect("a DataView views an ArrayBuffer");
    let raw = data.read_bits(at, ty);
    bits_to_value(vm, ty, swap(raw, ty.size(), little))
}

/// SetViewValue.
fn set_value(vm: &mut Vm, this: Value, args: &Args, ty: ElementType) -> JsResult<Value> {
    let what = "set";
    let o = this_view(vm, this, what)?;
    if buffer_data(&view(&o).buffer).is_some_and(|b| b.immutable) {
        return Err(vm.type_error("Cannot write to a DataView of an immutable ArrayBuffer"));
    }
    let index = vm.to_index(args.get(0))?;
    let bits = value_to_bits(vm, ty, args.get(1))?;
    let little = to_boolean(args.get(2));
    let at = position(vm, &o, index, ty.size(), what)?;
    let data = buffer_data(&view(&o).buffer).expect("a DataView views an ArrayBuffer");
    data.write_bits(at, ty, swap(bits, ty.size(), little));
    Ok(Value::UNDEFINED)
}

macro_rules! accessors {
    ($($get:ident, $set:ident => $ty:ident;)*) => {
        $(fn $get(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
            get_value(vm, this, &args, ElementType::$ty)
        }
        fn $set(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
            set_value(vm, this, &args, ElementType::$ty)
        })*
        /// Each element type DataView reads and writes, with its getX and
        /// setX methods.
        const ACCESSORS: [(ElementType, crate::function::NativeFn, crate::function::NativeFn); 11] =
            [$((ElementType::$ty, $get, $set)),*];
    };
}

accessors! {
    get_int8, set_int8 => Int8;
    get_uint8, set_uint8 => Uint8;
    get_int16, set_int16 => Int16;
    get_uint16, set_uint16 => Uint16;
    get_int32, set_int32 => Int32;
    get_uint32, set_uint32 => Uint32;
    get_float16, set_float16 => Float16;
    get_float32, set_float32 => Float32;
    get_float64, set_float64 => Float64;
    get_bigint64, set_bigint64 => BigInt64;
    get_biguint64, set_biguint64 => BigUint64;
}
