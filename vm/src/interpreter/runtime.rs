//! `CallRuntime`: the runtime functions of `bytecode/src/runtime.rs`.

use strata_bytecode::RuntimeFunction;

use crate::object::{JsObject, ObjectKind};
use crate::property::PropertyKey;
use crate::value::Value;
use crate::vm::{JsResult, Vm};

impl Vm {
    /// Runs runtime function `id` on `args`.
    pub(crate) fn call_runtime(&mut self, id: u32, args: &[Value], fp: isize) -> JsResult<Value> {
        let arg = |i: usize| args.get(i).copied().unwrap_or(Value::UNDEFINED);
        let Some(f) = RuntimeFunction::from_id(id) else {
            return Err(self.type_error(&format!("internal error: unknown runtime function {id}")));
        };
        match f {
            RuntimeFunction::AppendSpread => {
                let Some(arr) = arg(0).as_gc::<JsObject>() else { return Ok(Value::UNDEFINED) };
                let values = self.iterable_to_list(arg(1))?;
                let mut len = match &arr.kind {
                    ObjectKind::Array { length, .. } => length.get(),
                    _ => 0,
                };
                for &v in values.as_slice() {
                    self.create_data_property_or_throw(arr, PropertyKey::Index(len), v)?;
                    len += 1;
                }
                Ok(Value::number(len as f64))
            }
            RuntimeFunction::SetArrayLength => {
                if let Some(arr) = arg(0).as_gc::<JsObject>() {
                    let key = PropertyKey::String(self.roots.names.length);
                    self.set(arr, key, arg(1), arg(0))?;
                }
                Ok(Value::UNDEFINED)
            }
            RuntimeFunction::SetLiteralProto => {
                let proto = arg(1);
                if let Some(obj) = arg(0).as_gc::<JsObject>()
                    && (proto.is_null() || proto.as_gc::<JsObject>().is_some())
                {
                    self.set_prototype_of(obj, proto)?;
                }
                Ok(Value::UNDEFINED)
            }
            RuntimeFunction::ThrowTypeError => {
                let m = self.display_string(arg(0))?;
                Err(self.type_error(&m))
            }
            RuntimeFunction::ThrowSyntaxError => {
                let m = self.display_string(arg(0))?;
                Err(self.syntax_error(&m))
            }
            RuntimeFunction::ThrowReferenceError => {
                let m = self.display_string(arg(0))?;
                Err(self.reference_error(&m))
            }
            RuntimeFunction::DefineAccessorPair => {
                let flags = arg(3).as_int().unwrap_or(0) as u32;
                self.define_method(arg(0), arg(1), arg(2), flags)?;
                Ok(Value::UNDEFINED)
            }
            RuntimeFunction::SetFunctionName => {
                if let Some(f) = arg(0).as_gc::<JsObject>() {
                    let key = self.to_property_key(arg(1))?;
                    self.set_function_name(f, key, "")?;
                }
                Ok(arg(0))
            }
            RuntimeFunction::IterableToList => {
                let list = self.iterable_to_list(arg(0))?;
                Ok(Value::from_gc(self.new_array(list.as_slice())?))
            }
            RuntimeFunction::SetClassFields => {
                if let Some(c) = arg(0).as_gc::<JsObject>()
                    && let ObjectKind::Function(d) = &c.kind
                {
                    d.fields.set(arg(1));
                }
                Ok(Value::UNDEFINED)
            }
            RuntimeFunction::InitializeInstanceElements => {
                self.initialize_instance_elements(fp, arg(0))?;
                Ok(arg(0))
            }
            RuntimeFunction::ThrowIfNotObject => {
                if arg(0).as_gc::<JsObject>().is_none() {
                    let m = self.display_string(arg(1))?;
                    return Err(self.type_error(&m));
                }
                Ok(arg(0))
            }
            RuntimeFunction::CreateGeneratorObject => self.create_generator_object(fp),
            RuntimeFunction::CreateAsyncFunctionObject => self.create_async_function_object(),
            RuntimeFunction::AsyncFunctionResolve => self.async_function_settle(arg(0), arg(1), false),
            RuntimeFunction::AsyncFunctionReject => self.async_function_settle(arg(0), arg(1), true),
            RuntimeFunction::CreateModuleObject => {
                let script = super::frame_shared(self, fp).map_or(u32::MAX, |s| s.code.script);
                self.create_module_object(script)
            }
            RuntimeFunction::GetImportMeta => {
                let script = super::frame_shared(self, fp).map_or(u32::MAX, |s| s.code.script);
                self.import_meta(script)
            }
            RuntimeFunction::DynamicImport => {
                let script = super::frame_shared(self, fp).map(|s| s.code.script);
                self.dynamic_import(script, arg(0), arg(1))
            }
        }
    }
}
