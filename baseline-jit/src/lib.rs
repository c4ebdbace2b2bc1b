//! The baseline JIT (DESIGN.md, "Tiers"): one pass over a function's
//! bytecode, one template per instruction, over the interpreter's frame
//! layout — so the interpreter and compiled code hand a frame to each
//! other at any instruction boundary, with no frame translation.
//!
//! ```text
//! entry(vm, cursor, acc, target)    saves the fixed registers, loads vm,
//!                                   cursor, acc and the frame's fp, jumps
//!                                   to the code of the start pc
//! instruction at pc                 template (or the interpreter's handler
//!                                   for it, called through
//!                                   `strata_vm::jit::jit_run_instruction`);
//!                                   still in this frame at the next pc:
//!                                   fall through; at another pc of this
//!                                   frame: jump through the pc table;
//!                                   else (call, return, throw, suspend):
//! exit                              return (pc, acc) to the interpreter's
//!                                   loop, which continues there (entering
//!                                   the next frame's code, if it has any)
//! ```
//!
//! The accumulator lives in a fixed callee-saved register, so it survives
//! handler calls; values there are seen by the collector's conservative
//! scan of registers and stack. Exceptions, generators, `error.stack` and
//! OSR need nothing of their own: the frame is the interpreter's, and the
//! interpreter can enter the code at any pc (a loop header included).
//!
//! Files: `lib.rs` (the tier: compiling, installing, flags, statistics),
//! `x64.rs` and `aarch64.rs` (the per-architecture emitters).

mod aarch64;
mod x64;

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use strata_arch::Arch;
use strata_arch::code::CodeSpace;
use strata_bytecode::{Instruction, instructions};
use strata_gc::Gc;
use strata_vm::function::SharedFunction;
use strata_vm::jit::{JitCode, JitEntry};
use strata_vm::tier::{CompileDeclined, Tier, TierKind};
use strata_vm::{JsResult, Value, Vm};

/// What the emitters need besides the instructions.
pub(crate) struct Frame {
    /// Bytecode length: pcs at or above it leave the code.
    pub(crate) code_len: usize,
    /// Address of the pc → native address table.
    pub(crate) table: usize,
    /// Offset of the frame's fp in the interpreter's cursor.
    pub(crate) fp_offset: usize,
    /// Offset of the frame's register pointer in the cursor.
    pub(crate) regs_offset: usize,
    /// Address of `jit_run_instruction`.
    pub(crate) run_instruction: usize,
}

/// What an instruction's template does, decided once for both emitters.
pub(crate) enum Template {
    /// acc = register.
    Ldar(i32),
    /// register = acc.
    Star(i32),
    /// dst = src.
    Mov { src: i32, dst: i32 },
    /// acc = a constant value (its bits).
    LoadConstant(u64),
    /// Jump to pc.
    Jump(u32),
    /// Jump to pc when acc is (or, with `negate`, is not) the value.
    JumpIfEqual { value: u64, negate: bool, target: u32 },
    /// Jump to pc when acc is one of the two values, else fall through
    /// (`negate`: jump when it is neither).
    JumpIfEither { a: u64, b: u64, negate: bool, target: u32 },
    /// JumpIfToBoolean: true/false decided inline, anything else by the
    /// interpreter's handler.
    JumpIfBoolean { when_true: bool, target: u32 },
    /// The interpreter's handler.
    Handler,
}

