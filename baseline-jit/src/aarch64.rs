//! The AArch64 macro-assembler. Fixed registers (callee-saved, so they
//! survive calls): x19 = vm, x20 = the interpreter's cursor, x21 = the
//! accumulator, x22 = the frame's fp (to see whether control left the
//! frame), x24 = the frame's registers (`Reg` r is at x24 + 8r).
//! Scratch: x9 (T0), x10 (T1), x11 (T2), x12 (T3), x13 (T4), x14 (T5),
//! and x16/x17 (the intra-procedure-call registers) for the
//! macro-assembler itself.

use dynasmrt::{DynamicLabel, DynasmApi, DynasmLabelApi, dynasm};
use strata_arch::aarch64::{self, Reg};

use strata_vm::value::{CANONICAL_NAN, DOUBLE_ENCODE_OFFSET, INT32_TAG};

use crate::masm::{Arg, Cond, F, FloatOp, Masm, R, Shift};

/// The emitter.
pub(crate) struct A64 {
    ops: aarch64::Assembler,
}

impl A64 {
    pub(crate) fn new() -> A64 {
        A64 { ops: aarch64::assembler() }
    }
}

/// Floating-point register numbers; d2 is the macro-assembler's own.
fn fcode(f: F) -> u32 {
    match f {
        F::F0 => 0,
        F::F1 => 1,
    }
}

fn code(r: R) -> u32 {
    match r {
        R::Vm => 19,
        R::Cursor => 20,
        R::Acc => 21,
        R::Fp => 22,
        R::Regs => 24,
        R::T0 => 9,
        R::T1 => 10,
        R::T2 => 11,
        R::T3 => 12,
        R::T4 => 13,
        R::T5 => 14,
    }
}

/// Access widths.
#[derive(Copy, Clone, PartialEq)]
enum Width {
    W64,
    W32,
    W8,
}

impl A64 {
    /// One load (`store == false`) or store of register `rt` at
    /// `[base + offset]`, choosing the addressing mode the offset fits
    /// (x17 holds offsets no mode encodes).
    fn access(&mut self, store: bool, width: Width, rt: u32, base: u32, offset: i32) {
        let size = match width {
            Width::W64 => 8,
            Width::W32 => 4,
            Width::W8 => 1,
        };
        let ops = &mut self.ops;
        if offset >= 0 && offset % size == 0 && offset / size < 4096 {
            let off = offset as u32;
            match (store, width) {
                (false, Width::W64) => dynasm!(ops ; .arch aarch64 ; ldr X(rt), [X(base), off]),
                (true, Width::W64) => dynasm!(ops ; .arch aarch64 ; str X(rt), [X(base), off]),
                (false, Width::W32) => dynasm!(ops ; .arch aarch64 ; ldr W(rt), [X(base), off]),
                (true, Width::W32) => dynasm!(ops ; .arch aarch64 ; str W(rt), [X(base), off]),
                (false, Width::W8) => dynasm!(ops ; .arch aarch64 ; ldrb W(rt), [X(base), off]),
                (true, Width::W8) => dynasm!(ops ; .arch aarch64 ; strb W(rt), [X(base), off]),
            }
        } else if (-256..256).contains(&offset) {
            match (store, width) {
                (false, Width::W64) => dynasm!(ops ; .arch aarch64 ; ldur X(rt), [X(base), offset]),
                (true, Width::W64) => dynasm!(ops ; .arch aarch64 ; stur X(rt), [X(base), offset]),
                (false, Width::W32) => dynasm!(ops ; .arch aarch64 ; ldur W(rt), [X(base), offset]),
                (true, Width::W32) => dynasm!(ops ; .arch aarch64 ; stur W(rt), [X(base), offset]),
                (false, Width::W8) => dynasm!(ops ; .arch aarch64 ; ldurb W(rt), [X(base), offset]),
                (true, Width::W8) => dynasm!(ops ; .arch aarch64 ; sturb W(rt), [X(base), offset]),
            }
        } else {
            aarch64::load_imm64(ops, Reg(17), offset as i64 as u64);
            match (store, width) {
                (false, Width::W64) => dynasm!(ops ; .arch aarch64 ; ldr X(rt), [X(base), x17]),
                (true, Width::W64) => dynasm!(ops ; .arch aarch64 ; str X(rt), [X(base), x17]),
                (false, Width::W32) => dynasm!(ops ; .arch aarch64 ; ldr W(rt), [X(base), x17]),
                (true, Width::W32) => dynasm!(ops ; .arch aarch64 ; str W(rt), [X(base), x17]),
                (false, Width::W8) => dynasm!(ops ; .arch aarch64 ; ldrb W(rt), [X(base), x17]),
                (true, Width::W8) => dynasm!(ops ; .arch aarch64 ; strb W(rt), [X(base), x17]),
            }
        }
    }
}

