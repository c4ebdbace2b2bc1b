//! Objects: the `JsObject` cell — a shape, named-property slots, an element
//! store, and a kind tag with the internal slots of exotic and builtin
//! objects (Array, Function, String wrapper, arguments, iterators...).
//!
//! This file is storage only: reading and writing slots and elements with
//! no JavaScript running. The spec's internal methods ([[Get]],
//! [[DefineOwnProperty]]...), which may call getters and dispatch on the
//! kind, are in `object_ops.rs`.

use std::cell::{Cell, RefCell, UnsafeCell};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};

use strata_gc::{Gc, Trace, Tracer};

use crate::function::{BoundFunction, FunctionData};
use crate::property::Attrs;
use crate::shape::Shape;
use crate::string::JsString;
use crate::symbol::Symbol;
use crate::value::Value;

/// Indices at or above this in a dense store make it sparse.
pub const MAX_DENSE_GAP: u32 = 1024;

/// The indexed properties of an object.
pub enum Elements {
    /// Index `i` is at `[i]`; `Value::HOLE` marks a missing element. All
    /// present elements have default attributes (writable, enumerable,
    /// configurable).
    Dense(Vec<Value>),
    /// Any indices, any attributes (accessors hold an `Accessor` cell).
    Sparse(Box<BTreeMap<u32, (Value, Attrs)>>),
}

impl Elements {
    /// Bytes the store owns outside the heap (an estimate for the sparse
    /// form), for the collector's external-memory count.
    pub fn external_bytes(&self) -> usize {
        match self {
            Elements::Dense(v) => v.capacity() * std::mem::size_of::<Value>(),
            // A B-tree entry and its share of a node.
            Elements::Sparse(m) => m.len() * 40,
        }
    }
}

// SAFETY: reports every element value.
unsafe impl Trace for Elements {
    fn trace(&self, t: &mut Tracer) {
        match self {
            Elements::Dense(v) => v.trace(t),
            Elements::Sparse(m) => {
                for (v, _) in m.values() {
                    v.trace(t)
                }
            }
        }
    }
}

/// A getter/setter pair: the slot value of an accessor property.
pub struct Accessor {
    /// The getter (a function or undefined).
    pub getter: Cell<Value>,
    /// The setter (a function or undefined).
    pub setter: Cell<Value>,
}
strata_gc::cell_type!(Accessor);

// SAFETY: reports both functions.
unsafe impl Trace for Accessor {
    fn trace(&self, t: &mut Tracer) {
        self.getter.trace(t);
        self.setter.trace(t);
    }
}

/// What an array iterator yields.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum IterationKind {
    /// Keys.
    Keys,
    /// Values.
    Values,
    /// [key, value] pairs.
    Entries,
}

/// The state of a for-in enumeration.
pub struct ForInState {
    /// The object being enumerated.
    pub object: Value,
    /// Its enumerable string keys along the prototype chain, collected
    /// up front (as V8's enum cache does), as string values.
    pub keys: Vec<Value>,
    /// Next key to return.
    pub index: usize,
}

/// The [[ParameterMap]] of a mapped arguments object: index `i` aliases
/// slot `slots[i]` of `context` (`u32::MAX`: not, or no longer, mapped).
/// Unmapped arguments objects have an empty map.
pub struct ArgumentsMap {
    /// The function context holding the parameters.
    pub context: Cell<Value>,
    /// Per argument index, its context slot.
    pub slots: RefCell<Vec<u32>>,
}

impl Default for ArgumentsMap {
    fn default() -> Self {
        ArgumentsMap { context: Cell::new(Value::UNDEFINED), slots: RefCell::new(Vec::new()) }
    }
}

impl ArgumentsMap {
    /// The context slot index `i` aliases, if mapped.
    pub fn slot(&self, i: u32) -> Option<u32> {
        self.slots.borrow().get(i as usize).copied().filter(|&s| s != u32::MAX)
    }
    /// Removes the mapping of index `i`.
    pub fn unmap(&self, i: u32) {
        if let Some(s) = self.slots.borrow_mut().get_mut(i as usize) {
            *s = u32::MAX;
        }
    }
}

