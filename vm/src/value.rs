//! JavaScript values: 64-bit NaN-boxing in JavaScriptCore's style.
//!
//! ```text
//!  pointer   0000:PPPP:PPPP:PPPP   a heap cell (upper 16 bits zero, non-zero)
//!  int32     FFFE:0000:IIII:IIII   tag 0xFFFE in the top 16 bits
//!  double    bits + 2^49           every double lands in 0002:… .. FFFC:…
//!  false     0x06   true 0x07   undefined 0x0A   null 0x02   hole 0x00
//! ```
//!
//! A word with any of the top 15 bits set is a number; a number with all of
//! `INT32_TAG` set is an int32. Immediates have bit 1 set (`OTHER_TAG`) and
//! are below 16, so they never alias a cell address. NaNs are canonicalized
//! when boxed, so no double overflows into the int32 range. The heap's
//! conservative scan relies on this encoding: a boxed number never looks
//! like a pointer (see `gc/tests/heap.rs`, which repeats these constants).
//!
//! JIT code tests tags with one or two instructions: `v >= INT32_TAG` is an
//! int32 test, `v & NOT_CELL_MASK == 0` (and non-zero) a cell test.

use strata_gc::{CellPtr, CellType, Gc};

/// Added to a double's bits when boxing.
pub const DOUBLE_ENCODE_OFFSET: u64 = 1 << 49;
/// Top 16 bits of every int32 (and the mask of "is a number" bits).
pub const INT32_TAG: u64 = 0xFFFE_0000_0000_0000;
/// Bit set in every non-number immediate.
pub const OTHER_TAG: u64 = 0x2;
/// A word is a cell pointer iff none of these bits is set (and it is not 0).
pub const NOT_CELL_MASK: u64 = INT32_TAG | OTHER_TAG;

const VALUE_NULL: u64 = 0x02;
const VALUE_FALSE: u64 = 0x06;
const VALUE_TRUE: u64 = 0x07;
const VALUE_UNDEFINED: u64 = 0x0A;
const VALUE_HOLE: u64 = 0x00;
/// The one NaN a boxed double holds (NaNs are canonicalized when boxed).
pub const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

/// A JavaScript value (or the internal hole).
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(u64);

impl Value {
    /// `undefined`.
    pub const UNDEFINED: Value = Value(VALUE_UNDEFINED);
    /// `null`.
    pub const NULL: Value = Value(VALUE_NULL);
    /// `true`.
    pub const TRUE: Value = Value(VALUE_TRUE);
    /// `false`.
    pub const FALSE: Value = Value(VALUE_FALSE);
    /// The hole: an uninitialized lexical binding or a missing element.
    /// Never visible to scripts.
    pub const HOLE: Value = Value(VALUE_HOLE);

    /// The raw 64-bit encoding.
    #[inline]
    pub const fn bits(self) -> u64 {
        self.0
    }
    /// Rebuilds a value from its encoding.
    ///
    /// # Safety
    /// A pointer encoding must name a live cell of the vm's heap.
    #[inline]
    pub const unsafe fn from_bits(bits: u64) -> Value {
        Value(bits)
    }

    /// An int32.
    #[inline]
    pub const fn int(i: i32) -> Value {
        Value(INT32_TAG | (i as u32 as u64))
    }
    /// A double, boxed as-is (no int32 narrowing; see [`Value::number`]).
    #[inline]
    pub fn double(d: f64) -> Value {
        let bits = if d.is_nan() { CANONICAL_NAN } else { d.to_bits() };
        Value(bits.wrapping_add(DOUBLE_ENCODE_OFFSET))
    }
    /// A number, as an int32 when it is one (not -0).
    #[inline]
    pub fn number(d: f64) -> Value {
        let i = truncate_to_i32(d);
        if i as f64 == d && !(i == 0 && d.is_sign_negative()) { Value::int(i) } else { Value::double(d) }
    }
    /// A boolean.
    #[inline]
    pub const fn bool(b: bool) -> Value {
        if b { Value::TRUE } else { Value::FALSE }
    }
    /// A cell.
    #[inline]
    pub fn cell(c: CellPtr) -> Value {
        Value(c.addr() as u64)
    }
    /// A typed cell.
    #[inline]
    pub fn from_gc<T: CellType>(g: Gc<T>) -> Value {
        Value(g.as_ptr() as u64)
    }

    /// Whether this is a number (int32 or double).
    #[inline]
    pub const fn is_number(self) -> bool {
        self.0 >= DOUBLE_ENCODE_OFFSET
    }
    /// Whether this is an int32.
    #[inline]
    pub const fn is_int(self) -> bool {
        self.0 >= INT32_TAG
    }
    /// Whether this is a boxed double.
    #[inline]
    pub const fn is_double(self) -> bool {
        self.is_number() && !self.is_int()
    }
    /// Whether this is a cell pointer.
    #[inline]
    pub const fn is_cell(self) -> bool {
        self.0 & NOT_CELL_MASK == 0 && self.0 != 0
    }
    /// `undefined`?
    #[inline]
    pub const fn is_undefined(self) -> bool {
        self.0 == VALUE_UNDEFINED
    }
    /// `null`?
    #[inline]
    pub const fn is_null(self) -> bool {
        self.0 == VALUE_NULL
    }
    /// `undefined` or `null`?
    #[inline]
    pub const fn is_nullish(self) -> bool {
        self.0 & !0x8 == VALUE_NULL
    }
    /// A boolean?
    #[inline]
    pub const fn is_bool(self) -> bool {
        self.0 & !1 == VALUE_FALSE
    }
    /// The hole?
    #[inline]
    pub const fn is_hole(self) -> bool {
        self.0 == VALUE_HOLE
    }

