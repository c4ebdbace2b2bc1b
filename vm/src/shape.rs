//! Shapes (V8's maps, JavaScriptCore's structures): what named properties
//! an object has, in which slots, with which attributes, and its prototype.
//!
//! Shapes form a transition tree from a root shape per prototype: adding a
//! property to an object moves it to the child shape for (key, attributes),
//! created once and then shared, so objects built the same way share a
//! shape and an inline cache can test one pointer. Shared shapes are
//! immutable. An object that deletes a property, changes attributes or
//! prototype, or grows past [`MAX_FAST_PROPERTIES`] gets a dictionary
//! shape: unshared, mutated in place, and never cached by ICs.
//!
//! Slot `i` of an object holds the value of the shape's `i`-th key.
//!
//! A shape also fixes the object's layout: how many slots live in the
//! cell (the rest out of line) and whether it is an Array. Roots are
//! therefore per (prototype, inline capacity, Array-ness), and an inline
//! cache that matched the shape knows where a slot is without reading the
//! object (JavaScriptCore's structures fix the inline capacity the same
//! way).

use std::cell::{Cell, RefCell, UnsafeCell};
use std::collections::HashMap;
use std::rc::Rc;

use strata_gc::{Gc, Trace, Tracer};

use crate::property::{Attrs, BuildKeyHasher, PropertyKey};
use crate::value::Value;

/// Named properties beyond which an object goes to dictionary mode.
pub const MAX_FAST_PROPERTIES: usize = 64;

/// The ordered key → (slot, attributes) table of a shape.
#[derive(Clone, Default)]
pub struct PropertyTable {
    /// Keys in slot order; `None` marks a deleted slot (dictionary only).
    pub keys: Vec<Option<(PropertyKey, Attrs)>>,
    index: HashMap<PropertyKey, u32, BuildKeyHasher>,
}

impl PropertyTable {
    /// The slot and attributes of `key`.
    #[inline]
    pub fn lookup(&self, key: PropertyKey) -> Option<(u32, Attrs)> {
        let slot = *self.index.get(&key)?;
        self.keys[slot as usize].map(|(_, a)| (slot, a))
    }
    fn push(&mut self, key: PropertyKey, attrs: Attrs) -> u32 {
        let slot = self.keys.len() as u32;
        self.keys.push(Some((key, attrs)));
        self.index.insert(key, slot);
        slot
    }
    /// Live entries, in insertion order.
    pub fn entries(&self) -> impl Iterator<Item = (u32, PropertyKey, Attrs)> + '_ {
        self.keys.iter().enumerate().filter_map(|(i, e)| e.map(|(k, a)| (i as u32, k, a)))
    }
    /// Number of live properties.
    pub fn len(&self) -> usize {
        self.index.len()
    }
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
}

/// A shape cell.
pub struct Shape {
    proto: Cell<Value>,
    table: UnsafeCell<Rc<PropertyTable>>,
    /// The first transition recorded, in the cell: most shapes have at
    /// most one, and marking then reads no separate allocation (V8's
    /// maps hold a single transition the same way).
    first_transition: Cell<Option<((PropertyKey, Attrs), Gc<Shape>)>>,
    /// The other transitions.
    transitions: RefCell<HashMap<(PropertyKey, Attrs), Gc<Shape>, BuildKeyHasher>>,
    dictionary: bool,
    /// Slots in the cell of every object of this shape.
    inline_capacity: u32,
    /// Whether its objects are Arrays.
    array: bool,
    /// A root: the next root of the same prototype (another layout).
    next_root: Cell<Option<Gc<Shape>>>,
    /// A transition child: the shape it was made from, whose table holds
    /// every key of this one's but the last. The collector traces the
    /// parent instead of the copied keys, so marking a shape costs one key,
    /// not the whole table (V8's maps keep the same back pointer).
    parent: Option<Gc<Shape>>,
    /// A transition child's last key (the one its parent lacks), kept
    /// here so that marking reads it without touching the table.
    added: Option<PropertyKey>,
}
strata_gc::cell_type!(Shape);

// SAFETY: reports the prototype, every key and every transition target.
unsafe impl Trace for Shape {
    fn trace(&self, t: &mut Tracer) {
        self.proto.get().trace(t);
        match self.parent {
            // A child's keys are its parent's plus the last one.
            Some(parent) if !self.dictionary => {
                t.mark(parent.cell());
                if let Some(k) = self.added {
                    k.trace(t);
                }
            }
            _ => {
                for (_, k, _) in self.table().entries() {
                    k.trace(t);
                }
            }
        }
        if let Some((_, s)) = self.first_transition.get() {
            t.mark(s.cell());
            let more = self.transitions.borrow();
            if !more.is_empty() {
                for s in more.values() {
                    t.mark(s.cell());
                }
            }
        }
        self.next_root.get().trace(t);
    }
}

