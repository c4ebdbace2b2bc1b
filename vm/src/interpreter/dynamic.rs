//! Dynamic scopes: names looked up by string at run time, for the code
//! that `with` and sloppy direct `eval` make unresolvable at compile time,
//! and `eval` itself (PerformEval, §19.2.1).
//!
//! The frontend resolves every reference it can to a register or a
//! (depth, slot) pair; the rest become `LdaLookupSlot` / `StaLookupSlot` /
//! `LdaLookupSlotForCall` / `DeleteLookupSlot` with the name. Those walk
//! the context chain (V8's design): a declarative context answers from its
//! slot names (`ScopeInfo::names`), and then from its `.eval_vars` slot's
//! object — the `var`s a sloppy direct eval added to that variable scope;
//! a `with` context answers from its binding object, its only slot
//! (HasProperty, then `Symbol.unscopables`). Past the last context the global lexical
//! environment and the global object answer. Code without `with` or eval
//! never reaches this file.
//!
//! Eval code is compiled as a script (`strata_frontend::parse_eval`) whose
//! closure runs over the caller's context: its free names, `this` and
//! `new.target` are dynamic lookups (the caller materialized them in
//! contexts: "this", "new.target", ".home_object"), its lexical
//! declarations get a context of their own, and the `var`s of sloppy eval
//! code are declared here (`declare_eval_vars`) in the variable scope the
//! context chain leads to.

use std::sync::Arc;

use strata_bytecode::{Constant, GlobalDeclarations, ScopeInfo};
use strata_gc::Gc;

use crate::context::Context;
use crate::conversions::to_boolean;
use crate::frame;
use crate::object::{JsObject, ObjectKind};
use crate::object_ops::get_own;
use crate::property::{Attrs, PropertyDescriptor, PropertyKey};
use crate::realm::Intrinsic;
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

/// Where a dynamic lookup found a name.
pub(crate) enum Found {
    /// A declarative binding: slot `index` of `context`.
    Slot(Gc<Context>, usize),
    /// A property of a `with` context's binding object.
    With(Gc<JsObject>),
    /// A `var` a sloppy direct eval declared (a property of the variable
    /// scope's `.eval_vars` object).
    EvalVar(Gc<JsObject>),
    /// Nowhere on the context chain: the global environment decides.
    Global,
}

/// The slot of a variable scope a sloppy direct eval may add `var`s to
/// (see `strata_bytecode`'s `context_layout`).
const EVAL_VARS: &str = ".eval_vars";

/// The object holding the `var`s sloppy direct evals declared in the
/// variable scope of `ctx`, once there is one.
fn eval_vars(ctx: &Context, info: &ScopeInfo) -> Option<Gc<JsObject>> {
    if !info.is_function_scope {
        return None;
    }
    let index = info.names.iter().rposition(|n| &**n == EVAL_VARS)?;
    ctx.get(index).as_gc::<JsObject>()
}

/// The scope a direct eval runs in.
#[derive(Clone, Copy)]
pub(crate) struct EvalCaller {
    /// The caller's current context.
    pub(crate) context: Value,
    /// The caller is strict code.
    pub(crate) strict: bool,
    /// The call is in a function's parameter list.
    pub(crate) in_parameters: bool,
    /// The caller's home object (for `super.x`), or undefined.
    pub(crate) home_object: Value,
}

/// The function state eval code reads by name: no `with` object or eval
/// `var` can supply it.
fn is_function_state(name: &str) -> bool {
    name == "this" || name == "new.target" || name.starts_with('.')
}

fn key_name(key: PropertyKey) -> String {
    match key {
        PropertyKey::String(s) => s.to_rust_string(),
        _ => String::new(),
    }
}

impl Vm {
    /// ResolveBinding over the context chain starting at `context`.
    pub(crate) fn resolve_dynamic(&mut self, context: Value, key: PropertyKey) -> JsResult<Found> {
        let name = key_name(key);
        let state = is_function_state(&name);
        let mut current = context;
        while let Some(ctx) = current.as_gc::<Context>() {
            if let Some(info) = ctx.scope.clone() {
                if info.is_with_scope {
                    if !state
                        && let Some(object) = ctx.get(0).as_gc::<JsObject>()
                        && self.has_property(object, key)?
                        && !self.unscopable(object, key)?
                    {
                        return Ok(Found::With(object));
                    }
                } else {
                    if let Some(index) = info.names.iter().position(|n| **n == *name) {
                        return Ok(Found::Slot(ctx, index));
                    }
                    if !state
                        && let Some(vars) = eval_vars(&ctx, &info)
                        && get_own(self, vars, key).is_some()
                    {
                        return Ok(Found::EvalVar(vars));
                    }
                }
            }
            current = ctx.parent;
        }
        Ok(Found::Global)
    }

