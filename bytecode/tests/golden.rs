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

/// Every function the generator produces passes the verifier the
/// interpreter relies on, and corrupting one is caught.
#[test]
fn generated_code_verifies_and_corruption_is_rejected() {
    use std::sync::Arc;
    use strata_bytecode::{BytecodeFunction, Constant, Opcode, verify};
    fn walk(f: &Arc<BytecodeFunction>, out: &mut Vec<Arc<BytecodeFunction>>) {
        out.push(f.clone());
        for c in &f.constants {
            match c {
                Constant::Function(g) => walk(g, out),
                Constant::Class(c) => walk(&c.constructor, out),
                _ => {}
            }
        }
    }
    let mut all = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(golden_dir()).expect("golden dir").flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "js")) {
        let source = fs::read_to_string(path).expect("read");
        let strict = source.lines().next().unwrap_or("").contains("@strict");
        let allocator = Allocator::default();
        let Ok(parsed) = parse(&allocator, &source, ParseOptions { path: String::new(), goal: Goal::Script, strict }) else {
            continue;
        };
        if let Ok(code) = compile_script(&parsed, 0) {
            walk(&code, &mut all);
        }
    }
    assert!(all.len() > 50, "the golden files compile to many functions");
    for f in &all {
        if let Err(e) = verify(f) {
            panic!("{}: {e}", String::from_utf16_lossy(&f.name));
        }
    }
    // Corruptions of one function that uses registers and a jump.
    let victim = all
        .iter()
        .find(|f| f.code.iter().any(|&b| b == Opcode::Star as u8) && f.code.iter().any(|&b| b == Opcode::Jump as u8))
        .expect("a function with Star and Jump");
    let mut bad = (**victim).clone();
    bad.register_count = 0;
    assert!(verify(&bad).is_err_and(|e| e.contains("register operand")), "registers past the frame");
    let mut bad = (**victim).clone();
    bad.feedback.clear();
    assert!(verify(&bad).is_err(), "feedback slots past the vector");
    let mut bad = (**victim).clone();
    bad.code.pop();
    assert!(verify(&bad).is_err(), "a truncated last instruction");
    let mut bad = (**victim).clone();
    bad.code.push(0xff);
    assert!(verify(&bad).is_err_and(|e| e.contains("undecodable")), "an unknown opcode");
    let mut bad = (**victim).clone();
    bad.code.push(Opcode::LdaZero as u8);
    assert!(verify(&bad).is_err_and(|e| e.contains("falls through")), "running off the end");
    let mut bad = (**victim).clone();
    let at = bad.code.iter().position(|&b| b == Opcode::Jump as u8).expect("a jump");
    let off = i32::from_le_bytes(bad.code[at + 1..at + 5].try_into().expect("4 bytes"));
    bad.code[at + 1..at + 5].copy_from_slice(&(off + 1).to_le_bytes());
    assert!(verify(&bad).is_err(), "a jump into the middle of an instruction (or off the code)");
}
