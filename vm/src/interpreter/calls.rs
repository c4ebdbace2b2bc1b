//! Calls and construction across every kind of function: native
//! builtins, bound functions, and bytecode functions (which get a frame on
//! the register file laid out as `frame.rs` says — must match it).

use strata_gc::Gc;

use crate::frame;
use crate::function::{Args, FunctionCode, SharedFunction};
use crate::object::{JsObject, ObjectKind};
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{JsResult, Vm};
use strata_bytecode::FunctionKind;

/// Where a new frame's arguments come from.
#[derive(Copy, Clone)]
pub(crate) enum ArgSource<'a> {
    /// A Rust slice (native code calling JavaScript).
    Slice(&'a [Value]),
    /// `count` registers of the register file starting at absolute slot
    /// `start` (an interpreter call site).
    Registers { start: isize, count: usize },
}

/// The header of a frame about to be pushed (see frame.rs).
pub(crate) struct FrameHeader {
    pub(crate) this: Value,
    pub(crate) new_target: Value,
    pub(crate) callee: Value,
    pub(crate) argc: usize,
    pub(crate) context: Value,
    pub(crate) return_pc: u32,
    pub(crate) caller_fp: isize,
}

/// Writes the frame whose fp is `fp` into the register file at `slots`:
/// the arguments then undefined up to `nargs` parameters, the header, and
/// `registers` undefined registers (every slot the collector will scan).
/// The one frame layout `push_frame` and the interpreter's fast calls
/// share.
///
/// # Safety
/// Slots `fp - HEADER_SLOTS - nargs .. fp + registers` lie inside the
/// register file at `slots`, and the arguments do not overlap them.
#[inline(always)]
pub(crate) unsafe fn write_frame(
    slots: *mut Value,
    fp: isize,
    args: ArgSource<'_>,
    nargs: usize,
    h: FrameHeader,
    registers: usize,
) {
    // SAFETY: the caller's guarantee.
    unsafe {
        let param0 = slots.offset(fp + frame::PARAM0);
        match args {
            ArgSource::Slice(a) => {
                for (i, &v) in a.iter().enumerate() {
                    *param0.sub(i) = v;
                }
            }
            ArgSource::Registers { start, count } => {
                let src = slots.offset(start);
                for i in 0..count {
                    *param0.sub(i) = *src.add(i);
                }
            }
        }
        for i in h.argc..nargs {
            *param0.sub(i) = Value::UNDEFINED;
        }
        let f = slots.offset(fp);
        *f.offset(frame::THIS) = h.this;
        *f.offset(frame::RETURN_ADDRESS) = Value::UNDEFINED;
        *f.offset(frame::NEW_TARGET) = h.new_target;
        *f.offset(frame::CALLEE) = h.callee;
        *f.offset(frame::ARGC) = Value::int(h.argc as i32);
        *f.offset(frame::CONTEXT) = h.context;
        *f.offset(frame::RETURN_PC) = Value::int(h.return_pc as i32);
        *f.offset(frame::CALLER_FP) = Value::int(h.caller_fp as i32);
        for r in 0..registers {
            *f.add(r) = Value::UNDEFINED;
        }
    }
}

impl ArgSource<'_> {
    fn len(&self) -> usize {
        match self {
            ArgSource::Slice(s) => s.len(),
            ArgSource::Registers { count, .. } => *count,
        }
    }
}

impl Vm {
    /// Call(f, this, args).
    pub fn call(&mut self, f: Value, this: Value, args: &[Value]) -> JsResult<Value> {
        let Some(obj) = f.as_gc::<JsObject>() else {
            return Err(self.not_callable(f));
        };
        match &obj.kind {
            ObjectKind::Function(data) => match &data.code {
                FunctionCode::Native { f: native, .. } => {
                    let native = *native;
                    self.call_native(obj, native, this, Args::new(args), Value::UNDEFINED)
                }
                FunctionCode::Bytecode { shared, .. } => {
                    if shared.code.kind == FunctionKind::BaseConstructor
                        || shared.code.kind == FunctionKind::DerivedConstructor
                    {
                        return Err(self.type_error("Class constructor cannot be invoked without 'new'"));
                    }
                    let fp = self.push_frame(obj, this, Value::UNDEFINED, ArgSource::Slice(args), -1, 0)?;
                    self.run(fp)
                }
            },
            ObjectKind::BoundFunction(b) => {
                let mut all = b.args.to_vec();
                all.extend_from_slice(args);
                let (target, bound_this) = (b.target, b.this);
                self.call(target, bound_this, &all)
            }
            ObjectKind::Proxy(p) if p.callable => self.proxy_call(obj, this, args),
            _ => Err(self.not_callable(f)),
        }
    }

