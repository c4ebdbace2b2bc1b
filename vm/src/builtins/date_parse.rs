//! Date.parse's string grammar (ECMA-262 §21.4.3.2): the Date Time String
//! Format of §21.4.1.32 and, as the spec allows, the implementation-specific
//! fallback V8 accepts — a port of its `DateParser` (src/date/dateparser*),
//! so that strings parse to the same values as in node.
//!
//! ES forms: `[+-YY]YYYY[-MM[-DD]][THH:mm[:ss[.sss]][Z|±HH:mm]]` (date-only
//! forms are UTC, date-time forms without an offset local time). Legacy
//! forms: words before the first number are ignored, parenthesized text
//! is skipped, month names (three-letter prefixes), `am`/`pm`, `UT`/`UTC`/
//! `GMT`/`Z` and the US zone abbreviations are recognized; numbers followed
//! by `:` are times, `/`- or `-`-separated numbers dates (M/D/Y unless the
//! first cannot be a day), and a sign after a time or `GMT` an offset.

use crate::builtins::string::is_js_whitespace;

/// A missing value.
const NONE: i32 = i32::MAX;
/// Digits of a numeral beyond this many are read but ignored.
const MAX_SIGNIFICANT_DIGITS: usize = 9;

/// The parsed fields; `utc_offset` (seconds) is None for local time.
#[derive(Debug, PartialEq)]
pub struct Parsed {
    pub year: i32,
    /// 0-based.
    pub month: i32,
    pub day: i32,
    pub hour: i32,
    pub minute: i32,
    pub second: i32,
    pub millisecond: i32,
    pub utc_offset: Option<i32>,
}

fn between(x: i32, lo: i32, hi: i32) -> bool {
    (x as u32).wrapping_sub(lo as u32) <= (hi as u32).wrapping_sub(lo as u32)
}
fn is_month(x: i32) -> bool {
    between(x, 1, 12)
}
fn is_day(x: i32) -> bool {
    between(x, 1, 31)
}
fn is_hour(x: i32) -> bool {
    between(x, 0, 23)
}
fn is_minute(x: i32) -> bool {
    between(x, 0, 59)
}
fn is_second(x: i32) -> bool {
    between(x, 0, 59)
}
fn is_hour12(x: i32) -> bool {
    between(x, 0, 12)
}
fn is_millisecond(x: i32) -> bool {
    between(x, 0, 999)
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum KeywordType {
    Invalid,
    MonthName,
    TimeZoneName,
    TimeSeparator,
    AmPm,
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Token {
    Invalid,
    Unknown,
    WhiteSpace,
    /// Value and length in characters.
    Number(i32, usize),
    Symbol(u16),
    EndOfInput,
    /// Type, value, length.
    Keyword(KeywordType, i32, usize),
}

impl Token {
    fn is_number(self) -> bool {
        matches!(self, Token::Number(..))
    }
    fn is_fixed_length_number(self, len: usize) -> bool {
        matches!(self, Token::Number(_, l) if l == len)
    }
    fn number(self) -> i32 {
        match self {
            Token::Number(n, _) => n,
            _ => 0,
        }
    }
    fn is_symbol(self, c: u8) -> bool {
        self == Token::Symbol(u16::from(c))
    }
    fn is_ascii_sign(self) -> bool {
        self.is_symbol(b'+') || self.is_symbol(b'-')
    }
    fn ascii_sign(self) -> i32 {
        if self.is_symbol(b'-') { -1 } else { 1 }
    }
    fn is_keyword_type(self, t: KeywordType) -> bool {
        matches!(self, Token::Keyword(k, _, _) if k == t)
    }
    fn is_keyword_z(self) -> bool {
        matches!(self, Token::Keyword(KeywordType::TimeZoneName, 0, 1))
    }
}

/// (prefix, type, value); the last row is the "not found" entry.
const KEYWORDS: [([u16; 3], KeywordType, i32); 28] = {
    const fn w(s: &[u8]) -> [u16; 3] {
        let mut r = [0u16; 3];
        let mut i = 0;
        while i < s.len() {
            r[i] = s[i] as u16;
            i += 1;
        }
        r
    }
    use KeywordType::*;
    [
        (w(b"jan"), MonthName, 1),
        (w(b"feb"), MonthName, 2),
        (w(b"mar"), MonthName, 3),
        (w(b"apr"), MonthName, 4),
        (w(b"may"), MonthName, 5),
        (w(b"jun"), MonthName, 6),
        (w(b"jul"), MonthName, 7),
        (w(b"aug"), MonthName, 8),
        (w(b"sep"), MonthName, 9),
        (w(b"oct"), MonthName, 10),
        (w(b"nov"), MonthName, 11),
        (w(b"dec"), MonthName, 12),
        (w(b"am"), AmPm, 0),
        (w(b"pm"), AmPm, 12),
        (w(b"ut"), TimeZoneName, 0),
        (w(b"utc"), TimeZoneName, 0),
        (w(b"z"), TimeZoneName, 0),
        (w(b"gmt"), TimeZoneName, 0),
        (w(b"cdt"), TimeZoneName, -5),
        (w(b"cst"), TimeZoneName, -6),
        (w(b"edt"), TimeZoneName, -4),
        (w(b"est"), TimeZoneName, -5),
        (w(b"mdt"), TimeZoneName, -6),
        (w(b"mst"), TimeZoneName, -7),
        (w(b"pdt"), TimeZoneName, -7),
        (w(b"pst"), TimeZoneName, -8),
        (w(b"t"), TimeSeparator, 0),
        (w(b""), Invalid, 0),
    ]
};

fn lookup_keyword(prefix: [u16; 3], len: usize) -> (KeywordType, i32) {
    for (p, t, v) in KEYWORDS {
        if t == KeywordType::Invalid {
            break;
        }
        // A word longer than the keyword matches month names only.
        if p == prefix && (len <= 3 || t == KeywordType::MonthName) {
            return (t, v);
        }
    }
    (KeywordType::Invalid, 0)
}

/// The character reader: `ch` is 0 at the end (and at a NUL, as in V8).
struct Reader<'a> {
    s: &'a [u16],
    index: usize,
    ch: u16,
}

impl Reader<'_> {
    fn next(&mut self) {
        self.ch = self.s.get(self.index).copied().unwrap_or(0);
        self.index += 1;
    }
    fn is_digit(&self) -> bool {
        (u16::from(b'0')..=u16::from(b'9')).contains(&self.ch)
    }
    fn skip(&mut self, c: u8) -> bool {
        if self.ch == u16::from(c) {
            self.next();
            true
        } else {
            false
        }
    }
}

