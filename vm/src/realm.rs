//! Realms: a global object, its global lexical bindings, and the intrinsic
//! objects (%Object.prototype%, %Array%, ...) every builtin refers to.
//! `$262.createRealm` makes more than one per VM.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use strata_gc::{Gc, Trace, Tracer};

use crate::object::JsObject;
use crate::string::JsString;
use crate::value::Value;

macro_rules! intrinsics {
    ($($name:ident),* $(,)?) => {
        /// The realm's intrinsic objects, by name.
        #[derive(Copy, Clone, PartialEq, Eq, Debug)]
        #[repr(usize)]
        pub enum Intrinsic { $(#[allow(missing_docs)] $name,)* }
        /// Number of intrinsics.
        pub const INTRINSIC_COUNT: usize = [$(Intrinsic::$name),*].len();
    };
}

intrinsics! {
    ObjectPrototype, FunctionPrototype, ArrayPrototype, StringPrototype, NumberPrototype,
    BooleanPrototype, SymbolPrototype, BigIntPrototype, ErrorPrototype, TypeErrorPrototype, RangeErrorPrototype,
    ReferenceErrorPrototype, SyntaxErrorPrototype, EvalErrorPrototype, UriErrorPrototype,
    AggregateErrorPrototype, IteratorPrototype, ArrayIteratorPrototype, StringIteratorPrototype,
    Object, Function, Array, String, Number, Boolean, Symbol, Error, TypeError, RangeError,
    ReferenceError, SyntaxError, EvalError, UriError, AggregateError, ThrowTypeError,
    ArrayPrototypeValues, Eval, OutOfMemoryError, DatePrototype, Date,
    Promise, PromisePrototype, PromisePrototypeThen, GeneratorPrototype, GeneratorFunctionPrototype,
    AsyncFunctionPrototype, AsyncIteratorPrototype, AsyncFromSyncIteratorPrototype,
    AsyncGeneratorPrototype, AsyncGeneratorFunctionPrototype,
    RegExp, RegExpPrototype, RegExpPrototypeExec, RegExpStringIteratorPrototype,
    Map, MapPrototype, MapIteratorPrototype, Set, SetPrototype, SetIteratorPrototype,
    WeakMapPrototype, WeakSetPrototype, WeakRefPrototype, FinalizationRegistryPrototype,
    Iterator, IteratorHelperPrototype, WrapForValidIteratorPrototype,
    TemporalDurationPrototype, TemporalInstantPrototype, TemporalPlainDatePrototype,
    TemporalPlainTimePrototype, TemporalPlainDateTimePrototype, TemporalPlainYearMonthPrototype,
    TemporalPlainMonthDayPrototype, TemporalZonedDateTimePrototype,
    ArrayBuffer, ArrayBufferPrototype, SharedArrayBuffer, SharedArrayBufferPrototype,
    DataView, DataViewPrototype, TypedArray, TypedArrayPrototype,
    Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    Float16Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array,
    Int8ArrayPrototype, Uint8ArrayPrototype, Uint8ClampedArrayPrototype, Int16ArrayPrototype,
    Uint16ArrayPrototype, Int32ArrayPrototype, Uint32ArrayPrototype, Float16ArrayPrototype,
    Float32ArrayPrototype, Float64ArrayPrototype, BigInt64ArrayPrototype, BigUint64ArrayPrototype,
}

/// A script-level `let`/`const`/`class` binding.
pub struct ScriptLexical {
    /// The value (the hole until initialized).
    pub value: Cell<Value>,
    /// Whether assignment is allowed (`let`).
    pub mutable: bool,
}

/// A realm cell.
pub struct Realm {
    intrinsics: Box<[Cell<Value>]>,
    /// The global object.
    pub global: Cell<Value>,
    /// The global lexical environment's declarative part: script-level
    /// let/const/class bindings, shared by every script of the realm.
    pub lexicals: RefCell<HashMap<Gc<JsString>, Box<ScriptLexical>>>,
    /// Template objects by (function literal address, constant index).
    pub templates: RefCell<HashMap<(usize, u32), Value>>,
    /// [[VarNames]]: names declared by `var`/function at script top level.
    pub var_names: RefCell<std::collections::HashSet<Gc<JsString>>>,
    /// %RegExp%'s legacy static slots (Annex B `RegExp.$1` and friends).
    pub regexp_statics: crate::builtins::regexp_legacy::LegacyStatics,
    /// The shape string receivers are cached under (see `ic.rs`), once
    /// made: compiled code reads it here.
    pub string_receiver_shape: Cell<Option<Gc<crate::shape::Shape>>>,
}
strata_gc::cell_type!(Realm);

// SAFETY: reports intrinsics, the global object, lexicals, templates,
// var names, the RegExp statics and the string receiver shape.
unsafe impl Trace for Realm {
    fn trace(&self, t: &mut Tracer) {
        for i in self.intrinsics.iter() {
            i.get().trace(t);
        }
        self.global.get().trace(t);
        for (k, v) in self.lexicals.borrow().iter() {
            t.mark(k.cell());
            v.value.get().trace(t);
        }
        for v in self.templates.borrow().values() {
            v.trace(t);
        }
        for n in self.var_names.borrow().iter() {
            t.mark(n.cell());
        }
        self.regexp_statics.trace(t);
        if let Some(s) = self.string_receiver_shape.get() {
            t.mark(s.cell());
        }
    }
}

impl Realm {
    /// An empty realm (the vm fills it in).
    pub fn empty() -> Realm {
        Realm {
            intrinsics: (0..INTRINSIC_COUNT).map(|_| Cell::new(Value::UNDEFINED)).collect(),
            global: Cell::new(Value::UNDEFINED),
            lexicals: RefCell::new(HashMap::new()),
            templates: RefCell::new(HashMap::new()),
            var_names: RefCell::new(std::collections::HashSet::new()),
            regexp_statics: Default::default(),
            string_receiver_shape: Cell::new(None),
        }
    }

    /// An intrinsic as a value.
    #[inline]
    pub fn intrinsic_value(&self, which: Intrinsic) -> Value {
        self.intrinsics[which as usize].get()
    }

    /// An intrinsic object. Intrinsics are set during realm creation,
    /// before any script runs.
    #[inline]
    pub fn intrinsic(&self, which: Intrinsic) -> Gc<JsObject> {
        self.intrinsics[which as usize].get().as_gc::<JsObject>().expect("realm intrinsics are initialized")
    }

    /// Sets an intrinsic.
    pub fn set_intrinsic(&self, which: Intrinsic, v: Gc<JsObject>) {
        self.intrinsics[which as usize].set(Value::from_gc(v));
    }

    /// The global object.
    pub fn global_object(&self) -> Gc<JsObject> {
        self.global.get().as_gc::<JsObject>().expect("realm global is initialized")
    }
}