    /// Construct(f, args, new_target).
    pub fn construct(&mut self, f: Value, args: &[Value], new_target: Value) -> JsResult<Value> {
        let Some(obj) = f.as_gc::<JsObject>().filter(|_| self.is_constructor(f)) else {
            let what = self.describe_value(f);
            return Err(self.type_error(&format!("{what} is not a constructor")));
        };
        match &obj.kind {
            ObjectKind::Function(data) => match &data.code {
                FunctionCode::Native { f: native, .. } => {
                    let native = *native;
                    self.call_native(obj, native, Value::UNDEFINED, Args::new(args), new_target)
                }
                FunctionCode::Bytecode { .. } => {
                    let this = self.construct_this(obj, new_target)?;
                    let fp = self.push_frame(obj, this, new_target, ArgSource::Slice(args), -1, 0)?;
                    self.run(fp)
                }
            },
            ObjectKind::BoundFunction(b) => {
                let mut all = b.args.to_vec();
                all.extend_from_slice(args);
                let target = b.target;
                let nt = if new_target == f { target } else { new_target };
                self.construct(target, &all, nt)
            }
            ObjectKind::Proxy(_) => self.proxy_construct(obj, args, new_target),
            _ => Err(self.type_error("not a constructor")),
        }
    }

    /// Runs a native function with the callee's realm current.
    pub(crate) fn call_native(
        &mut self,
        callee: Gc<JsObject>,
        native: crate::function::NativeFn,
        this: Value,
        args: Args,
        new_target: Value,
    ) -> JsResult<Value> {
        if !self.native_stack_ok() {
            return Err(self.range_error("Maximum call stack size exceeded"));
        }
        let ObjectKind::Function(data) = &callee.kind else { return Err(self.type_error("not a function")) };
        let saved = self.roots.realm;
        self.roots.realm = Some(data.realm);
        let saved_callee = self.roots.native_callee.replace(callee);
        let r = native(self, this, args, new_target);
        self.roots.native_callee = saved_callee;
        self.roots.realm = saved;
        r
    }

    /// The `this` of a `new` call to a bytecode function: a fresh object
    /// from new.target's prototype for base constructors (after running the
    /// class's field initializers), the hole for derived ones.
    pub(crate) fn construct_this(&mut self, callee: Gc<JsObject>, new_target: Value) -> JsResult<Value> {
        let ObjectKind::Function(data) = &callee.kind else { return Ok(Value::UNDEFINED) };
        if let FunctionCode::Bytecode { shared, .. } = &data.code
            && shared.code.kind == FunctionKind::DerivedConstructor
        {
            return Ok(Value::HOLE);
        }
        let proto = self.prototype_from_constructor(new_target, Intrinsic::ObjectPrototype)?;
        let inline = self.instance_capacity(callee, new_target);
        let obj = self.new_object_inline(proto, ObjectKind::Ordinary, inline)?;
        let fields = data.fields.get();
        if !fields.is_undefined() {
            self.call(fields, Value::from_gc(obj), &[])?;
        }
        Ok(Value::from_gc(obj))
    }

    /// The inline slots of a new instance that base constructor `callee`
    /// allocates for `new_target`. Slack tracking follows new.target, as
    /// V8's initial maps do: a derived class's instances are allocated by
    /// its base constructor but end up with the properties the whole chain
    /// adds, which `note_instance_size` records on new.target. Before any
    /// instance is recorded, the first `new` estimates them statically:
    /// the names stored by new.target and by every bytecode constructor on
    /// its prototype chain (its base classes). Starting from an estimate
    /// that large, later instances keep the first one's capacity (so its
    /// shapes), where growing after the first instance made every site
    /// that saw both polymorphic.
    fn instance_capacity(&mut self, callee: Gc<JsObject>, new_target: Value) -> u32 {
        fn shared_of(f: Gc<JsObject>) -> Option<Gc<crate::function::SharedFunction>> {
            match &f.kind {
                ObjectKind::Function(d) => match &d.code {
                    FunctionCode::Bytecode { shared, .. } => Some(*shared),
                    FunctionCode::Native { .. } => None,
                },
                _ => None,
            }
        }
        // new.target when it is a bytecode function, else the callee (a
        // bound function, a proxy or a native as new.target).
        let target = match new_target.as_gc::<JsObject>() {
            Some(nt) if shared_of(nt).is_some() => nt,
            _ => callee,
        };
        let Some(shared) = shared_of(target) else { return crate::object::DEFAULT_INLINE_SLOTS };
        if !shared.instance_estimated.get() {
            shared.instance_estimated.set(true);
            let mut estimate = 0u32;
            let mut f = target;
            // A class chain is short; the bound only guards a cycle-free
            // but absurdly long one.
            for _ in 0..32 {
                let Some(s) = shared_of(f) else { break };
                estimate = estimate.saturating_add(s.named_stores);
                let Some(parent) = f.proto().as_gc::<JsObject>() else { break };
                f = parent;
            }
            let estimate = estimate.min(crate::object::MAX_ESTIMATED_INLINE_SLOTS);
            if estimate > shared.instance_slots.get() {
                shared.instance_slots.set(estimate);
            }
        }
        shared.instance_slots.get()
    }

    /// OrdinaryCreateFromConstructor: an ordinary object whose prototype is
    /// `new_target.prototype`, or the realm's `fallback` if that is not an
    /// object.
    pub fn ordinary_create_from_constructor(&mut self, new_target: Value, fallback: Intrinsic) -> JsResult<Gc<JsObject>> {
        let proto = self.prototype_from_constructor(new_target, fallback)?;
        self.new_object_with(proto, ObjectKind::Ordinary)
    }

