//! Suspendable frames: generators and async functions.
//!
//! A generator-like object ([`GeneratorData`]) owns a saved frame. When
//! the function suspends (`SuspendGenerator`, `Await`), the interpreter
//! copies the frame's slots — arguments, header, registers, as frame.rs
//! lays them out — into the object and returns to the caller; resuming
//! pushes them back on top of the register file as an entry frame and runs
//! from the saved pc, where a `ResumeGenerator` reads the value and mode
//! sent in. Because the saved form is the frame layout itself, a baseline
//! frame can be suspended and resumed the same way (the JITs share the
//! layout), and a suspended function holds no native stack: an `await` in
//! a loop of a million iterations uses none.
//!
//! Async functions resume from promise jobs ([`Vm::resume_after_await`]):
//! `await` subscribes the frame to the promise with a reaction that
//! resumes it directly.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use strata_bytecode::{RESUME_NEXT, RESUME_RETURN, RESUME_THROW};
use strata_gc::{Gc, Trace, Tracer};

use crate::builtins::promise::{Capability, ReactionKind};
use crate::frame;
use crate::function::{Args, SharedFunction};
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{Exception, JsResult, Vm, WellKnown};

/// What kind of function the frame belongs to.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum GeneratorKind {
    /// `function*`.
    Sync,
    /// `async function` (and async arrows and methods).
    Async,
    /// `async function*`.
    AsyncGenerator,
}

/// [[GeneratorState]].
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum GeneratorState {
    /// Created, body not started.
    SuspendedStart,
    /// Suspended at a `yield` or `await`.
    SuspendedYield,
    /// Running (its frame is on the register file).
    Executing,
    /// An async generator awaiting the value of a `return()` request
    /// after it completed (AsyncGeneratorAwaitReturn).
    AwaitingReturn,
    /// Returned or threw.
    Completed,
}

/// An AsyncGeneratorRequest: a next/return/throw call waiting its turn.
#[derive(Copy, Clone)]
pub struct AsyncGeneratorRequest {
    /// The completion's kind (a resume mode).
    pub mode: i32,
    /// Its value.
    pub value: Value,
    /// The promise the call returned.
    pub capability: Capability,
}

/// A generator's (or async function's) internal slots and saved frame.
pub struct GeneratorData {
    /// Generator or async function.
    pub kind: GeneratorKind,
    /// The state.
    pub state: Cell<GeneratorState>,
    /// The saved frame slots, from the lowest argument to the last register.
    pub frame: RefCell<Box<[Value]>>,
    /// Argument slots at the bottom of `frame`.
    pub arg_slots: Cell<u32>,
    /// Where the frame resumes (a ResumeGenerator).
    pub resume_pc: Cell<u32>,
    /// The mode and value the next ResumeGenerator reads.
    pub resume_mode: Cell<i32>,
    /// See `resume_mode`.
    pub resume_value: Cell<Value>,
    /// Whether the last suspension handed out a finished iterator result
    /// (`yield*` forwarding the inner iterator's).
    pub raw_result: Cell<bool>,
    /// An async function's result promise.
    pub promise: Cell<Value>,
    /// Whether the frame is parked on an `await` (so the generator is
    /// still executing as far as its callers can tell).
    pub awaiting: Cell<bool>,
    /// An async generator's [[AsyncGeneratorQueue]].
    pub queue: RefCell<VecDeque<AsyncGeneratorRequest>>,
}

impl GeneratorData {
    fn new(kind: GeneratorKind, state: GeneratorState, promise: Value) -> GeneratorData {
        GeneratorData {
            kind,
            state: Cell::new(state),
            frame: RefCell::new(Box::new([])),
            arg_slots: Cell::new(0),
            resume_pc: Cell::new(0),
            resume_mode: Cell::new(RESUME_NEXT),
            resume_value: Cell::new(Value::UNDEFINED),
            raw_result: Cell::new(false),
            promise: Cell::new(promise),
            awaiting: Cell::new(false),
            queue: RefCell::new(VecDeque::new()),
        }
    }
    /// Reports the saved frame and values.
    pub fn trace(&self, t: &mut Tracer<'_>) {
        for v in self.frame.borrow().iter() {
            v.trace(t);
        }
        self.resume_value.get().trace(t);
        self.promise.get().trace(t);
        for r in self.queue.borrow().iter() {
            r.value.trace(t);
            r.capability.promise.trace(t);
            r.capability.resolve.trace(t);
            r.capability.reject.trace(t);
        }
    }
}

