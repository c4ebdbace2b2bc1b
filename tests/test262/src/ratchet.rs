//! The CI ratchet: `expectations.txt` lists every run that fails today
//! (`<path> <mode>`, sorted, `#` comments). A failure outside the list is a
//! regression; a listed run that passes is progress, to be recorded with
//! `--update-expectations` so the list only shrinks.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use crate::metadata::Mode;
use crate::outcome::{Outcome, Status};
use crate::pool::Job;

/// The header written at the top of the file.
const HEADER: &str = "\
# test262 runs that fail today: `<path> <mode>`, sorted. CI fails when a run
# outside this list fails; runs on it that pass are printed so the list only
# shrinks. Rewrite with:
#   cargo run --release -p strata-test262 -- --update-expectations
";

/// Reads the expectations (a missing file is an empty list).
pub fn load(path: &Path) -> Result<BTreeSet<Job>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeSet::new()),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let mut set = BTreeSet::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parsed = line.rsplit_once(' ').and_then(|(p, m)| Some(Job { path: p.trim().to_string(), mode: Mode::from_name(m)? }));
        match parsed {
            Some(job) => {
                set.insert(job);
            }
            None => return Err(format!("{}:{}: expected `<path> <mode>`, got `{line}`", path.display(), n + 1)),
        }
    }
    Ok(set)
}

/// The comparison of a run with the expectations.
#[derive(Debug, Default)]
pub struct Verdict {
    /// Failing runs not on the list, with their outcome.
    pub regressions: Vec<(Job, Outcome)>,
    /// Listed runs that now pass.
    pub fixed: Vec<Job>,
    /// Listed runs that were selected by no filter and exist no more.
    pub stale: Vec<Job>,
}

/// Compares the runs with the list. `whole_suite` says no filter was given
/// (only then can a listed run that was not made be called stale).
pub fn compare(expected: &BTreeSet<Job>, jobs: &[Job], outcomes: &[Outcome], whole_suite: bool) -> Verdict {
    let mut v = Verdict::default();
    for (job, o) in jobs.iter().zip(outcomes) {
        let listed = expected.contains(job);
        match (o.status == Status::Pass, listed) {
            (false, false) => v.regressions.push((job.clone(), o.clone())),
            (true, true) => v.fixed.push(job.clone()),
            _ => {}
        }
    }
    if whole_suite {
        let made: BTreeSet<&Job> = jobs.iter().collect();
        v.stale = expected.iter().filter(|j| !made.contains(j)).cloned().collect();
    }
    v
}

/// The new list: the old one outside the runs made, plus today's failures.
pub fn updated(expected: &BTreeSet<Job>, jobs: &[Job], outcomes: &[Outcome], whole_suite: bool) -> BTreeSet<Job> {
    let made: BTreeSet<&Job> = jobs.iter().collect();
    let mut set: BTreeSet<Job> =
        if whole_suite { BTreeSet::new() } else { expected.iter().filter(|j| !made.contains(j)).cloned().collect() };
    for (job, o) in jobs.iter().zip(outcomes) {
        if o.status != Status::Pass {
            set.insert(job.clone());
        }
    }
    set
}

/// Writes the list, sorted.
pub fn save(path: &Path, set: &BTreeSet<Job>) -> Result<(), String> {
    let mut text = String::from(HEADER);
    for job in set {
        let _ = writeln!(text, "{} {}", job.path, job.mode);
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(p: &str, m: Mode) -> Job {
        Job { path: p.into(), mode: m }
    }

    #[test]
    fn regressions_and_fixes() {
        let expected: BTreeSet<Job> = [job("a.js", Mode::Strict), job("b.js", Mode::Sloppy), job("gone.js", Mode::Sloppy)].into();
        let jobs = [job("a.js", Mode::Strict), job("b.js", Mode::Sloppy), job("c.js", Mode::Sloppy)];
        let outcomes = [Outcome::fail("x"), Outcome::pass(), Outcome::fail("y")];
        let v = compare(&expected, &jobs, &outcomes, true);
        assert_eq!(v.regressions.len(), 1);
        assert_eq!(v.regressions[0].0, job("c.js", Mode::Sloppy));
        assert_eq!(v.fixed, [job("b.js", Mode::Sloppy)]);
        assert_eq!(v.stale, [job("gone.js", Mode::Sloppy)]);
        let new = updated(&expected, &jobs, &outcomes, false);
        assert_eq!(new, [job("a.js", Mode::Strict), job("c.js", Mode::Sloppy), job("gone.js", Mode::Sloppy)].into());
    }
}
