//! Non-local control flow: the control stack (breakable statements,
//! contexts to pop, `finally` blocks), `break`/`continue`/`return` routed
//! through `finally`, try/catch/finally with handler-table entries,
//! `switch`, labels and `throw`.
//!
//! Fed by `statements.rs` and `loops.rs`; feeds the builder's handler
//! table. A jump leaving a construct pops the contexts it crosses; one
//! crossing a `finally` (or a for-of's iterator close) records a
//! completion token, jumps into the finally code, and the dispatch after
//! it continues the jump outward. Token 0 is a normal completion, 1 a
//! throw, 2.. the recorded jumps. Handler entries are added when their
//! protected range ends, so inner ranges come first in the table, as the
//! interpreter's lookup requires.

use oxc_ast::ast::{BlockStatement, CatchClause, LabeledStatement, Statement, SwitchStatement, TryStatement};
use strata_frontend::{BindingKind, Storage};

use super::Gen;
use crate::builder::Label;
use crate::function::{Constant, FunctionKind, HandlerEntry};
use crate::opcodes::Opcode;
use crate::operand::Register;

/// One entry of the control stack.
#[derive(Debug)]
pub(crate) enum Control<'a> {
    /// A pushed context: leaving through a jump pops it.
    Context { saved: Register },
    /// A statement `break` or `continue` can target.
    Target {
        labels: Vec<&'a str>,
        break_label: Option<Label>,
        continue_label: Option<Label>,
        /// Whether an unlabelled `break` stops here (loops and switch).
        unlabelled_break: bool,
    },
    /// Code that must run when control leaves (a `finally` block, or a
    /// for-of loop's iterator close).
    Finally { token: Register, value: Register, label: Label, completions: Vec<Completion> },
}

/// A jump out of some constructs.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Completion {
    /// To the break label of the control entry at this index.
    Break(usize),
    /// To the continue label of the control entry at this index.
    Continue(usize),
    /// Out of the function (the value in acc).
    Return,
}

/// The first jump token of a `Finally` entry (0 normal, 1 throw).
const FIRST_JUMP_TOKEN: i32 = 2;

impl<'c, 'p, 'a> Gen<'c, 'p, 'a> {
    /// Handler code starts here: control reaches it from the handler table.
    pub(crate) fn mark_reachable(&mut self) {
        self.bind_nothing();
    }

    fn bind_nothing(&mut self) {
        let l = self.new_label();
        self.bind(l);
    }

    /// Routes a completion through the control stack: pops contexts, enters
    /// `finally` code, and finally jumps or returns.
    pub(crate) fn emit_completion(&mut self, completion: Completion) {
        let stop = match completion {
            Completion::Break(i) | Completion::Continue(i) => i + 1,
            Completion::Return => 0,
        };
        let mut i = self.control.len();
        while i > stop {
            i -= 1;
            match &mut self.control[i] {
                Control::Context { saved } => {
                    // A return needs no pops unless `finally` code (which
                    // runs in the context outside its try block) comes next.
                    let saved = *saved;
                    let finally_below = self.control[..i].iter().any(|c| matches!(c, Control::Finally { .. }));
                    if completion != Completion::Return || finally_below {
                        self.emit(Opcode::PopContext, &[saved.0 as i64]);
                    }
                }
                Control::Finally { token, value, label, completions } => {
                    let (token, value, label) = (*token, *value, *label);
                    let index = match completions.iter().position(|c| *c == completion) {
                        Some(index) => index,
                        None => {
                            completions.push(completion);
                            completions.len() - 1
                        }
                    };
                    if completion == Completion::Return {
                        self.star(value);
                    }
                    self.emit(Opcode::LdaSmi, &[FIRST_JUMP_TOKEN as i64 + index as i64]);
                    self.star(token);
                    self.emit_jump(Opcode::Jump, label);
                    return;
                }
                Control::Target { .. } => {}
            }
        }
        match completion {
            Completion::Break(i) | Completion::Continue(i) => {
                let label = match &self.control[i] {
                    Control::Target { break_label, continue_label, .. } => {
                        if matches!(completion, Completion::Break(_)) { *break_label } else { *continue_label }
                    }
                    _ => None,
                };
                match label {
                    Some(label) => self.emit_jump(Opcode::Jump, label),
                    None => self.fail("internal error: jump target without label", 0),
                }
            }
            Completion::Return => self.emit_final_return(),
        }
    }

