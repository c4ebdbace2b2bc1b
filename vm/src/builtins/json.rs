//! The JSON object (ECMA-262 §25.5): `JSON.parse` with the reviver's
//! internalize walk, and `JSON.stringify` with replacer functions and
//! property lists, `toJSON`, boxed primitives and indentation.
//!
//! The parser is recursive descent over the text's UTF-16 units, building
//! objects as it goes (`__proto__` is an ordinary key: CreateDataProperty,
//! not [[Set]]). Syntax errors use V8's messages. Both directions recurse
//! once per nesting level and throw a RangeError when the native stack
//! runs low (`Vm::native_stack_ok`). Values held outside the Rust stack
//! (array elements, key lists, the cycle stack) live in rooted vectors.

use strata_gc::{Gc, RootedVec};

use super::array::{index_key, length_of};
use super::method;
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::realm::Intrinsic;
use crate::string::{Flat, JsString, MAX_STRING_LENGTH};
use crate::symbol::Symbol;
use crate::value::Value;
use crate::vm::{JsResult, Vm, WellKnown};

/// Installs the JSON object on the global object.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let op = Value::from_gc(vm.intrinsic(Intrinsic::ObjectPrototype));
    let json = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.define_value(global, "JSON", Value::from_gc(json), Attrs::HIDDEN)?;
    method(vm, json, "parse", 2, parse)?;
    method(vm, json, "stringify", 3, stringify)?;
    method(vm, json, "rawJSON", 1, raw_json)?;
    method(vm, json, "isRawJSON", 1, is_raw_json)?;
    let tag_key = PropertyKey::Symbol(vm.well_known(WellKnown::ToStringTag));
    let tag = vm.string_value("JSON")?;
    vm.define_own_simple(json, tag_key, tag, Attrs::CONFIGURABLE_ONLY)?;
    Ok(())
}

fn stack_overflow(vm: &mut Vm) -> crate::vm::Exception {
    vm.range_error("Maximum call stack size exceeded")
}

/// The property key for a string's code units (an index when canonical).
fn key_from_units(vm: &mut Vm, units: &[u16]) -> JsResult<PropertyKey> {
    if !units.is_empty()
        && units.len() <= 10
        && let Some(i) = crate::number_conv::canonical_numeric_index(units)
    {
        return Ok(PropertyKey::Index(i));
    }
    Ok(PropertyKey::String(vm.intern_units(units)?))
}

// ---- JSON.parse -------------------------------------------------------------------

/// JSON.parse ( text [ , reviver ] ) (§25.5.1), with the reviver's
/// third argument, a context whose `source` is a primitive's source text
/// (JSON.parse source text access, ES2026).
fn parse(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let text = vm.to_string(args.get(0))?;
    let reviver = args.get(1);
    if !vm.is_callable(reviver) {
        return parse_text(vm, text);
    }
    let units = text.to_units();
    let mut records = Records { values: vm.heap.rooted_vec::<Value>(), keys: vm.heap.rooted_vec::<PropertyKey>() };
    let mut parser = Parser { src: &units, pos: 0, records: Some(&mut records), last: None, children: None };
    let unfiltered = parser.text(vm)?;
    // CreateJSONParseRecord for the whole text.
    let snapshot = parser.last.take();
    let root = vm.new_object()?;
    let empty = PropertyKey::String(vm.roots.names.empty);
    vm.create_data_property_or_throw(root, empty, unfiltered)?;
    let walk = Internalize { reviver, src: &units, records: &records };
    walk.property(vm, root, empty, snapshot.as_ref())
}

/// JSON text to a value (JSON.parse without a reviver; JSON modules).
pub fn parse_text(vm: &mut Vm, text: Gc<JsString>) -> JsResult<Value> {
    let units = text.to_units();
    let mut parser = Parser { src: &units, pos: 0, records: None, last: None, children: None };
    parser.text(vm)
}

