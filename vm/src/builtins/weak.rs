//! The weak collections and references (ECMA-262 §24.3, §24.4, §26.1,
//! §26.2): WeakMap, WeakSet, WeakRef and FinalizationRegistry, and the
//! heap cells that make them weak.
//!
//! Each instance is an ordinary `JsObject` whose kind points at a cell of
//! a weak type (`cell_type!(T, weak)`), because only such cells get the
//! collector's `process_weak` call after marking:
//! - [`WeakTable`] (WeakMap, WeakSet): an ephemeron table. Its trace
//!   reports each entry with `Tracer::ephemeron`, which marks the value
//!   once the key is marked, so a value stays alive exactly as long as its
//!   key does, even through chains of entries and tables, in time linear
//!   in the entries; weak processing then drops the entries whose keys
//!   died. Keys are objects or unregistered symbols (CanBeHeldWeakly),
//!   compared by address — the collector never moves cells, and dead keys
//!   leave the table before their address can be reused.
//! - [`WeakTarget`] (WeakRef): one `WeakSlot`.
//! - [`FinalizationCells`] (FinalizationRegistry): [[Cells]], each a weak
//!   target and weak unregister token with strongly held holdings. When
//!   weak processing finds a target dead it puts the registry on the VM's
//!   pending list ([`WeakRoots`]); the next microtask checkpoint turns that
//!   into a cleanup job (HostEnqueueFinalizationRegistryCleanupJob), which
//!   calls the callback once per dead cell. `cleanupSome` (withdrawn from
//!   the proposal) is not provided.
//!
//! [[KeptAlive]] (AddToKeptObjects, §9.10): `new WeakRef` and `deref` add
//! their target to [`WeakRoots::kept_alive`], a VM root, which
//! `Vm::clear_kept_objects` empties at the end of every microtask
//! checkpoint — the end of the synchronous run of a script or job — and
//! `$262.clearKeptObjects` on demand.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use strata_gc::{CellPtr, Gc, Trace, Tracer, WeakProcessor, WeakSlot};

use super::map::{add_entries_from_iterable, get_adder, not_callable, requires_new, to_string_tag};
use super::ordered_table::BuildKeyHasher;
use super::set::add_values_from_iterable;
use super::{constructor, method};
use crate::conversions::same_value;
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::realm::Intrinsic;
use crate::symbol::Symbol;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Installs WeakMap, WeakSet, WeakRef and FinalizationRegistry.
pub fn init(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let op = Value::from_gc(vm.intrinsic(Intrinsic::ObjectPrototype));

    let proto = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::WeakMapPrototype, proto);
    constructor(vm, global, "WeakMap", 0, weak_map_ctor, proto)?;
    method(vm, proto, "delete", 1, weak_map_delete)?;
    method(vm, proto, "get", 1, weak_map_get)?;
    method(vm, proto, "getOrInsert", 2, weak_map_get_or_insert)?;
    method(vm, proto, "getOrInsertComputed", 2, weak_map_get_or_insert_computed)?;
    method(vm, proto, "has", 1, weak_map_has)?;
    method(vm, proto, "set", 2, weak_map_set)?;
    to_string_tag(vm, proto, "WeakMap")?;

    let proto = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::WeakSetPrototype, proto);
    constructor(vm, global, "WeakSet", 0, weak_set_ctor, proto)?;
    method(vm, proto, "add", 1, weak_set_add)?;
    method(vm, proto, "delete", 1, weak_set_delete)?;
    method(vm, proto, "has", 1, weak_set_has)?;
    to_string_tag(vm, proto, "WeakSet")?;

    let proto = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::WeakRefPrototype, proto);
    constructor(vm, global, "WeakRef", 1, weak_ref_ctor, proto)?;
    method(vm, proto, "deref", 0, weak_ref_deref)?;
    to_string_tag(vm, proto, "WeakRef")?;

    let proto = vm.new_object_with(op, ObjectKind::Ordinary)?;
    vm.realm().set_intrinsic(Intrinsic::FinalizationRegistryPrototype, proto);
    constructor(vm, global, "FinalizationRegistry", 1, registry_ctor, proto)?;
    method(vm, proto, "register", 2, registry_register)?;
    method(vm, proto, "unregister", 1, registry_unregister)?;
    to_string_tag(vm, proto, "FinalizationRegistry")?;
    Ok(())
}

