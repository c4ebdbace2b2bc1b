//! Classes (ClassDefinitionEvaluation's core), method definition with
//! home objects and function names, and private names (fields, methods,
//! accessors and `#x in obj`), which are own properties keyed by private
//! symbols that reflection never sees.

use strata_bytecode::{ClassInfo, FunctionKind};
use strata_gc::Gc;

use crate::function::{FunctionCode, SharedFunction};
use crate::object::{Accessor, JsObject, ObjectKind};
use crate::object_ops::get_own;
use crate::property::{Attrs, PropertyDescriptor, PropertyKey};
use crate::realm::Intrinsic;
use crate::string::JsString;
use crate::symbol::Symbol;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// `DefineMethod` flag bits.
const KIND_MASK: u32 = 3;
const KIND_GETTER: u32 = 1;
const KIND_SETTER: u32 = 2;
const ENUMERABLE: u32 = 4;

impl Vm {
    /// Creates a class constructor and its prototype object.
    pub(crate) fn create_class(
        &mut self,
        info: &ClassInfo,
        parent: Value,
        context: Value,
        shared: Gc<SharedFunction>,
        idx: usize,
    ) -> JsResult<(Value, Value)> {
        let (proto_parent, ctor_parent) = if parent.is_hole() {
            (Value::from_gc(self.intrinsic(Intrinsic::ObjectPrototype)), self.intrinsic(Intrinsic::FunctionPrototype))
        } else if parent.is_null() {
            (Value::NULL, self.intrinsic(Intrinsic::FunctionPrototype))
        } else {
            if !self.is_constructor(parent) {
                let what = self.describe_value(parent);
                return Err(self.type_error(&format!("Class extends value {what} is not a constructor or null")));
            }
            let p = parent.as_gc::<JsObject>().expect("constructors are objects");
            let key = PropertyKey::String(self.roots.names.prototype);
            let pp = self.get(p, key, parent)?;
            if !pp.is_null() && pp.as_gc::<JsObject>().is_none() {
                return Err(self.type_error("Class extends value does not have valid prototype property"));
            }
            (pp, p)
        };
        // Room for `constructor` and every method in the cell: a method
        // load from a class with many methods stays one load from the
        // prototype.
        let slots = (info.prototype_methods.saturating_add(1))
            .clamp(crate::object::DEFAULT_INLINE_SLOTS, crate::object::MAX_INLINE_SLOTS);
        let proto = self.new_object_inline(proto_parent, ObjectKind::Ordinary, slots)?;
        let Some(ctor_shared) = shared.nested(idx) else {
            return Err(self.type_error("internal error: class constructor not linked"));
        };
        debug_assert!(matches!(ctor_shared.code.kind, FunctionKind::BaseConstructor | FunctionKind::DerivedConstructor));
        let f = self.new_closure_with_proto(ctor_shared, context, Value::from_gc(ctor_parent))?;
        if let ObjectKind::Function(d) = &f.kind {
            d.home_object.set(Value::from_gc(proto));
        }
        let key = PropertyKey::String(self.roots.names.prototype);
        self.add_named_property(f, key, Value::from_gc(proto), Attrs::NONE)?;
        let ctor_key = PropertyKey::String(self.roots.names.constructor);
        self.add_named_property(proto, ctor_key, Value::from_gc(f), Attrs::HIDDEN)?;
        Ok((Value::from_gc(f), Value::from_gc(proto)))
    }

    /// Defines a method, getter or setter (the closure) on `obj`.
    pub(crate) fn define_method(&mut self, obj: Value, key: Value, closure: Value, flags: u32) -> JsResult<()> {
        let Some(target) = obj.as_gc::<JsObject>() else { return Ok(()) };
        let key = self.to_property_key(key)?;
        if let Some(f) = closure.as_gc::<JsObject>()
            && let ObjectKind::Function(d) = &f.kind
        {
            d.home_object.set(obj);
            let prefix = match flags & KIND_MASK {
                KIND_GETTER => "get ",
                KIND_SETTER => "set ",
                _ => "",
            };
            self.set_function_name(f, key, prefix)?;
        }
        let enumerable = flags & ENUMERABLE != 0;
        let desc = match flags & KIND_MASK {
            KIND_GETTER => PropertyDescriptor {
                get: Some(closure),
                enumerable: Some(enumerable),
                configurable: Some(true),
                ..Default::default()
            },
            KIND_SETTER => PropertyDescriptor {
                set: Some(closure),
                enumerable: Some(enumerable),
                configurable: Some(true),
                ..Default::default()
            },
            _ => PropertyDescriptor {
                value: Some(closure),
                writable: Some(true),
                enumerable: Some(enumerable),
                configurable: Some(true),
                ..Default::default()
            },
        };
        if let PropertyKey::Symbol(s) = key
            && s.private
        {
            // Private methods are not writable (`this.#m = 1` throws).
            let desc = if desc.is_accessor() { desc } else { PropertyDescriptor { writable: Some(false), ..desc } };
            return self.private_define_desc(target, s, desc);
        }
        if !self.define_own_property(target, key, desc)? {
            let name = self.describe_key(key);
            return Err(self.type_error(&format!("Cannot redefine property: {name}")));
        }
        Ok(())
    }

