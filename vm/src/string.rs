//! Strings: flat one-byte (Latin-1) and two-byte (UTF-16) cells, ropes for
//! concatenation, and the atom table that interns property-key strings.
//!
//! A rope is flattened in place the first time its characters are needed
//! (V8's ConsString, JSC's rope): the cell's representation changes from
//! `Rope` to flat and its children become garbage. Flat contents never
//! change afterwards, which is what makes handing out `&[u8]`/`&[u16]`
//! views sound. Atoms are flat, unique per content, and compare by address.

use std::cell::{Cell, UnsafeCell};
use std::collections::HashMap;

use strata_gc::{Gc, Trace, Tracer};

/// Longest string a script can build (V8's limit on 64-bit is 2^29 - 24).
pub const MAX_STRING_LENGTH: usize = (1 << 30) - 25;
/// Concatenations shorter than this copy instead of making a rope.
const MIN_ROPE_LENGTH: usize = 13;

/// `repr(u64)`: the tag is the cell's first payload word, a small
/// integer, so the word at an object's shape offset is never a shape's
/// address (what the baseline's inline caches rely on; see `ic::NO_SHAPE`).
#[repr(u64)]
enum Repr {
    Latin1(Box<[u8]>),
    Utf16(Box<[u16]>),
    Rope { left: Gc<JsString>, right: Gc<JsString>, len: u32, latin1: bool },
}

/// Offsets from a string cell (see [`JsString::jit_layout`]).
#[derive(Clone, Copy, Debug)]
pub struct StringLayout {
    /// The representation's tag (u64): 0 one-byte, 1 two-byte, 2 rope.
    pub tag: usize,
    /// A flat string's length in code units (a word).
    pub flat_len: usize,
    /// A rope's length (u32).
    pub rope_len: usize,
}

/// The tag of a rope in [`StringLayout::tag`].
pub const ROPE_TAG: u32 = 2;

/// A string cell.
#[repr(C)]
pub struct JsString {
    /// First: see `Repr`.
    repr: UnsafeCell<Repr>,
    hash: Cell<u32>,
    atom: Cell<bool>,
}
strata_gc::cell_type!(JsString);

// SAFETY: only ropes hold references: their two children.
unsafe impl Trace for JsString {
    fn trace(&self, t: &mut Tracer) {
        // SAFETY: read-only access while the mutator is stopped.
        if let Repr::Rope { left, right, .. } = unsafe { &*self.repr.get() } {
            t.mark(left.cell());
            t.mark(right.cell());
        }
    }
}

/// A borrowed view of a flat string's code units.
#[derive(Copy, Clone)]
pub enum Flat<'a> {
    /// One byte per unit.
    Latin1(&'a [u8]),
    /// UTF-16 code units.
    Utf16(&'a [u16]),
}

impl Flat<'_> {
    /// Number of code units.
    pub fn len(&self) -> usize {
        match self {
            Flat::Latin1(b) => b.len(),
            Flat::Utf16(u) => u.len(),
        }
    }
    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Code unit `i`.
    #[inline]
    pub fn at(&self, i: usize) -> u16 {
        match self {
            Flat::Latin1(b) => b[i] as u16,
            Flat::Utf16(u) => u[i],
        }
    }
    /// The units as a UTF-16 vector.
    pub fn to_vec(&self) -> Vec<u16> {
        match self {
            Flat::Latin1(b) => b.iter().map(|&c| c as u16).collect(),
            Flat::Utf16(u) => u.to_vec(),
        }
    }
    /// Iterates the code units.
    pub fn units(&self) -> impl Iterator<Item = u16> + '_ {
        (0..self.len()).map(move |i| self.at(i))
    }
}

impl JsString {
    /// A flat string cell's payload from code units (Latin-1 when every
    /// unit fits a byte).
    pub fn from_units(units: &[u16]) -> JsString {
        let repr = if units.iter().all(|&u| u < 256) {
            Repr::Latin1(units.iter().map(|&u| u as u8).collect())
        } else {
            Repr::Utf16(units.into())
        };
        JsString { repr: UnsafeCell::new(repr), hash: Cell::new(0), atom: Cell::new(false) }
    }

    /// A flat one-byte string from Latin-1 bytes.
    pub fn from_latin1(bytes: Box<[u8]>) -> JsString {
        JsString { repr: UnsafeCell::new(Repr::Latin1(bytes)), hash: Cell::new(0), atom: Cell::new(false) }
    }

