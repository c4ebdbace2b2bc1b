//! Pass 3: what every use site reaches, and which bindings are captured.
//!
//! Identifier references take oxc's resolution, with two corrections oxc
//! does not model: `arguments` resolves to the nearest non-arrow function's
//! implicit arguments object (unless a binding of that name is found
//! first), and a reference inside a class to a class declaration's name
//! reaches the class's inner binding. `this`, `super`, `new.target` and
//! private names are resolved here too: directly in a function they read
//! its frame; through arrows they reach an implicit binding of the
//! enclosing non-arrow unit. Fed by passes 1-2; feeds `dynamic` and
//! `resolve`. A binding used from another unit is marked captured.

use oxc_ast::AstKind;
use oxc_semantic::{NodeId, ReferenceId, ScopeId};
use oxc_span::GetSpan;

use super::{Builder, Draft, ImplicitKey, Target};
use crate::analysis::{BindingId, BindingKind, FunctionId, FunctionKind, Resolution, SiteKind};

/// Runs the pass.
pub(super) fn link(b: &mut Builder<'_, '_>) {
    let scoping = b.semantic.scoping();
    let count = scoping.references_len();
    b.drafts = vec![None; count];
    for index in 0..count {
        let reference_id = ReferenceId::new(index);
        let reference = scoping.get_reference(reference_id);
        let node = reference.node_id();
        let AstKind::IdentifierReference(ident) = b.semantic.nodes().kind(node) else {
            continue;
        };
        let name = ident.name.as_str();
        let unit = b.unit_of(node);
        let site = b.site_scope(node);
        let target = if name == "arguments" {
            resolve_arguments(b, site, unit)
        } else {
            match reference
                .symbol_id()
                .and_then(|s| b.out.binding_of_symbol(s))
            {
                Some(binding) => Target::Binding(shadowing_binding(b, binding, site)),
                None => Target::Unresolved,
            }
        };
        if let Target::Binding(binding) = target {
            b.note_use(binding, unit);
        }
        b.drafts[index] = Some(Draft {
            target,
            site,
            function: unit,
            offset: ident.span.start,
            name: name.to_string(),
            identifier: true,
            tdz: false,
            declaration: false,
        });
    }
    link_function_state(b);
}

/// `arguments`: the first declared binding of that name on the scope
/// chain, or the implicit arguments object of the first non-arrow function
/// scope reached.
fn resolve_arguments(b: &mut Builder<'_, '_>, site: ScopeId, unit: FunctionId) -> Target {
    let mut scope = Some(site);
    while let Some(current) = scope {
        let owner = b.scope(current).map(|info| info.function);
        let owner_info = owner
            .and_then(|f| b.function(f))
            .map(|info| (info.id, info.scope, info.kind));
        let is_own_scope = |info: &Option<(FunctionId, ScopeId, FunctionKind)>| {
            info.is_some_and(|(_, own, kind)| own == current && kind.has_arguments())
        };
        if let Some(&binding) = b.scope_names.get(&(current, "arguments".to_string())) {
            // `var arguments` in a function's own scope is the binding the
            // arguments object initializes (parameters, functions and
            // lexical declarations of that name suppress the object).
            let is_var = b
                .binding(binding)
                .is_some_and(|info| info.kind == BindingKind::Var);
            if is_var
                && is_own_scope(&owner_info)
                && let Some((function, _, _)) = owner_info
            {
                mark_arguments_use(b, function, unit);
                if let Some(info) = b.function_mut(function) {
                    info.arguments = Some(binding);
                }
            }
            return Target::Binding(binding);
        }
        if is_own_scope(&owner_info)
            && let Some((function, _, _)) = owner_info
        {
            mark_arguments_use(b, function, unit);
            return b
                .implicit(function, ImplicitKey::Arguments)
                .map_or(Target::Unresolved, Target::Binding);
        }
        scope = b.parent_scope(current);
    }
    Target::Unresolved
}

fn mark_arguments_use(b: &mut Builder<'_, '_>, owner: FunctionId, user: FunctionId) {
    if let Some(info) = b.function_mut(user) {
        info.uses.arguments = true;
    }
    if owner != user
        && let Some(info) = b.function_mut(owner)
    {
        info.captured_by_arrows.arguments = true;
    }
}

/// Redirects a use of a binding with a shadow (see `Builder::shadows`) to
/// the inner binding when the use is inside the inner scope.
pub(super) fn shadowing_binding(
    b: &Builder<'_, '_>,
    binding: BindingId,
    site: ScopeId,
) -> BindingId {
    let Some(&(class_scope, inner)) = b.shadows.get(&binding) else {
        return binding;
    };
    let outer_scope = b.binding(binding).map(|info| info.scope);
    let mut scope = Some(site);
    while let Some(current) = scope {
        if Some(current) == outer_scope {
            break;
        }
        if current == class_scope {
            return inner;
        }
        scope = b.parent_scope(current);
    }
    binding
}

/// The function-state uses a site makes.
#[derive(Clone, Copy)]
enum StateUse {
    This,
    NewTarget,
    SuperProperty,
    SuperCall,
}

