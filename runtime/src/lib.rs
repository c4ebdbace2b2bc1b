//! Strata's runtime: what turns the engine into a program that runs
//! scripts. So far, the shell's host globals (`shell.rs`), compatible with
//! d8 and jsc so existing harnesses run unchanged, and test262's `$262`
//! (`test262.rs`). The event loop, timers,
//! host I/O and permissions arrive with the runtime issue.

pub mod engine;
pub mod shell;
pub mod test262;

pub use engine::{Engine, EngineOptions, Error};
pub use shell::{ShellOptions, install_shell};
pub use strata_vm::Value;
pub use test262::install_test262;