impl Masm for A64 {
    fn new_label(&mut self) -> DynamicLabel {
        self.ops.new_dynamic_label()
    }
    fn bind(&mut self, label: DynamicLabel) {
        dynasm!(self.ops ; .arch aarch64 ; =>label);
    }
    fn offset(&self) -> usize {
        self.ops.offset().0
    }

    fn jump(&mut self, label: DynamicLabel) {
        dynasm!(self.ops ; .arch aarch64 ; b =>label);
    }
    fn label_address(&mut self, dst: R, label: DynamicLabel) {
        dynasm!(self.ops ; .arch aarch64 ; adr X(code(dst)), =>label);
    }
    fn branch(&mut self, cond: Cond, l: DynamicLabel) {
        let ops = &mut self.ops;
        match cond {
            Cond::Eq => dynasm!(ops ; .arch aarch64 ; b.eq =>l),
            Cond::Ne => dynasm!(ops ; .arch aarch64 ; b.ne =>l),
            Cond::Lt => dynasm!(ops ; .arch aarch64 ; b.lt =>l),
            Cond::Le => dynasm!(ops ; .arch aarch64 ; b.le =>l),
            Cond::Gt => dynasm!(ops ; .arch aarch64 ; b.gt =>l),
            Cond::Ge => dynasm!(ops ; .arch aarch64 ; b.ge =>l),
            Cond::Below => dynasm!(ops ; .arch aarch64 ; b.lo =>l),
            Cond::AboveEq => dynasm!(ops ; .arch aarch64 ; b.hs =>l),
            Cond::BelowEq => dynasm!(ops ; .arch aarch64 ; b.ls =>l),
            Cond::Overflow => dynasm!(ops ; .arch aarch64 ; b.vs =>l),
        }
    }
    fn jump_reg(&mut self, r: R) {
        dynasm!(self.ops ; .arch aarch64 ; br X(code(r)));
    }