    /// SetFunctionName when the function was compiled without a static
    /// name (computed keys): `[description]` for symbols, with a prefix.
    pub(crate) fn set_function_name(&mut self, f: Gc<JsObject>, key: PropertyKey, prefix: &str) -> JsResult<()> {
        let name_key = PropertyKey::String(self.roots.names.name);
        let current = get_own(self, f, name_key).map(|(v, _)| v);
        let is_empty = current.and_then(|v| v.as_gc::<JsString>()).is_some_and(|s| s.is_empty());
        if current.is_some() && !is_empty && prefix.is_empty() {
            return Ok(());
        }
        let base = match key {
            PropertyKey::Symbol(s) => match s.description.as_gc::<JsString>() {
                Some(d) if s.private => d.to_rust_string(),
                Some(d) => format!("[{}]", d.to_rust_string()),
                None => String::new(),
            },
            _ => {
                if is_empty || current.is_none() {
                    self.describe_key(key)
                } else {
                    current.and_then(|v| v.as_gc::<JsString>()).map(|s| s.to_rust_string()).unwrap_or_default()
                }
            }
        };
        let name = self.string_value(&format!("{prefix}{base}"))?;
        self.define_own_simple(f, name_key, name, Attrs::CONFIGURABLE_ONLY)
    }

    /// A closure whose [[Prototype]] is `proto` (class constructors).
    pub(crate) fn new_closure_with_proto(
        &mut self,
        shared: Gc<SharedFunction>,
        context: Value,
        proto: Value,
    ) -> JsResult<Gc<JsObject>> {
        let f = self.new_closure(shared, context)?;
        if f.proto() != proto {
            // Build the object with the right prototype from the start, so
            // it keeps a shared (non-dictionary) shape.
            let shape = self.root_shape(proto, crate::object::DEFAULT_INLINE_SLOTS, false)?;
            let ObjectKind::Function(d) = &f.kind else { return Ok(f) };
            let FunctionCode::Bytecode { shared, context } = &d.code else { return Ok(f) };
            let data = crate::function::FunctionData {
                code: FunctionCode::Bytecode { shared: *shared, context: *context },
                realm: d.realm,
                home_object: std::cell::Cell::new(Value::UNDEFINED),
                fields: std::cell::Cell::new(Value::UNDEFINED),
                captures: std::cell::Cell::new(Value::UNDEFINED),
            };
            let g = self.alloc_object(shape, ObjectKind::Function(data))?;
            for (slot, key, attrs) in f.shape().table().entries() {
                let v = f.slot(slot);
                self.add_named_property(g, key, v, attrs)?;
            }
            return Ok(g);
        }
        Ok(f)
    }

    fn private_symbol(&mut self, name: Value) -> JsResult<Gc<Symbol>> {
        match name.as_gc::<Symbol>().filter(|s| s.private) {
            Some(s) => Ok(s),
            None => Err(self.type_error("internal error: not a private name")),
        }
    }

    fn private_name_text(s: Gc<Symbol>) -> String {
        s.description.as_gc::<JsString>().map_or_else(String::new, |d| d.to_rust_string())
    }

    /// `obj.#x`.
    pub(crate) fn private_get(&mut self, obj: Value, name: Value) -> JsResult<Value> {
        let sym = self.private_symbol(name)?;
        let found = obj.as_gc::<JsObject>().and_then(|o| get_own(self, o, PropertyKey::Symbol(sym)));
        match found {
            None => {
                let n = Self::private_name_text(sym);
                Err(self.type_error(&format!("Cannot read private member {n} from an object whose class did not declare it")))
            }
            Some((v, a)) if a.is_accessor() => {
                let getter = v.as_gc::<Accessor>().map_or(Value::UNDEFINED, |acc| acc.getter.get());
                if getter.is_undefined() {
                    let n = Self::private_name_text(sym);
                    return Err(self.type_error(&format!("'{n}' was defined without a getter")));
                }
                self.call(getter, obj, &[])
            }
            Some((v, _)) => Ok(v),
        }
    }