/// The kind of an object and its internal slots.
pub enum ObjectKind {
    /// An ordinary object.
    Ordinary,
    /// An Array exotic object: `length` lives here, not in a slot.
    Array {
        /// The length.
        length: Cell<u32>,
        /// Whether `length` is writable.
        length_writable: Cell<bool>,
    },
    /// A function with bytecode or a native body.
    Function(FunctionData),
    /// A bound function exotic object.
    BoundFunction(BoundFunction),
    /// An Error instance ([[ErrorData]]).
    Error,
    /// A frozen object made by JSON.rawJSON ([[IsRawJSON]]).
    RawJson,
    /// A Boolean wrapper.
    Boolean(bool),
    /// A Number wrapper.
    Number(f64),
    /// A Date instance: its [[DateValue]] (a time value or NaN).
    Date(Cell<f64>),
    /// A String exotic wrapper.
    String(Gc<JsString>),
    /// A Symbol wrapper.
    Symbol(Gc<Symbol>),
    /// A BigInt wrapper ([[BigIntData]]).
    BigInt(Gc<crate::bigint::JsBigInt>),
    /// An arguments object. A mapped one (sloppy functions with simple
    /// parameters) aliases some indices to the parameters' context slots.
    Arguments(ArgumentsMap),
    /// `%ArrayIteratorPrototype%` instances.
    ArrayIterator {
        /// The iterated object (undefined once done).
        target: Cell<Value>,
        /// Next index.
        index: Cell<u32>,
        /// What it yields.
        kind: IterationKind,
    },
    /// `%StringIteratorPrototype%` instances.
    StringIterator {
        /// The string (undefined once done).
        target: Cell<Value>,
        /// Next code-unit index.
        index: Cell<u32>,
    },
    /// A for-in enumerator (internal; never visible to scripts).
    ForIn(RefCell<ForInState>),
    /// The global object.
    Global,
    /// A Promise instance.
    Promise(crate::builtins::promise::PromiseData),
    /// A generator, or the frame holder of an async function.
    Generator(Box<crate::interpreter::generators::GeneratorData>),
    /// An async-from-sync iterator (internal to for-await and yield*).
    AsyncFromSyncIterator(crate::builtins::async_iteration::SyncIteratorRecord),
    /// A module namespace exotic object.
    ModuleNamespace(crate::module::NamespaceData),
    /// A Proxy exotic object (§10.5): every internal method goes to
    /// `proxy.rs`; the object's own shape and slots stay empty (only
    /// private elements, which bypass traps, are stored there).
    Proxy(crate::proxy::ProxyData),
    /// A RegExp instance ([[RegExpMatcher]], [[OriginalSource]], ...).
    RegExp(Box<crate::builtins::regexp::RegExpData>),
    /// `%RegExpStringIteratorPrototype%` instances.
    RegExpStringIterator(crate::builtins::regexp_symbols::RegExpStringIterator),
    /// A Map instance: its [[MapData]] (see `builtins/ordered_table.rs`).
    Map(Box<RefCell<crate::builtins::ordered_table::OrderedTable>>),
    /// A Set instance: its [[SetData]].
    Set(Box<RefCell<crate::builtins::ordered_table::OrderedTable>>),
    /// `%MapIteratorPrototype%` instances.
    MapIterator(Box<crate::builtins::ordered_table::CollectionIterator>),
    /// `%SetIteratorPrototype%` instances.
    SetIterator(Box<crate::builtins::ordered_table::CollectionIterator>),
    /// A WeakMap instance: its ephemeron table (see `builtins/weak.rs`).
    WeakMap(Gc<crate::builtins::weak::WeakTable>),
    /// A WeakSet instance: a weak table whose values are all undefined.
    WeakSet(Gc<crate::builtins::weak::WeakTable>),
    /// A WeakRef instance: [[WeakRefTarget]] in a weak slot.
    WeakRef(Gc<crate::builtins::weak::WeakTarget>),
    /// A FinalizationRegistry instance: its callback and [[Cells]].
    FinalizationRegistry(Gc<crate::builtins::weak::FinalizationCells>),
    /// An iterator helper (%IteratorHelperPrototype% instances): the
    /// state of a lazy map/filter/take/drop/flatMap/concat.
    IteratorHelper(Box<crate::builtins::iterator::IteratorHelperData>),
    /// An `Iterator.from` wrapper: its [[Iterated]] record.
    WrapForValidIterator(crate::builtins::iterator::IteratorRecord),
    /// A Temporal object (Duration, Instant, PlainDate, ...): its
    /// `temporal_rs` value, which holds no GC references.
    Temporal(Box<crate::builtins::temporal::TemporalValue>),
    /// An ArrayBuffer or SharedArrayBuffer: its bytes live outside the heap
    /// (see `builtins/array_buffer.rs`).
    ArrayBuffer(Box<crate::builtins::array_buffer::ArrayBufferData>),
    /// A TypedArray, an integer-indexed exotic object (§10.4.5): numeric
    /// keys go to `builtins/typed_array.rs`, never to the element store.
    TypedArray(crate::builtins::typed_array::TypedArrayData),
    /// A DataView: its buffer, offset and length.
    DataView(crate::builtins::data_view::DataViewData),
}