struct Tokenizer<'a> {
    r: Reader<'a>,
    next: Token,
}

impl Tokenizer<'_> {
    fn scan(r: &mut Reader<'_>) -> Token {
        let pre = r.index;
        if r.ch == 0 {
            return Token::EndOfInput;
        }
        if r.is_digit() {
            while r.ch == u16::from(b'0') {
                r.next();
            }
            let mut n: i32 = 0;
            let mut i = 0;
            while r.is_digit() {
                if i < MAX_SIGNIFICANT_DIGITS {
                    n = n * 10 + i32::from(r.ch - u16::from(b'0'));
                }
                i += 1;
                r.next();
            }
            return Token::Number(n, r.index - pre);
        }
        for c in [b':', b'-', b'+', b'.', b')'] {
            if r.skip(c) {
                return Token::Symbol(u16::from(c));
            }
        }
        if r.ch >= u16::from(b'A') && !is_js_whitespace(r.ch) {
            let mut prefix = [0u16; 3];
            let mut len = 0;
            while r.ch >= u16::from(b'A') && !is_js_whitespace(r.ch) {
                if len < 3 {
                    prefix[len] = r.ch | 0x20;
                }
                len += 1;
                r.next();
            }
            let (t, v) = lookup_keyword(prefix, len);
            return Token::Keyword(t, v, len);
        }
        if is_js_whitespace(r.ch) {
            r.next();
            return Token::WhiteSpace;
        }
        if r.ch == u16::from(b'(') {
            let mut balance = 0;
            loop {
                if r.ch == u16::from(b')') {
                    balance -= 1;
                } else if r.ch == u16::from(b'(') {
                    balance += 1;
                }
                r.next();
                if balance <= 0 || r.ch == 0 {
                    break;
                }
            }
            return Token::Unknown;
        }
        r.next();
        Token::Unknown
    }
    fn next(&mut self) -> Token {
        let t = self.next;
        self.next = Self::scan(&mut self.r);
        t
    }
    fn peek(&self) -> Token {
        self.next
    }
    fn skip_symbol(&mut self, c: u8) -> bool {
        if self.next.is_symbol(c) {
            self.next = Self::scan(&mut self.r);
            true
        } else {
            false
        }
    }
}

