//! Builtins: realm creation and one file per constructor (ECMA-262 §19–§28).
//!
//! `create_realm` builds the intrinsics in dependency order — the
//! prototypes first (Object.prototype, then Function.prototype, which every
//! native function needs), then the global object — and lets each file
//! install its constructor and methods. Helpers here keep those files
//! short: `method`, `getter`, `constructor`.

pub mod array;
pub mod array_buffer;
pub mod atomics;
pub mod shared_memory;
pub mod base64;
pub mod data_view;
pub mod typed_array;
pub mod typed_array_methods;
pub mod async_iteration;
pub mod array_elements;
pub mod array_from_async;
pub mod array_iteration;
pub mod array_sort;
pub mod bigint;
pub mod boolean;
pub mod promise;
pub mod date;
pub mod error;
pub mod function;
pub mod global;
pub mod iterator;
pub mod json;
pub mod map;
pub mod math;
pub mod math_sum_precise;
pub mod number;
pub mod object;
pub mod proxy;
pub mod reflect;
pub mod regexp;
pub mod regexp_legacy;
pub mod regexp_symbols;
pub mod ordered_table;
pub mod set;
pub mod string;
pub mod structured_clone;
pub mod symbol;
pub mod temporal;
pub mod weak;

use strata_gc::Gc;

use crate::function::{Args, FunctionCode, FunctionData, NativeFn};
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyDescriptor, PropertyKey};
use crate::realm::{Intrinsic, Realm};
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Creates a realm, makes it current, and returns it.
pub fn create_realm(vm: &mut Vm) -> Gc<Realm> {
    let realm = vm.alloc_or_abort(Realm::empty());
    vm.roots.realms.push(realm);
    let previous = vm.roots.realm.replace(realm);
    if let Err(e) = build_intrinsics(vm, realm) {
        let msg = vm.display_string(e.0).unwrap_or_default();
        panic!("creating a realm failed: {msg}");
    }
    if let Some(p) = previous {
        vm.roots.realm = Some(p);
    }
    realm
}

