//! Evaluation (§16.2.1.5.3): Evaluate, InnerModuleEvaluation and the
//! async module machinery (ExecuteAsyncModule, GatherAvailableAncestors,
//! AsyncModuleExecutionFulfilled/Rejected); `import()` (EvaluateImportCall
//! and ContinueDynamicImport) and `import.meta`.
//!
//! Executing a module resumes its top-level frame, suspended at link
//! time. A module without top-level await runs to completion inside the
//! resume; one with it returns at its first `await`, and its frame's
//! promise settling (a [`ReactionHandler::Module`] reaction) continues the
//! algorithm.

use strata_bytecode::RESUME_NEXT;
use strata_gc::{Gc, Trace, Tracer};

use super::{ModuleRecord, ModuleStatus};
use crate::builtins::promise::{Capability, ReactionHandler, promise_data};
use crate::function::Args;
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::realm::Intrinsic;
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{Exception, JsResult, Vm};

/// Which step of the module algorithms a promise reaction continues.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ModuleReaction {
    /// The module's async execution settled
    /// (AsyncModuleExecutionFulfilled / Rejected).
    AsyncExecution,
    /// `import()`'s evaluation promise settled: the reaction's capability
    /// gets the namespace, or the error.
    DynamicImport,
}

/// A pending `import()`: loading, linking and evaluation run as a job, as
/// in engines whose loads complete asynchronously.
pub struct DynamicImportJob {
    /// The importing module's key or script's path.
    pub referrer: Option<Box<str>>,
    /// The specifier, converted to a string.
    pub specifier: Box<str>,
    /// The `with` attributes, sorted by key.
    pub attributes: Vec<(Box<str>, Box<str>)>,
    /// The promise `import()` returned.
    pub capability: Capability,
}

impl DynamicImportJob {
    /// Reports the capability.
    pub fn trace(&self, t: &mut Tracer<'_>) {
        self.capability.promise.trace(t);
        self.capability.resolve.trace(t);
        self.capability.reject.trace(t);
    }
}

impl Vm {
    /// Evaluate(): runs `module`'s graph (linked already); returns the
    /// promise of its cycle root's evaluation, settled already unless
    /// some module in the graph awaits.
    pub fn evaluate_module(&mut self, module: Gc<ModuleRecord>) -> JsResult<Gc<JsObject>> {
        let mut module = module;
        if matches!(module.status.get(), ModuleStatus::EvaluatingAsync | ModuleStatus::Evaluated)
            && let Some(root) = module.cycle_root.get()
        {
            module = root;
        }
        if let Some(cap) = module.capability.get()
            && let Some(p) = cap.promise.as_gc::<JsObject>()
        {
            return Ok(p);
        }
        let cap = self.new_promise_capability(Value::from_gc(self.intrinsic(Intrinsic::Promise)))?;
        module.capability.set(Some(cap));
        let mut stack = Vec::new();
        match self.inner_module_evaluation(module, &mut stack, 0) {
            Err(e) if e.is_termination() => return Err(e),
            Err(e) => {
                for m in stack {
                    m.status.set(ModuleStatus::Evaluated);
                    m.error.set(e.0);
                }
                self.call(cap.reject, Value::UNDEFINED, &[e.0])?;
            }
            Ok(_) => {
                if !module.async_evaluation.get() {
                    self.call(cap.resolve, Value::UNDEFINED, &[Value::UNDEFINED])?;
                }
            }
        }
        cap.promise.as_gc::<JsObject>().ok_or_else(|| self.type_error("internal error: capability without promise"))
    }

