//! `--print-bytecode`: a function's instructions, constant pool, handler
//! table and feedback layout as text, in the spirit of V8's output.
//!
//! ```text
//! [bytecode for function fib]
//! Parameter count 1, register count 2, frame size 9 slots, 34 bytes
//!   S> 1:10   @    0 : 0c 02             LdaSmi [2]
//! ```

use std::fmt::Write;

use crate::encoding::instructions;
use crate::function::{BytecodeFunction, Constant};
use crate::operand::{OperandKind, Register};

/// Turns a source offset into a `(line, column)` pair (1-based), when the
/// caller has the source text.
pub type LineColumn<'a> = &'a dyn Fn(u32) -> (u32, u32);

/// Prints `f` and, after it, every nested function in its constant pool.
pub fn print_function(f: &BytecodeFunction, positions: Option<LineColumn<'_>>) -> String {
    let mut out = String::new();
    print_one(&mut out, f, positions);
    for c in &f.constants {
        let inner = match c {
            Constant::Function(inner) => inner,
            Constant::Class(class) => &class.constructor,
            _ => continue,
        };
        out.push('\n');
        out.push_str(&print_function(inner, positions));
    }
    out
}

fn display_name(f: &BytecodeFunction) -> String {
    let name = String::from_utf16_lossy(&f.name);
    if name.is_empty() { "<anonymous>".into() } else { name }
}

fn print_one(out: &mut String, f: &BytecodeFunction, positions: Option<LineColumn<'_>>) {
    let _ = writeln!(out, "[bytecode for function {} ({:?}{})]", display_name(f), f.kind, if f.strict { ", strict" } else { "" });
    let _ = writeln!(
        out,
        "Parameter count {}, register count {}, {} bytes, {} feedback slots",
        f.param_count,
        f.register_count,
        f.code.len(),
        f.feedback.len()
    );
    let mut next_pos = 0;
    for insn in instructions(&f.code) {
        let mut marker = String::new();
        while next_pos < f.positions.len() && f.positions[next_pos].pc <= insn.offset {
            let p = f.positions[next_pos];
            if p.pc == insn.offset {
                marker = match positions {
                    Some(lc) => {
                        let (l, c) = lc(p.source);
                        format!("S> {l}:{c}")
                    }
                    None => format!("S> {}", p.source),
                };
            }
            next_pos += 1;
        }
        let bytes: Vec<String> =
            f.code[insn.offset as usize..insn.next_offset() as usize].iter().map(|b| format!("{b:02x}")).collect();
        let _ = writeln!(out, "{marker:>12} @ {:>4} : {:<18} {}", insn.offset, bytes.join(" "), format_instruction(f, &insn));
    }
    if !f.constants.is_empty() {
        let _ = writeln!(out, "Constant pool (size = {})", f.constants.len());
        for (i, c) in f.constants.iter().enumerate() {
            let _ = writeln!(out, "  {i:>4}: {}", describe_constant(c));
        }
    }
    if !f.handlers.is_empty() {
        let _ = writeln!(out, "Handler table (size = {})", f.handlers.len());
        for h in &f.handlers {
            let _ = writeln!(out, "  [{}, {}) -> {} (context in {})", h.start, h.end, h.handler, Register(h.context_reg));
        }
    }
}

/// One instruction as the printer shows it: the opcode and its operands
/// (`--print-code` interleaves this with machine code).
pub fn format_instruction(f: &BytecodeFunction, insn: &crate::Instruction) -> String {
    let mut out = insn.opcode.name().to_string();
    for (i, &kind) in insn.opcode.operands().iter().enumerate() {
        let v = insn.operand(i);
        let _ = match kind {
            OperandKind::Reg => write!(out, " {}", Register(v as i32)),
            OperandKind::Imm | OperandKind::UImm => write!(out, " [{v}]"),
            OperandKind::Idx => write!(out, " [{v}]{}", constant_hint(f, v)),
            OperandKind::Slot => write!(out, " <slot {v}>"),
            OperandKind::Jump => write!(out, " @{}", insn.offset as i64 + v),
        };
        if i + 1 < insn.opcode.operands().len() {
            out.push(',');
        }
    }
    out
}

fn constant_hint(f: &BytecodeFunction, idx: i64) -> String {
    match f.constants.get(idx as usize) {
        Some(Constant::String(s)) => format!(" {:?}", String::from_utf16_lossy(s)),
        Some(Constant::Function(g)) => format!(" <function {}>", display_name(g)),
        _ => String::new(),
    }
}

fn describe_constant(c: &Constant) -> String {
    match c {
        Constant::Number(n) => format!("number {n}"),
        Constant::String(s) => format!("string {:?}", String::from_utf16_lossy(s)),
        Constant::BigInt(s) => format!("bigint {s}n"),
        Constant::Function(f) => format!("function {}", display_name(f)),
        Constant::Scope(s) => format!("scope [{}]", s.names.join(", ")),
        Constant::JumpTable(t) => format!("jump table {t:?}"),
        Constant::Template(t) => format!("template ({} strings)", t.raw.len()),
        Constant::Class(c) => format!("class {}", String::from_utf16_lossy(&c.name)),
        Constant::Globals(g) => format!(
            "globals (vars {}, functions {}, lexicals {})",
            g.vars.len(),
            g.functions.len(),
            g.lexicals.len()
        ),
    }
}
