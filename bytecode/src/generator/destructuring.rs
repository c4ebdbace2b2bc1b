//! Destructuring, for declarations and parameters (binding patterns) and
//! for assignments (assignment patterns): objects (with computed keys and
//! `...rest` through CopyDataProperties) and arrays (through the iterator
//! protocol, closed when the pattern stops early or throws), with
//! defaults and NamedEvaluation of anonymous function defaults.
//!
//! Fed by declarations, parameters, catch clauses, loop heads and
//! assignment expressions, with the value in acc; feeds the stores of
//! `scope.rs` and `assignments.rs`. Invariant: an array pattern tracks
//! whether its iterator is done; a throw while it is not (from a default,
//! a nested pattern or a store) closes it, a throw from `next()` does not.

use oxc_ast::ast::{
    ArrayAssignmentTarget, AssignmentTarget, AssignmentTargetMaybeDefault, AssignmentTargetPattern,
    AssignmentTargetProperty, BindingPattern, Expression, ObjectAssignmentTarget, ObjectPattern, PropertyKey,
};
use oxc_span::GetSpan;

use super::Gen;
use super::utf16;
use crate::function::HandlerEntry;
use crate::opcodes::Opcode;
use crate::operand::Register;
use crate::runtime::RuntimeFunction;

/// An array pattern's iterator while its elements are bound.
pub(crate) struct PatternIterator {
    /// The iterator record: iterator, then its `next` method.
    iterator: Register,
    done: Register,
    value: Register,
    context: Register,
    start: u32,
    /// No element has been read yet (done is known false).
    first: bool,
    /// In a generator, a `yield` in the pattern may be resumed with a
    /// return: a `Finally` control entry (token, value, label) closes the
    /// iterator on the way out.
    finally: Option<(Register, Register, super::Label)>,
}

/// A property key known without evaluating anything.
pub(crate) fn static_key(key: &PropertyKey<'_>) -> Option<Vec<u16>> {
    match key {
        PropertyKey::StaticIdentifier(id) => Some(utf16(id.name.as_str())),
        PropertyKey::StringLiteral(s) => Some(super::literals::string_units(s.value.as_str(), s.lone_surrogates)),
        PropertyKey::NumericLiteral(n) => Some(utf16(&super::literals::number_to_string(n.value))),
        PropertyKey::BigIntLiteral(n) => Some(utf16(n.value.as_str())),
        _ => None,
    }
}

impl<'c, 'p, 'a> Gen<'c, 'p, 'a> {
    // ---- binding patterns --------------------------------------------------------

    /// Binds acc to a declaration's pattern.
    pub(crate) fn bind_pattern(&mut self, pattern: &'a BindingPattern<'a>) {
        if !self.enter_nesting(pattern.span().start) {
            return;
        }
        if !matches!(pattern, BindingPattern::ObjectPattern(_) | BindingPattern::ArrayPattern(_)) {
            self.value_offset = None;
        }
        match pattern {
            BindingPattern::BindingIdentifier(id) => self.store_declaration(id.node_id.get(), id.name.as_str(), id.span.start),
            BindingPattern::AssignmentPattern(p) => {
                let skip = self.new_label();
                self.emit_jump(Opcode::JumpIfNotUndefined, skip);
                let name = match &p.left {
                    BindingPattern::BindingIdentifier(id) => Some(utf16(id.name.as_str())),
                    _ => None,
                };
                self.visit_named(&p.right, name);
                self.bind(skip);
                self.bind_pattern(&p.left);
            }
            BindingPattern::ObjectPattern(p) => self.bind_object_pattern(p),
            BindingPattern::ArrayPattern(p) => {
                let m = self.mark();
                let mut it = self.pattern_iterator_begin(p.span.start);
                for element in &p.elements {
                    self.pattern_iterator_step(&mut it, element.as_ref().map_or(p.span.start, |e| e.span().start));
                    if let Some(element) = element {
                        self.bind_pattern(element);
                    }
                }
                if let Some(rest) = &p.rest {
                    self.pattern_iterator_rest(&mut it);
                    self.bind_pattern(&rest.argument);
                }
                self.pattern_iterator_end(it);
                self.release(m);
            }
        }
    }

    /// Throws a TypeError unless acc is an object-coercible value.
    fn require_object_coercible(&mut self, offset: u32) {
        let offset = self.value_offset.take().unwrap_or(offset);
        let ok = self.new_label();
        self.emit_jump(Opcode::JumpIfNotUndefinedOrNull, ok);
        self.pos(offset);
        self.throw_error(RuntimeFunction::ThrowTypeError, "Cannot destructure 'undefined' or 'null'");
        self.bind(ok);
    }

