//! Object (ECMA-262 §20.1): the constructor, its static methods, the
//! methods of Object.prototype including Annex B's `__proto__` and
//! `__defineGetter__` family, and the descriptor conversions
//! ToPropertyDescriptor / FromPropertyDescriptor (§6.2.6.4–5) the
//! reflective builtins share.
//!
//! Every algorithm follows the spec's steps in order: getters on
//! descriptor objects, `valueOf`/`toString` of keys and iterator methods
//! observe that order. Key lists from [[OwnPropertyKeys]] are copied into
//! rooted vectors before anything runs, since a getter may delete the
//! property that alone kept a symbol key alive.

use std::collections::HashMap;

use strata_gc::{Gc, RootedVec};

use super::{constructor, method};
use crate::conversions::{same_value, to_boolean};
use crate::function::{Args, NativeFn};
use crate::object::{JsObject, ObjectKind};
use crate::object_ops::get_own_property;
use crate::property::{Attrs, PropertyDescriptor, PropertyKey};
use crate::realm::Intrinsic;
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

/// Installs Object, its static methods and Object.prototype's methods.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let proto = vm.intrinsic(Intrinsic::ObjectPrototype);
    let ctor = constructor(vm, global, "Object", 1, object_ctor, proto)?;
    vm.realm().set_intrinsic(Intrinsic::Object, ctor);

    let statics: [(&str, u32, NativeFn); 23] = [
        ("assign", 2, assign),
        ("create", 2, create),
        ("defineProperties", 2, define_properties),
        ("defineProperty", 3, define_property),
        ("entries", 1, entries),
        ("freeze", 1, freeze),
        ("fromEntries", 1, from_entries),
        ("getOwnPropertyDescriptor", 2, get_own_property_descriptor),
        ("getOwnPropertyDescriptors", 1, get_own_property_descriptors),
        ("getOwnPropertyNames", 1, get_own_property_names),
        ("getOwnPropertySymbols", 1, get_own_property_symbols),
        ("getPrototypeOf", 1, get_prototype_of),
        ("groupBy", 2, group_by),
        ("hasOwn", 2, has_own),
        ("is", 2, is),
        ("isExtensible", 1, is_extensible),
        ("isFrozen", 1, is_frozen),
        ("isSealed", 1, is_sealed),
        ("keys", 1, keys),
        ("preventExtensions", 1, prevent_extensions),
        ("seal", 1, seal),
        ("setPrototypeOf", 2, set_prototype_of),
        ("values", 1, values),
    ];
    for (name, length, f) in statics {
        method(vm, ctor, name, length, f)?;
    }

    let methods: [(&str, u32, NativeFn); 10] = [
        ("hasOwnProperty", 1, has_own_property),
        ("isPrototypeOf", 1, is_prototype_of),
        ("propertyIsEnumerable", 1, property_is_enumerable),
        ("toLocaleString", 0, to_locale_string),
        ("toString", 0, to_string),
        ("valueOf", 0, value_of),
        ("__defineGetter__", 2, define_getter),
        ("__defineSetter__", 2, define_setter),
        ("__lookupGetter__", 1, lookup_getter),
        ("__lookupSetter__", 1, lookup_setter),
    ];
    for (name, length, f) in methods {
        method(vm, proto, name, length, f)?;
    }

    // Annex B.2.2.1: the `__proto__` accessor.
    let get = vm.new_native_function("get __proto__", 0, proto_getter, false)?;
    let set = vm.new_native_function("set __proto__", 1, proto_setter, false)?;
    let key = PropertyKey::String(vm.roots.names.proto);
    let desc = PropertyDescriptor::accessor(Value::from_gc(get), Value::from_gc(set), Attrs::CONFIGURABLE_ONLY);
    vm.define_own_property(proto, key, desc)?;
    Ok(())
}

// ---- shared abstract operations ---------------------------------------------

/// [[OwnPropertyKeys]] of `o`, in a rooted vector.
fn own_keys(vm: &mut Vm, o: Gc<JsObject>) -> JsResult<RootedVec<PropertyKey>> {
    let keys = vm.own_property_keys(o)?;
    let mut rooted = vm.heap.rooted_vec::<PropertyKey>();
    for k in keys {
        rooted.push(k);
    }
    Ok(rooted)
}

