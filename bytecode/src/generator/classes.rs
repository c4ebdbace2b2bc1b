//! Classes: ClassDefinitionEvaluation around `CreateClass` — the class
//! scope's context, the heritage, private names, methods, getters and
//! setters (`DefineMethod` on the prototype or constructor), computed
//! keys, the instance-fields initializer (`SetClassFields`; it also
//! installs private methods on each instance) and the static initializer
//! (static fields and blocks, called once with the constructor as
//! `this`), default constructors, and the class's inner name binding.
//!
//! Fed by class declarations and expressions; feeds `Constant::Class` and
//! the initializer functions. The analysis gives each class up to two
//! initializer units; values they need that are computed while the class
//! is defined (computed field keys, private method closures, private
//! names living in registers, the prototype) are stored on the
//! initializer closure itself as internal properties named `.k<i>`,
//! `.m<i>`, `.p#name`, `.home`: those closures never reach user code.

use std::collections::HashMap;
use std::sync::Arc;

use oxc_ast::ast::{Class, ClassElement, Function, MethodDefinition, MethodDefinitionKind, PropertyKey};
use oxc_span::GetSpan;
use strata_frontend::{BindingId, BindingKind, FunctionId, ScopeId, Storage};

use super::destructuring::static_key;
use super::functions::{Body, compile_unit};
use super::literals::{GETTER, METHOD, SETTER};
use super::{Ctx, FunctionHeader, Gen, utf16};
use crate::function::{BytecodeFunction, ClassInfo, Constant, FunctionKind};
use crate::opcodes::Opcode;
use crate::operand::Register;
use crate::runtime::RuntimeFunction;

/// Arguments a default derived constructor forwards through registers.
const FORWARDED_ARGUMENTS: u32 = 4;

/// What a class's initializers need from its definition.
pub(crate) struct ClassPlan<'a> {
    class: &'a Class<'a>,
    scope: Option<ScopeId>,
    /// Element index → the initializer property holding its computed key.
    computed_keys: HashMap<usize, String>,
    /// Private names living in registers of the defining code, copied
    /// onto the initializer that defines them: binding → (property name,
    /// needed by the static initializer rather than the instance one).
    stashed_names: HashMap<BindingId, (String, bool)>,
    /// Instance private methods and accessors, in order: (name binding,
    /// DefineMethod flags, property holding the closure).
    private_methods: Vec<(BindingId, u32, String)>,
}

fn method_flags(kind: MethodDefinitionKind) -> u32 {
    match kind {
        MethodDefinitionKind::Get => GETTER,
        MethodDefinitionKind::Set => SETTER,
        _ => METHOD,
    }
}

impl<'a> ClassPlan<'a> {
    fn new(scopes: &strata_frontend::ScopeAnalysis, class: &'a Class<'a>) -> Self {
        let scope = class.scope_id.get();
        let mut plan = ClassPlan {
            class,
            scope,
            computed_keys: HashMap::new(),
            stashed_names: HashMap::new(),
            private_methods: Vec::new(),
        };
        let in_register = |binding: BindingId| {
            scopes.binding(binding).is_some_and(|b| matches!(b.storage, Storage::Register(_)))
        };
        for (i, element) in class.body.body.iter().enumerate() {
            // Private names an initializer defines (fields, instance
            // methods) and cannot reach through its scope chain.
            let defined = match element {
                ClassElement::PropertyDefinition(p) => match &p.key {
                    PropertyKey::PrivateIdentifier(id) => Some((id.name.as_str(), p.r#static)),
                    _ => None,
                },
                ClassElement::MethodDefinition(m) if !m.r#static => match &m.key {
                    PropertyKey::PrivateIdentifier(id) => Some((id.name.as_str(), false)),
                    _ => None,
                },
                _ => None,
            };
            if let Some((name, is_static)) = defined
                && let Some(binding) = private_binding(scopes, scope, name)
                && in_register(binding)
            {
                plan.stashed_names.insert(binding, (format!(".p#{name}"), is_static));
            }
            match element {
                ClassElement::PropertyDefinition(p) if p.computed => {
                    plan.computed_keys.insert(i, format!(".k{i}"));
                }
                ClassElement::MethodDefinition(m) if !m.r#static => {
                    if let PropertyKey::PrivateIdentifier(id) = &m.key
                        && let Some(binding) = private_binding(scopes, scope, id.name.as_str())
                    {
                        let slot = format!(".m{}", plan.private_methods.len());
                        plan.private_methods.push((binding, method_flags(m.kind), slot));
                    }
                }
                _ => {}
            }
        }
        plan
    }
}

