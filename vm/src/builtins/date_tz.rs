//! The host time zone for Date's LocalTime and UTC (ECMA-262 §21.4.1.25–26):
//! the system tz database read directly — `TZ` (`:Area/City`, `Area/City`
//! or an absolute path) or `/etc/localtime` — as a TZif file (RFC 8536) of
//! transitions, with its POSIX TZ footer for instants after the last one.
//!
//! Self-contained (no VM types): offsets are in seconds east of UTC, times
//! in milliseconds since the epoch.

use std::sync::OnceLock;

/// Milliseconds per day.
const MS_PER_DAY: i64 = 86_400_000;

/// Days from 1970-01-01 to `y`-`m`-`d` (proleptic Gregorian; `m` 1–12).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month 1–12, day 1–31) of a day number.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Whether `y` is a leap year.
pub fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Week day of a day number (0 = Sunday).
pub fn week_day(days: i64) -> i64 {
    (days + 4).rem_euclid(7)
}

/// A local time type: offset (seconds east of UTC) and DST flag.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct LocalType {
    /// Seconds east of UTC.
    pub off: i32,
    /// Whether it is daylight saving time.
    pub dst: bool,
}

const UTC_TYPE: LocalType = LocalType { off: 0, dst: false };

/// A day of a POSIX TZ rule.
#[derive(Copy, Clone, Debug)]
enum RuleDay {
    /// `Jn`: 1–365, February 29 never counted.
    Julian1(i64),
    /// `n`: 0–365, February 29 counted.
    Julian0(i64),
    /// `Mm.w.d`: day `d` (0 = Sunday) of week `w` (5 = last) of month `m`.
    MonthWeek(i64, i64, i64),
}

impl RuleDay {
    /// The day number of this rule day in year `y`.
    fn day_in(self, y: i64) -> i64 {
        let jan1 = days_from_civil(y, 1, 1);
        match self {
            RuleDay::Julian1(n) => jan1 + n - 1 + i64::from(is_leap(y) && n >= 60),
            RuleDay::Julian0(n) => jan1 + n,
            RuleDay::MonthWeek(m, w, d) => {
                let first = days_from_civil(y, m, 1);
                let mut day = first + (d - week_day(first)).rem_euclid(7) + (w - 1) * 7;
                let next_month = if m == 12 { days_from_civil(y + 1, 1, 1) } else { days_from_civil(y, m + 1, 1) };
                while day >= next_month {
                    day -= 7;
                }
                day
            }
        }
    }
}

/// The daylight part of a POSIX TZ string.
#[derive(Copy, Clone, Debug)]
struct DstRule {
    off: i32,
    start: RuleDay,
    /// Local (standard) time of day of the start, seconds.
    start_time: i64,
    end: RuleDay,
    /// Local (daylight) time of day of the end, seconds.
    end_time: i64,
}

/// A POSIX TZ string (the TZif footer).
#[derive(Copy, Clone, Debug)]
struct PosixTz {
    std_off: i32,
    dst: Option<DstRule>,
}

impl PosixTz {
    fn at(&self, u: i64) -> LocalType {
        let Some(r) = self.dst else { return LocalType { off: self.std_off, dst: false } };
        let (y, _, _) = civil_from_days((u + i64::from(self.std_off)).div_euclid(86_400));
        let start = r.start.day_in(y) * 86_400 + r.start_time - i64::from(self.std_off);
        let end = r.end.day_in(y) * 86_400 + r.end_time - i64::from(r.off);
        let dst = if start < end { start <= u && u < end } else { !(end <= u && u < start) };
        if dst { LocalType { off: r.off, dst: true } } else { LocalType { off: self.std_off, dst: false } }
    }

