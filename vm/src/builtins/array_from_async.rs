//! Array.fromAsync (ES2026 §23.1.2.2).
//!
//! The spec writes the method as an abstract closure run by
//! AsyncFunctionStart, suspended at each `Await`. Natively it is a state
//! machine: the closure's variables live in one [`Captures`] cell (slots
//! below), and each `Await(v)` is PromiseResolve(%Promise%, v) plus
//! PerformPromiseThen with two native closures sharing that cell, one per
//! outcome, each naming the step that follows the await. Every step runs
//! from one await to the next; an abrupt completion that escapes a step
//! rejects the returned promise (AsyncBlockStart), and the step that
//! returns A resolves it. Between awaits the cell is reachable only from
//! the promise reactions, which the collector traces.

use strata_gc::Gc;

use crate::builtins::array::{construct_object, create_index, get_index, length_of, new_array_of_length, set_length, MAX_SAFE_LENGTH};
use crate::builtins::promise::{promise_data, ReactionHandler};
use crate::conversions::to_boolean;
use crate::function::{Args, Captures, NativeFn};
use crate::object::JsObject;
use crate::property::PropertyKey;
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{Exception, JsResult, Vm, WellKnown};

// The closure's variables: slots of the state cell.
/// The `this` value C.
const C: usize = 0;
/// mapfn, undefined when not mapping.
const MAPPER: usize = 1;
/// thisArg.
const THIS_ARG: usize = 2;
/// The iterator (iterable input) or arrayLike (array-like input).
const SOURCE: usize = 3;
/// The iterator's `next` method; undefined for an array-like.
const NEXT: usize = 4;
/// The result object A.
const A: usize = 5;
/// k.
const K: usize = 6;
/// len of an array-like.
const LEN: usize = 7;
/// The promise fromAsync returned (its capability is %Promise%'s, so the
/// promise is resolved and rejected directly).
const PROMISE: usize = 8;
/// The error an AsyncIteratorClose rethrows once `return`'s result settles.
const ERROR: usize = 9;
const SLOTS: usize = 10;

/// Array.fromAsync ( asyncItems [ , mapfn [ , thisArg ] ] )
pub(crate) fn from_async(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let promise = vm.new_promise()?;
    let mut slots = vec![Value::UNDEFINED; SLOTS];
    slots[C] = this;
    slots[MAPPER] = args.get(1);
    slots[THIS_ARG] = args.get(2);
    slots[PROMISE] = Value::from_gc(promise);
    let state = vm.alloc(Captures { slots: slots.into_iter().map(std::cell::Cell::new).collect() })?;
    let outcome = start(vm, state, args.get(0));
    settle_on_error(vm, state, outcome)?;
    Ok(Value::from_gc(promise))
}

/// Rejects the returned promise with the error a step threw (a
/// termination is not a JavaScript completion: it propagates).
fn settle_on_error(vm: &mut Vm, state: Gc<Captures>, outcome: JsResult<()>) -> JsResult<()> {
    match outcome {
        Ok(()) => Ok(()),
        Err(e) if e.is_termination() => Err(e),
        Err(e) => {
            if let Some(p) = state.get(PROMISE).as_gc::<JsObject>() {
                vm.reject_promise(p, e.0);
            }
            Ok(())
        }
    }
}

/// Returns A: resolves the promise with it (a thenable A is adopted, as
/// the capability's resolve function would).
fn resolve_with_a(vm: &mut Vm, state: Gc<Captures>) -> JsResult<()> {
    let Some(p) = state.get(PROMISE).as_gc::<JsObject>() else { return Ok(()) };
    vm.resolve_promise(p, state.get(A))
}

/// The closure's steps up to the first await.
fn start(vm: &mut Vm, state: Gc<Captures>, items: Value) -> JsResult<()> {
    let mapper = state.get(MAPPER);
    if !mapper.is_undefined() && !vm.is_callable(mapper) {
        return Err(vm.not_callable(mapper));
    }
    let async_key = PropertyKey::Symbol(vm.well_known(WellKnown::AsyncIterator));
    let using_async = get_method(vm, items, async_key)?;
    let using_sync = if using_async.is_undefined() {
        let key = PropertyKey::Symbol(vm.well_known(WellKnown::Iterator));
        get_method(vm, items, key)?
    } else {
        Value::UNDEFINED
    };
    let c = state.get(C);
    if !using_async.is_undefined() || !using_sync.is_undefined() {
        let (iterator, next) = if !using_async.is_undefined() {
            get_iterator_from_method(vm, items, using_async, "Symbol.asyncIterator")?
        } else {
            let (iterator, next) = get_iterator_from_method(vm, items, using_sync, "Symbol.iterator")?;
            vm.create_async_from_sync_iterator(iterator, next)?
        };
        state.set(SOURCE, iterator);
        state.set(NEXT, next);
        let a = if vm.is_constructor(c) { construct_object(vm, c, &[])? } else { new_array_of_length(vm, 0)? };
        state.set(A, Value::from_gc(a));
        state.set(K, Value::int(0));
        return iterator_next(vm, state);
    }
    // Neither async iterable nor iterable: an array-like.
    let array_like = vm.to_object(items)?;
    state.set(SOURCE, Value::from_gc(array_like));
    let len = length_of(vm, array_like)?;
    let a = if vm.is_constructor(c) {
        construct_object(vm, c, &[Value::number(len as f64)])?
    } else {
        new_array_of_length(vm, len)?
    };
    state.set(A, Value::from_gc(a));
    state.set(LEN, Value::number(len as f64));
    state.set(K, Value::int(0));
    array_like_next(vm, state)
}

