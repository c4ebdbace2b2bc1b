//! Cells: the unit the heap allocates, and how each kind of cell is traced.
//!
//! Every cell starts with a one-word [`CellHeader`] that points at the
//! [`CellInfo`] of its Rust type; the payload follows at offset 8. A header
//! word of zero marks a free cell (see `block.rs` for the free-cell layout).
//! JIT code can therefore tell a cell's kind with one load and one compare
//! against the address of a `CellInfo` static.
//!
//! Invariants:
//! - A cell's payload type is at most 8-aligned (checked at compile time), so
//!   every payload sits at [`PAYLOAD_OFFSET`].
//! - Each cell type has exactly one `CellInfo` static, so the header word is
//!   an identity test. [`cell_type!`](crate::cell_type) declares it.

use std::marker::PhantomData;
use std::ptr::NonNull;

use crate::marking::{Tracer, WeakProcessor};

/// Offset of a cell's payload from the cell's start (the header is one word).
pub const PAYLOAD_OFFSET: usize = 8;

/// The first word of every cell: the address of its type's [`CellInfo`], or
/// zero while the cell is free.
#[repr(C)]
pub struct CellHeader {
    info: std::cell::Cell<*const CellInfo>,
}

impl CellHeader {
    /// The cell's type information; `None` for a free cell.
    #[inline]
    pub fn info(&self) -> Option<&'static CellInfo> {
        let p = self.info.get();
        // SAFETY: a non-null header word is always the address of a
        // `CellInfo` static written by `Heap::alloc`.
        if p.is_null() { None } else { Some(unsafe { &*p }) }
    }

    #[inline]
    pub(crate) fn set_info(&self, info: *const CellInfo) {
        self.info.set(info);
    }
}

/// How the collector handles one cell type: the table behind every header.
pub struct CellInfo {
    /// Type name, for statistics and heap dumps.
    pub name: &'static str,
    /// Visits every reference the payload holds (strong edges).
    pub trace: unsafe fn(NonNull<CellHeader>, &mut Tracer),
    /// Runs the payload's destructor when the cell dies (the finalizer);
    /// `None` when the type owns no outside memory.
    pub drop: Option<unsafe fn(NonNull<CellHeader>)>,
    /// Clears weak references after marking; `None` for types without them.
    pub process_weak: Option<unsafe fn(NonNull<CellHeader>, &WeakProcessor)>,
}

impl CellInfo {
    /// The table for `T`, built from its trait implementations.
    pub const fn of<T: CellType>(name: &'static str) -> CellInfo {
        const { assert!(std::mem::align_of::<T>() <= 8, "cell payloads must be at most 8-aligned") };
        CellInfo {
            name,
            trace: trace_thunk::<T>,
            drop: if std::mem::needs_drop::<T>() { Some(drop_thunk::<T>) } else { None },
            process_weak: if T::HAS_WEAK { Some(weak_thunk::<T>) } else { None },
        }
    }
}

unsafe fn trace_thunk<T: CellType>(cell: NonNull<CellHeader>, tracer: &mut Tracer) {
    // SAFETY: the collector only traces allocated cells, whose header names
    // `T`'s info, so the payload is an initialized `T`.
    let payload = unsafe { &*payload_ptr::<T>(cell) };
    tracer.set_current(cell);
    payload.trace(tracer);
}

unsafe fn drop_thunk<T: CellType>(cell: NonNull<CellHeader>) {
    // SAFETY: called once, by the sweeper, on a dead cell whose payload is an
    // initialized `T`; the header is zeroed right after so it never repeats.
    unsafe { std::ptr::drop_in_place(payload_ptr::<T>(cell)) };
}

unsafe fn weak_thunk<T: CellType>(cell: NonNull<CellHeader>, weak: &WeakProcessor) {
    // SAFETY: as for `trace_thunk`: a marked, allocated cell of type `T`.
    let payload = unsafe { &*payload_ptr::<T>(cell) };
    payload.process_weak(weak);
}

#[inline]
fn payload_ptr<T>(cell: NonNull<CellHeader>) -> *mut T {
    // The payload follows the header word; `CellInfo::of` asserts T's
    // alignment fits.
    cell.as_ptr().cast::<u8>().wrapping_add(PAYLOAD_OFFSET).cast::<T>()
}

