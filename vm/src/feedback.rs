//! Feedback vectors: one slot per IC site of a function, read and written by
//! every tier. The inline-cache issue fills in the states (monomorphic →
//! polymorphic → megamorphic); the engine core records the counters the
//! tiering policy needs and the smallest operand type seen at arithmetic
//! sites.

use std::cell::Cell;

use strata_bytecode::FeedbackSlotKind;
use strata_gc::{Trace, Tracer};

use crate::value::Value;

/// Operand types seen at an arithmetic or comparison site, as a lattice:
/// none < int32 < number < any; string and bigint are separate bits.
pub mod type_feedback {
    /// Nothing seen.
    pub const NONE: u8 = 0;
    /// Only int32 operands.
    pub const INT32: u8 = 1;
    /// Numbers (int32 or double).
    pub const NUMBER: u8 = 3;
    /// Strings.
    pub const STRING: u8 = 4;
    /// BigInts.
    pub const BIGINT: u8 = 8;
    /// Anything else.
    pub const ANY: u8 = 0xff;

    use crate::value::Value;

    /// The bits of one operand.
    #[inline]
    pub fn of(v: Value) -> u8 {
        if v.is_int() {
            INT32
        } else if v.is_number() {
            NUMBER
        } else if v.as_gc::<crate::string::JsString>().is_some() {
            STRING
        } else if v.is_bigint() {
            BIGINT
        } else {
            ANY
        }
    }

    /// The bits of two operands.
    #[inline]
    pub fn of_pair(a: Value, b: Value) -> u8 {
        // An operand that is neither a number nor a cell (undefined,
        // null, a boolean) makes the pair ANY: decided before any cell's
        // header is loaded (`x === null` on a list node costs no miss).
        if !(a.is_number() || a.is_cell()) || !(b.is_number() || b.is_cell()) {
            return ANY;
        }
        of(a) | of(b)
    }
}

/// `FeedbackSlot::jit_link` of a site not linked: a word no `cached`
/// value can be.
pub const NO_LINK: usize = usize::MAX;

/// One slot.
pub struct FeedbackSlot {
    /// What the site is.
    pub kind: FeedbackSlotKind,
    /// Type feedback bits or a counter, by kind.
    pub state: Cell<u32>,
    /// A cached value (call target), by kind.
    pub cached: Cell<Value>,
    /// The inline cache of a property, global or `new` site.
    pub ic: crate::ic::IcCell,
    /// A call site's link, written and read only by compiled code: the
    /// address of the target `cached` holds once a compiled call has
    /// checked everything about it that cannot change (a bytecode
    /// function with code, taking no more parameters than the site
    /// passes), so later calls of it skip those checks; [`NO_LINK`]
    /// before (not 0, which is the hole's bits: a megamorphic site's
    /// `cached` is the hole, and a hole callee must not pass). Not
    /// traced: compiled code trusts it only while `cached` is that same
    /// target, which keeps it alive, and `cached` never returns to a
    /// target it has left (undefined → target → megamorphic), so an
    /// address equal to both is the object that was checked.
    pub jit_link: Cell<usize>,
}

impl FeedbackSlot {
    /// Joins `bits` into a type-feedback slot.
    #[inline(always)]
    pub fn record_type(&self, bits: u8) {
        let cur = self.state.get();
        let new = cur | bits as u32;
        if new != cur {
            self.state.set(new);
        }
    }

    /// Records a call, `new` or `instanceof` target: the first seen, then
    /// megamorphic (the hole) once another appears; counts the calls.
    #[inline(always)]
    pub fn record_call_target(&self, target: Value) {
        let cur = self.cached.get();
        if cur != target && !cur.is_hole() {
            self.cached.set(if cur.is_undefined() { target } else { Value::HOLE });
        }
        self.state.set(self.state.get().saturating_add(1));
    }

    /// Increments a counter slot, saturating; returns the new count.
    #[inline(always)]
    pub fn bump(&self) -> u32 {
        let n = self.state.get().saturating_add(1);
        self.state.set(n);
        n
    }
}

/// A function's feedback.
pub struct FeedbackVector {
    /// The slots.
    pub slots: Box<[FeedbackSlot]>,
}

impl FeedbackVector {
    /// An empty vector for a layout.
    pub fn new(layout: &[FeedbackSlotKind]) -> FeedbackVector {
        FeedbackVector {
            slots: layout
                .iter()
                .map(|&kind| FeedbackSlot { kind, state: Cell::new(0), cached: Cell::new(Value::UNDEFINED), ic: Default::default(), jit_link: Cell::new(NO_LINK) })
                .collect(),
        }
    }
}

// SAFETY: reports every cached value.
unsafe impl Trace for FeedbackVector {
    fn trace(&self, t: &mut Tracer) {
        for s in self.slots.iter() {
            s.cached.get().trace(t);
            s.ic.trace(t);
        }
    }
}
