//! Golden tests for the scope analysis: each `tests/golden/*.js` is parsed
//! and its `dump()` compared with the `.scopes` file next to it.
//!
//! The first line may carry flags: `// @module` parses the file as a module,
//! `// @strict` forces strict mode. A file that fails to parse dumps its
//! `SyntaxError` instead. `STRATA_BLESS=1 cargo test -p strata-frontend`
//! rewrites the expected files; review the diff like code.

use std::fs;
use std::path::{Path, PathBuf};

use oxc_allocator::Allocator;
use strata_frontend::{Goal, ParseOptions, dump, parse};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
}

fn render(path: &Path) -> String {
    let source = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let first_line = source.lines().next().unwrap_or("");
    let goal = if first_line.contains("@module") {
        Goal::Module
    } else {
        Goal::Script
    };
    let strict = first_line.contains("@strict");
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let allocator = Allocator::default();
    match parse(
        &allocator,
        &source,
        ParseOptions {
            path: name,
            goal,
            strict,
        },
    ) {
        Ok(parsed) => dump(&parsed),
        Err(error) => format!("{error}\n"),
    }
}

#[test]
fn golden_scopes() {
    let bless = std::env::var_os("STRATA_BLESS").is_some_and(|v| v == "1");
    let mut inputs: Vec<PathBuf> = fs::read_dir(golden_dir())
        .expect("tests/golden exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "js"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no golden inputs found");
    let mut failures = Vec::new();
    for input in &inputs {
        let actual = render(input);
        let expected_path = input.with_extension("scopes");
        if bless {
            fs::write(&expected_path, &actual).expect("write expected output");
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!(
                "{}: dump differs from {}\n--- expected\n{expected}--- actual\n{actual}",
                input.display(),
                expected_path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden file(s) differ (STRATA_BLESS=1 to accept):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