/// Visiting the strong references a value holds.
///
/// # Safety
/// `trace` must report every cell reference the value can reach without
/// passing through another cell — including references in memory the value
/// owns outside the heap (a `Vec`, a hash table). A missed edge is a
/// use-after-free.
pub unsafe trait Trace {
    /// Report each strong reference to `tracer`.
    fn trace(&self, tracer: &mut Tracer);
}

/// A type the heap can allocate.
///
/// # Safety
/// `info` must return the same `&'static CellInfo` on every call, built by
/// [`CellInfo::of::<Self>`]. Use [`cell_type!`](crate::cell_type).
///
/// Finalizer contract: `Drop` of a cell type runs during the sweep, at most
/// once, on the collector's stack. It may free memory the cell owns outside
/// the heap; it must not read other cells (they may already be swept) and
/// cannot allocate.
pub unsafe trait CellType: Trace + Sized + 'static {
    /// Whether [`CellType::process_weak`] must run after each marking.
    const HAS_WEAK: bool = false;
    /// The one `CellInfo` of this type.
    fn info() -> &'static CellInfo;
    /// Called after marking on every live cell of a type with
    /// `HAS_WEAK`, before anything is swept: clear [`WeakSlot`](crate::WeakSlot)s
    /// and drop entries whose targets `weak.is_live` says are dead.
    fn process_weak(&self, weak: &WeakProcessor) {
        let _ = weak;
    }
}

/// Declares a type as a heap cell type with its unique `CellInfo` static.
///
/// `cell_type!(Node)`; or `cell_type!(WeakBox, weak)` for a type with weak
/// references, which must then have an inherent
/// `fn process_weak(&self, &WeakProcessor)` that the collector calls after
/// each marking.
#[macro_export]
macro_rules! cell_type {
    ($ty:ty) => {
        // SAFETY: one static per concrete type, built by `CellInfo::of`.
        unsafe impl $crate::CellType for $ty {
            fn info() -> &'static $crate::CellInfo {
                static INFO: $crate::CellInfo = $crate::CellInfo::of::<$ty>(stringify!($ty));
                &INFO
            }
        }
    };
    ($ty:ty, weak) => {
        // SAFETY: one static per concrete type, built by `CellInfo::of`.
        unsafe impl $crate::CellType for $ty {
            const HAS_WEAK: bool = true;
            fn info() -> &'static $crate::CellInfo {
                static INFO: $crate::CellInfo = $crate::CellInfo::of::<$ty>(stringify!($ty));
                &INFO
            }
            fn process_weak(&self, weak: &$crate::WeakProcessor) {
                <$ty>::process_weak(self, weak)
            }
        }
    };
}

/// An untyped reference to a cell: the cell's start address.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
#[repr(transparent)]
pub struct CellPtr(NonNull<CellHeader>);

impl CellPtr {
    /// Wraps a raw cell start address.
    ///
    /// # Safety
    /// `ptr` must be the start of an allocated cell of a live heap.
    #[inline]
    pub unsafe fn from_raw(ptr: NonNull<CellHeader>) -> CellPtr {
        CellPtr(ptr)
    }
    /// The cell's start address.
    #[inline]
    pub fn as_raw(self) -> NonNull<CellHeader> {
        self.0
    }
    /// The cell's address as a word (what a NaN-boxed value stores).
    #[inline]
    pub fn addr(self) -> usize {
        self.0.as_ptr() as usize
    }
    /// The cell's header.
    #[inline]
    pub fn header(self) -> &'static CellHeader {
        // SAFETY: a `CellPtr` points at an allocated cell (constructor
        // contract), kept alive by the conservative scan while it is on the
        // stack, or by whoever traces it.
        unsafe { self.0.as_ref() }
    }
    /// The typed reference if the cell is a `T`.
    #[inline]
    pub fn downcast<T: CellType>(self) -> Option<Gc<T>> {
        if std::ptr::eq(self.header().info.get(), T::info()) {
            Some(Gc { ptr: self.0, _marker: PhantomData })
        } else {
            None
        }
    }
}

/// A typed reference to a cell holding a `T`.
///
/// Copying is free. A `Gc` held in a local variable (the native stack or a
/// register) keeps its cell alive through the conservative scan; a `Gc`
/// stored anywhere else outside the heap must be in a rooted container
/// ([`RootedVec`](crate::RootedVec), [`Persistent`](crate::Persistent)) or
/// traced by a cell.
#[repr(transparent)]
pub struct Gc<T> {
    ptr: NonNull<CellHeader>,
    _marker: PhantomData<*const T>,
}

