//! Function.prototype (ECMA-262 §20.2.3): call, apply, bind, toString,
//! [Symbol.hasInstance]; the Function, GeneratorFunction, AsyncFunction
//! and AsyncGeneratorFunction constructors (CreateDynamicFunction,
//! §20.2.1.1.1), which compile source text at run time in the global
//! scope. The last three are not globals: they are the `constructor`s of
//! their prototypes (`Object.getPrototypeOf(function*(){}).constructor`).

use strata_gc::Gc;

use super::{constructor, method, symbol_method};
use crate::function::{Args, BoundFunction, FunctionCode, NativeFn};
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
    install_prototype_methods(vm, fp)
}

/// Installs GeneratorFunction, AsyncFunction and AsyncGeneratorFunction as
/// the `constructor`s of their prototypes (after `generators::init` made
/// those).
pub fn init_dynamic_function_constructors(vm: &mut Vm) -> JsResult<()> {
    let ctor = vm.intrinsic(Intrinsic::Function);
    let kinds: [(&str, NativeFn, Intrinsic); 3] = [
        ("GeneratorFunction", generator_function_ctor, Intrinsic::GeneratorFunctionPrototype),
        ("AsyncFunction", async_function_ctor, Intrinsic::AsyncFunctionPrototype),
        ("AsyncGeneratorFunction", async_generator_function_ctor, Intrinsic::AsyncGeneratorFunctionPrototype),
    ];
    for (name, f, proto) in kinds {
        let proto = vm.intrinsic(proto);
        let c = vm.new_native_function(name, 1, f, true)?;
        // A subclass of Function: its [[Prototype]] is %Function%.
        vm.set_prototype_of(c, Value::from_gc(ctor))?;
        let key = PropertyKey::String(vm.roots.names.prototype);
        vm.define_own_simple(c, key, Value::from_gc(proto), Attrs::NONE)?;
        let ckey = PropertyKey::String(vm.roots.names.constructor);
        vm.define_own_simple(proto, ckey, Value::from_gc(c), Attrs::CONFIGURABLE_ONLY)?;
    }
    Ok(())
}

fn install_prototype_methods(vm: &mut Vm, fp: Gc<JsObject>) -> JsResult<()> {
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

/// Which function a dynamic function constructor makes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DynamicKind {
    Normal,
    Generator,
    Async,
    AsyncGenerator,
}

fn function_ctor(vm: &mut Vm, _this: Value, args: Args, nt: Value) -> JsResult<Value> {
    create_dynamic_function(vm, Intrinsic::Function, nt, DynamicKind::Normal, args)
}

fn generator_function_ctor(vm: &mut Vm, _this: Value, args: Args, nt: Value) -> JsResult<Value> {
    create_dynamic_function(vm, Intrinsic::GeneratorFunctionPrototype, nt, DynamicKind::Generator, args)
}

fn async_function_ctor(vm: &mut Vm, _this: Value, args: Args, nt: Value) -> JsResult<Value> {
    create_dynamic_function(vm, Intrinsic::AsyncFunctionPrototype, nt, DynamicKind::Async, args)
}

fn async_generator_function_ctor(vm: &mut Vm, _this: Value, args: Args, nt: Value) -> JsResult<Value> {
    create_dynamic_function(vm, Intrinsic::AsyncGeneratorFunctionPrototype, nt, DynamicKind::AsyncGenerator, args)
}

/// CreateDynamicFunction (§20.2.1.1.1). The source text is assembled as
/// the spec says (`function anonymous(a,b\n) {\nbody\n}`, which
/// `toString` returns) and compiled as a script holding that one function
/// declaration; the parameters and the body must each stand on their own,
/// which holds when the script is exactly that declaration with its body
/// where it was put. The function is the declaration's code closed over
/// the global scope (the script itself never runs, so no global binding
/// `anonymous` exists). `fallback` names the intrinsic whose prototype a
/// newTarget without an object `prototype` gives.
fn create_dynamic_function(vm: &mut Vm, fallback: Intrinsic, new_target: Value, kind: DynamicKind, args: Args) -> JsResult<Value> {
    let count = args.len();
    let mut params = String::new();
    for i in 0..count.saturating_sub(1) {
        if i > 0 {
            params.push(',');
        }
        let s = vm.to_string(args.get(i))?;
        params.push_str(&s.to_rust_string());
    }
    let body = if count > 0 { vm.to_string(args.get(count - 1))?.to_rust_string() } else { String::new() };
    let prefix = match kind {
        DynamicKind::Normal => "function",
        DynamicKind::Generator => "function*",
        DynamicKind::Async => "async function",
        DynamicKind::AsyncGenerator => "async function*",
    };
    let head = format!("{prefix} anonymous({params}\n) ");
    let source = format!("{head}{{\n{body}\n}}");
    let body_start = head.len() as u32;
    let code = vm.compile_dynamic_function(&source, body_start)?;
    let shared = vm.link_function(code)?;
    let closure = vm.new_closure(shared, Value::UNDEFINED)?;
    let fallback_proto = match kind {
        DynamicKind::Normal => Intrinsic::FunctionPrototype,
        _ => fallback,
    };
    // Without newTarget the constructor itself is used, whose `prototype`
    // is the non-writable, non-configurable fallback.
    if new_target.is_undefined() {
        return Ok(Value::from_gc(closure));
    }
    let proto = vm.prototype_from_constructor(new_target, fallback_proto)?;
    if proto != Value::from_gc(vm.intrinsic(fallback_proto)) {
        vm.set_prototype_of(closure, proto)?;
    }
    Ok(Value::from_gc(closure))
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

pub(crate) fn to_string(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
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
