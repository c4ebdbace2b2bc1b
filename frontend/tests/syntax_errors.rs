//! Early errors: message, line and column of the first error, as V8
//! reports positions (1-based lines, UTF-16 columns), and strict mode.

use oxc_allocator::Allocator;
use strata_frontend::{Goal, ParseOptions, SyntaxError, parse};

fn options(goal: Goal, strict: bool) -> ParseOptions {
    ParseOptions {
        path: "test.js".to_string(),
        goal,
        strict,
    }
}

fn error_of(source: &str, goal: Goal, strict: bool) -> SyntaxError {
    let allocator = Allocator::default();
    match parse(&allocator, source, options(goal, strict)) {
        Ok(_) => panic!("expected a SyntaxError for {source:?}"),
        Err(error) => error,
    }
}

fn script_error(source: &str) -> SyntaxError {
    error_of(source, Goal::Script, false)
}

fn parses(source: &str, goal: Goal, strict: bool) -> bool {
    let allocator = Allocator::default();
    parse(&allocator, source, options(goal, strict)).is_ok()
}

#[test]
fn lexical_redeclaration_points_at_the_second_declaration() {
    let error = script_error("let x; let x;");
    assert_eq!(error.message, "Identifier `x` has already been declared");
    assert_eq!((error.line, error.column, error.offset), (1, 12, 11));
    assert_eq!(
        error.to_string(),
        "test.js:1:12: SyntaxError: Identifier `x` has already been declared"
    );
}

#[test]
fn invalid_assignment_target() {
    let error = script_error("1 = 2;");
    assert_eq!(error.message, "Cannot assign to this expression");
    assert_eq!((error.line, error.column), (1, 1));
}

#[test]
fn unterminated_string() {
    let error = script_error("var s = 'abc;\n");
    assert_eq!(error.message, "Unterminated string");
    assert_eq!((error.line, error.column), (1, 9));
}

#[test]
fn error_on_line_three_after_crlf() {
    let error = script_error("var a = 1;\r\nvar b = 2;\r\n  a = = 3;\r\n");
    assert_eq!((error.line, error.column), (3, 7));
    assert_eq!(error.offset, 30);
}

#[test]
fn columns_count_utf16_code_units() {
    // 'é' is 2 UTF-8 bytes and 1 UTF-16 unit; '😀' is 4 bytes and 2 units.
    let error = script_error("var s = 'é😀'; let t; let t;");
    assert_eq!(error.offset, 29);
    assert_eq!((error.line, error.column), (1, 27));
}

#[test]
fn lines_split_at_cr_and_unicode_separators() {
    let error = script_error("a;\rb;\u{2028}c;\u{2029}let d; let d;");
    assert_eq!((error.line, error.column), (4, 12));
}

#[test]
fn strict_mode_rejects_with() {
    let source = "var o = {};\nwith (o) {}\n";
    assert!(parses(source, Goal::Script, false));
    let error = error_of(source, Goal::Script, true);
    assert_eq!((error.line, error.column), (2, 1));
    assert!(error.message.contains("with"), "{}", error.message);
    assert!(!parses(source, Goal::Module, false));
}

#[test]
fn strict_prelude_keeps_positions_of_the_callers_text() {
    let error = error_of("  let x; let x;", Goal::Script, true);
    assert_eq!((error.line, error.column, error.offset), (1, 14, 13));
    let error = error_of("#!/usr/bin/env strata\nwith (o) {}", Goal::Script, true);
    assert_eq!((error.line, error.column), (2, 1));
}

#[test]
fn first_error_is_the_earliest_in_the_source() {
    let error = script_error("let x; let x;\n1 = 2;");
    assert_eq!((error.line, error.column), (1, 12));
}

#[test]
fn module_goal_differs_from_script() {
    assert!(parses("export const a = 1; await 0;", Goal::Module, false));
    let error = script_error("export const a = 1;");
    assert_eq!(error.line, 1);
}

#[test]
fn regular_expressions_are_validated() {
    let error = script_error("var r = /(/;");
    assert_eq!(error.line, 1);
}

#[test]
fn no_typescript_and_no_jsx() {
    assert!(!parses("let x: number = 1;", Goal::Script, false));
    assert!(!parses("var e = <div />;", Goal::Script, false));
}

#[test]
fn deep_nesting_neither_crashes_nor_overflows() {
    // Far deeper than a 2 MiB test thread could parse recursively.
    let depth = 20_000;
    let nested = format!("{}1{}", "(".repeat(depth), ")".repeat(depth));
    assert!(parses(&nested, Goal::Script, false));
    let unclosed = "[".repeat(depth);
    assert!(!parses(&unclosed, Goal::Script, false));
    let unary = format!("{}x", "!".repeat(depth));
    assert!(parses(&unary, Goal::Script, false));
}

#[test]
fn arbitrary_bytes_never_panic() {
    let samples = [
        "",
        "\u{feff}",
        "\\u{",
        "`${",
        "/*",
        "'\\",
        "#!",
        "#",
        "class { #",
        "a?.b`",
        "\u{2028}",
        "async () => await",
        "for (let [a, a] of b);",
        "({a: 1} = 1)",
        "new.target",
        "super()",
        "import.meta",
        "x = class { static { await } }",
        "label: label: ;",
        "\0",
    ];
    for source in samples {
        for goal in [Goal::Script, Goal::Module] {
            let allocator = Allocator::default();
            let _ = parse(&allocator, source, options(goal, false));
        }
    }
}
