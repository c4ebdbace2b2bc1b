//! Atomics (ECMA-262 §25.4).

use strata_gc::Gc;

use crate::object::JsObject;
use crate::vm::{JsResult, Vm};

/// Installs the Atomics namespace.
pub fn init(_vm: &mut Vm, _global: Gc<JsObject>) -> JsResult<()> {
    Ok(())
}
