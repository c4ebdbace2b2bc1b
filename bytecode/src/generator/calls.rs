//! Calls: with a receiver (`o.m()`, `o[k]()`, `o.#m()`, `super.m()`),
//! without (`f()`), direct `eval`, `new`, `super(...)` in derived
//! constructors, spread arguments, optional chains (`a?.b`, `a?.()`,
//! `a?.b()`), and tagged templates.
//!
//! Fed by `expressions.rs`; feeds the Call/Construct family of
//! instructions. Invariant: the callee and receiver are evaluated before
//! the arguments, arguments left to right into one contiguous register
//! list, and the call records the source position of its callee's name.

use oxc_ast::ast::{Argument, CallExpression, ChainElement, ChainExpression, Expression, MemberExpression, NewExpression};
use oxc_span::GetSpan;
use strata_frontend::Resolution;

use super::Gen;
use super::scope::{Access, StoreKind};
use crate::function::FunctionKind;
use crate::opcodes::Opcode;
use crate::runtime::RuntimeFunction;
use crate::operand::Register;

impl<'c, 'p, 'a> Gen<'c, 'p, 'a> {
    pub(crate) fn visit_chain(&mut self, chain: &'a ChainExpression<'a>) {
        let exit = self.new_label();
        self.chain_exits.push(exit);
        match &chain.expression {
            ChainElement::CallExpression(call) => self.visit_call(call),
            other => {
                if let Some(member) = other.as_member_expression() {
                    self.visit_member(member);
                }
            }
        }
        self.chain_exits.pop();
        let end = self.new_label();
        self.emit_jump(Opcode::Jump, end);
        self.bind(exit);
        self.emit(Opcode::LdaUndefined, &[]);
        self.bind(end);
    }

    /// Where an error in the call is reported: the property name of a
    /// method call, else the start of the callee.
    fn call_position(callee: &Expression<'_>) -> u32 {
        match callee.without_parentheses() {
            Expression::StaticMemberExpression(m) => m.property.span.start,
            Expression::PrivateFieldExpression(m) => m.field.span.start,
            other => other.span().start,
        }
    }

