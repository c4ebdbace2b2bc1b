//! Scopes as the generator sees them: which need a runtime context, how
//! many slots it has, and which bindings it initializes on entry.
//!
//! Fed by `build/units.rs` (shape) and `build/allocate.rs` (contexts);
//! read by the generator and the dump. Invariant: a scope's `parent` chain
//! is the chain the runtime context chain follows. It is oxc's scope tree,
//! plus one synthetic scope per class initializer unit, inserted between
//! the class scope and the scopes inside the initializers.

use oxc_semantic::{NodeId, ScopeId};

use super::{BindingId, FunctionId};

/// What syntax made a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    /// Top level of a script.
    Script,
    /// Top level of a module.
    Module,
    /// A function's or arrow's parameters and body.
    Function,
    /// The synthetic variable scope of a class initializer unit (holds
    /// only its implicit `this`/`new.target`/home object bindings).
    ClassInitializer,
    /// A class: its inner name binding and its private names. Its context
    /// is pushed before the heritage and computed keys are evaluated.
    Class,
    /// A class `static {}` block (a variable scope).
    StaticBlock,
    /// A block statement (also a catch body, which holds the catch
    /// parameter).
    Block,
    /// `catch (...)`: its bindings live in the catch body's scope, and
    /// references in the parameter pattern are resolved from there.
    Catch,
    /// `for (init; test; update)` head.
    For,
    /// `for (x in o)` head: also the TDZ scope of `o`.
    ForIn,
    /// `for (x of o)` head: also the TDZ scope of `o`.
    ForOf,
    /// A `switch` case block.
    Switch,
    /// A `with` body: the object environment is pushed as a context.
    With,
}

impl ScopeKind {
    /// Short name used by the dump.
    pub fn name(self) -> &'static str {
        match self {
            ScopeKind::Script => "script",
            ScopeKind::Module => "module",
            ScopeKind::Function => "function",
            ScopeKind::ClassInitializer => "class-initializer",
            ScopeKind::Class => "class",
            ScopeKind::StaticBlock => "static-block",
            ScopeKind::Block => "block",
            ScopeKind::Catch => "catch",
            ScopeKind::For => "for",
            ScopeKind::ForIn => "for-in",
            ScopeKind::ForOf => "for-of",
            ScopeKind::Switch => "switch",
            ScopeKind::With => "with",
        }
    }
}

/// A function declaration the generator instantiates when it enters the
/// scope that declares it (before any statement of that scope runs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HoistedFunction {
    /// The `Function` node.
    pub node: NodeId,
    /// The binding it is stored in. For an Annex B sloppy block function
    /// this binding lives in the enclosing variable scope.
    pub binding: BindingId,
}

/// One scope.
#[derive(Debug, Clone)]
pub struct ScopeInfo {
    /// This scope's id (oxc's, or a synthetic one past oxc's last).
    pub id: ScopeId,
    /// What made it.
    pub kind: ScopeKind,
    /// The enclosing scope on the context chain.
    pub parent: Option<ScopeId>,
    /// The unit whose code enters this scope.
    pub function: FunctionId,
    /// The AST node that made it (`None` for synthetic scopes).
    pub node: Option<NodeId>,
    /// Strict mode code.
    pub strict: bool,
    /// Bindings in declaration order: implicit function-state bindings
    /// first, then declarations in source order. The generator initializes
    /// them on entry: a TDZ hole for lexical kinds, `undefined` for `var`,
    /// parameters from the arguments.
    pub bindings: Vec<BindingId>,
    /// Function declarations to instantiate on entry, in source order.
    pub hoisted_functions: Vec<HoistedFunction>,
    /// The generator pushes a context when entering this scope.
    pub needs_context: bool,
    /// Context slots for bindings (the fixed context header is extra).
    pub context_slots: u32,
    /// A loop head whose context is renewed every iteration: for `for(;;)`
    /// a copy of the previous iteration's (CreatePerIterationEnvironment),
    /// for `for-in`/`for-of` a fresh one per iteration, after one holding
    /// the bindings in TDZ for the iterated expression.
    pub per_iteration: bool,
    /// A sloppy direct `eval` may add `var` bindings here at run time; the
    /// context then also carries an extension for them.
    pub sloppy_eval: bool,
}
