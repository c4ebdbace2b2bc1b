//! Module top-level code and the module's static record.
//!
//! The top level of a module compiles to one function whose frame the
//! vm keeps in a generator-like object (`CreateModuleObject`):
//!
//! ```text
//! CreateModuleObject            the frame holder (async when the module
//!                               has top-level await)
//! <prologue>                    InitializeEnvironment: contexts, vars =
//!                               undefined, lexical holes, hoisted functions
//!                               (an anonymous `export default function`
//!                               too) stored into their export cells
//! SuspendGenerator              back to the linker
//! ResumeGenerator               evaluation resumes here
//! <body>                        imports and exports compile to nothing but
//!                               the stores of exported declarations
//! Return / AsyncFunctionResolve
//! ```
//!
//! so linking can instantiate functions before any module of a cycle
//! runs (an importer may call an exported function declaration early),
//! and evaluation is a resume, synchronous or, with `await`, async.
//!
//! [`module_info`] builds the requests, imports and exports from the AST
//! (in source order: [[RequestedModules]] order is evaluation order).

use std::collections::HashMap;
use std::sync::Arc;

use oxc_ast::ast::{
    Declaration, ExportDefaultDeclarationKind, ImportDeclarationSpecifier, ModuleExportName, Statement, WithClause,
};
use oxc_span::GetSpan;
use strata_frontend::{FunctionId, ImportName};

use super::{Ctx, FunctionHeader, Gen, utf16};
use crate::function::{BytecodeFunction, FunctionKind, HandlerEntry};
use crate::module::{ExportTarget, ImportEntry, IndirectExport, LocalExport, ModuleInfo, ModuleRequest};
use crate::opcodes::Opcode;
use crate::runtime::RuntimeFunction;

/// The cell of an `export default <expression>` (and anonymous default
/// functions and classes), as the frontend names it.
const DEFAULT_CELL: &str = "*default*";

/// How the module code finds its imports: (request, imported name) →
/// import index.
#[derive(Default)]
pub(crate) struct ModuleTables {
    imports: HashMap<(Box<str>, Option<Box<str>>), u32>,
}

/// Compiles the module's top-level function and its record.
pub(crate) fn compile_module_unit(ctx: &Ctx<'_, '_>) -> (Arc<BytecodeFunction>, ModuleInfo) {
    let program = ctx.parsed.program;
    let (mut info, tables) = module_info(ctx);
    let mut g = Gen::new(ctx, Some(FunctionId::TOP), FunctionKind::Module, true);
    *ctx.module.borrow_mut() = tables;
    let generator = g.temp();
    g.generator = Some(generator);
    g.pos(program.span.start);
    g.call_runtime(RuntimeFunction::CreateModuleObject, generator, 0);
    g.star(generator);
    let context = g.save_context();
    // InitializeEnvironment.
    g.emit_prologue(None, program.span.start);
    for statement in &program.body {
        if let Statement::ExportDefaultDeclaration(d) = statement
            && let ExportDefaultDeclarationKind::FunctionDeclaration(f) = &d.declaration
            && f.id.is_none()
        {
            g.create_closure_for(f, Some(utf16("default")));
            g.store_default_cell(f.span.start);
        }
    }
    g.emit(Opcode::SuspendGenerator, &[generator.0 as i64, 0]);
    {
        let m = g.mark();
        let mode = g.temp();
        g.emit(Opcode::ResumeGenerator, &[generator.0 as i64, mode.0 as i64]);
        g.release(m);
    }
    // ModuleEvaluation: the body.
    let body_start = g.b.offset();
    g.visit_statements(&program.body);
    let has_tla = g.awaits;
    if !g.is_dead() {
        g.emit(Opcode::LdaUndefined, &[]);
        if has_tla {
            let args = g.temps(2);
            g.star(crate::operand::Register(args.0 + 1));
            g.mov(generator, args);
            g.call_runtime(RuntimeFunction::AsyncFunctionResolve, args, 2);
        }
        g.emit(Opcode::Return, &[]);
    }
    if has_tla {
        // An exception out of an async module rejects its promise.
        let end = g.b.offset();
        let handler = g.b.offset();
        g.b.add_handler(HandlerEntry { start: body_start, end, handler, context_reg: context.0 });
        g.mark_reachable();
        let args = g.temps(2);
        g.star(crate::operand::Register(args.0 + 1));
        g.mov(generator, args);
        g.call_runtime(RuntimeFunction::AsyncFunctionReject, args, 2);
        g.emit(Opcode::Return, &[]);
    }
    info.has_tla = has_tla;
    let code = g.finish(FunctionHeader {
        name: Vec::new(),
        length: 0,
        param_count: 0,
        span_start: program.span.start,
        span_end: program.span.end,
    });
    (code, info)
}

