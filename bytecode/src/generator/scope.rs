//! Bindings at run time: loading and storing a resolved reference, TDZ
//! and const checks, and entering and leaving scopes (pushing contexts,
//! holes for lexical bindings, hoisted function declarations).
//!
//! Fed by the analysis' `Resolution`s (reference sites) and
//! `resolve_binding_at` (stores the generator makes itself); feeds every
//! other generator file. Invariant: a context is pushed for exactly the
//! scopes marked `needs_context`, so a resolution's `depth` counts the
//! contexts pushed between the site and the binding; `current_scope` is
//! kept in step with the contexts pushed.

use strata_frontend::{BindingId, BindingKind, NodeId, ReferenceInfo, Resolution, ScopeAnalysis, ScopeId, ScopeKind, Storage};

use super::{Control, Gen};
use crate::function::ScopeInfo;
use crate::opcodes::Opcode;
use crate::operand::Register;

/// A resolved access: a reference site's, or one the generator makes.
#[derive(Clone, Debug)]
pub(crate) struct Access {
    pub(crate) resolution: Resolution,
    pub(crate) tdz: bool,
    pub(crate) binding: Option<BindingId>,
    pub(crate) name: String,
}

impl Access {
    pub(crate) fn from_reference(info: &ReferenceInfo) -> Access {
        Access { resolution: info.resolution.clone(), tdz: info.tdz_check, binding: info.binding, name: info.name.clone() }
    }
}

/// What a store does to the binding.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum StoreKind {
    /// An assignment: TDZ and const checks apply.
    Assign,
    /// A declaration's initializing store (let/const/class/parameters/var).
    Init,
}

/// The runtime layout of the context `scope` pushes: its context-stored
/// bindings by slot.
pub(crate) fn context_layout(scopes: &ScopeAnalysis, scope: ScopeId) -> ScopeInfo {
    let mut slots: Vec<(u32, String, bool, bool, bool)> = scopes
        .scope_bindings(scope)
        .filter_map(|b| match b.storage {
            Storage::Context { slot, .. } => {
                let lexical = matches!(b.kind, BindingKind::Let | BindingKind::Const | BindingKind::Class);
                let parameter = matches!(b.kind, BindingKind::Parameter { .. } | BindingKind::Arguments);
                Some((slot, b.name.clone(), is_immutable(b.kind), lexical, parameter))
            }
            _ => None,
        })
        .collect();
    slots.sort_by_key(|s| s.0);
    let kind = scopes.scope_info(scope).map(|s| s.kind);
    // Strict eval code is its own variable scope; sloppy eval code's
    // `var`s go to the caller's.
    let is_function_scope = match kind {
        Some(ScopeKind::Function | ScopeKind::ClassInitializer | ScopeKind::StaticBlock) => true,
        Some(ScopeKind::Script) => scopes.is_eval() && scopes.scope_info(scope).is_some_and(|s| s.strict),
        _ => false,
    };
    // A variable scope a sloppy direct eval can add `var`s to gets a last,
    // nameless-to-JS slot for the object holding them (the vm's
    // `dynamic.rs`); context slot indices of the bindings are unchanged.
    if scopes.scope_info(scope).is_some_and(|s| s.sloppy_eval) && is_function_scope {
        slots.push((u32::MAX, ".eval_vars".to_string(), false, false, false));
    }
    ScopeInfo {
        names: slots.iter().map(|s| s.1.clone().into_boxed_str()).collect(),
        immutable: slots.iter().map(|s| s.2).collect(),
        is_function_scope,
        lexical: slots.iter().map(|s| s.3).collect(),
        parameter: slots.iter().map(|s| s.4).collect(),
        is_with_scope: kind == Some(ScopeKind::With),
        is_class_initializer: kind == Some(ScopeKind::ClassInitializer),
    }
}

fn is_immutable(kind: BindingKind) -> bool {
    matches!(kind, BindingKind::Const | BindingKind::ClassInnerName | BindingKind::FunctionSelfName | BindingKind::Import)
}

/// A scope entered by [`Gen::enter_scope`].
pub(crate) struct ScopeEntry {
    /// The register holding the outer context, when a context was pushed.
    saved: Option<Register>,
    outer_scope: Option<ScopeId>,
}

