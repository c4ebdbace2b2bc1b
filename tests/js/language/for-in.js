// for-in: own and inherited enumerable keys, deletion during iteration,
// null/undefined subjects, every kind of head.
var proto = { inherited: 1 };
var o = Object.create(proto);
o.b = 2; o.a = 1; o[2] = "two"; o[1] = "one";
var keys = [];
for (var k in o) keys.push(k);
print(keys.join());
for (var k2 in null) print("never");
for (var k3 in undefined) print("never");
var seen = [];
var d = { x: 1, y: 2, z: 3 };
for (var key in d) { seen.push(key); delete d.z; }
print(seen.join());
var target = {};
for (target.last in { p: 1, q: 2 });
print(target.last);
var fns = [];
for (let lk in { u: 1, v: 2 }) fns.push(() => lk);
print(fns.map(f => f()).join());
for (const [first] in { ab: 1 }) print(first);
var arrKeys = [];
for (var idx in ["a", "b"]) arrKeys.push(typeof idx + idx);
print(arrKeys.join());
var strKeys = [];
for (var s in "hi") strKeys.push(s);
print(strKeys.join());
outer: for (var i in { a: 1, b: 2 }) { for (var j in { c: 1 }) { if (i === "a") continue outer; print(i, j); } }
