//! Builds the [`ScopeAnalysis`] from oxc's semantic model, in passes:
//!
//! ```text
//! units       function-like units, scope shapes, synthetic class-initializer scopes
//! bindings    oxc symbols → bindings; class inner names; private names; hoisting lists
//! references  identifier references → target bindings; this/super/new.target/#x
//!             sites → implicit bindings; capture marks
//! declarations  declaring identifiers → the binding their initializing store reaches
//! dynamic     direct eval and with: forced contexts, sloppy-eval var scopes
//! allocate    storage (register / context slot / global / module), context
//!             slot counts, per-iteration loop heads, register numbers
//! resolve     every site → Resolution (+ context depth) and TDZ flag
//! ```
//!
//! Fed by `lib.rs` with a checked (error-free) program; feeds `ScopeAnalysis`.
//! Invariants: every pass iterates oxc's flat node, scope, symbol and
//! reference tables (no recursion over the AST, so no depth limit), and
//! every id lookup tolerates ids it does not know instead of panicking.

mod allocate;
mod bindings;
mod declarations;
mod dynamic;
mod references;
mod resolve;
mod units;

use std::collections::HashMap;

use oxc_semantic::{NodeId, ScopeId, Semantic};
use oxc_syntax::module_record::ModuleRecord;

use crate::Goal;
use crate::analysis::{
    BindingId, BindingInfo, BindingKind, FunctionId, FunctionInfo, Resolution, ScopeAnalysis,
    ScopeInfo, SiteKind, Storage,
};

/// Builds the analysis of an error-free program.
pub(crate) fn analyse(
    semantic: &Semantic<'_>,
    module_record: &ModuleRecord<'_>,
    goal: Goal,
    eval: Option<crate::EvalOrigin>,
) -> ScopeAnalysis {
    let mut builder = Builder::new(semantic, module_record, goal);
    builder.out.eval = eval;
    units::discover(&mut builder);
    bindings::declare(&mut builder);
    references::link(&mut builder);
    declarations::link(&mut builder);
    dynamic::apply(&mut builder);
    allocate::assign(&mut builder);
    resolve::resolve_all(&mut builder);
    builder.out
}

/// What a use site reaches, before storage is known.
#[derive(Debug, Clone)]
pub(super) enum Target {
    /// A binding.
    Binding(BindingId),
    /// A fixed answer (`Frame`, `GlobalThis`, `Undefined`).
    Fixed(Resolution),
    /// `this` used directly in its own unit: the unit's implicit `this`
    /// binding if inner arrows or eval made one (a derived constructor's
    /// arrows may bind it through `super()`), else the frame's receiver.
    OwnThis(FunctionId),
    /// No binding: a global, or a dynamic lookup.
    Unresolved,
}

/// A use site waiting for its resolution.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub(super) target: Target,
    /// The scope the site's code runs in (after the synthetic and catch
    /// adjustments of [`Builder::site_scope`]).
    pub(super) site: ScopeId,
    pub(super) function: FunctionId,
    pub(super) offset: u32,
    pub(super) name: String,
    /// Subject to `with`/`eval` (identifier references and `var`
    /// declaration stores); clear for this/super/new.target/private sites.
    pub(super) identifier: bool,
    /// Forces the TDZ flag (`this` in derived constructors).
    pub(super) tdz: bool,
    /// A declaration's initializing store: never a TDZ check.
    pub(super) declaration: bool,
}

/// Shared state of the passes.
pub(super) struct Builder<'s, 'a> {
    pub(super) semantic: &'s Semantic<'a>,
    pub(super) module_record: &'s ModuleRecord<'a>,
    pub(super) goal: Goal,
    pub(super) out: ScopeAnalysis,
    /// Class initializer unit → the class scope its synthetic scope sits in.
    pub(super) initializer_class_scope: HashMap<FunctionId, ScopeId>,
    /// `catch` clause scope → its body's scope (which holds the parameter).
    pub(super) catch_body: HashMap<ScopeId, ScopeId>,
    /// Declared bindings by (scope, name), as oxc's binding tables see them.
    pub(super) scope_names: HashMap<(ScopeId, String), BindingId>,
    /// Private names by (class scope, `#name`).
    pub(super) private_names: HashMap<(ScopeId, String), BindingId>,
    /// Bindings oxc merged that the spec keeps apart: the outer binding →
    /// (inner scope, inner binding) that uses inside the inner scope reach.
    /// A class declaration's name and the class's inner name binding; a
    /// `var` in a catch block and the catch parameter it redeclares (Annex
    /// B.3.4).
    pub(super) shadows: HashMap<BindingId, (ScopeId, BindingId)>,
    /// Implicit bindings by (unit, kind).
    pub(super) implicit: HashMap<(FunctionId, ImplicitKey), BindingId>,
    /// Scopes whose bindings must all live in contexts (visible to a direct
    /// eval or from inside a `with`), by scope index.
    pub(super) forced: Vec<bool>,
    /// Identifier reference drafts, by `ReferenceId` index.
    pub(super) drafts: Vec<Option<Draft>>,
    /// this/super/new.target/private site drafts.
    pub(super) site_drafts: Vec<(SiteKind, NodeId, Draft)>,
}

/// Hashable stand-in for the implicit [`BindingKind`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum ImplicitKey {
    Arguments,
    This,
    NewTarget,
    HomeObject,
    ThisFunction,
}

