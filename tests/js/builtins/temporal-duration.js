// Temporal.Duration: construction, fields, arithmetic, rounding, strings.
const d = new Temporal.Duration(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
print(d.toString());
print(d.years, d.months, d.weeks, d.days, d.hours, d.minutes, d.seconds,
      d.milliseconds, d.microseconds, d.nanoseconds, d.sign, d.blank);
print(new Temporal.Duration().toString(), new Temporal.Duration().blank);
print(d.negated().toString(), d.negated().sign, d.negated().abs().toString());
print(Temporal.Duration.from("PT1H30M").toString());
print(Temporal.Duration.from({ hours: 36 }).round({ largestUnit: "day" }).toString());
print(Temporal.Duration.from({ minutes: 90 }).total("hours"));
print(Temporal.Duration.from("P1M").total({ unit: "days", relativeTo: "2024-02-01" }));
print(Temporal.Duration.compare({ hours: 25 }, { days: 1 }));
print(Temporal.Duration.from({ seconds: 1, milliseconds: 500 }).add({ milliseconds: 700 }).toString());
print(Temporal.Duration.from({ seconds: 10 }).subtract({ seconds: 15 }).toString());
print(Temporal.Duration.from({ seconds: 1, nanoseconds: 123456789 }).toString({ fractionalSecondDigits: 3 }));
print(Temporal.Duration.from({ seconds: 1, nanoseconds: 987654321 }).toString({ smallestUnit: "millisecond", roundingMode: "halfExpand" }));
print(d.with({ years: 0, nanoseconds: 0 }).toString());
print(JSON.stringify({ d: Temporal.Duration.from({ days: 2 }) }));
print(Object.prototype.toString.call(d));
print(Temporal.Duration.length, Temporal.Duration.name, Temporal.Duration.from.length);

function check(f) {
  try { f(); print("no error"); } catch (e) { print(e.constructor.name); }
}
check(() => Temporal.Duration(1));
check(() => new Temporal.Duration(1.5));
check(() => new Temporal.Duration(1, -1));
check(() => Temporal.Duration.from({}));
check(() => Temporal.Duration.from(5));
check(() => Temporal.Duration.from("P1Y").total("days"));
check(() => +d);
check(() => Temporal.Duration.prototype.years);
check(() => d.toString({ smallestUnit: "minute" }));