    pub(crate) fn visit_call(&mut self, call: &'a CallExpression<'a>) {
        let callee = call.callee.without_parentheses();
        let position = Self::call_position(&call.callee);
        if let Expression::Super(s) = callee {
            return self.visit_super_call(call, s);
        }
        let m = self.mark();
        let dynamic_callee = self.dynamic_callee(callee);
        if call.arguments.len() <= 2
            && !call.arguments.iter().any(Argument::is_spread)
            && !matches!(callee, Expression::ChainExpression(_))
            && !matches!(callee, Expression::Identifier(id) if id.name == "eval")
            && dynamic_callee.is_none()
        {
            self.visit_fixed_call(call, callee, position);
            self.release(m);
            return;
        }
        let function = self.temp();
        // The receiver heads the argument list (undefined when there is none).
        let receiver = match callee {
            // `(a?.b)()` keeps `a` as the receiver.
            Expression::ChainExpression(chain) if chain.expression.as_member_expression().is_some() => {
                let receiver = self.temp();
                let (exit, end) = (self.new_label(), self.new_label());
                self.chain_exits.push(exit);
                if let Some(member) = chain.expression.as_member_expression() {
                    self.visit_method_callee(member, receiver);
                }
                self.chain_exits.pop();
                self.emit_jump(Opcode::Jump, end);
                self.bind(exit);
                self.emit(Opcode::LdaUndefined, &[]);
                self.bind(end);
                Some(receiver)
            }
            // A name looked up through the scope chain: a `with` object
            // that has it is the receiver.
            Expression::Identifier(id) if id.name != "eval" && dynamic_callee.is_some() => {
                let receiver = self.temp();
                let name = dynamic_callee.unwrap_or_default();
                let idx = self.string(&name);
                self.pos(id.span.start);
                self.emit(Opcode::LdaLookupSlotForCall, &[idx as i64, receiver.0 as i64]);
                Some(receiver)
            }
            Expression::StaticMemberExpression(_)
            | Expression::ComputedMemberExpression(_)
            | Expression::PrivateFieldExpression(_) => {
                let member = callee.as_member_expression();
                let receiver = self.temp();
                if let Some(member) = member {
                    self.visit_method_callee(member, receiver);
                }
                Some(receiver)
            }
            _ => {
                // A register local is its own callee register when the
                // arguments cannot reassign it.
                if !call.optional
                    && call.arguments.iter().all(|a| a.as_expression().is_some_and(Self::is_simple))
                    && let Some(r) = self.register_of(callee)
                {
                    let args = self.next_register();
                    let argc = self.visit_arguments(&call.arguments);
                    self.pos(position);
                    let op = if matches!(callee, Expression::Identifier(id) if id.name == "eval") {
                        self.direct_eval_opcode()
                    } else {
                        Opcode::CallUndefinedReceiver
                    };
                    self.emit_slot(op, &[r.0 as i64, args.0 as i64, argc as i64]);
                    self.release(m);
                    return;
                }
                self.visit_expr(callee);
                None
            }
        };
        self.star(function);
        self.optional_check(call.optional);
        let direct_eval = receiver.is_none()
            && matches!(callee, Expression::Identifier(id) if id.name == "eval")
            && !call.arguments.iter().any(Argument::is_spread);
        let spread = call.arguments.iter().any(Argument::is_spread);
        if spread {
            let receiver = match receiver {
                Some(r) => r,
                None => {
                    let r = self.temp();
                    self.emit(Opcode::LdaUndefined, &[]);
                    self.star(r);
                    r
                }
            };
            let argc = self.visit_spread_arguments(&call.arguments, receiver);
            self.pos(position);
            self.emit_slot(Opcode::CallWithSpread, &[function.0 as i64, receiver.0 as i64, argc as i64]);
        } else {
            let args = match receiver {
                Some(r) => r,
                None => self.next_register(),
            };
            let argc = self.visit_arguments(&call.arguments);
            self.pos(position);
            let op = match (receiver.is_some(), direct_eval) {
                (true, _) => Opcode::Call,
                (false, true) => self.direct_eval_opcode(),
                (false, false) => Opcode::CallUndefinedReceiver,
            };
            self.emit_slot(op, &[function.0 as i64, args.0 as i64, argc as i64]);
        }
        self.release(m);
    }

    /// The direct eval call: in a parameter expression, eval's `var`s must
    /// not redeclare a parameter (EvalDeclarationInstantiation).
    fn direct_eval_opcode(&self) -> Opcode {
        if self.in_parameters { Opcode::CallDirectEvalInParameters } else { Opcode::CallDirectEval }
    }

    /// The name of an identifier callee resolved by a dynamic lookup.
    pub(crate) fn dynamic_callee(&self, callee: &Expression<'_>) -> Option<String> {
        let Expression::Identifier(id) = callee else { return None };
        match self.reference_access(id.reference_id.get(), id.name.as_str())?.resolution {
            Resolution::Dynamic(name) => Some(name),
            _ => None,
        }
    }