/// CanBeHeldWeakly ( v ) (§9.13): objects, and symbols not in the
/// `Symbol.for` registry.
pub fn can_be_held_weakly(v: Value) -> bool {
    if v.as_gc::<JsObject>().is_some() {
        return true;
    }
    v.as_gc::<Symbol>().is_some_and(|s| !s.registered)
}

/// The cell of a value CanBeHeldWeakly accepted.
fn weak_cell(v: Value) -> Option<CellPtr> {
    if can_be_held_weakly(v) { v.as_cell() } else { None }
}

// ---- the VM's part ---------------------------------------------------------------

/// What the VM holds for weak references: [[KeptAlive]] and the
/// registries whose cleanup is due. Both are roots.
#[derive(Default)]
pub struct WeakRoots {
    /// Targets of WeakRefs created or dereferenced since the last
    /// ClearKeptObjects.
    pub kept_alive: HashSet<Value>,
    /// FinalizationRegistry objects with dead cells not yet given to a
    /// cleanup job. Weak processing appends to it (hence the shared
    /// cell: it runs inside the collector, without the VM).
    pub cleanup_pending: Rc<RefCell<Vec<Value>>>,
}

impl WeakRoots {
    /// Reports both lists.
    pub fn trace(&self, t: &mut Tracer<'_>) {
        for v in &self.kept_alive {
            v.trace(t);
        }
        for v in self.cleanup_pending.borrow().iter() {
            v.trace(t);
        }
    }
}

impl Vm {
    /// ClearKeptObjects (§9.10.1): WeakRef targets may die again.
    pub fn clear_kept_objects(&mut self) {
        self.roots.weak.kept_alive.clear();
    }

    /// Queues a cleanup job for every registry weak processing reported;
    /// returns whether it queued any.
    pub(crate) fn enqueue_finalization_cleanups(&mut self) -> bool {
        let pending = std::mem::take(&mut *self.roots.weak.cleanup_pending.borrow_mut());
        let any = !pending.is_empty();
        for registry in pending {
            self.enqueue_job(crate::jobs::Job::FinalizationCleanup(registry));
        }
        any
    }
}

// ---- WeakTable ----------------------------------------------------------------------

/// A table with weakly held keys: [[WeakMapData]] or [[WeakSetData]].
/// Entries are (key, value) by key address.
#[derive(Default)]
pub struct WeakTable {
    entries: RefCell<HashMap<usize, (Value, Value), BuildKeyHasher>>,
    /// Bytes reported to the collector as external memory.
    external: Cell<usize>,
}
strata_gc::cell_type!(WeakTable, weak);

// SAFETY: every entry is reported as an ephemeron, so its value is marked
// exactly when its key is; keys are never reported (they are weak). Weak
// processing removes the entries whose keys stayed unmarked.
unsafe impl Trace for WeakTable {
    fn trace(&self, t: &mut Tracer) {
        // SAFETY: a read while the mutator is stopped (as `RefCell`'s
        // `Trace` does); no mutator code holds a borrow across allocation.
        let entries = unsafe { &*self.entries.as_ptr() };
        for (key, value) in entries.values() {
            if let (Some(k), Some(v)) = (key.as_cell(), value.as_cell()) {
                t.ephemeron(k, v);
            }
        }
    }
}

impl Drop for WeakTable {
    fn drop(&mut self) {
        strata_gc::adjust_external(-(self.external.get() as isize));
    }
}

