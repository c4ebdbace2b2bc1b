//! Strata's VM: values and the object model, builtins and realms, the
//! bytecode interpreter with its feedback vectors, and the `Tier` interface
//! the JITs plug into.
//!
//! Pipeline position: the frontend parses and resolves scopes, the bytecode
//! generator produces `BytecodeFunction`s (plain data); [`Vm`] links them
//! into the heap (`SharedFunction`), creates closures and runs them in the
//! interpreter (`interpreter/`), which records feedback for the JITs.
//!
//! Files: `value.rs` (NaN-boxing), `string.rs`, `bigint.rs` (with its operators in `bigint_ops.rs`), `symbol.rs`, `property.rs`,
//! `shape.rs`, `object.rs` (storage), `object_ops.rs` (internal methods),
//! `proxy.rs` (the Proxy exotic object's internal methods),
//! `function.rs`, `context.rs`, `feedback.rs`, `realm.rs`, `vm.rs`,
//! `frame.rs` (the frame layout), `stack.rs` (register file), `error.rs`,
//! `conversions.rs`, `number_conv.rs`, `script.rs` (running source),
//! `tier.rs`, `jobs.rs` (the microtask queue), `builtins/`.

pub mod bigint;
pub mod bigint_ops;
pub mod builtins;
pub mod context;
pub mod conversions;
pub mod error;
pub mod feedback;
pub mod frame;
pub mod function;
pub mod ic;
pub mod interpreter;
pub mod jit;
pub mod jobs;
pub mod module;
pub mod number_conv;
pub mod object;
pub mod object_ops;
pub mod property;
pub mod proxy;
pub mod realm;
pub mod script;
pub mod shape;
pub mod stack;
pub mod string;
pub mod symbol;
pub mod tier;
pub mod value;
pub mod vm;

pub use error::ErrorKind;
pub use script::ScriptOptions;
pub use value::Value;
pub use vm::{Exception, JsResult, Vm, VmOptions};
