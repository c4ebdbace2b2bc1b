//! Expressions whose value ends in the accumulator: literals and names,
//! operators (unary, binary, logical, conditional, comma, `typeof`,
//! `delete`, `in`, `#x in o`), property loads (named, keyed, private,
//! `super`), `this`, `new.target`, function and class expressions with
//! NamedEvaluation, and conditions compiled straight to branches.
//!
//! Fed by statements and by every expression context; feeds `calls.rs`,
//! `assignments.rs`, `literals.rs`, `classes.rs`. Invariant: each visit
//! leaves its value in acc and the temporary stack as it found it;
//! operands are evaluated left to right, as the spec orders them.

use oxc_ast::ast::{
    Argument, ArrayExpressionElement, BinaryExpression, CallExpression, ChainElement, ObjectPropertyKind, BinaryOperator, ComputedMemberExpression, Expression, LogicalExpression, LogicalOperator,
    MemberExpression, PrivateFieldExpression, StaticMemberExpression, UnaryExpression, UnaryOperator,
};
use oxc_span::GetSpan;
use strata_frontend::{NodeId, Resolution};

use super::scope::Access;
use super::Gen;
use crate::builder::Label;
use crate::function::Constant;
use crate::opcodes::Opcode;
use crate::operand::Register;
use crate::runtime::RuntimeFunction;

impl<'c, 'p, 'a> Gen<'c, 'p, 'a> {
    /// acc = the value of `expr`.
    pub(crate) fn visit_expr(&mut self, expr: &'a Expression<'a>) {
        let offset = expr.span().start;
        if !self.enter_nesting(offset) {
            return;
        }
        match expr {
            Expression::BooleanLiteral(b) => self.emit(if b.value { Opcode::LdaTrue } else { Opcode::LdaFalse }, &[]),
            Expression::NullLiteral(_) => self.emit(Opcode::LdaNull, &[]),
            Expression::NumericLiteral(n) => self.lda_number(n.value),
            Expression::BigIntLiteral(n) => {
                let idx = self.b.add_constant(Constant::BigInt(n.value.as_str().into()));
                self.emit(Opcode::LdaConstant, &[idx as i64]);
            }
            Expression::RegExpLiteral(re) => {
                let pattern = self.string(re.regex.pattern.text.as_str());
                let flags = self.string(&re.regex.flags.to_string());
                self.pos(offset);
                self.emit(Opcode::CreateRegExpLiteral, &[pattern as i64, flags as i64]);
            }
            Expression::StringLiteral(s) => {
                let idx = self.string_units(super::literals::string_units(s.value.as_str(), s.lone_surrogates));
                self.emit(Opcode::LdaConstant, &[idx as i64]);
            }
            Expression::TemplateLiteral(t) => self.visit_template(t),
            Expression::Identifier(id) => self.load_reference(id.reference_id.get(), id.name.as_str(), offset, false),
            Expression::ArrayExpression(array) => self.visit_array(array),
            Expression::ObjectExpression(object) => self.visit_object(object),
            Expression::FunctionExpression(f) => self.create_closure_for(f, None),
            Expression::ArrowFunctionExpression(arrow) => self.create_arrow_closure(arrow, None),
            Expression::ClassExpression(class) => self.visit_class(class, None),
            Expression::AssignmentExpression(assign) => self.visit_assignment(assign),
            Expression::UpdateExpression(update) => self.visit_update(update, true),
            Expression::BinaryExpression(binary) => self.visit_binary(binary),
            Expression::LogicalExpression(logical) => self.visit_logical(logical),
            Expression::UnaryExpression(unary) => self.visit_unary(unary),
            Expression::ConditionalExpression(c) => {
                let (else_label, end) = (self.new_label(), self.new_label());
                self.visit_condition(&c.test, else_label);
                self.visit_expr(&c.consequent);
                self.emit_jump(Opcode::Jump, end);
                self.bind(else_label);
                self.visit_expr(&c.alternate);
                self.bind(end);
            }
            Expression::SequenceExpression(seq) => {
                let last = seq.expressions.len().saturating_sub(1);
                for (i, e) in seq.expressions.iter().enumerate() {
                    if i == last {
                        self.visit_expr(e);
                    } else {
                        self.visit_effect(e);
                    }
                }
            }
            Expression::ParenthesizedExpression(p) => self.visit_expr(&p.expression),
            Expression::CallExpression(call) => self.visit_call(call),
            Expression::NewExpression(new) => self.visit_new(new),
            Expression::ChainExpression(chain) => self.visit_chain(chain),
            Expression::TaggedTemplateExpression(tagged) => self.visit_tagged_template(tagged),
            Expression::ThisExpression(this) => self.visit_this(this.node_id.get(), offset),
            Expression::NewTarget(nt) => match self.ctx.scopes.resolve_new_target(nt.node_id.get()) {
                Some(info) => {
                    let access = Access::from_reference(info);
                    self.load_access(&access, false, offset);
                }
                None => self.emit(Opcode::LdaUndefined, &[]),
            },
            Expression::PrivateInExpression(e) => {
                let m = self.mark();
                let name = self.temp();
                self.load_private_name(e.left.node_id.get(), e.left.span.start);
                self.star(name);
                self.visit_expr(&e.right);
                self.pos(offset);
                self.emit(Opcode::TestPrivateIn, &[name.0 as i64]);
                self.release(m);
            }
            Expression::StaticMemberExpression(member) => self.visit_static_member(member),
            Expression::ComputedMemberExpression(member) => self.visit_computed_member(member),
            Expression::PrivateFieldExpression(member) => self.visit_private_member(member),
            Expression::Super(_) => self.fail("'super' keyword unexpected here", offset),
            Expression::AwaitExpression(e) => {
                self.visit_expr(&e.argument);
                self.emit_await(offset);
            }
            Expression::YieldExpression(e) => self.visit_yield(e, offset),
            Expression::ImportExpression(e) => self.visit_import_call(e, offset),
            Expression::ImportMeta(_) => {
                self.pos(offset);
                let m = self.mark();
                let r = self.next_register();
                self.call_runtime(crate::runtime::RuntimeFunction::GetImportMeta, r, 0);
                self.release(m);
            }
            _ => self.fail("unsupported expression", offset),
        }
    }