/// JSON.rawJSON ( text ) (ES2026): a frozen null-prototype object with
/// [[IsRawJSON]] whose `rawJSON` is the text of one JSON primitive, which
/// JSON.stringify writes as is.
fn raw_json(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let text = vm.to_string(args.get(0))?;
    let units = text.to_units();
    let blank = |u: Option<&u16>| matches!(u, Some(0x09 | 0x0A | 0x0D | 0x20));
    if units.is_empty() || blank(units.first()) || blank(units.last()) {
        return Err(vm.syntax_error("Invalid value for JSON.rawJSON"));
    }
    if matches!(units[0], 0x7B | 0x5B) {
        return Err(vm.syntax_error("Invalid value for JSON.rawJSON: objects and arrays are not allowed"));
    }
    let mut parser = Parser { src: &units, pos: 0, records: None, last: None, children: None };
    parser.text(vm)?;
    let obj = vm.new_object_with(Value::NULL, ObjectKind::RawJson)?;
    let key = vm.key("rawJSON");
    vm.create_data_property_or_throw(obj, key, Value::from_gc(text))?;
    vm.freeze(obj)?;
    Ok(Value::from_gc(obj))
}

/// JSON.isRawJSON ( O ): whether O has [[IsRawJSON]].
fn is_raw_json(_vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let yes = args.get(0).as_gc::<JsObject>().is_some_and(|o| matches!(o.kind, ObjectKind::RawJson));
    Ok(Value::bool(yes))
}

/// A JSON Parse Record: the value a JSON value node produced (an index
/// into [`Records::values`], which keeps it alive), the node's source
/// range, and the records of an array's elements or of an object's
/// entries (by index into [`Records::keys`]; the last of duplicate names).
struct ParseRecord {
    value: usize,
    start: usize,
    end: usize,
    elements: Vec<ParseRecord>,
    entries: Vec<(usize, ParseRecord)>,
}

/// The rooted values and keys parse records refer to.
struct Records {
    values: RootedVec<Value>,
    keys: RootedVec<PropertyKey>,
}

struct Parser<'a> {
    src: &'a [u16],
    pos: usize,
    /// Set when a reviver needs parse records.
    records: Option<&'a mut Records>,
    /// The record of the value just parsed.
    last: Option<ParseRecord>,
    /// The element or entry records of the array or object just parsed.
    children: Option<(Vec<ParseRecord>, Vec<(usize, ParseRecord)>)>,
}

