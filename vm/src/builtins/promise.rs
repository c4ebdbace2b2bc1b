//! Promise (ECMA-262 §27.2): promise objects and their reactions, the
//! resolving functions, the constructor, `then`/`catch`/`finally`, and the
//! combinators `all`, `allSettled`, `any`, `race`, plus `resolve`,
//! `reject`, `withResolvers` and `try`.
//!
//! Reactions run as jobs on the engine's microtask queue (`jobs.rs`).
//! `await` registers reactions whose handler resumes a suspended frame
//! directly ([`ReactionHandler::Resume`]), without creating closures, as
//! V8's await does.
//!
//! Rejections nobody handles are tracked for the host
//! (HostPromiseRejectionTracker): a promise rejected without handlers is
//! added to [`Vm::take_unhandled_rejections`]'s list and removed when a
//! handler is attached; the event loop reports what is left after a
//! microtask checkpoint, as Node does.

use std::cell::{Cell, RefCell};

use strata_gc::{Gc, Trace, Tracer};

use super::{constructor, getter, method};
use crate::error::ErrorKind;
use crate::function::{Args, Captures, NativeFn};
use crate::jobs::Job;
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{Exception, JsResult, Vm, WellKnown};

/// [[PromiseState]].
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum PromiseState {
    /// Not settled.
    Pending,
    /// Fulfilled with the result.
    Fulfilled,
    /// Rejected with the result.
    Rejected,
}

/// Which list a reaction came from.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ReactionKind {
    /// [[PromiseFulfillReactions]].
    Fulfill,
    /// [[PromiseRejectReactions]].
    Reject,
}

/// A PromiseCapability record.
#[derive(Copy, Clone)]
pub struct Capability {
    /// The promise.
    pub promise: Value,
    /// Its resolve function.
    pub resolve: Value,
    /// Its reject function.
    pub reject: Value,
}

/// What a reaction runs.
#[derive(Copy, Clone)]
pub enum ReactionHandler {
    /// A JavaScript handler, or undefined (pass the value through).
    Function(Value),
    /// Resume the suspended frame of this generator-like object (`await`).
    Resume(Gc<JsObject>),
    /// Continue a module algorithm (async module execution, `import()`).
    Module(Gc<crate::module::ModuleRecord>, crate::module::ModuleReaction),
}

/// A PromiseReaction record.
#[derive(Copy, Clone)]
pub struct PromiseReaction {
    /// The derived promise's capability (none for `await`).
    pub capability: Option<Capability>,
    /// Fulfill or reject.
    pub kind: ReactionKind,
    /// The handler.
    pub handler: ReactionHandler,
}

impl PromiseReaction {
    /// Reports the values the reaction holds.
    pub fn trace(&self, t: &mut Tracer<'_>) {
        if let Some(c) = &self.capability {
            c.promise.trace(t);
            c.resolve.trace(t);
            c.reject.trace(t);
        }
        match self.handler {
            ReactionHandler::Function(f) => f.trace(t),
            ReactionHandler::Resume(g) => t.mark(g.cell()),
            ReactionHandler::Module(m, _) => t.mark(m.cell()),
        }
    }
}

/// A promise's internal slots.
pub struct PromiseData {
    /// [[PromiseState]].
    pub state: Cell<PromiseState>,
    /// [[PromiseResult]].
    pub result: Cell<Value>,
    /// [[PromiseFulfillReactions]] and [[PromiseRejectReactions]], as
    /// (fulfill, reject) pairs in registration order.
    pub reactions: RefCell<Vec<(PromiseReaction, PromiseReaction)>>,
    /// [[PromiseIsHandled]].
    pub is_handled: Cell<bool>,
}

impl PromiseData {
    fn new() -> PromiseData {
        PromiseData {
            state: Cell::new(PromiseState::Pending),
            result: Cell::new(Value::UNDEFINED),
            reactions: RefCell::new(Vec::new()),
            is_handled: Cell::new(false),
        }
    }
    /// Reports the result and every reaction.
    pub fn trace(&self, t: &mut Tracer<'_>) {
        self.result.get().trace(t);
        for (f, r) in self.reactions.borrow().iter() {
            f.trace(t);
            r.trace(t);
        }
    }
}