    /// `return acc` from the current position.
    pub(crate) fn emit_return(&mut self, offset: u32) {
        self.pos(offset);
        self.emit_completion(Completion::Return);
    }

    /// The `Return` itself. A derived constructor whose `this` lives in a
    /// context (arrows calling `super()`) first copies it back to the frame,
    /// where `Return` reads it.
    fn emit_final_return(&mut self) {
        if let Some((label, value)) = self.derived_return {
            self.star(value);
            self.emit_jump(Opcode::Jump, label);
            return;
        }
        self.emit_return_instruction();
    }

    /// Binds a derived constructor's shared return block (see
    /// [`Gen::derived_return`]).
    pub(crate) fn emit_derived_return_block(&mut self, offset: u32) {
        if let Some((label, value)) = self.derived_return.take() {
            self.bind(label);
            self.ldar(value);
            self.pos(offset);
            self.emit_return_instruction();
        }
    }

    fn emit_return_instruction(&mut self) {
        if self.kind == FunctionKind::DerivedConstructor
            && let Some(unit) = self.unit
            && let Some(this) = self.ctx.scopes.implicit_binding(unit, BindingKind::This)
            && matches!(self.ctx.scopes.binding(this).map(|b| &b.storage), Some(Storage::Context { .. }))
        {
            let m = self.mark();
            let value = self.temp();
            self.star(value);
            self.load_binding(this, 0);
            self.star(Register::THIS);
            self.ldar(value);
            self.release(m);
        }
        if matches!(self.kind, FunctionKind::Async | FunctionKind::AsyncArrow)
            && let Some(generator) = self.generator
        {
            // An async function returns its promise, resolved with the
            // value.
            let m = self.mark();
            let args = self.temps(2);
            self.star(Register(args.0 + 1));
            self.mov(generator, args);
            self.call_runtime(crate::runtime::RuntimeFunction::AsyncFunctionResolve, args, 2);
            self.release(m);
        }
        self.emit(Opcode::Return, &[]);
    }

    /// After a `finally` body: continues the completion held in `token`
    /// (rethrowing token 1 when `rethrow`), or falls through on token 0.
    pub(crate) fn emit_finally_dispatch(&mut self, token: Register, value: Register, completions: &[Completion], rethrow: bool) {
        if self.is_dead() || (completions.is_empty() && !rethrow) {
            return;
        }
        if !rethrow && let [only] = completions {
            // One way in: no dispatch needed.
            if *only == Completion::Return {
                self.ldar(value);
            }
            self.emit_completion(*only);
            return;
        }
        let dispatch = self.new_label();
        self.emit_jump(Opcode::Jump, dispatch);
        let mut cases: Vec<(i32, u32)> = Vec::new();
        if rethrow {
            cases.push((1, self.b.offset()));
            self.mark_reachable();
            self.ldar(value);
            self.emit(Opcode::ReThrow, &[]);
        }
        for (index, &completion) in completions.iter().enumerate() {
            cases.push((FIRST_JUMP_TOKEN + index as i32, self.b.offset()));
            self.mark_reachable();
            if completion == Completion::Return {
                self.ldar(value);
            }
            self.emit_completion(completion);
        }
        self.bind(dispatch);
        self.ldar(token);
        let at = self.b.offset();
        let table: Vec<(i32, i32)> = cases.iter().map(|&(k, case)| (k, case as i32 - at as i32)).collect();
        let idx = self.b.add_constant(Constant::JumpTable(table.into_boxed_slice()));
        self.emit(Opcode::SwitchOnSmi, &[idx as i64]);
    }