impl WeakTable {
    /// Called by the collector after marking: forgets dead keys.
    fn process_weak(&self, weak: &WeakProcessor) {
        // SAFETY: the collector runs while the mutator is stopped inside
        // an allocation, and no mutator code holds a borrow of `entries`
        // across one, so this is the only reference.
        let entries = unsafe { &mut *self.entries.as_ptr() };
        entries.retain(|_, (key, _)| key.as_cell().is_some_and(|k| weak.is_live(k)));
    }

    fn get(&self, key: CellPtr) -> Option<Value> {
        self.entries.borrow().get(&key.addr()).map(|e| e.1)
    }

    fn has(&self, key: CellPtr) -> bool {
        self.entries.borrow().contains_key(&key.addr())
    }

    fn set(&self, key: CellPtr, value: Value) {
        let mut entries = self.entries.borrow_mut();
        entries.insert(key.addr(), (Value::cell(key), value));
        let bytes = entries.capacity() * (std::mem::size_of::<(usize, (Value, Value))>() + 1);
        drop(entries);
        strata_gc::adjust_external(bytes as isize - self.external.get() as isize);
        self.external.set(bytes);
    }

    fn delete(&self, key: CellPtr) -> bool {
        self.entries.borrow_mut().remove(&key.addr()).is_some()
    }
}

/// The weak table of `this` if it is a WeakMap (`set == false`) or a
/// WeakSet; else the TypeError RequireInternalSlot throws.
fn this_table(vm: &mut Vm, this: Value, set: bool, method: &str) -> JsResult<Gc<WeakTable>> {
    if let Some(o) = this.as_gc::<JsObject>() {
        match (&o.kind, set) {
            (ObjectKind::WeakMap(t), false) | (ObjectKind::WeakSet(t), true) => return Ok(*t),
            _ => {}
        }
    }
    let what = vm.describe_value(this);
    let class = if set { "WeakSet" } else { "WeakMap" };
    Err(vm.type_error(&format!("Method {class}.prototype.{method} called on incompatible receiver {what}")))
}

fn invalid_key(vm: &mut Vm, key: Value, class: &str) -> crate::vm::Exception {
    let what = vm.describe_value(key);
    vm.type_error(&format!(
        "Invalid value used as {class} key: {what} (only objects and non-registered symbols can be held weakly)"
    ))
}

/// A new WeakMap or WeakSet for `new_target`.
fn new_weak_collection(vm: &mut Vm, new_target: Value, set: bool) -> JsResult<Gc<JsObject>> {
    let (name, fallback) =
        if set { ("WeakSet", Intrinsic::WeakSetPrototype) } else { ("WeakMap", Intrinsic::WeakMapPrototype) };
    if new_target.is_undefined() {
        return Err(requires_new(vm, name));
    }
    let proto = vm.prototype_from_constructor(new_target, fallback)?;
    let table = vm.alloc(WeakTable::default())?;
    let kind = if set { ObjectKind::WeakSet(table) } else { ObjectKind::WeakMap(table) };
    vm.new_object_with(proto, kind)
}

// ---- WeakMap ------------------------------------------------------------------------

/// WeakMap ( [ iterable ] ) (§24.3.1.1).
fn weak_map_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    let map = new_weak_collection(vm, new_target, false)?;
    let iterable = args.get(0);
    if !iterable.is_nullish() {
        let adder = get_adder(vm, map, "set", "WeakMap")?;
        add_entries_from_iterable(vm, map, iterable, adder)?;
    }
    Ok(Value::from_gc(map))
}

/// WeakMap.prototype.delete ( key ) (§24.3.3.2).
fn weak_map_delete(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_table(vm, this, false, "delete")?;
    Ok(Value::bool(weak_cell(args.get(0)).is_some_and(|k| t.delete(k))))
}

/// WeakMap.prototype.get ( key ) (§24.3.3.3).
fn weak_map_get(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_table(vm, this, false, "get")?;
    Ok(weak_cell(args.get(0)).and_then(|k| t.get(k)).unwrap_or(Value::UNDEFINED))
}

