//! Literals: object literals (static, numeric and computed keys,
//! `__proto__: v`, shorthand, methods and accessors with home objects,
//! spread), array literals (holes, spread, trailing holes setting the
//! length), template literals and the constant of a tagged template site;
//! and the conversions of literal text to JavaScript strings (UTF-16 with
//! lone surrogates) and numbers to property-key strings.
//!
//! Fed by `expressions.rs` (and spread calls for argument arrays); feeds
//! the literal instructions and runtime calls. Invariant: elements and
//! properties are evaluated and defined in source order.

use std::sync::Arc;

use oxc_ast::ast::{ArrayExpression, ArrayExpressionElement, Expression, ObjectExpression, ObjectPropertyKind, PropertyKey, PropertyKind, TemplateLiteral};
use oxc_span::GetSpan;

use super::Gen;
use super::destructuring::static_key;
use super::utf16;
use crate::function::{Constant, TemplateInfo};
use crate::opcodes::Opcode;
use crate::operand::Register;
use crate::runtime::RuntimeFunction;

/// An element of an array literal or of a gathered argument list.
pub(crate) enum Element<'a> {
    Value(&'a Expression<'a>),
    Spread(&'a Expression<'a>),
    Hole,
}

/// `DefineMethod` flags.
pub(crate) const METHOD: u32 = 0;
pub(crate) const GETTER: u32 = 1;
pub(crate) const SETTER: u32 = 2;
pub(crate) const ENUMERABLE: u32 = 4;

/// The UTF-16 units of a string literal's value. oxc encodes lone
/// surrogates as U+FFFD followed by four hex digits (and U+FFFD itself as
/// `\u{FFFD}fffd`) when `lone_surrogates` is set.
pub(crate) fn string_units(value: &str, lone_surrogates: bool) -> Vec<u16> {
    if !lone_surrogates {
        return utf16(value);
    }
    let mut out = Vec::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\u{FFFD}' {
            let hex: String = chars.by_ref().take(4).collect();
            out.push(u16::from_str_radix(&hex, 16).unwrap_or(0xFFFD));
        } else {
            let mut buf = [0u16; 2];
            out.extend_from_slice(c.encode_utf16(&mut buf));
        }
    }
    out
}

