//! The bytecode generator: the frontend's AST and scope analysis in, one
//! [`BytecodeFunction`] per function-like unit out.
//!
//! ```text
//! ParsedSource (oxc AST + ScopeAnalysis) ──compile_script──▶ Script function
//!      │                                            (nested functions and class
//!      └─ every reference already resolved           constructors in its constant
//!         to a register / context slot / global)     pool, recursively)
//! ```
//!
//! The generator never resolves a name itself: it asks the analysis where
//! each binding lives (`Storage`) and how each use reaches it
//! (`Resolution`), and pushes a runtime context for exactly the scopes the
//! analysis marks `needs_context`, so context depths line up.
//!
//! Files, by concern:
//! - `mod.rs` (this): entry point, the compile thread, per-function state
//!   ([`Gen`]), the register allocator and emission helpers;
//! - `scope.rs`: loads and stores of bindings, contexts, TDZ, scope entry;
//! - `functions.rs`: one unit's prologue (contexts, `arguments`,
//!   parameters, hoisted functions) and body; the script top level;
//! - `statements.rs`, `control_flow.rs`, `loops.rs`: statements, jumps
//!   through `finally`, try/catch/finally, switch, labels and loops;
//! - `expressions.rs`, `calls.rs`, `assignments.rs`, `destructuring.rs`,
//!   `literals.rs`, `classes.rs`: expressions.
//!
//! Invariants: registers `r0..register_count` of a unit hold the
//! analysis' register bindings (simple parameters are read from their
//! argument slots instead); temporaries are allocated above them in stack
//! order and released by the construct that allocated them. Every
//! instruction that can throw or call records a source position (a byte
//! offset into the caller's source). Deep nesting cannot overflow the
//! native stack: the compile runs on a thread whose stack is sized from
//! the source's nesting bound, and every recursive entry point checks the
//! stack actually used, reporting a `SyntaxError` past the limit.

mod assignments;
mod calls;
mod classes;
mod control_flow;
mod destructuring;
mod expressions;
mod functions;
mod generators;
mod literals;
mod loops;
mod modules;
mod scope;
mod statements;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use strata_frontend::{BindingId, FunctionId, FunctionInfo, ParsedSource, ReferenceId, ScopeAnalysis, ScopeId, SyntaxError};

use crate::builder::{BytecodeBuilder, Label};
use crate::function::{BytecodeFunction, Constant, FeedbackSlotKind, FunctionKind};
use crate::module::ModuleInfo;
use crate::opcodes::Opcode;
use crate::operand::Register;

pub(crate) use control_flow::Control;

/// Compiles the script `parsed` (parsed with `Goal::Script`) into its
/// top-level function; `script` is the vm's index of the source, recorded
/// in every function.
///
/// Nested functions become `Constant::Function`s and class constructors
/// `Constant::Class`es of their enclosing function. Fails only for
/// constructs the generator does not support and for nesting too deep for
/// the compile thread's stack, never by panicking or overflowing.
pub fn compile_script(parsed: &ParsedSource<'_>, script: u32) -> Result<Arc<BytecodeFunction>, SyntaxError> {
    on_compile_thread(parsed, script, functions::compile_script_unit)
}

/// Compiles the module `parsed` (parsed with `Goal::Module`) into its
/// top-level function and its static record (requests, imports,
/// exports); see `modules.rs` for the function's shape.
pub fn compile_module(parsed: &ParsedSource<'_>, script: u32) -> Result<(Arc<BytecodeFunction>, ModuleInfo), SyntaxError> {
    on_compile_thread(parsed, script, modules::compile_module_unit)
}

