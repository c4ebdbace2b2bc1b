//! Precise roots: root sets the VM registers (its register file), persistent
//! handles, and rooted containers for values held in Rust memory that no
//! cell owns (JavaScriptCore's `MarkedArgumentBuffer` is the model).
//!
//! The conservative scan (`stack_scan.rs`) covers only the native stack and
//! registers: a `Gc` in a `Vec`, a `Box` or a static is invisible to it and
//! must live in one of the containers here.

use std::cell::{Cell, RefCell, UnsafeCell};
use std::rc::Rc;

use crate::cell::{CellType, Gc, Trace};
use crate::marking::Tracer;

/// Identifies a registered root set, for removal.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct RootSetId(pub(crate) u64);

/// The registry behind persistent handles and rooted containers. Shared
/// (through `Rc`) with every handle so that dropping one unregisters it.
#[derive(Default)]
pub(crate) struct RootRegistry {
    handles: RefCell<Vec<Option<usize>>>,
    free_handles: RefCell<Vec<usize>>,
    containers: RefCell<Vec<(u64, *const dyn Trace)>>,
    next_container: Cell<u64>,
}

impl RootRegistry {
    pub(crate) fn trace(&self, tracer: &mut Tracer) {
        for &word in self.handles.borrow().iter().flatten() {
            // SAFETY: a handle slot holds the start of the cell its
            // `Persistent` keeps alive; the slot is cleared when it drops.
            let cell = unsafe { crate::CellPtr::from_raw(std::ptr::NonNull::new_unchecked(word as *mut _)) };
            tracer.mark(cell);
        }
        for &(_, container) in self.containers.borrow().iter() {
            // SAFETY: a container unregisters itself in `Drop` before its
            // boxed storage is freed, so every registered pointer is valid.
            unsafe { &*container }.trace(tracer);
        }
    }

    pub(crate) fn handle_count(&self) -> usize {
        self.handles.borrow().iter().flatten().count()
    }
}

/// A strong reference that lives anywhere (a struct field, a static-like
/// owner, another thread's bookkeeping on this thread): the cell stays
/// alive until the handle is dropped.
pub struct Persistent<T: CellType> {
    registry: Rc<RootRegistry>,
    index: usize,
    cell: Gc<T>,
}

impl<T: CellType> Persistent<T> {
    pub(crate) fn new(registry: Rc<RootRegistry>, cell: Gc<T>) -> Persistent<T> {
        let word = cell.as_ptr() as usize;
        let reused = registry.free_handles.borrow_mut().pop();
        let index = match reused {
            Some(i) => {
                registry.handles.borrow_mut()[i] = Some(word);
                i
            }
            None => {
                let mut handles = registry.handles.borrow_mut();
                handles.push(Some(word));
                handles.len() - 1
            }
        };
        Persistent { registry, index, cell }
    }

    /// The referenced cell.
    pub fn get(&self) -> Gc<T> {
        self.cell
    }
}

impl<T: CellType> Drop for Persistent<T> {
    fn drop(&mut self) {
        self.registry.handles.borrow_mut()[self.index] = None;
        self.registry.free_handles.borrow_mut().push(self.index);
    }
}

/// A growable vector of traced values that the collector sees: the home for
/// values a builtin holds outside the heap while it may allocate (sorting,
/// spreading arguments, building a result list).
pub struct RootedVec<T: Trace + 'static> {
    registry: Rc<RootRegistry>,
    id: u64,
    items: Box<UnsafeCell<Vec<T>>>,
}

impl<T: Trace + 'static> RootedVec<T> {
    pub(crate) fn new(registry: Rc<RootRegistry>) -> RootedVec<T> {
        let items: Box<UnsafeCell<Vec<T>>> = Box::new(UnsafeCell::new(Vec::new()));
        let id = registry.next_container.get();
        registry.next_container.set(id + 1);
        // The box gives the vector a stable address for the registry.
        let ptr: *const Vec<T> = items.get();
        registry.containers.borrow_mut().push((id, ptr as *const dyn Trace));
        RootedVec { registry, id, items }
    }

    fn vec(&self) -> &Vec<T> {
        // SAFETY: the vector is only mutated through `&mut self` methods
        // below, which hold no reference across a collection.
        unsafe { &*self.items.get() }
    }

    fn vec_mut(&mut self) -> &mut Vec<T> {
        // SAFETY: `&mut self` is exclusive; the collector reads the vector
        // only inside heap calls, which cannot run during this borrow.
        unsafe { &mut *self.items.get() }
    }

    /// Appends a value.
    pub fn push(&mut self, value: T) {
        self.vec_mut().push(value)
    }
    /// Removes the last value.
    pub fn pop(&mut self) -> Option<T> {
        self.vec_mut().pop()
    }
    /// Number of values.
    pub fn len(&self) -> usize {
        self.vec().len()
    }
    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.vec().is_empty()
    }
    /// Removes every value.
    pub fn clear(&mut self) {
        self.vec_mut().clear()
    }
    /// Truncates to `len` values.
    pub fn truncate(&mut self, len: usize) {
        self.vec_mut().truncate(len)
    }
    /// Replaces the value at `index`.
    pub fn set(&mut self, index: usize, value: T) {
        self.vec_mut()[index] = value
    }
    /// The values as a slice (do not hold it across an allocation).
    pub fn as_slice(&self) -> &[T] {
        self.vec()
    }
    /// The values as a mutable slice, e.g. for sorting in place.
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        self.vec_mut()
    }
}

impl<T: Trace + Copy + 'static> RootedVec<T> {
    /// The value at `index`.
    pub fn get(&self, index: usize) -> Option<T> {
        self.vec().get(index).copied()
    }
}

impl<T: Trace + 'static> Drop for RootedVec<T> {
    fn drop(&mut self) {
        let mut containers = self.registry.containers.borrow_mut();
        if let Some(pos) = containers.iter().rposition(|&(id, _)| id == self.id) {
            containers.swap_remove(pos);
        }
    }
}

/// A root set: called at the start of each marking to report roots.
pub(crate) type RootSetFn = Box<dyn FnMut(&mut Tracer)>;
