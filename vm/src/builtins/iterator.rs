//! Iterator (ECMA-262 §27.1.3): the abstract `Iterator` constructor,
//! `Iterator.from` with %WrapForValidIteratorPrototype%, `Iterator.concat`,
//! and the iterator helpers on %Iterator.prototype% — lazy ones (map,
//! filter, take, drop, flatMap) returning %IteratorHelperPrototype% objects,
//! eager ones (reduce, toArray, forEach, some, every, find) consuming the
//! iterator at once.
//!
//! The spec writes each lazy helper as an abstract closure run as a
//! generator (CreateIteratorFromClosure). Here an `IteratorHelper` object
//! keeps that closure's state explicitly — the underlying iterator, the
//! callback, a counter, flatMap's and concat's inner iterator — and
//! [`resume`] runs it from its one suspension point (after a yield) to the
//! next yield or its end. The generator states (suspended-start,
//! suspended-yield, executing, completed) are kept as the spec's
//! GeneratorValidate and GeneratorResumeAbrupt observe them: re-entering a
//! running helper is a TypeError, and `return()` closes the underlying
//! iterator (or, for flatMap, the inner one first).
//!
//! `%Iterator.prototype%[@@dispose]` (explicit resource management) is
//! here too.
//!
//! Every iterator here is read through an Iterator Record: the `next`
//! method is read once (GetIteratorDirect) and called with no arguments.

use std::cell::Cell;

use strata_gc::{Gc, Trace, Tracer};

use super::method;
use crate::conversions::to_boolean;
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyDescriptor, PropertyKey};
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{Exception, JsResult, Vm, WellKnown};

// ---- internal slots -------------------------------------------------------

/// An Iterator Record: an iterator and the `next` method read from it once.
pub struct IteratorRecord {
    /// [[Iterator]] (undefined when there is none yet).
    pub iterator: Cell<Value>,
    /// [[NextMethod]].
    pub next: Cell<Value>,
}

impl IteratorRecord {
    fn new(iterator: Value, next: Value) -> IteratorRecord {
        IteratorRecord { iterator: Cell::new(iterator), next: Cell::new(next) }
    }

    fn get(&self) -> (Value, Value) {
        (self.iterator.get(), self.next.get())
    }

    /// Stores a new record; `owner` is the object holding it (for the
    /// write barrier).
    fn store(&self, owner: Gc<JsObject>, iterator: Value, next: Value) {
        self.iterator.set(iterator);
        strata_gc::write_barrier(owner.cell(), iterator.bits() as usize);
        self.next.set(next);
        strata_gc::write_barrier(owner.cell(), next.bits() as usize);
    }

    /// Reports the iterator and method.
    pub fn trace(&self, t: &mut Tracer<'_>) {
        self.iterator.get().trace(t);
        self.next.get().trace(t);
    }
}

/// [[GeneratorState]] of an iterator helper.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum HelperState {
    /// Created; the closure has not started.
    SuspendedStart,
    /// Stopped after a yield.
    SuspendedYield,
    /// Running `next` or `return` (re-entry is a TypeError).
    Executing,
    /// Finished; `next` answers done.
    Completed,
}

/// Which closure an iterator helper runs.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum HelperOp {
    /// Iterator.prototype.map.
    Map,
    /// Iterator.prototype.filter.
    Filter,
    /// Iterator.prototype.take.
    Take,
    /// Iterator.prototype.drop.
    Drop,
    /// Iterator.prototype.flatMap.
    FlatMap,
    /// Iterator.concat.
    Concat,
}

/// The internal slots of an %IteratorHelperPrototype% object and the
/// variables its closure keeps between yields.
pub struct IteratorHelperData {
    op: HelperOp,
    state: Cell<HelperState>,
    /// [[UnderlyingIterator]] (none for concat).
    underlying: IteratorRecord,
    /// The mapper or predicate.
    callback: Value,
    /// map/filter/flatMap: the counter passed to the callback;
    /// take/drop: the remaining limit (may be +∞); concat: the index of
    /// the next iterable to open.
    counter: Cell<f64>,
    /// flatMap's and concat's current inner iterator (undefined if none).
    inner: IteratorRecord,
    /// concat: (open method, iterable) pairs, flattened.
    iterables: Box<[Value]>,
}

