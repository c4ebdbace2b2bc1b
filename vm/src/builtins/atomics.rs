//! Atomics (ECMA-262 §25.4): the read-modify-write operations, load,
//! store, compareExchange, isLockFree, wait/waitAsync/notify and pause,
//! on integer typed arrays.
//!
//! On a SharedArrayBuffer the operations are atomic instructions on the
//! shared block and `wait`/`waitAsync`/`notify` use the process-wide
//! WaiterList (`shared_memory.rs`), so they work between agents
//! (`$262.agent` threads); on a non-shared buffer they are plain reads
//! and writes (only one agent can see it).

use std::sync::Arc;

use strata_gc::Gc;

use super::shared_memory::{self, SharedBlock, WaitResult};

use super::method;
use super::typed_array::{ElementType, TypedArrayData, bits_to_value, number_to_bits, typed_array_data};
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

/// Installs the Atomics namespace object.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let op = Value::from_gc(vm.intrinsic(Intrinsic::ObjectPrototype));
    let atomics = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.define_value(global, "Atomics", Value::from_gc(atomics), Attrs::HIDDEN)?;
    method(vm, atomics, "add", 3, add)?;
    method(vm, atomics, "and", 3, and)?;
    method(vm, atomics, "compareExchange", 4, compare_exchange)?;
    method(vm, atomics, "exchange", 3, exchange)?;
    method(vm, atomics, "isLockFree", 1, is_lock_free)?;
    method(vm, atomics, "load", 2, load)?;
    method(vm, atomics, "or", 3, or)?;
    method(vm, atomics, "store", 3, store)?;
    method(vm, atomics, "sub", 3, sub)?;
    method(vm, atomics, "wait", 4, wait)?;
    method(vm, atomics, "waitAsync", 4, wait_async)?;
    method(vm, atomics, "notify", 3, notify)?;
    method(vm, atomics, "xor", 3, xor)?;
    method(vm, atomics, "pause", 0, pause)?;
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::ToStringTag));
    let tag = vm.string_value("Atomics")?;
    vm.define_own_simple(atomics, key, tag, Attrs::CONFIGURABLE_ONLY)?;
    Ok(())
}

/// ValidateIntegerTypedArray: the array, or a TypeError.
fn validate_integer(vm: &mut Vm, v: Value, waitable: bool, write: bool) -> JsResult<Gc<JsObject>> {
    let (o, _) = if write {
        super::typed_array::validate_writable(vm, v, "Atomics operation")?
    } else {
        super::typed_array::validate_value(vm, v, "Atomics operation")?
    };
    let ty = data(&o).ty;
    let ok = if waitable {
        matches!(ty, ElementType::Int32 | ElementType::BigInt64)
    } else {
        !matches!(ty, ElementType::Uint8Clamped | ElementType::Float16 | ElementType::Float32 | ElementType::Float64)
    };
    if !ok {
        return Err(vm.type_error(&format!("[object {}] is not an integer shared typed array.", ty.name())));
    }
    Ok(o)
}

fn data(o: &Gc<JsObject>) -> &TypedArrayData {
    typed_array_data(o).expect("validated typed array")
}

/// ValidateAtomicAccess: the element index.
fn validate_access(vm: &mut Vm, o: &Gc<JsObject>, index: Value) -> JsResult<usize> {
    let len = data(o).length_or_zero();
    let i = vm.to_index(index)?;
    if i >= len as u64 {
        return Err(vm.range_error("Invalid atomic access index"));
    }
    Ok(i as usize)
}

/// RevalidateAtomicAccess: after conversions that may have run code.
fn revalidate(vm: &mut Vm, o: &Gc<JsObject>, i: usize) -> JsResult<()> {
    match data(o).length() {
        None => Err(vm.type_error("Cannot perform Atomics operation on a detached or out-of-bounds typed array")),
        Some(len) if i >= len => Err(vm.range_error("Invalid atomic access index")),
        Some(_) => Ok(()),
    }
}

