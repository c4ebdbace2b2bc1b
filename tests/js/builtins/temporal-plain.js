// Temporal.PlainDate / PlainTime / PlainDateTime / PlainYearMonth / PlainMonthDay.
const date = new Temporal.PlainDate(2024, 2, 29);
print(date.toString(), date.year, date.month, date.monthCode, date.day, date.calendarId);
print(date.dayOfWeek, date.dayOfYear, date.weekOfYear, date.yearOfWeek, date.daysInWeek,
      date.daysInMonth, date.daysInYear, date.monthsInYear, date.inLeapYear, date.era);
print(date.add({ years: 1 }).toString());
print(date.add({ months: 1, days: 1 }).toString());
try { date.add({ years: 1 }, { overflow: "reject" }); } catch (e) { print(e.constructor.name); }
print(date.with({ day: 1 }).toString(), date.with({ monthCode: "M12" }).toString());
print(date.until("2025-01-01").toString(), date.since("2023-02-28", { largestUnit: "months" }).toString());
print(Temporal.PlainDate.compare("2024-01-01", date), date.equals("2024-02-29"));
print(date.toPlainDateTime("12:30").toString());
print(date.toPlainYearMonth().toString(), date.toPlainMonthDay().toString());
print(date.toString({ calendarName: "always" }));
print(date.withCalendar("gregory").toString(), date.withCalendar("gregory").era, date.withCalendar("gregory").eraYear);
print(Temporal.PlainDate.from({ year: 2023, month: 13, day: 40 }).toString());
try { Temporal.PlainDate.from({ year: 2023, month: 13, day: 40 }, { overflow: "reject" }); } catch (e) { print(e.constructor.name); }

const time = Temporal.PlainTime.from("13:45:30.123456789");
print(time.toString(), time.hour, time.minute, time.second, time.millisecond, time.microsecond, time.nanosecond);
print(time.round({ smallestUnit: "minute" }).toString(), time.round({ smallestUnit: "hour", roundingMode: "floor" }).toString());
print(time.add({ hours: 12 }).toString(), time.subtract({ minutes: 46 }).toString());
print(time.until("15:00").toString(), time.toString({ smallestUnit: "second" }));
print(time.with({ hour: 1 }).toString(), Temporal.PlainTime.compare(time, "13:45"));

const dt = Temporal.PlainDateTime.from("2024-12-31T23:59:59.5");
print(dt.toString(), dt.add({ seconds: 1 }).toString());
print(dt.round({ smallestUnit: "second", roundingMode: "halfExpand" }).toString());
print(dt.round("day").toString());
print(dt.withPlainTime().toString(), dt.toPlainDate().toString(), dt.toPlainTime().toString());
print(dt.until("2025-03-01T00:00", { largestUnit: "months" }).toString());
print(dt.toZonedDateTime("UTC").toString());

const ym = Temporal.PlainYearMonth.from({ year: 2024, month: 1 });
print(ym.toString(), ym.daysInMonth, ym.add({ months: 13 }).toString(), ym.until("2026-07").toString());
print(ym.toPlainDate({ day: 15 }).toString());

const md = Temporal.PlainMonthDay.from({ monthCode: "M02", day: 29 });
print(md.toString(), md.monthCode, md.day, md.toPlainDate({ year: 2023 }).toString());
print(md.equals("02-29"), md.with({ day: 1 }).toString());
print(Temporal.PlainMonthDay.from({ month: 2, day: 30 }).toString());

print(Temporal.PlainDate.length, Temporal.PlainTime.length, Temporal.PlainDateTime.length,
      Temporal.PlainYearMonth.length, Temporal.PlainMonthDay.length);
print(Object.getOwnPropertyNames(Temporal).sort().join());
for (const f of [() => date.valueOf(), () => Temporal.PlainDate.prototype.toString.call({}),
                 () => new Temporal.PlainDate(2024, 2, 30), () => Temporal.PlainDate.from(20240101),
                 () => date.with({ calendar: "iso8601", day: 1 }), () => new Temporal.PlainTime(24)]) {
  try { f(); print("no error"); } catch (e) { print(e.constructor.name); }
}
