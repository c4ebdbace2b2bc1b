//! The scope analysis: side tables over oxc's AST that tell the bytecode
//! generator where every binding lives and how every reference finds it.
//!
//! Built by `build/` from oxc's semantic model (symbols, scopes,
//! references, AST nodes); read by the bytecode generator and `dump`.
//! All lookups take oxc's ids (`SymbolId`, `ReferenceId`, `ScopeId`,
//! `NodeId`) as found on the AST, return `None` for ids this analysis does
//! not know, and never panic.

mod binding;
mod function;
mod resolution;
mod scope;

use std::collections::HashMap;

use oxc_semantic::{NodeId, ReferenceId, ScopeId, SymbolId};

pub use binding::{BindingId, BindingInfo, BindingKind, ImportName, Storage};
pub use function::{FunctionId, FunctionInfo, FunctionKind, LexicalUse};
pub use resolution::{ReferenceInfo, Resolution};
pub use scope::{HoistedFunction, ScopeInfo, ScopeKind};

/// Which implicit site a [`ReferenceInfo`] in [`ScopeAnalysis`] answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum SiteKind {
    /// `this`, or the receiver of `super.x` / `super()`.
    This,
    /// `new.target`, or the one `super()` passes on.
    NewTarget,
    /// The home object of `super.x`, or the constructor of `super()`.
    Super,
    /// A private name `#x` in `o.#x` or `#x in o`.
    Private,
    /// A declaring `BindingIdentifier`: where its initializing store goes.
    Declaration,
}

/// Where every binding lives and how every reference is resolved.
#[derive(Debug, Clone, Default)]
pub struct ScopeAnalysis {
    pub(crate) functions: Vec<FunctionInfo>,
    /// Indexed by `ScopeId::index()`: oxc's scopes, then synthetic ones.
    pub(crate) scopes: Vec<ScopeInfo>,
    pub(crate) bindings: Vec<BindingInfo>,
    /// Indexed by `SymbolId::index()`.
    pub(crate) symbol_bindings: Vec<Option<BindingId>>,
    /// Indexed by `ReferenceId::index()`.
    pub(crate) references: Vec<Option<ReferenceInfo>>,
    /// Indexed by `NodeId::index()`: the unit each node's code runs in.
    pub(crate) node_functions: Vec<FunctionId>,
    pub(crate) sites: HashMap<(SiteKind, NodeId), ReferenceInfo>,
    /// Class node → (instance fields unit, static initializer unit).
    pub(crate) class_initializers: HashMap<NodeId, (Option<FunctionId>, Option<FunctionId>)>,
    /// Local names of a module's export cells, by cell index.
    pub(crate) export_cells: Vec<String>,
    /// Set for eval code (see [`crate::parse_eval`]).
    pub(crate) eval: Option<crate::EvalOrigin>,
    /// Annex B block-level functions: `Function` node → (block binding,
    /// variable-scope binding); see [`ScopeAnalysis::annex_b_store`].
    pub(crate) annex_b: HashMap<NodeId, (Option<BindingId>, BindingId)>,
}

impl ScopeAnalysis {
    /// Annex B.3.2: what evaluating the block-level function declaration
    /// at `node` does. `Some((Some(inner), outer))`: copy the block binding
    /// `inner` (instantiated on block entry) to the variable-scope binding
    /// `outer`. `Some((None, outer))` (`if (x) function f() {}`, which has
    /// no block of its own): create the closure and store it to `outer`.
    /// `None`: nothing (not a block-level function, or Annex B does not
    /// apply to it).
    pub fn annex_b_store(&self, node: NodeId) -> Option<(Option<BindingId>, BindingId)> {
        self.annex_b.get(&node).copied()
    }

    /// Whether this is eval code.
    pub fn is_eval(&self) -> bool {
        self.eval.is_some()
    }

