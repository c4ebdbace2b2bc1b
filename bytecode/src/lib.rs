//! Strata's bytecode: what the generator produces from the AST and every
//! tier consumes.
//!
//! - `opcodes.rs`: the instruction table (one line per instruction);
//! - `operand.rs`: operand kinds, widths, and frame [`Register`]s;
//! - `encoding.rs`: encoding and decoding;
//! - `builder.rs`: emitting code with labels, constants and slots;
//! - `function.rs`: [`BytecodeFunction`], plain `Send` data;
//! - `printer.rs`: `--print-bytecode`;
//! - `runtime.rs`: the [`RuntimeFunction`] table behind `CallRuntime`;
//! - `generator/`: the AST → bytecode generator ([`generator::compile_script`]).

mod builder;
mod encoding;
mod function;
pub mod generator;
mod opcodes;
mod operand;
mod printer;
mod runtime;

pub use builder::{BuiltCode, BytecodeBuilder, Label};
pub use encoding::{Instruction, MAX_OPERANDS, decode, encode, instructions, read_operand};
pub use function::{
    BytecodeFunction, ClassInfo, Constant, FeedbackSlotKind, FunctionKind, GlobalDeclarations, HandlerEntry, ScopeInfo, SourcePosition,
    TemplateInfo,
};
pub use opcodes::{ALL_OPCODES, AccUse, Opcode};
pub use operand::{OperandKind, OperandScale, Register};
pub use printer::{LineColumn, print_function};
pub use runtime::RuntimeFunction;
