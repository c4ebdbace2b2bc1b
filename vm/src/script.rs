//! Running source text: parse (frontend), generate bytecode, link, and run
//! the script's top-level code with `this` = the global object. Syntax
//! errors become SyntaxError exceptions whose stack names file:line:column.

use std::sync::Arc;

use strata_bytecode::BytecodeFunction;

use crate::error::ErrorKind;
use crate::object::JsObject;
use crate::property::{Attrs, PropertyKey};
use crate::value::Value;
use crate::vm::{Exception, JsResult, Script, Vm};

/// What to do besides running: the observability flags that concern
/// compiled code.
#[derive(Clone, Debug, Default)]
pub struct ScriptOptions {
    /// `--print-bytecode`: print every function's bytecode to stdout.
    pub print_bytecode: bool,
    /// Force strict mode (test262's onlyStrict).
    pub strict: bool,
}

impl Vm {
    /// Compiles a script to bytecode without running it.
    pub fn compile_script(
        &mut self,
        source: &str,
        path: &str,
        options: &ScriptOptions,
    ) -> JsResult<Arc<BytecodeFunction>> {
        let index = self.scripts.len() as u32;
        self.scripts.push(Script::new(path.to_string(), source.to_string()));
        let allocator = oxc_allocator::Allocator::default();
        let parse_options = strata_frontend::ParseOptions {
            path: path.to_string(),
            goal: strata_frontend::Goal::Script,
            strict: options.strict,
        };
        let compiled = strata_frontend::parse(&allocator, source, parse_options)
            .and_then(|parsed| strata_bytecode::generator::compile_script(&parsed, index));
        match compiled {
            Ok(code) => {
                if options.print_bytecode {
                    let script = &self.scripts[index as usize];
                    let lc = |off: u32| script.line_column(off);
                    print!("{}", strata_bytecode::print_function(&code, Some(&lc)));
                }
                Ok(code)
            }
            Err(e) => Err(self.syntax_error_at(&e.message, &e.path, e.line, e.column)),
        }
    }

    /// Parses, compiles and runs a script; returns its completion value.
    pub fn eval_script(&mut self, source: &str, path: &str, options: &ScriptOptions) -> JsResult<Value> {
        let code = self.compile_script(source, path, options)?;
        self.run_script_code(code)
    }

    /// Runs compiled top-level code.
    pub fn run_script_code(&mut self, code: Arc<BytecodeFunction>) -> JsResult<Value> {
        let shared = self.link_function(code)?;
        let closure = self.new_closure(shared, Value::UNDEFINED)?;
        let global = self.realm().global.get();
        self.call(Value::from_gc(closure), global, &[])
    }

    /// A SyntaxError exception located at `path:line:column`.
    pub fn syntax_error_at(&mut self, message: &str, path: &str, line: u32, column: u32) -> Exception {
        let err = match self.new_error(ErrorKind::SyntaxError, message) {
            Ok(e) => e,
            Err(oom) => return oom,
        };
        let stack = format!("SyntaxError: {message}\n    at {path}:{line}:{column}");
        match self.string_value(&stack) {
            Ok(s) => {
                let key = PropertyKey::String(self.roots.names.stack);
                let _ = self.define_own_simple(err, key, s, Attrs::HIDDEN);
            }
            Err(oom) => return oom,
        }
        Exception(Value::from_gc(err))
    }

    /// The text an uncaught exception prints: `Uncaught Name: message` and
    /// the stack frames (V8's d8 format), or the value itself for
    /// non-errors.
    pub fn describe_uncaught(&mut self, e: Exception) -> String {
        if e.is_termination() {
            return "Terminated: the script was interrupted".into();
        }
        let v = e.0;
        if let Some(o) = v.as_gc::<JsObject>() {
            let key = PropertyKey::String(self.roots.names.stack);
            if let Ok(stack) = self.get(o, key, v)
                && let Some(s) = stack.as_gc::<crate::string::JsString>()
            {
                return format!("Uncaught {}", s.to_rust_string());
            }
            if let Ok(h) = self.display_error_header(v) {
                return format!("Uncaught {h}");
            }
        }
        match self.display_string(v) {
            Ok(s) => format!("Uncaught {s}"),
            Err(_) => "Uncaught exception (could not be converted to a string)".into(),
        }
    }
}