impl IteratorHelperData {
    /// Reports every value the closure holds.
    pub fn trace(&self, t: &mut Tracer<'_>) {
        self.underlying.trace(t);
        self.callback.trace(t);
        self.inner.trace(t);
        for v in self.iterables.iter() {
            v.trace(t);
        }
    }
}

// ---- installation -----------------------------------------------------------

/// Installs Iterator, the helpers on %Iterator.prototype%,
/// %IteratorHelperPrototype% and %WrapForValidIteratorPrototype%.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let proto = vm.intrinsic(Intrinsic::IteratorPrototype);
    let pv = Value::from_gc(proto);

    // The constructor; `prototype` is fixed, and `constructor` on the
    // prototype is an accessor (below), not the usual data property.
    let ctor = vm.new_native_function("Iterator", 0, iterator_ctor, true)?;
    let key = PropertyKey::String(vm.roots.names.prototype);
    vm.define_own_simple(ctor, key, pv, Attrs::NONE)?;
    vm.define_value(global, "Iterator", Value::from_gc(ctor), Attrs::HIDDEN)?;
    vm.realm().set_intrinsic(Intrinsic::Iterator, ctor);
    method(vm, ctor, "from", 1, from)?;
    method(vm, ctor, "concat", 0, concat)?;

    let ckey = PropertyKey::String(vm.roots.names.constructor);
    accessor(vm, proto, ckey, "constructor", constructor_get, constructor_set)?;
    let tag_key = PropertyKey::Symbol(vm.well_known(WellKnown::ToStringTag));
    accessor(vm, proto, tag_key, "[Symbol.toStringTag]", to_string_tag_get, to_string_tag_set)?;

    method(vm, proto, "map", 1, map)?;
    method(vm, proto, "filter", 1, filter)?;
    method(vm, proto, "take", 1, take)?;
    method(vm, proto, "drop", 1, drop)?;
    method(vm, proto, "flatMap", 1, flat_map)?;
    method(vm, proto, "reduce", 1, reduce)?;
    method(vm, proto, "toArray", 0, to_array)?;
    method(vm, proto, "forEach", 1, for_each)?;
    method(vm, proto, "some", 1, some)?;
    method(vm, proto, "every", 1, every)?;
    method(vm, proto, "find", 1, find)?;
    let dispose_key = PropertyKey::Symbol(vm.well_known(WellKnown::Dispose));
    super::symbol_method(vm, proto, dispose_key, "[Symbol.dispose]", 0, dispose)?;

    let helper_proto = vm.new_object_with(pv, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::IteratorHelperPrototype, helper_proto);
    method(vm, helper_proto, "next", 0, helper_next)?;
    method(vm, helper_proto, "return", 0, helper_return)?;
    let tag = vm.string_value("Iterator Helper")?;
    vm.define_own_simple(helper_proto, tag_key, tag, Attrs::CONFIGURABLE_ONLY)?;

    let wrap_proto = vm.new_object_with(pv, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::WrapForValidIteratorPrototype, wrap_proto);
    method(vm, wrap_proto, "next", 0, wrap_next)?;
    method(vm, wrap_proto, "return", 0, wrap_return)?;
    Ok(())
}

/// Defines a configurable, non-enumerable accessor with both functions,
/// named `get name` and `set name`.
fn accessor(
    vm: &mut Vm,
    obj: Gc<JsObject>,
    key: PropertyKey,
    name: &str,
    get: crate::function::NativeFn,
    set: crate::function::NativeFn,
) -> JsResult<()> {
    let g = vm.new_native_function(&format!("get {name}"), 0, get, false)?;
    let s = vm.new_native_function(&format!("set {name}"), 1, set, false)?;
    let desc = PropertyDescriptor::accessor(Value::from_gc(g), Value::from_gc(s), Attrs::CONFIGURABLE_ONLY);
    vm.define_own_property(obj, key, desc)?;
    Ok(())
}