impl ImplicitKey {
    fn kind(self) -> BindingKind {
        match self {
            ImplicitKey::Arguments => BindingKind::Arguments,
            ImplicitKey::This => BindingKind::This,
            ImplicitKey::NewTarget => BindingKind::NewTarget,
            ImplicitKey::HomeObject => BindingKind::HomeObject,
            ImplicitKey::ThisFunction => BindingKind::ThisFunction,
        }
    }

    fn name(self) -> &'static str {
        match self {
            ImplicitKey::Arguments => "arguments",
            ImplicitKey::This => "this",
            ImplicitKey::NewTarget => "new.target",
            ImplicitKey::HomeObject => ".home_object",
            ImplicitKey::ThisFunction => ".this_function",
        }
    }
}

impl<'s, 'a> Builder<'s, 'a> {
    fn new(semantic: &'s Semantic<'a>, module_record: &'s ModuleRecord<'a>, goal: Goal) -> Self {
        Builder {
            semantic,
            module_record,
            goal,
            out: ScopeAnalysis::default(),
            initializer_class_scope: HashMap::new(),
            catch_body: HashMap::new(),
            scope_names: HashMap::new(),
            private_names: HashMap::new(),
            shadows: HashMap::new(),
            implicit: HashMap::new(),
            forced: Vec::new(),
            drafts: Vec::new(),
            site_drafts: Vec::new(),
        }
    }

    pub(super) fn function(&self, id: FunctionId) -> Option<&FunctionInfo> {
        self.out.functions.get(id.index())
    }

    pub(super) fn function_mut(&mut self, id: FunctionId) -> Option<&mut FunctionInfo> {
        self.out.functions.get_mut(id.index())
    }

    pub(super) fn scope(&self, id: ScopeId) -> Option<&ScopeInfo> {
        self.out.scopes.get(id.index())
    }

    pub(super) fn binding(&self, id: BindingId) -> Option<&BindingInfo> {
        self.out.bindings.get(id.index())
    }

    pub(super) fn binding_mut(&mut self, id: BindingId) -> Option<&mut BindingInfo> {
        self.out.bindings.get_mut(id.index())
    }

    /// The unit whose code contains `node` (the top level if unknown).
    pub(super) fn unit_of(&self, node: NodeId) -> FunctionId {
        self.out
            .node_functions
            .get(node.index())
            .copied()
            .unwrap_or(FunctionId::TOP)
    }

    pub(super) fn parent_scope(&self, scope: ScopeId) -> Option<ScopeId> {
        self.scope(scope).and_then(|info| info.parent)
    }

    /// The scope whose context is current where `node`'s code runs.
    ///
    /// oxc gives code in a class field initializer the class scope; it
    /// runs in the initializer unit's synthetic scope. Code in a `catch`
    /// parameter pattern runs where the parameter lives: the catch body.
    pub(super) fn site_scope(&self, node: NodeId) -> ScopeId {
        let nodes = self.semantic.nodes();
        let mut scope = if node.index() < nodes.len() {
            nodes.get_node(node).scope_id()
        } else {
            self.semantic.scoping().root_scope_id()
        };
        let unit = self.unit_of(node);
        if let Some(&class_scope) = self.initializer_class_scope.get(&unit)
            && class_scope == scope
            && let Some(info) = self.function(unit)
        {
            scope = info.scope;
        }
        if let Some(&body) = self.catch_body.get(&scope) {
            scope = body;
        }
        scope
    }

    /// Adds a binding to `scope` (storage is decided later).
    pub(super) fn add_binding(
        &mut self,
        name: String,
        kind: BindingKind,
        symbol: Option<oxc_semantic::SymbolId>,
        scope: ScopeId,
        declaration: Option<NodeId>,
        initialized_at: u32,
    ) -> BindingId {
        let id = BindingId(u32::try_from(self.out.bindings.len()).unwrap_or(u32::MAX));
        let function = self
            .scope(scope)
            .map_or(FunctionId::TOP, |info| info.function);
        self.out.bindings.push(BindingInfo {
            id,
            name,
            kind,
            symbol,
            scope,
            function,
            declaration,
            captured: false,
            storage: Storage::Register(0),
            initialized_at,
        });
        if let Some(info) = self.out.scopes.get_mut(scope.index()) {
            info.bindings.push(id);
        }
        id
    }

    /// The implicit binding `key` of `unit`, created on first request in
    /// the unit's own scope.
    pub(super) fn implicit(&mut self, unit: FunctionId, key: ImplicitKey) -> Option<BindingId> {
        if let Some(&id) = self.implicit.get(&(unit, key)) {
            return Some(id);
        }
        let scope = self.function(unit)?.scope;
        let id = self.add_binding(key.name().to_string(), key.kind(), None, scope, None, 0);
        self.implicit.insert((unit, key), id);
        if key == ImplicitKey::Arguments
            && let Some(info) = self.function_mut(unit)
            && info.arguments.is_none()
        {
            info.arguments = Some(id);
        }
        Some(id)
    }

    /// The nearest unit at or around `unit` that has its own `this`.
    pub(super) fn this_owner(&self, mut unit: FunctionId) -> FunctionId {
        while let Some(info) = self.function(unit) {
            match (info.kind.has_own_this(), info.parent) {
                (false, Some(parent)) => unit = parent,
                _ => break,
            }
        }
        unit
    }

    /// Marks `binding` captured when used from `unit`.
    pub(super) fn note_use(&mut self, binding: BindingId, unit: FunctionId) {
        if let Some(info) = self.binding_mut(binding)
            && info.function != unit
        {
            info.captured = true;
        }
    }
}