    /// `obj.#x = v`.
    pub(crate) fn private_set(&mut self, obj: Value, name: Value, v: Value) -> JsResult<()> {
        let sym = self.private_symbol(name)?;
        let Some(o) = obj.as_gc::<JsObject>() else {
            let n = Self::private_name_text(sym);
            return Err(self.type_error(&format!("Cannot write private member {n} to an object whose class did not declare it")));
        };
        let key = PropertyKey::Symbol(sym);
        match get_own(self, o, key) {
            None => {
                let n = Self::private_name_text(sym);
                Err(self.type_error(&format!("Cannot write private member {n} to an object whose class did not declare it")))
            }
            Some((acc, a)) if a.is_accessor() => {
                let setter = acc.as_gc::<Accessor>().map_or(Value::UNDEFINED, |acc| acc.setter.get());
                if setter.is_undefined() {
                    let n = Self::private_name_text(sym);
                    return Err(self.type_error(&format!("'{n}' was defined without a setter")));
                }
                self.call(setter, obj, &[v])?;
                Ok(())
            }
            Some((_, a)) if !a.writable() => {
                let n = Self::private_name_text(sym);
                Err(self.type_error(&format!("Private method '{n}' is not writable")))
            }
            Some(_) => {
                if let Some((slot, _)) = o.shape().lookup(key) {
                    o.set_slot(slot, v);
                }
                Ok(())
            }
        }
    }

    /// PrivateFieldAdd: defines `#x` on `obj` (TypeError if present).
    pub(crate) fn private_define(&mut self, obj: Value, name: Value, v: Value) -> JsResult<()> {
        let sym = self.private_symbol(name)?;
        let Some(o) = obj.as_gc::<JsObject>() else {
            return Err(self.type_error("Cannot define a private field on a non-object"));
        };
        let desc = PropertyDescriptor::data(v, Attrs(Attrs::WRITABLE));
        self.private_define_desc(o, sym, desc)
    }

    fn private_define_desc(&mut self, o: Gc<JsObject>, sym: Gc<Symbol>, desc: PropertyDescriptor) -> JsResult<()> {
        let key = PropertyKey::Symbol(sym);
        if let Some((existing, a)) = get_own(self, o, key) {
            // A getter and a setter of one private accessor arrive in two
            // definitions: merge them.
            // The getter and setter halves of one private accessor arrive in
            // two definitions: the second fills the empty half. A half that
            // is already there means a second initialization.
            if a.is_accessor()
                && desc.is_accessor()
                && let Some(acc) = existing.as_gc::<Accessor>()
            {
                let getter_free = acc.getter.get().is_undefined();
                let setter_free = acc.setter.get().is_undefined();
                match (desc.get, desc.set) {
                    (Some(g), None) if getter_free => {
                        acc.getter.set(g);
                        return Ok(());
                    }
                    (None, Some(s)) if setter_free => {
                        acc.setter.set(s);
                        return Ok(());
                    }
                    _ => {}
                }
            }
            let n = Self::private_name_text(sym);
            return Err(self.type_error(&format!("Cannot initialize {n} twice on the same object")));
        }
        let (value, attrs) = if desc.is_accessor() {
            let acc = self.alloc(Accessor {
                getter: std::cell::Cell::new(desc.get.unwrap_or(Value::UNDEFINED)),
                setter: std::cell::Cell::new(desc.set.unwrap_or(Value::UNDEFINED)),
            })?;
            (Value::from_gc(acc), Attrs(Attrs::ACCESSOR))
        } else {
            let writable = desc.writable.unwrap_or(true);
            (desc.value.unwrap_or(Value::UNDEFINED), if writable { Attrs(Attrs::WRITABLE) } else { Attrs::NONE })
        };
        self.add_named_property(o, key, value, attrs)
    }

    /// `#x in obj`.
    pub(crate) fn private_in(&mut self, name: Value, obj: Value) -> JsResult<bool> {
        let sym = self.private_symbol(name)?;
        let Some(o) = obj.as_gc::<JsObject>() else {
            return Err(self.type_error("Cannot use 'in' operator to search for a private field in a non-object"));
        };
        Ok(get_own(self, o, PropertyKey::Symbol(sym)).is_some())
    }
}
