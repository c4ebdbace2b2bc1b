//! The object internal methods of ECMA-262 §10.1 (ordinary) with the Array
//! (§10.4.2) and String (§10.4.3) exotic cases, and the value-level
//! property access the interpreter uses (primitives included).
//!
//! Kinds dispatch here, in one place, so the other exotic objects
//! (TypedArray, module namespace, mapped arguments) slot in beside them.
//! A Proxy (§10.5) is dispatched to `proxy.rs` at the entry of every
//! internal method, and wherever a prototype-chain walk reaches one;
//! [`get_own`] (infallible, runs no code) sees a proxy as having no
//! properties, so callers that may meet proxies use the fallible forms.

use strata_gc::Gc;

use crate::builtins::typed_array::{self, integer_indexed};
use crate::module::namespace::{EXPORT_ATTRS, namespace_for};
use crate::object::{Accessor, JsObject, ObjectKind};
use crate::property::{Attrs, PropertyDescriptor, PropertyKey};
use crate::realm::Intrinsic;
use crate::string::JsString;
use crate::symbol::Symbol;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// An own property as stored: a value (an [`Accessor`] cell when
/// `attrs.is_accessor()`) and its attributes.
pub type OwnProperty = (Value, Attrs);

/// [[GetOwnProperty]] without allocation (string-wrapper indices return
/// the code unit index so callers build the one-character string).
pub fn get_own(vm: &Vm, obj: Gc<JsObject>, key: PropertyKey) -> Option<OwnProperty> {
    // An export reads its binding (the hole while uninitialized: the
    // fallible paths below throw for it).
    if let Some(ns) = namespace_for(obj, key) {
        return ns.lookup(key).map(|b| (b.get(), EXPORT_ATTRS));
    }
    // A typed array's numeric keys are not stored (the fallible internal
    // methods below read them from the buffer).
    if integer_indexed(&obj, key).is_some() {
        return None;
    }
    match key {
        PropertyKey::Index(i) => {
            if let ObjectKind::String(s) = &obj.kind
                && (i as usize) < s.len()
            {
                return Some((Value::int(s.at(i as usize) as i32), Attrs(Attrs::ENUMERABLE | 0x80)));
            }
            // A mapped arguments index reads its parameter (§10.4.4.1).
            if let ObjectKind::Arguments(map) = &obj.kind
                && let Some(slot) = map.slot(i)
            {
                let (_, attrs) = obj.element(i)?;
                let value = map.context.get().as_gc::<crate::context::Context>().map_or(Value::UNDEFINED, |c| c.get(slot as usize));
                return Some((value, attrs));
            }
            obj.element(i)
        }
        PropertyKey::String(name) => {
            if let ObjectKind::Array { length, length_writable } = &obj.kind
                && name == vm.roots.names.length
            {
                let attrs = if length_writable.get() { Attrs(Attrs::WRITABLE) } else { Attrs::NONE };
                return Some((Value::number(length.get() as f64), attrs));
            }
            obj.shape().lookup(key).map(|(slot, attrs)| (obj.slot(slot), attrs))
        }
        PropertyKey::Symbol(_) => obj.shape().lookup(key).map(|(slot, attrs)| (obj.slot(slot), attrs)),
    }
}

/// Marker bit in [`get_own`]'s attributes: the value is a code unit of a
/// String wrapper, not a stored value.
const STRING_UNIT: u8 = 0x80;

fn materialize(vm: &mut Vm, (v, a): OwnProperty) -> JsResult<OwnProperty> {
    if a.0 & STRING_UNIT != 0 {
        let unit = v.as_int().unwrap_or(0) as u16;
        let s = vm.new_string_units(&[unit])?;
        return Ok((Value::from_gc(s), Attrs(a.0 & !STRING_UNIT)));
    }
    Ok((v, a))
}

/// [[GetOwnProperty]] as a descriptor.
pub fn get_own_property(vm: &mut Vm, obj: Gc<JsObject>, key: PropertyKey) -> JsResult<Option<PropertyDescriptor>> {
    if obj.is_proxy() {
        return vm.proxy_get_own_property(obj, key);
    }
    if let Some(ns) = namespace_for(obj, key) {
        return vm.namespace_get_own_property(ns, key);
    }
    if let Some((ta, index)) = integer_indexed(&obj, key) {
        return typed_array::get_own_property(vm, ta, index);
    }
    let Some(p) = get_own(vm, obj, key) else { return Ok(None) };
    let (v, a) = materialize(vm, p)?;
    Ok(Some(if a.is_accessor() {
        let acc = v.as_gc::<Accessor>().expect("accessor slots hold Accessor cells");
        PropertyDescriptor::accessor(acc.getter.get(), acc.setter.get(), a)
    } else {
        PropertyDescriptor::data(v, a)
    }))
}

