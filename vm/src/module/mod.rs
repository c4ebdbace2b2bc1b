//! ECMAScript modules (§16.2): module records, the module map, loading,
//! linking with cycles, evaluation with top-level await, namespace
//! objects, `import.meta` and `import()`.
//!
//! ```text
//!   specifier ──host.resolve──▶ key ──module map──▶ ModuleRecord
//!                                  └─host.load──▶ text ──parse+compile──▶ (code, ModuleInfo)
//!   load_module_graph   every request of every module loaded (the map
//!                       holds each module once, so cycles end)
//!   link_module         InnerModuleLinking: imports resolved to export
//!                       cells, then the top-level code runs to its first
//!                       suspension (functions hoisted into their cells)
//!   evaluate_module     InnerModuleEvaluation: resumes each module's
//!                       frame in post-order; async modules (top-level
//!                       await) and their importers finish from promise
//!                       jobs (AsyncModuleExecutionFulfilled/Rejected)
//! ```
//!
//! Files: `mod.rs` (records, map, host, loading), `link.rs` (ResolveExport,
//! linking, namespaces), `evaluate.rs` (evaluation, `import()`,
//! `import.meta`), `namespace.rs` (the namespace exotic object's internal
//! methods, called from `object_ops.rs`).
//!
//! Bindings: a module's exported locals live in its `cells` (the hole
//! until initialized); an import is resolved once, at link time, to a
//! [`BindingRef`] — another module's cell or a namespace object — so a
//! read is two loads and imports stay live.

mod evaluate;
mod host;
mod link;
pub(crate) mod namespace;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;

use strata_bytecode::{BytecodeFunction, ModuleInfo};
use strata_gc::{Gc, Trace, Tracer};

pub use evaluate::{DynamicImportJob, ModuleReaction};
pub use host::{FileModuleHost, ModuleHost, ModuleSource, ModuleType, resolve_file_specifier};
pub use namespace::NamespaceData;

use crate::builtins::promise::Capability;
use crate::error::ErrorKind;
use crate::realm::Realm;
use crate::value::Value;
use crate::vm::{JsResult, Script, Vm};

/// [[Status]] of a cyclic module record.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ModuleStatus {
    /// Loaded; its requests may not be.
    New,
    /// Its graph is loaded.
    Unlinked,
    /// InnerModuleLinking is on it.
    Linking,
    /// Imports resolved, environment initialized.
    Linked,
    /// InnerModuleEvaluation is on it.
    Evaluating,
    /// Waiting for an async dependency or its own top-level await.
    EvaluatingAsync,
    /// Done, successfully or with `error`.
    Evaluated,
}

/// What an import or a namespace property reads.
#[derive(Copy, Clone)]
pub enum BindingRef {
    /// Export cell `n` of a module (the hole until initialized).
    Cell(Gc<ModuleRecord>, u32),
    /// A value fixed at link time: a module namespace object.
    Value(Value),
}

impl BindingRef {
    /// The binding's current value (the hole when uninitialized).
    #[inline]
    pub fn get(self) -> Value {
        match self {
            BindingRef::Cell(m, n) => m.export_cell(n),
            BindingRef::Value(v) => v,
        }
    }

    fn trace(&self, t: &mut Tracer<'_>) {
        match self {
            BindingRef::Cell(m, _) => t.mark(m.cell()),
            BindingRef::Value(v) => v.trace(t),
        }
    }
}

/// What a module is made of.
pub enum ModuleBody {
    /// A Source Text Module Record: compiled code and its static record.
    SourceText {
        /// The record the generator produced.
        info: Arc<ModuleInfo>,
        /// The top-level code.
        code: Arc<BytecodeFunction>,
    },
    /// A synthetic module (JSON modules, the host's built-in modules):
    /// export `names[i]` is cell `i`, set when the module is created.
    Synthetic {
        /// Export names.
        names: Vec<Box<str>>,
    },
}