/// Number::toString(10): how a numeric property key becomes a string.
pub(crate) fn number_to_string(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n == 0.0 {
        return "0".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    if n < 0.0 {
        return format!("-{}", number_to_string(-n));
    }
    // Shortest round-trip digits and exponent, then the spec's layout.
    let formatted = format!("{n:e}");
    let (mantissa, exponent) = formatted.split_once('e').unwrap_or((&formatted, "0"));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let e: i32 = exponent.parse().unwrap_or(0);
    let k = digits.len() as i32;
    let point = e + 1;
    if k <= point && point <= 21 {
        format!("{digits}{}", "0".repeat((point - k) as usize))
    } else if 0 < point && point <= 21 {
        format!("{}.{}", &digits[..point as usize], &digits[point as usize..])
    } else if -6 < point && point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else {
        let sign = if point - 1 < 0 { '-' } else { '+' };
        let exp = (point - 1).abs();
        if k == 1 { format!("{digits}e{sign}{exp}") } else { format!("{}.{}e{sign}{exp}", &digits[..1], &digits[1..]) }
    }
}

/// A template's raw text with line terminators normalized (TRV).
fn raw_units(raw: &str) -> Vec<u16> {
    utf16(&raw.replace("\r\n", "\n").replace('\r', "\n"))
}

impl<'c, 'p, 'a> Gen<'c, 'p, 'a> {
    pub(crate) fn visit_object(&mut self, object: &'a ObjectExpression<'a>) {
        let m = self.mark();
        let target = self.temp();
        self.emit(Opcode::CreateEmptyObjectLiteral, &[]);
        self.star(target);
        for property in &object.properties {
            match property {
                ObjectPropertyKind::SpreadProperty(spread) => {
                    self.visit_expr(&spread.argument);
                    self.pos(spread.span.start);
                    self.emit(Opcode::CopyDataProperties, &[target.0 as i64, target.0 as i64, 0]);
                }
                ObjectPropertyKind::ObjectProperty(p) => {
                    let pm = self.mark();
                    let offset = p.key.span().start;
                    let name = if p.computed { None } else { static_key(&p.key) };
                    let is_accessor = matches!(p.kind, PropertyKind::Get | PropertyKind::Set);
                    if p.method || is_accessor {
                        let key = self.temp();
                        self.load_key(&p.key, name.clone(), p.computed);
                        self.star(key);
                        if let Expression::FunctionExpression(f) = &p.value {
                            self.create_closure_with_source(f, Some(name.unwrap_or_default()), (p.span.start, p.span.end));
                        }
                        let kind = match p.kind {
                            PropertyKind::Get => GETTER,
                            PropertyKind::Set => SETTER,
                            PropertyKind::Init => METHOD,
                        };
                        self.pos(offset);
                        self.emit(Opcode::DefineMethod, &[target.0 as i64, key.0 as i64, (kind | ENUMERABLE) as i64]);
                    } else if !p.computed && !p.shorthand && name.as_deref() == Some(&utf16("__proto__")[..]) {
                        let args = self.temps(2);
                        self.mov(target, args);
                        self.visit_expr(&p.value);
                        self.star(args.next());
                        self.pos(offset);
                        self.call_runtime(RuntimeFunction::SetLiteralProto, args, 2);
                    } else if let Some(name) = name {
                        self.visit_named(&p.value, Some(name.clone()));
                        let idx = self.string_units(name);
                        self.pos(offset);
                        self.emit_slot(Opcode::DefineNamedOwnProperty, &[target.0 as i64, idx as i64]);
                    } else {
                        let key = self.temp();
                        self.load_key(&p.key, None, true);
                        self.star(key);
                        self.visit_named_by_key(&p.value, key);
                        self.pos(offset);
                        self.emit_slot(Opcode::DefineKeyedOwnProperty, &[target.0 as i64, key.0 as i64]);
                    }
                    self.release(pm);
                }
            }
        }
        self.ldar(target);
        self.release(m);
    }

    /// acc = a property key: the static name, or the computed key
    /// converted by ToPropertyKey.
    pub(crate) fn load_key(&mut self, key: &'a PropertyKey<'a>, name: Option<Vec<u16>>, computed: bool) {
        match (computed, name) {
            (false, Some(name)) => {
                let idx = self.string_units(name);
                self.emit(Opcode::LdaConstant, &[idx as i64]);
            }
            _ => {
                if let Some(expr) = key.as_expression() {
                    self.visit_expr(expr);
                }
                self.pos(key.span().start);
                self.emit(Opcode::ToName, &[]);
            }
        }
    }

    pub(crate) fn visit_array(&mut self, array: &'a ArrayExpression<'a>) {
        self.visit_array_elements(array.elements.iter().map(|e| match e {
            ArrayExpressionElement::SpreadElement(s) => Element::Spread(&s.argument),
            ArrayExpressionElement::Elision(_) => Element::Hole,
            other => match other.as_expression() {
                Some(e) => Element::Value(e),
                None => Element::Hole,
            },
        }));
    }

    /// acc = a new array of `elements`.
    pub(crate) fn visit_array_elements(&mut self, elements: impl Iterator<Item = Element<'a>>) {
        let elements: Vec<Element<'a>> = elements.collect();
        let count = elements.len();
        let m = self.mark();
        let array = self.temp();
        let index = self.temp();
        self.emit_slot(Opcode::CreateEmptyArrayLiteral, &[]);
        self.star(array);
        // The index is a constant until the first spread.
        let mut static_index: Option<i64> = Some(0);
        let mut trailing_hole = false;
        for (position, element) in elements.into_iter().enumerate() {
            let last = position + 1 == count;
            let after_hole = trailing_hole;
            trailing_hole = matches!(element, Element::Hole);
            match element {
                Element::Value(expr) => {
                    if let Some(i) = static_index {
                        self.emit(Opcode::LdaSmi, &[i]);
                        self.star(index);
                        self.visit_expr(expr);
                        self.emit_slot(Opcode::StaInArrayLiteral, &[array.0 as i64, index.0 as i64]);
                        static_index = Some(i + 1);
                    } else {
                        self.visit_expr(expr);
                        self.emit_slot(Opcode::StaInArrayLiteral, &[array.0 as i64, index.0 as i64]);
                        if !last {
                            self.bump_index(index);
                        }
                    }
                }
                Element::Hole => match static_index {
                    Some(i) => static_index = Some(i + 1),
                    None => self.bump_index(index),
                },
                Element::Spread(expr) => {
                    if after_hole {
                        // The length must cover the holes before appending.
                        self.set_array_length(array, index, static_index);
                    }
                    let em = self.mark();
                    let args = self.temps(2);
                    self.mov(array, args);
                    self.visit_expr(expr);
                    self.star(args.next());
                    self.pos(expr.span().start);
                    self.call_runtime(RuntimeFunction::AppendSpread, args, 2);
                    self.star(index);
                    static_index = None;
                    self.release(em);
                }
            }
        }
        if trailing_hole {
            self.set_array_length(array, index, static_index);
        }
        self.ldar(array);
        self.release(m);
    }

    /// array.length = the current index (holes at the end).
    fn set_array_length(&mut self, array: Register, index: Register, static_index: Option<i64>) {
        let m = self.mark();
        let args = self.temps(2);
        self.mov(array, args);
        match static_index {
            Some(i) => {
                self.emit(Opcode::LdaSmi, &[i]);
                self.star(args.next());
            }
            None => self.mov(index, args.next()),
        }
        self.call_runtime(RuntimeFunction::SetArrayLength, args, 2);
        self.release(m);
    }

    fn bump_index(&mut self, index: Register) {
        self.ldar(index);
        self.emit_slot(Opcode::Inc, &[]);
        self.star(index);
    }

    /// acc = an untagged template literal's string.
    pub(crate) fn visit_template(&mut self, template: &'a TemplateLiteral<'a>) {
        let cooked = |i: usize| -> Vec<u16> {
            template
                .quasis
                .get(i)
                .and_then(|q| q.value.cooked.as_ref().map(|c| string_units(c.as_str(), q.lone_surrogates)))
                .unwrap_or_default()
        };
        if template.expressions.is_empty() {
            let idx = self.string_units(cooked(0));
            self.emit(Opcode::LdaConstant, &[idx as i64]);
            return;
        }
        let m = self.mark();
        let accumulated = self.temp();
        let mut started = false;
        let first = cooked(0);
        if !first.is_empty() {
            let idx = self.string_units(first);
            self.emit(Opcode::LdaConstant, &[idx as i64]);
            self.star(accumulated);
            started = true;
        }
        let count = template.expressions.len();
        for (i, expr) in template.expressions.iter().enumerate() {
            self.visit_expr(expr);
            self.pos(expr.span().start);
            self.emit(Opcode::ToString, &[]);
            if started {
                self.emit_slot(Opcode::Add, &[accumulated.0 as i64]);
            }
            started = true;
            let next = cooked(i + 1);
            if !next.is_empty() {
                self.star(accumulated);
                let idx = self.string_units(next);
                self.emit(Opcode::LdaConstant, &[idx as i64]);
                self.emit_slot(Opcode::Add, &[accumulated.0 as i64]);
            }
            if i + 1 < count {
                self.star(accumulated);
            }
        }
        self.release(m);
    }

    /// The `Constant::Template` of a tagged template site.
    pub(crate) fn template_constant(&mut self, template: &'a TemplateLiteral<'a>) -> u32 {
        let info = TemplateInfo {
            cooked: template
                .quasis
                .iter()
                .map(|q| q.value.cooked.as_ref().map(|c| string_units(c.as_str(), q.lone_surrogates).into_boxed_slice()))
                .collect(),
            raw: template.quasis.iter().map(|q| raw_units(q.value.raw.as_str()).into_boxed_slice()).collect(),
        };
        self.b.add_constant(Constant::Template(Arc::new(info)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_javascript_does() {
        for (n, s) in [
            (1.0, "1"),
            (1.5, "1.5"),
            (16.0, "16"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (1.5e-7, "1.5e-7"),
            (0.000001, "0.000001"),
            (123.456, "123.456"),
            (-2.0, "-2"),
            (f64::INFINITY, "Infinity"),
        ] {
            assert_eq!(number_to_string(n), s);
        }
    }

    #[test]
    fn lone_surrogates_decode() {
        assert_eq!(string_units("a\u{FFFD}d800b", true), vec![0x61, 0xD800, 0x62]);
        assert_eq!(string_units("\u{FFFD}fffd", true), vec![0xFFFD]);
    }
}
