// Date: the constructor (called, no arguments, one argument, components),
// Date.now / Date.parse / Date.UTC, property attributes, subclassing and
// TimeClip. Time-zone independent: local results are compared with other
// local results, never printed.
function show(v) {
  if (typeof v === "function") return "fn:" + v.name;
  if (v === Date.prototype) return "Date.prototype";
  return String(v);
}
function d(o, k) {
  var x = Object.getOwnPropertyDescriptor(o, k);
  if (x === undefined) return "undefined";
  var s = [];
  if ("value" in x) s.push("value=" + show(x.value));
  if ("writable" in x) s.push("w=" + x.writable);
  s.push("e=" + x.enumerable, "c=" + x.configurable);
  return s.join(" ");
}
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    return e.constructor.name + ": " + e.message;
  }
}

print(typeof Date, Date.length, Date.name, d(globalThis, "Date"));
print(d(Date, "prototype"), "|", d(Date.prototype, "constructor"));
print(d(Date, "now"), "|", d(Date, "parse"), "|", d(Date, "UTC"));
print(Date.now.length, Date.parse.length, Date.UTC.length, Date.now.name, Date.parse.name, Date.UTC.name);
print(Object.getPrototypeOf(Date) === Function.prototype, Object.getPrototypeOf(Date.prototype) === Object.prototype);
print(Object.prototype.toString.call(Date.prototype), err(function () { Date.prototype.getTime(); }));
print(Object.getOwnPropertyNames(Date).join());

// Called as a function: a string of the current time; arguments ignored.
print(typeof Date(), typeof Date(0), Date(0) === Date(1, 2, 3) || Date(0).length > 20);
var nowValue = Date.now();
print(typeof nowValue, nowValue === Math.floor(nowValue), nowValue > 1.7e12);
var before = Date.now(), now = new Date().getTime(), after = Date.now();
print(before <= now && now <= after);

// One argument: Date objects, primitives, strings, ToPrimitive.
print(new Date(0).getTime(), new Date(-1).getTime(), new Date(1.9).getTime(), new Date(-1.9).getTime());
print(Object.is(new Date(-0).getTime(), 0), new Date(8.64e15).getTime(), new Date(-8.64e15).getTime());
print(new Date(8.64e15 + 1).getTime(), new Date(-8.64e15 - 1).getTime(), new Date(Infinity).getTime(), new Date(NaN).getTime());
print(new Date(true).getTime(), new Date(null).getTime(), new Date(undefined).getTime(), new Date("").getTime());
print(new Date("1970-01-01T00:00:00.001Z").getTime(), new Date("2026-11-24").getTime(), new Date("nope").getTime());
var src = new Date(123456789);
var copy = new Date(src);
print(copy.getTime(), copy !== src, Object.getPrototypeOf(copy) === Date.prototype);
// A Date argument is read directly: its valueOf is not consulted.
src.valueOf = function () { return 5; };
src[Symbol.toPrimitive] = function () { return 6; };
print(new Date(src).getTime());
var log = [];
var obj = {
  valueOf: function () { log.push("valueOf"); return 1000; },
  toString: function () { log.push("toString"); return "1970-01-01T00:00:02Z"; },
};
print(new Date(obj).getTime(), log.join());
var strObj = { valueOf: function () { return {}; }, toString: function () { return "1970-01-01T00:00:03Z"; } };
print(new Date(strObj).getTime(), new Date(new String("1970-01-01T00:00:04Z")).getTime(), new Date(new Number(5)).getTime());
print(new Date({ [Symbol.toPrimitive]: function (h) { log.push(h); return 7; } }).getTime(), log.join());
print(err(function () { new Date(Symbol()); }), "|", err(function () { new Date({ valueOf: function () { return {}; }, toString: function () { return {}; } }); }));

// Components: local time, MakeFullYear for 0-99, defaults, overflow.
var a = new Date(2026, 10, 24, 1, 2, 3, 4);
print(a.getFullYear(), a.getMonth(), a.getDate(), a.getHours(), a.getMinutes(), a.getSeconds(), a.getMilliseconds(), a.getDay());
var b = new Date(2026, 10);
print(b.getDate(), b.getHours(), b.getMinutes(), b.getTime() === new Date(2026, 10, 1, 0, 0, 0, 0).getTime());
print(new Date(99, 0).getFullYear(), new Date(0, 0).getFullYear(), new Date(100, 0).getFullYear(), new Date(-1, 0).getFullYear(), new Date(99.9, 0).getFullYear());
var c = new Date(2026, 13, 32, 25, 61, 61, 1001);
print(c.getFullYear(), c.getMonth(), c.getDate(), c.getHours(), c.getMinutes(), c.getSeconds(), c.getMilliseconds());
var e = new Date(2026, -1, 0);
print(e.getFullYear(), e.getMonth(), e.getDate());
print(new Date(2026, NaN).getTime(), new Date(2026, 0, Infinity).getTime(), new Date(NaN, 0).getTime(), new Date(2026, 0, 1, 0, 0, 0, -Infinity).getTime());
print(new Date(275760, 8, 14).getTime(), new Date(-271822, 0).getTime());
log = [];
function val(name, v) { return { valueOf: function () { log.push(name); return v; } }; }
new Date(val("y", 2020), val("m", 1), val("d", 2), val("h", 3), val("min", 4), val("s", 5), val("ms", 6), val("extra", 7));
print(log.join());
print(err(function () { new Date(2020, { valueOf: function () { throw new RangeError("m"); } }, val("d2", 1)); }), log.join());

// Date.UTC: ToNumber of every argument present, in order.
print(Date.UTC(), Date.UTC(2026), Date.UTC(2026, 10), Date.UTC(2026, 10, 24), Date.UTC(2026, 10, 24, 10, 20, 30, 400));
print(Date.UTC(70, 0), Date.UTC(99.5, 0), Date.UTC(100, 0), Date.UTC(-0.5, 0), Date.UTC(-1, 0));
print(Date.UTC(2016, 12), Date.UTC(2016, 144), Date.UTC(2016, 0, 33), Date.UTC(2016, 2, -27), Date.UTC(2016, 0, 1, -1));
print(Date.UTC(1970, 0, 1, 80063993375, 29, 1, -288230376151711740), Date.UTC(1970, 0, 213503982336, 0, 0, 0, -18446744073709552000));
print(Date.UTC(Infinity), Date.UTC(0, -Infinity), Date.UTC(NaN), Date.UTC(275760, 8, 13), Date.UTC(275760, 8, 13, 0, 0, 0, 1));
print(Date.UTC(-271821, 3, 20), Date.UTC(-271821, 3, 19, 23, 59, 59, 999), Date.UTC(1e9, 0));
log = [];
Date.UTC(val("y", 1), val("m", 1), val("d", 1), val("h", 1), val("min", 1), val("s", 1), val("ms", 1), val("extra", 1));
print(log.join(), new Date(Date.UTC(2000, 0, 1.9, 1.9)).toISOString());

// Subclassing and new.target's prototype.
class MyDate extends Date {
  constructor(v) {
    super(v);
    this.tag = "mine";
  }
  twice() {
    return this.getTime() * 2;
  }
}
var m = new MyDate(21);
print(m instanceof MyDate, m instanceof Date, m.twice(), m.tag, Object.prototype.toString.call(m), m.toISOString());
print(typeof MyDate.now, MyDate.UTC(1970, 0, 1, 0, 0, 1));
