//! Inline caches for named property loads and stores, and for globals.
//!
//! Each IC site has a feedback slot whose [`IcState`] moves from
//! uninitialized to monomorphic (one receiver shape), polymorphic (up to
//! [`MAX_POLYMORPHISM`] shapes) and megamorphic, after which the site uses
//! the VM-wide [`StubCache`] keyed by (shape, key), as V8's megamorphic
//! stub cache does. Every tier reads these states; the interpreter checks
//! the monomorphic case inline.
//!
//! Validity. A shared (non-dictionary) shape fixes an object's own named
//! properties, their slots and attributes, and its prototype, so a handler
//! for an own property needs only the shape test. Handlers that depend on
//! other objects — a property found on a prototype, a property missing
//! from the whole chain, an add-property transition (which needs no setter
//! or read-only property up the chain) — also record the *structure
//! epoch*: a counter bumped whenever an object that prototypes or the
//! global object (objects flagged `watched`) changes structure (a property
//! added or deleted, attributes or the prototype changed). A stale epoch is
//! a miss. This is a coarse form of V8's prototype validity cells: writes
//! to existing properties never bump it, so steady-state code keeps its
//! caches. Dictionary-mode receivers are never cached (their shape is
//! mutated in place); dictionary-mode holders on a prototype chain are,
//! since any change to them bumps the epoch.
//!
//! Proxies are never cached, as receivers or on a chain: each has an
//! unshared dictionary shape no ordinary object shares, and handler
//! computation stops at a proxy on the prototype chain (its shape says
//! nothing about what its traps answer). So no entry, stub-cache line or
//! [`JitMirror`] ever matches a proxy, and every tier calls its traps.
//!
//! Array objects keep `length` outside their shape, so an entry also
//! records whether the receiver was an Array and `length` on an Array is a
//! handler of its own.
//!
//! String primitives are receivers too (`s.length`, `s.charCodeAt`): a
//! site records them under a shape no object has, a root of the realm's
//! `String.prototype` with the inline capacity [`STRING_RECEIVER_LAYOUT`]
//! (objects get at most `MAX_INLINE_SLOTS`), with `StringLength` or a
//! prototype handler. Compiled code never matches it: its shape test
//! runs only on objects.

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicU32, Ordering};

use strata_gc::{Gc, Trace, Tracer};

use crate::object::{Accessor, JsObject};
use crate::property::PropertyKey;
use crate::shape::Shape;
use crate::value::Value;

/// The inline capacity of the shape ICs record string receivers under
/// (no object has it: see the module docs).
pub const STRING_RECEIVER_LAYOUT: u32 = u32::MAX;

/// Shapes a polymorphic IC holds before going megamorphic.
pub const MAX_POLYMORPHISM: usize = 4;

static STRUCTURE_EPOCH: AtomicU32 = AtomicU32::new(1);

/// The current structure epoch.
#[inline(always)]
pub fn epoch() -> u32 {
    STRUCTURE_EPOCH.load(Ordering::Relaxed)
}

/// Where the epoch lives (compiled code compares it inline).
pub fn epoch_address() -> usize {
    &STRUCTURE_EPOCH as *const AtomicU32 as usize
}

/// Invalidates every epoch-dependent handler (a watched object changed
/// structure).
#[inline]
pub fn bump_epoch() {
    STRUCTURE_EPOCH.fetch_add(1, Ordering::Relaxed);
}

/// What a cached site does for one receiver shape.
#[derive(Copy, Clone)]
pub enum Handler {
    /// Load or store the receiver's own data property in slot `n`.
    OwnSlot(u32),
    /// Load a data property from `holder` (on the prototype chain), slot `n`.
    ProtoSlot(Gc<JsObject>, u32),
    /// Call the getter of the accessor in `holder`'s slot `n`, a prototype.
    Getter(Gc<JsObject>, u32),
    /// Call the getter of the accessor in the receiver's own slot `n`
    /// (objects of one shape may hold different accessor pairs).
    OwnGetter(u32),
    /// The property is nowhere on the chain: undefined.
    Missing,
    /// `length` of an Array.
    ArrayLength,
    /// `length` of a string primitive (see [`STRING_RECEIVER_LAYOUT`]).
    StringLength,
    /// Add the property: move to shape `to` and append the value (slot
    /// `n`, the old shape's property count).
    Transition(Gc<Shape>, u32),
}