/// The generator data of `v`.
pub(crate) fn generator_data(v: Value) -> Option<(Gc<JsObject>, &'static GeneratorData)> {
    let o = v.as_gc::<JsObject>()?;
    match &o.kind {
        // SAFETY: the data lives in the cell, kept alive by the caller's
        // `v` for as long as the reference is used.
        ObjectKind::Generator(g) => Some((o, unsafe { &*(&**g as *const GeneratorData) })),
        _ => None,
    }
}

impl Vm {
    /// CreateGeneratorObject: the generator of the frame at `fp`, its
    /// prototype `callee.prototype` (else %GeneratorPrototype% of the
    /// callee's realm).
    pub(crate) fn create_generator_object(&mut self, fp: isize) -> JsResult<Value> {
        let callee = self.roots.stack.get(fp + frame::CALLEE);
        let Some(f) = callee.as_gc::<JsObject>() else {
            return Err(self.type_error("internal error: generator frame without callee"));
        };
        let is_async = matches!(&f.kind, ObjectKind::Function(d)
            if matches!(&d.code, crate::function::FunctionCode::Bytecode { shared, .. }
                if shared.code.kind == strata_bytecode::FunctionKind::AsyncGenerator));
        let (kind, fallback) = if is_async {
            (GeneratorKind::AsyncGenerator, Intrinsic::AsyncGeneratorPrototype)
        } else {
            (GeneratorKind::Sync, Intrinsic::GeneratorPrototype)
        };
        let key = PropertyKey::String(self.roots.names.prototype);
        let mut proto = self.get(f, key, callee)?;
        if proto.as_gc::<JsObject>().is_none() {
            proto = match &f.kind {
                ObjectKind::Function(d) => d.realm.intrinsic_value(fallback),
                _ => self.realm().intrinsic_value(fallback),
            };
        }
        let data = GeneratorData::new(kind, GeneratorState::SuspendedStart, Value::UNDEFINED);
        Ok(Value::from_gc(self.new_object_with(proto, ObjectKind::Generator(Box::new(data)))?))
    }

    /// The object holding a running async function's frame and promise
    /// (never visible to scripts).
    pub(crate) fn create_async_function_object(&mut self) -> JsResult<Value> {
        let promise = self.new_promise()?;
        let data = GeneratorData::new(GeneratorKind::Async, GeneratorState::Executing, Value::from_gc(promise));
        Ok(Value::from_gc(self.new_object_with(Value::NULL, ObjectKind::Generator(Box::new(data)))?))
    }

    /// The object holding a module's top-level frame (CreateModuleObject),
    /// recorded in the module: an async function object when the module
    /// has top-level await.
    pub(crate) fn create_module_object(&mut self, script: u32) -> JsResult<Value> {
        let Some(module) = self.module_of_script(script) else {
            return Err(self.type_error("internal error: module code without a module record"));
        };
        let object = if module.has_tla() {
            self.create_async_function_object()?
        } else {
            let data = GeneratorData::new(GeneratorKind::Sync, GeneratorState::Executing, Value::UNDEFINED);
            Value::from_gc(self.new_object_with(Value::NULL, ObjectKind::Generator(Box::new(data)))?)
        };
        module.frame.set(object);
        Ok(object)
    }

    /// Settles an async function's promise (AsyncFunctionResolve and
    /// AsyncFunctionReject); returns the promise.
    pub(crate) fn async_function_settle(&mut self, object: Value, value: Value, reject: bool) -> JsResult<Value> {
        let Some((_, data)) = generator_data(object) else {
            return Err(self.type_error("internal error: not an async function object"));
        };
        data.state.set(GeneratorState::Completed);
        let promise = data.promise.get();
        let Some(p) = promise.as_gc::<JsObject>() else {
            return Err(self.type_error("internal error: async function without promise"));
        };
        if reject {
            self.reject_promise(p, value);
        } else {
            self.resolve_promise(p, value)?;
        }
        Ok(promise)
    }

