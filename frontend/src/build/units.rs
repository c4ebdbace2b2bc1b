//! Pass 1: function-like units and the shape of the scope tree.
//!
//! Walks oxc's node list in order (parents before children) and gives every
//! node the unit its code runs in: the top level, each function, arrow and
//! method, and per class up to two synthetic units (instance fields; static
//! fields and static blocks) as V8 compiles them. Then mirrors oxc's scopes
//! into `ScopeInfo`s and adds one synthetic scope per class initializer,
//! between the class scope and the scopes inside the initializers, so the
//! context chain matches what runs. Feeds every later pass.

use oxc_ast::AstKind;
use oxc_ast::ast::{
    BindingPattern, ClassElement, FormalParameters, Function, MethodDefinitionKind, PropertyKey,
    PropertyKind,
};
use oxc_semantic::{NodeId, ScopeId};

use super::Builder;
use crate::Goal;
use crate::analysis::{FunctionId, FunctionInfo, FunctionKind, LexicalUse, ScopeInfo, ScopeKind};

/// Runs the pass.
pub(super) fn discover(b: &mut Builder<'_, '_>) {
    let nodes = b.semantic.nodes();
    let scoping = b.semantic.scoping();
    let oxc_scopes = scoping.scopes_len();
    let mut synthetic: Vec<(FunctionId, ScopeId)> = Vec::new();
    b.out.node_functions = Vec::with_capacity(nodes.len());
    for (id, node) in nodes.iter_enumerated() {
        let enclosing = enclosing_unit(b, id);
        let kind = node.kind();
        let unit = match kind {
            AstKind::Program(program) => {
                let (kind, name) = match b.goal {
                    Goal::Script => (FunctionKind::Script, "<script>"),
                    Goal::Module => (FunctionKind::Module, "<module>"),
                };
                let scope = program
                    .scope_id
                    .get()
                    .unwrap_or_else(|| scoping.root_scope_id());
                let strict = scoping.scope_flags(scope).is_strict_mode();
                new_unit(
                    b,
                    kind,
                    name.to_string(),
                    id,
                    program.span.start,
                    None,
                    scope,
                    strict,
                )
            }
            AstKind::Function(function) => {
                let (kind, name) = function_kind(b, id, function);
                let scope = function
                    .scope_id
                    .get()
                    .unwrap_or_else(|| scoping.root_scope_id());
                let strict = scoping.scope_flags(scope).is_strict_mode();
                let unit = new_unit(
                    b,
                    kind,
                    name,
                    id,
                    function.span.start,
                    Some(enclosing),
                    scope,
                    strict,
                );
                set_params(
                    b,
                    unit,
                    &function.params,
                    function.r#async,
                    function.generator,
                );
                unit
            }
            AstKind::ArrowFunctionExpression(arrow) => {
                let scope = arrow
                    .scope_id
                    .get()
                    .unwrap_or_else(|| scoping.root_scope_id());
                let strict = scoping.scope_flags(scope).is_strict_mode();
                let name = "<anonymous>".to_string();
                let unit = new_unit(
                    b,
                    FunctionKind::Arrow,
                    name,
                    id,
                    arrow.span.start,
                    Some(enclosing),
                    scope,
                    strict,
                );
                set_params(b, unit, &arrow.params, arrow.r#async, false);
                unit
            }
            _ => enclosing,
        };
        set_node_unit(b, id, unit);
        if let AstKind::Class(class) = kind {
            let class_scope = class
                .scope_id
                .get()
                .unwrap_or_else(|| scoping.root_scope_id());
            let has = |want_static: bool| {
                class.body.body.iter().any(|element| match element {
                    ClassElement::PropertyDefinition(p) => p.r#static == want_static,
                    ClassElement::AccessorProperty(p) => p.r#static == want_static,
                    ClassElement::StaticBlock(_) => want_static,
                    _ => false,
                })
            };
            let name = class
                .id
                .as_ref()
                .map_or("<anonymous>", |id| id.name.as_str())
                .to_string();
            let mut make = |b: &mut Builder<'_, '_>, kind: FunctionKind| {
                let scope = ScopeId::new(oxc_scopes + synthetic.len());
                let unit = new_unit(
                    b,
                    kind,
                    name.clone(),
                    id,
                    class.span.start,
                    Some(enclosing),
                    scope,
                    true,
                );
                b.initializer_class_scope.insert(unit, class_scope);
                synthetic.push((unit, scope));
                unit
            };
            let instance = has(false).then(|| make(b, FunctionKind::InstanceFields));
            let statics = has(true).then(|| make(b, FunctionKind::StaticInitializer));
            b.out.class_initializers.insert(id, (instance, statics));
        }
    }
    mirror_scopes(b, oxc_scopes, &synthetic);
}

fn set_node_unit(b: &mut Builder<'_, '_>, node: NodeId, unit: FunctionId) {
    let index = node.index();
    if b.out.node_functions.len() <= index {
        b.out.node_functions.resize(index + 1, FunctionId::TOP);
    }
    b.out.node_functions[index] = unit;
}

/// The unit whose code contains `node` itself: its parent's, unless it is a
/// class field's value or a static block (the class initializers').
fn enclosing_unit(b: &Builder<'_, '_>, node: NodeId) -> FunctionId {
    let nodes = b.semantic.nodes();
    if node == NodeId::ROOT {
        return FunctionId::TOP;
    }
    let parent = nodes.parent_id(node);
    let initializer = |is_static: bool| {
        // element → ClassBody → Class
        let class = nodes.parent_id(nodes.parent_id(parent));
        let (instance, statics) = b
            .out
            .class_initializers
            .get(&class)
            .copied()
            .unwrap_or((None, None));
        if is_static { statics } else { instance }
    };
    let from_class = match (nodes.kind(node), nodes.kind(parent)) {
        (AstKind::StaticBlock(_), _) => {
            let class = nodes.parent_id(parent);
            b.out
                .class_initializers
                .get(&class)
                .and_then(|&(_, statics)| statics)
        }
        (_, AstKind::PropertyDefinition(p))
            if p.value.as_ref().is_some_and(|v| v.node_id() == node) =>
        {
            initializer(p.r#static)
        }
        (_, AstKind::AccessorProperty(p))
            if p.value.as_ref().is_some_and(|v| v.node_id() == node) =>
        {
            initializer(p.r#static)
        }
        _ => None,
    };
    from_class.unwrap_or_else(|| b.unit_of(parent))
}

/// Kind and printable name of a `Function` node's unit.
fn function_kind(
    b: &Builder<'_, '_>,
    id: NodeId,
    function: &Function<'_>,
) -> (FunctionKind, String) {
    let nodes = b.semantic.nodes();
    let own_name = function.id.as_ref().map(|id| id.name.to_string());
    let key_name = |key: &PropertyKey<'_>| match key {
        PropertyKey::PrivateIdentifier(p) => format!("#{}", p.name),
        other => other
            .static_name()
            .map_or_else(|| "<computed>".to_string(), |n| n.to_string()),
    };
    let parent = nodes.parent_id(id);
    let (kind, name) = match nodes.kind(parent) {
        AstKind::MethodDefinition(method) => {
            let kind = match method.kind {
                MethodDefinitionKind::Constructor => {
                    let class = nodes.parent_id(nodes.parent_id(parent));
                    match nodes.kind(class) {
                        AstKind::Class(c) if c.heritage.is_some() => {
                            FunctionKind::DerivedConstructor
                        }
                        _ => FunctionKind::ClassConstructor,
                    }
                }
                MethodDefinitionKind::Get => FunctionKind::Getter,
                MethodDefinitionKind::Set => FunctionKind::Setter,
                MethodDefinitionKind::Method => FunctionKind::Method,
            };
            (kind, Some(key_name(&method.key)))
        }
        AstKind::ObjectProperty(prop) if prop.value.node_id() == id => {
            let kind = match prop.kind {
                PropertyKind::Get => FunctionKind::Getter,
                PropertyKind::Set => FunctionKind::Setter,
                PropertyKind::Init if prop.method => FunctionKind::Method,
                PropertyKind::Init => FunctionKind::Expression,
            };
            (kind, Some(key_name(&prop.key)))
        }
        _ if function.is_declaration() => (FunctionKind::Declaration, None),
        _ => (FunctionKind::Expression, None),
    };
    let name = own_name
        .or(name)
        .unwrap_or_else(|| "<anonymous>".to_string());
    (kind, name)
}

#[allow(clippy::too_many_arguments)]
fn new_unit(
    b: &mut Builder<'_, '_>,
    kind: FunctionKind,
    name: String,
    node: NodeId,
    start: u32,
    parent: Option<FunctionId>,
    scope: ScopeId,
    strict: bool,
) -> FunctionId {
    let id = FunctionId(u32::try_from(b.out.functions.len()).unwrap_or(u32::MAX));
    b.out.functions.push(FunctionInfo {
        id,
        kind,
        name,
        node,
        start,
        parent,
        scope,
        scopes: vec![scope],
        strict,
        is_async: false,
        is_generator: false,
        param_count: 0,
        has_rest: false,
        simple_params: true,
        arguments: None,
        mapped_arguments: false,
        uses: LexicalUse::default(),
        captured_by_arrows: LexicalUse::default(),
        has_direct_eval: false,
        has_sloppy_eval: false,
        inside_with: false,
        register_count: 0,
    });
    id
}

fn set_params(
    b: &mut Builder<'_, '_>,
    unit: FunctionId,
    params: &FormalParameters<'_>,
    is_async: bool,
    is_generator: bool,
) {
    let simple = params.rest.is_none()
        && params.items.iter().all(|p| {
            p.initializer.is_none() && matches!(p.pattern, BindingPattern::BindingIdentifier(_))
        });
    if let Some(info) = b.function_mut(unit) {
        info.param_count = u32::try_from(params.items.len()).unwrap_or(u32::MAX);
        info.has_rest = params.rest.is_some();
        info.simple_params = simple;
        info.is_async = is_async;
        info.is_generator = is_generator;
    }
}

/// Builds a `ScopeInfo` per oxc scope, then the synthetic ones.
fn mirror_scopes(b: &mut Builder<'_, '_>, oxc_scopes: usize, synthetic: &[(FunctionId, ScopeId)]) {
    let nodes = b.semantic.nodes();
    let scoping = b.semantic.scoping();
    for index in 0..oxc_scopes {
        let id = ScopeId::new(index);
        let node = scoping.get_node_id(id);
        let unit = b.unit_of(node);
        let kind = match nodes.kind(node) {
            AstKind::Program(_) if b.goal == Goal::Module => ScopeKind::Module,
            AstKind::Program(_) => ScopeKind::Script,
            AstKind::Function(_) | AstKind::ArrowFunctionExpression(_) => ScopeKind::Function,
            AstKind::Class(_) => ScopeKind::Class,
            AstKind::StaticBlock(_) => ScopeKind::StaticBlock,
            AstKind::CatchClause(_) => ScopeKind::Catch,
            AstKind::ForStatement(_) => ScopeKind::For,
            AstKind::ForInStatement(_) => ScopeKind::ForIn,
            AstKind::ForOfStatement(_) => ScopeKind::ForOf,
            AstKind::SwitchStatement(_) => ScopeKind::Switch,
            AstKind::WithStatement(_) => ScopeKind::With,
            _ => ScopeKind::Block,
        };
        let oxc_parent = scoping.scope_parent_id(id);
        // The unit *around* this scope: for a function's own scope, the
        // function's parent; otherwise the scope's unit.
        let around = match b.function(unit) {
            Some(info) if info.scope == id => info.parent,
            _ => Some(unit),
        };
        let parent = match around.and_then(|u| b.initializer_class_scope.get(&u).map(|&c| (u, c))) {
            Some((initializer, class_scope)) if oxc_parent == Some(class_scope) => b
                .function(initializer)
                .map(|info| info.scope)
                .or(oxc_parent),
            _ => oxc_parent,
        };
        if kind == ScopeKind::Block
            && let Some(parent_scope) = oxc_parent
            && matches!(nodes.parent_kind(node), AstKind::CatchClause(_))
        {
            b.catch_body.insert(parent_scope, id);
        }
        b.out.scopes.push(ScopeInfo {
            id,
            kind,
            parent,
            function: unit,
            node: Some(node),
            strict: scoping.scope_flags(id).is_strict_mode(),
            bindings: Vec::new(),
            hoisted_functions: Vec::new(),
            needs_context: false,
            context_slots: 0,
            per_iteration: false,
            sloppy_eval: false,
        });
        if let Some(info) = b.function_mut(unit)
            && info.scope != id
        {
            info.scopes.push(id);
        }
    }
    for &(unit, id) in synthetic {
        let parent = b.initializer_class_scope.get(&unit).copied();
        b.out.scopes.push(ScopeInfo {
            id,
            kind: ScopeKind::ClassInitializer,
            parent,
            function: unit,
            node: None,
            strict: true,
            bindings: Vec::new(),
            hoisted_functions: Vec::new(),
            needs_context: false,
            context_slots: 0,
            per_iteration: false,
            sloppy_eval: false,
        });
    }
    b.forced = vec![false; b.out.scopes.len()];
}