/// The private name binding `#name` of the class scope.
fn private_binding(scopes: &strata_frontend::ScopeAnalysis, scope: Option<ScopeId>, name: &str) -> Option<BindingId> {
    let scope = scope?;
    let wanted = format!("#{name}");
    scopes.scope_bindings(scope).find(|b| b.kind == BindingKind::PrivateName && b.name == wanted).map(|b| b.id)
}

impl<'c, 'p, 'a> Gen<'c, 'p, 'a> {
    /// acc = the class constructor of `class`, named `name` when anonymous.
    pub(crate) fn visit_class(&mut self, class: &'a Class<'a>, name: Option<Vec<u16>>) {
        if !self.enter_nesting(class.span.start) {
            return;
        }
        let scopes = self.ctx.scopes;
        let class_name = class.id.as_ref().map(|id| utf16(id.name.as_str())).or(name).unwrap_or_default();
        let plan = ClassPlan::new(scopes, class);
        let (instance_unit, static_unit) = scopes.class_initializers(class.node_id.get());
        let m = self.mark();
        let entry = self.enter_scope(plan.scope, class.span.start);
        let parent = self.temps(2);
        let prototype = parent.next();
        let constructor = self.temp();
        match &class.heritage {
            Some(heritage) => self.visit_expr(&heritage.expression),
            None => self.emit(Opcode::LdaTheHole, &[]),
        }
        self.star(parent);
        // Private names.
        if let Some(scope) = plan.scope {
            let names: Vec<(BindingId, String)> = scopes
                .scope_bindings(scope)
                .filter(|b| b.kind == BindingKind::PrivateName)
                .map(|b| (b.id, b.name.clone()))
                .collect();
            for (binding, name) in names {
                let idx = self.string(&name);
                self.emit(Opcode::CreatePrivateName, &[idx as i64]);
                self.init_binding(binding, class.span.start);
            }
        }
        // The constructor and CreateClass.
        let constructor_code = self.compile_constructor(class, &class_name);
        let prototype_methods = class
            .body
            .body
            .iter()
            .filter(|e| matches!(e, ClassElement::MethodDefinition(m) if !m.r#static && !matches!(m.key, PropertyKey::PrivateIdentifier(_)) && m.kind != MethodDefinitionKind::Constructor))
            .count() as u32;
        let info = ClassInfo {
            constructor: constructor_code,
            name: class_name.clone().into_boxed_slice(),
            derived: class.heritage.is_some(),
            prototype_methods,
        };
        let idx = self.b.add_constant(Constant::Class(Arc::new(info)));
        self.pos(class.span.start);
        self.emit(Opcode::CreateClass, &[idx as i64, parent.0 as i64]);
        self.star(constructor);
        // The initializers, as closures with their home objects.
        let needs_instance = instance_unit.is_some() || !plan.private_methods.is_empty();
        let instance_fn = needs_instance.then(|| {
            let code = compile_initializer(self.ctx, instance_unit, &plan, false, self.current_scope);
            self.emit_closure(code);
            self.emit(Opcode::SetHomeObject, &[prototype.0 as i64]);
            let r = self.temp();
            self.star(r);
            r
        });
        let static_fn = static_unit.map(|unit| {
            let code = compile_initializer(self.ctx, Some(unit), &plan, true, self.current_scope);
            self.emit_closure(code);
            self.emit(Opcode::SetHomeObject, &[constructor.0 as i64]);
            let r = self.temp();
            self.star(r);
            r
        });
        let mut stashed: Vec<(BindingId, String, bool)> =
            plan.stashed_names.iter().map(|(b, (n, s))| (*b, n.clone(), *s)).collect();
        stashed.sort();
        for (binding, property, is_static) in stashed {
            if let Some(f) = if is_static { static_fn } else { instance_fn } {
                self.load_binding(binding, class.span.start);
                self.define_internal(f, &property);
            }
        }
        if let Some(f) = instance_fn
            && !plan.private_methods.is_empty()
        {
            self.ldar(prototype);
            self.define_internal(f, ".home");
        }
        self.define_elements(&plan, constructor, prototype, instance_fn, static_fn);
        if let Some(f) = instance_fn {
            let args = self.temps(2);
            self.mov(constructor, args);
            self.mov(f, args.next());
            self.call_runtime(RuntimeFunction::SetClassFields, args, 2);
        }
        // The inner name binding, then static fields and blocks (which may
        // use it).
        if let Some(scope) = plan.scope
            && let Some(inner) = scopes.scope_bindings(scope).find(|b| b.kind == BindingKind::ClassInnerName).map(|b| b.id)
        {
            self.ldar(constructor);
            self.init_binding(inner, class.span.start);
        }
        if let Some(f) = static_fn {
            let receiver = self.temp();
            self.mov(constructor, receiver);
            self.pos(class.span.start);
            self.emit_slot(Opcode::Call, &[f.0 as i64, receiver.0 as i64, 0]);
        }
        self.exit_scope(entry);
        self.ldar(constructor);
        self.release(m);
    }

    /// Stores acc as the internal property `name` of the initializer `f`.
    fn define_internal(&mut self, f: Register, name: &str) {
        let idx = self.string(name);
        self.emit_slot(Opcode::DefineNamedOwnProperty, &[f.0 as i64, idx as i64]);
    }

    /// Methods, accessors and computed field keys, in source order.
    fn define_elements(
        &mut self,
        plan: &ClassPlan<'a>,
        constructor: Register,
        prototype: Register,
        instance_fn: Option<Register>,
        static_fn: Option<Register>,
    ) {
        let mut private_method = 0;
        for (i, element) in plan.class.body.body.iter().enumerate() {
            let em = self.mark();
            match element {
                ClassElement::MethodDefinition(method) if method.kind != MethodDefinitionKind::Constructor => {
                    let flags = method_flags(method.kind);
                    let target = if method.r#static { constructor } else { prototype };
                    let offset = method.key.span().start;
                    let span = (self.method_source_start(method), method.span.end);
                    if let PropertyKey::PrivateIdentifier(id) = &method.key {
                        let name = format!("#{}", id.name);
                        let Some(binding) = private_binding(self.ctx.scopes, plan.scope, id.name.as_str()) else { continue };
                        if method.r#static {
                            let key = self.temp();
                            self.load_binding(binding, offset);
                            self.star(key);
                            self.method_closure(&method.value, utf16(&name), span);
                            self.pos(offset);
                            self.emit(Opcode::DefineMethod, &[constructor.0 as i64, key.0 as i64, flags as i64]);
                        } else if let Some(f) = instance_fn {
                            self.method_closure(&method.value, utf16(&name), span);
                            self.emit(Opcode::SetHomeObject, &[prototype.0 as i64]);
                            let property = format!(".m{private_method}");
                            private_method += 1;
                            self.define_internal(f, &property);
                        }
                    } else {
                        let name = if method.computed { None } else { static_key(&method.key) };
                        let key = self.temp();
                        self.load_key(&method.key, name.clone(), method.computed);
                        self.star(key);
                        self.method_closure(&method.value, name.unwrap_or_default(), span);
                        self.pos(offset);
                        self.emit(Opcode::DefineMethod, &[target.0 as i64, key.0 as i64, flags as i64]);
                    }
                }
                ClassElement::PropertyDefinition(p) if p.computed => {
                    let f = if p.r#static { static_fn } else { instance_fn };
                    self.load_key(&p.key, None, true);
                    if let (Some(f), Some(property)) = (f, plan.computed_keys.get(&i)) {
                        self.define_internal(f, property);
                    }
                }
                ClassElement::AccessorProperty(p) => {
                    self.fail("`accessor` class fields are not supported yet", p.span.start);
                }
                _ => {}
            }
            self.release(em);
        }
    }

    /// Where a method's source text starts: the span start, past `static`
    /// and the whitespace and comments after it (the source text of
    /// `static MethodDefinition` is the MethodDefinition's, §20.2.3.5).
    fn method_source_start(&self, method: &MethodDefinition<'a>) -> u32 {
        let start = method.span.start;
        if !method.r#static {
            return start;
        }
        let text = self.ctx.parsed.text();
        let Some(rest) = text.get(start as usize..).and_then(|t| t.strip_prefix("static")) else { return start };
        let mut rest = rest;
        loop {
            let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            if let Some(after) = trimmed.strip_prefix("/*") {
                let Some(end) = after.find("*/") else { return start };
                rest = &after[end + 2..];
            } else if let Some(after) = trimmed.strip_prefix("//") {
                rest = after.find(['\n', '\r', '\u{2028}', '\u{2029}']).map_or("", |end| &after[end..]);
            } else {
                rest = trimmed;
                break;
            }
        }
        (text.len() - rest.len()) as u32
    }