    /// Saves the frame at `fp` into the generator `object`, to resume at
    /// `resume_pc` (SuspendGenerator and Await).
    pub(crate) fn suspend_frame(
        &mut self,
        object: Value,
        fp: isize,
        shared: &SharedFunction,
        resume_pc: usize,
        raw: bool,
        awaiting: bool,
    ) -> JsResult<()> {
        let Some((_, data)) = generator_data(object) else {
            return Err(self.type_error("internal error: suspending without a generator object"));
        };
        let base = super::frame_base(self, fp, shared);
        let end = fp + shared.code.register_count as isize;
        // A frame keeps its size between suspensions: the buffer is reused.
        let mut saved = data.frame.borrow_mut();
        if saved.len() != (end - base) as usize {
            *saved = vec![Value::UNDEFINED; (end - base) as usize].into_boxed_slice();
        }
        for (slot, i) in saved.iter_mut().zip(base..end) {
            *slot = self.roots.stack.get(i);
        }
        drop(saved);
        data.arg_slots.set((fp - frame::HEADER_SLOTS as isize - base) as u32);
        data.resume_pc.set(resume_pc as u32);
        data.raw_result.set(raw);
        data.awaiting.set(awaiting);
        if data.state.get() == GeneratorState::Executing {
            data.state.set(GeneratorState::SuspendedYield);
        }
        Ok(())
    }

    /// ResumeGenerator: the value and mode sent in.
    pub(crate) fn take_resume_value(&mut self, object: Value) -> JsResult<(Value, i32)> {
        let Some((_, data)) = generator_data(object) else {
            return Err(self.type_error("internal error: resuming without a generator object"));
        };
        Ok((data.resume_value.replace(Value::UNDEFINED), data.resume_mode.get()))
    }

    /// Pushes the saved frame of `generator` and runs it from its resume point
    /// with `mode` and `value` until it suspends again (Ok(handed-out
    /// value), state SuspendedYield), returns (Ok(value), state Completed)
    /// or throws (Err, state Completed).
    pub(crate) fn resume_frame(&mut self, generator: Gc<JsObject>, data: &GeneratorData, mode: i32, value: Value) -> JsResult<Value> {
        data.resume_mode.set(mode);
        data.resume_value.set(value);
        data.state.set(GeneratorState::Executing);
        data.awaiting.set(false);
        let fp = {
            let saved = data.frame.borrow();
            let n = saved.len();
            if !self.roots.stack.has_room(n + 1) || !self.native_stack_ok() {
                drop(saved);
                data.state.set(GeneratorState::Completed);
                return Err(self.range_error("Maximum call stack size exceeded"));
            }
            let base = self.roots.stack.top as isize;
            for (i, &v) in saved.iter().enumerate() {
                self.roots.stack.set(base + i as isize, v);
            }
            self.roots.stack.top = base as usize + n;
            base + data.arg_slots.get() as isize + frame::HEADER_SLOTS as isize
        };
        let result = self.run_at(fp, data.resume_pc.get() as usize, Value::UNDEFINED);
        // Keep `generator` (and so `data`) reachable across the run.
        std::hint::black_box(generator);
        if data.state.get() != GeneratorState::SuspendedYield {
            data.state.set(GeneratorState::Completed);
            *data.frame.borrow_mut() = Box::new([]);
        }
        result
    }

    /// GeneratorResume / GeneratorResumeAbrupt for `%GeneratorPrototype%`
    /// next (mode next), return and throw: an iterator result.
    fn generator_resume(&mut self, this: Value, mode: i32, value: Value, method: &str) -> JsResult<Value> {
        let Some((generator, data)) = generator_data(this).filter(|(_, d)| d.kind == GeneratorKind::Sync) else {
            let what = self.describe_value(this);
            return Err(self.type_error(&format!("{method} called on incompatible receiver {what}")));
        };
        match data.state.get() {
            GeneratorState::Executing => return Err(self.type_error("Generator is already running")),
            GeneratorState::SuspendedStart if mode != RESUME_NEXT => {
                data.state.set(GeneratorState::Completed);
                *data.frame.borrow_mut() = Box::new([]);
                return self.finished(mode, value);
            }
            GeneratorState::Completed | GeneratorState::AwaitingReturn => return self.finished(mode, value),
            GeneratorState::SuspendedStart | GeneratorState::SuspendedYield => {}
        }
        let result = self.resume_frame(generator, data, mode, value)?;
        if data.state.get() == GeneratorState::SuspendedYield {
            if data.raw_result.get() {
                return Ok(result);
            }
            return self.iter_result(result, false);
        }
        self.iter_result(result, true)
    }