    fn inner_module_evaluation(&mut self, module: Gc<ModuleRecord>, stack: &mut Vec<Gc<ModuleRecord>>, index: u32) -> JsResult<u32> {
        if !module.is_cyclic() {
            // Synthetic modules are evaluated when created.
            return Ok(index);
        }
        match module.status.get() {
            ModuleStatus::EvaluatingAsync | ModuleStatus::Evaluated => {
                let error = module.error.get();
                return if error.is_hole() { Ok(index) } else { Err(Exception(error)) };
            }
            ModuleStatus::Evaluating => return Ok(index),
            ModuleStatus::Linked => {}
            s => return Err(self.type_error(&format!("internal error: evaluating module {} in state {s:?}", module.key))),
        }
        if !self.native_stack_ok() {
            return Err(self.range_error("Maximum call stack size exceeded (module graph too deep)"));
        }
        module.status.set(ModuleStatus::Evaluating);
        module.dfs_index.set(index);
        module.dfs_ancestor_index.set(index);
        module.pending_async.set(0);
        let mut index = index + 1;
        stack.push(module);
        let requests = module.requested.borrow().len();
        for i in 0..requests {
            let Some(mut required) = module.requested_module(i as u32) else { continue };
            index = self.inner_module_evaluation(required, stack, index)?;
            if required.is_cyclic() {
                if required.status.get() == ModuleStatus::Evaluating {
                    let m = module.dfs_ancestor_index.get().min(required.dfs_ancestor_index.get());
                    module.dfs_ancestor_index.set(m);
                } else {
                    if let Some(root) = required.cycle_root.get() {
                        required = root;
                    }
                    let error = required.error.get();
                    if !error.is_hole() {
                        return Err(Exception(error));
                    }
                }
                if required.async_evaluation.get() {
                    module.pending_async.set(module.pending_async.get() + 1);
                    required.async_parents.borrow_mut().push(module);
                }
            }
        }
        if module.pending_async.get() > 0 || module.has_tla() {
            module.async_evaluation.set(true);
            self.roots.modules.async_count += 1;
            module.async_order.set(self.roots.modules.async_count);
            if module.pending_async.get() == 0 {
                self.execute_async_module(module)?;
            }
        } else {
            self.execute_module(module)?;
        }
        if module.dfs_ancestor_index.get() == module.dfs_index.get() {
            while let Some(m) = stack.pop() {
                m.status.set(if m.async_evaluation.get() { ModuleStatus::EvaluatingAsync } else { ModuleStatus::Evaluated });
                m.cycle_root.set(Some(module));
                if m == module {
                    break;
                }
            }
        }
        Ok(index)
    }

    /// ExecuteModule() without a capability: resumes the top-level frame
    /// and runs it to completion.
    fn execute_module(&mut self, module: Gc<ModuleRecord>) -> JsResult<()> {
        let frame = module.frame.get();
        let Some((generator, data)) = crate::interpreter::generators::generator_data(frame) else {
            return Err(self.type_error(&format!("internal error: module {} has no frame", module.key)));
        };
        self.resume_frame(generator, data, RESUME_NEXT, Value::UNDEFINED).map(|_| ())
    }

    /// ExecuteAsyncModule: resumes the frame of a module with top-level
    /// await; its promise settling continues the algorithm.
    fn execute_async_module(&mut self, module: Gc<ModuleRecord>) -> JsResult<()> {
        let frame = module.frame.get();
        let Some((generator, data)) = crate::interpreter::generators::generator_data(frame) else {
            return Err(self.type_error(&format!("internal error: module {} has no frame", module.key)));
        };
        let Some((promise, _)) = promise_data(data.promise.get()) else {
            return Err(self.type_error("internal error: async module without a promise"));
        };
        let handler = ReactionHandler::Module(module, ModuleReaction::AsyncExecution);
        self.perform_promise_then(promise, handler, handler, None);
        match self.resume_frame(generator, data, RESUME_NEXT, Value::UNDEFINED) {
            Ok(_) => Ok(()),
            Err(e) if e.is_termination() => Err(e),
            // The body's catch-all rejects the promise; only a failure to
            // resume at all gets here.
            Err(e) => {
                self.reject_promise(promise, e.0);
                Ok(())
            }
        }
    }

    /// GatherAvailableAncestors.
    fn gather_available_ancestors(&mut self, module: Gc<ModuleRecord>, exec_list: &mut Vec<Gc<ModuleRecord>>) {
        let parents = module.async_parents.borrow().clone();
        for m in parents {
            let root_ok = m.cycle_root.get().is_none_or(|r| r.error.get().is_hole());
            if !exec_list.contains(&m) && root_ok {
                let pending = m.pending_async.get().saturating_sub(1);
                m.pending_async.set(pending);
                if pending == 0 {
                    exec_list.push(m);
                    if !m.has_tla() {
                        self.gather_available_ancestors(m, exec_list);
                    }
                }
            }
        }
    }

