//! Execution tiers: the interface the baseline and optimizing JITs
//! implement, registered at start-up by the `strata` command, so the vm
//! never depends on machine code. The interpreter is the first tier.
//!
//! A tier is asked to `compile` a function when the tiering policy
//! (invocation and back-edge budgets in the feedback vector) decides it is
//! hot, and to `enter` a frame that is already pushed on the register
//! file (the frame layout is shared: `frame.rs`), so control can move
//! between tiers at calls and, with OSR, at loop headers.

use strata_gc::Gc;

use crate::function::SharedFunction;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// The tiers, lowest first.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
pub enum TierKind {
    /// The bytecode interpreter.
    Interpreter,
    /// One template per bytecode (the baseline JIT issue).
    Baseline,
    /// Speculative SSA compiler (the optimizing JIT issue).
    Optimizing,
}

impl TierKind {
    /// The name `--tier=` and `--trace-tier` use.
    pub fn name(self) -> &'static str {
        match self {
            TierKind::Interpreter => "interp",
            TierKind::Baseline => "baseline",
            TierKind::Optimizing => "opt",
        }
    }
    /// Parses a `--tier=` value.
    pub fn from_name(s: &str) -> Option<TierKind> {
        [TierKind::Interpreter, TierKind::Baseline, TierKind::Optimizing].into_iter().find(|t| t.name() == s)
    }
}

/// Why a compile request was declined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileDeclined(pub String);

/// An execution tier.
pub trait Tier {
    /// Which tier this is.
    fn kind(&self) -> TierKind;
    /// Makes `shared` runnable in this tier (compiles it); a declined
    /// request leaves the function in its current tier.
    fn compile(&mut self, vm: &mut Vm, shared: Gc<SharedFunction>) -> Result<(), CompileDeclined>;
    /// Whether `shared` has code for this tier.
    fn has_code(&self, shared: Gc<SharedFunction>) -> bool;
    /// Runs the pushed frame at `fp` to completion in this tier.
    fn enter(&mut self, vm: &mut Vm, fp: isize) -> JsResult<Value>;
    /// `--stats` lines: (key, value).
    fn report(&self) -> Vec<(String, String)>;
}

/// The interpreter as a tier: every function has its "code" (bytecode).
#[derive(Default)]
pub struct InterpreterTier;

impl Tier for InterpreterTier {
    fn kind(&self) -> TierKind {
        TierKind::Interpreter
    }
    fn compile(&mut self, _vm: &mut Vm, _shared: Gc<SharedFunction>) -> Result<(), CompileDeclined> {
        Ok(())
    }
    fn has_code(&self, _shared: Gc<SharedFunction>) -> bool {
        true
    }
    fn enter(&mut self, vm: &mut Vm, fp: isize) -> JsResult<Value> {
        vm.run(fp)
    }
    fn report(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}
