//! The VM (an agent, in spec words): the heap, the register file, atoms,
//! symbols, realms, loaded scripts — and the allocation entry points that
//! hand the collector every root the VM holds.
//!
//! Everything the VM holds that the collector must see lives in
//! [`VmRoots`], a field borrowed disjointly from the heap: `Vm::alloc`
//! passes `roots.trace` into each allocation, so no raw pointer to the VM
//! is ever needed. Rust locals holding values are covered by the
//! conservative stack scan.

use std::collections::HashMap;

use strata_gc::{CellType, Gc, Heap, HeapConfig, Tracer};

use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::realm::{Intrinsic, Realm};
use crate::shape::{MAX_FAST_PROPERTIES, Shape};
use crate::stack::RegisterFile;
use crate::string::{AtomTable, JsString, concat_payload};
use crate::symbol::Symbol;
use crate::value::Value;

/// A thrown JavaScript value travelling up the Rust stack.
#[derive(Copy, Clone, Debug)]
pub struct Exception(pub Value);

/// The result of anything that can throw.
pub type JsResult<T> = Result<T, Exception>;

/// Well-known symbols (shared by all realms of the VM).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(usize)]
#[allow(missing_docs)]
pub enum WellKnown {
    AsyncDispose,
    AsyncIterator,
    Dispose,
    HasInstance,
    IsConcatSpreadable,
    Iterator,
    Match,
    MatchAll,
    Replace,
    Search,
    Species,
    Split,
    ToPrimitive,
    ToStringTag,
    Unscopables,
}

/// Names of the well-known symbols, in `WellKnown` order.
pub const WELL_KNOWN_NAMES: [&str; 15] = [
    "asyncDispose",
    "asyncIterator",
    "dispose",
    "hasInstance",
    "isConcatSpreadable",
    "iterator",
    "match",
    "matchAll",
    "replace",
    "search",
    "species",
    "split",
    "toPrimitive",
    "toStringTag",
    "unscopables",
];

