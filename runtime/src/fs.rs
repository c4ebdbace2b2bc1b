//! `node:fs/promises`: file-system functions under Node's names that
//! return promises. Each call runs in three steps (V8's prepare / execute /
//! finalize split):
//!
//! 1. **prepare** (main thread, inside the call): validate the arguments
//!    as Node does, check the permissions (`permissions.rs`), build a
//!    plain-data [`FsOp`] and enter it in the event table with a new
//!    promise ([`crate::event_loop::EventLoop::start_io`]). A bad argument
//!    or a refused access rejects the promise at once.
//! 2. **execute** (a worker thread, `io/pool.rs`): the blocking system
//!    calls.
//! 3. **finalize** (main thread, the loop's poll phase): [`settle`] turns
//!    the result into a value — a string, an array, a `Stats` — or a Node
//!    system error (`ENOENT: no such file or directory, open '/x'`, with
//!    `errno`, `code`, `syscall`, `path`) and settles the promise.
//!
//! What there is: `readFile`, `writeFile`, `appendFile`, `readdir`
//! (names, or `Dirent`s with `withFileTypes`), `stat`, `lstat` (with
//! `bigint: true`: a `BigIntStats`), `mkdir` (with `recursive`, `mode`),
//! `rm` (with `recursive`, `force`), `rmdir`, `unlink`, `rename`,
//! `access`, `constants`. Not yet: `Buffer` results — `readFile` without
//! an encoding rejects with a TypeError whose code is
//! `ERR_STRATA_NO_BUFFER` (the engine has no `Uint8Array` yet), as does
//! `readdir`'s `encoding: 'buffer'`;
//! `readdir`'s `recursive`; file handles (`open`); the `signal` option.
//! Paths are strings (no `Buffer` or `URL` paths).

use std::cell::Cell;
use std::path::Path;

use strata_gc::Gc;
use strata_vm::function::Args;
use strata_vm::object::{JsObject, ObjectKind};
use strata_vm::property::{Attrs, PropertyKey};
use strata_vm::realm::Intrinsic;
use strata_vm::string::JsString;
use strata_vm::symbol::Symbol;
use strata_vm::{ErrorKind, Exception, JsResult, Value, Vm};

use crate::host::Host;
use crate::io::encoding::Encoding;
use crate::io::ops::{EntryKind, FsError, FsOp, FsOutput, FsResult, StatData, WriteMode};
use crate::node_errors::{coded, invalid_arg_type, not_capable, throw_coded};
use crate::permissions::Access;

/// The module's canonical name.
pub const MODULE_NAME: &str = "node:fs/promises";

/// How a completed operation's output becomes the promise's value.
#[derive(Copy, Clone, Debug)]
pub enum Finish {
    /// `undefined`.
    Undefined,
    /// The bytes decoded as text.
    Text(Encoding),
    /// An array of names.
    Names,
    /// An array of `Dirent`s (`readdir` with `withFileTypes`).
    Dirents,
    /// A `Stats` object (`BigIntStats` when true).
    Stats(bool),
    /// `mkdir`'s first created directory, or undefined.
    Created,
}

/// The `node:fs/promises` module object of `vm`'s realm, made on first
/// use and the same object afterwards. This is what `require('fs/promises')`
/// returns and what `import … from 'node:fs/promises'` is to bind.
pub fn module_object(vm: &mut Vm) -> JsResult<Gc<JsObject>> {
    let host = Host::of(vm, "node:fs/promises")?;
    if let Some(m) = host.object(MODULE_NAME) {
        return Ok(m);
    }
    let m = vm.new_object()?;
    let fns: &[(&str, u32, strata_vm::function::NativeFn)] = &[
        ("access", 2, access),
        ("appendFile", 3, append_file),
        ("lstat", 2, lstat),
        ("mkdir", 2, mkdir),
        ("readdir", 2, readdir),
        ("readFile", 2, read_file),
        ("rename", 2, rename),
        ("rm", 2, rm),
        ("rmdir", 2, rmdir),
        ("stat", 2, stat),
        ("unlink", 1, unlink),
        ("writeFile", 3, write_file),
    ];
    for &(name, len, f) in fns {
        let func = vm.new_native_function(name, len, f, false)?;
        vm.define_value(m, name, Value::from_gc(func), Attrs::DEFAULT)?;
    }
    let constants = vm.new_object()?;
    for (name, v) in [("F_OK", 0), ("R_OK", 4), ("W_OK", 2), ("X_OK", 1)] {
        vm.define_value(constants, name, Value::int(v), Attrs::DEFAULT)?;
    }
    vm.define_value(m, "constants", Value::from_gc(constants), Attrs::DEFAULT)?;
    host.keep_object(vm, MODULE_NAME, m);
    Ok(m)
}