    fn bind_object_pattern(&mut self, p: &'a ObjectPattern<'a>) {
        let m = self.mark();
        self.require_object_coercible(p.span.start);
        let source = self.temp();
        self.star(source);
        let keys = p.rest.as_ref().map(|_| self.temps(p.properties.len() as u32));
        for (i, property) in p.properties.iter().enumerate() {
            let key_reg = keys.map(|k| k.offset(i as u32));
            self.load_pattern_property(source, &property.key, property.computed, key_reg);
            self.bind_pattern(&property.value);
        }
        if let Some(rest) = &p.rest {
            self.copy_rest(source, keys.unwrap_or(source), p.properties.len() as u32, rest.span.start);
            self.bind_pattern(&rest.argument);
        }
        self.release(m);
    }

    /// acc = source[key]; the key is also kept in `key_reg` (for a rest
    /// element's exclusion list) when given.
    fn load_pattern_property(&mut self, source: Register, key: &'a PropertyKey<'a>, computed: bool, key_reg: Option<Register>) {
        let offset = key.span().start;
        match (computed, static_key(key)) {
            (false, Some(name)) => {
                let idx = self.string_units(name);
                if let Some(k) = key_reg {
                    self.emit(Opcode::LdaConstant, &[idx as i64]);
                    self.star(k);
                }
                self.pos(offset);
                self.emit_slot(Opcode::GetNamedProperty, &[source.0 as i64, idx as i64]);
            }
            _ => {
                let m = self.mark();
                let k = match key_reg {
                    Some(k) => k,
                    None => self.temp(),
                };
                if let Some(expr) = key.as_expression() {
                    self.visit_expr(expr);
                }
                self.emit(Opcode::ToName, &[]);
                self.star(k);
                self.pos(offset);
                self.emit_slot(Opcode::GetKeyedProperty, &[source.0 as i64]);
                self.release(m);
            }
        }
    }

    /// acc = a new object with source's own enumerable properties but the
    /// `count` keys in registers from `keys`.
    fn copy_rest(&mut self, source: Register, keys: Register, count: u32, offset: u32) {
        let m = self.mark();
        let rest = self.temp();
        self.emit(Opcode::CreateEmptyObjectLiteral, &[]);
        self.star(rest);
        self.ldar(source);
        self.pos(offset);
        self.emit(Opcode::CopyDataProperties, &[rest.0 as i64, keys.0 as i64, count as i64]);
        self.ldar(rest);
        self.release(m);
    }

    // ---- array pattern iteration -----------------------------------------------

    /// GetIterator(acc) for an array pattern.
    fn pattern_iterator_begin(&mut self, offset: u32) -> PatternIterator {
        let offset = self.value_offset.take().unwrap_or(offset);
        let iterator = self.temps(2);
        let done = self.temp();
        let value = self.temp();
        self.pos(offset);
        self.emit_slot(Opcode::GetIterator, &[iterator.0 as i64]);
        // `done` is first written by the first step.
        let context = self.save_context();
        let finally = if matches!(self.kind, crate::function::FunctionKind::Generator | crate::function::FunctionKind::AsyncGenerator) {
            let (token, completion_value, label) = (self.temp(), self.temp(), self.new_label());
            self.control.push(super::control_flow::Control::Finally { token, value: completion_value, label, completions: Vec::new() });
            // Read by the close on a return before the first step.
            self.emit(Opcode::LdaFalse, &[]);
            self.star(done);
            Some((token, completion_value, label))
        } else {
            None
        };
        let start = self.b.offset();
        PatternIterator { iterator, done, value, context, start, first: true, finally }
    }

    /// acc = the next value, or undefined once the iterator is done.
    fn pattern_iterator_step(&mut self, it: &mut PatternIterator, offset: u32) {
        let (exhausted, have) = (self.new_label(), self.new_label());
        if !it.first {
            self.ldar(it.done);
            self.emit_jump(Opcode::JumpIfTrue, exhausted);
        }
        it.first = false;
        // Done while next() runs: if it throws, the iterator is not closed.
        self.emit(Opcode::LdaTrue, &[]);
        self.star(it.done);
        self.pos(offset);
        self.emit_jump_with(Opcode::IteratorNext, &[it.iterator.0 as i64], exhausted);
        self.star(it.value);
        self.emit(Opcode::LdaFalse, &[]);
        self.star(it.done);
        self.ldar(it.value);
        self.emit_jump(Opcode::Jump, have);
        self.bind(exhausted);
        self.emit(Opcode::LdaUndefined, &[]);
        self.bind(have);
    }