impl Parser<'_> {
    /// JSONText: a value between optional whitespace.
    fn text(&mut self, vm: &mut Vm) -> JsResult<Value> {
        self.skip_whitespace();
        let unfiltered = self.value(vm)?;
        self.skip_whitespace();
        if self.pos < self.src.len() {
            return Err(self.error(vm, "Unexpected non-whitespace character after JSON"));
        }
        Ok(unfiltered)
    }

    fn peek(&self) -> Option<u16> {
        self.src.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(0x09 | 0x0A | 0x0D | 0x20) = self.peek() {
            self.pos += 1;
        }
    }

    /// A SyntaxError "`what` in JSON at position N".
    fn error(&self, vm: &mut Vm, what: &str) -> crate::vm::Exception {
        vm.syntax_error(&format!("{what} in JSON at position {}", self.pos))
    }

    /// The error for the unit at `pos` where a value was expected.
    fn unexpected(&self, vm: &mut Vm) -> crate::vm::Exception {
        let Some(c) = self.peek() else { return vm.syntax_error("Unexpected end of JSON input") };
        let token = String::from_utf16_lossy(&[c]);
        let source = if self.src.len() <= 40 {
            format!("\"{}\"", String::from_utf16_lossy(self.src))
        } else {
            let from = self.pos.saturating_sub(10);
            let to = (self.pos + 10).min(self.src.len());
            let pre = if from > 0 { "..." } else { "" };
            let post = if to < self.src.len() { "..." } else { "" };
            format!("{pre}\"{}\"{post}", String::from_utf16_lossy(&self.src[from..to]))
        };
        vm.syntax_error(&format!("Unexpected token '{token}', {source} is not valid JSON"))
    }

    fn expect_literal(&mut self, vm: &mut Vm, word: &str, value: Value) -> JsResult<Value> {
        for b in word.bytes() {
            if self.peek() != Some(b as u16) {
                return Err(self.unexpected(vm));
            }
            self.pos += 1;
        }
        Ok(value)
    }

    /// JSONValue, at a non-whitespace unit; with its parse record in
    /// `last` when records are kept.
    fn value(&mut self, vm: &mut Vm) -> JsResult<Value> {
        let start = self.pos;
        let v = self.value_only(vm)?;
        if let Some(records) = self.records.as_deref_mut() {
            let value = records.values.len();
            records.values.push(v);
            let (elements, entries) = self.children.take().unwrap_or_default();
            self.last = Some(ParseRecord { value, start, end: self.pos, elements, entries });
        }
        Ok(v)
    }

    fn value_only(&mut self, vm: &mut Vm) -> JsResult<Value> {
        match self.peek() {
            Some(0x7B) => self.object(vm),
            Some(0x5B) => self.array(vm),
            Some(0x22) => {
                let units = self.string(vm)?;
                Ok(Value::from_gc(vm.new_string_units(&units)?))
            }
            Some(0x74) => self.expect_literal(vm, "true", Value::TRUE),
            Some(0x66) => self.expect_literal(vm, "false", Value::FALSE),
            Some(0x6E) => self.expect_literal(vm, "null", Value::NULL),
            Some(c) if c == b'-' as u16 || (b'0' as u16..=b'9' as u16).contains(&c) => self.number(vm),
            _ => Err(self.unexpected(vm)),
        }
    }

    fn object(&mut self, vm: &mut Vm) -> JsResult<Value> {
        if !vm.native_stack_ok() {
            return Err(stack_overflow(vm));
        }
        self.pos += 1; // {
        let obj = vm.new_object()?;
        let mut entries: Vec<(usize, ParseRecord)> = Vec::new();
        // Entry index by key, so that the last duplicate name wins.
        let mut entry_of: std::collections::HashMap<PropertyKey, usize> = std::collections::HashMap::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}' as u16) {
            self.pos += 1;
            return Ok(Value::from_gc(obj));
        }
        let mut first = true;
        loop {
            if self.peek() != Some(b'"' as u16) {
                if self.peek().is_none() {
                    return Err(vm.syntax_error("Unexpected end of JSON input"));
                }
                let what = if first { "Expected property name or '}'" } else { "Expected double-quoted property name" };
                return Err(self.error(vm, what));
            }
            first = false;
            let name = self.string(vm)?;
            let key = key_from_units(vm, &name)?;
            self.skip_whitespace();
            if self.peek() != Some(b':' as u16) {
                return Err(self.eof_or(vm, "Expected ':' after property name"));
            }
            self.pos += 1;
            self.skip_whitespace();
            let value = self.value(vm)?;
            vm.create_data_property(obj, key, value)?;
            if let (Some(records), Some(record)) = (self.records.as_deref_mut(), self.last.take()) {
                match entry_of.get(&key) {
                    Some(&i) => entries[i].1 = record,
                    None => {
                        entry_of.insert(key, entries.len());
                        entries.push((records.keys.len(), record));
                        records.keys.push(key);
                    }
                }
            }
            self.skip_whitespace();
            match self.peek() {
                Some(0x2C) => {
                    self.pos += 1;
                    self.skip_whitespace();
                }
                Some(0x7D) => {
                    self.pos += 1;
                    self.children = Some((Vec::new(), entries));
                    return Ok(Value::from_gc(obj));
                }
                _ => return Err(self.eof_or(vm, "Expected ',' or '}' after property value")),
            }
        }
    }

    fn array(&mut self, vm: &mut Vm) -> JsResult<Value> {
        if !vm.native_stack_ok() {
            return Err(stack_overflow(vm));
        }
        self.pos += 1; // [
        let mut elements = vm.heap.rooted_vec::<Value>();
        let mut records: Vec<ParseRecord> = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']' as u16) {
            self.pos += 1;
            return Ok(Value::from_gc(vm.new_array(&[])?));
        }
        loop {
            let v = self.value(vm)?;
            elements.push(v);
            if let Some(record) = self.last.take() {
                records.push(record);
            }
            self.skip_whitespace();
            match self.peek() {
                Some(0x2C) => {
                    self.pos += 1;
                    self.skip_whitespace();
                }
                Some(0x5D) => {
                    self.pos += 1;
                    self.children = Some((records, Vec::new()));
                    return Ok(Value::from_gc(vm.new_array(elements.as_slice())?));
                }
                _ => return Err(self.eof_or(vm, "Expected ',' or ']' after array element")),
            }
        }
    }

    /// "Unexpected end of JSON input" at the end, else `what` here.
    fn eof_or(&self, vm: &mut Vm, what: &str) -> crate::vm::Exception {
        if self.peek().is_none() { vm.syntax_error("Unexpected end of JSON input") } else { self.error(vm, what) }
    }

    /// JSONString, at the opening quote: its code units.
    fn string(&mut self, vm: &mut Vm) -> JsResult<Vec<u16>> {
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            let Some(c) = self.peek() else { return Err(self.error(vm, "Unterminated string")) };
            match c {
                0x22 => {
                    self.pos += 1;
                    return Ok(out);
                }
                0x5C => {
                    self.pos += 1;
                    let Some(e) = self.peek() else { return Err(self.error(vm, "Unterminated string")) };
                    let unit = match e {
                        0x22 | 0x5C | 0x2F => e,
                        0x62 => 0x08,
                        0x66 => 0x0C,
                        0x6E => 0x0A,
                        0x72 => 0x0D,
                        0x74 => 0x09,
                        0x75 => {
                            let mut v: u16 = 0;
                            for k in 1..=4 {
                                let d =
                                    self.src.get(self.pos + k).and_then(|&h| char::from_u32(h as u32)?.to_digit(16));
                                let Some(d) = d else {
                                    self.pos += k;
                                    return Err(self.error(vm, "Bad Unicode escape"));
                                };
                                v = v * 16 + d as u16;
                            }
                            self.pos += 4;
                            v
                        }
                        _ => return Err(self.error(vm, "Bad escaped character")),
                    };
                    out.push(unit);
                    self.pos += 1;
                }
                0..0x20 => return Err(self.error(vm, "Bad control character in string literal")),
                _ => {
                    out.push(c);
                    self.pos += 1;
                }
            }
        }
    }

    /// JSONNumber: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self, vm: &mut Vm) -> JsResult<Value> {
        let start = self.pos;
        let digit = |c: Option<u16>| c.is_some_and(|c| (b'0' as u16..=b'9' as u16).contains(&c));
        if self.peek() == Some(b'-' as u16) {
            self.pos += 1;
            if !digit(self.peek()) {
                return Err(self.eof_or(vm, "No number after minus sign"));
            }
        }
        if self.peek() == Some(b'0' as u16) {
            self.pos += 1;
            if digit(self.peek()) {
                return Err(self.error(vm, "Unexpected number"));
            }
        } else {
            while digit(self.peek()) {
                self.pos += 1;
            }
        }
        let mut integer = true;
        if self.peek() == Some(b'.' as u16) {
            integer = false;
            self.pos += 1;
            if !digit(self.peek()) {
                return Err(self.error(vm, "Unterminated fractional number"));
            }
            while digit(self.peek()) {
                self.pos += 1;
            }
        }
        if matches!(self.peek(), Some(0x65 | 0x45)) {
            integer = false;
            self.pos += 1;
            if matches!(self.peek(), Some(0x2B | 0x2D)) {
                self.pos += 1;
            }
            if !digit(self.peek()) {
                return Err(self.error(vm, "Exponent part is missing a number"));
            }
            while digit(self.peek()) {
                self.pos += 1;
            }
        }
        let text: String = self.src[start..self.pos].iter().map(|&u| u as u8 as char).collect();
        if integer
            && text.len() <= 9
            && let Ok(i) = text.parse::<i32>()
            && text != "-0"
        {
            return Ok(Value::int(i));
        }
        Ok(Value::number(text.parse::<f64>().unwrap_or(f64::NAN)))
    }
}