macro_rules! common_names {
    ($($field:ident = $text:literal),* $(,)?) => {
        /// Atoms the engine compares against often, created once.
        pub struct CommonNames { $(#[allow(missing_docs)] pub $field: Gc<JsString>,)* }
        impl CommonNames {
            fn new(vm_atoms: &mut dyn FnMut(&str) -> Gc<JsString>) -> CommonNames {
                CommonNames { $($field: vm_atoms($text),)* }
            }
            fn trace(&self, t: &mut Tracer<'_>) {
                $(t.mark(self.$field.cell());)*
            }
        }
    };
}

common_names! {
    empty = "", length = "length", prototype = "prototype", constructor = "constructor",
    name = "name", message = "message", stack = "stack", value = "value", done = "done",
    next = "next", get = "get", set = "set", writable = "writable", enumerable = "enumerable",
    configurable = "configurable", to_string = "toString", value_of = "valueOf",
    callee = "callee", caller = "caller", arguments = "arguments", return_ = "return",
    throw = "throw", proto = "__proto__", cause = "cause", errors = "errors", default = "default",
    anonymous = "anonymous", undefined = "undefined", then = "then", promise = "promise",
}

/// Everything the VM holds that the collector must trace.
pub struct VmRoots {
    /// Frequently used atoms.
    pub names: CommonNames,
    /// Interned strings.
    pub atoms: AtomTable,
    /// The register file (frames of the interpreter and baseline code).
    pub stack: RegisterFile,
    /// The realm of the running code.
    pub realm: Option<Gc<Realm>>,
    /// Every realm created.
    pub realms: Vec<Gc<Realm>>,
    /// Well-known symbols.
    pub well_known: Vec<Gc<Symbol>>,
    /// `Symbol.for` registry.
    pub symbol_registry: HashMap<Box<[u16]>, Gc<Symbol>>,
    /// Root shape of objects with a null prototype.
    pub null_root_shape: Option<Gc<Shape>>,
    /// Values pinned for the VM's lifetime (the shell's own objects).
    pub pinned: Vec<Value>,
    /// The megamorphic property cache.
    pub stub_cache: crate::ic::StubCache,
    /// One-character Latin-1 strings, created on first use.
    pub single_chars: Box<[Option<Gc<JsString>>; 256]>,
    /// Every linked function, kept only under `--print-feedback`.
    pub linked_functions: Vec<Gc<crate::function::SharedFunction>>,
    /// The microtask queue.
    pub jobs: crate::jobs::JobQueue,
    /// The native function running now (its captures are readable).
    pub native_callee: Option<Gc<JsObject>>,
    /// Promises rejected while they had no handler, for the host to report
    /// (see `builtins/promise.rs`).
    pub unhandled_rejections: Vec<Gc<JsObject>>,
    /// The module map (see `module/`).
    pub modules: crate::module::ModuleMap,
    /// [[KeptAlive]] and registries due for cleanup (see `builtins/weak.rs`).
    pub weak: crate::builtins::weak::WeakRoots,
}

impl VmRoots {
    fn trace(&self, t: &mut Tracer<'_>) {
        self.names.trace(t);
        self.atoms.trace(t);
        self.stack.trace(t);
        for r in &self.realms {
            t.mark(r.cell());
        }
        for s in &self.well_known {
            t.mark(s.cell());
        }
        for s in self.symbol_registry.values() {
            t.mark(s.cell());
        }
        if let Some(s) = self.null_root_shape {
            t.mark(s.cell());
        }
        for v in &self.pinned {
            if let Some(c) = v.as_cell() {
                t.mark(c);
            }
        }
        self.stub_cache.trace(t);
        for s in self.single_chars.iter().flatten() {
            t.mark(s.cell());
        }
        for f in &self.linked_functions {
            t.mark(f.cell());
        }
        self.jobs.trace(t);
        if let Some(f) = self.native_callee {
            t.mark(f.cell());
        }
        for p in &self.unhandled_rejections {
            t.mark(p.cell());
        }
        self.modules.trace(t);
        self.weak.trace(t);
    }
}

/// Engine settings.
#[derive(Clone, Debug)]
pub struct VmOptions {
    /// Heap settings.
    pub heap: HeapConfig,
    /// Register-file capacity in slots (JavaScript stack depth bound).
    pub stack_slots: usize,
    /// Native (Rust) stack bytes JavaScript may use before a RangeError.
    pub native_stack_budget: usize,
    /// `--trace-ic`: print every inline-cache state change to stderr.
    pub trace_ic: bool,
    /// `--print-feedback`: keep every linked function so its feedback
    /// vector can be printed at exit.
    pub keep_functions: bool,
}

impl Default for VmOptions {
    fn default() -> Self {
        VmOptions {
            heap: HeapConfig::default(),
            stack_slots: 1 << 20,
            native_stack_budget: 6 << 20,
            trace_ic: false,
            keep_functions: false,
        }
    }
}

/// A loaded script's text and name, for positions in messages and stacks.
pub struct Script {
    /// File name (or `<eval>`, `<command line>`).
    pub path: String,
    /// Source text.
    pub source: String,
    line_starts: Vec<u32>,
}

impl Script {
    /// Records a script.
    pub fn new(path: String, source: String) -> Script {
        let mut line_starts = vec![0u32];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i as u32 + 1),
                0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => {
                    line_starts.push(i as u32 + 3);
                    i += 2;
                }
                _ => {}
            }
            i += 1;
        }
        Script { path, source, line_starts }
    }

    /// 1-based line and column (in UTF-16 units) of a byte offset.
    pub fn line_column(&self, offset: u32) -> (u32, u32) {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1] as usize;
        let end = (offset as usize).min(self.source.len());
        let col = self.source.get(start..end).map_or(end - start, |s| s.encode_utf16().count());
        (line as u32, col as u32 + 1)
    }
}