    /// acc = an array of the remaining values.
    fn pattern_iterator_rest(&mut self, it: &mut PatternIterator) {
        let m = self.mark();
        let array = self.temp();
        let index = self.temp();
        let (top, end) = (self.new_label(), self.new_label());
        self.emit_slot(Opcode::CreateEmptyArrayLiteral, &[]);
        self.star(array);
        self.emit(Opcode::LdaZero, &[]);
        self.star(index);
        if !it.first {
            self.ldar(it.done);
            self.emit_jump(Opcode::JumpIfTrue, end);
        }
        it.first = false;
        self.emit(Opcode::LdaTrue, &[]);
        self.star(it.done);
        self.bind(top);
        self.emit_jump_with(Opcode::IteratorNext, &[it.iterator.0 as i64], end);
        self.emit_slot(Opcode::StaInArrayLiteral, &[array.0 as i64, index.0 as i64]);
        self.ldar(index);
        self.emit_slot(Opcode::Inc, &[]);
        self.star(index);
        self.emit_jump_loop(top);
        self.bind(end);
        self.ldar(array);
        self.release(m);
    }

    /// Closes the iterator unless it is done; a throw inside the pattern
    /// closes it too (ignoring errors from `return`) and is rethrown.
    fn pattern_iterator_end(&mut self, it: PatternIterator) {
        let completions = match it.finally {
            Some(_) => match self.control.pop() {
                Some(super::control_flow::Control::Finally { completions, .. }) => completions,
                _ => Vec::new(),
            },
            None => Vec::new(),
        };
        if it.first {
            // `[] = x`: nothing was read, so the iterator is closed at once.
            self.emit(Opcode::IteratorClose, &[it.iterator.0 as i64, 0]);
            return;
        }
        let end = self.b.offset();
        let after = self.new_label();
        self.ldar(it.done);
        self.emit_jump(Opcode::JumpIfTrue, after);
        self.emit(Opcode::IteratorClose, &[it.iterator.0 as i64, 0]);
        self.emit_jump(Opcode::Jump, after);
        if end > it.start {
            let handler = self.b.offset();
            self.b.add_handler(HandlerEntry { start: it.start, end, handler, context_reg: it.context.0 });
            self.mark_reachable();
            let rethrow = self.new_label();
            self.star(it.value);
            self.ldar(it.done);
            self.emit_jump(Opcode::JumpIfTrue, rethrow);
            self.emit(Opcode::IteratorClose, &[it.iterator.0 as i64, 1]);
            self.bind(rethrow);
            self.ldar(it.value);
            self.emit(Opcode::ReThrow, &[]);
        }
        if let Some((token, completion_value, label)) = it.finally
            && !completions.is_empty()
        {
            // A return resumption of a `yield` in the pattern: close the
            // iterator unless it is done (a throw from `return`, or a
            // non-object result, replaces the return), then go on.
            self.bind(label);
            self.mark_reachable();
            let skip = self.new_label();
            self.ldar(it.done);
            self.emit_jump(Opcode::JumpIfTrue, skip);
            self.emit(Opcode::IteratorClose, &[it.iterator.0 as i64, 0]);
            self.bind(skip);
            self.emit_finally_dispatch(token, completion_value, &completions, false);
        }
        self.bind(after);
    }

    // ---- assignment patterns -----------------------------------------------------

    /// Assigns acc to an assignment pattern.
    pub(crate) fn assign_pattern(&mut self, pattern: &'a AssignmentTargetPattern<'a>) {
        if !self.enter_nesting(pattern.span().start) {
            return;
        }
        match pattern {
            AssignmentTargetPattern::ArrayAssignmentTarget(p) => self.assign_array_pattern(p),
            AssignmentTargetPattern::ObjectAssignmentTarget(p) => self.assign_object_pattern(p),
        }
    }

    fn assign_array_pattern(&mut self, p: &'a ArrayAssignmentTarget<'a>) {
        let m = self.mark();
        let mut it = self.pattern_iterator_begin(p.span.start);
        for element in &p.elements {
            let em = self.mark();
            let Some(element) = element else {
                self.pattern_iterator_step(&mut it, p.span.start);
                continue;
            };
            let (target, default) = split_default(element);
            let default_simple = default.is_none_or(Self::keeps_locals);
            let place = target.and_then(|t| t.as_simple_assignment_target()).and_then(|s| self.prepare_place(s, default_simple, false));
            self.pattern_iterator_step(&mut it, element.span().start);
            self.assign_element_value(target, place, default);
            self.release(em);
        }
        if let Some(rest) = &p.rest {
            let place = rest.target.as_simple_assignment_target().and_then(|s| self.prepare_place(s, true, false));
            self.pattern_iterator_rest(&mut it);
            self.assign_element_value(Some(&rest.target), place, None);
        }
        self.pattern_iterator_end(it);
        self.release(m);
    }

