//! What a module's code tells the linker: its requests, imports and
//! exports (the static fields of a Source Text Module Record, §16.2.1.6),
//! as plain `Send` data produced by [`crate::generator::compile_module`]
//! beside the module's top-level function.
//!
//! The top-level code reaches bindings through two tables the vm builds
//! from this: `cells`, one per exported local binding (the module's own
//! environment, shared with importers), and the resolved `imports`.
//! `LdaModuleVariable i` reads cell `i` for `i >= 0` and import `-i - 1`
//! for `i < 0`; `StaModuleVariable i` writes cell `i`.

/// A ModuleRequest Record: a specifier and its import attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleRequest {
    /// The specifier as written.
    pub specifier: Box<str>,
    /// `with { key: "value" }` entries, sorted by key.
    pub attributes: Vec<(Box<str>, Box<str>)>,
    /// Source offset of the specifier (for error messages).
    pub offset: u32,
}

impl ModuleRequest {
    /// The `type` attribute, if any (`json` for JSON modules).
    pub fn type_attribute(&self) -> Option<&str> {
        self.attributes.iter().find(|(k, _)| &**k == "type").map(|(_, v)| &**v)
    }
}

/// An ImportEntry with a binding: what `LdaModuleVariable -i-1` reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportEntry {
    /// Index into [`ModuleInfo::requests`].
    pub request: u32,
    /// The exported name imported; `None` for `import * as ns`.
    pub import_name: Option<Box<str>>,
    /// The local binding's name (for messages).
    pub local_name: Box<str>,
    /// Source offset of the import specifier (for link errors).
    pub offset: u32,
}

/// Where a local export's value lives.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ExportTarget {
    /// Export cell `n` of the module.
    Cell(u32),
}

/// A LocalExportEntry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalExport {
    /// The name importers use.
    pub export_name: Box<str>,
    /// Its binding.
    pub target: ExportTarget,
}

/// An IndirectExportEntry: `export { x as y } from "m"`,
/// `export * as ns from "m"`, or the re-export of an import (a namespace
/// import re-exported is `export * as`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndirectExport {
    /// The name importers use.
    pub export_name: Box<str>,
    /// Index into [`ModuleInfo::requests`].
    pub request: u32,
    /// The name imported from that module; `None` for `export * as ns`
    /// (its namespace object).
    pub import_name: Option<Box<str>>,
    /// Source offset (for link errors).
    pub offset: u32,
}

/// A module's static record.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ModuleInfo {
    /// [[RequestedModules]], in source order, without duplicates.
    pub requests: Vec<ModuleRequest>,
    /// [[ImportEntries]] with bindings, deduplicated by (request, name).
    pub imports: Vec<ImportEntry>,
    /// [[LocalExportEntries]].
    pub local_exports: Vec<LocalExport>,
    /// [[IndirectExportEntries]].
    pub indirect_exports: Vec<IndirectExport>,
    /// [[StarExportEntries]]: the requests of `export * from "m"`.
    pub star_exports: Vec<u32>,
    /// Local names of the export cells, by cell index (`*default*` for an
    /// `export default` expression).
    pub cell_names: Vec<Box<str>>,
    /// [[HasTLA]]: the top level contains `await`.
    pub has_tla: bool,
}
