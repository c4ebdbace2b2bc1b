//! The instruction set: one table, from which the opcode enum, operand
//! layouts, accumulator use and names are generated (the printer, decoder,
//! builder, interpreter and baseline JIT all read this table).
//!
//! A register machine with an accumulator, after V8's Ignition. Operands
//! name frame registers (`Reg`), immediates (`Imm`, `UImm`), constant-pool
//! entries (`Idx`), feedback-vector slots (`Slot`) and jump targets
//! (`Jump`, relative to the instruction's first byte — its prefix, if any).
//! Operand widths are chosen per instruction by the `Wide`/`ExtraWide`
//! prefixes (see `operand.rs`).
//!
//! Conventions: binary operations compute `reg OP acc` into the
//! accumulator; stores take the value from the accumulator; calls take a
//! contiguous register list `args` whose first register is the receiver.

use crate::operand::OperandKind;
use crate::operand::OperandKind::*;

/// What an instruction does with the accumulator (for liveness, the
/// printer and deopt frame states).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum AccUse {
    /// Neither reads nor writes it.
    None,
    /// Reads it.
    Read,
    /// Writes it.
    Write,
    /// Reads, then writes it.
    ReadWrite,
}

macro_rules! bytecodes {
    ($( $(#[doc = $doc:literal])* $name:ident ( $($op:ident),* ) $acc:ident ;)*) => {
        /// A bytecode instruction's opcode (the first byte after any prefix).
        #[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name, )*
        }

        /// Every opcode, in encoding order.
        pub const ALL_OPCODES: &[Opcode] = &[$(Opcode::$name),*];

        impl Opcode {
            /// The instruction's name, as the printer shows it.
            pub const fn name(self) -> &'static str {
                match self { $(Opcode::$name => stringify!($name),)* }
            }
            /// Kinds of the operands, in order.
            #[inline]
            pub const fn operands(self) -> &'static [OperandKind] {
                match self { $(Opcode::$name => &[$($op),*],)* }
            }
            /// Accumulator use.
            pub const fn acc_use(self) -> AccUse {
                match self { $(Opcode::$name => AccUse::$acc,)* }
            }
        }
    };
}