struct TimeZoneComposer {
    sign: i32,
    hour: i32,
    minute: i32,
}

impl TimeZoneComposer {
    fn set(&mut self, offset_in_hours: i32) {
        self.sign = if offset_in_hours < 0 { -1 } else { 1 };
        self.hour = offset_in_hours * self.sign;
        self.minute = 0;
    }
    fn set_sign(&mut self, sign: i32) {
        self.sign = if sign < 0 { -1 } else { 1 };
    }
    fn is_expecting(&self, n: i32) -> bool {
        self.hour != NONE && self.minute == NONE && is_minute(n)
    }
    fn is_utc(&self) -> bool {
        self.hour == 0 && self.minute == 0
    }
    fn is_empty(&self) -> bool {
        self.hour == NONE
    }
    fn write(&mut self) -> Option<Option<i32>> {
        if self.sign == NONE {
            return Some(None);
        }
        if self.hour == NONE {
            self.hour = 0;
        }
        if self.minute == NONE {
            self.minute = 0;
        }
        let total = (self.hour as u32).wrapping_mul(3600).wrapping_add((self.minute as u32).wrapping_mul(60));
        if total > (1 << 30) - 1 {
            return None;
        }
        let total = total as i32;
        Some(Some(if self.sign < 0 { -total } else { total }))
    }
}

struct TimeComposer {
    comp: [i32; 4],
    index: usize,
    hour_offset: i32,
}

impl TimeComposer {
    fn is_empty(&self) -> bool {
        self.index == 0
    }
    fn is_expecting(&self, n: i32) -> bool {
        (self.index == 1 && is_minute(n)) || (self.index == 2 && is_second(n)) || (self.index == 3 && is_millisecond(n))
    }
    fn add(&mut self, n: i32) -> bool {
        if self.index < 4 {
            self.comp[self.index] = n;
            self.index += 1;
            true
        } else {
            false
        }
    }
    fn add_final(&mut self, n: i32) -> bool {
        if !self.add(n) {
            return false;
        }
        while self.index < 4 {
            self.comp[self.index] = 0;
            self.index += 1;
        }
        true
    }
    fn write(&mut self) -> Option<[i32; 4]> {
        while self.index < 4 {
            self.comp[self.index] = 0;
            self.index += 1;
        }
        let [mut hour, minute, second, ms] = self.comp;
        if self.hour_offset != NONE {
            if !is_hour12(hour) {
                return None;
            }
            hour %= 12;
            hour += self.hour_offset;
        }
        if !is_hour(hour) || !is_minute(minute) || !is_second(second) || !is_millisecond(ms) {
            // 24:00:00.000 is allowed.
            if hour != 24 || minute != 0 || second != 0 || ms != 0 {
                return None;
            }
        }
        Some([hour, minute, second, ms])
    }
}

struct DayComposer {
    comp: [i32; 3],
    index: usize,
    named_month: i32,
    is_iso_date: bool,
}

impl DayComposer {
    fn is_empty(&self) -> bool {
        self.index == 0
    }
    fn add(&mut self, n: i32) -> bool {
        if self.index < 3 {
            self.comp[self.index] = n;
            self.index += 1;
            true
        } else {
            false
        }
    }
    fn write(&mut self) -> Option<[i32; 3]> {
        if self.index < 1 {
            return None;
        }
        while self.index < 3 {
            self.comp[self.index] = 1;
            self.index += 1;
        }
        let mut year = 0; // KJS: a missing year is 2000.
        let (month, day);
        if self.named_month == NONE {
            if self.is_iso_date || (self.index == 3 && !is_day(self.comp[0])) {
                year = self.comp[0];
                month = self.comp[1];
                day = self.comp[2];
            } else {
                month = self.comp[0];
                day = self.comp[1];
                if self.index == 3 {
                    year = self.comp[2];
                }
            }
        } else {
            month = self.named_month;
            if self.index == 1 {
                day = self.comp[0];
            } else if !is_day(self.comp[0]) {
                year = self.comp[0];
                day = self.comp[1];
            } else {
                day = self.comp[0];
                year = self.comp[1];
            }
        }
        if !self.is_iso_date {
            if between(year, 0, 49) {
                year += 2000;
            } else if between(year, 50, 99) {
                year += 1900;
            }
        }
        if !(-(1 << 30)..(1 << 30)).contains(&year) || !is_month(month) || !is_day(day) {
            return None;
        }
        Some([year, month - 1, day])
    }
}