impl Handler {
    /// Whether validity depends on objects other than the receiver.
    fn needs_epoch(&self) -> bool {
        !matches!(self, Handler::OwnSlot(_) | Handler::ArrayLength | Handler::StringLength)
    }
    /// Name for traces.
    pub fn name(&self) -> &'static str {
        match self {
            Handler::OwnSlot(_) => "own slot",
            Handler::ProtoSlot(..) => "prototype slot",
            Handler::Getter(..) => "getter",
            Handler::OwnGetter(_) => "own getter",
            Handler::Missing => "missing",
            Handler::ArrayLength => "array length",
            Handler::StringLength => "string length",
            Handler::Transition(..) => "transition",
        }
    }
}

/// One cached (shape → handler) case.
#[derive(Copy, Clone)]
pub struct IcEntry {
    /// The receiver shape.
    pub shape: Gc<Shape>,
    /// Whether the receiver was an Array exotic object.
    pub is_array: bool,
    /// The structure epoch the handler was computed in (0: not needed).
    pub epoch: u32,
    /// What to do.
    pub handler: Handler,
}

impl IcEntry {
    /// An entry; records the epoch when the handler needs it.
    pub fn new(shape: Gc<Shape>, is_array: bool, handler: Handler) -> IcEntry {
        let epoch = if handler.needs_epoch() { epoch() } else { 0 };
        IcEntry { shape, is_array, epoch, handler }
    }
    /// Whether the entry applies to `obj` now. A shape fixes Array-ness
    /// (roots are per Array-ness, and transitions and dictionary copies
    /// keep it), so the shape compare covers `is_array`.
    #[inline(always)]
    pub fn matches(&self, obj: &JsObject) -> bool {
        debug_assert!(self.shape != obj.shape() || self.is_array == obj.is_array());
        self.shape == obj.shape() && (self.epoch == 0 || self.epoch == epoch())
    }
    /// Whether the entry applies now to the cell whose shape word
    /// ([`JsObject::shape_word`]) is `word`: then the cell is an object
    /// of the entry's shape.
    #[inline(always)]
    pub fn matches_word(&self, word: usize) -> bool {
        self.shape.as_ptr() as usize == word && (self.epoch == 0 || self.epoch == epoch())
    }
}

/// The state of a property IC.
#[derive(Clone, Default)]
pub enum IcState {
    /// Never executed (or never cacheable so far).
    #[default]
    Uninitialized,
    /// One shape.
    Monomorphic(IcEntry),
    /// Two to [`MAX_POLYMORPHISM`] shapes.
    Polymorphic(Vec<IcEntry>),
    /// Too many shapes: the stub cache.
    Megamorphic,
    /// A global load or store site: where the binding lives.
    Global(GlobalEntry),
    /// A `new` site: the shape of the objects it allocates.
    Allocation(Gc<Shape>),
}

/// Where a global binding lives.
#[derive(Copy, Clone)]
pub enum GlobalTarget {
    /// A script-level lexical binding (boxed in the realm's table, which
    /// never removes entries, so the address is stable).
    Lexical(*const crate::realm::ScriptLexical),
    /// A data property of the global object in slot `n`.
    Property(u32),
}

/// A cached global binding, valid in its realm while the structure epoch
/// is unchanged (the global object is watched, and new lexical
/// declarations bump the epoch).
#[derive(Copy, Clone)]
pub struct GlobalEntry {
    /// The realm whose global environment the site read.
    pub realm: Gc<crate::realm::Realm>,
    /// The binding.
    pub target: GlobalTarget,
    /// Epoch at caching time.
    pub epoch: u32,
}

impl GlobalEntry {
    /// Whether the entry holds for code running in `realm`.
    #[inline(always)]
    pub fn valid(&self, realm: Option<Gc<crate::realm::Realm>>) -> bool {
        Some(self.realm) == realm && self.epoch == epoch()
    }
}