    /// Whether `object[Symbol.unscopables][key]` hides the binding
    /// (HasBinding of an object environment record created by `with`).
    fn unscopable(&mut self, object: Gc<JsObject>, key: PropertyKey) -> JsResult<bool> {
        let symbol = PropertyKey::Symbol(self.well_known(WellKnown::Unscopables));
        let unscopables = self.get(object, symbol, Value::from_gc(object))?;
        match unscopables.as_gc::<JsObject>() {
            Some(u) => Ok(to_boolean(self.get(u, key, unscopables)?)),
            None => Ok(false),
        }
    }

    /// acc = the value of a dynamically resolved name (GetValue), with
    /// the `this` a call through it uses.
    pub(crate) fn load_dynamic(&mut self, context: Value, key: PropertyKey, for_typeof: bool, strict: bool) -> JsResult<(Value, Value)> {
        match self.resolve_dynamic(context, key)? {
            Found::Slot(ctx, index) => {
                let v = ctx.get(index);
                if v.is_hole() {
                    return Err(self.uninitialized(key));
                }
                Ok((v, Value::UNDEFINED))
            }
            Found::With(object) => {
                // GetBindingValue checks again: a getter or proxy trap may
                // have removed the property since HasBinding.
                if !self.has_property(object, key)? {
                    if strict {
                        let n = self.describe_key(key);
                        return Err(self.reference_error(&format!("{n} is not defined")));
                    }
                    return Ok((Value::UNDEFINED, Value::from_gc(object)));
                }
                let v = self.get(object, key, Value::from_gc(object))?;
                Ok((v, Value::from_gc(object)))
            }
            Found::EvalVar(vars) => Ok((self.get(vars, key, Value::from_gc(vars))?, Value::UNDEFINED)),
            Found::Global => {
                let name = key_name(key);
                match name.as_str() {
                    "this" => Ok((self.realm().global.get(), Value::UNDEFINED)),
                    "new.target" => Ok((Value::UNDEFINED, Value::UNDEFINED)),
                    n if n.starts_with('.') => Ok((Value::UNDEFINED, Value::UNDEFINED)),
                    _ => Ok((self.load_global(key, for_typeof)?, Value::UNDEFINED)),
                }
            }
        }
    }

    fn uninitialized(&mut self, key: PropertyKey) -> crate::vm::Exception {
        let name = key_name(key);
        if name == "this" {
            return self.reference_error(
                "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
            );
        }
        self.reference_error(&format!("Cannot access '{name}' before initialization"))
    }

    /// PutValue to a dynamically resolved name.
    pub(crate) fn store_dynamic(&mut self, context: Value, key: PropertyKey, v: Value, strict: bool) -> JsResult<()> {
        match self.resolve_dynamic(context, key)? {
            Found::Slot(ctx, index) => {
                if ctx.get(index).is_hole() {
                    return Err(self.uninitialized(key));
                }
                let info = ctx.scope.clone();
                let immutable = info.as_ref().is_some_and(|i| i.immutable.get(index).copied().unwrap_or(false));
                if immutable {
                    let lexical = info.as_ref().is_some_and(|i| i.lexical.get(index).copied().unwrap_or(false));
                    // A function expression's own name ignores sloppy
                    // assignments; const and class names always throw.
                    if lexical || strict {
                        let name = key_name(key);
                        return Err(self.type_error(&format!("Assignment to constant variable '{name}'.")));
                    }
                    return Ok(());
                }
                ctx.set(index, v);
                Ok(())
            }
            Found::With(object) => {
                // SetMutableBinding of an object environment asks again.
                if !self.has_property(object, key)? && strict {
                    let n = self.describe_key(key);
                    return Err(self.reference_error(&format!("{n} is not defined")));
                }
                self.set_value(Value::from_gc(object), key, v, strict)
            }
            Found::EvalVar(vars) => self.set_value(Value::from_gc(vars), key, v, strict),
            Found::Global => self.store_global(key, v, strict),
        }
    }