    /// The register a handler restores the context from: a copy of the
    /// current one, unless the unit never pushes a block context (then
    /// the context cannot change and the frame's own slot serves).
    pub(crate) fn save_context(&mut self) -> Register {
        let pushes_blocks = self.info().is_some_and(|info| {
            info.scopes
                .iter()
                .skip(1)
                .any(|&s| self.ctx.scopes.scope_info(s).is_some_and(|s| s.needs_context))
        });
        if !pushes_blocks && self.info().is_some() {
            return Register::CONTEXT;
        }
        let context = self.temp();
        self.mov(Register::CONTEXT, context);
        context
    }

    // ---- statements ------------------------------------------------------------

    /// The index of the control entry `break label` targets.
    fn break_target(&self, label: Option<&str>) -> Option<usize> {
        self.control.iter().rposition(|c| match c {
            Control::Target { labels, break_label: Some(_), unlabelled_break, .. } => match label {
                Some(l) => labels.contains(&l),
                None => *unlabelled_break,
            },
            _ => false,
        })
    }

    /// The index of the control entry `continue label` targets.
    fn continue_target(&self, label: Option<&str>) -> Option<usize> {
        self.control.iter().rposition(|c| match c {
            Control::Target { labels, continue_label: Some(_), .. } => label.is_none_or(|l| labels.contains(&l)),
            _ => false,
        })
    }

    pub(crate) fn visit_break(&mut self, label: Option<&str>, offset: u32) {
        match self.break_target(label) {
            Some(i) => self.emit_completion(Completion::Break(i)),
            None => self.fail("internal error: break target not found", offset),
        }
    }

    pub(crate) fn visit_continue(&mut self, label: Option<&str>, offset: u32) {
        match self.continue_target(label) {
            Some(i) => self.emit_completion(Completion::Continue(i)),
            None => self.fail("internal error: continue target not found", offset),
        }
    }

    /// `l1: l2: stmt`: loops take the label set; other statements get a
    /// break target.
    pub(crate) fn visit_labeled(&mut self, stmt: &'a LabeledStatement<'a>) {
        let mut labels = vec![stmt.label.name.as_str()];
        let mut body = &stmt.body;
        while let Statement::LabeledStatement(inner) = body {
            labels.push(inner.label.name.as_str());
            body = &inner.body;
        }
        if self.visit_loop(body, labels.clone()) {
            return;
        }
        let end = self.new_label();
        self.control.push(Control::Target { labels, break_label: Some(end), continue_label: None, unlabelled_break: false });
        self.visit_statement(body);
        self.control.pop();
        self.bind(end);
    }

    /// Sets the script's completion value to undefined (statements whose
    /// value is UpdateEmpty(…, undefined)).
    pub(crate) fn reset_completion(&mut self) {
        if let Some(completion) = self.completion {
            self.emit(Opcode::LdaUndefined, &[]);
            self.star(completion);
        }
    }

    pub(crate) fn visit_try(&mut self, stmt: &'a TryStatement<'a>) {
        self.reset_completion();
        match (&stmt.handler, &stmt.finalizer) {
            (handler, Some(finalizer)) => self.visit_try_finally(&stmt.block, handler.as_deref(), finalizer),
            (Some(handler), None) => self.visit_try_catch(&stmt.block, handler),
            (None, None) => self.visit_block(&stmt.block),
        }
    }

    fn visit_try_catch(&mut self, block: &'a BlockStatement<'a>, handler: &'a CatchClause<'a>) {
        let m = self.mark();
        let context = self.save_context();
        let start = self.b.offset();
        self.visit_block(block);
        let end = self.b.offset();
        if start == end {
            // Nothing can throw: the catch clause is unreachable.
            self.release(m);
            return;
        }
        let after = self.new_label();
        if !self.is_dead() {
            self.emit_jump(Opcode::Jump, after);
        }
        let handler_pc = self.b.offset();
        self.b.add_handler(HandlerEntry { start, end, handler: handler_pc, context_reg: context.0 });
        self.mark_reachable();
        self.visit_catch_clause(handler);
        self.bind(after);
        self.release(m);
    }

