//! The order-preserving hash table behind Map and Set ([[MapData]] and
//! [[SetData]], ECMA-262 §24.1 and §24.2), and the cursors their iterators,
//! `forEach` and the set methods walk it with.
//!
//! The spec describes a list of records that only ever grows: deleting a
//! key turns its record into `empty`, `clear` empties them all, and a
//! walk visits index after index, so it sees keys added behind it and
//! skips deleted ones. The table keeps that list literally — `entries`,
//! with tombstones (a key of `Value::HOLE`) — plus a hash index from key
//! to position, and compacts the list once tombstones outnumber live
//! entries. Compaction and `clear` are the only moves, and they rewrite
//! every live [`Cursor`] so that it points at the same next entry: each
//! cursor is an `Rc` the walker owns, and the table holds it weakly.
//!
//! Keys: SameValueZero. [`canonical_key`] turns -0 into +0 (the spec's
//! CanonicalizeKeyedCollectionKey) and every integral number into an
//! int32 encoding, so numbers compare by bits; strings and BigInts compare
//! and hash by content; everything else (objects, symbols, booleans...) by its
//! encoding — the collector never moves cells, so an address is an
//! identity.
//!
//! Invariants: `index` maps the canonical key of every live entry to its
//! position and nothing else; `live` counts the live entries. Callers hold
//! no borrow of a table across anything that runs JavaScript or allocates.

use std::cell::Cell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::{Rc, Weak};

use strata_gc::{Trace, Tracer};

use crate::string::JsString;
use crate::value::Value;

/// CanonicalizeKeyedCollectionKey: -0 becomes +0, and integral numbers
/// take the int32 encoding, so equal numbers have equal bits.
#[inline]
pub fn canonical_key(v: Value) -> Value {
    match v.as_number() {
        Some(d) if d == 0.0 => Value::int(0),
        Some(d) if v.is_double() => Value::number(d),
        _ => v,
    }
}

/// A word hasher for keys (FxHash's mix, finished with a multiply-shift
/// so that 8-aligned addresses still spread over the low bits).
#[derive(Default)]
pub struct KeyHasher(u64);

const MIX: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(MIX);
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
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

/// The hasher builder for tables keyed by values or addresses.
pub type BuildKeyHasher = BuildHasherDefault<KeyHasher>;

/// A canonical key as the hash index sees it: strings and BigInts by
/// content, the rest
/// by encoding. It names a cell the table's entries keep alive.
#[derive(Copy, Clone)]
struct IndexKey(Value);

impl Hash for IndexKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        if let Some(s) = self.0.as_gc::<JsString>() {
            state.write_u32(JsString::hash(&s));
        } else if let Some(b) = self.0.as_bigint() {
            b.value().hash(state);
        } else {
            state.write_u64(self.0.bits());
        }
    }
}

impl PartialEq for IndexKey {
    fn eq(&self, other: &Self) -> bool {
        if self.0.bits() == other.0.bits() {
            return true;
        }
        if let (Some(a), Some(b)) = (self.0.as_gc::<JsString>(), other.0.as_gc::<JsString>()) {
            return a.content_eq(&b);
        }
        match (self.0.as_bigint(), other.0.as_bigint()) {
            (Some(a), Some(b)) => a.value() == b.value(),
            _ => false,
        }
    }
}
impl Eq for IndexKey {}

/// A walker's position in a table: the index of the next entry to look
/// at. The table rewrites it when it compacts or clears.
#[derive(Default)]
pub struct Cursor(Cell<usize>);

/// One record of the list.
#[derive(Copy, Clone)]
struct Entry {
    /// The canonical key, or `Value::HOLE` once deleted.
    key: Value,
    value: Value,
}

/// Tables smaller than this never compact (tombstones are cheap there).
const MIN_COMPACT_LEN: usize = 16;

/// The table. Sets use it with every value `undefined`.
#[derive(Default)]
pub struct OrderedTable {
    entries: Vec<Entry>,
    index: HashMap<IndexKey, usize, BuildKeyHasher>,
    live: usize,
    cursors: Vec<Weak<Cursor>>,
    /// `cursors.len()` after the last pruning of dead cursors.
    cursors_pruned: usize,
    /// Bytes reported to the collector as external memory.
    external: usize,
}

// SAFETY: reports every live key and value; the index holds only keys that
// are also in `entries`, and cursors hold no references.
unsafe impl Trace for OrderedTable {
    fn trace(&self, t: &mut Tracer) {
        for e in &self.entries {
            if !e.key.is_hole() {
                e.key.trace(t);
                e.value.trace(t);
            }
        }
    }
}