    /// next/return/throw on a generator that will not run again.
    fn finished(&mut self, mode: i32, value: Value) -> JsResult<Value> {
        match mode {
            RESUME_THROW => Err(Exception(value)),
            RESUME_RETURN => self.iter_result(value, true),
            _ => self.iter_result(Value::UNDEFINED, true),
        }
    }

    /// Runs the frame of the async function or async generator `object`
    /// after the promise it awaited settled.
    pub(crate) fn resume_after_await(&mut self, object: Gc<JsObject>, kind: ReactionKind, argument: Value) -> JsResult<()> {
        let Some((generator, data)) = generator_data(Value::from_gc(object)) else {
            return Err(self.type_error("internal error: await reaction without a frame"));
        };
        if data.kind == GeneratorKind::AsyncGenerator {
            if data.state.get() == GeneratorState::AwaitingReturn {
                // AsyncGeneratorAwaitReturn's reactions.
                data.state.set(GeneratorState::Completed);
                self.async_generator_complete_step(data, kind == ReactionKind::Reject, argument, true)?;
                return self.async_generator_drain_queue(generator, data);
            }
            let mode = if kind == ReactionKind::Fulfill { RESUME_NEXT } else { RESUME_THROW };
            let result = self.resume_frame(generator, data, mode, argument);
            return self.async_generator_after_run(generator, data, result);
        }
        let mode = if kind == ReactionKind::Fulfill { RESUME_NEXT } else { RESUME_THROW };
        match self.resume_frame(generator, data, mode, argument) {
            Ok(_) => Ok(()),
            Err(e) if e.is_termination() => Err(e),
            // The body's catch-all turns its errors into a rejection; only
            // a failure to resume at all (stack exhausted) gets here.
            Err(e) => {
                if let Some(p) = data.promise.get().as_gc::<JsObject>() {
                    self.reject_promise(p, e.0);
                }
                Ok(())
            }
        }
    }
}