impl Shape {
    /// A root shape (no properties) for objects with prototype `proto`,
    /// `inline_capacity` slots in the cell, Arrays or not; `next` is the
    /// root of the same prototype it is linked after.
    pub fn root(proto: Value, inline_capacity: u32, array: bool, next: Option<Gc<Shape>>) -> Shape {
        Shape {
            proto: Cell::new(proto),
            table: UnsafeCell::new(Rc::new(PropertyTable::default())),
            first_transition: Cell::new(None),
            transitions: RefCell::new(HashMap::default()),
            dictionary: false,
            inline_capacity,
            array,
            next_root: Cell::new(next),
            parent: None,
            added: None,
        }
    }

    /// A dictionary shape with a copy of `from`'s properties (and layout).
    pub fn dictionary_from(from: &Shape, proto: Value) -> Shape {
        Shape {
            proto: Cell::new(proto),
            table: UnsafeCell::new(Rc::new(from.table().clone())),
            first_transition: Cell::new(None),
            transitions: RefCell::new(HashMap::default()),
            dictionary: true,
            inline_capacity: from.inline_capacity,
            array: from.array,
            next_root: Cell::new(None),
            parent: None,
            added: None,
        }
    }

    /// Slots in the cell of its objects.
    #[inline]
    pub fn inline_capacity(&self) -> u32 {
        self.inline_capacity
    }

    /// Whether its objects are Arrays.
    #[inline]
    pub fn is_array(&self) -> bool {
        self.array
    }

    /// The root of this root's prototype with this layout, searching the
    /// chain of roots that starts here.
    pub fn find_root(first: Option<Gc<Shape>>, inline_capacity: u32, array: bool) -> Option<Gc<Shape>> {
        let mut cur = first;
        while let Some(s) = cur {
            if s.inline_capacity == inline_capacity && s.array == array {
                return Some(s);
            }
            cur = s.next_root.get();
        }
        None
    }

    /// The prototype (an object or null).
    #[inline]
    pub fn proto(&self) -> Value {
        self.proto.get()
    }

    /// Whether this is an unshared dictionary shape.
    #[inline]
    pub fn is_dictionary(&self) -> bool {
        self.dictionary
    }

    /// The property table.
    #[inline]
    pub fn table(&self) -> &PropertyTable {
        // SAFETY: shared shapes never change their table; a dictionary
        // shape's table changes only through `&self` methods below that
        // take no outstanding reference across the change (Rc::make_mut on
        // a table nobody else borrows at that moment).
        unsafe { &*self.table.get() }
    }

    /// Looks up a named property.
    #[inline]
    pub fn lookup(&self, key: PropertyKey) -> Option<(u32, Attrs)> {
        self.table().lookup(key)
    }

    /// The cached transition for adding (key, attrs), if any.
    pub fn transition(&self, key: PropertyKey, attrs: Attrs) -> Option<Gc<Shape>> {
        match self.first_transition.get() {
            Some((k, to)) if k == (key, attrs) => Some(to),
            Some(_) => self.transitions.borrow().get(&(key, attrs)).copied(),
            None => None,
        }
    }

    /// The payload of the child shape that adds (key, attrs).
    pub fn child_payload(this: Gc<Shape>, key: PropertyKey, attrs: Attrs) -> Shape {
        debug_assert!(!this.dictionary);
        let mut table = this.table().clone();
        table.push(key, attrs);
        Shape {
            proto: Cell::new(this.proto.get()),
            table: UnsafeCell::new(Rc::new(table)),
            first_transition: Cell::new(None),
            transitions: RefCell::new(HashMap::default()),
            dictionary: false,
            inline_capacity: this.inline_capacity,
            array: this.array,
            next_root: Cell::new(None),
            parent: Some(this),
            added: Some(key),
        }
    }

    /// Records a transition.
    pub fn add_transition(&self, key: PropertyKey, attrs: Attrs, to: Gc<Shape>) {
        match self.first_transition.get() {
            None => self.first_transition.set(Some(((key, attrs), to))),
            Some((k, _)) if k == (key, attrs) => self.first_transition.set(Some(((key, attrs), to))),
            Some(_) => {
                self.transitions.borrow_mut().insert((key, attrs), to);
            }
        }
    }

    fn table_mut(&self) -> &mut PropertyTable {
        debug_assert!(self.dictionary);
        // SAFETY: dictionary shapes belong to one object; callers hold no
        // reference from `table()` across this call (see `table`).
        Rc::make_mut(unsafe { &mut *self.table.get() })
    }

    /// Dictionary mode: appends a property; returns its slot.
    pub fn dict_add(&self, key: PropertyKey, attrs: Attrs) -> u32 {
        self.table_mut().push(key, attrs)
    }

    /// Dictionary mode: removes a property; returns its former slot.
    pub fn dict_remove(&self, key: PropertyKey) -> Option<u32> {
        let t = self.table_mut();
        let slot = t.index.remove(&key)?;
        t.keys[slot as usize] = None;
        Some(slot)
    }

    /// Dictionary mode: changes attributes.
    pub fn dict_set_attrs(&self, slot: u32, attrs: Attrs) {
        if let Some((_, a)) = &mut self.table_mut().keys[slot as usize] {
            *a = attrs;
        }
    }

    /// Dictionary mode: changes the prototype.
    pub fn dict_set_proto(&self, proto: Value) {
        debug_assert!(self.dictionary);
        self.proto.set(proto);
    }
}