impl Vm {
    /// [[Get]] on an object.
    pub fn get(&mut self, obj: Gc<JsObject>, key: PropertyKey, receiver: Value) -> JsResult<Value> {
        let mut o = obj;
        loop {
            if o.is_proxy() {
                return self.proxy_get(o, key, receiver);
            }
            if let Some(ns) = namespace_for(o, key) {
                return match ns.lookup(key) {
                    Some(binding) => self.namespace_value(binding, key),
                    None => Ok(Value::UNDEFINED),
                };
            }
            if let Some((ta, index)) = integer_indexed(&o, key) {
                return typed_array::get_element(self, ta, index);
            }
            if let Some(p) = get_own(self, o, key) {
                let (v, a) = materialize(self, p)?;
                if a.is_accessor() {
                    let getter = v.as_gc::<Accessor>().map_or(Value::UNDEFINED, |acc| acc.getter.get());
                    if getter.is_undefined() {
                        return Ok(Value::UNDEFINED);
                    }
                    return self.call(getter, receiver, &[]);
                }
                return Ok(v);
            }
            match o.proto().as_gc::<JsObject>() {
                Some(p) => o = p,
                None => return Ok(Value::UNDEFINED),
            }
        }
    }

    /// GetV: [[Get]] on any value (primitives use their prototype, with
    /// fast paths for string length and indices).
    pub fn get_value(&mut self, base: Value, key: PropertyKey) -> JsResult<Value> {
        if let Some(o) = base.as_gc::<JsObject>() {
            return self.get(o, key, base);
        }
        let proto = if let Some(s) = base.as_gc::<JsString>() {
            match key {
                PropertyKey::Index(i) if (i as usize) < s.len() => {
                    let unit = s.at(i as usize);
                    return Ok(Value::from_gc(self.new_string_units(&[unit])?));
                }
                PropertyKey::String(n) if n == self.roots.names.length => return Ok(Value::int(s.len() as i32)),
                _ => Intrinsic::StringPrototype,
            }
        } else if base.is_number() {
            Intrinsic::NumberPrototype
        } else if base.is_bool() {
            Intrinsic::BooleanPrototype
        } else if base.as_gc::<Symbol>().is_some() {
            Intrinsic::SymbolPrototype
        } else if base.is_bigint() {
            Intrinsic::BigIntPrototype
        } else {
            let what = if base.is_null() { "null" } else { "undefined" };
            let name = self.describe_key(key);
            return Err(self.type_error(&format!("Cannot read properties of {what} (reading '{name}')")));
        };
        let proto = self.intrinsic(proto);
        self.get(proto, key, base)
    }

    /// A key as text for messages.
    pub fn describe_key(&self, key: PropertyKey) -> String {
        match key {
            PropertyKey::String(s) => s.to_rust_string(),
            PropertyKey::Index(i) => i.to_string(),
            PropertyKey::Symbol(s) => match s.description.as_gc::<JsString>() {
                Some(d) => format!("Symbol({})", d.to_rust_string()),
                None => "Symbol()".into(),
            },
        }
    }