// Every object pays for the largest kind (plain objects and arrays are
// most of the heap): a kind with more than a few words of state keeps it
// boxed, as `Generator`, `RegExp` and `IteratorHelper` do.
const _: () = assert!(std::mem::size_of::<ObjectKind>() <= 56, "box the state of large ObjectKind variants");

// SAFETY: reports every value held in internal slots.
unsafe impl Trace for ObjectKind {
    fn trace(&self, t: &mut Tracer) {
        match self {
            ObjectKind::Function(f) => f.trace(t),
            ObjectKind::BoundFunction(b) => b.trace(t),
            ObjectKind::String(s) => t.mark(s.cell()),
            ObjectKind::Symbol(s) => t.mark(s.cell()),
            ObjectKind::BigInt(b) => t.mark(b.cell()),
            ObjectKind::ArrayIterator { target, .. } | ObjectKind::StringIterator { target, .. } => target.trace(t),
            ObjectKind::ForIn(state) => {
                let s = state.borrow();
                s.object.trace(t);
                s.keys.trace(t);
            }
            ObjectKind::Arguments(map) => map.context.trace(t),
            ObjectKind::Promise(p) => p.trace(t),
            ObjectKind::Generator(g) => g.trace(t),
            ObjectKind::AsyncFromSyncIterator(r) => r.trace(t),
            ObjectKind::ModuleNamespace(ns) => ns.trace(t),
            ObjectKind::Proxy(p) => p.trace(t),
            ObjectKind::RegExp(r) => r.trace(t),
            ObjectKind::RegExpStringIterator(it) => it.trace(t),
            ObjectKind::Map(table) | ObjectKind::Set(table) => table.trace(t),
            ObjectKind::MapIterator(it) | ObjectKind::SetIterator(it) => it.trace(t),
            ObjectKind::WeakMap(table) | ObjectKind::WeakSet(table) => t.mark(table.cell()),
            ObjectKind::WeakRef(target) => t.mark(target.cell()),
            ObjectKind::FinalizationRegistry(cells) => t.mark(cells.cell()),
            ObjectKind::IteratorHelper(h) => h.trace(t),
            ObjectKind::WrapForValidIterator(r) => r.trace(t),
            ObjectKind::TypedArray(ta) => t.mark(ta.buffer.cell()),
            ObjectKind::DataView(dv) => t.mark(dv.buffer.cell()),
            ObjectKind::ArrayBuffer(b) => b.trace(t),
            ObjectKind::Ordinary
            | ObjectKind::Array { .. }
            | ObjectKind::Error
            | ObjectKind::RawJson
            | ObjectKind::Boolean(_)
            | ObjectKind::Number(_)
            | ObjectKind::Date(_)
            | ObjectKind::Temporal(_)
            | ObjectKind::Global => {}
        }
    }
}

/// Set once any prototype (a watched object) has had an element, or is an
/// object whose indices are not ordinary properties (a proxy, a typed
/// array, a String wrapper of a non-empty string, an arguments object, a
/// module namespace):
/// until then, an indexed store on an array needs no walk of its
/// prototype chain for setters or read-only elements (V8's "no elements"
/// protector). It is never cleared; one flag serves every heap.
static PROTOTYPE_ELEMENTS: AtomicBool = AtomicBool::new(false);

/// Whether no prototype has ever had elements or exotic indices (see
/// [`PROTOTYPE_ELEMENTS`]).
#[inline]
pub fn prototypes_have_no_elements() -> bool {
    !PROTOTYPE_ELEMENTS.load(Ordering::Relaxed)
}

/// Inline slots an object gets when nothing better is known.
pub const DEFAULT_INLINE_SLOTS: u32 = 4;
/// The most inline slots a constructor's static estimate gives its
/// instances (`Vm::instance_capacity`); what they really add still grows
/// the next ones.
pub const MAX_ESTIMATED_INLINE_SLOTS: u32 = 32;
/// Most inline slots an object is given.
pub const MAX_INLINE_SLOTS: u32 = 32;

/// Where inline slot 0 is, from an object cell's address.
pub const INLINE_SLOTS_OFFSET: usize = strata_gc::PAYLOAD_OFFSET + std::mem::size_of::<JsObject>().next_multiple_of(8);

