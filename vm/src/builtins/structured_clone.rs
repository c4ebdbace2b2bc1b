//! The global `structuredClone(value, { transfer })` (HTML's
//! StructuredSerializeWithTransfer followed by
//! StructuredDeserializeWithTransfer, done in one pass: each source object
//! gets its clone "shell" when first met, and a work stack (not native
//! recursion, so any nesting depth is safe) fills the shells' contents).
//!
//! The memory (source object → clone) is a Map object kept in a local, so
//! the collector sees every source and clone through it; the work stack
//! only holds objects that are also in the memory.

use std::cell::Cell;

use strata_gc::Gc;

use crate::builtins::array_buffer::ArrayBufferData;
use crate::builtins::method;
use crate::error::ErrorKind;
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyDescriptor, PropertyKey};
use crate::realm::Intrinsic;
use crate::string::JsString;
use crate::symbol::Symbol;
use crate::value::Value;
use crate::vm::{Exception, JsResult, Vm};

/// Installs the global `structuredClone`.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    method(vm, global, "structuredClone", 1, structured_clone)?;
    Ok(())
}

/// A DataCloneError (no DOMException here: an Error whose `name` is
/// "DataCloneError" and `code` 25, as Node's DOMException reports).
fn data_clone_error(vm: &mut Vm, message: &str) -> Exception {
    let err = match vm.new_error(ErrorKind::Error, message) {
        Ok(e) => e,
        Err(oom) => return oom,
    };
    let r = (|| {
        let name = vm.string_value("DataCloneError")?;
        vm.define_value(err, "name", name, Attrs::HIDDEN)?;
        vm.define_value(err, "code", Value::int(25), Attrs::HIDDEN)?;
        vm.attach_stack(err, "DataCloneError", message)
    })();
    match r {
        Ok(()) => Exception(Value::from_gc(err)),
        Err(e) => e,
    }
}

/// `structuredClone(value, options)`.
fn structured_clone(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let value = args.get(0);
    let options = args.get(1);
    let memory = vm.new_object_with(Value::NULL, ObjectKind::Map(Box::default()))?;
    // The transfer list: validated, then each buffer's bytes move to a new
    // buffer that stands for it in the memory.
    let mut transfers: Vec<Gc<JsObject>> = Vec::new();
    // WebIDL: `options` is a StructuredSerializeOptions dictionary
    // (undefined or null for none) and its `transfer` a sequence<object>,
    // read through the iterator protocol.
    if !options.is_undefined() && !options.is_null() {
        let Some(opts) = options.as_gc::<JsObject>() else {
            return Err(vm.type_error("structuredClone: the options argument must be an object or undefined"));
        };
        let key = vm.key("transfer");
        let list = vm.get(opts, key, options)?;
        if !list.is_undefined() {
            if list.as_gc::<JsObject>().is_none() {
                return Err(vm.type_error("structuredClone: options.transfer must be an iterable of objects"));
            }
            let items = vm.iterable_to_list(list)?;
            for i in 0..items.len() {
                let item = items.get(i).unwrap_or(Value::UNDEFINED);
                if item.as_gc::<JsObject>().is_none() {
                    return Err(vm.type_error("structuredClone: options.transfer must be an iterable of objects"));
                }
                let buf = item.as_gc::<JsObject>().filter(|o| {
                    matches!(&o.kind, ObjectKind::ArrayBuffer(d) if !d.shared && !d.immutable)
                });
                let Some(buf) = buf else {
                    return Err(data_clone_error(vm, "Value not transferable"));
                };
                if transfers.contains(&buf) {
                    return Err(data_clone_error(vm, "Transfer list contains duplicate ArrayBuffer"));
                }
                transfers.push(buf);
            }
            for &buf in &transfers {
                if let ObjectKind::ArrayBuffer(d) = &buf.kind
                    && d.is_detached()
                {
                    return Err(data_clone_error(vm, "An ArrayBuffer is detached and could not be cloned."));
                }
                // Rooted through the memory map before the next allocation
                // (`items` also holds it until then).
                if let ObjectKind::Map(t) = &memory.kind {
                    t.borrow_mut().set(Value::from_gc(buf), Value::UNDEFINED);
                }
            }
        }
    }
    for &buf in &transfers {
        let ObjectKind::ArrayBuffer(d) = &buf.kind else { continue };
        let max = d.max_byte_length;
        let bytes = d.detach();
        let proto = Value::from_gc(vm.intrinsic(Intrinsic::ArrayBufferPrototype));
        let data = ArrayBufferData::from_vec(bytes, max, false);
        let clone = vm.new_object_with(proto, ObjectKind::ArrayBuffer(Box::new(data)))?;
        memory_set(memory, buf, clone);
    }

    let mut work: Vec<(Gc<JsObject>, Gc<JsObject>)> = Vec::new();
    let result = clone_value(vm, memory, &mut work, value)?;
    while let Some((src, dst)) = work.pop() {
        fill(vm, memory, &mut work, src, dst)?;
    }
    Ok(result)
}