impl<'c, 'p, 'a> Gen<'c, 'p, 'a> {
    // ---- loads -----------------------------------------------------------------

    /// acc = the value `access` reaches (with its TDZ check).
    pub(crate) fn load_access(&mut self, access: &Access, for_typeof: bool, offset: u32) {
        match &access.resolution {
            Resolution::Register(n) => {
                let r = self.local(*n);
                self.ldar(r);
            }
            Resolution::Context { depth, slot } => self.emit(Opcode::LdaContextSlot, &[*slot as i64, *depth as i64]),
            Resolution::Global(name) => {
                if name == "undefined" {
                    // The global object's `undefined` is non-writable and
                    // no script can declare a lexical of that name.
                    self.emit(Opcode::LdaUndefined, &[]);
                    return;
                }
                let idx = self.string(name);
                self.pos(offset);
                let op = if for_typeof { Opcode::LdaGlobalInsideTypeof } else { Opcode::LdaGlobal };
                self.emit_slot(op, &[idx as i64]);
                return;
            }
            Resolution::Dynamic(name) => {
                let idx = self.string(name);
                self.pos(offset);
                let op = if for_typeof { Opcode::LdaLookupSlotInsideTypeof } else { Opcode::LdaLookupSlot };
                self.emit(op, &[idx as i64]);
                return;
            }
            Resolution::Frame => {
                let r = match access.name.as_str() {
                    "new.target" => Register::NEW_TARGET,
                    "super" => Register::CALLEE,
                    _ => Register::THIS,
                };
                self.ldar(r);
            }
            Resolution::GlobalThis => {
                self.load_global_this(offset);
                return;
            }
            Resolution::Undefined => {
                self.emit(Opcode::LdaUndefined, &[]);
                return;
            }
            Resolution::Module { cell } => self.emit(Opcode::LdaModuleVariable, &[*cell as i64]),
            Resolution::Import { module_request, import_name } => {
                let Some(index) = self.import_index(module_request, import_name, offset) else { return };
                self.emit(Opcode::LdaModuleVariable, &[-(index as i64) - 1]);
            }
        }
        if access.tdz {
            self.pos(offset);
            self.emit_hole_check(access);
        }
    }

    /// Throws if acc is the hole: `this` before `super()`, or a lexical
    /// binding before its initialization.
    fn emit_hole_check(&mut self, access: &Access) {
        if access.name == "this" {
            self.emit(Opcode::ThrowSuperNotCalledIfHole, &[]);
        } else {
            let idx = self.string(&access.name);
            self.emit(Opcode::ThrowReferenceErrorIfHole, &[idx as i64]);
        }
    }

    /// acc = the identifier reference `reference`.
    pub(crate) fn load_reference(&mut self, reference: Option<strata_frontend::ReferenceId>, name: &str, offset: u32, for_typeof: bool) {
        match self.reference_access(reference, name) {
            Some(access) => self.load_access(&access, for_typeof, offset),
            None => self.fail(format!("internal error: unresolved reference '{name}'"), offset),
        }
    }

    /// How an identifier reference is resolved (a global lookup when the
    /// analysis has no record of it).
    pub(crate) fn reference_access(&self, reference: Option<strata_frontend::ReferenceId>, name: &str) -> Option<Access> {
        match reference.and_then(|r| self.ctx.scopes.reference(r)) {
            Some(info) => Some(Access::from_reference(info)),
            None => Some(Access { resolution: Resolution::Global(name.to_string()), tdz: false, binding: None, name: name.to_string() }),
        }
    }

    // ---- stores ------------------------------------------------------------------