fn build_intrinsics(vm: &mut Vm, realm: Gc<Realm>) -> JsResult<()> {
    // Object.prototype (null prototype) and Function.prototype (a native
    // function that accepts anything and returns undefined).
    let object_proto = vm.new_object_with(Value::NULL, ObjectKind::Ordinary)?;
    realm.set_intrinsic(Intrinsic::ObjectPrototype, object_proto);
    let op = Value::from_gc(object_proto);
    let function_proto = vm.new_object_with(
        op,
        ObjectKind::Function(FunctionData {
            code: FunctionCode::Native { f: function::function_prototype_call, constructor: false },
            realm,
            home_object: std::cell::Cell::new(Value::UNDEFINED),
            fields: std::cell::Cell::new(Value::UNDEFINED),
                captures: std::cell::Cell::new(Value::UNDEFINED),
        }),
    )?;
    realm.set_intrinsic(Intrinsic::FunctionPrototype, function_proto);
    let len_key = PropertyKey::String(vm.roots.names.length);
    vm.add_named_property(function_proto, len_key, Value::int(0), Attrs::CONFIGURABLE_ONLY)?;
    let name_key = PropertyKey::String(vm.roots.names.name);
    let empty = Value::from_gc(vm.roots.names.empty);
    vm.add_named_property(function_proto, name_key, empty, Attrs::CONFIGURABLE_ONLY)?;

    let plain = |vm: &mut Vm, which: Intrinsic, proto: Value, kind: ObjectKind| -> JsResult<Gc<JsObject>> {
        let o = vm.new_object_with(proto, kind)?;
        vm.realm().set_intrinsic(which, o);
        Ok(o)
    };
    plain(
        vm,
        Intrinsic::ArrayPrototype,
        op,
        ObjectKind::Array { length: std::cell::Cell::new(0), length_writable: std::cell::Cell::new(true) },
    )?;
    let empty_str = vm.roots.names.empty;
    plain(vm, Intrinsic::StringPrototype, op, ObjectKind::String(empty_str))?;
    let sp = vm.intrinsic(Intrinsic::StringPrototype);
    let len_key = PropertyKey::String(vm.roots.names.length);
    vm.add_named_property(sp, len_key, Value::int(0), Attrs::NONE)?;
    plain(vm, Intrinsic::NumberPrototype, op, ObjectKind::Number(0.0))?;
    plain(vm, Intrinsic::BooleanPrototype, op, ObjectKind::Boolean(false))?;
    plain(vm, Intrinsic::SymbolPrototype, op, ObjectKind::Ordinary)?;
    plain(vm, Intrinsic::BigIntPrototype, op, ObjectKind::Ordinary)?;
    let iterator_proto = plain(vm, Intrinsic::IteratorPrototype, op, ObjectKind::Ordinary)?;
    let ip = Value::from_gc(iterator_proto);
    plain(vm, Intrinsic::ArrayIteratorPrototype, ip, ObjectKind::Ordinary)?;
    plain(vm, Intrinsic::StringIteratorPrototype, ip, ObjectKind::Ordinary)?;
    plain(vm, Intrinsic::PromisePrototype, op, ObjectKind::Ordinary)?;

    let global = vm.new_object_with(op, ObjectKind::Global)?;
    // Global ICs cache the global object's slots.
    global.watch();
    realm.global.set(Value::from_gc(global));

    // %ThrowTypeError%: frozen, nameless, length 0.
    let thrower = vm.new_native_function("", 0, throw_type_error, false)?;
    thrower.prevent_extensions();
    let len_key = PropertyKey::String(vm.roots.names.length);
    vm.define_own_property(thrower, len_key, PropertyDescriptor { configurable: Some(false), ..Default::default() })?;
    let name_key = PropertyKey::String(vm.roots.names.name);
    vm.define_own_property(thrower, name_key, PropertyDescriptor { configurable: Some(false), ..Default::default() })?;
    realm.set_intrinsic(Intrinsic::ThrowTypeError, thrower);

    object::init(vm, global)?;
    error::init(vm, global)?;
    function::init(vm, global)?;
    array::init(vm, global)?;
    string::init(vm, global)?;
    regexp::init(vm, global)?;
    number::init(vm, global)?;
    boolean::init(vm, global)?;
    symbol::init(vm, global)?;
    bigint::init(vm, global)?;
    iterator::init(vm, global)?;
    math::init(vm, global)?;
    json::init(vm, global)?;
    date::init(vm, global)?;
    promise::init(vm, global)?;
    structured_clone::init(vm, global)?;
    proxy::init(vm, global)?;
    reflect::init(vm, global)?;
    map::init(vm, global)?;
    set::init(vm, global)?;
    weak::init(vm, global)?;
    temporal::init(vm, global)?;
    array_buffer::init(vm, global)?;
    typed_array::init(vm, global)?;
    data_view::init(vm, global)?;
    atomics::init(vm, global)?;
    async_iteration::init(vm)?;
    crate::interpreter::generators::init(vm)?;
    function::init_dynamic_function_constructors(vm)?;
    global::init(vm, global)?;
    install_globals(vm, global)?;

    let oom = vm.new_error(crate::error::ErrorKind::RangeError, "Out of memory: the heap limit was reached (--max-heap-size)")?;
    realm.set_intrinsic(Intrinsic::OutOfMemoryError, oom);
    Ok(())
}

fn install_globals(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let g = Value::from_gc(global);
    vm.define_value(global, "globalThis", g, Attrs::HIDDEN)?;
    vm.define_value(global, "NaN", Value::double(f64::NAN), Attrs::NONE)?;
    vm.define_value(global, "Infinity", Value::double(f64::INFINITY), Attrs::NONE)?;
    vm.define_value(global, "undefined", Value::UNDEFINED, Attrs::NONE)?;
    Ok(())
}

