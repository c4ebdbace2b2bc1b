//! Pass 2: declared bindings.
//!
//! Every oxc symbol becomes a binding in the scope oxc put it in (after
//! `var` hoisting and oxc's Annex B hoisting), classified by what declared
//! it. Then the bindings oxc does not model: a class declaration's inner
//! name (in the class scope) and each class's private names. Function
//! declarations are listed on the scope that declares them, for
//! instantiation on entry. Fed by pass 1's units and scopes; feeds the
//! reference pass.

use oxc_ast::AstKind;
use oxc_ast::ast::{ClassElement, PropertyKey};
use oxc_semantic::{NodeId, ScopeId, SymbolFlags, SymbolId};
use oxc_span::GetSpan;

use super::Builder;
use crate::analysis::{BindingKind, HoistedFunction, ScopeKind};

/// Runs the pass.
pub(super) fn declare(b: &mut Builder<'_, '_>) {
    let scoping = b.semantic.scoping();
    b.out.symbol_bindings = vec![None; scoping.symbols_len()];
    // Symbols by (scope, name), from oxc's symbol table: its per-scope
    // binding tables lose an entry when Annex B hoisting moves a same-named
    // function out of the scope.
    let mut by_scope: std::collections::HashMap<(ScopeId, &str), Vec<SymbolId>> =
        std::collections::HashMap::new();
    for symbol in scoping.symbol_ids() {
        by_scope
            .entry((scoping.symbol_scope_id(symbol), scoping.symbol_name(symbol)))
            .or_default()
            .push(symbol);
    }
    for symbol in scoping.symbol_ids() {
        let mut scope = scoping.symbol_scope_id(symbol);
        let declaration = scoping.symbol_declaration(symbol);
        let mut kind = classify(b, symbol, scope, declaration);
        let flags = scoping.symbol_flags(symbol);
        if flags.contains(SymbolFlags::Function)
            && flags.intersects(SymbolFlags::BlockScopedVariable | SymbolFlags::ConstVariable | SymbolFlags::Class)
        {
            // `let f; if (x) function f() {}`: oxc gives both one symbol
            // and may have hoisted it as an Annex B function; it is the
            // lexical declaration, in its own scope (the function lives
            // in the `if` branch, see `annex_b_functions`).
            scope = b.semantic.nodes().get_node(declaration).scope_id();
            kind = if flags.contains(SymbolFlags::Class) {
                BindingKind::Class
            } else if flags.contains(SymbolFlags::ConstVariable) {
                BindingKind::Const
            } else {
                BindingKind::Let
            };
        }
        if kind == BindingKind::Function
            && let Some(block) = annex_b_blocked(b, &by_scope, symbol, scope, declaration)
        {
            scope = block;
        }
        let initialized_at = initialized_at(b, kind, declaration);
        let name = scoping.symbol_name(symbol).to_string();
        let catch_body = catch_body_of(b, kind, declaration);
        let merged_catch = catch_body.filter(|&body| body != scope);
        if merged_catch.is_some() {
            // `catch (e) { var e; }`: oxc hoisted the parameter's symbol
            // to the variable scope; it is the `var` there.
            kind = BindingKind::Var;
        }
        let id = b.add_binding(
            name.clone(),
            kind,
            Some(symbol),
            scope,
            Some(declaration),
            initialized_at,
        );
        if let Some(body) = merged_catch {
            let end = b.semantic.nodes().kind(declaration).span().end;
            let parameter = b.add_binding(
                name.clone(),
                BindingKind::CatchParameter,
                None,
                body,
                Some(declaration),
                end,
            );
            b.shadows.insert(id, (body, parameter));
        }
        if let Some(slot) = b.out.symbol_bindings.get_mut(symbol.index()) {
            *slot = Some(id);
        }
        // Later symbols of the same name and scope replace earlier ones in
        // oxc's binding table too (a `var f` inside `function f() {}`).
        b.scope_names.insert((scope, name), id);
    }
    declare_class_and_function_extras(b);
    annex_b_functions(b);
}