    /// Parses `std offset [dst [offset] [,start[/time],end[/time]]]`.
    fn parse(s: &[u8]) -> Option<PosixTz> {
        let mut p = Cursor { s, i: 0 };
        p.name()?;
        let std_off = -p.offset()?;
        if p.done() {
            return Some(PosixTz { std_off: std_off as i32, dst: None });
        }
        p.name()?;
        let dst_off = if p.done() || p.peek() == Some(b',') { std_off + 3600 } else { -p.offset()? };
        let (start, start_time, end, end_time) = if p.done() {
            // No rule: the US rules (glibc's fallback without posixrules).
            (RuleDay::MonthWeek(3, 2, 0), 7200, RuleDay::MonthWeek(11, 1, 0), 7200)
        } else {
            p.eat(b',')?;
            let (start, st) = p.rule()?;
            p.eat(b',')?;
            let (end, et) = p.rule()?;
            (start, st, end, et)
        };
        if !p.done() {
            return None;
        }
        Some(PosixTz {
            std_off: std_off as i32,
            dst: Some(DstRule { off: dst_off as i32, start, start_time, end, end_time }),
        })
    }
}

struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn done(&self) -> bool {
        self.i >= self.s.len()
    }
    fn eat(&mut self, c: u8) -> Option<()> {
        if self.peek() == Some(c) {
            self.i += 1;
            Some(())
        } else {
            None
        }
    }
    fn name(&mut self) -> Option<()> {
        let start = self.i;
        if self.peek() == Some(b'<') {
            while self.peek()? != b'>' {
                self.i += 1;
            }
            self.i += 1;
            return Some(());
        }
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.i += 1;
        }
        if self.i - start >= 3 { Some(()) } else { None }
    }
    fn num(&mut self) -> Option<i64> {
        let start = self.i;
        let mut n: i64 = 0;
        while let Some(c) = self.peek().filter(u8::is_ascii_digit) {
            n = n.checked_mul(10)?.checked_add(i64::from(c - b'0'))?;
            self.i += 1;
        }
        if self.i == start { None } else { Some(n) }
    }
    /// `[+-]hh[:mm[:ss]]` in seconds.
    fn offset(&mut self) -> Option<i64> {
        let sign = match self.peek() {
            Some(b'-') => {
                self.i += 1;
                -1
            }
            Some(b'+') => {
                self.i += 1;
                1
            }
            _ => 1,
        };
        let mut secs = self.num()? * 3600;
        if self.eat(b':').is_some() {
            secs += self.num()? * 60;
            if self.eat(b':').is_some() {
                secs += self.num()?;
            }
        }
        Some(sign * secs)
    }
    /// `date[/time]`.
    fn rule(&mut self) -> Option<(RuleDay, i64)> {
        let day = match self.peek()? {
            b'J' => {
                self.i += 1;
                RuleDay::Julian1(self.num()?.clamp(1, 365))
            }
            b'M' => {
                self.i += 1;
                let m = self.num()?;
                self.eat(b'.')?;
                let w = self.num()?;
                self.eat(b'.')?;
                let d = self.num()?;
                if !(1..=12).contains(&m) || !(1..=5).contains(&w) || d > 6 {
                    return None;
                }
                RuleDay::MonthWeek(m, w, d)
            }
            _ => RuleDay::Julian0(self.num()?.clamp(0, 365)),
        };
        let time = if self.eat(b'/').is_some() { self.offset()? } else { 7200 };
        Some((day, time))
    }
}

/// A time zone: TZif transitions and the footer rule.
#[derive(Debug)]
pub struct Zone {
    /// Transition instants, seconds since the epoch, ascending.
    times: Vec<i64>,
    /// The local time type from each transition on.
    kinds: Vec<LocalType>,
    /// The type before the first transition.
    first: LocalType,
    /// The footer, for instants after the last transition.
    rule: Option<PosixTz>,
    /// The IANA identifier (`America/New_York`), when known.
    pub id: Option<String>,
}

impl Zone {
    /// UTC.
    pub fn utc(id: Option<String>) -> Zone {
        Zone { times: Vec::new(), kinds: Vec::new(), first: UTC_TYPE, rule: None, id }
    }