    /// The offset of a reference to `arguments` outside every non-arrow
    /// function (ContainsArguments), if there is one.
    pub fn top_level_arguments(&self) -> Option<u32> {
        self.references.iter().flatten().find_map(|r| {
            if r.name != "arguments" {
                return None;
            }
            let mut unit = self.function(r.function)?;
            while unit.kind == FunctionKind::Arrow {
                unit = self.function(unit.parent?)?;
            }
            (unit.kind == FunctionKind::Script).then_some(r.offset)
        })
    }

    /// Whether this is the code of a direct eval, whose free names (and,
    /// in sloppy code, top-level `var`s and functions) are dynamic lookups.
    pub fn is_direct_eval(&self) -> bool {
        self.eval.is_some_and(|e| e.direct)
    }

    /// All function-like units; index with [`FunctionId::index`].
    pub fn functions(&self) -> &[FunctionInfo] {
        &self.functions
    }

    /// One unit.
    pub fn function(&self, id: FunctionId) -> Option<&FunctionInfo> {
        self.functions.get(id.index())
    }

    /// The unit whose code contains `node`. For a `Function` or
    /// `ArrowFunctionExpression` node that is the unit it creates; for the
    /// value of a class field, the class's initializer unit.
    pub fn function_of_node(&self, node: NodeId) -> Option<FunctionId> {
        self.node_functions.get(node.index()).copied()
    }

    /// The unit that enters `scope`.
    pub fn function_of_scope(&self, scope: ScopeId) -> Option<FunctionId> {
        self.scope_info(scope).map(|info| info.function)
    }

    /// The instance-fields and static-initializer units of the class at
    /// `class_node`, where the class has them.
    pub fn class_initializers(
        &self,
        class_node: NodeId,
    ) -> (Option<FunctionId>, Option<FunctionId>) {
        self.class_initializers
            .get(&class_node)
            .copied()
            .unwrap_or((None, None))
    }

    /// A module's export cells, by index: the local name each holds
    /// (`*default*` for `export default <expression>`). Empty for scripts.
    pub fn export_cells(&self) -> &[String] {
        &self.export_cells
    }

    /// The export cell holding local name `name`, if it is exported.
    pub fn export_cell(&self, name: &str) -> Option<u32> {
        self.export_cells
            .iter()
            .position(|n| n == name)
            .and_then(|i| u32::try_from(i).ok())
    }

    /// All scopes; index with `ScopeId::index()`.
    pub fn scopes(&self) -> &[ScopeInfo] {
        &self.scopes
    }

    /// One scope.
    pub fn scope_info(&self, scope: ScopeId) -> Option<&ScopeInfo> {
        self.scopes.get(scope.index())
    }

