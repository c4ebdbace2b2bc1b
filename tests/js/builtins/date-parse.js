// Date.parse and new Date(string): the ISO Date Time String Format (date-
// only forms are UTC, date-time forms without an offset local time), the
// strings toString / toUTCString / toISOString produce, V8's legacy forms,
// and NaN for everything else. Local results are compared with the local
// constructor, so the output does not depend on the host time zone.
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    return e.constructor.name + ": " + e.message;
  }
}
print(Date.parse.length, Date.parse.name, Date.parse(), Date.parse(undefined), Date.parse(null), Date.parse(0) === new Date(2000, 0, 1).getTime());
print(Date.parse({ toString: function () { return "1970-01-01T00:00:00.042Z"; } }), err(function () { Date.parse(Symbol()); }));

// Absolute: the ISO forms with Z, offsets, or no time.
var absolute = [
  "1970-01-01T00:00:00.000Z", "2026-11-24", "2026-11", "2026", "+002026-11-24", "-000001-01-01T00:00:00Z",
  "+275760-09-13T00:00:00.000Z", "+275760-09-13T00:00:00.001Z", "-271821-04-20T00:00:00.000Z", "-271821-04-19T23:59:59.999Z",
  "2026-11-24T10:00Z", "2026-11-24T10:00:30Z", "2026-11-24T10:00:30.5Z", "2026-11-24T10:00:30.12Z", "2026-11-24T10:00:30.123456Z",
  "2026-11-24T10:00+05:30", "2026-11-24T10:00-08:00", "2026-11-24T10:00+0530", "2026-11-24T24:00Z", "2026-11-24T24:00:00.000Z",
  "2026-11-24T10:00:00z", "2026-11-24t10:00:00Z", "1970-01-01T00:00:00.000+23:59", "2026-02-30", "2026-02-31T00:00Z",
  "0000-01-01", "+000000-01-01", "9999-12-31T23:59:59.999Z", "+010000-01-01T00:00:00.000Z", "2026-11-24T10:00:00.000+00:00",
];
absolute.forEach(function (s) { print(JSON.stringify(s), Date.parse(s), new Date(s).getTime()); });

// Rejected.
var rejected = [
  "", " ", "x", "2026-13-01", "2026-11-32", "2026-00-01", "2026-11-24T24:00:01", "2026-11-24T25:00", "2026-11-24T10:60",
  "2026-11-24T10:00:60", "2026-11-24T", "2026-11-24T1:00", "2026-11-24T10", "2026-11-24T10:00:00.Z", "2026-11-24T10:00+24:00",
  "2026-11-24T10:00+05", "2026-11-24T10:00:00+01:00 x", "-000000-01-01T00:00Z", "1e3", "0x10", "x2026", "26", "1 2 3 4",
  "Nov 24 2026 13:00 PM", "Jan 32 1970", "Jan 0 1970", "Jan 1 1970 24:01", "Jan 1 1970 00:00:00 XYZ", "Ja 1 1970",
  "Jan 1 1970 T", "Nov 24 2026 10.00", "Jan 1 1970 00:00:00 +123456", "Sat Jan 01 -0001 00:00:00 GMT", "2026-11-24T10:00:00+01:00)",
];
print(rejected.map(function (s) { return Date.parse(s); }).join());

// Legacy forms with a zone: absolute.
var zoned = [
  "Tue, 24 Nov 2026 10:00:00 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)",
  "Wed Dec 31 1969 19:00:00 GMT-0500 (Eastern Standard Time)", "Thu Jan 01 1970 05:30:00 GMT+0530 (India Standard Time)",
  "24 Nov 2026 10:00 EST", "Nov 24 2026 10:00 PDT", "Nov 24 2026 10:00 cst", "Nov 24 2026 10:00 MDT", "Nov 24 2026 10:00 UT",
  "Nov 24 2026 10:00 GMT+0530", "Nov 24 2026 10:00 GMT+5", "Nov 24 2026 10:00 GMT+05:30", "Nov 24 2026 10:00 UTC-8",
  "Nov 24 2026 10:00 +0100", "Nov 24 2026 10:00 -01:00", "Nov 24 2026 Z", "Jan 1 1970 00:00:00 UTC+1", "Jan 1 1970 00:00:00 +1",
  "Mon, 01 Jan 0000 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Sat, 13 Sep 275760 00:00:00 GMT", "Nov 24 2026 10:00:00 GMT-1200",
];
zoned.forEach(function (s) { print(JSON.stringify(s), Date.parse(s)); });