    /// acc = `expr`, giving an anonymous function or class the name `name`
    /// (NamedEvaluation).
    pub(crate) fn visit_named(&mut self, expr: &'a Expression<'a>, name: Option<Vec<u16>>) {
        let Some(name) = name else { return self.visit_expr(expr) };
        match expr {
            Expression::ParenthesizedExpression(p) => self.visit_named(&p.expression, Some(name)),
            Expression::FunctionExpression(f) if f.id.is_none() => {
                if self.enter_nesting(f.span.start) {
                    self.create_closure_for(f, Some(name));
                }
            }
            Expression::ArrowFunctionExpression(arrow) => {
                if self.enter_nesting(arrow.span.start) {
                    self.create_arrow_closure(arrow, Some(name));
                }
            }
            Expression::ClassExpression(class) if class.id.is_none() => {
                if self.enter_nesting(class.span.start) {
                    self.visit_class(class, Some(name));
                }
            }
            _ => self.visit_expr(expr),
        }
    }

    /// acc = `expr`; an anonymous function or class gets the property key
    /// in `key` as its name at run time.
    pub(crate) fn visit_named_by_key(&mut self, expr: &'a Expression<'a>, key: Register) {
        self.visit_expr(expr);
        if expr.is_anonymous_function_definition() {
            let m = self.mark();
            let args = self.temps(2);
            self.star(args);
            self.mov(key, args.next());
            self.call_runtime(RuntimeFunction::SetFunctionName, args, 2);
            self.release(m);
        }
    }

    /// The frame register already holding `expr`'s value, when reading it
    /// has no effect and nothing evaluated after it can change it.
    pub(crate) fn register_of(&self, expr: &'a Expression<'a>) -> Option<Register> {
        match expr {
            Expression::Identifier(id) => match self.reference_access(id.reference_id.get(), id.name.as_str()) {
                Some(Access { resolution: Resolution::Register(n), tdz: false, .. }) => Some(self.local(n)),
                _ => None,
            },
            Expression::ThisExpression(t) => match self.ctx.scopes.resolve_this(t.node_id.get()) {
                Some(info) if matches!(info.resolution, Resolution::Frame) && !info.tdz_check => Some(Register::THIS),
                _ => None,
            },
            Expression::ParenthesizedExpression(p) => self.register_of(&p.expression),
            _ => None,
        }
    }