impl Vm {
    /// AsyncGeneratorYield's first half (SuspendGenerator with the async
    /// flag): completes the request being served with `value`; returns
    /// true when another request is queued, whose completion the frame
    /// continues with at once, without suspending.
    pub(crate) fn async_generator_yield(&mut self, object: Value, value: Value) -> JsResult<bool> {
        let Some((_, data)) = generator_data(object) else {
            return Err(self.type_error("internal error: yield without an async generator"));
        };
        self.async_generator_complete_step(data, false, value, false)?;
        let next = data.queue.borrow().front().copied();
        match next {
            Some(request) => {
                data.resume_mode.set(request.mode);
                data.resume_value.set(request.value);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// AsyncGeneratorCompleteStep: settles the oldest request's promise.
    fn async_generator_complete_step(&mut self, data: &GeneratorData, throw: bool, value: Value, done: bool) -> JsResult<()> {
        let Some(request) = data.queue.borrow_mut().pop_front() else { return Ok(()) };
        if throw {
            self.call(request.capability.reject, Value::UNDEFINED, &[value])?;
        } else {
            let result = self.iter_result(value, done)?;
            self.call(request.capability.resolve, Value::UNDEFINED, &[result])?;
        }
        Ok(())
    }

    /// After the frame ran: nothing to do if it is parked on an await or
    /// a yield (which completed its request); else it finished, which
    /// completes the request with its result and drains the queue.
    fn async_generator_after_run(&mut self, generator: Gc<JsObject>, data: &GeneratorData, result: JsResult<Value>) -> JsResult<()> {
        if data.awaiting.get() || data.state.get() == GeneratorState::SuspendedYield {
            return Ok(());
        }
        match result {
            Ok(v) => self.async_generator_complete_step(data, false, v, true)?,
            Err(e) if e.is_termination() => return Err(e),
            Err(e) => self.async_generator_complete_step(data, true, e.0, true)?,
        }
        self.async_generator_drain_queue(generator, data)
    }

    /// AsyncGeneratorDrainQueue: answers the requests queued behind a
    /// completed generator.
    fn async_generator_drain_queue(&mut self, generator: Gc<JsObject>, data: &GeneratorData) -> JsResult<()> {
        loop {
            let Some(request) = data.queue.borrow().front().copied() else { return Ok(()) };
            match request.mode {
                RESUME_RETURN => {
                    data.state.set(GeneratorState::AwaitingReturn);
                    return self.async_generator_await_return(generator, data);
                }
                RESUME_THROW => self.async_generator_complete_step(data, true, request.value, true)?,
                _ => self.async_generator_complete_step(data, false, Value::UNDEFINED, true)?,
            }
        }
    }

    /// AsyncGeneratorAwaitReturn: awaits the value of the `return()` at the
    /// head of the queue, then completes it (see `resume_after_await`).
    fn async_generator_await_return(&mut self, generator: Gc<JsObject>, data: &GeneratorData) -> JsResult<()> {
        let Some(request) = data.queue.borrow().front().copied() else { return Ok(()) };
        let intrinsic = Value::from_gc(self.intrinsic(Intrinsic::Promise));
        let promise = match self.promise_resolve(intrinsic, request.value) {
            Ok(p) => p,
            Err(e) if e.is_termination() => return Err(e),
            Err(e) => {
                data.state.set(GeneratorState::Completed);
                self.async_generator_complete_step(data, true, e.0, true)?;
                return self.async_generator_drain_queue(generator, data);
            }
        };
        let Some((p, _)) = crate::builtins::promise::promise_data(promise) else { return Ok(()) };
        let resume = crate::builtins::promise::ReactionHandler::Resume(generator);
        self.perform_promise_then(p, resume, resume, None);
        Ok(())
    }

    /// AsyncGenerator.prototype.next/return/throw: validate, enqueue, and
    /// resume or await-return as the state allows (§27.6.1).
    fn async_generator_enqueue(&mut self, this: Value, mode: i32, value: Value) -> JsResult<Value> {
        let intrinsic = Value::from_gc(self.intrinsic(Intrinsic::Promise));
        let capability = self.new_promise_capability(intrinsic)?;
        let Some((generator, data)) = generator_data(this).filter(|(_, d)| d.kind == GeneratorKind::AsyncGenerator) else {
            let what = self.describe_value(this);
            let e = self.error(crate::error::ErrorKind::TypeError, &format!("{what} is not an async generator"));
            self.call(capability.reject, Value::UNDEFINED, &[e.0])?;
            return Ok(capability.promise);
        };
        let executing = data.awaiting.get() || data.state.get() == GeneratorState::Executing;
        let mut state = if executing { GeneratorState::Executing } else { data.state.get() };
        if mode == RESUME_THROW && state == GeneratorState::SuspendedStart {
            data.state.set(GeneratorState::Completed);
            *data.frame.borrow_mut() = Box::new([]);
            state = GeneratorState::Completed;
        }
        if state == GeneratorState::Completed && mode != RESUME_RETURN {
            if mode == RESUME_THROW {
                self.call(capability.reject, Value::UNDEFINED, &[value])?;
            } else {
                let r = self.iter_result(Value::UNDEFINED, true)?;
                self.call(capability.resolve, Value::UNDEFINED, &[r])?;
            }
            return Ok(capability.promise);
        }
        data.queue.borrow_mut().push_back(AsyncGeneratorRequest { mode, value, capability });
        match state {
            GeneratorState::SuspendedStart | GeneratorState::Completed if mode == RESUME_RETURN => {
                data.state.set(GeneratorState::AwaitingReturn);
                *data.frame.borrow_mut() = Box::new([]);
                self.async_generator_await_return(generator, data)?;
            }
            GeneratorState::SuspendedStart | GeneratorState::SuspendedYield => {
                let result = self.resume_frame(generator, data, mode, value);
                self.async_generator_after_run(generator, data, result)?;
            }
            _ => {}
        }
        Ok(capability.promise)
    }
}

// ---- %GeneratorPrototype% and friends ------------------------------------------

/// Installs %GeneratorFunction.prototype%, %GeneratorPrototype% and
/// %AsyncFunction.prototype%.
pub fn init(vm: &mut Vm) -> JsResult<()> {
    use crate::builtins::method;
    let function_proto = Value::from_gc(vm.intrinsic(Intrinsic::FunctionPrototype));
    let iterator_proto = Value::from_gc(vm.intrinsic(Intrinsic::IteratorPrototype));
    let tag = PropertyKey::Symbol(vm.well_known(WellKnown::ToStringTag));

    let gen_fn_proto = vm.new_object_with(function_proto, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::GeneratorFunctionPrototype, gen_fn_proto);
    let gen_proto = vm.new_object_with(iterator_proto, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::GeneratorPrototype, gen_proto);
    let key = PropertyKey::String(vm.roots.names.prototype);
    vm.define_own_simple(gen_fn_proto, key, Value::from_gc(gen_proto), Attrs::CONFIGURABLE_ONLY)?;
    let name = vm.string_value("GeneratorFunction")?;
    vm.define_own_simple(gen_fn_proto, tag, name, Attrs::CONFIGURABLE_ONLY)?;
    let key = PropertyKey::String(vm.roots.names.constructor);
    vm.define_own_simple(gen_proto, key, Value::from_gc(gen_fn_proto), Attrs::CONFIGURABLE_ONLY)?;
    method(vm, gen_proto, "next", 1, generator_next)?;
    method(vm, gen_proto, "return", 1, generator_return)?;
    method(vm, gen_proto, "throw", 1, generator_throw)?;
    let name = vm.string_value("Generator")?;
    vm.define_own_simple(gen_proto, tag, name, Attrs::CONFIGURABLE_ONLY)?;

    let async_iter_proto = Value::from_gc(vm.intrinsic(Intrinsic::AsyncIteratorPrototype));
    let async_gen_fn_proto = vm.new_object_with(function_proto, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::AsyncGeneratorFunctionPrototype, async_gen_fn_proto);
    let async_gen_proto = vm.new_object_with(async_iter_proto, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::AsyncGeneratorPrototype, async_gen_proto);
    let key = PropertyKey::String(vm.roots.names.prototype);
    vm.define_own_simple(async_gen_fn_proto, key, Value::from_gc(async_gen_proto), Attrs::CONFIGURABLE_ONLY)?;
    let name = vm.string_value("AsyncGeneratorFunction")?;
    vm.define_own_simple(async_gen_fn_proto, tag, name, Attrs::CONFIGURABLE_ONLY)?;
    let key = PropertyKey::String(vm.roots.names.constructor);
    vm.define_own_simple(async_gen_proto, key, Value::from_gc(async_gen_fn_proto), Attrs::CONFIGURABLE_ONLY)?;
    method(vm, async_gen_proto, "next", 1, async_generator_next)?;
    method(vm, async_gen_proto, "return", 1, async_generator_return)?;
    method(vm, async_gen_proto, "throw", 1, async_generator_throw)?;
    let name = vm.string_value("AsyncGenerator")?;
    vm.define_own_simple(async_gen_proto, tag, name, Attrs::CONFIGURABLE_ONLY)?;

    let async_fn_proto = vm.new_object_with(function_proto, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::AsyncFunctionPrototype, async_fn_proto);
    let name = vm.string_value("AsyncFunction")?;
    vm.define_own_simple(async_fn_proto, tag, name, Attrs::CONFIGURABLE_ONLY)?;
    Ok(())
}

fn generator_next(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    vm.generator_resume(this, RESUME_NEXT, args.get(0), "Generator.prototype.next")
}

fn generator_return(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    vm.generator_resume(this, RESUME_RETURN, args.get(0), "Generator.prototype.return")
}

fn generator_throw(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    vm.generator_resume(this, RESUME_THROW, args.get(0), "Generator.prototype.throw")
}

fn async_generator_next(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    vm.async_generator_enqueue(this, RESUME_NEXT, args.get(0))
}

fn async_generator_return(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    vm.async_generator_enqueue(this, RESUME_RETURN, args.get(0))
}

fn async_generator_throw(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    vm.async_generator_enqueue(this, RESUME_THROW, args.get(0))
}

/// Whether a bytecode function object is a generator or async function,
/// for closure creation: its [[Prototype]] intrinsic and whether it gets a
/// `prototype` object inheriting from %GeneratorPrototype%.
pub(crate) fn closure_setup(kind: strata_bytecode::FunctionKind) -> Option<(Intrinsic, Option<Intrinsic>)> {
    use strata_bytecode::FunctionKind as K;
    match kind {
        K::Generator => Some((Intrinsic::GeneratorFunctionPrototype, Some(Intrinsic::GeneratorPrototype))),
        K::AsyncGenerator => Some((Intrinsic::AsyncGeneratorFunctionPrototype, Some(Intrinsic::AsyncGeneratorPrototype))),
        K::Async | K::AsyncArrow => Some((Intrinsic::AsyncFunctionPrototype, None)),
        _ => None,
    }
}