impl<T> Clone for Gc<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Gc<T> {}
impl<T> PartialEq for Gc<T> {
    fn eq(&self, other: &Self) -> bool {
        self.ptr == other.ptr
    }
}
impl<T> Eq for Gc<T> {}
impl<T> std::hash::Hash for Gc<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.ptr.hash(state)
    }
}
impl<T> std::fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gc({:p})", self.ptr)
    }
}

impl<T: CellType> Gc<T> {
    pub(crate) fn from_cell(ptr: NonNull<CellHeader>) -> Gc<T> {
        Gc { ptr, _marker: PhantomData }
    }
    /// The untyped reference.
    #[inline]
    pub fn cell(self) -> CellPtr {
        CellPtr(self.ptr)
    }
    /// The cell's start address.
    #[inline]
    pub fn as_ptr(self) -> *const CellHeader {
        self.ptr.as_ptr()
    }
    /// The address just past the payload `T`, 8-aligned: where the trailing
    /// bytes of a cell allocated with [`Heap::alloc_with_trailing`](crate::Heap::alloc_with_trailing) begin.
    #[inline]
    pub fn trailing_ptr(self) -> *mut u8 {
        let off = PAYLOAD_OFFSET + std::mem::size_of::<T>().next_multiple_of(8);
        self.ptr.as_ptr().cast::<u8>().wrapping_add(off)
    }
    /// Rebuilds a typed reference from a cell address.
    ///
    /// # Safety
    /// `ptr` must be the start of a live cell allocated as a `T`.
    pub unsafe fn from_raw(ptr: *const CellHeader) -> Gc<T> {
        // SAFETY: caller guarantees a valid, non-null cell address.
        Gc { ptr: unsafe { NonNull::new_unchecked(ptr as *mut CellHeader) }, _marker: PhantomData }
    }
}

impl<T: CellType> std::ops::Deref for Gc<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: a `Gc<T>` is only created for an allocated `T` cell, and
        // the cell is alive while this `Gc` is reachable (see the type doc).
        unsafe { &*payload_ptr::<T>(self.ptr) }
    }
}

// SAFETY: a strong edge to one cell.
unsafe impl<T: CellType> Trace for Gc<T> {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.cell());
    }
}
// SAFETY: a strong edge to one cell.
unsafe impl Trace for CellPtr {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(*self);
    }
}
// SAFETY: forwards to the element, which holds the only references.
unsafe impl<T: Trace> Trace for Option<T> {
    fn trace(&self, tracer: &mut Tracer) {
        if let Some(v) = self {
            v.trace(tracer)
        }
    }
}
// SAFETY: forwards to every element in the owned buffer.
unsafe impl<T: Trace> Trace for Vec<T> {
    fn trace(&self, tracer: &mut Tracer) {
        for v in self {
            v.trace(tracer)
        }
    }
}
// SAFETY: forwards to every element in the owned buffer.
unsafe impl<T: Trace> Trace for Box<[T]> {
    fn trace(&self, tracer: &mut Tracer) {
        for v in self.iter() {
            v.trace(tracer)
        }
    }
}
// SAFETY: forwards to the contained value; the tracer runs while the mutator
// is stopped, so no borrow is outstanding.
unsafe impl<T: Trace + Copy> Trace for std::cell::Cell<T> {
    fn trace(&self, tracer: &mut Tracer) {
        self.get().trace(tracer)
    }
}
// SAFETY: forwards to the contained value. The collector runs while the
// mutator is stopped inside a heap call; it reads the value even if mutator
// code holds a `RefMut` across that call, because skipping it would free
// what the value references. Only reads happen, and nothing else runs.
unsafe impl<T: Trace> Trace for std::cell::RefCell<T> {
    fn trace(&self, tracer: &mut Tracer) {
        // SAFETY: see the impl comment: a read while the mutator is stopped.
        unsafe { &*self.as_ptr() }.trace(tracer)
    }
}
macro_rules! leaf_trace {
    ($($t:ty),*) => {$(
        // SAFETY: holds no references.
        unsafe impl Trace for $t { fn trace(&self, _: &mut Tracer) {} }
    )*};
}
leaf_trace!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f64, f32, bool, char, String, ());