// ---- prepare ------------------------------------------------------------------

/// Runs `prepare` and returns a promise: pending on the operation it
/// built, or rejected with the error it threw.
fn start(vm: &mut Vm, what: &str, prepare: impl FnOnce(&mut Vm, &Host) -> JsResult<(FsOp, Finish)>) -> JsResult<Value> {
    let host = Host::of(vm, what)?;
    let promise = vm.new_promise()?;
    match prepare(vm, &host) {
        Ok((op, finish)) => {
            let handle = vm.heap.persistent(promise);
            host.event_loop.borrow_mut().start_io(op, handle, finish);
        }
        Err(e) if e.is_termination() => return Err(e),
        Err(e) => vm.reject_promise(promise, e.0),
    }
    Ok(Value::from_gc(promise))
}

/// A path argument: a string without NUL, allowed for `access`. Returns
/// the normalized absolute path and the path as given.
fn path_arg(vm: &mut Vm, host: &Host, v: Value, name: &str, access: Access) -> JsResult<(std::path::PathBuf, String)> {
    let Some(s) = v.as_gc::<JsString>() else {
        return Err(invalid_arg_type(vm, name, "of type string or an instance of Buffer or URL", v));
    };
    let shown = s.to_rust_string();
    if shown.contains('\0') {
        let message = format!("The argument '{name}' must be a string, Uint8Array, or URL without null bytes. Received '{}'", shown.replace('\0', "\\x00"));
        return Err(throw_coded(vm, ErrorKind::TypeError, "ERR_INVALID_ARG_VALUE", &message));
    }
    match host.permissions.check(access, Path::new(&shown), &host.cwd) {
        Ok(path) => Ok((path, shown)),
        Err(denial) => Err(not_capable(vm, &denial)),
    }
}

/// `options[name]` if `options` is an object, else undefined.
fn option(vm: &mut Vm, options: Value, name: &str) -> JsResult<Value> {
    if options.as_gc::<JsObject>().is_none() {
        return Ok(Value::UNDEFINED);
    }
    let key = vm.key(name);
    vm.get_value(options, key)
}

/// Options that are a string (the encoding), an object, or absent; any
/// other value is Node's ERR_INVALID_ARG_TYPE.
fn check_options(vm: &mut Vm, options: Value) -> JsResult<()> {
    if options.is_nullish() || options.as_gc::<JsString>().is_some() || options.as_gc::<JsObject>().is_some() {
        return Ok(());
    }
    Err(invalid_arg_type(vm, "options", "of type object", options))
}

/// The encoding of `options` (a string, or `options.encoding`); `None`
/// for absent or null (Node: a Buffer).
fn encoding_of(vm: &mut Vm, options: Value, default: Option<Encoding>) -> JsResult<Option<Encoding>> {
    check_options(vm, options)?;
    let v = if options.as_gc::<JsString>().is_some() { options } else { option(vm, options, "encoding")? };
    if v.is_undefined() {
        return Ok(default);
    }
    if v.is_null() {
        return Ok(None);
    }
    let name = vm.display_string(v)?;
    match Encoding::parse(&name) {
        Some(e) => Ok(Some(e)),
        None if name == "buffer" => Ok(None),
        None => {
            let message = format!("The argument 'encoding' is invalid encoding. Received '{name}'");
            Err(throw_coded(vm, ErrorKind::TypeError, "ERR_INVALID_ARG_VALUE", &message))
        }
    }
}