/// Offsets from an object cell's address, for compiled code.
#[derive(Copy, Clone, Debug)]
pub struct ObjectLayout {
    /// The shape pointer.
    pub shape: usize,
    /// The inline capacity (u32).
    pub inline_capacity: usize,
    /// The Array flag (u8).
    pub array: usize,
    /// The first inline slot.
    pub inline_slots: usize,
    /// The out-of-line slot vector's element pointer.
    pub out_of_line_ptr: usize,
    /// The out-of-line slot vector's length.
    pub out_of_line_len: usize,
    /// The dense element store's first element (0 if not dense).
    pub dense_ptr: usize,
    /// The dense element store's length.
    pub dense_len: usize,
    /// The call-kind byte (u8, a `CALL_KIND_*` constant).
    pub call_kind: usize,
    /// Where a bytecode function keeps its parts, if the layout probe
    /// found them (see [`FunctionLayout`]).
    pub function: Option<FunctionLayout>,
    /// An Array's `length` (u32), if the layout probe found it.
    pub array_length: Option<usize>,
}

/// Offsets from a bytecode function object's cell, for compiled calls:
/// its `SharedFunction` pointer, its context value and its realm pointer.
#[derive(Copy, Clone, Debug)]
pub struct FunctionLayout {
    /// The `Gc<SharedFunction>` of `FunctionCode::Bytecode`.
    pub shared: usize,
    /// The context value of `FunctionCode::Bytecode`.
    pub context: usize,
    /// `FunctionData::realm`.
    pub realm: usize,
}

/// [`JsObject`]'s call-kind byte: not a bytecode function.
pub const CALL_KIND_NONE: u8 = 0;
/// A bytecode function that only `new` may enter (a class constructor);
/// its frames are bytecode frames all the same.
pub const CALL_KIND_BYTECODE_CONSTRUCTOR: u8 = 1;
/// A bytecode function a plain call enters by pushing its frame (what the
/// interpreter's `js_callee` accepts).
pub const CALL_KIND_BYTECODE: u8 = 2;

/// An object cell.
///
/// Named-property slots `0..inline_capacity` live in the cell itself,
/// right after this struct (the heap's trailing bytes: one load from the
/// object, no separate allocation); further slots in an out-of-line vector.
/// The capacity is chosen at allocation: from the constructor's observed
/// instance size for `new` (slack tracking, in V8's terms), a default for
/// other objects.
pub struct JsObject {
    shape: Cell<Gc<Shape>>,
    /// Slots in the cell (fixed at allocation).
    inline_capacity: u32,
    /// Slots in use (inline first, then out of line).
    slot_len: Cell<u32>,
    /// Slots `inline_capacity..`.
    slots: UnsafeCell<Vec<Value>>,
    elements: UnsafeCell<Elements>,
    /// The dense element store as compiled code reads it: the address of
    /// element 0 and the length (0 and 0 while the store is sparse, and
    /// always for arguments objects, whose elements may alias variables).
    /// `with_elements` keeps it current.
    dense_ptr: Cell<usize>,
    /// See `dense_ptr`.
    dense_len: Cell<usize>,
    extensible: Cell<bool>,
    /// The [[IsHTMLDDA]] internal slot (Annex B.3.6, test262's
    /// `$262.IsHTMLDDA`): ToBoolean gives false, `typeof` "undefined", and
    /// `==` null and undefined. Set only by the test262 host.
    html_dda: Cell<bool>,
    /// Whether `kind` is an Array (fixed at allocation; compiled code
    /// tests this byte).
    array: bool,
    /// How compiled code may call this object (fixed at allocation; a
    /// `CALL_KIND_*` constant).
    call_kind: u8,
    /// Whether inline caches depend on this object's structure beyond its
    /// own shape: set on prototypes and global objects (see `ic.rs`).
    watched: Cell<bool>,
    /// The first root shape of objects whose prototype is this object
    /// (the others, one per layout, are linked from it), created on first
    /// use (the cache `Object.create(this)` and constructors use).
    child_root_shape: Cell<Option<Gc<Shape>>>,
    /// Kind and internal slots.
    pub kind: ObjectKind,
}
strata_gc::cell_type!(JsObject);

impl Drop for JsObject {
    /// Gives back the external memory the object's vectors counted.
    fn drop(&mut self) {
        let slots = self.slots.get_mut().capacity() * std::mem::size_of::<Value>();
        strata_gc::adjust_external(-((slots + self.elements.get_mut().external_bytes()) as isize));
    }
}

// SAFETY: reports the shape, slots, elements, cached child shape and kind.
unsafe impl Trace for JsObject {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.shape.get().cell());
        let inline = self.slot_len.get().min(self.inline_capacity) as usize;
        for i in 0..inline {
            // SAFETY: slots below the capacity are in the cell's trailing
            // part (see `inline_ptr`), initialized below `slot_len`.
            unsafe { (*self.inline_ptr().add(i)).trace(t) }
        }
        // SAFETY: read-only access while the mutator is stopped.
        unsafe {
            (*self.slots.get()).trace(t);
            (*self.elements.get()).trace(t);
        }
        self.child_root_shape.get().trace(t);
        self.kind.trace(t);
    }
}