    /// acc = a closure of a method's function.
    fn method_closure(&mut self, function: &'a Function<'a>, name: Vec<u16>, span: (u32, u32)) {
        let code = self.compile_function_code(Body::Function(function), Some(name), span);
        self.emit_closure(code);
    }

    /// The class's constructor: its own, or the default one.
    fn compile_constructor(&mut self, class: &'a Class<'a>, name: &[u16]) -> Arc<BytecodeFunction> {
        let span = (class.span.start, class.span.end);
        let own = class.body.body.iter().find_map(|e| match e {
            ClassElement::MethodDefinition(m) if m.kind == MethodDefinitionKind::Constructor => Some(&m.value),
            _ => None,
        });
        if let Some(function) = own {
            let unit = self.ctx.scopes.function_of_node(function.node_id.get());
            return compile_unit(self.ctx, Body::Function(function), unit, Some(name.to_vec()), span);
        }
        let derived = class.heritage.is_some();
        let kind = if derived { FunctionKind::DerivedConstructor } else { FunctionKind::BaseConstructor };
        let mut g = Gen::new(self.ctx, None, kind, true);
        if derived {
            g.emit_forwarding_super_call(class.span.start);
        }
        g.emit(Opcode::LdaUndefined, &[]);
        g.emit(Opcode::Return, &[]);
        // The forwarding code reads parameters 0..FORWARDED_ARGUMENTS (each
        // only when that many were passed): the frame reserves their slots.
        let param_count = if derived { FORWARDED_ARGUMENTS } else { 0 };
        g.finish(FunctionHeader { name: name.to_vec(), length: 0, param_count, span_start: span.0, span_end: span.1 })
    }

