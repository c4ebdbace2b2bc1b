//! Pass 4: direct `eval` and `with`, which make names visible by string.
//!
//! A direct `eval` (strict or not) can read any binding visible from the
//! call, so every scope on its chain keeps all its bindings in contexts,
//! and the enclosing non-arrow unit materializes the function state eval
//! code may use (`this`, `new.target`, the home object, `arguments`). A
//! sloppy direct `eval` can also add `var`s to its unit's variable scope,
//! which is marked `sloppy_eval`: `resolve` turns references that could be
//! shadowed by such a `var` into dynamic lookups. A `with` body puts an
//! object on the scope chain: every scope outside it keeps its bindings in
//! contexts (lookups from inside go by name), and units inside it are
//! marked. Fed by passes 1-3; feeds `allocate` and `resolve`.

use oxc_ast::AstKind;
use oxc_ast::ast::Expression;
use oxc_semantic::ScopeId;

use super::{Builder, ImplicitKey};
use crate::analysis::{BindingKind, FunctionId, FunctionKind, ScopeKind};

/// Runs the pass.
pub(super) fn apply(b: &mut Builder<'_, '_>) {
    let nodes = b.semantic.nodes();
    for (id, node) in nodes.iter_enumerated() {
        let AstKind::CallExpression(call) = node.kind() else {
            continue;
        };
        let is_direct_eval = !call.optional
            && matches!(call.callee.without_parentheses(), Expression::Identifier(ident) if ident.name == "eval");
        if !is_direct_eval {
            continue;
        }
        let unit = b.unit_of(id);
        let site = b.site_scope(id);
        let strict = b.scope(site).is_none_or(|info| info.strict);
        let Some(info) = b.function_mut(unit) else {
            continue;
        };
        info.has_direct_eval = true;
        if !strict {
            info.has_sloppy_eval = true;
            let (kind, own_scope) = (info.kind, info.scope);
            if kind != FunctionKind::Script
                && let Some(scope) = b.out.scopes.get_mut(own_scope.index())
            {
                scope.sloppy_eval = true;
            }
        }
        force_chain(b, Some(site));
        materialize_function_state(b, unit);
    }
    for index in 0..b.out.scopes.len() {
        if b.out.scopes[index].kind == ScopeKind::With {
            let parent = b.out.scopes[index].parent;
            force_chain(b, parent);
        }
    }
    for index in 0..b.out.functions.len() {
        let own_scope = b.out.functions[index].scope;
        let mut scope = b.parent_scope(own_scope);
        let mut inside_with = false;
        while let Some(current) = scope {
            if b.scope(current)
                .is_some_and(|info| info.kind == ScopeKind::With)
            {
                inside_with = true;
                break;
            }
            scope = b.parent_scope(current);
        }
        b.out.functions[index].inside_with = inside_with;
    }
}

/// Marks `from` and every scope around it as keeping all bindings in
/// contexts.
fn force_chain(b: &mut Builder<'_, '_>, from: Option<ScopeId>) {
    let mut scope = from;
    while let Some(current) = scope {
        match b.forced.get_mut(current.index()) {
            Some(forced) if !*forced => *forced = true,
            // Already forced: so is everything around it.
            _ => break,
        }
        scope = b.parent_scope(current);
    }
}

/// Gives the non-arrow unit around an eval call every implicit binding eval
/// code could need; they land in contexts because its scope is forced.
fn materialize_function_state(b: &mut Builder<'_, '_>, unit: FunctionId) {
    let owner = b.this_owner(unit);
    let Some(info) = b.function(owner) else {
        return;
    };
    let (kind, own_scope) = (info.kind, info.scope);
    if matches!(kind, FunctionKind::Script | FunctionKind::Module) {
        return;
    }
    let mut keys = vec![ImplicitKey::This];
    if !kind.is_class_initializer() {
        keys.push(ImplicitKey::NewTarget);
    }
    if kind.has_home_object() {
        keys.push(ImplicitKey::HomeObject);
    }
    if kind == FunctionKind::DerivedConstructor {
        keys.push(ImplicitKey::ThisFunction);
    }
    for key in keys {
        if let Some(binding) = b.implicit(owner, key) {
            b.note_use(binding, unit);
        }
    }
    if let Some(info) = b.function_mut(owner) {
        info.captured_by_arrows.this = true;
        info.captured_by_arrows.new_target |= !kind.is_class_initializer();
        info.captured_by_arrows.super_property |= kind.has_home_object();
        info.captured_by_arrows.super_call |= kind == FunctionKind::DerivedConstructor;
    }
    if !kind.has_arguments() {
        return;
    }
    match b
        .scope_names
        .get(&(own_scope, "arguments".to_string()))
        .copied()
    {
        // A parameter, function or lexical binding named `arguments`
        // suppresses the object; `var arguments` receives it.
        Some(declared) => {
            if b.binding(declared)
                .is_some_and(|d| d.kind == BindingKind::Var)
                && let Some(info) = b.function_mut(owner)
            {
                info.arguments = Some(declared);
                info.captured_by_arrows.arguments = true;
            }
        }
        None => {
            if let Some(binding) = b.implicit(owner, ImplicitKey::Arguments) {
                b.note_use(binding, unit);
            }
            if let Some(info) = b.function_mut(owner) {
                info.captured_by_arrows.arguments = true;
            }
        }
    }
}