// ---- the constructor and its accessors ------------------------------------------

/// Iterator ( ) (§27.1.3.1): abstract — only subclasses construct it.
fn iterator_ctor(vm: &mut Vm, _this: Value, _args: Args, new_target: Value) -> JsResult<Value> {
    let active = vm.roots.native_callee.map(Value::from_gc);
    if new_target.is_undefined() || Some(new_target) == active {
        return Err(vm.type_error("Iterator is an abstract class: construct a subclass with 'new'"));
    }
    Ok(Value::from_gc(vm.ordinary_create_from_constructor(new_target, Intrinsic::IteratorPrototype)?))
}

/// get Iterator.prototype.constructor (§27.1.4.1.1).
fn constructor_get(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::from_gc(vm.intrinsic(Intrinsic::Iterator)))
}

/// set Iterator.prototype.constructor (§27.1.4.1.2).
fn constructor_set(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let key = PropertyKey::String(vm.roots.names.constructor);
    setter_that_ignores_prototype_properties(vm, this, key, args.get(0))?;
    Ok(Value::UNDEFINED)
}

/// get Iterator.prototype[@@toStringTag] (§27.1.4.14.1).
fn to_string_tag_get(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    vm.string_value("Iterator")
}

/// set Iterator.prototype[@@toStringTag] (§27.1.4.14.2).
fn to_string_tag_set(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::ToStringTag));
    setter_that_ignores_prototype_properties(vm, this, key, args.get(0))?;
    Ok(Value::UNDEFINED)
}

/// SetterThatIgnoresPrototypeProperties(thisValue, %Iterator.prototype%,
/// p, v): assigning through an inheriting object defines an
/// own data property instead of hitting the accessor again.
fn setter_that_ignores_prototype_properties(vm: &mut Vm, this: Value, key: PropertyKey, v: Value) -> JsResult<()> {
    let Some(o) = this.as_gc::<JsObject>() else {
        return Err(vm.type_error("Iterator.prototype setter called on a non-object"));
    };
    if o == vm.intrinsic(Intrinsic::IteratorPrototype) {
        let what = vm.describe_key(key);
        return Err(vm.type_error(&format!("Cannot assign to {what} of Iterator.prototype")));
    }
    if crate::object_ops::get_own_property(vm, o, key)?.is_none() {
        vm.create_data_property_or_throw(o, key, v)
    } else {
        if !vm.set(o, key, v, this)? {
            let what = vm.describe_key(key);
            return Err(vm.type_error(&format!("Cannot assign to read-only property {what}")));
        }
        Ok(())
    }
}

// ---- iterator records ---------------------------------------------------------

/// GetIteratorDirect(obj): reads `next` once.
fn get_iterator_direct(vm: &mut Vm, obj: Value) -> JsResult<(Value, Value)> {
    let key = PropertyKey::String(vm.roots.names.next);
    let next = vm.get_value(obj, key)?;
    Ok((obj, next))
}

/// GetIteratorFlattenable(obj, primitiveHandling): an iterable's
/// iterator, or `obj` itself when it has no @@iterator. Strings are
/// accepted only when `strings` (Iterator.from), other primitives never.
fn get_iterator_flattenable(vm: &mut Vm, obj: Value, strings: bool) -> JsResult<(Value, Value)> {
    if obj.as_gc::<JsObject>().is_none() && !(strings && obj.as_gc::<crate::string::JsString>().is_some()) {
        let what = vm.describe_value(obj);
        return Err(vm.type_error(&format!("{what} is not an iterator or iterable object")));
    }
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::Iterator));
    let method = super::string::get_method(vm, obj, key)?;
    let iterator = if method.is_undefined() { obj } else { vm.call(method, obj, &[])? };
    if iterator.as_gc::<JsObject>().is_none() {
        return Err(vm.type_error("Result of the Symbol.iterator method is not an object"));
    }
    get_iterator_direct(vm, iterator)
}

