//! Reading what a benchmark script printed (the calling convention of
//! `../shared/bench/awfy/README.md`):
//!
//! ```text
//! Richards: iteration 0 runtime: 1234us
//! Richards: iteration 1 runtime: 1180us
//! Richards: total_us=2414
//! ```
//!
//! Fed by the captured stdout of one engine process (`process.rs`); feeds
//! the run records of `results.rs`. Other lines (an engine printing the
//! script's completion value, warnings) are ignored. The *last* `total_us`
//! line counts; a run without one has failed.

/// The figures one script run printed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScriptOutput {
    /// The benchmark's own name (`Richards`), from the first line that had one.
    pub name: Option<String>,
    /// Each iteration's time in µs, in iteration order (index = iteration).
    pub iterations_us: Vec<u64>,
    /// The last `total_us=N` figure.
    pub total_us: Option<u64>,
}

/// One line's meaning.
#[derive(Debug, PartialEq, Eq)]
enum Line<'a> {
    Iteration { name: &'a str, index: usize, runtime_us: u64 },
    Total { name: &'a str, total_us: u64 },
}

/// Parses one line; `None` for anything that is not a benchmark figure.
fn parse_line(line: &str) -> Option<Line<'_>> {
    let line = line.trim();
    let (name, rest) = line.split_once(": ")?;
    if name.is_empty() || name.contains(char::is_whitespace) {
        return None;
    }
    if let Some(n) = rest.strip_prefix("total_us=") {
        return Some(Line::Total { name, total_us: n.trim().parse().ok()? });
    }
    let rest = rest.strip_prefix("iteration ")?;
    let (index, rest) = rest.split_once(' ')?;
    let runtime = rest.strip_prefix("runtime: ")?.strip_suffix("us")?;
    Some(Line::Iteration { name, index: index.parse().ok()?, runtime_us: runtime.trim().parse().ok()? })
}

/// Reads the figures out of a script's stdout.
pub fn parse(stdout: &str) -> ScriptOutput {
    let mut out = ScriptOutput::default();
    let mut iterations: Vec<(usize, u64)> = Vec::new();
    for line in stdout.lines() {
        let Some(parsed) = parse_line(line) else {
            continue;
        };
        let (Line::Iteration { name, .. } | Line::Total { name, .. }) = parsed;
        if out.name.is_none() {
            out.name = Some(name.to_string());
        }
        match parsed {
            Line::Iteration { index, runtime_us, .. } => iterations.push((index, runtime_us)),
            Line::Total { total_us, .. } => out.total_us = Some(total_us),
        }
    }
    // Iteration order by index; a repeated index keeps its last line.
    iterations.sort_by_key(|&(i, _)| i);
    iterations.dedup_by(|later, earlier| {
        let same = later.0 == earlier.0;
        if same {
            earlier.1 = later.1;
        }
        same
    });
    out.iterations_us = iterations.into_iter().map(|(_, us)| us).collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iterations_and_total() {
        let out = parse(
            "Richards: iteration 0 runtime: 1234us\nRichards: iteration 1 runtime: 1180us\r\nRichards: total_us=2414\n",
        );
        assert_eq!(out.name.as_deref(), Some("Richards"));
        assert_eq!(out.iterations_us, vec![1234, 1180]);
        assert_eq!(out.total_us, Some(2414));
    }

    #[test]
    fn ignores_other_lines_and_keeps_the_last_total() {
        let out = parse(
            "undefined\nwarning: something: else\nNBody: iteration 0 runtime: 7us\nNBody: total_us=1\nNBody: total_us=7\n",
        );
        assert_eq!(out.iterations_us, vec![7]);
        assert_eq!(out.total_us, Some(7));
    }

    #[test]
    fn missing_total_and_malformed_figures() {
        let out = parse("Sieve: iteration 0 runtime: 12us\nSieve: total_us=\nSieve: iteration x runtime: 3us\n");
        assert_eq!(out.total_us, None);
        assert_eq!(out.iterations_us, vec![12]);
        assert_eq!(parse(""), ScriptOutput::default());
        assert_eq!(parse_line("Sieve: iteration 1 runtime: 12ms"), None);
        assert_eq!(parse_line("two words: total_us=3"), None);
    }

    #[test]
    fn iterations_sorted_by_index() {
        let out = parse("B: iteration 1 runtime: 20us\nB: iteration 0 runtime: 10us\nB: iteration 1 runtime: 21us\n");
        assert_eq!(out.iterations_us, vec![10, 21]);
    }
}
