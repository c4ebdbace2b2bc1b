//! The compiled form of one function: plain, `Send` data (no heap
//! pointers), so compile jobs can carry it to background threads. The vm
//! links it into the heap (strings become atoms, nested functions become
//! shared function cells) when it first runs.

use std::sync::Arc;

/// What kind of function the code belongs to; decides `this` binding,
/// constructability and the prologue.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum FunctionKind {
    /// The top level of a script.
    Script,
    /// The top level of a module.
    Module,
    /// `function f() {}` (sloppy or strict).
    Normal,
    /// `() => {}`: lexical this/arguments/new.target.
    Arrow,
    /// A method or accessor of an object literal or class.
    Method,
    /// A class constructor without `extends`.
    BaseConstructor,
    /// A class constructor with `extends`.
    DerivedConstructor,
    /// A class field initializer or static block.
    ClassFieldInit,
    /// `function*`.
    Generator,
    /// `async function`.
    Async,
    /// `async () => {}`.
    AsyncArrow,
    /// `async function*`.
    AsyncGenerator,
    /// Code given to eval.
    Eval,
}

impl FunctionKind {
    /// Whether `new` may call it.
    pub fn is_constructor(self) -> bool {
        matches!(self, FunctionKind::Normal | FunctionKind::BaseConstructor | FunctionKind::DerivedConstructor)
    }
    /// Whether the code binds `this` itself (arrows do not).
    pub fn has_own_this(self) -> bool {
        !matches!(self, FunctionKind::Arrow | FunctionKind::AsyncArrow)
    }
}

/// A constant-pool entry.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// A number that is not a small integer.
    Number(f64),
    /// A string, as UTF-16 code units (JavaScript strings may hold lone
    /// surrogates, so Rust `String` cannot represent them all).
    String(Box<[u16]>),
    /// A BigInt literal, as its decimal digits (with `-` if negative).
    BigInt(Box<str>),
    /// A nested function.
    Function(Arc<BytecodeFunction>),
    /// The layout of a context the code creates.
    Scope(Arc<ScopeInfo>),
    /// A `SwitchOnSmi` jump table: (case value, offset from the switch).
    JumpTable(Box<[(i32, i32)]>),
    /// A tagged template's strings: cooked (None where invalid) and raw.
    Template(Arc<TemplateInfo>),
    /// A class definition's static shape: constructor, name, elements.
    Class(Arc<ClassInfo>),
    /// A script's top-level declarations, for `DeclareGlobals`.
    Globals(Arc<GlobalDeclarations>),
}

/// The top-level declarations of a script (GlobalDeclarationInstantiation).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct GlobalDeclarations {
    /// `var` names (including those of Annex B block functions).
    pub vars: Vec<Box<[u16]>>,
    /// Function declaration names, in the order they are instantiated.
    pub functions: Vec<Box<[u16]>>,
    /// `let`/`const`/`class` names with whether each is immutable.
    pub lexicals: Vec<(Box<[u16]>, bool)>,
    /// Eval code (EvalDeclarationInstantiation): `vars` and `functions` go
    /// to the variable environment found on the context chain (the global
    /// object when there is none) as deletable bindings, after the
    /// conflict checks against the lexical bindings in between; `lexicals`
    /// is empty (eval code keeps them in its own context).
    pub eval: bool,
    /// Eval code called from a parameter expression: a name that is a
    /// parameter (or `arguments`) of the function is a SyntaxError too.
    /// Set by the vm before linking (the generator cannot know).
    pub eval_in_parameters: bool,
}

/// The variables of a context, for debugging and for `with`/eval lookups by name.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ScopeInfo {
    /// Slot names, in slot order.
    pub names: Vec<Box<str>>,
    /// Per slot: whether the binding is immutable (`const`, class name).
    pub immutable: Vec<bool>,
    /// Whether this is a function's top scope (else a block).
    pub is_function_scope: bool,
    /// Per slot: whether the binding is lexical (`let`, `const`, `class`),
    /// which a `var` of the same name declared by a sloppy direct eval
    /// below it conflicts with.
    pub lexical: Vec<bool>,
    /// Per slot: whether the binding is a parameter or the `arguments`
    /// object, which a `var` of a direct eval in a parameter expression
    /// must not redeclare.
    pub parameter: Vec<bool>,
    /// A class field initializer's scope (eval code there must not use
    /// `arguments`).
    pub is_class_initializer: bool,
    /// A `with` body's scope: the context has no slots, and its extension
    /// is the object environment's binding object.
    pub is_with_scope: bool,
}