impl IcState {
    /// Name for traces and `--print-feedback`.
    pub fn name(&self) -> &'static str {
        match self {
            IcState::Uninitialized => "uninitialized",
            IcState::Monomorphic(_) => "monomorphic",
            IcState::Polymorphic(_) => "polymorphic",
            IcState::Megamorphic => "megamorphic",
            IcState::Global(_) => "global",
            IcState::Allocation(_) => "allocation",
        }
    }
    /// The entry for receivers of `shape` that are not objects (see
    /// [`STRING_RECEIVER_LAYOUT`]), if cached and valid.
    #[inline]
    pub fn find_shape(&self, shape: Gc<Shape>) -> Option<Handler> {
        let hit = |e: &IcEntry| e.shape == shape && e.epoch_valid();
        match self {
            IcState::Monomorphic(e) if hit(e) => Some(e.handler),
            IcState::Polymorphic(v) => v.iter().find(|e| hit(e)).map(|e| e.handler),
            _ => None,
        }
    }
    /// The entry for `obj`, if cached and valid.
    #[inline(always)]
    pub fn find(&self, obj: &JsObject) -> Option<Handler> {
        match self {
            IcState::Monomorphic(e) if e.matches(obj) => Some(e.handler),
            IcState::Polymorphic(v) => v.iter().find(|e| e.matches(obj)).map(|e| e.handler),
            _ => None,
        }
    }
    /// Adds or replaces the case for `entry.shape`, dropping stale cases;
    /// past [`MAX_POLYMORPHISM`] shapes the site goes megamorphic.
    pub fn update(&mut self, entry: IcEntry) {
        *self = match std::mem::take(self) {
            IcState::Uninitialized => IcState::Monomorphic(entry),
            IcState::Monomorphic(e) if !e.epoch_valid() || (e.shape == entry.shape && e.is_array == entry.is_array) => {
                IcState::Monomorphic(entry)
            }
            IcState::Monomorphic(e) => IcState::Polymorphic(vec![e, entry]),
            IcState::Polymorphic(mut v) => {
                v.retain(|e| e.epoch_valid() && !(e.shape == entry.shape && e.is_array == entry.is_array));
                if v.len() >= MAX_POLYMORPHISM {
                    IcState::Megamorphic
                } else {
                    v.push(entry);
                    if v.len() == 1 { IcState::Monomorphic(v[0]) } else { IcState::Polymorphic(v) }
                }
            }
            IcState::Megamorphic => IcState::Megamorphic,
            IcState::Global(_) | IcState::Allocation(_) => IcState::Monomorphic(entry),
        }
    }
    fn trace(&self, t: &mut Tracer) {
        match self {
            IcState::Monomorphic(e) => e.trace(t),
            IcState::Polymorphic(v) => v.iter().for_each(|e| e.trace(t)),
            IcState::Global(g) => t.mark(g.realm.cell()),
            IcState::Allocation(s) => t.mark(s.cell()),
            IcState::Uninitialized | IcState::Megamorphic => {}
        }
    }
}

impl IcEntry {
    /// Whether the entry's epoch (if any) is still current.
    fn epoch_valid(&self) -> bool {
        self.epoch == 0 || self.epoch == epoch()
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.shape.cell());
        match self.handler {
            Handler::ProtoSlot(h, _) | Handler::Getter(h, _) => t.mark(h.cell()),
            Handler::Transition(s, _) => t.mark(s.cell()),
            Handler::OwnSlot(_)
            | Handler::OwnGetter(_)
            | Handler::Missing
            | Handler::ArrayLength
            | Handler::StringLength => {}
        }
    }
}

/// A feedback slot's IC state, mutated only by the thread running the VM.
#[derive(Default)]
pub struct IcCell(UnsafeCell<IcState>, JitMirror);

/// The data-property cases of a monomorphic or polymorphic IC state in
/// plain words, at fixed offsets, for compiled code's inline shape checks
/// (JavaScriptCore's baseline reads its IC data the same way): refreshed
/// by every update, so code compiled before a state change follows it.
#[repr(C)]
#[derive(Default)]
pub struct JitMirror {
    /// One entry per cached shape, in the state's order; unused entries
    /// (and handlers other than a data slot) have shape [`NO_SHAPE`].
    pub entries: [JitMirrorEntry; MAX_POLYMORPHISM],
}

/// The shape word of an unused [`JitMirrorEntry`]. Compiled code compares
/// the word at an object's shape offset of any cell with the entries, so
/// this must be a word no cell holds there: not 0 (the first word of some
/// cells), not an address; see `vm/tests/jit_layout.rs`.
pub const NO_SHAPE: usize = usize::MAX;

/// One cached shape of a [`JitMirror`].
#[repr(C)]
pub struct JitMirrorEntry {
    /// The receiver shape's address ([`NO_SHAPE`]: no entry).
    pub shape: std::cell::Cell<usize>,
    /// The prototype holding the property (0: the receiver itself).
    pub holder: std::cell::Cell<usize>,
    /// Where the slot is, for the object that has it (the receiver, or
    /// `holder`): see [`slot_location`]. A global site's entry for a
    /// global-object property has the same encoding.
    pub location: std::cell::Cell<u32>,
    /// The structure epoch a holder on the chain needs (0: none).
    pub epoch: std::cell::Cell<u32>,
    /// Whether the receiver must be an Array (1) or must not (0). For a
    /// global site's entry, [`GLOBAL_LEXICAL`] or [`GLOBAL_PROPERTY`]; for
    /// a string's `length`, [`STRING_LENGTH`].
    pub array: std::cell::Cell<u8>,
}

