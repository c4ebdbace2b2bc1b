//! Host-access permissions in Deno's model: what a script may read and
//! write on the host's file system, fixed when the engine starts.
//!
//! - Reading is allowed by default, as in d8 (`load`, `read`) and Node;
//!   `--deny-read` denies it everywhere and `--deny-read=a,b` under the
//!   listed paths only.
//! - Writing (creating, changing or removing files and directories) is
//!   denied by default; `--allow-write` allows it everywhere and
//!   `--allow-write=a,b` under the listed paths only. `--deny-write=a,b`
//!   carves paths out of what `--allow-write` grants.
//! - `--sandbox` denies all host access: no reads, no writes.
//!
//! Every path — granted, denied, asked for — is made absolute against the
//! working directory at start-up and normalized lexically (`.` and `..`
//! removed, no symbolic links followed, as Deno does), then matched by
//! component prefix: `/tmp/a` covers `/tmp/a` and `/tmp/a/b`, not
//! `/tmp/ab`. A symbolic link inside a granted directory that points out of
//! it is therefore followed by the file system call: the check is about
//! names, not inodes.
//!
//! A denied operation fails with an Error named `NotCapable` (Deno's
//! name) whose `code` is `ERR_ACCESS_DENIED` (Node's permission model's
//! code), whose `permission` is `"read"` or `"write"` and whose `resource`
//! is the normalized path; its message names the flag that would allow it
//! (see [`Denial::message`]). Asynchronous APIs reject their promise with
//! it; the shell's synchronous `load` and `read` throw it.

use std::path::{Component, Path, PathBuf};

/// The kind of access an operation needs.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Access {
    /// Reading a file, listing a directory, reading metadata.
    Read,
    /// Creating, changing or removing a file or directory.
    Write,
}

impl Access {
    /// `"read"` or `"write"`: the error's `permission` property.
    pub fn name(self) -> &'static str {
        match self {
            Access::Read => "read",
            Access::Write => "write",
        }
    }
}

/// Which paths one kind of access covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every path.
    All,
    /// No path.
    Nothing,
    /// The listed paths and everything under them (absolute, normalized).
    Under(Vec<PathBuf>),
}

impl Scope {
    fn covers(&self, path: &Path) -> bool {
        match self {
            Scope::All => true,
            Scope::Nothing => false,
            Scope::Under(prefixes) => prefixes.iter().any(|p| path.starts_with(p)),
        }
    }
}

/// What the running script may do on the host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Permissions {
    /// `--sandbox`: no host access at all.
    pub sandbox: bool,
    /// Reads denied (`--deny-read`); [`Scope::Nothing`] by default.
    pub deny_read: Scope,
    /// Writes allowed (`--allow-write`); [`Scope::Nothing`] by default.
    pub allow_write: Scope,
    /// Writes denied even where allowed (`--deny-write`).
    pub deny_write: Scope,
}

impl Default for Permissions {
    /// Reads allowed, writes denied: the `strata` command without flags.
    fn default() -> Self {
        Permissions { sandbox: false, deny_read: Scope::Nothing, allow_write: Scope::Nothing, deny_write: Scope::Nothing }
    }
}

/// Why an access was refused: the data of the `NotCapable` error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Denial {
    /// What was asked for.
    pub access: Access,
    /// The absolute, normalized path.
    pub path: PathBuf,
    /// Which flag refused it.
    pub reason: DenialReason,
}

/// The flag behind a [`Denial`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum DenialReason {
    /// `--sandbox`.
    Sandbox,
    /// `--deny-read` or `--deny-write` lists the path.
    Denied,
    /// Writing needs `--allow-write`, which does not cover the path.
    NotAllowed,
}

impl Denial {
    /// The error message: `Requires write access to "/tmp/x", run again
    /// with --allow-write` and its variants.
    pub fn message(&self) -> String {
        let what = self.access.name();
        let path = self.path.display();
        match self.reason {
            DenialReason::Sandbox => format!("Requires {what} access to \"{path}\", which --sandbox denies"),
            DenialReason::Denied => format!("Requires {what} access to \"{path}\", which --deny-{what} denies"),
            DenialReason::NotAllowed => format!("Requires {what} access to \"{path}\", run again with --allow-{what}"),
        }
    }
}

impl Permissions {
    /// No host access (`--sandbox`).
    pub fn sandbox() -> Permissions {
        Permissions { sandbox: true, ..Permissions::default() }
    }

    /// Everything allowed (what an embedder that trusts its scripts uses).
    pub fn allow_all() -> Permissions {
        Permissions { allow_write: Scope::All, ..Permissions::default() }
    }

    /// Checks `access` to `path` (relative paths resolve against `cwd`);
    /// on success returns the absolute, normalized path.
    pub fn check(&self, access: Access, path: &Path, cwd: &Path) -> Result<PathBuf, Denial> {
        let path = absolute(path, cwd);
        let refuse = |reason| Err(Denial { access, path: path.clone(), reason });
        if self.sandbox {
            return refuse(DenialReason::Sandbox);
        }
        match access {
            Access::Read if self.deny_read.covers(&path) => refuse(DenialReason::Denied),
            Access::Write if self.deny_write.covers(&path) => refuse(DenialReason::Denied),
            Access::Write if !self.allow_write.covers(&path) => refuse(DenialReason::NotAllowed),
            _ => Ok(path),
        }
    }
}

