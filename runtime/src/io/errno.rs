//! Operating-system errors as Node names and describes them: the `code`
//! (`ENOENT`), libuv's description ("no such file or directory") and the
//! negated errno Node puts in `errno`. Used by `io/ops.rs` on the worker
//! threads to describe a failed call as plain data.

/// A failed system call's error number, with its Node name and text.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct Errno {
    /// The positive OS error number (0 when the error had none).
    pub number: i32,
    /// Node's `code`: `ENOENT`, `EACCES`, …
    pub code: &'static str,
    /// libuv's description, as Node prints it after the code.
    pub description: &'static str,
}

/// (errno, code, libuv description), for the errors file calls produce.
const TABLE: &[(i32, &str, &str)] = &[
    (libc::EPERM, "EPERM", "operation not permitted"),
    (libc::ENOENT, "ENOENT", "no such file or directory"),
    (libc::EIO, "EIO", "i/o error"),
    (libc::EBADF, "EBADF", "bad file descriptor"),
    (libc::EAGAIN, "EAGAIN", "resource temporarily unavailable"),
    (libc::ENOMEM, "ENOMEM", "not enough memory"),
    (libc::EACCES, "EACCES", "permission denied"),
    (libc::EBUSY, "EBUSY", "resource busy or locked"),
    (libc::EEXIST, "EEXIST", "file already exists"),
    (libc::EXDEV, "EXDEV", "cross-device link not permitted"),
    (libc::ENOTDIR, "ENOTDIR", "not a directory"),
    (libc::EISDIR, "EISDIR", "illegal operation on a directory"),
    (libc::EINVAL, "EINVAL", "invalid argument"),
    (libc::ENFILE, "ENFILE", "file table overflow"),
    (libc::EMFILE, "EMFILE", "too many open files"),
    (libc::ETXTBSY, "ETXTBSY", "text file is busy"),
    (libc::EFBIG, "EFBIG", "file too large"),
    (libc::ENOSPC, "ENOSPC", "no space left on device"),
    (libc::ESPIPE, "ESPIPE", "invalid seek"),
    (libc::EROFS, "EROFS", "read-only file system"),
    (libc::EMLINK, "EMLINK", "too many links"),
    (libc::EPIPE, "EPIPE", "broken pipe"),
    (libc::ENAMETOOLONG, "ENAMETOOLONG", "name too long"),
    (libc::ENOTEMPTY, "ENOTEMPTY", "directory not empty"),
    (libc::ELOOP, "ELOOP", "too many symbolic links encountered"),
    (libc::EDQUOT, "EDQUOT", "disk quota exceeded"),
    (libc::ENOSYS, "ENOSYS", "function not implemented"),
    (libc::ENOTSUP, "ENOTSUP", "operation not supported on socket"),
];

impl Errno {
    /// The error of `e`: its OS number if it has one, else the closest
    /// number for its kind (`EIO` when nothing fits).
    pub fn of(e: &std::io::Error) -> Errno {
        use std::io::ErrorKind as K;
        let number = e.raw_os_error().unwrap_or(match e.kind() {
            K::NotFound => libc::ENOENT,
            K::PermissionDenied => libc::EACCES,
            K::AlreadyExists => libc::EEXIST,
            K::InvalidInput => libc::EINVAL,
            K::OutOfMemory => libc::ENOMEM,
            K::Unsupported => libc::ENOSYS,
            _ => libc::EIO,
        });
        Errno::from_number(number)
    }

    /// The error numbered `number` (`UNKNOWN` for numbers outside the
    /// table, as libuv names them).
    pub fn from_number(number: i32) -> Errno {
        match TABLE.iter().find(|(n, _, _)| *n == number) {
            Some(&(number, code, description)) => Errno { number, code, description },
            None => Errno { number, code: "UNKNOWN", description: "unknown error" },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_node() {
        let e = Errno::of(&std::io::Error::from_raw_os_error(libc::ENOENT));
        assert_eq!((e.code, e.description), ("ENOENT", "no such file or directory"));
        let e = Errno::of(&std::io::Error::new(std::io::ErrorKind::AlreadyExists, "x"));
        assert_eq!(e.code, "EEXIST");
        assert_eq!(Errno::from_number(-12345).code, "UNKNOWN");
    }
}