/// The template of `insn`.
pub(crate) fn template(insn: &Instruction) -> Template {
    use strata_bytecode::Opcode as O;
    let op = |i: usize| insn.operands[i];
    let target = |i: usize| (insn.offset as i64 + op(i)) as u32;
    let (undefined, null) = (Value::UNDEFINED.bits(), Value::NULL.bits());
    match insn.opcode {
        O::Ldar => Template::Ldar(op(0) as i32),
        O::Star => Template::Star(op(0) as i32),
        O::Mov => Template::Mov { src: op(0) as i32, dst: op(1) as i32 },
        O::LdaUndefined => Template::LoadConstant(undefined),
        O::LdaNull => Template::LoadConstant(null),
        O::LdaTrue => Template::LoadConstant(Value::TRUE.bits()),
        O::LdaFalse => Template::LoadConstant(Value::FALSE.bits()),
        O::LdaTheHole => Template::LoadConstant(Value::HOLE.bits()),
        O::LdaZero => Template::LoadConstant(Value::int(0).bits()),
        O::LdaSmi => match i32::try_from(op(0)) {
            Ok(v) => Template::LoadConstant(Value::int(v).bits()),
            Err(_) => Template::Handler,
        },
        O::Jump => Template::Jump(target(0)),
        O::JumpIfTrue => Template::JumpIfEqual { value: Value::TRUE.bits(), negate: false, target: target(0) },
        O::JumpIfFalse => Template::JumpIfEqual { value: Value::FALSE.bits(), negate: false, target: target(0) },
        O::JumpIfNull => Template::JumpIfEqual { value: null, negate: false, target: target(0) },
        O::JumpIfNotNull => Template::JumpIfEqual { value: null, negate: true, target: target(0) },
        O::JumpIfUndefined => Template::JumpIfEqual { value: undefined, negate: false, target: target(0) },
        O::JumpIfNotUndefined => Template::JumpIfEqual { value: undefined, negate: true, target: target(0) },
        O::JumpIfUndefinedOrNull => Template::JumpIfEither { a: undefined, b: null, negate: false, target: target(0) },
        O::JumpIfNotUndefinedOrNull => Template::JumpIfEither { a: undefined, b: null, negate: true, target: target(0) },
        O::JumpIfToBooleanTrue => Template::JumpIfBoolean { when_true: true, target: target(0) },
        O::JumpIfToBooleanFalse => Template::JumpIfBoolean { when_true: false, target: target(0) },
        _ => Template::Handler,
    }
}

/// What an emitter made: code, and where each instruction and the entry
/// start in it.
pub(crate) struct Emitted {
    pub(crate) code: Vec<u8>,
    pub(crate) entry: usize,
    pub(crate) instruction_offsets: Vec<usize>,
    /// Where the shared dispatch and exit sequences start.
    pub(crate) tail: usize,
}

/// The researcher-facing switches.
#[derive(Clone, Debug, Default)]
pub struct BaselineOptions {
    /// `--print-code`: disassembly, interleaved with the bytecode it came
    /// from, for every compiled function (stdout).
    pub print_code: bool,
    /// `--trace-tier`: one line per function moved to baseline (stderr).
    pub trace_tier: bool,
    /// `--perf-map`: append `start size JS:<name> [baseline]` lines to
    /// `/tmp/perf-<pid>.map` for Linux `perf`.
    pub perf_map: bool,
}

/// The baseline tier.
pub struct BaselineTier {
    arch: Arch,
    options: BaselineOptions,
    space: CodeSpace,
    codes: Vec<Box<JitCode>>,
    functions: u64,
    bytecode_bytes: u64,
    compile_time: Duration,
    perf_map: Option<std::fs::File>,
}

impl BaselineTier {
    /// A baseline tier for this machine; `None` on machines Strata has no
    /// code generator for.
    pub fn new(options: BaselineOptions) -> Option<BaselineTier> {
        let arch = Arch::HOST?;
        let perf_map = if options.perf_map {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(format!("/tmp/perf-{}.map", std::process::id()))
                .ok()
        } else {
            None
        };
        Some(BaselineTier {
            arch,
            options,
            space: CodeSpace::new(),
            codes: Vec::new(),
            functions: 0,
            bytecode_bytes: 0,
            compile_time: Duration::ZERO,
            perf_map,
        })
    }
}

fn function_name(shared: &SharedFunction) -> String {
    let name = String::from_utf16_lossy(&shared.code.name);
    if name.is_empty() { "<anonymous>".to_string() } else { name }
}

impl Tier for BaselineTier {
    fn kind(&self) -> TierKind {
        TierKind::Baseline
    }