    /// A flat string from Rust text.
    pub fn from_str(s: &str) -> JsString {
        if s.bytes().all(|b| b < 128) {
            return JsString::from_latin1(s.as_bytes().into());
        }
        JsString::from_units(&s.encode_utf16().collect::<Vec<_>>())
    }

    fn rope(left: Gc<JsString>, right: Gc<JsString>) -> JsString {
        let len = (left.len() + right.len()) as u32;
        let latin1 = left.is_latin1() && right.is_latin1();
        JsString { repr: UnsafeCell::new(Repr::Rope { left, right, len, latin1 }), hash: Cell::new(0), atom: Cell::new(false) }
    }

    fn repr(&self) -> &Repr {
        // SAFETY: the representation only changes in `flatten`, from rope to
        // flat, while no view of it is borrowed (views come from flat reprs).
        unsafe { &*self.repr.get() }
    }

    /// Length in UTF-16 code units.
    pub fn len(&self) -> usize {
        match self.repr() {
            Repr::Latin1(b) => b.len(),
            Repr::Utf16(u) => u.len(),
            Repr::Rope { len, .. } => *len as usize,
        }
    }

    /// Whether the string is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether every unit fits in one byte.
    pub fn is_latin1(&self) -> bool {
        match self.repr() {
            Repr::Latin1(_) => true,
            Repr::Utf16(_) => false,
            Repr::Rope { latin1, .. } => *latin1,
        }
    }

    /// Whether this is an interned atom.
    pub fn is_atom(&self) -> bool {
        self.atom.get()
    }

    /// Where compiled code finds a string cell's length.
    pub fn jit_layout() -> StringLayout {
        // `Repr` is `repr(u64)`: a union of `repr(C)` structs that each
        // start with the u64 tag (Latin1 0, Utf16 1, Rope 2), so a flat
        // string's boxed slice is at 8 and a rope's `len` after its two
        // children, at 24. Rust does not promise the order of a boxed
        // slice's (pointer, length) pair: find which word is which on a
        // probe.
        let repr = strata_gc::PAYLOAD_OFFSET + std::mem::offset_of!(JsString, repr);
        let probe: Box<[u8]> = vec![0u8; 3].into_boxed_slice();
        // SAFETY: reads the two words of a live fat pointer as integers.
        let words: [usize; 2] = unsafe { std::mem::transmute_copy(&probe) };
        let len_word = if words[1] == 3 { 1 } else { 0 };
        StringLayout { tag: repr, flat_len: repr + 8 + 8 * len_word, rope_len: repr + 24 }
    }

    /// Where the atom flag is, from a string cell's address (compiled code
    /// compares two atoms by identity, as `strict_equals` does).
    pub fn atom_offset() -> usize {
        strata_gc::PAYLOAD_OFFSET + std::mem::offset_of!(JsString, atom)
    }

