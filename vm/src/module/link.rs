//! Linking (§16.2.1.5.1): ResolveExport through indirect and star
//! exports, GetExportedNames, namespace objects, and InnerModuleLinking's
//! depth-first walk, whose strongly connected components (cycles) become
//! linked together. InitializeEnvironment resolves the imports and runs
//! the module's code up to its first suspension (hoisted functions).

use strata_bytecode::ExportTarget;
use strata_gc::Gc;

use super::{BindingRef, ModuleBody, ModuleRecord, ModuleStatus, NamespaceData};
use crate::object::{JsObject, ObjectKind};
use crate::property::{Attrs, PropertyKey};
use crate::value::Value;
use crate::vm::{Exception, JsResult, Vm, WellKnown};

/// ResolveExport's answer.
#[derive(Copy, Clone)]
pub(crate) enum Resolution {
    /// A local binding of `module` (a cell, or a namespace import).
    Binding(Gc<ModuleRecord>, ExportTarget),
    /// The namespace of `module` (`export * as ns from`).
    Namespace(Gc<ModuleRecord>),
    /// No such export.
    NotFound,
    /// Two star exports provide different bindings.
    Ambiguous,
}

impl Vm {
    /// ResolveExport(exportName, resolveSet).
    pub(crate) fn resolve_export(
        &self,
        module: Gc<ModuleRecord>,
        name: &str,
        resolve_set: &mut Vec<(Gc<ModuleRecord>, Box<str>)>,
    ) -> Resolution {
        let info = match &module.body {
            ModuleBody::Synthetic { names } => {
                return match names.iter().position(|n| &**n == name) {
                    Some(i) => Resolution::Binding(module, ExportTarget::Cell(i as u32)),
                    None => Resolution::NotFound,
                };
            }
            ModuleBody::SourceText { info, .. } => info.clone(),
        };
        if resolve_set.iter().any(|(m, n)| *m == module && &**n == name) {
            // A circular import request.
            return Resolution::NotFound;
        }
        resolve_set.push((module, name.into()));
        if let Some(e) = info.local_exports.iter().find(|e| &*e.export_name == name) {
            return Resolution::Binding(module, e.target);
        }
        if let Some(e) = info.indirect_exports.iter().find(|e| &*e.export_name == name) {
            let Some(imported) = module.requested_module(e.request) else { return Resolution::NotFound };
            return match &e.import_name {
                None => Resolution::Namespace(imported),
                Some(import_name) => self.resolve_export(imported, import_name, resolve_set),
            };
        }
        if name == "default" {
            // `export *` does not re-export a default.
            return Resolution::NotFound;
        }
        let mut star = Resolution::NotFound;
        for &request in &info.star_exports {
            let Some(imported) = module.requested_module(request) else { continue };
            let resolution = self.resolve_export(imported, name, resolve_set);
            match (resolution, star) {
                (Resolution::Ambiguous, _) => return Resolution::Ambiguous,
                (Resolution::NotFound, _) => {}
                (r, Resolution::NotFound) => star = r,
                (r, s) => {
                    if !same_binding(r, s) {
                        return Resolution::Ambiguous;
                    }
                }
            }
        }
        star
    }

    /// GetExportedNames(exportStarSet).
    pub(crate) fn exported_names(&self, module: Gc<ModuleRecord>, star_set: &mut Vec<Gc<ModuleRecord>>) -> Vec<Box<str>> {
        let info = match &module.body {
            ModuleBody::Synthetic { names } => return names.clone(),
            ModuleBody::SourceText { info, .. } => info.clone(),
        };
        if star_set.contains(&module) {
            return Vec::new();
        }
        star_set.push(module);
        let mut names: Vec<Box<str>> = info.local_exports.iter().map(|e| e.export_name.clone()).collect();
        names.extend(info.indirect_exports.iter().map(|e| e.export_name.clone()));
        for &request in &info.star_exports {
            let Some(imported) = module.requested_module(request) else { continue };
            for n in self.exported_names(imported, star_set) {
                if &*n != "default" && !names.contains(&n) {
                    names.push(n);
                }
            }
        }
        names
    }

