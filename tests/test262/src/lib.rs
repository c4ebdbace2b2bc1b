//! Strata's test262 runner and the `$262` host object.
//!
//! ```text
//! discover ──jobs (path, mode)──▶ pool (supervisor) ══pipes══▶ worker processes
//!    │                               │                          └─ execute: fresh Vm per run,
//!    │                               │                             harness + test, verdict
//!    ▼                               ▼
//! metadata (front matter)      report (tables, JSON) · ratchet (expectations.txt)
//! ```
//!
//! Files: `metadata.rs` (front matter, modes), `discover.rs` (which runs
//! count), `host.rs` (`$262`), `execute.rs` (one run in one VM),
//! `outcome.rs` (verdicts and the worker protocol), `worker.rs` (the worker
//! process), `pool.rs` (the supervisor), `report.rs`, `ratchet.rs`,
//! `progress.rs`, `flags.rs`.
//!
//! The `strata` shell's `--expose-test262` calls [`install_test262`].

pub mod discover;
pub mod execute;
pub mod flags;
pub mod metadata;
pub mod outcome;
pub mod pool;
pub mod progress;
pub mod ratchet;
pub mod report;
pub mod worker;

pub use strata_runtime::install_test262;