    /// A scope's bindings in declaration order (see [`ScopeInfo::bindings`]).
    pub fn scope_bindings(&self, scope: ScopeId) -> impl Iterator<Item = &BindingInfo> + '_ {
        self.scope_info(scope)
            .into_iter()
            .flat_map(|info| info.bindings.iter())
            .filter_map(|&id| self.binding(id))
    }

    /// All bindings; index with [`BindingId::index`].
    pub fn bindings(&self) -> &[BindingInfo] {
        &self.bindings
    }

    /// One binding.
    pub fn binding(&self, id: BindingId) -> Option<&BindingInfo> {
        self.bindings.get(id.index())
    }

    /// The binding oxc's `symbol` became.
    pub fn binding_of_symbol(&self, symbol: SymbolId) -> Option<BindingId> {
        self.symbol_bindings.get(symbol.index()).copied().flatten()
    }

    /// Where a declared binding lives.
    pub fn storage(&self, symbol: SymbolId) -> Option<&Storage> {
        self.binding_of_symbol(symbol)
            .and_then(|id| self.binding(id))
            .map(|b| &b.storage)
    }

    /// The implicit binding of `kind` (`Arguments`, `This`, `NewTarget`,
    /// `HomeObject`, `ThisFunction`) a unit has, if it has one.
    pub fn implicit_binding(&self, function: FunctionId, kind: BindingKind) -> Option<BindingId> {
        let info = self.function(function)?;
        self.scope_bindings(info.scope)
            .find(|b| b.kind == kind && b.symbol.is_none())
            .map(|b| b.id)
    }

    /// How an identifier reference is resolved.
    pub fn resolve(&self, reference: ReferenceId) -> Option<&Resolution> {
        self.reference(reference).map(|info| &info.resolution)
    }

    /// Everything known about an identifier reference.
    pub fn reference(&self, reference: ReferenceId) -> Option<&ReferenceInfo> {
        self.references
            .get(reference.index())
            .and_then(Option::as_ref)
    }

    /// The receiver at a `ThisExpression` node, or at a `Super` node (the
    /// `this` that `super.x` and `super()` use).
    pub fn resolve_this(&self, node: NodeId) -> Option<&ReferenceInfo> {
        self.sites.get(&(SiteKind::This, node))
    }

    /// `new.target` at a `NewTarget` node, or the one a `super()` call
    /// (its `Super` node) passes on.
    pub fn resolve_new_target(&self, node: NodeId) -> Option<&ReferenceInfo> {
        self.sites.get(&(SiteKind::NewTarget, node))
    }

    /// At a `Super` node: the home object for `super.x`, or the running
    /// constructor for `super()`.
    pub fn resolve_super(&self, node: NodeId) -> Option<&ReferenceInfo> {
        self.sites.get(&(SiteKind::Super, node))
    }

    /// At a `PrivateIdentifier` node used in `o.#x` or `#x in o`: the
    /// private name binding of the class that declares it.
    pub fn resolve_private(&self, node: NodeId) -> Option<&ReferenceInfo> {
        self.sites.get(&(SiteKind::Private, node))
    }

    /// At a declaring `BindingIdentifier` node (`let x = 1`, a parameter, a
    /// pattern element, a function or class declaration's name): where the
    /// initializing store goes. A `var` initializer inside `with` is a
    /// dynamic store, and `var e = 1` in `catch (e)` stores to the catch
    /// parameter (Annex B.3.4). A function declaration's store is made in
    /// the scope that declares it; a class declaration's in the enclosing
    /// scope, after the class is created. Never flagged for TDZ.
    pub fn resolve_declaration(&self, node: NodeId) -> Option<&ReferenceInfo> {
        self.sites.get(&(SiteKind::Declaration, node))
    }

    /// How code running in `scope` reaches `binding`, ignoring `with` and
    /// `eval` (for stores the generator makes itself: initializing a
    /// scope's bindings on entry, a class's inner name, a hoisted function,
    /// a parameter). `None` if the binding is not visible from `scope`.
    pub fn resolve_binding_at(&self, binding: BindingId, scope: ScopeId) -> Option<Resolution> {
        let info = self.binding(binding)?;
        let mut depth = 0u32;
        let mut current = Some(scope);
        while let Some(id) = current {
            if id == info.scope {
                return Some(match &info.storage {
                    Storage::Register(register) => Resolution::Register(*register),
                    Storage::Context { slot, .. } => Resolution::Context { depth, slot: *slot },
                    Storage::Global if self.is_direct_eval() => {
                        Resolution::Dynamic(info.name.clone())
                    }
                    Storage::Global | Storage::ScriptLexical => {
                        Resolution::Global(info.name.clone())
                    }
                    Storage::Module { cell } => Resolution::Module { cell: *cell },
                    Storage::Import {
                        module_request,
                        import_name,
                    } => Resolution::Import {
                        module_request: module_request.clone(),
                        import_name: import_name.clone(),
                    },
                });
            }
            let scope_info = self.scope_info(id)?;
            if scope_info.needs_context {
                depth += 1;
            }
            current = scope_info.parent;
        }
        None
    }
}