fn memory_get(memory: Gc<JsObject>, key: Gc<JsObject>) -> Option<Value> {
    match &memory.kind {
        ObjectKind::Map(t) => t.borrow().get(Value::from_gc(key)),
        _ => None,
    }
}

fn memory_set(memory: Gc<JsObject>, key: Gc<JsObject>, clone: Gc<JsObject>) {
    if let ObjectKind::Map(t) = &memory.kind {
        t.borrow_mut().set(Value::from_gc(key), Value::from_gc(clone));
    }
}

/// The clone of `v`: itself for a primitive, else the memorised clone or
/// a new shell (queued for filling when it has contents).
fn clone_value(
    vm: &mut Vm,
    memory: Gc<JsObject>,
    work: &mut Vec<(Gc<JsObject>, Gc<JsObject>)>,
    v: Value,
) -> JsResult<Value> {
    if let Some(sym) = v.as_gc::<Symbol>() {
        let s = crate::builtins::symbol::descriptive_string(vm, sym)?;
        return Err(data_clone_error(vm, &format!("{} could not be cloned.", s.to_rust_string())));
    }
    let Some(src) = v.as_gc::<JsObject>() else { return Ok(v) };
    if let Some(c) = memory_get(memory, src) {
        return Ok(c);
    }
    if src.is_callable() && !src.is_proxy() {
        let text = crate::builtins::function::to_string(vm, v, Args::new(&[]), Value::UNDEFINED)?;
        let text = text.as_gc::<JsString>().map(|s| s.to_rust_string()).unwrap_or_default();
        return Err(data_clone_error(vm, &format!("{text} could not be cloned.")));
    }
    let proto_of = |vm: &mut Vm, i: Intrinsic| Value::from_gc(vm.intrinsic(i));
    let mut queue = false;
    let shell = match &src.kind {
        ObjectKind::Boolean(b) => {
            let p = proto_of(vm, Intrinsic::BooleanPrototype);
            vm.new_object_with(p, ObjectKind::Boolean(*b))?
        }
        ObjectKind::Number(n) => {
            let p = proto_of(vm, Intrinsic::NumberPrototype);
            vm.new_object_with(p, ObjectKind::Number(*n))?
        }
        ObjectKind::BigInt(b) => {
            let p = proto_of(vm, Intrinsic::BigIntPrototype);
            vm.new_object_with(p, ObjectKind::BigInt(*b))?
        }
        ObjectKind::String(s) => {
            let p = proto_of(vm, Intrinsic::StringPrototype);
            let o = vm.new_object_with(p, ObjectKind::String(*s))?;
            let len = vm.key("length");
            let desc = PropertyDescriptor::data(Value::int(s.len() as i32), Attrs::NONE);
            vm.define_own_property(o, len, desc)?;
            o
        }
        ObjectKind::Date(t) => {
            let p = proto_of(vm, Intrinsic::DatePrototype);
            vm.new_object_with(p, ObjectKind::Date(Cell::new(t.get())))?
        }
        ObjectKind::RegExp(d) => {
            let (source, flags) = d.source_and_flags();
            let ctor = Value::from_gc(vm.intrinsic(Intrinsic::RegExp));
            let r = vm.construct(ctor, &[source, flags], ctor)?;
            match r.as_gc::<JsObject>() {
                Some(o) => o,
                None => return Err(data_clone_error(vm, "#<RegExp> could not be cloned.")),
            }
        }
        ObjectKind::ArrayBuffer(d) => {
            if d.shared {
                let Some(block) = d.block().cloned() else {
                    return Err(data_clone_error(vm, "#<SharedArrayBuffer> could not be cloned."));
                };
                crate::builtins::array_buffer::shared_array_buffer_from_block(vm, block, d.max_byte_length)?
            } else if d.is_detached() {
                return Err(data_clone_error(vm, "An ArrayBuffer is detached and could not be cloned."));
            } else {
                let bytes = d.with_bytes(|b| b.to_vec());
                let data = ArrayBufferData::from_vec(bytes, d.max_byte_length, false);
                let p = proto_of(vm, Intrinsic::ArrayBufferPrototype);
                vm.new_object_with(p, ObjectKind::ArrayBuffer(Box::new(data)))?
            }
        }
        ObjectKind::TypedArray(ta) => {
            // The view's buffer is cloned (or found in the memory: views
            // sharing a buffer keep sharing its clone), then a view of the
            // same type, offset and length made over it.
            let (ty, buffer, offset, len) = (ta.ty, ta.buffer, ta.byte_offset, ta.array_length);
            // A buffer in the transfer list is detached by now; its clone is
            // in the memory already.
            if memory_get(memory, buffer).is_none() && ta.buffer().is_detached() {
                return Err(data_clone_error(vm, "An ArrayBuffer is detached and could not be cloned."));
            }
            let Some(cb) = clone_value(vm, memory, work, Value::from_gc(buffer))?.as_gc::<JsObject>() else {
                return Err(data_clone_error(vm, "#<TypedArray> could not be cloned."));
            };
            let p = proto_of(vm, ty.prototype());
            crate::builtins::typed_array::create_view(vm, p, ty, cb, offset, len)?
        }
        ObjectKind::DataView(dv) => {
            let (buffer, offset, len) = (dv.buffer, dv.byte_offset, dv.byte_length);
            if memory_get(memory, buffer).is_none()
                && crate::builtins::array_buffer::buffer_data(&buffer).is_none_or(|b| b.is_detached())
            {
                return Err(data_clone_error(vm, "An ArrayBuffer is detached and could not be cloned."));
            }
            let Some(cb) = clone_value(vm, memory, work, Value::from_gc(buffer))?.as_gc::<JsObject>() else {
                return Err(data_clone_error(vm, "#<DataView> could not be cloned."));
            };
            let p = proto_of(vm, Intrinsic::DataViewPrototype);
            let view = crate::builtins::data_view::DataViewData { buffer: cb, byte_offset: offset, byte_length: len };
            vm.new_object_with(p, ObjectKind::DataView(view))?
        }
        ObjectKind::Map(_) => {
            queue = true;
            let p = proto_of(vm, Intrinsic::MapPrototype);
            vm.new_object_with(p, ObjectKind::Map(Box::default()))?
        }
        ObjectKind::Set(_) => {
            queue = true;
            let p = proto_of(vm, Intrinsic::SetPrototype);
            vm.new_object_with(p, ObjectKind::Set(Box::default()))?
        }
        ObjectKind::Array { length, .. } => {
            queue = true;
            let len = length.get();
            let a = vm.new_array(&[])?;
            let key = vm.key("length");
            vm.set(a, key, Value::number(len as f64), Value::from_gc(a))?;
            a
        }
        ObjectKind::Error => {
            queue = true;
            let key = vm.key("name");
            let name = vm.get(src, key, v)?;
            let name = if name.is_undefined() { String::new() } else {
                let s = vm.to_string(name)?;
                s.to_rust_string()
            };
            let kind = match name.as_str() {
                "EvalError" => ErrorKind::EvalError,
                "RangeError" => ErrorKind::RangeError,
                "ReferenceError" => ErrorKind::ReferenceError,
                "SyntaxError" => ErrorKind::SyntaxError,
                "TypeError" => ErrorKind::TypeError,
                "URIError" => ErrorKind::UriError,
                _ => ErrorKind::Error,
            };
            let p = proto_of(vm, kind.prototype());
            vm.new_object_with(p, ObjectKind::Error)?
        }
        ObjectKind::Ordinary | ObjectKind::Arguments(_) => {
            queue = true;
            vm.new_object()?
        }
        other => {
            let what = match other {
                ObjectKind::WeakMap(_) => "WeakMap",
                ObjectKind::WeakSet(_) => "WeakSet",
                ObjectKind::WeakRef(_) => "WeakRef",
                ObjectKind::FinalizationRegistry(_) => "FinalizationRegistry",
                ObjectKind::Promise(_) => "Promise",
                ObjectKind::Symbol(_) => "Symbol",
                _ => "Object",
            };
            return Err(data_clone_error(vm, &format!("#<{what}> could not be cloned.")));
        }
    };
    memory_set(memory, src, shell);
    if queue {
        work.push((src, shell));
    }
    Ok(Value::from_gc(shell))
}

