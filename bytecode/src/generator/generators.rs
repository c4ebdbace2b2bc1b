//! `yield`, `yield*` and `await`: suspension points of generators and
//! async functions.
//!
//! A suspension saves the whole frame into the function's generator object
//! (`SuspendGenerator`, or `Await` which also subscribes to a promise) and
//! returns to the caller; a resume pushes the frame back and continues at
//! the `ResumeGenerator` after it, which hands over the value sent in and
//! the resume mode. The code after it dispatches on the mode: `next`
//! continues with the value, `throw` throws it here (so enclosing
//! try/catch/finally see it), `return` completes the function from here
//! (through enclosing `finally` blocks). `yield*` is a loop in bytecode
//! that forwards each mode to the inner iterator, as V8 generates it.

use oxc_ast::ast::YieldExpression;

use super::Gen;
use crate::function::FunctionKind;
use crate::opcodes::Opcode;
use crate::operand::Register;
use crate::runtime::{RESUME_NEXT, RESUME_RETURN, RESUME_THROW, RuntimeFunction};


impl<'c, 'p, 'a> Gen<'c, 'p, 'a> {
    pub(crate) fn generator_register(&self, offset: u32) -> Option<Register> {
        if self.generator.is_none() {
            self.fail("'yield' and 'await' are only valid in generators and async functions", offset);
        }
        self.generator
    }

    /// `await acc`: acc = the settled value, or the rejection thrown here.
    pub(crate) fn emit_await(&mut self, offset: u32) {
        let Some(generator) = self.generator_register(offset) else { return };
        self.pos(offset);
        self.emit(Opcode::Await, &[generator.0 as i64]);
        self.emit_resume(generator, offset, false);
    }

    fn is_async_generator(&self) -> bool {
        self.kind == FunctionKind::AsyncGenerator
    }

    /// `yield expr` and `yield* expr`.
    pub(crate) fn visit_yield(&mut self, e: &'a YieldExpression<'a>, offset: u32) {
        let Some(generator) = self.generator_register(offset) else { return };
        match &e.argument {
            Some(argument) => self.visit_expr(argument),
            None => self.emit(Opcode::LdaUndefined, &[]),
        }
        if e.delegate {
            self.emit_yield_star(generator, offset);
            return;
        }
        self.pos(offset);
        if self.is_async_generator() {
            // AsyncGeneratorYield(? Await(value)).
            self.emit(Opcode::Await, &[generator.0 as i64]);
            self.emit_resume(generator, offset, false);
            self.emit(Opcode::SuspendGenerator, &[generator.0 as i64, 2]);
        } else {
            self.emit(Opcode::SuspendGenerator, &[generator.0 as i64, 0]);
        }
        self.emit_resume(generator, offset, true);
    }

    /// After a suspension: acc = the value sent in for `next`; throws it
    /// for `throw`; for `return` (when `allow_return`) completes the
    /// function with it.
    fn emit_resume(&mut self, generator: Register, offset: u32, allow_return: bool) {
        let m = self.mark();
        let mode = self.temp();
        let value = self.temp();
        self.emit(Opcode::ResumeGenerator, &[generator.0 as i64, mode.0 as i64]);
        self.star(value);
        let next = self.new_label();
        self.lda_number(RESUME_NEXT as f64);
        self.emit_slot(Opcode::TestEqualStrict, &[mode.0 as i64]);
        self.emit_jump(Opcode::JumpIfTrue, next);
        if allow_return {
            let throw = self.new_label();
            self.lda_number(RESUME_THROW as f64);
            self.emit_slot(Opcode::TestEqualStrict, &[mode.0 as i64]);
            self.emit_jump(Opcode::JumpIfTrue, throw);
            self.ldar(value);
            if self.is_async_generator() {
                // AsyncGeneratorUnwrapYieldResumption: a return request's
                // value is awaited first.
                self.emit(Opcode::Await, &[generator.0 as i64]);
                self.emit_resume(generator, offset, false);
            }
            self.emit_return(offset);
            self.bind(throw);
        }
        self.ldar(value);
        self.pos(offset);
        self.emit(Opcode::Throw, &[]);
        self.bind(next);
        self.ldar(value);
        self.release(m);
    }

