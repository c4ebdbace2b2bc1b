//! The macro-assembler the templates are written against: a small set of
//! operations over abstract registers, which `x64.rs` and `aarch64.rs`
//! implement with `dynasmrt` (V8's Sparkplug writes its templates against
//! its MacroAssembler the same way). Templates are therefore written once
//! (`compiler.rs`) and both architectures get the same fast paths.
//!
//! Registers. `Vm`, `Cursor`, `Acc`, `Fp` and `Regs` are the fixed,
//! callee-saved registers of compiled code (the vm, the interpreter's
//! cursor, the accumulator, the frame's fp as entered, the frame's
//! register file); `T0`..`T5` are scratch, clobbered by calls (`T4` and
//! `T5` are never call arguments: an implementation may use argument
//! registers for them). Each
//! implementation keeps one or two more registers of its own for large
//! immediates and offsets.

use dynasmrt::DynamicLabel;

/// An abstract register.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum R {
    Vm,
    Cursor,
    Acc,
    Fp,
    Regs,
    T0,
    T1,
    T2,
    T3,
    T4,
    T5,
}

/// A branch condition, after `cmp`/`cmp32` (a against b) or an
/// arithmetic operation.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum Cond {
    Eq,
    Ne,
    /// Signed a < b.
    Lt,
    Le,
    Gt,
    Ge,
    /// Unsigned a < b.
    Below,
    /// Unsigned a >= b.
    AboveEq,
    /// Unsigned a <= b.
    BelowEq,
    /// The last 32-bit add or subtract overflowed.
    Overflow,
}

/// A floating-point register: scratch, clobbered by calls (x86-64 xmm0
/// and xmm1, AArch64 d0 and d1; each implementation keeps one more of its
/// own).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum F {
    F0,
    F1,
}

/// A double-precision operation.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum FloatOp {
    Add,
    Sub,
    Mul,
    Div,
}

/// A 32-bit shift.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum Shift {
    /// `<<`.
    Left,
    /// `>>` (arithmetic).
    Right,
    /// `>>>` (logical).
    RightLogical,
}

/// A call argument.
#[derive(Copy, Clone, Debug)]
pub(crate) enum Arg {
    Reg(R),
    Imm(u64),
}

/// The operations templates use. Memory operands are `base + offset`;
/// offsets of any size are accepted (an implementation materializes those
/// its instructions cannot encode).
pub(crate) trait Masm {
    fn new_label(&mut self) -> DynamicLabel;
    fn bind(&mut self, label: DynamicLabel);
    /// Bytes emitted so far.
    fn offset(&self) -> usize;

    fn jump(&mut self, label: DynamicLabel);
    /// `dst` = the address `label` is bound to.
    fn label_address(&mut self, dst: R, label: DynamicLabel);
    fn branch(&mut self, cond: Cond, label: DynamicLabel);
    /// Jumps to the address in `r`.
    fn jump_reg(&mut self, r: R);

    fn mov_imm(&mut self, dst: R, value: u64);
    fn mov(&mut self, dst: R, src: R);
    /// `dst = src as u32` (zero-extended).
    fn mov32(&mut self, dst: R, src: R);
    /// 64-bit load.
    fn load(&mut self, dst: R, base: R, offset: i32);
    /// 32-bit load, zero-extended.
    fn load32(&mut self, dst: R, base: R, offset: i32);
    /// 8-bit load, zero-extended.
    fn load8(&mut self, dst: R, base: R, offset: i32);
    /// 64-bit store.
    fn store(&mut self, base: R, offset: i32, src: R);
    /// `dst = [base + index * 8 + offset]`.
    fn load_indexed(&mut self, dst: R, base: R, index: R, offset: i32);
    /// `[base + index * 8 + offset] = src`.
    fn store_indexed(&mut self, base: R, index: R, offset: i32, src: R);

    /// `dst = [base + index]` (`index` in bytes).
    fn load_byte_indexed(&mut self, dst: R, base: R, index: R);
    /// `[base + index] = src` (`index` in bytes).
    fn store_byte_indexed(&mut self, base: R, index: R, src: R);