    /// AsyncModuleExecutionFulfilled.
    fn async_module_execution_fulfilled(&mut self, module: Gc<ModuleRecord>) -> JsResult<()> {
        if module.status.get() == ModuleStatus::Evaluated {
            return Ok(());
        }
        module.async_evaluation.set(false);
        module.status.set(ModuleStatus::Evaluated);
        if let Some(cap) = module.capability.get() {
            self.call(cap.resolve, Value::UNDEFINED, &[Value::UNDEFINED])?;
        }
        let mut exec_list = Vec::new();
        self.gather_available_ancestors(module, &mut exec_list);
        exec_list.sort_by_key(|m| m.async_order.get());
        for m in exec_list {
            if m.status.get() == ModuleStatus::Evaluated {
                continue;
            }
            if m.has_tla() {
                self.execute_async_module(m)?;
                continue;
            }
            match self.execute_module(m) {
                Err(e) if e.is_termination() => return Err(e),
                Err(e) => self.async_module_execution_rejected(m, e.0)?,
                Ok(()) => {
                    m.async_evaluation.set(false);
                    m.status.set(ModuleStatus::Evaluated);
                    if let Some(cap) = m.capability.get() {
                        self.call(cap.resolve, Value::UNDEFINED, &[Value::UNDEFINED])?;
                    }
                }
            }
        }
        Ok(())
    }

    /// AsyncModuleExecutionRejected.
    fn async_module_execution_rejected(&mut self, module: Gc<ModuleRecord>, error: Value) -> JsResult<()> {
        if module.status.get() == ModuleStatus::Evaluated {
            return Ok(());
        }
        module.error.set(error);
        module.status.set(ModuleStatus::Evaluated);
        module.async_evaluation.set(false);
        let parents = module.async_parents.borrow().clone();
        for m in parents {
            self.async_module_execution_rejected(m, error)?;
        }
        if let Some(cap) = module.capability.get() {
            self.call(cap.reject, Value::UNDEFINED, &[error])?;
        }
        Ok(())
    }

    /// A settled promise's reaction that continues a module algorithm;
    /// `Some(outcome)` for the reaction's capability (dynamic import).
    pub(crate) fn module_reaction(
        &mut self,
        module: Gc<ModuleRecord>,
        step: ModuleReaction,
        fulfilled: bool,
        argument: Value,
    ) -> Option<JsResult<Value>> {
        match step {
            ModuleReaction::AsyncExecution => {
                let result = if fulfilled {
                    self.async_module_execution_fulfilled(module)
                } else {
                    self.async_module_execution_rejected(module, argument)
                };
                match result {
                    Err(e) if e.is_termination() => Some(Err(e)),
                    _ => None,
                }
            }
            ModuleReaction::DynamicImport => Some(if fulfilled {
                self.module_namespace(module).map(Value::from_gc)
            } else {
                Err(Exception(argument))
            }),
        }
    }

    /// Loads, links and evaluates the module graph of `module`: the
    /// promise of its evaluation.
    pub fn run_module(&mut self, module: Gc<ModuleRecord>) -> JsResult<Gc<JsObject>> {
        self.load_module_graph(module)?;
        self.link_module(module)?;
        self.evaluate_module(module)
    }

    // ---- import() ----------------------------------------------------------------

    /// EvaluateImportCall after its operands: a promise for the namespace.
    /// Errors in the operands reject it; the load itself is a job.
    pub(crate) fn dynamic_import(&mut self, referrer_script: Option<u32>, specifier: Value, options: Value) -> JsResult<Value> {
        let cap = self.new_promise_capability(Value::from_gc(self.intrinsic(Intrinsic::Promise)))?;
        match self.import_call_operands(specifier, options) {
            Ok((specifier, attributes)) => {
                let referrer = referrer_script.and_then(|s| match self.module_of_script(s) {
                    Some(m) => Some(m.key.clone()),
                    None => self.scripts.get(s as usize).map(|s| s.path.as_str().into()),
                });
                let job = DynamicImportJob { referrer, specifier, attributes, capability: cap };
                self.enqueue_job(crate::jobs::Job::DynamicImport(Box::new(job)));
            }
            Err(e) if e.is_termination() => return Err(e),
            Err(e) => {
                self.call(cap.reject, Value::UNDEFINED, &[e.0])?;
            }
        }
        Ok(cap.promise)
    }