/// The `i`-th key of a rooted key list.
fn key_at(keys: &RootedVec<PropertyKey>, i: usize) -> PropertyKey {
    keys.get(i).expect("index below the list's length")
}

/// DefinePropertyOrThrow.
fn define_or_throw(vm: &mut Vm, o: Gc<JsObject>, key: PropertyKey, desc: PropertyDescriptor) -> JsResult<()> {
    if !vm.define_own_property(o, key, desc)? {
        let name = vm.describe_key(key);
        return Err(vm.type_error(&format!("Cannot redefine property: {name}")));
    }
    Ok(())
}

/// `o.[[SetPrototypeOf]](proto)`, with the immutable-prototype exotic
/// behaviour of %Object.prototype% (§10.4.7): only its current prototype
/// may be "set".
fn set_proto(vm: &mut Vm, o: Gc<JsObject>, proto: Value) -> JsResult<bool> {
    vm.set_prototype_of(o, proto)
}

/// The TypeError for a refused [[SetPrototypeOf]] (a proxy's refusal is
/// its trap's, so no reason is guessed for it).
fn set_proto_error(vm: &mut Vm, o: Gc<JsObject>) -> crate::vm::Exception {
    vm.type_error(if o.is_proxy() {
        "'setPrototypeOf' on proxy: trap returned falsish"
    } else if o.is_extensible() {
        "Cyclic __proto__ value"
    } else {
        "#<Object> is not extensible"
    })
}

/// ToPropertyDescriptor (§6.2.6.5).
pub fn to_property_descriptor(vm: &mut Vm, v: Value) -> JsResult<PropertyDescriptor> {
    let Some(o) = v.as_gc::<JsObject>() else {
        let what = vm.describe_value(v);
        return Err(vm.type_error(&format!("Property description must be an object: {what}")));
    };
    let names = [
        vm.roots.names.enumerable,
        vm.roots.names.configurable,
        vm.roots.names.value,
        vm.roots.names.writable,
        vm.roots.names.get,
        vm.roots.names.set,
    ];
    let mut fields = [None; 6];
    for (field, name) in fields.iter_mut().zip(names) {
        let key = PropertyKey::String(name);
        if vm.has_property(o, key)? {
            let x = vm.get(o, key, v)?;
            if (name == vm.roots.names.get || name == vm.roots.names.set) && !x.is_undefined() && !vm.is_callable(x) {
                let which = if name == vm.roots.names.get { "Getter" } else { "Setter" };
                let what = vm.describe_value(x);
                return Err(vm.type_error(&format!("{which} must be a function: {what}")));
            }
            *field = Some(x);
        }
    }
    let [enumerable, configurable, value, writable, get, set] = fields;
    let desc = PropertyDescriptor {
        enumerable: enumerable.map(to_boolean),
        configurable: configurable.map(to_boolean),
        value,
        writable: writable.map(to_boolean),
        get,
        set,
    };
    if desc.is_accessor() && desc.is_data() {
        return Err(vm.type_error(
            "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute",
        ));
    }
    Ok(desc)
}

/// FromPropertyDescriptor (§6.2.6.4): undefined for no descriptor.
pub fn from_property_descriptor(vm: &mut Vm, desc: Option<PropertyDescriptor>) -> JsResult<Value> {
    let Some(d) = desc else { return Ok(Value::UNDEFINED) };
    let o = vm.new_object()?;
    let n = &vm.roots.names;
    let fields = [
        (n.value, d.value),
        (n.writable, d.writable.map(Value::bool)),
        (n.get, d.get),
        (n.set, d.set),
        (n.enumerable, d.enumerable.map(Value::bool)),
        (n.configurable, d.configurable.map(Value::bool)),
    ];
    for (name, v) in fields {
        if let Some(v) = v {
            vm.create_data_property_or_throw(o, PropertyKey::String(name), v)?;
        }
    }
    Ok(Value::from_gc(o))
}