/// EnumerableOwnProperties(o, key): the enumerable own string keys, in
/// [[OwnPropertyKeys]] order.
fn enumerable_own_keys(vm: &mut Vm, o: Gc<JsObject>) -> JsResult<RootedVec<PropertyKey>> {
    let mut keys = vm.heap.rooted_vec::<PropertyKey>();
    for key in vm.own_property_keys(o)? {
        keys.push(key);
    }
    let mut out = vm.heap.rooted_vec::<PropertyKey>();
    for i in 0..keys.len() {
        let Some(key) = keys.get(i) else { break };
        if key.is_symbol() {
            continue;
        }
        if let Some(desc) = crate::object_ops::get_own_property(vm, o, key)?
            && desc.enumerable == Some(true)
        {
            out.push(key);
        }
    }
    Ok(out)
}

/// InternalizeJSONProperty's walk: the reviver, the text, and the
/// values the parse records refer to.
struct Internalize<'a> {
    reviver: Value,
    src: &'a [u16],
    records: &'a Records,
}

impl Internalize<'_> {
    /// InternalizeJSONProperty ( holder, name, reviver, parseRecord )
    /// (§25.5.1.1): `record` is the parse record while the value is still
    /// the one parsed there.
    fn property(&self, vm: &mut Vm, holder: Gc<JsObject>, name: PropertyKey, record: Option<&ParseRecord>) -> JsResult<Value> {
        if !vm.native_stack_ok() {
            return Err(stack_overflow(vm));
        }
        let holder_v = Value::from_gc(holder);
        let val = vm.get(holder, name, holder_v)?;
        let context = vm.new_object()?;
        let record = record.filter(|r| {
            self.records.values.get(r.value).is_some_and(|parsed| crate::conversions::same_value(parsed, val))
        });
        if let Some(r) = record
            && val.as_gc::<JsObject>().is_none()
        {
            let source = Value::from_gc(vm.new_string_units(&self.src[r.start..r.end])?);
            let key = vm.key("source");
            vm.create_data_property_or_throw(context, key, source)?;
        }
        if let Some(o) = val.as_gc::<JsObject>() {
            if crate::builtins::array::is_array(vm, val)? {
                let elements = record.map_or(&[][..], |r| &r.elements[..]);
                let len = length_of(vm, o)?;
                for i in 0..len {
                    let key = index_key(vm, i);
                    self.element(vm, o, key, elements.get(i as usize))?;
                }
            } else {
                let entries = record.map_or(&[][..], |r| &r.entries[..]);
                let by_key: std::collections::HashMap<PropertyKey, &ParseRecord> =
                    entries.iter().filter_map(|(k, r)| Some((self.records.keys.get(*k)?, r))).collect();
                let keys = enumerable_own_keys(vm, o)?;
                for i in 0..keys.len() {
                    let Some(key) = keys.get(i) else { break };
                    self.element(vm, o, key, by_key.get(&key).copied())?;
                }
            }
        }
        let name_v = vm.key_to_value(name)?;
        vm.call(self.reviver, holder_v, &[name_v, val, Value::from_gc(context)])
    }

    /// One step of the walk: replace or delete `o[key]`.
    fn element(&self, vm: &mut Vm, o: Gc<JsObject>, key: PropertyKey, record: Option<&ParseRecord>) -> JsResult<()> {
        let new_element = self.property(vm, o, key, record)?;
        if new_element.is_undefined() {
            vm.delete_property(o, key)?;
        } else {
            vm.create_data_property(o, key, new_element)?;
        }
        Ok(())
    }
}