    /// ResolveLookupSlot: the `with` object `key` resolves to, else
    /// undefined.
    pub(crate) fn resolve_dynamic_holder(&mut self, context: Value, key: PropertyKey) -> JsResult<Value> {
        Ok(match self.resolve_dynamic(context, key)? {
            Found::With(object) => Value::from_gc(object),
            _ => Value::UNDEFINED,
        })
    }

    /// LdaLookupSlotIn: GetValue of a reference resolved earlier.
    pub(crate) fn load_dynamic_in(&mut self, context: Value, key: PropertyKey, holder: Value, strict: bool) -> JsResult<Value> {
        let Some(object) = holder.as_gc::<JsObject>() else {
            return Ok(self.load_dynamic(context, key, false, strict)?.0);
        };
        if !self.has_property(object, key)? {
            if strict {
                let n = self.describe_key(key);
                return Err(self.reference_error(&format!("{n} is not defined")));
            }
            return Ok(Value::UNDEFINED);
        }
        self.get(object, key, holder)
    }

    /// StaLookupSlotIn: PutValue to a reference resolved earlier.
    pub(crate) fn store_dynamic_in(&mut self, context: Value, key: PropertyKey, holder: Value, v: Value, strict: bool) -> JsResult<()> {
        let Some(object) = holder.as_gc::<JsObject>() else {
            return self.store_dynamic(context, key, v, strict);
        };
        if !self.has_property(object, key)? && strict {
            let n = self.describe_key(key);
            return Err(self.reference_error(&format!("{n} is not defined")));
        }
        self.set_value(holder, key, v, strict)
    }

    /// `delete name` for a dynamically resolved name (sloppy code only).
    pub(crate) fn delete_dynamic(&mut self, context: Value, key: PropertyKey) -> JsResult<bool> {
        match self.resolve_dynamic(context, key)? {
            Found::Slot(..) => Ok(false),
            Found::With(object) | Found::EvalVar(object) => self.delete_property(object, key),
            Found::Global => {
                if let PropertyKey::String(name) = key
                    && self.realm().lexicals.borrow().contains_key(&name)
                {
                    return Ok(false);
                }
                let global = self.realm().global_object();
                self.delete_property(global, key)
            }
        }
    }

    /// A `with` context over `object`.
    pub(crate) fn new_with_context(&mut self, scope: Arc<ScopeInfo>, object: Value, parent: Value) -> JsResult<Gc<Context>> {
        let ctx = self.new_context(parent, Some(scope), 1)?;
        ctx.set(0, object);
        Ok(ctx)
    }