impl Default for JitMirrorEntry {
    fn default() -> JitMirrorEntry {
        JitMirrorEntry {
            shape: std::cell::Cell::new(NO_SHAPE),
            holder: Default::default(),
            location: Default::default(),
            epoch: Default::default(),
            array: Default::default(),
        }
    }
}

/// In a [`JitMirrorEntry`]'s location: the slot is out of line (the low
/// bits are its index in the out-of-line vector; clear: the low bits are
/// the byte offset of an inline slot from the cell's address).
pub const LOCATION_OUT_OF_LINE: u32 = 1 << 31;
/// In a [`JitMirrorEntry`]'s location: the slot is `holder`'s, an object
/// on the prototype chain (clear: the receiver's own).
pub const LOCATION_HOLDER: u32 = 1 << 30;
/// The low bits of a location.
pub const LOCATION_MASK: u32 = LOCATION_HOLDER - 1;

/// Where slot `n` of an object with `inline_capacity` slots in its cell
/// is, as a [`JitMirrorEntry`] location (compiled code reads the own,
/// inline case — all flags clear — with one test and one load).
pub fn slot_location(inline_capacity: u32, n: u32) -> u32 {
    if n < inline_capacity {
        (crate::object::INLINE_SLOTS_OFFSET + 8 * n as usize) as u32
    } else {
        LOCATION_OUT_OF_LINE | (n - inline_capacity)
    }
}

/// The location of a property site's mirror entry for an Array's
/// `length` (with `holder` 0, the only entry whose location has
/// [`LOCATION_HOLDER`] without a holder): compiled code reads the
/// array's length field.
pub const ARRAY_LENGTH_LOCATION: u32 = LOCATION_OUT_OF_LINE | LOCATION_HOLDER | LOCATION_MASK;

/// A property site's mirror entry for a string receiver's `length`:
/// `shape` is the string receiver shape (which no object has), the rest
/// unused.
pub const STRING_LENGTH: u8 = 4;

/// A global site's mirror (entry 0; `shape` is the realm, `epoch` the
/// structure epoch the binding was cached in) for a script-level lexical
/// binding: `holder` is the address of its value.
pub const GLOBAL_LEXICAL: u8 = 2;
/// A global site's mirror for a data property of the global object:
/// `holder` is the global object and `index` the slot.
pub const GLOBAL_PROPERTY: u8 = 3;

impl JitMirror {
    fn refresh(&self, state: &IcState) {
        if let IcState::Global(g) = state {
            let m = &self.entries[0];
            let (holder, location, kind) = match g.target {
                GlobalTarget::Lexical(p) => {
                    // SAFETY: lexical bindings are boxed and never removed
                    // from their realm's table (see `GlobalTarget`); this
                    // only takes the address of the value inside.
                    (unsafe { std::ptr::addr_of!((*p).value) } as usize, 0, GLOBAL_LEXICAL)
                }
                GlobalTarget::Property(n) => {
                    let global = g.realm.global_object();
                    (global.as_ptr() as usize, slot_location(global.inline_capacity(), n), GLOBAL_PROPERTY)
                }
            };
            m.shape.set(g.realm.as_ptr() as usize);
            m.holder.set(holder);
            m.location.set(location);
            m.epoch.set(g.epoch);
            m.array.set(kind);
            for m in &self.entries[1..] {
                m.shape.set(NO_SHAPE);
            }
            return;
        }
        let cached: &[IcEntry] = match state {
            IcState::Monomorphic(e) => std::slice::from_ref(e),
            IcState::Polymorphic(v) => v,
            _ => &[],
        };
        for (k, m) in self.entries.iter().enumerate() {
            // A shape fixes its objects' inline capacity (and Array-ness),
            // so the location holds for every receiver the entry matches.
            let (shape, holder, location, epoch, array) = match cached.get(k) {
                Some(e) => match e.handler {
                    Handler::OwnSlot(n) => {
                        (e.shape.as_ptr() as usize, 0, slot_location(e.shape.inline_capacity(), n), e.epoch, e.is_array)
                    }
                    Handler::ProtoSlot(h, n) => {
                        let location = LOCATION_HOLDER | slot_location(h.inline_capacity(), n);
                        (e.shape.as_ptr() as usize, h.as_ptr() as usize, location, e.epoch, e.is_array)
                    }
                    Handler::ArrayLength => (e.shape.as_ptr() as usize, 0, ARRAY_LENGTH_LOCATION, 0, e.is_array),
                    Handler::StringLength => {
                        m.shape.set(e.shape.as_ptr() as usize);
                        m.holder.set(0);
                        m.location.set(0);
                        m.epoch.set(0);
                        m.array.set(STRING_LENGTH);
                        continue;
                    }
                    _ => (NO_SHAPE, 0, 0, 0, false),
                },
                None => (NO_SHAPE, 0, 0, 0, false),
            };
            m.shape.set(shape);
            m.holder.set(holder);
            m.location.set(location);
            m.epoch.set(epoch);
            m.array.set(array as u8);
        }
    }
}

