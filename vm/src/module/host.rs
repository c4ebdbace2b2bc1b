//! The host's part of loading modules: resolving a specifier to a key and
//! fetching the module's text (HostLoadImportedModule's host-defined
//! half). The runtime installs a host with permissions and built-in
//! modules; [`FileModuleHost`] is the plain file-system default.

use std::path::{Component, Path, PathBuf};

use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// What an import's `type` attribute asks for.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub enum ModuleType {
    /// A JavaScript module (no `type` attribute).
    JavaScript,
    /// `with { type: "json" }`.
    Json,
}

/// What the host hands back for a key.
pub enum ModuleSource {
    /// Source text: JavaScript or JSON, as the module type says.
    Text(String),
    /// A host module's exports, already evaluated (a synthetic module).
    Exports(Vec<(String, Value)>),
}

/// A module loader.
pub trait ModuleHost {
    /// The key of the module `specifier` names when imported from
    /// `referrer` (a module key or a script path; `None` for an entry
    /// point), or the error message.
    fn resolve(&self, referrer: Option<&str>, specifier: &str) -> Result<String, String>;
    /// The module named `key`.
    fn load(&self, vm: &mut Vm, key: &str, ty: ModuleType) -> JsResult<ModuleSource>;
}

/// Resolves relative (`./`, `../`) and absolute specifiers against the
/// referrer's directory (the working directory for entry points), as
/// Node does for files; reads files with `std::fs`. Bare specifiers
/// (`lodash`) have no package resolution and fail.
pub struct FileModuleHost;

impl ModuleHost for FileModuleHost {
    fn resolve(&self, referrer: Option<&str>, specifier: &str) -> Result<String, String> {
        resolve_file_specifier(referrer, specifier)
    }

    fn load(&self, vm: &mut Vm, key: &str, _ty: ModuleType) -> JsResult<ModuleSource> {
        match std::fs::read_to_string(key) {
            Ok(text) => Ok(ModuleSource::Text(text)),
            Err(e) => Err(vm.error(crate::ErrorKind::Error, &format!("Cannot load module '{key}': {e}"))),
        }
    }
}

/// File resolution shared by hosts: an absolute, normalized path.
pub fn resolve_file_specifier(referrer: Option<&str>, specifier: &str) -> Result<String, String> {
    let spec = specifier.strip_prefix("file://").unwrap_or(specifier);
    let relative = spec.starts_with("./") || spec.starts_with("../") || spec == "." || spec == "..";
    if !relative && !spec.starts_with('/') {
        let from = referrer.map(|r| format!(" imported from {r}")).unwrap_or_default();
        return Err(format!("Cannot find package '{specifier}'{from} (only relative and absolute paths resolve)"));
    }
    let base: PathBuf = match referrer {
        Some(r) => Path::new(r).parent().map(Path::to_path_buf).unwrap_or_default(),
        None => PathBuf::new(),
    };
    let base = if base.is_absolute() {
        base
    } else {
        std::env::current_dir().map_err(|e| format!("cannot read the working directory: {e}"))?.join(base)
    };
    let joined = if spec.starts_with('/') { PathBuf::from(spec) } else { base.join(spec) };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    Ok(out.to_string_lossy().into_owned())
}