    /// [[Set]] (OrdinarySet): returns false when the assignment is refused.
    pub fn set(&mut self, obj: Gc<JsObject>, key: PropertyKey, value: Value, receiver: Value) -> JsResult<bool> {
        if matches!(obj.kind, ObjectKind::ModuleNamespace(_)) {
            // §10.4.6.9: a namespace refuses every [[Set]].
            return Ok(false);
        }
        if let Some((ta, index)) = integer_indexed(&obj, key) {
            return self.typed_array_set(obj, ta, index, key, value, receiver);
        }
        // Fast path: an own writable data property of the receiver itself.
        if receiver == Value::from_gc(obj)
            && let Some((_, a)) = get_own(self, obj, key)
            && !a.is_accessor()
            && a.0 & STRING_UNIT == 0
        {
            if !a.writable() {
                return Ok(false);
            }
            return self.write_existing(obj, key, value);
        }
        let mut o = obj;
        let found = loop {
            if o.is_proxy() {
                return self.proxy_set(o, key, value, receiver);
            }
            if matches!(o.kind, ObjectKind::ModuleNamespace(_)) {
                // The parent's [[Set]] refuses.
                return Ok(false);
            }
            if let Some((ta, index)) = integer_indexed(&o, key) {
                return self.typed_array_set(o, ta, index, key, value, receiver);
            }
            if let Some(p) = get_own(self, o, key) {
                break Some(p);
            }
            match o.proto().as_gc::<JsObject>() {
                Some(p) => o = p,
                None => break None,
            }
        };
        match found {
            Some((v, a)) if a.is_accessor() => {
                let setter = v.as_gc::<Accessor>().map_or(Value::UNDEFINED, |acc| acc.setter.get());
                if setter.is_undefined() {
                    return Ok(false);
                }
                self.call(setter, receiver, &[value])?;
                Ok(true)
            }
            Some((_, a)) if !a.writable() => Ok(false),
            _ => self.set_on_receiver(key, value, receiver),
        }
    }

    /// OrdinarySetWithOwnDescriptor's last steps, once a writable data
    /// property (or none) was found: define the value on the receiver.
    fn set_on_receiver(&mut self, key: PropertyKey, value: Value, receiver: Value) -> JsResult<bool> {
        let Some(r) = receiver.as_gc::<JsObject>() else { return Ok(false) };
        match get_own_property(self, r, key)? {
            Some(d) if d.is_accessor() => Ok(false),
            Some(d) if d.writable == Some(false) => Ok(false),
            Some(_) => {
                let desc = PropertyDescriptor { value: Some(value), ..Default::default() };
                self.define_own_property(r, key, desc)
            }
            None => self.create_data_property(r, key, value),
        }
    }

    /// A typed array's [[Set]] for a numeric key (§10.4.5.5).
    fn typed_array_set(
        &mut self,
        obj: Gc<JsObject>,
        ta: &typed_array::TypedArrayData,
        index: f64,
        key: PropertyKey,
        value: Value,
        receiver: Value,
    ) -> JsResult<bool> {
        if receiver == Value::from_gc(obj) {
            if ta.is_immutable() {
                return Ok(false);
            }
            typed_array::set_element(self, ta, index, value)?;
            return Ok(true);
        }
        if ta.valid_index(index).is_none() {
            return Ok(true);
        }
        self.set_on_receiver(key, value, receiver)
    }

    /// Writes an existing own writable data property.
    fn write_existing(&mut self, obj: Gc<JsObject>, key: PropertyKey, value: Value) -> JsResult<bool> {
        match key {
            PropertyKey::Index(i) => {
                obj.set_element(i, value);
                write_mapped_argument(obj, i, value);
                Ok(true)
            }
            PropertyKey::String(n) if obj.is_array() && n == self.roots.names.length => {
                let desc = PropertyDescriptor { value: Some(value), ..Default::default() };
                self.define_own_property(obj, key, desc)
            }
            _ => {
                if let Some((slot, _)) = obj.shape().lookup(key) {
                    obj.set_slot(slot, value);
                    strata_gc::write_barrier(obj.cell(), value.bits() as usize);
                }
                Ok(true)
            }
        }
    }

    /// PutValue for `base[key] = value`: throws in strict code when refused,
    /// and for undefined/null bases always.
    pub fn set_value(&mut self, base: Value, key: PropertyKey, value: Value, strict: bool) -> JsResult<()> {
        let ok = if let Some(o) = base.as_gc::<JsObject>() {
            self.set(o, key, value, base)?
        } else if base.is_nullish() {
            let what = if base.is_null() { "null" } else { "undefined" };
            let name = self.describe_key(key);
            return Err(self.type_error(&format!("Cannot set properties of {what} (setting '{name}')")));
        } else {
            let proto = self.to_object(base)?.proto();
            match proto.as_gc::<JsObject>() {
                Some(p) => self.set(p, key, value, base)?,
                None => false,
            }
        };
        if !ok && strict {
            let name = self.describe_key(key);
            return Err(self.type_error(&format!("Cannot assign to read only property '{name}' of object")));
        }
        Ok(())
    }