fn no_buffer(vm: &mut Vm, what: &str) -> Exception {
    let message = format!(
        "{what} would return a Buffer, which Strata does not have yet; pass an encoding such as 'utf8' to get a string"
    );
    throw_coded(vm, ErrorKind::TypeError, "ERR_STRATA_NO_BUFFER", &message)
}

fn unsupported(vm: &mut Vm, what: &str) -> Exception {
    throw_coded(vm, ErrorKind::TypeError, "ERR_STRATA_UNSUPPORTED", &format!("{what} is not supported by Strata yet"))
}

/// A boolean option (ToBoolean of `options[name]`).
fn flag_option(vm: &mut Vm, options: Value, name: &str) -> JsResult<bool> {
    let v = option(vm, options, name)?;
    Ok(strata_vm::conversions::to_boolean(v))
}

/// A file mode: a number, an octal string, or absent (`default`).
fn mode_of(vm: &mut Vm, v: Value, default: u32) -> JsResult<u32> {
    if v.is_undefined() {
        return Ok(default);
    }
    if let Some(n) = v.as_number()
        && n >= 0.0
        && n <= u32::MAX as f64
        && n.fract() == 0.0
    {
        return Ok(n as u32);
    }
    if let Some(s) = v.as_gc::<JsString>()
        && let Ok(n) = u32::from_str_radix(&s.to_rust_string(), 8)
    {
        return Ok(n);
    }
    Err(invalid_arg_type(vm, "mode", "a 32-bit unsigned integer or an octal string", v))
}

fn read_file(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    start(vm, "readFile", |vm, host| {
        let (path, shown) = path_arg(vm, host, args.get(0), "path", Access::Read)?;
        let options = args.get(1);
        let Some(encoding) = encoding_of(vm, options, None)? else {
            return Err(no_buffer(vm, "readFile without an encoding"));
        };
        let flag = option(vm, options, "flag")?;
        if !flag.is_undefined() && vm.display_string(flag)? != "r" {
            let f = vm.display_string(flag)?;
            return Err(unsupported(vm, &format!("readFile with flag '{f}' (only 'r')")));
        }
        Ok((FsOp::ReadFile { path, shown }, Finish::Text(encoding)))
    })
}

fn write_file(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    write(vm, args, WriteMode::Truncate, "writeFile")
}

fn append_file(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    write(vm, args, WriteMode::Append, "appendFile")
}

fn write(vm: &mut Vm, args: Args, default_mode: WriteMode, what: &'static str) -> JsResult<Value> {
    start(vm, what, |vm, host| {
        let (path, shown) = path_arg(vm, host, args.get(0), "path", Access::Write)?;
        let data = args.get(1);
        let Some(text) = data.as_gc::<JsString>() else {
            return Err(invalid_arg_type(vm, "data", "of type string or an instance of Buffer, TypedArray, or DataView", data));
        };
        let options = args.get(2);
        let encoding = encoding_of(vm, options, Some(Encoding::Utf8))?.unwrap_or(Encoding::Utf8);
        let mode_value = option(vm, options, "mode")?;
        let perm = mode_of(vm, mode_value, 0o666)?;
        let flag = option(vm, options, "flag")?;
        let (mode, exclusive) = if flag.is_undefined() {
            (default_mode, false)
        } else {
            match vm.display_string(flag)?.as_str() {
                "w" => (WriteMode::Truncate, false),
                "wx" | "xw" => (WriteMode::Truncate, true),
                "a" => (WriteMode::Append, false),
                "ax" | "xa" => (WriteMode::Append, true),
                other => return Err(unsupported(vm, &format!("{what} with flag '{other}' (only 'w', 'wx', 'a', 'ax')"))),
            }
        };
        let data = encoding.encode(&text.to_units());
        Ok((FsOp::WriteFile { path, shown, data, mode, exclusive, perm }, Finish::Undefined))
    })
}