    /// Parses a TZif file (versions 1–4).
    pub fn from_tzif(data: &[u8], id: Option<String>) -> Option<Zone> {
        let header = |d: &[u8]| -> Option<[usize; 6]> {
            if d.len() < 44 || &d[..4] != b"TZif" {
                return None;
            }
            let mut c = [0usize; 6];
            for (k, v) in c.iter_mut().enumerate() {
                let b = &d[20 + 4 * k..24 + 4 * k];
                *v = u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize;
            }
            Some(c)
        };
        let [isut, isstd, leap, timecnt, typecnt, charcnt] = header(data)?;
        let v1_len = timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
        let (body, tsize, counts, rest) = if data[4] >= b'2' {
            let d2 = data.get(44 + v1_len..)?;
            let c = header(d2)?;
            let len = c[3] * 9 + c[4] * 6 + c[5] + c[2] * 12 + c[1] + c[0];
            (d2.get(44..44 + len)?, 8, c, d2.get(44 + len..).unwrap_or(&[]))
        } else {
            (data.get(44..44 + v1_len)?, 4, [isut, isstd, leap, timecnt, typecnt, charcnt], &[][..])
        };
        let (timecnt, typecnt) = (counts[3], counts[4]);
        if typecnt == 0 {
            return None;
        }
        let mut times = Vec::with_capacity(timecnt);
        for k in 0..timecnt {
            let b = &body[k * tsize..(k + 1) * tsize];
            times.push(if tsize == 8 {
                i64::from_be_bytes(b.try_into().ok()?)
            } else {
                i64::from(i32::from_be_bytes(b.try_into().ok()?))
            });
        }
        let idx = &body[timecnt * tsize..timecnt * (tsize + 1)];
        let types_at = timecnt * (tsize + 1);
        let mut types = Vec::with_capacity(typecnt);
        for k in 0..typecnt {
            let b = &body[types_at + 6 * k..types_at + 6 * k + 6];
            types.push(LocalType { off: i32::from_be_bytes([b[0], b[1], b[2], b[3]]), dst: b[4] != 0 });
        }
        let mut kinds = Vec::with_capacity(timecnt);
        for &i in idx {
            kinds.push(*types.get(usize::from(i))?);
        }
        let rule = match rest {
            [b'\n', footer @ ..] => {
                let end = footer.iter().position(|&c| c == b'\n').unwrap_or(footer.len());
                PosixTz::parse(&footer[..end])
            }
            _ => None,
        };
        Some(Zone { times, kinds, first: types[0], rule, id })
    }

    /// The local time type at `u` seconds since the epoch.
    pub fn type_at(&self, u: i64) -> LocalType {
        match self.times.partition_point(|&t| t <= u) {
            0 if self.times.is_empty() => self.rule.map_or(self.first, |r| r.at(u)),
            0 => self.first,
            n if n == self.times.len() => self.rule.map_or(self.kinds[n - 1], |r| r.at(u)),
            n => self.kinds[n - 1],
        }
    }

    /// The offset (ms) at the instant `t` (ms): LocalTZA(t, true).
    pub fn offset_ms(&self, t: i64) -> i64 {
        i64::from(self.type_at(t.div_euclid(1000)).off) * 1000
    }

    /// The offset (ms) to subtract from local time `t` (ms) to get UTC:
    /// the earliest instant when local time is repeated, and the offset
    /// before the transition when it is skipped (§21.4.1.26 UTC).
    pub fn offset_from_local_ms(&self, t: i64) -> i64 {
        let before = self.offset_ms(t - MS_PER_DAY);
        let after = self.offset_ms(t + MS_PER_DAY);
        let valid = |o: i64| self.offset_ms(t - o) == o;
        // The larger offset gives the earlier instant.
        let mut candidates = [before, after];
        candidates.sort_unstable_by(|a, b| b.cmp(a));
        candidates.into_iter().find(|&o| valid(o)).unwrap_or(before)
    }

    /// Whether `t` (ms) is in daylight saving time, in the sense of the
    /// tz database's "rearguard" format that ICU (and so V8) uses: where
    /// the TZif data has negative DST (Europe/Dublin's winter GMT, Africa/
    /// Casablanca's Ramadan +00), the lower offset counts as standard time
    /// and the higher one as daylight time.
    pub fn is_dst(&self, t: i64) -> bool {
        let u = t.div_euclid(1000);
        let n = self.times.partition_point(|&x| x <= u);
        if n == 0 || n == self.times.len() {
            let plain = self.type_at(u);
            return match (n, self.rule) {
                (_, Some(PosixTz { std_off, dst: Some(r) })) if n > 0 || self.times.is_empty() => {
                    if plain.dst { r.off >= std_off } else { r.off < std_off }
                }
                _ => plain.dst,
            };
        }
        let cur = self.kinds[n - 1];
        let prev = if n >= 2 { self.kinds[n - 2] } else { self.first };
        // Negative DST alternates: a DST type below the standard types on
        // both sides (or a standard type above DST ones on both sides).
        let inverted = |o: LocalType| if cur.dst { !o.dst && o.off > cur.off } else { o.dst && o.off < cur.off };
        let negative = inverted(prev) && self.kinds.get(n).is_none_or(|&o| inverted(o));
        cur.dst != negative
    }
}