/// The call-kind byte of an object of `kind`.
fn call_kind_of(kind: &ObjectKind) -> u8 {
    use crate::function::FunctionCode;
    use strata_bytecode::FunctionKind;
    match kind {
        ObjectKind::Function(d) => match &d.code {
            FunctionCode::Bytecode { shared, .. }
                if matches!(shared.code.kind, FunctionKind::BaseConstructor | FunctionKind::DerivedConstructor) =>
            {
                CALL_KIND_BYTECODE_CONSTRUCTOR
            }
            FunctionCode::Bytecode { .. } => CALL_KIND_BYTECODE,
            FunctionCode::Native { .. } => CALL_KIND_NONE,
        },
        _ => CALL_KIND_NONE,
    }
}

/// Where `ObjectKind::Function(FunctionData { code: FunctionCode::Bytecode
/// { shared, context }, realm, .. })` keeps `shared`, `context` and `realm`,
/// as offsets from the start of the `ObjectKind`. Rust lays enums out as
/// it likes (and `offset_of!` cannot name enum variants yet), so this
/// measures a probe value: the references a `match` gives into it.
fn function_layout() -> Option<FunctionLayout> {
    use crate::function::{FunctionCode, FunctionData, SharedFunction};
    use crate::realm::Realm;
    let dangling = std::ptr::NonNull::<strata_gc::CellHeader>::dangling().as_ptr();
    // SAFETY: the probe's pointers are never dereferenced, traced or
    // dropped with effect (a `Gc` is a plain pointer); the probe only
    // exists to be measured.
    let (shared, realm) = unsafe { (Gc::<SharedFunction>::from_raw(dangling), Gc::<Realm>::from_raw(dangling)) };
    let probe = std::mem::ManuallyDrop::new(ObjectKind::Function(FunctionData {
        code: FunctionCode::Bytecode { shared, context: Value::UNDEFINED },
        realm,
        home_object: Cell::new(Value::UNDEFINED),
        fields: Cell::new(Value::UNDEFINED),
        captures: Cell::new(Value::UNDEFINED),
    }));
    let base = &*probe as *const ObjectKind as usize;
    let ObjectKind::Function(d) = &*probe else { return None };
    let FunctionCode::Bytecode { shared, context } = &d.code else { return None };
    let at = |p: usize| p.checked_sub(base);
    Some(FunctionLayout {
        shared: at(shared as *const Gc<SharedFunction> as usize)?,
        context: at(context as *const Value as usize)?,
        realm: at(&d.realm as *const Gc<Realm> as usize)?,
    })
}

/// Where `ObjectKind::Array { length, .. }` keeps `length`, as an offset
/// from the start of the `ObjectKind` (measured on a probe, as
/// `function_layout` does).
fn array_length_offset() -> Option<usize> {
    let probe = ObjectKind::Array { length: Cell::new(0), length_writable: Cell::new(true) };
    let base = &probe as *const ObjectKind as usize;
    let ObjectKind::Array { length, .. } = &probe else { return None };
    (length as *const Cell<u32> as usize).checked_sub(base)
}

// `JsObject::shape_word` reads the first payload word of any cell.
const _: () = assert!(std::mem::offset_of!(JsObject, shape) == 0, "JsObject's shape must be its first payload word");

impl JsObject {
    /// The first payload word of the cell `cell`: for an object, the
    /// address of its shape; for any other cell a value can name, a word
    /// that no shape's address equals (a string's representation tag, a
    /// symbol's description, a bigint's byte count; see
    /// `vm/tests/jit_layout.rs`). So a match with a cached shape both
    /// type-checks the cell as an object and checks its shape, as the
    /// baseline JIT's inline caches do.
    ///
    /// # Safety
    /// `cell` is a live cell a value names (every such cell has a payload
    /// of at least one word, written at allocation).
    #[inline(always)]
    pub unsafe fn shape_word(cell: strata_gc::CellPtr) -> usize {
        // SAFETY: the caller's promise; the shape is the payload's first
        // word (asserted above).
        unsafe { (cell.as_raw().as_ptr() as *const u8).add(strata_gc::PAYLOAD_OFFSET).cast::<usize>().read() }
    }