/// Annex B.3.2 (block-level function declarations in sloppy code, in
/// function, global and eval code): a plain function declaration in a
/// block, a `switch` case or an `if` branch gets the spec's two bindings.
/// The block-level one (initialized with the function on block entry) and
/// a `var` of the same name in the variable scope (initialized to
/// `undefined` on entry unless one exists), which the declaration assigns
/// when it is evaluated ([`crate::ScopeAnalysis::annex_b_store`]). Skipped
/// where a `var` of the name would conflict with a lexical declaration
/// between the block and the variable scope, or the name is a parameter.
/// `if (x) function f() {}` has no block of its own: its closure is
/// created when the branch runs and stored straight to the `var`.
fn annex_b_functions(b: &mut Builder<'_, '_>) {
    let nodes = b.semantic.nodes();
    let scoping = b.semantic.scoping();
    for (id, node) in nodes.iter_enumerated() {
        let AstKind::Function(function) = node.kind() else { continue };
        if !function.is_declaration() || function.r#async || function.generator {
            continue;
        }
        let Some(symbol) = function.id.as_ref().and_then(|ident| ident.symbol_id.get()) else {
            continue;
        };
        let Some(binding) = b.out.binding_of_symbol(symbol) else { continue };
        let declared_in = node.scope_id();
        let Some(block_info) = b.scope(declared_in) else { continue };
        if block_info.strict {
            continue;
        }
        let in_if = matches!(nodes.parent_kind(id), AstKind::IfStatement(_));
        if !in_if && !matches!(block_info.kind, ScopeKind::Block | ScopeKind::Switch) {
            continue;
        }
        let name = scoping.symbol_name(symbol).to_string();
        if in_if && b.binding(binding).is_some_and(|info| info.kind != BindingKind::Function) {
            // oxc gave `if (x) function f() {}` the symbol of a parameter
            // or lexical declaration of the name: the function only lives
            // in the branch's own block, which nothing else can see.
            if let Some(info) = b.out.scopes.get_mut(declared_in.index()) {
                info.hoisted_functions.retain(|h| h.node != id);
            }
            continue;
        }
        if name == "arguments" {
            continue;
        }
        // The variable scope, and whether a lexical declaration of the
        // name lies in between.
        let mut blocked = false;
        let mut current = if in_if { Some(declared_in) } else { b.parent_scope(declared_in) };
        let mut var_scope = None;
        while let Some(scope) = current {
            let Some(info) = b.scope(scope) else { break };
            let is_var_scope = matches!(
                info.kind,
                ScopeKind::Function | ScopeKind::Script | ScopeKind::StaticBlock | ScopeKind::ClassInitializer
            );
            if matches!(info.kind, ScopeKind::Module) {
                break;
            }
            if is_var_scope {
                var_scope = Some(scope);
                break;
            }
            for &other in &info.bindings {
                let Some(other_info) = b.binding(other) else { continue };
                if other == binding || other_info.name != name {
                    continue;
                }
                let simple_catch = other_info.kind == BindingKind::CatchParameter
                    && other_info.declaration.is_some_and(|d| {
                        matches!(nodes.kind(d), AstKind::CatchParameter(p) if p.pattern.is_binding_identifier())
                            || matches!(nodes.parent_kind(d), AstKind::CatchParameter(_))
                    });
                if !simple_catch {
                    blocked = true;
                }
            }
            current = b.parent_scope(scope);
        }
        let Some(var_scope) = var_scope else { continue };
        if blocked {
            continue;
        }
        // What the variable scope already has of the name.
        let mut target = None;
        let mut skip = false;
        for &other in &b.out.scopes[var_scope.index()].bindings {
            let Some(other_info) = b.binding(other) else { continue };
            if other_info.name != name || other_info.symbol.is_none() {
                continue;
            }
            // oxc gives `let f; if (x) function f() {}` one symbol.
            let lexical = other_info.symbol.is_some_and(|s| {
                scoping.symbol_flags(s).intersects(
                    SymbolFlags::BlockScopedVariable | SymbolFlags::ConstVariable | SymbolFlags::Class,
                )
            });
            match other_info.kind {
                BindingKind::Var | BindingKind::Function if !lexical => {
                    if target.is_none() || other == binding {
                        target = Some(other);
                    }
                }
                _ => skip = true,
            }
        }
        if skip {
            continue;
        }
        let Some(binding_scope) = b.binding(binding).map(|info| info.scope) else { continue };
        let remove_hoisted = |b: &mut Builder<'_, '_>| {
            if let Some(info) = b.out.scopes.get_mut(declared_in.index()) {
                info.hoisted_functions.retain(|h| h.node != id);
            }
        };
        if binding_scope == var_scope {
            // oxc moved the function's binding to the variable scope: it
            // becomes the `var` there (unless a top-level declaration of
            // the name shares it).
            let shared = b.out.scopes[var_scope.index()]
                .hoisted_functions
                .iter()
                .any(|h| h.binding == binding && h.node != id);
            if !shared && let Some(info) = b.binding_mut(binding) {
                info.kind = BindingKind::Var;
            }
            if in_if {
                remove_hoisted(b);
                b.out.annex_b.insert(id, (None, binding));
                continue;
            }
            let inner = b.add_binding(name, BindingKind::Function, None, declared_in, Some(id), 0);
            if let Some(info) = b.out.scopes.get_mut(declared_in.index()) {
                for h in &mut info.hoisted_functions {
                    if h.node == id {
                        h.binding = inner;
                    }
                }
            }
            if !b.shadows.contains_key(&binding) {
                b.shadows.insert(binding, (declared_in, inner));
            }
            b.out.annex_b.insert(id, (Some(inner), binding));
        } else if let Some(target) = target {
            // The function keeps its own block binding; the declaration
            // assigns the variable scope's binding of the name.
            b.out.annex_b.insert(id, (Some(binding), target));
        }
    }
}

