//! Linking bytecode into the heap, creating closures and `arguments`,
//! global variable access (GlobalDeclarationInstantiation, the global
//! object and the script-lexical table), template objects and object
//! spread.

use std::sync::Arc;

use strata_bytecode::{BytecodeFunction, Constant, FunctionKind, GlobalDeclarations};
use strata_gc::Gc;

use crate::frame;
use crate::function::{FunctionCode, FunctionData, SharedFunction};
use crate::feedback::FeedbackVector;
use crate::object::{JsObject, ObjectKind};
use crate::object_ops::get_own;
use crate::property::{Attrs, PropertyDescriptor, PropertyKey};
use crate::realm::{Intrinsic, ScriptLexical};
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

impl Vm {
    /// Links compiled code into the heap: strings become atoms, numbers
    /// values, nested functions `SharedFunction`s (recursively).
    pub fn link_function(&mut self, code: Arc<BytecodeFunction>) -> JsResult<Gc<SharedFunction>> {
        // The interpreter reads operands and registers unchecked: only
        // verified code may run.
        if let Err(e) = strata_bytecode::verify(&code) {
            let name = String::from_utf16_lossy(&code.name);
            return Err(self.type_error(&format!("internal error: bytecode of '{name}' failed verification: {e}")));
        }
        let mut constants = Vec::with_capacity(code.constants.len());
        for c in &code.constants {
            constants.push(match c {
                Constant::Number(n) => Value::number(*n),
                Constant::String(s) => Value::from_gc(self.intern_units(s)?),
                Constant::Function(f) => Value::from_gc(self.link_function(f.clone())?),
                Constant::Class(c) => Value::from_gc(self.link_function(c.constructor.clone())?),
                Constant::BigInt(digits) => match crate::bigint::BigInt::parse_bytes(digits.as_bytes(), 10) {
                    Some(n) => self.new_bigint(n)?,
                    None => return Err(self.syntax_error(&format!("Invalid BigInt literal {digits}n"))),
                },
                _ => Value::HOLE,
            });
            // Keep what is linked so far reachable while linking allocates.
            if let Some(last) = constants.last() {
                self.roots.pinned.push(*last);
            }
        }
        let pinned = constants.len();
        let mut keys = Vec::with_capacity(constants.len());
        for c in &constants {
            keys.push(match c.as_gc::<crate::string::JsString>() {
                Some(s) => Some(self.key_from_string(s)?),
                None => None,
            });
        }
        let name = Value::from_gc(self.intern_units(&code.name)?);
        let feedback = FeedbackVector::new(&code.feedback);
        let frame = crate::function::FrameInfo::new(&code, &feedback);
        let named_stores = named_store_count(&code.code);
        let shared = self.alloc(SharedFunction {
            code,
            constants: constants.into_boxed_slice(),
            keys: keys.into_boxed_slice(),
            name,
            feedback,
            invocations: std::cell::Cell::new(0),
            jit: std::cell::Cell::new(std::ptr::null()),
            jit_declined: std::cell::Cell::new(false),
            instance_slots: std::cell::Cell::new(crate::object::DEFAULT_INLINE_SLOTS),
            instance_estimated: std::cell::Cell::new(false),
            named_stores,
            closure_shape: std::cell::Cell::new(None),
            frame,
        });
        let len = self.roots.pinned.len();
        self.roots.pinned.truncate(len - pinned);
        if self.options.keep_functions
            && let Ok(f) = shared
        {
            self.roots.linked_functions.push(f);
        }
        shared
    }