/// Runs `compile` with a stack sized from the source's nesting bound: on
/// the calling thread when its stack has that much room left (an `eval`
/// or `new Function` then costs no thread), else on a fresh thread; the
/// first error recorded wins over its result.
fn on_compile_thread<T: Send>(
    parsed: &ParsedSource<'_>,
    script: u32,
    compile: fn(&Ctx<'_, '_>) -> T,
) -> Result<T, SyntaxError> {
    let stack_bytes = stack_size(parsed.nesting_bound());
    let run = |parsed: &ParsedSource<'_>| {
        let marker = 0u8;
        let stack_start = &marker as *const u8 as usize;
        let ctx = Ctx::new(parsed, script, stack_start, stack_bytes.saturating_sub(STACK_MARGIN));
        let code = compile(&ctx);
        match ctx.error.into_inner() {
            Some(error) => Err(error),
            None => Ok(code),
        }
    };
    let outcome = if strata_frontend::stack_room() >= stack_bytes.saturating_add(STACK_MARGIN) {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(parsed))).map_err(generator_panic)
    } else {
        let job = AssertSend(parsed);
        std::thread::scope(|scope| {
            match std::thread::Builder::new()
                .name("strata-bytecode".to_string())
                .stack_size(stack_bytes)
                .spawn_scoped(scope, move || run(job.into_inner()))
            {
                Ok(handle) => handle.join().map_err(generator_panic),
                Err(error) => Err(format!("cannot start the bytecode generator thread: {error}")),
            }
        })
    };
    match outcome {
        Ok(result) => result,
        Err(message) => Err(syntax_error(parsed, message, 0)),
    }
}

/// The message of a caught generator panic.
fn generator_panic(payload: Box<dyn std::any::Any + Send>) -> String {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    format!("internal bytecode generator error: {detail}")
}

/// Stack reserved per level of the frontend's nesting bound. The deepest
/// recursion between two [`Gen::enter_nesting`] checks takes a few frames
/// (expression → call → arguments → expression), a few KiB in debug builds.
const BYTES_PER_LEVEL: u64 = 16 * 1024;
/// Stack for everything that does not scale with nesting.
const BASE_STACK: u64 = 16 << 20;
/// The largest stack reserved (virtual memory: only what is touched is
/// committed).
const MAX_STACK: u64 = 1 << 30;
/// Headroom kept below the stack's end when checking the depth.
const STACK_MARGIN: usize = 2 << 20;

fn stack_size(nesting_bound: u64) -> usize {
    let bytes = nesting_bound.saturating_mul(BYTES_PER_LEVEL).saturating_add(BASE_STACK).min(MAX_STACK);
    usize::try_from(bytes).unwrap_or(usize::MAX)
}

/// Lets the parsed source cross to the compile thread.
struct AssertSend<T>(T);

// SAFETY: the `ParsedSource` reference (whose AST uses `Cell`s and borrows
// an arena, so it is neither `Sync` nor `Send`) only crosses to the thread
// `compile_script` spawns, while the calling thread is blocked in `join`
// for that thread's whole life: the source is used by one thread at a
// time and nothing is shared concurrently, so the `Send` contract holds.
unsafe impl<T> Send for AssertSend<T> {}

impl<T> AssertSend<T> {
    fn into_inner(self) -> T {
        self.0
    }
}

/// A `SyntaxError` at a span offset of the parsed text.
fn syntax_error(parsed: &ParsedSource<'_>, message: String, offset: u32) -> SyntaxError {
    let location = parsed.location(offset);
    SyntaxError { message, path: parsed.path.clone(), line: location.line, column: location.column, offset: location.offset }
}

/// What every function's generator shares: the parsed source, the
/// analysis, the first error, and the stack budget.
pub(crate) struct Ctx<'p, 'a> {
    pub(crate) parsed: &'p ParsedSource<'a>,
    pub(crate) scopes: &'p ScopeAnalysis,
    pub(crate) script: u32,
    error: RefCell<Option<SyntaxError>>,
    stack_start: usize,
    stack_limit: usize,
    /// Bindings some use reads with a TDZ check: only those need an
    /// explicit hole when they live in a register.
    tdz_bindings: HashSet<BindingId>,
    /// Module code: how imports are numbered (shared by every function
    /// of the module).
    pub(crate) module: RefCell<modules::ModuleTables>,
}

