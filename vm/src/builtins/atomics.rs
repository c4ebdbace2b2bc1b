//! Atomics (ECMA-262 §25.4): the read-modify-write operations, load,
//! store, compareExchange, isLockFree, wait/waitAsync/notify and pause,
//! on integer typed arrays.
//!
//! The VM runs one agent (no `$262.agent` threads yet), so every operation
//! is a plain read and write of the buffer's bytes between two points
//! where no other agent can run; `wait` can only time out (nobody can
//! notify it), and `notify` wakes the `waitAsync` promises of the
//! location, kept in the buffer's waiter list (a finite `waitAsync`
//! timeout never fires yet: the VM has no timers).

use strata_gc::Gc;

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
    let old = ta.get_bits(i).unwrap_or(0);
    ta.set_bits(i, op(old, bits));
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
    let old = ta.get_bits(i).unwrap_or(0);
    // Compare the element-sized bytes (the operands' bits are truncated to
    // the element's size already, except BigInt64's, which are whole).
    let mask = if ty.size() == 8 { u64::MAX } else { (1u64 << (8 * ty.size())) - 1 };
    if old & mask == expected & mask {
        ta.set_bits(i, replacement);
    }
    bits_to_value(vm, ty, old)
}

fn load(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = validate_integer(vm, args.get(0), false, false)?;
    let i = validate_access(vm, &o, args.get(1))?;
    revalidate(vm, &o, i)?;
    let ty = data(&o).ty;
    let bits = data(&o).get_bits(i).unwrap_or(0);
    bits_to_value(vm, ty, bits)
}

fn store(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = validate_integer(vm, args.get(0), false, true)?;
    let i = validate_access(vm, &o, args.get(1))?;
    let ty = data(&o).ty;
    let (v, bits) = operand(vm, ty, args.get(2))?;
    revalidate(vm, &o, i)?;
    data(&o).set_bits(i, bits);
    Ok(v)
}

fn is_lock_free(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let n = vm.to_integer_or_infinity(args.get(0))?;
    Ok(Value::bool(n == 1.0 || n == 2.0 || n == 4.0 || n == 8.0))
}

/// The steps DoWait shares between wait and waitAsync, up to the
/// comparison: `Some(result)` when the call completes at once.
fn do_wait(vm: &mut Vm, args: &Args, sync: bool) -> JsResult<(Gc<JsObject>, usize, bool, f64)> {
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
    let _ = sync;
    let current = data(&o).get_bits(i).unwrap_or(0);
    let mask = if ty.size() == 8 { u64::MAX } else { u32::MAX as u64 };
    Ok((o, i, current & mask == bits & mask, t))
}

fn wait(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (_, _, equal, t) = do_wait(vm, &args, true)?;
    if !equal {
        return vm.string_value("not-equal");
    }
    // No other agent can notify: wait out the timeout.
    if t.is_finite() {
        std::thread::sleep(std::time::Duration::from_micros((t * 1000.0) as u64));
    } else {
        return Err(vm.type_error("Atomics.wait would block forever: no other agent can notify it"));
    }
    vm.string_value("timed-out")
}

fn wait_async(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (o, i, equal, t) = do_wait(vm, &args, false)?;
    let result = vm.new_object()?;
    let async_key = vm.key("async");
    let value_key = PropertyKey::String(vm.roots.names.value);
    if !equal || t == 0.0 {
        let v = vm.string_value(if equal { "timed-out" } else { "not-equal" })?;
        vm.create_data_property_or_throw(result, async_key, Value::FALSE)?;
        vm.create_data_property_or_throw(result, value_key, v)?;
        return Ok(Value::from_gc(result));
    }
    // Waits until a notify (a finite timeout never fires: there is no
    // timer for it yet).
    let promise = vm.new_promise()?;
    let ta = data(&o);
    let at = ta.byte_offset + i * ta.ty.size();
    ta.buffer().waiters.borrow_mut().push((at, Value::from_gc(promise)));
    vm.create_data_property_or_throw(result, async_key, Value::TRUE)?;
    vm.create_data_property_or_throw(result, value_key, Value::from_gc(promise))?;
    Ok(Value::from_gc(result))
}

fn notify(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = validate_integer(vm, args.get(0), true, false)?;
    let i = validate_access(vm, &o, args.get(1))?;
    let count = if args.get(2).is_undefined() { f64::INFINITY } else { vm.to_integer_or_infinity(args.get(2))?.max(0.0) };
    let ta = data(&o);
    if !ta.buffer().shared {
        return Ok(Value::int(0));
    }
    let at = ta.byte_offset + i * ta.ty.size();
    // The waiters on this location, first come first woken (rooted: once
    // out of the list, nothing else holds them).
    let mut woken = vm.heap.rooted_vec::<Value>();
    ta.buffer().waiters.borrow_mut().retain(|&(b, p)| {
        if b == at && (woken.len() as f64) < count {
            woken.push(p);
            false
        } else {
            true
        }
    });
    let n = woken.len();
    let ok = vm.string_value("ok")?;
    for k in 0..n {
        if let Some(p) = woken.get(k).and_then(|p| p.as_gc::<JsObject>()) {
            vm.fulfill_promise(p, ok);
        }
    }
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