/// WeakMap.prototype.getOrInsert ( key, value ) (upsert, §24.3.3.4).
fn weak_map_get_or_insert(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_table(vm, this, false, "getOrInsert")?;
    let (key, value) = (args.get(0), args.get(1));
    let Some(k) = weak_cell(key) else { return Err(invalid_key(vm, key, "WeakMap")) };
    if let Some(v) = t.get(k) {
        return Ok(v);
    }
    t.set(k, value);
    Ok(value)
}

/// WeakMap.prototype.getOrInsertComputed ( key, callbackfn ) (upsert,
/// §24.3.3.5).
fn weak_map_get_or_insert_computed(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_table(vm, this, false, "getOrInsertComputed")?;
    let (key, f) = (args.get(0), args.get(1));
    let Some(k) = weak_cell(key) else { return Err(invalid_key(vm, key, "WeakMap")) };
    if !vm.is_callable(f) {
        return Err(not_callable(vm, f, "WeakMap.prototype.getOrInsertComputed: callback"));
    }
    if let Some(v) = t.get(k) {
        return Ok(v);
    }
    let value = vm.call(f, Value::UNDEFINED, &[key])?;
    t.set(k, value);
    Ok(value)
}

/// WeakMap.prototype.has ( key ) (§24.3.3.6).
fn weak_map_has(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_table(vm, this, false, "has")?;
    Ok(Value::bool(weak_cell(args.get(0)).is_some_and(|k| t.has(k))))
}

/// WeakMap.prototype.set ( key, value ) (§24.3.3.7).
fn weak_map_set(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_table(vm, this, false, "set")?;
    let key = args.get(0);
    let Some(k) = weak_cell(key) else { return Err(invalid_key(vm, key, "WeakMap")) };
    t.set(k, args.get(1));
    Ok(this)
}

// ---- WeakSet ------------------------------------------------------------------------

/// WeakSet ( [ iterable ] ) (§24.4.1.1).
fn weak_set_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    let set = new_weak_collection(vm, new_target, true)?;
    let iterable = args.get(0);
    if !iterable.is_nullish() {
        let adder = get_adder(vm, set, "add", "WeakSet")?;
        add_values_from_iterable(vm, set, iterable, adder)?;
    }
    Ok(Value::from_gc(set))
}

/// WeakSet.prototype.add ( value ) (§24.4.3.1).
fn weak_set_add(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_table(vm, this, true, "add")?;
    let value = args.get(0);
    let Some(k) = weak_cell(value) else { return Err(invalid_key(vm, value, "WeakSet")) };
    if !t.has(k) {
        t.set(k, Value::UNDEFINED);
    }
    Ok(this)
}

/// WeakSet.prototype.delete ( value ) (§24.4.3.3).
fn weak_set_delete(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_table(vm, this, true, "delete")?;
    Ok(Value::bool(weak_cell(args.get(0)).is_some_and(|k| t.delete(k))))
}

/// WeakSet.prototype.has ( value ) (§24.4.3.4).
fn weak_set_has(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let t = this_table(vm, this, true, "has")?;
    Ok(Value::bool(weak_cell(args.get(0)).is_some_and(|k| t.has(k))))
}

// ---- WeakRef ------------------------------------------------------------------------

/// [[WeakRefTarget]]: a weak slot the collector clears when the target
/// dies.
pub struct WeakTarget {
    slot: WeakSlot,
}
strata_gc::cell_type!(WeakTarget, weak);

// SAFETY: the only reference is weak, and tracing a weak slot does nothing.
unsafe impl Trace for WeakTarget {
    fn trace(&self, _t: &mut Tracer) {}
}

impl WeakTarget {
    /// Called by the collector after marking: clears a dead target.
    fn process_weak(&self, weak: &WeakProcessor) {
        self.slot.process(weak);
    }
}