/// A descriptor as six values (absent fields are the hole), so a list of
/// them can live in a rooted vector.
fn push_descriptor(out: &mut RootedVec<Value>, d: &PropertyDescriptor) {
    let b = |x: Option<bool>| x.map_or(Value::HOLE, Value::bool);
    let v = |x: Option<Value>| x.unwrap_or(Value::HOLE);
    for x in [v(d.value), b(d.writable), v(d.get), v(d.set), b(d.enumerable), b(d.configurable)] {
        out.push(x);
    }
}

/// The descriptor `push_descriptor` stored at `i`.
fn descriptor_at(list: &RootedVec<Value>, i: usize) -> PropertyDescriptor {
    let at = |j: usize| list.get(i * 6 + j).filter(|x| !x.is_hole());
    PropertyDescriptor {
        value: at(0),
        writable: at(1).and_then(Value::as_bool),
        get: at(2),
        set: at(3),
        enumerable: at(4).and_then(Value::as_bool),
        configurable: at(5).and_then(Value::as_bool),
    }
}

/// ObjectDefineProperties (§20.1.2.3.1).
fn object_define_properties(vm: &mut Vm, o: Gc<JsObject>, properties: Value) -> JsResult<()> {
    let props = vm.to_object(properties)?;
    let keys = own_keys(vm, props)?;
    let mut chosen = vm.heap.rooted_vec::<PropertyKey>();
    let mut descriptors = vm.heap.rooted_vec::<Value>();
    for i in 0..keys.len() {
        let key = key_at(&keys, i);
        let Some(prop) = get_own_property(vm, props, key)? else { continue };
        if prop.enumerable != Some(true) {
            continue;
        }
        let desc_obj = vm.get(props, key, Value::from_gc(props))?;
        let desc = to_property_descriptor(vm, desc_obj)?;
        chosen.push(key);
        push_descriptor(&mut descriptors, &desc);
    }
    for i in 0..chosen.len() {
        let desc = descriptor_at(&descriptors, i);
        define_or_throw(vm, o, key_at(&chosen, i), desc)?;
    }
    Ok(())
}

/// SetIntegrityLevel (§7.3.15).
fn set_integrity_level(vm: &mut Vm, o: Gc<JsObject>, frozen: bool) -> JsResult<bool> {
    if !vm.prevent_extensions(o)? {
        return Ok(false);
    }
    let keys = own_keys(vm, o)?;
    for i in 0..keys.len() {
        let key = key_at(&keys, i);
        let mut desc = PropertyDescriptor { configurable: Some(false), ..Default::default() };
        if frozen {
            let Some(current) = get_own_property(vm, o, key)? else { continue };
            if !current.is_accessor() {
                desc.writable = Some(false);
            }
        }
        define_or_throw(vm, o, key, desc)?;
    }
    Ok(true)
}

