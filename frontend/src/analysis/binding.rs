//! Bindings and where they live.
//!
//! Fed by `build/bindings.rs` (declared bindings, class inner names,
//! private names), `build/references.rs` (implicit function-state
//! bindings) and `build/allocate.rs` (storage); read by the generator and
//! the dump. Invariant: every oxc symbol has exactly one binding; implicit
//! bindings have none.

use oxc_semantic::{NodeId, ScopeId, SymbolId};

use super::FunctionId;

/// Index of a binding in [`crate::ScopeAnalysis::bindings`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BindingId(pub u32);

impl BindingId {
    /// The id as a vector index.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What declared a binding; decides its initial value and whether it has a
/// temporal dead zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BindingKind {
    /// `var`: `undefined` on entry.
    Var,
    /// `let`: TDZ until its declaration runs.
    Let,
    /// `const` (and `using`): TDZ, then immutable.
    Const,
    /// `class C {}` in the enclosing scope: TDZ until the class is defined.
    Class,
    /// A function declaration: created on entry of its declaring scope.
    Function,
    /// A formal parameter; `index` is its position (a destructuring
    /// pattern's names share one index; the rest parameter comes last).
    Parameter {
        /// Position in the parameter list.
        index: u32,
    },
    /// A `catch` parameter.
    CatchParameter,
    /// An `import` binding (live, immutable).
    Import,
    /// The name of a named function expression, bound to the function
    /// itself (immutable) inside it.
    FunctionSelfName,
    /// A class's inner name binding inside its class scope: TDZ until the
    /// class is created, then immutable.
    ClassInnerName,
    /// A private name `#x` declared by a class (one per name, so a getter
    /// and setter pair share it); holds the private name (or, for private
    /// methods, whatever the generator keeps there).
    PrivateName,
    /// The implicit `arguments` object.
    Arguments,
    /// The unit's `this`, copied into the context for inner arrows.
    This,
    /// The unit's `new.target`, copied into the context for inner arrows.
    NewTarget,
    /// The unit's home object, for `super.x` in inner arrows.
    HomeObject,
    /// The running constructor, for `super()` in inner arrows.
    ThisFunction,
}

impl BindingKind {
    /// Whether reads can observe an uninitialized (hole) value.
    pub fn has_tdz(self) -> bool {
        matches!(
            self,
            BindingKind::Let
                | BindingKind::Const
                | BindingKind::Class
                | BindingKind::ClassInnerName
        )
    }

    /// Whether the binding is one of the implicit function-state bindings.
    pub fn is_function_state(self) -> bool {
        matches!(
            self,
            BindingKind::Arguments
                | BindingKind::This
                | BindingKind::NewTarget
                | BindingKind::HomeObject
                | BindingKind::ThisFunction
        )
    }

    /// Short name used by the dump.
    pub fn name(self) -> &'static str {
        match self {
            BindingKind::Var => "var",
            BindingKind::Let => "let",
            BindingKind::Const => "const",
            BindingKind::Class => "class",
            BindingKind::Function => "function",
            BindingKind::Parameter { .. } => "param",
            BindingKind::CatchParameter => "catch",
            BindingKind::Import => "import",
            BindingKind::FunctionSelfName => "self-name",
            BindingKind::ClassInnerName => "class-name",
            BindingKind::PrivateName => "private",
            BindingKind::Arguments => "arguments",
            BindingKind::This => "this",
            BindingKind::NewTarget => "new.target",
            BindingKind::HomeObject => "home-object",
            BindingKind::ThisFunction => "this-function",
        }
    }
}

/// The name an import binds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportName {
    /// `import { name } from` (a default import is `Name("default")`).
    Name(String),
    /// `import * as ns from`: the module namespace object.
    Namespace,
}

/// Where a binding's value lives at run time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Storage {
    /// A frame register of its unit. Never referenced from another unit.
    Register(u32),
    /// A slot of the context the generator pushes for `scope`.
    Context {
        /// The scope whose context holds it.
        scope: ScopeId,
        /// Slot index, counted after the fixed context header.
        slot: u32,
    },
    /// A property of the global object (script top-level `var` and
    /// function declarations).
    Global,
    /// The realm's global lexical environment, shared by all scripts
    /// (script top-level `let`, `const`, `class`).
    ScriptLexical,
    /// A cell of the module's export table, shared with importers.
    Module {
        /// Index of the cell, in order of first export.
        cell: u32,
    },
    /// An import: resolved through the module graph at link time.
    Import {
        /// The module specifier.
        module_request: String,
        /// What is imported.
        import_name: ImportName,
    },
}

/// One binding.
#[derive(Debug, Clone)]
pub struct BindingInfo {
    /// This binding's id.
    pub id: BindingId,
    /// Its name (`#x` for private names, `this`, `new.target`, ... for
    /// implicit ones).
    pub name: String,
    /// What declared it.
    pub kind: BindingKind,
    /// oxc's symbol, for declared bindings.
    pub symbol: Option<SymbolId>,
    /// The scope that holds it.
    pub scope: ScopeId,
    /// The unit that owns that scope.
    pub function: FunctionId,
    /// The declaring node (`VariableDeclarator`, `Function`,
    /// `FormalParameter`, `Class`, `CatchParameter`, import specifier, the
    /// class element for private names), if any.
    pub declaration: Option<NodeId>,
    /// Referenced from a unit other than its own.
    pub captured: bool,
    /// Where it lives.
    pub storage: Storage,
    /// Byte offset (parsed text) from which reads in the same unit no
    /// longer need a TDZ check. Meaningful for [`BindingKind::has_tdz`]
    /// kinds and parameters.
    pub initialized_at: u32,
}
