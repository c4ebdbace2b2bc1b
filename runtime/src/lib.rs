//! Strata's runtime: what turns the engine into a program that runs
//! scripts. So far, the shell's host globals (`shell.rs`), compatible with
//! d8 and jsc so existing harnesses run unchanged, and test262's `$262`
//! (`test262.rs`). The event loop, timers,
//! host I/O and permissions arrive with the runtime issue.

pub mod shell;
pub mod test262;

pub use shell::{ShellOptions, install_shell};
pub use test262::install_test262;
