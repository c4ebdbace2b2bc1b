//! Property keys, attributes and descriptors.
//!
//! A key is an interned string (atom), a symbol, or an array index (the
//! canonical numeric strings 0..2^32-2 are kept apart from named keys, so
//! elements never enter a shape).

use strata_gc::{Gc, Trace, Tracer};

use crate::string::JsString;
use crate::symbol::Symbol;
use crate::value::Value;

/// A property key.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub enum PropertyKey {
    /// A named key: always an atom, so equality is identity.
    String(Gc<JsString>),
    /// A symbol key.
    Symbol(Gc<Symbol>),
    /// An array index.
    Index(u32),
}

impl PropertyKey {
    /// The key as a value (what `Object.keys` and proxies see); indices
    /// need the vm to become strings, so this is for non-index keys.
    pub fn as_value(self) -> Option<Value> {
        match self {
            PropertyKey::String(s) => Some(Value::from_gc(s)),
            PropertyKey::Symbol(s) => Some(Value::from_gc(s)),
            PropertyKey::Index(_) => None,
        }
    }
    /// Whether this is a symbol.
    pub fn is_symbol(self) -> bool {
        matches!(self, PropertyKey::Symbol(_))
    }
}

// SAFETY: reports the key's cell, if any.
unsafe impl Trace for PropertyKey {
    fn trace(&self, t: &mut Tracer) {
        match self {
            PropertyKey::String(s) => t.mark(s.cell()),
            PropertyKey::Symbol(s) => t.mark(s.cell()),
            PropertyKey::Index(_) => {}
        }
    }
}

/// Property attributes, as bits.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug, Default)]
pub struct Attrs(pub u8);

impl Attrs {
    /// [[Writable]] (data properties).
    pub const WRITABLE: u8 = 1;
    /// [[Enumerable]].
    pub const ENUMERABLE: u8 = 2;
    /// [[Configurable]].
    pub const CONFIGURABLE: u8 = 4;
    /// An accessor property: the slot holds an [`Accessor`](crate::object::Accessor) cell.
    pub const ACCESSOR: u8 = 8;

    /// writable, enumerable, configurable: what assignment creates.
    pub const DEFAULT: Attrs = Attrs(Self::WRITABLE | Self::ENUMERABLE | Self::CONFIGURABLE);
    /// writable, configurable, not enumerable: builtin methods.
    pub const HIDDEN: Attrs = Attrs(Self::WRITABLE | Self::CONFIGURABLE);
    /// Nothing: frozen constants like `Math.PI`.
    pub const NONE: Attrs = Attrs(0);
    /// configurable only: `name` and `length` of functions.
    pub const CONFIGURABLE_ONLY: Attrs = Attrs(Self::CONFIGURABLE);

    /// Writable?
    pub fn writable(self) -> bool {
        self.0 & Self::WRITABLE != 0
    }
    /// Enumerable?
    pub fn enumerable(self) -> bool {
        self.0 & Self::ENUMERABLE != 0
    }
    /// Configurable?
    pub fn configurable(self) -> bool {
        self.0 & Self::CONFIGURABLE != 0
    }
    /// Accessor?
    pub fn is_accessor(self) -> bool {
        self.0 & Self::ACCESSOR != 0
    }
    /// With a bit set or cleared.
    pub fn with(self, bit: u8, on: bool) -> Attrs {
        if on { Attrs(self.0 | bit) } else { Attrs(self.0 & !bit) }
    }
}

/// A property descriptor as the spec's algorithms pass them around: every
/// field optional.
#[derive(Copy, Clone, Debug, Default)]
pub struct PropertyDescriptor {
    /// [[Value]]
    pub value: Option<Value>,
    /// [[Writable]]
    pub writable: Option<bool>,
    /// [[Get]]
    pub get: Option<Value>,
    /// [[Set]]
    pub set: Option<Value>,
    /// [[Enumerable]]
    pub enumerable: Option<bool>,
    /// [[Configurable]]
    pub configurable: Option<bool>,
}

impl PropertyDescriptor {
    /// A complete data descriptor.
    pub fn data(value: Value, attrs: Attrs) -> PropertyDescriptor {
        PropertyDescriptor {
            value: Some(value),
            writable: Some(attrs.writable()),
            enumerable: Some(attrs.enumerable()),
            configurable: Some(attrs.configurable()),
            get: None,
            set: None,
        }
    }
    /// A complete accessor descriptor.
    pub fn accessor(get: Value, set: Value, attrs: Attrs) -> PropertyDescriptor {
        PropertyDescriptor {
            get: Some(get),
            set: Some(set),
            enumerable: Some(attrs.enumerable()),
            configurable: Some(attrs.configurable()),
            value: None,
            writable: None,
        }
    }
    /// IsAccessorDescriptor.
    pub fn is_accessor(&self) -> bool {
        self.get.is_some() || self.set.is_some()
    }
    /// IsDataDescriptor.
    pub fn is_data(&self) -> bool {
        self.value.is_some() || self.writable.is_some()
    }
    /// IsGenericDescriptor.
    pub fn is_generic(&self) -> bool {
        !self.is_accessor() && !self.is_data()
    }
    /// The attribute bits, missing fields taken as false.
    pub fn attrs(&self) -> Attrs {
        let mut a = Attrs(0);
        if self.is_accessor() {
            a.0 |= Attrs::ACCESSOR;
        } else if self.writable == Some(true) {
            a.0 |= Attrs::WRITABLE;
        }
        if self.enumerable == Some(true) {
            a.0 |= Attrs::ENUMERABLE;
        }
        if self.configurable == Some(true) {
            a.0 |= Attrs::CONFIGURABLE;
        }
        a
    }
}

/// A hasher for maps keyed by [`PropertyKey`]s and cell addresses: keys
/// are already unique words (atoms and symbols by address, indices by
/// value), so one multiply-and-rotate mixes them well enough, at a small
/// fraction of SipHash's cost (the shape lookups of every property access
/// go through it). Not for keys an attacker chooses freely.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64)
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64)
    }
    #[inline]
    fn write_isize(&mut self, n: isize) {
        self.write_u64(n as u64)
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.write_u64(n as u64)
    }
}

/// `BuildHasher` for [`KeyHasher`].
pub type BuildKeyHasher = std::hash::BuildHasherDefault<KeyHasher>;