/// Annex B.3.3: oxc hoists a sloppy block-level function to the variable
/// scope when that scope has no binding of its name, but the spec also
/// requires that a `var` of the name would not conflict with a lexical
/// declaration in a block between (a `let`, `const`, `class`, a
/// non-hoisted function, or a destructured catch parameter). When one
/// does, the function stays in its block: the block scope is returned.
fn annex_b_blocked(
    b: &Builder<'_, '_>,
    by_scope: &std::collections::HashMap<(ScopeId, &str), Vec<SymbolId>>,
    symbol: SymbolId,
    var_scope: ScopeId,
    declaration: NodeId,
) -> Option<ScopeId> {
    let scoping = b.semantic.scoping();
    let nodes = b.semantic.nodes();
    let block = nodes.get_node(declaration).scope_id();
    if block == var_scope {
        return None;
    }
    let name = scoping.symbol_name(symbol);
    let mut current = Some(block);
    while let Some(scope) = current {
        if scope == var_scope {
            return None;
        }
        for &other in by_scope.get(&(scope, name)).into_iter().flatten() {
            if other == symbol {
                continue;
            }
            let flags = scoping.symbol_flags(other);
            let other_declaration = scoping.symbol_declaration(other);
            let simple_catch = flags.contains(SymbolFlags::CatchVariable)
                && (matches!(nodes.kind(other_declaration), AstKind::CatchParameter(p) if p.pattern.is_binding_identifier())
                    || matches!(nodes.parent_kind(other_declaration), AstKind::CatchParameter(_)));
            if !simple_catch {
                return Some(block);
            }
        }
        current = scoping.scope_parent_id(scope);
    }
    None
}

/// The catch body scope a catch parameter belongs in.
fn catch_body_of(b: &Builder<'_, '_>, kind: BindingKind, declaration: NodeId) -> Option<ScopeId> {
    if kind != BindingKind::CatchParameter {
        return None;
    }
    let clause_scope = b.semantic.nodes().get_node(declaration).scope_id();
    b.catch_body.get(&clause_scope).copied()
}

/// What declared `symbol`.
fn classify(
    b: &Builder<'_, '_>,
    symbol: SymbolId,
    scope: ScopeId,
    declaration: NodeId,
) -> BindingKind {
    let nodes = b.semantic.nodes();
    let flags = b.semantic.scoping().symbol_flags(symbol);
    let declaring = nodes.kind(declaration);
    match declaring {
        AstKind::FormalParameter(_) | AstKind::FormalParameterRest(_) => {
            return BindingKind::Parameter {
                index: parameter_index(b, declaration),
            };
        }
        _ => {}
    }
    if flags.contains(SymbolFlags::Import) {
        BindingKind::Import
    } else if flags.contains(SymbolFlags::Class) {
        let in_own_class_scope = b
            .scope(scope)
            .is_some_and(|info| info.kind == ScopeKind::Class)
            && matches!(declaring, AstKind::Class(class) if class.scope_id.get() == Some(scope));
        if in_own_class_scope {
            BindingKind::ClassInnerName
        } else {
            BindingKind::Class
        }
    } else if flags.contains(SymbolFlags::Function) {
        if flags.contains(SymbolFlags::FunctionExpression) {
            BindingKind::FunctionSelfName
        } else {
            BindingKind::Function
        }
    } else if flags.contains(SymbolFlags::CatchVariable) {
        BindingKind::CatchParameter
    } else if flags.contains(SymbolFlags::ConstVariable) {
        BindingKind::Const
    } else if flags.contains(SymbolFlags::BlockScopedVariable) {
        BindingKind::Let
    } else {
        BindingKind::Var
    }
}

