//! Strata's frontend: JavaScript source text in, an oxc AST plus a scope
//! analysis out.
//!
//! ```text
//! source ──oxc_parser──▶ AST ──oxc_semantic (early errors, symbols,
//!        scopes, references)──▶ ScopeAnalysis ──▶ bytecode generator
//! ```
//!
//! [`parse`] runs the oxc parser and oxc's semantic checker (ECMAScript
//! early errors) and turns the first error into a [`SyntaxError`] with a
//! V8-style `path:line:column`. On success it builds a [`ScopeAnalysis`]:
//! every function-like unit gets a [`FunctionId`], every binding a
//! [`Storage`] (frame register, context slot, global, script lexical,
//! module cell or import) and every identifier reference a [`Resolution`]
//! (register, context hops + slot, global or dynamic lookup) with a TDZ
//! flag. The bytecode generator walks oxc's AST and asks the analysis about
//! each binding and reference; it never resolves a name itself.
//!
//! Invariants the consumer may rely on:
//! - A binding stored in `Register` is never referenced from another
//!   function unit; everything captured, or visible to a direct `eval` or a
//!   `with`, lives in a context slot.
//! - `Context { depth }` counts the scopes marked `needs_context` between
//!   the reference site and the binding's scope (see [`ScopeInfo`]); the
//!   generator must push a context for exactly those scopes.
//! - Output is deterministic: ids follow source order, [`dump`] is stable.
//! - No input makes this crate panic or overflow the stack: parsing runs on
//!   a thread whose stack is sized from the source (see `stack.rs`), and the
//!   analysis walks oxc's flat node list without recursion. The AST itself
//!   may nest as deeply as the source does: consumers that recurse over it
//!   need a stack of the same order (see [`ParsedSource::nesting_bound`]).
//!
//! Known gaps (each is a deliberate simplification, documented where it
//! lives):
//! - Annex B.3.2 block-level functions in sloppy mode get the spec's two
//!   bindings (a block binding created at block entry and a `var` the
//!   declaration assigns when evaluated; see `build/bindings.rs`), except
//!   `if (x) function f() {}`, which has no block scope in oxc's tree: its
//!   closure is created when the branch runs and stored to the `var`, so
//!   inside it `f` is the `var`. A direct eval does not check the caller's
//!   lexical bindings for a conflicting name (the spec then skips the
//!   `var`; here its declaration throws as a plain `var`'s would).
//! - Functions whose parameters have expressions share one scope between
//!   parameters and body (oxc's model); the spec's separate var environment
//!   only differs when a body `var` has a parameter's name, or for a sloppy
//!   direct `eval` inside a parameter expression.
//! - oxc rejects a call as an assignment target (`f() = 1`) at parse time;
//!   V8 accepts it in sloppy code and throws a `ReferenceError` when it
//!   runs (test262's `annexB/.../assignmenttargettype/callexpression*`).
//! - Code passed to `eval` at run time goes through [`parse_eval`]: its free
//!   names become dynamic lookups that the VM resolves against the
//!   caller's context chain.

mod analysis;
mod build;
mod dump;
mod error;
mod position;
mod stack;
pub use stack::stack_room;

use oxc_allocator::Allocator;
use oxc_ast::ast::Program;
use oxc_semantic::{Semantic, SemanticBuilder};
use oxc_span::SourceType;
use oxc_syntax::module_record::ModuleRecord;

pub use analysis::{
    BindingId, BindingInfo, BindingKind, FunctionId, FunctionInfo, FunctionKind, HoistedFunction,
    ImportName, LexicalUse, ReferenceInfo, Resolution, ScopeAnalysis, ScopeInfo, ScopeKind,
    Storage,
};
pub use dump::dump;
pub use error::SyntaxError;
pub use oxc_semantic::{NodeId, ReferenceId, ScopeId, SymbolId};
pub use position::{LineMap, Location};

use position::Prelude;

