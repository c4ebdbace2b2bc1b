//! Async iteration: GetIterator(obj, async) with its fallback to a sync
//! iterator wrapped by %AsyncFromSyncIteratorPrototype% (§27.1.6), and
//! %AsyncIteratorPrototype% (§27.1.3).

use std::cell::Cell;

use strata_gc::{Trace, Tracer};

use super::method;
use crate::builtins::promise::{Capability, ReactionHandler};
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::property::PropertyKey;
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{Exception, JsResult, Vm, WellKnown};

/// [[SyncIteratorRecord]] of an async-from-sync iterator.
pub struct SyncIteratorRecord {
    /// The sync iterator.
    pub iterator: Cell<Value>,
    /// Its `next` method.
    pub next: Cell<Value>,
}

impl SyncIteratorRecord {
    /// Reports the iterator and method.
    pub fn trace(&self, t: &mut Tracer<'_>) {
        self.iterator.get().trace(t);
        self.next.get().trace(t);
    }
}

/// Installs %AsyncIteratorPrototype% and %AsyncFromSyncIteratorPrototype%.
pub fn init(vm: &mut Vm) -> JsResult<()> {
    let op = Value::from_gc(vm.intrinsic(Intrinsic::ObjectPrototype));
    let async_iter_proto = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::AsyncIteratorPrototype, async_iter_proto);
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::AsyncIterator));
    super::symbol_method(vm, async_iter_proto, key, "[Symbol.asyncIterator]", 0, return_this)?;
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::AsyncDispose));
    super::symbol_method(vm, async_iter_proto, key, "[Symbol.asyncDispose]", 0, async_dispose)?;

    let from_sync = vm.new_object_with(Value::from_gc(async_iter_proto), ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::AsyncFromSyncIteratorPrototype, from_sync);
    method(vm, from_sync, "next", 1, from_sync_next)?;
    method(vm, from_sync, "return", 1, from_sync_return)?;
    method(vm, from_sync, "throw", 1, from_sync_throw)?;
    Ok(())
}

fn return_this(_vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(this)
}

/// %AsyncIteratorPrototype% [ @@asyncDispose ] ( ) (ES2026 §27.1.3.1):
/// calls `return` and resolves to undefined once its result settles.
fn async_dispose(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let cap = capability(vm)?;
    let key = PropertyKey::String(vm.roots.names.return_);
    let ret = match super::string::get_method(vm, this, key) {
        Ok(m) => m,
        Err(e) => return reject_with(vm, cap, e),
    };
    if ret.is_undefined() {
        vm.call(cap.resolve, Value::UNDEFINED, &[Value::UNDEFINED])?;
        return Ok(cap.promise);
    }
    let result = match vm.call(ret, this, &[]) {
        Ok(r) => r,
        Err(e) => return reject_with(vm, cap, e),
    };
    let intrinsic = Value::from_gc(vm.intrinsic(Intrinsic::Promise));
    let wrapper = match vm.promise_resolve(intrinsic, result) {
        Ok(w) => w,
        Err(e) => return reject_with(vm, cap, e),
    };
    let Some((wrapper, _)) = crate::builtins::promise::promise_data(wrapper) else { return Ok(cap.promise) };
    let unwrap = vm.new_native_function("", 1, return_undefined, false)?;
    vm.perform_promise_then(
        wrapper,
        ReactionHandler::Function(Value::from_gc(unwrap)),
        ReactionHandler::Function(Value::UNDEFINED),
        Some(cap),
    );
    Ok(cap.promise)
}

fn return_undefined(_vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::UNDEFINED)
}

