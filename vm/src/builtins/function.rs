//! Function.prototype (ECMA-262 §20.2.3): call, apply, bind, toString,
//! [Symbol.hasInstance]. The Function constructor compiles source at run
//! time and arrives with `eval` (the conformance issue); until then
//! calling it throws an EvalError saying so.

use strata_gc::Gc;

use super::{constructor, method, symbol_method};
use crate::function::{Args, BoundFunction, FunctionCode};
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::realm::Intrinsic;
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

/// Installs Function and Function.prototype's methods.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let fp = vm.intrinsic(Intrinsic::FunctionPrototype);
    let ctor = constructor(vm, global, "Function", 1, function_ctor, fp)?;
    vm.realm().set_intrinsic(Intrinsic::Function, ctor);
    method(vm, fp, "apply", 2, apply)?;
    method(vm, fp, "bind", 1, bind)?;
    method(vm, fp, "call", 1, call)?;
    method(vm, fp, "toString", 0, to_string)?;
    // AddRestrictedFunctionProperties(%Function.prototype%): `caller` and
    // `arguments` are accessors that throw (§10.2.4), which strict
    // functions, arrows and methods inherit.
    let thrower = vm.realm().intrinsic_value(Intrinsic::ThrowTypeError);
    for name in ["caller", "arguments"] {
        let key = vm.key(name);
        let desc = crate::property::PropertyDescriptor::accessor(thrower, thrower, Attrs::CONFIGURABLE_ONLY);
        vm.define_own_property(fp, key, desc)?;
    }
    let key = PropertyKey::Symbol(vm.well_known(WellKnown::HasInstance));
    let f = symbol_method(vm, fp, key, "[Symbol.hasInstance]", 1, has_instance)?;
    vm.define_own_simple(fp, key, Value::from_gc(f), Attrs::NONE)?;
    Ok(())
}

/// The behaviour of Function.prototype itself: returns undefined.
pub fn function_prototype_call(_vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::UNDEFINED)
}

fn function_ctor(vm: &mut Vm, _this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    Err(vm.error(crate::error::ErrorKind::EvalError, "the Function constructor (code from strings) is not supported yet"))
}

fn require_callable(vm: &mut Vm, this: Value, name: &str) -> JsResult<()> {
    if !vm.is_callable(this) {
        return Err(vm.type_error(&format!("Function.prototype.{name} called on a non-function")));
    }
    Ok(())
}

fn call(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    require_callable(vm, this, "call")?;
    let rest = vm.heap.rooted_vec::<Value>();
    let mut rest = rest;
    for i in 1..args.len() {
        rest.push(args.get(i));
    }
    vm.call(this, args.get(0), rest.as_slice())
}

fn apply(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    require_callable(vm, this, "apply")?;
    let list = args.get(1);
    if list.is_nullish() {
        return vm.call(this, args.get(0), &[]);
    }
    let values = vm.create_list_from_array_like(list)?;
    vm.call(this, args.get(0), values.as_slice())
}

fn bind(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    require_callable(vm, this, "bind")?;
    let target = this.as_gc::<JsObject>().expect("callable values are objects");
    let bound_args: Box<[Value]> = (1..args.len()).map(|i| args.get(i)).collect();
    let nbound = bound_args.len();
    let proto = vm.get_prototype_of(target)?;
    let f = vm.new_object_with(proto, ObjectKind::BoundFunction(BoundFunction { target: this, this: args.get(0), args: bound_args }))?;
    // length: max(0, target.length - bound args) when the target has an
    // own numeric length.
    let len_key = PropertyKey::String(vm.roots.names.length);
    let mut length = 0.0;
    if crate::object_ops::get_own_property(vm, target, len_key)?.is_some() {
        let l = vm.get(target, len_key, this)?;
        if let Some(n) = l.as_number() {
            length = if n == f64::INFINITY {
                f64::INFINITY
            } else if n == f64::NEG_INFINITY {
                0.0
            } else {
                (crate::number_conv::to_integer_or_infinity(n) - nbound as f64).max(0.0)
            };
        }
    }
    vm.add_named_property(f, len_key, Value::number(length), Attrs::CONFIGURABLE_ONLY)?;
    let name_key = PropertyKey::String(vm.roots.names.name);
    let name = vm.get(target, name_key, this)?;
    let name = match name.as_gc::<JsString>() {
        Some(s) => s.to_rust_string(),
        None => String::new(),
    };
    let n = vm.string_value(&format!("bound {name}"))?;
    vm.add_named_property(f, name_key, n, Attrs::CONFIGURABLE_ONLY)?;
    Ok(Value::from_gc(f))
}

fn to_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let Some(f) = this.as_gc::<JsObject>().filter(|f| f.is_callable()) else {
        return Err(vm.type_error("Function.prototype.toString requires that 'this' be a Function"));
    };
    let text = match &f.kind {
        ObjectKind::Function(d) => match &d.code {
            FunctionCode::Bytecode { shared, .. } => {
                let code = &shared.code;
                vm.scripts
                    .get(code.script as usize)
                    .and_then(|s| s.source.get(code.source_start as usize..code.source_end as usize))
                    .map(str::to_string)
                    .unwrap_or_else(|| "function () { [native code] }".into())
            }
            FunctionCode::Native { .. } => {
                let name_key = PropertyKey::String(vm.roots.names.name);
                let name = vm.get(f, name_key, this)?;
                let name = name.as_gc::<JsString>().map(|s| s.to_rust_string()).unwrap_or_default();
                format!("function {name}() {{ [native code] }}")
            }
        },
        _ => "function () { [native code] }".into(),
    };
    vm.string_value(&text)
}

fn has_instance(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    Ok(Value::bool(vm.ordinary_has_instance(this, args.get(0))?))
}

impl Vm {
    /// CreateListFromArrayLike, into a rooted vector.
    pub fn create_list_from_array_like(&mut self, v: Value) -> JsResult<strata_gc::RootedVec<Value>> {
        let Some(o) = v.as_gc::<JsObject>() else {
            return Err(self.type_error("CreateListFromArrayLike called on non-object"));
        };
        let len_key = PropertyKey::String(self.roots.names.length);
        let len = self.get(o, len_key, v)?;
        let len = self.to_length(len)?;
        if len > (1 << 24) {
            return Err(self.range_error("Too many arguments in function call (only 16777216 allowed)"));
        }
        let mut out = self.heap.rooted_vec::<Value>();
        for i in 0..len as u32 {
            let x = self.get(o, PropertyKey::Index(i), v)?;
            out.push(x);
        }
        Ok(out)
    }
}