    /// A new closure of `shared` over `context`.
    pub fn new_closure(&mut self, shared: Gc<SharedFunction>, context: Value) -> JsResult<Gc<JsObject>> {
        let resumable = super::generators::closure_setup(shared.code.kind);
        let proto_intrinsic = resumable.map_or(Intrinsic::FunctionPrototype, |(i, _)| i);
        let proto = Value::from_gc(self.intrinsic(proto_intrinsic));
        let realm = self.realm();
        let kind = ObjectKind::Function(FunctionData {
            code: FunctionCode::Bytecode { shared, context },
            realm,
            home_object: std::cell::Cell::new(Value::UNDEFINED),
            fields: std::cell::Cell::new(Value::UNDEFINED),
            captures: std::cell::Cell::new(Value::UNDEFINED),
        });
        let code = &shared.code;
        let length = Value::int(code.length as i32);
        // Sloppy functions carry own `arguments` and `caller`, as V8's and
        // JSC's do, shadowing %Function.prototype%'s restricted accessors
        // (strict functions must not have them). Their value is undefined:
        // the legacy caller/arguments extension itself is not implemented,
        // which test262 accepts as "not supported".
        let legacy = code.kind == FunctionKind::Normal && !code.strict;
        let f = match shared.closure_shape.get() {
            // The cached shape holds exactly these properties in this order
            // (shared shapes never change); only the realm may differ.
            Some(shape) if shape.proto() == proto => {
                let f = self.alloc_object(shape, kind)?;
                f.push_slot(length);
                f.push_slot(shared.name);
                if legacy {
                    f.push_slot(Value::UNDEFINED);
                    f.push_slot(Value::UNDEFINED);
                }
                f
            }
            _ => {
                let f = self.new_object_with(proto, kind)?;
                let len_key = PropertyKey::String(self.roots.names.length);
                self.add_named_property(f, len_key, length, Attrs::CONFIGURABLE_ONLY)?;
                let name_key = PropertyKey::String(self.roots.names.name);
                self.add_named_property(f, name_key, shared.name, Attrs::CONFIGURABLE_ONLY)?;
                if legacy {
                    for name in [self.roots.names.arguments, self.roots.names.caller] {
                        self.add_named_property(f, PropertyKey::String(name), Value::UNDEFINED, Attrs::NONE)?;
                    }
                }
                let shape = f.shape();
                if !shape.is_dictionary() {
                    shared.closure_shape.set(Some(shape));
                }
                f
            }
        };
        if let Some((_, Some(instances))) = resumable {
            // A generator function's `prototype`: the prototype of its
            // generator objects, inheriting %GeneratorPrototype% (or
            // %AsyncGeneratorPrototype%).
            let gen_proto = Value::from_gc(self.intrinsic(instances));
            let proto_obj = self.new_object_with(gen_proto, ObjectKind::Ordinary)?;
            let key = PropertyKey::String(self.roots.names.prototype);
            self.add_named_property(f, key, Value::from_gc(proto_obj), Attrs(Attrs::WRITABLE))?;
        }
        if code.kind == FunctionKind::Normal {
            let proto_obj = self.new_object()?;
            let ctor_key = PropertyKey::String(self.roots.names.constructor);
            self.add_named_property(proto_obj, ctor_key, Value::from_gc(f), Attrs::HIDDEN)?;
            let key = PropertyKey::String(self.roots.names.prototype);
            self.add_named_property(f, key, Value::from_gc(proto_obj), Attrs(Attrs::WRITABLE))?;
        }
        Ok(f)
    }

    /// A native function object.
    pub fn new_native_function(
        &mut self,
        name: &str,
        length: u32,
        f: crate::function::NativeFn,
        constructor: bool,
    ) -> JsResult<Gc<JsObject>> {
        let proto = Value::from_gc(self.intrinsic(Intrinsic::FunctionPrototype));
        let realm = self.realm();
        let func = self.new_object_with(
            proto,
            ObjectKind::Function(FunctionData {
                code: FunctionCode::Native { f, constructor },
                realm,
                home_object: std::cell::Cell::new(Value::UNDEFINED),
                fields: std::cell::Cell::new(Value::UNDEFINED),
                captures: std::cell::Cell::new(Value::UNDEFINED),
            }),
        )?;
        let len_key = PropertyKey::String(self.roots.names.length);
        self.add_named_property(func, len_key, Value::int(length as i32), Attrs::CONFIGURABLE_ONLY)?;
        let n = self.string_value(name)?;
        let name_key = PropertyKey::String(self.roots.names.name);
        self.add_named_property(func, name_key, n, Attrs::CONFIGURABLE_ONLY)?;
        Ok(func)
    }

