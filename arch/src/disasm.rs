//! Disassembly of emitted code, for `--print-code` and the emitter tests:
//! `iced-x86` (Intel syntax) for x86-64, `capstone` for AArch64.

use crate::Arch;

/// One decoded instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Offset from the start of the code.
    pub offset: usize,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// Mnemonic and operands.
    pub text: String,
}

/// Decodes `code` (for `arch`) as if it were at address `address`.
pub fn disassemble(arch: Arch, code: &[u8], address: u64) -> Result<Vec<Line>, String> {
    match arch {
        Arch::X64 => Ok(x64(code, address)),
        Arch::Aarch64 => aarch64(code, address),
    }
}

fn x64(code: &[u8], address: u64) -> Vec<Line> {
    use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter};
    let mut decoder = Decoder::with_ip(64, code, address, DecoderOptions::NONE);
    let mut formatter = IntelFormatter::new();
    formatter.options_mut().set_first_operand_char_index(0);
    let mut lines = Vec::new();
    let mut insn = Instruction::default();
    while decoder.can_decode() {
        decoder.decode_out(&mut insn);
        let mut text = String::new();
        formatter.format(&insn, &mut text);
        let offset = (insn.ip() - address) as usize;
        lines.push(Line { offset, bytes: code[offset..offset + insn.len()].to_vec(), text });
    }
    lines
}

fn aarch64(code: &[u8], address: u64) -> Result<Vec<Line>, String> {
    use capstone::prelude::*;
    let cs = Capstone::new()
        .arm64()
        .mode(capstone::arch::arm64::ArchMode::Arm)
        .build()
        .map_err(|e| format!("capstone: {e}"))?;
    let insns = cs.disasm_all(code, address).map_err(|e| format!("capstone: {e}"))?;
    Ok(insns
        .iter()
        .map(|i| {
            let text = match (i.mnemonic(), i.op_str()) {
                (Some(m), Some(o)) if !o.is_empty() => format!("{m} {o}"),
                (Some(m), _) => m.to_string(),
                _ => "(bad)".to_string(),
            };
            Line { offset: (i.address() - address) as usize, bytes: i.bytes().to_vec(), text }
        })
        .collect())
}

/// Lines as text: `offset  bytes  instruction`.
pub fn format(lines: &[Line]) -> String {
    let mut out = String::new();
    for l in lines {
        let bytes: String = l.bytes.iter().map(|b| format!("{b:02x}")).collect();
        out.push_str(&format!("{:6x}  {bytes:<24} {}\n", l.offset, l.text));
    }
    out
}
