//! Uint8Array base64 and hex.

use strata_gc::Gc;

use crate::object::JsObject;
use crate::vm::{JsResult, Vm};

/// Installs the base64/hex methods on Uint8Array and its prototype.
pub fn init(_vm: &mut Vm, _ctor: Gc<JsObject>, _proto: Gc<JsObject>) -> JsResult<()> {
    Ok(())
}
