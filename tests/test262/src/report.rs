//! What a run prints: pass rates per top-level directory and per built-in
//! (`test/built-ins/X`), the most common failure reasons, and the JSON
//! file with every run's verdict.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use crate::discover::Discovery;
use crate::outcome::{Outcome, Status};
use crate::pool::Job;

/// Pass/fail counts of a group of runs.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Runs that passed.
    pub pass: usize,
    /// Runs in the group.
    pub total: usize,
}

impl Counts {
    fn add(&mut self, passed: bool) {
        self.total += 1;
        self.pass += passed as usize;
    }
    /// Pass rate in percent.
    pub fn percent(&self) -> f64 {
        if self.total == 0 { 0.0 } else { 100.0 * self.pass as f64 / self.total as f64 }
    }
}

/// Counts per group: `test/language` etc. and `test/built-ins/X`.
pub struct Summary {
    /// Top-level directories, in suite order.
    pub top: Vec<(String, Counts)>,
    /// Built-ins by name.
    pub builtins: BTreeMap<String, Counts>,
    /// Everything.
    pub all: Counts,
    /// Runs by status.
    pub by_status: BTreeMap<Status, usize>,
}

/// Adds up the verdicts.
pub fn summarize(jobs: &[Job], outcomes: &[Outcome]) -> Summary {
    let mut top: Vec<(String, Counts)> =
        crate::discover::SUITE_DIRS.iter().map(|d| (d.to_string(), Counts::default())).collect();
    let mut builtins: BTreeMap<String, Counts> = BTreeMap::new();
    let mut all = Counts::default();
    let mut by_status = BTreeMap::new();
    for (job, o) in jobs.iter().zip(outcomes) {
        let passed = o.status == Status::Pass;
        all.add(passed);
        *by_status.entry(o.status).or_insert(0) += 1;
        if let Some((_, c)) = top.iter_mut().find(|(d, _)| job.path.starts_with(d.as_str()) && job.path[d.len()..].starts_with('/')) {
            c.add(passed);
        }
        if let Some(rest) = job.path.strip_prefix("test/built-ins/") {
            let name = rest.split('/').next().unwrap_or(rest);
            builtins.entry(name.to_string()).or_default().add(passed);
        }
    }
    top.retain(|(_, c)| c.total > 0);
    Summary { top, builtins, all, by_status }
}

fn row(out: &mut String, name: &str, c: &Counts) {
    let _ = writeln!(out, "{name:<44} {:>7} {:>7} {:>7} {:>6.1}%", c.pass, c.total - c.pass, c.total, c.percent());
}

fn header(out: &mut String, first: &str) {
    let _ = writeln!(out, "{first:<44} {:>7} {:>7} {:>7} {:>7}", "pass", "fail", "total", "rate");
}

/// The tables and the notes on what was left out.
pub fn render(summary: &Summary, discovery: &Discovery, tier: &str, wall: std::time::Duration) -> String {
    let mut out = String::new();
    if !summary.builtins.is_empty() {
        header(&mut out, "built-in");
        for (name, c) in &summary.builtins {
            row(&mut out, &format!("test/built-ins/{name}"), c);
        }
        out.push('\n');
    }
    header(&mut out, &format!("directory (tier {tier}, runs: files x modes)"));
    for (name, c) in &summary.top {
        row(&mut out, name, c);
    }
    row(&mut out, "all", &summary.all);
    let statuses: Vec<String> = summary.by_status.iter().map(|(s, n)| format!("{s} {n}")).collect();
    let _ = writeln!(out, "\n{} files, {} runs ({}) in {:.1} s", discovery.files, summary.all.total, statuses.join(", "), wall.as_secs_f64());
    for (dir, n, why) in &discovery.excluded {
        let _ = writeln!(out, "not run: {dir} ({n} files): {why}");
    }
    if !discovery.not_applicable.is_empty() {
        let _ = writeln!(
            out,
            "not run: {} CanBlockIsFalse tests: this host's agent can block ({})",
            discovery.not_applicable.len(),
            discovery.not_applicable.join(", ")
        );
    }
    out
}