impl Drop for OrderedTable {
    fn drop(&mut self) {
        strata_gc::adjust_external(-(self.external as isize));
    }
}

impl OrderedTable {
    /// An empty table.
    pub fn new() -> OrderedTable {
        OrderedTable::default()
    }

    /// Live entries (the `size` getters).
    #[inline]
    pub fn len(&self) -> usize {
        self.live
    }

    /// Whether there are no live entries.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    fn position(&self, key: Value) -> Option<usize> {
        if self.live == 0 {
            return None;
        }
        self.index.get(&IndexKey(canonical_key(key))).copied()
    }

    /// The value stored under `key` (SameValueZero).
    pub fn get(&self, key: Value) -> Option<Value> {
        self.position(key).map(|i| self.entries[i].value)
    }

    /// Whether `key` is present (SameValueZero).
    pub fn has(&self, key: Value) -> bool {
        self.position(key).is_some()
    }

    /// Stores `value` under `key`: in place if present, else appended.
    pub fn set(&mut self, key: Value, value: Value) {
        let key = canonical_key(key);
        if let Some(i) = self.position(key) {
            self.entries[i].value = value;
            return;
        }
        self.append(key, value);
    }

    /// Appends `key` if absent (Set.prototype.add); returns whether it did.
    pub fn insert(&mut self, key: Value) -> bool {
        let key = canonical_key(key);
        if self.position(key).is_some() {
            return false;
        }
        self.append(key, Value::UNDEFINED);
        true
    }

    fn append(&mut self, key: Value, value: Value) {
        debug_assert!(!key.is_hole());
        let pos = self.entries.len();
        self.entries.push(Entry { key, value });
        self.index.insert(IndexKey(key), pos);
        self.live += 1;
        self.note_size();
    }

    /// Removes `key`; returns whether it was present.
    pub fn delete(&mut self, key: Value) -> bool {
        if self.live == 0 {
            return false;
        }
        let Some(pos) = self.index.remove(&IndexKey(canonical_key(key))) else {
            return false;
        };
        self.entries[pos] = Entry { key: Value::HOLE, value: Value::UNDEFINED };
        self.live -= 1;
        if self.live == 0 {
            self.clear();
        } else if self.entries.len() >= MIN_COMPACT_LEN && self.live * 2 < self.entries.len() {
            self.compact();
        }
        true
    }

    /// Removes every entry (Map/Set.prototype.clear). Live walkers continue
    /// with whatever is added next, as the spec's emptied list would.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.live = 0;
        self.for_each_cursor(|c| c.0.set(0));
        if self.entries.capacity() > 4 * MIN_COMPACT_LEN {
            self.entries.shrink_to(MIN_COMPACT_LEN);
            self.index.shrink_to(MIN_COMPACT_LEN);
        }
        self.note_size();
    }

    /// Drops the tombstones; every cursor moves to the same next live
    /// entry's new position.
    fn compact(&mut self) {
        let cursors: Vec<Rc<Cursor>> = self.cursors.iter().filter_map(Weak::upgrade).collect();
        // live_before[i]: live entries at positions < i (the new position
        // of the first live entry at or after i).
        let mut live_before = Vec::new();
        if !cursors.is_empty() {
            live_before.reserve(self.entries.len() + 1);
            let mut n = 0usize;
            for e in &self.entries {
                live_before.push(n);
                n += usize::from(!e.key.is_hole());
            }
            live_before.push(n);
        }
        self.entries.retain(|e| !e.key.is_hole());
        self.index.clear();
        for (i, e) in self.entries.iter().enumerate() {
            self.index.insert(IndexKey(e.key), i);
        }
        for c in &cursors {
            let at = c.0.get().min(live_before.len() - 1);
            c.0.set(live_before[at]);
        }
        self.cursors = cursors.iter().map(Rc::downgrade).collect();
        self.cursors_pruned = self.cursors.len();
        self.entries.shrink_to(self.entries.len() * 2);
        self.note_size();
    }

    fn for_each_cursor(&self, mut f: impl FnMut(&Cursor)) {
        for w in &self.cursors {
            if let Some(c) = w.upgrade() {
                f(&c);
            }
        }
    }

    /// A cursor at the start, registered so that compaction keeps it valid.
    pub fn cursor(&mut self) -> Rc<Cursor> {
        if self.cursors.len() >= 2 * self.cursors_pruned.max(4) {
            self.cursors.retain(|w| w.strong_count() > 0);
            self.cursors_pruned = self.cursors.len();
        }
        let c = Rc::new(Cursor::default());
        self.cursors.push(Rc::downgrade(&c));
        c
    }

    /// The live entry at or after the cursor, which moves past it; `None`
    /// at the end (the cursor stays there, so entries appended later are
    /// still found).
    pub fn next(&self, cursor: &Cursor) -> Option<(Value, Value)> {
        let mut i = cursor.0.get();
        while let Some(e) = self.entries.get(i) {
            i += 1;
            if !e.key.is_hole() {
                cursor.0.set(i);
                return Some((e.key, e.value));
            }
        }
        cursor.0.set(i);
        None
    }

    /// The live keys, in order (a snapshot: the caller roots them).
    pub fn keys(&self) -> impl Iterator<Item = Value> + '_ {
        self.entries.iter().filter(|e| !e.key.is_hole()).map(|e| e.key)
    }

    /// A copy with the same live entries, compacted (the set methods'
    /// "copy of O.[[SetData]]").
    pub fn copy(&self) -> OrderedTable {
        let mut t = OrderedTable::new();
        t.entries.reserve(self.live);
        for e in self.entries.iter().filter(|e| !e.key.is_hole()) {
            t.append(e.key, e.value);
        }
        t
    }

    /// Reports the table's outside memory to the collector's budget.
    fn note_size(&mut self) {
        let bytes = self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.index.capacity() * (std::mem::size_of::<(IndexKey, usize)>() + 1);
        strata_gc::adjust_external(bytes as isize - self.external as isize);
        self.external = bytes;
    }
}