/// A module record (Cyclic Module Record fields included).
pub struct ModuleRecord {
    /// The module map key: an absolute path, or a host name such as
    /// `node:fs/promises`.
    pub key: Box<str>,
    /// The script-table index of its source (`u32::MAX` if synthetic).
    pub script: u32,
    /// Code or synthetic exports.
    pub body: ModuleBody,
    /// [[Realm]].
    pub realm: Gc<Realm>,
    /// [[Status]].
    pub status: Cell<ModuleStatus>,
    /// [[EvaluationError]] (the hole when none).
    pub error: Cell<Value>,
    /// The export cells.
    pub cells: Box<[Cell<Value>]>,
    /// Resolved imports, by the import index of the code.
    pub imports: RefCell<Vec<BindingRef>>,
    /// [[LoadedModules]], by request index.
    pub requested: RefCell<Vec<Option<Gc<ModuleRecord>>>>,
    /// [[Namespace]] (undefined until created).
    pub namespace: Cell<Value>,
    /// The generator-like object holding the suspended top-level frame.
    pub frame: Cell<Value>,
    /// `import.meta` (undefined until first used).
    pub meta: Cell<Value>,
    /// [[DFSIndex]].
    pub dfs_index: Cell<u32>,
    /// [[DFSAncestorIndex]].
    pub dfs_ancestor_index: Cell<u32>,
    /// [[CycleRoot]].
    pub cycle_root: Cell<Option<Gc<ModuleRecord>>>,
    /// [[AsyncEvaluation]].
    pub async_evaluation: Cell<bool>,
    /// The order in which [[AsyncEvaluation]] was set.
    pub async_order: Cell<u64>,
    /// [[PendingAsyncDependencies]].
    pub pending_async: Cell<u32>,
    /// [[AsyncParentModules]].
    pub async_parents: RefCell<Vec<Gc<ModuleRecord>>>,
    /// [[TopLevelCapability]].
    pub capability: Cell<Option<Capability>>,
}
strata_gc::cell_type!(ModuleRecord);

// SAFETY: reports every value and record the module holds.
unsafe impl Trace for ModuleRecord {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.realm.cell());
        self.error.get().trace(t);
        for c in self.cells.iter() {
            c.get().trace(t);
        }
        for b in self.imports.borrow().iter() {
            b.trace(t);
        }
        for m in self.requested.borrow().iter().flatten() {
            t.mark(m.cell());
        }
        self.namespace.get().trace(t);
        self.frame.get().trace(t);
        self.meta.get().trace(t);
        if let Some(m) = self.cycle_root.get() {
            t.mark(m.cell());
        }
        for m in self.async_parents.borrow().iter() {
            t.mark(m.cell());
        }
        if let Some(c) = self.capability.get() {
            c.promise.trace(t);
            c.resolve.trace(t);
            c.reject.trace(t);
        }
    }
}

impl ModuleRecord {
    /// Export cell `n` (undefined if out of range, which compiled code
    /// never asks for).
    #[inline]
    pub fn export_cell(&self, n: u32) -> Value {
        self.cells.get(n as usize).map_or(Value::UNDEFINED, Cell::get)
    }

    /// Writes export cell `n`.
    #[inline]
    pub fn set_export_cell(&self, n: u32, v: Value) {
        if let Some(c) = self.cells.get(n as usize) {
            c.set(v);
        }
    }

    /// The static record of a source text module.
    pub fn info(&self) -> Option<&Arc<ModuleInfo>> {
        match &self.body {
            ModuleBody::SourceText { info, .. } => Some(info),
            ModuleBody::Synthetic { .. } => None,
        }
    }

    /// [[HasTLA]].
    pub fn has_tla(&self) -> bool {
        self.info().is_some_and(|i| i.has_tla)
    }

    /// Whether it is a Cyclic Module Record (source text).
    pub fn is_cyclic(&self) -> bool {
        matches!(self.body, ModuleBody::SourceText { .. })
    }

    /// The module its request `i` loaded.
    pub fn requested_module(&self, i: u32) -> Option<Gc<ModuleRecord>> {
        self.requested.borrow().get(i as usize).copied().flatten()
    }
}

/// How messages and stack traces name a module: its path relative to the
/// working directory when it is under it (as the command line named it),
/// else its key.
fn display_path(key: &str) -> String {
    if let Ok(cwd) = std::env::current_dir()
        && let Ok(rel) = std::path::Path::new(key).strip_prefix(&cwd)
    {
        return rel.to_string_lossy().into_owned();
    }
    key.to_string()
}

/// The module map and the module of each script index.
#[derive(Default)]
pub struct ModuleMap {
    /// Every module loaded, by (key, type).
    pub by_key: HashMap<(Box<str>, ModuleType), Gc<ModuleRecord>>,
    /// The module whose code has script index `i`.
    pub by_script: Vec<Option<Gc<ModuleRecord>>>,
    /// IncrementModuleAsyncEvaluationCount's counter.
    pub async_count: u64,
}

impl ModuleMap {
    /// Reports every module.
    pub fn trace(&self, t: &mut Tracer<'_>) {
        for m in self.by_key.values() {
            t.mark(m.cell());
        }
        for m in self.by_script.iter().flatten() {
            t.mark(m.cell());
        }
    }
}