/// Parses a flag's value: absent (`--allow-write`) means every path,
/// `a,b` the listed ones (made absolute against `cwd`). An empty list
/// entry is an error.
pub fn parse_scope(value: Option<&str>, cwd: &Path, flag: &str) -> Result<Scope, String> {
    match value {
        None | Some("true") => Ok(Scope::All),
        Some(list) => {
            let mut paths = Vec::new();
            for p in list.split(',') {
                if p.is_empty() {
                    return Err(format!("--{flag}={list}: empty path in the list"));
                }
                paths.push(absolute(Path::new(p), cwd));
            }
            Ok(Scope::Under(paths))
        }
    }
}

/// `path` made absolute against `cwd` and normalized lexically: `.`
/// dropped, `..` removes the previous component (never above the root).
pub fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    let joined = if path.is_absolute() { path.to_path_buf() } else { cwd.join(path) };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::Prefix(_) | Component::RootDir => out.push(c.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                // At the root `pop` does nothing: `/..` is `/`.
                out.pop();
            }
            Component::Normal(n) => out.push(n),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(p: &Permissions, access: Access, path: &str) -> Result<PathBuf, DenialReason> {
        p.check(access, Path::new(path), Path::new("/work/dir")).map_err(|d| d.reason)
    }

    #[test]
    fn normalizes_lexically() {
        let cwd = Path::new("/work/dir");
        assert_eq!(absolute(Path::new("a/./b/../c"), cwd), PathBuf::from("/work/dir/a/c"));
        assert_eq!(absolute(Path::new("../../../x"), cwd), PathBuf::from("/x"));
        assert_eq!(absolute(Path::new("/tmp//y/"), cwd), PathBuf::from("/tmp/y"));
        assert_eq!(absolute(Path::new("."), cwd), PathBuf::from("/work/dir"));
    }

    #[test]
    fn defaults_read_but_not_write() {
        let p = Permissions::default();
        assert_eq!(check(&p, Access::Read, "/etc/passwd"), Ok(PathBuf::from("/etc/passwd")));
        assert_eq!(check(&p, Access::Write, "/tmp/x"), Err(DenialReason::NotAllowed));
    }

    #[test]
    fn prefixes_match_whole_components() {
        let cwd = Path::new("/work/dir");
        let p = Permissions { allow_write: parse_scope(Some("/tmp/a,out"), cwd, "allow-write").unwrap(), ..Permissions::default() };
        assert!(check(&p, Access::Write, "/tmp/a").is_ok());
        assert!(check(&p, Access::Write, "/tmp/a/b/c").is_ok());
        assert_eq!(check(&p, Access::Write, "/tmp/ab"), Err(DenialReason::NotAllowed));
        assert!(check(&p, Access::Write, "out/file").is_ok());
        assert!(check(&p, Access::Write, "/work/dir/out").is_ok());
        // `..` cannot climb out of a grant.
        assert_eq!(check(&p, Access::Write, "/tmp/a/../b"), Err(DenialReason::NotAllowed));
        assert_eq!(check(&p, Access::Write, "out/../../x"), Err(DenialReason::NotAllowed));
    }

    #[test]
    fn deny_lists_and_sandbox() {
        let cwd = Path::new("/work/dir");
        let p = Permissions {
            deny_read: parse_scope(Some("/secret"), cwd, "deny-read").unwrap(),
            allow_write: Scope::All,
            deny_write: parse_scope(Some("/etc"), cwd, "deny-write").unwrap(),
            sandbox: false,
        };
        assert_eq!(check(&p, Access::Read, "/secret/key"), Err(DenialReason::Denied));
        assert!(check(&p, Access::Read, "/secrets").is_ok());
        assert_eq!(check(&p, Access::Write, "/etc/hosts"), Err(DenialReason::Denied));
        assert!(check(&p, Access::Write, "/tmp/x").is_ok());
        let all = Permissions { deny_read: parse_scope(None, cwd, "deny-read").unwrap(), ..Permissions::default() };
        assert_eq!(check(&all, Access::Read, "/anything"), Err(DenialReason::Denied));
        let s = Permissions::sandbox();
        assert_eq!(check(&s, Access::Read, "/tmp"), Err(DenialReason::Sandbox));
        assert_eq!(check(&s, Access::Write, "/tmp"), Err(DenialReason::Sandbox));
    }

    #[test]
    fn messages_name_the_flag() {
        let d = Denial { access: Access::Write, path: PathBuf::from("/tmp/x"), reason: DenialReason::NotAllowed };
        assert_eq!(d.message(), "Requires write access to \"/tmp/x\", run again with --allow-write");
        let d = Denial { access: Access::Read, path: PathBuf::from("/x"), reason: DenialReason::Denied };
        assert_eq!(d.message(), "Requires read access to \"/x\", which --deny-read denies");
        assert!(parse_scope(Some("a,,b"), Path::new("/"), "allow-write").is_err());
    }
}
