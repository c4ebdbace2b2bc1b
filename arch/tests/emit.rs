//! The per-arch emitters against the disassembler (on any host: both
//! assemblers build everywhere), and the emitted code run on the machine
//! that matches (AArch64 under qemu in CI).

use strata_arch::Arch;
use strata_arch::code::CodeSpace;
use strata_arch::disasm::{disassemble, format};

/// What the test functions call: JIT code calling Rust through the C ABI.
extern "C" fn triple(x: i64) -> i64 {
    x * 3
}

fn texts(arch: Arch, code: &[u8]) -> Vec<String> {
    disassemble(arch, code, 0).expect("disassembles").into_iter().map(|l| l.text).collect()
}

/// `f(a, b) = a + triple(b)` for x86-64, through the JIT's fixed registers.
fn x64_function(target: usize) -> Vec<u8> {
    use dynasmrt::{DynasmApi, dynasm};
    use strata_arch::x64::{self, jit};
    let mut ops = x64::assembler();
    x64::enter(&mut ops);
    dynasm!(ops
        ; .arch x64
        ; mov Rq(jit::ACC.code()), rdi
        ; mov rdi, rsi
    );
    x64::call_absolute(&mut ops, target);
    dynasm!(ops ; .arch x64 ; add rax, Rq(jit::ACC.code()));
    x64::leave(&mut ops);
    ops.finalize().expect("assembles")
}

/// The same for AArch64.
fn aarch64_function(target: usize) -> Vec<u8> {
    use dynasmrt::{DynasmApi, dynasm};
    use strata_arch::aarch64::{self, jit};
    let mut ops = aarch64::assembler();
    aarch64::enter(&mut ops);
    dynasm!(ops
        ; .arch aarch64
        ; mov X(jit::ACC.code()), x0
        ; mov x0, x1
    );
    aarch64::call_absolute(&mut ops, target);
    dynasm!(ops ; .arch aarch64 ; add x0, x0, X(jit::ACC.code()));
    aarch64::leave(&mut ops);
    ops.finalize().expect("assembles")
}

#[test]
fn x64_emitter_disassembles_to_what_was_meant() {
    let code = x64_function(0x1122_3344_5566_7788);
    let t = texts(Arch::X64, &code);
    let expected = [
        "push rbp",
        "mov rbp,rsp",
        "push rbx",
        "push r12",
        "push r13",
        "push r14",
        "push r15",
        "sub rsp,8",
        "mov r14,rdi",
        "mov rdi,rsi",
        "mov r11,1122334455667788h",
        "call r11",
        "add rax,r14",
        "add rsp,8",
        "pop r15",
        "pop r14",
        "pop r13",
        "pop r12",
        "pop rbx",
        "pop rbp",
        "ret",
    ];
    assert_eq!(t, expected, "\n{}", format(&disassemble(Arch::X64, &code, 0).unwrap()));
}

#[test]
fn aarch64_emitter_disassembles_to_what_was_meant() {
    let code = aarch64_function(0x1122_3344_5566_7788);
    let t = texts(Arch::Aarch64, &code);
    let expected = [
        "stp x29, x30, [sp, #-0x10]!",
        "mov x29, sp",
        "stp x19, x20, [sp, #-0x10]!",
        "stp x21, x22, [sp, #-0x10]!",
        "mov x21, x0",
        "mov x0, x1",
        "mov x16, #0x7788",
        "movk x16, #0x5566, lsl #16",
        "movk x16, #0x3344, lsl #32",
        "movk x16, #0x1122, lsl #48",
        "blr x16",
        "add x0, x0, x21",
        "ldp x21, x22, [sp], #0x10",
        "ldp x19, x20, [sp], #0x10",
        "ldp x29, x30, [sp], #0x10",
        "ret",
    ];
    assert_eq!(t, expected, "\n{}", format(&disassemble(Arch::Aarch64, &code, 0).unwrap()));
}

#[test]
fn small_constants_use_short_forms() {
    let mut ops = strata_arch::x64::assembler();
    strata_arch::x64::load_imm64(&mut ops, strata_arch::x64::Reg::Rcx, 42);
    strata_arch::x64::load_imm64(&mut ops, strata_arch::x64::Reg::R9, u64::MAX);
    let code = ops.finalize().unwrap();
    assert_eq!(texts(Arch::X64, &code), ["mov ecx,2Ah", "mov r9,0FFFFFFFFFFFFFFFFh"]);
    let mut ops = strata_arch::aarch64::assembler();
    strata_arch::aarch64::load_imm64(&mut ops, strata_arch::aarch64::Reg(3), 0x10000);
    let code = ops.finalize().unwrap();
    assert_eq!(texts(Arch::Aarch64, &code), ["mov x3, #0", "movk x3, #1, lsl #16"]);
}

#[test]
fn installed_code_runs_on_this_machine() {
    let target = triple as extern "C" fn(i64) -> i64 as usize;
    let code = match Arch::HOST {
        Some(Arch::X64) => x64_function(target),
        Some(Arch::Aarch64) => aarch64_function(target),
        None => return,
    };
    let mut space = CodeSpace::new();
    // Several functions share a chunk; each stays callable.
    let first = space.install(&code).expect("installs");
    let second = space.install(&code).expect("installs");
    assert_ne!(first.start, second.start);
    assert_eq!(first.start % 64, 0);
    for range in [first, second] {
        // SAFETY: the range holds a complete function with the C ABI
        // signature `extern "C" fn(i64, i64) -> i64`, installed executable.
        let f: extern "C" fn(i64, i64) -> i64 = unsafe { std::mem::transmute(range.start) };
        assert_eq!(f(4, 5), 19);
        assert_eq!(f(-1, 1_000_000), 2_999_999);
    }
    assert_eq!(space.installed_bytes(), code.len() * 2);
}

#[test]
fn code_pages_are_never_writable_and_executable() {
    let code = match Arch::HOST {
        Some(Arch::X64) => x64_function(0),
        Some(Arch::Aarch64) => aarch64_function(0),
        None => return,
    };
    let mut space = CodeSpace::new();
    let range = space.install(&code).unwrap();
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    let mut found = false;
    for line in maps.lines() {
        let mut parts = line.split_whitespace();
        let (Some(span), Some(perms)) = (parts.next(), parts.next()) else { continue };
        let Some((lo, hi)) = span.split_once('-') else { continue };
        let (lo, hi) = (usize::from_str_radix(lo, 16).unwrap(), usize::from_str_radix(hi, 16).unwrap());
        if range.start >= lo && range.start < hi {
            found = true;
            assert_eq!(&perms[..3], "r-x", "code page mapped {perms}");
        }
        assert!(!(perms.contains('w') && perms.contains('x')), "a writable and executable mapping: {line}");
    }
    assert!(found, "the code's mapping is not in /proc/self/maps");
}
