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
//! `compiler.rs` (the templates, written once), `masm.rs` (the
//! macro-assembler they are written against), `x64.rs` and `aarch64.rs`
//! (its two implementations).

mod aarch64;
mod compiler;
mod masm;
mod x64;

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use strata_arch::Arch;
use strata_arch::code::CodeSpace;
use strata_bytecode::{Instruction, instructions};

use crate::compiler::{Context, Emitted};
use strata_gc::Gc;
use strata_vm::function::SharedFunction;
use strata_vm::jit::{JitCode, JitEntry};
use strata_vm::tier::{CompileDeclined, Tier, TierKind};
use strata_vm::{JsResult, Value, Vm};

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

/// Which tiers run a vm's code (`--tier`).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum TierMode {
    /// The interpreter only.
    Interp,
    /// Every function compiled to baseline code at its first call.
    Baseline,
    /// The interpreter, and baseline code for hot functions and loops.
    Adaptive {
        /// Calls before a function is compiled.
        calls: u32,
        /// Back edges of one loop before its function is compiled.
        loop_iterations: u32,
    },
}

impl TierMode {
    /// The mode a `--tier` value names (`adaptive` with the default
    /// thresholds).
    pub fn parse(name: &str) -> Result<TierMode, String> {
        match name {
            "interp" => Ok(TierMode::Interp),
            "baseline" => Ok(TierMode::Baseline),
            "adaptive" => match strata_vm::jit::JitPolicy::ADAPTIVE {
                strata_vm::jit::JitPolicy::Hot { calls, loop_iterations } => Ok(TierMode::Adaptive { calls, loop_iterations }),
                _ => Err("internal error: the adaptive policy".into()),
            },
            _ => Err(format!(
                "--tier={name}: the tiers are interp, baseline and adaptive (the default; the optimizing JIT is not built yet)"
            )),
        }
    }
}