    /// CreateDataProperty: define an own enumerable, writable, configurable
    /// data property; false if refused.
    pub fn create_data_property(&mut self, obj: Gc<JsObject>, key: PropertyKey, value: Value) -> JsResult<bool> {
        if !obj.is_proxy()
            && integer_indexed(&obj, key).is_none()
            && get_own(self, obj, key).is_none()
            && obj.is_extensible()
        {
            // New property: the common case, without descriptor validation.
            match key {
                PropertyKey::Index(i) => {
                    if let ObjectKind::Array { length, length_writable } = &obj.kind {
                        if i >= length.get() {
                            if !length_writable.get() {
                                return Ok(false);
                            }
                            length.set(i + 1);
                        }
                    } else if let ObjectKind::String(s) = &obj.kind
                        && (i as usize) < s.len()
                    {
                        return Ok(false);
                    }
                    obj.set_element(i, value);
                }
                _ => self.add_named_property(obj, key, value, Attrs::DEFAULT)?,
            }
            return Ok(true);
        }
        self.define_own_property(obj, key, PropertyDescriptor::data(value, Attrs::DEFAULT))
    }

    /// CreateDataPropertyOrThrow.
    pub fn create_data_property_or_throw(&mut self, obj: Gc<JsObject>, key: PropertyKey, value: Value) -> JsResult<()> {
        if !self.create_data_property(obj, key, value)? {
            let name = self.describe_key(key);
            return Err(self.type_error(&format!("Cannot define property {name}")));
        }
        Ok(())
    }

    /// [[DefineOwnProperty]] (ValidateAndApplyPropertyDescriptor, with the
    /// Array `length` and index rules).
    pub fn define_own_property(&mut self, obj: Gc<JsObject>, key: PropertyKey, desc: PropertyDescriptor) -> JsResult<bool> {
        if obj.is_proxy() {
            return self.proxy_define_own_property(obj, key, desc);
        }
        if let Some(ns) = namespace_for(obj, key) {
            return self.namespace_define_own_property(ns, key, desc);
        }
        if let Some((ta, index)) = integer_indexed(&obj, key) {
            return typed_array::define_own_property(self, ta, index, desc);
        }
        if let ObjectKind::Array { length, length_writable } = &obj.kind {
            match key {
                PropertyKey::String(n) if n == self.roots.names.length => return self.array_set_length(obj, desc),
                PropertyKey::Index(i) => {
                    if i >= length.get() && !length_writable.get() {
                        return Ok(false);
                    }
                    if !self.ordinary_define(obj, key, desc)? {
                        return Ok(false);
                    }
                    if i >= length.get() {
                        length.set(i + 1);
                    }
                    return Ok(true);
                }
                _ => {}
            }
        }
        if let ObjectKind::Arguments(map) = &obj.kind
            && let PropertyKey::Index(i) = key
            && map.slot(i).is_some()
        {
            // §10.4.4.2: a mapped index keeps its parameter in step, and an
            // accessor or a non-writable definition ends the aliasing.
            let mut new_desc = desc;
            if desc.is_data() && desc.value.is_none() && desc.writable == Some(false) {
                new_desc.value = get_own(self, obj, key).map(|(v, _)| v);
            }
            if !self.ordinary_define(obj, key, new_desc)? {
                return Ok(false);
            }
            if desc.is_accessor() {
                map.unmap(i);
            } else {
                if let Some(v) = desc.value {
                    write_mapped_argument(obj, i, v);
                }
                if desc.writable == Some(false) {
                    map.unmap(i);
                }
            }
            return Ok(true);
        }
        if let ObjectKind::String(s) = &obj.kind
            && let PropertyKey::Index(i) = key
            && (i as usize) < s.len()
        {
            // Own string indices are {writable: false, enumerable: true,
            // configurable: false}: only a compatible descriptor succeeds.
            let current = get_own_property(self, obj, key)?.expect("index in range");
            return Ok(is_compatible(&current, &desc));
        }
        self.ordinary_define(obj, key, desc)
    }

