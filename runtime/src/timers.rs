//! The timer globals, with Node's semantics: `setTimeout`, `setInterval`,
//! `setImmediate` and their `clear*` twins. They only register work with
//! the event loop (`event_loop/mod.rs`), which runs it.
//!
//! - The delay is converted with ToNumber and clamped as Node does: below
//!   1, above 2^31-1 (with a `TimeoutOverflowWarning` on stderr) or NaN
//!   becomes 1 ms. Fractions are kept.
//! - Arguments after the delay are passed to the callback; `this` is
//!   undefined (the global object for sloppy callbacks).
//! - The returned id is a positive integer number, as in browsers and
//!   Deno. Node returns `Timeout`/`Immediate` objects instead; the ones
//!   Strata returns work where Node's do with `clear*`, but have no
//!   `ref`/`unref`/`refresh` (every timer keeps the loop alive).
//!   Timers and immediates share one counter, so an id names one of them;
//!   `clearTimeout` and `clearInterval` clear either kind of timer,
//!   `clearImmediate` only immediates (as Node). Numeric strings are
//!   accepted as ids; other values are ignored.

use std::io::Write;

use strata_gc::{Gc, Persistent};
use strata_vm::function::Args;
use strata_vm::object::JsObject;
use strata_vm::{JsResult, Value, Vm};

use crate::event_loop::{ImmediateRecord, TIMEOUT_MAX, TimerId, TimerRecord};
use crate::host::Host;
use crate::node_errors::invalid_arg_type;

/// Defines the timer functions on `global`.
pub fn install(vm: &mut Vm, global: Gc<JsObject>) -> JsResult<()> {
    let def = |vm: &mut Vm, name: &str, len: u32, f: strata_vm::function::NativeFn| {
        strata_vm::builtins::method(vm, global, name, len, f).map(|_| ())
    };
    def(vm, "setTimeout", 2, set_timeout)?;
    def(vm, "setInterval", 2, set_interval)?;
    def(vm, "setImmediate", 1, set_immediate)?;
    def(vm, "clearTimeout", 1, clear_timeout)?;
    def(vm, "clearInterval", 1, clear_timeout)?;
    def(vm, "clearImmediate", 1, clear_immediate)
}

/// The callback (checked callable) and the extra arguments from `from`
/// on, rooted.
fn callback_and_args(vm: &mut Vm, args: &Args, from: usize) -> JsResult<(Persistent<JsObject>, Option<Persistent<JsObject>>)> {
    let f = args.get(0);
    let callback = match f.as_gc::<JsObject>() {
        Some(o) if vm.is_callable(f) => o,
        _ => return Err(invalid_arg_type(vm, "callback", "of type function", f)),
    };
    let extra = if args.len() > from {
        let values: Vec<Value> = (from..args.len()).map(|i| args.get(i)).collect();
        // The values are the caller's arguments, alive for this call.
        let array = vm.new_array(&values)?;
        Some(vm.heap.persistent(array))
    } else {
        None
    };
    Ok((vm.heap.persistent(callback), extra))
}

/// Node's `after *= 1` and range check.
fn delay(vm: &mut Vm, v: Value) -> JsResult<f64> {
    let after = vm.to_number(v)?;
    if after > TIMEOUT_MAX {
        let _ = std::io::stdout().flush();
        let _ = writeln!(
            std::io::stderr(),
            "(strata) TimeoutOverflowWarning: {} does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.",
            vm.display_string(Value::number(after)).unwrap_or_default()
        );
    }
    Ok(if after >= 1.0 && after <= TIMEOUT_MAX { after } else { 1.0 })
}

fn add_timer(vm: &mut Vm, args: Args, repeat: bool, what: &str) -> JsResult<Value> {
    let host = Host::of(vm, what)?;
    let (callback, args_array) = callback_and_args(vm, &args, 2)?;
    let delay_ms = delay(vm, args.get(1))?;
    let mut el = host.event_loop.borrow_mut();
    let id = el.next_id();
    el.schedule_timer(id, delay_ms, TimerRecord { callback, args: args_array, delay_ms, repeat });
    Ok(Value::number(id.0 as f64))
}

fn set_timeout(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    add_timer(vm, args, false, "setTimeout")
}

fn set_interval(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    add_timer(vm, args, true, "setInterval")
}

fn set_immediate(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let host = Host::of(vm, "setImmediate")?;
    let (callback, args_array) = callback_and_args(vm, &args, 1)?;
    let mut el = host.event_loop.borrow_mut();
    let id = el.next_id();
    el.immediates.push_back(ImmediateRecord { id, callback, args: args_array });
    Ok(Value::number(id.0 as f64))
}

/// The id a `clear*` argument names: numbers and numeric strings.
fn id_of(vm: &mut Vm, v: Value) -> Option<TimerId> {
    let n = if v.is_number() {
        v.as_number()?
    } else if v.as_gc::<strata_vm::string::JsString>().is_some() {
        vm.to_number(v).ok()?
    } else {
        return None;
    };
    (n >= 1.0 && n.fract() == 0.0 && n <= u64::MAX as f64).then_some(TimerId(n as u64))
}

fn clear_timeout(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let host = Host::of(vm, "clearTimeout")?;
    if let Some(id) = id_of(vm, args.get(0)) {
        host.event_loop.borrow_mut().clear_timer(id);
    }
    Ok(Value::UNDEFINED)
}

fn clear_immediate(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let host = Host::of(vm, "clearImmediate")?;
    if let Some(id) = id_of(vm, args.get(0)) {
        host.event_loop.borrow_mut().clear_immediate(id);
    }
    Ok(Value::UNDEFINED)
}
