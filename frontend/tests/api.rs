//! The lookup API the bytecode generator uses, and invariants that must
//! hold for every analysed source (checked over the golden inputs too).

use std::fs;
use std::path::Path;

use oxc_allocator::Allocator;
use oxc_ast::AstKind;
use strata_frontend::{
    BindingKind, FunctionKind, Goal, ParseOptions, ParsedSource, Resolution, ScopeKind, Storage,
    parse,
};

fn parse_script<'a>(allocator: &'a Allocator, source: &'a str) -> ParsedSource<'a> {
    let options = ParseOptions {
        path: "api.js".to_string(),
        goal: Goal::Script,
        strict: false,
    };
    parse(allocator, source, options).expect("parses")
}

/// The symbol declared with `name` (the first one, in source order).
fn symbol(parsed: &ParsedSource<'_>, name: &str) -> oxc_semantic::SymbolId {
    let scoping = parsed.semantic.scoping();
    scoping
        .symbol_ids()
        .find(|&s| scoping.symbol_name(s) == name)
        .expect("symbol exists")
}

/// Every reference to `name`, in source order.
fn references(parsed: &ParsedSource<'_>, name: &str) -> Vec<oxc_semantic::ReferenceId> {
    let mut found = Vec::new();
    for node in parsed.semantic.nodes().iter() {
        if let AstKind::IdentifierReference(ident) = node.kind()
            && ident.name == name
            && let Some(id) = ident.reference_id.get()
        {
            found.push(id);
        }
    }
    found
}

#[test]
fn storage_and_resolution_of_a_captured_parameter() {
    let allocator = Allocator::default();
    let parsed = parse_script(&allocator, "function f(a, b) { b; return () => a; }");
    let scopes = &parsed.scopes;
    let a = symbol(&parsed, "a");
    let b = symbol(&parsed, "b");
    let Some(Storage::Context { scope, slot: 0 }) = scopes.storage(a) else {
        panic!("a is captured")
    };
    assert_eq!(
        scopes.scope_info(*scope).map(|s| s.kind),
        Some(ScopeKind::Function)
    );
    assert_eq!(scopes.storage(b), Some(&Storage::Register(0)));
    let a_ref = references(&parsed, "a")[0];
    assert_eq!(
        scopes.resolve(a_ref),
        Some(&Resolution::Context { depth: 0, slot: 0 })
    );
    let b_ref = references(&parsed, "b")[0];
    assert_eq!(scopes.resolve(b_ref), Some(&Resolution::Register(0)));
    assert!(!scopes.reference(b_ref).is_some_and(|r| r.tdz_check));
}

#[test]
fn functions_and_scopes_are_reachable_from_nodes() {
    let allocator = Allocator::default();
    let parsed = parse_script(
        &allocator,
        "function f() { { let x = 1; return () => x; } }",
    );
    let scopes = &parsed.scopes;
    let mut arrow = None;
    let mut function = None;
    for node in parsed.semantic.nodes().iter() {
        match node.kind() {
            AstKind::ArrowFunctionExpression(_) => arrow = scopes.function_of_node(node.id()),
            AstKind::Function(_) => function = scopes.function_of_node(node.id()),
            _ => {}
        }
    }
    let (arrow, function) = (arrow.expect("arrow unit"), function.expect("function unit"));
    assert_eq!(
        scopes.function(arrow).map(|f| f.kind),
        Some(FunctionKind::Arrow)
    );
    assert_eq!(
        scopes.function(arrow).and_then(|f| f.parent),
        Some(function)
    );
    let info = scopes.function(function).expect("info");
    assert_eq!(info.scopes.len(), 2);
    let block = info.scopes[1];
    assert_eq!(scopes.function_of_scope(block), Some(function));
    let block_info = scopes.scope_info(block).expect("block");
    assert!(block_info.needs_context);
    assert_eq!(block_info.context_slots, 1);
    let names: Vec<&str> = scopes
        .scope_bindings(block)
        .map(|b| b.name.as_str())
        .collect();
    assert_eq!(names, ["x"]);
    let x = scopes
        .binding_of_symbol(symbol(&parsed, "x"))
        .expect("binding");
    assert_eq!(
        scopes.resolve_binding_at(x, block),
        Some(Resolution::Context { depth: 0, slot: 0 })
    );
    assert_eq!(scopes.resolve_binding_at(x, info.scope), None);
}