    /// A new object payload with `shape` and no properties, for a cell
    /// allocated with the trailing bytes of the shape's inline capacity
    /// (`Vm::alloc_object` does both).
    pub fn new(shape: Gc<Shape>, kind: ObjectKind) -> JsObject {
        let capacity = shape.inline_capacity();
        JsObject {
            shape: Cell::new(shape),
            inline_capacity: capacity,
            slot_len: Cell::new(0),
            slots: UnsafeCell::new(Vec::new()),
            elements: UnsafeCell::new(Elements::Dense(Vec::new())),
            dense_ptr: Cell::new(0),
            dense_len: Cell::new(0),
            extensible: Cell::new(true),
            html_dda: Cell::new(false),
            array: matches!(kind, ObjectKind::Array { .. }),
            call_kind: call_kind_of(&kind),
            watched: Cell::new(false),
            child_root_shape: Cell::new(None),
            kind,
        }
    }

    /// The current shape.
    #[inline]
    pub fn shape(&self) -> Gc<Shape> {
        self.shape.get()
    }
    /// Replaces the shape (after adding a property through a transition,
    /// or going to dictionary mode).
    #[inline]
    pub fn set_shape(&self, shape: Gc<Shape>) {
        self.shape.set(shape)
    }
    /// The prototype.
    #[inline]
    pub fn proto(&self) -> Value {
        self.shape.get().proto()
    }

    /// Where compiled code finds an object's parts, as offsets from the
    /// cell's address.
    pub fn jit_layout() -> ObjectLayout {
        let payload = strata_gc::PAYLOAD_OFFSET;
        // A Vec's field order is not promised: find its pointer and length
        // words on a probe.
        let probe: Vec<Value> = Vec::with_capacity(7);
        let mut probe = std::mem::ManuallyDrop::new(probe);
        probe.push(Value::UNDEFINED);
        probe.push(Value::UNDEFINED);
        // SAFETY: reads the three words of a live Vec as integers.
        let words: [usize; 3] = unsafe { std::mem::transmute_copy(&*probe) };
        let ptr_word = words.iter().position(|&w| w == probe.as_ptr() as usize).unwrap_or(0);
        let len_word = words.iter().position(|&w| w == 2).unwrap_or(2);
        // SAFETY: rebuilds the Vec from its own parts to free it.
        drop(unsafe { Vec::from_raw_parts(probe.as_mut_ptr(), probe.len(), probe.capacity()) });
        let slots = payload + std::mem::offset_of!(JsObject, slots);
        ObjectLayout {
            shape: payload + std::mem::offset_of!(JsObject, shape),
            inline_capacity: payload + std::mem::offset_of!(JsObject, inline_capacity),
            array: payload + std::mem::offset_of!(JsObject, array),
            inline_slots: INLINE_SLOTS_OFFSET,
            out_of_line_ptr: slots + 8 * ptr_word,
            out_of_line_len: slots + 8 * len_word,
            dense_ptr: payload + std::mem::offset_of!(JsObject, dense_ptr),
            dense_len: payload + std::mem::offset_of!(JsObject, dense_len),
            call_kind: payload + std::mem::offset_of!(JsObject, call_kind),
            function: function_layout().map(|f| {
                let kind = payload + std::mem::offset_of!(JsObject, kind);
                FunctionLayout { shared: kind + f.shared, context: kind + f.context, realm: kind + f.realm }
            }),
            array_length: array_length_offset().map(|f| payload + std::mem::offset_of!(JsObject, kind) + f),
        }
    }

    /// Where the inline slots begin: the cell's trailing bytes, just past
    /// this struct (`Gc::trailing_ptr`'s address).
    #[inline(always)]
    fn inline_ptr(&self) -> *mut Value {
        const OFFSET: usize = std::mem::size_of::<JsObject>().next_multiple_of(8);
        (self as *const JsObject as *mut u8).wrapping_add(OFFSET).cast::<Value>()
    }

