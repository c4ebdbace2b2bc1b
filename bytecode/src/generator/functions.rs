//! Compiling one function-like unit: its kind and header, the prologue
//! (function context, implicit `this`/`new.target`/`arguments` bindings,
//! parameters with defaults, destructuring and rest, context `var`s,
//! lexical holes, hoisted function declarations), the body, and the
//! script top level (`DeclareGlobals`, top-level functions, completion
//! value).
//!
//! Fed by `Gen::create_closure_for` and friends (every place a closure is
//! created) and by `compile_script`; feeds `Constant::Function`s.
//! Invariant: the prologue runs before any statement, in the order the
//! spec's FunctionDeclarationInstantiation gives (arguments object, then
//! parameters left to right, then `var`s, then functions).

use std::sync::Arc;

use oxc_ast::AstKind;
use oxc_ast::ast::{
    ArrowFunctionExpression, BindingPattern, FormalParameters, Function,
};
use oxc_span::GetSpan;
use strata_frontend::{BindingKind, FunctionId, FunctionKind as UnitKind, NodeId, Storage};

use super::{Ctx, FunctionHeader, Gen, utf16};
use crate::function::{Constant, FunctionKind, GlobalDeclarations, HandlerEntry};
use crate::opcodes::Opcode;
use crate::operand::Register;
use crate::runtime::RuntimeFunction;

/// The bytecode kind of a unit.
pub(crate) fn bytecode_kind(kind: UnitKind, is_async: bool, is_generator: bool) -> FunctionKind {
    match (kind, is_async, is_generator) {
        (UnitKind::Script, ..) => FunctionKind::Script,
        (UnitKind::Module, ..) => FunctionKind::Module,
        (UnitKind::Arrow, true, _) => FunctionKind::AsyncArrow,
        (UnitKind::Arrow, false, _) => FunctionKind::Arrow,
        (UnitKind::ClassConstructor, ..) => FunctionKind::BaseConstructor,
        (UnitKind::DerivedConstructor, ..) => FunctionKind::DerivedConstructor,
        (UnitKind::InstanceFields | UnitKind::StaticInitializer, ..) => FunctionKind::ClassFieldInit,
        (_, true, true) => FunctionKind::AsyncGenerator,
        (_, true, false) => FunctionKind::Async,
        (_, false, true) => FunctionKind::Generator,
        (UnitKind::Method | UnitKind::Getter | UnitKind::Setter, ..) => FunctionKind::Method,
        (UnitKind::Declaration | UnitKind::Expression, ..) => FunctionKind::Normal,
    }
}

/// `length`: parameters before the first default or rest.
fn expected_argument_count(params: &FormalParameters<'_>) -> u32 {
    params.items.iter().take_while(|p| p.initializer.is_none()).count() as u32
}

/// The top-level code of the script.
pub(crate) fn compile_script_unit(ctx: &Ctx<'_, '_>) -> Arc<crate::function::BytecodeFunction> {
    let program = ctx.parsed.program;
    let info = ctx.scopes.function(FunctionId::TOP);
    let strict = info.is_some_and(|i| i.strict);
    let mut g = Gen::new(ctx, Some(FunctionId::TOP), FunctionKind::Script, strict);
    if let Some(info) = info {
        let completion = g.temp();
        g.completion = Some(completion);
        g.declare_globals(info.scope);
        if ctx.scopes.is_direct_eval() && !strict {
            let saved = g.temp();
            g.ldar(Register::CONTEXT);
            g.star(saved);
            g.eval_var_context = Some(saved);
        }
        if ctx.scopes.is_eval() {
            // Eval code's own declarations live in a new context (its
            // lexical environment, and its variable one when strict).
            let _entry = g.enter_scope(Some(info.scope), program.span.start);
        } else {
            g.init_lexical_holes(info.scope);
            g.instantiate_hoisted_functions(info.scope, program.span.start);
        }
    }
    // A directive is an expression statement too: eval("'x'") is 'x'.
    // (Not the "use strict" prelude a strict caller's eval gets.)
    let injected = ctx.parsed.text().len() != ctx.parsed.source().len();
    let directives = program.directives.get(usize::from(injected)..).unwrap_or_default();
    if ctx.scopes.is_eval()
        && let (Some(last), Some(completion)) = (directives.last(), g.completion)
    {
        g.lda_string(last.expression.value.as_str());
        g.star(completion);
    }
    g.visit_statements(&program.body);
    if !g.is_dead() {
        if let Some(completion) = g.completion {
            g.ldar(completion);
        }
        g.emit(Opcode::Return, &[]);
    }
    g.finish(FunctionHeader {
        name: Vec::new(),
        length: 0,
        param_count: 0,
        span_start: program.span.start,
        span_end: program.span.end,
    })
}