/// Position of a `FormalParameter` (or the rest parameter) in its list.
fn parameter_index(b: &Builder<'_, '_>, declaration: NodeId) -> u32 {
    let nodes = b.semantic.nodes();
    match (nodes.kind(declaration), nodes.parent_kind(declaration)) {
        (AstKind::FormalParameter(_), AstKind::FormalParameters(params)) => params
            .items
            .iter()
            .position(|item| item.node_id.get() == declaration)
            .map_or(0, |i| u32::try_from(i).unwrap_or(u32::MAX)),
        (_, AstKind::FormalParameters(params)) => {
            u32::try_from(params.items.len()).unwrap_or(u32::MAX)
        }
        _ => 0,
    }
}

/// Offset after which same-unit reads need no TDZ check.
fn initialized_at(b: &Builder<'_, '_>, kind: BindingKind, declaration: NodeId) -> u32 {
    let nodes = b.semantic.nodes();
    match (kind, nodes.kind(declaration)) {
        (BindingKind::Let | BindingKind::Const, AstKind::VariableDeclarator(declarator)) => {
            // `for (let x of xs)`: `xs` is evaluated with `x` in TDZ, and
            // `x` is initialized when the body starts.
            let declaration_list = nodes.parent_id(declaration);
            match nodes.parent_kind(declaration_list) {
                AstKind::ForInStatement(stmt) => stmt.body.span().start,
                AstKind::ForOfStatement(stmt) => stmt.body.span().start,
                _ => declarator.span.end,
            }
        }
        (BindingKind::Class | BindingKind::ClassInnerName, AstKind::Class(class)) => class.span.end,
        (BindingKind::Parameter { .. } | BindingKind::CatchParameter, kind) => kind.span().end,
        _ => 0,
    }
}

/// Class inner names, private names, and hoisted function lists.
fn declare_class_and_function_extras(b: &mut Builder<'_, '_>) {
    let nodes = b.semantic.nodes();
    for (id, node) in nodes.iter_enumerated() {
        match node.kind() {
            AstKind::Function(function) if function.is_declaration() => {
                let Some(symbol) = function.id.as_ref().and_then(|id| id.symbol_id.get()) else {
                    continue;
                };
                let Some(binding) = b.out.binding_of_symbol(symbol) else {
                    continue;
                };
                let declared_in = node.scope_id();
                if let Some(info) = b.out.scopes.get_mut(declared_in.index()) {
                    info.hoisted_functions
                        .push(HoistedFunction { node: id, binding });
                }
            }
            AstKind::Class(class) => {
                let Some(class_scope) = class.scope_id.get() else {
                    continue;
                };
                if class.is_declaration()
                    && let Some(ident) = &class.id
                    && let Some(outer) = ident
                        .symbol_id
                        .get()
                        .and_then(|s| b.out.binding_of_symbol(s))
                {
                    let inner = b.add_binding(
                        ident.name.to_string(),
                        BindingKind::ClassInnerName,
                        None,
                        class_scope,
                        Some(id),
                        class.span.end,
                    );
                    b.shadows.insert(outer, (class_scope, inner));
                }
                for element in &class.body.body {
                    let (key, element_node) = match element {
                        ClassElement::PropertyDefinition(p) => (&p.key, p.node_id.get()),
                        ClassElement::MethodDefinition(m) => (&m.key, m.node_id.get()),
                        ClassElement::AccessorProperty(a) => (&a.key, a.node_id.get()),
                        _ => continue,
                    };
                    let PropertyKey::PrivateIdentifier(private) = key else {
                        continue;
                    };
                    let name = format!("#{}", private.name);
                    if b.private_names.contains_key(&(class_scope, name.clone())) {
                        continue;
                    }
                    let binding = b.add_binding(
                        name.clone(),
                        BindingKind::PrivateName,
                        None,
                        class_scope,
                        Some(element_node),
                        0,
                    );
                    b.private_names.insert((class_scope, name), binding);
                }
            }
            _ => {}
        }
    }
}