impl<'c, 'p, 'a> Gen<'c, 'p, 'a> {
    /// The import index `LdaModuleVariable` reads for an imported binding.
    pub(crate) fn import_index(&self, request: &str, name: &ImportName, offset: u32) -> Option<u32> {
        let name = match name {
            ImportName::Name(n) => Some(n.as_str().into()),
            ImportName::Namespace => None,
        };
        let found = self.ctx.module.borrow().imports.get(&(request.into(), name)).copied();
        if found.is_none() {
            self.fail("internal error: import binding without an import entry", offset);
        }
        found
    }

    /// Stores acc into the `*default*` export cell.
    fn store_default_cell(&mut self, offset: u32) {
        match self.ctx.scopes.export_cell(DEFAULT_CELL) {
            Some(cell) => self.emit(Opcode::StaModuleVariable, &[cell as i64]),
            None => self.fail("internal error: no cell for the default export", offset),
        }
    }

    /// The statements only modules have.
    pub(crate) fn visit_module_declaration(&mut self, statement: &'a Statement<'a>) {
        let offset = statement.span().start;
        match statement {
            Statement::ImportDeclaration(_)
            | Statement::ExportAllDeclaration(_)
            | Statement::ExportNamedDeclaration(_)
            | Statement::ExportFromDeclaration(_) => {}
            Statement::ExportDeclaration(d) => match &d.declaration {
                Declaration::VariableDeclaration(decl) => self.visit_variable_declaration(decl),
                Declaration::FunctionDeclaration(_) => {}
                Declaration::ClassDeclaration(class) => self.visit_class_declaration(class, offset),
                _ => self.fail("TypeScript declarations are not JavaScript", offset),
            },
            Statement::ExportDefaultDeclaration(d) => match &d.declaration {
                ExportDefaultDeclarationKind::FunctionDeclaration(_) => {}
                ExportDefaultDeclarationKind::ClassDeclaration(class) => {
                    self.pos(offset);
                    match &class.id {
                        Some(id) => {
                            self.visit_class(class, None);
                            self.store_declaration(id.node_id.get(), id.name.as_str(), id.span.start);
                        }
                        None => {
                            self.visit_class(class, Some(utf16("default")));
                            self.store_default_cell(offset);
                        }
                    }
                }
                ExportDefaultDeclarationKind::TSInterfaceDeclaration(_) => {
                    self.fail("TypeScript declarations are not JavaScript", offset)
                }
                kind => match kind.as_expression() {
                    Some(expr) => {
                        self.pos(offset);
                        self.visit_named(expr, Some(utf16("default")));
                        self.store_default_cell(offset);
                    }
                    None => self.fail("unsupported export default", offset),
                },
            },
            _ => self.fail("this statement is not supported in modules", offset),
        }
    }

    /// `import(specifier, options)`: acc = a promise for the namespace.
    pub(crate) fn visit_import_call(&mut self, e: &'a oxc_ast::ast::ImportExpression<'a>, offset: u32) {
        if e.phase.is_some() {
            self.fail("import.source and import.defer are not supported", offset);
            return;
        }
        let m = self.mark();
        let args = self.temps(2);
        self.visit_expr(&e.source);
        self.star(args);
        match &e.options {
            Some(options) => self.visit_expr(options),
            None => self.emit(Opcode::LdaUndefined, &[]),
        }
        self.star(crate::operand::Register(args.0 + 1));
        self.pos(offset);
        self.call_runtime(RuntimeFunction::DynamicImport, args, 2);
        self.release(m);
    }
}

