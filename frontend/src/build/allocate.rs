//! Pass 5: storage for every binding, context slots, registers.
//!
//! Script top-level `var`/functions are global object properties and
//! `let`/`const`/`class` live in the realm's script lexical environment;
//! module imports are `Import`s and exported module bindings are export
//! cells. Everything else is a frame register unless it is captured by an
//! inner unit, visible to a direct `eval` or from inside `with` (forced by
//! pass 4), or a parameter aliased by a mapped arguments object: those get
//! a slot in their scope's context. Slots and registers are numbered in
//! declaration order, registers with the unit's parameters first, and
//! nothing is reused. Fed by passes 1-4; feeds `resolve`.

use std::collections::HashMap;

use oxc_syntax::module_record::{ExportLocalName, ImportImportName};

use super::Builder;
use crate::analysis::{BindingId, BindingKind, ImportName, ScopeKind, Storage};

/// Runs the pass.
pub(super) fn assign(b: &mut Builder<'_, '_>) {
    for info in &mut b.out.functions {
        info.mapped_arguments = info.arguments.is_some() && !info.strict && info.simple_params;
    }
    let imports = import_table(b);
    let exports = export_cells(b);
    for index in 0..b.out.bindings.len() {
        let binding = &b.out.bindings[index];
        let scope_kind = b.scope(binding.scope).map(|s| s.kind);
        let forced = b.forced.get(binding.scope.index()).copied().unwrap_or(true);
        let mapped_parameter = matches!(binding.kind, BindingKind::Parameter { .. })
            && b.function(binding.function)
                .is_some_and(|f| f.mapped_arguments);
        let in_context = binding.captured || forced || mapped_parameter;
        let eval_strict = b.scope(binding.scope).is_some_and(|s| s.strict);
        let storage = match (scope_kind, binding.kind) {
            // Eval code: lexical declarations in its own context, `var`s
            // too when strict (§19.2.1.3 EvalDeclarationInstantiation).
            (Some(ScopeKind::Script), BindingKind::Var | BindingKind::Function)
                if b.out.eval.is_some() && eval_strict =>
            {
                local(in_context)
            }
            (
                Some(ScopeKind::Script),
                BindingKind::Let | BindingKind::Const | BindingKind::Class,
            ) if b.out.eval.is_some() => local(in_context),
            (Some(ScopeKind::Script), BindingKind::Var | BindingKind::Function) => Storage::Global,
            (
                Some(ScopeKind::Script),
                BindingKind::Let | BindingKind::Const | BindingKind::Class,
            ) => Storage::ScriptLexical,
            (Some(ScopeKind::Module), BindingKind::Import) => match imports.get(&binding.name) {
                Some((module_request, import_name)) => Storage::Import {
                    module_request: module_request.clone(),
                    import_name: import_name.clone(),
                },
                None => local(in_context),
            },
            (Some(ScopeKind::Module), _) => match exports.get(&binding.name) {
                Some(&cell) => Storage::Module { cell },
                None => local(in_context),
            },
            _ => local(in_context),
        };
        b.out.bindings[index].storage = storage;
    }
    order_bindings(b);
    assign_slots(b);
    assign_registers(b);
}

/// Placeholder storage for frame-local bindings; slot and register numbers
/// are filled in by `assign_slots` / `assign_registers`.
fn local(in_context: bool) -> Storage {
    if in_context {
        Storage::Context {
            scope: oxc_semantic::ScopeId::new(0),
            slot: u32::MAX,
        }
    } else {
        Storage::Register(u32::MAX)
    }
}

/// Local name → (module request, imported name).
fn import_table(b: &Builder<'_, '_>) -> HashMap<String, (String, ImportName)> {
    b.module_record
        .import_entries
        .iter()
        .map(|entry| {
            let name = match &entry.import_name {
                ImportImportName::Name(name) => ImportName::Name(name.name.to_string()),
                ImportImportName::Default(_) => ImportName::Name("default".to_string()),
                ImportImportName::NamespaceObject => ImportName::Namespace,
            };
            (
                entry.local_name.name.to_string(),
                (entry.module_request.name.to_string(), name),
            )
        })
        .collect()
}

