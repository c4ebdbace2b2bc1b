//! Loops: `while`, `do-while`, `for` (with per-iteration copies of a
//! captured `let` context), `for-in` and `for-of` (a fresh context per
//! iteration when the loop variable is captured, after a TDZ context for
//! the iterated expression; the iterator closed on `break`, `return` and
//! throw, but not when `next()` itself fails).
//!
//! Fed by `statements.rs` and labelled statements; feeds the control
//! stack. Every back edge is a `JumpLoop` with its own feedback slot.

use oxc_ast::ast::{
    Expression, ForInStatement, ForOfStatement, ForStatement, ForStatementInit, ForStatementLeft, Statement,
    VariableDeclarationKind,
};
use oxc_span::GetSpan;
use strata_frontend::ScopeId;

use super::Gen;
use super::control_flow::Control;
use crate::builder::Label;
use crate::function::HandlerEntry;
use crate::opcodes::Opcode;
use crate::operand::Register;

impl<'c, 'p, 'a> Gen<'c, 'p, 'a> {
    /// Compiles `statement` if it is a loop (with the label set `labels`);
    /// false otherwise.
    pub(crate) fn visit_loop(&mut self, statement: &'a Statement<'a>, labels: Vec<&'a str>) -> bool {
        match statement {
            Statement::WhileStatement(stmt) => {
                self.reset_completion();
                let (top, exit) = (self.new_label(), self.new_label());
                self.push_loop_target(labels, exit, top);
                self.bind(top);
                self.pos(stmt.span.start);
                self.visit_condition(&stmt.test, exit);
                self.visit_statement(&stmt.body);
                if !self.is_dead() {
                    self.emit_jump_loop(top);
                }
                self.control.pop();
                self.bind(exit);
            }
            Statement::DoWhileStatement(stmt) => {
                self.reset_completion();
                let (top, cont, exit) = (self.new_label(), self.new_label(), self.new_label());
                self.push_loop_target(labels, exit, cont);
                self.bind(top);
                self.visit_statement(&stmt.body);
                self.bind(cont);
                self.pos(stmt.test.span().start);
                self.visit_condition(&stmt.test, exit);
                self.emit_jump_loop(top);
                self.control.pop();
                self.bind(exit);
            }
            Statement::ForStatement(stmt) => self.visit_for(stmt, labels),
            Statement::ForInStatement(stmt) => self.visit_for_in(stmt, labels),
            Statement::ForOfStatement(stmt) => self.visit_for_of(stmt, labels),
            _ => return false,
        }
        true
    }

    fn push_loop_target(&mut self, labels: Vec<&'a str>, exit: Label, cont: Label) {
        self.control.push(Control::Target { labels, break_label: Some(exit), continue_label: Some(cont), unlabelled_break: true });
    }

    fn per_iteration(&self, scope: Option<ScopeId>) -> bool {
        scope.and_then(|s| self.ctx.scopes.scope_info(s)).is_some_and(|s| s.needs_context && s.per_iteration)
    }

    /// CreatePerIterationEnvironment: the loop body continues in a copy of
    /// the head's context.
    fn copy_iteration_context(&mut self) {
        let m = self.mark();
        let scratch = self.temp();
        self.emit(Opcode::CloneContext, &[]);
        self.emit(Opcode::PushContext, &[scratch.0 as i64]);
        self.release(m);
    }