    /// The flat contents, flattening a rope first.
    pub fn flat(&self) -> Flat<'_> {
        if let Repr::Rope { .. } = self.repr() {
            self.flatten();
        }
        match self.repr() {
            Repr::Latin1(b) => Flat::Latin1(b),
            Repr::Utf16(u) => Flat::Utf16(u),
            Repr::Rope { .. } => unreachable!("flattened above"),
        }
    }

    /// Replaces a rope by its flat contents. Iterative: ropes can be
    /// millions of levels deep (`s += c` in a loop).
    fn flatten(&self) {
        let Repr::Rope { len, latin1, .. } = *self.repr() else { return };
        let mut out16: Vec<u16> = Vec::new();
        let mut out8: Vec<u8> = Vec::new();
        if latin1 {
            out8.reserve_exact(len as usize);
        } else {
            out16.reserve_exact(len as usize);
        }
        let mut stack: Vec<&JsString> = vec![self];
        while let Some(s) = stack.pop() {
            match s.repr() {
                Repr::Rope { left, right, .. } => {
                    // SAFETY (lifetimes): children are alive as long as `self`
                    // is, and nothing is freed during this call.
                    let (l, r): (&JsString, &JsString) = (left, right);
                    let (l, r) = unsafe { (&*(l as *const JsString), &*(r as *const JsString)) };
                    stack.push(r);
                    stack.push(l);
                }
                Repr::Latin1(b) => {
                    if latin1 {
                        out8.extend_from_slice(b)
                    } else {
                        out16.extend(b.iter().map(|&c| c as u16))
                    }
                }
                Repr::Utf16(u) => out16.extend_from_slice(u),
            }
        }
        let flat = if latin1 { Repr::Latin1(out8.into()) } else { Repr::Utf16(out16.into()) };
        // SAFETY: no view of this rope's representation exists (ropes hand
        // out none), and the mutator is single-threaded.
        unsafe { *self.repr.get() = flat };
    }

    /// Code unit at `i` (flattens).
    pub fn at(&self, i: usize) -> u16 {
        self.flat().at(i)
    }

    /// The contents as UTF-16.
    pub fn to_units(&self) -> Vec<u16> {
        self.flat().to_vec()
    }

    /// The contents as Rust text, lone surrogates replaced by U+FFFD.
    pub fn to_rust_string(&self) -> String {
        match self.flat() {
            Flat::Latin1(b) => b.iter().map(|&c| c as char).collect(),
            Flat::Utf16(u) => String::from_utf16_lossy(u),
        }
    }

    /// Whether two strings have the same contents.
    pub fn content_eq(&self, other: &JsString) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        if self.len() != other.len() || (self.is_atom() && other.is_atom()) {
            return false;
        }
        let (a, b) = (self.flat(), other.flat());
        match (a, b) {
            (Flat::Latin1(x), Flat::Latin1(y)) => x == y,
            (Flat::Utf16(x), Flat::Utf16(y)) => x == y,
            _ => a.units().eq(b.units()),
        }
    }

    /// Lexicographic comparison by code units (the `<` of strings).
    pub fn compare(&self, other: &JsString) -> std::cmp::Ordering {
        let (a, b) = (self.flat(), other.flat());
        match (a, b) {
            (Flat::Latin1(x), Flat::Latin1(y)) => x.cmp(y),
            _ => a.units().cmp(b.units()),
        }
    }

    /// A content hash (FNV-1a over code units), cached.
    pub fn hash(&self) -> u32 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        let h = hash_units(self.flat().units()) | 1;
        self.hash.set(h);
        h
    }
}

fn hash_units(units: impl Iterator<Item = u16>) -> u32 {
    let mut h: u32 = 0x811C_9DC5;
    for u in units {
        h = (h ^ u as u32).wrapping_mul(0x0100_0193);
    }
    h
}

/// Concatenates two strings: a rope when long enough, else a flat copy.
/// `Err` when the result would exceed [`MAX_STRING_LENGTH`].
pub fn concat_payload(left: Gc<JsString>, right: Gc<JsString>) -> Result<JsString, ()> {
    let len = left.len() + right.len();
    if len > MAX_STRING_LENGTH {
        return Err(());
    }
    if len >= MIN_ROPE_LENGTH && !left.is_empty() && !right.is_empty() {
        return Ok(JsString::rope(left, right));
    }
    if left.is_latin1() && right.is_latin1() {
        let mut v = Vec::with_capacity(len);
        for s in [left, right] {
            if let Flat::Latin1(b) = s.flat() {
                v.extend_from_slice(b);
            }
        }
        return Ok(JsString::from_latin1(v.into()));
    }
    let mut v = left.to_units();
    v.extend(right.flat().units());
    Ok(JsString { repr: UnsafeCell::new(Repr::Utf16(v.into())), hash: Cell::new(0), atom: Cell::new(false) })
}

/// The interned strings used as property keys. Atoms are strong roots for
/// the life of the VM (a weak atom table is a later refinement).
#[derive(Default)]
pub struct AtomTable {
    map: HashMap<Box<[u16]>, Gc<JsString>>,
}

impl AtomTable {
    /// The atom with these contents, if interned.
    pub fn get(&self, units: &[u16]) -> Option<Gc<JsString>> {
        self.map.get(units).copied()
    }
    /// Records a new atom (the caller allocated `s` with these contents).
    pub fn insert(&mut self, units: Box<[u16]>, s: Gc<JsString>) {
        s.atom.set(true);
        self.map.insert(units, s);
    }
    /// Reports every atom to the collector.
    pub fn trace(&self, t: &mut Tracer) {
        for s in self.map.values() {
            t.mark(s.cell());
        }
    }
    /// Number of atoms.
    pub fn len(&self) -> usize {
        self.map.len()
    }
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}