/// The attributes of a `with { … }` clause, sorted by key.
fn attributes(clause: Option<&WithClause<'_>>) -> Vec<(Box<str>, Box<str>)> {
    let mut out: Vec<(Box<str>, Box<str>)> = clause
        .map(|c| {
            c.with_entries
                .iter()
                .map(|a| {
                    let key = match &a.key {
                        oxc_ast::ast::ImportAttributeKey::Identifier(id) => id.name.as_str(),
                        oxc_ast::ast::ImportAttributeKey::StringLiteral(s) => s.value.as_str(),
                    };
                    (key.into(), a.value.value.as_str().into())
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn export_name(name: &ModuleExportName<'_>) -> Box<str> {
    name.name().as_str().into()
}

/// Builds the module's record from its statements.
fn module_info(ctx: &Ctx<'_, '_>) -> (ModuleInfo, ModuleTables) {
    let program = ctx.parsed.program;
    let mut info = ModuleInfo::default();
    let mut tables = ModuleTables::default();
    info.cell_names = ctx.scopes.export_cells().iter().map(|s| s.as_str().into()).collect();
    let request = |info: &mut ModuleInfo, specifier: &str, clause: Option<&WithClause<'_>>, offset: u32| -> u32 {
        let attributes = attributes(clause);
        if let Some(i) = info.requests.iter().position(|r| &*r.specifier == specifier && r.attributes == attributes) {
            return i as u32;
        }
        info.requests.push(ModuleRequest { specifier: specifier.into(), attributes, offset: ctx.source_offset(offset) });
        (info.requests.len() - 1) as u32
    };
    // Requests in source order, and the imports.
    let mut local_imports: HashMap<Box<str>, u32> = HashMap::new();
    for statement in &program.body {
        match statement {
            Statement::ImportDeclaration(d) => {
                let r = request(&mut info, d.source.value.as_str(), d.with_clause.as_deref(), d.source.span.start);
                for spec in d.specifiers.iter().flatten() {
                    let (import_name, local, offset): (Option<Box<str>>, &str, u32) = match spec {
                        ImportDeclarationSpecifier::ImportSpecifier(s) => {
                            (Some(export_name(&s.imported)), s.local.name.as_str(), s.span.start)
                        }
                        ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => {
                            (Some("default".into()), s.local.name.as_str(), s.span.start)
                        }
                        ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => (None, s.local.name.as_str(), s.span.start),
                    };
                    let key = (d.source.value.as_str().into(), import_name.clone());
                    let index = *tables.imports.entry(key).or_insert_with(|| {
                        info.imports.push(ImportEntry {
                            request: r,
                            import_name,
                            local_name: local.into(),
                            offset: ctx.source_offset(offset),
                        });
                        (info.imports.len() - 1) as u32
                    });
                    local_imports.insert(local.into(), index);
                }
            }
            Statement::ExportFromDeclaration(d) => {
                request(&mut info, d.source.value.as_str(), d.with_clause.as_deref(), d.source.span.start);
            }
            Statement::ExportAllDeclaration(d) => {
                request(&mut info, d.source.value.as_str(), d.with_clause.as_deref(), d.source.span.start);
            }
            _ => {}
        }
    }
    // Exports.
    let cell = |name: &str, offset: u32| -> u32 {
        match ctx.scopes.export_cell(name) {
            Some(c) => c,
            None => {
                ctx.fail(format!("internal error: exported binding '{name}' has no cell"), offset);
                0
            }
        }
    };
    for statement in &program.body {
        match statement {
            Statement::ExportDeclaration(d) => {
                let mut names: Vec<&str> = Vec::new();
                match &d.declaration {
                    Declaration::VariableDeclaration(decl) => {
                        for declarator in &decl.declarations {
                            names.extend(declarator.id.get_binding_identifiers().iter().map(|id| id.name.as_str()));
                        }
                    }
                    Declaration::FunctionDeclaration(f) => names.extend(f.id.as_ref().map(|id| id.name.as_str())),
                    Declaration::ClassDeclaration(c) => names.extend(c.id.as_ref().map(|id| id.name.as_str())),
                    _ => {}
                }
                for name in names {
                    let target = ExportTarget::Cell(cell(name, d.span.start));
                    info.local_exports.push(LocalExport { export_name: name.into(), target });
                }
            }
            Statement::ExportNamedDeclaration(d) => {
                for spec in &d.specifiers {
                    let local = spec.local.name();
                    let exported = export_name(&spec.exported);
                    // Re-exported imports become indirect exports (a
                    // namespace import as `export * as`), as ParseModule
                    // step 10 says.
                    match local_imports.get(local.as_str()).map(|&i| &info.imports[i as usize]) {
                        Some(import) => {
                            let entry = IndirectExport {
                                export_name: exported,
                                request: import.request,
                                import_name: import.import_name.clone(),
                                offset: ctx.source_offset(spec.span.start),
                            };
                            info.indirect_exports.push(entry);
                        }
                        None => {
                            let target = ExportTarget::Cell(cell(local.as_str(), spec.span.start));
                            info.local_exports.push(LocalExport { export_name: exported, target });
                        }
                    }
                }
            }
            Statement::ExportFromDeclaration(d) => {
                let r = request(&mut info, d.source.value.as_str(), d.with_clause.as_deref(), d.source.span.start);
                for spec in &d.specifiers {
                    info.indirect_exports.push(IndirectExport {
                        export_name: export_name(&spec.exported),
                        request: r,
                        import_name: Some(export_name(&spec.local)),
                        offset: ctx.source_offset(spec.span.start),
                    });
                }
            }
            Statement::ExportAllDeclaration(d) => {
                let r = request(&mut info, d.source.value.as_str(), d.with_clause.as_deref(), d.source.span.start);
                match &d.exported {
                    Some(name) => info.indirect_exports.push(IndirectExport {
                        export_name: export_name(name),
                        request: r,
                        import_name: None,
                        offset: ctx.source_offset(d.span.start),
                    }),
                    None => info.star_exports.push(r),
                }
            }
            Statement::ExportDefaultDeclaration(d) => {
                let local = match &d.declaration {
                    ExportDefaultDeclarationKind::FunctionDeclaration(f) => f.id.as_ref().map(|id| id.name.as_str()),
                    ExportDefaultDeclarationKind::ClassDeclaration(c) => c.id.as_ref().map(|id| id.name.as_str()),
                    _ => None,
                };
                let target = ExportTarget::Cell(cell(local.unwrap_or(DEFAULT_CELL), d.span.start));
                info.local_exports.push(LocalExport { export_name: "default".into(), target });
            }
            _ => {}
        }
    }
    (info, tables)
}