/// IteratorStep(iteratorRecord) without IteratorValue: whether the
/// iterator is done. `value` is not read (drop skips values unseen).
fn step_done(vm: &mut Vm, iter: Value, next: Value) -> JsResult<bool> {
    let result = vm.call(next, iter, &[])?;
    let Some(r) = result.as_gc::<JsObject>() else {
        let what = vm.describe_value(result);
        return Err(vm.type_error(&format!("Iterator result {what} is not an object")));
    };
    let done_key = PropertyKey::String(vm.roots.names.done);
    Ok(to_boolean(vm.get(r, done_key, result)?))
}

/// IfAbruptCloseIterator(r, iterated): on a throw, closes `iter` (errors
/// from `return` lose to the original one) and rethrows.
fn close_on_error<T>(vm: &mut Vm, iter: Value, r: JsResult<T>) -> JsResult<T> {
    if let Err(e) = &r
        && !e.is_termination()
    {
        let _ = vm.iterator_close(iter, true);
    }
    r
}

/// The shared first steps of every prototype method: `this` must be an
/// object; when `callback` is given it must be callable, or the iterator
/// is closed and a TypeError thrown — before `next` is read.
fn this_iterator(vm: &mut Vm, this: Value, name: &str, callback: Option<Value>) -> JsResult<Value> {
    if this.as_gc::<JsObject>().is_none() {
        return Err(vm.type_error(&format!("Iterator.prototype.{name} called on a non-object")));
    }
    if let Some(f) = callback
        && !vm.is_callable(f)
    {
        let what = vm.describe_value(f);
        let e = vm.type_error(&format!("Iterator.prototype.{name}: {what} is not a function"));
        return close_on_error(vm, this, Err(e));
    }
    Ok(this)
}

// ---- lazy helpers ----------------------------------------------------------------

/// A new %IteratorHelperPrototype% object, suspended at its start.
fn new_helper(
    vm: &mut Vm,
    op: HelperOp,
    (iter, next): (Value, Value),
    callback: Value,
    counter: f64,
    iterables: Box<[Value]>,
) -> JsResult<Value> {
    let proto = Value::from_gc(vm.intrinsic(Intrinsic::IteratorHelperPrototype));
    let data = IteratorHelperData {
        op,
        state: Cell::new(HelperState::SuspendedStart),
        underlying: IteratorRecord::new(iter, next),
        callback,
        counter: Cell::new(counter),
        inner: IteratorRecord::new(Value::UNDEFINED, Value::UNDEFINED),
        iterables,
    };
    Ok(Value::from_gc(vm.new_object_with(proto, ObjectKind::IteratorHelper(Box::new(data)))?))
}

/// The helper with a callback: map, filter and flatMap.
fn callback_helper(vm: &mut Vm, this: Value, args: Args, op: HelperOp, name: &str) -> JsResult<Value> {
    let f = args.get(0);
    let o = this_iterator(vm, this, name, Some(f))?;
    let record = get_iterator_direct(vm, o)?;
    new_helper(vm, op, record, f, 0.0, Box::new([]))
}

/// Iterator.prototype.map ( mapper ) (§27.1.4.8).
fn map(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    callback_helper(vm, this, args, HelperOp::Map, "map")
}

/// Iterator.prototype.filter ( predicate ) (§27.1.4.4).
fn filter(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    callback_helper(vm, this, args, HelperOp::Filter, "filter")
}

/// Iterator.prototype.flatMap ( mapper ) (§27.1.4.6).
fn flat_map(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    callback_helper(vm, this, args, HelperOp::FlatMap, "flatMap")
}