impl<'p, 'a> Ctx<'p, 'a> {
    fn new(parsed: &'p ParsedSource<'a>, script: u32, stack_start: usize, stack_limit: usize) -> Self {
        let scopes = &parsed.scopes;
        let mut tdz_bindings = HashSet::new();
        for index in 0..parsed.semantic.scoping().references_len() {
            if let Some(info) = scopes.reference(ReferenceId::new(index))
                && info.tdz_check
                && let Some(binding) = info.binding
            {
                tdz_bindings.insert(binding);
            }
        }
        Ctx {
            parsed,
            scopes,
            script,
            error: RefCell::new(None),
            stack_start,
            stack_limit,
            tdz_bindings,
            module: RefCell::new(modules::ModuleTables::default()),
        }
    }

    /// Records the first error (later ones are consequences).
    pub(crate) fn fail(&self, message: impl Into<String>, offset: u32) {
        let mut error = self.error.borrow_mut();
        if error.is_none() {
            *error = Some(syntax_error(self.parsed, message.into(), offset));
        }
    }

    pub(crate) fn failed(&self) -> bool {
        self.error.borrow().is_some()
    }

    /// Whether `binding` is ever read with a TDZ check.
    pub(crate) fn needs_hole(&self, binding: BindingId) -> bool {
        self.tdz_bindings.contains(&binding)
    }

    /// A span offset (parsed text) as a byte offset into the caller's source.
    pub(crate) fn source_offset(&self, offset: u32) -> u32 {
        self.parsed.source_offset(offset)
    }
}

/// Register allocation: the unit's binding registers, then temporaries in
/// stack order.
#[derive(Debug)]
pub(crate) struct Registers {
    next: u32,
    max: u32,
}

impl Registers {
    fn new(locals: u32) -> Self {
        Registers { next: locals, max: locals }
    }
}

/// A point of the temporary stack to release back to.
#[derive(Copy, Clone, Debug)]
pub(crate) struct RegMark(u32);

/// The generator of one function-like unit.
pub(crate) struct Gen<'c, 'p, 'a> {
    pub(crate) ctx: &'c Ctx<'p, 'a>,
    /// The unit, when the analysis knows it (synthesized functions such as
    /// default constructors have none).
    pub(crate) unit: Option<FunctionId>,
    pub(crate) b: BytecodeBuilder,
    pub(crate) regs: Registers,
    /// Analysis register → frame register, for simple parameters read in
    /// place from their argument slots.
    pub(crate) param_registers: HashMap<u32, Register>,
    /// Breakable statements, contexts to pop and `finally` blocks between
    /// the code being generated and the function's exit.
    pub(crate) control: Vec<Control<'a>>,
    scope_constants: HashMap<ScopeId, u32>,
    /// The script's completion value (top-level code only).
    pub(crate) completion: Option<Register>,
    /// Sloppy direct eval code: the caller's context, from which Annex B
    /// function stores reach the variable scope by name (past the eval
    /// code's own blocks, whose bindings of the name would answer first).
    pub(crate) eval_var_context: Option<Register>,
    /// Compiling the formal parameters: a direct eval there uses
    /// CallDirectEvalInParameters.
    pub(crate) in_parameters: bool,
    /// The scope whose context is current where code is being generated.
    pub(crate) current_scope: Option<ScopeId>,
    pub(crate) strict: bool,
    pub(crate) kind: FunctionKind,
    /// Labels of the innermost optional chains (`a?.b`): where a nullish
    /// link short-circuits to.
    pub(crate) chain_exits: Vec<Label>,
    /// Index of the nested function computing the global `this` value.
    global_this_fn: Option<u32>,
    last_op: Option<Opcode>,
    /// The register the last instruction stored acc to (`Star`), when
    /// nothing since could have changed either: a following `Ldar` of it
    /// is redundant.
    last_star: Option<Register>,
    /// Where the value being destructured came from: errors about it (not
    /// iterable, null) point there, as in V8. Taken by the next pattern.
    pub(crate) value_offset: Option<u32>,
    /// A derived constructor's single `Return` (label and value register):
    /// its checks can throw, and that error must not be caught by a `try`
    /// around the `return` statement, so every return jumps here, outside
    /// all handler ranges.
    pub(crate) derived_return: Option<(Label, Register)>,
    /// The register holding the generator or async function object of a
    /// generator, async function or async generator (what its frame is
    /// saved into when it suspends).
    pub(crate) generator: Option<Register>,
    /// Whether an `Await` was emitted (a module's top-level await).
    pub(crate) awaits: bool,
}