/// The promise data of `v`, if it is a promise (IsPromise).
pub fn promise_data(v: Value) -> Option<(Gc<JsObject>, &'static PromiseData)> {
    let o = v.as_gc::<JsObject>()?;
    match &o.kind {
        // SAFETY: the data lives in the cell, which the caller keeps alive
        // (it holds `v`) for as long as it uses the reference; the 'static
        // only spares callers a borrow of a local `Gc`.
        ObjectKind::Promise(p) => Some((o, unsafe { &*(p as *const PromiseData) })),
        _ => None,
    }
}

/// Installs Promise and Promise.prototype.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let proto = vm.intrinsic(Intrinsic::PromisePrototype);
    let ctor = constructor(vm, global, "Promise", 1, promise_ctor, proto)?;
    vm.realm().set_intrinsic(Intrinsic::Promise, ctor);
    method(vm, ctor, "all", 1, all)?;
    method(vm, ctor, "allSettled", 1, all_settled)?;
    method(vm, ctor, "any", 1, any)?;
    method(vm, ctor, "race", 1, race)?;
    method(vm, ctor, "reject", 1, reject)?;
    method(vm, ctor, "resolve", 1, resolve)?;
    method(vm, ctor, "try", 1, try_)?;
    method(vm, ctor, "withResolvers", 0, with_resolvers)?;
    let species = PropertyKey::Symbol(vm.well_known(WellKnown::Species));
    getter(vm, ctor, species, "[Symbol.species]", return_this)?;
    let then_fn = method(vm, proto, "then", 2, then)?;
    vm.realm().set_intrinsic(Intrinsic::PromisePrototypeThen, then_fn);
    method(vm, proto, "catch", 1, catch)?;
    method(vm, proto, "finally", 1, finally)?;
    let tag = PropertyKey::Symbol(vm.well_known(WellKnown::ToStringTag));
    let name = vm.string_value("Promise")?;
    vm.define_own_simple(proto, tag, name, Attrs::CONFIGURABLE_ONLY)?;
    method(vm, global, "queueMicrotask", 1, queue_microtask)?;
    Ok(())
}

/// queueMicrotask(callback) (HTML; Node and Deno have it too).
fn queue_microtask(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let f = args.get(0);
    if !vm.is_callable(f) {
        let what = vm.describe_value(f);
        return Err(vm.type_error(&format!("queueMicrotask: callback {what} is not a function")));
    }
    vm.enqueue_job(Job::Callback(f));
    Ok(Value::UNDEFINED)
}

fn return_this(_vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(this)
}

// ---- the engine's promise operations ----------------------------------------

impl Vm {
    /// A new pending promise with %Promise.prototype% of the current realm.
    pub fn new_promise(&mut self) -> JsResult<Gc<JsObject>> {
        let proto = Value::from_gc(self.intrinsic(Intrinsic::PromisePrototype));
        self.new_object_with(proto, ObjectKind::Promise(PromiseData::new()))
    }

    /// A native closure: a built-in function whose body reads `captures`
    /// through [`Vm::native_captures`].
    pub fn new_native_closure(&mut self, name: &str, length: u32, f: NativeFn, captures: &[Value]) -> JsResult<Gc<JsObject>> {
        let cells = self.alloc(Captures { slots: captures.iter().map(|&v| Cell::new(v)).collect() })?;
        self.new_native_closure_sharing(name, length, f, cells)
    }

    /// A native closure over an existing captures cell (closures that
    /// share state, as the two resolving functions of a promise do).
    pub fn new_native_closure_sharing(&mut self, name: &str, length: u32, f: NativeFn, captures: Gc<Captures>) -> JsResult<Gc<JsObject>> {
        let func = self.new_native_function(name, length, f, false)?;
        if let ObjectKind::Function(d) = &func.kind {
            d.captures.set(Value::from_gc(captures));
        }
        Ok(func)
    }

