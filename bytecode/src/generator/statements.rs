//! Statements: blocks and their scopes, declarations (`var`, `let`,
//! `const`, class declarations; function declarations are instantiated
//! when their scope is entered), expression statements with the script's
//! completion value, `if`, `return`, `throw`, `with`, `debugger`, and
//! dispatch to the loop and control-flow files.
//!
//! Fed by function bodies (`functions.rs`); feeds `expressions.rs` and
//! friends. Invariant: every statement records its source position, and
//! leaves the temporary register stack as it found it.

use oxc_ast::ast::{
    BindingPattern, BlockStatement, Expression, IfStatement, Statement, VariableDeclaration,
    VariableDeclarationKind, WithStatement,
};
use oxc_span::GetSpan;

use super::Gen;
use super::utf16;
use crate::function::FunctionKind;
use crate::opcodes::Opcode;

impl<'c, 'p, 'a> Gen<'c, 'p, 'a> {
    pub(crate) fn visit_statements(&mut self, statements: &'a [Statement<'a>]) {
        for statement in statements {
            if self.ctx.failed() {
                return;
            }
            self.visit_statement(statement);
        }
    }

    pub(crate) fn visit_statement(&mut self, statement: &'a Statement<'a>) {
        let offset = statement.span().start;
        if !self.enter_nesting(offset) {
            return;
        }
        let m = self.mark();
        match statement {
            Statement::BlockStatement(block) => self.visit_block(block),
            Statement::ExpressionStatement(stmt) => {
                self.pos(offset);
                match self.completion {
                    Some(completion) => {
                        self.visit_expr(&stmt.expression);
                        self.star(completion);
                    }
                    None => self.visit_effect(&stmt.expression),
                }
            }
            Statement::VariableDeclaration(decl) => self.visit_variable_declaration(decl),
            Statement::FunctionDeclaration(function) => self.visit_annex_b_function(function),
            Statement::ClassDeclaration(class) => self.visit_class_declaration(class, offset),
            Statement::IfStatement(stmt) => self.visit_if(stmt),
            Statement::ReturnStatement(stmt) => {
                self.pos(offset);
                match &stmt.argument {
                    Some(argument) => {
                        self.visit_expr(argument);
                        // An async generator awaits what it returns.
                        if self.kind == FunctionKind::AsyncGenerator {
                            self.emit_await(offset);
                        }
                    }
                    None => self.emit(Opcode::LdaUndefined, &[]),
                }
                self.emit_return(offset);
            }
            Statement::ThrowStatement(stmt) => {
                self.pos(offset);
                self.visit_expr(&stmt.argument);
                self.pos(offset);
                self.emit(Opcode::Throw, &[]);
            }
            Statement::EmptyStatement(_) => {}
            Statement::DebuggerStatement(_) => {
                self.pos(offset);
                self.emit(Opcode::Debugger, &[]);
            }
            Statement::BreakStatement(stmt) => {
                self.pos(offset);
                self.visit_break(stmt.label.as_ref().map(|l| l.name.as_str()), offset);
            }
            Statement::ContinueStatement(stmt) => {
                self.pos(offset);
                self.visit_continue(stmt.label.as_ref().map(|l| l.name.as_str()), offset);
            }
            Statement::LabeledStatement(stmt) => self.visit_labeled(stmt),
            Statement::TryStatement(stmt) => self.visit_try(stmt),
            Statement::SwitchStatement(stmt) => self.visit_switch(stmt, Vec::new()),
            Statement::WithStatement(stmt) => self.visit_with(stmt),
            Statement::WhileStatement(_)
            | Statement::DoWhileStatement(_)
            | Statement::ForStatement(_)
            | Statement::ForInStatement(_)
            | Statement::ForOfStatement(_) => {
                self.visit_loop(statement, Vec::new());
            }
            Statement::ImportDeclaration(_)
            | Statement::ExportAllDeclaration(_)
            | Statement::ExportDefaultDeclaration(_)
            | Statement::ExportDeclaration(_)
            | Statement::ExportNamedDeclaration(_)
            | Statement::ExportFromDeclaration(_) => self.visit_module_declaration(statement),
            _ => self.fail("this statement is not supported", offset),
        }
        self.release(m);
    }

    /// `class C { … }` as a statement: defines the class and initializes
    /// its binding.
    pub(crate) fn visit_class_declaration(&mut self, class: &'a oxc_ast::ast::Class<'a>, offset: u32) {
        self.pos(offset);
        self.visit_class(class, None);
        if let Some(id) = &class.id {
            self.store_declaration(id.node_id.get(), id.name.as_str(), id.span.start);
        }
    }

    pub(crate) fn visit_block(&mut self, block: &'a BlockStatement<'a>) {
        let scope = self.enter_scope(block.scope_id.get(), block.span.start);
        self.visit_statements(&block.body);
        self.exit_scope(scope);
    }

    fn visit_if(&mut self, stmt: &'a IfStatement<'a>) {
        self.reset_completion();
        self.pos(stmt.span.start);
        let else_label = self.new_label();
        self.visit_condition(&stmt.test, else_label);
        self.visit_statement(&stmt.consequent);
        match &stmt.alternate {
            Some(alternate) => {
                let end = self.new_label();
                if !self.is_dead() {
                    self.emit_jump(Opcode::Jump, end);
                }
                self.bind(else_label);
                self.visit_statement(alternate);
                self.bind(end);
            }
            None => self.bind(else_label),
        }
    }

    /// Evaluating a sloppy block-level function declaration (Annex B.3.2):
    /// the `var` of its name gets the function (see
    /// `ScopeAnalysis::annex_b_store`).
    fn visit_annex_b_function(&mut self, function: &'a oxc_ast::ast::Function<'a>) {
        let Some((inner, outer)) = self.ctx.scopes.annex_b_store(function.node_id.get()) else {
            return;
        };
        let offset = function.span.start;
        self.pos(offset);
        match inner {
            Some(inner) => self.load_binding(inner, offset),
            None => self.create_closure_for(function, None),
        }
        let Some(access) = self.binding_access(outer) else {
            self.fail("internal error: binding not visible from its scope", offset);
            return;
        };
        match (&access.resolution, self.eval_var_context) {
            (strata_frontend::Resolution::Dynamic(_), Some(context)) => {
                // From the caller's context: the eval code's own blocks
                // may hold a binding of the name.
                let m = self.mark();
                let value = self.temp();
                let saved = self.temp();
                self.star(value);
                self.ldar(context);
                self.emit(Opcode::PushContext, &[saved.0 as i64]);
                self.ldar(value);
                self.store_access(&access, super::scope::StoreKind::Assign, offset);
                self.emit(Opcode::PopContext, &[saved.0 as i64]);
                self.release(m);
            }
            _ => self.store_access(&access, super::scope::StoreKind::Assign, offset),
        }
    }

    /// `var`/`let`/`const` declarations.
    pub(crate) fn visit_variable_declaration(&mut self, decl: &'a VariableDeclaration<'a>) {
        if matches!(decl.kind, VariableDeclarationKind::Using | VariableDeclarationKind::AwaitUsing) {
            self.fail("`using` declarations are not supported yet", decl.span.start);
            return;
        }
        for declarator in &decl.declarations {
            self.pos(declarator.span.start);
            match &declarator.init {
                Some(init) => {
                    let name = match &declarator.id {
                        BindingPattern::BindingIdentifier(id) => Some(utf16(id.name.as_str())),
                        _ => None,
                    };
                    self.visit_named(init, name);
                    self.value_offset = Some(init.span().start);
                }
                // `var x;` leaves x alone; `let x;` initializes it.
                None if decl.kind == VariableDeclarationKind::Var => continue,
                None => self.emit(Opcode::LdaUndefined, &[]),
            }
            self.bind_pattern(&declarator.id);
            self.value_offset = None;
        }
    }

    /// `with (object) body`: the object becomes the binding object of a
    /// `with` context (CreateWithContext), and the body's names that cross
    /// it are looked up dynamically (the analysis resolves them so).
    fn visit_with(&mut self, stmt: &'a WithStatement<'a>) {
        self.reset_completion();
        self.visit_expr(&stmt.object);
        self.pos(stmt.span.start);
        self.emit(Opcode::ToObject, &[]);
        let scope = self.enter_scope(stmt.scope_id.get(), stmt.span.start);
        self.visit_statement(&stmt.body);
        self.exit_scope(scope);
    }

    /// Evaluates an expression whose value is unused.
    pub(crate) fn visit_effect(&mut self, expr: &'a Expression<'a>) {
        match expr {
            Expression::UpdateExpression(update) => self.visit_update(update, false),
            Expression::ParenthesizedExpression(p) => self.visit_effect(&p.expression),
            Expression::SequenceExpression(seq) => {
                for e in &seq.expressions {
                    self.visit_effect(e);
                }
            }
            _ => self.visit_expr(expr),
        }
    }
}