/// Exported local name → export cell, numbered in order of first export;
/// also records the cell table in the analysis.
fn export_cells(b: &mut Builder<'_, '_>) -> HashMap<String, u32> {
    let mut cells = HashMap::new();
    for entry in &b.module_record.local_export_entries {
        // `export default <expression>` (an identifier included: the value
        // is exported, not the binding) and anonymous default functions
        // and classes export the spec's `*default*` local name.
        let name = match &entry.local_name {
            ExportLocalName::Name(name) => name.name.to_string(),
            ExportLocalName::Default(_) => "*default*".to_string(),
            ExportLocalName::Null if entry.export_name.is_default() => "*default*".to_string(),
            ExportLocalName::Null => continue,
        };
        if !cells.contains_key(&name) {
            let next = u32::try_from(cells.len()).unwrap_or(u32::MAX);
            cells.insert(name.clone(), next);
            b.out.export_cells.push(name);
        }
    }
    cells
}

/// Implicit function-state bindings first (in a fixed order), then the
/// rest in creation (source) order.
fn order_bindings(b: &mut Builder<'_, '_>) {
    let rank = |kind: BindingKind| match kind {
        BindingKind::This => 0,
        BindingKind::NewTarget => 1,
        BindingKind::HomeObject => 2,
        BindingKind::ThisFunction => 3,
        BindingKind::Arguments => 4,
        _ => 5,
    };
    let kinds: Vec<BindingKind> = b.out.bindings.iter().map(|info| info.kind).collect();
    for scope in &mut b.out.scopes {
        scope
            .bindings
            .sort_by_key(|id| (kinds.get(id.index()).map_or(5, |&k| rank(k)), *id));
    }
}

fn assign_slots(b: &mut Builder<'_, '_>) {
    for index in 0..b.out.scopes.len() {
        let scope_id = b.out.scopes[index].id;
        let mut slots = 0u32;
        for position in 0..b.out.scopes[index].bindings.len() {
            let id = b.out.scopes[index].bindings[position];
            if let Some(binding) = b.out.bindings.get_mut(id.index())
                && let Storage::Context { scope, slot } = &mut binding.storage
            {
                *scope = scope_id;
                *slot = slots;
                slots += 1;
            }
        }
        let scope = &mut b.out.scopes[index];
        scope.context_slots = slots;
        scope.needs_context = slots > 0 || scope.sloppy_eval || scope.kind == ScopeKind::With;
        scope.per_iteration = slots > 0
            && matches!(
                scope.kind,
                ScopeKind::For | ScopeKind::ForIn | ScopeKind::ForOf
            );
    }
}

fn assign_registers(b: &mut Builder<'_, '_>) {
    for index in 0..b.out.functions.len() {
        let scopes = b.out.functions[index].scopes.clone();
        let own_scope = b.out.functions[index].scope;
        let is_parameter = |b: &Builder<'_, '_>, id: BindingId| {
            b.binding(id)
                .is_some_and(|info| matches!(info.kind, BindingKind::Parameter { .. }))
        };
        let mut order: Vec<BindingId> = Vec::new();
        if let Some(scope) = b.scope(own_scope) {
            order.extend(
                scope
                    .bindings
                    .iter()
                    .copied()
                    .filter(|&id| is_parameter(b, id)),
            );
        }
        for &scope in &scopes {
            if let Some(info) = b.scope(scope) {
                let skip_parameters = scope == own_scope;
                order.extend(
                    info.bindings
                        .iter()
                        .copied()
                        .filter(|&id| !(skip_parameters && is_parameter(b, id))),
                );
            }
        }
        let mut next = 0u32;
        for id in order {
            if let Some(binding) = b.binding_mut(id)
                && let Storage::Register(register) = &mut binding.storage
            {
                *register = next;
                next += 1;
            }
        }
        b.out.functions[index].register_count = next;
    }
}
