//! How a reference finds its binding at run time.
//!
//! Fed by `build/resolve.rs`; read by the generator (one load/store
//! bytecode per resolution kind) and the dump. Invariant: a `Register`
//! resolution only appears in the unit that owns the register, and a
//! `Context` depth counts the scopes with `needs_context` strictly inside
//! the binding's scope on the site's scope chain.

use oxc_semantic::ScopeId;

use super::{BindingId, FunctionId, ImportName};

/// Where a reference finds its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// A register of the running frame.
    Register(u32),
    /// A context slot: follow `depth` previous-context links from the
    /// innermost context in effect at the site, then read `slot`.
    Context {
        /// Hops outward from the current context.
        depth: u32,
        /// Slot index, counted after the fixed context header.
        slot: u32,
    },
    /// Look the name up at run time in the realm's global lexical
    /// environment, then on the global object (unresolved names and
    /// script top-level bindings).
    Global(String),
    /// Look the name up by walking the context chain at run time: inside
    /// `with`, or where a sloppy direct `eval` may add a shadowing `var`.
    Dynamic(String),
    /// A cell of this module's export table.
    Module {
        /// Index of the cell.
        cell: u32,
    },
    /// An imported binding.
    Import {
        /// The module specifier.
        module_request: String,
        /// What is imported.
        import_name: ImportName,
    },
    /// Read the running function's own state from its frame: its receiver
    /// (`this`), its `new.target`, its closure's home object or itself.
    Frame,
    /// `this` at the top level of a script: the global `this` value.
    GlobalThis,
    /// The value is `undefined` (`this` at module top level, `new.target`
    /// in class initializers).
    Undefined,
}

/// A resolved use site: an identifier reference, `this`, `super`,
/// `new.target`, or a private name.
#[derive(Debug, Clone)]
pub struct ReferenceInfo {
    /// Where the value is found.
    pub resolution: Resolution,
    /// The generator must check for the TDZ hole (and throw a
    /// `ReferenceError`) before using the value. Conservative: set for any
    /// use of a lexical binding not provably after its initialization in
    /// the same unit, for every use from a closure, for imports, and for
    /// `this` in derived constructors. `Global` and `Dynamic` lookups
    /// check holes themselves and leave it unset unless the binding is
    /// known.
    pub tdz_check: bool,
    /// The binding reached, when known statically.
    pub binding: Option<BindingId>,
    /// The unit containing the site.
    pub function: FunctionId,
    /// The scope whose context is current at the site (the start of the
    /// `depth` count).
    pub scope: ScopeId,
    /// Byte offset (parsed text) of the site.
    pub offset: u32,
    /// The name used at the site (`this`, `super`, `new.target`, `#x`, or
    /// the identifier).
    pub name: String,
}
