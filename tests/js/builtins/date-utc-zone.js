// Date in the host time zone, printed: this file expects the machine's
// zone to be UTC (TZ unset and /etc/localtime -> Etc/UTC, as on CI), and
// checks the local-time paths the other date-*.js files only compare with
// each other: toString's "GMT+0000 (Coordinated Universal Time)", local
// constructors and setters, and Date.parse of local forms.
var times = [0, -1, 1795527956789, -62198755200000, 8.64e15, -8.64e15, 253402300800000, -2208988800000];
times.forEach(function (t) {
  var d = new Date(t);
  print(d.toString(), "|", d.toDateString(), "|", d.toTimeString(), "|", d.getTimezoneOffset());
});
var l = new Date(2026, 10, 24, 1, 2, 3, 4);
print(l.getTime(), l.toString(), String(l) === l.toString());
print(new Date(2026, 2, 8, 2, 30).getTime(), new Date(2026, 10, 1, 1, 30).getTime(), new Date(99, 0).getTime());
print(l.setHours(25), l.setDate(0), l.setMonth(13), l.setFullYear(2000, 1, 29), l.setYear(5), l.setMinutes(-1), l.setSeconds(61, 1), l.setMilliseconds(-1));
print(Date.parse("2026-11-24T10:00"), Date.parse("Nov 24 2026"), Date.parse("2026/11/24 10:00"), Date.parse("Nov 24 2026 10:00 PM"), Date.parse("12/25/2026"));
print(new Date(2026, 0).getTimezoneOffset(), new Date(2026, 6).getTimezoneOffset(), new Date(1800, 0).getTimezoneOffset());
print(String(new Date(8.64e15)), String(new Date(-8.64e15)));
