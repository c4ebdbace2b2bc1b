//! File-system operations as plain data, and their execution. The main
//! thread builds an [`FsOp`] (paths already checked against the
//! permissions and normalized), a worker thread of the pool
//! (`io/pool.rs`) runs [`FsOp::run`], and the outcome — [`FsOutput`] or
//! [`FsError`], owned data with no heap values — travels back to the main
//! thread, which turns it into a JavaScript value (`fs.rs`). Nothing here
//! touches the engine.
//!
//! Each operation fails the way Node's does: which system call failed
//! (`open`, `read`, `scandir`, `lstat`, …) and whether the message names
//! the path follow `lib/internal/fs/promises.js` on Linux.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::errno::Errno;

/// What `writeFile` and `appendFile` do with an existing file.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum WriteMode {
    /// Flag `w`: truncate (create if missing).
    Truncate,
    /// Flag `a`: append (create if missing).
    Append,
}

/// One file-system operation. In every variant `path` is what the call
/// uses (absolute and normalized by the permission check) and `shown` the
/// path as the script gave it, for messages; the other fields are the
/// Node options of the same names.
#[derive(Clone, Debug)]
#[allow(missing_docs)] // the fields are described once, above
pub enum FsOp {
    /// `readFile`: the whole file's bytes.
    ReadFile { path: PathBuf, shown: String },
    /// `writeFile` / `appendFile`.
    WriteFile {
        path: PathBuf,
        shown: String,
        data: Vec<u8>,
        mode: WriteMode,
        /// Flag `wx`/`ax`: fail if the file exists.
        exclusive: bool,
        /// Permission bits for a created file.
        perm: u32,
    },
    /// `readdir`: the names, sorted by bytes (libuv's `scandir` order).
    ReadDir { path: PathBuf, shown: String },
    /// `stat` (follows symbolic links) or `lstat`.
    Stat { path: PathBuf, shown: String, follow: bool },
    /// `mkdir`.
    Mkdir { path: PathBuf, shown: String, recursive: bool, perm: u32 },
    /// `rm`.
    Rm { path: PathBuf, shown: String, recursive: bool, force: bool },
    /// `rmdir` (an empty directory).
    Rmdir { path: PathBuf, shown: String },
    /// `unlink` (a file or link).
    Unlink { path: PathBuf, shown: String },
    /// `rename`.
    Rename { from: PathBuf, to: PathBuf, shown_from: String, shown_to: String },
    /// `access` (existence; the permission bits checked are `mode`'s).
    Access { path: PathBuf, shown: String, mode: i32 },
}

/// A directory entry's type, for `readdir(…, { withFileTypes: true })`:
/// its `S_IFMT` bits (`0o040000` a directory, `0o100000` a file, …; 0 if
/// the type could not be read).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct EntryKind(pub u32);

impl EntryKind {
    /// A directory.
    pub const DIRECTORY: EntryKind = EntryKind(0o040000);
    /// A regular file.
    pub const FILE: EntryKind = EntryKind(0o100000);
    /// A symbolic link.
    pub const SYMLINK: EntryKind = EntryKind(0o120000);

    fn of(t: &fs::FileType) -> EntryKind {
        if t.is_symlink() {
            return EntryKind::SYMLINK;
        }
        if t.is_dir() {
            return EntryKind::DIRECTORY;
        }
        if t.is_file() {
            return EntryKind::FILE;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            let bits = if t.is_fifo() {
                0o010000
            } else if t.is_char_device() {
                0o020000
            } else if t.is_block_device() {
                0o060000
            } else if t.is_socket() {
                0o140000
            } else {
                0
            };
            return EntryKind(bits);
        }
        #[allow(unreachable_code)]
        EntryKind(0)
    }
}

