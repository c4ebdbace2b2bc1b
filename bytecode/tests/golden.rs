//! Golden tests for the bytecode generator: each `tests/golden/*.js` is
//! compiled and its printed bytecode (`print_function`, with line:column
//! positions) compared with the `.bytecode` file next to it.
//!
//! The first line may carry `// @strict` to compile as strict code. A file
//! that fails to compile prints its `SyntaxError` instead.
//! `STRATA_BLESS=1 cargo test -p strata-bytecode --test golden` rewrites
//! the expected files; review the diff like code: it is the spec of the
//! generator.

use std::fs;
use std::path::{Path, PathBuf};

use oxc_allocator::Allocator;
use strata_bytecode::generator::compile_script;
use strata_bytecode::print_function;
use strata_frontend::{Goal, LineMap, ParseOptions, parse};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("golden")
}

fn render(path: &Path) -> String {
    let source = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let strict = source.lines().next().unwrap_or("").contains("@strict");
    let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let allocator = Allocator::default();
    let parsed = match parse(&allocator, &source, ParseOptions { path: name, goal: Goal::Script, strict }) {
        Ok(parsed) => parsed,
        Err(error) => return format!("{error}\n"),
    };
    match compile_script(&parsed, 0) {
        Ok(code) => {
            // Positions are byte offsets into the source as given.
            let lines = LineMap::new(&source);
            let lc = |offset: u32| {
                let location = lines.locate(&source, offset);
                (location.line, location.column)
            };
            print_function(&code, Some(&lc))
        }
        Err(error) => format!("{error}\n"),
    }
}

#[test]
fn golden_bytecode() {
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
        let expected_path = input.with_extension("bytecode");
        if bless {
            fs::write(&expected_path, &actual).expect("write golden file");
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!("{}:\n--- expected\n{expected}\n--- actual\n{actual}", input.display()));
        }
    }
    assert!(failures.is_empty(), "{} golden file(s) differ (STRATA_BLESS=1 rewrites them):\n{}", failures.len(), failures.join("\n"));
}
