//! Creating and throwing JavaScript errors from Rust, with `stack`
//! captured from the register file's frames (V8's format:
//! `    at name (file:line:column)`).

use strata_gc::Gc;

use crate::frame;
use crate::function::FunctionCode;
use crate::object::{JsObject, ObjectKind};
use crate::property::Attrs;
use crate::realm::Intrinsic;
use crate::value::Value;
use crate::vm::{Exception, JsResult, Vm};

/// The native error types.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ErrorKind {
    /// Error
    Error,
    /// TypeError
    TypeError,
    /// RangeError
    RangeError,
    /// ReferenceError
    ReferenceError,
    /// SyntaxError
    SyntaxError,
    /// EvalError
    EvalError,
    /// URIError
    UriError,
    /// AggregateError
    AggregateError,
}

impl ErrorKind {
    /// The prototype intrinsic.
    pub fn prototype(self) -> Intrinsic {
        match self {
            ErrorKind::Error => Intrinsic::ErrorPrototype,
            ErrorKind::TypeError => Intrinsic::TypeErrorPrototype,
            ErrorKind::RangeError => Intrinsic::RangeErrorPrototype,
            ErrorKind::ReferenceError => Intrinsic::ReferenceErrorPrototype,
            ErrorKind::SyntaxError => Intrinsic::SyntaxErrorPrototype,
            ErrorKind::EvalError => Intrinsic::EvalErrorPrototype,
            ErrorKind::UriError => Intrinsic::UriErrorPrototype,
            ErrorKind::AggregateError => Intrinsic::AggregateErrorPrototype,
        }
    }
    /// The constructor's name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Error => "Error",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::RangeError => "RangeError",
            ErrorKind::ReferenceError => "ReferenceError",
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::EvalError => "EvalError",
            ErrorKind::UriError => "URIError",
            ErrorKind::AggregateError => "AggregateError",
        }
    }
}

/// One frame of a captured stack.
#[derive(Clone, Debug)]
pub struct StackFrame {
    /// Function name ("" for top-level code and anonymous functions).
    pub function: String,
    /// Script path.
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

impl std::fmt::Display for StackFrame {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.function.is_empty() {
            write!(f, "{}:{}:{}", self.path, self.line, self.column)
        } else {
            write!(f, "{} ({}:{}:{})", self.function, self.path, self.line, self.column)
        }
    }
}

/// Most frames `error.stack` records (V8's default Error.stackTraceLimit).
pub const STACK_TRACE_LIMIT: usize = 10;

impl Vm {
    /// Walks the JavaScript frames from the innermost, up to `limit`.
    pub fn capture_stack(&self, limit: usize) -> Vec<StackFrame> {
        let stack = &self.roots.stack;
        let mut frames = Vec::new();
        let mut fp = stack.fp;
        let mut pc = stack.pc;
        while fp >= 0 && frames.len() < limit {
            let callee = stack.get(fp + frame::CALLEE);
            if let Some(f) = callee.as_gc::<JsObject>()
                && let ObjectKind::Function(data) = &f.kind
                && let FunctionCode::Bytecode { shared, .. } = &data.code
            {
                let code = &shared.code;
                let script = self.scripts.get(code.script as usize);
                let (line, column) = match (script, code.source_offset(pc)) {
                    (Some(s), Some(off)) => s.line_column(off),
                    _ => (0, 0),
                };
                frames.push(StackFrame {
                    function: String::from_utf16_lossy(&code.name),
                    path: script.map_or_else(|| "<unknown>".into(), |s| s.path.clone()),
                    line,
                    column,
                });
            }
            pc = stack.get(fp + frame::RETURN_PC).as_int().unwrap_or(0) as u32;
            fp = stack.get(fp + frame::CALLER_FP).as_int().unwrap_or(-1) as isize;
        }
        frames
    }

    /// A new error object of `kind` with `message`, its `stack` captured.
    pub fn new_error(&mut self, kind: ErrorKind, message: &str) -> JsResult<Gc<JsObject>> {
        let proto = Value::from_gc(self.intrinsic(kind.prototype()));
        let err = self.new_object_with(proto, ObjectKind::Error)?;
        let msg = self.string_value(message)?;
        self.define_value(err, "message", msg, Attrs::HIDDEN)?;
        self.attach_stack(err, kind.name(), message)?;
        Ok(err)
    }

    /// Sets `error.stack` to the header line and the captured frames.
    pub fn attach_stack(&mut self, err: Gc<JsObject>, name: &str, message: &str) -> JsResult<()> {
        let mut text = if message.is_empty() { name.to_string() } else { format!("{name}: {message}") };
        for f in self.capture_stack(STACK_TRACE_LIMIT) {
            text.push_str("\n    at ");
            text.push_str(&f.to_string());
        }
        let stack = self.string_value(&text)?;
        self.define_value(err, "stack", stack, Attrs::HIDDEN)
    }

    /// An exception carrying a new error; if even that cannot be
    /// allocated, the out-of-memory error.
    pub fn error(&mut self, kind: ErrorKind, message: &str) -> Exception {
        match self.new_error(kind, message) {
            Ok(e) => Exception(Value::from_gc(e)),
            Err(oom) => oom,
        }
    }

    /// A TypeError exception.
    pub fn type_error(&mut self, message: &str) -> Exception {
        self.error(ErrorKind::TypeError, message)
    }
    /// A RangeError exception.
    pub fn range_error(&mut self, message: &str) -> Exception {
        self.error(ErrorKind::RangeError, message)
    }
    /// A ReferenceError exception.
    pub fn reference_error(&mut self, message: &str) -> Exception {
        self.error(ErrorKind::ReferenceError, message)
    }
    /// A SyntaxError exception.
    pub fn syntax_error(&mut self, message: &str) -> Exception {
        self.error(ErrorKind::SyntaxError, message)
    }
}