    /// Stores acc through `access`; acc is preserved.
    pub(crate) fn store_access(&mut self, access: &Access, kind: StoreKind, offset: u32) {
        let binding_kind = access.binding.and_then(|b| self.ctx.scopes.binding(b)).map(|b| b.kind);
        let storage = access.binding.and_then(|b| self.ctx.scopes.binding(b)).map(|b| b.storage.clone());
        if kind == StoreKind::Assign && !matches!(access.resolution, Resolution::Global(_) | Resolution::Dynamic(_)) {
            if access.tdz {
                let m = self.mark();
                let value = self.temp();
                self.star(value);
                self.load_access(access, false, offset);
                self.ldar(value);
                self.release(m);
            }
            match binding_kind {
                Some(BindingKind::Const | BindingKind::ClassInnerName | BindingKind::Import) => {
                    let idx = self.string(&access.name);
                    self.pos(offset);
                    self.emit(Opcode::ThrowConstAssignError, &[idx as i64]);
                    return;
                }
                Some(BindingKind::FunctionSelfName) => {
                    if self.strict {
                        let idx = self.string(&access.name);
                        self.pos(offset);
                        self.emit(Opcode::ThrowConstAssignError, &[idx as i64]);
                    }
                    return;
                }
                _ => {}
            }
        }
        match &access.resolution {
            Resolution::Register(n) => {
                let r = self.local(*n);
                self.star(r);
            }
            Resolution::Context { depth, slot } => self.emit(Opcode::StaContextSlot, &[*slot as i64, *depth as i64]),
            Resolution::Global(name) => {
                let idx = self.string(name);
                self.pos(offset);
                if kind == StoreKind::Init && storage == Some(Storage::ScriptLexical) {
                    self.emit(Opcode::StaScriptLexical, &[idx as i64]);
                } else {
                    self.emit_slot(Opcode::StaGlobal, &[idx as i64]);
                }
            }
            Resolution::Dynamic(name) => {
                let idx = self.string(name);
                self.pos(offset);
                self.emit(Opcode::StaLookupSlot, &[idx as i64, self.strict as i64]);
            }
            Resolution::Frame | Resolution::GlobalThis | Resolution::Undefined => {
                self.fail("internal error: store to a read-only reference", offset);
            }
            Resolution::Module { cell } => self.emit(Opcode::StaModuleVariable, &[*cell as i64]),
            Resolution::Import { .. } => {
                // Imports are immutable: an assignment threw above.
                self.fail("internal error: store to an import binding", offset);
            }
        }
    }

    /// Assigns acc to the identifier reference `reference`.
    pub(crate) fn store_reference(&mut self, reference: Option<strata_frontend::ReferenceId>, name: &str, offset: u32) {
        if let Some(access) = self.reference_access(reference, name) {
            self.store_access(&access, StoreKind::Assign, offset);
        }
    }

    /// The initializing store of the declaring identifier at `node`.
    pub(crate) fn store_declaration(&mut self, node: NodeId, name: &str, offset: u32) {
        match self.ctx.scopes.resolve_declaration(node) {
            Some(info) => {
                let access = Access::from_reference(info);
                self.store_access(&access, StoreKind::Init, offset);
            }
            None => self.fail(format!("internal error: unresolved declaration '{name}'"), offset),
        }
    }

    /// How code in the current scope reaches `binding` (for stores the
    /// generator makes itself).
    pub(crate) fn binding_access(&self, binding: BindingId) -> Option<Access> {
        let info = self.ctx.scopes.binding(binding)?;
        let scope = self.current_scope?;
        let resolution = self.ctx.scopes.resolve_binding_at(binding, scope)?;
        Some(Access { resolution, tdz: false, binding: Some(binding), name: info.name.clone() })
    }

    /// Initializes `binding` with acc from the current scope.
    pub(crate) fn init_binding(&mut self, binding: BindingId, offset: u32) {
        match self.binding_access(binding) {
            Some(access) => self.store_access(&access, StoreKind::Init, offset),
            None => self.fail("internal error: binding not visible from its scope", offset),
        }
    }

    /// acc = `binding`, read from the current scope without checks.
    pub(crate) fn load_binding(&mut self, binding: BindingId, offset: u32) {
        match self.binding_access(binding) {
            Some(access) => self.load_access(&access, false, offset),
            None => self.fail("internal error: binding not visible from its scope", offset),
        }
    }

    // ---- scopes ------------------------------------------------------------------