/// `stat`'s result: the fields of Node's `Stats` of the same names
/// (`atime_ms` is `atimeMs`), as numbers.
#[derive(Clone, Debug, PartialEq)]
#[allow(missing_docs)] // each field is the Node field of its name
pub struct StatData {
    pub dev: f64,
    pub ino: f64,
    pub mode: f64,
    pub nlink: f64,
    pub uid: f64,
    pub gid: f64,
    pub rdev: f64,
    pub size: f64,
    pub blksize: f64,
    pub blocks: f64,
    pub atime_ms: f64,
    pub mtime_ms: f64,
    pub ctime_ms: f64,
    pub birthtime_ms: f64,
    /// atime, mtime, ctime and birthtime in nanoseconds since the epoch
    /// (for `stat(path, { bigint: true })`'s `atimeNs` and the others).
    pub times_ns: [i128; 4],
}

/// A successful operation's result.
#[derive(Clone, Debug)]
pub enum FsOutput {
    /// Nothing (`writeFile`, `rm`, …).
    Done,
    /// A file's contents.
    Bytes(Vec<u8>),
    /// A directory's entries (lossy UTF-8 names).
    Entries(Vec<(String, EntryKind)>),
    /// Metadata.
    Stat(Box<StatData>),
    /// `mkdir`'s result: the first directory created (recursive only).
    Created(Option<String>),
}

/// A failed operation, described as Node describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FsError {
    /// A system call failed: `ENOENT: no such file or directory, open '/x'`.
    Sys {
        /// The error number and its names.
        errno: Errno,
        /// The failed call, as Node names it.
        syscall: &'static str,
        /// The path in the message and in `error.path`, when Node names it.
        path: Option<String>,
        /// The second path (`rename`), as `error.dest`.
        dest: Option<String>,
    },
    /// `rm` of a directory without `recursive` (Node's `ERR_FS_EISDIR`
    /// SystemError).
    RmIsDirectory {
        /// The path as given.
        path: String,
    },
    /// `readFile` of a file over [`MAX_READ`] bytes (Node's
    /// `ERR_FS_FILE_TOO_LARGE` RangeError).
    TooLarge {
        /// The file's size.
        size: u64,
    },
    /// The worker failed (a bug, reported instead of crashing).
    Internal(String),
}

impl FsError {
    fn sys(e: &std::io::Error, syscall: &'static str, path: Option<&str>) -> FsError {
        FsError::Sys { errno: Errno::of(e), syscall, path: path.map(str::to_string), dest: None }
    }

    /// The error's message, as Node formats it.
    pub fn message(&self) -> String {
        match self {
            FsError::Sys { errno, syscall, path, dest } => {
                let mut m = format!("{}: {}, {syscall}", errno.code, errno.description);
                if let Some(p) = path {
                    m.push_str(&format!(" '{p}'"));
                }
                if let Some(d) = dest {
                    m.push_str(&format!(" -> '{d}'"));
                }
                m
            }
            FsError::RmIsDirectory { path } => format!("Path is a directory: rm returned EISDIR (is a directory) {path}"),
            FsError::TooLarge { size } => format!("File size ({size}) is greater than 2 GiB"),
            FsError::Internal(what) => format!("internal error in the I/O worker: {what}"),
        }
    }
}

/// An operation's outcome.
pub type FsResult = Result<FsOutput, FsError>;

