//! Encoding and decoding instructions: the byte format of `operand.rs`.
//!
//! The builder (`builder.rs`) encodes; the interpreter, printer and
//! baseline JIT decode with [`decode`]. Decoding never panics on garbage:
//! it returns `None` at an unknown opcode or a truncated instruction.

use crate::opcodes::Opcode;
use crate::operand::{OperandKind, OperandScale};

/// Most operands any instruction has.
pub const MAX_OPERANDS: usize = 5;

/// One decoded instruction.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// Offset of its first byte (the prefix, if any).
    pub offset: u32,
    /// The opcode.
    pub opcode: Opcode,
    /// Operand width.
    pub scale: OperandScale,
    /// Operand values, sign- or zero-extended by kind.
    pub operands: [i64; MAX_OPERANDS],
    /// Encoded length in bytes, prefix included.
    pub len: u32,
}

impl Instruction {
    /// Operand `i`.
    #[inline]
    pub fn operand(&self, i: usize) -> i64 {
        self.operands[i]
    }
    /// The absolute target of a jump instruction.
    pub fn jump_target(&self) -> Option<u32> {
        let i = self.opcode.operands().iter().position(|&k| k == OperandKind::Jump)?;
        u32::try_from(self.offset as i64 + self.operands[i]).ok()
    }
    /// Offset of the next instruction.
    pub fn next_offset(&self) -> u32 {
        self.offset + self.len
    }
}

/// Reads one operand of `kind` at `scale` from `bytes`.
#[inline]
pub fn read_operand(bytes: &[u8], kind: OperandKind, scale: OperandScale) -> Option<i64> {
    let size = kind.size(scale);
    let b = bytes.get(..size)?;
    Some(match (size, kind.is_signed()) {
        (1, true) => b[0] as i8 as i64,
        (1, false) => b[0] as i64,
        (2, true) => i16::from_le_bytes([b[0], b[1]]) as i64,
        (2, false) => u16::from_le_bytes([b[0], b[1]]) as i64,
        (_, true) => i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as i64,
        (_, false) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as i64,
    })
}

/// Writes one operand; the value must fit (the builder chose the scale).
pub fn write_operand(out: &mut Vec<u8>, kind: OperandKind, scale: OperandScale, value: i64) {
    match kind.size(scale) {
        1 => out.push(value as u8),
        2 => out.extend_from_slice(&(value as u16).to_le_bytes()),
        _ => out.extend_from_slice(&(value as u32).to_le_bytes()),
    }
}

/// How to read one opcode's operands at scale 1: the encoded length, and
/// per operand its kind code (0 unsigned byte, 1 signed byte, 2 jump: a
/// signed 32-bit word; 3 absent) and byte offset. Built from the
/// instruction table at compile time.
#[derive(Copy, Clone)]
struct Layout {
    len: u8,
    kinds: [u8; MAX_OPERANDS],
    offsets: [u8; MAX_OPERANDS],
}

static LAYOUTS: [Layout; 256] = build_layouts();

const fn build_layouts() -> [Layout; 256] {
    let mut table = [Layout { len: 1, kinds: [3; MAX_OPERANDS], offsets: [0; MAX_OPERANDS] }; 256];
    let mut i = 0;
    while i < crate::opcodes::ALL_OPCODES.len() {
        let kinds = crate::opcodes::ALL_OPCODES[i].operands();
        let mut pos = 1u8;
        let mut k = 0;
        while k < kinds.len() {
            table[i].offsets[k] = pos;
            table[i].kinds[k] = match kinds[k] {
                OperandKind::Jump => 2,
                kind if kind.is_signed() => 1,
                _ => 0,
            };
            pos += if matches!(kinds[k], OperandKind::Jump) { 4 } else { 1 };
            k += 1;
        }
        table[i].len = pos;
        i += 1;
    }
    table
}

/// Decodes the instruction at `offset`. The unprefixed case (nearly every
/// instruction) reads operands through a layout table after one length
/// check; prefixed instructions take the general path. Always inlined:
/// it is the interpreter's fetch.
#[inline(always)]
pub fn decode(code: &[u8], offset: usize) -> Option<Instruction> {
    let first = *code.get(offset)?;
    if first <= Opcode::ExtraWide as u8 {
        return decode_prefixed(code, offset);
    }
    let opcode = Opcode::from_byte(first)?;
    let layout = &LAYOUTS[first as usize];
    let bytes = code.get(offset..offset + layout.len as usize)?;
    let mut operands = [0i64; MAX_OPERANDS];
    for i in 0..MAX_OPERANDS {
        let at = layout.offsets[i] as usize;
        operands[i] = match layout.kinds[i] {
            0 => bytes[at] as i64,
            1 => bytes[at] as i8 as i64,
            2 => i32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as i64,
            _ => break,
        };
    }
    Some(Instruction { offset: offset as u32, opcode, scale: OperandScale::Single, operands, len: layout.len as u32 })
}