    fn compile(&mut self, vm: &mut Vm, shared: Gc<SharedFunction>) -> Result<(), CompileDeclined> {
        let start = Instant::now();
        let bytecode = &shared.code.code;
        let insns: Vec<Instruction> = instructions(bytecode).collect();
        let mut table = vec![0usize; bytecode.len()].into_boxed_slice();
        let frame = Frame {
            code_len: bytecode.len(),
            table: table.as_ptr() as usize,
            fp_offset: strata_vm::jit::cursor_fp_offset(),
            regs_offset: strata_vm::jit::cursor_regs_offset(),
            run_instruction: strata_vm::jit::jit_run_instruction as *const () as usize,
        };
        let emitted = match self.arch {
            Arch::X64 => x64::emit(&insns, &frame),
            Arch::Aarch64 => aarch64::emit(&insns, &frame),
        }
        .map_err(CompileDeclined)?;
        let range = self.space.install(&emitted.code).map_err(CompileDeclined)?;
        for (insn, &offset) in insns.iter().zip(&emitted.instruction_offsets) {
            table[insn.offset as usize] = range.start + offset;
        }
        // SAFETY: the entry sequence has the `JitEntry` signature and
        // calling convention (the emitters' contract).
        let entry: JitEntry = unsafe { std::mem::transmute::<usize, JitEntry>(range.start + emitted.entry) };
        let code = Box::new(JitCode { entry, table });
        shared.jit.set(&*code as *const JitCode);
        self.codes.push(code);
        let took = start.elapsed();
        self.functions += 1;
        self.bytecode_bytes += bytecode.len() as u64;
        self.compile_time += took;
        let name = function_name(&shared);
        if self.options.trace_tier {
            let place = vm
                .scripts
                .get(shared.code.script as usize)
                .map(|s| {
                    let (l, c) = s.line_column(shared.code.source_start);
                    format!(" ({}:{l}:{c})", s.path)
                })
                .unwrap_or_default();
            eprintln!(
                "[tier] {name}{place}: interp -> baseline after {} calls ({}), {} bytecode bytes -> {} bytes of {} code in {:.1} us",
                shared.invocations.get(),
                match vm.jit_policy {
                    strata_vm::jit::JitPolicy::Eager => "--tier=baseline",
                    _ => "hot",
                },
                bytecode.len(),
                emitted.code.len(),
                self.arch.name(),
                took.as_secs_f64() * 1e6
            );
        }
        if let Some(f) = &mut self.perf_map {
            use std::io::Write as _;
            let _ = writeln!(f, "{:x} {:x} JS:{name} [baseline]", range.start, range.len);
        }
        if self.options.print_code {
            print!("{}", self.listing(&shared, &insns, &emitted, range.start));
        }
        Ok(())
    }

    fn has_code(&self, shared: Gc<SharedFunction>) -> bool {
        !shared.jit.get().is_null()
    }

    fn enter(&mut self, vm: &mut Vm, fp: isize) -> JsResult<Value> {
        // The interpreter's loop enters compiled code itself.
        vm.run(fp)
    }

    fn report(&self) -> Vec<(String, String)> {
        let ms = self.compile_time.as_secs_f64() * 1e3;
        let per_ms = if ms > 0.0 { self.bytecode_bytes as f64 / ms } else { 0.0 };
        let ratio = if self.bytecode_bytes > 0 {
            self.space.installed_bytes() as f64 / self.bytecode_bytes as f64
        } else {
            0.0
        };
        vec![
            ("baseline functions".into(), self.functions.to_string()),
            ("baseline compile time".into(), format!("{ms:.3} ms")),
            ("baseline bytecode in".into(), format!("{} bytes ({per_ms:.0} bytes/ms)", self.bytecode_bytes)),
            (
                "baseline code out".into(),
                format!("{} bytes ({ratio:.1} per bytecode byte, {} mapped)", self.space.installed_bytes(), self.space.mapped_bytes()),
            ),
        ]
    }
}