// Local: the same instant as the local constructor.
var local = [
  ["2026-11-24T10:00", 2026, 10, 24, 10, 0, 0, 0], ["2026-11-24T10:00:30.25", 2026, 10, 24, 10, 0, 30, 250],
  ["2026-11-24T24:00", 2026, 10, 25, 0, 0, 0, 0], ["2026-11-24 10:00", 2026, 10, 24, 10, 0, 0, 0],
  ["Nov 24 2026", 2026, 10, 24, 0, 0, 0, 0], ["Nov 24, 2026", 2026, 10, 24, 0, 0, 0, 0], ["2026/11/24 10:00", 2026, 10, 24, 10, 0, 0, 0],
  ["November 24, 2026 10:00:00", 2026, 10, 24, 10, 0, 0, 0], ["Tuesday November 24 2026", 2026, 10, 24, 0, 0, 0, 0],
  ["Nov 2026 24", 2026, 10, 24, 0, 0, 0, 0], ["24 2026 Nov", 2026, 10, 24, 0, 0, 0, 0], ["2026 Nov 24", 2026, 10, 24, 0, 0, 0, 0],
  ["12/25/2026", 2026, 11, 25, 0, 0, 0, 0], ["1/2/3", 2003, 0, 2, 0, 0, 0, 0], ["x 2026", 2026, 0, 1, 0, 0, 0, 0],
  ["Nov 24 2026 10:00 PM", 2026, 10, 24, 22, 0, 0, 0], ["Nov 24 2026 12:00 AM", 2026, 10, 24, 0, 0, 0, 0],
  ["Nov 24 2026 12:30 pm", 2026, 10, 24, 12, 30, 0, 0], ["Nov 24 2026 10:00:00.5", 2026, 10, 24, 10, 0, 0, 500],
  ["Nov 24 2026 10:00:00:00", 2026, 10, 24, 10, 0, 0, 0], ["Nov 24 2026 10::", 2026, 10, 24, 10, 0, 0, 0],
  ["10:00 Nov 24 2026", 2026, 10, 24, 10, 0, 0, 0], ["12.25.2026", 2026, 11, 25, 0, 0, 0, 0], ["2026.12.25", 2026, 11, 25, 0, 0, 0, 0],
  ["Nov-24-2026", 2026, 10, 24, 0, 0, 0, 0], ["24-Nov-2026", 2026, 10, 24, 0, 0, 0, 0], ["2026-Nov-24", 2026, 10, 24, 0, 0, 0, 0],
  ["2026-1-1", 2026, 0, 1, 0, 0, 0, 0], ["Nov 24 99", 1999, 10, 24, 0, 0, 0, 0], ["Nov 24 49", 2049, 10, 24, 0, 0, 0, 0],
  ["Nov 24 50", 1950, 10, 24, 0, 0, 0, 0], ["(comment) Nov 24 2026", 2026, 10, 24, 0, 0, 0, 0], ["Nov 24 2026 (unclosed", 2026, 10, 24, 0, 0, 0, 0],
  ["Nov 24 2026 (a (nested) comment) 10:00", 2026, 10, 24, 10, 0, 0, 0], ["Janx 1 1970", 1970, 0, 1, 0, 0, 0, 0],
  ["Jan 1 1970 24:00", 1970, 0, 2, 0, 0, 0, 0], ["-000000-01-01", 2001, 0, 1, 0, 0, 0, 0], ["Nov\u00a024\u30002026", 2026, 10, 24, 0, 0, 0, 0],
  ["Nov 24 2026 0010:00", 2026, 10, 24, 10, 0, 0, 0], ["Nov 24 100", 100, 10, 24, 0, 0, 0, 0],
];
var bad = [];
local.forEach(function (c) {
  var expected = new Date(c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
  if (c[1] >= 0 && c[1] < 100) expected.setFullYear(c[1]);
  if (Date.parse(c[0]) !== expected.getTime()) bad.push(c[0] + " -> " + Date.parse(c[0]));
});
print(local.length, "local forms;", bad.length ? "mismatches: " + bad.join("; ") : "all match");

// Round trips through the produced formats (toString and toUTCString drop
// milliseconds; the legacy parser does not read negative years back, and
// toString's offset drops the seconds of pre-1972 local mean times).
[0, -1, 1795527956000, -62198755200000, 8.64e15, -8.64e15, 253402300800000, 951782400000].forEach(function (t) {
  var d = new Date(t);
  print(t, Date.parse(d.toISOString()) === t, Date.parse(d.toUTCString()) === t);
});
[1795527956000, 8.64e15, 253402300800000, 1e12].forEach(function (t) {
  print(t, Date.parse(new Date(t).toString()) === t);
});
print(Date.parse(new Date(123).toISOString()));
