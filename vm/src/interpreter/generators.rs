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

use strata_bytecode::{RESUME_NEXT, RESUME_RETURN, RESUME_THROW};
use strata_gc::{Gc, Trace, Tracer};

use crate::builtins::promise::ReactionKind;
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
    /// Returned or threw.
    Completed,
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
        }
    }
    /// Reports the saved frame and values.
    pub fn trace(&self, t: &mut Tracer<'_>) {
        for v in self.frame.borrow().iter() {
            v.trace(t);
        }
        self.resume_value.get().trace(t);
        self.promise.get().trace(t);
    }
}

/// The generator data of `v`.
fn generator_data(v: Value) -> Option<(Gc<JsObject>, &'static GeneratorData)> {
    let o = v.as_gc::<JsObject>()?;
    match &o.kind {
        // SAFETY: the data lives in the cell, kept alive by the caller's
        // `v` for as long as the reference is used.
        ObjectKind::Generator(g) => Some((o, unsafe { &*(g as *const GeneratorData) })),
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
        let key = PropertyKey::String(self.roots.names.prototype);
        let mut proto = self.get(f, key, callee)?;
        if proto.as_gc::<JsObject>().is_none() {
            proto = match &f.kind {
                ObjectKind::Function(d) => d.realm.intrinsic_value(Intrinsic::GeneratorPrototype),
                _ => self.realm().intrinsic_value(Intrinsic::GeneratorPrototype),
            };
        }
        let data = GeneratorData::new(GeneratorKind::Sync, GeneratorState::SuspendedStart, Value::UNDEFINED);
        Ok(Value::from_gc(self.new_object_with(proto, ObjectKind::Generator(data))?))
    }

    /// The object holding a running async function's frame and promise
    /// (never visible to scripts).
    pub(crate) fn create_async_function_object(&mut self) -> JsResult<Value> {
        let promise = self.new_promise()?;
        let data = GeneratorData::new(GeneratorKind::Async, GeneratorState::Executing, Value::from_gc(promise));
        Ok(Value::from_gc(self.new_object_with(Value::NULL, ObjectKind::Generator(data))?))
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
    pub(crate) fn suspend_frame(&mut self, object: Value, fp: isize, shared: &SharedFunction, resume_pc: usize, raw: bool) -> JsResult<()> {
        let Some((_, data)) = generator_data(object) else {
            return Err(self.type_error("internal error: suspending without a generator object"));
        };
        let base = super::frame_base(self, fp, shared);
        let end = fp + shared.code.register_count as isize;
        let slots: Box<[Value]> = (base..end).map(|i| self.roots.stack.get(i)).collect();
        *data.frame.borrow_mut() = slots;
        data.arg_slots.set((fp - frame::HEADER_SLOTS as isize - base) as u32);
        data.resume_pc.set(resume_pc as u32);
        data.raw_result.set(raw);
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
    fn resume_frame(&mut self, generator: Gc<JsObject>, data: &GeneratorData, mode: i32, value: Value) -> JsResult<Value> {
        data.resume_mode.set(mode);
        data.resume_value.set(value);
        data.state.set(GeneratorState::Executing);
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
            GeneratorState::Completed => return self.finished(mode, value),
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

/// Whether a bytecode function object is a generator or async function,
/// for closure creation: its [[Prototype]] intrinsic and whether it gets a
/// `prototype` object inheriting from %GeneratorPrototype%.
pub(crate) fn closure_setup(kind: strata_bytecode::FunctionKind) -> Option<(Intrinsic, bool)> {
    use strata_bytecode::FunctionKind as K;
    match kind {
        K::Generator => Some((Intrinsic::GeneratorFunctionPrototype, true)),
        K::Async | K::AsyncArrow => Some((Intrinsic::AsyncFunctionPrototype, false)),
        _ => None,
    }
}
