//! ArrayBuffer (ECMA-262 §25.1, with resizable buffers and `transfer`) and
//! SharedArrayBuffer (§25.2, growable).
//!
//! A buffer's bytes live outside the GC heap in the object's kind
//! ([`ArrayBufferData`]): a `Vec<u8>` whose length is the byte length
//! (a resizable buffer only changes the length, up to its
//! [[ArrayBufferMaxByteLength]]). Detaching empties the vector and sets
//! the flag. Typed arrays and DataViews (`typed_array.rs`, `data_view.rs`)
//! read and write the bytes through [`ArrayBufferData::with_bytes`] and
//! [`ArrayBufferData::with_bytes_mut`]; no borrow is held while JavaScript
//! runs. The collector counts the bytes as external memory.

use std::cell::{Cell, RefCell};
use std::sync::Arc;

use strata_gc::Gc;

use super::shared_memory::SharedBlock;
use super::typed_array::{ElementType, read_bits, write_bits};
use super::{constructor, getter, method};
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::property::PropertyKey;
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

/// The largest buffer (or maximum byte length) this engine allocates.
pub const MAX_BYTE_LENGTH: u64 = 1 << 32;

/// [[ArrayBufferData]] and friends.
pub struct ArrayBufferData {
    /// The bytes of a non-shared buffer (empty for a shared one).
    bytes: RefCell<Vec<u8>>,
    /// The block of a SharedArrayBuffer (see `shared_memory.rs`): other
    /// agents may hold SharedArrayBuffer objects over it.
    block: Option<Arc<SharedBlock>>,
    /// External bytes this object counted for its shared block.
    block_counted: Cell<usize>,
    detached: Cell<bool>,
    /// [[ArrayBufferMaxByteLength]]: `Some` for resizable (growable) buffers.
    pub max_byte_length: Option<usize>,
    /// Whether this is a SharedArrayBuffer.
    pub shared: bool,
    /// Whether this is an immutable ArrayBuffer (`transferToImmutable`,
    /// `sliceToImmutable`): its bytes never change and it never detaches.
    pub immutable: bool,
}

// SAFETY: holds no cells.
unsafe impl strata_gc::Trace for ArrayBufferData {
    fn trace(&self, _t: &mut strata_gc::Tracer) {}
}

impl Drop for ArrayBufferData {
    fn drop(&mut self) {
        strata_gc::adjust_external(-(self.bytes.get_mut().capacity() as isize));
        strata_gc::adjust_external(-(self.block_counted.get() as isize));
    }
}