/// The nested function returning the global `this` (a sloppy function
/// called with an undefined receiver sees the global object): how code
/// other than the script's own top level reads the script's `this`.
pub(crate) fn global_this_getter(ctx: &Ctx<'_, '_>) -> Arc<crate::function::BytecodeFunction> {
    let mut g = Gen::new(ctx, None, FunctionKind::Normal, false);
    g.ldar(Register::THIS);
    g.emit(Opcode::Return, &[]);
    g.finish(FunctionHeader { name: Vec::new(), length: 0, param_count: 0, span_start: 0, span_end: 0 })
}

/// What a unit's body is.
pub(crate) enum Body<'a> {
    Function(&'a Function<'a>),
    Arrow(&'a ArrowFunctionExpression<'a>),
}

impl<'c, 'p, 'a> Gen<'c, 'p, 'a> {
    /// The `Function` AST node with id `node`.
    pub(crate) fn function_node(&self, node: NodeId) -> Option<&'a Function<'a>> {
        match self.ctx.parsed.semantic.nodes().kind(node) {
            AstKind::Function(f) => Some(f),
            _ => None,
        }
    }

    /// GlobalDeclarationInstantiation's bindings for the script scope.
    fn declare_globals(&mut self, scope: strata_frontend::ScopeId) {
        let Some(info) = self.ctx.scopes.scope_info(scope) else { return };
        let hoisted: Vec<_> = info.hoisted_functions.iter().map(|h| h.binding).collect();
        let mut decls = GlobalDeclarations::default();
        for binding in self.ctx.scopes.scope_bindings(scope) {
            let name = utf16(&binding.name).into_boxed_slice();
            match (&binding.storage, binding.kind) {
                (Storage::Global, BindingKind::Function) if hoisted.contains(&binding.id) => decls.functions.push(name),
                (Storage::Global, _) => decls.vars.push(name),
                (Storage::ScriptLexical, kind) => decls.lexicals.push((name, kind == BindingKind::Const)),
                _ => {}
            }
        }
        // Functions in the order they are instantiated.
        decls.functions.clear();
        for &binding in &hoisted {
            if let Some(b) = self.ctx.scopes.binding(binding)
                && b.storage == Storage::Global
            {
                let name = utf16(&b.name).into_boxed_slice();
                if !decls.functions.contains(&name) {
                    decls.functions.push(name);
                }
            }
        }
        if decls.vars.is_empty() && decls.functions.is_empty() && decls.lexicals.is_empty() {
            return;
        }
        decls.eval = self.ctx.scopes.is_eval();
        let idx = self.b.add_constant(Constant::Globals(Arc::new(decls)));
        self.pos(self.ctx.parsed.program.span.start);
        self.emit(Opcode::DeclareGlobals, &[idx as i64]);
    }

    // ---- closures ------------------------------------------------------------

    /// acc = a closure of `function`, named `name` unless it has its own.
    pub(crate) fn create_closure_for(&mut self, function: &'a Function<'a>, name: Option<Vec<u16>>) {
        self.create_closure_with_source(function, name, (function.span.start, function.span.end));
    }

    /// As [`Gen::create_closure_for`], with the span of its source text
    /// (an object literal's method or accessor: the whole property, from
    /// `get`, `async` or the key on, §20.2.3.5).
    pub(crate) fn create_closure_with_source(
        &mut self,
        function: &'a Function<'a>,
        name: Option<Vec<u16>>,
        span: (u32, u32),
    ) {
        let code = self.compile_function_code(Body::Function(function), name, span);
        self.emit_closure(code);
    }

    /// acc = a closure of `arrow`, named `name`.
    pub(crate) fn create_arrow_closure(&mut self, arrow: &'a ArrowFunctionExpression<'a>, name: Option<Vec<u16>>) {
        let span = (arrow.span.start, arrow.span.end);
        let code = self.compile_function_code(Body::Arrow(arrow), name, span);
        self.emit_closure(code);
    }

    /// acc = a closure of compiled code.
    pub(crate) fn emit_closure(&mut self, code: Arc<crate::function::BytecodeFunction>) {
        let idx = self.b.add_constant(Constant::Function(code));
        self.emit_slot(Opcode::CreateClosure, &[idx as i64]);
    }

    /// Compiles a function or arrow in its own generator.
    pub(crate) fn compile_function_code(
        &self,
        body: Body<'a>,
        name: Option<Vec<u16>>,
        span: (u32, u32),
    ) -> Arc<crate::function::BytecodeFunction> {
        let node = match &body {
            Body::Function(f) => f.node_id.get(),
            Body::Arrow(a) => a.node_id.get(),
        };
        compile_unit(self.ctx, body, self.ctx.scopes.function_of_node(node), name, span)
    }
}