    /// Whether evaluating `expr` cannot run user code or assign anything.
    pub(crate) fn is_simple(expr: &Expression<'_>) -> bool {
        matches!(
            expr,
            Expression::NumericLiteral(_)
                | Expression::StringLiteral(_)
                | Expression::BooleanLiteral(_)
                | Expression::NullLiteral(_)
                | Expression::Identifier(_)
                | Expression::ThisExpression(_)
        )
    }

    /// Whether evaluating `expr` cannot assign a register local. Register
    /// locals are never captured (a captured binding lives in a context,
    /// mapped parameters too), so only this function's own syntax writes
    /// them: an assignment, `++`/`--`, or a direct `eval`, outside nested
    /// functions. Conservative: unknown forms and large expressions (past
    /// a node budget, which keeps the check linear) count as assigning.
    pub(crate) fn keeps_locals(expr: &Expression<'_>) -> bool {
        fn args(list: &[Argument<'_>], budget: &mut u32) -> bool {
            list.iter().all(|a| match a {
                Argument::SpreadElement(s) => walk(&s.argument, budget),
                other => other.as_expression().is_some_and(|e| walk(e, budget)),
            })
        }
        fn call(c: &CallExpression<'_>, budget: &mut u32) -> bool {
            !matches!(c.callee.without_parentheses(), Expression::Identifier(id) if id.name == "eval")
                && walk(&c.callee, budget)
                && args(&c.arguments, budget)
        }
        fn walk(e: &Expression<'_>, budget: &mut u32) -> bool {
            if *budget == 0 {
                return false;
            }
            *budget -= 1;
            match e {
                Expression::BooleanLiteral(_)
                | Expression::NullLiteral(_)
                | Expression::NumericLiteral(_)
                | Expression::BigIntLiteral(_)
                | Expression::RegExpLiteral(_)
                | Expression::StringLiteral(_)
                | Expression::Identifier(_)
                | Expression::ThisExpression(_)
                | Expression::Super(_)
                | Expression::NewTarget(_)
                | Expression::ImportMeta(_)
                | Expression::FunctionExpression(_)
                | Expression::ArrowFunctionExpression(_) => true,
                Expression::TemplateLiteral(t) => t.expressions.iter().all(|x| walk(x, budget)),
                Expression::ParenthesizedExpression(p) => walk(&p.expression, budget),
                Expression::StaticMemberExpression(m) => walk(&m.object, budget),
                Expression::ComputedMemberExpression(m) => walk(&m.object, budget) && walk(&m.expression, budget),
                Expression::PrivateFieldExpression(m) => walk(&m.object, budget),
                Expression::PrivateInExpression(p) => walk(&p.right, budget),
                Expression::BinaryExpression(b) => walk(&b.left, budget) && walk(&b.right, budget),
                Expression::LogicalExpression(l) => walk(&l.left, budget) && walk(&l.right, budget),
                Expression::UnaryExpression(u) => walk(&u.argument, budget),
                Expression::AwaitExpression(a) => walk(&a.argument, budget),
                Expression::ConditionalExpression(c) => {
                    walk(&c.test, budget) && walk(&c.consequent, budget) && walk(&c.alternate, budget)
                }
                Expression::SequenceExpression(s) => s.expressions.iter().all(|x| walk(x, budget)),
                Expression::CallExpression(c) => call(c, budget),
                Expression::NewExpression(n) => walk(&n.callee, budget) && args(&n.arguments, budget),
                Expression::TaggedTemplateExpression(t) => {
                    walk(&t.tag, budget) && t.quasi.expressions.iter().all(|x| walk(x, budget))
                }
                Expression::ChainExpression(c) => match &c.expression {
                    ChainElement::CallExpression(c) => call(c, budget),
                    other => match other.as_member_expression() {
                        Some(MemberExpression::StaticMemberExpression(m)) => walk(&m.object, budget),
                        Some(MemberExpression::ComputedMemberExpression(m)) => {
                            walk(&m.object, budget) && walk(&m.expression, budget)
                        }
                        Some(MemberExpression::PrivateFieldExpression(m)) => walk(&m.object, budget),
                        None => false,
                    },
                },
                Expression::ArrayExpression(a) => a.elements.iter().all(|el| match el {
                    ArrayExpressionElement::SpreadElement(s) => walk(&s.argument, budget),
                    ArrayExpressionElement::Elision(_) => true,
                    other => other.as_expression().is_some_and(|x| walk(x, budget)),
                }),
                Expression::ObjectExpression(o) => o.properties.iter().all(|p| match p {
                    ObjectPropertyKind::ObjectProperty(p) => {
                        p.key.as_expression().is_none_or(|k| walk(k, budget)) && walk(&p.value, budget)
                    }
                    ObjectPropertyKind::SpreadProperty(s) => walk(&s.argument, budget),
                }),
                _ => false,
            }
        }
        walk(expr, &mut 64)
    }

    /// `expr` in a register: its own if it is a register local and `later`
    /// (evaluated afterwards) cannot change it, else a new temporary.
    pub(crate) fn visit_to_register(&mut self, expr: &'a Expression<'a>, later_is_simple: bool) -> Register {
        if later_is_simple && let Some(r) = self.register_of(expr) {
            return r;
        }
        self.visit_expr(expr);
        let r = self.temp();
        self.star(r);
        r
    }

    // ---- this, super, private names --------------------------------------------

    pub(crate) fn visit_this(&mut self, node: NodeId, offset: u32) {
        match self.ctx.scopes.resolve_this(node) {
            Some(info) => {
                let access = Access::from_reference(info);
                self.load_access(&access, false, offset);
            }
            None => self.ldar(Register::THIS),
        }
    }

    /// acc = the global `this` value.
    pub(crate) fn load_global_this(&mut self, offset: u32) {
        if self.kind == crate::function::FunctionKind::Script {
            self.ldar(Register::THIS);
            return;
        }
        let idx = self.global_this_function();
        let m = self.mark();
        let f = self.temp();
        self.emit_slot(Opcode::CreateClosure, &[idx as i64]);
        self.star(f);
        self.pos(offset);
        self.emit_slot(Opcode::CallUndefinedReceiver, &[f.0 as i64, f.next().0 as i64, 0]);
        self.release(m);
    }

    /// acc = the private name `#x` used at `node`.
    pub(crate) fn load_private_name(&mut self, node: NodeId, offset: u32) {
        match self.ctx.scopes.resolve_private(node) {
            Some(info) => {
                let access = Access::from_reference(info);
                self.load_access(&access, false, offset);
            }
            None => self.fail("internal error: private name not resolved", offset),
        }
    }

    // ---- property loads ------------------------------------------------------------

    /// Jumps to the innermost optional chain's exit when acc is nullish.
    pub(crate) fn optional_check(&mut self, optional: bool) {
        if optional && let Some(&exit) = self.chain_exits.last() {
            self.emit_jump(Opcode::JumpIfUndefinedOrNull, exit);
        }
    }

    /// The object of a member expression in a register (`this` for super).
    pub(crate) fn visit_member_object(&mut self, object: &'a Expression<'a>, optional: bool, later_is_simple: bool) -> Register {
        if let Expression::Super(s) = object {
            self.visit_this(s.node_id.get(), s.span.start);
            let r = self.temp();
            self.star(r);
            return r;
        }
        if optional {
            self.visit_expr(object);
            let r = self.temp();
            self.star(r);
            self.optional_check(true);
            return r;
        }
        self.visit_to_register(object, later_is_simple)
    }

    fn visit_static_member(&mut self, member: &'a StaticMemberExpression<'a>) {
        let m = self.mark();
        let object = self.visit_member_object(&member.object, member.optional, true);
        self.load_named(object, member.object.is_super(), member.property.name.as_str(), member.property.span.start);
        self.release(m);
    }

    /// acc = object.name (or super.name with `this` in `object`).
    pub(crate) fn load_named(&mut self, object: Register, is_super: bool, name: &str, offset: u32) {
        let idx = self.string(name);
        self.pos(offset);
        let op = if is_super { Opcode::GetNamedSuperProperty } else { Opcode::GetNamedProperty };
        self.emit_slot(op, &[object.0 as i64, idx as i64]);
    }

    fn visit_computed_member(&mut self, member: &'a ComputedMemberExpression<'a>) {
        let m = self.mark();
        let simple = Self::keeps_locals(&member.expression);
        let object = self.visit_member_object(&member.object, member.optional, simple);
        self.visit_expr(&member.expression);
        // Errors point at the `[`, as in V8.
        let bracket = self.token_near(member.expression.span().start, false);
        self.pos(bracket);
        let op = if member.object.is_super() { Opcode::GetKeyedSuperProperty } else { Opcode::GetKeyedProperty };
        self.emit_slot(op, &[object.0 as i64]);
        self.release(m);
    }

    fn visit_private_member(&mut self, member: &'a PrivateFieldExpression<'a>) {
        let m = self.mark();
        let object = self.visit_member_object(&member.object, member.optional, true);
        let name = self.temp();
        self.load_private_name(member.field.node_id.get(), member.field.span.start);
        self.star(name);
        self.pos(member.field.span.start);
        self.emit(Opcode::GetPrivateField, &[object.0 as i64, name.0 as i64]);
        self.release(m);
    }

    /// acc = the value of a member expression (used by chains and calls).
    pub(crate) fn visit_member(&mut self, member: &'a MemberExpression<'a>) {
        match member {
            MemberExpression::StaticMemberExpression(m) => self.visit_static_member(m),
            MemberExpression::ComputedMemberExpression(m) => self.visit_computed_member(m),
            MemberExpression::PrivateFieldExpression(m) => self.visit_private_member(m),
        }
    }

    // ---- operators -----------------------------------------------------------------

    fn visit_binary(&mut self, e: &'a BinaryExpression<'a>) {
        let offset = e.span.start;
        // x + 1, x - 1: the small integer is an immediate.
        if matches!(e.operator, BinaryOperator::Addition | BinaryOperator::Subtraction)
            && let Expression::NumericLiteral(n) = &e.right
            && n.value.fract() == 0.0
            && n.value.abs() <= 127.0
            && !(n.value == 0.0 && n.value.is_sign_negative())
        {
            self.visit_expr(&e.left);
            self.pos(offset);
            let op = if e.operator == BinaryOperator::Addition { Opcode::AddSmi } else { Opcode::SubSmi };
            self.emit_slot(op, &[n.value as i64]);
            return;
        }
        let m = self.mark();
        let left = self.visit_to_register(&e.left, Self::keeps_locals(&e.right));
        self.visit_expr(&e.right);
        self.pos(offset);
        self.emit_binary(e.operator, left);
        self.release(m);
    }

    /// acc = left OP acc.
    pub(crate) fn emit_binary(&mut self, op: BinaryOperator, left: Register) {
        use BinaryOperator as B;
        let r = left.0 as i64;
        let opcode = match op {
            B::Addition => Opcode::Add,
            B::Subtraction => Opcode::Sub,
            B::Multiplication => Opcode::Mul,
            B::Division => Opcode::Div,
            B::Remainder => Opcode::Mod,
            B::Exponential => Opcode::Exp,
            B::BitwiseOR => Opcode::BitwiseOr,
            B::BitwiseXOR => Opcode::BitwiseXor,
            B::BitwiseAnd => Opcode::BitwiseAnd,
            B::ShiftLeft => Opcode::ShiftLeft,
            B::ShiftRight => Opcode::ShiftRight,
            B::ShiftRightZeroFill => Opcode::ShiftRightLogical,
            B::Equality | B::Inequality => Opcode::TestEqual,
            B::StrictEquality | B::StrictInequality => Opcode::TestEqualStrict,
            B::LessThan => Opcode::TestLessThan,
            B::GreaterThan => Opcode::TestGreaterThan,
            B::LessEqualThan => Opcode::TestLessThanOrEqual,
            B::GreaterEqualThan => Opcode::TestGreaterThanOrEqual,
            B::Instanceof => Opcode::TestInstanceOf,
            B::In => Opcode::TestIn,
        };
        self.emit_slot(opcode, &[r]);
        if matches!(op, B::Inequality | B::StrictInequality) {
            self.emit(Opcode::LogicalNot, &[]);
        }
    }

    fn visit_logical(&mut self, e: &'a LogicalExpression<'a>) {
        let end = self.new_label();
        self.visit_expr(&e.left);
        let jump = match e.operator {
            LogicalOperator::And => Opcode::JumpIfToBooleanFalse,
            LogicalOperator::Or => Opcode::JumpIfToBooleanTrue,
            LogicalOperator::Coalesce => Opcode::JumpIfNotUndefinedOrNull,
        };
        self.emit_jump(jump, end);
        self.visit_expr(&e.right);
        self.bind(end);
    }

    fn visit_unary(&mut self, e: &'a UnaryExpression<'a>) {
        let offset = e.span.start;
        match e.operator {
            UnaryOperator::UnaryNegation => {
                if let Expression::NumericLiteral(n) = &e.argument {
                    self.lda_number(-n.value);
                    return;
                }
                self.visit_expr(&e.argument);
                self.pos(offset);
                self.emit_slot(Opcode::Negate, &[]);
            }
            UnaryOperator::UnaryPlus => {
                self.visit_expr(&e.argument);
                self.pos(offset);
                self.emit_slot(Opcode::ToNumber, &[]);
            }
            UnaryOperator::LogicalNot => {
                self.visit_expr(&e.argument);
                self.emit(if Self::is_boolean(&e.argument) { Opcode::LogicalNot } else { Opcode::ToBooleanLogicalNot }, &[]);
            }
            UnaryOperator::BitwiseNot => {
                self.visit_expr(&e.argument);
                self.pos(offset);
                self.emit_slot(Opcode::BitwiseNot, &[]);
            }
            UnaryOperator::Typeof => {
                match e.argument.without_parentheses() {
                    Expression::Identifier(id) => {
                        self.load_reference(id.reference_id.get(), id.name.as_str(), id.span.start, true)
                    }
                    other => self.visit_expr(other),
                }
                self.emit(Opcode::TypeOf, &[]);
            }
            UnaryOperator::Void => {
                self.visit_effect(&e.argument);
                self.emit(Opcode::LdaUndefined, &[]);
            }
            UnaryOperator::Delete => self.visit_delete(&e.argument, offset),
        }
    }

    /// Whether `expr` always yields a boolean.
    fn is_boolean(expr: &Expression<'_>) -> bool {
        match expr {
            Expression::BooleanLiteral(_) => true,
            Expression::UnaryExpression(u) => u.operator == UnaryOperator::LogicalNot,
            Expression::BinaryExpression(b) => {
                b.operator.is_equality() || b.operator.is_compare() || matches!(b.operator, BinaryOperator::In | BinaryOperator::Instanceof)
            }
            Expression::PrivateInExpression(_) => true,
            Expression::ParenthesizedExpression(p) => Self::is_boolean(&p.expression),
            _ => false,
        }
    }

    fn visit_delete(&mut self, argument: &'a Expression<'a>, offset: u32) {
        match argument {
            Expression::ParenthesizedExpression(p) => self.visit_delete(&p.expression, offset),
            Expression::Identifier(id) => {
                // Sloppy mode only (strict is an early error).
                match self.reference_access(id.reference_id.get(), id.name.as_str()).map(|a| a.resolution) {
                    Some(Resolution::Dynamic(name)) => {
                        let idx = self.string(&name);
                        self.pos(offset);
                        self.emit(Opcode::DeleteLookupSlot, &[idx as i64]);
                    }
                    Some(Resolution::Global(name)) => {
                        let m = self.mark();
                        let global = self.temp();
                        self.load_global_this(offset);
                        self.star(global);
                        self.lda_string(&name);
                        self.pos(offset);
                        self.emit(Opcode::DeleteProperty, &[global.0 as i64, 0]);
                        self.release(m);
                    }
                    _ => self.emit(Opcode::LdaFalse, &[]),
                }
            }
            Expression::StaticMemberExpression(member) if !member.object.is_super() => {
                let m = self.mark();
                let object = self.visit_member_object(&member.object, member.optional, true);
                self.lda_string(member.property.name.as_str());
                self.pos(offset);
                self.emit(Opcode::DeleteProperty, &[object.0 as i64, self.strict as i64]);
                self.release(m);
            }
            Expression::ComputedMemberExpression(member) if !member.object.is_super() => {
                let m = self.mark();
                let object = self.visit_member_object(&member.object, member.optional, Self::keeps_locals(&member.expression));
                self.visit_expr(&member.expression);
                self.pos(offset);
                self.emit(Opcode::DeleteProperty, &[object.0 as i64, self.strict as i64]);
                self.release(m);
            }
            Expression::StaticMemberExpression(_) | Expression::ComputedMemberExpression(_) => {
                // `delete super.x`: evaluate `this` (and the key), then throw.
                let (node, key) = match argument {
                    Expression::StaticMemberExpression(m) => (&m.object, None),
                    Expression::ComputedMemberExpression(m) => (&m.object, Some(&m.expression)),
                    _ => return,
                };
                if let Expression::Super(s) = node {
                    self.visit_this(s.node_id.get(), s.span.start);
                }
                if let Some(key) = key {
                    self.visit_expr(key);
                }
                self.pos(offset);
                self.throw_error(RuntimeFunction::ThrowReferenceError, "Unsupported reference to 'super'");
            }
            Expression::ChainExpression(chain) => {
                let exit = self.new_label();
                self.chain_exits.push(exit);
                match chain.expression.as_member_expression().map(|m| m.as_expression()) {
                    Some(member) => self.visit_delete(member, offset),
                    None => {
                        if let oxc_ast::ast::ChainElement::CallExpression(call) = &chain.expression {
                            self.visit_call(call);
                        }
                        self.emit(Opcode::LdaTrue, &[]);
                    }
                }
                self.chain_exits.pop();
                let end = self.new_label();
                self.emit_jump(Opcode::Jump, end);
                self.bind(exit);
                self.emit(Opcode::LdaTrue, &[]);
                self.bind(end);
            }
            _ => {
                self.visit_effect(argument);
                self.emit(Opcode::LdaTrue, &[]);
            }
        }
    }

    // ---- conditions ----------------------------------------------------------------

    /// Jumps to `false_label` when `expr` is falsy; falls through otherwise.
    pub(crate) fn visit_condition(&mut self, expr: &'a Expression<'a>, false_label: Label) {
        self.visit_branch(expr, false_label, false);
    }

    /// Jumps to `label` when ToBoolean(`expr`) is `when`; falls through
    /// otherwise.
    fn visit_branch(&mut self, expr: &'a Expression<'a>, label: Label, when: bool) {
        match expr {
            Expression::ParenthesizedExpression(p) => self.visit_branch(&p.expression, label, when),
            Expression::UnaryExpression(u) if u.operator == UnaryOperator::LogicalNot => {
                self.visit_branch(&u.argument, label, !when)
            }
            Expression::LogicalExpression(l) if l.operator != LogicalOperator::Coalesce => {
                let is_and = l.operator == LogicalOperator::And;
                // `a && b` jumps on false if either does; `a || b` on true.
                if is_and != when {
                    self.visit_branch(&l.left, label, when);
                    self.visit_branch(&l.right, label, when);
                } else {
                    let skip = self.new_label();
                    self.visit_branch(&l.left, skip, !when);
                    self.visit_branch(&l.right, label, when);
                    self.bind(skip);
                }
            }
            // `x === null` / `x !== null`: x in the accumulator and one
            // conditional jump on null (V8's bytecode does the same); no
            // comparison, whose feedback would say nothing anyway.
            Expression::BinaryExpression(b)
                if matches!(b.operator, BinaryOperator::StrictEquality | BinaryOperator::StrictInequality)
                    && (matches!(b.left.without_parentheses(), Expression::NullLiteral(_))
                        || matches!(b.right.without_parentheses(), Expression::NullLiteral(_))) =>
            {
                let other = if matches!(b.right.without_parentheses(), Expression::NullLiteral(_)) { &b.left } else { &b.right };
                self.visit_expr(other);
                let jump_on_null = (b.operator == BinaryOperator::StrictEquality) == when;
                self.emit_jump(if jump_on_null { Opcode::JumpIfNull } else { Opcode::JumpIfNotNull }, label);
            }
            Expression::BinaryExpression(b)
                if matches!(b.operator, BinaryOperator::Inequality | BinaryOperator::StrictInequality) =>
            {
                // a !== b: test a === b and jump on the opposite outcome.
                let m = self.mark();
                let left = self.visit_to_register(&b.left, Self::keeps_locals(&b.right));
                self.visit_expr(&b.right);
                self.pos(b.span.start);
                let op = if b.operator == BinaryOperator::Inequality { Opcode::TestEqual } else { Opcode::TestEqualStrict };
                self.emit_slot(op, &[left.0 as i64]);
                self.emit_jump(if when { Opcode::JumpIfFalse } else { Opcode::JumpIfTrue }, label);
                self.release(m);
            }
            Expression::BooleanLiteral(b) => {
                if b.value == when {
                    self.emit_jump(Opcode::Jump, label);
                }
            }
            _ => {
                self.visit_expr(expr);
                let op = match (Self::is_boolean(expr), when) {
                    (true, true) => Opcode::JumpIfTrue,
                    (true, false) => Opcode::JumpIfFalse,
                    (false, true) => Opcode::JumpIfToBooleanTrue,
                    (false, false) => Opcode::JumpIfToBooleanFalse,
                };
                self.emit_jump(op, label);
            }
        }
    }
}