impl Vm {
    /// GetIterator(v, async): (iterator, next method).
    pub fn get_async_iterator(&mut self, v: Value) -> JsResult<(Value, Value)> {
        let key = PropertyKey::Symbol(self.well_known(WellKnown::AsyncIterator));
        let method = if v.is_nullish() { Value::UNDEFINED } else { self.get_value(v, key)? };
        if method.is_nullish() {
            let (iterator, next) = self.get_iterator(v)?;
            return self.create_async_from_sync_iterator(iterator, next);
        }
        if !self.is_callable(method) {
            let what = self.describe_value(v);
            return Err(self.type_error(&format!("{what} is not async iterable")));
        }
        let iter = self.call(method, v, &[])?;
        if iter.as_gc::<JsObject>().is_none() {
            return Err(self.type_error("Result of the Symbol.asyncIterator method is not an object"));
        }
        let next_key = PropertyKey::String(self.roots.names.next);
        let next = self.get_value(iter, next_key)?;
        Ok((iter, next))
    }

    /// CreateAsyncFromSyncIterator (§27.1.6.1).
    pub(crate) fn create_async_from_sync_iterator(&mut self, iterator: Value, next: Value) -> JsResult<(Value, Value)> {
        let proto = Value::from_gc(self.intrinsic(Intrinsic::AsyncFromSyncIteratorPrototype));
        let record = SyncIteratorRecord { iterator: Cell::new(iterator), next: Cell::new(next) };
        let obj = self.new_object_with(proto, ObjectKind::AsyncFromSyncIterator(record))?;
        let next_key = PropertyKey::String(self.roots.names.next);
        let next_method = self.get_value(Value::from_gc(obj), next_key)?;
        Ok((Value::from_gc(obj), next_method))
    }
}

/// The sync record of `this` (always an async-from-sync iterator: the
/// object is never exposed to scripts).
fn record(vm: &mut Vm, this: Value) -> JsResult<(Value, Value)> {
    match this.as_gc::<JsObject>() {
        Some(o) => match &o.kind {
            ObjectKind::AsyncFromSyncIterator(r) => Ok((r.iterator.get(), r.next.get())),
            _ => Err(vm.type_error("not an async-from-sync iterator")),
        },
        None => Err(vm.type_error("not an async-from-sync iterator")),
    }
}

/// The %Promise% capability every method returns through.
fn capability(vm: &mut Vm) -> JsResult<Capability> {
    let c = Value::from_gc(vm.intrinsic(Intrinsic::Promise));
    vm.new_promise_capability(c)
}

/// Rejects `cap` with `e` (IfAbruptRejectPromise) and returns its promise.
fn reject_with(vm: &mut Vm, cap: Capability, e: Exception) -> JsResult<Value> {
    if e.is_termination() {
        return Err(e);
    }
    vm.call(cap.reject, Value::UNDEFINED, &[e.0])?;
    Ok(cap.promise)
}

/// %AsyncFromSyncIteratorPrototype%.next (§27.1.6.2.1).
fn from_sync_next(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (iterator, next) = record(vm, this)?;
    let cap = capability(vm)?;
    let call_args: Vec<Value> = if args.is_empty() { vec![] } else { vec![args.get(0)] };
    match call_for_result(vm, next, iterator, &call_args) {
        Ok(result) => continuation(vm, result, cap, iterator, true),
        Err(e) => reject_with(vm, cap, e),
    }
}

/// %AsyncFromSyncIteratorPrototype%.return (§27.1.6.2.2).
fn from_sync_return(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (iterator, _) = record(vm, this)?;
    let cap = capability(vm)?;
    let key = PropertyKey::String(vm.roots.names.return_);
    let ret = match super::string::get_method(vm, iterator, key) {
        Ok(m) => m,
        Err(e) => return reject_with(vm, cap, e),
    };
    if ret.is_undefined() {
        let r = vm.iter_result(args.get(0), true)?;
        vm.call(cap.resolve, Value::UNDEFINED, &[r])?;
        return Ok(cap.promise);
    }
    let call_args: Vec<Value> = if args.is_empty() { vec![] } else { vec![args.get(0)] };
    match call_for_result(vm, ret, iterator, &call_args) {
        Ok(result) => continuation(vm, result, cap, iterator, false),
        Err(e) => reject_with(vm, cap, e),
    }
}