    /// GetPrototypeFromConstructor.
    pub fn prototype_from_constructor(&mut self, new_target: Value, fallback: Intrinsic) -> JsResult<Value> {
        if let Some(nt) = new_target.as_gc::<JsObject>() {
            let key = crate::property::PropertyKey::String(self.roots.names.prototype);
            // A function's own data `prototype` (every constructor we
            // create has one; it is non-configurable, so it stays a data
            // property) is read from its slot; anything else goes through
            // the stub cache and [[Get]].
            let own = match nt.kind {
                ObjectKind::Function(_) => match nt.shape().lookup(key) {
                    Some((slot, attrs)) if !attrs.is_accessor() => Some(nt.slot(slot)),
                    _ => None,
                },
                _ => None,
            };
            let p = match own {
                Some(p) => p,
                None => self.load_keyed_named(nt, key)?,
            };
            if p.as_gc::<JsObject>().is_some() {
                return Ok(p);
            }
            // The fallback comes from new.target's realm.
            let realm = crate::builtins::array::get_function_realm(self, new_target)?;
            return Ok(realm.intrinsic_value(fallback));
        }
        Ok(Value::from_gc(self.intrinsic(fallback)))
    }

    /// Pushes a frame for a bytecode function (must match frame.rs) and
    /// returns its fp. Binds `this` for sloppy functions
    /// (OrdinaryCallBindThis). RangeError when the register file is full.
    pub(crate) fn push_frame(
        &mut self,
        callee: Gc<JsObject>,
        this: Value,
        new_target: Value,
        args: ArgSource<'_>,
        caller_fp: isize,
        return_pc: u32,
    ) -> JsResult<isize> {
        let ObjectKind::Function(data) = &callee.kind else { return Err(self.type_error("not a function")) };
        let FunctionCode::Bytecode { shared, context } = &data.code else {
            return Err(self.type_error("not a bytecode function"));
        };
        let (shared, context): (Gc<SharedFunction>, Value) = (*shared, *context);
        let fi = &shared.frame;
        let argc = args.len();
        let nargs = argc.max(fi.params as usize);
        let size = frame::frame_size(nargs, fi.registers as usize);
        if self.interrupted() {
            return Err(crate::vm::Exception::TERMINATION);
        }
        // One slot of room above the frame: an empty register list may
        // start there (see strata_bytecode::verify).
        if !self.roots.stack.has_room(size + 1) || !self.native_stack_ok() {
            return Err(self.range_error("Maximum call stack size exceeded"));
        }
        let this = if fi.sloppy_this == 0 || this.as_gc::<JsObject>().is_some() || this.is_hole() {
            this
        } else if this.is_nullish() {
            data.realm.global.get()
        } else {
            Value::from_gc(self.to_object(this)?)
        };
        shared.invocations.set(shared.invocations.get().saturating_add(1));
        if self.jit_policy != crate::jit::JitPolicy::Off && shared.jit.get().is_null() {
            self.tier_up(shared);
        }
        let base = self.roots.stack.top as isize;
        if let ArgSource::Registers { start, count } = args
            && (start < 0 || start + count as isize > base)
        {
            return Err(self.type_error("internal error: argument registers outside the caller's frame"));
        }
        let fp = base + nargs as isize + frame::HEADER_SLOTS as isize;
        let header = FrameHeader {
            this,
            new_target,
            callee: Value::from_gc(callee),
            argc,
            context,
            return_pc,
            caller_fp,
        };
        // SAFETY: `has_room` checked that the whole frame (arguments,
        // header, registers, plus one) lies inside the register file;
        // argument sources are registers of the caller below `base` or a
        // Rust slice, neither overlapping the new frame's slots.
        unsafe { write_frame(self.roots.stack.base(), fp, args, nargs, header, fi.registers as usize) };
        let stack = &mut self.roots.stack;
        stack.top = (fp + fi.registers as isize) as usize;
        Ok(fp)
    }

    /// The TypeError for calling a non-callable value.
    pub(crate) fn not_callable(&mut self, f: Value) -> crate::vm::Exception {
        let what = self.describe_value(f);
        self.type_error(&format!("{what} is not a function"))
    }

    /// A short description of a value for error messages.
    pub fn describe_value(&mut self, v: Value) -> String {
        if v.is_undefined() {
            return "undefined".into();
        }
        if let Some(o) = v.as_gc::<JsObject>() {
            return match &o.kind {
                ObjectKind::Function(_) | ObjectKind::BoundFunction(_) => "function".into(),
                ObjectKind::Proxy(p) if p.callable => "function".into(),
                ObjectKind::Array { .. } => "array".into(),
                _ => "object".into(),
            };
        }
        if let Some(s) = v.as_gc::<crate::string::JsString>() {
            return format!("\"{}\"", s.to_rust_string());
        }
        self.display_string(v).unwrap_or_else(|_| "value".into())
    }
}
