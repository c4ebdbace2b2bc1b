//! Source positions: byte offsets to 1-based lines and UTF-16 columns, and
//! the strict-mode prelude that shifts offsets.
//!
//! oxc spans are UTF-8 byte offsets into the text it parsed. Users see V8's
//! positions: lines split at the ECMAScript line terminators (LF, CR, CRLF,
//! U+2028, U+2029), columns counted in UTF-16 code units, both 1-based.
//! Fed by `parse` (errors) and the dump; later by the bytecode generator's
//! source-position table. Invariant: every function here accepts any
//! offset, clamping it into the text and down to a character boundary.

/// A position a user can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// 1-based line.
    pub line: u32,
    /// 1-based column in UTF-16 code units.
    pub column: u32,
    /// The byte offset located (clamped into the text).
    pub offset: u32,
}

/// Start offsets of every line of a text, for fast offset → line lookups.
#[derive(Debug, Clone)]
pub struct LineMap {
    starts: Vec<u32>,
}

impl LineMap {
    /// Scans `text` once for line terminators.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let next = match bytes[i] {
                b'\n' => Some(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => Some(i + 2),
                b'\r' => Some(i + 1),
                // U+2028 and U+2029 are E2 80 A8 / E2 80 A9 in UTF-8.
                0xE2 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
                {
                    Some(i + 3)
                }
                _ => None,
            };
            match next {
                Some(start) => {
                    starts.push(u32::try_from(start).unwrap_or(u32::MAX));
                    i = start;
                }
                None => i += 1,
            }
        }
        LineMap { starts }
    }

    /// Line and column of byte `offset` in `text` (the text this map was
    /// built from).
    pub fn locate(&self, text: &str, offset: u32) -> Location {
        let mut offset = (offset as usize).min(text.len());
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let offset32 = u32::try_from(offset).unwrap_or(u32::MAX);
        // The last line start at or before `offset`; `starts[0] == 0`.
        let line_index = self
            .starts
            .partition_point(|&start| start <= offset32)
            .saturating_sub(1);
        let line_start = self
            .starts
            .get(line_index)
            .map_or(0, |&s| s as usize)
            .min(offset);
        let column: usize = text
            .get(line_start..offset)
            .map_or(0, |s| s.encode_utf16().count());
        Location {
            line: u32::try_from(line_index + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
            offset: offset32,
        }
    }
}

/// The directive inserted to force strict mode, and where.
const USE_STRICT: &str = "\"use strict\";";

/// Text inserted into the source before parsing: `len` bytes at `at`.
///
/// A hashbang must stay at offset 0, so the directive goes right after the
/// hashbang line in that case. Offsets inside the inserted text map to
/// `at`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Prelude {
    at: u32,
    len: u32,
    /// A hashbang line that ends the file has no terminator to put the
    /// directive after: one is supplied (and counted in `len`).
    newline: bool,
}

impl Prelude {
    /// No insertion.
    pub(crate) fn none() -> Self {
        Prelude {
            at: 0,
            len: 0,
            newline: false,
        }
    }

    /// `"use strict";` at the start of `source` (after a hashbang line).
    pub(crate) fn use_strict(source: &str) -> Self {
        let (at, newline) = if source.starts_with("#!") {
            match LineMap::new(source).starts.get(1) {
                Some(&start) => (start, false),
                None => (u32::try_from(source.len()).unwrap_or(0), true),
            }
        } else {
            (0, false)
        };
        let len = USE_STRICT.len() as u32 + u32::from(newline);
        Prelude { at, len, newline }
    }

    /// The text to parse, or `None` when it is `source` unchanged.
    pub(crate) fn apply(&self, source: &str) -> Option<String> {
        if self.len == 0 {
            return None;
        }
        let at = (self.at as usize).min(source.len());
        let (head, tail) = source.split_at_checked(at)?;
        let mut text = String::with_capacity(source.len() + USE_STRICT.len() + 1);
        text.push_str(head);
        if self.newline {
            text.push('\n');
        }
        text.push_str(USE_STRICT);
        text.push_str(tail);
        Some(text)
    }

    /// Maps an offset in the parsed text back to the caller's source.
    pub(crate) fn to_source(&self, offset: u32) -> u32 {
        if offset < self.at || self.len == 0 {
            offset
        } else if offset < self.at + self.len {
            self.at
        } else {
            offset - self.len
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_at_every_terminator() {
        let text = "a\nb\r\nc\rd\u{2028}e\u{2029}f";
        let map = LineMap::new(text);
        let f = text.find('f').unwrap() as u32;
        assert_eq!(map.locate(text, f).line, 6);
        assert_eq!(map.locate(text, f).column, 1);
        let c = text.find('c').unwrap() as u32;
        assert_eq!(
            (map.locate(text, c).line, map.locate(text, c).column),
            (3, 1)
        );
    }

    #[test]
    fn columns_count_utf16_units() {
        // U+1F600 is 4 UTF-8 bytes and 2 UTF-16 units; é is 2 bytes, 1 unit.
        let text = "é\u{1F600}x";
        let map = LineMap::new(text);
        let x = text.find('x').unwrap() as u32;
        assert_eq!(map.locate(text, x).column, 4);
    }

    #[test]
    fn offsets_are_clamped() {
        let text = "é";
        let map = LineMap::new(text);
        assert_eq!(map.locate(text, 1).offset, 0);
        assert_eq!(map.locate(text, 99).offset, 2);
    }

    #[test]
    fn prelude_skips_the_hashbang_line() {
        let source = "#!/usr/bin/env strata\nx";
        let prelude = Prelude::use_strict(source);
        let text = prelude.apply(source).unwrap();
        assert_eq!(text, "#!/usr/bin/env strata\n\"use strict\";x");
        let x = text.find('x').unwrap() as u32;
        assert_eq!(prelude.to_source(x) as usize, source.find('x').unwrap());
    }
}