/// Reads the first three significant digits of a fraction.
fn read_milliseconds(t: Token) -> i32 {
    let Token::Number(mut number, mut length) = t else { return 0 };
    if length < 3 {
        if length == 1 {
            number *= 100;
        } else if length == 2 {
            number *= 10;
        }
    } else if length > 3 {
        if length > MAX_SIGNIFICANT_DIGITS {
            length = MAX_SIGNIFICANT_DIGITS;
        }
        let mut factor = 1;
        loop {
            factor *= 10;
            length -= 1;
            if length <= 3 {
                break;
            }
        }
        number /= factor;
    }
    number
}

/// The ES Date Time String Format, as far as it goes: the token the
/// legacy parser continues with, EndOfInput when done, Invalid on error.
fn parse_es5(s: &mut Tokenizer<'_>, day: &mut DayComposer, time: &mut TimeComposer, tz: &mut TimeZoneComposer) -> Token {
    if s.peek().is_ascii_sign() {
        let sign_token = s.next();
        if !s.peek().is_fixed_length_number(6) {
            return sign_token;
        }
        let sign = sign_token.ascii_sign();
        let year = s.next().number();
        if sign < 0 && year == 0 {
            return sign_token;
        }
        day.add(sign * year);
    } else if s.peek().is_fixed_length_number(4) {
        day.add(s.next().number());
    } else {
        return s.next();
    }
    if s.skip_symbol(b'-') {
        if !s.peek().is_fixed_length_number(2) || !is_month(s.peek().number()) {
            return s.next();
        }
        day.add(s.next().number());
        if s.skip_symbol(b'-') {
            if !s.peek().is_fixed_length_number(2) || !is_day(s.peek().number()) {
                return s.next();
            }
            day.add(s.next().number());
        }
    }
    if !s.peek().is_keyword_type(KeywordType::TimeSeparator) {
        if s.peek() != Token::EndOfInput {
            return s.next();
        }
    } else {
        s.next();
        if !s.peek().is_fixed_length_number(2) || !between(s.peek().number(), 0, 24) {
            return Token::Invalid;
        }
        let hour_is_24 = s.peek().number() == 24;
        time.add(s.next().number());
        if !s.skip_symbol(b':') {
            return Token::Invalid;
        }
        if !s.peek().is_fixed_length_number(2) || !is_minute(s.peek().number()) || (hour_is_24 && s.peek().number() > 0) {
            return Token::Invalid;
        }
        time.add(s.next().number());
        if s.skip_symbol(b':') {
            if !s.peek().is_fixed_length_number(2) || !is_second(s.peek().number()) || (hour_is_24 && s.peek().number() > 0)
            {
                return Token::Invalid;
            }
            time.add(s.next().number());
            if s.skip_symbol(b'.') {
                if !s.peek().is_number() || (hour_is_24 && s.peek().number() > 0) {
                    return Token::Invalid;
                }
                time.add(read_milliseconds(s.next()));
            }
        }
        if s.peek().is_keyword_z() {
            s.next();
            tz.set(0);
        } else if s.peek().is_ascii_sign() {
            tz.set_sign(s.next().ascii_sign());
            if s.peek().is_fixed_length_number(4) {
                let hourmin = s.next().number();
                let (hour, min) = (hourmin / 100, hourmin % 100);
                if !is_hour(hour) || !is_minute(min) {
                    return Token::Invalid;
                }
                tz.hour = hour;
                tz.minute = min;
            } else {
                if !s.peek().is_fixed_length_number(2) || !is_hour(s.peek().number()) {
                    return Token::Invalid;
                }
                tz.hour = s.next().number();
                if !s.skip_symbol(b':') {
                    return Token::Invalid;
                }
                if !s.peek().is_fixed_length_number(2) || !is_minute(s.peek().number()) {
                    return Token::Invalid;
                }
                tz.minute = s.next().number();
            }
        }
        if s.peek() != Token::EndOfInput {
            return Token::Invalid;
        }
    }
    // Date-only forms without an offset are UTC.
    if tz.is_empty() && time.is_empty() {
        tz.set(0);
    }
    day.is_iso_date = true;
    Token::EndOfInput
}