    /// The captures of the running native closure.
    pub fn native_captures(&mut self) -> JsResult<Gc<Captures>> {
        let captured = self.roots.native_callee.and_then(|f| match &f.kind {
            ObjectKind::Function(d) => d.captures.get().as_gc::<Captures>(),
            _ => None,
        });
        captured.ok_or_else(|| self.type_error("internal error: native closure without captures"))
    }

    /// CreateResolvingFunctions(promise): (resolve, reject), sharing one
    /// [[AlreadyResolved]] record.
    pub fn create_resolving_functions(&mut self, promise: Gc<JsObject>) -> JsResult<(Gc<JsObject>, Gc<JsObject>)> {
        // Captures: [promise, alreadyResolved].
        let record = self.alloc(Captures { slots: Box::new([Cell::new(Value::from_gc(promise)), Cell::new(Value::FALSE)]) })?;
        let resolve = self.new_native_closure_sharing("", 1, resolve_function, record)?;
        let reject = self.new_native_closure_sharing("", 1, reject_function, record)?;
        Ok((resolve, reject))
    }

    /// Resolves `promise` with `resolution` as its resolve function would
    /// (adopting thenables), for promises the engine or host created.
    pub fn resolve_promise(&mut self, promise: Gc<JsObject>, resolution: Value) -> JsResult<()> {
        if resolution == Value::from_gc(promise) {
            let e = self.new_error(ErrorKind::TypeError, "Chaining cycle detected for promise")?;
            self.reject_promise(promise, Value::from_gc(e));
            return Ok(());
        }
        let Some(obj) = resolution.as_gc::<JsObject>() else {
            self.fulfill_promise(promise, resolution);
            return Ok(());
        };
        let key = PropertyKey::String(self.roots.names.then);
        let then = match self.get(obj, key, resolution) {
            Ok(t) => t,
            Err(e) if e.is_termination() => return Err(e),
            Err(e) => {
                self.reject_promise(promise, e.0);
                return Ok(());
            }
        };
        if !self.is_callable(then) {
            self.fulfill_promise(promise, resolution);
            return Ok(());
        }
        self.enqueue_job(Job::ResolveThenable { promise, thenable: resolution, then });
        Ok(())
    }

    /// FulfillPromise(promise, value).
    pub fn fulfill_promise(&mut self, promise: Gc<JsObject>, value: Value) {
        self.settle(promise, PromiseState::Fulfilled, value);
    }

    /// RejectPromise(promise, reason).
    pub fn reject_promise(&mut self, promise: Gc<JsObject>, reason: Value) {
        if let ObjectKind::Promise(p) = &promise.kind
            && !p.is_handled.get()
        {
            self.roots.unhandled_rejections.push(promise);
        }
        self.settle(promise, PromiseState::Rejected, reason);
    }

    fn settle(&mut self, promise: Gc<JsObject>, state: PromiseState, value: Value) {
        let ObjectKind::Promise(p) = &promise.kind else { return };
        if p.state.get() != PromiseState::Pending {
            return;
        }
        p.result.set(value);
        p.state.set(state);
        let reactions = std::mem::take(&mut *p.reactions.borrow_mut());
        for (on_fulfilled, on_rejected) in reactions {
            let reaction = if state == PromiseState::Fulfilled { on_fulfilled } else { on_rejected };
            self.enqueue_job(Job::Reaction { reaction, argument: value });
        }
    }

