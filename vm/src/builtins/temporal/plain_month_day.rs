//! stub
use strata_gc::Gc;
use crate::object::JsObject;
use crate::vm::{JsResult, Vm};
pub(super) fn init(_vm: &mut Vm, _ns: Gc<JsObject>) -> JsResult<()> { Ok(()) }
