//! Assignments: `=`, compound (`+=` …), logical (`||=`, `&&=`, `??=`,
//! which store only when they must), `++`/`--`, and the places they write
//! (bindings, named/keyed/private properties, `super` properties).
//!
//! Fed by `expressions.rs`, `destructuring.rs` and loop heads; feeds the
//! store instructions. Invariant (the spec's evaluation order): the
//! target's object and key are evaluated before the right-hand side; a
//! computed key is converted by each access that uses it.

use oxc_ast::ast::{
    AssignmentExpression, AssignmentOperator, AssignmentTarget, Expression, SimpleAssignmentTarget, UpdateExpression,
    UpdateOperator,
};
use oxc_span::GetSpan;

use super::Gen;
use super::scope::{Access, StoreKind};
use super::utf16;
use crate::opcodes::Opcode;
use crate::operand::Register;

/// A prepared assignment target: its object and key are evaluated.
#[derive(Clone, Debug)]
pub(crate) enum Place<'a> {
    Binding { access: Access, offset: u32 },
    Named { object: Register, name: &'a str, offset: u32 },
    Keyed { object: Register, key: Register, offset: u32 },
    Private { object: Register, name: Register, offset: u32 },
    /// `super.x` or `super[k]`, with `this` and the key in registers.
    Super { this: Register, key: Register, offset: u32 },
    /// A name looked up through the scope chain, resolved before the
    /// right-hand side: `holder` is the `with` object it was found on.
    Lookup { name: String, holder: Register, offset: u32 },
}

impl Place<'_> {
    /// The place after a checked load: the binding is known initialized,
    /// so a store need not check the TDZ again.
    fn loaded(&self) -> Self {
        match self {
            Place::Binding { access, offset } => Place::Binding { access: Access { tdz: false, ..access.clone() }, offset: *offset },
            other => other.clone(),
        }
    }

    /// Where a store to the place reports its errors.
    fn set_offset(&mut self, at: u32) {
        match self {
            Place::Binding { offset, .. }
            | Place::Named { offset, .. }
            | Place::Keyed { offset, .. }
            | Place::Private { offset, .. }
            | Place::Super { offset, .. }
            | Place::Lookup { offset, .. } => *offset = at,
        }
    }
}

