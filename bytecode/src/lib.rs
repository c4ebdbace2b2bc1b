//! Strata's bytecode: what the generator produces from the AST and every
//! tier consumes.
//!
//! - `opcodes.rs`: the instruction table (one line per instruction);
//! - `operand.rs`: operand kinds, widths, and frame [`Register`]s;
//! - `encoding.rs`: encoding and decoding;
//! - `builder.rs`: emitting code with labels, constants and slots;
//! - `function.rs`: [`BytecodeFunction`], plain `Send` data;
//! - `module.rs`: [`ModuleInfo`], a module's requests, imports and exports;
//! - `printer.rs`: `--print-bytecode`;
//! - `runtime.rs`: the [`RuntimeFunction`] table behind `CallRuntime`;
//! - `verify.rs`: the link-time checks the interpreter relies on;
//! - `generator/`: the AST → bytecode generator ([`generator::compile_script`]).

mod builder;
mod encoding;
mod function;
mod module;
pub mod generator;
mod opcodes;
mod operand;
mod printer;
mod runtime;
mod verify;

pub use builder::{BuiltCode, BytecodeBuilder, Label};
pub use encoding::{Instruction, MAX_OPERANDS, decode, encode, instructions, jump_operand_at, operand_at, read_operand, scaled_len, unprefixed_lengths};
pub use function::{
    BytecodeFunction, ClassInfo, Constant, FeedbackSlotKind, FunctionKind, GlobalDeclarations, HandlerEntry, ScopeInfo, SourcePosition,
    TemplateInfo,
};
pub use module::{ExportTarget, ImportEntry, IndirectExport, LocalExport, ModuleInfo, ModuleRequest};
pub use opcodes::{ALL_OPCODES, AccUse, Opcode};
pub use operand::{OperandKind, OperandScale, Register};
pub use printer::{LineColumn, format_instruction, print_function};
pub use runtime::{RESUME_NEXT, RESUME_RETURN, RESUME_THROW, RuntimeFunction};
pub use verify::verify;