impl ArrayBufferData {
    /// A zeroed buffer of `len` bytes; `None` when a shared block cannot
    /// be reserved.
    pub fn new(len: usize, max_byte_length: Option<usize>, shared: bool) -> Option<ArrayBufferData> {
        if shared {
            let block = SharedBlock::new(len, max_byte_length.unwrap_or(len))?;
            return Some(ArrayBufferData::from_block(block, max_byte_length));
        }
        let bytes = vec![0u8; len];
        strata_gc::adjust_external(bytes.capacity() as isize);
        Some(ArrayBufferData {
            bytes: RefCell::new(bytes),
            block: None,
            block_counted: Cell::new(0),
            detached: Cell::new(false),
            max_byte_length,
            shared,
            immutable: false,
        })
    }
    /// A SharedArrayBuffer's data over `block` (new, or another agent's).
    pub fn from_block(block: Arc<SharedBlock>, max_byte_length: Option<usize>) -> ArrayBufferData {
        let counted = block.len();
        strata_gc::adjust_external(counted as isize);
        ArrayBufferData {
            bytes: RefCell::new(Vec::new()),
            block: Some(block),
            block_counted: Cell::new(counted),
            detached: Cell::new(false),
            max_byte_length,
            shared: true,
            immutable: false,
        }
    }
    /// A (non-shared) buffer holding `bytes`.
    pub fn from_vec(bytes: Vec<u8>, max_byte_length: Option<usize>, immutable: bool) -> ArrayBufferData {
        strata_gc::adjust_external(bytes.capacity() as isize);
        ArrayBufferData {
            bytes: RefCell::new(bytes),
            block: None,
            block_counted: Cell::new(0),
            detached: Cell::new(false),
            max_byte_length,
            shared: false,
            immutable,
        }
    }
    /// The shared block of a SharedArrayBuffer.
    #[inline]
    pub fn block(&self) -> Option<&Arc<SharedBlock>> {
        self.block.as_ref()
    }
    /// IsDetachedBuffer.
    #[inline]
    pub fn is_detached(&self) -> bool {
        self.detached.get()
    }
    /// ArrayBufferByteLength (0 once detached).
    #[inline]
    pub fn byte_len(&self) -> usize {
        match &self.block {
            None => self.bytes.borrow().len(),
            Some(b) => b.len(),
        }
    }
    /// Whether the buffer is fixed-length (IsFixedLengthArrayBuffer).
    pub fn is_fixed_length(&self) -> bool {
        self.max_byte_length.is_none()
    }
    /// Runs `f` on the bytes (no JavaScript may run inside). For shared
    /// memory, `f` sees a copy.
    #[inline]
    pub fn with_bytes<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        match &self.block {
            None => f(&self.bytes.borrow()),
            Some(b) => f(&b.snapshot()),
        }
    }
    /// Runs `f` on the bytes, mutably (no JavaScript may run inside). For
    /// shared memory, `f` changes a copy whose changed bytes are stored
    /// back.
    #[inline]
    pub fn with_bytes_mut<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> R {
        match &self.block {
            None => f(&mut self.bytes.borrow_mut()),
            Some(b) => {
                let old = b.snapshot();
                let mut new = old.clone();
                let r = f(&mut new);
                b.write_changes(&old, &new);
                r
            }
        }
    }
    /// An element's bits at byte `at` (0 out of bounds).
    #[inline]
    pub fn read_bits(&self, at: usize, ty: ElementType) -> u64 {
        match &self.block {
            None => read_bits(&self.bytes.borrow(), at, ty),
            Some(b) => {
                let mut buf = [0u8; 8];
                if at + ty.size() <= b.len() {
                    b.read(at, &mut buf[..ty.size()]);
                }
                u64::from_le_bytes(buf)
            }
        }
    }
    /// Stores an element's bits at byte `at` (ignored out of bounds).
    #[inline]
    pub fn write_bits(&self, at: usize, ty: ElementType, bits: u64) {
        match &self.block {
            None => write_bits(&mut self.bytes.borrow_mut(), at, ty, bits),
            Some(b) => {
                if at + ty.size() <= b.len() {
                    b.write(at, &bits.to_le_bytes()[..ty.size()]);
                }
            }
        }
    }
    /// DetachArrayBuffer: takes the bytes out.
    pub fn detach(&self) -> Vec<u8> {
        self.detached.set(true);
        let v = std::mem::take(&mut *self.bytes.borrow_mut());
        strata_gc::adjust_external(-(v.capacity() as isize));
        v
    }
    /// Changes the byte length (zero-filling growth; a shared block only
    /// grows, within its reservation: false when it could not).
    pub fn resize(&self, len: usize) -> bool {
        if let Some(b) = &self.block {
            if !b.grow(len) {
                return false;
            }
            strata_gc::adjust_external(len as isize - self.block_counted.get() as isize);
            self.block_counted.set(len);
            return true;
        }
        let mut b = self.bytes.borrow_mut();
        let before = b.capacity();
        b.resize(len, 0);
        strata_gc::adjust_external(b.capacity() as isize - before as isize);
        true
    }
}

/// The buffer data of `o`, if it is an ArrayBuffer or SharedArrayBuffer.
#[inline]
pub fn buffer_data(o: &JsObject) -> Option<&ArrayBufferData> {
    match &o.kind {
        ObjectKind::ArrayBuffer(b) => Some(b),
        _ => None,
    }
}

/// DetachArrayBuffer(buffer) for hosts (`$262.detachArrayBuffer`): a
/// TypeError unless `v` is an ArrayBuffer (not shared).
pub fn detach_array_buffer(vm: &mut Vm, v: Value) -> JsResult<()> {
    match v.as_gc::<JsObject>().as_ref().and_then(|o| buffer_data(o)) {
        Some(b) if !b.shared && !b.immutable => {
            b.detach();
            Ok(())
        }
        _ => Err(vm.type_error("detachArrayBuffer: not an ArrayBuffer")),
    }
}