/// Which ECMAScript goal symbol the source is parsed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    /// A classic script: top-level `var`/function declarations become
    /// global object properties, top-level `let`/`const`/`class` go to the
    /// realm's global lexical environment.
    Script,
    /// An ECMAScript module: always strict, has imports and exports.
    Module,
}

/// What [`parse`] needs besides the text.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Name of the source, used only in error messages.
    pub path: String,
    /// Script or module.
    pub goal: Goal,
    /// Parse a script as strict code, as test262's `onlyStrict` flag does
    /// by prefixing `"use strict";`. Positions still refer to the text the
    /// caller passed in.
    pub strict: bool,
}

/// Where code passed to `eval` runs: what [`parse_eval`] needs besides the
/// [`ParseOptions`] (whose `strict` is the caller's strictness for a direct
/// eval).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EvalOrigin {
    /// A direct eval: free names, the top level's `var`s and functions
    /// (in sloppy code), `this` and `new.target` are looked up through the
    /// caller's context chain at run time.
    pub direct: bool,
    /// `new.target` is allowed: the caller is inside a non-arrow function.
    pub new_target: bool,
    /// `super.x` is allowed: the caller is inside a method.
    pub super_property: bool,
    /// Private names are resolved at run time: the caller is inside a
    /// class body.
    pub private_names: bool,
    /// The caller is a class field initializer: `arguments` outside
    /// non-arrow functions is a SyntaxError.
    pub in_class_field_initializer: bool,
}

/// A parsed and analysed source: the AST, oxc's semantic model and Strata's
/// scope analysis, all borrowing the caller's arena.
pub struct ParsedSource<'a> {
    /// The program. Spans are byte offsets into [`ParsedSource::text`].
    pub program: &'a Program<'a>,
    /// oxc's semantic model: AST nodes with parents, scopes, symbols and
    /// references. The ids in [`ScopeAnalysis`] are oxc's ids.
    pub semantic: Semantic<'a>,
    /// Imports and exports (empty for scripts).
    pub module_record: ModuleRecord<'a>,
    /// Where every binding lives and how every reference is resolved.
    pub scopes: ScopeAnalysis,
    /// The path given in [`ParseOptions`].
    pub path: String,
    /// The goal given in [`ParseOptions`].
    pub goal: Goal,
    source: &'a str,
    text: &'a str,
    prelude: Prelude,
    lines: LineMap,
    nesting_bound: u64,
}

impl<'a> ParsedSource<'a> {
    /// The text the caller passed to [`parse`].
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The text the AST spans index: [`ParsedSource::source`], with
    /// `"use strict";` inserted when [`ParseOptions::strict`] was set.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Maps a span offset (into [`ParsedSource::text`]) to a byte offset
    /// into [`ParsedSource::source`].
    pub fn source_offset(&self, span_offset: u32) -> u32 {
        self.prelude.to_source(span_offset)
    }

    /// 1-based line and UTF-16 column of a span offset, in the caller's
    /// source.
    pub fn location(&self, span_offset: u32) -> Location {
        self.lines
            .locate(self.source, self.source_offset(span_offset))
    }

    /// Whether the program is exactly one function declaration whose body
    /// spans `body_start..body_end` of the parsed text: how the dynamic
    /// function constructors check that their parameters and body each
    /// parsed on their own (nothing closed a list or a body early, no
    /// comment swallowed the separator between them).
    pub fn is_single_function(&self, body_start: u32, body_end: u32) -> bool {
        use oxc_ast::ast::Statement;
        match self.program.body.as_slice() {
            [Statement::FunctionDeclaration(f)] => f
                .body
                .as_ref()
                .is_some_and(|b| b.span.start == body_start && b.span.end == body_end),
            _ => false,
        }
    }

    /// An upper bound on how deeply the AST can nest, counted in tokens
    /// that can open a nesting level (for sources of more than several
    /// hundred kilobytes, a generous estimate). A consumer that recurses
    /// over the AST can size its stack from it.
    pub fn nesting_bound(&self) -> u64 {
        self.nesting_bound
    }
}