fn readdir(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    start(vm, "readdir", |vm, host| {
        let (path, shown) = path_arg(vm, host, args.get(0), "path", Access::Read)?;
        let options = args.get(1);
        if encoding_of(vm, options, Some(Encoding::Utf8))?.is_none() {
            return Err(no_buffer(vm, "readdir with encoding 'buffer'"));
        }
        if flag_option(vm, options, "recursive")? {
            return Err(unsupported(vm, "readdir with recursive: true"));
        }
        let finish = if flag_option(vm, options, "withFileTypes")? { Finish::Dirents } else { Finish::Names };
        Ok((FsOp::ReadDir { path, shown }, finish))
    })
}

fn stat_common(vm: &mut Vm, args: Args, follow: bool, what: &'static str) -> JsResult<Value> {
    start(vm, what, |vm, host| {
        let (path, shown) = path_arg(vm, host, args.get(0), "path", Access::Read)?;
        let bigint = flag_option(vm, args.get(1), "bigint")?;
        Ok((FsOp::Stat { path, shown, follow }, Finish::Stats(bigint)))
    })
}

fn stat(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    stat_common(vm, args, true, "stat")
}

fn lstat(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    stat_common(vm, args, false, "lstat")
}

fn mkdir(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    start(vm, "mkdir", |vm, host| {
        let (path, shown) = path_arg(vm, host, args.get(0), "path", Access::Write)?;
        let options = args.get(1);
        let (recursive, perm) = if options.as_gc::<JsObject>().is_some() {
            let recursive = option(vm, options, "recursive")?;
            if !recursive.is_undefined() && !recursive.is_bool() {
                return Err(invalid_arg_type(vm, "options.recursive", "of type boolean", recursive));
            }
            let mode_value = option(vm, options, "mode")?;
            (recursive == Value::TRUE, mode_of(vm, mode_value, 0o777)?)
        } else {
            (false, mode_of(vm, options, 0o777)?)
        };
        Ok((FsOp::Mkdir { path, shown, recursive, perm }, Finish::Created))
    })
}

fn rm(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    start(vm, "rm", |vm, host| {
        let (path, shown) = path_arg(vm, host, args.get(0), "path", Access::Write)?;
        let options = args.get(1);
        check_options(vm, options)?;
        let recursive = flag_option(vm, options, "recursive")?;
        let force = flag_option(vm, options, "force")?;
        Ok((FsOp::Rm { path, shown, recursive, force }, Finish::Undefined))
    })
}

fn rmdir(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    start(vm, "rmdir", |vm, host| {
        let (path, shown) = path_arg(vm, host, args.get(0), "path", Access::Write)?;
        if flag_option(vm, args.get(1), "recursive")? {
            return Err(unsupported(vm, "rmdir with recursive: true (deprecated in Node; use rm)"));
        }
        Ok((FsOp::Rmdir { path, shown }, Finish::Undefined))
    })
}

fn unlink(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    start(vm, "unlink", |vm, host| {
        let (path, shown) = path_arg(vm, host, args.get(0), "path", Access::Write)?;
        Ok((FsOp::Unlink { path, shown }, Finish::Undefined))
    })
}

fn rename(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    start(vm, "rename", |vm, host| {
        let (from, shown_from) = path_arg(vm, host, args.get(0), "oldPath", Access::Write)?;
        let (to, shown_to) = path_arg(vm, host, args.get(1), "newPath", Access::Write)?;
        Ok((FsOp::Rename { from, to, shown_from, shown_to }, Finish::Undefined))
    })
}

fn access(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    start(vm, "access", |vm, host| {
        let (path, shown) = path_arg(vm, host, args.get(0), "path", Access::Read)?;
        let m = args.get(1);
        let mode = if m.is_undefined() {
            0
        } else {
            match m.as_int() {
                Some(n) if (0..=7).contains(&n) => n,
                _ => {
                    let message = format!("The value of \"mode\" is out of range. It must be an integer >= 0 && <= 7. {}", crate::node_errors::received(vm, m));
                    return Err(throw_coded(vm, ErrorKind::RangeError, "ERR_OUT_OF_RANGE", &message));
                }
            }
        };
        Ok((FsOp::Access { path, shown, mode }, Finish::Undefined))
    })
}