impl FsOp {
    /// The operation's name (`readFile`, …) for `--trace-event-loop`.
    pub fn name(&self) -> &'static str {
        match self {
            FsOp::ReadFile { .. } => "readFile",
            FsOp::WriteFile { mode: WriteMode::Truncate, .. } => "writeFile",
            FsOp::WriteFile { mode: WriteMode::Append, .. } => "appendFile",
            FsOp::ReadDir { .. } => "readdir",
            FsOp::Stat { follow: true, .. } => "stat",
            FsOp::Stat { follow: false, .. } => "lstat",
            FsOp::Mkdir { .. } => "mkdir",
            FsOp::Rm { .. } => "rm",
            FsOp::Rmdir { .. } => "rmdir",
            FsOp::Unlink { .. } => "unlink",
            FsOp::Rename { .. } => "rename",
            FsOp::Access { .. } => "access",
        }
    }

    /// Runs the operation (on a worker thread: it blocks).
    pub fn run(self) -> FsResult {
        match self {
            FsOp::ReadFile { path, shown } => read_file(&path, &shown),
            FsOp::WriteFile { path, shown, data, mode, exclusive, perm } => {
                write_file(&path, &shown, &data, mode, exclusive, perm)
            }
            FsOp::ReadDir { path, shown } => read_dir(&path, &shown),
            FsOp::Stat { path, shown, follow } => {
                let (meta, syscall) =
                    if follow { (fs::metadata(&path), "stat") } else { (fs::symlink_metadata(&path), "lstat") };
                meta.map(|m| FsOutput::Stat(Box::new(stat_data(&m)))).map_err(|e| FsError::sys(&e, syscall, Some(&shown)))
            }
            FsOp::Mkdir { path, shown, recursive, perm } => mkdir(&path, &shown, recursive, perm),
            FsOp::Rm { path, shown, recursive, force } => rm(&path, &shown, recursive, force),
            FsOp::Rmdir { path, shown } => {
                fs::remove_dir(&path).map(|_| FsOutput::Done).map_err(|e| FsError::sys(&e, "rmdir", Some(&shown)))
            }
            FsOp::Unlink { path, shown } => {
                fs::remove_file(&path).map(|_| FsOutput::Done).map_err(|e| FsError::sys(&e, "unlink", Some(&shown)))
            }
            FsOp::Rename { from, to, shown_from, shown_to } => fs::rename(&from, &to).map(|_| FsOutput::Done).map_err(|e| {
                FsError::Sys { errno: Errno::of(&e), syscall: "rename", path: Some(shown_from), dest: Some(shown_to) }
            }),
            FsOp::Access { path, shown, mode } => access(&path, &shown, mode),
        }
    }
}

/// Node's limit on a file read whole (`kIoMaxLength`, 2 GiB - 1).
pub const MAX_READ: u64 = (1 << 31) - 1;

fn read_file(path: &Path, shown: &str) -> FsResult {
    let mut file = fs::File::open(path).map_err(|e| FsError::sys(&e, "open", Some(shown)))?;
    if let Ok(meta) = file.metadata()
        && meta.len() > MAX_READ
    {
        return Err(FsError::TooLarge { size: meta.len() });
    }
    let mut bytes = Vec::new();
    // Never past the limit, even if the file grows while it is read.
    (&mut file).take(MAX_READ + 1).read_to_end(&mut bytes).map_err(|e| FsError::sys(&e, "read", None))?;
    if bytes.len() as u64 > MAX_READ {
        return Err(FsError::TooLarge { size: bytes.len() as u64 });
    }
    Ok(FsOutput::Bytes(bytes))
}

fn write_file(path: &Path, shown: &str, data: &[u8], mode: WriteMode, exclusive: bool, perm: u32) -> FsResult {
    let mut options = fs::OpenOptions::new();
    match mode {
        WriteMode::Truncate => options.write(true).truncate(true),
        WriteMode::Append => options.append(true),
    };
    if exclusive {
        options.create_new(true);
    } else {
        options.create(true);
    }
    set_create_mode(&mut options, perm);
    let mut file = options.open(path).map_err(|e| FsError::sys(&e, "open", Some(shown)))?;
    file.write_all(data).map_err(|e| FsError::sys(&e, "write", None))?;
    Ok(FsOutput::Done)
}

#[cfg(unix)]
fn set_create_mode(options: &mut fs::OpenOptions, perm: u32) {
    use std::os::unix::fs::OpenOptionsExt;
    options.mode(perm);
}

#[cfg(not(unix))]
fn set_create_mode(_options: &mut fs::OpenOptions, _perm: u32) {}

fn read_dir(path: &Path, shown: &str) -> FsResult {
    let fail = |e: std::io::Error| FsError::sys(&e, "scandir", Some(shown));
    let mut entries = Vec::new();
    for entry in fs::read_dir(path).map_err(fail)? {
        let entry = entry.map_err(fail)?;
        let kind = entry.file_type().map_or(EntryKind(0), |t| EntryKind::of(&t));
        entries.push((entry.file_name(), kind));
    }
    // libuv's scandir sorts with strcmp: byte order of the raw names.
    entries.sort_by(|a, b| a.0.as_encoded_bytes().cmp(b.0.as_encoded_bytes()));
    Ok(FsOutput::Entries(entries.into_iter().map(|(n, k)| (n.to_string_lossy().into_owned(), k)).collect()))
}