/// TestIntegrityLevel (§7.3.16).
fn test_integrity_level(vm: &mut Vm, o: Gc<JsObject>, frozen: bool) -> JsResult<bool> {
    if vm.is_extensible(o)? {
        return Ok(false);
    }
    let keys = own_keys(vm, o)?;
    for i in 0..keys.len() {
        let Some(d) = get_own_property(vm, o, key_at(&keys, i))? else { continue };
        if d.configurable == Some(true) || (frozen && d.is_data() && d.writable == Some(true)) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// What EnumerableOwnProperties collects.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Collect {
    Keys,
    Values,
    Entries,
}

/// EnumerableOwnProperties (§7.3.23) of ToObject(v), as an array.
fn enumerable_own_properties(vm: &mut Vm, v: Value, kind: Collect) -> JsResult<Value> {
    let o = vm.to_object(v)?;
    let keys = own_keys(vm, o)?;
    let mut out = vm.heap.rooted_vec::<Value>();
    for i in 0..keys.len() {
        let key = key_at(&keys, i);
        if key.is_symbol() {
            continue;
        }
        let Some(d) = get_own_property(vm, o, key)? else { continue };
        if d.enumerable != Some(true) {
            continue;
        }
        let k = vm.key_to_value(key)?;
        let item = match kind {
            Collect::Keys => k,
            Collect::Values => vm.get(o, key, Value::from_gc(o))?,
            Collect::Entries => {
                let x = vm.get(o, key, Value::from_gc(o))?;
                Value::from_gc(vm.new_array(&[k, x])?)
            }
        };
        out.push(item);
    }
    Ok(Value::from_gc(vm.new_array(out.as_slice())?))
}

/// GetOwnPropertyKeys (§20.1.2.11.1): string or symbol keys of
/// ToObject(v), as an array.
fn own_property_keys_of_type(vm: &mut Vm, v: Value, symbols: bool) -> JsResult<Value> {
    let o = vm.to_object(v)?;
    let keys = own_keys(vm, o)?;
    let mut out = vm.heap.rooted_vec::<Value>();
    for i in 0..keys.len() {
        let key = key_at(&keys, i);
        if key.is_symbol() == symbols {
            let k = vm.key_to_value(key)?;
            out.push(k);
        }
    }
    Ok(Value::from_gc(vm.new_array(out.as_slice())?))
}

/// A TypeError for a non-object where the spec requires one.
fn not_an_object(vm: &mut Vm, what: &str, v: Value) -> crate::vm::Exception {
    let desc = vm.describe_value(v);
    vm.type_error(&format!("{what} called on non-object: {desc}"))
}

// ---- the constructor and its static methods -----------------------------

/// Object ( [ value ] ) (§20.1.1.1).
fn object_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    let active = Value::from_gc(vm.intrinsic(Intrinsic::Object));
    if !new_target.is_undefined() && new_target != active {
        let o = vm.ordinary_create_from_constructor(new_target, Intrinsic::ObjectPrototype)?;
        return Ok(Value::from_gc(o));
    }
    let value = args.get(0);
    if value.is_nullish() {
        return Ok(Value::from_gc(vm.new_object()?));
    }
    Ok(Value::from_gc(vm.to_object(value)?))
}

fn assign(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let to = vm.to_object(args.get(0))?;
    let tv = Value::from_gc(to);
    for s in 1..args.len() {
        let source = args.get(s);
        if source.is_nullish() {
            continue;
        }
        let from = vm.to_object(source)?;
        let keys = own_keys(vm, from)?;
        for i in 0..keys.len() {
            let key = key_at(&keys, i);
            let Some(d) = get_own_property(vm, from, key)? else { continue };
            if d.enumerable != Some(true) {
                continue;
            }
            let v = vm.get(from, key, Value::from_gc(from))?;
            if !vm.set(to, key, v, tv)? {
                let name = vm.describe_key(key);
                return Err(vm.type_error(&format!("Cannot assign to read only property '{name}' of object")));
            }
        }
    }
    Ok(tv)
}

fn create(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let proto = args.get(0);
    if !proto.is_null() && proto.as_gc::<JsObject>().is_none() {
        let what = vm.describe_value(proto);
        return Err(vm.type_error(&format!("Object prototype may only be an Object or null: {what}")));
    }
    let o = vm.new_object_with(proto, ObjectKind::Ordinary)?;
    let properties = args.get(1);
    if !properties.is_undefined() {
        object_define_properties(vm, o, properties)?;
    }
    Ok(Value::from_gc(o))
}

fn define_properties(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let Some(o) = args.get(0).as_gc::<JsObject>() else {
        return Err(not_an_object(vm, "Object.defineProperties", args.get(0)));
    };
    object_define_properties(vm, o, args.get(1))?;
    Ok(args.get(0))
}

fn define_property(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let Some(o) = args.get(0).as_gc::<JsObject>() else {
        return Err(not_an_object(vm, "Object.defineProperty", args.get(0)));
    };
    let key = vm.to_property_key(args.get(1))?;
    let desc = to_property_descriptor(vm, args.get(2))?;
    define_or_throw(vm, o, key, desc)?;
    Ok(args.get(0))
}

fn entries(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    enumerable_own_properties(vm, args.get(0), Collect::Entries)
}