// ---- finalize -----------------------------------------------------------------

/// Settles `promise` with the outcome of its operation (the loop's poll
/// phase calls this).
pub fn settle(vm: &mut Vm, host: &Host, promise: Gc<JsObject>, finish: Finish, result: FsResult) -> JsResult<()> {
    match result {
        Ok(output) => {
            let value = match value_of(vm, host, finish, output) {
                Ok(v) => v,
                Err(e) if e.is_termination() => return Err(e),
                Err(e) => {
                    vm.reject_promise(promise, e.0);
                    return Ok(());
                }
            };
            vm.resolve_promise(promise, value)
        }
        Err(e) => {
            let error = system_error(vm, &e)?;
            vm.reject_promise(promise, Value::from_gc(error));
            Ok(())
        }
    }
}

fn value_of(vm: &mut Vm, host: &Host, finish: Finish, output: FsOutput) -> JsResult<Value> {
    match (finish, output) {
        (Finish::Text(encoding), FsOutput::Bytes(bytes)) => {
            let units = encoding.decode(&bytes);
            Ok(Value::from_gc(vm.new_string_units(&units)?))
        }
        (Finish::Names, FsOutput::Entries(entries)) => {
            let mut names = vm.heap.rooted_vec::<Value>();
            for (name, _) in &entries {
                names.push(vm.string_value(name)?);
            }
            Ok(Value::from_gc(vm.new_array(names.as_slice())?))
        }
        (Finish::Dirents, FsOutput::Entries(entries)) => dirents(vm, host, entries),
        (Finish::Stats(false), FsOutput::Stat(data)) => stats(vm, host, &data),
        (Finish::Stats(true), FsOutput::Stat(data)) => bigint_stats(vm, host, &data),
        (Finish::Created, FsOutput::Created(first)) => match first {
            Some(p) => vm.string_value(&p),
            None => Ok(Value::UNDEFINED),
        },
        (_, _) => Ok(Value::UNDEFINED),
    }
}

/// A Node system error: `CODE: description, syscall 'path'` with `errno`
/// (negative, as libuv's), `code`, `syscall`, `path` and `dest`.
fn system_error(vm: &mut Vm, e: &FsError) -> JsResult<Gc<JsObject>> {
    let message = e.message();
    match e {
        FsError::Sys { errno, syscall, path, dest } => {
            let err = vm.new_error(ErrorKind::Error, &message)?;
            vm.define_value(err, "errno", Value::int(-errno.number), Attrs::DEFAULT)?;
            let code = vm.string_value(errno.code)?;
            vm.define_value(err, "code", code, Attrs::DEFAULT)?;
            let syscall = vm.string_value(syscall)?;
            vm.define_value(err, "syscall", syscall, Attrs::DEFAULT)?;
            for (name, v) in [("path", path), ("dest", dest)] {
                if let Some(p) = v {
                    let p = vm.string_value(p)?;
                    vm.define_value(err, name, p, Attrs::DEFAULT)?;
                }
            }
            Ok(err)
        }
        FsError::RmIsDirectory { path } => {
            let err = coded(vm, ErrorKind::Error, "ERR_FS_EISDIR", &message)?;
            let name = vm.string_value("SystemError")?;
            vm.define_value(err, "name", name, Attrs::HIDDEN)?;
            vm.attach_stack(err, "SystemError [ERR_FS_EISDIR]", &message)?;
            let info = vm.new_object()?;
            let p = vm.string_value(path)?;
            for (k, v) in [("code", "EISDIR"), ("message", "is a directory"), ("syscall", "rm")] {
                let v = vm.string_value(v)?;
                vm.define_value(info, k, v, Attrs::DEFAULT)?;
            }
            vm.define_value(info, "path", p, Attrs::DEFAULT)?;
            vm.define_value(info, "errno", Value::int(libc::EISDIR), Attrs::DEFAULT)?;
            vm.define_value(err, "info", Value::from_gc(info), Attrs::DEFAULT)?;
            vm.define_value(err, "errno", Value::int(libc::EISDIR), Attrs::DEFAULT)?;
            let syscall = vm.string_value("rm")?;
            vm.define_value(err, "syscall", syscall, Attrs::DEFAULT)?;
            vm.define_value(err, "path", p, Attrs::DEFAULT)?;
            Ok(err)
        }
        FsError::TooLarge { .. } => coded(vm, ErrorKind::RangeError, "ERR_FS_FILE_TOO_LARGE", &message),
        FsError::Internal(_) => vm.new_error(ErrorKind::Error, &message),
    }
}