    /// The specifier string and the `with` attributes of `import()`.
    fn import_call_operands(&mut self, specifier: Value, options: Value) -> JsResult<(Box<str>, Vec<(Box<str>, Box<str>)>)> {
        let specifier = self.to_string(specifier)?.to_rust_string();
        let mut attributes = Vec::new();
        if !options.is_undefined() {
            let Some(options) = options.as_gc::<JsObject>() else {
                return Err(self.type_error("The second argument to import() must be an object"));
            };
            let with_key = self.key("with");
            let with = self.get(options, with_key, Value::from_gc(options))?;
            if !with.is_undefined() {
                let Some(with) = with.as_gc::<JsObject>() else {
                    return Err(self.type_error("The 'with' option of import() must be an object"));
                };
                for key in self.own_property_keys(with)? {
                    if matches!(key, PropertyKey::Symbol(_)) {
                        continue;
                    }
                    let Some(desc) = crate::object_ops::get_own_property(self, with, key)? else { continue };
                    if desc.enumerable != Some(true) {
                        continue;
                    }
                    let value = self.get(with, key, Value::from_gc(with))?;
                    let Some(s) = value.as_gc::<JsString>() else {
                        return Err(self.type_error("Import attribute values must be strings"));
                    };
                    let name = self.describe_key(key);
                    attributes.push((name.into_boxed_str(), s.to_rust_string().into_boxed_str()));
                }
                attributes.sort();
                if let Some((key, _)) = attributes.iter().find(|(k, _)| &**k != "type") {
                    return Err(self.syntax_error(&format!("Import attribute '{key}' is not supported")));
                }
            }
        }
        Ok((specifier.into_boxed_str(), attributes))
    }

    /// The job of an `import()`: ContinueDynamicImport.
    pub(crate) fn run_dynamic_import(&mut self, job: DynamicImportJob) -> JsResult<()> {
        let cap = job.capability;
        let result: JsResult<(Gc<ModuleRecord>, Gc<JsObject>)> = (|| {
            let module = self.load_imported_module(job.referrer.as_deref(), &job.specifier, &job.attributes)?;
            let promise = self.run_module(module)?;
            Ok((module, promise))
        })();
        match result {
            Err(e) if e.is_termination() => Err(e),
            Err(e) => self.call(cap.reject, Value::UNDEFINED, &[e.0]).map(|_| ()),
            Ok((module, promise)) => {
                let handler = ReactionHandler::Module(module, ModuleReaction::DynamicImport);
                self.perform_promise_then(promise, handler, handler, Some(cap));
                Ok(())
            }
        }
    }

    // ---- import.meta -------------------------------------------------------------

    /// The `import.meta` of the module running code of script `script`:
    /// a null-prototype object with `url` (a `file:` URL for files),
    /// `filename`, `dirname` and `resolve(specifier)`, as in Node.
    pub(crate) fn import_meta(&mut self, script: u32) -> JsResult<Value> {
        let Some(module) = self.module_of_script(script) else {
            return Err(self.syntax_error("Cannot use 'import.meta' outside a module"));
        };
        let meta = module.meta.get();
        if meta.as_gc::<JsObject>().is_some() {
            return Ok(meta);
        }
        let obj = self.new_object_with(Value::NULL, ObjectKind::Ordinary)?;
        let key = module.key.to_string();
        let is_file = key.starts_with('/');
        let url = if is_file { file_url(&key) } else { key.clone() };
        let url = self.string_value(&url)?;
        self.define_value(obj, "url", url, Attrs::DEFAULT)?;
        if is_file {
            let filename = self.string_value(&key)?;
            self.define_value(obj, "filename", filename, Attrs::DEFAULT)?;
            let dir = std::path::Path::new(&key).parent().map_or("/".to_string(), |p| p.to_string_lossy().into_owned());
            let dirname = self.string_value(&dir)?;
            self.define_value(obj, "dirname", dirname, Attrs::DEFAULT)?;
        }
        let referrer = self.string_value(&key)?;
        let resolve = self.new_native_closure("resolve", 1, import_meta_resolve, &[referrer])?;
        self.define_value(obj, "resolve", Value::from_gc(resolve), Attrs::DEFAULT)?;
        module.meta.set(Value::from_gc(obj));
        Ok(Value::from_gc(obj))
    }
}

/// `import.meta.resolve(specifier)`: the URL the specifier resolves to.
fn import_meta_resolve(vm: &mut Vm, _this: Value, args: Args, _nt: Value) -> JsResult<Value> {
    let captures = vm.native_captures()?;
    let referrer = vm.to_string(captures.get(0))?.to_rust_string();
    let specifier = vm.to_string(args.get(0))?.to_rust_string();
    let key = vm.resolve_module_specifier(Some(&referrer), &specifier)?;
    let url = if key.starts_with('/') { file_url(&key) } else { key };
    vm.string_value(&url)
}

/// A `file:` URL for an absolute path, percent-encoding what URLs may not
/// hold literally.
fn file_url(path: &str) -> String {
    let mut out = String::from("file://");
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&b);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