    /// What a resolved binding reads.
    pub(crate) fn binding_ref(&mut self, resolution: Resolution) -> JsResult<Option<BindingRef>> {
        Ok(match resolution {
            Resolution::Binding(m, ExportTarget::Cell(n)) => Some(BindingRef::Cell(m, n)),
            Resolution::Namespace(m) => Some(BindingRef::Value(Value::from_gc(self.module_namespace(m)?))),
            Resolution::NotFound | Resolution::Ambiguous => None,
        })
    }

    /// GetModuleNamespace: the module's namespace object, created on first
    /// use with every unambiguous export, sorted by code units.
    pub fn module_namespace(&mut self, module: Gc<ModuleRecord>) -> JsResult<Gc<JsObject>> {
        if let Some(ns) = module.namespace.get().as_gc::<JsObject>() {
            return Ok(ns);
        }
        let ns = self.new_object_with(Value::NULL, ObjectKind::ModuleNamespace(NamespaceData::new(module)))?;
        // Dictionary mode: inline caches never cache its exotic properties.
        self.to_dictionary(ns)?;
        let tag = self.string_value("Module")?;
        let key = PropertyKey::Symbol(self.well_known(WellKnown::ToStringTag));
        self.define_own_simple(ns, key, tag, Attrs::NONE)?;
        ns.prevent_extensions();
        // Stored before resolving: a cycle of `export * as` finds it.
        module.namespace.set(Value::from_gc(ns));
        let names = self.exported_names(module, &mut Vec::new());
        let mut exports: Vec<(Vec<u16>, PropertyKey, BindingRef)> = Vec::new();
        for name in names {
            let resolution = self.resolve_export(module, &name, &mut Vec::new());
            if let Some(binding) = self.binding_ref(resolution)? {
                let key = self.key(&name);
                exports.push((name.encode_utf16().collect(), key, binding));
            }
        }
        exports.sort_by(|a, b| a.0.cmp(&b.0));
        if let ObjectKind::ModuleNamespace(data) = &ns.kind {
            *data.exports.borrow_mut() = exports.into_iter().map(|(_, k, b)| (k, b)).collect();
        }
        Ok(ns)
    }

    /// Link(): links `module`'s graph (loaded already); on failure every
    /// module this attempt touched is unlinked again.
    pub fn link_module(&mut self, module: Gc<ModuleRecord>) -> JsResult<()> {
        let mut stack = Vec::new();
        if let Err(e) = self.inner_module_linking(module, &mut stack, 0) {
            for m in stack {
                m.status.set(ModuleStatus::Unlinked);
                m.frame.set(Value::UNDEFINED);
                m.imports.borrow_mut().clear();
                for c in m.cells.iter() {
                    c.set(Value::HOLE);
                }
            }
            return Err(e);
        }
        Ok(())
    }

    fn inner_module_linking(&mut self, module: Gc<ModuleRecord>, stack: &mut Vec<Gc<ModuleRecord>>, index: u32) -> JsResult<u32> {
        if !module.is_cyclic() {
            return Ok(index);
        }
        match module.status.get() {
            ModuleStatus::Linking | ModuleStatus::Linked | ModuleStatus::EvaluatingAsync | ModuleStatus::Evaluated => {
                return Ok(index);
            }
            ModuleStatus::Evaluating => return Ok(index),
            ModuleStatus::New | ModuleStatus::Unlinked => {}
        }
        if !self.native_stack_ok() {
            return Err(self.range_error("Maximum call stack size exceeded (module graph too deep)"));
        }
        module.status.set(ModuleStatus::Linking);
        module.dfs_index.set(index);
        module.dfs_ancestor_index.set(index);
        let mut index = index + 1;
        stack.push(module);
        let requests = module.requested.borrow().len();
        for i in 0..requests {
            let Some(required) = module.requested_module(i as u32) else {
                return Err(self.type_error(&format!("internal error: module {} linked before loading", module.key)));
            };
            index = self.inner_module_linking(required, stack, index)?;
            if required.is_cyclic() && required.status.get() == ModuleStatus::Linking {
                let m = module.dfs_ancestor_index.get().min(required.dfs_ancestor_index.get());
                module.dfs_ancestor_index.set(m);
            }
        }
        self.initialize_environment(module)?;
        if module.dfs_ancestor_index.get() == module.dfs_index.get() {
            while let Some(m) = stack.pop() {
                m.status.set(ModuleStatus::Linked);
                if m == module {
                    break;
                }
            }
        }
        Ok(index)
    }