fn mkdir(path: &Path, shown: &str, recursive: bool, perm: u32) -> FsResult {
    let create = |p: &Path| {
        let mut b = fs::DirBuilder::new();
        set_dir_mode(&mut b, perm);
        b.create(p)
    };
    if !recursive {
        return create(path).map(|_| FsOutput::Created(None)).map_err(|e| FsError::sys(&e, "mkdir", Some(shown)));
    }
    // The missing ancestors, outermost last; stop at the first that exists.
    let mut missing = Vec::new();
    let mut cur = Some(path);
    while let Some(p) = cur {
        match fs::metadata(p) {
            Ok(m) if m.is_dir() => break,
            Ok(_) => {
                // An existing non-directory: the path itself → EEXIST,
                // an ancestor → ENOTDIR (as Node reports them).
                let errno = if p == path { libc::EEXIST } else { libc::ENOTDIR };
                let e = std::io::Error::from_raw_os_error(errno);
                return Err(FsError::sys(&e, "mkdir", Some(shown)));
            }
            Err(_) => missing.push(p),
        }
        cur = p.parent();
    }
    let first = missing.last().map(|p| p.to_string_lossy().into_owned());
    for p in missing.iter().rev() {
        match create(p) {
            Ok(()) => {}
            // Someone else made it meanwhile: fine for recursive mkdir.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && p.is_dir() => {}
            Err(e) => return Err(FsError::sys(&e, "mkdir", Some(shown))),
        }
    }
    Ok(FsOutput::Created(first))
}

#[cfg(unix)]
fn set_dir_mode(b: &mut fs::DirBuilder, perm: u32) {
    use std::os::unix::fs::DirBuilderExt;
    b.mode(perm);
}

#[cfg(not(unix))]
fn set_dir_mode(_b: &mut fs::DirBuilder, _perm: u32) {}

fn rm(path: &Path, shown: &str, recursive: bool, force: bool) -> FsResult {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if force && e.kind() == std::io::ErrorKind::NotFound => return Ok(FsOutput::Done),
        Err(e) => return Err(FsError::sys(&e, "lstat", Some(shown))),
    };
    if meta.is_dir() {
        if !recursive {
            return Err(FsError::RmIsDirectory { path: shown.to_string() });
        }
        return fs::remove_dir_all(path).map(|_| FsOutput::Done).map_err(|e| FsError::sys(&e, "rm", Some(shown)));
    }
    match fs::remove_file(path) {
        Ok(()) => Ok(FsOutput::Done),
        Err(e) if force && e.kind() == std::io::ErrorKind::NotFound => Ok(FsOutput::Done),
        Err(e) => Err(FsError::sys(&e, "rm", Some(shown))),
    }
}

#[cfg(unix)]
fn access(path: &Path, shown: &str, mode: i32) -> FsResult {
    use std::os::unix::ffi::OsStrExt;
    let fail = |e: std::io::Error| Err(FsError::sys(&e, "access", Some(shown)));
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return fail(std::io::Error::from_raw_os_error(libc::EINVAL));
    };
    // SAFETY: `c_path` is a valid NUL-terminated string that outlives the
    // call; access(2) only reads it.
    let r = unsafe { libc::access(c_path.as_ptr(), mode) };
    if r == 0 { Ok(FsOutput::Done) } else { fail(std::io::Error::last_os_error()) }
}

#[cfg(not(unix))]
fn access(path: &Path, shown: &str, _mode: i32) -> FsResult {
    fs::metadata(path).map(|_| FsOutput::Done).map_err(|e| FsError::sys(&e, "access", Some(shown)))
}

fn nanos(t: std::io::Result<SystemTime>) -> i128 {
    match t {
        Ok(t) => match t.duration_since(SystemTime::UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(before) => -(before.duration().as_nanos() as i128),
        },
        Err(_) => 0,
    }
}

fn millis(t: std::io::Result<SystemTime>) -> f64 {
    match t {
        Ok(t) => match t.duration_since(SystemTime::UNIX_EPOCH) {
            Ok(d) => d.as_secs_f64() * 1e3,
            Err(before) => -before.duration().as_secs_f64() * 1e3,
        },
        Err(_) => 0.0,
    }
}

