//! The x86-64 macro-assembler. Fixed registers (callee-saved, so they
//! survive calls): r12 = vm, r13 = the interpreter's cursor, r14 = the
//! accumulator, r15 = the frame's fp (to see whether control left the
//! frame), rbx = the frame's registers (`Reg` r is at rbx + 8r). Scratch:
//! rax (T0), r8 (T1), r9 (T2), r10 (T3), rcx (T4), rdx (T5), and r11 for
//! the macro-assembler itself. T0..T3 are not argument registers of the
//! four-argument calls, so arguments never overwrite each other; T4 and
//! T5 are, and templates never pass them.

use dynasmrt::{DynamicLabel, DynasmApi, DynasmLabelApi, dynasm};
use strata_arch::x64;

use strata_vm::value::{CANONICAL_NAN, DOUBLE_ENCODE_OFFSET, INT32_TAG};

use crate::masm::{Arg, Cond, F, FloatOp, Masm, R, Shift};

/// The emitter.
pub(crate) struct X64 {
    ops: x64::Assembler,
}

impl X64 {
    pub(crate) fn new() -> X64 {
        X64 { ops: x64::assembler() }
    }
}

/// xmm register numbers; xmm2 is the macro-assembler's own.
fn fcode(f: F) -> u8 {
    match f {
        F::F0 => 0,
        F::F1 => 1,
    }
}

fn code(r: R) -> u8 {
    match r {
        R::Vm => 12,
        R::Cursor => 13,
        R::Acc => 14,
        R::Fp => 15,
        R::Regs => 3,
        R::T0 => 0,
        R::T1 => 8,
        R::T2 => 9,
        R::T3 => 10,
        R::T4 => 1,
        R::T5 => 2,
    }
}

impl Masm for X64 {
    fn new_label(&mut self) -> DynamicLabel {
        self.ops.new_dynamic_label()
    }
    fn bind(&mut self, label: DynamicLabel) {
        dynasm!(self.ops ; .arch x64 ; =>label);
    }
    fn offset(&self) -> usize {
        self.ops.offset().0
    }

    fn jump(&mut self, label: DynamicLabel) {
        dynasm!(self.ops ; .arch x64 ; jmp =>label);
    }
    fn label_address(&mut self, dst: R, label: DynamicLabel) {
        dynasm!(self.ops ; .arch x64 ; lea Rq(code(dst)), [=>label]);
    }
    fn branch(&mut self, cond: Cond, l: DynamicLabel) {
        let ops = &mut self.ops;
        match cond {
            Cond::Eq => dynasm!(ops ; .arch x64 ; je =>l),
            Cond::Ne => dynasm!(ops ; .arch x64 ; jne =>l),
            Cond::Lt => dynasm!(ops ; .arch x64 ; jl =>l),
            Cond::Le => dynasm!(ops ; .arch x64 ; jle =>l),
            Cond::Gt => dynasm!(ops ; .arch x64 ; jg =>l),
            Cond::Ge => dynasm!(ops ; .arch x64 ; jge =>l),
            Cond::Below => dynasm!(ops ; .arch x64 ; jb =>l),
            Cond::AboveEq => dynasm!(ops ; .arch x64 ; jae =>l),
            Cond::BelowEq => dynasm!(ops ; .arch x64 ; jbe =>l),
            Cond::Overflow => dynasm!(ops ; .arch x64 ; jo =>l),
        }
    }
    fn jump_reg(&mut self, r: R) {
        dynasm!(self.ops ; .arch x64 ; jmp Rq(code(r)));
    }