impl<'c, 'p, 'a> Gen<'c, 'p, 'a> {
    pub(crate) fn new(ctx: &'c Ctx<'p, 'a>, unit: Option<FunctionId>, kind: FunctionKind, strict: bool) -> Self {
        let locals = unit.and_then(|u| ctx.scopes.function(u)).map_or(0, |info| info.register_count);
        let current_scope = unit.and_then(|u| ctx.scopes.function(u)).map(|info| info.scope);
        Gen {
            ctx,
            unit,
            b: BytecodeBuilder::new(),
            regs: Registers::new(locals),
            param_registers: HashMap::new(),
            control: Vec::new(),
            scope_constants: HashMap::new(),
            completion: None,
            eval_var_context: None,
            in_parameters: false,
            current_scope,
            strict,
            kind,
            chain_exits: Vec::new(),
            global_this_fn: None,
            last_op: None,
            last_star: None,
            value_offset: None,
            derived_return: None,
            generator: None,
            awaits: false,
        }
    }

    /// The analysis' record of the unit being compiled.
    pub(crate) fn info(&self) -> Option<&'p FunctionInfo> {
        self.unit.and_then(|u| self.ctx.scopes.function(u))
    }

    // ---- errors and nesting ------------------------------------------------

    /// Checks the native stack before recursing into a nested construct at
    /// `offset`; false (and a recorded error) when it is nearly used up or
    /// an error already stopped the compile.
    pub(crate) fn enter_nesting(&self, offset: u32) -> bool {
        if self.ctx.failed() {
            return false;
        }
        let marker = 0u8;
        let here = &marker as *const u8 as usize;
        if self.ctx.stack_start.saturating_sub(here) > self.ctx.stack_limit {
            self.ctx.fail("source nests too deeply to compile", offset);
            return false;
        }
        true
    }

    pub(crate) fn fail(&self, message: impl Into<String>, offset: u32) {
        self.ctx.fail(message, offset);
    }

    // ---- registers -----------------------------------------------------------

    /// A new temporary.
    pub(crate) fn temp(&mut self) -> Register {
        self.temps(1)
    }

    /// `n` contiguous temporaries; returns the first.
    pub(crate) fn temps(&mut self, n: u32) -> Register {
        let first = self.regs.next;
        self.regs.next += n;
        self.regs.max = self.regs.max.max(self.regs.next);
        Register::local(first)
    }

    /// The register the next [`Gen::temp`] returns.
    pub(crate) fn next_register(&self) -> Register {
        Register::local(self.regs.next)
    }

    pub(crate) fn mark(&self) -> RegMark {
        RegMark(self.regs.next)
    }

    pub(crate) fn release(&mut self, mark: RegMark) {
        self.regs.next = mark.0;
    }

    /// The frame register holding the analysis' register `n`.
    pub(crate) fn local(&self, n: u32) -> Register {
        self.param_registers.get(&n).copied().unwrap_or(Register::local(n))
    }

    // ---- emission --------------------------------------------------------------

    /// The offset of the first character at or after `from` (forward) or
    /// before `from` (backward) that is not whitespace: where an operator
    /// between two spans starts (`=` of an assignment, `[` of a member).
    pub(crate) fn token_near(&self, from: u32, forward: bool) -> u32 {
        let text = self.ctx.parsed.text().as_bytes();
        let mut i = from as usize;
        if forward {
            while i < text.len() && text[i].is_ascii_whitespace() {
                i += 1;
            }
            i.min(text.len()) as u32
        } else {
            while i > 0 && text[i - 1].is_ascii_whitespace() {
                i -= 1;
            }
            i.saturating_sub(1) as u32
        }
    }

    /// Records that the next instruction comes from span offset `offset`.
    pub(crate) fn pos(&mut self, offset: u32) {
        let source = self.ctx.source_offset(offset);
        self.b.set_position(source);
    }

    pub(crate) fn emit(&mut self, op: Opcode, operands: &[i64]) {
        self.awaits |= op == Opcode::Await;
        self.b.emit(op, operands);
        self.last_op = Some(op);
        self.last_star = None;
    }

    /// Emits `op` with a fresh feedback slot appended to `operands`.
    pub(crate) fn emit_slot(&mut self, op: Opcode, operands: &[i64]) {
        let slot = self.b.add_slot(slot_kind(op)) as i64;
        let mut all = operands.to_vec();
        all.push(slot);
        self.emit(op, &all);
    }

    pub(crate) fn emit_jump(&mut self, op: Opcode, label: Label) {
        self.b.emit_jump(op, &[], label);
        self.last_op = Some(op);
        self.last_star = None;
    }

    /// A jump-carrying instruction with other operands (IteratorNext, …).
    pub(crate) fn emit_jump_with(&mut self, op: Opcode, operands: &[i64], label: Label) {
        self.b.emit_jump(op, operands, label);
        self.last_op = Some(op);
        self.last_star = None;
    }

    /// The back edge of a loop, with its own feedback slot.
    pub(crate) fn emit_jump_loop(&mut self, label: Label) {
        let slot = self.b.add_slot(FeedbackSlotKind::Loop) as i64;
        self.emit_jump_with(Opcode::JumpLoop, &[slot], label);
    }

    pub(crate) fn new_label(&mut self) -> Label {
        self.b.new_label()
    }

    pub(crate) fn bind(&mut self, label: Label) {
        self.b.bind(label);
        self.last_op = None;
        self.last_star = None;
    }

    /// Whether control cannot reach the next instruction emitted.
    pub(crate) fn is_dead(&self) -> bool {
        self.last_op.is_some_and(|op| op.is_terminator())
    }

    pub(crate) fn ldar(&mut self, r: Register) {
        if self.last_star == Some(r) {
            return;
        }
        self.emit(Opcode::Ldar, &[r.0 as i64]);
    }

    pub(crate) fn star(&mut self, r: Register) {
        self.emit(Opcode::Star, &[r.0 as i64]);
        self.last_star = Some(r);
    }

    pub(crate) fn mov(&mut self, from: Register, to: Register) {
        if from != to {
            self.emit(Opcode::Mov, &[from.0 as i64, to.0 as i64]);
        }
    }

    /// Adds a string constant from UTF-16 units.
    pub(crate) fn string_units(&mut self, units: Vec<u16>) -> u32 {
        self.b.add_constant(Constant::String(units.into_boxed_slice()))
    }

    /// Adds a string constant.
    pub(crate) fn string(&mut self, s: &str) -> u32 {
        self.b.add_string(s)
    }

    /// acc = a number.
    pub(crate) fn lda_number(&mut self, n: f64) {
        if n == 0.0 && n.is_sign_positive() {
            self.emit(Opcode::LdaZero, &[]);
        } else if n.fract() == 0.0 && n >= i32::MIN as f64 && n <= i32::MAX as f64 && !(n == 0.0 && n.is_sign_negative()) {
            self.emit(Opcode::LdaSmi, &[n as i64]);
        } else {
            let idx = self.b.add_constant(Constant::Number(n));
            self.emit(Opcode::LdaConstant, &[idx as i64]);
        }
    }

    /// acc = a string.
    pub(crate) fn lda_string(&mut self, s: &str) {
        let idx = self.string(s);
        self.emit(Opcode::LdaConstant, &[idx as i64]);
    }

    /// Calls runtime function `f` with arguments in registers `args..`.
    pub(crate) fn call_runtime(&mut self, f: crate::runtime::RuntimeFunction, args: Register, argc: u32) {
        self.emit(Opcode::CallRuntime, &[f as u32 as i64, args.0 as i64, argc as i64]);
    }

    /// Throws an error of the runtime function's type with `message`.
    pub(crate) fn throw_error(&mut self, f: crate::runtime::RuntimeFunction, message: &str) {
        let m = self.mark();
        let r = self.temp();
        self.lda_string(message);
        self.star(r);
        self.call_runtime(f, r, 1);
        self.release(m);
    }

    /// The constant-pool index of the context layout of `scope`.
    pub(crate) fn scope_constant(&mut self, scope: ScopeId) -> u32 {
        if let Some(&idx) = self.scope_constants.get(&scope) {
            return idx;
        }
        let info = scope::context_layout(self.ctx.scopes, scope);
        let idx = self.b.add_constant(Constant::Scope(Arc::new(info)));
        self.scope_constants.insert(scope, idx);
        idx
    }

    /// The constant index of the function computing the global `this`
    /// (see `expressions.rs`).
    pub(crate) fn global_this_function(&mut self) -> u32 {
        if let Some(idx) = self.global_this_fn {
            return idx;
        }
        let f = functions::global_this_getter(self.ctx);
        let idx = self.b.add_constant(Constant::Function(f));
        self.global_this_fn = Some(idx);
        idx
    }

    /// Finishes the unit into a `BytecodeFunction`.
    pub(crate) fn finish(self, header: FunctionHeader) -> Arc<BytecodeFunction> {
        let register_count = self.regs.max;
        let built = self.b.finish();
        Arc::new(BytecodeFunction {
            name: header.name.into_boxed_slice(),
            kind: self.kind,
            strict: self.strict,
            length: header.length,
            param_count: header.param_count,
            register_count,
            code: built.code,
            constants: built.constants,
            handlers: built.handlers,
            positions: built.positions,
            feedback: built.feedback,
            source_start: self.ctx.source_offset(header.span_start),
            source_end: self.ctx.source_offset(header.span_end),
            script: self.ctx.script,
        })
    }
}