/// Installs ArrayBuffer and SharedArrayBuffer.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let op = Value::from_gc(vm.intrinsic(Intrinsic::ObjectPrototype));
    let species = PropertyKey::Symbol(vm.well_known(WellKnown::Species));

    let proto = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::ArrayBufferPrototype, proto);
    let ctor = constructor(vm, global, "ArrayBuffer", 1, array_buffer_ctor, proto)?;
    vm.realm().set_intrinsic(Intrinsic::ArrayBuffer, ctor);
    method(vm, ctor, "isView", 1, is_view)?;
    getter(vm, ctor, species, "[Symbol.species]", super::map::return_this)?;
    let k = vm.key("byteLength");
    getter(vm, proto, k, "byteLength", ab_byte_length)?;
    let k = vm.key("detached");
    getter(vm, proto, k, "detached", ab_detached)?;
    let k = vm.key("maxByteLength");
    getter(vm, proto, k, "maxByteLength", ab_max_byte_length)?;
    let k = vm.key("immutable");
    getter(vm, proto, k, "immutable", ab_immutable)?;
    let k = vm.key("resizable");
    getter(vm, proto, k, "resizable", ab_resizable)?;
    method(vm, proto, "resize", 1, ab_resize)?;
    method(vm, proto, "slice", 2, ab_slice)?;
    method(vm, proto, "sliceToImmutable", 2, ab_slice_to_immutable)?;
    method(vm, proto, "transfer", 0, ab_transfer)?;
    method(vm, proto, "transferToFixedLength", 0, ab_transfer_to_fixed_length)?;
    method(vm, proto, "transferToImmutable", 0, ab_transfer_to_immutable)?;
    super::map::to_string_tag(vm, proto, "ArrayBuffer")?;

    let proto = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::SharedArrayBufferPrototype, proto);
    let ctor = constructor(vm, global, "SharedArrayBuffer", 1, shared_array_buffer_ctor, proto)?;
    vm.realm().set_intrinsic(Intrinsic::SharedArrayBuffer, ctor);
    getter(vm, ctor, species, "[Symbol.species]", super::map::return_this)?;
    let k = vm.key("byteLength");
    getter(vm, proto, k, "byteLength", sab_byte_length)?;
    let k = vm.key("growable");
    getter(vm, proto, k, "growable", sab_growable)?;
    let k = vm.key("maxByteLength");
    getter(vm, proto, k, "maxByteLength", sab_max_byte_length)?;
    method(vm, proto, "grow", 1, sab_grow)?;
    method(vm, proto, "slice", 2, sab_slice)?;
    super::map::to_string_tag(vm, proto, "SharedArrayBuffer")?;
    Ok(())
}

impl Vm {
    /// ToIndex (§7.1.22).
    pub fn to_index(&mut self, v: Value) -> JsResult<u64> {
        if let Some(i) = v.as_int()
            && i >= 0
        {
            return Ok(i as u64);
        }
        let n = self.to_integer_or_infinity(v)?;
        if !(0.0..=9007199254740991.0).contains(&n) {
            return Err(self.range_error("Invalid index: must be a non-negative safe integer"));
        }
        Ok(n as u64)
    }
}

/// AllocateArrayBuffer(constructor, byteLength, maxByteLength): the
/// prototype comes from `new_target` (or `fallback` of the current realm).
pub fn allocate_array_buffer(
    vm: &mut Vm,
    new_target: Value,
    fallback: Intrinsic,
    byte_length: u64,
    max: Option<u64>,
    shared: bool,
) -> JsResult<Gc<JsObject>> {
    if let Some(m) = max
        && byte_length > m
    {
        return Err(vm.range_error("Invalid array buffer length: larger than maxByteLength"));
    }
    let proto = vm.prototype_from_constructor(new_target, fallback)?;
    if byte_length > MAX_BYTE_LENGTH || max.is_some_and(|m| m > MAX_BYTE_LENGTH) {
        return Err(vm.range_error("Array buffer allocation failed"));
    }
    let Some(data) = ArrayBufferData::new(byte_length as usize, max.map(|m| m as usize), shared) else {
        return Err(vm.range_error("Array buffer allocation failed"));
    };
    vm.new_object_with(proto, ObjectKind::ArrayBuffer(Box::new(data)))
}