    /// InitializeEnvironment: checks the indirect exports, binds the
    /// imports, and runs the top-level code to its first suspension.
    fn initialize_environment(&mut self, module: Gc<ModuleRecord>) -> JsResult<()> {
        let ModuleBody::SourceText { info, code } = &module.body else { return Ok(()) };
        let (info, code) = (info.clone(), code.clone());
        for e in &info.indirect_exports {
            let resolution = self.resolve_export(module, &e.export_name, &mut Vec::new());
            if let Some(err) = self.unresolved(module, e.request, e.import_name.as_deref(), resolution, e.offset) {
                return Err(err);
            }
        }
        let mut imports = Vec::with_capacity(info.imports.len());
        for imp in &info.imports {
            let Some(target) = module.requested_module(imp.request) else {
                return Err(self.type_error("internal error: import of a module not loaded"));
            };
            let binding = match &imp.import_name {
                None => BindingRef::Value(Value::from_gc(self.module_namespace(target)?)),
                Some(name) => {
                    let resolution = self.resolve_export(target, name, &mut Vec::new());
                    if let Some(err) = self.unresolved(module, imp.request, Some(name), resolution, imp.offset) {
                        return Err(err);
                    }
                    match self.binding_ref(resolution)? {
                        Some(b) => b,
                        None => return Err(self.type_error("internal error: unresolvable import")),
                    }
                }
            };
            imports.push(binding);
        }
        *module.imports.borrow_mut() = imports;
        let shared = self.link_function(code)?;
        let closure = self.new_closure(shared, Value::UNDEFINED)?;
        self.call(Value::from_gc(closure), Value::UNDEFINED, &[])?;
        Ok(())
    }

    /// The SyntaxError for an import or re-export that did not resolve.
    fn unresolved(
        &mut self,
        module: Gc<ModuleRecord>,
        request: u32,
        name: Option<&str>,
        resolution: Resolution,
        offset: u32,
    ) -> Option<Exception> {
        let specifier = module.info().and_then(|i| i.requests.get(request as usize)).map(|r| r.specifier.to_string());
        let specifier = specifier.unwrap_or_default();
        let name = name.unwrap_or("*");
        let message = match resolution {
            Resolution::NotFound => format!("The requested module '{specifier}' does not provide an export named '{name}'"),
            Resolution::Ambiguous => {
                format!("The requested module '{specifier}' contains conflicting star exports for name '{name}'")
            }
            _ => return None,
        };
        let (path, line, column) = match self.scripts.get(module.script as usize) {
            Some(s) => {
                let (line, column) = s.line_column(offset);
                (s.path.clone(), line, column)
            }
            None => (module.key.to_string(), 0, 0),
        };
        Some(self.syntax_error_at(&message, &path, line, column))
    }
}

/// Whether two resolutions name the same binding (star export conflicts).
fn same_binding(a: Resolution, b: Resolution) -> bool {
    match (a, b) {
        (Resolution::Binding(m1, t1), Resolution::Binding(m2, t2)) => m1 == m2 && t1 == t2,
        (Resolution::Namespace(m1), Resolution::Namespace(m2)) => m1 == m2,
        _ => false,
    }
}
