// Map.groupBy (ES2024) and the upsert methods getOrInsert /
// getOrInsertComputed (ES2026) on Map and WeakMap. Expected output
// checked by hand against the spec (node 20 has none of them).
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    return e.constructor.name;
  }
}
function dump(m) {
  var out = [];
  m.forEach(function (v, k) { out.push(String(k) + "=[" + v.join() + "]"); });
  return out.join(" ");
}

var g = Map.groupBy([1, 2, 3, 4, 5, 6, 7], function (x, i) { return x % 3; });
print(dump(g), g instanceof Map, Object.getPrototypeOf(g) === Map.prototype);
// Keys are compared with SameValueZero and -0 becomes +0; objects stay
// objects (Object.groupBy would stringify them).
var key = {};
var g2 = Map.groupBy([-0, 0, "0", NaN, NaN, key, key], function (x) { return x; });
print(g2.size, Object.is([...g2.keys()][0], 0), g2.get(0).length, g2.get(NaN).length, g2.get(key).length);
var args = [];
Map.groupBy("ab", function (v, i) { args.push(v + i + (this === undefined)); return 1; });
print(args.join());
print(err(function () { Map.groupBy(null, function () {}); }), err(function () { Map.groupBy([], null); }));
var closed = 0;
var it = {};
it[Symbol.iterator] = function () {
  return { next: function () { return { value: 1, done: false }; }, return: function () { closed++; return {}; } };
};
print(err(function () { Map.groupBy(it, function () { throw new SyntaxError("x"); }); }), closed);
print(Map.groupBy.length, Map.groupBy.name);

var m = new Map([["a", 1]]);
print(m.getOrInsert("a", 2), m.getOrInsert("b", 3), m.get("b"), m.size);
print(m.getOrInsert(-0, "z"), Object.is([...m.keys()][2], 0));
var calls = [];
print(m.getOrInsertComputed("a", function () { calls.push("a"); return 9; }));
print(m.getOrInsertComputed(-0, function () { calls.push("-0"); return 9; }));
print(m.getOrInsertComputed("c", function (k) { calls.push(k); return k + "!"; }), m.get("c"), calls.join());
// The callback's own insert is overwritten by its result.
print(m.getOrInsertComputed("d", function (k) { m.set("d", "inner"); return "outer"; }), m.get("d"), m.size);
print(err(function () { m.getOrInsertComputed("e", 1); }), m.has("e"));
print(err(function () { Map.prototype.getOrInsert.call(new WeakMap(), {}, 1); }));
print(Map.prototype.getOrInsert.length, Map.prototype.getOrInsertComputed.length);

var wm = new WeakMap();
var k1 = {}, k2 = Symbol("s");
print(wm.getOrInsert(k1, 1), wm.getOrInsert(k1, 2), wm.getOrInsertComputed(k2, function (k) { return typeof k; }));
print(wm.getOrInsertComputed(k1, function () { return "unused"; }), wm.get(k2));
print(err(function () { wm.getOrInsert(1, 1); }), err(function () { wm.getOrInsert(Symbol.for("r"), 1); }));
print(err(function () { wm.getOrInsertComputed("s", function () {}); }), err(function () { wm.getOrInsertComputed({}, 5); }));