/// Parses `str`; None when it is not a date V8 would accept.
pub fn parse(str: &[u16]) -> Option<Parsed> {
    let mut r = Reader { s: str, index: 0, ch: 0 };
    r.next();
    let first = Tokenizer::scan(&mut r);
    let mut s = Tokenizer { r, next: first };
    let mut tz = TimeZoneComposer { sign: NONE, hour: NONE, minute: NONE };
    let mut time = TimeComposer { comp: [0; 4], index: 0, hour_offset: NONE };
    let mut day = DayComposer { comp: [0; 3], index: 0, named_month: NONE, is_iso_date: false };

    let mut token = parse_es5(&mut s, &mut day, &mut time, &mut tz);
    if token == Token::Invalid {
        return None;
    }
    let mut has_read_number = !day.is_empty();
    while token != Token::EndOfInput {
        match token {
            Token::Number(n, _) => {
                has_read_number = true;
                if s.skip_symbol(b':') {
                    if s.skip_symbol(b':') {
                        // n + "::"
                        if !time.is_empty() {
                            return None;
                        }
                        time.add(n);
                        time.add(0);
                    } else {
                        // n + ":"
                        if !time.add(n) {
                            return None;
                        }
                        if s.peek().is_symbol(b'.') {
                            s.next();
                        }
                    }
                } else if s.skip_symbol(b'.') && time.is_expecting(n) {
                    time.add(n);
                    if !s.peek().is_number() {
                        return None;
                    }
                    let ms = read_milliseconds(s.next());
                    if ms < 0 {
                        return None;
                    }
                    time.add_final(ms);
                } else if tz.is_expecting(n) {
                    tz.minute = n;
                } else if time.is_expecting(n) {
                    time.add_final(n);
                    // End, white space, "Z", "+" or "-" must follow.
                    let peek = s.peek();
                    if peek != Token::EndOfInput && peek != Token::WhiteSpace && !peek.is_keyword_z() && !peek.is_ascii_sign() {
                        return None;
                    }
                } else {
                    if !day.add(n) {
                        return None;
                    }
                    s.skip_symbol(b'-');
                }
            }
            Token::Keyword(kind, value, _) => {
                if kind == KeywordType::AmPm && !time.is_empty() {
                    time.hour_offset = value;
                } else if kind == KeywordType::MonthName {
                    day.named_month = value;
                    s.skip_symbol(b'-');
                } else if kind == KeywordType::TimeZoneName && has_read_number {
                    tz.set(value);
                } else {
                    // Garbage words are illegal once a number has been read,
                    // and must be separated from the first number.
                    if has_read_number || s.peek().is_number() {
                        return None;
                    }
                }
            }
            t if t.is_ascii_sign() && (tz.is_utc() || !time.is_empty()) => {
                // A UTC offset (only after UTC or a time).
                tz.set_sign(t.ascii_sign());
                let (mut n, mut length) = (0, 0);
                if let Token::Number(v, l) = s.peek() {
                    s.next();
                    n = v;
                    length = l;
                }
                has_read_number = true;
                if s.peek().is_symbol(b':') {
                    tz.hour = n;
                    tz.minute = NONE;
                } else if length == 1 || length == 2 {
                    tz.hour = n;
                    tz.minute = 0;
                } else if length == 3 || length == 4 {
                    tz.hour = n / 100;
                    tz.minute = n % 100;
                } else {
                    return None;
                }
            }
            t if (t.is_ascii_sign() || t.is_symbol(b')')) && has_read_number => return None,
            _ => {}
        }
        token = s.next();
    }
    let [year, month, d] = day.write()?;
    let [hour, minute, second, millisecond] = time.write()?;
    let utc_offset = tz.write()?;
    Some(Parsed { year, month, day: d, hour, minute, second, millisecond, utc_offset })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<Parsed> {
        parse(&s.encode_utf16().collect::<Vec<_>>())
    }

    #[test]
    fn iso_and_legacy() {
        let x = p("2026-11-24T10:00:00.5+05:30").unwrap();
        assert_eq!((x.year, x.month, x.day, x.hour, x.millisecond, x.utc_offset), (2026, 10, 24, 10, 500, Some(19_800)));
        assert_eq!(p("2026-11-24").unwrap().utc_offset, Some(0));
        assert_eq!(p("2026-11-24T10:00").unwrap().utc_offset, None);
        let x = p("Tue, 24 Nov 2026 10:00:00 GMT").unwrap();
        assert_eq!((x.year, x.month, x.day, x.hour, x.utc_offset), (2026, 10, 24, 10, Some(0)));
        assert!(p("2026-11-24T24:00:01").is_none());
        assert!(p("x2026").is_none());
        assert!(p("").is_none());
    }
}
