//! Functions: the internal slots of function objects, the shared
//! per-literal record with linked constants and feedback, and the native
//! function interface builtins implement.

use std::cell::Cell;
use std::sync::Arc;

use strata_bytecode::{BytecodeFunction, Constant};
use strata_gc::{Gc, Trace, Tracer};

use crate::feedback::FeedbackVector;
use crate::realm::Realm;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// The arguments of a native call: a view of values that stay put for the
/// call's duration (argument slots of the register file, or a caller's
/// slice). Reading past the end gives undefined, as the spec's argument
/// access does.
#[derive(Copy, Clone)]
pub struct Args {
    ptr: *const Value,
    len: usize,
}

impl Args {
    /// A view of `values`; the caller keeps them alive and unmoved for the
    /// call (they are on its stack or in the register file).
    pub fn new(values: &[Value]) -> Args {
        Args { ptr: values.as_ptr(), len: values.len() }
    }
    /// A view of `len` values at `ptr`.
    ///
    /// # Safety
    /// `ptr..ptr+len` must stay valid and unmodified during the call.
    pub unsafe fn from_raw(ptr: *const Value, len: usize) -> Args {
        Args { ptr, len }
    }
    /// Argument `i`, or undefined.
    #[inline]
    pub fn get(&self, i: usize) -> Value {
        if i < self.len {
            // SAFETY: in bounds of the view (constructor contract).
            unsafe { *self.ptr.add(i) }
        } else {
            Value::UNDEFINED
        }
    }
    /// Number of arguments passed.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }
    /// Whether none were passed.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// The arguments from `from` on, copied.
    pub fn rest(&self, from: usize) -> Vec<Value> {
        (from..self.len).map(|i| self.get(i)).collect()
    }
}

/// A builtin's body: (vm, this, arguments, new.target — undefined for a
/// call) → result or thrown value.
pub type NativeFn = fn(&mut Vm, Value, Args, Value) -> JsResult<Value>;

/// What runs when a function is called.
pub enum FunctionCode {
    /// Bytecode over a closure context.
    Bytecode {
        /// The function literal's shared record.
        shared: Gc<SharedFunction>,
        /// The context the closure was created in (undefined at top level).
        context: Value,
    },
    /// A native builtin.
    Native {
        /// The body.
        f: NativeFn,
        /// Whether `new` may call it.
        constructor: bool,
    },
}

/// Internal slots of a function object.
pub struct FunctionData {
    /// The code.
    pub code: FunctionCode,
    /// [[Realm]].
    pub realm: Gc<Realm>,
    /// [[HomeObject]] for `super` lookups (undefined when none).
    pub home_object: Cell<Value>,
    /// A class constructor's instance field initializer (undefined: none).
    pub fields: Cell<Value>,
    /// A native closure's captured state (a [`Captures`] cell; undefined
    /// for other functions): promise resolving functions, `Promise.all`
    /// element functions and the like read it through
    /// [`Vm::native_captures`](crate::vm::Vm::native_captures).
    pub captures: Cell<Value>,
}

// SAFETY: reports the shared record, context, realm, home object, fields.
unsafe impl Trace for FunctionData {
    fn trace(&self, t: &mut Tracer) {
        if let FunctionCode::Bytecode { shared, context } = &self.code {
            t.mark(shared.cell());
            context.trace(t);
        }
        t.mark(self.realm.cell());
        self.home_object.trace(t);
        self.fields.trace(t);
        self.captures.trace(t);
    }
}

impl FunctionData {
    /// Whether [[Construct]] exists.
    pub fn is_constructor(&self) -> bool {
        match &self.code {
            FunctionCode::Bytecode { shared, .. } => shared.code.kind.is_constructor(),
            FunctionCode::Native { constructor, .. } => *constructor,
        }
    }
}

/// Internal slots of a bound function.
pub struct BoundFunction {
    /// [[BoundTargetFunction]].
    pub target: Value,
    /// [[BoundThis]].
    pub this: Value,
    /// [[BoundArguments]].
    pub args: Box<[Value]>,
}

// SAFETY: reports the target, this and arguments.
unsafe impl Trace for BoundFunction {
    fn trace(&self, t: &mut Tracer) {
        self.target.trace(t);
        self.this.trace(t);
        self.args.trace(t);
    }
}