    /// PerformPromiseThen(promise, onFulfilled, onRejected, capability),
    /// with handlers already checked (non-callables as undefined).
    pub fn perform_promise_then(
        &mut self,
        promise: Gc<JsObject>,
        on_fulfilled: ReactionHandler,
        on_rejected: ReactionHandler,
        capability: Option<Capability>,
    ) {
        let ObjectKind::Promise(p) = &promise.kind else { return };
        let fulfill = PromiseReaction { capability, kind: ReactionKind::Fulfill, handler: on_fulfilled };
        let reject = PromiseReaction { capability, kind: ReactionKind::Reject, handler: on_rejected };
        match p.state.get() {
            PromiseState::Pending => p.reactions.borrow_mut().push((fulfill, reject)),
            PromiseState::Fulfilled => {
                let argument = p.result.get();
                self.enqueue_job(Job::Reaction { reaction: fulfill, argument });
            }
            PromiseState::Rejected => {
                let argument = p.result.get();
                if !p.is_handled.get() {
                    // HostPromiseRejectionTracker(promise, "handle").
                    self.roots.unhandled_rejections.retain(|&q| q != promise);
                }
                self.enqueue_job(Job::Reaction { reaction: reject, argument });
            }
        }
        p.is_handled.set(true);
    }

    /// Promises rejected with no handler since the last call, still
    /// without one: what the host reports as unhandled rejections.
    pub fn take_unhandled_rejections(&mut self) -> Vec<(Gc<JsObject>, Value)> {
        std::mem::take(&mut self.roots.unhandled_rejections)
            .into_iter()
            .filter_map(|p| match &p.kind {
                ObjectKind::Promise(d) if !d.is_handled.get() => Some((p, d.result.get())),
                _ => None,
            })
            .collect()
    }

    /// NewPromiseCapability(C).
    pub fn new_promise_capability(&mut self, c: Value) -> JsResult<Capability> {
        let intrinsic = Value::from_gc(self.intrinsic(Intrinsic::Promise));
        if c == intrinsic {
            // The spec's steps, with C = %Promise%: nothing observable
            // (its `prototype` is non-writable and non-configurable).
            let promise = self.new_promise()?;
            let (resolve, reject) = self.create_resolving_functions(promise)?;
            return Ok(Capability {
                promise: Value::from_gc(promise),
                resolve: Value::from_gc(resolve),
                reject: Value::from_gc(reject),
            });
        }
        if !self.is_constructor(c) {
            let what = self.describe_value(c);
            return Err(self.type_error(&format!("Promise resolver {what} is not a constructor")));
        }
        // Captures: [resolve, reject].
        let executor = self.new_native_closure("", 2, capability_executor, &[Value::UNDEFINED, Value::UNDEFINED])?;
        let promise = self.construct(c, &[Value::from_gc(executor)], c)?;
        let cells = match &executor.kind {
            ObjectKind::Function(d) => d.captures.get().as_gc::<Captures>(),
            _ => None,
        };
        let Some(cells) = cells else {
            return Err(self.type_error("internal error: capability executor lost its captures"));
        };
        let (resolve, reject) = (cells.get(0), cells.get(1));
        if !self.is_callable(resolve) {
            return Err(self.type_error("Promise resolve function is not callable"));
        }
        if !self.is_callable(reject) {
            return Err(self.type_error("Promise reject function is not callable"));
        }
        Ok(Capability { promise, resolve, reject })
    }

    /// PromiseResolve(C, x).
    pub fn promise_resolve(&mut self, c: Value, x: Value) -> JsResult<Value> {
        if promise_data(x).is_some() {
            let key = PropertyKey::String(self.roots.names.constructor);
            let ctor = self.get_value(x, key)?;
            if ctor == c {
                return Ok(x);
            }
        }
        let cap = self.new_promise_capability(c)?;
        self.call(cap.resolve, Value::UNDEFINED, &[x])?;
        Ok(cap.promise)
    }

    /// `await`'s first half for the frame of `generator`: resolves `value`
    /// to a promise of the running realm and makes its settlement resume
    /// the frame (§27.7.5.3 Await, without closures).
    pub fn await_value(&mut self, generator: Gc<JsObject>, value: Value) -> JsResult<()> {
        let intrinsic = Value::from_gc(self.intrinsic(Intrinsic::Promise));
        let promise = self.promise_resolve(intrinsic, value)?;
        let Some((p, _)) = promise_data(promise) else {
            return Err(self.type_error("internal error: PromiseResolve returned a non-promise"));
        };
        let resume = ReactionHandler::Resume(generator);
        self.perform_promise_then(p, resume, resume, None);
        Ok(())
    }
}

