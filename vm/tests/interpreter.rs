//! The interpreter on hand-assembled bytecode, independent of the
//! generator: loops, recursion, handlers, native calls, string building —
//! plain and under GC stress.

use std::sync::Arc;

use strata_bytecode::{BytecodeBuilder, BytecodeFunction, FeedbackSlotKind, FunctionKind, HandlerEntry, Opcode, Register};
use strata_gc::HeapConfig;
use strata_vm::function::Args;
use strata_vm::string::JsString;
use strata_vm::{JsResult, Value, Vm, VmOptions};

fn function(name: &str, params: u32, registers: u32, build: impl FnOnce(&mut BytecodeBuilder)) -> Arc<BytecodeFunction> {
    let mut b = BytecodeBuilder::new();
    build(&mut b);
    let built = b.finish();
    Arc::new(BytecodeFunction {
        name: name.encode_utf16().collect(),
        kind: FunctionKind::Normal,
        strict: true,
        length: params,
        param_count: params,
        register_count: registers,
        code: built.code,
        constants: built.constants,
        handlers: built.handlers,
        positions: built.positions,
        feedback: built.feedback,
        source_start: 0,
        source_end: 0,
        script: 0,
    })
}

fn vm(stress: u32) -> Box<Vm> {
    Vm::new(VmOptions { heap: HeapConfig { gc_stress: stress, ..HeapConfig::default() }, ..VmOptions::default() })
}

fn closure(vm: &mut Vm, code: Arc<BytecodeFunction>) -> Value {
    let shared = vm.link_function(code).expect("links");
    Value::from_gc(vm.new_closure(shared, Value::UNDEFINED).expect("closure"))
}

const A0: i64 = Register::param(0).0 as i64;
const R0: i64 = 0;
const R1: i64 = 1;

/// sum(n) = 0 + 1 + ... + (n-1), with a loop.
fn sum_loop() -> Arc<BytecodeFunction> {
    function("sum", 1, 2, |b| {
        let slot = |b: &mut BytecodeBuilder, k| b.add_slot(k) as i64;
        b.emit(Opcode::LdaZero, &[]);
        b.emit(Opcode::Star, &[R0]);
        b.emit(Opcode::Star, &[R1]);
        let top = b.new_label();
        let exit = b.new_label();
        b.bind(top);
        b.emit(Opcode::Ldar, &[A0]);
        let s = slot(b, FeedbackSlotKind::CompareOp);
        b.emit(Opcode::TestLessThan, &[R1, s]);
        b.emit_jump(Opcode::JumpIfFalse, &[], exit);
        b.emit(Opcode::Ldar, &[R1]);
        let s = slot(b, FeedbackSlotKind::BinaryOp);
        b.emit(Opcode::Add, &[R0, s]);
        b.emit(Opcode::Star, &[R0]);
        b.emit(Opcode::Ldar, &[R1]);
        let s = slot(b, FeedbackSlotKind::UnaryOp);
        b.emit(Opcode::Inc, &[s]);
        b.emit(Opcode::Star, &[R1]);
        let s = slot(b, FeedbackSlotKind::Loop);
        b.emit_jump(Opcode::JumpLoop, &[s], top);
        b.bind(exit);
        b.emit(Opcode::Ldar, &[R0]);
        b.emit(Opcode::Return, &[]);
    })
}

