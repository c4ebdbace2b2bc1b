//! Syntax errors: the first oxc diagnostic, turned into a JavaScript
//! `SyntaxError` with a V8-style position.
//!
//! Fed by the parser's and the semantic checker's diagnostics (see
//! `lib.rs`); feeds the VM, which throws it, and the CLI, which prints it.
//! Invariant: `line` and `column` are 1-based, the column counts UTF-16
//! code units, and `offset` is a byte offset into the caller's source.

use std::fmt;

use oxc_diagnostics::OxcDiagnostic;

use crate::position::LineMap;

/// An early error: the source is not a valid script or module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What is wrong, as oxc words it.
    pub message: String,
    /// The path given in `ParseOptions`.
    pub path: String,
    /// 1-based line (ECMAScript line terminators: LF, CR, CRLF, U+2028,
    /// U+2029).
    pub line: u32,
    /// 1-based column in UTF-16 code units, as V8 counts.
    pub column: u32,
    /// Byte offset into the source text.
    pub offset: u32,
}

impl SyntaxError {
    /// Builds an error at a byte offset of `source`.
    pub(crate) fn at(
        message: String,
        path: &str,
        source: &str,
        lines: &LineMap,
        offset: u32,
    ) -> Self {
        let location = lines.locate(source, offset);
        let offset = location.offset;
        SyntaxError {
            message,
            path: path.to_string(),
            line: location.line,
            column: location.column,
            offset,
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: SyntaxError: {}",
            self.path, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for SyntaxError {}

/// The diagnostic that wins: message plus the offset it points at, in the
/// parsed text (before the strict prelude is taken out).
#[derive(Debug, Clone)]
pub(crate) struct FirstError {
    pub(crate) message: String,
    pub(crate) offset: u32,
}

impl FirstError {
    /// Placeholder for a parser that gave up without saying why.
    pub(crate) fn unknown() -> Self {
        FirstError {
            message: "invalid syntax".to_string(),
            offset: 0,
        }
    }

    /// The earliest error among `diagnostics`, by source position.
    ///
    /// Earliest position, not first reported, because oxc reports some
    /// errors late (unresolved private names at the end of a class,
    /// redeclarations when the second declaration is bound) while V8, a
    /// single-pass parser, stops at the first offending token.
    pub(crate) fn collect<'d>(
        diagnostics: impl Iterator<Item = &'d OxcDiagnostic>,
    ) -> Option<Self> {
        diagnostics
            .map(Self::from_diagnostic)
            .fold(None, |best, next| Self::earliest(best, Some(next)))
    }

    /// Keeps the earlier of two candidates (the first on a tie).
    pub(crate) fn earliest(a: Option<Self>, b: Option<Self>) -> Option<Self> {
        match (a, b) {
            (Some(a), Some(b)) => Some(if b.offset < a.offset { b } else { a }),
            (a, None) => a,
            (None, b) => b,
        }
    }

    /// Where a diagnostic points: its primary label, else its last label.
    ///
    /// oxc's two-label diagnostics put the earlier, context-giving span
    /// first ("`x` has already been declared here") and the offending one
    /// last ("It can not be redeclared here"), which is where V8 points.
    fn from_diagnostic(diagnostic: &OxcDiagnostic) -> Self {
        let labels = &diagnostic.labels;
        let offset = labels
            .iter()
            .find(|label| label.primary())
            .or_else(|| labels.last())
            .map_or(0, |label| label.offset());
        FirstError {
            message: diagnostic.message.to_string(),
            offset,
        }
    }
}
