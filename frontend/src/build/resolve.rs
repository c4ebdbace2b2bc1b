//! Pass 6: a `Resolution` and a TDZ flag for every use site.
//!
//! Walks each site's scope chain outward to its binding's scope, counting
//! the scopes that push a context (the `depth` of a context access) and
//! noting whether it crosses a `with` or a scope a sloppy `eval` can add
//! `var`s to; crossing one makes an identifier reference a dynamic lookup.
//! Fed by passes 1-5; its output is the analysis' final reference tables.

use oxc_semantic::ScopeId;

use super::{Builder, Draft, ImplicitKey, Target};
use crate::analysis::{
    BindingInfo, BindingKind, FunctionId, ReferenceInfo, Resolution, ScopeKind, Storage,
};

/// Runs the pass.
pub(super) fn resolve_all(b: &mut Builder<'_, '_>) {
    let drafts = std::mem::take(&mut b.drafts);
    b.out.references = drafts
        .into_iter()
        .map(|draft| draft.map(|d| resolve_one(b, &d)))
        .collect();
    let sites = std::mem::take(&mut b.site_drafts);
    for (kind, node, draft) in sites {
        let info = resolve_one(b, &draft);
        b.out.sites.insert((kind, node), info);
    }
}

/// What the walk from a site toward a scope found.
struct Walk {
    /// Scopes with `needs_context` passed before reaching the target.
    depth: u32,
    /// A `with` or sloppy-eval variable scope was passed.
    dynamic: bool,
    /// The target scope was reached (always true when walking to the root).
    reached: bool,
}

fn walk(b: &Builder<'_, '_>, site: ScopeId, target: Option<ScopeId>) -> Walk {
    let mut result = Walk {
        depth: 0,
        dynamic: false,
        reached: target.is_none(),
    };
    let mut scope = Some(site);
    while let Some(current) = scope {
        if Some(current) == target {
            result.reached = true;
            break;
        }
        let Some(info) = b.scope(current) else { break };
        if info.needs_context {
            result.depth += 1;
        }
        if info.kind == ScopeKind::With || info.sloppy_eval {
            result.dynamic = true;
        }
        scope = info.parent;
    }
    result
}

fn resolve_one(b: &Builder<'_, '_>, draft: &Draft) -> ReferenceInfo {
    let target = match &draft.target {
        Target::OwnThis(owner) => match b.implicit.get(&(*owner, ImplicitKey::This)) {
            Some(&binding) => Target::Binding(binding),
            None => Target::Fixed(Resolution::Frame),
        },
        other => other.clone(),
    };
    let (resolution, binding, tdz) = match &target {
        Target::Fixed(resolution) => (resolution.clone(), None, draft.tdz),
        Target::OwnThis(_) => (Resolution::Frame, None, draft.tdz),
        Target::Unresolved => {
            let dynamic = draft.identifier
                && (b.out.is_direct_eval() || walk(b, draft.site, None).dynamic);
            let resolution = if dynamic {
                Resolution::Dynamic(draft.name.clone())
            } else {
                Resolution::Global(draft.name.clone())
            };
            (resolution, None, false)
        }
        Target::Binding(id) => match b.binding(*id) {
            Some(info) => {
                let (resolution, tdz) = resolve_binding(b, draft, info);
                (resolution, Some(*id), tdz || draft.tdz)
            }
            None => (Resolution::Dynamic(draft.name.clone()), None, false),
        },
    };
    ReferenceInfo {
        resolution,
        tdz_check: tdz,
        binding,
        function: draft.function,
        scope: draft.site,
        offset: draft.offset,
        name: draft.name.clone(),
    }
}

fn resolve_binding(b: &Builder<'_, '_>, draft: &Draft, info: &BindingInfo) -> (Resolution, bool) {
    let walked = walk(b, draft.site, Some(info.scope));
    if draft.identifier && (walked.dynamic || !walked.reached) {
        return (Resolution::Dynamic(draft.name.clone()), false);
    }
    let resolution = match &info.storage {
        Storage::Register(register) if info.function == draft.function => {
            Resolution::Register(*register)
        }
        // A register binding reached from another unit would be a bug in
        // the capture marks; a by-name lookup stays correct.
        Storage::Register(_) => Resolution::Dynamic(draft.name.clone()),
        Storage::Context { slot, .. } if walked.reached => Resolution::Context {
            depth: walked.depth,
            slot: *slot,
        },
        Storage::Context { .. } => Resolution::Dynamic(draft.name.clone()),
        // A sloppy direct eval's top-level `var`s and functions live in the
        // caller's variable environment.
        Storage::Global if b.out.is_direct_eval() => Resolution::Dynamic(draft.name.clone()),
        Storage::Global | Storage::ScriptLexical => Resolution::Global(info.name.clone()),
        Storage::Module { cell } => Resolution::Module { cell: *cell },
        Storage::Import {
            module_request,
            import_name,
        } => Resolution::Import {
            module_request: module_request.clone(),
            import_name: import_name.clone(),
        },
    };
    (resolution, needs_tdz_check(b, draft, info))
}

/// Conservative TDZ rule: lexical bindings are checked unless the use is
/// in the binding's own unit, textually after its initialization, and not
/// in a `switch` (whose cases can be entered past a declaration).
/// Parameters of a function with parameter expressions, and catch
/// parameters, are checked in the parameter list before their own
/// initialization. Declaration sites (initializing stores) never are. Imports are always
/// checked (a cycle can reach them before the exporter ran).
fn needs_tdz_check(b: &Builder<'_, '_>, draft: &Draft, info: &BindingInfo) -> bool {
    if draft.declaration {
        return false;
    }
    match info.kind {
        BindingKind::Import => true,
        BindingKind::Parameter { .. } => {
            let simple = b.function(info.function).is_none_or(|f| f.simple_params);
            !simple
                && creation_offset(b, draft.function, draft.offset, info.function)
                    < info.initialized_at
        }
        // `catch ({ a = b, b })`: `b` is read before its initialization.
        BindingKind::CatchParameter => {
            creation_offset(b, draft.function, draft.offset, info.function) < info.initialized_at
        }
        kind if kind.has_tdz() => {
            let in_switch = b
                .scope(info.scope)
                .is_some_and(|s| s.kind == ScopeKind::Switch);
            draft.function != info.function || draft.offset < info.initialized_at || in_switch
        }
        _ => false,
    }
}

/// Where the code at `offset` in `unit` comes into existence inside
/// `owner`: the offset itself in `owner`, else the start of the outermost
/// unit between them (a closure is created where it is written).
fn creation_offset(b: &Builder<'_, '_>, unit: FunctionId, offset: u32, owner: FunctionId) -> u32 {
    let mut current = unit;
    let mut at = offset;
    while current != owner {
        let Some(info) = b.function(current) else {
            break;
        };
        at = info.start;
        match info.parent {
            Some(parent) => current = parent,
            None => break,
        }
    }
    at
}