/// The VM.
pub struct Vm {
    /// The heap.
    pub heap: Heap,
    /// Traced state.
    pub roots: VmRoots,
    /// Loaded scripts, indexed by `BytecodeFunction::script`.
    pub scripts: Vec<Script>,
    /// Settings.
    pub options: VmOptions,
    /// Lowest native stack address JavaScript may reach.
    pub native_stack_limit: usize,
    /// Arrays being joined (Array.prototype.join's cycle detection). The
    /// arrays are also on the native stack of their join calls.
    pub join_stack: Vec<Gc<JsObject>>,
    /// Set from any thread to stop the running script (a watchdog's
    /// timeout, Ctrl-C): checked at loop back edges and function entry,
    /// it raises a termination no JavaScript handler can catch.
    pub interrupt: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// The module loader (`None`: [`crate::module::FileModuleHost`]).
    pub module_host: Option<std::rc::Rc<dyn crate::module::ModuleHost>>,
    /// `--print-bytecode` for modules the loader compiles.
    pub print_module_bytecode: bool,
    /// When functions are compiled by `tier`.
    pub jit_policy: crate::jit::JitPolicy,
    /// Why `tier` is compiling (set before each compile).
    pub tier_trigger: crate::jit::TierTrigger,
    /// The JIT tier (registered by the embedder; the vm has no machine code).
    pub tier: Option<Box<dyn crate::tier::Tier>>,
}

impl Exception {
    /// The termination raised by [`Vm::interrupt`]: unwinds every frame,
    /// skipping handlers, up to the embedder.
    pub const TERMINATION: Exception = Exception(Value::HOLE);

    /// Whether this is a termination rather than a thrown value.
    pub fn is_termination(&self) -> bool {
        self.0.is_hole()
    }
}

impl Vm {
    /// A VM with one realm, its intrinsics and global object set up.
    pub fn new(options: VmOptions) -> Box<Vm> {
        let marker = 0u8;
        let here = &marker as *const u8 as usize;
        let mut heap = Heap::new(options.heap.clone());
        let mut atoms = AtomTable::default();
        let names = CommonNames::new(&mut |text| {
            let units: Vec<u16> = text.encode_utf16().collect();
            if let Some(a) = atoms.get(&units) {
                return a;
            }
            // Setup allocations: nothing else is live yet, so no roots.
            let a = heap.alloc(JsString::from_units(&units)).expect("the heap holds the common names");
            atoms.insert(units.into(), a);
            a
        });
        let mut vm = Box::new(Vm {
            heap,
            roots: VmRoots {
                names,
                atoms,
                stack: RegisterFile::new(options.stack_slots),
                realm: None,
                realms: Vec::new(),
                well_known: Vec::new(),
                symbol_registry: HashMap::new(),
                null_root_shape: None,
                pinned: Vec::new(),
                stub_cache: Default::default(),
                single_chars: Box::new([None; 256]),
                linked_functions: Vec::new(),
                jobs: Default::default(),
                native_callee: None,
                unhandled_rejections: Vec::new(),
                modules: crate::module::ModuleMap::default(),
                weak: Default::default(),
            },
            scripts: Vec::new(),
            native_stack_limit: here.saturating_sub(options.native_stack_budget),
            join_stack: Vec::new(),
            interrupt: std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
            module_host: None,
            print_module_bytecode: false,
            jit_policy: crate::jit::JitPolicy::Off,
            tier_trigger: crate::jit::TierTrigger::Call,
            tier: None,
            options,
        });
        vm.init_well_known_symbols();
        let realm = crate::builtins::create_realm(&mut vm);
        vm.roots.realm = Some(realm);
        vm
    }

    fn init_well_known_symbols(&mut self) {
        for name in WELL_KNOWN_NAMES {
            let desc = self.intern(&format!("Symbol.{name}"));
            let sym = self.alloc_or_abort(Symbol { description: Value::from_gc(desc), registered: false, private: false });
            self.roots.well_known.push(sym);
        }
    }

    /// A well-known symbol.
    pub fn well_known(&self, which: WellKnown) -> Gc<Symbol> {
        self.roots.well_known[which as usize]
    }

    /// The running realm.
    #[inline]
    pub fn realm(&self) -> Gc<Realm> {
        self.roots.realm.expect("a realm exists once the VM is built")
    }