/// Sets up `vm` to run in `mode`: registers a baseline tier (unless the
/// interpreter is pinned) and the policy that sends functions to it.
/// Fails on machines without a code generator.
pub fn install(vm: &mut Vm, mode: TierMode, options: BaselineOptions) -> Result<(), String> {
    use strata_vm::jit::JitPolicy;
    let policy = match mode {
        TierMode::Interp => {
            vm.tier = None;
            vm.jit_policy = JitPolicy::Off;
            return Ok(());
        }
        TierMode::Baseline => JitPolicy::Eager,
        TierMode::Adaptive { calls, loop_iterations } => JitPolicy::Hot { calls, loop_iterations },
    };
    let Some(tier) = BaselineTier::new(options) else {
        // Adaptive on a machine without a code generator is the
        // interpreter; asking for baseline code there is an error.
        if matches!(mode, TierMode::Adaptive { .. }) {
            return install(vm, TierMode::Interp, BaselineOptions::default());
        }
        return Err("--tier=baseline: no code generator for this machine (x86-64 and AArch64 only)".into());
    };
    vm.tier = Some(Box::new(tier));
    vm.jit_policy = policy;
    Ok(())
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
    /// Where the vm keeps what fast paths touch (taken at the first compile).
    layout: Option<strata_vm::jit::JitLayout>,
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
            layout: None,
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
        // The vm's layout, taken once per tier (its probes allocate).
        let layout = self.layout.get_or_insert_with(|| strata_vm::jit::JitLayout::of(vm)).clone();
        let cx = Context {
            code_len: bytecode.len(),
            table: table.as_ptr() as usize,
            layout: &layout,
            feedback: shared.feedback.slots.as_ptr() as usize,
            constants: &shared.constants,
            params: shared.code.param_count,
            registers: shared.frame.registers,
            shared: shared.as_ptr() as usize,
        };
        let emitted = match self.arch {
            Arch::X64 => compiler::emit(x64::X64::new(), &insns, &cx),
            Arch::Aarch64 => compiler::emit(aarch64::A64::new(), &insns, &cx),
        }
        .map_err(CompileDeclined)?;
        let range = self.space.install(&emitted.code).map_err(CompileDeclined)?;
        for (insn, &offset) in insns.iter().zip(&emitted.instruction_offsets) {
            table[insn.offset as usize] = range.start + offset;
        }
        // SAFETY: the entry sequence has the `JitEntry` signature and
        // calling convention (the emitters' contract).
        let entry: JitEntry = unsafe { std::mem::transmute::<usize, JitEntry>(range.start + emitted.entry) };
        let code = Box::new(JitCode::new(entry, table, range.start + emitted.call_entry));
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
                match (vm.jit_policy, vm.tier_trigger) {
                    (strata_vm::jit::JitPolicy::Eager, _) => "--tier=baseline",
                    (_, strata_vm::jit::TierTrigger::Loop) => "hot loop; the frame enters at the loop header",
                    _ => "hot function",
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
        if emitted.call_entry < emitted.instruction_offsets.first().copied().unwrap_or(emitted.tail) {
            bounds.push((emitted.call_entry, "call entry (from compiled calls: registers start undefined)".to_string()));
        }
        for (insn, &offset) in insns.iter().zip(&emitted.instruction_offsets) {
            bounds.push((offset, format!("@ {:>4} : {}", insn.offset, strata_bytecode::format_instruction(&shared.code, insn))));
        }
        bounds.push((emitted.tail, "dispatch (another pc of this frame) and exit (to the interpreter)".to_string()));
        for &(offset, i) in &emitted.slow_paths {
            bounds.push((offset, format!("slow path of @ {}: the interpreter's handler", insns[i].offset)));
        }
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
        // An int32 add of r1 and the accumulator, feedback slot 0.
        encode(&mut code, Opcode::Add, &[1, 0]);
        encode(&mut code, Opcode::Return, &[]);
        // r0.(r1)(r2), feedback slot 1.
        encode(&mut code, Opcode::CallProperty1, &[0, 1, 2, 1]);
        encode(&mut code, Opcode::Return, &[]);
        // r1 * acc, feedback slot 2: int32, then doubles.
        encode(&mut code, Opcode::Mul, &[1, 2]);
        encode(&mut code, Opcode::Return, &[]);
        // r1.x and r1.x = acc, feedback slots 3 and 4.
        encode(&mut code, Opcode::GetNamedProperty, &[1, 0, 3]);
        encode(&mut code, Opcode::Return, &[]);
        encode(&mut code, Opcode::SetNamedProperty, &[1, 0, 4]);
        encode(&mut code, Opcode::Return, &[]);
        instructions(&code).collect()
    }

    fn emitted(arch: Arch) -> Emitted {
        let insns = sample();
        let layout = strata_vm::jit::JitLayout::of(&strata_vm::Vm::new(Default::default()));
        let cx = Context {
            code_len: 64,
            table: 0x1000,
            layout: &layout,
            feedback: 0x3000,
            constants: &[],
            params: 0,
            registers: 3,
            shared: 0x4000,
        };
        match arch {
            Arch::X64 => compiler::emit(x64::X64::new(), &insns, &cx),
            Arch::Aarch64 => compiler::emit(aarch64::A64::new(), &insns, &cx),
        }
        .unwrap()
    }

    fn text(arch: Arch, code: &[u8], from: usize, to: usize) -> Vec<String> {
        disassemble(arch, &code[from..to], 0).unwrap().into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn x64_templates() {
        let e = emitted(Arch::X64);
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
        // Return: through the frame's RETURN_ADDRESS (fp - 7) into the
        // caller's code (T4 = rcx).
        let ret = text(Arch::X64, &e.code, o[4], o[5]);
        assert!(ret.contains(&"mov rcx,[rbx-38h]".to_string()), "{ret:?}");
        assert_eq!(ret.last().map(String::as_str), Some("jmp rcx"), "{ret:?}");
        // Add: the int32 test of both operands, a 32-bit add with an
        // overflow check, the boxing, and the feedback.
        let add = text(Arch::X64, &e.code, o[6], o[7]);
        for want in ["mov rax,[rbx+8]", "and r8,r14", "add eax,r14d", "or rax,r11", "mov r14,rax"] {
            assert!(add.contains(&want.to_string()), "{want} in {add:?}");
        }
        assert!(add.iter().any(|l| l.starts_with("jo ")), "{add:?}");
        assert!(add.iter().any(|l| l.starts_with("or dword ptr [r10")), "{add:?}");
        // A call: the callee's frame written (its argument at the new
        // frame's PARAM0, fp - 9), the continuation taken, a jump into the
        // callee's code (T5 = rdx), then the landing that restores the
        // cursor.
        let call = text(Arch::X64, &e.code, o[8], o[9]);
        assert!(call.contains(&"mov [r10-48h],rdx".to_string()), "{call:?}");
        assert!(call.iter().any(|l| l.starts_with("lea rdx,")), "{call:?}");
        assert!(call.contains(&"jmp rdx".to_string()), "{call:?}");
        // The call entry starts the three registers undefined.
        let entry = text(Arch::X64, &e.code, e.call_entry, o[0]);
        assert_eq!(entry.len(), 4, "{entry:?}");
        for want in ["mov [rbx],rcx", "mov [rbx+8],rcx", "mov [rbx+10h],rcx"] {
            assert!(entry.contains(&want.to_string()), "{want} in {entry:?}");
        }
        // Mul: imul with an overflow check, then the double path: both
        // operands unboxed, mulsd, and the result boxed (an int32 when
        // the truncation converts back exactly).
        let mul = text(Arch::X64, &e.code, o[10], o[11]);
        for want in ["imul eax,r14d", "cvtsi2sd xmm0,eax", "mulsd xmm0,xmm1", "cvttsd2si r11d,xmm0", "ucomisd xmm2,xmm0"] {
            assert!(mul.contains(&want.to_string()), "{want} in {mul:?}");
        }
        // Named load and store: the receiver's shape word compared with
        // the mirror entries in memory; an own inline slot read or
        // written at the offset the entry's location gives.
        let get = text(Arch::X64, &e.code, o[12], o[13]);
        for want in ["mov r8,[rax+8]", "cmp r8,[r10+8]", "test r8d,0C0000000h", "mov r14,[rax+r8]"] {
            assert!(get.contains(&want.to_string()), "{want} in {get:?}");
        }
        let set = text(Arch::X64, &e.code, o[14], o[15]);
        for want in ["cmp r8,[r10+8]", "test r8d,0C0000000h", "mov [rax+r8],r14"] {
            assert!(set.contains(&want.to_string()), "{want} in {set:?}");
        }
        assert_eq!(e.slow_paths.len(), 12);
    }

    #[test]
    fn aarch64_templates() {
        let e = emitted(Arch::Aarch64);
        let o = &e.instruction_offsets;
        assert_eq!(text(Arch::Aarch64, &e.code, o[0], o[1]), ["ldr x21, [x24, #8]"]);
        assert_eq!(text(Arch::Aarch64, &e.code, o[1], o[2]), ["str x21, [x24, #0x10]"]);
        let branch = text(Arch::Aarch64, &e.code, o[3], o[4]);
        assert_eq!(branch[branch.len() - 2], "cmp x21, x9");
        assert!(branch[branch.len() - 1].starts_with("b.eq "), "{branch:?}");
        let ret = text(Arch::Aarch64, &e.code, o[4], o[5]);
        assert!(ret.contains(&"ldur x13, [x24, #-0x38]".to_string()), "{ret:?}");
        assert_eq!(ret.last().map(String::as_str), Some("br x13"), "{ret:?}");
        let add = text(Arch::Aarch64, &e.code, o[6], o[7]);
        for want in ["ldr x9, [x24, #8]", "and x10, x10, x21", "adds w9, w9, w21", "orr x9, x9, x16", "mov x21, x9"] {
            assert!(add.contains(&want.to_string()), "{want} in {add:?}");
        }
        assert!(add.iter().any(|l| l.starts_with("b.vs ")), "{add:?}");
        let call = text(Arch::Aarch64, &e.code, o[8], o[9]);
        assert!(call.contains(&"stur x14, [x12, #-0x48]".to_string()), "{call:?}");
        assert!(call.iter().any(|l| l.starts_with("adr x14")), "{call:?}");
        assert!(call.contains(&"br x14".to_string()), "{call:?}");
        let entry = text(Arch::Aarch64, &e.code, e.call_entry, o[0]);
        for want in ["str x13, [x24]", "str x13, [x24, #8]", "str x13, [x24, #0x10]"] {
            assert!(entry.contains(&want.to_string()), "{want} in {entry:?}");
        }
        let mul = text(Arch::Aarch64, &e.code, o[10], o[11]);
        for want in ["smull x16, w9, w21", "cmp x16, w16, sxtw", "scvtf d0, w9", "fmul d0, d0, d1", "fcvtzs w16, d0", "fcmp d2, d0"] {
            assert!(mul.contains(&want.to_string()), "{want} in {mul:?}");
        }
        let get = text(Arch::Aarch64, &e.code, o[12], o[13]);
        for want in ["ldr x10, [x9, #8]", "ldr x16, [x12, #8]", "cmp x10, x16", "tst w10, w16", "ldr x21, [x9, x10]"] {
            assert!(get.contains(&want.to_string()), "{want} in {get:?}");
        }
        let set = text(Arch::Aarch64, &e.code, o[14], o[15]);
        for want in ["ldr x16, [x12, #8]", "tst w10, w16", "str x21, [x9, x10]"] {
            assert!(set.contains(&want.to_string()), "{want} in {set:?}");
        }
    }
}