// ---- Stats and Dirent ---------------------------------------------------------

const S_IFMT: i64 = 0o170000;

/// The prototype kept under `name`, made with `methods` on first use.
fn prototype(vm: &mut Vm, host: &Host, name: &'static str, methods: &[(&str, strata_vm::function::NativeFn)]) -> JsResult<Gc<JsObject>> {
    if let Some(p) = host.object(name) {
        return Ok(p);
    }
    let proto = vm.new_object()?;
    for &(m, f) in methods {
        strata_vm::builtins::method(vm, proto, m, 0, f)?;
    }
    host.keep_object(vm, name, proto);
    Ok(proto)
}

macro_rules! file_type_tests {
    ($($method:ident = $bits:expr;)*) => {
        const TYPE_TESTS: &[(&str, strata_vm::function::NativeFn)] = &[$((stringify!($method), $method)),*];
        $(
            #[allow(non_snake_case)]
            fn $method(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
                Ok(Value::bool(file_type(vm, this)? == $bits))
            }
        )*
    };
}

file_type_tests! {
    isFile = 0o100000;
    isDirectory = 0o040000;
    isSymbolicLink = 0o120000;
    isFIFO = 0o010000;
    isSocket = 0o140000;
    isBlockDevice = 0o060000;
    isCharacterDevice = 0o020000;
}

/// The `S_IFMT` bits of a `Stats` (its `mode`) or a `Dirent` (its private
/// type slot).
fn file_type(vm: &mut Vm, this: Value) -> JsResult<i64> {
    let Some(obj) = this.as_gc::<JsObject>() else { return Ok(-1) };
    let slot = Host::get(vm).and_then(|h| h.dirent_type.borrow().as_ref().map(|s| s.get()));
    if let Some(sym) = slot
        && let Some(t) = vm.get(obj, PropertyKey::Symbol(sym), this)?.as_int()
    {
        return Ok(t as i64);
    }
    let key = vm.key("mode");
    let mode = vm.get_value(this, key)?;
    let mode = match mode.as_bigint() {
        Some(b) => strata_vm::bigint::low_u64(b.value()) as i64,
        None => mode.as_number().map_or(-1, |m| m as i64),
    };
    Ok(if mode < 0 { -1 } else { mode & S_IFMT })
}

fn date(vm: &mut Vm, ms: f64) -> JsResult<Value> {
    let proto = Value::from_gc(vm.intrinsic(Intrinsic::DatePrototype));
    // A time value is an integral number of milliseconds; Node rounds
    // (`new Date(Math.round(ms))`).
    let t = if ms.is_finite() { ms.round() } else { f64::NAN };
    Ok(Value::from_gc(vm.new_object_with(proto, ObjectKind::Date(Cell::new(t)))?))
}