    /// With the element's value in acc: applies the default, then stores to
    /// the prepared place or destructures into the nested pattern.
    fn assign_element_value(
        &mut self,
        target: Option<&'a AssignmentTarget<'a>>,
        place: Option<super::assignments::Place<'a>>,
        default: Option<&'a Expression<'a>>,
    ) {
        if let Some(default) = default {
            let skip = self.new_label();
            self.emit_jump(Opcode::JumpIfNotUndefined, skip);
            let name = match target.and_then(|t| t.as_simple_assignment_target()) {
                Some(oxc_ast::ast::SimpleAssignmentTarget::AssignmentTargetIdentifier(id)) => Some(utf16(id.name.as_str())),
                _ => None,
            };
            self.visit_named(default, name);
            self.bind(skip);
        }
        match (place, target.and_then(|t| t.as_assignment_target_pattern())) {
            (Some(place), _) => self.store_place(&place),
            (None, Some(pattern)) => self.assign_pattern(pattern),
            _ => {}
        }
    }

    fn assign_object_pattern(&mut self, p: &'a ObjectAssignmentTarget<'a>) {
        let m = self.mark();
        self.require_object_coercible(p.span.start);
        let source = self.temp();
        self.star(source);
        let keys = p.rest.as_ref().map(|_| self.temps(p.properties.len() as u32));
        for (i, property) in p.properties.iter().enumerate() {
            let pm = self.mark();
            let key_reg = keys.map(|k| k.offset(i as u32));
            match property {
                AssignmentTargetProperty::AssignmentTargetPropertyIdentifier(prop) => {
                    let name = prop.binding.name.as_str();
                    let idx = self.string(name);
                    if let Some(k) = key_reg {
                        self.emit(Opcode::LdaConstant, &[idx as i64]);
                        self.star(k);
                    }
                    self.pos(prop.binding.span.start);
                    self.emit_slot(Opcode::GetNamedProperty, &[source.0 as i64, idx as i64]);
                    if let Some(init) = &prop.init {
                        let skip = self.new_label();
                        self.emit_jump(Opcode::JumpIfNotUndefined, skip);
                        self.visit_named(init, Some(utf16(name)));
                        self.bind(skip);
                    }
                    self.store_reference(prop.binding.reference_id.get(), name, prop.binding.span.start);
                }
                AssignmentTargetProperty::AssignmentTargetPropertyProperty(prop) => {
                    // Key, then the target's reference, then the value.
                    let key = match (prop.computed, static_key(&prop.name)) {
                        (false, Some(name)) => KeyValue::Static(self.string_units(name)),
                        _ => {
                            let k = match key_reg {
                                Some(k) => k,
                                None => self.temp(),
                            };
                            if let Some(expr) = prop.name.as_expression() {
                                self.visit_expr(expr);
                            }
                            self.emit(Opcode::ToName, &[]);
                            self.star(k);
                            KeyValue::Register(k)
                        }
                    };
                    if let (KeyValue::Static(idx), Some(k)) = (&key, key_reg) {
                        self.emit(Opcode::LdaConstant, &[*idx as i64]);
                        self.star(k);
                    }
                    let (target, default) = split_default(&prop.binding);
                    let default_simple = default.is_none_or(Self::keeps_locals);
                    let place = target.and_then(|t| t.as_simple_assignment_target()).and_then(|s| self.prepare_place(s, default_simple, false));
                    self.pos(prop.name.span().start);
                    match key {
                        KeyValue::Static(idx) => self.emit_slot(Opcode::GetNamedProperty, &[source.0 as i64, idx as i64]),
                        KeyValue::Register(k) => {
                            self.ldar(k);
                            self.emit_slot(Opcode::GetKeyedProperty, &[source.0 as i64]);
                        }
                    }
                    self.assign_element_value(target, place, default);
                }
            }
            self.release(pm);
        }
        if let Some(rest) = &p.rest {
            let place = rest.target.as_simple_assignment_target().and_then(|s| self.prepare_place(s, true, false));
            self.copy_rest(source, keys.unwrap_or(source), p.properties.len() as u32, rest.span.start);
            self.assign_element_value(Some(&rest.target), place, None);
        }
        self.release(m);
    }
}

/// A destructuring key: a name constant or a register holding the key.
enum KeyValue {
    Static(u32),
    Register(Register),
}

/// An element's target and default value.
fn split_default<'a>(element: &'a AssignmentTargetMaybeDefault<'a>) -> (Option<&'a AssignmentTarget<'a>>, Option<&'a Expression<'a>>) {
    match element {
        AssignmentTargetMaybeDefault::AssignmentTargetWithDefault(d) => (Some(&d.binding), Some(&d.init)),
        other => (other.as_assignment_target(), None),
    }
}