/// Parses `source`, reports the first early error, and analyses scopes.
///
/// JavaScript only (no TypeScript, no JSX); regular expression literals are
/// validated too. Any input, however malformed or deeply nested, yields
/// `Ok` or `Err`: never a panic.
pub fn parse<'a>(
    allocator: &'a Allocator,
    source: &'a str,
    options: ParseOptions,
) -> Result<ParsedSource<'a>, SyntaxError> {
    parse_with(allocator, source, options, None)
}

/// Parses eval code (PerformEval): a script whose top-level `let`,
/// `const` and `class` live in its own context, whose top-level `var`s
/// and functions are local in strict code and belong to the caller's (or
/// the global) variable environment in sloppy code, and, for a direct
/// eval, whose free names are dynamic lookups.
pub fn parse_eval<'a>(
    allocator: &'a Allocator,
    source: &'a str,
    options: ParseOptions,
    origin: EvalOrigin,
) -> Result<ParsedSource<'a>, SyntaxError> {
    parse_with(allocator, source, options, Some(origin))
}

fn parse_with<'a>(
    allocator: &'a Allocator,
    source: &'a str,
    options: ParseOptions,
    eval: Option<EvalOrigin>,
) -> Result<ParsedSource<'a>, SyntaxError> {
    let strict = options.strict && options.goal == Goal::Script;
    let prelude = if strict {
        Prelude::use_strict(source)
    } else {
        Prelude::none()
    };
    let lines = LineMap::new(source);
    let fail = |message: String, offset: u32| {
        SyntaxError::at(message, &options.path, source, &lines, offset)
    };
    if u32::try_from(source.len()).map_or(true, |len| len > u32::MAX - 64) {
        return Err(fail("source text is larger than 4 GiB".to_string(), 0));
    }
    let text: &'a str = match prelude.apply(source) {
        Some(text) => allocator.alloc_str(&text),
        None => source,
    };
    let plan = stack::plan(text).map_err(|message| fail(message, 0))?;
    let source_type = match options.goal {
        // oxc's CommonJS goal is the script goal with `new.target` (and
        // `return`, which `front_end` rejects) allowed at the top level.
        Goal::Script if eval.is_some_and(|e| e.new_target) => SourceType::cjs(),
        Goal::Script => SourceType::script(),
        Goal::Module => SourceType::mjs(),
    };
    let ParseOptions { path, goal, .. } = options;
    let outcome =
        stack::run_on_parser_stack(plan, || front_end(allocator, text, source_type, goal, eval));
    let front = match outcome {
        Ok(Ok(front)) => front,
        Ok(Err(diagnostic)) => {
            let offset = prelude.to_source(diagnostic.offset);
            return Err(SyntaxError::at(
                diagnostic.message,
                &path,
                source,
                &lines,
                offset,
            ));
        }
        Err(message) => return Err(SyntaxError::at(message, &path, source, &lines, 0)),
    };
    Ok(ParsedSource {
        program: front.program,
        semantic: front.semantic,
        module_record: front.module_record,
        scopes: front.scopes,
        path,
        goal,
        source,
        text,
        prelude,
        lines,
        nesting_bound: plan.nesting_bound,
    })
}

/// What the parser thread hands back on success.
struct FrontEnd<'a> {
    program: &'a Program<'a>,
    semantic: Semantic<'a>,
    module_record: ModuleRecord<'a>,
    scopes: ScopeAnalysis,
}

