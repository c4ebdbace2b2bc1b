//! Host I/O below the JavaScript surface: file-system operations as plain
//! data (`ops.rs`), the worker pool that runs them off the main thread
//! (`pool.rs`), Node's error codes (`errno.rs`) and text encodings
//! (`encoding.rs`). The JavaScript API over them is `fs.rs`; the event
//! table that tracks what is in flight is in `event_loop/mod.rs`.

pub mod encoding;
pub mod errno;
pub mod ops;
pub mod pool;