    /// A call with at most two plain arguments: CallProperty0..2 or
    /// CallUndefinedReceiver0..2, whose operands name each register, so a
    /// local receiver, callee or argument is passed in place when nothing
    /// evaluated after it can reassign it.
    fn visit_fixed_call(&mut self, call: &'a CallExpression<'a>, callee: &'a Expression<'a>, position: u32) {
        let args: Vec<&'a Expression<'a>> = call.arguments.iter().filter_map(Argument::as_expression).collect();
        let args_keep = args.iter().all(|a| Self::keeps_locals(a));
        let receiver = match callee.as_member_expression() {
            Some(member) => {
                let later = args_keep
                    && match member {
                        MemberExpression::ComputedMemberExpression(c) => Self::keeps_locals(&c.expression),
                        _ => true,
                    };
                let receiver = self.visit_member_object(member.object(), member.optional(), later);
                self.load_method(member, receiver);
                Some(receiver)
            }
            None => None,
        };
        let function = match receiver {
            None if !call.optional && args_keep && self.register_of(callee).is_some() => {
                self.register_of(callee).unwrap_or(Register::THIS)
            }
            _ => {
                if receiver.is_none() {
                    self.visit_expr(callee);
                }
                let f = self.temp();
                self.star(f);
                f
            }
        };
        self.optional_check(call.optional);
        let mut operands = vec![function.0 as i64];
        if let Some(r) = receiver {
            operands.push(r.0 as i64);
        }
        for (i, arg) in args.iter().enumerate() {
            let later = args[i + 1..].iter().all(|a| Self::keeps_locals(a));
            let r = self.visit_to_register(arg, later);
            operands.push(r.0 as i64);
        }
        let op = match (receiver.is_some(), args.len()) {
            (true, 0) => Opcode::CallProperty0,
            (true, 1) => Opcode::CallProperty1,
            (true, _) => Opcode::CallProperty2,
            (false, 0) => Opcode::CallUndefinedReceiver0,
            (false, 1) => Opcode::CallUndefinedReceiver1,
            (false, _) => Opcode::CallUndefinedReceiver2,
        };
        self.pos(position);
        self.emit_slot(op, &operands);
    }

    /// acc = `receiver`.m for a method callee whose object is in `receiver`.
    fn load_method(&mut self, member: &'a MemberExpression<'a>, receiver: Register) {
        let object = member.object();
        match member {
            MemberExpression::StaticMemberExpression(m) => {
                self.load_named(receiver, object.is_super(), m.property.name.as_str(), m.property.span.start)
            }
            MemberExpression::ComputedMemberExpression(m) => {
                self.visit_expr(&m.expression);
                self.pos(m.expression.span().start);
                let op = if object.is_super() { Opcode::GetKeyedSuperProperty } else { Opcode::GetKeyedProperty };
                self.emit_slot(op, &[receiver.0 as i64]);
            }
            MemberExpression::PrivateFieldExpression(m) => {
                let mark = self.mark();
                let name = self.temp();
                self.load_private_name(m.field.node_id.get(), m.field.span.start);
                self.star(name);
                self.pos(m.field.span.start);
                self.emit(Opcode::GetPrivateField, &[receiver.0 as i64, name.0 as i64]);
                self.release(mark);
            }
        }
    }

    /// For `o.m(...)`: `receiver` = o, acc = o.m.
    fn visit_method_callee(&mut self, member: &'a MemberExpression<'a>, receiver: Register) {
        let object = member.object();
        if let Expression::Super(s) = object {
            self.visit_this(s.node_id.get(), s.span.start);
        } else {
            self.visit_expr(object);
        }
        self.star(receiver);
        self.optional_check(member.optional());
        self.load_method(member, receiver);
    }

