//! Strata's runtime: what turns the engine into a program that runs
//! scripts — the engine plus host APIs, the event loop and its callback
//! queues.
//!
//! | file | what |
//! |---|---|
//! | `engine.rs` | the embedding API ([`Engine`]) |
//! | `shell.rs` | the shell globals, compatible with d8 and jsc (`print`, `load`, `read`, …) |
//! | `host.rs` | one VM's host state: permissions, event loop, kept objects |
//! | `event_loop/` | the loop: phases, timer heap, event table, microtask checkpoints, unhandled rejections, `--trace-event-loop` |
//! | `timers.rs` | `setTimeout`, `setInterval`, `setImmediate` and the `clear*` functions |
//! | `io/` | host I/O as plain data: operations, the worker pool, errno names, encodings |
//! | `fs.rs` | `node:fs/promises` over `io/` |
//! | `modules.rs` | `require` for the built-in modules |
//! | `permissions.rs` | `--allow-write`, `--deny-read`, `--sandbox` (Deno's model) |
//! | `node_errors.rs` | errors in Node's shapes (`ERR_*` codes, `NotCapable`) |
//! | `test262.rs` | test262's `$262` |
//!
//! The classic picture — call stack, event table, callback queue,
//! microtask queue, event loop — and where each piece lives is drawn in
//! `event_loop/mod.rs`.

pub mod agent;
pub mod engine;
pub mod event_loop;
pub mod fs;
pub mod host;
pub mod io;
pub mod modules;
pub mod node_errors;
pub mod permissions;
pub mod shell;
pub mod test262;
pub mod timers;

pub use engine::{Engine, EngineOptions, Error};
pub use host::{Host, HostOptions};
pub use permissions::Permissions;
pub use shell::{ShellOptions, install_host, install_shell};
pub use strata_vm::Value;
pub use test262::install_test262;