    /// Reads a global binding: script lexicals first, then the global
    /// object. ReferenceError when missing, unless for `typeof`.
    pub fn load_global(&mut self, key: PropertyKey, for_typeof: bool) -> JsResult<Value> {
        let realm = self.realm();
        if let PropertyKey::String(name) = key
            && let Some(b) = realm.lexicals.borrow().get(&name).map(|b| b.value.get())
        {
            if b.is_hole() {
                let n = name.to_rust_string();
                return Err(self.reference_error(&format!("Cannot access '{n}' before initialization")));
            }
            return Ok(b);
        }
        let global = realm.global_object();
        if let Some((v, a)) = get_own(self, global, key)
            && !a.is_accessor()
        {
            return Ok(v);
        }
        if self.has_property(global, key)? {
            return self.get(global, key, Value::from_gc(global));
        }
        if for_typeof {
            return Ok(Value::UNDEFINED);
        }
        let n = self.describe_key(key);
        Err(self.reference_error(&format!("{n} is not defined")))
    }

    /// Assigns a global binding.
    pub(crate) fn store_global(&mut self, key: PropertyKey, v: Value, strict: bool) -> JsResult<()> {
        let realm = self.realm();
        if let PropertyKey::String(name) = key {
            let found = realm.lexicals.borrow().get(&name).map(|b| (b.value.get(), b.mutable));
            if let Some((cur, mutable)) = found {
                let n = name.to_rust_string();
                if cur.is_hole() {
                    return Err(self.reference_error(&format!("Cannot access '{n}' before initialization")));
                }
                if !mutable {
                    return Err(self.type_error(&format!("Assignment to constant variable '{n}'.")));
                }
                if let Some(b) = realm.lexicals.borrow().get(&name) {
                    b.value.set(v);
                }
                return Ok(());
            }
        }
        let global = realm.global_object();
        if let Some((_, a)) = get_own(self, global, key)
            && !a.is_accessor()
            && a.writable()
        {
            return self.set_value(Value::from_gc(global), key, v, strict);
        }
        if strict && !self.has_property(global, key)? {
            let n = self.describe_key(key);
            return Err(self.reference_error(&format!("{n} is not defined")));
        }
        self.set_value(Value::from_gc(global), key, v, strict)
    }

    /// Initializes a script-level lexical binding.
    pub(crate) fn init_script_lexical(&mut self, key: PropertyKey, v: Value) -> JsResult<()> {
        if let PropertyKey::String(name) = key
            && let Some(b) = self.realm().lexicals.borrow().get(&name)
        {
            b.value.set(v);
        }
        Ok(())
    }

    /// GlobalDeclarationInstantiation (§16.1.7): every check before any
    /// binding is created.
    pub(crate) fn declare_globals(&mut self, decls: &GlobalDeclarations) -> JsResult<()> {
        let realm = self.realm();
        let global = realm.global_object();
        let mut lexicals = Vec::new();
        for (name, immutable) in &decls.lexicals {
            let atom = self.intern_units(name)?;
            let n = atom.to_rust_string();
            if realm.lexicals.borrow().contains_key(&atom) || realm.var_names.borrow().contains(&atom) {
                return Err(self.syntax_error(&format!("Identifier '{n}' has already been declared")));
            }
            if get_own(self, global, PropertyKey::String(atom)).is_some_and(|(_, a)| !a.configurable()) {
                return Err(self.syntax_error(&format!("Identifier '{n}' has already been declared")));
            }
            lexicals.push((atom, *immutable));
        }
        let mut functions = Vec::new();
        for name in &decls.functions {
            let atom = self.intern_units(name)?;
            if realm.lexicals.borrow().contains_key(&atom) {
                let n = atom.to_rust_string();
                return Err(self.syntax_error(&format!("Identifier '{n}' has already been declared")));
            }
            let key = PropertyKey::String(atom);
            let ok = match get_own(self, global, key) {
                None => global.is_extensible(),
                Some((_, a)) => a.configurable() || (!a.is_accessor() && a.writable() && a.enumerable()),
            };
            if !ok {
                let n = atom.to_rust_string();
                return Err(self.type_error(&format!("Cannot redefine global function '{n}'")));
            }
            functions.push(atom);
        }
        let mut vars = Vec::new();
        for name in &decls.vars {
            let atom = self.intern_units(name)?;
            if realm.lexicals.borrow().contains_key(&atom) {
                let n = atom.to_rust_string();
                return Err(self.syntax_error(&format!("Identifier '{n}' has already been declared")));
            }
            if get_own(self, global, PropertyKey::String(atom)).is_none() && !global.is_extensible() {
                let n = atom.to_rust_string();
                return Err(self.type_error(&format!("Cannot define global variable '{n}'")));
            }
            vars.push(atom);
        }
        if !lexicals.is_empty() {
            // A new lexical binding may shadow a global property that a
            // global IC cached.
            crate::ic::bump_epoch();
        }
        for (atom, immutable) in lexicals {
            realm
                .lexicals
                .borrow_mut()
                .insert(atom, Box::new(ScriptLexical { value: std::cell::Cell::new(Value::HOLE), mutable: !immutable }));
        }
        let binding = Attrs(Attrs::WRITABLE | Attrs::ENUMERABLE);
        for atom in functions {
            let key = PropertyKey::String(atom);
            let existing = get_own(self, global, key);
            if existing.is_none_or(|(_, a)| a.configurable()) {
                let desc = PropertyDescriptor::data(Value::UNDEFINED, binding);
                self.define_own_property(global, key, desc)?;
            }
            realm.var_names.borrow_mut().insert(atom);
        }
        for atom in vars {
            let key = PropertyKey::String(atom);
            if get_own(self, global, key).is_none() {
                self.define_own_property(global, key, PropertyDescriptor::data(Value::UNDEFINED, binding))?;
            }
            realm.var_names.borrow_mut().insert(atom);
        }
        Ok(())
    }