/// 2**53 - 1: the largest finite limit take and drop accept.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// The helper with a limit: take and drop. The limit is converted and
/// checked before `next` is read; a bad one closes the iterator.
fn limit_helper(vm: &mut Vm, this: Value, args: Args, op: HelperOp, name: &str) -> JsResult<Value> {
    let o = this_iterator(vm, this, name, None)?;
    let num = vm.to_number(args.get(0));
    let num = close_on_error(vm, o, num)?;
    if num.is_nan() {
        let e = vm.range_error(&format!("Iterator.prototype.{name}: the limit must be a number, not NaN"));
        return close_on_error(vm, o, Err(e));
    }
    if num.is_finite() && num > MAX_SAFE_INTEGER {
        let e = vm.range_error(&format!("Iterator.prototype.{name}: the limit must be at most 2**53 - 1 or Infinity"));
        return close_on_error(vm, o, Err(e));
    }
    let limit = crate::number_conv::to_integer_or_infinity(num);
    if limit < 0.0 {
        let e = vm.range_error(&format!("Iterator.prototype.{name}: the limit must not be negative"));
        return close_on_error(vm, o, Err(e));
    }
    let record = get_iterator_direct(vm, o)?;
    new_helper(vm, op, record, Value::UNDEFINED, limit, Box::new([]))
}

/// Iterator.prototype.take ( limit ) (§27.1.4.11).
fn take(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    limit_helper(vm, this, args, HelperOp::Take, "take")
}

/// Iterator.prototype.drop ( limit ) (§27.1.4.2).
fn drop(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    limit_helper(vm, this, args, HelperOp::Drop, "drop")
}

/// Iterator.concat ( ...items ): every item is checked iterable up front;
/// each is opened only when the previous one is exhausted.
fn concat(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let mut iterables = vm.heap.rooted_vec::<Value>();
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::Iterator));
    for i in 0..args.len() {
        let item = args.get(i);
        if item.as_gc::<JsObject>().is_none() {
            let what = vm.describe_value(item);
            return Err(vm.type_error(&format!("Iterator.concat: {what} is not an iterable object")));
        }
        let method = super::string::get_method(vm, item, key)?;
        if method.is_undefined() {
            return Err(vm.type_error("Iterator.concat: an argument has no Symbol.iterator method"));
        }
        iterables.push(method);
        iterables.push(item);
    }
    let list: Box<[Value]> = iterables.as_slice().into();
    new_helper(vm, HelperOp::Concat, (Value::UNDEFINED, Value::UNDEFINED), Value::UNDEFINED, 0.0, list)
}

/// The helper `this` is, or a TypeError (GeneratorValidate's brand check).
fn this_helper(vm: &mut Vm, this: Value, name: &str) -> JsResult<Gc<JsObject>> {
    match this.as_gc::<JsObject>() {
        Some(o) if matches!(o.kind, ObjectKind::IteratorHelper(_)) => Ok(o),
        _ => Err(vm.type_error(&format!("Iterator Helper.prototype.{name} called on an object that is not an iterator helper"))),
    }
}

fn helper_data(o: &JsObject) -> &IteratorHelperData {
    match &o.kind {
        ObjectKind::IteratorHelper(h) => h,
        _ => unreachable!("this_helper checked the kind"),
    }
}

fn already_running(vm: &mut Vm) -> Exception {
    vm.type_error("Iterator helper is already running")
}

/// %IteratorHelperPrototype%.next ( ) (§27.1.2.1.1): GeneratorResume.
fn helper_next(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_helper(vm, this, "next")?;
    let h = helper_data(&o);
    match h.state.get() {
        HelperState::Executing => return Err(already_running(vm)),
        HelperState::Completed => return vm.iter_result(Value::UNDEFINED, true),
        HelperState::SuspendedStart | HelperState::SuspendedYield => {}
    }
    h.state.set(HelperState::Executing);
    match resume(vm, o, h) {
        Ok(Some(v)) => {
            h.state.set(HelperState::SuspendedYield);
            vm.iter_result(v, false)
        }
        Ok(None) => {
            h.state.set(HelperState::Completed);
            vm.iter_result(Value::UNDEFINED, true)
        }
        Err(e) => {
            h.state.set(HelperState::Completed);
            Err(e)
        }
    }
}