/// %AsyncFromSyncIteratorPrototype%.throw (§27.1.6.2.3).
fn from_sync_throw(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (iterator, _) = record(vm, this)?;
    let cap = capability(vm)?;
    let key = PropertyKey::String(vm.roots.names.throw);
    let throw = match super::string::get_method(vm, iterator, key) {
        Ok(m) => m,
        Err(e) => return reject_with(vm, cap, e),
    };
    if throw.is_undefined() {
        // The protocol is violated: close the sync iterator, then reject
        // with a TypeError.
        if let Err(e) = vm.iterator_close(iterator, false) {
            return reject_with(vm, cap, e);
        }
        let e = vm.type_error("The iterator does not provide a 'throw' method");
        return reject_with(vm, cap, e);
    }
    match call_for_result(vm, throw, iterator, &[args.get(0)]) {
        Ok(result) => continuation(vm, result, cap, iterator, true),
        Err(e) => reject_with(vm, cap, e),
    }
}

/// Calls a sync iterator method; its result must be an object.
fn call_for_result(vm: &mut Vm, f: Value, iterator: Value, args: &[Value]) -> JsResult<Value> {
    let r = vm.call(f, iterator, args)?;
    if r.as_gc::<JsObject>().is_none() {
        return Err(vm.type_error("Iterator result is not an object"));
    }
    Ok(r)
}

/// AsyncFromSyncIteratorContinuation(result, capability, syncIteratorRecord,
/// closeOnRejection) (§27.1.6.4).
fn continuation(vm: &mut Vm, result: Value, cap: Capability, iterator: Value, close_on_rejection: bool) -> JsResult<Value> {
    let Some(r) = result.as_gc::<JsObject>() else { return Ok(cap.promise) };
    let done_key = PropertyKey::String(vm.roots.names.done);
    let done = match vm.get(r, done_key, result) {
        Ok(d) => crate::conversions::to_boolean(d),
        Err(e) => return reject_with(vm, cap, e),
    };
    let value_key = PropertyKey::String(vm.roots.names.value);
    let value = match vm.get(r, value_key, result) {
        Ok(v) => v,
        Err(e) => return reject_with(vm, cap, e),
    };
    let intrinsic = Value::from_gc(vm.intrinsic(Intrinsic::Promise));
    let wrapper = match vm.promise_resolve(intrinsic, value) {
        Ok(w) => w,
        Err(e) => {
            if !done && close_on_rejection && !e.is_termination() {
                let _ = vm.iterator_close(iterator, true);
            }
            return reject_with(vm, cap, e);
        }
    };
    let Some((wrapper, _)) = crate::builtins::promise::promise_data(wrapper) else { return Ok(cap.promise) };
    let unwrap = vm.new_native_closure("", 1, unwrap_value, &[Value::bool(done)])?;
    let on_rejected = if done || !close_on_rejection {
        ReactionHandler::Function(Value::UNDEFINED)
    } else {
        ReactionHandler::Function(Value::from_gc(vm.new_native_closure("", 1, close_iterator, &[iterator])?))
    };
    vm.perform_promise_then(wrapper, ReactionHandler::Function(Value::from_gc(unwrap)), on_rejected, Some(cap));
    Ok(cap.promise)
}

/// Async-from-Sync Iterator Value Unwrap functions: CreateIterResultObject(v, done).
fn unwrap_value(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let done = vm.native_captures()?.get(0) == Value::TRUE;
    vm.iter_result(args.get(0), done)
}

/// Closes the sync iterator when the wrapped value rejects, then rethrows.
fn close_iterator(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let iterator = vm.native_captures()?.get(0);
    vm.iterator_close(iterator, true)?;
    Err(Exception(args.get(0)))
}