    fn ordinary_define(&mut self, obj: Gc<JsObject>, key: PropertyKey, desc: PropertyDescriptor) -> JsResult<bool> {
        let current = get_own_property(self, obj, key)?;
        let Some(current) = current else {
            if !obj.is_extensible() {
                return Ok(false);
            }
            let (value, attrs) = if desc.is_accessor() {
                let acc = self.alloc(Accessor {
                    getter: std::cell::Cell::new(desc.get.unwrap_or(Value::UNDEFINED)),
                    setter: std::cell::Cell::new(desc.set.unwrap_or(Value::UNDEFINED)),
                })?;
                (Value::from_gc(acc), desc.attrs())
            } else {
                (desc.value.unwrap_or(Value::UNDEFINED), desc.attrs())
            };
            self.store_new(obj, key, value, attrs)?;
            return Ok(true);
        };
        if !is_compatible(&current, &desc) {
            return Ok(false);
        }
        // Apply: merge the descriptor into the current property.
        let to_accessor = desc.is_accessor() && !current.is_accessor();
        let to_data = desc.is_data() && current.is_accessor();
        let merged = if to_accessor {
            PropertyDescriptor {
                get: Some(desc.get.unwrap_or(Value::UNDEFINED)),
                set: Some(desc.set.unwrap_or(Value::UNDEFINED)),
                enumerable: Some(desc.enumerable.or(current.enumerable).unwrap_or(false)),
                configurable: Some(desc.configurable.or(current.configurable).unwrap_or(false)),
                ..Default::default()
            }
        } else if to_data {
            PropertyDescriptor {
                value: Some(desc.value.unwrap_or(Value::UNDEFINED)),
                writable: Some(desc.writable.unwrap_or(false)),
                enumerable: Some(desc.enumerable.or(current.enumerable).unwrap_or(false)),
                configurable: Some(desc.configurable.or(current.configurable).unwrap_or(false)),
                ..Default::default()
            }
        } else {
            PropertyDescriptor {
                value: desc.value.or(current.value),
                writable: desc.writable.or(current.writable),
                get: desc.get.or(current.get),
                set: desc.set.or(current.set),
                enumerable: desc.enumerable.or(current.enumerable),
                configurable: desc.configurable.or(current.configurable),
            }
        };
        let attrs = merged.attrs();
        let value = if merged.is_accessor() {
            let acc = self.alloc(Accessor {
                getter: std::cell::Cell::new(merged.get.unwrap_or(Value::UNDEFINED)),
                setter: std::cell::Cell::new(merged.set.unwrap_or(Value::UNDEFINED)),
            })?;
            Value::from_gc(acc)
        } else {
            merged.value.unwrap_or(Value::UNDEFINED)
        };
        self.store_existing(obj, key, value, attrs)?;
        Ok(true)
    }

    /// Stores a property the object does not have.
    fn store_new(&mut self, obj: Gc<JsObject>, key: PropertyKey, value: Value, attrs: Attrs) -> JsResult<()> {
        match key {
            PropertyKey::Index(i) => {
                obj.define_element(i, value, attrs);
                Ok(())
            }
            _ => self.add_named_property(obj, key, value, attrs),
        }
    }

    /// Replaces value and attributes of an existing property.
    fn store_existing(&mut self, obj: Gc<JsObject>, key: PropertyKey, value: Value, attrs: Attrs) -> JsResult<()> {
        match key {
            PropertyKey::Index(i) => {
                obj.define_element(i, value, attrs);
                Ok(())
            }
            _ => {
                let Some((slot, old)) = obj.shape().lookup(key) else { return Ok(()) };
                if old != attrs {
                    let dict = self.to_dictionary(obj)?;
                    obj.structure_changing();
                    dict.dict_set_attrs(slot, attrs);
                }
                obj.set_slot(slot, value);
                Ok(())
            }
        }
    }

    /// Defines or replaces a property without validation (builtins setup).
    pub fn define_own_simple(&mut self, obj: Gc<JsObject>, key: PropertyKey, value: Value, attrs: Attrs) -> JsResult<()> {
        if get_own(self, obj, key).is_some() {
            self.store_existing(obj, key, value, attrs)
        } else {
            self.store_new(obj, key, value, attrs)
        }
    }