/// GetCapabilitiesExecutor functions: record resolve and reject once.
fn capability_executor(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let cells = vm.native_captures()?;
    if !cells.get(0).is_undefined() {
        return Err(vm.type_error("Promise executor has already been invoked with non-undefined arguments"));
    }
    if !cells.get(1).is_undefined() {
        return Err(vm.type_error("Promise executor has already been invoked with non-undefined arguments"));
    }
    cells.set(0, args.get(0));
    cells.set(1, args.get(1));
    Ok(Value::UNDEFINED)
}

/// Promise resolve functions (§27.2.1.3.2).
fn resolve_function(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let record = vm.native_captures()?;
    if record.get(1) == Value::TRUE {
        return Ok(Value::UNDEFINED);
    }
    record.set(1, Value::TRUE);
    let Some(promise) = record.get(0).as_gc::<JsObject>() else { return Ok(Value::UNDEFINED) };
    vm.resolve_promise(promise, args.get(0))?;
    Ok(Value::UNDEFINED)
}

/// Promise reject functions (§27.2.1.3.1).
fn reject_function(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let record = vm.native_captures()?;
    if record.get(1) == Value::TRUE {
        return Ok(Value::UNDEFINED);
    }
    record.set(1, Value::TRUE);
    if let Some(promise) = record.get(0).as_gc::<JsObject>() {
        vm.reject_promise(promise, args.get(0));
    }
    Ok(Value::UNDEFINED)
}

// ---- the constructor and prototype -------------------------------------------

/// Promise ( executor ) (§27.2.3.1).
fn promise_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if new_target.is_undefined() {
        return Err(vm.type_error("Promise constructor cannot be invoked without 'new'"));
    }
    let executor = args.get(0);
    if !vm.is_callable(executor) {
        let what = vm.describe_value(executor);
        return Err(vm.type_error(&format!("Promise resolver {what} is not a function")));
    }
    let proto = vm.prototype_from_constructor(new_target, Intrinsic::PromisePrototype)?;
    let promise = vm.new_object_with(proto, ObjectKind::Promise(PromiseData::new()))?;
    let (resolve, reject) = vm.create_resolving_functions(promise)?;
    if let Err(e) = vm.call(executor, Value::UNDEFINED, &[Value::from_gc(resolve), Value::from_gc(reject)]) {
        if e.is_termination() {
            return Err(e);
        }
        vm.call(Value::from_gc(reject), Value::UNDEFINED, &[e.0])?;
    }
    Ok(Value::from_gc(promise))
}

/// A handler argument: callable, else undefined.
fn handler(vm: &Vm, v: Value) -> ReactionHandler {
    ReactionHandler::Function(if vm.is_callable(v) { v } else { Value::UNDEFINED })
}

/// Promise.prototype.then (§27.2.5.4).
fn then(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let Some((promise, _)) = promise_data(this) else {
        let what = vm.describe_value(this);
        return Err(vm.type_error(&format!("Method Promise.prototype.then called on incompatible receiver {what}")));
    };
    let c = super::species_constructor(vm, promise, Intrinsic::Promise, "promise")?;
    let cap = vm.new_promise_capability(c)?;
    let (f, r) = (handler(vm, args.get(0)), handler(vm, args.get(1)));
    vm.perform_promise_then(promise, f, r, Some(cap));
    Ok(cap.promise)
}

/// Invoke(v, "then", args).
fn invoke_then(vm: &mut Vm, v: Value, args: &[Value]) -> JsResult<Value> {
    let key = PropertyKey::String(vm.roots.names.then);
    let f = vm.get_value(v, key)?;
    vm.call(f, v, args)
}

/// Promise.prototype.catch (§27.2.5.1).
fn catch(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    invoke_then(vm, this, &[Value::UNDEFINED, args.get(0)])
}