// ---- JSON.stringify -----------------------------------------------------------------

/// JSON.stringify ( value [ , replacer [ , space ] ] ) (§25.5.2).
fn stringify(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let (value, replacer, space) = (args.get(0), args.get(1), args.get(2));
    let mut replacer_fn = Value::UNDEFINED;
    let mut property_list: Option<RootedVec<PropertyKey>> = None;
    if let Some(r) = replacer.as_gc::<JsObject>() {
        if vm.is_callable(replacer) {
            replacer_fn = replacer;
        } else if crate::builtins::array::is_array(vm, replacer)? {
            property_list = Some(build_property_list(vm, r)?);
        }
    }
    let gap = gap_from_space(vm, space)?;
    let wrapper = vm.new_object()?;
    let empty = PropertyKey::String(vm.roots.names.empty);
    vm.create_data_property_or_throw(wrapper, empty, value)?;
    let mut state = Serializer {
        replacer_fn,
        property_list,
        stack: vm.heap.rooted_vec::<Value>(),
        indent: Vec::new(),
        gap,
        out: Vec::new(),
    };
    let v = state.resolve(vm, wrapper, empty)?;
    if !state.write(vm, v)? {
        return Ok(Value::UNDEFINED);
    }
    if state.out.len() > MAX_STRING_LENGTH {
        return Err(vm.range_error("Invalid string length"));
    }
    Ok(Value::from_gc(vm.new_string_units(&state.out)?))
}