fn throw_type_error(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Err(vm.type_error("'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them"))
}

/// Defines a builtin method `name` (writable, configurable, not enumerable).
pub fn method(vm: &mut Vm, obj: Gc<JsObject>, name: &str, length: u32, f: NativeFn) -> JsResult<Gc<JsObject>> {
    let func = vm.new_native_function(name, length, f, false)?;
    vm.define_value(obj, name, Value::from_gc(func), Attrs::HIDDEN)?;
    Ok(func)
}

/// Defines a builtin method under a symbol key; its name is `[description]`.
pub fn symbol_method(vm: &mut Vm, obj: Gc<JsObject>, key: PropertyKey, name: &str, length: u32, f: NativeFn) -> JsResult<Gc<JsObject>> {
    let func = vm.new_native_function(name, length, f, false)?;
    vm.define_own_simple(obj, key, Value::from_gc(func), Attrs::HIDDEN)?;
    Ok(func)
}

/// Defines a builtin accessor with a getter (and no setter).
pub fn getter(vm: &mut Vm, obj: Gc<JsObject>, key: PropertyKey, name: &str, f: NativeFn) -> JsResult<()> {
    let func = vm.new_native_function(&format!("get {name}"), 0, f, false)?;
    let desc = PropertyDescriptor::accessor(Value::from_gc(func), Value::UNDEFINED, Attrs::CONFIGURABLE_ONLY);
    vm.define_own_property(obj, key, desc)?;
    Ok(())
}

/// Creates a constructor `name` with `prototype` (linked both ways) and
/// installs it on the global object.
pub fn constructor(
    vm: &mut Vm,
    global: Gc<JsObject>,
    name: &str,
    length: u32,
    f: NativeFn,
    prototype: Gc<JsObject>,
) -> JsResult<Gc<JsObject>> {
    let ctor = vm.new_native_function(name, length, f, true)?;
    let key = PropertyKey::String(vm.roots.names.prototype);
    vm.define_own_simple(ctor, key, Value::from_gc(prototype), Attrs::NONE)?;
    let ckey = PropertyKey::String(vm.roots.names.constructor);
    vm.define_own_simple(prototype, ckey, Value::from_gc(ctor), Attrs::HIDDEN)?;
    vm.define_value(global, name, Value::from_gc(ctor), Attrs::HIDDEN)?;
    Ok(ctor)
}

/// SpeciesConstructor ( O, defaultConstructor ) (§7.3.22), the default
/// being the current realm's `default`; `what` names O's kind in the
/// errors ("promise", "RegExp").
pub(crate) fn species_constructor(vm: &mut Vm, o: Gc<JsObject>, default: Intrinsic, what: &str) -> JsResult<Value> {
    let default = Value::from_gc(vm.intrinsic(default));
    let key = PropertyKey::String(vm.roots.names.constructor);
    let c = vm.get(o, key, Value::from_gc(o))?;
    if c.is_undefined() {
        return Ok(default);
    }
    let Some(c_obj) = c.as_gc::<JsObject>() else {
        return Err(vm.type_error(&format!("The {what}'s constructor property is not an object")));
    };
    let species = PropertyKey::Symbol(vm.well_known(crate::vm::WellKnown::Species));
    let s = vm.get(c_obj, species, c)?;
    if s.is_nullish() {
        return Ok(default);
    }
    if vm.is_constructor(s) {
        return Ok(s);
    }
    Err(vm.type_error(&format!("The {what}'s constructor[Symbol.species] is not a constructor")))
}

/// `this` as an object of kind `F`, or a TypeError naming the method.
pub fn this_object(vm: &mut Vm, this: Value, method: &str) -> JsResult<Gc<JsObject>> {
    match this.as_gc::<JsObject>() {
        Some(o) => Ok(o),
        None => Err(vm.type_error(&format!("{method} called on non-object"))),
    }
}