/// Promise.prototype.finally (§27.2.5.3).
fn finally(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let Some(promise) = this.as_gc::<JsObject>() else {
        let what = vm.describe_value(this);
        return Err(vm.type_error(&format!("Method Promise.prototype.finally called on incompatible receiver {what}")));
    };
    let c = super::species_constructor(vm, promise, Intrinsic::Promise, "promise")?;
    let on_finally = args.get(0);
    if !vm.is_callable(on_finally) {
        return invoke_then(vm, this, &[on_finally, on_finally]);
    }
    // Captures: [onFinally, C].
    let then_finally = vm.new_native_closure("", 1, then_finally, &[on_finally, c])?;
    let catch_finally = vm.new_native_closure("", 1, catch_finally, &[on_finally, c])?;
    invoke_then(vm, this, &[Value::from_gc(then_finally), Value::from_gc(catch_finally)])
}

fn then_finally(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let cells = vm.native_captures()?;
    let (on_finally, c) = (cells.get(0), cells.get(1));
    let result = vm.call(on_finally, Value::UNDEFINED, &[])?;
    let p = vm.promise_resolve(c, result)?;
    let value_thunk = vm.new_native_closure("", 0, return_captured, &[args.get(0)])?;
    invoke_then(vm, p, &[Value::from_gc(value_thunk)])
}

fn catch_finally(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let cells = vm.native_captures()?;
    let (on_finally, c) = (cells.get(0), cells.get(1));
    let result = vm.call(on_finally, Value::UNDEFINED, &[])?;
    let p = vm.promise_resolve(c, result)?;
    let thrower = vm.new_native_closure("", 0, throw_captured, &[args.get(0)])?;
    invoke_then(vm, p, &[Value::from_gc(thrower)])
}

fn return_captured(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(vm.native_captures()?.get(0))
}

fn throw_captured(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Err(Exception(vm.native_captures()?.get(0)))
}

// ---- statics -------------------------------------------------------------------

/// Promise.resolve (§27.2.4.7).
fn resolve(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    if this.as_gc::<JsObject>().is_none() {
        return Err(vm.type_error("Promise.resolve called on non-object"));
    }
    vm.promise_resolve(this, args.get(0))
}

/// Promise.reject (§27.2.4.6).
fn reject(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let cap = vm.new_promise_capability(this)?;
    vm.call(cap.reject, Value::UNDEFINED, &[args.get(0)])?;
    Ok(cap.promise)
}

/// Promise.withResolvers (§27.2.4.8).
fn with_resolvers(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let cap = vm.new_promise_capability(this)?;
    let o = vm.new_object()?;
    vm.create_data_property_or_throw(o, PropertyKey::String(vm.roots.names.promise), cap.promise)?;
    let resolve = vm.key("resolve");
    vm.create_data_property_or_throw(o, resolve, cap.resolve)?;
    let reject = vm.key("reject");
    vm.create_data_property_or_throw(o, reject, cap.reject)?;
    Ok(Value::from_gc(o))
}

/// Promise.try (ES2025, §27.2.4.8).
fn try_(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    if this.as_gc::<JsObject>().is_none() {
        return Err(vm.type_error("Promise.try called on non-object"));
    }
    let cap = vm.new_promise_capability(this)?;
    let rest = args.rest(1);
    match vm.call(args.get(0), Value::UNDEFINED, &rest) {
        Ok(v) => vm.call(cap.resolve, Value::UNDEFINED, &[v])?,
        Err(e) if e.is_termination() => return Err(e),
        Err(e) => vm.call(cap.reject, Value::UNDEFINED, &[e.0])?,
    };
    Ok(cap.promise)
}

// ---- combinators -----------------------------------------------------------------

#[derive(Copy, Clone, PartialEq, Eq)]
enum Combinator {
    All,
    AllSettled,
    Any,
    Race,
}

fn all(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    combinator(vm, this, args.get(0), Combinator::All)
}
fn all_settled(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    combinator(vm, this, args.get(0), Combinator::AllSettled)
}
fn any(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    combinator(vm, this, args.get(0), Combinator::Any)
}
fn race(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    combinator(vm, this, args.get(0), Combinator::Race)
}