    /// An intrinsic of the running realm.
    #[inline]
    pub fn intrinsic(&self, which: Intrinsic) -> Gc<JsObject> {
        self.realm().intrinsic(which)
    }

    // ---- allocation ------------------------------------------------------

    /// Allocates a cell; a full heap throws the realm's out-of-memory
    /// RangeError.
    #[inline]
    pub fn alloc<T: CellType>(&mut self, value: T) -> JsResult<Gc<T>> {
        let roots = &self.roots;
        match self.heap.alloc_rooted(value, 0, &mut |t| roots.trace(t)) {
            Ok(g) => Ok(g),
            Err(_) => Err(self.out_of_memory()),
        }
    }

    /// A context of `len` slots, all the hole, under `parent`.
    pub fn new_context(
        &mut self,
        parent: Value,
        scope: Option<std::sync::Arc<strata_bytecode::ScopeInfo>>,
        len: usize,
    ) -> JsResult<Gc<crate::context::Context>> {
        let roots = &self.roots;
        let header = crate::context::Context::header(parent, scope, len);
        let bytes = crate::context::Context::trailing_bytes(len);
        match self.heap.alloc_rooted(header, bytes, &mut |t| roots.trace(t)) {
            Ok(g) => Ok(g),
            Err(_) => Err(self.out_of_memory()),
        }
    }

    /// Allocation during VM setup, where running out of memory is fatal
    /// to creating the VM (the heap limit is far above setup's needs).
    pub(crate) fn alloc_or_abort<T: CellType>(&mut self, value: T) -> Gc<T> {
        match self.alloc(value) {
            Ok(g) => g,
            Err(_) => panic!("the heap limit is too small to create a realm"),
        }
    }

    fn out_of_memory(&mut self) -> Exception {
        let err = self.roots.realm.map(|r| r.intrinsic_value(Intrinsic::OutOfMemoryError));
        Exception(err.unwrap_or(Value::UNDEFINED))
    }

    /// Runs a full collection (the shell's `gc()`).
    pub fn collect_garbage(&mut self) {
        let roots = &self.roots;
        self.heap.collect_rooted(strata_gc::GcReason::Requested, &mut |t| roots.trace(t));
    }

    // ---- strings and atoms -------------------------------------------------

    /// A new string from Rust text.
    pub fn new_string(&mut self, s: &str) -> JsResult<Gc<JsString>> {
        self.alloc(JsString::from_str(s))
    }

    /// A new string from UTF-16 code units.
    pub fn new_string_units(&mut self, units: &[u16]) -> JsResult<Gc<JsString>> {
        // One-character Latin-1 strings (charAt, indexing, split('')) come
        // from a table of atoms, as in V8's single-character string cache:
        // no allocation, and `===` on them is a pointer compare.
        if let [u] = units
            && *u < 256
        {
            if let Some(s) = self.roots.single_chars[*u as usize] {
                return Ok(s);
            }
            let s = self.intern_units(units)?;
            self.roots.single_chars[*u as usize] = Some(s);
            return Ok(s);
        }
        self.alloc(JsString::from_units(units))
    }

    /// A string value from Rust text.
    pub fn string_value(&mut self, s: &str) -> JsResult<Value> {
        Ok(Value::from_gc(self.new_string(s)?))
    }

    /// `a + b` for strings; RangeError past the maximum length.
    pub fn concat(&mut self, a: Gc<JsString>, b: Gc<JsString>) -> JsResult<Gc<JsString>> {
        if a.is_empty() {
            return Ok(b);
        }
        if b.is_empty() {
            return Ok(a);
        }
        match concat_payload(a, b) {
            Ok(payload) => self.alloc(payload),
            Err(()) => Err(self.range_error("Invalid string length")),
        }
    }

    /// The atom for some UTF-16 contents.
    pub fn intern_units(&mut self, units: &[u16]) -> JsResult<Gc<JsString>> {
        if let Some(a) = self.roots.atoms.get(units) {
            return Ok(a);
        }
        let s = self.alloc(JsString::from_units(units))?;
        self.roots.atoms.insert(units.into(), s);
        Ok(s)
    }