    /// A default derived constructor's `super(...args)`: the arguments are
    /// passed on as they are, without iterating an array (the spec's
    /// default constructor does not use `Array.prototype[@@iterator]`).
    /// Up to [`FORWARDED_ARGUMENTS`] arguments are copied to registers by
    /// a dispatch on the argument count; more go through a rest array.
    fn emit_forwarding_super_call(&mut self, offset: u32) {
        let args = self.temps(FORWARDED_ARGUMENTS);
        let (dispatch, done) = (self.new_label(), self.new_label());
        self.emit_jump(Opcode::Jump, dispatch);
        let mut cases = Vec::new();
        for count in 0..=FORWARDED_ARGUMENTS {
            cases.push((count as i32, self.b.offset()));
            self.mark_reachable();
            for i in 0..count {
                self.mov(Register::param(i), args.offset(i));
            }
            self.pos(offset);
            self.emit_slot(Opcode::CallSuper, &[args.0 as i64, count as i64]);
            self.emit_jump(Opcode::Jump, done);
        }
        self.bind(dispatch);
        self.ldar(Register::ARGC);
        let at = self.b.offset();
        let table: Vec<(i32, i32)> = cases.iter().map(|&(k, case)| (k, case as i32 - at as i32)).collect();
        let idx = self.b.add_constant(Constant::JumpTable(table.into_boxed_slice()));
        self.emit(Opcode::SwitchOnSmi, &[idx as i64]);
        self.emit(Opcode::CreateRestParameter, &[0]);
        self.star(args);
        self.pos(offset);
        self.emit_slot(Opcode::CallSuperWithSpread, &[args.0 as i64, 1]);
        self.bind(done);
        // Fields run once `this` is bound (InitializeInstanceElements).
        self.star(args);
        self.emit(Opcode::CallRuntime, &[RuntimeFunction::InitializeInstanceElements as i64, args.0 as i64, 1]);
    }