/// The heap record of one function literal (V8's SharedFunctionInfo):
/// its bytecode, constants linked to heap values, and feedback.
pub struct SharedFunction {
    /// The compiled code (plain data, shareable with compile threads).
    pub code: Arc<BytecodeFunction>,
    /// Constant pool as values: numbers, atoms, nested `SharedFunction`s;
    /// the hole for entries the interpreter reads from `code` directly.
    pub constants: Box<[Value]>,
    /// The property key of each string constant (what named-property
    /// instructions use), computed once at link time.
    pub keys: Box<[Option<crate::property::PropertyKey>]>,
    /// The function's name as a string value.
    pub name: Value,
    /// Feedback gathered by every tier.
    pub feedback: FeedbackVector,
    /// Calls so far (the tiering policy reads it).
    pub invocations: Cell<u32>,
    /// Compiled code (null until a JIT tier compiled it).
    pub jit: Cell<*const crate::jit::JitCode>,
    /// A JIT tier declined to compile it: do not ask again.
    pub jit_declined: Cell<bool>,
    /// Named properties the instances it constructed ended up with (the
    /// inline slots `new` gives the next ones), at least the estimate
    /// `Vm::instance_capacity` makes at the first `new`.
    pub instance_slots: Cell<u32>,
    /// Whether `instance_slots` took that estimate yet.
    pub instance_estimated: Cell<bool>,
    /// How many distinct names its `SetNamedProperty` instructions store
    /// (at most 64): a constructor's static estimate of the properties it
    /// adds to `this`.
    pub named_stores: u32,
    /// The shape of its closures once their own `length` and `name` (and a
    /// sloppy function's `arguments` and `caller`) are added: the next
    /// closure with the same prototype starts there, its slots written
    /// in order, with no transition lookups.
    pub closure_shape: Cell<Option<Gc<crate::shape::Shape>>>,
    /// What compiled code needs to push and enter a frame of this
    /// function without calling into the vm.
    pub frame: FrameInfo,
}
strata_gc::cell_type!(SharedFunction);

/// A function's frame facts in plain words at fixed offsets (compiled
/// calls and returns read them; `JitLayout` has the offsets). Copies of
/// what `code` and `feedback` hold, which never change once linked.
#[repr(C)]
pub struct FrameInfo {
    /// The bytecode's first byte.
    pub code: *const u8,
    /// The first feedback slot.
    pub feedback: *const crate::feedback::FeedbackSlot,
    /// Formal parameters: the argument slots a frame has at least.
    pub params: u32,
    /// Registers.
    pub registers: u32,
    /// 1 when `this` must be coerced (a sloppy function with its own
    /// `this`: undefined and null become the global object, primitives
    /// their wrappers), else 0.
    pub sloppy_this: u8,
    /// 1 for a class constructor (which a plain call must reject), else 0.
    pub class_constructor: u8,
}

impl FrameInfo {
    /// The facts of `code` with feedback `feedback`.
    pub fn new(code: &strata_bytecode::BytecodeFunction, feedback: &crate::feedback::FeedbackVector) -> FrameInfo {
        FrameInfo {
            code: code.code.as_ptr(),
            feedback: feedback.slots.as_ptr(),
            params: code.param_count as u32,
            registers: code.register_count as u32,
            sloppy_this: u8::from(!code.strict && code.kind.has_own_this()),
            class_constructor: u8::from(matches!(
                code.kind,
                strata_bytecode::FunctionKind::BaseConstructor | strata_bytecode::FunctionKind::DerivedConstructor
            )),
        }
    }
}

// SAFETY: reports the linked constants, name and feedback.
unsafe impl Trace for SharedFunction {
    fn trace(&self, t: &mut Tracer) {
        self.constants.trace(t);
        self.keys.trace(t);
        self.name.trace(t);
        self.feedback.trace(t);
        if let Some(s) = self.closure_shape.get() {
            t.mark(s.cell());
        }
    }
}

impl SharedFunction {
    /// The nested function literal at constant `idx`.
    pub fn nested(&self, idx: usize) -> Option<Gc<SharedFunction>> {
        self.constants.get(idx)?.as_gc::<SharedFunction>()
    }
    /// The raw constant at `idx`.
    pub fn constant(&self, idx: usize) -> Option<&Constant> {
        self.code.constants.get(idx)
    }
}

/// The captured values of native closures (built-in functions created at
/// run time with state, as the spec's abstract closures are).
pub struct Captures {
    /// The values, by index.
    pub slots: Box<[Cell<Value>]>,
}
strata_gc::cell_type!(Captures);

// SAFETY: reports every captured value.
unsafe impl Trace for Captures {
    fn trace(&self, t: &mut Tracer) {
        for s in self.slots.iter() {
            s.get().trace(t);
        }
    }
}

impl Captures {
    /// Captured value `i` (undefined past the end).
    pub fn get(&self, i: usize) -> Value {
        self.slots.get(i).map_or(Value::UNDEFINED, |c| c.get())
    }
    /// Replaces captured value `i`.
    pub fn set(&self, i: usize, v: Value) {
        if let Some(c) = self.slots.get(i) {
            c.set(v);
        }
    }
}
