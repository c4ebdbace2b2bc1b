//! Function-like units: what the bytecode generator compiles one
//! `BytecodeFunction` for.
//!
//! Fed by `build/units.rs` (discovery) and the later build passes (flags,
//! register counts); read by the generator and the dump. Invariant: ids
//! follow source order (a unit's id is smaller than its inner units' ids),
//! and unit 0 is the script or module top level.

use oxc_semantic::{NodeId, ScopeId};

use super::BindingId;

/// Index of a function-like unit in [`crate::ScopeAnalysis::functions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FunctionId(pub u32);

impl FunctionId {
    /// The top-level script or module.
    pub const TOP: FunctionId = FunctionId(0);

    /// The id as a vector index.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What kind of code a unit is; decides its `this`, `arguments`,
/// `new.target` and `super`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FunctionKind {
    /// Top level of a classic script.
    Script,
    /// Top level of a module.
    Module,
    /// `function f() {}` as a statement (hoisted).
    Declaration,
    /// `function () {}` as an expression.
    Expression,
    /// `() => {}`: no own `this`, `arguments`, `new.target` or `super`.
    Arrow,
    /// A method of a class or an object literal (`super` available).
    Method,
    /// A `get` accessor.
    Getter,
    /// A `set` accessor.
    Setter,
    /// The constructor of a class without `extends`.
    ClassConstructor,
    /// The constructor of a class with `extends`: `this` is in TDZ until
    /// `super()` returns.
    DerivedConstructor,
    /// All instance field initializers of one class, run at construction
    /// (V8's `<instance_members_initializer>`). Its node is the class.
    InstanceFields,
    /// All static field initializers and static blocks of one class, in
    /// order, run once when the class is defined (V8's
    /// `<static_initializer>`). Its node is the class.
    StaticInitializer,
}

impl FunctionKind {
    /// Whether the unit has its own `this` (everything but arrows).
    pub fn has_own_this(self) -> bool {
        self != FunctionKind::Arrow
    }

    /// Whether the unit has an `arguments` object when it mentions it.
    pub fn has_arguments(self) -> bool {
        !matches!(
            self,
            FunctionKind::Script
                | FunctionKind::Module
                | FunctionKind::Arrow
                | FunctionKind::InstanceFields
                | FunctionKind::StaticInitializer
        )
    }

    /// Whether `super.x` is valid directly in the unit.
    pub fn has_home_object(self) -> bool {
        matches!(
            self,
            FunctionKind::Method
                | FunctionKind::Getter
                | FunctionKind::Setter
                | FunctionKind::ClassConstructor
                | FunctionKind::DerivedConstructor
                | FunctionKind::InstanceFields
                | FunctionKind::StaticInitializer
        )
    }

    /// Whether the unit is one of the two synthetic class initializers.
    pub fn is_class_initializer(self) -> bool {
        matches!(
            self,
            FunctionKind::InstanceFields | FunctionKind::StaticInitializer
        )
    }

    /// Short name used by the dump.
    pub fn name(self) -> &'static str {
        match self {
            FunctionKind::Script => "script",
            FunctionKind::Module => "module",
            FunctionKind::Declaration => "declaration",
            FunctionKind::Expression => "expression",
            FunctionKind::Arrow => "arrow",
            FunctionKind::Method => "method",
            FunctionKind::Getter => "getter",
            FunctionKind::Setter => "setter",
            FunctionKind::ClassConstructor => "constructor",
            FunctionKind::DerivedConstructor => "derived-constructor",
            FunctionKind::InstanceFields => "instance-fields",
            FunctionKind::StaticInitializer => "static-initializer",
        }
    }
}

/// Uses of the function state that arrows inherit lexically.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LexicalUse {
    /// `this` (also implied by `super.x` and `super()`).
    pub this: bool,
    /// `new.target` (also implied by `super()`).
    pub new_target: bool,
    /// `super.x` / `super[x]`: needs the home object.
    pub super_property: bool,
    /// `super(...)`: needs the active constructor function.
    pub super_call: bool,
    /// `arguments` (the implicit object, not a binding of that name).
    pub arguments: bool,
}

impl LexicalUse {
    /// Whether nothing is used.
    pub fn is_empty(&self) -> bool {
        *self == LexicalUse::default()
    }
}

/// Everything the generator needs to know about one unit.
#[derive(Debug, Clone)]
pub struct FunctionInfo {
    /// This unit's id.
    pub id: FunctionId,
    /// What kind of code it is.
    pub kind: FunctionKind,
    /// Its name for printing: the function's own name, a method's static
    /// key, the class name for class initializers, else `<anonymous>`.
    pub name: String,
    /// The AST node: `Program`, `Function`, `ArrowFunctionExpression`, or
    /// the `Class` for class initializers.
    pub node: NodeId,
    /// Byte offset (into the parsed text) where the unit starts.
    pub start: u32,
    /// The lexically enclosing unit (`None` for the top level).
    pub parent: Option<FunctionId>,
    /// Its own variable scope: the program scope, the function scope
    /// (parameters and body share it), or the synthetic scope of a class
    /// initializer.
    pub scope: ScopeId,
    /// Every scope whose bindings belong to this unit, in source order,
    /// starting with `scope`.
    pub scopes: Vec<ScopeId>,
    /// Strict mode code.
    pub strict: bool,
    /// `async` function.
    pub is_async: bool,
    /// Generator function.
    pub is_generator: bool,
    /// Formal parameters before the rest parameter.
    pub param_count: u32,
    /// Has a `...rest` parameter.
    pub has_rest: bool,
    /// Parameters are plain identifiers without defaults or rest.
    pub simple_params: bool,
    /// The binding holding the `arguments` object, when the unit needs one:
    /// the implicit `arguments`, or a `var arguments` it initializes.
    pub arguments: Option<BindingId>,
    /// The arguments object is mapped (aliases the parameters): sloppy
    /// code with simple parameters. Its parameters then live in context
    /// slots, which the mapped object's elements point at (as in V8).
    pub mapped_arguments: bool,
    /// What this unit's own code uses directly.
    pub uses: LexicalUse,
    /// What inner arrows (or a direct `eval`) use of *this* unit's state:
    /// each such item has an implicit binding in this unit's context.
    pub captured_by_arrows: LexicalUse,
    /// The unit contains a direct `eval` call (strict or not): every
    /// binding visible from the call lives in a context.
    pub has_direct_eval: bool,
    /// The unit contains a sloppy direct `eval`, which may add `var`
    /// bindings to its variable scope at run time: names that could be
    /// shadowed that way resolve dynamically.
    pub has_sloppy_eval: bool,
    /// The unit is nested inside a `with` body.
    pub inside_with: bool,
    /// Frame registers holding this unit's register bindings.
    pub register_count: u32,
}