fn keys(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    enumerable_own_properties(vm, args.get(0), Collect::Keys)
}

fn values(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    enumerable_own_properties(vm, args.get(0), Collect::Values)
}

fn freeze(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let v = args.get(0);
    if let Some(o) = v.as_gc::<JsObject>()
        && !set_integrity_level(vm, o, true)?
    {
        return Err(vm.type_error("Cannot freeze"));
    }
    Ok(v)
}

fn seal(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let v = args.get(0);
    if let Some(o) = v.as_gc::<JsObject>()
        && !set_integrity_level(vm, o, false)?
    {
        return Err(vm.type_error("Cannot seal"));
    }
    Ok(v)
}

fn prevent_extensions(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let v = args.get(0);
    if let Some(o) = v.as_gc::<JsObject>()
        && !vm.prevent_extensions(o)?
    {
        return Err(vm.type_error("Cannot prevent extensions: [[PreventExtensions]] returned false"));
    }
    Ok(v)
}

fn is_extensible(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    match args.get(0).as_gc::<JsObject>() {
        Some(o) => Ok(Value::bool(vm.is_extensible(o)?)),
        None => Ok(Value::FALSE),
    }
}

fn is_frozen(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    match args.get(0).as_gc::<JsObject>() {
        Some(o) => Ok(Value::bool(test_integrity_level(vm, o, true)?)),
        None => Ok(Value::TRUE),
    }
}

fn is_sealed(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    match args.get(0).as_gc::<JsObject>() {
        Some(o) => Ok(Value::bool(test_integrity_level(vm, o, false)?)),
        None => Ok(Value::TRUE),
    }
}

/// Object.fromEntries (§20.1.2.7): AddEntriesFromIterable with
/// CreateDataPropertyOrThrow as the adder.
fn from_entries(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let iterable = args.get(0);
    if iterable.is_nullish() {
        let what = vm.describe_value(iterable);
        return Err(vm.type_error(&format!("{what} is not iterable")));
    }
    let obj = vm.new_object()?;
    let (iter, next) = vm.get_iterator(iterable)?;
    while let Some(entry) = vm.iterator_step(iter, next)? {
        let step = (|| -> JsResult<()> {
            let Some(e) = entry.as_gc::<JsObject>() else {
                let what = vm.describe_value(entry);
                return Err(vm.type_error(&format!("Iterator value {what} is not an entry object")));
            };
            let k = vm.get(e, PropertyKey::Index(0), entry)?;
            let v = vm.get(e, PropertyKey::Index(1), entry)?;
            let key = vm.to_property_key(k)?;
            vm.create_data_property_or_throw(obj, key, v)
        })();
        if let Err(e) = step {
            vm.iterator_close(iter, true)?;
            return Err(e);
        }
    }
    Ok(Value::from_gc(obj))
}

fn get_own_property_descriptor(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(args.get(0))?;
    let key = vm.to_property_key(args.get(1))?;
    let desc = get_own_property(vm, o, key)?;
    from_property_descriptor(vm, desc)
}

fn get_own_property_descriptors(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(args.get(0))?;
    let keys = own_keys(vm, o)?;
    let descriptors = vm.new_object()?;
    for i in 0..keys.len() {
        let key = key_at(&keys, i);
        let desc = get_own_property(vm, o, key)?;
        let d = from_property_descriptor(vm, desc)?;
        if !d.is_undefined() {
            vm.create_data_property_or_throw(descriptors, key, d)?;
        }
    }
    Ok(Value::from_gc(descriptors))
}

fn get_own_property_names(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    own_property_keys_of_type(vm, args.get(0), false)
}

fn get_own_property_symbols(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    own_property_keys_of_type(vm, args.get(0), true)
}

fn get_prototype_of(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(args.get(0))?;
    vm.get_prototype_of(o)
}