    /// EvalDeclarationInstantiation's `var` part for sloppy eval code
    /// running over `context`: every conflict check first (a lexical
    /// binding of a `var` name between the eval and its variable scope is a
    /// SyntaxError; at the global level, the global checks), then the
    /// bindings, deletable, with functions' values set later by the eval
    /// code's own stores.
    pub(crate) fn declare_eval_vars(&mut self, context: Value, decls: &GlobalDeclarations) -> JsResult<()> {
        let mut names: Vec<(Gc<JsString>, bool)> = Vec::new();
        for name in &decls.functions {
            let atom = self.intern_units(name)?;
            names.push((atom, true));
        }
        for name in &decls.vars {
            let atom = self.intern_units(name)?;
            if !names.iter().any(|(n, _)| *n == atom) {
                names.push((atom, false));
            }
        }
        let mut current = context;
        let mut var_scope = None;
        if decls.eval_in_parameters && names.iter().any(|(n, _)| n.to_rust_string() == "arguments") {
            // A non-arrow function's parameter scope always holds its
            // `arguments` object (materialized in a context for the eval,
            // beside `new.target`, which arrows do not have).
            let mut c = context;
            while let Some(ctx) = c.as_gc::<Context>() {
                if let Some(info) = ctx.scope.as_ref()
                    && info.is_function_scope
                {
                    if info.names.iter().any(|n| &**n == "new.target") {
                        return Err(self.syntax_error("Identifier 'arguments' has already been declared"));
                    }
                    break;
                }
                c = ctx.parent;
            }
        }
        while let Some(ctx) = current.as_gc::<Context>() {
            if let Some(info) = ctx.scope.clone()
                && !info.is_with_scope
            {
                for (atom, _) in &names {
                    let n = atom.to_rust_string();
                    let flag = |flags: &Vec<bool>, index: usize| flags.get(index).copied().unwrap_or(false);
                    if let Some(index) = info.names.iter().position(|s| **s == *n)
                        && (flag(&info.lexical, index)
                            || (decls.eval_in_parameters && info.is_function_scope && flag(&info.parameter, index)))
                    {
                        return Err(self.syntax_error(&format!("Identifier '{n}' has already been declared")));
                    }
                }
                if info.is_function_scope {
                    var_scope = Some((ctx, info));
                    break;
                }
            }
            current = ctx.parent;
        }
        let binding = Attrs::DEFAULT;
        if let Some((ctx, info)) = var_scope {
            for (atom, _) in names {
                let n = atom.to_rust_string();
                if info.names.iter().any(|s| **s == *n) {
                    continue;
                }
                let vars = match eval_vars(&ctx, &info) {
                    Some(vars) => vars,
                    None => {
                        let Some(index) = info.names.iter().position(|n| &**n == EVAL_VARS) else {
                            return Err(self.type_error("internal error: eval var scope without an .eval_vars slot"));
                        };
                        let vars = self.new_object_with(Value::NULL, ObjectKind::Ordinary)?;
                        ctx.set(index, Value::from_gc(vars));
                        vars
                    }
                };
                let key = PropertyKey::String(atom);
                if get_own(self, vars, key).is_none() {
                    self.define_own_property(vars, key, PropertyDescriptor::data(Value::UNDEFINED, binding))?;
                }
            }
            return Ok(());
        }
        // The variable environment is the global one.
        let realm = self.realm();
        let global = realm.global_object();
        for (atom, is_function) in &names {
            let n = atom.to_rust_string();
            if realm.lexicals.borrow().contains_key(atom) {
                return Err(self.syntax_error(&format!("Identifier '{n}' has already been declared")));
            }
            let key = PropertyKey::String(*atom);
            let existing = get_own(self, global, key);
            if *is_function {
                let ok = match existing {
                    None => global.is_extensible(),
                    Some((_, a)) => a.configurable() || (!a.is_accessor() && a.writable() && a.enumerable()),
                };
                if !ok {
                    return Err(self.type_error(&format!("Cannot redefine global function '{n}'")));
                }
            } else if existing.is_none() && !global.is_extensible() {
                return Err(self.type_error(&format!("Cannot define global variable '{n}'")));
            }
        }
        for (atom, is_function) in names {
            let key = PropertyKey::String(atom);
            let existing = get_own(self, global, key);
            if is_function {
                if existing.is_none_or(|(_, a)| a.configurable()) {
                    self.define_own_property(global, key, PropertyDescriptor::data(Value::UNDEFINED, binding))?;
                }
            } else if existing.is_none() {
                self.define_own_property(global, key, PropertyDescriptor::data(Value::UNDEFINED, binding))?;
            }
            realm.var_names.borrow_mut().insert(atom);
        }
        crate::ic::bump_epoch();
        Ok(())
    }

    /// PerformEval (§19.2.1.1) for a direct eval from the frame at `fp`
    /// (its current context and strictness), or an indirect one
    /// (`caller` None: global code in the current realm).
    pub(crate) fn perform_eval(&mut self, source: Value, caller: Option<EvalCaller>) -> JsResult<Value> {
        let Some(text) = source.as_gc::<JsString>() else {
            return Ok(source);
        };
        let text = text.to_rust_string();
        let EvalCaller { context, strict, in_parameters, home_object } = caller.unwrap_or(EvalCaller {
            context: Value::UNDEFINED,
            strict: false,
            in_parameters: false,
            home_object: Value::UNDEFINED,
        });
        let direct = caller.is_some();
        // What the caller's code may use, from what it materialized in
        // contexts for the eval (see the frontend's `dynamic` pass).
        let in_function = self.context_has_slot(context, |n| n == "new.target" || n == ".home_object");
        let this_scope = self.this_scope(context);
        let origin = strata_frontend::EvalOrigin {
            direct,
            new_target: direct && in_function,
            super_property: direct && home_object.as_gc::<JsObject>().is_some(),
            private_names: direct && self.context_has_slot(context, |n| n.starts_with('#')),
            in_class_field_initializer: direct && this_scope.is_some_and(|s| s.is_class_initializer),
        };
        let index = self.scripts.len() as u32;
        let path = "<eval>".to_string();
        self.scripts.push(crate::vm::Script::new(path.clone(), text.clone()));
        let allocator = oxc_allocator::Allocator::default();
        let options = strata_frontend::ParseOptions { path, goal: strata_frontend::Goal::Script, strict };
        let compiled = strata_frontend::parse_eval(&allocator, &text, options, origin)
            .and_then(|parsed| strata_bytecode::generator::compile_script(&parsed, index));
        let mut code = match compiled {
            Ok(code) => code,
            Err(e) => return Err(self.syntax_error_at(&e.message, &e.path, e.line, e.column)),
        };
        if in_parameters && let Some(function) = Arc::get_mut(&mut code) {
            for constant in &mut function.constants {
                if let Constant::Globals(decls) = constant {
                    Arc::make_mut(decls).eval_in_parameters = true;
                }
            }
        }
        let shared = self.link_function(code)?;
        let closure = self.new_closure(shared, context)?;
        // `super.x` in eval code uses the caller's home object.
        if let ObjectKind::Function(d) = &closure.kind {
            d.home_object.set(home_object);
        }
        let global = self.realm().global.get();
        self.call(Value::from_gc(closure), global, &[])
    }