#[cfg(unix)]
fn stat_data(m: &fs::Metadata) -> StatData {
    use std::os::unix::fs::MetadataExt;
    let ctime_ms = m.ctime() as f64 * 1e3 + m.ctime_nsec() as f64 / 1e6;
    let birthtime_ms = match m.created() {
        Ok(_) => millis(m.created()),
        Err(_) => ctime_ms,
    };
    let ctime_ns = i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec());
    let birthtime_ns = match m.created() {
        Ok(_) => nanos(m.created()),
        Err(_) => ctime_ns,
    };
    StatData {
        dev: m.dev() as f64,
        ino: m.ino() as f64,
        mode: m.mode() as f64,
        nlink: m.nlink() as f64,
        uid: m.uid() as f64,
        gid: m.gid() as f64,
        rdev: m.rdev() as f64,
        size: m.size() as f64,
        blksize: m.blksize() as f64,
        blocks: m.blocks() as f64,
        atime_ms: millis(m.accessed()),
        mtime_ms: millis(m.modified()),
        ctime_ms,
        birthtime_ms,
        times_ns: [nanos(m.accessed()), nanos(m.modified()), ctime_ns, birthtime_ns],
    }
}

#[cfg(not(unix))]
fn stat_data(m: &fs::Metadata) -> StatData {
    let mode = if m.is_dir() { 0o040755 } else { 0o100644 };
    StatData {
        dev: 0.0,
        ino: 0.0,
        mode: mode as f64,
        nlink: 1.0,
        uid: 0.0,
        gid: 0.0,
        rdev: 0.0,
        size: m.len() as f64,
        blksize: 4096.0,
        blocks: (m.len() as f64 / 512.0).ceil(),
        atime_ms: millis(m.accessed()),
        mtime_ms: millis(m.modified()),
        ctime_ms: millis(m.modified()),
        birthtime_ms: millis(m.created()),
        times_ns: [nanos(m.accessed()), nanos(m.modified()), nanos(m.modified()), nanos(m.created())],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("strata-ops-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn round_trip_and_node_messages() {
        let dir = temp_dir("rt");
        let shown = dir.to_string_lossy().into_owned();
        let r = FsOp::Mkdir { path: dir.join("a/b"), shown: format!("{shown}/a/b"), recursive: true, perm: 0o777 }.run();
        assert!(matches!(r, Ok(FsOutput::Created(Some(ref p))) if *p == shown));
        let file = dir.join("a/f.txt");
        let w = |data: &str, mode| {
            FsOp::WriteFile { path: file.clone(), shown: "f.txt".into(), data: data.into(), mode, exclusive: false, perm: 0o666 }.run()
        };
        assert!(w("hello", WriteMode::Truncate).is_ok());
        assert!(w(" world", WriteMode::Append).is_ok());
        let r = FsOp::ReadFile { path: file.clone(), shown: "f.txt".into() }.run();
        assert!(matches!(r, Ok(FsOutput::Bytes(ref b)) if b == b"hello world"));
        let r = FsOp::ReadDir { path: dir.join("a"), shown: "a".into() }.run();
        assert!(matches!(r, Ok(FsOutput::Entries(ref e)) if e == &[("b".to_string(), EntryKind::DIRECTORY), ("f.txt".to_string(), EntryKind::FILE)]));
        let e = FsOp::Rm { path: dir.clone(), shown: "d".into(), recursive: false, force: false }.run().unwrap_err();
        assert_eq!(e.message(), "Path is a directory: rm returned EISDIR (is a directory) d");
        assert!(FsOp::Rm { path: dir.clone(), shown: "d".into(), recursive: true, force: false }.run().is_ok());
        let e = FsOp::ReadFile { path: file, shown: "/x/f.txt".into() }.run().unwrap_err();
        assert_eq!(e.message(), "ENOENT: no such file or directory, open '/x/f.txt'");
        assert!(FsOp::Rm { path: dir, shown: "d".into(), recursive: false, force: true }.run().is_ok());
    }
}