    /// GetTemplateObject: the frozen strings array of a template site,
    /// created once per site and realm.
    pub(crate) fn template_object(&mut self, shared: Gc<SharedFunction>, idx: u32) -> JsResult<Value> {
        let cache_key = (shared.as_ptr() as usize, idx);
        if let Some(v) = self.realm().templates.borrow().get(&cache_key) {
            return Ok(*v);
        }
        let Some(Constant::Template(info)) = shared.constant(idx as usize).cloned() else {
            return Err(self.type_error("internal error: bad template constant"));
        };
        // The strings live only here until the arrays hold them: rooted.
        let mut cooked = self.heap.rooted_vec::<Value>();
        for c in &info.cooked {
            let v = match c {
                Some(units) => Value::from_gc(self.new_string_units(units)?),
                None => Value::UNDEFINED,
            };
            cooked.push(v);
        }
        let mut raw = self.heap.rooted_vec::<Value>();
        for r in &info.raw {
            let v = Value::from_gc(self.new_string_units(r)?);
            raw.push(v);
        }
        let raw_arr = self.new_array(raw.as_slice())?;
        let arr = self.new_array(cooked.as_slice())?;
        let raw_key = self.key("raw");
        self.define_own_simple(arr, raw_key, Value::from_gc(raw_arr), Attrs::NONE)?;
        self.freeze(raw_arr)?;
        self.freeze(arr)?;
        let v = Value::from_gc(arr);
        self.realm().templates.borrow_mut().insert(cache_key, v);
        Ok(v)
    }

    /// SetIntegrityLevel(obj, frozen).
    pub fn freeze(&mut self, obj: Gc<JsObject>) -> JsResult<bool> {
        obj.prevent_extensions();
        for key in self.own_property_keys(obj)? {
            let Some(d) = crate::object_ops::get_own_property(self, obj, key)? else { continue };
            let desc = if d.is_accessor() {
                PropertyDescriptor { configurable: Some(false), ..Default::default() }
            } else {
                PropertyDescriptor { configurable: Some(false), writable: Some(false), ..Default::default() }
            };
            self.define_own_property(obj, key, desc)?;
        }
        Ok(true)
    }