/// Instruction lengths from the opcode byte (prefix excluded) at each
/// scale: index 0 unprefixed, 1 after `Wide`, 2 after `ExtraWide`.
static SCALED_LEN: [[u8; 3]; 256] = build_scaled_lengths();

const fn build_scaled_lengths() -> [[u8; 3]; 256] {
    let mut table = [[1u8; 3]; 256];
    let mut i = 0;
    while i < crate::opcodes::ALL_OPCODES.len() {
        let kinds = crate::opcodes::ALL_OPCODES[i].operands();
        let mut s = 0;
        while s < 3 {
            let mut pos = 1u8;
            let mut k = 0;
            while k < kinds.len() {
                // `operand_at` relies on this.
                assert!(!matches!(kinds[k], OperandKind::Jump) || k + 1 == kinds.len(), "Jump must be the last operand");
                pos += if matches!(kinds[k], OperandKind::Jump) { 4 } else { 1 << s };
                k += 1;
            }
            table[i][s] = pos;
            s += 1;
        }
        i += 1;
    }
    table
}

/// Lengths of unprefixed instructions by opcode byte (1 for unknown bytes
/// and the prefixes), for an interpreter's own copy of the table: a
/// `static` in the interpreter's crate is one instruction away.
pub const fn unprefixed_lengths() -> [u8; 256] {
    let table = build_scaled_lengths();
    let mut out = [1u8; 256];
    let mut i = 0;
    while i < 256 {
        out[i] = table[i][0];
        i += 1;
    }
    out
}

/// Length of an instruction from its opcode byte (prefix excluded) at
/// `scale` (0 unprefixed, 1 `Wide`, 2 `ExtraWide`).
#[inline(always)]
pub fn scaled_len(opcode: Opcode, scale: usize) -> usize {
    SCALED_LEN[opcode as usize][scale] as usize
}

/// Reads operand `i` of the instruction whose opcode byte is at `op_pc`,
/// at `scale` (0 unprefixed, 1 `Wide`, 2 `ExtraWide`), sign-extending when
/// `signed` (`Reg`, `Imm`): the interpreter's operand fetch. Scalable
/// operands precede the one `Jump` operand an instruction may have (the
/// table's invariant, checked at compile time), so operand `i` is at
/// `1 + i * width` whatever the opcode: unprefixed, one load.
///
/// # Safety
/// `code[op_pc]` must start a verified instruction (see `verify.rs`) at
/// `scale` with a scalable operand `i` of that signedness.
#[inline(always)]
pub unsafe fn operand_at(code: *const u8, op_pc: usize, scale: usize, i: usize, signed: bool) -> i64 {
    if scale == 0 {
        // SAFETY: the caller guarantees the operand lies inside the code.
        let b = unsafe { *code.add(op_pc + 1 + i) };
        if signed { b as i8 as i64 } else { b as i64 }
    } else {
        // SAFETY: as above.
        unsafe { operand_scaled(code, op_pc, scale, i, signed) }
    }
}

/// `operand_at` after a prefix.
#[cold]
#[inline(never)]
unsafe fn operand_scaled(code: *const u8, op_pc: usize, scale: usize, i: usize, signed: bool) -> i64 {
    // SAFETY: the caller guarantees the operand lies inside the code.
    unsafe {
        let p = code.add(op_pc + 1 + (i << scale));
        if scale == 1 {
            let v = u16::from_le_bytes((p as *const [u8; 2]).read_unaligned());
            if signed { v as i16 as i64 } else { v as i64 }
        } else {
            let v = u32::from_le_bytes((p as *const [u8; 4]).read_unaligned());
            if signed { v as i32 as i64 } else { v as i64 }
        }
    }
}

