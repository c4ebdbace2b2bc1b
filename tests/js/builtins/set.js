// Set (ES2015+): SameValueZero values, insertion order, live iteration
// (additions seen, deletions skipped, clear), forEach's (value, value,
// set) arguments, keys === values === @@iterator, the constructor's use
// of this.add and iterator closing. (The ES2025 set methods are in
// set-methods.js: node 20, which made set.out, lacks them.)
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    return e.constructor.name;
  }
}

var s = new Set([1, 2, 2, "2", -0, 0, NaN, NaN]);
print(s.size, [...s].map(String).join(), Object.is([...s][3], -0));
print(s.add(3) === s, s.has(3), s.has(+0), s.has(NaN), s.delete(2), s.delete(2), s.size);
var o = {};
s.add(o).add(o);
print(s.has(o), s.has({}), s.size);
print(Set.prototype.keys === Set.prototype.values, Set.prototype[Symbol.iterator] === Set.prototype.values);
print(JSON.stringify([...new Set(["a", "b"]).entries()]));

var live = new Set([1, 2, 3]);
var seen = [];
for (var v of live) {
  seen.push(v);
  if (v === 1) { live.delete(2); live.add(4); }
  if (v === 3) { live.delete(1); live.add(1); }
}
print(seen.join());

var many = new Set();
for (var i = 0; i < 100; i++) many.add("k" + i);
var got = [];
many.forEach(function (v, v2, set) {
  if (v !== v2 || set !== many) got.push("bad");
  got.push(v);
  if (v === "k0") for (var j = 1; j < 98; j++) many.delete("k" + j);
});
print(got.join());

var c = new Set([1, 2, 3]);
var ci = c.values();
ci.next();
c.clear();
print(c.size, JSON.stringify(ci.next()));
c.add(7);
var ci2 = c.values();
c.clear();
c.add(8);
print(JSON.stringify(ci2.next()), JSON.stringify(ci2.next()));

var adds = [];
var origAdd = Set.prototype.add;
Set.prototype.add = function (v) { adds.push(v); return origAdd.call(this, v); };
new Set("abc");
Set.prototype.add = origAdd;
print(adds.join());
var closed = 0;
var iterable = {};
iterable[Symbol.iterator] = function () {
  return { next: function () { return { value: 1, done: false }; }, return: function () { closed++; return {}; } };
};
Set.prototype.add = function () { throw new RangeError("no"); };
print(err(function () { new Set(iterable); }), closed);
Set.prototype.add = origAdd;
print(err(function () { Set(); }), err(function () { new Set(1); }), err(function () { Set.prototype.has.call(new Map(), 1); }));
print(err(function () { new Set().values().next.call(new Map().values()); }));
print(Object.prototype.toString.call(new Set()), Object.prototype.toString.call(new Set().values()), Set.length, Set.name);
print(Set[Symbol.species] === Set, Object.getOwnPropertyDescriptor(Set.prototype, "size").get.name);
class MySet extends Set {
  add(v) { return super.add(v * 2); }
}
print([...new MySet([1, 2])].join());