    /// ArraySetLength.
    fn array_set_length(&mut self, obj: Gc<JsObject>, desc: PropertyDescriptor) -> JsResult<bool> {
        let ObjectKind::Array { length, length_writable } = &obj.kind else { return Ok(false) };
        // What ValidateAndApplyPropertyDescriptor refuses for the
        // non-configurable `length`; checked after the value's conversion,
        // whose RangeError comes first.
        let refused = desc.is_accessor() || desc.configurable == Some(true) || desc.enumerable == Some(true);
        let Some(v) = desc.value else {
            if refused || (desc.writable == Some(true) && !length_writable.get()) {
                return Ok(false);
            }
            if desc.writable == Some(false) {
                length_writable.set(false);
            }
            return Ok(true);
        };
        let new_len = self.to_uint32(v)?;
        let number = self.to_number(v)?;
        if new_len as f64 != number {
            return Err(self.range_error("Invalid array length"));
        }
        if refused {
            return Ok(false);
        }
        // ToUint32/ToNumber may have run code that froze the length.
        if !length_writable.get() {
            return Ok(new_len == length.get() && desc.writable != Some(true));
        }
        let mut ok = true;
        if new_len < length.get() {
            let mut indices = obj.element_indices();
            indices.retain(|&i| i >= new_len);
            for &i in indices.iter().rev() {
                if obj.element(i).is_some_and(|(_, a)| !a.configurable()) {
                    length.set(i + 1);
                    ok = false;
                    break;
                }
                obj.remove_element(i);
            }
            if ok {
                length.set(new_len);
            }
        } else {
            length.set(new_len);
        }
        if desc.writable == Some(false) {
            length_writable.set(false);
        }
        Ok(ok)
    }

    /// [[HasProperty]].
    pub fn has_property(&mut self, obj: Gc<JsObject>, key: PropertyKey) -> JsResult<bool> {
        let mut o = obj;
        loop {
            if o.is_proxy() {
                return self.proxy_has(o, key);
            }
            if let Some((ta, index)) = integer_indexed(&o, key) {
                return Ok(ta.valid_index(index).is_some());
            }
            if get_own(self, o, key).is_some() {
                return Ok(true);
            }
            match o.proto().as_gc::<JsObject>() {
                Some(p) => o = p,
                None => return Ok(false),
            }
        }
    }

    /// [[Delete]].
    pub fn delete_property(&mut self, obj: Gc<JsObject>, key: PropertyKey) -> JsResult<bool> {
        if obj.is_proxy() {
            return self.proxy_delete(obj, key);
        }
        if let Some(ns) = namespace_for(obj, key) {
            return Ok(ns.lookup(key).is_none());
        }
        if let Some((ta, index)) = integer_indexed(&obj, key) {
            return Ok(ta.valid_index(index).is_none());
        }
        let Some((_, attrs)) = get_own(self, obj, key) else { return Ok(true) };
        if !attrs.configurable() {
            return Ok(false);
        }
        match key {
            PropertyKey::Index(i) => {
                obj.remove_element(i);
                if let ObjectKind::Arguments(map) = &obj.kind {
                    map.unmap(i);
                }
            }
            _ => {
                let dict = self.to_dictionary(obj)?;
                obj.structure_changing();
                if let Some(slot) = dict.dict_remove(key) {
                    obj.set_slot(slot, Value::HOLE);
                }
            }
        }
        Ok(true)
    }

    /// [[OwnPropertyKeys]]: indices ascending, then strings, then symbols,
    /// each in creation order.
    pub fn own_property_keys(&mut self, obj: Gc<JsObject>) -> JsResult<Vec<PropertyKey>> {
        if obj.is_proxy() {
            return self.proxy_own_keys(obj);
        }
        let mut keys: Vec<PropertyKey> = Vec::new();
        if let ObjectKind::ModuleNamespace(ns) = &obj.kind {
            keys.extend(ns.keys());
        } else if let ObjectKind::TypedArray(ta) = &obj.kind {
            keys.extend(typed_array::own_index_keys(ta).map(PropertyKey::Index));
        } else if let ObjectKind::String(s) = &obj.kind {
            keys.extend((0..s.len() as u32).map(PropertyKey::Index));
            let mut rest = obj.element_indices();
            rest.retain(|&i| i as usize >= s.len());
            keys.extend(rest.into_iter().map(PropertyKey::Index));
        } else {
            keys.extend(obj.element_indices().into_iter().map(PropertyKey::Index));
        }
        if obj.is_array() {
            keys.push(PropertyKey::String(self.roots.names.length));
        }
        let shape = obj.shape();
        let table = shape.table();
        keys.extend(table.entries().filter(|(_, k, _)| !k.is_symbol()).map(|(_, k, _)| k));
        keys.extend(
            table.entries().filter(|(_, k, _)| matches!(k, PropertyKey::Symbol(s) if !s.private)).map(|(_, k, _)| k),
        );
        Ok(keys)
    }