    /// Named slot `i` (undefined if out of range).
    #[inline(always)]
    pub fn slot(&self, i: u32) -> Value {
        if i >= self.slot_len.get() {
            return Value::UNDEFINED;
        }
        if i < self.inline_capacity {
            // SAFETY: an object with inline capacity was allocated with
            // that many trailing slots (`Vm::alloc_object`), and `i` is
            // below it.
            unsafe { *self.inline_ptr().add(i as usize) }
        } else {
            // SAFETY: no reference into the slot vector outlives this call;
            // `i` is in use, so the index is in the vector.
            unsafe { (&*self.slots.get()).get((i - self.inline_capacity) as usize).copied().unwrap_or(Value::UNDEFINED) }
        }
    }
    /// Writes named slot `i`, which must exist.
    #[inline(always)]
    pub fn set_slot(&self, i: u32, v: Value) {
        if i >= self.slot_len.get() {
            return;
        }
        if i < self.inline_capacity {
            // SAFETY: as in `slot`.
            unsafe { *self.inline_ptr().add(i as usize) = v }
        } else {
            // SAFETY: as in `slot`.
            let slots = unsafe { &mut *self.slots.get() };
            if let Some(s) = slots.get_mut((i - self.inline_capacity) as usize) {
                *s = v;
            }
        }
    }
    /// Appends a slot (the shape just gained a property).
    #[inline]
    pub fn push_slot(&self, v: Value) {
        let n = self.slot_len.get();
        if n < self.inline_capacity {
            // SAFETY: as in `slot`: `n` is below the inline capacity.
            unsafe { *self.inline_ptr().add(n as usize) = v }
        } else {
            // SAFETY: no other reference into the vector is live.
            let slots = unsafe { &mut *self.slots.get() };
            let before = slots.capacity();
            slots.push(v);
            strata_gc::adjust_external(((slots.capacity() - before) * std::mem::size_of::<Value>()) as isize);
        }
        self.slot_len.set(n + 1);
    }
    /// Number of slots.
    #[inline]
    pub fn slot_count(&self) -> usize {
        self.slot_len.get() as usize
    }
    /// Slots held in the cell.
    pub fn inline_capacity(&self) -> u32 {
        self.inline_capacity
    }

    /// Runs `f` on the element store. `f` must not run JavaScript or
    /// allocate (which could re-enter this object).
    #[inline]
    pub fn with_elements<R>(&self, f: impl FnOnce(&mut Elements) -> R) -> R {
        // SAFETY: the closure contract keeps this the only live reference.
        let e = unsafe { &mut *self.elements.get() };
        let before = e.external_bytes();
        let r = f(e);
        strata_gc::adjust_external(e.external_bytes() as isize - before as isize);
        if self.watched.get() && !matches!(e, Elements::Dense(d) if d.is_empty()) {
            PROTOTYPE_ELEMENTS.store(true, Ordering::Relaxed);
        }
        let (ptr, len) = match e {
            Elements::Dense(d) if !matches!(self.kind, ObjectKind::Arguments(_)) => (d.as_ptr() as usize, d.len()),
            _ => (0, 0),
        };
        self.dense_ptr.set(ptr);
        self.dense_len.set(len);
        r
    }

    /// Runs `f` on the element store, read only.
    #[inline]
    pub fn read_elements<R>(&self, f: impl FnOnce(&Elements) -> R) -> R {
        // SAFETY: no mutable reference is live while `f` runs (mutation
        // goes through `with_elements`, which `f` cannot reach here).
        f(unsafe { &*self.elements.get() })
    }

    /// Element `i` with its attributes, if present.
    #[inline]
    pub fn element(&self, i: u32) -> Option<(Value, Attrs)> {
        self.read_elements(|e| match e {
            Elements::Dense(v) => v.get(i as usize).filter(|v| !v.is_hole()).map(|&v| (v, Attrs::DEFAULT)),
            Elements::Sparse(m) => m.get(&i).copied(),
        })
    }

    /// Writes element `i` with default attributes (creating it), keeping
    /// the store dense when the index is close enough.
    pub fn set_element(&self, i: u32, v: Value) {
        self.with_elements(|e| {
            if let Elements::Dense(d) = e {
                let len = d.len() as u32;
                if i < len {
                    d[i as usize] = v;
                    return;
                }
                if i - len <= MAX_DENSE_GAP {
                    d.resize(i as usize, Value::HOLE);
                    d.push(v);
                    return;
                }
                *e = Elements::Sparse(Box::new(to_sparse(d)));
            }
            if let Elements::Sparse(m) = e {
                // An existing element keeps its attributes: only the value
                // changes (a sealed array's elements stay non-configurable).
                m.entry(i).and_modify(|slot| slot.0 = v).or_insert((v, Attrs::DEFAULT));
            }
        })
    }

    /// Whether the object has no indexed properties in its element store.
    #[inline]
    pub fn has_no_elements(&self) -> bool {
        self.read_elements(|e| match e {
            Elements::Dense(d) => d.is_empty(),
            Elements::Sparse(m) => m.is_empty(),
        })
    }

    /// Overwrites element `i` if it is present in a dense store (so it is
    /// a writable data element); false otherwise.
    #[inline]
    pub fn set_dense_in_bounds(&self, i: u32, v: Value) -> bool {
        self.with_elements(|e| match e {
            Elements::Dense(d) => match d.get_mut(i as usize) {
                Some(slot) if !slot.is_hole() => {
                    *slot = v;
                    true
                }
                _ => false,
            },
            Elements::Sparse(_) => false,
        })
    }