    /// Compiles the source text a dynamic function constructor assembled:
    /// one function declaration whose body starts at `body_start`; returns
    /// the declaration's code (SyntaxError unless the text is exactly
    /// that).
    pub(crate) fn compile_dynamic_function(&mut self, source: &str, body_start: u32) -> JsResult<Arc<strata_bytecode::BytecodeFunction>> {
        let index = self.scripts.len() as u32;
        let path = "<anonymous>".to_string();
        self.scripts.push(crate::vm::Script::new(path.clone(), source.to_string()));
        let allocator = oxc_allocator::Allocator::default();
        let options = strata_frontend::ParseOptions { path, goal: strata_frontend::Goal::Script, strict: false };
        let parsed = match strata_frontend::parse(&allocator, source, options) {
            Ok(parsed) => parsed,
            Err(e) => return Err(self.syntax_error_at(&e.message, &e.path, e.line, e.column)),
        };
        if !parsed.is_single_function(body_start, source.len() as u32) {
            return Err(self.syntax_error("Arg string terminates parameters early"));
        }
        let code = match strata_bytecode::generator::compile_script(&parsed, index) {
            Ok(code) => code,
            Err(e) => return Err(self.syntax_error_at(&e.message, &e.path, e.line, e.column)),
        };
        code.constants
            .iter()
            .find_map(|c| match c {
                Constant::Function(f) if f.source_start == 0 => Some(f.clone()),
                _ => None,
            })
            .ok_or_else(|| self.type_error("internal error: dynamic function not compiled"))
    }

    /// Whether a context on the chain from `context` has a slot `name`.
    fn context_has_slot(&self, context: Value, matches: impl Fn(&str) -> bool) -> bool {
        let mut current = context;
        while let Some(ctx) = current.as_gc::<Context>() {
            if ctx.scope.as_ref().is_some_and(|info| !info.is_with_scope && info.names.iter().any(|n| matches(n))) {
                return true;
            }
            current = ctx.parent;
        }
        false
    }

    /// The scope of the context holding the caller's `this` binding (the
    /// function whose `this` eval code sees), if one was materialized.
    fn this_scope(&self, context: Value) -> Option<Arc<ScopeInfo>> {
        let mut current = context;
        while let Some(ctx) = current.as_gc::<Context>() {
            if let Some(info) = &ctx.scope
                && !info.is_with_scope
                && info.names.iter().any(|n| &**n == "this")
            {
                return Some(info.clone());
            }
            current = ctx.parent;
        }
        None
    }

    /// CallDirectEval: `eval(args)` where `eval` is the realm's %eval%
    /// evaluates in the caller's scope; anything else is a plain call
    /// (the caller handles that when this returns None).
    pub(crate) fn direct_eval(&mut self, fp: isize, callee: Value, args: &[Value], strict: bool, in_parameters: bool) -> JsResult<Option<Value>> {
        if callee != self.realm().intrinsic_value(Intrinsic::Eval) {
            return Ok(None);
        }
        let Some(&source) = args.first() else {
            return Ok(Some(Value::UNDEFINED));
        };
        let context = self.roots.stack.get(fp + frame::CONTEXT);
        let home_object = self.home_object(fp);
        self.perform_eval(source, Some(EvalCaller { context, strict, in_parameters, home_object })).map(Some)
    }

    /// A scope constant of `shared` (for CreateWithContext).
    pub(crate) fn scope_constant(constant: Option<&Constant>) -> Option<Arc<ScopeInfo>> {
        match constant {
            Some(Constant::Scope(s)) => Some(s.clone()),
            _ => None,
        }
    }
}