/// The conversion of an operand: ToBigInt, or ToIntegerOrInfinity; the
/// value to return and the element bits.
fn operand(vm: &mut Vm, ty: ElementType, v: Value) -> JsResult<(Value, u64)> {
    if ty.is_bigint() {
        let n = vm.to_bigint(v)?;
        let bits = crate::bigint::low_u64(&n);
        return Ok((vm.new_bigint(n)?, bits));
    }
    let n = vm.to_integer_or_infinity(v)?;
    Ok((Value::number(n + 0.0), number_to_bits(ty, n)))
}

/// AtomicReadModifyWrite with `op` on the element bits.
fn read_modify_write(vm: &mut Vm, args: &Args, op: fn(u64, u64) -> u64) -> JsResult<Value> {
    let o = validate_integer(vm, args.get(0), false, true)?;
    let i = validate_access(vm, &o, args.get(1))?;
    let ty = data(&o).ty;
    let (_, bits) = operand(vm, ty, args.get(2))?;
    revalidate(vm, &o, i)?;
    let ta = data(&o);
    let old = match ta.buffer().block() {
        Some(block) => block.rmw(ta.byte_offset + i * ty.size(), ty.size(), |old| op(old, bits)),
        None => {
            let old = ta.get_bits(i).unwrap_or(0);
            ta.set_bits(i, op(old, bits));
            old
        }
    };
    bits_to_value(vm, ty, old)
}

fn add(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    read_modify_write(vm, &args, u64::wrapping_add)
}
fn sub(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    read_modify_write(vm, &args, u64::wrapping_sub)
}
fn and(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    read_modify_write(vm, &args, |a, b| a & b)
}
fn or(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    read_modify_write(vm, &args, |a, b| a | b)
}
fn xor(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    read_modify_write(vm, &args, |a, b| a ^ b)
}
fn exchange(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    read_modify_write(vm, &args, |_, b| b)
}

fn compare_exchange(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = validate_integer(vm, args.get(0), false, true)?;
    let i = validate_access(vm, &o, args.get(1))?;
    let ty = data(&o).ty;
    let (_, expected) = operand(vm, ty, args.get(2))?;
    let (_, replacement) = operand(vm, ty, args.get(3))?;
    revalidate(vm, &o, i)?;
    let ta = data(&o);
    // Compare the element-sized bytes (the operands' bits are truncated to
    // the element's size already, except BigInt64's, which are whole).
    let mask = if ty.size() == 8 { u64::MAX } else { (1u64 << (8 * ty.size())) - 1 };
    let old = match ta.buffer().block() {
        Some(block) => block.rmw(ta.byte_offset + i * ty.size(), ty.size(), |old| {
            if old & mask == expected & mask { replacement } else { old }
        }),
        None => {
            let old = ta.get_bits(i).unwrap_or(0);
            if old & mask == expected & mask {
                ta.set_bits(i, replacement);
            }
            old
        }
    };
    bits_to_value(vm, ty, old)
}

fn load(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = validate_integer(vm, args.get(0), false, false)?;
    let i = validate_access(vm, &o, args.get(1))?;
    revalidate(vm, &o, i)?;
    let ta = data(&o);
    let ty = ta.ty;
    let bits = match ta.buffer().block() {
        Some(block) => block.load(ta.byte_offset + i * ty.size(), ty.size()),
        None => ta.get_bits(i).unwrap_or(0),
    };
    // Spin loops on shared memory are where other agents' notifications
    // of this agent's waitAsync promises get picked up.
    super::shared_memory::poll_async_waiters(vm)?;
    bits_to_value(vm, ty, bits)
}

fn store(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = validate_integer(vm, args.get(0), false, true)?;
    let i = validate_access(vm, &o, args.get(1))?;
    let ty = data(&o).ty;
    let (v, bits) = operand(vm, ty, args.get(2))?;
    revalidate(vm, &o, i)?;
    let ta = data(&o);
    match ta.buffer().block() {
        Some(block) => {
            block.rmw(ta.byte_offset + i * ty.size(), ty.size(), |_| bits);
        }
        None => ta.set_bits(i, bits),
    }
    Ok(v)
}