impl Vm {
    /// The module whose code has script index `script`.
    #[inline]
    pub fn module_of_script(&self, script: u32) -> Option<Gc<ModuleRecord>> {
        self.roots.modules.by_script.get(script as usize).copied().flatten()
    }

    fn host(&self) -> std::rc::Rc<dyn ModuleHost> {
        match &self.module_host {
            Some(h) => h.clone(),
            None => std::rc::Rc::new(FileModuleHost),
        }
    }

    /// The key `specifier` names when imported from `referrer` (a module
    /// key or a script path; `None` for the program's entry point).
    pub fn resolve_module_specifier(&mut self, referrer: Option<&str>, specifier: &str) -> JsResult<String> {
        let host = self.host();
        host.resolve(referrer, specifier).map_err(|message| self.error(ErrorKind::Error, &message))
    }

    /// The module type import attributes ask for; unsupported attributes
    /// are a SyntaxError, an unknown type a TypeError.
    fn module_type(&mut self, attributes: &[(Box<str>, Box<str>)]) -> JsResult<ModuleType> {
        let mut ty = ModuleType::JavaScript;
        for (key, value) in attributes {
            if &**key != "type" {
                return Err(self.syntax_error(&format!("Import attribute '{key}' is not supported")));
            }
            ty = match &**value {
                "json" => ModuleType::Json,
                other => return Err(self.type_error(&format!("Import attribute \"type\" with value \"{other}\" is not supported"))),
            };
        }
        Ok(ty)
    }

    /// HostLoadImportedModule: the module `specifier` (with `attributes`)
    /// names from `referrer`, from the module map or loaded, parsed and
    /// compiled now.
    pub fn load_imported_module(
        &mut self,
        referrer: Option<&str>,
        specifier: &str,
        attributes: &[(Box<str>, Box<str>)],
    ) -> JsResult<Gc<ModuleRecord>> {
        let ty = self.module_type(attributes)?;
        let key = self.resolve_module_specifier(referrer, specifier)?;
        if let Some(&m) = self.roots.modules.by_key.get(&(key.as_str().into(), ty)) {
            return Ok(m);
        }
        let host = self.host();
        let source = host.load(self, &key, ty)?;
        let record = match (source, ty) {
            (ModuleSource::Text(text), ModuleType::JavaScript) => {
                if key.ends_with(".json") {
                    return Err(self.type_error(&format!(
                        "Module \"{key}\" needs an import attribute of \"type: json\""
                    )));
                }
                self.compile_module(&text, &key)?
            }
            (ModuleSource::Text(text), ModuleType::Json) => {
                let s = self.new_string(&text)?;
                let value = crate::builtins::json::parse_text(self, s)?;
                self.synthetic_module(&key, vec![("default".to_string(), value)])?
            }
            (ModuleSource::Exports(exports), _) => self.synthetic_module(&key, exports)?,
        };
        self.roots.modules.by_key.insert((key.into(), ty), record);
        Ok(record)
    }

    /// Registers `source` as the JavaScript module named `key` (an entry
    /// point whose text the embedder already has); the map's module if
    /// `key` was loaded before.
    pub fn module_from_source(&mut self, source: &str, key: &str) -> JsResult<Gc<ModuleRecord>> {
        let map_key = (Box::<str>::from(key), ModuleType::JavaScript);
        if let Some(&m) = self.roots.modules.by_key.get(&map_key) {
            return Ok(m);
        }
        let m = self.compile_module(source, key)?;
        self.roots.modules.by_key.insert(map_key, m);
        Ok(m)
    }

    /// ParseModule: compiles `source` and makes its record.
    fn compile_module(&mut self, source: &str, key: &str) -> JsResult<Gc<ModuleRecord>> {
        let index = self.scripts.len() as u32;
        let display = display_path(key);
        self.scripts.push(Script::new(display.clone(), source.to_string()));
        let allocator = oxc_allocator::Allocator::default();
        let options = strata_frontend::ParseOptions {
            path: display,
            goal: strata_frontend::Goal::Module,
            strict: false,
        };
        let compiled = strata_frontend::parse(&allocator, source, options)
            .and_then(|parsed| strata_bytecode::generator::compile_module(&parsed, index));
        let (code, info) = match compiled {
            Ok(c) => c,
            Err(e) => return Err(self.syntax_error_at(&e.message, &e.path, e.line, e.column)),
        };
        if self.print_module_bytecode {
            let script = &self.scripts[index as usize];
            let lc = |off: u32| script.line_column(off);
            print!("{}", strata_bytecode::print_function(&code, Some(&lc)));
        }
        let requests = info.requests.len();
        let cells = info.cell_names.len();
        let record = self.new_module_record(key, index, ModuleBody::SourceText { info: Arc::new(info), code }, cells)?;
        *record.requested.borrow_mut() = vec![None; requests];
        let slots = &mut self.roots.modules.by_script;
        if slots.len() <= index as usize {
            slots.resize(index as usize + 1, None);
        }
        slots[index as usize] = Some(record);
        Ok(record)
    }