bytecodes! {
    // ---- prefixes ------------------------------------------------------
    /// Prefix: the next instruction's scalable operands are 2 bytes wide.
    Wide() None;
    /// Prefix: the next instruction's scalable operands are 4 bytes wide.
    ExtraWide() None;

    // ---- accumulator and register moves --------------------------------
    /// acc = undefined
    LdaUndefined() Write;
    /// acc = null
    LdaNull() Write;
    /// acc = true
    LdaTrue() Write;
    /// acc = false
    LdaFalse() Write;
    /// acc = the hole (uninitialized lexical binding)
    LdaTheHole() Write;
    /// acc = 0
    LdaZero() Write;
    /// acc = a small integer
    LdaSmi(Imm) Write;
    /// acc = constants[idx] (a number, string or other constant)
    LdaConstant(Idx) Write;
    /// acc = reg
    Ldar(Reg) Write;
    /// reg = acc
    Star(Reg) Read;
    /// dst = src
    Mov(Reg, Reg) None;

    // ---- variables -----------------------------------------------------
    /// acc = global `constants[name]` (script lexicals first, then the
    /// global object); ReferenceError if missing.
    LdaGlobal(Idx, Slot) Write;
    /// As LdaGlobal, but undefined when missing (operand of `typeof`).
    LdaGlobalInsideTypeof(Idx, Slot) Write;
    /// global `constants[name]` = acc (sloppy: creates; strict: throws if missing)
    StaGlobal(Idx, Slot) Read;
    /// Initializes a script-level let/const/class binding: acc.
    StaScriptLexical(Idx) Read;
    /// GlobalDeclarationInstantiation for constants[decls] (a
    /// `Constant::Globals`): checks every conflict first, then creates the
    /// script's var and function bindings on the global object (functions
    /// start undefined; the script stores their closures with StaGlobal)
    /// and its lexical bindings (holes).
    DeclareGlobals(Idx) None;
    /// acc = slot `slot` of the context `depth` hops out from the current one
    LdaContextSlot(UImm, UImm) Write;
    /// Context slot `slot` at `depth` = acc
    StaContextSlot(UImm, UImm) Read;
    /// acc = the binding named `constants[name]`, looked up through the
    /// scope chain at run time (inside `with`, or visible to sloppy eval)
    LdaLookupSlot(Idx) Write;
    /// As LdaLookupSlot, undefined when unresolvable (for `typeof`).
    LdaLookupSlotInsideTypeof(Idx) Write;
    /// The binding named `constants[name]` = acc, through the scope chain;
    /// the flag is 1 in strict code.
    StaLookupSlot(Idx, UImm) Read;
    /// Throws ReferenceError "Cannot access 'name' before initialization"
    /// if acc is the hole.
    ThrowReferenceErrorIfHole(Idx) Read;
    /// Throws TypeError "Assignment to constant variable 'name'".
    ThrowConstAssignError(Idx) None;

    // ---- contexts (closure scopes) -------------------------------------
    /// acc = a new function context with `slots` slots whose parent is
    /// the current context; `constants[scope]` describes it.
    CreateFunctionContext(Idx, UImm) Write;
    /// acc = a new block context, parent = current.
    CreateBlockContext(Idx) Write;
    /// acc = a copy of the current context (per-iteration `let` bindings),
    /// with the same parent.
    CloneContext() Write;
    /// reg = current context; current context = acc.
    PushContext(Reg) Read;
    /// current context = reg.
    PopContext(Reg) None;

    // ---- properties ----------------------------------------------------
    /// acc = obj[constants[name]]
    GetNamedProperty(Reg, Idx, Slot) Write;
    /// acc = obj[acc]
    GetKeyedProperty(Reg, Slot) ReadWrite;
    /// obj[constants[name]] = acc (a [[Set]])
    SetNamedProperty(Reg, Idx, Slot) Read;
    /// obj[key] = acc (a [[Set]])
    SetKeyedProperty(Reg, Reg, Slot) Read;
    /// Defines an own data property obj[constants[name]] = acc
    /// (object literals, class fields).
    DefineNamedOwnProperty(Reg, Idx, Slot) Read;
    /// Defines an own data property obj[key] = acc.
    DefineKeyedOwnProperty(Reg, Reg, Slot) Read;
    /// acc = delete obj[acc]; the flag is 1 in strict code.
    DeleteProperty(Reg, UImm) ReadWrite;
    /// acc = super-class property `constants[name]` read with receiver reg
    /// from the current function's home object.
    GetNamedSuperProperty(Reg, Idx, Slot) Write;
    /// acc = super[acc] with receiver reg.
    GetKeyedSuperProperty(Reg, Slot) ReadWrite;
    /// super[key] = acc with receiver reg.
    SetKeyedSuperProperty(Reg, Reg, Slot) Read;

    // ---- arithmetic and logic: acc = reg OP acc -------------------------
    /// acc = reg + acc
    Add(Reg, Slot) ReadWrite;
    /// acc = reg - acc
    Sub(Reg, Slot) ReadWrite;
    /// acc = reg * acc
    Mul(Reg, Slot) ReadWrite;
    /// acc = reg / acc
    Div(Reg, Slot) ReadWrite;
    /// acc = reg % acc
    Mod(Reg, Slot) ReadWrite;
    /// acc = reg ** acc
    Exp(Reg, Slot) ReadWrite;
    /// acc = reg | acc
    BitwiseOr(Reg, Slot) ReadWrite;
    /// acc = reg ^ acc
    BitwiseXor(Reg, Slot) ReadWrite;
    /// acc = reg & acc
    BitwiseAnd(Reg, Slot) ReadWrite;
    /// acc = reg << acc
    ShiftLeft(Reg, Slot) ReadWrite;
    /// acc = reg >> acc
    ShiftRight(Reg, Slot) ReadWrite;
    /// acc = reg >>> acc
    ShiftRightLogical(Reg, Slot) ReadWrite;
    /// acc = acc + imm
    AddSmi(Imm, Slot) ReadWrite;
    /// acc = acc - imm
    SubSmi(Imm, Slot) ReadWrite;
    /// acc = acc + 1 (numeric)
    Inc(Slot) ReadWrite;
    /// acc = acc - 1 (numeric)
    Dec(Slot) ReadWrite;
    /// acc = -acc
    Negate(Slot) ReadWrite;
    /// acc = ~acc
    BitwiseNot(Slot) ReadWrite;
    /// acc = ToNumeric(acc)
    ToNumeric(Slot) ReadWrite;
    /// acc = ToNumber(acc)
    ToNumber(Slot) ReadWrite;
    /// acc = ToString(acc)
    ToString() ReadWrite;
    /// acc = ToPropertyKey(acc)
    ToName() ReadWrite;
    /// acc = ToObject(acc)
    ToObject() ReadWrite;
    /// acc = !acc, acc known to be a boolean
    LogicalNot() ReadWrite;
    /// acc = !ToBoolean(acc)
    ToBooleanLogicalNot() ReadWrite;
    /// acc = typeof acc
    TypeOf() ReadWrite;

    // ---- comparisons: acc = reg OP acc ---------------------------------
    /// acc = reg == acc
    TestEqual(Reg, Slot) ReadWrite;
    /// acc = reg === acc
    TestEqualStrict(Reg, Slot) ReadWrite;
    /// acc = reg < acc
    TestLessThan(Reg, Slot) ReadWrite;
    /// acc = reg > acc
    TestGreaterThan(Reg, Slot) ReadWrite;
    /// acc = reg <= acc
    TestLessThanOrEqual(Reg, Slot) ReadWrite;
    /// acc = reg >= acc
    TestGreaterThanOrEqual(Reg, Slot) ReadWrite;
    /// acc = reg instanceof acc
    TestInstanceOf(Reg, Slot) ReadWrite;
    /// acc = reg in acc
    TestIn(Reg, Slot) ReadWrite;
    /// acc = #name in acc, with the private name in reg
    TestPrivateIn(Reg) ReadWrite;
    /// acc = acc === null
    TestNull() ReadWrite;
    /// acc = acc === undefined
    TestUndefined() ReadWrite;
    /// acc = acc == null (undefined or null)
    TestUndetectable() ReadWrite;

    // ---- control flow --------------------------------------------------
    /// pc += offset
    Jump(Jump) None;
    /// Loop back edge: pc += offset (negative); counts toward tiering and
    /// is where OSR enters. The slot is the loop's feedback slot.
    JumpLoop(Slot, Jump) None;
    /// if acc === true
    JumpIfTrue(Jump) Read;
    /// if acc === false
    JumpIfFalse(Jump) Read;
    /// if ToBoolean(acc)
    JumpIfToBooleanTrue(Jump) Read;
    /// if !ToBoolean(acc)
    JumpIfToBooleanFalse(Jump) Read;
    /// if acc === null
    JumpIfNull(Jump) Read;
    /// if acc !== null
    JumpIfNotNull(Jump) Read;
    /// if acc === undefined
    JumpIfUndefined(Jump) Read;
    /// if acc !== undefined
    JumpIfNotUndefined(Jump) Read;
    /// if acc is undefined or null
    JumpIfUndefinedOrNull(Jump) Read;
    /// if acc is neither undefined nor null
    JumpIfNotUndefinedOrNull(Jump) Read;
    /// Dispatches on the int32 in acc: constants[table] maps values to
    /// jump offsets (relative to this instruction); falls through otherwise.
    SwitchOnSmi(Idx) Read;

    // ---- calls ---------------------------------------------------------
    /// acc = callee(args[0] as this, args[1..argc+1])
    Call(Reg, Reg, UImm, Slot) Write;
    /// acc = callee(...) with an undefined receiver; args holds only the
    /// arguments.
    CallUndefinedReceiver(Reg, Reg, UImm, Slot) Write;
    /// acc = callee() with receiver `recv`. The fixed-arity call forms
    /// name each argument's register, so locals are passed without
    /// copies into a contiguous list (as V8's CallProperty0..2).
    CallProperty0(Reg, Reg, Slot) Write;
    /// acc = callee(a0) with receiver `recv`.
    CallProperty1(Reg, Reg, Reg, Slot) Write;
    /// acc = callee(a0, a1) with receiver `recv`.
    CallProperty2(Reg, Reg, Reg, Reg, Slot) Write;
    /// acc = callee() with an undefined receiver.
    CallUndefinedReceiver0(Reg, Slot) Write;
    /// acc = callee(a0) with an undefined receiver.
    CallUndefinedReceiver1(Reg, Reg, Slot) Write;
    /// acc = callee(a0, a1) with an undefined receiver.
    CallUndefinedReceiver2(Reg, Reg, Reg, Slot) Write;
    /// As Call, the last argument being an iterable to spread.
    CallWithSpread(Reg, Reg, UImm, Slot) Write;
    /// acc = new callee(args...), new.target = acc on entry.
    Construct(Reg, Reg, UImm, Slot) ReadWrite;
    /// As Construct, the last argument spread.
    ConstructWithSpread(Reg, Reg, UImm, Slot) ReadWrite;
    /// acc = super(args...) in a derived constructor: the parent
    /// constructor is the home object's prototype's constructor,
    /// new.target is the current one.
    CallSuper(Reg, UImm, Slot) Write;
    /// As CallSuper with the last argument spread.
    CallSuperWithSpread(Reg, UImm, Slot) Write;
    /// acc = runtime function `id`(args...): helpers too rare for their
    /// own bytecode ([`RuntimeFunction`](crate::RuntimeFunction)).
    CallRuntime(UImm, Reg, UImm) Write;
    /// acc = result of a direct `eval(args...)`: evaluates in this scope if
    /// callee is the realm's eval, else a plain call.
    CallDirectEval(Reg, Reg, UImm, Slot) Write;

    // ---- functions, closures, `arguments`, `this` -----------------------
    /// acc = a new closure of the function constants[idx] over the current
    /// context.
    CreateClosure(Idx, Slot) Write;
    /// acc = a mapped (sloppy) arguments object: constants[names] (a
    /// `Constant::Scope`) lists the formal parameter names in order, and
    /// argument i aliases the current context's slot of that name (the
    /// last parameter of a duplicated name wins).
    CreateMappedArguments(Idx) Write;
    /// acc = an unmapped (strict) arguments object.
    CreateUnmappedArguments() Write;
    /// acc = an array of the arguments from formal index `from` on.
    CreateRestParameter(UImm) Write;
    /// Throws ReferenceError if acc is the hole: `this` before `super()`.
    ThrowSuperNotCalledIfHole() Read;
    /// Throws ReferenceError if acc is not the hole: `super()` twice.
    ThrowSuperAlreadyCalledIfNotHole() Read;

    // ---- literals ------------------------------------------------------
    /// acc = {} (with the realm's Object.prototype)
    CreateEmptyObjectLiteral() Write;
    /// acc = []
    CreateEmptyArrayLiteral(Slot) Write;
    /// array[index] = acc, for array literals: defines an element.
    StaInArrayLiteral(Reg, Reg, Slot) Read;
    /// acc = new RegExp(constants[pattern], constants[flags])
    CreateRegExpLiteral(Idx, Idx) Write;
    /// acc = the cached template object for constants[template]
    GetTemplateObject(Idx, Slot) Write;
    /// Copies own enumerable properties of acc into the object in reg
    /// (object spread `{...x}`), skipping the names in the excluded list
    /// when the count is non-zero (rest destructuring).
    CopyDataProperties(Reg, Reg, UImm) Read;

    // ---- iteration -----------------------------------------------------
    /// GetIterator(acc, sync): the iterator goes to reg, its `next` method
    /// to reg+1 (the iterator record); acc = the iterator.
    GetIterator(Reg, Slot) ReadWrite;
    /// As GetIterator, async (falls back to a sync iterator wrapped by
    /// CreateAsyncFromSyncIterator).
    GetAsyncIterator(Reg, Slot) ReadWrite;
    /// IteratorStep on the record at reg: calls reg+1 with this = reg;
    /// jumps when the result is done, else acc = its value.
    IteratorNext(Reg, Jump) Write;
    /// IteratorClose on the record at reg. The flag is 1 for a throw
    /// completion: errors from `return` are then ignored (acc is kept
    /// either way).
    IteratorClose(Reg, UImm) None;
    /// for-in: acc = an enumerator over acc's enumerable string keys.
    ForInEnumerate() ReadWrite;
    /// for-in step: the enumerator is in reg; jumps when done, else acc =
    /// the next key still present on the object.
    ForInNext(Reg, Jump) Write;

    // ---- classes -------------------------------------------------------
    /// ClassDefinitionEvaluation's core for constants[class_info]: the
    /// parent is in reg (the hole without `extends`); acc = the new
    /// constructor and reg+1 = its prototype object. The constructor's
    /// closure captures the current context.
    CreateClass(Idx, Reg) Write;
    /// Defines the closure in acc on the object in the first reg under the
    /// key in the second, and makes that object its home object. Flags:
    /// bits 0-1 kind (0 method, 1 getter, 2 setter), bit 2 enumerable
    /// (object literals) — class members are not.
    DefineMethod(Reg, Reg, UImm) Read;
    /// Sets the home object of the closure in acc to the object in reg.
    SetHomeObject(Reg) Read;
    /// acc = a new private name described by constants[name]
    CreatePrivateName(Idx) Write;
    /// acc = obj.#name (private name in reg)
    GetPrivateField(Reg, Reg) Write;
    /// obj.#name = acc (private name in reg)
    SetPrivateField(Reg, Reg) Read;
    /// Defines the private field #name (in reg) on obj = acc.
    DefinePrivateField(Reg, Reg) Read;

    // ---- generators and async -------------------------------------------
    /// Suspends the frame into the generator object in reg: saves its
    /// arguments, header and registers, to resume at the next instruction,
    /// and returns acc to the caller as Return does. Flags: 1 = acc is
    /// already an iterator result (`yield*` passes the inner one on).
    SuspendGenerator(Reg, UImm) Read;
    /// First instruction after a resume: acc = the value sent in, and the
    /// second reg = the resume mode (0 next, 1 return, 2 throw).
    ResumeGenerator(Reg, Reg) Write;
    /// `await acc` in the async function or async generator whose object is
    /// in reg: subscribes the frame to the promise for acc and suspends it;
    /// the caller gets the async function's promise. A ResumeGenerator
    /// follows.
    Await(Reg) ReadWrite;

    // ---- exceptions and exit -------------------------------------------
    /// throw acc
    Throw() Read;
    /// Rethrows acc without touching its stack (after finally).
    ReThrow() Read;
    /// return acc
    Return() Read;
    /// A debugger statement: stops if a debugger is attached.
    Debugger() None;
    /// Never emitted: decoding garbage stops here.
    Illegal() None;

    // ---- modules -------------------------------------------------------
    /// acc = module variable `i`: export cell `i` of the running module
    /// for `i >= 0`, its resolved import `-i - 1` for `i < 0`.
    LdaModuleVariable(Imm) Write;
    /// Export cell `i` of the running module = acc.
    StaModuleVariable(Imm) Read;

    // ---- dynamic scopes: `with` and direct eval ------------------------
    /// As LdaLookupSlot, for a call: reg = the `this` the binding gives
    /// (the `with` object it was found on, else undefined).
    LdaLookupSlotForCall(Idx, Reg) Write;
    /// acc = `delete name` through the scope chain (sloppy code): false
    /// for a declarative binding, else the object's [[Delete]].
    DeleteLookupSlot(Idx) Write;
    /// acc = the `with` object the name `constants[name]` resolves to
    /// through the scope chain, else undefined (ResolveBinding of an
    /// assignment target, before its right-hand side runs).
    ResolveLookupSlot(Idx) Write;
    /// As LdaLookupSlot, for a binding ResolveLookupSlot put in reg: a
    /// `with` object is read (GetBindingValue) without resolving again.
    LdaLookupSlotIn(Idx, Reg) Write;
    /// As StaLookupSlot, for a binding ResolveLookupSlot put in reg.
    StaLookupSlotIn(Idx, Reg, UImm) Read;
    /// acc = a `with` context whose binding object is acc (already an
    /// object), parent = current; `constants[scope]` describes it.
    CreateWithContext(Idx) ReadWrite;
    /// As CallDirectEval, in a function's parameter list: a `var` of the
    /// eval code that names a parameter (or `arguments`) is a SyntaxError.
    CallDirectEvalInParameters(Reg, Reg, UImm, Slot) Write;
}

impl Opcode {
    /// Decodes an opcode byte.
    #[inline]
    pub fn from_byte(b: u8) -> Option<Opcode> {
        ALL_OPCODES.get(b as usize).copied()
    }

    /// Whether this is a jump (its last `Jump` operand is a target).
    pub fn is_jump(self) -> bool {
        self.operands().contains(&OperandKind::Jump)
    }

    /// Whether control never falls through to the next instruction.
    pub fn is_terminator(self) -> bool {
        matches!(self, Opcode::Jump | Opcode::JumpLoop | Opcode::Throw | Opcode::ReThrow | Opcode::Return)
    }
}