    /// acc = a private name the initializer uses: from its scope chain, or
    /// from the initializer closure when it lives in a register outside.
    fn load_private_for_initializer(&mut self, plan: &ClassPlan<'a>, binding: BindingId, offset: u32) {
        match plan.stashed_names.get(&binding) {
            Some((property, _)) => {
                let property = property.clone();
                self.load_named(Register::CALLEE, false, &property, offset);
            }
            None => self.load_binding(binding, offset),
        }
    }
}

/// Compiles an instance-fields or static initializer (synthesizing the
/// instance one when the class has private methods but no fields).
fn compile_initializer<'a>(
    ctx: &Ctx<'_, 'a>,
    unit: Option<FunctionId>,
    plan: &ClassPlan<'a>,
    is_static: bool,
    class_scope: Option<ScopeId>,
) -> Arc<BytecodeFunction> {
    let class = plan.class;
    let mut g = Gen::new(ctx, unit, FunctionKind::ClassFieldInit, true);
    if unit.is_none() {
        g.current_scope = plan.scope.or(class_scope);
    }
    let name = if is_static { "<static_initializer>" } else { "<instance_members_initializer>" };
    let header = FunctionHeader { name: utf16(name), length: 0, param_count: 0, span_start: class.span.start, span_end: class.span.end };
    if !g.enter_nesting(class.span.start) {
        return g.finish(header);
    }
    g.emit_prologue(None, class.span.start);
    if !is_static && !plan.private_methods.is_empty() {
        let home = g.temp();
        let key = g.temp();
        g.load_named(Register::CALLEE, false, ".home", class.span.start);
        g.star(home);
        for (binding, flags, property) in &plan.private_methods {
            g.load_private_for_initializer(plan, *binding, class.span.start);
            g.star(key);
            g.load_named(Register::CALLEE, false, property, class.span.start);
            g.pos(class.span.start);
            g.emit(Opcode::DefineMethod, &[Register::THIS.0 as i64, key.0 as i64, *flags as i64]);
            g.emit(Opcode::SetHomeObject, &[home.0 as i64]);
        }
    }
    for (i, element) in class.body.body.iter().enumerate() {
        let m = g.mark();
        match element {
            ClassElement::PropertyDefinition(p) if p.r#static == is_static => {
                let offset = p.key.span().start;
                let key = g.temp();
                match &p.key {
                    PropertyKey::PrivateIdentifier(id) => {
                        if let Some(binding) = private_binding(ctx.scopes, plan.scope, id.name.as_str()) {
                            g.load_private_for_initializer(plan, binding, offset);
                            g.star(key);
                        }
                        match &p.value {
                            Some(value) => g.visit_named(value, Some(utf16(&format!("#{}", id.name)))),
                            None => g.emit(Opcode::LdaUndefined, &[]),
                        }
                        g.pos(offset);
                        g.emit(Opcode::DefinePrivateField, &[Register::THIS.0 as i64, key.0 as i64]);
                    }
                    _ if p.computed => {
                        if let Some(property) = plan.computed_keys.get(&i) {
                            let property = property.clone();
                            g.load_named(Register::CALLEE, false, &property, offset);
                        }
                        g.star(key);
                        match &p.value {
                            Some(value) => g.visit_named_by_key(value, key),
                            None => g.emit(Opcode::LdaUndefined, &[]),
                        }
                        g.pos(offset);
                        g.emit_slot(Opcode::DefineKeyedOwnProperty, &[Register::THIS.0 as i64, key.0 as i64]);
                    }
                    other => {
                        let name = static_key(other).unwrap_or_default();
                        match &p.value {
                            Some(value) => g.visit_named(value, Some(name.clone())),
                            None => g.emit(Opcode::LdaUndefined, &[]),
                        }
                        let idx = g.string_units(name);
                        g.pos(offset);
                        g.emit_slot(Opcode::DefineNamedOwnProperty, &[Register::THIS.0 as i64, idx as i64]);
                    }
                }
            }
            ClassElement::StaticBlock(block) if is_static => {
                let entry = g.enter_scope(block.scope_id.get(), block.span.start);
                g.visit_statements(&block.body);
                g.exit_scope(entry);
            }
            _ => {}
        }
        g.release(m);
    }
    g.emit(Opcode::LdaUndefined, &[]);
    g.emit(Opcode::Return, &[]);
    g.finish(header)
}