    /// `yield* acc` in a sync generator (§15.5.5): forwards next, throw and
    /// return to the inner iterator, yielding its results unchanged; acc =
    /// the inner iterator's return value.
    fn emit_yield_star(&mut self, generator: Register, offset: u32) {
        let is_async = self.is_async_generator();
        let m = self.mark();
        // GetIterator writes the iterator and its next method to a pair.
        let iterator = self.temps(2);
        let next_method = Register(iterator.0 + 1);
        let received = self.temp();
        let mode = self.temp();
        let result = self.temp();
        let method = self.temp();
        self.pos(offset);
        let get = if is_async { Opcode::GetAsyncIterator } else { Opcode::GetIterator };
        self.emit_slot(get, &[iterator.0 as i64]);
        self.emit(Opcode::LdaUndefined, &[]);
        self.star(received);
        self.lda_number(RESUME_NEXT as f64);
        self.star(mode);

        let top = self.new_label();
        let call = self.new_label();
        let not_next = self.new_label();
        let not_throw = self.new_label();
        let no_throw_method = self.new_label();
        let done_label = self.new_label();
        let end = self.new_label();
        self.bind(top);
        // mode next: next.call(iterator, received).
        self.lda_number(RESUME_NEXT as f64);
        self.emit_slot(Opcode::TestEqualStrict, &[mode.0 as i64]);
        self.emit_jump(Opcode::JumpIfFalse, not_next);
        self.mov(next_method, method);
        self.emit_jump(Opcode::Jump, call);
        // mode throw: iterator.throw, which must exist.
        self.bind(not_next);
        self.lda_number(RESUME_THROW as f64);
        self.emit_slot(Opcode::TestEqualStrict, &[mode.0 as i64]);
        self.emit_jump(Opcode::JumpIfFalse, not_throw);
        let throw_name = self.string("throw");
        self.emit_slot(Opcode::GetNamedProperty, &[iterator.0 as i64, throw_name as i64]);
        self.emit_jump(Opcode::JumpIfUndefinedOrNull, no_throw_method);
        self.star(method);
        self.emit_jump(Opcode::Jump, call);
        // mode return: iterator.return, or complete with the value.
        self.bind(not_throw);
        let return_name = self.string("return");
        self.emit_slot(Opcode::GetNamedProperty, &[iterator.0 as i64, return_name as i64]);
        let has_return = self.new_label();
        self.emit_jump(Opcode::JumpIfNotUndefinedOrNull, has_return);
        self.ldar(received);
        if is_async {
            self.emit(Opcode::Await, &[generator.0 as i64]);
            self.emit_resume(generator, offset, false);
        }
        self.emit_return(offset);
        self.bind(has_return);
        self.star(method);

        self.bind(call);
        self.pos(offset);
        self.emit_slot(Opcode::CallProperty1, &[method.0 as i64, iterator.0 as i64, received.0 as i64]);
        if is_async {
            self.emit(Opcode::Await, &[generator.0 as i64]);
            self.emit_resume(generator, offset, false);
        }
        self.star(result);
        self.throw_if_not_object(result);
        let done_name = self.string("done");
        self.emit_slot(Opcode::GetNamedProperty, &[result.0 as i64, done_name as i64]);
        self.emit_jump(Opcode::JumpIfToBooleanTrue, done_label);
        // Not done: yield the inner result object itself (an async
        // generator yields its value, without awaiting it).
        if is_async {
            let value_name = self.string("value");
            self.emit_slot(Opcode::GetNamedProperty, &[result.0 as i64, value_name as i64]);
            self.emit(Opcode::SuspendGenerator, &[generator.0 as i64, 2]);
        } else {
            self.ldar(result);
            self.emit(Opcode::SuspendGenerator, &[generator.0 as i64, 1]);
        }
        self.emit(Opcode::ResumeGenerator, &[generator.0 as i64, mode.0 as i64]);
        self.star(received);
        self.emit_jump_loop(top);

        // Done: the value completes yield* (next, throw) or the function
        // (return).
        self.bind(done_label);
        let value_name = self.string("value");
        self.emit_slot(Opcode::GetNamedProperty, &[result.0 as i64, value_name as i64]);
        self.star(received);
        self.lda_number(RESUME_RETURN as f64);
        self.emit_slot(Opcode::TestEqualStrict, &[mode.0 as i64]);
        self.emit_jump(Opcode::JumpIfFalse, end);
        self.ldar(received);
        if is_async {
            self.emit(Opcode::Await, &[generator.0 as i64]);
            self.emit_resume(generator, offset, false);
        }
        self.emit_return(offset);

        // throw() on an iterator without a throw method: close it, then
        // the protocol violation is a TypeError.
        self.bind(no_throw_method);
        if is_async {
            self.emit_async_close(generator, iterator, offset, false);
        } else {
            self.emit(Opcode::IteratorClose, &[iterator.0 as i64, 0]);
        }
        self.pos(offset);
        self.throw_error(RuntimeFunction::ThrowTypeError, "The iterator does not provide a 'throw' method");

        self.bind(end);
        self.ldar(received);
        self.release(m);
    }