#[test]
fn implicit_bindings_and_this_sites() {
    let allocator = Allocator::default();
    let parsed = parse_script(&allocator, "function f() { return () => this; }");
    let scopes = &parsed.scopes;
    let f = scopes
        .functions()
        .iter()
        .find(|f| f.name == "f")
        .expect("f");
    let this = scopes
        .implicit_binding(f.id, BindingKind::This)
        .expect("captured this");
    assert!(matches!(
        scopes.binding(this).map(|b| &b.storage),
        Some(Storage::Context { .. })
    ));
    let site = parsed
        .semantic
        .nodes()
        .iter()
        .find(|n| matches!(n.kind(), AstKind::ThisExpression(_)))
        .expect("this node");
    let info = scopes.resolve_this(site.id()).expect("resolved");
    assert_eq!(info.resolution, Resolution::Context { depth: 0, slot: 0 });
}

#[test]
fn class_field_values_run_in_the_initializer_unit() {
    let allocator = Allocator::default();
    let parsed = parse_script(&allocator, "class A { x = 1; static y = 2; m() {} }");
    let scopes = &parsed.scopes;
    let class = parsed
        .semantic
        .nodes()
        .iter()
        .find(|n| matches!(n.kind(), AstKind::Class(_)))
        .expect("class node");
    let (instance, statics) = scopes.class_initializers(class.id());
    let instance = instance.expect("instance fields unit");
    let statics = statics.expect("static unit");
    for node in parsed.semantic.nodes().iter() {
        if let AstKind::NumericLiteral(literal) = node.kind() {
            let expected = if literal.value == 1.0 {
                instance
            } else {
                statics
            };
            assert_eq!(scopes.function_of_node(node.id()), Some(expected));
        }
    }
}

/// Invariants every analysis must keep.
fn check_invariants(parsed: &ParsedSource<'_>, what: &str) {
    let scopes = &parsed.scopes;
    for binding in scopes.bindings() {
        if let Storage::Context { scope, slot } = binding.storage {
            let info = scopes.scope_info(scope).expect("context scope exists");
            assert!(
                info.needs_context && slot < info.context_slots,
                "{what}: {}",
                binding.name
            );
            assert_eq!(scope, binding.scope, "{what}: {}", binding.name);
        }
        if let Storage::Register(r) = binding.storage {
            let owner = scopes.function(binding.function).expect("owner");
            assert!(r < owner.register_count, "{what}: {}", binding.name);
        }
    }
    let scoping = parsed.semantic.scoping();
    for index in 0..scoping.references_len() {
        let id = oxc_semantic::ReferenceId::new(index);
        let info = scopes
            .reference(id)
            .unwrap_or_else(|| panic!("{what}: reference {index} unresolved"));
        match &info.resolution {
            Resolution::Register(_) => {
                let binding = info
                    .binding
                    .and_then(|b| scopes.binding(b))
                    .expect("register binding");
                assert_eq!(
                    binding.function, info.function,
                    "{what}: {} escapes its unit",
                    info.name
                );
            }
            Resolution::Context { depth, slot } => {
                let binding = info
                    .binding
                    .and_then(|b| scopes.binding(b))
                    .expect("context binding");
                let Storage::Context { slot: stored, .. } = binding.storage else {
                    panic!("{what}")
                };
                assert_eq!(*slot, stored, "{what}: {}", info.name);
                let _ = depth;
            }
            _ => {}
        }
    }
}

#[test]
fn invariants_hold_for_every_golden_input() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden");
    let mut count = 0;
    for entry in fs::read_dir(dir).expect("golden dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "js") {
            continue;
        }
        let source = fs::read_to_string(&path).expect("readable");
        let goal = if source.lines().next().unwrap_or("").contains("@module") {
            Goal::Module
        } else {
            Goal::Script
        };
        let allocator = Allocator::default();
        let options = ParseOptions {
            path: path.display().to_string(),
            goal,
            strict: false,
        };
        if let Ok(parsed) = parse(&allocator, &source, options) {
            check_invariants(&parsed, &path.display().to_string());
            count += 1;
        }
    }
    assert!(count > 5);
}