/// Object.groupBy (§20.1.2.12): GroupBy with property keys, into a
/// null-prototype object of arrays.
fn group_by(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (items, callback) = (args.get(0), args.get(1));
    if items.is_nullish() {
        let what = vm.describe_value(items);
        return Err(vm.type_error(&format!("{what} is not iterable")));
    }
    if !vm.is_callable(callback) {
        let what = vm.describe_value(callback);
        return Err(vm.type_error(&format!("{what} is not a function")));
    }
    // Groups in first-seen order: keys[i] holds the array groups[i]. The
    // arrays stay private until the end, so filling them is unobservable.
    let mut keys = vm.heap.rooted_vec::<PropertyKey>();
    let mut groups = vm.heap.rooted_vec::<Value>();
    let mut index: HashMap<PropertyKey, usize> = HashMap::new();
    let (iter, next) = vm.get_iterator(items)?;
    let mut k: u64 = 0;
    loop {
        if k >= 9007199254740991 {
            let e = vm.type_error("Too many elements to group");
            vm.iterator_close(iter, true)?;
            return Err(e);
        }
        let Some(value) = vm.iterator_step(iter, next)? else { break };
        let key = match vm.call(callback, Value::UNDEFINED, &[value, Value::number(k as f64)]) {
            Ok(x) => vm.to_property_key(x),
            Err(e) => Err(e),
        };
        let key = match key {
            Ok(key) => key,
            Err(e) => {
                vm.iterator_close(iter, true)?;
                return Err(e);
            }
        };
        let group = match index.get(&key) {
            Some(&g) => groups.get(g).expect("group index in range"),
            None => {
                let a = Value::from_gc(vm.new_array(&[])?);
                index.insert(key, groups.len());
                keys.push(key);
                groups.push(a);
                a
            }
        };
        let a = group.as_gc::<JsObject>().expect("groups are arrays");
        let len = super::array::length_of(vm, a)?;
        vm.create_data_property_or_throw(a, PropertyKey::Index(len as u32), value)?;
        k += 1;
    }
    let obj = vm.new_object_with(Value::NULL, ObjectKind::Ordinary)?;
    for i in 0..keys.len() {
        let g = groups.get(i).expect("one array per key");
        vm.create_data_property_or_throw(obj, key_at(&keys, i), g)?;
    }
    Ok(Value::from_gc(obj))
}

fn has_own(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(args.get(0))?;
    let key = vm.to_property_key(args.get(1))?;
    Ok(Value::bool(get_own_property(vm, o, key)?.is_some()))
}

fn is(_vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::bool(same_value(args.get(0), args.get(1))))
}

fn set_prototype_of(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (v, proto) = (args.get(0), args.get(1));
    if v.is_nullish() {
        return Err(vm.type_error("Object.setPrototypeOf called on null or undefined"));
    }
    if !proto.is_null() && proto.as_gc::<JsObject>().is_none() {
        let what = vm.describe_value(proto);
        return Err(vm.type_error(&format!("Object prototype may only be an Object or null: {what}")));
    }
    let Some(o) = v.as_gc::<JsObject>() else { return Ok(v) };
    if !set_proto(vm, o, proto)? {
        return Err(set_proto_error(vm, o));
    }
    Ok(v)
}

// ---- Object.prototype ----------------------------------------------------------

fn has_own_property(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let key = vm.to_property_key(args.get(0))?;
    let o = vm.to_object(this)?;
    Ok(Value::bool(get_own_property(vm, o, key)?.is_some()))
}

fn is_prototype_of(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let Some(mut v) = args.get(0).as_gc::<JsObject>() else { return Ok(Value::FALSE) };
    let o = vm.to_object(this)?;
    loop {
        match vm.get_prototype_of(v)?.as_gc::<JsObject>() {
            None => return Ok(Value::FALSE),
            Some(p) if p == o => return Ok(Value::TRUE),
            Some(p) => v = p,
        }
    }
}

fn property_is_enumerable(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let key = vm.to_property_key(args.get(0))?;
    let o = vm.to_object(this)?;
    let d = get_own_property(vm, o, key)?;
    Ok(Value::bool(d.is_some_and(|d| d.enumerable == Some(true))))
}

fn to_locale_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let key = PropertyKey::String(vm.roots.names.to_string);
    let f = vm.get_value(this, key)?;
    vm.call(f, this, &[])
}

