//! Finding the tests: every `.js` file under the suite's directories
//! except `_FIXTURE` files, each expanded into the runs its flags ask for.
//!
//! The denominator is every run in [`SUITE_DIRS`]. Only `test/intl402`
//! (ECMA-402, which Strata does not implement) and `test/staging` are left
//! out; the summary lists both with counts.

use std::path::Path;

use crate::metadata;
use crate::pool::Job;

/// The directories whose tests count.
pub const SUITE_DIRS: [&str; 4] = ["test/language", "test/built-ins", "test/annexB", "test/harness"];
/// The directories left out, with the reason the summary gives.
pub const EXCLUDED_DIRS: [(&str, &str); 2] =
    [("test/intl402", "ECMA-402 is not implemented"), ("test/staging", "proposals not yet in the standard")];

/// What a walk of the suite found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Runs to make, sorted by path then mode.
    pub jobs: Vec<Job>,
    /// Test files selected (before expansion into modes).
    pub files: usize,
    /// Excluded directories: (path, number of test files, reason).
    pub excluded: Vec<(String, usize, String)>,
    /// Selected files that do not apply to this host.
    pub not_applicable: Vec<String>,
}

/// Walks the suite at `root`; with `filters`, keeps paths containing any
/// of them.
pub fn discover(root: &Path, filters: &[String]) -> Result<Discovery, String> {
    let mut found = Discovery::default();
    for dir in SUITE_DIRS {
        let abs = root.join(dir);
        if !abs.is_dir() {
            return Err(format!("{} is not a directory (is --test262-dir right?)", abs.display()));
        }
        let mut files = Vec::new();
        walk(&abs, dir, &mut files).map_err(|e| format!("reading {}: {e}", abs.display()))?;
        files.sort();
        for path in files {
            if !filters.is_empty() && !filters.iter().any(|f| path.contains(f.as_str())) {
                continue;
            }
            found.files += 1;
            // An unreadable file or front matter still gets its runs: the
            // worker reports the problem as that test's failure.
            let modes = match std::fs::read_to_string(root.join(&path)).ok().map(|s| metadata::parse(&s)) {
                Some(Ok(meta)) => meta.modes(),
                _ => vec![metadata::Mode::Sloppy, metadata::Mode::Strict],
            };
            if modes.is_empty() {
                found.not_applicable.push(path);
                continue;
            }
            for mode in modes {
                found.jobs.push(Job { path: path.clone(), mode });
            }
        }
    }
    for (dir, why) in EXCLUDED_DIRS {
        let abs = root.join(dir);
        let mut files = Vec::new();
        if abs.is_dir() {
            walk(&abs, dir, &mut files).map_err(|e| format!("reading {}: {e}", abs.display()))?;
        }
        found.excluded.push((dir.to_string(), files.len(), why.to_string()));
    }
    Ok(found)
}

/// Collects test files under `abs`, as paths relative to the root.
fn walk(abs: &Path, rel: &str, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(abs)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel_child = format!("{rel}/{name}");
        if entry.file_type()?.is_dir() {
            walk(&entry.path(), &rel_child, out)?;
        } else if name.ends_with(".js") && !name.contains("_FIXTURE") {
            out.push(rel_child);
        }
    }
    Ok(())
}