/// A %SharedArrayBuffer% of this realm over `block` (another agent's
/// memory: `$262.agent.broadcast`).
pub fn shared_array_buffer_from_block(vm: &mut Vm, block: Arc<SharedBlock>, max: Option<usize>) -> JsResult<Gc<JsObject>> {
    let proto = Value::from_gc(vm.intrinsic(Intrinsic::SharedArrayBufferPrototype));
    let data = ArrayBufferData::from_block(block, max);
    vm.new_object_with(proto, ObjectKind::ArrayBuffer(Box::new(data)))
}

/// A fresh %ArrayBuffer% of `len` zero bytes.
pub fn new_array_buffer(vm: &mut Vm, len: u64) -> JsResult<Gc<JsObject>> {
    allocate_array_buffer(vm, Value::UNDEFINED, Intrinsic::ArrayBufferPrototype, len, None, false)
}

/// GetArrayBufferMaxByteLengthOption.
fn max_byte_length_option(vm: &mut Vm, options: Value) -> JsResult<Option<u64>> {
    let Some(o) = options.as_gc::<JsObject>() else { return Ok(None) };
    let k = vm.key("maxByteLength");
    let m = vm.get(o, k, options)?;
    if m.is_undefined() {
        return Ok(None);
    }
    Ok(Some(vm.to_index(m)?))
}

fn array_buffer_ctor(vm: &mut Vm, _this: Value, args: Args, nt: Value) -> JsResult<Value> {
    if nt.is_undefined() {
        return Err(vm.type_error("Constructor ArrayBuffer requires 'new'"));
    }
    let len = vm.to_index(args.get(0))?;
    let max = max_byte_length_option(vm, args.get(1))?;
    Ok(Value::from_gc(allocate_array_buffer(vm, nt, Intrinsic::ArrayBufferPrototype, len, max, false)?))
}

fn shared_array_buffer_ctor(vm: &mut Vm, _this: Value, args: Args, nt: Value) -> JsResult<Value> {
    if nt.is_undefined() {
        return Err(vm.type_error("Constructor SharedArrayBuffer requires 'new'"));
    }
    let len = vm.to_index(args.get(0))?;
    let max = max_byte_length_option(vm, args.get(1))?;
    Ok(Value::from_gc(allocate_array_buffer(vm, nt, Intrinsic::SharedArrayBufferPrototype, len, max, true)?))
}

fn is_view(_vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let v = args.get(0).as_gc::<JsObject>();
    Ok(Value::bool(v.is_some_and(|o| matches!(o.kind, ObjectKind::TypedArray(_) | ObjectKind::DataView(_)))))
}

/// `this` as a buffer of the given sharedness, or a TypeError.
fn this_buffer(vm: &mut Vm, this: Value, shared: bool, what: &str) -> JsResult<Gc<JsObject>> {
    if let Some(o) = this.as_gc::<JsObject>()
        && let Some(b) = buffer_data(&o)
        && b.shared == shared
    {
        return Ok(o);
    }
    let kind = if shared { "SharedArrayBuffer" } else { "ArrayBuffer" };
    Err(vm.type_error(&format!("Method {kind}.prototype.{what} called on incompatible receiver")))
}

fn data(o: &Gc<JsObject>) -> &ArrayBufferData {
    buffer_data(o).expect("checked by this_buffer")
}

fn ab_byte_length(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_buffer(vm, this, false, "byteLength")?;
    Ok(Value::number(data(&o).byte_len() as f64))
}

fn ab_detached(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_buffer(vm, this, false, "detached")?;
    Ok(Value::bool(data(&o).is_detached()))
}

fn ab_max_byte_length(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_buffer(vm, this, false, "maxByteLength")?;
    let d = data(&o);
    let n = if d.is_detached() { 0 } else { d.max_byte_length.unwrap_or_else(|| d.byte_len()) };
    Ok(Value::number(n as f64))
}

fn ab_immutable(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_buffer(vm, this, false, "immutable")?;
    Ok(Value::bool(data(&o).immutable))
}

fn ab_resizable(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_buffer(vm, this, false, "resizable")?;
    Ok(Value::bool(!data(&o).is_fixed_length()))
}