    /// Enters `scope`: pushes its context if it needs one, puts its lexical
    /// register bindings in the TDZ and instantiates its hoisted functions.
    pub(crate) fn enter_scope(&mut self, scope: Option<ScopeId>, offset: u32) -> ScopeEntry {
        let outer_scope = self.current_scope;
        let Some(scope) = scope else { return ScopeEntry { saved: None, outer_scope } };
        let Some(info) = self.ctx.scopes.scope_info(scope) else { return ScopeEntry { saved: None, outer_scope } };
        let saved = if info.needs_context {
            let saved = self.temp();
            if info.kind == ScopeKind::With {
                // acc holds the binding object.
                let idx = self.scope_constant(scope);
                self.emit(Opcode::CreateWithContext, &[idx as i64]);
                self.emit(Opcode::PushContext, &[saved.0 as i64]);
            } else {
                self.push_block_context(scope, saved);
            }
            self.control.push(Control::Context { saved });
            Some(saved)
        } else {
            None
        };
        self.current_scope = Some(scope);
        self.init_lexical_holes(scope);
        self.init_vars_in_context(scope);
        self.instantiate_hoisted_functions(scope, offset);
        ScopeEntry { saved, outer_scope }
    }

    /// Leaves a scope entered by [`Gen::enter_scope`].
    pub(crate) fn exit_scope(&mut self, entry: ScopeEntry) {
        if let Some(saved) = entry.saved {
            if !self.is_dead() {
                self.emit(Opcode::PopContext, &[saved.0 as i64]);
            }
            self.control.pop();
        }
        self.current_scope = entry.outer_scope;
    }

    /// acc = a new block context for `scope`; pushes it, saving the outer
    /// one in `saved`.
    pub(crate) fn push_block_context(&mut self, scope: ScopeId, saved: Register) {
        let idx = self.scope_constant(scope);
        self.emit(Opcode::CreateBlockContext, &[idx as i64]);
        self.emit(Opcode::PushContext, &[saved.0 as i64]);
    }

    /// Holes for the TDZ-checked lexical bindings of `scope` that live in
    /// registers (context slots start as holes).
    pub(crate) fn init_lexical_holes(&mut self, scope: ScopeId) {
        let mut regs = Vec::new();
        for binding in self.ctx.scopes.scope_bindings(scope) {
            let lexical = binding.kind.has_tdz() || matches!(binding.kind, BindingKind::CatchParameter);
            if lexical && let Storage::Register(n) = binding.storage && self.ctx.needs_hole(binding.id) {
                regs.push(n);
            }
        }
        if regs.is_empty() {
            return;
        }
        self.emit(Opcode::LdaTheHole, &[]);
        for n in regs {
            let r = self.local(n);
            self.star(r);
        }
    }

    /// `var` bindings of a block-like variable scope (static blocks) that
    /// live in its context start undefined, not as holes.
    fn init_vars_in_context(&mut self, scope: ScopeId) {
        let is_eval = self.ctx.scopes.is_eval();
        let is_var_scope = self.ctx.scopes.scope_info(scope).is_some_and(|s| {
            s.kind == ScopeKind::StaticBlock || (s.kind == ScopeKind::Script && is_eval && s.strict)
        });
        if !is_var_scope {
            return;
        }
        let slots: Vec<u32> = self
            .ctx
            .scopes
            .scope_bindings(scope)
            .filter(|b| b.kind == BindingKind::Var)
            .filter_map(|b| match b.storage {
                Storage::Context { slot, .. } => Some(slot),
                _ => None,
            })
            .collect();
        if slots.is_empty() {
            return;
        }
        self.emit(Opcode::LdaUndefined, &[]);
        for slot in slots {
            self.emit(Opcode::StaContextSlot, &[slot as i64, 0]);
        }
    }

    /// Creates the closures of the function declarations hoisted to `scope`.
    pub(crate) fn instantiate_hoisted_functions(&mut self, scope: ScopeId, offset: u32) {
        let Some(info) = self.ctx.scopes.scope_info(scope) else { return };
        let hoisted = info.hoisted_functions.clone();
        for h in hoisted {
            let Some(function) = self.function_node(h.node) else {
                self.fail("internal error: hoisted function not found", offset);
                continue;
            };
            self.create_closure_for(function, None);
            self.init_binding(h.binding, function.span.start);
        }
    }
}