/// Promise.all / allSettled / any / race: the shared steps (capability,
/// GetPromiseResolve, GetIterator, IfAbruptRejectPromise).
fn combinator(vm: &mut Vm, c: Value, iterable: Value, which: Combinator) -> JsResult<Value> {
    let cap = vm.new_promise_capability(c)?;
    let reject_with = |vm: &mut Vm, e: Exception| -> JsResult<Value> {
        if e.is_termination() {
            return Err(e);
        }
        vm.call(cap.reject, Value::UNDEFINED, &[e.0])?;
        Ok(cap.promise)
    };
    // GetPromiseResolve(C).
    let resolve_key = vm.key("resolve");
    let promise_resolve = match vm.get_value(c, resolve_key) {
        Ok(f) if vm.is_callable(f) => f,
        Ok(_) => {
            let e = vm.type_error("Promise resolve is not a function");
            return reject_with(vm, e);
        }
        Err(e) => return reject_with(vm, e),
    };
    let (iter, next) = match vm.get_iterator(iterable) {
        Ok(pair) => pair,
        Err(e) => return reject_with(vm, e),
    };
    let mut done = false;
    match perform_combinator(vm, c, cap, iter, next, promise_resolve, which, &mut done) {
        Ok(v) => Ok(v),
        Err(e) => {
            if !done && !e.is_termination() {
                // IteratorClose with a throw completion: the original
                // error wins.
                let _ = vm.iterator_close(iter, true);
            }
            reject_with(vm, e)
        }
    }
}

/// The loop of PerformPromiseAll & co. `done` reports whether the
/// iterator finished or threw itself (then it is not closed).
#[allow(clippy::too_many_arguments)]
fn perform_combinator(
    vm: &mut Vm,
    c: Value,
    cap: Capability,
    iter: Value,
    next: Value,
    promise_resolve: Value,
    which: Combinator,
    done: &mut bool,
) -> JsResult<Value> {
    // Shared state: [values array, remaining count].
    let values = vm.new_array(&[])?;
    let state = vm.alloc(Captures { slots: Box::new([Cell::new(Value::from_gc(values)), Cell::new(Value::int(1))]) })?;
    let mut index: u32 = 0;
    loop {
        let step = vm.iterator_step(iter, next);
        let value = match step {
            Ok(Some(v)) => v,
            Ok(None) => {
                *done = true;
                if which == Combinator::Race {
                    return Ok(cap.promise);
                }
                if decrement_remaining(&state) {
                    finish_combinator(vm, cap, values, which)?;
                }
                return Ok(cap.promise);
            }
            Err(e) => {
                *done = true;
                return Err(e);
            }
        };
        if which != Combinator::Race {
            values.set_element(index, Value::UNDEFINED);
            if let ObjectKind::Array { length, .. } = &values.kind {
                length.set(index + 1);
            }
        }
        let next_promise = vm.call(promise_resolve, c, &[value])?;
        let (on_fulfilled, on_rejected) = match which {
            Combinator::Race => (cap.resolve, cap.reject),
            Combinator::All => {
                let f = element_function(vm, state, index, cap, element_all)?;
                (f, cap.reject)
            }
            Combinator::AllSettled => {
                let f = element_function(vm, state, index, cap, element_settled_fulfilled)?;
                let r = element_function(vm, state, index, cap, element_settled_rejected)?;
                (f, r)
            }
            Combinator::Any => {
                let r = element_function(vm, state, index, cap, element_any_rejected)?;
                (cap.resolve, r)
            }
        };
        if which != Combinator::Race {
            bump_remaining(&state);
        }
        invoke_then(vm, next_promise, &[on_fulfilled, on_rejected])?;
        index = index.checked_add(1).ok_or_else(|| vm.range_error("Too many promises"))?;
    }
}

fn bump_remaining(state: &Captures) {
    let n = state.get(1).as_int().unwrap_or(0);
    state.set(1, Value::int(n + 1));
}

/// Decrements remainingElements; true when it reached zero.
fn decrement_remaining(state: &Captures) -> bool {
    let n = state.get(1).as_int().unwrap_or(1) - 1;
    state.set(1, Value::int(n));
    n == 0
}