    fn mov_imm(&mut self, dst: R, value: u64) {
        aarch64::load_imm64(&mut self.ops, Reg(code(dst) as u8), value);
    }
    fn mov(&mut self, dst: R, src: R) {
        if dst != src {
            dynasm!(self.ops ; .arch aarch64 ; mov X(code(dst)), X(code(src)));
        }
    }
    fn mov32(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch aarch64 ; mov W(code(dst)), W(code(src)));
    }
    fn load(&mut self, dst: R, base: R, offset: i32) {
        self.access(false, Width::W64, code(dst), code(base), offset);
    }
    fn load32(&mut self, dst: R, base: R, offset: i32) {
        self.access(false, Width::W32, code(dst), code(base), offset);
    }
    fn load8(&mut self, dst: R, base: R, offset: i32) {
        self.access(false, Width::W8, code(dst), code(base), offset);
    }
    fn store(&mut self, base: R, offset: i32, src: R) {
        self.access(true, Width::W64, code(src), code(base), offset);
    }
    fn load_indexed(&mut self, dst: R, base: R, index: R, offset: i32) {
        dynasm!(self.ops ; .arch aarch64 ; add x16, X(code(base)), X(code(index)), lsl #3);
        self.access(false, Width::W64, code(dst), 16, offset);
    }
    fn store_indexed(&mut self, base: R, index: R, offset: i32, src: R) {
        dynasm!(self.ops ; .arch aarch64 ; add x16, X(code(base)), X(code(index)), lsl #3);
        self.access(true, Width::W64, code(src), 16, offset);
    }

    fn load_byte_indexed(&mut self, dst: R, base: R, index: R) {
        dynasm!(self.ops ; .arch aarch64 ; ldr X(code(dst)), [X(code(base)), X(code(index))]);
    }
    fn store_byte_indexed(&mut self, base: R, index: R, src: R) {
        dynasm!(self.ops ; .arch aarch64 ; str X(code(src)), [X(code(base)), X(code(index))]);
    }

    fn cmp(&mut self, a: R, b: R) {
        dynasm!(self.ops ; .arch aarch64 ; cmp X(code(a)), X(code(b)));
    }
    fn cmp_mem(&mut self, a: R, base: R, offset: i32) {
        // x16: `access` itself uses only x17 for large offsets.
        self.access(false, Width::W64, 16, code(base), offset);
        dynasm!(self.ops ; .arch aarch64 ; cmp X(code(a)), x16);
    }
    fn test_imm32(&mut self, a: R, imm: u32) {
        aarch64::load_imm64(&mut self.ops, Reg(16), imm as u64);
        dynasm!(self.ops ; .arch aarch64 ; tst W(code(a)), w16);
    }
    fn cmp_imm(&mut self, a: R, imm: u32) {
        if imm < 4096 {
            dynasm!(self.ops ; .arch aarch64 ; cmp XSP(code(a)), #imm);
        } else {
            aarch64::load_imm64(&mut self.ops, Reg(16), imm as u64);
            dynasm!(self.ops ; .arch aarch64 ; cmp X(code(a)), x16);
        }
    }
    fn cmp32(&mut self, a: R, b: R) {
        dynasm!(self.ops ; .arch aarch64 ; cmp W(code(a)), W(code(b)));
    }
    fn test(&mut self, a: R, b: R) {
        dynasm!(self.ops ; .arch aarch64 ; tst X(code(a)), X(code(b)));
    }
    fn add_imm(&mut self, dst: R, imm: u32) {
        debug_assert!(imm < 4096);
        let d = code(dst);
        dynasm!(self.ops ; .arch aarch64 ; add XSP(d), XSP(d), #imm);
    }
    fn sub_imm(&mut self, dst: R, imm: u32) {
        debug_assert!(imm < 4096);
        let d = code(dst);
        dynasm!(self.ops ; .arch aarch64 ; sub XSP(d), XSP(d), #imm);
    }
    fn add(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch aarch64 ; add X(code(dst)), X(code(dst)), X(code(src)));
    }
    fn sub(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch aarch64 ; sub X(code(dst)), X(code(dst)), X(code(src)));
    }
    fn lea_indexed(&mut self, dst: R, base: R, index: R, offset: i32) {
        let d = code(dst);
        dynasm!(self.ops ; .arch aarch64 ; add X(d), X(code(base)), X(code(index)), lsl #3);
        if offset != 0 {
            aarch64::load_imm64(&mut self.ops, Reg(16), offset as i64 as u64);
            dynasm!(self.ops ; .arch aarch64 ; add X(d), X(d), x16);
        }
    }
    fn and(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch aarch64 ; and X(code(dst)), X(code(dst)), X(code(src)));
    }

    fn add32(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch aarch64 ; adds W(code(dst)), W(code(dst)), W(code(src)));
    }
    fn sub32(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch aarch64 ; subs W(code(dst)), W(code(dst)), W(code(src)));
    }
    fn add32_imm(&mut self, dst: R, imm: i32) {
        let d = code(dst);
        if (0..4096).contains(&imm) {
            dynasm!(self.ops ; .arch aarch64 ; adds W(d), WSP(d), #imm as u32);
        } else {
            aarch64::load_imm64(&mut self.ops, Reg(16), imm as u32 as u64);
            dynasm!(self.ops ; .arch aarch64 ; adds W(d), W(d), w16);
        }
    }
    fn and32(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch aarch64 ; and W(code(dst)), W(code(dst)), W(code(src)));
    }
    fn or32(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch aarch64 ; orr W(code(dst)), W(code(dst)), W(code(src)));
    }
    fn xor32(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch aarch64 ; eor W(code(dst)), W(code(dst)), W(code(src)));
    }
    fn box_int32(&mut self, dst: R) {
        let d = code(dst);
        aarch64::load_imm64(&mut self.ops, Reg(16), strata_vm::value::INT32_TAG);
        // A 32-bit move zero-extends.
        dynasm!(self.ops
            ; .arch aarch64
            ; mov W(d), W(d)
            ; orr X(d), X(d), x16
        );
    }
    fn set_bool(&mut self, dst: R, cond: Cond) {
        let d = code(dst);
        let ops = &mut self.ops;
        match cond {
            Cond::Eq => dynasm!(ops ; .arch aarch64 ; cset X(d), eq),
            Cond::Ne => dynasm!(ops ; .arch aarch64 ; cset X(d), ne),
            Cond::Lt => dynasm!(ops ; .arch aarch64 ; cset X(d), lt),
            Cond::Le => dynasm!(ops ; .arch aarch64 ; cset X(d), le),
            Cond::Gt => dynasm!(ops ; .arch aarch64 ; cset X(d), gt),
            Cond::Ge => dynasm!(ops ; .arch aarch64 ; cset X(d), ge),
            Cond::Below => dynasm!(ops ; .arch aarch64 ; cset X(d), lo),
            Cond::AboveEq => dynasm!(ops ; .arch aarch64 ; cset X(d), hs),
            Cond::BelowEq => dynasm!(ops ; .arch aarch64 ; cset X(d), ls),
            Cond::Overflow => dynasm!(ops ; .arch aarch64 ; cset X(d), vs),
        }
        // false is 6 and true 7.
        dynasm!(ops ; .arch aarch64 ; add XSP(d), XSP(d), #6);
    }
    fn flip_bool(&mut self, dst: R) {
        let d = code(dst);
        dynasm!(self.ops ; .arch aarch64 ; eor XSP(d), X(d), #1);
    }

    fn mul32(&mut self, dst: R, src: R, overflow: DynamicLabel) {
        let d = code(dst);
        // The full 64-bit product fits int32 iff it equals its low half
        // sign-extended.
        dynasm!(self.ops
            ; .arch aarch64
            ; smull x16, W(d), W(code(src))
            ; cmp x16, w16, sxtw
            ; b.ne =>overflow
            ; mov W(d), w16
        );
    }
    fn shift32(&mut self, kind: Shift, dst: R, count: R) {
        // The register forms shift by the count modulo 32.
        let (d, c) = (code(dst), code(count));
        match kind {
            Shift::Left => dynasm!(self.ops ; .arch aarch64 ; lsl W(d), W(d), W(c)),
            Shift::Right => dynasm!(self.ops ; .arch aarch64 ; asr W(d), W(d), W(c)),
            Shift::RightLogical => dynasm!(self.ops ; .arch aarch64 ; lsr W(d), W(d), W(c)),
        }
    }
    fn rem32(&mut self, dst: R, src: R) {
        let (d, s) = (code(dst), code(src));
        dynasm!(self.ops
            ; .arch aarch64
            ; udiv w16, W(d), W(s)
            ; msub W(d), w16, W(s), W(d)
        );
    }
    fn branch_negative32(&mut self, r: R, label: DynamicLabel) {
        dynasm!(self.ops ; .arch aarch64 ; tbnz W(code(r)), #31, =>label);
    }

    fn unbox_number(&mut self, f: F, src: R, not_number: DynamicLabel) {
        let (v, s) = (fcode(f), code(src));
        let (not_int, done) = (self.new_label(), self.new_label());
        aarch64::load_imm64(&mut self.ops, Reg(16), INT32_TAG);
        dynasm!(self.ops
            ; .arch aarch64
            ; cmp X(s), x16
            ; b.lo =>not_int
            ; scvtf D(v), W(s)
            ; b =>done
            ; =>not_int
        );
        aarch64::load_imm64(&mut self.ops, Reg(16), DOUBLE_ENCODE_OFFSET);
        dynasm!(self.ops
            ; .arch aarch64
            ; cmp X(s), x16
            ; b.lo =>not_number
            ; sub x16, X(s), x16
            ; fmov D(v), x16
            ; =>done
        );
    }
    fn float_op(&mut self, op: FloatOp, a: F, b: F) {
        let (a, b) = (fcode(a), fcode(b));
        match op {
            FloatOp::Add => dynasm!(self.ops ; .arch aarch64 ; fadd D(a), D(a), D(b)),
            FloatOp::Sub => dynasm!(self.ops ; .arch aarch64 ; fsub D(a), D(a), D(b)),
            FloatOp::Mul => dynasm!(self.ops ; .arch aarch64 ; fmul D(a), D(a), D(b)),
            FloatOp::Div => dynasm!(self.ops ; .arch aarch64 ; fdiv D(a), D(a), D(b)),
        }
    }
    fn box_number(&mut self, dst: R, f: F) {
        let (v, d) = (fcode(f), code(dst));
        let (int, double, not_nan, done) = (self.new_label(), self.new_label(), self.new_label(), self.new_label());
        // Truncate (saturating) and convert back: equal means an int32,
        // unless it is -0. NaN compares unequal.
        dynasm!(self.ops
            ; .arch aarch64
            ; fcvtzs w16, D(v)
            ; scvtf d2, w16
            ; fcmp d2, D(v)
            ; b.ne =>double
            ; cbnz w16, =>int
            ; fmov X(d), D(v)
            ; tbnz X(d), #63, =>double
            ; =>int
        );
        aarch64::load_imm64(&mut self.ops, Reg(17), INT32_TAG);
        dynasm!(self.ops
            ; .arch aarch64
            ; mov w16, w16
            ; orr X(d), x16, x17
            ; b =>done
            ; =>double
            ; fmov X(d), D(v)
            ; fcmp D(v), D(v)
            ; b.vc =>not_nan
        );
        aarch64::load_imm64(&mut self.ops, Reg(d as u8), CANONICAL_NAN);
        dynasm!(self.ops ; .arch aarch64 ; =>not_nan);
        aarch64::load_imm64(&mut self.ops, Reg(17), DOUBLE_ENCODE_OFFSET);
        dynasm!(self.ops
            ; .arch aarch64
            ; add X(d), X(d), x17
            ; =>done
        );
    }
    fn float_set_bool(&mut self, dst: R, cond: Cond, a: F, b: F) {
        // After fcmp, unordered sets C and V: `mi`, `ls`, `gt` and `ge`
        // are all false for it.
        let d = code(dst);
        dynasm!(self.ops ; .arch aarch64 ; fcmp D(fcode(a)), D(fcode(b)));
        match cond {
            Cond::Lt => dynasm!(self.ops ; .arch aarch64 ; cset X(d), mi),
            Cond::Le => dynasm!(self.ops ; .arch aarch64 ; cset X(d), ls),
            Cond::Gt => dynasm!(self.ops ; .arch aarch64 ; cset X(d), gt),
            Cond::Ge => dynasm!(self.ops ; .arch aarch64 ; cset X(d), ge),
            _ => unreachable!("float_set_bool takes an ordering"),
        }
        dynasm!(self.ops ; .arch aarch64 ; add XSP(d), XSP(d), #6);
    }

    fn or_mem32(&mut self, base: R, offset: i32, imm: u32) {
        let b = code(base);
        self.access(false, Width::W32, 16, b, offset);
        aarch64::load_imm64(&mut self.ops, Reg(17), imm as u64);
        dynasm!(self.ops ; .arch aarch64 ; orr w16, w16, w17);
        self.access(true, Width::W32, 16, b, offset);
    }
    fn saturating_inc_mem32(&mut self, base: R, offset: i32) {
        let b = code(base);
        self.access(false, Width::W32, 16, b, offset);
        // On a carry out (0xFFFF_FFFF + 1) keep all ones.
        dynasm!(self.ops
            ; .arch aarch64
            ; adds w16, w16, #1
            ; csinv w16, w16, wzr, cc
        );
        self.access(true, Width::W32, 16, b, offset);
    }

    fn call(&mut self, target: usize, args: &[Arg]) {
        for (i, &arg) in args.iter().enumerate() {
            match arg {
                Arg::Reg(r) => dynasm!(self.ops ; .arch aarch64 ; mov X(i as u32), X(code(r))),
                Arg::Imm(v) => aarch64::load_imm64(&mut self.ops, Reg(i as u8), v),
            }
        }
        aarch64::call_absolute(&mut self.ops, target);
        dynasm!(self.ops
            ; .arch aarch64
            ; mov x9, x0
            ; mov x21, x1
        );
    }

    fn entry(&mut self, cursor_fp: i32, cursor_regs: i32) {
        aarch64::enter(&mut self.ops);
        dynasm!(self.ops
            ; .arch aarch64
            ; stp x23, x24, [sp, #-16]!
            ; mov x19, x0
            ; mov x20, x1
            ; mov x21, x2
        );
        self.access(false, Width::W64, 22, 20, cursor_fp);
        self.access(false, Width::W64, 24, 20, cursor_regs);
        dynasm!(self.ops ; .arch aarch64 ; br x3);
    }
    fn dispatch(&mut self, code_len: usize, table: usize, exit: DynamicLabel) {
        aarch64::load_imm64(&mut self.ops, Reg(16), code_len as u64);
        aarch64::load_imm64(&mut self.ops, Reg(17), table as u64);
        dynasm!(self.ops
            ; .arch aarch64
            ; cmp x9, x16
            ; b.hs =>exit
            ; ldr x16, [x17, x9, lsl #3]
            ; cbz x16, =>exit
            ; br x16
        );
    }
    fn exit(&mut self) {
        dynasm!(self.ops
            ; .arch aarch64
            ; mov x0, x9
            ; mov x1, x21
            ; ldp x23, x24, [sp], #16
        );
        aarch64::leave(&mut self.ops);
    }

    fn finish(self) -> Result<Vec<u8>, String> {
        self.ops.finalize().map_err(|e| format!("AArch64 assembly failed: {e:?}"))
    }
}
