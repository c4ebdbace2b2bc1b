//! Operands: their kinds, frame registers, and the widths they are encoded
//! in.
//!
//! Scalable operands (`Reg`, `Imm`, `UImm`, `Idx`, `Slot`) are 1 byte
//! wide, 2 after a `Wide` prefix and 4 after `ExtraWide`; the builder picks
//! the smallest prefix that fits every operand of the instruction. `Jump`
//! offsets are always 4 bytes (signed, relative to the first byte of the
//! instruction including its prefix), so jumps can be patched in place.
//! Multi-byte operands are little-endian.

/// The kind of one operand.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum OperandKind {
    /// A frame register (signed: parameters are negative, see [`Register`]).
    Reg,
    /// A signed immediate.
    Imm,
    /// An unsigned immediate (counts, flags, slot numbers, depths).
    UImm,
    /// A constant-pool index.
    Idx,
    /// A feedback-vector slot.
    Slot,
    /// A jump offset: 4 bytes, signed.
    Jump,
}

/// Operand width selected by a prefix.
#[derive(Copy, Clone, PartialEq, Eq, Debug, PartialOrd, Ord)]
pub enum OperandScale {
    /// No prefix: 1 byte.
    Single = 1,
    /// `Wide`: 2 bytes.
    Double = 2,
    /// `ExtraWide`: 4 bytes.
    Quadruple = 4,
}

impl OperandKind {
    /// Whether the operand is signed.
    #[inline]
    pub const fn is_signed(self) -> bool {
        matches!(self, OperandKind::Reg | OperandKind::Imm | OperandKind::Jump)
    }

    /// Bytes taken at `scale`.
    #[inline]
    pub const fn size(self, scale: OperandScale) -> usize {
        match self {
            OperandKind::Jump => 4,
            _ => scale as usize,
        }
    }

    /// The smallest scale that can hold `value` for this kind.
    pub fn scale_for(self, value: i64) -> OperandScale {
        if self == OperandKind::Jump {
            return OperandScale::Single;
        }
        let fits = |bits: u32| {
            if self.is_signed() {
                value >= -(1i64 << (bits - 1)) && value < (1i64 << (bits - 1))
            } else {
                value >= 0 && value < (1i64 << bits)
            }
        };
        if fits(8) {
            OperandScale::Single
        } else if fits(16) {
            OperandScale::Double
        } else {
            OperandScale::Quadruple
        }
    }
}

/// A frame register, as bytecode names it.
///
/// Non-negative indices are the function's registers (locals and
/// temporaries) at `fp + index`; negative ones are the fixed frame slots
/// and parameters below the frame pointer. The frame layout itself (and
/// these offsets) are defined once in the vm's `frame.rs`; the constants
/// here must match it (`vm/src/frame.rs`: THIS = -8, PARAM0 = -9).
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Register(pub i32);

impl Register {
    /// `this` (the receiver slot). Derived constructors hold the hole
    /// here until `super()` returns.
    pub const THIS: Register = Register(-8);
    /// new.target (undefined for calls).
    pub const NEW_TARGET: Register = Register(-6);
    /// The running function object.
    pub const CALLEE: Register = Register(-5);
    /// The number of arguments passed (an int32).
    pub const ARGC: Register = Register(-4);
    /// The current context: `Mov <context>, rN` saves it (try blocks),
    /// `PushContext`/`PopContext` change it.
    pub const CONTEXT: Register = Register(-3);
    /// Offset of parameter 0; parameter `i` is at `PARAM0 - i`.
    pub const PARAM0: i32 = -9;

    /// Parameter `i` of the current function.
    pub const fn param(i: u32) -> Register {
        Register(Self::PARAM0 - i as i32)
    }
    /// Local register `i`.
    pub const fn local(i: u32) -> Register {
        Register(i as i32)
    }
    /// The next register (for register lists).
    pub const fn next(self) -> Register {
        Register(self.0 + 1)
    }
    /// The register `n` after this one.
    pub const fn offset(self, n: u32) -> Register {
        Register(self.0 + n as i32)
    }
    /// The parameter index, if this is a parameter.
    pub const fn as_param(self) -> Option<u32> {
        if self.0 <= Self::PARAM0 { Some((Self::PARAM0 - self.0) as u32) } else { None }
    }
}

impl std::fmt::Display for Register {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            i if i >= 0 => write!(f, "r{i}"),
            -8 => write!(f, "<this>"),
            -6 => write!(f, "<new.target>"),
            -5 => write!(f, "<callee>"),
            -4 => write!(f, "<argc>"),
            -3 => write!(f, "<context>"),
            _ => match self.as_param() {
                Some(p) => write!(f, "a{p}"),
                None => write!(f, "<frame{}>", self.0),
            },
        }
    }
}