    /// One step of an async iterator for `for await`: calls next(),
    /// awaits the result, which must be an object; jumps to `exit` when
    /// done, else acc = its value.
    pub(crate) fn emit_async_iterator_step(&mut self, generator: Register, iterator: Register, offset: u32, exit: crate::builder::Label) {
        let m = self.mark();
        let result = self.temp();
        let next_method = Register(iterator.0 + 1);
        self.emit_slot(Opcode::CallProperty0, &[next_method.0 as i64, iterator.0 as i64]);
        self.emit(Opcode::Await, &[generator.0 as i64]);
        self.emit_resume(generator, offset, false);
        self.star(result);
        self.throw_if_not_object(result);
        let done_name = self.string("done");
        self.emit_slot(Opcode::GetNamedProperty, &[result.0 as i64, done_name as i64]);
        self.emit_jump(Opcode::JumpIfToBooleanTrue, exit);
        let value_name = self.string("value");
        self.emit_slot(Opcode::GetNamedProperty, &[result.0 as i64, value_name as i64]);
        self.release(m);
    }

    /// AsyncIteratorClose: calls `iterator.return()` if there is one and
    /// awaits its result, which must be an object unless `throwing`.
    pub(crate) fn emit_async_close(&mut self, generator: Register, iterator: Register, offset: u32, throwing: bool) {
        let m = self.mark();
        let method = self.temp();
        let result = self.temp();
        let skip = self.new_label();
        let return_name = self.string("return");
        self.emit_slot(Opcode::GetNamedProperty, &[iterator.0 as i64, return_name as i64]);
        self.emit_jump(Opcode::JumpIfUndefinedOrNull, skip);
        self.star(method);
        self.pos(offset);
        self.emit_slot(Opcode::CallProperty0, &[method.0 as i64, iterator.0 as i64]);
        self.emit(Opcode::Await, &[generator.0 as i64]);
        self.emit_resume(generator, offset, false);
        if !throwing {
            self.star(result);
            self.throw_if_not_object(result);
        }
        self.bind(skip);
        self.release(m);
    }

    /// Throws a TypeError unless the register holds an object (an
    /// iterator result).
    fn throw_if_not_object(&mut self, value: Register) {
        let m = self.mark();
        let args = self.temps(2);
        self.mov(value, args);
        let msg = self.string("Iterator result is not an object");
        self.emit(Opcode::LdaConstant, &[msg as i64]);
        self.star(Register(args.0 + 1));
        self.call_runtime(RuntimeFunction::ThrowIfNotObject, args, 2);
        self.release(m);
    }
}