fn stats(vm: &mut Vm, host: &Host, d: &StatData) -> JsResult<Value> {
    let proto = prototype(vm, host, "Stats.prototype", TYPE_TESTS)?;
    let s = vm.new_object_with(Value::from_gc(proto), ObjectKind::Ordinary)?;
    let numbers = [
        ("dev", d.dev),
        ("mode", d.mode),
        ("nlink", d.nlink),
        ("uid", d.uid),
        ("gid", d.gid),
        ("rdev", d.rdev),
        ("blksize", d.blksize),
        ("ino", d.ino),
        ("size", d.size),
        ("blocks", d.blocks),
        ("atimeMs", d.atime_ms),
        ("mtimeMs", d.mtime_ms),
        ("ctimeMs", d.ctime_ms),
        ("birthtimeMs", d.birthtime_ms),
    ];
    for (name, v) in numbers {
        vm.define_value(s, name, Value::number(v), Attrs::DEFAULT)?;
    }
    for (name, ms) in [("atime", d.atime_ms), ("mtime", d.mtime_ms), ("ctime", d.ctime_ms), ("birthtime", d.birthtime_ms)] {
        let t = date(vm, ms)?;
        vm.define_value(s, name, t, Attrs::DEFAULT)?;
    }
    Ok(Value::from_gc(s))
}

/// A `BigIntStats` (`stat(path, { bigint: true })`): the same fields as
/// BigInts, the times also in nanoseconds (`atimeNs`...).
fn bigint_stats(vm: &mut Vm, host: &Host, d: &StatData) -> JsResult<Value> {
    use strata_vm::bigint::{BigInt, number_to_bigint};
    let proto = prototype(vm, host, "BigIntStats.prototype", TYPE_TESTS)?;
    let s = vm.new_object_with(Value::from_gc(proto), ObjectKind::Ordinary)?;
    let numbers = [
        ("dev", d.dev),
        ("mode", d.mode),
        ("nlink", d.nlink),
        ("uid", d.uid),
        ("gid", d.gid),
        ("rdev", d.rdev),
        ("blksize", d.blksize),
        ("ino", d.ino),
        ("size", d.size),
        ("blocks", d.blocks),
    ];
    for (name, v) in numbers {
        let b = vm.new_bigint(number_to_bigint(v.trunc()).unwrap_or_default())?;
        vm.define_value(s, name, b, Attrs::DEFAULT)?;
    }
    let names = ["atime", "mtime", "ctime", "birthtime"];
    for (name, ns) in names.iter().zip(d.times_ns) {
        // Node rounds toward -Infinity: ms = ns / 10^6.
        let ms = vm.new_bigint(BigInt::from(ns.div_euclid(1_000_000)))?;
        vm.define_value(s, &format!("{name}Ms"), ms, Attrs::DEFAULT)?;
    }
    for (name, ns) in names.iter().zip(d.times_ns) {
        let b = vm.new_bigint(BigInt::from(ns))?;
        vm.define_value(s, &format!("{name}Ns"), b, Attrs::DEFAULT)?;
    }
    for (name, ns) in names.iter().zip(d.times_ns) {
        let t = date(vm, ns.div_euclid(1_000_000) as f64)?;
        vm.define_value(s, name, t, Attrs::DEFAULT)?;
    }
    Ok(Value::from_gc(s))
}

fn dirent_type_key(vm: &mut Vm, host: &Host) -> JsResult<Gc<Symbol>> {
    if let Some(s) = host.dirent_type.borrow().as_ref() {
        return Ok(s.get());
    }
    let description = vm.string_value("type")?;
    let sym = vm.alloc(Symbol { description, registered: false, private: true })?;
    *host.dirent_type.borrow_mut() = Some(vm.heap.persistent(sym));
    Ok(sym)
}

fn dirents(vm: &mut Vm, host: &Host, entries: Vec<(String, EntryKind)>) -> JsResult<Value> {
    let proto = prototype(vm, host, "Dirent.prototype", TYPE_TESTS)?;
    let key = PropertyKey::Symbol(dirent_type_key(vm, host)?);
    let mut list = vm.heap.rooted_vec::<Value>();
    for (name, kind) in entries {
        let d = vm.new_object_with(Value::from_gc(proto), ObjectKind::Ordinary)?;
        let n = vm.string_value(&name)?;
        vm.define_value(d, "name", n, Attrs::DEFAULT)?;
        vm.define_own_simple(d, key, Value::int(kind.0 as i32), Attrs::HIDDEN)?;
        list.push(Value::from_gc(d));
    }
    Ok(Value::from_gc(vm.new_array(list.as_slice())?))
}
