//! The scope analysis as text: for golden tests and `--print-scopes`.
//!
//! Fed by a [`ParsedSource`]; feeds humans and the golden test runner.
//! Invariant: the output is a function of the source alone: units in id
//! order, each with its scopes (id order), their bindings (declaration
//! order) and hoisted functions, then every use site in the unit's own code
//! by source position. Positions are `line:column` as V8 prints them.
//!
//! ```text
//! function #1 declaration f @1:1 sloppy params=1 registers=1 parent=#0
//!   scope #1 function parent=#0 context=1
//!     param a: context #1[0] captured
//!     let b: r0
//!   decl 1:12 a -> context depth=0 slot=0
//!   decl 1:21 b -> r0
//!   ref 1:30 b -> r0
//! ```

use std::fmt::Write;

use crate::ParsedSource;
use crate::analysis::{
    FunctionInfo, ImportName, LexicalUse, ReferenceInfo, Resolution, ScopeAnalysis, ScopeInfo,
    SiteKind, Storage,
};

/// Prints every unit, scope, binding and use site of `parsed`, one per line.
pub fn dump(parsed: &ParsedSource<'_>) -> String {
    let analysis = &parsed.scopes;
    let mut out = String::new();
    if !analysis.export_cells().is_empty() {
        let _ = writeln!(out, "export cells: {}", analysis.export_cells().join(" "));
    }
    for function in analysis.functions() {
        dump_function(parsed, analysis, function, &mut out);
    }
    out
}

fn position(parsed: &ParsedSource<'_>, offset: u32) -> String {
    let location = parsed.location(offset);
    format!("{}:{}", location.line, location.column)
}

fn dump_function(
    parsed: &ParsedSource<'_>,
    analysis: &ScopeAnalysis,
    f: &FunctionInfo,
    out: &mut String,
) {
    let _ = write!(
        out,
        "function #{} {} {} @{} {}",
        f.id.0,
        f.kind.name(),
        f.name,
        position(parsed, f.start),
        if f.strict { "strict" } else { "sloppy" }
    );
    if f.is_async {
        out.push_str(" async");
    }
    if f.is_generator {
        out.push_str(" generator");
    }
    let _ = write!(out, " params={}", f.param_count);
    if f.has_rest {
        out.push_str("+rest");
    }
    let _ = write!(out, " registers={}", f.register_count);
    if let Some(parent) = f.parent {
        let _ = write!(out, " parent=#{}", parent.0);
    }
    out.push('\n');
    let mut flags = Vec::new();
    if !f.simple_params {
        flags.push("non-simple-params");
    }
    if f.mapped_arguments {
        flags.push("mapped-arguments");
    }
    if f.has_direct_eval {
        flags.push("direct-eval");
    }
    if f.has_sloppy_eval {
        flags.push("sloppy-eval");
    }
    if f.inside_with {
        flags.push("inside-with");
    }
    if !flags.is_empty() {
        let _ = writeln!(out, "  flags: {}", flags.join(" "));
    }
    if let Some(binding) = f.arguments.and_then(|id| analysis.binding(id)) {
        let _ = writeln!(
            out,
            "  arguments-object: {} {}",
            binding.kind.name(),
            binding.name
        );
    }
    write_uses(out, "uses", &f.uses);
    write_uses(out, "captured-by-arrows", &f.captured_by_arrows);
    for &scope in &f.scopes {
        if let Some(info) = analysis.scope_info(scope) {
            dump_scope(parsed, analysis, info, out);
        }
    }
    dump_sites(parsed, analysis, f, out);
}

fn write_uses(out: &mut String, label: &str, uses: &LexicalUse) {
    if uses.is_empty() {
        return;
    }
    let names = [
        (uses.this, "this"),
        (uses.new_target, "new.target"),
        (uses.super_property, "super.property"),
        (uses.super_call, "super()"),
        (uses.arguments, "arguments"),
    ];
    let used: Vec<&str> = names
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, name)| *name)
        .collect();
    let _ = writeln!(out, "  {label}: {}", used.join(" "));
}

