//! Runtime functions: operations rare enough not to deserve an opcode,
//! called with `CallRuntime id, args, argc`. The vm implements each
//! (`vm/src/interpreter/runtime.rs`); this table is the contract.

/// Resume modes: what ResumeGenerator writes to its mode register.
/// `next(value)`.
pub const RESUME_NEXT: i32 = 0;
/// `return(value)`.
pub const RESUME_RETURN: i32 = 1;
/// `throw(value)`.
pub const RESUME_THROW: i32 = 2;

macro_rules! runtime_functions {
    ($($(#[doc = $doc:literal])* $name:ident = $argc:literal;)*) => {
        /// A runtime function, by id.
        #[derive(Copy, Clone, PartialEq, Eq, Debug)]
        #[repr(u32)]
        pub enum RuntimeFunction { $($(#[doc = $doc])* $name,)* }

        impl RuntimeFunction {
            /// Every runtime function, in id order.
            pub const ALL: &'static [RuntimeFunction] = &[$(RuntimeFunction::$name),*];
            /// The function with this id.
            pub fn from_id(id: u32) -> Option<RuntimeFunction> {
                Self::ALL.get(id as usize).copied()
            }
            /// Its name, for the printer.
            pub fn name(self) -> &'static str {
                match self { $(RuntimeFunction::$name => stringify!($name),)* }
            }
            /// Arguments it expects.
            pub fn argc(self) -> u32 {
                match self { $(RuntimeFunction::$name => $argc,)* }
            }
        }
    };
}

runtime_functions! {
    /// (array, iterable) → appends every value of the iterable to the
    /// array literal being built; returns the new length.
    AppendSpread = 2;
    /// (array, length) → sets an array literal's length (trailing holes).
    SetArrayLength = 2;
    /// (object, proto) → `__proto__: proto` in an object literal: sets the
    /// prototype when proto is an object or null.
    SetLiteralProto = 2;
    /// (message) → throws a TypeError with the message string.
    ThrowTypeError = 1;
    /// (message) → throws a SyntaxError (early errors found late).
    ThrowSyntaxError = 1;
    /// (message) → throws a ReferenceError.
    ThrowReferenceError = 1;
    /// (object, key, closure, flags) as `DefineMethod` with a computed key
    /// already converted by ToPropertyKey.
    DefineAccessorPair = 4;
    /// (function, name) → SetFunctionName for anonymous functions and
    /// classes given a computed key.
    SetFunctionName = 2;
    /// (iterable) → an array of its values (spread arguments).
    IterableToList = 1;
    /// (constructor, closure) → installs a class's instance field
    /// initializer: a `ClassFieldInit` closure (home object: the prototype)
    /// that constructors run on each new instance.
    SetClassFields = 2;
    /// (value, message) → throws a TypeError with the message unless the
    /// value is an object (iterator results, `super` return values).
    ThrowIfNotObject = 2;
    /// () → the generator object of the running generator function (its
    /// prototype from the callee's `prototype`), suspended at its start.
    CreateGeneratorObject = 0;
    /// () → the object holding the running async function's frame and
    /// result promise.
    CreateAsyncFunctionObject = 0;
    /// (async function object, value) → resolves its promise with value;
    /// returns the promise.
    AsyncFunctionResolve = 2;
    /// (async function object, reason) → rejects its promise; returns the
    /// promise.
    AsyncFunctionReject = 2;
    /// (this) → InitializeInstanceElements after `super()` bound `this`:
    /// runs the running class constructor's field initializer on it (the
    /// constructor is the frame's callee, or `.this_function` in an arrow).
    InitializeInstanceElements = 1;
    /// () → the object holding a module's top-level frame (an async
    /// function object when the module has top-level await): the linker
    /// runs the module code up to its first suspension (the environment
    /// is then initialized) and evaluation resumes it.
    CreateModuleObject = 0;
    /// () → the running module's `import.meta` object.
    GetImportMeta = 0;
    /// (specifier, options) → `import(specifier, options)`: a promise for
    /// the module namespace.
    DynamicImport = 2;
}