/// Parse, check early errors, analyse. Runs on the parser thread.
fn front_end<'a>(
    allocator: &'a Allocator,
    text: &'a str,
    source_type: SourceType,
    goal: Goal,
    eval: Option<EvalOrigin>,
) -> Result<FrontEnd<'a>, error::FirstError> {
    let parser_options = oxc_parser::ParseOptions {
        parse_regular_expression: true,
        ..Default::default()
    };
    let parsed = oxc_parser::Parser::new(allocator, text, source_type)
        .with_options(parser_options)
        .parse();
    let mut errors = error::FirstError::collect(parsed.diagnostics.errors());
    if parsed.panicked {
        let fatal = errors.unwrap_or_else(error::FirstError::unknown);
        return Err(error::FirstError::earliest(
            Some(fatal.clone()),
            early_error_before(allocator, text, source_type, &fatal),
        )
        .unwrap_or(fatal));
    }
    let program: &'a Program<'a> = allocator.alloc(parsed.program);
    let built = SemanticBuilder::new()
        .with_check_syntax_error(true)
        .with_build_nodes(true)
        .build(program);
    // Eval code may use the caller's `super` and private names.
    let allowed = |d: &&oxc_diagnostics::OxcDiagnostic| {
        let message = d.message.as_ref();
        match eval {
            Some(origin) => !((origin.super_property && message.starts_with("'super' can only be referenced"))
                || (origin.private_names && message.ends_with("is not allowed outside class bodies"))),
            None => true,
        }
    };
    errors = error::FirstError::earliest(
        errors,
        error::FirstError::collect(built.diagnostics.errors().filter(allowed)),
    );
    if let Some(first) = errors {
        return Err(first);
    }
    let semantic = built.semantic;
    if source_type.is_commonjs()
        && let Some(offset) = top_level_return(&semantic)
    {
        return Err(error::FirstError {
            message: "Illegal return statement".to_string(),
            offset,
        });
    }
    let scopes = build::analyse(&semantic, &parsed.module_record, goal, eval);
    if eval.is_some_and(|e| e.in_class_field_initializer)
        && let Some(offset) = scopes.top_level_arguments()
    {
        return Err(error::FirstError {
            message: "'arguments' is not allowed in class field initializer or static initialization block".to_string(),
            offset,
        });
    }
    Ok(FrontEnd {
        program,
        semantic,
        module_record: parsed.module_record,
        scopes,
    })
}

/// The offset of a `return` outside every function, which eval code parsed
/// with the CommonJS goal must reject.
fn top_level_return(semantic: &Semantic<'_>) -> Option<u32> {
    use oxc_ast::AstKind;
    use oxc_span::GetSpan;
    let nodes = semantic.nodes();
    for (id, node) in nodes.iter_enumerated() {
        if !matches!(node.kind(), AstKind::ReturnStatement(_)) {
            continue;
        }
        let in_function = nodes.ancestor_kinds(id).any(|kind| {
            matches!(
                kind,
                AstKind::Function(_) | AstKind::ArrowFunctionExpression(_) | AstKind::StaticBlock(_)
            )
        });
        if !in_function {
            return Some(node.kind().span().start);
        }
    }
    None
}

/// An early error that precedes a fatal parse error.
///
/// When oxc's parser gives up it returns an empty program, so the semantic
/// checker never sees the code before the failure, while V8 would have
/// reported, say, a redeclaration there first. If the text before the
/// fatal error parses on its own, its early errors before that point are
/// reported instead (an `export { x }` whose `x` is declared after the
/// failure can be misreported this way; the program is invalid either way).
fn early_error_before<'a>(
    allocator: &'a Allocator,
    text: &'a str,
    source_type: SourceType,
    fatal: &error::FirstError,
) -> Option<error::FirstError> {
    let prefix = text
        .get(..fatal.offset as usize)
        .filter(|prefix| !prefix.is_empty())?;
    let parsed = oxc_parser::Parser::new(allocator, prefix, source_type).parse();
    if parsed.panicked {
        return None;
    }
    let program: &'a Program<'a> = allocator.alloc(parsed.program);
    let built = SemanticBuilder::new()
        .with_check_syntax_error(true)
        .build(program);
    let before = |e: &&oxc_diagnostics::OxcDiagnostic| {
        error::FirstError::collect(std::iter::once(*e))
            .is_some_and(|first| first.offset < fatal.offset)
    };
    error::FirstError::collect(built.diagnostics.errors().filter(before))
}