/// `this`, `super`, `new.target` and private-name sites.
fn link_function_state(b: &mut Builder<'_, '_>) {
    let nodes = b.semantic.nodes();
    for (id, node) in nodes.iter_enumerated() {
        match node.kind() {
            AstKind::ThisExpression(_) => site(b, id, StateUse::This, SiteKind::This),
            AstKind::NewTarget(_) => site(b, id, StateUse::NewTarget, SiteKind::NewTarget),
            AstKind::Super(_) => {
                let is_call = matches!(
                    nodes.parent_kind(id),
                    AstKind::CallExpression(call) if call.callee.span() == node.span()
                );
                site(b, id, StateUse::This, SiteKind::This);
                if is_call {
                    site(b, id, StateUse::SuperCall, SiteKind::Super);
                    site(b, id, StateUse::NewTarget, SiteKind::NewTarget);
                } else {
                    site(b, id, StateUse::SuperProperty, SiteKind::Super);
                }
            }
            AstKind::PrivateIdentifier(private) => {
                if matches!(
                    nodes.parent_kind(id),
                    AstKind::PrivateFieldExpression(_) | AstKind::PrivateInExpression(_)
                ) {
                    private_site(b, id, format!("#{}", private.name), private.span.start);
                }
            }
            _ => {}
        }
    }
}

fn site(b: &mut Builder<'_, '_>, node: NodeId, what: StateUse, kind: SiteKind) {
    let unit = b.unit_of(node);
    let owner = b.this_owner(unit);
    let Some(owner_kind) = b.function(owner).map(|info| info.kind) else {
        return;
    };
    let through_arrows = owner != unit;
    set_use(b, unit, what, true);
    if through_arrows {
        set_use(b, owner, what, false);
    }
    let key = match what {
        StateUse::This => ImplicitKey::This,
        StateUse::NewTarget => ImplicitKey::NewTarget,
        StateUse::SuperProperty => ImplicitKey::HomeObject,
        StateUse::SuperCall => ImplicitKey::ThisFunction,
    };
    let direct_eval = b.out.is_direct_eval();
    let target = match (what, owner_kind) {
        // A direct eval's function state is its caller's, found by name
        // on the context chain (materialized there by `dynamic`).
        (StateUse::This, FunctionKind::Script) if direct_eval => {
            Target::Fixed(Resolution::Dynamic("this".to_string()))
        }
        (StateUse::NewTarget, FunctionKind::Script) if direct_eval => {
            Target::Fixed(Resolution::Dynamic("new.target".to_string()))
        }
        (StateUse::SuperProperty, FunctionKind::Script) if direct_eval => {
            Target::Fixed(Resolution::Dynamic(".home_object".to_string()))
        }
        (StateUse::This, FunctionKind::Script) => Target::Fixed(Resolution::GlobalThis),
        (_, FunctionKind::Script | FunctionKind::Module) => Target::Fixed(Resolution::Undefined),
        (StateUse::NewTarget, kind) if kind.is_class_initializer() => {
            Target::Fixed(Resolution::Undefined)
        }
        (StateUse::This, _) if !through_arrows => Target::OwnThis(owner),
        _ if !through_arrows => Target::Fixed(Resolution::Frame),
        _ => b
            .implicit(owner, key)
            .map_or(Target::Fixed(Resolution::Frame), Target::Binding),
    };
    if let Target::Binding(binding) = target {
        b.note_use(binding, unit);
    }
    let name = match what {
        StateUse::This => "this",
        StateUse::NewTarget => "new.target",
        StateUse::SuperProperty | StateUse::SuperCall => "super",
    };
    let offset = b.semantic.nodes().get_node(node).span().start;
    let tdz = matches!(what, StateUse::This) && owner_kind == FunctionKind::DerivedConstructor;
    let draft = Draft {
        target,
        site: b.site_scope(node),
        function: unit,
        offset,
        name: name.to_string(),
        identifier: false,
        tdz,
        declaration: false,
    };
    b.site_drafts.push((kind, node, draft));
}

/// Records a function-state use: `direct` in the user's own code, or
/// (`direct == false`) captured from the owner by inner arrows.
fn set_use(b: &mut Builder<'_, '_>, unit: FunctionId, what: StateUse, direct: bool) {
    let Some(info) = b.function_mut(unit) else {
        return;
    };
    let uses = if direct {
        &mut info.uses
    } else {
        &mut info.captured_by_arrows
    };
    match what {
        StateUse::This => uses.this = true,
        StateUse::NewTarget => uses.new_target = true,
        StateUse::SuperProperty => uses.super_property = true,
        StateUse::SuperCall => uses.super_call = true,
    }
}

/// `o.#x` / `#x in o`: the innermost enclosing class declaring `#x`.
fn private_site(b: &mut Builder<'_, '_>, node: NodeId, name: String, offset: u32) {
    let unit = b.unit_of(node);
    let site = b.site_scope(node);
    let mut scope = Some(site);
    while let Some(current) = scope {
        if let Some(&binding) = b.private_names.get(&(current, name.clone())) {
            b.note_use(binding, unit);
            let target = Target::Binding(binding);
            let draft = Draft {
                target,
                site,
                function: unit,
                offset,
                name,
                identifier: false,
                tdz: false,
                declaration: false,
            };
            b.site_drafts.push((SiteKind::Private, node, draft));
            return;
        }
        scope = b.parent_scope(current);
    }
    // Eval code inside a class body: the caller's private names are found
    // by name on the context chain.
    if b.out.eval.is_some_and(|e| e.direct && e.private_names) {
        let draft = Draft {
            target: Target::Fixed(Resolution::Dynamic(name.clone())),
            site,
            function: unit,
            offset,
            name,
            identifier: false,
            tdz: false,
            declaration: false,
        };
        b.site_drafts.push((SiteKind::Private, node, draft));
    }
}