/// WeakRef ( target ) (§26.1.1.1).
fn weak_ref_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if new_target.is_undefined() {
        return Err(requires_new(vm, "WeakRef"));
    }
    let target = args.get(0);
    let Some(cell) = weak_cell(target) else {
        let what = vm.describe_value(target);
        return Err(vm.type_error(&format!("WeakRef: target {what} cannot be held weakly")));
    };
    let proto = vm.prototype_from_constructor(new_target, Intrinsic::WeakRefPrototype)?;
    let slot = vm.alloc(WeakTarget { slot: WeakSlot::new(Some(cell)) })?;
    let weak_ref = vm.new_object_with(proto, ObjectKind::WeakRef(slot))?;
    vm.roots.weak.kept_alive.insert(target);
    Ok(Value::from_gc(weak_ref))
}

/// WeakRef.prototype.deref () (§26.1.3.2).
fn weak_ref_deref(vm: &mut Vm, this: Value, _args: Args, _nt: Value) -> JsResult<Value> {
    let slot = match this.as_gc::<JsObject>() {
        Some(o) => match &o.kind {
            ObjectKind::WeakRef(slot) => Some(*slot),
            _ => None,
        },
        None => None,
    };
    let Some(slot) = slot else {
        let what = vm.describe_value(this);
        return Err(vm.type_error(&format!("Method WeakRef.prototype.deref called on incompatible receiver {what}")));
    };
    match slot.slot.get() {
        Some(cell) => {
            let target = Value::cell(cell);
            vm.roots.weak.kept_alive.insert(target);
            Ok(target)
        }
        None => Ok(Value::UNDEFINED),
    }
}

// ---- FinalizationRegistry -------------------------------------------------------

/// A FinalizationRegistry's [[CleanupCallback]] and [[Cells]].
pub struct FinalizationCells {
    /// The registry object itself (what a cleanup job is queued with).
    registry: Cell<Value>,
    cleanup: Value,
    cells: RefCell<Vec<RegisteredCell>>,
    /// Whether the registry is on the VM's pending list or has a cleanup
    /// job queued.
    queued: Cell<bool>,
    /// The VM's pending list ([`WeakRoots::cleanup_pending`]).
    pending: Rc<RefCell<Vec<Value>>>,
}
strata_gc::cell_type!(FinalizationCells, weak);

/// One record of [[Cells]].
struct RegisteredCell {
    /// [[WeakRefTarget]]; empty once the target died.
    target: WeakSlot,
    /// [[HeldValue]]: held strongly.
    holdings: Value,
    /// [[UnregisterToken]]; empty when none was given (or it died).
    token: WeakSlot,
}

// SAFETY: reports the registry, the callback and every cell's holdings;
// targets and tokens are weak slots.
unsafe impl Trace for FinalizationCells {
    fn trace(&self, t: &mut Tracer) {
        self.registry.get().trace(t);
        self.cleanup.trace(t);
        // SAFETY: a read while the mutator is stopped (see `WeakTable`).
        for c in unsafe { &*self.cells.as_ptr() } {
            c.holdings.trace(t);
        }
    }
}

impl FinalizationCells {
    /// Called by the collector after marking: empties dead targets and
    /// tokens, and reports the registry once some cell needs cleanup.
    fn process_weak(&self, weak: &WeakProcessor) {
        // SAFETY: as in `WeakTable::process_weak`.
        let cells = unsafe { &*self.cells.as_ptr() };
        let mut died = false;
        for c in cells {
            c.token.process(weak);
            died |= c.target.process(weak);
        }
        if died && !self.queued.get() {
            self.queued.set(true);
            self.pending.borrow_mut().push(self.registry.get());
        }
    }
}

/// The [[Cells]] of `this` if it is a FinalizationRegistry.
fn this_registry(vm: &mut Vm, this: Value, method: &str) -> JsResult<Gc<FinalizationCells>> {
    if let Some(o) = this.as_gc::<JsObject>()
        && let ObjectKind::FinalizationRegistry(cells) = &o.kind
    {
        return Ok(*cells);
    }
    let what = vm.describe_value(this);
    Err(vm
        .type_error(&format!("Method FinalizationRegistry.prototype.{method} called on incompatible receiver {what}")))
}