/// fib(n), recursing through the `<callee>` register.
fn fib() -> Arc<BytecodeFunction> {
    function("fib", 1, 2, |b| {
        let recurse = b.new_label();
        b.emit(Opcode::LdaSmi, &[2]);
        let s = b.add_slot(FeedbackSlotKind::CompareOp) as i64;
        b.emit(Opcode::TestLessThan, &[A0, s]);
        b.emit_jump(Opcode::JumpIfFalse, &[], recurse);
        b.emit(Opcode::Ldar, &[A0]);
        b.emit(Opcode::Return, &[]);
        b.bind(recurse);
        for (k, out) in [(1, R0), (2, R1)] {
            b.emit(Opcode::Ldar, &[A0]);
            let s = b.add_slot(FeedbackSlotKind::BinaryOp) as i64;
            b.emit(Opcode::SubSmi, &[k, s]);
            b.emit(Opcode::Star, &[R1]);
            let s = b.add_slot(FeedbackSlotKind::Call) as i64;
            b.emit(Opcode::CallUndefinedReceiver, &[Register::CALLEE.0 as i64, R1, 1, s]);
            b.emit(Opcode::Star, &[out]);
        }
        let s = b.add_slot(FeedbackSlotKind::BinaryOp) as i64;
        b.emit(Opcode::Add, &[R0, s]);
        b.emit(Opcode::Return, &[]);
    })
}

#[test]
fn loops_add_and_compare() {
    let mut vm = vm(0);
    let f = closure(&mut vm, sum_loop());
    let r = vm.call(f, Value::UNDEFINED, &[Value::int(100)]).expect("runs");
    assert_eq!(r.as_int(), Some(4950));
    // Missing arguments are undefined: undefined < 0 is false.
    let r = vm.call(f, Value::UNDEFINED, &[]).expect("runs");
    assert_eq!(r.as_int(), Some(0));
}

#[test]
fn recursion_pushes_frames_in_one_loop() {
    let mut vm = vm(0);
    let f = closure(&mut vm, fib());
    let r = vm.call(f, Value::UNDEFINED, &[Value::int(20)]).expect("runs");
    assert_eq!(r.as_int(), Some(6765));
    assert_eq!(vm.roots.stack.top, 0, "every frame popped");
}

#[test]
fn handlers_catch_and_unwinding_leaves_the_entry_frame() {
    let mut vm = vm(0);
    // try { throw a0 } catch (e) { return e + 1 }
    let code = function("catcher", 1, 2, |b| {
        b.emit(Opcode::Mov, &[Register::CONTEXT.0 as i64, R1]);
        let start = b.offset();
        b.emit(Opcode::Ldar, &[A0]);
        b.emit(Opcode::Throw, &[]);
        let end = b.offset();
        let handler = b.offset();
        b.emit(Opcode::Star, &[R0]);
        b.emit(Opcode::LdaSmi, &[1]);
        let s = b.add_slot(FeedbackSlotKind::BinaryOp) as i64;
        b.emit(Opcode::Add, &[R0, s]);
        b.emit(Opcode::Return, &[]);
        b.add_handler(HandlerEntry { start, end, handler, context_reg: R1 as i32 });
    });
    let f = closure(&mut vm, code);
    let r = vm.call(f, Value::UNDEFINED, &[Value::int(41)]).expect("caught");
    assert_eq!(r.as_int(), Some(42));
    // Without a handler the exception leaves through the entry frame.
    let thrower = function("thrower", 1, 0, |b| {
        b.emit(Opcode::Ldar, &[A0]);
        b.emit(Opcode::Throw, &[]);
    });
    let g = closure(&mut vm, thrower);
    let e = vm.call(g, Value::UNDEFINED, &[Value::int(7)]).expect_err("throws");
    assert_eq!(e.0.as_int(), Some(7));
    assert_eq!(vm.roots.stack.top, 0);
    assert_eq!(vm.roots.stack.fp, -1);
}

fn twice(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let f = args.get(0);
    let x = vm.call(f, Value::UNDEFINED, &[args.get(1)])?;
    vm.call(f, Value::UNDEFINED, &[x])
}