impl IcCell {
    /// Offset of the [`JitMirror`] in the cell.
    pub fn mirror_offset() -> usize {
        std::mem::offset_of!(IcCell, 1)
    }
    /// The compiled-code view of the state.
    pub fn mirror(&self) -> &JitMirror {
        &self.1
    }

    /// The state. The reference must not be held across an update.
    #[inline(always)]
    pub fn get(&self) -> &IcState {
        // SAFETY: states change only through `set`/`update_with`, which
        // callers never run while holding a reference from `get` (the
        // interpreter copies the handler out first).
        unsafe { &*self.0.get() }
    }
    /// Applies `f` to the state.
    pub fn update_with<R>(&self, f: impl FnOnce(&mut IcState) -> R) -> R {
        // SAFETY: as in `get`: no other reference is live.
        let r = f(unsafe { &mut *self.0.get() });
        self.1.refresh(self.get());
        r
    }
}

// SAFETY: reports every shape and holder the state references.
unsafe impl Trace for IcCell {
    fn trace(&self, t: &mut Tracer) {
        self.get().trace(t)
    }
}

/// Entries of the megamorphic stub cache.
const STUB_CACHE_SIZE: usize = 4096;

#[derive(Copy, Clone)]
struct StubEntry {
    key: PropertyKey,
    entry: IcEntry,
    store: bool,
}

/// The VM-wide megamorphic cache: (shape, key, load/store) → handler,
/// direct-mapped. Traced (its shapes stay alive until overwritten).
pub struct StubCache {
    entries: Box<[Option<StubEntry>]>,
}

impl Default for StubCache {
    fn default() -> Self {
        StubCache { entries: vec![None; STUB_CACHE_SIZE].into_boxed_slice() }
    }
}

fn key_bits(key: PropertyKey) -> usize {
    match key {
        PropertyKey::String(s) => s.as_ptr() as usize,
        PropertyKey::Symbol(s) => s.as_ptr() as usize,
        PropertyKey::Index(i) => i as usize,
    }
}

impl StubCache {
    fn index(shape: Gc<Shape>, key: PropertyKey, store: bool) -> usize {
        let h = (shape.as_ptr() as usize >> 4) ^ (key_bits(key) >> 3) ^ (store as usize);
        (h ^ (h >> 12)) & (STUB_CACHE_SIZE - 1)
    }
    /// The handler for `obj` and `key`, if cached and valid.
    #[inline]
    pub fn find(&self, obj: &JsObject, key: PropertyKey, store: bool) -> Option<Handler> {
        let e = self.entries[Self::index(obj.shape(), key, store)]?;
        (e.key == key && e.store == store && e.entry.matches(obj)).then_some(e.entry.handler)
    }
    /// Caches a handler.
    pub fn insert(&mut self, key: PropertyKey, entry: IcEntry, store: bool) {
        self.entries[Self::index(entry.shape, key, store)] = Some(StubEntry { key, entry, store });
    }
    /// Reports every cached shape, key and holder.
    pub fn trace(&self, t: &mut Tracer) {
        for e in self.entries.iter().flatten() {
            e.key.trace(t);
            e.entry.trace(t);
        }
    }
}

/// Reads the value an accessor slot holds.
pub(crate) fn getter_of(holder: Gc<JsObject>, slot: u32) -> Value {
    holder.slot(slot).as_gc::<Accessor>().map_or(Value::UNDEFINED, |a| a.getter.get())
}