/// Object.prototype.toString (§20.1.3.6).
pub fn to_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    if this.is_undefined() {
        return vm.string_value("[object Undefined]");
    }
    if this.is_null() {
        return vm.string_value("[object Null]");
    }
    let o = vm.to_object(this)?;
    let builtin_tag = match &o.kind {
        ObjectKind::Proxy(_) if super::array::is_array(vm, this)? => "Array",
        ObjectKind::Proxy(p) if p.callable => "Function",
        ObjectKind::Array { .. } => "Array",
        ObjectKind::Arguments(_) => "Arguments",
        ObjectKind::Function(_) | ObjectKind::BoundFunction(_) => "Function",
        ObjectKind::Error => "Error",
        ObjectKind::Boolean(_) => "Boolean",
        ObjectKind::Number(_) => "Number",
        ObjectKind::String(_) => "String",
        ObjectKind::Date(_) => "Date",
        ObjectKind::RegExp(_) => "RegExp",
        _ => "Object",
    };
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::ToStringTag));
    let tag = vm.get(o, key, Value::from_gc(o))?;
    let mut units: Vec<u16> = "[object ".encode_utf16().collect();
    match tag.as_gc::<JsString>() {
        Some(s) => units.extend(s.flat().units()),
        None => units.extend(builtin_tag.encode_utf16()),
    }
    units.push(b']' as u16);
    Ok(Value::from_gc(vm.new_string_units(&units)?))
}

fn value_of(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::from_gc(vm.to_object(this)?))
}

fn proto_getter(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    vm.get_prototype_of(o)
}

fn proto_setter(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    if this.is_nullish() {
        return Err(vm.type_error("Object.prototype.__proto__ called on null or undefined"));
    }
    let proto = args.get(0);
    if !proto.is_null() && proto.as_gc::<JsObject>().is_none() {
        return Ok(Value::UNDEFINED);
    }
    let Some(o) = this.as_gc::<JsObject>() else { return Ok(Value::UNDEFINED) };
    if !set_proto(vm, o, proto)? {
        return Err(set_proto_error(vm, o));
    }
    Ok(Value::UNDEFINED)
}

/// `__defineGetter__` / `__defineSetter__` (Annex B.2.2.2–3).
fn define_accessor(vm: &mut Vm, this: Value, args: Args, setter: bool) -> JsResult<Value> {
    let o = vm.to_object(this)?;
    let f = args.get(1);
    if !vm.is_callable(f) {
        let name = if setter { "__defineSetter__" } else { "__defineGetter__" };
        return Err(vm.type_error(&format!("Object.prototype.{name}: Expecting function")));
    }
    let mut desc = PropertyDescriptor { enumerable: Some(true), configurable: Some(true), ..Default::default() };
    if setter {
        desc.set = Some(f);
    } else {
        desc.get = Some(f);
    }
    let key = vm.to_property_key(args.get(0))?;
    define_or_throw(vm, o, key, desc)?;
    Ok(Value::UNDEFINED)
}

fn define_getter(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    define_accessor(vm, this, args, false)
}

fn define_setter(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    define_accessor(vm, this, args, true)
}

/// `__lookupGetter__` / `__lookupSetter__` (Annex B.2.2.4–5).
fn lookup_accessor(vm: &mut Vm, this: Value, args: Args, setter: bool) -> JsResult<Value> {
    let mut o = vm.to_object(this)?;
    let key = vm.to_property_key(args.get(0))?;
    loop {
        if let Some(d) = get_own_property(vm, o, key)? {
            let f = if setter { d.set } else { d.get };
            return Ok(if d.is_accessor() { f.unwrap_or(Value::UNDEFINED) } else { Value::UNDEFINED });
        }
        match vm.get_prototype_of(o)?.as_gc::<JsObject>() {
            Some(p) => o = p,
            None => return Ok(Value::UNDEFINED),
        }
    }
}

fn lookup_getter(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    lookup_accessor(vm, this, args, false)
}

fn lookup_setter(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    lookup_accessor(vm, this, args, true)
}