impl BaselineTier {
    /// `--print-code`: each instruction followed by its machine code.
    fn listing(&self, shared: &SharedFunction, insns: &[Instruction], emitted: &Emitted, start: usize) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "[baseline code for function {} ({} bytes of {} at {start:#x})]",
            function_name(shared),
            emitted.code.len(),
            self.arch.name()
        );
        let lines = strata_arch::disasm::disassemble(self.arch, &emitted.code, start as u64).unwrap_or_default();
        let mut bounds: Vec<(usize, String)> = vec![(emitted.entry, "entry".to_string())];
        for (insn, &offset) in insns.iter().zip(&emitted.instruction_offsets) {
            bounds.push((offset, format!("@ {:>4} : {}", insn.offset, strata_bytecode::format_instruction(&shared.code, insn))));
        }
        bounds.push((emitted.tail, "dispatch (another pc of this frame) and exit (to the interpreter)".to_string()));
        bounds.sort_by_key(|b| b.0);
        let mut b = 0;
        for line in &lines {
            while b < bounds.len() && bounds[b].0 <= line.offset {
                if bounds[b].0 == line.offset {
                    let _ = writeln!(out, "  ;; {}", bounds[b].1);
                }
                b += 1;
            }
            let _ = writeln!(out, "  {:#x}  {}", start + line.offset, line.text);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    //! The templates of both emitters against the disassembler (on any
    //! host; running them is tests/js under --tier=baseline).
    use strata_arch::disasm::disassemble;
    use strata_bytecode::{Opcode, encode, instructions};

    use super::*;

    fn sample() -> Vec<Instruction> {
        let mut code = Vec::new();
        encode(&mut code, Opcode::Ldar, &[1]);
        encode(&mut code, Opcode::Star, &[2]);
        encode(&mut code, Opcode::LdaSmi, &[7]);
        // Over the first Return to the second.
        let mut jump = Vec::new();
        encode(&mut jump, Opcode::JumpIfFalse, &[0]);
        let mut ret = Vec::new();
        encode(&mut ret, Opcode::Return, &[]);
        encode(&mut code, Opcode::JumpIfFalse, &[(jump.len() + ret.len()) as i64]);
        encode(&mut code, Opcode::Return, &[]);
        encode(&mut code, Opcode::Return, &[]);
        instructions(&code).collect()
    }

    fn frame(len: usize) -> Frame {
        Frame { code_len: len, table: 0x1000, fp_offset: 32, regs_offset: 8, run_instruction: 0x2000 }
    }

    fn text(arch: Arch, code: &[u8], from: usize, to: usize) -> Vec<String> {
        disassemble(arch, &code[from..to], 0).unwrap().into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn x64_templates() {
        let insns = sample();
        let e = x64::emit(&insns, &frame(10)).unwrap();
        let o = &e.instruction_offsets;
        assert_eq!(text(Arch::X64, &e.code, o[0], o[1]), ["mov r14,[rbx+8]"]);
        assert_eq!(text(Arch::X64, &e.code, o[1], o[2]), ["mov [rbx+10h],r14"]);
        let smi = format!("mov r14,{:X}h", strata_vm::Value::int(7).bits());
        let smi = if smi.chars().nth(9).is_some_and(|c| c.is_ascii_alphabetic()) { smi.replace("r14,", "r14,0") } else { smi };
        assert_eq!(text(Arch::X64, &e.code, o[2], o[3]), [smi]);
        let branch = text(Arch::X64, &e.code, o[3], o[4]);
        assert_eq!(branch.len(), 3, "{branch:?}");
        assert_eq!(branch[1], "cmp r14,rax");
        assert!(branch[2].starts_with("je "), "{branch:?}");
        // Return has no template: the interpreter's handler is called.
        let ret = text(Arch::X64, &e.code, o[4], o[5]);
        assert!(ret.contains(&"mov rax,2000h".to_string()) && ret.contains(&"call rax".to_string()), "{ret:?}");
    }

    #[test]
    fn aarch64_templates() {
        let insns = sample();
        let e = aarch64::emit(&insns, &frame(10)).unwrap();
        let o = &e.instruction_offsets;
        assert_eq!(text(Arch::Aarch64, &e.code, o[0], o[1]), ["ldr x21, [x24, #8]"]);
        assert_eq!(text(Arch::Aarch64, &e.code, o[1], o[2]), ["str x21, [x24, #0x10]"]);
        let branch = text(Arch::Aarch64, &e.code, o[3], o[4]);
        assert_eq!(branch[branch.len() - 2], "cmp x21, x9");
        assert!(branch[branch.len() - 1].starts_with("b.eq "), "{branch:?}");
        let ret = text(Arch::Aarch64, &e.code, o[4], o[5]);
        assert!(ret.contains(&"blr x16".to_string()), "{ret:?}");
    }
}
