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
    /// Address of `jit_run_instruction`.
    pub(crate) run_instruction: usize,
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