/// Reads the `Jump` operand, operand `i` (the last), of the instruction
/// whose opcode byte is at `op_pc`: 4 bytes at any scale.
///
/// # Safety
/// As [`operand_at`], for a `Jump` operand.
#[inline(always)]
pub unsafe fn jump_operand_at(code: *const u8, op_pc: usize, scale: usize, i: usize) -> i64 {
    // SAFETY: the caller guarantees the operand lies inside the code.
    unsafe { i32::from_le_bytes((code.add(op_pc + 1 + (i << scale)) as *const [u8; 4]).read_unaligned()) as i64 }
}

/// Decodes an instruction that starts with a `Wide`/`ExtraWide` prefix.
fn decode_prefixed(code: &[u8], offset: usize) -> Option<Instruction> {
    let mut pos = offset;
    let mut scale = OperandScale::Single;
    let mut opcode = Opcode::from_byte(*code.get(pos)?)?;
    match opcode {
        Opcode::Wide | Opcode::ExtraWide => {
            scale = if opcode == Opcode::Wide { OperandScale::Double } else { OperandScale::Quadruple };
            pos += 1;
            opcode = Opcode::from_byte(*code.get(pos)?)?;
            if matches!(opcode, Opcode::Wide | Opcode::ExtraWide) {
                return None;
            }
        }
        _ => {}
    }
    pos += 1;
    let mut operands = [0i64; MAX_OPERANDS];
    for (i, &kind) in opcode.operands().iter().enumerate() {
        operands[i] = read_operand(code.get(pos..)?, kind, scale)?;
        pos += kind.size(scale);
    }
    Some(Instruction { offset: offset as u32, opcode, scale, operands, len: (pos - offset) as u32 })
}

/// Iterates over the instructions of `code` from the start; stops at the
/// end or at the first undecodable byte.
pub fn instructions(code: &[u8]) -> impl Iterator<Item = Instruction> + '_ {
    let mut offset = 0usize;
    std::iter::from_fn(move || {
        let insn = decode(code, offset)?;
        offset += insn.len as usize;
        Some(insn)
    })
}

/// Encodes one instruction with the smallest scale that fits its operands.
pub fn encode(out: &mut Vec<u8>, opcode: Opcode, operands: &[i64]) {
    let kinds = opcode.operands();
    debug_assert_eq!(kinds.len(), operands.len(), "{} operand count", opcode.name());
    let scale = kinds.iter().zip(operands).map(|(k, &v)| k.scale_for(v)).max().unwrap_or(OperandScale::Single);
    match scale {
        OperandScale::Single => {}
        OperandScale::Double => out.push(Opcode::Wide as u8),
        OperandScale::Quadruple => out.push(Opcode::ExtraWide as u8),
    }
    out.push(opcode as u8);
    for (&kind, &value) in kinds.iter().zip(operands) {
        write_operand(out, kind, scale, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opcodes::ALL_OPCODES;

    #[test]
    fn every_opcode_round_trips_at_every_scale() {
        for &op in ALL_OPCODES {
            if matches!(op, Opcode::Wide | Opcode::ExtraWide) {
                continue;
            }
            for magnitude in [1i64, 300, 70_000] {
                let values: Vec<i64> = op
                    .operands()
                    .iter()
                    .enumerate()
                    .map(|(i, k)| if k.is_signed() && i % 2 == 1 { -magnitude } else { magnitude + i as i64 })
                    .collect();
                let mut code = Vec::new();
                encode(&mut code, op, &values);
                let insn = decode(&code, 0).expect("decodes");
                assert_eq!(insn.opcode, op);
                assert_eq!(insn.len as usize, code.len());
                assert_eq!(&insn.operands[..values.len()], &values[..], "{}", op.name());
            }
        }
    }

    #[test]
    fn truncated_or_unknown_bytes_do_not_decode() {
        assert_eq!(decode(&[0xff], 0), None);
        let mut code = Vec::new();
        encode(&mut code, Opcode::LdaSmi, &[1000]);
        assert_eq!(decode(&code[..code.len() - 1], 0), None);
        assert_eq!(decode(&[Opcode::Wide as u8, Opcode::Wide as u8], 0), None);
    }

    #[test]
    fn scale_is_the_smallest_that_fits() {
        let mut code = Vec::new();
        encode(&mut code, Opcode::LdaSmi, &[-128]);
        assert_eq!(code.len(), 2);
        code.clear();
        encode(&mut code, Opcode::LdaSmi, &[128]);
        assert_eq!(code[0], Opcode::Wide as u8);
        code.clear();
        encode(&mut code, Opcode::LdaConstant, &[255]);
        assert_eq!(code.len(), 2, "unsigned operands use the full byte");
    }
}