/// The strings of a template literal site.
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateInfo {
    /// Cooked strings; `None` for an invalid escape (tagged templates only).
    pub cooked: Vec<Option<Box<[u16]>>>,
    /// Raw strings.
    pub raw: Vec<Box<[u16]>>,
}

/// What `CreateClass` needs beyond the bytecode that defines members.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassInfo {
    /// The constructor's code (the default one when the class has none).
    pub constructor: Arc<BytecodeFunction>,
    /// The class name ("" when anonymous).
    pub name: Box<[u16]>,
    /// Whether it has `extends`.
    pub derived: bool,
    /// Its public instance methods and accessors: the properties its
    /// prototype gets besides `constructor` (the inline slots the
    /// prototype object is allocated with, so methods load from the cell).
    pub prototype_methods: u32,
}

/// An exception handler: a `try` range and where to go when it throws.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct HandlerEntry {
    /// First bytecode offset covered.
    pub start: u32,
    /// One past the last offset covered.
    pub end: u32,
    /// Where the handler begins; the exception is in the accumulator.
    pub handler: u32,
    /// The register holding the context to restore on entry.
    pub context_reg: i32,
}

/// Maps a bytecode offset to a source position (recorded at statements
/// and at instructions that can throw or call).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SourcePosition {
    /// Bytecode offset.
    pub pc: u32,
    /// Byte offset in the source.
    pub source: u32,
}

/// What an inline-cache or counter slot of the feedback vector records.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FeedbackSlotKind {
    /// A named property load.
    LoadProperty,
    /// A keyed property load.
    LoadKeyed,
    /// A named property store.
    StoreProperty,
    /// A keyed property store.
    StoreKeyed,
    /// A define-own (literal) store.
    DefineOwn,
    /// A global load.
    LoadGlobal,
    /// A global store.
    StoreGlobal,
    /// A call site.
    Call,
    /// A `new` site.
    Construct,
    /// A binary operation.
    BinaryOp,
    /// A comparison.
    CompareOp,
    /// A unary operation.
    UnaryOp,
    /// `instanceof`.
    InstanceOf,
    /// `in`.
    In,
    /// A closure creation site.
    Closure,
    /// An array or object literal site.
    Literal,
    /// A loop back edge.
    Loop,
    /// A for-of/spread iteration site.
    Iterator,
    /// A template object cache.
    Template,
}

/// One compiled function.
#[derive(Clone, Debug, PartialEq)]
pub struct BytecodeFunction {
    /// The function's name as `Function.prototype.name` reports it.
    pub name: Box<[u16]>,
    /// Kind.
    pub kind: FunctionKind,
    /// Strict mode code.
    pub strict: bool,
    /// `length`: parameters before the first default or rest.
    pub length: u32,
    /// Formal parameter count (the frame reserves this many argument slots).
    pub param_count: u32,
    /// Registers the frame needs above the frame pointer.
    pub register_count: u32,
    /// The instructions.
    pub code: Vec<u8>,
    /// The constant pool.
    pub constants: Vec<Constant>,
    /// Exception handlers, innermost first for nested ranges.
    pub handlers: Vec<HandlerEntry>,
    /// Source positions, sorted by `pc`.
    pub positions: Vec<SourcePosition>,
    /// The feedback vector's layout.
    pub feedback: Vec<FeedbackSlotKind>,
    /// Source span of the function text, for `toString` and messages.
    pub source_start: u32,
    /// End of the span.
    pub source_end: u32,
    /// The script this code came from (an index into the vm's script table).
    pub script: u32,
}

impl BytecodeFunction {
    /// Instruction bytes of this function and every function nested in
    /// its constants (a script's whole bytecode size).
    pub fn total_code_bytes(&self) -> usize {
        self.code.len()
            + self
                .constants
                .iter()
                .map(|c| match c {
                    Constant::Function(inner) => inner.total_code_bytes(),
                    _ => 0,
                })
                .sum::<usize>()
    }

    /// The source offset of the instruction at `pc`: the last recorded
    /// position at or before it.
    pub fn source_offset(&self, pc: u32) -> Option<u32> {
        let i = self.positions.partition_point(|p| p.pc <= pc);
        i.checked_sub(1).map(|i| self.positions[i].source)
    }
}