    /// The atom for Rust text (setup and builtins' names: cannot fail in
    /// practice; the heap limit is far above it).
    pub fn intern(&mut self, s: &str) -> Gc<JsString> {
        let units: Vec<u16> = s.encode_utf16().collect();
        if let Some(a) = self.roots.atoms.get(&units) {
            return a;
        }
        let a = self.alloc_or_abort(JsString::from_units(&units));
        self.roots.atoms.insert(units.into(), a);
        a
    }

    /// The atom with the same contents as `s`.
    pub fn atomize(&mut self, s: Gc<JsString>) -> JsResult<Gc<JsString>> {
        if s.is_atom() {
            return Ok(s);
        }
        let units = s.to_units();
        self.intern_units(&units)
    }

    /// The property key for a string: an index if canonical, else an atom.
    #[inline]
    pub fn key_from_string(&mut self, s: Gc<JsString>) -> JsResult<PropertyKey> {
        // Canonical indices start with a digit; most names do not.
        if s.is_atom() && (s.is_empty() || !(b'0' as u16..=b'9' as u16).contains(&s.at(0))) {
            return Ok(PropertyKey::String(s));
        }
        let flat = s.flat();
        if !flat.is_empty() && flat.len() <= 10 {
            let units = flat.to_vec();
            if let Some(i) = crate::number_conv::canonical_numeric_index(&units) {
                return Ok(PropertyKey::Index(i));
            }
        }
        Ok(PropertyKey::String(self.atomize(s)?))
    }

    /// The property key for Rust text.
    pub fn key(&mut self, s: &str) -> PropertyKey {
        let units: Vec<u16> = s.encode_utf16().collect();
        if let Some(i) = crate::number_conv::canonical_numeric_index(&units) {
            return PropertyKey::Index(i);
        }
        PropertyKey::String(self.intern(s))
    }

    /// The string value of a key (indices become decimal strings).
    pub fn key_to_value(&mut self, key: PropertyKey) -> JsResult<Value> {
        match key {
            PropertyKey::String(s) => Ok(Value::from_gc(s)),
            PropertyKey::Symbol(s) => Ok(Value::from_gc(s)),
            PropertyKey::Index(i) => self.string_value(&i.to_string()),
        }
    }

    // ---- objects -----------------------------------------------------------

    /// The root shape for objects with prototype `proto` (null or an
    /// object), `inline` slots in the cell (at most `MAX_INLINE_SLOTS`),
    /// Arrays or not.
    pub fn root_shape(&mut self, proto: Value, inline: u32, array: bool) -> JsResult<Gc<Shape>> {
        let inline = inline.min(crate::object::MAX_INLINE_SLOTS);
        let p = proto.as_gc::<JsObject>();
        let first = match p {
            Some(p) => p.child_root_shape(),
            None => self.roots.null_root_shape,
        };
        if let Some(s) = Shape::find_root(first, inline, array) {
            return Ok(s);
        }
        let proto = if p.is_some() { proto } else { Value::NULL };
        let s = self.alloc(Shape::root(proto, inline, array, first))?;
        match p {
            Some(p) => {
                p.watch();
                p.set_child_root_shape(s);
            }
            None => self.roots.null_root_shape = Some(s),
        }
        Ok(s)
    }

    /// A new object of `kind` with prototype `proto`.
    pub fn new_object_with(&mut self, proto: Value, kind: ObjectKind) -> JsResult<Gc<JsObject>> {
        let inline = match kind {
            ObjectKind::Array { .. } => 0,
            _ => crate::object::DEFAULT_INLINE_SLOTS,
        };
        self.new_object_inline(proto, kind, inline)
    }

    /// A new object with room for `inline` named properties in the cell.
    pub fn new_object_inline(&mut self, proto: Value, kind: ObjectKind, inline: u32) -> JsResult<Gc<JsObject>> {
        let shape = self.root_shape(proto, inline, matches!(kind, ObjectKind::Array { .. }))?;
        self.alloc_object(shape, kind)
    }