/// The PropertyList of an array replacer: strings and numbers (boxed or
/// not) as keys, first occurrence kept.
fn build_property_list(vm: &mut Vm, r: Gc<JsObject>) -> JsResult<RootedVec<PropertyKey>> {
    let mut list = vm.heap.rooted_vec::<PropertyKey>();
    let len = length_of(vm, r)?;
    for k in 0..len {
        let key = index_key(vm, k);
        let v = vm.get(r, key, Value::from_gc(r))?;
        let is_item = v.as_gc::<JsString>().is_some()
            || v.is_number()
            || v.as_gc::<JsObject>().is_some_and(|o| matches!(o.kind, ObjectKind::String(_) | ObjectKind::Number(_)));
        if !is_item {
            continue;
        }
        let s = vm.to_string(v)?;
        let item = vm.key_from_string(s)?;
        if !list.as_slice().contains(&item) {
            list.push(item);
        }
    }
    Ok(list)
}

/// The gap from `space`: up to 10 spaces for a number, the first 10 units
/// of a string, after unwrapping Number and String objects.
fn gap_from_space(vm: &mut Vm, mut space: Value) -> JsResult<Vec<u16>> {
    if let Some(o) = space.as_gc::<JsObject>() {
        match o.kind {
            ObjectKind::Number(_) => space = Value::number(vm.to_number(space)?),
            ObjectKind::String(_) => space = Value::from_gc(vm.to_string(space)?),
            _ => {}
        }
    }
    if let Some(n) = space.as_number() {
        let n = crate::number_conv::to_integer_or_infinity(n).min(10.0);
        return Ok(if n >= 1.0 { vec![b' ' as u16; n as usize] } else { Vec::new() });
    }
    if let Some(s) = space.as_gc::<JsString>() {
        let flat = s.flat();
        return Ok((0..flat.len().min(10)).map(|i| flat.at(i)).collect());
    }
    Ok(Vec::new())
}

/// The JSON.stringify state record, writing into one buffer.
struct Serializer {
    replacer_fn: Value,
    property_list: Option<RootedVec<PropertyKey>>,
    /// Objects being serialized (cycle detection).
    stack: RootedVec<Value>,
    indent: Vec<u16>,
    gap: Vec<u16>,
    out: Vec<u16>,
}

impl Serializer {
    /// SerializeJSONProperty's first half: Get, toJSON, the replacer
    /// function, and unwrapping of boxed primitives.
    fn resolve(&mut self, vm: &mut Vm, holder: Gc<JsObject>, key: PropertyKey) -> JsResult<Value> {
        let holder_v = Value::from_gc(holder);
        let mut value = vm.get(holder, key, holder_v)?;
        if value.as_gc::<JsObject>().is_some() || value.is_bigint() {
            let to_json_key = vm.key("toJSON");
            let to_json = vm.get_value(value, to_json_key)?;
            if vm.is_callable(to_json) {
                let k = vm.key_to_value(key)?;
                value = vm.call(to_json, value, &[k])?;
            }
        }
        if !self.replacer_fn.is_undefined() {
            let k = vm.key_to_value(key)?;
            value = vm.call(self.replacer_fn, holder_v, &[k, value])?;
        }
        if let Some(o) = value.as_gc::<JsObject>() {
            match o.kind {
                ObjectKind::Number(_) => value = Value::number(vm.to_number(value)?),
                ObjectKind::String(_) => value = Value::from_gc(vm.to_string(value)?),
                ObjectKind::Boolean(b) => value = Value::bool(b),
                ObjectKind::BigInt(b) => value = Value::from_gc(b),
                _ => {}
            }
        }
        Ok(value)
    }

    /// Whether `write` produces text for `value` (not undefined, a
    /// symbol or a function).
    fn serializable(vm: &Vm, value: Value) -> bool {
        !(value.is_undefined() || value.as_gc::<Symbol>().is_some() || vm.is_callable(value))
    }