impl<'c, 'p, 'a> Gen<'c, 'p, 'a> {
    /// Evaluates the parts of a simple target (its object and key).
    /// `later_simple`: nothing evaluated before the store can assign a
    /// variable (register locals then need no copy; no other code can
    /// change them).
    /// `key_once`: the place is read, then written (see the keyed case).
    pub(crate) fn prepare_place(
        &mut self,
        target: &'a SimpleAssignmentTarget<'a>,
        later_simple: bool,
        key_once: bool,
    ) -> Option<Place<'a>> {
        let offset = target.span().start;
        match target {
            SimpleAssignmentTarget::AssignmentTargetIdentifier(id) => {
                let access = self.reference_access(id.reference_id.get(), id.name.as_str())?;
                if let strata_frontend::Resolution::Dynamic(name) = &access.resolution {
                    let idx = self.string(name);
                    let holder = self.temp();
                    self.pos(offset);
                    self.emit(Opcode::ResolveLookupSlot, &[idx as i64]);
                    self.star(holder);
                    return Some(Place::Lookup { name: name.clone(), holder, offset });
                }
                Some(Place::Binding { access, offset })
            }
            SimpleAssignmentTarget::StaticMemberExpression(m) => {
                if let Expression::Super(s) = &m.object {
                    let this = self.temp();
                    self.visit_this(s.node_id.get(), s.span.start);
                    self.star(this);
                    let key = self.temp();
                    self.lda_string(m.property.name.as_str());
                    self.star(key);
                    return Some(Place::Super { this, key, offset: m.property.span.start });
                }
                let object = self.place_object(&m.object, later_simple);
                Some(Place::Named { object, name: m.property.name.as_str(), offset: m.property.span.start })
            }
            SimpleAssignmentTarget::ComputedMemberExpression(m) => {
                let is_super = m.object.is_super();
                let object = if let Expression::Super(s) = &m.object {
                    let this = self.temp();
                    self.visit_this(s.node_id.get(), s.span.start);
                    self.star(this);
                    this
                } else {
                    self.place_object(&m.object, later_simple && Self::keeps_locals(&m.expression))
                };
                let key = self.visit_to_register(&m.expression, later_simple);
                // Read and written (compound, update): GetValue converts
                // the key once, after checking the base, and PutValue
                // reuses it. A plain store converts it itself, after the
                // right-hand side.
                if key_once && !Self::is_property_key_literal(&m.expression) {
                    if !is_super {
                        self.ldar(object);
                        self.pos(m.span.start);
                        self.emit(Opcode::ToObject, &[]);
                    }
                    self.ldar(key);
                    self.emit(Opcode::ToName, &[]);
                    let converted = if key.0 < 0 || self.register_of(&m.expression) == Some(key) { self.temp() } else { key };
                    self.star(converted);
                    let offset = m.expression.span().start;
                    return Some(if is_super {
                        Place::Super { this: object, key: converted, offset }
                    } else {
                        Place::Keyed { object, key: converted, offset }
                    });
                }
                let offset = m.expression.span().start;
                Some(if is_super { Place::Super { this: object, key, offset } } else { Place::Keyed { object, key, offset } })
            }
            SimpleAssignmentTarget::PrivateFieldExpression(m) => {
                let object = self.place_object(&m.object, later_simple);
                let name = self.temp();
                self.load_private_name(m.field.node_id.get(), m.field.span.start);
                self.star(name);
                Some(Place::Private { object, name, offset: m.field.span.start })
            }
            _ => {
                self.fail("unsupported assignment target", offset);
                None
            }
        }
    }

    /// Whether `expr` is a literal whose value is already a property key.
    fn is_property_key_literal(expr: &Expression<'_>) -> bool {
        matches!(expr, Expression::NumericLiteral(_) | Expression::StringLiteral(_))
    }

    /// The object of a target in a register: copied unless nothing
    /// evaluated later can reassign the variable it came from.
    fn place_object(&mut self, object: &'a Expression<'a>, later_simple: bool) -> Register {
        if matches!(object, Expression::ThisExpression(_)) {
            return self.visit_to_register(object, true);
        }
        self.visit_to_register(object, later_simple)
    }

    /// acc = the current value of a place.
    pub(crate) fn load_place(&mut self, place: &Place<'a>) {
        match place {
            Place::Binding { access, offset } => self.load_access(access, false, *offset),
            Place::Lookup { name, holder, offset } => {
                let idx = self.string(name);
                self.pos(*offset);
                self.emit(Opcode::LdaLookupSlotIn, &[idx as i64, holder.0 as i64]);
            }
            Place::Named { object, name, offset } => self.load_named(*object, false, name, *offset),
            Place::Keyed { object, key, offset } => {
                self.ldar(*key);
                self.pos(*offset);
                self.emit_slot(Opcode::GetKeyedProperty, &[object.0 as i64]);
            }
            Place::Private { object, name, offset } => {
                self.pos(*offset);
                self.emit(Opcode::GetPrivateField, &[object.0 as i64, name.0 as i64]);
            }
            Place::Super { this, key, offset } => {
                self.ldar(*key);
                self.pos(*offset);
                self.emit_slot(Opcode::GetKeyedSuperProperty, &[this.0 as i64]);
            }
        }
    }

    /// Stores acc to a place; acc is preserved.
    pub(crate) fn store_place(&mut self, place: &Place<'a>) {
        match place {
            Place::Binding { access, offset } => self.store_access(access, StoreKind::Assign, *offset),
            Place::Lookup { name, holder, offset } => {
                let idx = self.string(name);
                self.pos(*offset);
                self.emit(Opcode::StaLookupSlotIn, &[idx as i64, holder.0 as i64, self.strict as i64]);
            }
            Place::Named { object, name, offset } => {
                let idx = self.string(name);
                self.pos(*offset);
                self.emit_slot(Opcode::SetNamedProperty, &[object.0 as i64, idx as i64]);
            }
            Place::Keyed { object, key, offset } => {
                self.pos(*offset);
                self.emit_slot(Opcode::SetKeyedProperty, &[object.0 as i64, key.0 as i64]);
            }
            Place::Private { object, name, offset } => {
                self.pos(*offset);
                self.emit(Opcode::SetPrivateField, &[object.0 as i64, name.0 as i64]);
            }
            Place::Super { this, key, offset } => {
                self.pos(*offset);
                self.emit_slot(Opcode::SetKeyedSuperProperty, &[this.0 as i64, key.0 as i64]);
            }
        }
    }

    pub(crate) fn visit_assignment(&mut self, assign: &'a AssignmentExpression<'a>) {
        let m = self.mark();
        let Some(simple) = assign.left.as_simple_assignment_target() else {
            // Destructuring assignment: the value of the expression is the
            // right-hand side.
            let value = self.temp();
            self.visit_expr(&assign.right);
            self.star(value);
            if let Some(pattern) = assign.left.as_assignment_target_pattern() {
                self.value_offset = Some(assign.right.span().start);
                self.assign_pattern(pattern);
                self.value_offset = None;
            }
            self.ldar(value);
            self.release(m);
            return;
        };
        // `(f) = function () {}` is not an identifier reference target:
        // no NamedEvaluation.
        let parenthesized = assign.span.start != simple.span().start;
        let name = match simple {
            SimpleAssignmentTarget::AssignmentTargetIdentifier(id) if !parenthesized => Some(utf16(id.name.as_str())),
            _ => None,
        };
        let op = assign.operator;
        let Some(mut place) = self.prepare_place(simple, Self::keeps_locals(&assign.right), op != AssignmentOperator::Assign) else { return };
        // The store reports errors at the operator, as V8 does.
        let operator = self.token_near(simple.span().end, true);
        place.set_offset(operator);
        match op {
            AssignmentOperator::Assign => {
                self.visit_named(&assign.right, name);
                self.store_place(&place);
            }
            AssignmentOperator::LogicalOr | AssignmentOperator::LogicalAnd | AssignmentOperator::LogicalNullish => {
                let end = self.new_label();
                self.load_place(&place);
                let place = place.loaded();
                let jump = match op {
                    AssignmentOperator::LogicalOr => Opcode::JumpIfToBooleanTrue,
                    AssignmentOperator::LogicalAnd => Opcode::JumpIfToBooleanFalse,
                    _ => Opcode::JumpIfNotUndefinedOrNull,
                };
                self.emit_jump(jump, end);
                self.visit_named(&assign.right, name);
                self.store_place(&place);
                self.bind(end);
            }
            _ => {
                // x op= simple: the binding's own register is the left operand.
                if let Place::Binding { access: Access { resolution: strata_frontend::Resolution::Register(n), tdz: false, .. }, .. } = &place
                    && Self::keeps_locals(&assign.right)
                    && let Some(binary) = op.to_binary_operator()
                {
                    let left = self.local(*n);
                    self.visit_expr(&assign.right);
                    self.pos(assign.span.start);
                    self.emit_binary(binary, left);
                    self.store_place(&place);
                    self.release(m);
                    return;
                }
                self.load_place(&place);
                let place = place.loaded();
                let old = self.temp();
                self.star(old);
                self.visit_expr(&assign.right);
                self.pos(assign.span.start);
                if let Some(binary) = op.to_binary_operator() {
                    self.emit_binary(binary, old);
                }
                self.store_place(&place);
            }
        }
        self.release(m);
    }

    /// `++x`, `x--`, …; with `value_needed` false a postfix update skips
    /// keeping the old value.
    pub(crate) fn visit_update(&mut self, update: &'a UpdateExpression<'a>, value_needed: bool) {
        let m = self.mark();
        let Some(place) = self.prepare_place(&update.argument, true, true) else { return };
        self.load_place(&place);
        let place = place.loaded();
        self.pos(update.span.start);
        let op = if update.operator == UpdateOperator::Increment { Opcode::Inc } else { Opcode::Dec };
        if !update.prefix && value_needed {
            let old = self.temp();
            self.emit_slot(Opcode::ToNumeric, &[]);
            self.star(old);
            self.emit_slot(op, &[]);
            self.store_place(&place);
            self.ldar(old);
        } else {
            self.emit_slot(op, &[]);
            self.store_place(&place);
        }
        self.release(m);
    }

    /// Assigns acc to an assignment target (loop heads).
    pub(crate) fn assign_to_target(&mut self, target: &'a AssignmentTarget<'a>) {
        let m = self.mark();
        match target.as_simple_assignment_target() {
            Some(simple) => {
                let value = self.temp();
                self.star(value);
                if let Some(place) = self.prepare_place(simple, true, false) {
                    self.ldar(value);
                    self.store_place(&place);
                }
            }
            None => {
                if let Some(pattern) = target.as_assignment_target_pattern() {
                    self.assign_pattern(pattern);
                }
            }
        }
        self.release(m);
    }
}
