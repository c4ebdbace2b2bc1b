//! Pass 3b: declaration sites, the stores that initialize bindings.
//!
//! Every declaring `BindingIdentifier` gets a site: where its code runs and
//! which binding it initializes. oxc visits a function's or class's own
//! name inside that function's or class's scope; a declaration's store is
//! made outside it instead (a hoisted function in its declaring scope, a
//! class declaration after the class is created), so those sites are moved
//! out. Fed by passes 1-3 (shadows included); feeds `resolve`.

use oxc_ast::AstKind;

use super::{Builder, Draft, Target};
use crate::analysis::{BindingKind, FunctionId, SiteKind};

/// Runs the pass.
pub(super) fn link(b: &mut Builder<'_, '_>) {
    let nodes = b.semantic.nodes();
    for (id, node) in nodes.iter_enumerated() {
        let AstKind::BindingIdentifier(ident) = node.kind() else {
            continue;
        };
        let Some(binding) = ident
            .symbol_id
            .get()
            .and_then(|s| b.out.binding_of_symbol(s))
        else {
            continue;
        };
        let parent = nodes.parent_id(id);
        let (site, unit, binding) = match nodes.kind(parent) {
            AstKind::Function(function) if function.is_declaration() => {
                let declaring_unit = b.function(b.unit_of(parent)).and_then(|f| f.parent);
                (
                    nodes.get_node(parent).scope_id(),
                    declaring_unit.unwrap_or(FunctionId::TOP),
                    binding,
                )
            }
            AstKind::Class(class) if class.is_declaration() => (
                nodes.get_node(parent).scope_id(),
                b.unit_of(parent),
                binding,
            ),
            AstKind::Function(_) | AstKind::Class(_) => (node.scope_id(), b.unit_of(id), binding),
            _ => {
                let site = b.site_scope(id);
                (
                    site,
                    b.unit_of(id),
                    super::references::shadowing_binding(b, binding, site),
                )
            }
        };
        let is_var = b
            .binding(binding)
            .is_some_and(|info| info.kind == BindingKind::Var);
        b.note_use(binding, unit);
        let draft = Draft {
            target: Target::Binding(binding),
            site,
            function: unit,
            offset: ident.span.start,
            name: ident.name.to_string(),
            identifier: is_var,
            tdz: false,
            declaration: true,
        };
        b.site_drafts.push((SiteKind::Declaration, id, draft));
    }
}