fn ab_resize(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_buffer(vm, this, false, "resize")?;
    let Some(max) = data(&o).max_byte_length else {
        return Err(vm.type_error("Method ArrayBuffer.prototype.resize called on incompatible receiver #<ArrayBuffer>"));
    };
    let len = vm.to_index(args.get(0))?;
    if data(&o).is_detached() {
        return Err(vm.type_error("Cannot perform ArrayBuffer.prototype.resize on a detached ArrayBuffer"));
    }
    if len > max as u64 {
        return Err(vm.range_error("ArrayBuffer.prototype.resize: Invalid length parameter"));
    }
    data(&o).resize(len as usize);
    Ok(Value::UNDEFINED)
}

/// The (first, final) range of a slice's arguments over `len` bytes.
fn slice_range(vm: &mut Vm, args: &Args, len: usize) -> JsResult<(usize, usize)> {
    let len = len as u64;
    let first = super::array::relative_index(vm, args.get(0), len)?;
    let fin = if args.get(1).is_undefined() { len } else { super::array::relative_index(vm, args.get(1), len)? };
    Ok((first as usize, fin.max(first) as usize))
}

fn ab_slice(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_buffer(vm, this, false, "slice")?;
    if data(&o).is_detached() {
        return Err(vm.type_error("Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer"));
    }
    let (first, fin) = slice_range(vm, &args, data(&o).byte_len())?;
    let new_len = fin - first;
    let ctor = super::species_constructor(vm, o, Intrinsic::ArrayBuffer, "ArrayBuffer")?;
    let new = vm.construct(ctor, &[Value::number(new_len as f64)], ctor)?;
    let Some(n) = new.as_gc::<JsObject>().filter(|n| buffer_data(n).is_some_and(|b| !b.shared)) else {
        return Err(vm.type_error("ArrayBuffer subclass returned this from species constructor"));
    };
    let nd = data(&n);
    if nd.immutable {
        return Err(vm.type_error("ArrayBuffer species constructor returned an immutable ArrayBuffer"));
    }
    if nd.is_detached() {
        return Err(vm.type_error("Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer"));
    }
    if n == o {
        return Err(vm.type_error("ArrayBuffer subclass returned this from species constructor"));
    }
    if nd.byte_len() < new_len {
        return Err(vm.type_error("Species constructor returned a too small ArrayBuffer"));
    }
    if data(&o).is_detached() {
        return Err(vm.type_error("Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer"));
    }
    copy_bytes(&o, first, new_len, &n);
    Ok(new)
}

/// Copies up to `count` bytes from `src` at `first` to the start of `dst`,
/// as far as `src` still has bytes.
fn copy_bytes(src: &Gc<JsObject>, first: usize, count: usize, dst: &Gc<JsObject>) {
    let current = data(src).byte_len();
    if first >= current {
        return;
    }
    let count = count.min(current - first);
    let part: Vec<u8> = data(src).with_bytes(|b| b[first..first + count].to_vec());
    data(dst).with_bytes_mut(|b| b[..count].copy_from_slice(&part));
}

/// What ArrayBufferCopyAndDetach makes.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Transfer {
    PreserveResizability,
    FixedLength,
    Immutable,
}

/// ArrayBufferCopyAndDetach.
fn copy_and_detach(vm: &mut Vm, this: Value, new_length: Value, mode: Transfer, what: &str) -> JsResult<Value> {
    let o = this_buffer(vm, this, false, what)?;
    let len = if new_length.is_undefined() { data(&o).byte_len() as u64 } else { vm.to_index(new_length)? };
    if data(&o).is_detached() {
        return Err(vm.type_error(&format!("Cannot perform ArrayBuffer.prototype.{what} on a detached ArrayBuffer")));
    }
    if data(&o).immutable {
        return Err(vm.type_error(&format!("Cannot perform ArrayBuffer.prototype.{what} on an immutable ArrayBuffer")));
    }
    let preserve = mode == Transfer::PreserveResizability;
    let max = if preserve { data(&o).max_byte_length } else { None };
    if max.is_some_and(|m| len > m as u64) {
        return Err(vm.range_error(&format!("ArrayBuffer.prototype.{what}: Invalid length parameter")));
    }
    if len > MAX_BYTE_LENGTH {
        return Err(vm.range_error("Array buffer allocation failed"));
    }
    let proto = Value::from_gc(vm.intrinsic(Intrinsic::ArrayBufferPrototype));
    let mut bytes = data(&o).detach();
    bytes.resize(len as usize, 0);
    let data = ArrayBufferData::from_vec(bytes, max, mode == Transfer::Immutable);
    let n = vm.new_object_with(proto, ObjectKind::ArrayBuffer(Box::new(data)))?;
    Ok(Value::from_gc(n))
}