/// %IteratorHelperPrototype%.return ( ) (§27.1.2.1.2): before the start,
/// closes the underlying iterator; after a yield, resumes the closure with
/// a return completion, which closes what it is iterating.
fn helper_return(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_helper(vm, this, "return")?;
    let h = helper_data(&o);
    match h.state.get() {
        HelperState::SuspendedStart => {
            h.state.set(HelperState::Completed);
            if h.op != HelperOp::Concat {
                vm.iterator_close(h.underlying.iterator.get(), false)?;
            }
        }
        HelperState::Executing => return Err(already_running(vm)),
        HelperState::Completed => {}
        HelperState::SuspendedYield => {
            h.state.set(HelperState::Executing);
            let r = close_after_yield(vm, h);
            h.state.set(HelperState::Completed);
            r?;
        }
    }
    vm.iter_result(Value::UNDEFINED, true)
}

/// The closure's handling of a return completion at its yield.
fn close_after_yield(vm: &mut Vm, h: &IteratorHelperData) -> JsResult<()> {
    let iter = h.underlying.iterator.get();
    match h.op {
        HelperOp::Map | HelperOp::Filter | HelperOp::Take | HelperOp::Drop => vm.iterator_close(iter, false),
        HelperOp::FlatMap => {
            // The inner iterator first; if closing it throws, the outer one
            // is closed with that throw.
            let inner = vm.iterator_close(h.inner.iterator.get(), false);
            close_on_error(vm, iter, inner)?;
            vm.iterator_close(iter, false)
        }
        HelperOp::Concat => vm.iterator_close(h.inner.iterator.get(), false),
    }
}

/// Runs the helper's closure from its start or its last yield to the next
/// yield (`Some(value)`) or its end (`None`); a throw ends it too.
fn resume(vm: &mut Vm, o: Gc<JsObject>, h: &IteratorHelperData) -> JsResult<Option<Value>> {
    let (iter, next) = h.underlying.get();
    match h.op {
        HelperOp::Map => {
            let Some(value) = vm.iterator_step(iter, next)? else { return Ok(None) };
            let counter = h.counter.get();
            let mapped = vm.call(h.callback, Value::UNDEFINED, &[value, Value::number(counter)]);
            let mapped = close_on_error(vm, iter, mapped)?;
            h.counter.set(counter + 1.0);
            Ok(Some(mapped))
        }
        HelperOp::Filter => loop {
            let Some(value) = vm.iterator_step(iter, next)? else { return Ok(None) };
            let counter = h.counter.get();
            let selected = vm.call(h.callback, Value::UNDEFINED, &[value, Value::number(counter)]);
            let selected = close_on_error(vm, iter, selected)?;
            h.counter.set(counter + 1.0);
            if to_boolean(selected) {
                return Ok(Some(value));
            }
        },
        HelperOp::Take => {
            let remaining = h.counter.get();
            if remaining == 0.0 {
                vm.iterator_close(iter, false)?;
                return Ok(None);
            }
            if remaining != f64::INFINITY {
                h.counter.set(remaining - 1.0);
            }
            vm.iterator_step(iter, next)
        }
        HelperOp::Drop => {
            while h.counter.get() > 0.0 {
                let remaining = h.counter.get();
                if remaining != f64::INFINITY {
                    h.counter.set(remaining - 1.0);
                }
                if step_done(vm, iter, next)? {
                    return Ok(None);
                }
            }
            vm.iterator_step(iter, next)
        }
        HelperOp::FlatMap => loop {
            let (inner, inner_next) = h.inner.get();
            if !inner.is_undefined() {
                let inner_value = vm.iterator_step(inner, inner_next);
                match close_on_error(vm, iter, inner_value)? {
                    Some(v) => return Ok(Some(v)),
                    None => {
                        h.inner.store(o, Value::UNDEFINED, Value::UNDEFINED);
                        h.counter.set(h.counter.get() + 1.0);
                    }
                }
            }
            let Some(value) = vm.iterator_step(iter, next)? else { return Ok(None) };
            let mapped = vm.call(h.callback, Value::UNDEFINED, &[value, Value::number(h.counter.get())]);
            let mapped = close_on_error(vm, iter, mapped)?;
            let inner = get_iterator_flattenable(vm, mapped, false);
            let (inner, inner_next) = close_on_error(vm, iter, inner)?;
            h.inner.store(o, inner, inner_next);
        },
        HelperOp::Concat => loop {
            let (inner, inner_next) = h.inner.get();
            if !inner.is_undefined() {
                match vm.iterator_step(inner, inner_next)? {
                    Some(v) => return Ok(Some(v)),
                    None => h.inner.store(o, Value::UNDEFINED, Value::UNDEFINED),
                }
            }
            let index = h.counter.get() as usize;
            let (Some(&open), Some(&iterable)) = (h.iterables.get(2 * index), h.iterables.get(2 * index + 1)) else {
                return Ok(None);
            };
            h.counter.set(h.counter.get() + 1.0);
            let iter = vm.call(open, iterable, &[])?;
            if iter.as_gc::<JsObject>().is_none() {
                return Err(vm.type_error("Iterator.concat: the Symbol.iterator method returned a non-object"));
            }
            let (inner, inner_next) = get_iterator_direct(vm, iter)?;
            h.inner.store(o, inner, inner_next);
        },
    }
}

