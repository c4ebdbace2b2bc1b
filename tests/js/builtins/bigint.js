// The BigInt constructor, BigInt.asIntN/asUintN, BigInt.prototype, wrapper
// objects, and BigInts in the other builtins (String, Number, JSON, Map,
// Set, Object, Array sorting).
function show(label, f) {
  try {
    const v = f();
    console.log(label, typeof v, typeof v === "symbol" ? "sym" : String(v));
  } catch (e) {
    console.log(label, "throws", e.constructor.name, e.message);
  }
}

// The constructor.
console.log(BigInt.length, BigInt.name, typeof BigInt.prototype, BigInt.prototype.constructor === BigInt);
show("BigInt(42)", () => BigInt(42));
show("BigInt(-0)", () => BigInt(-0));
show("BigInt(2**60)", () => BigInt(2 ** 60));
show("BigInt(1e21)", () => BigInt(1e21));
show("BigInt(Number.MAX_VALUE) digits", () => BigInt(Number.MAX_VALUE).toString().length);
show("BigInt(true)", () => BigInt(true));
show("BigInt(' 0x1F ')", () => BigInt(" 0x1F "));
show("BigInt('-123')", () => BigInt("-123"));
show("BigInt('')", () => BigInt(""));
show("BigInt('0b102')", () => BigInt("0b102"));
show("BigInt('1.5')", () => BigInt("1.5"));
show("BigInt('-0x1')", () => BigInt("-0x1"));
show("BigInt('1n')", () => BigInt("1n"));
show("BigInt(1.5)", () => BigInt(1.5));
show("BigInt(NaN)", () => BigInt(NaN));
show("BigInt(Infinity)", () => BigInt(Infinity));
show("BigInt(undefined)", () => BigInt(undefined));
show("BigInt(null)", () => BigInt(null));
show("BigInt(Symbol())", () => BigInt(Symbol()));
show("BigInt({valueOf})", () => BigInt({ valueOf() { return 7; } }));
show("BigInt({toString})", () => BigInt({ valueOf: undefined, toString() { return "8"; } }));
show("new BigInt(1)", () => new BigInt(1));
show("BigInt(Object(3n))", () => BigInt(Object(3n)));

// asIntN / asUintN.
console.log(BigInt.asIntN(8, 127n), BigInt.asIntN(8, 128n), BigInt.asIntN(8, -129n), BigInt.asIntN(0, 5n));
console.log(BigInt.asIntN(64, 2n ** 63n), BigInt.asIntN(64, -(2n ** 63n)), BigInt.asIntN(200, -5n));
console.log(BigInt.asUintN(8, 257n), BigInt.asUintN(8, -1n), BigInt.asUintN(64, -1n), BigInt.asUintN(0, 9n));
console.log(BigInt.asUintN(2 ** 53 - 1, 5n), BigInt.asIntN(2 ** 53 - 1, -5n), BigInt.asIntN("3", "7"));
show("asUintN(-1, 0n)", () => BigInt.asUintN(-1, 0n));
show("asIntN(2**53, 0n)", () => BigInt.asIntN(2 ** 53, 0n));
show("asIntN(8, 1)", () => BigInt.asIntN(8, 1));

// BigInt.prototype.
console.log((255n).toString(), (255n).toString(16), (-255n).toString(2), (2n ** 70n).toString(36));
console.log(1n.toString(), 0n.toString(7), (123n).toLocaleString(), Object(5n).valueOf() === 5n);
show("toString(1)", () => 10n.toString(1));
show("toString(37)", () => 10n.toString(37));
show("toString.call(1)", () => BigInt.prototype.toString.call(1));
show("valueOf.call('1')", () => BigInt.prototype.valueOf.call("1"));
show("valueOf.call(Object(2n))", () => BigInt.prototype.valueOf.call(Object(2n)));
console.log(BigInt.prototype[Symbol.toStringTag], Object.prototype.toString.call(1n), Object.prototype.toString.call(Object(1n)));

// Wrapper objects and property access on primitives.
const w = Object(10n);
console.log(typeof w, w instanceof BigInt, w + 1n, w == 10n, w === 10n, Object.getPrototypeOf(w) === BigInt.prototype);
BigInt.prototype.double = function () { return this * 2n; };
console.log(21n.double(), (5n).constructor === BigInt, 1n.foo, "double" in Object(1n));
delete BigInt.prototype.double;
(function () { "use strict"; try { 1n.x = 1; } catch (e) { console.log("strict set", e.constructor.name); } })();

// Conversions in other builtins.
console.log(String(-5n), Number(2n ** 64n), Number(-(2n ** 53n) - 1n), Number(10n ** 400n), parseInt("12n"), parseFloat("3n"));
console.log(`${123n}`, "x".concat(1n), [1n, 2n].join("-"), String([3n]), 1n.toString().length);
show("Number.prototype.toString.call(1n)", () => Number.prototype.toString.call(1n));
show("Math.max(1n)", () => Math.max(1n));
show("new Date(1n)", () => new Date(1n));
show("Symbol() + 1n", () => Symbol() + 1n);
console.log(isFinite.length, Object.is(Number(0n), 0), Number("1n"), Number(Object(3n)));

// JSON.
show("JSON.stringify(1n)", () => JSON.stringify(1n));
show("JSON.stringify({a:1n})", () => JSON.stringify({ a: 1n }));
show("JSON.stringify(Object(1n))", () => JSON.stringify(Object(1n)));
BigInt.prototype.toJSON = function () { return this.toString() + "n"; };
console.log(JSON.stringify({ a: 1n, b: [2n, Object(3n)] }));
delete BigInt.prototype.toJSON;
console.log(JSON.stringify({ a: 1n }, (k, v) => typeof v === "bigint" ? Number(v) : v));
console.log(JSON.parse("12345678901234567890"));

// Keyed collections: SameValueZero by value.
const m = new Map();
m.set(1n, "one"); m.set(2n ** 100n, "big"); m.set(1, "number one");
console.log(m.get(1n), m.get(BigInt(1)), m.get(2n ** 100n), m.get(1), m.size, m.has(-0n), m.has(3n));
m.delete(10n ** 0n);
console.log(m.size, [...m.keys()].map(String).join());
const s = new Set([0n, -0n, 1n, BigInt("1"), 1, "1"]);
console.log(s.size, [...s].map(v => typeof v).join());
const objs = {}; objs[1n] = "a"; objs[2n ** 64n] = "b";
console.log(objs[1], objs["18446744073709551616"], Object.keys(objs).join());
console.log([1n, 2n, 3n].indexOf(2n), [1n, 2n, 3n].includes(3n), [10n, 9n, 1n, -1n].sort().join(), [10n, 9n, 1n].sort((a, b) => (a < b ? -1 : 1)).join());

// typeof and equality helpers.
console.log(typeof Object(1n), typeof BigInt(1), Object.is(1n, 1n), Object.is(1n, 1), [0n].includes(0n));