/// What a compiled function reports about itself besides its code.
pub(crate) struct FunctionHeader {
    pub(crate) name: Vec<u16>,
    pub(crate) length: u32,
    pub(crate) param_count: u32,
    /// Span of the function text (parsed-text offsets).
    pub(crate) span_start: u32,
    pub(crate) span_end: u32,
}

/// The feedback slot kind an instruction's `Slot` operand records.
fn slot_kind(op: Opcode) -> FeedbackSlotKind {
    use FeedbackSlotKind as K;
    use Opcode::*;
    match op {
        GetNamedProperty | GetNamedSuperProperty => K::LoadProperty,
        GetKeyedProperty | GetKeyedSuperProperty => K::LoadKeyed,
        SetNamedProperty => K::StoreProperty,
        SetKeyedProperty | SetKeyedSuperProperty => K::StoreKeyed,
        DefineNamedOwnProperty | DefineKeyedOwnProperty | StaInArrayLiteral => K::DefineOwn,
        LdaGlobal | LdaGlobalInsideTypeof => K::LoadGlobal,
        StaGlobal => K::StoreGlobal,
        Call | CallUndefinedReceiver | CallWithSpread | CallDirectEval | CallDirectEvalInParameters | CallProperty0 | CallProperty1 | CallProperty2
        | CallUndefinedReceiver0 | CallUndefinedReceiver1 | CallUndefinedReceiver2 => K::Call,
        Construct | ConstructWithSpread | CallSuper | CallSuperWithSpread => K::Construct,
        Add | Sub | Mul | Div | Mod | Exp | BitwiseOr | BitwiseXor | BitwiseAnd | ShiftLeft | ShiftRight
        | ShiftRightLogical | AddSmi | SubSmi => K::BinaryOp,
        Inc | Dec | Negate | BitwiseNot | ToNumeric | ToNumber => K::UnaryOp,
        TestEqual | TestEqualStrict | TestLessThan | TestGreaterThan | TestLessThanOrEqual | TestGreaterThanOrEqual => {
            K::CompareOp
        }
        TestInstanceOf => K::InstanceOf,
        TestIn => K::In,
        JumpLoop => K::Loop,
        CreateClosure => K::Closure,
        CreateEmptyArrayLiteral => K::Literal,
        GetTemplateObject => K::Template,
        GetIterator | GetAsyncIterator => K::Iterator,
        _ => K::BinaryOp,
    }
}

/// UTF-16 units of a Rust string.
pub(crate) fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}