// ---- eager helpers ---------------------------------------------------------------

/// Steps the iterator to its end, calling `visit(value, counter)` on each
/// value; a throw from `visit` closes the iterator. `visit` returns
/// `Some(result)` to stop early: the iterator is closed normally and the
/// result returned.
fn for_each_value(
    vm: &mut Vm,
    (iter, next): (Value, Value),
    mut counter: f64,
    mut visit: impl FnMut(&mut Vm, Value, f64) -> JsResult<Option<Value>>,
) -> JsResult<Option<Value>> {
    while let Some(value) = vm.iterator_step(iter, next)? {
        let r = visit(vm, value, counter);
        if let Some(result) = close_on_error(vm, iter, r)? {
            vm.iterator_close(iter, false)?;
            return Ok(Some(result));
        }
        counter += 1.0;
    }
    Ok(None)
}

/// `callback(value, counter)`.
fn call_back(vm: &mut Vm, f: Value, value: Value, counter: f64) -> JsResult<Value> {
    vm.call(f, Value::UNDEFINED, &[value, Value::number(counter)])
}

/// Iterator.prototype.reduce ( reducer [ , initialValue ] ) (§27.1.4.9).
fn reduce(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let f = args.get(0);
    let o = this_iterator(vm, this, "reduce", Some(f))?;
    let (iter, next) = get_iterator_direct(vm, o)?;
    let (mut acc, counter) = if args.len() < 2 {
        match vm.iterator_step(iter, next)? {
            Some(v) => (v, 1.0),
            None => return Err(vm.type_error("Reduce of empty iterator with no initial value")),
        }
    } else {
        (args.get(1), 0.0)
    };
    for_each_value(vm, (iter, next), counter, |vm, value, counter| {
        acc = vm.call(f, Value::UNDEFINED, &[acc, value, Value::number(counter)])?;
        Ok(None)
    })?;
    Ok(acc)
}

/// Iterator.prototype.toArray ( ) (§27.1.4.12).
fn to_array(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = this_iterator(vm, this, "toArray", None)?;
    let (iter, next) = get_iterator_direct(vm, o)?;
    let mut items = vm.heap.rooted_vec::<Value>();
    while let Some(v) = vm.iterator_step(iter, next)? {
        items.push(v);
    }
    if items.len() > u32::MAX as usize {
        return Err(vm.range_error("Invalid array length"));
    }
    Ok(Value::from_gc(vm.new_array(items.as_slice())?))
}

/// Iterator.prototype.forEach ( procedure ) (§27.1.4.7).
fn for_each(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let f = args.get(0);
    let o = this_iterator(vm, this, "forEach", Some(f))?;
    let record = get_iterator_direct(vm, o)?;
    for_each_value(vm, record, 0.0, |vm, value, counter| {
        call_back(vm, f, value, counter)?;
        Ok(None)
    })?;
    Ok(Value::UNDEFINED)
}