fn ab_transfer(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    copy_and_detach(vm, this, args.get(0), Transfer::PreserveResizability, "transfer")
}

fn ab_transfer_to_fixed_length(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    copy_and_detach(vm, this, args.get(0), Transfer::FixedLength, "transferToFixedLength")
}

fn ab_transfer_to_immutable(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    copy_and_detach(vm, this, args.get(0), Transfer::Immutable, "transferToImmutable")
}

/// ArrayBuffer.prototype.sliceToImmutable(start, end).
fn ab_slice_to_immutable(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_buffer(vm, this, false, "sliceToImmutable")?;
    let detached = |vm: &mut Vm| vm.type_error("Cannot perform ArrayBuffer.prototype.sliceToImmutable on a detached ArrayBuffer");
    if data(&o).is_detached() {
        return Err(detached(vm));
    }
    let (first, fin) = slice_range(vm, &args, data(&o).byte_len())?;
    if data(&o).is_detached() {
        return Err(detached(vm));
    }
    if data(&o).byte_len() < fin {
        return Err(vm.range_error("ArrayBuffer.prototype.sliceToImmutable: the buffer shrank below the end"));
    }
    let bytes = data(&o).with_bytes(|b| b[first..fin].to_vec());
    let proto = Value::from_gc(vm.intrinsic(Intrinsic::ArrayBufferPrototype));
    let n = vm.new_object_with(proto, ObjectKind::ArrayBuffer(Box::new(ArrayBufferData::from_vec(bytes, None, true))))?;
    Ok(Value::from_gc(n))
}

fn sab_byte_length(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_buffer(vm, this, true, "byteLength")?;
    Ok(Value::number(data(&o).byte_len() as f64))
}

fn sab_growable(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_buffer(vm, this, true, "growable")?;
    Ok(Value::bool(!data(&o).is_fixed_length()))
}

fn sab_max_byte_length(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_buffer(vm, this, true, "maxByteLength")?;
    let d = data(&o);
    Ok(Value::number(d.max_byte_length.unwrap_or_else(|| d.byte_len()) as f64))
}

fn sab_grow(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_buffer(vm, this, true, "grow")?;
    let Some(max) = data(&o).max_byte_length else {
        return Err(vm.type_error("Method SharedArrayBuffer.prototype.grow called on incompatible receiver #<SharedArrayBuffer>"));
    };
    let len = vm.to_index(args.get(0))?;
    if len > max as u64 {
        return Err(vm.range_error("SharedArrayBuffer.prototype.grow: Invalid length parameter"));
    }
    if len < data(&o).byte_len() as u64 {
        return Err(vm.range_error("SharedArrayBuffer.prototype.grow: cannot shrink"));
    }
    // Another agent may have grown it meanwhile; then a shrink is an error.
    if !data(&o).resize(len as usize) && len as usize != data(&o).byte_len() {
        return Err(vm.range_error("SharedArrayBuffer.prototype.grow: cannot shrink"));
    }
    Ok(Value::UNDEFINED)
}

fn sab_slice(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_buffer(vm, this, true, "slice")?;
    let (first, fin) = slice_range(vm, &args, data(&o).byte_len())?;
    let new_len = fin - first;
    let ctor = super::species_constructor(vm, o, Intrinsic::SharedArrayBuffer, "SharedArrayBuffer")?;
    let new = vm.construct(ctor, &[Value::number(new_len as f64)], ctor)?;
    let Some(n) = new.as_gc::<JsObject>().filter(|n| buffer_data(n).is_some_and(|b| b.shared)) else {
        return Err(vm.type_error("SharedArrayBuffer species constructor did not return a SharedArrayBuffer"));
    };
    if n == o {
        return Err(vm.type_error("SharedArrayBuffer subclass returned this from species constructor"));
    }
    if data(&n).byte_len() < new_len {
        return Err(vm.type_error("Species constructor returned a too small SharedArrayBuffer"));
    }
    copy_bytes(&o, first, new_len, &n);
    Ok(new)
}