    /// Evaluates plain arguments into registers allocated from the top of
    /// the temporary stack (contiguous with a receiver just allocated);
    /// returns their count.
    fn visit_arguments(&mut self, arguments: &'a [Argument<'a>]) -> u32 {
        let first = self.temps(arguments.len() as u32);
        for (i, argument) in arguments.iter().enumerate() {
            if let Some(expr) = argument.as_expression() {
                self.visit_expr(expr);
                self.star(first.offset(i as u32));
            }
        }
        arguments.len() as u32
    }

    /// Arguments with spreads, after the register `head` (the receiver,
    /// or nothing for `new`/`super` when `head` is None): when only the
    /// last is spread they stay as they are (the instruction spreads it);
    /// otherwise they are gathered into one array, spread as the only
    /// argument. Returns the argument count the instruction sees.
    fn visit_spread_arguments(&mut self, arguments: &'a [Argument<'a>], _head: Register) -> u32 {
        let only_last = arguments.iter().filter(|a| a.is_spread()).count() == 1
            && arguments.last().is_some_and(Argument::is_spread);
        if only_last {
            let first = self.temps(arguments.len() as u32);
            for (i, argument) in arguments.iter().enumerate() {
                let expr = match argument {
                    Argument::SpreadElement(s) => &s.argument,
                    other => match other.as_expression() {
                        Some(e) => e,
                        None => continue,
                    },
                };
                self.visit_expr(expr);
                self.star(first.offset(i as u32));
            }
            return arguments.len() as u32;
        }
        let array = self.temp();
        self.visit_array_elements(arguments.iter().map(|a| match a {
            Argument::SpreadElement(s) => super::literals::Element::Spread(&s.argument),
            other => match other.as_expression() {
                Some(e) => super::literals::Element::Value(e),
                None => super::literals::Element::Hole,
            },
        }));
        self.star(array);
        1
    }

    pub(crate) fn visit_new(&mut self, new: &'a NewExpression<'a>) {
        let m = self.mark();
        let constructor = self.temp();
        self.visit_expr(&new.callee);
        self.star(constructor);
        let args = self.next_register();
        let spread = new.arguments.iter().any(Argument::is_spread);
        let argc = if spread { self.visit_spread_arguments(&new.arguments, constructor) } else { self.visit_arguments(&new.arguments) };
        self.ldar(constructor);
        self.pos(new.span.start);
        let op = if spread { Opcode::ConstructWithSpread } else { Opcode::Construct };
        self.emit_slot(op, &[constructor.0 as i64, args.0 as i64, argc as i64]);
        self.release(m);
    }

    /// `super(...)`: calls the parent constructor, binds `this`.
    fn visit_super_call(&mut self, call: &'a CallExpression<'a>, sup: &'a oxc_ast::ast::Super) {
        let m = self.mark();
        let args = self.next_register();
        let spread = call.arguments.iter().any(Argument::is_spread);
        let argc = if spread { self.visit_spread_arguments(&call.arguments, args) } else { self.visit_arguments(&call.arguments) };
        self.pos(sup.span.start);
        let op = if spread { Opcode::CallSuperWithSpread } else { Opcode::CallSuper };
        self.emit_slot(op, &[args.0 as i64, argc as i64]);
        let value = self.temp();
        self.star(value);
        // Keep the `this` binding arrows read in step with the frame's.
        if let Some(info) = self.ctx.scopes.resolve_this(sup.node_id.get())
            && !matches!(info.resolution, Resolution::Frame)
        {
            let access = Access::from_reference(info);
            if self.kind == FunctionKind::Arrow {
                let unchecked = Access { tdz: false, ..access.clone() };
                self.load_access(&unchecked, false, sup.span.start);
                self.emit(Opcode::ThrowSuperAlreadyCalledIfNotHole, &[]);
                self.ldar(value);
            }
            self.store_access(&access, StoreKind::Init, sup.span.start);
        }
        // Fields run once `this` is bound (InitializeInstanceElements).
        self.emit(
            Opcode::CallRuntime,
            &[RuntimeFunction::InitializeInstanceElements as i64, value.0 as i64, 1],
        );
        self.ldar(value);
        self.release(m);
    }

    pub(crate) fn visit_tagged_template(&mut self, tagged: &'a oxc_ast::ast::TaggedTemplateExpression<'a>) {
        let m = self.mark();
        let function = self.temp();
        let tag = tagged.tag.without_parentheses();
        let receiver = match tag.as_member_expression() {
            Some(member) => {
                let receiver = self.temp();
                self.visit_method_callee(member, receiver);
                Some(receiver)
            }
            None => {
                self.visit_expr(tag);
                None
            }
        };
        self.star(function);
        let quasi = &tagged.quasi;
        let first = self.temps(1 + quasi.expressions.len() as u32);
        let template = self.template_constant(quasi);
        self.emit_slot(Opcode::GetTemplateObject, &[template as i64]);
        self.star(first);
        for (i, expr) in quasi.expressions.iter().enumerate() {
            self.visit_expr(expr);
            self.star(first.offset(1 + i as u32));
        }
        let argc = 1 + quasi.expressions.len() as i64;
        self.pos(Self::call_position(&tagged.tag));
        match receiver {
            Some(receiver) => self.emit_slot(Opcode::Call, &[function.0 as i64, receiver.0 as i64, argc]),
            None => self.emit_slot(Opcode::CallUndefinedReceiver, &[function.0 as i64, first.0 as i64, argc]),
        }
        self.release(m);
    }
}