/// Iterator.prototype.some ( predicate ) (§27.1.4.10).
fn some(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let f = args.get(0);
    let o = this_iterator(vm, this, "some", Some(f))?;
    let record = get_iterator_direct(vm, o)?;
    let found = for_each_value(vm, record, 0.0, |vm, value, counter| {
        Ok(to_boolean(call_back(vm, f, value, counter)?).then_some(Value::TRUE))
    })?;
    Ok(found.unwrap_or(Value::FALSE))
}

/// Iterator.prototype.every ( predicate ) (§27.1.4.3).
fn every(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let f = args.get(0);
    let o = this_iterator(vm, this, "every", Some(f))?;
    let record = get_iterator_direct(vm, o)?;
    let failed = for_each_value(vm, record, 0.0, |vm, value, counter| {
        Ok((!to_boolean(call_back(vm, f, value, counter)?)).then_some(Value::FALSE))
    })?;
    Ok(failed.unwrap_or(Value::TRUE))
}

/// Iterator.prototype.find ( predicate ) (§27.1.4.5).
fn find(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let f = args.get(0);
    let o = this_iterator(vm, this, "find", Some(f))?;
    let record = get_iterator_direct(vm, o)?;
    let found = for_each_value(vm, record, 0.0, |vm, value, counter| {
        Ok(to_boolean(call_back(vm, f, value, counter)?).then_some(value))
    })?;
    Ok(found.unwrap_or(Value::UNDEFINED))
}

/// %Iterator.prototype% [ @@dispose ] ( ) (the explicit resource management
/// proposal, sec-%iteratorprototype%-@@dispose): calls `return` if there is one.
fn dispose(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let key = PropertyKey::String(vm.roots.names.return_);
    let ret = super::string::get_method(vm, this, key)?;
    if !ret.is_undefined() {
        vm.call(ret, this, &[])?;
    }
    Ok(Value::UNDEFINED)
}

// ---- Iterator.from -------------------------------------------------------------

/// Iterator.from ( O ) (§27.1.3.2.1): `O`'s iterator itself when it
/// already inherits from %Iterator.prototype%, else a wrapper that does.
fn from(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (iter, next) = get_iterator_flattenable(vm, args.get(0), true)?;
    let ctor = Value::from_gc(vm.intrinsic(Intrinsic::Iterator));
    if vm.ordinary_has_instance(ctor, iter)? {
        return Ok(iter);
    }
    let proto = Value::from_gc(vm.intrinsic(Intrinsic::WrapForValidIteratorPrototype));
    let wrapper = vm.new_object_with(proto, ObjectKind::WrapForValidIterator(IteratorRecord::new(iter, next)))?;
    Ok(Value::from_gc(wrapper))
}

/// [[Iterated]] of `this`, or a TypeError.
fn iterated(vm: &mut Vm, this: Value, name: &str) -> JsResult<(Value, Value)> {
    match this.as_gc::<JsObject>() {
        Some(o) => match &o.kind {
            ObjectKind::WrapForValidIterator(r) => Ok(r.get()),
            _ => Err(vm.type_error(&format!("{name} called on an object that Iterator.from did not create"))),
        },
        None => Err(vm.type_error(&format!("{name} called on a non-object"))),
    }
}

/// %WrapForValidIteratorPrototype%.next ( ) (§27.1.3.2.1.1).
fn wrap_next(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let (iter, next) = iterated(vm, this, "next")?;
    vm.call(next, iter, &[])
}

/// %WrapForValidIteratorPrototype%.return ( ) (§27.1.3.2.1.2).
fn wrap_return(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let (iter, _) = iterated(vm, this, "return")?;
    let key = PropertyKey::String(vm.roots.names.return_);
    let ret = super::string::get_method(vm, iter, key)?;
    if ret.is_undefined() {
        return vm.iter_result(Value::UNDEFINED, true);
    }
    vm.call(ret, iter, &[])
}