/// GetMethod(V, P) (§7.3.10): GetV throws for undefined and null.
fn get_method(vm: &mut Vm, v: Value, key: PropertyKey) -> JsResult<Value> {
    if v.is_nullish() {
        let what = vm.describe_value(v);
        return Err(vm.type_error(&format!("{what} is not iterable or array-like")));
    }
    crate::builtins::string::get_method(vm, v, key)
}

/// GetIteratorFromMethod(obj, method).
fn get_iterator_from_method(vm: &mut Vm, obj: Value, method: Value, which: &str) -> JsResult<(Value, Value)> {
    let iterator = vm.call(method, obj, &[])?;
    if iterator.as_gc::<JsObject>().is_none() {
        return Err(vm.type_error(&format!("Result of the {which} method is not an object")));
    }
    let key = PropertyKey::String(vm.roots.names.next);
    let next = vm.get_value(iterator, key)?;
    Ok((iterator, next))
}

/// k of the state.
fn k_of(state: Gc<Captures>) -> u64 {
    state.get(K).as_number().unwrap_or(0.0) as u64
}

/// Await(v): `on_fulfilled` or `on_rejected` runs with the settled value,
/// over the same state.
fn await_value(vm: &mut Vm, state: Gc<Captures>, v: Value, on_fulfilled: NativeFn, on_rejected: NativeFn) -> JsResult<()> {
    let intrinsic = Value::from_gc(vm.intrinsic(Intrinsic::Promise));
    let promise = vm.promise_resolve(intrinsic, v)?;
    let Some((p, _)) = promise_data(promise) else {
        return Err(vm.type_error("internal error: PromiseResolve returned a non-promise"));
    };
    let fulfilled = vm.new_native_closure_sharing("", 1, on_fulfilled, state)?;
    let rejected = vm.new_native_closure_sharing("", 1, on_rejected, state)?;
    vm.perform_promise_then(
        p,
        ReactionHandler::Function(Value::from_gc(fulfilled)),
        ReactionHandler::Function(Value::from_gc(rejected)),
        None,
    );
    Ok(())
}

/// Runs `step` as the continuation of an await: the state is the running
/// closure's captures.
fn resume(vm: &mut Vm, arg: Value, step: fn(&mut Vm, Gc<Captures>, Value) -> JsResult<()>) -> JsResult<Value> {
    let state = vm.native_captures()?;
    let outcome = step(vm, state, arg);
    settle_on_error(vm, state, outcome)?;
    Ok(Value::UNDEFINED)
}

/// An await whose rejection rethrows: the promise rejects.
fn on_rejected_throw(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    resume(vm, args.get(0), |_, _, e| Err(Exception(e)))
}

// ---- the iterable input -------------------------------------------------------

/// Repeat, steps 1-4: calls `next` and awaits its result.
fn iterator_next(vm: &mut Vm, state: Gc<Captures>) -> JsResult<()> {
    if k_of(state) >= MAX_SAFE_LENGTH {
        let e = vm.type_error("Invalid array length");
        return async_iterator_close(vm, state, e);
    }
    let result = vm.call(state.get(NEXT), state.get(SOURCE), &[])?;
    await_value(vm, state, result, on_next_result, on_rejected_throw)
}

fn on_next_result(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    resume(vm, args.get(0), after_next)
}

/// Steps 5-12 after `next`'s result settled.
fn after_next(vm: &mut Vm, state: Gc<Captures>, result: Value) -> JsResult<()> {
    let Some(r) = result.as_gc::<JsObject>() else {
        let what = vm.describe_value(result);
        return Err(vm.type_error(&format!("Iterator result {what} is not an object")));
    };
    let done_key = PropertyKey::String(vm.roots.names.done);
    let done = vm.get(r, done_key, result)?;
    if to_boolean(done) {
        let a = a_of(vm, state)?;
        set_length(vm, a, k_of(state))?;
        return resolve_with_a(vm, state);
    }
    let value_key = PropertyKey::String(vm.roots.names.value);
    let value = vm.get(r, value_key, result)?;
    let mapper = state.get(MAPPER);
    if mapper.is_undefined() {
        return iterator_store(vm, state, value);
    }
    let k = Value::number(k_of(state) as f64);
    let mapped = match vm.call(mapper, state.get(THIS_ARG), &[value, k]) {
        Ok(m) => m,
        Err(e) => return async_iterator_close(vm, state, e),
    };
    match await_value(vm, state, mapped, on_iterator_mapped, on_iterator_mapped_rejected) {
        Ok(()) => Ok(()),
        Err(e) => async_iterator_close(vm, state, e),
    }
}