    /// The catch clause, with the exception in acc.
    fn visit_catch_clause(&mut self, handler: &'a CatchClause<'a>) {
        let m = self.mark();
        let exception = self.temp();
        self.star(exception);
        let outer = self.enter_scope(handler.scope_id.get(), handler.span.start);
        let body = self.enter_scope(handler.body.scope_id.get(), handler.body.span.start);
        if let Some(param) = &handler.param {
            self.ldar(exception);
            self.bind_pattern(&param.pattern);
        }
        self.visit_statements(&handler.body.body);
        self.exit_scope(body);
        self.exit_scope(outer);
        self.release(m);
    }

    fn visit_try_finally(
        &mut self,
        block: &'a BlockStatement<'a>,
        handler: Option<&'a CatchClause<'a>>,
        finalizer: &'a BlockStatement<'a>,
    ) {
        let m = self.mark();
        let token = self.temp();
        let value = self.temp();
        let context = self.save_context();
        let finally_label = self.new_label();
        self.control.push(Control::Finally { token, value, label: finally_label, completions: Vec::new() });
        let start = self.b.offset();
        match handler {
            Some(handler) => self.visit_try_catch(block, handler),
            None => self.visit_block(block),
        }
        let end = self.b.offset();
        let completions = match self.control.pop() {
            Some(Control::Finally { completions, .. }) => completions,
            _ => Vec::new(),
        };
        if !self.is_dead() {
            self.emit(Opcode::LdaZero, &[]);
            self.star(token);
            self.emit_jump(Opcode::Jump, finally_label);
        }
        let handler_pc = self.b.offset();
        self.b.add_handler(HandlerEntry { start, end, handler: handler_pc, context_reg: context.0 });
        self.mark_reachable();
        self.star(value);
        self.emit(Opcode::LdaSmi, &[1]);
        self.star(token);
        self.bind(finally_label);
        // The finally block's own value does not replace the completion.
        let saved_completion = self.completion.map(|c| {
            let saved = self.temp();
            self.mov(c, saved);
            saved
        });
        self.visit_block(finalizer);
        if let (Some(c), Some(saved)) = (self.completion, saved_completion)
            && !self.is_dead()
        {
            self.mov(saved, c);
        }
        self.emit_finally_dispatch(token, value, &completions, true);
        self.release(m);
    }

    pub(crate) fn visit_switch(&mut self, stmt: &'a SwitchStatement<'a>, labels: Vec<&'a str>) {
        self.reset_completion();
        let m = self.mark();
        let discriminant = self.temp();
        self.visit_expr(&stmt.discriminant);
        self.star(discriminant);
        let scope = self.enter_scope(stmt.scope_id.get(), stmt.span.start);
        let end = self.new_label();
        self.control.push(Control::Target { labels, break_label: Some(end), continue_label: None, unlabelled_break: true });
        let case_labels: Vec<Label> = stmt.cases.iter().map(|_| self.b.new_label()).collect();
        let mut default = None;
        for (case, &label) in stmt.cases.iter().zip(&case_labels) {
            match &case.test {
                Some(test) => {
                    self.visit_expr(test);
                    self.pos(test.span_start());
                    self.emit_slot(Opcode::TestEqualStrict, &[discriminant.0 as i64]);
                    self.emit_jump(Opcode::JumpIfTrue, label);
                }
                None => default = Some(label),
            }
        }
        self.emit_jump(Opcode::Jump, default.unwrap_or(end));
        for (case, &label) in stmt.cases.iter().zip(&case_labels) {
            self.bind(label);
            self.visit_statements(&case.consequent);
        }
        self.control.pop();
        self.bind(end);
        self.exit_scope(scope);
        self.release(m);
    }
}

/// Span start of an expression.
trait SpanStart {
    fn span_start(&self) -> u32;
}

impl SpanStart for oxc_ast::ast::Expression<'_> {
    fn span_start(&self) -> u32 {
        oxc_span::GetSpan::span(self).start
    }
}
