// Map (ES2015+): SameValueZero keys (-0 stored as +0, NaN equal to
// itself, strings by content), insertion order, iteration that sees
// entries added during it and skips deleted ones, clear during iteration,
// forEach, the constructor's iterable protocol and iterator closing,
// receiver checks, property shapes. (Map.groupBy and getOrInsert are in
// map-groupby-upsert.js: node 20, which made map.out, lacks them.)
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    return e.constructor.name;
  }
}
function keysOf(m) {
  var out = [];
  for (var k of m.keys()) out.push(String(k));
  return out.join();
}

var m = new Map();
print(m.size, m.set("a", 1) === m, m.size);
m.set(-0, "zero");
print(m.get(0), m.get(-0), m.has(+0), Object.is([...m.keys()][1], -0));
m.set(NaN, "nan");
print(m.get(NaN), m.get(0 / 0), m.size);
m.set(1, "int").set(1.0, "double");
print(m.get(1), m.size);
// Strings by content, whatever their representation.
var s1 = "ab" + "cd".repeat(3);
var s2 = ["a", "bcdcdcd"].join("");
m.set(s1, "rope");
print(m.get(s2), m.has("abcdcdcd"));
// Objects and symbols by identity.
var o1 = {}, o2 = {}, sy = Symbol("k");
m.set(o1, "o1").set(sy, "sym");
print(m.get(o1), m.get(o2), m.get(sy), m.get(Symbol("k")));
print(m.delete(o1), m.delete(o1), m.has(o1), m.size);
print(keysOf(m));
// Insertion order; re-setting keeps the position; delete + set moves it.
var order = new Map([[3, "c"], [1, "a"], [2, "b"]]);
order.set(3, "C");
print([...order].join(" | "));
order.delete(3);
order.set(3, "again");
print([...order.entries()].join(" | "), [...order.values()].join());

// Iteration sees entries added during it and skips deleted ones.
var live = new Map([[1, 1], [2, 2], [3, 3]]);
var seen = [];
for (var [k] of live) {
  seen.push(k);
  if (k === 1) { live.delete(2); live.set(4, 4); }
  if (k === 4) live.set(5, 5);
}
print(seen.join());
// Many deletes during iteration (the table compacts under the iterator).
var big = new Map();
for (var i = 0; i < 200; i++) big.set(i, i);
var it = big.keys();
var first = [];
for (var i = 0; i < 5; i++) first.push(it.next().value);
for (var i = 0; i < 190; i++) big.delete(i);
var rest = [];
for (var k of it) rest.push(k);
print(first.join(), rest.join());
// clear during iteration: the iterator continues with new entries.
var cl = new Map([[1, 1], [2, 2]]);
var cit = cl.entries();
print(JSON.stringify(cit.next()));
cl.clear();
cl.set("x", 9);
print(JSON.stringify(cit.next()), JSON.stringify(cit.next()));
// A finished iterator stays finished.
cl.set("y", 10);
print(JSON.stringify(cit.next()));

// forEach: (value, key, map), thisArg, mutation during the walk.
var fe = new Map([["a", 1], ["b", 2], ["c", 3]]);
var log = [];
fe.forEach(function (v, k, map) {
  log.push(k + "=" + v + (map === fe) + (this === undefined ? "" : this.tag));
  if (k === "a") { fe.delete("b"); fe.set("d", 4); }
}, { tag: "!" });
print(log.join(" "));
print(err(function () { fe.forEach(1); }));

// The constructor: uses this.set, closes the iterator on error.
var closed = 0;
var iterable = {};
iterable[Symbol.iterator] = function () {
  var i = 0;
  return {
    next: function () { i++; return { value: i === 1 ? [1, 2] : 5, done: i > 2 }; },
    return: function () { closed++; return {}; },
  };
};
print(err(function () { new Map(iterable); }), closed);
var calls = [];
var origSet = Map.prototype.set;
Map.prototype.set = function (k, v) { calls.push(k + ":" + v); return origSet.call(this, k, v); };
new Map([["p", 1], ["q", 2]]);
Map.prototype.set = origSet;
print(calls.join());
print(err(function () { Map(); }), err(function () { new Map(5); }), new Map(null).size, new Map(undefined).size);

// Receiver checks.
print(err(function () { Map.prototype.get.call({}, 1); }), err(function () { Map.prototype.set.call(new Set(), 1, 2); }));
print(err(function () { return Map.prototype.size; }));
print(err(function () { new Map().keys().next.call([].values()); }));

// Shapes of the builtins.
var d = Object.getOwnPropertyDescriptor(Map.prototype, "size");
print(typeof d.get, d.set, d.get.name, d.enumerable, d.configurable);
print(Map.prototype[Symbol.iterator] === Map.prototype.entries, Map.length, Map.name);
print(Object.prototype.toString.call(new Map()), Object.prototype.toString.call(new Map().keys()));
var sp = Object.getOwnPropertyDescriptor(Map, Symbol.species);
print(sp.get.name, Map[Symbol.species] === Map);
var mip = Object.getPrototypeOf(new Map().values());
print(Object.getPrototypeOf(mip) === Object.getPrototypeOf(Object.getPrototypeOf([].values())), mip.next.length);
class MyMap extends Map {}
var mm = new MyMap([[1, 2]]);
print(mm instanceof Map, mm instanceof MyMap, mm.get(1), mm.size);