    /// SerializeJSONProperty's second half: appends the text of a
    /// resolved value; false (nothing written) when it has none.
    fn write(&mut self, vm: &mut Vm, value: Value) -> JsResult<bool> {
        if !Self::serializable(vm, value) {
            return Ok(false);
        }
        if value.is_null() {
            self.push_str("null");
        } else if let Some(b) = value.as_bool() {
            self.push_str(if b { "true" } else { "false" });
        } else if let Some(s) = value.as_gc::<JsString>() {
            quote_json_string(&mut self.out, s.flat());
        } else if let Some(n) = value.as_number() {
            if n.is_finite() {
                let text = crate::number_conv::number_to_string(n);
                self.push_str(&text);
            } else {
                self.push_str("null");
            }
        } else if let Some(o) = value.as_gc::<JsObject>()
            && matches!(o.kind, ObjectKind::RawJson)
        {
            // A raw JSON object's text, unquoted (its `rawJSON` is a frozen
            // own data property holding a string).
            let key = vm.key("rawJSON");
            let raw = vm.get(o, key, value)?;
            if let Some(s) = raw.as_gc::<JsString>() {
                let flat = s.flat();
                self.out.extend((0..flat.len()).map(|i| flat.at(i)));
            }
        } else if let Some(o) = value.as_gc::<JsObject>() {
            if self.stack.as_slice().contains(&value) {
                return Err(vm.type_error("Converting circular structure to JSON"));
            }
            if !vm.native_stack_ok() {
                return Err(stack_overflow(vm));
            }
            self.stack.push(value);
            let stepback = self.indent.len();
            self.indent.extend_from_slice(&self.gap);
            let r = match crate::builtins::array::is_array(vm, value) {
                Ok(true) => self.array(vm, o),
                Ok(false) => self.object(vm, o),
                Err(e) => Err(e),
            };
            self.indent.truncate(stepback);
            self.stack.pop();
            r?;
        } else {
            // BigInts: JSON has no syntax for them.
            return Err(vm.type_error("Do not know how to serialize a BigInt"));
        }
        if self.out.len() > MAX_STRING_LENGTH {
            return Err(vm.range_error("Invalid string length"));
        }
        Ok(true)
    }

    fn push_str(&mut self, s: &str) {
        self.out.extend(s.bytes().map(u16::from));
    }

    /// The line break and indentation before a member (when indenting).
    fn newline(&mut self) {
        if !self.gap.is_empty() {
            self.out.push(b'\n' as u16);
            self.out.extend_from_slice(&self.indent);
        }
    }

    /// The closing line break, with the outer indentation.
    fn close_line(&mut self) {
        if !self.gap.is_empty() {
            self.out.push(b'\n' as u16);
            let outer = self.indent.len() - self.gap.len();
            self.out.extend_from_slice(&self.indent[..outer]);
        }
    }

    /// SerializeJSONObject (§25.5.2.5), after the cycle check.
    fn object(&mut self, vm: &mut Vm, o: Gc<JsObject>) -> JsResult<()> {
        let keys = match &self.property_list {
            Some(list) => {
                let mut copy = vm.heap.rooted_vec::<PropertyKey>();
                for &k in list.as_slice() {
                    copy.push(k);
                }
                copy
            }
            None => enumerable_own_keys(vm, o)?,
        };
        self.out.push(b'{' as u16);
        let mut any = false;
        for i in 0..keys.len() {
            let Some(key) = keys.get(i) else { break };
            let v = self.resolve(vm, o, key)?;
            if !Self::serializable(vm, v) {
                continue;
            }
            if any {
                self.out.push(b',' as u16);
            }
            any = true;
            self.newline();
            let name = vm.key_to_value(key)?;
            if let Some(s) = name.as_gc::<JsString>() {
                quote_json_string(&mut self.out, s.flat());
            }
            self.out.push(b':' as u16);
            if !self.gap.is_empty() {
                self.out.push(b' ' as u16);
            }
            self.write(vm, v)?;
        }
        if any {
            self.close_line();
        }
        self.out.push(b'}' as u16);
        Ok(())
    }

    /// SerializeJSONArray (§25.5.2.6), after the cycle check.
    fn array(&mut self, vm: &mut Vm, a: Gc<JsObject>) -> JsResult<()> {
        let len = length_of(vm, a)?;
        self.out.push(b'[' as u16);
        for i in 0..len {
            if i > 0 {
                self.out.push(b',' as u16);
            }
            self.newline();
            let key = index_key(vm, i);
            let v = self.resolve(vm, a, key)?;
            if !self.write(vm, v)? {
                self.push_str("null");
            }
        }
        if len > 0 {
            self.close_line();
        }
        self.out.push(b']' as u16);
        Ok(())
    }
}