    fn mov_imm(&mut self, dst: R, value: u64) {
        x64::load_imm64(&mut self.ops, reg(dst), value);
    }
    fn mov(&mut self, dst: R, src: R) {
        if dst != src {
            dynasm!(self.ops ; .arch x64 ; mov Rq(code(dst)), Rq(code(src)));
        }
    }
    fn mov32(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch x64 ; mov Rd(code(dst)), Rd(code(src)));
    }
    fn load(&mut self, dst: R, base: R, offset: i32) {
        dynasm!(self.ops ; .arch x64 ; mov Rq(code(dst)), QWORD [Rq(code(base)) + offset]);
    }
    fn load32(&mut self, dst: R, base: R, offset: i32) {
        dynasm!(self.ops ; .arch x64 ; mov Rd(code(dst)), DWORD [Rq(code(base)) + offset]);
    }
    fn load8(&mut self, dst: R, base: R, offset: i32) {
        dynasm!(self.ops ; .arch x64 ; movzx Rd(code(dst)), BYTE [Rq(code(base)) + offset]);
    }
    fn store(&mut self, base: R, offset: i32, src: R) {
        dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(code(base)) + offset], Rq(code(src)));
    }
    fn load_indexed(&mut self, dst: R, base: R, index: R, offset: i32) {
        dynasm!(self.ops ; .arch x64 ; mov Rq(code(dst)), QWORD [Rq(code(base)) + Rq(code(index)) * 8 + offset]);
    }
    fn store_indexed(&mut self, base: R, index: R, offset: i32, src: R) {
        dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(code(base)) + Rq(code(index)) * 8 + offset], Rq(code(src)));
    }

    fn load_byte_indexed(&mut self, dst: R, base: R, index: R) {
        dynasm!(self.ops ; .arch x64 ; mov Rq(code(dst)), QWORD [Rq(code(base)) + Rq(code(index))]);
    }
    fn store_byte_indexed(&mut self, base: R, index: R, src: R) {
        dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(code(base)) + Rq(code(index))], Rq(code(src)));
    }

    fn cmp(&mut self, a: R, b: R) {
        dynasm!(self.ops ; .arch x64 ; cmp Rq(code(a)), Rq(code(b)));
    }
    fn cmp_mem(&mut self, a: R, base: R, offset: i32) {
        dynasm!(self.ops ; .arch x64 ; cmp Rq(code(a)), QWORD [Rq(code(base)) + offset]);
    }
    fn test_imm32(&mut self, a: R, imm: u32) {
        dynasm!(self.ops ; .arch x64 ; test Rd(code(a)), imm as i32);
    }
    fn cmp_imm(&mut self, a: R, imm: u32) {
        if imm <= i32::MAX as u32 {
            dynasm!(self.ops ; .arch x64 ; cmp Rq(code(a)), imm as i32);
        } else {
            dynasm!(self.ops ; .arch x64 ; mov r11d, imm as i32 ; cmp Rq(code(a)), r11);
        }
    }
    fn cmp32(&mut self, a: R, b: R) {
        dynasm!(self.ops ; .arch x64 ; cmp Rd(code(a)), Rd(code(b)));
    }
    fn test(&mut self, a: R, b: R) {
        dynasm!(self.ops ; .arch x64 ; test Rq(code(a)), Rq(code(b)));
    }
    fn add_imm(&mut self, dst: R, imm: u32) {
        dynasm!(self.ops ; .arch x64 ; add Rq(code(dst)), imm as i32);
    }
    fn sub_imm(&mut self, dst: R, imm: u32) {
        dynasm!(self.ops ; .arch x64 ; sub Rq(code(dst)), imm as i32);
    }
    fn add(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch x64 ; add Rq(code(dst)), Rq(code(src)));
    }
    fn sub(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch x64 ; sub Rq(code(dst)), Rq(code(src)));
    }
    fn lea_indexed(&mut self, dst: R, base: R, index: R, offset: i32) {
        dynasm!(self.ops ; .arch x64 ; lea Rq(code(dst)), [Rq(code(base)) + Rq(code(index)) * 8 + offset]);
    }
    fn and(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch x64 ; and Rq(code(dst)), Rq(code(src)));
    }

    fn add32(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch x64 ; add Rd(code(dst)), Rd(code(src)));
    }
    fn sub32(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch x64 ; sub Rd(code(dst)), Rd(code(src)));
    }
    fn add32_imm(&mut self, dst: R, imm: i32) {
        dynasm!(self.ops ; .arch x64 ; add Rd(code(dst)), imm);
    }
    fn and32(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch x64 ; and Rd(code(dst)), Rd(code(src)));
    }
    fn or32(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch x64 ; or Rd(code(dst)), Rd(code(src)));
    }
    fn xor32(&mut self, dst: R, src: R) {
        dynasm!(self.ops ; .arch x64 ; xor Rd(code(dst)), Rd(code(src)));
    }
    fn box_int32(&mut self, dst: R) {
        let d = code(dst);
        dynasm!(self.ops
            ; .arch x64
            ; mov Rd(d), Rd(d)
            ; mov r11, QWORD strata_vm::value::INT32_TAG as i64
            ; or Rq(d), r11
        );
    }
    fn set_bool(&mut self, dst: R, cond: Cond) {
        let d = code(dst);
        let ops = &mut self.ops;
        match cond {
            Cond::Eq => dynasm!(ops ; .arch x64 ; sete Rb(d)),
            Cond::Ne => dynasm!(ops ; .arch x64 ; setne Rb(d)),
            Cond::Lt => dynasm!(ops ; .arch x64 ; setl Rb(d)),
            Cond::Le => dynasm!(ops ; .arch x64 ; setle Rb(d)),
            Cond::Gt => dynasm!(ops ; .arch x64 ; setg Rb(d)),
            Cond::Ge => dynasm!(ops ; .arch x64 ; setge Rb(d)),
            Cond::Below => dynasm!(ops ; .arch x64 ; setb Rb(d)),
            Cond::AboveEq => dynasm!(ops ; .arch x64 ; setae Rb(d)),
            Cond::BelowEq => dynasm!(ops ; .arch x64 ; setbe Rb(d)),
            Cond::Overflow => dynasm!(ops ; .arch x64 ; seto Rb(d)),
        }
        // false is 6 and true 7.
        dynasm!(ops ; .arch x64 ; movzx Rd(d), Rb(d) ; or Rd(d), 6);
    }
    fn flip_bool(&mut self, dst: R) {
        dynasm!(self.ops ; .arch x64 ; xor Rq(code(dst)), 1);
    }

    fn mul32(&mut self, dst: R, src: R, overflow: DynamicLabel) {
        dynasm!(self.ops ; .arch x64 ; imul Rd(code(dst)), Rd(code(src)) ; jo =>overflow);
    }
    fn shift32(&mut self, kind: Shift, dst: R, count: R) {
        debug_assert!(dst != R::T4, "x86-64 shifts count in cl (T4)");
        let d = code(dst);
        dynasm!(self.ops ; .arch x64 ; mov ecx, Rd(code(count)));
        match kind {
            Shift::Left => dynasm!(self.ops ; .arch x64 ; shl Rd(d), cl),
            Shift::Right => dynasm!(self.ops ; .arch x64 ; sar Rd(d), cl),
            Shift::RightLogical => dynasm!(self.ops ; .arch x64 ; shr Rd(d), cl),
        }
    }
    fn rem32(&mut self, dst: R, src: R) {
        debug_assert!(dst != R::T5 && src != R::T5 && src != R::T0, "div uses rax:rdx");
        dynasm!(self.ops
            ; .arch x64
            ; mov r11d, Rd(code(src))
            ; mov eax, Rd(code(dst))
            ; xor edx, edx
            ; div r11d
            ; mov Rd(code(dst)), edx
        );
    }
    fn branch_negative32(&mut self, r: R, label: DynamicLabel) {
        dynasm!(self.ops ; .arch x64 ; test Rd(code(r)), Rd(code(r)) ; js =>label);
    }

    fn unbox_number(&mut self, f: F, src: R, not_number: DynamicLabel) {
        let (x, s) = (fcode(f), code(src));
        let (not_int, done) = (self.new_label(), self.new_label());
        dynasm!(self.ops
            ; .arch x64
            ; mov r11, QWORD INT32_TAG as i64
            ; cmp Rq(s), r11
            ; jb =>not_int
            // xorps breaks the dependency on the register's old value.
            ; xorps Rx(x), Rx(x)
            ; cvtsi2sd Rx(x), Rd(s)
            ; jmp =>done
            ; =>not_int
            ; mov r11, QWORD DOUBLE_ENCODE_OFFSET as i64
            ; cmp Rq(s), r11
            ; jb =>not_number
            ; neg r11
            ; add r11, Rq(s)
            ; movq Rx(x), r11
            ; =>done
        );
    }
    fn float_op(&mut self, op: FloatOp, a: F, b: F) {
        let (a, b) = (fcode(a), fcode(b));
        match op {
            FloatOp::Add => dynasm!(self.ops ; .arch x64 ; addsd Rx(a), Rx(b)),
            FloatOp::Sub => dynasm!(self.ops ; .arch x64 ; subsd Rx(a), Rx(b)),
            FloatOp::Mul => dynasm!(self.ops ; .arch x64 ; mulsd Rx(a), Rx(b)),
            FloatOp::Div => dynasm!(self.ops ; .arch x64 ; divsd Rx(a), Rx(b)),
        }
    }
    fn box_number(&mut self, dst: R, f: F) {
        let (x, d) = (fcode(f), code(dst));
        let (int, double, not_nan, done) = (self.new_label(), self.new_label(), self.new_label(), self.new_label());
        dynasm!(self.ops
            ; .arch x64
            // Truncate and convert back: equal (and ordered) means the
            // value is an int32, unless it is -0.
            ; cvttsd2si r11d, Rx(x)
            ; xorps xmm2, xmm2
            ; cvtsi2sd xmm2, r11d
            ; ucomisd xmm2, Rx(x)
            ; jne =>double
            ; jp =>double
            ; test r11d, r11d
            ; jnz =>int
            ; movq Rq(d), Rx(x)
            ; test Rq(d), Rq(d)
            ; js =>double
            ; =>int
            ; mov Rd(d), r11d
            ; mov r11, QWORD INT32_TAG as i64
            ; or Rq(d), r11
            ; jmp =>done
            ; =>double
            ; movq Rq(d), Rx(x)
            ; ucomisd Rx(x), Rx(x)
            ; jnp =>not_nan
            ; mov Rq(d), QWORD CANONICAL_NAN as i64
            ; =>not_nan
            ; mov r11, QWORD DOUBLE_ENCODE_OFFSET as i64
            ; add Rq(d), r11
            ; =>done
        );
    }
    fn float_set_bool(&mut self, dst: R, cond: Cond, a: F, b: F) {
        // `seta`/`setae` are false on unordered (CF = ZF = 1): swap the
        // operands for less-than.
        let (a, b) = (fcode(a), fcode(b));
        let d = code(dst);
        match cond {
            Cond::Gt => dynasm!(self.ops ; .arch x64 ; ucomisd Rx(a), Rx(b) ; seta Rb(d)),
            Cond::Ge => dynasm!(self.ops ; .arch x64 ; ucomisd Rx(a), Rx(b) ; setae Rb(d)),
            Cond::Lt => dynasm!(self.ops ; .arch x64 ; ucomisd Rx(b), Rx(a) ; seta Rb(d)),
            Cond::Le => dynasm!(self.ops ; .arch x64 ; ucomisd Rx(b), Rx(a) ; setae Rb(d)),
            _ => unreachable!("float_set_bool takes an ordering"),
        }
        dynasm!(self.ops ; .arch x64 ; movzx Rd(d), Rb(d) ; or Rd(d), 6);
    }

    fn or_mem32(&mut self, base: R, offset: i32, imm: u32) {
        dynasm!(self.ops ; .arch x64 ; or DWORD [Rq(code(base)) + offset], imm as i32);
    }
    fn saturating_inc_mem32(&mut self, base: R, offset: i32) {
        let b = code(base);
        // The carry out of the add is subtracted back: 0xFFFF_FFFF stays.
        // One load and one store (two read-modify-writes of the same word
        // would wait on each other).
        dynasm!(self.ops
            ; .arch x64
            ; mov r11d, DWORD [Rq(b) + offset]
            ; add r11d, 1
            ; sbb r11d, 0
            ; mov DWORD [Rq(b) + offset], r11d
        );
    }

    fn call(&mut self, target: usize, args: &[Arg]) {
        debug_assert!(!args.iter().any(|a| matches!(a, Arg::Reg(R::T4 | R::T5))), "T4 and T5 are argument registers");
        for (&arg, dst) in args.iter().zip(x64::abi::ARGS) {
            match arg {
                Arg::Reg(r) => dynasm!(self.ops ; .arch x64 ; mov Rq(dst.code()), Rq(code(r))),
                Arg::Imm(v) => x64::load_imm64(&mut self.ops, dst, v),
            }
        }
        x64::call_absolute(&mut self.ops, target);
        // The result pair is rax (T0) and rdx.
        dynasm!(self.ops ; .arch x64 ; mov r14, rdx);
    }

    fn entry(&mut self, cursor_fp: i32, cursor_regs: i32) {
        x64::enter(&mut self.ops);
        dynasm!(self.ops
            ; .arch x64
            ; mov r12, rdi
            ; mov r13, rsi
            ; mov r14, rdx
            ; mov r15, [r13 + cursor_fp]
            ; mov rbx, [r13 + cursor_regs]
            ; jmp rcx
        );
    }
    fn dispatch(&mut self, code_len: usize, table: usize, exit: DynamicLabel) {
        dynasm!(self.ops
            ; .arch x64
            ; mov r11, QWORD code_len as i64
            ; cmp rax, r11
            ; jae =>exit
            ; mov r11, QWORD table as i64
            ; mov r11, [r11 + rax * 8]
            ; test r11, r11
            ; jz =>exit
            ; jmp r11
        );
    }
    fn exit(&mut self) {
        dynasm!(self.ops ; .arch x64 ; mov rdx, r14);
        x64::leave(&mut self.ops);
    }

    fn finish(self) -> Result<Vec<u8>, String> {
        self.ops.finalize().map_err(|e| format!("x86-64 assembly failed: {e:?}"))
    }
}

fn reg(r: R) -> x64::Reg {
    use x64::Reg as X;
    match r {
        R::Vm => X::R12,
        R::Cursor => X::R13,
        R::Acc => X::R14,
        R::Fp => X::R15,
        R::Regs => X::Rbx,
        R::T0 => X::Rax,
        R::T1 => X::R8,
        R::T2 => X::R9,
        R::T3 => X::R10,
        R::T4 => X::Rcx,
        R::T5 => X::Rdx,
    }
}