fn dump_scope(
    parsed: &ParsedSource<'_>,
    analysis: &ScopeAnalysis,
    scope: &ScopeInfo,
    out: &mut String,
) {
    let _ = write!(out, "  scope #{} {}", scope.id.index(), scope.kind.name());
    if let Some(parent) = scope.parent {
        let _ = write!(out, " parent=#{}", parent.index());
    }
    if scope.needs_context {
        let _ = write!(out, " context={}", scope.context_slots);
    }
    if scope.per_iteration {
        out.push_str(" per-iteration");
    }
    if scope.sloppy_eval {
        out.push_str(" sloppy-eval");
    }
    out.push('\n');
    for binding in analysis.scope_bindings(scope.id) {
        let _ = write!(
            out,
            "    {} {}: {}",
            binding.kind.name(),
            binding.name,
            storage(&binding.storage)
        );
        if binding.captured {
            out.push_str(" captured");
        }
        out.push('\n');
    }
    for hoisted in &scope.hoisted_functions {
        let name = analysis
            .binding(hoisted.binding)
            .map_or("?", |b| b.name.as_str());
        let start = analysis
            .function_of_node(hoisted.node)
            .and_then(|f| analysis.function(f))
            .map_or(0, |f| f.start);
        let _ = writeln!(
            out,
            "    hoist {name} <- function @{}",
            position(parsed, start)
        );
    }
}

fn dump_sites(
    parsed: &ParsedSource<'_>,
    analysis: &ScopeAnalysis,
    f: &FunctionInfo,
    out: &mut String,
) {
    let mut lines: Vec<(u32, u8, String)> = Vec::new();
    for info in analysis
        .references
        .iter()
        .flatten()
        .filter(|r| r.function == f.id)
    {
        lines.push((
            info.offset,
            0,
            format!("ref {} {}", position(parsed, info.offset), info.name) + &tail(info),
        ));
    }
    for ((kind, _), info) in analysis.sites.iter().filter(|(_, r)| r.function == f.id) {
        // Sites named by the syntax print no name; the others print theirs.
        let (order, label, named) = match kind {
            SiteKind::Declaration => (0, "decl", true),
            SiteKind::This => (1, "this", false),
            SiteKind::Super => (2, "super", false),
            SiteKind::NewTarget => (3, "new.target", false),
            SiteKind::Private => (4, "private", true),
        };
        let mut text = format!("{label} {}", position(parsed, info.offset));
        if named {
            text.push(' ');
            text.push_str(&info.name);
        }
        lines.push((info.offset, order, text + &tail(info)));
    }
    lines.sort();
    for (_, _, line) in lines {
        let _ = writeln!(out, "  {line}");
    }
}

fn tail(info: &ReferenceInfo) -> String {
    let mut text = format!(" -> {}", resolution(&info.resolution));
    if info.tdz_check {
        text.push_str(" tdz");
    }
    text
}

fn import_name(name: &ImportName) -> &str {
    match name {
        ImportName::Name(name) => name,
        ImportName::Namespace => "*",
    }
}

fn storage(storage: &Storage) -> String {
    match storage {
        Storage::Register(r) => format!("r{r}"),
        Storage::Context { scope, slot } => format!("context #{}[{slot}]", scope.index()),
        Storage::Global => "global".to_string(),
        Storage::ScriptLexical => "script-lexical".to_string(),
        Storage::Module { cell } => format!("module-cell {cell}"),
        Storage::Import {
            module_request,
            import_name: name,
        } => {
            format!("import {module_request:?} {}", import_name(name))
        }
    }
}

fn resolution(resolution: &Resolution) -> String {
    match resolution {
        Resolution::Register(r) => format!("r{r}"),
        Resolution::Context { depth, slot } => format!("context depth={depth} slot={slot}"),
        Resolution::Global(name) => format!("global {name}"),
        Resolution::Dynamic(name) => format!("dynamic {name}"),
        Resolution::Module { cell } => format!("module-cell {cell}"),
        Resolution::Import {
            module_request,
            import_name: name,
        } => {
            format!("import {module_request:?} {}", import_name(name))
        }
        Resolution::Frame => "frame".to_string(),
        Resolution::GlobalThis => "global-this".to_string(),
        Resolution::Undefined => "undefined".to_string(),
    }
}