/// FinalizationRegistry ( cleanupCallback ) (§26.2.1.1).
fn registry_ctor(vm: &mut Vm, _this: Value, args: Args, new_target: Value) -> JsResult<Value> {
    if new_target.is_undefined() {
        return Err(requires_new(vm, "FinalizationRegistry"));
    }
    let cleanup = args.get(0);
    if !vm.is_callable(cleanup) {
        return Err(not_callable(vm, cleanup, "FinalizationRegistry: cleanup callback"));
    }
    let proto = vm.prototype_from_constructor(new_target, Intrinsic::FinalizationRegistryPrototype)?;
    let pending = vm.roots.weak.cleanup_pending.clone();
    let cells = vm.alloc(FinalizationCells {
        registry: Cell::new(Value::UNDEFINED),
        cleanup,
        cells: RefCell::new(Vec::new()),
        queued: Cell::new(false),
        pending,
    })?;
    let registry = vm.new_object_with(proto, ObjectKind::FinalizationRegistry(cells))?;
    cells.registry.set(Value::from_gc(registry));
    Ok(Value::from_gc(registry))
}

/// FinalizationRegistry.prototype.register ( target, heldValue [ ,
/// unregisterToken ] ) (§26.2.3.2).
fn registry_register(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let cells = this_registry(vm, this, "register")?;
    let (target, holdings, token) = (args.get(0), args.get(1), args.get(2));
    let Some(target_cell) = weak_cell(target) else {
        let what = vm.describe_value(target);
        return Err(
            vm.type_error(&format!("FinalizationRegistry.prototype.register: target {what} cannot be held weakly"))
        );
    };
    if same_value(target, holdings) {
        return Err(vm.type_error("FinalizationRegistry.prototype.register: target and holdings must not be the same"));
    }
    let token_cell = weak_cell(token);
    if token_cell.is_none() && !token.is_undefined() {
        let what = vm.describe_value(token);
        return Err(vm.type_error(&format!(
            "FinalizationRegistry.prototype.register: unregister token {what} cannot be held weakly"
        )));
    }
    cells.cells.borrow_mut().push(RegisteredCell {
        target: WeakSlot::new(Some(target_cell)),
        holdings,
        token: WeakSlot::new(token_cell),
    });
    Ok(Value::UNDEFINED)
}

/// FinalizationRegistry.prototype.unregister ( unregisterToken ) (§26.2.3.3).
fn registry_unregister(vm: &mut Vm, this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let cells = this_registry(vm, this, "unregister")?;
    let token = args.get(0);
    let Some(token_cell) = weak_cell(token) else {
        let what = vm.describe_value(token);
        return Err(vm.type_error(&format!(
            "FinalizationRegistry.prototype.unregister: unregister token {what} cannot be held weakly"
        )));
    };
    let mut list = cells.cells.borrow_mut();
    let before = list.len();
    list.retain(|c| c.token.get() != Some(token_cell));
    Ok(Value::bool(list.len() != before))
}

/// CleanupFinalizationRegistry (§9.14, the job the host enqueues): calls
/// the callback with the holdings of each cell whose target died, one at
/// a time, so a callback may unregister cells not yet cleaned up.
pub(crate) fn cleanup_finalization_registry(vm: &mut Vm, registry: Value) -> JsResult<()> {
    let Some(o) = registry.as_gc::<JsObject>() else { return Ok(()) };
    let ObjectKind::FinalizationRegistry(cells) = &o.kind else { return Ok(()) };
    let cells = *cells;
    cells.queued.set(false);
    loop {
        let holdings = {
            let mut list = cells.cells.borrow_mut();
            match list.iter().position(|c| c.target.get().is_none()) {
                Some(i) => list.remove(i).holdings,
                None => return Ok(()),
            }
        };
        vm.call(cells.cleanup, Value::UNDEFINED, &[holdings])?;
    }
}