fn is_lock_free(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let n = vm.to_integer_or_infinity(args.get(0))?;
    Ok(Value::bool(n == 1.0 || n == 2.0 || n == 4.0 || n == 8.0))
}

/// The steps DoWait shares between wait and waitAsync, up to the
/// comparison: the array, the element's byte index in the block, the
/// expected bits and the timeout in milliseconds.
fn do_wait(vm: &mut Vm, args: &Args) -> JsResult<(Gc<JsObject>, usize, u64, f64)> {
    let o = validate_integer(vm, args.get(0), true, false)?;
    if !data(&o).buffer().shared {
        return Err(vm.type_error("Atomics.wait cannot be called on a non-shared typed array"));
    }
    let i = validate_access(vm, &o, args.get(1))?;
    let ty = data(&o).ty;
    let bits = if ty.is_bigint() {
        super::typed_array::bigint_bits(vm, ty, args.get(2))?
    } else {
        vm.to_int32(args.get(2))? as u32 as u64
    };
    let q = vm.to_number(args.get(3))?;
    let t = if q.is_nan() { f64::INFINITY } else { q.max(0.0) };
    let ta = data(&o);
    Ok((o, ta.byte_offset + i * ty.size(), bits, t))
}

fn block_of(o: &Gc<JsObject>) -> Option<Arc<SharedBlock>> {
    data(o).buffer().block().cloned()
}

fn wait(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (o, at, bits, t) = do_wait(vm, &args)?;
    let Some(block) = block_of(&o) else { return Err(vm.type_error("Atomics.wait cannot be called on a non-shared typed array")) };
    let result = shared_memory::wait_sync(vm, &block, at, data(&o).ty.size(), bits, t)?;
    vm.string_value(result.as_str())
}

fn wait_async(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (o, at, bits, t) = do_wait(vm, &args)?;
    let Some(block) = block_of(&o) else {
        return Err(vm.type_error("Atomics.waitAsync cannot be called on a non-shared typed array"));
    };
    let size = data(&o).ty.size();
    let result = vm.new_object()?;
    let async_key = vm.key("async");
    let value_key = PropertyKey::String(vm.roots.names.value);
    let sync_result = |vm: &mut Vm, r: WaitResult| -> JsResult<Value> {
        let v = vm.string_value(r.as_str())?;
        vm.create_data_property_or_throw(result, async_key, Value::FALSE)?;
        vm.create_data_property_or_throw(result, value_key, v)?;
        Ok(Value::from_gc(result))
    };
    if block.load(at, size) != bits {
        return sync_result(vm, WaitResult::NotEqual);
    }
    if t == 0.0 {
        return sync_result(vm, WaitResult::TimedOut);
    }
    let promise = vm.new_promise()?;
    if shared_memory::wait_async(vm, &block, at, size, bits, t, promise) == WaitResult::NotEqual {
        return sync_result(vm, WaitResult::NotEqual);
    }
    vm.create_data_property_or_throw(result, async_key, Value::TRUE)?;
    vm.create_data_property_or_throw(result, value_key, Value::from_gc(promise))?;
    Ok(Value::from_gc(result))
}

fn notify(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = validate_integer(vm, args.get(0), true, false)?;
    let i = validate_access(vm, &o, args.get(1))?;
    let count = if args.get(2).is_undefined() { f64::INFINITY } else { vm.to_integer_or_infinity(args.get(2))?.max(0.0) };
    let ta = data(&o);
    let at = ta.byte_offset + i * ta.ty.size();
    let Some(block) = block_of(&o) else { return Ok(Value::int(0)) };
    let n = shared_memory::notify(vm, &block, at, count)?;
    Ok(Value::number(n as f64))
}

fn pause(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let n = args.get(0);
    if !n.is_undefined() && !n.as_number().is_some_and(|x| x.is_finite() && x.fract() == 0.0) {
        return Err(vm.type_error("Atomics.pause: the argument must be undefined or an integral Number"));
    }
    std::hint::spin_loop();
    Ok(Value::UNDEFINED)
}