    /// 64-bit compare.
    fn cmp(&mut self, a: R, b: R);
    /// 64-bit compare of `a` with the word at `base + offset` (one
    /// instruction on x86-64; a load into a scratch register first
    /// elsewhere).
    fn cmp_mem(&mut self, a: R, base: R, offset: i32);
    /// Sets `Eq` when the low 32 bits of `a` and `imm` share no bit.
    fn test_imm32(&mut self, a: R, imm: u32);
    /// 64-bit compare with a small constant.
    fn cmp_imm(&mut self, a: R, imm: u32);
    /// 32-bit compare.
    fn cmp32(&mut self, a: R, b: R);
    /// Sets `Eq` when `a & b` is zero (64-bit).
    fn test(&mut self, a: R, b: R);
    /// `dst += imm` (64-bit; `imm` below 4096).
    fn add_imm(&mut self, dst: R, imm: u32);
    /// `dst -= imm` (64-bit; `imm` below 4096).
    fn sub_imm(&mut self, dst: R, imm: u32);
    /// `dst += src` (64-bit).
    fn add(&mut self, dst: R, src: R);
    /// `dst -= src` (64-bit).
    fn sub(&mut self, dst: R, src: R);
    /// `dst = base + index * 8 + offset` (64-bit).
    fn lea_indexed(&mut self, dst: R, base: R, index: R, offset: i32);
    /// `dst &= src` (64-bit).
    fn and(&mut self, dst: R, src: R);

    /// 32-bit `dst += src`, setting `Overflow` (upper half of `dst`: zero).
    fn add32(&mut self, dst: R, src: R);
    /// 32-bit `dst -= src`, setting `Overflow`.
    fn sub32(&mut self, dst: R, src: R);
    /// 32-bit `dst += imm`, setting `Overflow`.
    fn add32_imm(&mut self, dst: R, imm: i32);
    /// 32-bit bitwise operations (upper half of `dst`: zero).
    fn and32(&mut self, dst: R, src: R);
    fn or32(&mut self, dst: R, src: R);
    fn xor32(&mut self, dst: R, src: R);
    /// `dst = INT32_TAG | (dst as u32)`: boxes the low half as an int32.
    fn box_int32(&mut self, dst: R);
    /// `dst = cond ? true : false` (the boxed booleans), after a compare.
    fn set_bool(&mut self, dst: R, cond: Cond);
    /// `dst ^= 1` (64-bit): flips a boxed boolean.
    fn flip_bool(&mut self, dst: R);

    /// 32-bit `dst *= src` (upper half of `dst`: zero); jumps to
    /// `overflow` when the product leaves int32 (`dst` is then garbage).
    fn mul32(&mut self, dst: R, src: R, overflow: DynamicLabel);
    /// 32-bit `dst = dst shift (count & 31)` (upper half of `dst`: zero).
    /// x86-64 passes the count through T4, so `dst` must not be T4.
    fn shift32(&mut self, kind: Shift, dst: R, count: R);
    /// 32-bit `dst = dst % src` for `dst >= 0` and `src > 0` (unsigned
    /// division). x86-64 divides in rax:rdx, so it clobbers T0 and T5.
    fn rem32(&mut self, dst: R, src: R);
    /// Jumps when bit 31 of `r` is set.
    fn branch_negative32(&mut self, r: R, label: DynamicLabel);

    /// `f` = the number `src` holds, an int32 or a boxed double (see
    /// `strata_vm::value`); jumps to `not_number` for anything else.
    /// `src` is unchanged.
    fn unbox_number(&mut self, f: F, src: R, not_number: DynamicLabel);
    /// `a = a op b`.
    fn float_op(&mut self, op: FloatOp, a: F, b: F);
    /// `dst` = `f` boxed as `Value::number` boxes it: an int32 when `f` is
    /// integral, in range and not -0, else a double (NaN canonical).
    fn box_number(&mut self, dst: R, f: F);
    /// `dst` = the boolean `a cond b` for `Lt`, `Le`, `Gt` or `Ge`; false
    /// when either is NaN.
    fn float_set_bool(&mut self, dst: R, cond: Cond, a: F, b: F);

    /// `[base + offset] |= imm` (32-bit): records type feedback.
    fn or_mem32(&mut self, base: R, offset: i32, imm: u32);
    /// `[base + offset] += 1` (32-bit), saturating: a counter.
    fn saturating_inc_mem32(&mut self, base: R, offset: i32);

    /// Calls the C-ABI function at `target` with up to four arguments;
    /// the two result words land in `T0` (first) and `Acc` (second).
    fn call(&mut self, target: usize, args: &[Arg]);

    /// The entry sequence, `entry(vm, cursor, acc, target)`: saves the
    /// callee-saved registers, loads the fixed ones (`Fp` and `Regs` from
    /// the cursor at these offsets) and jumps to `target`.
    fn entry(&mut self, cursor_fp: i32, cursor_regs: i32);
    /// Dispatch on the pc in `T0`: a pc of this frame's code jumps to its
    /// instruction through the table, anything else (a THROW/EXIT marker,
    /// a pc without code) leaves through `exit`.
    fn dispatch(&mut self, code_len: usize, table: usize, exit: DynamicLabel);
    /// The exit sequence: returns (`T0`, `Acc`) to the interpreter's loop,
    /// restoring what the entry saved.
    fn exit(&mut self);

    /// The finished code.
    fn finish(self) -> Result<Vec<u8>, String>;
}