    fn visit_for(&mut self, stmt: &'a ForStatement<'a>, labels: Vec<&'a str>) {
        self.reset_completion();
        self.pos(stmt.span.start);
        let scope = self.enter_scope(stmt.scope_id.get(), stmt.span.start);
        let per_iteration = self.per_iteration(stmt.scope_id.get());
        match &stmt.init {
            Some(ForStatementInit::VariableDeclaration(decl)) => self.visit_variable_declaration(decl),
            Some(init) => {
                if let Some(expr) = init.as_expression() {
                    self.visit_effect(expr);
                }
            }
            None => {}
        }
        if per_iteration {
            self.copy_iteration_context();
        }
        let (top, cont, exit) = (self.new_label(), self.new_label(), self.new_label());
        self.push_loop_target(labels, exit, cont);
        self.bind(top);
        if let Some(test) = &stmt.test {
            self.pos(test.span().start);
            self.visit_condition(test, exit);
        }
        self.visit_statement(&stmt.body);
        self.bind(cont);
        if per_iteration {
            self.copy_iteration_context();
        }
        if let Some(update) = &stmt.update {
            self.pos(update.span().start);
            self.visit_effect(update);
        }
        self.emit_jump_loop(top);
        self.control.pop();
        self.bind(exit);
        self.exit_scope(scope);
    }

    /// Evaluates the iterated expression of a for-in/of: in a context
    /// holding the loop's bindings in their TDZ when they are captured.
    fn visit_loop_subject(&mut self, scope: Option<ScopeId>, expr: &'a Expression<'a>) {
        let needs_context = scope.and_then(|s| self.ctx.scopes.scope_info(s)).is_some_and(|s| s.needs_context);
        match scope {
            Some(scope) if needs_context => {
                let outer = self.current_scope;
                let m = self.mark();
                let saved = self.temp();
                self.push_block_context(scope, saved);
                self.current_scope = Some(scope);
                self.visit_expr(expr);
                self.emit(Opcode::PopContext, &[saved.0 as i64]);
                self.current_scope = outer;
                self.release(m);
            }
            _ => {
                // Register bindings of the head are in the TDZ meanwhile.
                if let Some(scope) = scope {
                    let outer = self.current_scope;
                    self.current_scope = Some(scope);
                    self.init_lexical_holes(scope);
                    self.current_scope = outer;
                }
                self.visit_expr(expr);
            }
        }
    }

    /// Enters one iteration's scope (a fresh context when captured) and
    /// assigns the value in `value` to the loop's left-hand side.
    fn begin_iteration(&mut self, scope: Option<ScopeId>, left: &'a ForStatementLeft<'a>, value: Register) -> super::scope::ScopeEntry {
        let entry = self.enter_scope(scope, left.span().start);
        self.ldar(value);
        self.assign_loop_left(left);
        entry
    }

    /// Assigns acc to a for-in/of head.
    fn assign_loop_left(&mut self, left: &'a ForStatementLeft<'a>) {
        match left {
            ForStatementLeft::VariableDeclaration(decl) => {
                if let Some(declarator) = decl.declarations.first() {
                    self.bind_pattern(&declarator.id);
                }
            }
            _ => {
                if let Some(target) = left.as_assignment_target() {
                    self.assign_to_target(target);
                }
            }
        }
    }

    fn visit_for_in(&mut self, stmt: &'a ForInStatement<'a>, labels: Vec<&'a str>) {
        self.reset_completion();
        self.pos(stmt.span.start);
        let scope = stmt.scope_id.get();
        let m = self.mark();
        // Annex B: `for (var x = init in o)` assigns init first.
        if let ForStatementLeft::VariableDeclaration(decl) = &stmt.left
            && decl.kind == VariableDeclarationKind::Var
            && let Some(declarator) = decl.declarations.first()
            && let Some(init) = &declarator.init
        {
            self.visit_expr(init);
            self.bind_pattern(&declarator.id);
        }
        let (top, exit) = (self.new_label(), self.new_label());
        self.visit_loop_subject(scope, &stmt.right);
        self.emit_jump(Opcode::JumpIfUndefinedOrNull, exit);
        let enumerator = self.temp();
        let value = self.temp();
        self.pos(stmt.right.span().start);
        self.emit(Opcode::ForInEnumerate, &[]);
        self.star(enumerator);
        self.push_loop_target(labels, exit, top);
        self.bind(top);
        self.emit_jump_with(Opcode::ForInNext, &[enumerator.0 as i64], exit);
        self.star(value);
        let entry = self.begin_iteration(scope, &stmt.left, value);
        self.visit_statement(&stmt.body);
        self.exit_scope(entry);
        if !self.is_dead() {
            self.emit_jump_loop(top);
        }
        self.control.pop();
        self.bind(exit);
        self.release(m);
    }