    /// An arguments object for the frame at `fp` (CreateMappedArgumentsObject
    /// or CreateUnmappedArgumentsObject, §10.4.4). `params` names the
    /// formal parameters of a mapped one: argument `i` then aliases the
    /// current context's slot of that name.
    pub(crate) fn create_arguments(
        &mut self,
        fp: isize,
        params: Option<&strata_bytecode::ScopeInfo>,
    ) -> JsResult<Gc<JsObject>> {
        let argc = self.roots.stack.get(fp + frame::ARGC).as_int().unwrap_or(0) as usize;
        let values: Vec<Value> = (0..argc).map(|i| self.roots.stack.get(fp + frame::PARAM0 - i as isize)).collect();
        let proto = Value::from_gc(self.intrinsic(Intrinsic::ObjectPrototype));
        let map = crate::object::ArgumentsMap::default();
        let mapped = params.is_some();
        if let Some(params) = params {
            let context = self.roots.stack.get(fp + frame::CONTEXT);
            let scope = context.as_gc::<crate::context::Context>().and_then(|c| c.scope.clone());
            let mut slots = vec![u32::MAX; argc.min(params.names.len())];
            for (i, slot) in slots.iter_mut().enumerate() {
                let name = &params.names[i];
                // A later parameter of the same name shadows this one.
                let shadowed = params.names[i + 1..].contains(name);
                if name.is_empty() || shadowed {
                    continue;
                }
                if let Some(pos) = scope.as_ref().and_then(|s| s.names.iter().position(|n| n == name)) {
                    *slot = pos as u32;
                }
            }
            map.context.set(context);
            *map.slots.borrow_mut() = slots;
        }
        let obj = self.new_object_with(proto, ObjectKind::Arguments(map))?;
        obj.with_elements(|e| *e = crate::object::Elements::Dense(values));
        let len_key = PropertyKey::String(self.roots.names.length);
        self.add_named_property(obj, len_key, Value::int(argc as i32), Attrs::HIDDEN)?;
        let iter_key = PropertyKey::Symbol(self.well_known(WellKnown::Iterator));
        let values_fn = self.realm().intrinsic_value(Intrinsic::ArrayPrototypeValues);
        self.add_named_property(obj, iter_key, values_fn, Attrs::HIDDEN)?;
        let callee_key = PropertyKey::String(self.roots.names.callee);
        if mapped {
            let callee = self.roots.stack.get(fp + frame::CALLEE);
            self.add_named_property(obj, callee_key, callee, Attrs::HIDDEN)?;
        } else {
            let thrower = self.realm().intrinsic_value(Intrinsic::ThrowTypeError);
            let desc = PropertyDescriptor::accessor(thrower, thrower, Attrs::NONE);
            self.define_own_property(obj, callee_key, desc)?;
        }
        Ok(obj)
    }

    /// CopyDataProperties(target, source, excluded).
    pub(crate) fn copy_data_properties(&mut self, target: Value, source: Value, excluded: &[Value]) -> JsResult<()> {
        let Some(target) = target.as_gc::<JsObject>() else { return Ok(()) };
        if source.is_nullish() {
            return Ok(());
        }
        let from = self.to_object(source)?;
        let mut excluded_keys = Vec::new();
        for &e in excluded {
            excluded_keys.push(self.to_property_key(e)?);
        }
        let mut keys = self.heap.rooted_vec::<PropertyKey>();
        for key in self.own_property_keys(from)? {
            keys.push(key);
        }
        for i in 0..keys.len() {
            let key = keys.get(i).expect("index below the list's length");
            if excluded_keys.contains(&key) {
                continue;
            }
            if let Some(d) = crate::object_ops::get_own_property(self, from, key)?
                && d.enumerable == Some(true)
            {
                let v = self.get(from, key, Value::from_gc(from))?;
                self.create_data_property_or_throw(target, key, v)?;
            }
        }
        Ok(())
    }
}

/// Distinct names the `SetNamedProperty` instructions of `code` store, up
/// to 64 (`SharedFunction::named_stores`).
fn named_store_count(code: &[u8]) -> u32 {
    const MAX: usize = 64;
    let mut names: Vec<i64> = Vec::new();
    for insn in strata_bytecode::instructions(code) {
        if insn.opcode == strata_bytecode::Opcode::SetNamedProperty && !names.contains(&insn.operand(1)) {
            names.push(insn.operand(1));
            if names.len() == MAX {
                break;
            }
        }
    }
    names.len() as u32
}
