// Temporal.Instant, Temporal.ZonedDateTime, Temporal.Now, and the order
// in which property bags and options are read.
const i = new Temporal.Instant(1_700_000_000_123_456_789n);
print(i.toString(), i.epochMilliseconds, i.epochNanoseconds);
print(typeof i.epochNanoseconds, Temporal.Instant.fromEpochMilliseconds(-1).toString());
print(i.toString({ timeZone: "+05:30", smallestUnit: "second" }));
print(i.round({ smallestUnit: "hour", roundingIncrement: 6 }).toString());
print(i.since("2023-01-01T00:00Z").toString(), i.until("2023-11-15T00:00Z", { largestUnit: "hours" }).toString());
print(Temporal.Instant.compare(i, "2000-01-01T00:00Z"), i.equals(i.add({ nanoseconds: 0 })));
print(new Date(0).toTemporalInstant().toString());
try { i.add({ days: 1 }); } catch (e) { print(e.constructor.name); }
try { new Temporal.Instant(8_640_000_000_000_000_000_001n); } catch (e) { print(e.constructor.name); }

const z = Temporal.ZonedDateTime.from("2024-03-10T01:30-05:00[America/New_York]");
print(z.toString(), z.offset, z.offsetNanoseconds, z.hoursInDay, z.timeZoneId);
print(z.add({ hours: 1 }).toString(), z.add({ days: 1 }).toString());
print(z.startOfDay().toString(), z.withTimeZone("Europe/Paris").toString());
print(z.with({ hour: 2, minute: 30 }).toString());
print(z.getTimeZoneTransition("next").toString(), z.getTimeZoneTransition({ direction: "previous" }).toString());
print(z.toInstant().toString(), z.toPlainDateTime().toString(), z.epochNanoseconds);
print(z.until("2024-03-11T01:30[America/New_York]").toString(), z.until("2024-03-11T01:30[America/New_York]", { largestUnit: "hours" }).toString());
print(z.toString({ offset: "never", timeZoneName: "never", calendarName: "always" }));
print(new Temporal.ZonedDateTime(0n, "Asia/Tokyo").toString());
print(Temporal.ZonedDateTime.compare(z, z.add({ nanoseconds: 1 })), z.equals(z.withTimeZone("America/New_York")));

print(typeof Temporal.Now.timeZoneId(), Temporal.Now.instant() instanceof Temporal.Instant,
      Temporal.Now.plainDateISO("UTC") instanceof Temporal.PlainDate,
      Temporal.Now.zonedDateTimeISO("Asia/Tokyo").timeZoneId);
print(Object.prototype.toString.call(Temporal.Now));

// Observable reads: fields in alphabetical order, then options in spec order.
const log = [];
const observe = (name, obj) => new Proxy(obj, {
  get(t, k, r) { if (typeof k === "string") log.push(name + "." + k); return Reflect.get(t, k, r); },
});
Temporal.PlainDateTime.from(observe("bag", { year: 2024, month: 1, day: 1, hour: 3, calendar: "iso8601" }),
                            observe("opts", { overflow: "reject" }));
print(log.join(" "));
log.length = 0;
Temporal.PlainDate.from("2024-01-01").until("2024-02-01",
  observe("opts", { smallestUnit: "day", largestUnit: "month", roundingMode: "floor", roundingIncrement: 1 }));
print(log.join(" "));
log.length = 0;
Temporal.ZonedDateTime.from(observe("bag", { year: 2024, month: 1, day: 1, timeZone: "UTC" }),
                            observe("opts", {}));
print(log.join(" "));