    /// The int32 payload (only meaningful when `is_int`).
    #[inline]
    pub const fn as_int_unchecked(self) -> i32 {
        self.0 as u32 as i32
    }
    /// The int32, if this is one.
    #[inline]
    pub const fn as_int(self) -> Option<i32> {
        if self.is_int() { Some(self.0 as u32 as i32) } else { None }
    }
    /// The number as f64, if this is a number.
    #[inline]
    pub fn as_number(self) -> Option<f64> {
        if self.is_int() {
            Some(self.as_int_unchecked() as f64)
        } else if self.is_number() {
            Some(f64::from_bits(self.0.wrapping_sub(DOUBLE_ENCODE_OFFSET)))
        } else {
            None
        }
    }
    /// The boolean, if this is one.
    #[inline]
    pub const fn as_bool(self) -> Option<bool> {
        if self.is_bool() { Some(self.0 == VALUE_TRUE) } else { None }
    }
    /// The cell, if this is one.
    #[inline]
    pub fn as_cell(self) -> Option<CellPtr> {
        if self.is_cell() {
            // SAFETY: a cell-encoded value names a live cell (from_bits contract
            // and every constructor).
            Some(unsafe { CellPtr::from_raw(std::ptr::NonNull::new_unchecked(self.0 as usize as *mut _)) })
        } else {
            None
        }
    }
    /// The typed cell, if this is a cell of type `T`.
    #[inline]
    pub fn as_gc<T: CellType>(self) -> Option<Gc<T>> {
        self.as_cell()?.downcast::<T>()
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(i) = self.as_int() {
            write!(f, "{i}")
        } else if let Some(d) = self.as_number() {
            write!(f, "{d:?}")
        } else if self.is_cell() {
            let name = self.as_cell().and_then(|c| c.header().info()).map_or("?", |i| i.name);
            write!(f, "<{name} {:#x}>", self.0)
        } else {
            f.write_str(match self.0 {
                VALUE_UNDEFINED => "undefined",
                VALUE_NULL => "null",
                VALUE_TRUE => "true",
                VALUE_FALSE => "false",
                VALUE_HOLE => "<hole>",
                _ => "<invalid>",
            })
        }
    }
}

// SAFETY: a value holds at most one reference, to the cell it encodes.
unsafe impl strata_gc::Trace for Value {
    #[inline]
    fn trace(&self, tracer: &mut strata_gc::Tracer) {
        if let Some(c) = self.as_cell() {
            tracer.mark(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn immediates_and_numbers_are_not_cells() {
        for v in [Value::UNDEFINED, Value::NULL, Value::TRUE, Value::FALSE, Value::HOLE] {
            assert!(!v.is_cell() && !v.is_number(), "{v:?}");
        }
        for d in [0.0, -0.0, 1.5, f64::NAN, -f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MAX, -f64::MAX, 5e-324] {
            let v = Value::double(d);
            assert!(v.is_number() && !v.is_int() && !v.is_cell(), "{d}");
            let back = v.as_number().expect("number");
            if d.is_nan() {
                // NaNs are canonicalized when boxed (sign and payload dropped).
                assert!(back.is_nan());
            } else {
                assert_eq!(back.to_bits(), d.to_bits(), "{d} round-trips exactly, -0 included");
            }
        }
        for i in [0, 1, -1, i32::MIN, i32::MAX] {
            let v = Value::int(i);
            assert!(v.is_int() && v.is_number() && !v.is_cell());
            assert_eq!(v.as_int(), Some(i));
        }
    }

    #[test]
    fn number_narrows_to_int32_except_negative_zero() {
        assert!(Value::number(3.0).is_int());
        assert!(!Value::number(-0.0).is_int());
        assert!(!Value::number(2147483648.0).is_int());
        assert!(!Value::number(0.5).is_int());
    }

    #[test]
    fn nullish_and_bool_tests() {
        assert!(Value::UNDEFINED.is_nullish() && Value::NULL.is_nullish());
        assert!(!Value::FALSE.is_nullish() && !Value::HOLE.is_nullish());
        assert!(Value::TRUE.is_bool() && Value::FALSE.is_bool() && !Value::NULL.is_bool());
        assert_eq!(Value::TRUE.as_bool(), Some(true));
    }
}

/// `d` truncated toward zero when it fits an i32, else any i32 (the
/// caller compares the result with `d`): one instruction where `as`
/// would add a saturating clamp and a NaN check. On x86-64 `cvttsd2si`
/// gives i32::MIN outside the range; AArch64's `fcvtzs` already
/// saturates, which is what `as` compiles to there.
#[inline(always)]
fn truncate_to_i32(d: f64) -> i32 {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_cvttsd_si32, _mm_set_sd};
        // SAFETY: SSE2 is part of the x86-64 baseline; the intrinsic has
        // no other precondition (out-of-range inputs give i32::MIN).
        unsafe { _mm_cvttsd_si32(_mm_set_sd(d)) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        d as i32
    }
}