#[test]
fn native_and_bytecode_call_each_other() {
    let mut vm = vm(0);
    let native = vm.new_native_function("twice", 2, twice, false).expect("native");
    // g(h, f, x) = h(f, x): bytecode calling a native that calls bytecode.
    let g = function("g", 3, 2, |b| {
        b.emit(Opcode::Mov, &[Register::param(1).0 as i64, R0]);
        b.emit(Opcode::Mov, &[Register::param(2).0 as i64, R1]);
        let s = b.add_slot(FeedbackSlotKind::Call) as i64;
        b.emit(Opcode::CallUndefinedReceiver, &[A0, R0, 2, s]);
        b.emit(Opcode::Return, &[]);
    });
    let g = closure(&mut vm, g);
    let f = closure(&mut vm, fib());
    let r = vm.call(g, Value::UNDEFINED, &[Value::from_gc(native), f, Value::int(5)]).expect("runs");
    assert_eq!(r.as_int(), Some(5), "fib(fib(5)) = fib(5) = 5");
}

#[test]
fn string_building_survives_collection_at_every_allocation() {
    let mut vm = vm(1);
    // s(n): r0 = ""; loop n times: r0 = r0 + "ab"; return r0
    let code = function("s", 1, 2, |b| {
        let ab = b.add_string("ab") as i64;
        let empty = b.add_string("") as i64;
        b.emit(Opcode::LdaConstant, &[empty]);
        b.emit(Opcode::Star, &[R0]);
        b.emit(Opcode::LdaZero, &[]);
        b.emit(Opcode::Star, &[R1]);
        let top = b.new_label();
        let exit = b.new_label();
        b.bind(top);
        b.emit(Opcode::Ldar, &[A0]);
        let s = b.add_slot(FeedbackSlotKind::CompareOp) as i64;
        b.emit(Opcode::TestLessThan, &[R1, s]);
        b.emit_jump(Opcode::JumpIfFalse, &[], exit);
        b.emit(Opcode::LdaConstant, &[ab]);
        let s = b.add_slot(FeedbackSlotKind::BinaryOp) as i64;
        b.emit(Opcode::Add, &[R0, s]);
        b.emit(Opcode::Star, &[R0]);
        b.emit(Opcode::Ldar, &[R1]);
        let s = b.add_slot(FeedbackSlotKind::UnaryOp) as i64;
        b.emit(Opcode::Inc, &[s]);
        b.emit(Opcode::Star, &[R1]);
        let s = b.add_slot(FeedbackSlotKind::Loop) as i64;
        b.emit_jump(Opcode::JumpLoop, &[s], top);
        b.bind(exit);
        b.emit(Opcode::Ldar, &[R0]);
        b.emit(Opcode::Return, &[]);
    });
    let f = closure(&mut vm, code);
    let r = vm.call(f, Value::UNDEFINED, &[Value::int(300)]).expect("runs");
    let s = r.as_gc::<JsString>().expect("a string");
    assert_eq!(s.len(), 600);
    assert_eq!(s.to_rust_string(), "ab".repeat(300));
    assert!(vm.heap.stats().collections > 300);
}

#[test]
fn an_interrupt_terminates_past_every_handler() {
    let mut vm = vm(0);
    // try { for (;;) {} } catch { return 1 }
    let code = function("spin", 0, 1, |b| {
        b.emit(Opcode::Mov, &[Register::CONTEXT.0 as i64, R0]);
        let start = b.offset();
        let top = b.new_label();
        b.bind(top);
        let s = b.add_slot(FeedbackSlotKind::Loop) as i64;
        b.emit_jump(Opcode::JumpLoop, &[s], top);
        let end = b.offset();
        let handler = b.offset();
        b.emit(Opcode::LdaSmi, &[1]);
        b.emit(Opcode::Return, &[]);
        b.add_handler(HandlerEntry { start, end, handler, context_reg: R0 as i32 });
    });
    let f = closure(&mut vm, code);
    let flag = vm.interrupt.clone();
    let watchdog = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(50));
        flag.store(true, std::sync::atomic::Ordering::Relaxed);
    });
    let e = vm.call(f, Value::UNDEFINED, &[]).expect_err("terminated");
    assert!(e.is_termination());
    assert_eq!(vm.roots.stack.top, 0);
    watchdog.join().expect("watchdog");
}