fn on_iterator_mapped(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    resume(vm, args.get(0), iterator_store)
}

/// IfAbruptCloseAsyncIterator after the mapped value rejected.
fn on_iterator_mapped_rejected(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    resume(vm, args.get(0), |vm, state, e| async_iterator_close(vm, state, Exception(e)))
}

/// Steps 11-13: defines A[k], then the next iteration.
fn iterator_store(vm: &mut Vm, state: Gc<Captures>, v: Value) -> JsResult<()> {
    let a = a_of(vm, state)?;
    let k = k_of(state);
    if let Err(e) = create_index(vm, a, k, v) {
        return async_iterator_close(vm, state, e);
    }
    state.set(K, Value::number((k + 1) as f64));
    iterator_next(vm, state)
}

/// AsyncIteratorClose(iteratorRecord, ThrowCompletion(e)) (§7.4.13):
/// calls `return` and awaits its result, then rethrows `e` whatever
/// happened.
fn async_iterator_close(vm: &mut Vm, state: Gc<Captures>, e: Exception) -> JsResult<()> {
    if e.is_termination() {
        return Err(e);
    }
    let iterator = state.get(SOURCE);
    let key = PropertyKey::String(vm.roots.names.return_);
    let ret = match crate::builtins::string::get_method(vm, iterator, key) {
        Ok(r) => r,
        Err(inner) if inner.is_termination() => return Err(inner),
        Err(_) => return Err(e),
    };
    if ret.is_undefined() {
        return Err(e);
    }
    let inner = match vm.call(ret, iterator, &[]) {
        Ok(r) => r,
        Err(inner) if inner.is_termination() => return Err(inner),
        Err(_) => return Err(e),
    };
    state.set(ERROR, e.0);
    match await_value(vm, state, inner, on_closed, on_closed) {
        Ok(()) => Ok(()),
        Err(inner) if inner.is_termination() => Err(inner),
        Err(_) => Err(e),
    }
}

/// `return`'s result settled: the original completion, a throw, wins.
fn on_closed(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    resume(vm, Value::UNDEFINED, |_, state, _| Err(Exception(state.get(ERROR))))
}

// ---- the array-like input -----------------------------------------------------

/// Repeat, while k < len: reads and awaits arrayLike[k]; then sets the
/// length and returns A.
fn array_like_next(vm: &mut Vm, state: Gc<Captures>) -> JsResult<()> {
    let k = k_of(state);
    let len = state.get(LEN).as_number().unwrap_or(0.0) as u64;
    if k >= len {
        let a = a_of(vm, state)?;
        set_length(vm, a, len)?;
        return resolve_with_a(vm, state);
    }
    let Some(array_like) = state.get(SOURCE).as_gc::<JsObject>() else {
        return Err(vm.type_error("internal error: Array.fromAsync lost its source"));
    };
    let v = get_index(vm, array_like, k)?;
    await_value(vm, state, v, on_array_like_value, on_rejected_throw)
}

fn on_array_like_value(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    resume(vm, args.get(0), array_like_value)
}

/// Step 4: maps and awaits the element, or stores it.
fn array_like_value(vm: &mut Vm, state: Gc<Captures>, v: Value) -> JsResult<()> {
    let mapper = state.get(MAPPER);
    if mapper.is_undefined() {
        return array_like_store(vm, state, v);
    }
    let k = Value::number(k_of(state) as f64);
    let mapped = vm.call(mapper, state.get(THIS_ARG), &[v, k])?;
    await_value(vm, state, mapped, on_array_like_mapped, on_rejected_throw)
}

fn on_array_like_mapped(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    resume(vm, args.get(0), array_like_store)
}

/// Steps 6-7: defines A[k], then the next element.
fn array_like_store(vm: &mut Vm, state: Gc<Captures>, v: Value) -> JsResult<()> {
    let a = a_of(vm, state)?;
    let k = k_of(state);
    create_index(vm, a, k, v)?;
    state.set(K, Value::number((k + 1) as f64));
    array_like_next(vm, state)
}

/// A of the state (always an object once iteration started).
fn a_of(vm: &mut Vm, state: Gc<Captures>) -> JsResult<Gc<JsObject>> {
    match state.get(A).as_gc::<JsObject>() {
        Some(a) => Ok(a),
        None => Err(vm.type_error("internal error: Array.fromAsync lost its result")),
    }
}