    /// A synthetic module exporting `exports` (already evaluated).
    pub fn synthetic_module(&mut self, key: &str, exports: Vec<(String, Value)>) -> JsResult<Gc<ModuleRecord>> {
        let names: Vec<Box<str>> = exports.iter().map(|(n, _)| n.as_str().into()).collect();
        let record = self.new_module_record(key, u32::MAX, ModuleBody::Synthetic { names }, exports.len())?;
        for (i, (_, v)) in exports.iter().enumerate() {
            record.set_export_cell(i as u32, *v);
        }
        record.status.set(ModuleStatus::Evaluated);
        Ok(record)
    }

    fn new_module_record(&mut self, key: &str, script: u32, body: ModuleBody, cells: usize) -> JsResult<Gc<ModuleRecord>> {
        let realm = self.realm();
        self.alloc(ModuleRecord {
            key: key.into(),
            script,
            body,
            realm,
            status: Cell::new(ModuleStatus::New),
            error: Cell::new(Value::HOLE),
            cells: (0..cells).map(|_| Cell::new(Value::HOLE)).collect(),
            imports: RefCell::new(Vec::new()),
            requested: RefCell::new(Vec::new()),
            namespace: Cell::new(Value::UNDEFINED),
            frame: Cell::new(Value::UNDEFINED),
            meta: Cell::new(Value::UNDEFINED),
            dfs_index: Cell::new(0),
            dfs_ancestor_index: Cell::new(0),
            cycle_root: Cell::new(None),
            async_evaluation: Cell::new(false),
            async_order: Cell::new(0),
            pending_async: Cell::new(0),
            async_parents: RefCell::new(Vec::new()),
            capability: Cell::new(None),
        })
    }

    /// LoadRequestedModules, synchronously: loads every module `root`'s
    /// graph requests that is not loaded yet. On failure the modules
    /// loaded so far stay in the map.
    pub fn load_module_graph(&mut self, root: Gc<ModuleRecord>) -> JsResult<()> {
        let mut stack = vec![root];
        let mut seen: Vec<Gc<ModuleRecord>> = Vec::new();
        while let Some(m) = stack.pop() {
            if seen.contains(&m) {
                continue;
            }
            seen.push(m);
            let Some(info) = m.info().cloned() else { continue };
            for (i, request) in info.requests.iter().enumerate() {
                let dep = match m.requested_module(i as u32) {
                    Some(dep) => dep,
                    None => {
                        let dep = match self.load_imported_module(Some(&m.key), &request.specifier, &request.attributes) {
                            Ok(dep) => dep,
                            Err(e) => return Err(self.locate_module_error(m, request.offset, e)),
                        };
                        m.requested.borrow_mut()[i] = Some(dep);
                        dep
                    }
                };
                stack.push(dep);
            }
            if m.status.get() == ModuleStatus::New {
                m.status.set(ModuleStatus::Unlinked);
            }
        }
        Ok(())
    }

    /// Adds "imported from path:line:column" to a host error about a
    /// request of `m` (a syntax error of the imported module already names
    /// its own location).
    fn locate_module_error(&mut self, m: Gc<ModuleRecord>, offset: u32, e: crate::vm::Exception) -> crate::vm::Exception {
        let Some(err) = e.0.as_gc::<crate::object::JsObject>() else { return e };
        if !matches!(err.kind, crate::object::ObjectKind::Error) {
            return e;
        }
        let key = crate::property::PropertyKey::String(self.roots.names.stack);
        let Ok(stack) = self.get(err, key, e.0) else { return e };
        let Some(text) = stack.as_gc::<crate::string::JsString>().map(|s| s.to_rust_string()) else { return e };
        if text.contains("\n    at ") {
            return e;
        }
        let Some(script) = self.scripts.get(m.script as usize) else { return e };
        let (line, column) = script.line_column(offset);
        let located = format!("{text}\n    at {}:{line}:{column}", script.path);
        if let Ok(v) = self.string_value(&located) {
            let _ = self.define_own_simple(err, key, v, crate::property::Attrs::HIDDEN);
        }
        e
    }
}