/// A failure reason with the specifics taken out (numbers, quoted text),
/// so that runs failing for the same cause land in one bucket.
pub fn reason_bucket(reason: &str) -> String {
    let mut out = String::new();
    let mut quote: Option<char> = None;
    let mut last_digit = false;
    // Digits inside a name (`Test262Error`, `Float64Array`) stay.
    let mut in_word = false;
    for c in reason.chars() {
        let word_before = in_word;
        in_word = c.is_alphanumeric() && (word_before || c.is_alphabetic()) || c == '_' || c == '$';
        if let Some(q) = quote {
            if c == q {
                quote = None;
                out.push(q);
            }
            continue;
        }
        match c {
            '\'' | '"' | '`' => {
                quote = Some(c);
                out.push(c);
                out.push('…');
            }
            '0'..='9' if !word_before => {
                if !last_digit {
                    out.push('#');
                }
                last_digit = true;
                continue;
            }
            _ => out.push(c),
        }
        last_digit = false;
        if out.chars().count() >= 90 {
            break;
        }
    }
    out
}

/// The `limit` most common failure buckets: (count, bucket, an example run).
pub fn top_failures(jobs: &[Job], outcomes: &[Outcome], limit: usize) -> Vec<(usize, String, String)> {
    let mut buckets: HashMap<String, (usize, String)> = HashMap::new();
    for (job, o) in jobs.iter().zip(outcomes) {
        if o.status == Status::Pass {
            continue;
        }
        let key = format!("[{}] {}", o.status, reason_bucket(&o.reason));
        let e = buckets.entry(key).or_insert_with(|| (0, format!("{} {}", job.path, job.mode)));
        e.0 += 1;
    }
    let mut v: Vec<(usize, String, String)> = buckets.into_iter().map(|(k, (n, ex))| (n, k, ex)).collect();
    v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    v.truncate(limit);
    v
}

/// The JSON file: the suite version, the counts and every run.
pub fn json(jobs: &[Job], outcomes: &[Outcome], summary: &Summary, version: &str, tier: &str) -> String {
    let mut out = String::with_capacity(jobs.len() * 120);
    let _ = write!(out, "{{\n  \"test262\": {},\n  \"tier\": {},\n", quote(version), quote(tier));
    let _ = write!(out, "  \"pass\": {},\n  \"total\": {},\n  \"directories\": {{", summary.all.pass, summary.all.total);
    let groups = summary.top.iter().map(|(n, c)| (n.clone(), *c));
    let groups = groups.chain(summary.builtins.iter().map(|(n, c)| (format!("test/built-ins/{n}"), *c)));
    for (i, (name, c)) in groups.enumerate() {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(out, "{sep}\n    {}: {{\"pass\": {}, \"total\": {}}}", quote(&name), c.pass, c.total);
    }
    out.push_str("\n  },\n  \"results\": [");
    for (i, (job, o)) in jobs.iter().zip(outcomes).enumerate() {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(
            out,
            "{sep}\n    {{\"path\": {}, \"mode\": \"{}\", \"result\": \"{}\", \"ms\": {}, \"reason\": {}}}",
            quote(&job.path),
            job.mode,
            o.status,
            o.millis,
            quote(&o.reason)
        );
    }
    out.push_str("\n  ]\n}\n");
    out
}

/// A JSON string literal.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_drop_specifics() {
        assert_eq!(reason_bucket("Test262Error: Expected 12 but got 'abc' (x.js:3:4)"), "Test262Error: Expected # but got '…' (x.js:#:#)");
    }

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(quote("a\"b\\c\n\u{1}"), "\"a\\\"b\\\\c\\n\\u0001\"");
    }
}