/// The state of a Map or Set iterator (CreateMapIterator and
/// CreateSetIterator's closure, as data).
pub struct CollectionIterator {
    /// The Map or Set (undefined once the iterator is done).
    pub target: Cell<Value>,
    /// The next position in the target's table.
    pub cursor: Rc<Cursor>,
    /// What it yields.
    pub kind: crate::object::IterationKind,
}

// SAFETY: the target is the only reference.
unsafe impl Trace for CollectionIterator {
    fn trace(&self, t: &mut Tracer) {
        self.target.trace(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(i: i32) -> Value {
        Value::int(i)
    }

    #[test]
    fn same_value_zero_keys() {
        let mut t = OrderedTable::new();
        t.set(Value::double(-0.0), n(1));
        assert_eq!(t.get(n(0)), Some(n(1)));
        assert!(t.has(Value::double(0.0)));
        t.set(Value::double(f64::NAN), n(2));
        assert_eq!(t.get(Value::double(-f64::NAN)), Some(n(2)));
        t.set(Value::double(3.0), n(3));
        assert_eq!(t.get(n(3)), Some(n(3)));
        assert_eq!(t.len(), 3);
        // The stored key is +0.
        assert_eq!(t.keys().next(), Some(n(0)));
    }

    #[test]
    fn cursors_survive_deletes_compaction_and_clear() {
        let mut t = OrderedTable::new();
        for i in 0..40 {
            t.insert(n(i));
        }
        let c = t.cursor();
        for i in 0..10 {
            assert_eq!(t.next(&c).map(|e| e.0), Some(n(i)));
        }
        // Deleting most entries compacts; the cursor keeps its place.
        for i in 0..35 {
            if i != 3 {
                t.delete(n(i));
            }
        }
        assert!(t.entries.len() < 40, "compacted");
        let rest: Vec<Value> = std::iter::from_fn(|| t.next(&c).map(|e| e.0)).collect();
        assert_eq!(rest, (35..40).map(n).collect::<Vec<_>>());
        // Entries added after the end are still seen.
        t.insert(n(100));
        assert_eq!(t.next(&c).map(|e| e.0), Some(n(100)));
        // After clear, only what is added next.
        t.clear();
        t.insert(n(7));
        assert_eq!(t.next(&c).map(|e| e.0), Some(n(7)));
        assert_eq!(t.next(&c), None);
        // A deleted and re-added key moves to the end.
        let mut u = OrderedTable::new();
        let d = u.cursor();
        u.insert(n(1));
        u.insert(n(2));
        assert_eq!(u.next(&d).map(|e| e.0), Some(n(1)));
        u.delete(n(1));
        u.insert(n(1));
        let rest: Vec<Value> = std::iter::from_fn(|| u.next(&d).map(|e| e.0)).collect();
        assert_eq!(rest, vec![n(2), n(1)]);
    }

    #[test]
    fn dead_cursors_are_pruned() {
        let mut t = OrderedTable::new();
        for _ in 0..100 {
            let _c = t.cursor();
        }
        assert!(t.cursors.len() <= 8);
    }
}