    /// Allocates an object cell of `shape`, with the slots in its trailing
    /// part the shape says.
    pub fn alloc_object(&mut self, shape: Gc<Shape>, kind: ObjectKind) -> JsResult<Gc<JsObject>> {
        let inline = shape.inline_capacity();
        debug_assert_eq!(shape.is_array(), matches!(kind, ObjectKind::Array { .. }));
        let roots = &self.roots;
        let payload = JsObject::new(shape, kind);
        match self.heap.alloc_rooted(payload, inline as usize * 8, &mut |t| roots.trace(t)) {
            Ok(g) => Ok(g),
            Err(_) => Err(self.out_of_memory()),
        }
    }

    /// `{}` in the running realm.
    pub fn new_object(&mut self) -> JsResult<Gc<JsObject>> {
        let proto = Value::from_gc(self.intrinsic(Intrinsic::ObjectPrototype));
        self.new_object_with(proto, ObjectKind::Ordinary)
    }

    /// A new array with these elements.
    pub fn new_array(&mut self, elements: &[Value]) -> JsResult<Gc<JsObject>> {
        let proto = Value::from_gc(self.intrinsic(Intrinsic::ArrayPrototype));
        let a = self.new_object_with(
            proto,
            ObjectKind::Array {
                length: std::cell::Cell::new(elements.len() as u32),
                length_writable: std::cell::Cell::new(true),
            },
        )?;
        a.with_elements(|e| *e = crate::object::Elements::Dense(elements.to_vec()));
        Ok(a)
    }

    /// Adds a named property that the object does not have yet, moving it
    /// along (or creating) a shape transition, or into dictionary mode.
    pub fn add_named_property(&mut self, obj: Gc<JsObject>, key: PropertyKey, value: Value, attrs: Attrs) -> JsResult<()> {
        debug_assert!(!matches!(key, PropertyKey::Index(_)));
        obj.structure_changing();
        let shape = obj.shape();
        if shape.is_dictionary() {
            shape.dict_add(key, attrs);
            obj.push_slot(value);
            return Ok(());
        }
        if let Some(next) = shape.transition(key, attrs) {
            obj.set_shape(next);
            obj.push_slot(value);
            return Ok(());
        }
        if shape.table().len() >= MAX_FAST_PROPERTIES {
            self.to_dictionary(obj)?;
            obj.shape().dict_add(key, attrs);
            obj.push_slot(value);
            return Ok(());
        }
        let next = self.alloc(Shape::child_payload(shape, key, attrs))?;
        shape.add_transition(key, attrs, next);
        obj.set_shape(next);
        obj.push_slot(value);
        Ok(())
    }

    /// Moves an object to an unshared dictionary shape (before deleting a
    /// property, changing attributes or the prototype).
    pub fn to_dictionary(&mut self, obj: Gc<JsObject>) -> JsResult<Gc<Shape>> {
        let shape = obj.shape();
        if shape.is_dictionary() {
            return Ok(shape);
        }
        let dict = self.alloc(Shape::dictionary_from(&shape, shape.proto()))?;
        obj.structure_changing();
        obj.set_shape(dict);
        Ok(dict)
    }

    /// Defines a builtin data property (setup and builtins; the object is
    /// known not to have it, or it is replaced).
    pub fn define_value(&mut self, obj: Gc<JsObject>, name: &str, value: Value, attrs: Attrs) -> JsResult<()> {
        let key = self.key(name);
        self.define_own_simple(obj, key, value, attrs)
    }

    /// Pins a value for the VM's lifetime.
    pub fn pin(&mut self, v: Value) {
        self.roots.pinned.push(v);
    }

    /// Whether an interrupt was requested (then the caller returns
    /// [`Exception::TERMINATION`]).
    #[inline]
    pub fn interrupted(&self) -> bool {
        self.interrupt.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Whether the native stack has room for another level of JavaScript
    /// re-entry.
    #[inline]
    pub fn native_stack_ok(&self) -> bool {
        let marker = 0u8;
        (&marker as *const u8 as usize) > self.native_stack_limit
    }
}