/// Resolves (all, allSettled) or rejects (any) once every element settled.
fn finish_combinator(vm: &mut Vm, cap: Capability, values: Gc<JsObject>, which: Combinator) -> JsResult<()> {
    if which == Combinator::Any {
        let e = vm.new_error(ErrorKind::AggregateError, "All promises were rejected")?;
        let errors = vm.copy_array(values)?;
        let key = PropertyKey::String(vm.roots.names.errors);
        vm.define_own_simple(e, key, Value::from_gc(errors), Attrs::HIDDEN)?;
        vm.call(cap.reject, Value::UNDEFINED, &[Value::from_gc(e)])?;
    } else {
        let result = vm.copy_array(values)?;
        vm.call(cap.resolve, Value::UNDEFINED, &[Value::from_gc(result)])?;
    }
    Ok(())
}

/// An element function: captures [state, index, alreadyCalled, resolve,
/// reject, promise] (a fresh record per element).
fn element_function(vm: &mut Vm, state: Gc<Captures>, index: u32, cap: Capability, f: NativeFn) -> JsResult<Value> {
    let captures = [Value::from_gc(state), Value::int(index as i32), Value::FALSE, cap.resolve, cap.reject, cap.promise];
    Ok(Value::from_gc(vm.new_native_closure("", 1, f, &captures)?))
}

/// The shared steps of the element functions: marks the element called
/// (false if it already was), stores `value` at its index, and finishes the
/// combinator when it was the last.
fn element_settled(vm: &mut Vm, value: Value, which: Combinator) -> JsResult<Value> {
    let cells = vm.native_captures()?;
    if cells.get(2) == Value::TRUE {
        return Ok(Value::UNDEFINED);
    }
    cells.set(2, Value::TRUE);
    let Some(state) = cells.get(0).as_gc::<Captures>() else { return Ok(Value::UNDEFINED) };
    let Some(values) = state.get(0).as_gc::<JsObject>() else { return Ok(Value::UNDEFINED) };
    let index = cells.get(1).as_int().unwrap_or(0) as u32;
    values.set_element(index, value);
    if decrement_remaining(&state) {
        let cap = Capability { promise: cells.get(5), resolve: cells.get(3), reject: cells.get(4) };
        finish_combinator(vm, cap, values, which)?;
    }
    Ok(Value::UNDEFINED)
}

fn element_all(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    element_settled(vm, args.get(0), Combinator::All)
}

fn settled_record(vm: &mut Vm, status: &str, key: &str, value: Value) -> JsResult<Value> {
    let o = vm.new_object()?;
    let status_key = vm.key("status");
    let s = vm.string_value(status)?;
    vm.create_data_property_or_throw(o, status_key, s)?;
    let k = vm.key(key);
    vm.create_data_property_or_throw(o, k, value)?;
    Ok(Value::from_gc(o))
}

fn element_settled_fulfilled(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    if vm.native_captures()?.get(2) == Value::TRUE {
        return Ok(Value::UNDEFINED);
    }
    let record = settled_record(vm, "fulfilled", "value", args.get(0))?;
    element_settled(vm, record, Combinator::AllSettled)
}

fn element_settled_rejected(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    if vm.native_captures()?.get(2) == Value::TRUE {
        return Ok(Value::UNDEFINED);
    }
    let record = settled_record(vm, "rejected", "reason", args.get(0))?;
    element_settled(vm, record, Combinator::AllSettled)
}

fn element_any_rejected(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    element_settled(vm, args.get(0), Combinator::Any)
}

impl Vm {
    /// CreateArrayFromList of an array's elements (a fresh array).
    fn copy_array(&mut self, a: Gc<JsObject>) -> JsResult<Gc<JsObject>> {
        let len = match &a.kind {
            ObjectKind::Array { length, .. } => length.get(),
            _ => 0,
        };
        let items: Vec<Value> = (0..len).map(|i| a.element(i).map_or(Value::UNDEFINED, |(v, _)| v)).collect();
        self.new_array(&items)
    }
}