/// Copies `src`'s contents (entries, or own enumerable string-keyed
/// properties) into its clone `dst`.
fn fill(
    vm: &mut Vm,
    memory: Gc<JsObject>,
    work: &mut Vec<(Gc<JsObject>, Gc<JsObject>)>,
    src: Gc<JsObject>,
    dst: Gc<JsObject>,
) -> JsResult<()> {
    match (&src.kind, &dst.kind) {
        (ObjectKind::Map(s), ObjectKind::Map(_)) | (ObjectKind::Set(s), ObjectKind::Set(_)) => {
            let is_map = matches!(src.kind, ObjectKind::Map(_));
            // A getter met while cloning an entry (an Error's `name`) may
            // change the source table: the entries are snapshotted into a
            // rooted vector first, keys and values interleaved.
            let mut entries = vm.heap.rooted_vec::<Value>();
            {
                let t = s.borrow();
                for k in t.keys() {
                    entries.push(k);
                    entries.push(t.get(k).unwrap_or(Value::UNDEFINED));
                }
            }
            for i in (0..entries.len()).step_by(2) {
                let k = entries.get(i).unwrap_or(Value::UNDEFINED);
                let val = entries.get(i + 1).unwrap_or(Value::UNDEFINED);
                let ck = clone_value(vm, memory, work, k)?;
                let cv = if is_map { clone_value(vm, memory, work, val)? } else { ck };
                if let ObjectKind::Map(d) | ObjectKind::Set(d) = &dst.kind {
                    let mut d = d.borrow_mut();
                    if is_map {
                        d.set(ck, cv);
                    } else {
                        d.insert(ck);
                    }
                }
            }
            Ok(())
        }
        (ObjectKind::Error, _) => {
            let sv = Value::from_gc(src);
            for name in ["message", "cause"] {
                let key = vm.key(name);
                if crate::object_ops::get_own_property(vm, src, key.clone())?.is_none() {
                    continue;
                }
                let val = vm.get(src, key, sv)?;
                let val = if name == "message" {
                    Value::from_gc(vm.to_string(val)?)
                } else {
                    clone_value(vm, memory, work, val)?
                };
                vm.define_value(dst, name, val, Attrs::HIDDEN)?;
            }
            let key = vm.key("stack");
            let stack = vm.get(src, key, sv)?;
            if stack.as_gc::<JsString>().is_some() {
                vm.define_value(dst, "stack", stack, Attrs::HIDDEN)?;
            }
            Ok(())
        }
        _ => {
            let sv = Value::from_gc(src);
            let keys = vm.own_property_keys(src)?;
            let mut rooted = vm.heap.rooted_vec::<PropertyKey>();
            for k in keys {
                rooted.push(k);
            }
            for i in 0..rooted.len() {
                let key = rooted.as_slice()[i].clone();
                if matches!(key, PropertyKey::Symbol(_)) {
                    continue;
                }
                let Some(desc) = crate::object_ops::get_own_property(vm, src, key.clone())? else { continue };
                if desc.enumerable != Some(true) {
                    continue;
                }
                let val = vm.get(src, key.clone(), sv)?;
                let cv = clone_value(vm, memory, work, val)?;
                vm.create_data_property_or_throw(dst, key, cv)?;
            }
            Ok(())
        }
    }
}