    /// [[GetPrototypeOf]] (OrdinaryGetPrototypeOf, or the proxy's trap).
    pub fn get_prototype_of(&mut self, obj: Gc<JsObject>) -> JsResult<Value> {
        if obj.is_proxy() {
            return self.proxy_get_prototype_of(obj);
        }
        Ok(obj.proto())
    }

    /// [[IsExtensible]] (OrdinaryIsExtensible, or the proxy's trap).
    pub fn is_extensible(&mut self, obj: Gc<JsObject>) -> JsResult<bool> {
        if obj.is_proxy() {
            return self.proxy_is_extensible(obj);
        }
        Ok(obj.is_extensible())
    }

    /// [[PreventExtensions]] (OrdinaryPreventExtensions, or the proxy's
    /// trap): false when refused.
    pub fn prevent_extensions(&mut self, obj: Gc<JsObject>) -> JsResult<bool> {
        if obj.is_proxy() {
            return self.proxy_prevent_extensions(obj);
        }
        // §10.4.5.2: a typed array whose length can change stays extensible.
        if let ObjectKind::TypedArray(ta) = &obj.kind
            && !ta.is_fixed_length()
        {
            return Ok(false);
        }
        obj.prevent_extensions();
        Ok(true)
    }

    /// [[SetPrototypeOf]] (OrdinarySetPrototypeOf).
    pub fn set_prototype_of(&mut self, obj: Gc<JsObject>, proto: Value) -> JsResult<bool> {
        if obj.is_proxy() {
            return self.proxy_set_prototype_of(obj, proto);
        }
        let current = obj.proto();
        if current == proto {
            return Ok(true);
        }
        // %Object.prototype% of every realm is an immutable prototype
        // exotic object (§10.4.7).
        let ov = Value::from_gc(obj);
        if self.roots.realms.iter().any(|r| r.intrinsic_value(Intrinsic::ObjectPrototype) == ov) {
            return Ok(false);
        }
        if !obj.is_extensible() {
            return Ok(false);
        }
        let mut p = proto;
        while let Some(po) = p.as_gc::<JsObject>() {
            if po == obj {
                return Ok(false);
            }
            // A proxy's [[GetPrototypeOf]] is not ordinary: the walk ends.
            if po.is_proxy() {
                break;
            }
            p = po.proto();
        }
        let dict = self.to_dictionary(obj)?;
        obj.structure_changing();
        if let Some(p) = proto.as_gc::<JsObject>() {
            p.watch();
        }
        dict.dict_set_proto(proto);
        Ok(true)
    }
}

/// Writes through to the parameter a mapped arguments index aliases.
fn write_mapped_argument(obj: Gc<JsObject>, i: u32, value: Value) {
    if let ObjectKind::Arguments(map) = &obj.kind
        && let Some(slot) = map.slot(i)
        && let Some(ctx) = map.context.get().as_gc::<crate::context::Context>()
    {
        ctx.set(slot as usize, value);
    }
}

/// ValidateAndApplyPropertyDescriptor's checks against a non-configurable
/// (or any) current property: whether `desc` may be applied.
pub(crate) fn is_compatible(current: &PropertyDescriptor, desc: &PropertyDescriptor) -> bool {
    if current.configurable == Some(true) {
        return true;
    }
    if desc.configurable == Some(true) {
        return false;
    }
    if desc.enumerable.is_some() && desc.enumerable != current.enumerable {
        return false;
    }
    if desc.is_generic() {
        return true;
    }
    if current.is_accessor() != desc.is_accessor() {
        return false;
    }
    if current.is_accessor() {
        let same = |a: Option<Value>, b: Option<Value>| a.is_none() || a == b;
        return same(desc.get, current.get) && same(desc.set, current.set);
    }
    if current.writable == Some(false) {
        if desc.writable == Some(true) {
            return false;
        }
        if let (Some(v), Some(c)) = (desc.value, current.value) {
            return crate::conversions::same_value(v, c);
        }
    }
    true
}