/// QuoteJSONString (§25.5.2.3): escapes quotes, backslashes, control
/// characters and lone surrogates (as lowercase `\uXXXX`).
fn quote_json_string(out: &mut Vec<u16>, s: Flat<'_>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let escape_unit = |out: &mut Vec<u16>, u: u16| {
        out.extend([b'\\' as u16, b'u' as u16]);
        for shift in [12, 8, 4, 0] {
            out.push(HEX[((u >> shift) & 0xF) as usize] as u16);
        }
    };
    out.push(b'"' as u16);
    let len = s.len();
    let mut i = 0;
    while i < len {
        let u = s.at(i);
        i += 1;
        let short = match u {
            0x08 => Some(b'b'),
            0x09 => Some(b't'),
            0x0A => Some(b'n'),
            0x0C => Some(b'f'),
            0x0D => Some(b'r'),
            0x22 => Some(b'"'),
            0x5C => Some(b'\\'),
            _ => None,
        };
        if let Some(c) = short {
            out.extend([b'\\' as u16, c as u16]);
        } else if u < 0x20 {
            escape_unit(out, u);
        } else if (0xD800..0xDC00).contains(&u) && i < len && (0xDC00..0xE000).contains(&s.at(i)) {
            out.push(u);
            out.push(s.at(i));
            i += 1;
        } else if (0xD800..0xE000).contains(&u) {
            escape_unit(out, u);
        } else {
            out.push(u);
        }
    }
    out.push(b'"' as u16);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::VmOptions;

    /// A VM with a small native stack budget, and JSON.parse / stringify.
    fn vm_with_small_stack() -> (Box<Vm>, Value, Value, Value) {
        let mut vm = Vm::new(VmOptions { native_stack_budget: 256 << 10, ..Default::default() });
        let global = vm.realm().global_object();
        let key = vm.key("JSON");
        let json = vm.get(global, key, Value::from_gc(global)).expect("JSON");
        let (pk, sk) = (vm.key("parse"), vm.key("stringify"));
        let parse = vm.get_value(json, pk).expect("parse");
        let stringify = vm.get_value(json, sk).expect("stringify");
        (vm, json, parse, stringify)
    }

    fn is_range_error(vm: &mut Vm, r: JsResult<Value>) -> bool {
        let Err(e) = r else { return false };
        let proto = Value::from_gc(vm.intrinsic(Intrinsic::RangeErrorPrototype));
        e.0.as_gc::<JsObject>().is_some_and(|o| o.proto() == proto)
    }

    #[test]
    fn deep_nesting_is_a_range_error_not_a_crash() {
        let (mut vm, json, parse, stringify) = vm_with_small_stack();
        let text = vm.string_value(&"[".repeat(200_000)).expect("text");
        let r = vm.call(parse, json, &[text]);
        assert!(is_range_error(&mut vm, r), "parse");
        let mut nested = vm.new_array(&[]).expect("array");
        for _ in 0..200_000 {
            nested = vm.new_array(&[Value::from_gc(nested)]).expect("array");
        }
        let r = vm.call(stringify, json, &[Value::from_gc(nested)]);
        assert!(is_range_error(&mut vm, r), "stringify");
        // Moderate depths still work with the same budget.
        let text = vm.string_value(&format!("{}{}", "[".repeat(100), "]".repeat(100))).expect("text");
        let v = vm.call(parse, json, &[text]).expect("parse 100 levels");
        let s = vm.call(stringify, json, &[v]).expect("stringify 100 levels");
        assert_eq!(s.as_gc::<JsString>().map(|s| s.len()), Some(200));
    }

    fn quoted(units: &[u16]) -> String {
        let mut out = Vec::new();
        quote_json_string(&mut out, Flat::Utf16(units));
        String::from_utf16_lossy(&out)
    }

    #[test]
    fn quote_escapes_controls_and_lone_surrogates() {
        let s: Vec<u16> = "a\"\\\n\u{1}".encode_utf16().collect();
        assert_eq!(quoted(&s), "\"a\\\"\\\\\\n\\u0001\"");
        assert_eq!(quoted(&[0xD800, 0x61, 0xDC00]), "\"\\ud800a\\udc00\"");
        assert_eq!(quoted(&[0xD83D, 0xDE00]), "\"\u{1F600}\"");
    }
}
