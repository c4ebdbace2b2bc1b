//! Symbol (ECMA-262 §20.4): the constructor (callable, never with `new`),
//! the global registry (`Symbol.for` / `Symbol.keyFor`, kept in
//! `vm.roots.symbol_registry` and shared by every realm of the vm), the
//! well-known symbols, and Symbol.prototype.

use strata_gc::Gc;

use super::{constructor, getter, method, symbol_method};
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::realm::Intrinsic;
use crate::string::JsString;
use crate::symbol::Symbol;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WELL_KNOWN_NAMES, WellKnown};

/// Installs Symbol, the well-known symbols and Symbol.prototype.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let proto = vm.intrinsic(Intrinsic::SymbolPrototype);
    let ctor = constructor(vm, global, "Symbol", 0, symbol_ctor, proto)?;
    vm.realm().set_intrinsic(Intrinsic::Symbol, ctor);
    method(vm, ctor, "for", 1, symbol_for)?;
    method(vm, ctor, "keyFor", 1, key_for)?;
    for (i, name) in WELL_KNOWN_NAMES.iter().enumerate() {
        let sym = vm.roots.well_known[i];
        vm.define_value(ctor, name, Value::from_gc(sym), Attrs::NONE)?;
    }

    method(vm, proto, "toString", 0, to_string)?;
    method(vm, proto, "valueOf", 0, value_of)?;
    let key = vm.key("description");
    getter(vm, proto, key, "description", description)?;
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::ToPrimitive));
    let f = symbol_method(vm, proto, key, "[Symbol.toPrimitive]", 1, to_primitive)?;
    vm.define_own_simple(proto, key, Value::from_gc(f), Attrs::CONFIGURABLE_ONLY)?;
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::ToStringTag));
    let tag = vm.string_value("Symbol")?;
    vm.define_own_simple(proto, key, tag, Attrs::CONFIGURABLE_ONLY)?;
    Ok(())
}

/// Symbol ( [ description ] ) (§20.4.1.1).
fn symbol_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if !new_target.is_undefined() {
        return Err(vm.type_error("Symbol is not a constructor"));
    }
    let d = args.get(0);
    let description = if d.is_undefined() { d } else { Value::from_gc(vm.to_string(d)?) };
    let sym = vm.alloc(Symbol { description, registered: false, private: false })?;
    Ok(Value::from_gc(sym))
}

/// Symbol.for (§20.4.2.2).
fn symbol_for(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let key = vm.to_string(args.get(0))?;
    let units = key.to_units();
    if let Some(&s) = vm.roots.symbol_registry.get(units.as_slice()) {
        return Ok(Value::from_gc(s));
    }
    let sym = vm.alloc(Symbol { description: Value::from_gc(key), registered: true, private: false })?;
    vm.roots.symbol_registry.insert(units.into(), sym);
    Ok(Value::from_gc(sym))
}

/// Symbol.keyFor (§20.4.2.6).
fn key_for(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let Some(sym) = args.get(0).as_gc::<Symbol>() else {
        let what = vm.describe_value(args.get(0));
        return Err(vm.type_error(&format!("{what} is not a symbol")));
    };
    Ok(if sym.registered { sym.description } else { Value::UNDEFINED })
}

/// thisSymbolValue (§20.4.3): a symbol, or a Symbol wrapper's symbol.
fn this_symbol_value(vm: &mut Vm, this: Value, method: &str) -> JsResult<Gc<Symbol>> {
    if let Some(s) = this.as_gc::<Symbol>() {
        return Ok(s);
    }
    if let Some(o) = this.as_gc::<JsObject>()
        && let ObjectKind::Symbol(s) = &o.kind
    {
        return Ok(*s);
    }
    Err(vm.type_error(&format!("{method} requires that 'this' be a Symbol")))
}

/// SymbolDescriptiveString (§20.4.3.3.1).
pub fn descriptive_string(vm: &mut Vm, sym: Gc<Symbol>) -> JsResult<Gc<JsString>> {
    let mut units: Vec<u16> = "Symbol(".encode_utf16().collect();
    if let Some(d) = sym.description.as_gc::<JsString>() {
        units.extend(d.flat().units());
    }
    units.push(b')' as u16);
    vm.new_string_units(&units)
}

fn to_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let sym = this_symbol_value(vm, this, "Symbol.prototype.toString")?;
    Ok(Value::from_gc(descriptive_string(vm, sym)?))
}

fn value_of(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::from_gc(this_symbol_value(vm, this, "Symbol.prototype.valueOf")?))
}

fn description(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(this_symbol_value(vm, this, "Symbol.prototype.description")?.description)
}

fn to_primitive(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::from_gc(this_symbol_value(vm, this, "Symbol.prototype [ @@toPrimitive ]")?))
}