/// The directory of the tz database.
fn zoneinfo_dir() -> String {
    std::env::var("TZDIR").ok().filter(|d| !d.is_empty()).unwrap_or_else(|| "/usr/share/zoneinfo".into())
}

/// Loads the zone named by `TZ`, else `/etc/localtime`; UTC when neither
/// can be read.
pub fn load_host_zone() -> Zone {
    match std::env::var("TZ") {
        Ok(tz) => {
            let name = tz.strip_prefix(':').unwrap_or(&tz);
            if name.starts_with('/') {
                return std::fs::read(name).ok().and_then(|d| Zone::from_tzif(&d, None)).unwrap_or_else(|| Zone::utc(None));
            }
            // posix/ and right/ hold the same zones (right/ counts leap
            // seconds, which time values do not): read the plain one.
            let id = name.strip_prefix("posix/").or_else(|| name.strip_prefix("right/")).unwrap_or(name);
            let valid = !id.is_empty() && !id.split('/').any(|c| c.is_empty() || c == "." || c == "..");
            let path = format!("{}/{id}", zoneinfo_dir());
            match std::fs::read(path).ok().filter(|_| valid).and_then(|d| Zone::from_tzif(&d, Some(id.to_string()))) {
                Some(z) => z,
                None => Zone::utc(None),
            }
        }
        Err(_) => {
            let id = std::fs::read_link("/etc/localtime")
                .ok()
                .and_then(|p| {
                    let s = p.to_string_lossy().into_owned();
                    s.find("zoneinfo/").map(|i| s[i + "zoneinfo/".len()..].to_string())
                })
                .or_else(|| std::fs::read_to_string("/etc/timezone").ok().map(|s| s.trim().to_string()))
                .map(|id| id.strip_prefix("posix/").or_else(|| id.strip_prefix("right/")).unwrap_or(&id).to_string());
            match std::fs::read("/etc/localtime") {
                Ok(d) => Zone::from_tzif(&d, id).unwrap_or_else(|| Zone::utc(Some("UTC".into()))),
                Err(_) => Zone::utc(Some("UTC".into())),
            }
        }
    }
}

/// The host zone, read once per process.
pub fn host() -> &'static Zone {
    static HOST: OnceLock<Zone> = OnceLock::new();
    HOST.get_or_init(load_host_zone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for z in [-719_468 * 3, -1, 0, 1, 10_957, 2_932_896, 100_000_000, -100_000_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn posix_rules() {
        let ny = PosixTz::parse(b"EST5EDT,M3.2.0,M11.1.0").unwrap();
        // 2026-03-08T06:59:59Z is 01:59:59 EST; a second later is 03:00 EDT.
        let t = days_from_civil(2026, 3, 8) * 86_400 + 7 * 3600;
        assert_eq!(ny.at(t - 1), LocalType { off: -18_000, dst: false });
        assert_eq!(ny.at(t), LocalType { off: -14_400, dst: true });
        // 2026-11-01T06:00Z is 01:00 EST (the repeated hour's second pass).
        let t = days_from_civil(2026, 11, 1) * 86_400 + 6 * 3600;
        assert_eq!(ny.at(t - 1).off, -14_400);
        assert_eq!(ny.at(t).off, -18_000);
        let syd = PosixTz::parse(b"AEST-10AEDT,M10.1.0,M4.1.0/3").unwrap();
        assert!(syd.at(days_from_civil(2026, 1, 15) * 86_400).dst);
        assert!(!syd.at(days_from_civil(2026, 7, 15) * 86_400).dst);
        let npt = PosixTz::parse(b"<+0545>-5:45").unwrap();
        assert_eq!(npt.at(0).off, 20_700);
    }
}