/// Compiles one function or arrow unit.
pub(crate) fn compile_unit<'a>(
    ctx: &Ctx<'_, 'a>,
    body: Body<'a>,
    unit: Option<FunctionId>,
    name: Option<Vec<u16>>,
    span: (u32, u32),
) -> Arc<crate::function::BytecodeFunction> {
    let info = unit.and_then(|u| ctx.scopes.function(u));
    let (params, own_name, is_async, is_generator) = match &body {
        Body::Function(f) => (&*f.params, f.id.as_ref().map(|id| utf16(id.name.as_str())), f.r#async, f.generator),
        Body::Arrow(a) => (&*a.params, None, a.r#async, false),
    };
    let unit_kind = info.map_or(UnitKind::Expression, |i| i.kind);
    let kind = bytecode_kind(unit_kind, is_async, is_generator);
    let strict = info.is_some_and(|i| i.strict);
    let header = FunctionHeader {
        name: own_name.or(name).unwrap_or_default(),
        length: expected_argument_count(params),
        param_count: params.items.len() as u32,
        span_start: span.0,
        span_end: span.1,
    };
    let mut g = Gen::new(ctx, unit, kind, strict);
    if !g.enter_nesting(span.0) {
        return g.finish(header);
    }
    // An async function's promise exists before its parameters are bound:
    // an error binding them rejects it (EvaluateAsyncFunctionBody), so the
    // catch-all below covers the prologue too.
    let mut async_catch = None;
    if is_async || is_generator {
        let generator = g.temp();
        g.generator = Some(generator);
        if is_async && !is_generator {
            g.pos(span.0);
            g.call_runtime(RuntimeFunction::CreateAsyncFunctionObject, generator, 0);
            g.star(generator);
            let context = g.save_context();
            async_catch = Some((g.b.offset(), context));
        }
    }
    if kind == FunctionKind::DerivedConstructor {
        let label = g.new_label();
        let value = g.temp();
        g.derived_return = Some((label, value));
    }
    g.emit_prologue(Some(params), span.0);
    if is_generator && let Some(generator) = g.generator {
        // The generator object, returned by the initial suspension; the
        // first next() resumes after it (return and throw on a generator
        // that has not started never resume it).
        g.pos(span.0);
        g.call_runtime(RuntimeFunction::CreateGeneratorObject, generator, 0);
        g.star(generator);
        g.emit(Opcode::SuspendGenerator, &[generator.0 as i64, 0]);
        let m = g.mark();
        let mode = g.temp();
        g.emit(Opcode::ResumeGenerator, &[generator.0 as i64, mode.0 as i64]);
        g.release(m);
    }
    match body {
        Body::Function(f) => {
            if let Some(body) = &f.body {
                g.visit_statements(&body.statements);
            }
        }
        Body::Arrow(a) => match (a.body.as_function_body(), a.body.as_expression()) {
            (Some(body), _) => g.visit_statements(&body.statements),
            (None, Some(expr)) => {
                g.visit_expr(expr);
                g.emit_return(expr.span().start);
            }
            (None, None) => {}
        },
    }
    g.emit_implicit_return(span.1);
    g.emit_derived_return_block(span.1.saturating_sub(1));
    if let (Some((start, context)), Some(generator)) = (async_catch, g.generator) {
        // Anything thrown out of an async function rejects its promise,
        // which the frame returns.
        let end = g.b.offset();
        let handler = g.b.offset();
        g.b.add_handler(HandlerEntry { start, end, handler, context_reg: context.0 });
        g.mark_reachable();
        let args = g.temps(2);
        g.star(Register(args.0 + 1));
        g.mov(generator, args);
        g.call_runtime(RuntimeFunction::AsyncFunctionReject, args, 2);
        g.emit(Opcode::Return, &[]);
    }
    g.finish(header)
}

impl<'c, 'p, 'a> Gen<'c, 'p, 'a> {
    /// `return undefined` at the end of a body, unless unreachable.
    pub(crate) fn emit_implicit_return(&mut self, offset: u32) {
        if !self.is_dead() {
            self.emit(Opcode::LdaUndefined, &[]);
            self.emit_return(offset.saturating_sub(1));
        }
    }

    /// FunctionDeclarationInstantiation for the unit's own scope.
    pub(crate) fn emit_prologue(&mut self, params: Option<&'a FormalParameters<'a>>, offset: u32) {
        let Some(info) = self.info() else { return };
        let scope = info.scope;
        let Some(scope_info) = self.ctx.scopes.scope_info(scope) else { return };
        if scope_info.needs_context {
            let idx = self.scope_constant(scope);
            self.emit(Opcode::CreateFunctionContext, &[idx as i64, scope_info.context_slots as i64]);
            let m = self.mark();
            let scratch = self.temp();
            self.emit(Opcode::PushContext, &[scratch.0 as i64]);
            self.release(m);
        }
        // Implicit function state, for inner arrows, eval and the self name.
        let implicit: Vec<(strata_frontend::BindingId, BindingKind)> = self
            .ctx
            .scopes
            .scope_bindings(scope)
            .filter(|b| b.kind.is_function_state() || b.kind == BindingKind::FunctionSelfName)
            .map(|b| (b.id, b.kind))
            .collect();
        for (binding, kind) in implicit {
            // A derived constructor's `this` starts as the hole, as context
            // slots do.
            if kind == BindingKind::This && self.kind == FunctionKind::DerivedConstructor {
                continue;
            }
            let from = match kind {
                BindingKind::This => Register::THIS,
                BindingKind::NewTarget => Register::NEW_TARGET,
                BindingKind::ThisFunction | BindingKind::FunctionSelfName => Register::CALLEE,
                // The home object has no register; super property loads in
                // arrows use the arrow's own home object.
                _ => continue,
            };
            self.ldar(from);
            self.init_binding(binding, offset);
        }
        if let Some(arguments) = info.arguments {
            if info.mapped_arguments {
                // Mapped arguments alias the parameters' context slots by name.
                let names: Vec<Box<str>> = params
                    .map(|p| {
                        p.items
                            .iter()
                            .map(|item| match &item.pattern {
                                BindingPattern::BindingIdentifier(id) => id.name.as_str().into(),
                                _ => "".into(),
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let immutable = vec![false; names.len()];
                let scope = crate::ScopeInfo { names, immutable, is_function_scope: true, ..Default::default() };
                let idx = self.b.add_constant(Constant::Scope(Arc::new(scope)));
                self.emit(Opcode::CreateMappedArguments, &[idx as i64]);
            } else {
                self.emit(Opcode::CreateUnmappedArguments, &[]);
            }
            self.init_binding(arguments, offset);
        }
        if let Some(params) = params {
            self.in_parameters = true;
            self.emit_parameters(params, info.simple_params);
            self.in_parameters = false;
        }
        // `var`s in the context start undefined (context slots start as holes).
        let vars: Vec<strata_frontend::BindingId> = self
            .ctx
            .scopes
            .scope_bindings(scope)
            .filter(|b| b.kind == BindingKind::Var && Some(b.id) != info.arguments)
            .filter(|b| matches!(b.storage, Storage::Context { .. } | Storage::Module { .. }))
            .map(|b| b.id)
            .collect();
        if !vars.is_empty() {
            self.emit(Opcode::LdaUndefined, &[]);
            for binding in vars {
                self.init_binding(binding, offset);
            }
        }
        self.init_lexical_holes(scope);
        self.instantiate_hoisted_functions(scope, offset);
    }

    /// Binds the formal parameters from the argument slots.
    fn emit_parameters(&mut self, params: &'a FormalParameters<'a>, simple: bool) {
        if simple {
            for (i, item) in params.items.iter().enumerate() {
                let BindingPattern::BindingIdentifier(id) = &item.pattern else { continue };
                let storage = id.symbol_id.get().and_then(|s| self.ctx.scopes.storage(s)).cloned();
                match storage {
                    Some(Storage::Register(n)) => {
                        self.param_registers.insert(n, Register::param(i as u32));
                    }
                    _ => {
                        self.ldar(Register::param(i as u32));
                        self.store_declaration(id.node_id.get(), id.name.as_str(), id.span.start);
                    }
                }
            }
            return;
        }
        // Parameters with expressions: each is in its TDZ until bound.
        if let Some(info) = self.info() {
            let holes: Vec<u32> = self
                .ctx
                .scopes
                .scope_bindings(info.scope)
                .filter(|b| matches!(b.kind, BindingKind::Parameter { .. }) && self.ctx.needs_hole(b.id))
                .filter_map(|b| match b.storage {
                    Storage::Register(n) => Some(n),
                    _ => None,
                })
                .collect();
            if !holes.is_empty() {
                self.emit(Opcode::LdaTheHole, &[]);
                for n in holes {
                    let r = self.local(n);
                    self.star(r);
                }
            }
        }
        for (i, item) in params.items.iter().enumerate() {
            self.ldar(Register::param(i as u32));
            if let Some(init) = &item.initializer {
                let skip = self.new_label();
                self.emit_jump(Opcode::JumpIfNotUndefined, skip);
                let name = match &item.pattern {
                    BindingPattern::BindingIdentifier(id) => Some(utf16(id.name.as_str())),
                    _ => None,
                };
                self.visit_named(init, name);
                self.bind(skip);
            }
            self.bind_pattern(&item.pattern);
        }
        if let Some(rest) = &params.rest {
            self.emit(Opcode::CreateRestParameter, &[params.items.len() as i64]);
            self.bind_pattern(&rest.rest.argument);
        }
    }
}