    /// `for (x of y)` and, with `await`, `for await (x of y)` (§14.7.5.6:
    /// next() results awaited, leaving early awaits `return()`).
    fn visit_for_of(&mut self, stmt: &'a ForOfStatement<'a>, labels: Vec<&'a str>) {
        self.reset_completion();
        let generator = if stmt.r#await {
            match self.generator_register(stmt.span.start) {
                Some(g) => Some(g),
                None => return,
            }
        } else {
            None
        };
        self.pos(stmt.span.start);
        let scope = stmt.scope_id.get();
        let m = self.mark();
        self.visit_loop_subject(scope, &stmt.right);
        let iterator = self.temps(2);
        self.pos(stmt.right.span().start);
        let get = if generator.is_some() { Opcode::GetAsyncIterator } else { Opcode::GetIterator };
        self.emit_slot(get, &[iterator.0 as i64]);
        let value = self.temp();
        let token = self.temp();
        let completion_value = self.temp();
        let context = self.save_context();
        let (top, exit, close) = (self.new_label(), self.new_label(), self.new_label());
        // break targets the outer entry (closing the iterator on the way);
        // continue the inner one (which keeps it open).
        self.control.push(Control::Target { labels: labels.clone(), break_label: Some(exit), continue_label: None, unlabelled_break: true });
        self.control.push(Control::Finally { token, value: completion_value, label: close, completions: Vec::new() });
        self.control.push(Control::Target { labels, break_label: None, continue_label: Some(top), unlabelled_break: false });
        self.bind(top);
        self.pos(stmt.left.span().start);
        match generator {
            None => self.emit_jump_with(Opcode::IteratorNext, &[iterator.0 as i64], exit),
            Some(generator) => self.emit_async_iterator_step(generator, iterator, stmt.span.start, exit),
        }
        let start = self.b.offset();
        self.star(value);
        let entry = self.begin_iteration(scope, &stmt.left, value);
        self.visit_statement(&stmt.body);
        self.exit_scope(entry);
        if !self.is_dead() {
            self.emit_jump_loop(top);
        }
        let end = self.b.offset();
        self.control.pop();
        let completions = match self.control.pop() {
            Some(Control::Finally { completions, .. }) => completions,
            _ => Vec::new(),
        };
        // A throw from the body (or the assignment) closes the iterator and
        // rethrows; errors from `return` are ignored then.
        let handler = self.b.offset();
        self.b.add_handler(HandlerEntry { start, end, handler, context_reg: context.0 });
        self.mark_reachable();
        self.star(value);
        match generator {
            None => self.emit(Opcode::IteratorClose, &[iterator.0 as i64, 1]),
            Some(generator) => {
                // The awaited close can throw too: a handler skips to the
                // rethrow.
                let close_start = self.b.offset();
                self.emit_async_close(generator, iterator, stmt.span.start, true);
                let close_end = self.b.offset();
                self.b.add_handler(HandlerEntry { start: close_start, end: close_end, handler: close_end, context_reg: context.0 });
                self.mark_reachable();
            }
        }
        self.ldar(value);
        self.emit(Opcode::ReThrow, &[]);
        if !completions.is_empty() {
            self.bind(close);
            match generator {
                None => self.emit(Opcode::IteratorClose, &[iterator.0 as i64, 0]),
                Some(generator) => self.emit_async_close(generator, iterator, stmt.span.start, false),
            }
            self.emit_finally_dispatch(token, completion_value, &completions, false);
        }
        self.control.pop();
        self.bind(exit);
        self.release(m);
    }
}