    /// Defines element `i` with any attributes (sparse unless default).
    pub fn define_element(&self, i: u32, v: Value, attrs: Attrs) {
        // Default attributes may stay dense; an existing sparse element
        // takes the new attributes (`set_element` would keep its old ones).
        if attrs == Attrs::DEFAULT && self.read_elements(|e| matches!(e, Elements::Dense(_))) {
            return self.set_element(i, v);
        }
        self.with_elements(|e| {
            if let Elements::Dense(d) = e {
                *e = Elements::Sparse(Box::new(to_sparse(d)));
            }
            if let Elements::Sparse(m) = e {
                m.insert(i, (v, attrs));
            }
        })
    }

    /// Removes element `i`.
    pub fn remove_element(&self, i: u32) {
        self.with_elements(|e| match e {
            Elements::Dense(d) => {
                if (i as usize) + 1 == d.len() {
                    d.pop();
                    while d.last().is_some_and(|v| v.is_hole()) {
                        d.pop();
                    }
                } else if let Some(slot) = d.get_mut(i as usize) {
                    *slot = Value::HOLE;
                }
            }
            Elements::Sparse(m) => {
                m.remove(&i);
            }
        })
    }

    /// Present element indices, ascending.
    pub fn element_indices(&self) -> Vec<u32> {
        self.read_elements(|e| match e {
            Elements::Dense(d) => d.iter().enumerate().filter(|(_, v)| !v.is_hole()).map(|(i, _)| i as u32).collect(),
            Elements::Sparse(m) => m.keys().copied().collect(),
        })
    }

    /// Whether [[Extensible]].
    #[inline]
    pub fn is_extensible(&self) -> bool {
        self.extensible.get()
    }
    /// Clears [[Extensible]].
    pub fn prevent_extensions(&self) {
        self.extensible.set(false)
    }

    /// Marks this object as one whose structure inline caches depend on
    /// (a prototype, a global object).
    #[inline]
    pub fn watch(&self) {
        if !self.watched.get()
            && (match &self.kind {
                ObjectKind::Proxy(_)
                | ObjectKind::TypedArray(_)
                | ObjectKind::Arguments(_)
                | ObjectKind::ModuleNamespace(_) => true,
                // %String.prototype% is a String wrapper of "": no indices.
                ObjectKind::String(s) => !s.is_empty(),
                _ => false,
            } || !self.has_no_elements())
        {
            PROTOTYPE_ELEMENTS.store(true, Ordering::Relaxed);
        }
        self.watched.set(true)
    }
    /// Whether [`JsObject::watch`] was called.
    #[inline]
    pub fn is_watched(&self) -> bool {
        self.watched.get()
    }
    /// Called before any structural change (a property added or removed,
    /// attributes or the prototype changed): invalidates the caches that
    /// depend on a watched object.
    #[inline]
    pub fn structure_changing(&self) {
        if self.watched.get() {
            crate::ic::bump_epoch();
        }
    }

    /// The cached root shape for objects with this prototype.
    pub fn child_root_shape(&self) -> Option<Gc<Shape>> {
        self.child_root_shape.get()
    }
    /// Caches the root shape for objects with this prototype.
    pub fn set_child_root_shape(&self, s: Gc<Shape>) {
        self.child_root_shape.set(Some(s))
    }

    /// Whether this object has an [[IsHTMLDDA]] internal slot.
    #[inline]
    pub fn is_html_dda(&self) -> bool {
        self.html_dda.get()
    }

    /// Gives this object an [[IsHTMLDDA]] slot (the test262 host's
    /// `$262.IsHTMLDDA`; see [`JsObject::is_html_dda`]).
    pub fn set_html_dda(&self) {
        self.html_dda.set(true);
    }

    /// Whether this is callable.
    pub fn is_callable(&self) -> bool {
        match &self.kind {
            ObjectKind::Function(_) | ObjectKind::BoundFunction(_) => true,
            ObjectKind::Proxy(p) => p.callable,
            _ => false,
        }
    }
    /// Whether this is a Proxy exotic object (whose internal methods are
    /// traps: no fast path may read its storage).
    #[inline]
    pub fn is_proxy(&self) -> bool {
        matches!(self.kind, ObjectKind::Proxy(_))
    }
    /// Whether this is an Array exotic object.
    pub fn is_array(&self) -> bool {
        self.array
    }
}

fn to_sparse(d: &[Value]) -> BTreeMap<u32, (Value, Attrs)> {
    d.iter().enumerate().filter(|(_, v)| !v.is_hole()).map(|(i, &v)| (i as u32, (v, Attrs::DEFAULT))).collect()
}
