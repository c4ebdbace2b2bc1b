// The callback methods: every, some, forEach, map, filter, find,
// findIndex, findLast, findLastIndex, reduce, reduceRight, flat, flatMap —
// arguments and thisArg, holes, array-likes, changes made by the
// callback while iterating, and errors.
"use strict";
function show(v) {
  if (Array.isArray(v)) {
    var s = [];
    for (var i = 0; i < v.length; i++) s.push(i in v ? show(v[i]) : "_");
    return "[" + s.join(",") + "]";
  }
  if (typeof v === "string") return '"' + v + '"';
  if (v === 0 && 1 / v < 0) return "-0";
  return String(v);
}
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    return e.constructor.name + " " + (e instanceof TypeError) + " " + (e instanceof RangeError);
  }
}
var P = Array.prototype;
var names = ["every", "some", "forEach", "map", "filter", "find", "findIndex", "findLast", "findLastIndex",
  "reduce", "reduceRight", "flatMap"];

// Non-callable callbacks throw TypeError after reading length, before any element.
var order = [];
var probe = {
  get length() { order.push("length"); return 1; },
  get 0() { order.push("get0"); return 1; },
};
names.forEach(function (n) {
  order = [];
  var r = err(function () { P[n].call(probe, {}); });
  print(n, r, order.join());
});
print(err(function () { [].forEach(); }), err(function () { P.map.call(null, function () {}); }));
print(err(function () { P.some.call(undefined, null); }));

// Arguments and thisArg.
var seen = [];
var thisArg = { tag: "T" };
[10, , 30].forEach(function (v, k, o) { seen.push(v + "@" + k + ":" + this.tag + ":" + Array.isArray(o)); }, thisArg);
print(seen.join(" "));
seen = [];
[1].forEach(function () { seen.push(this === undefined); });
[1].forEach(function () { seen.push(this === 5); }, 5);
print(seen.join());
seen = [];
["a", , "c"].find(function (v, k) { seen.push(k + "=" + v); });
["a", , "c"].findLast(function (v, k) { seen.push(k + "=" + v); });
print(seen.join(" "));
print([1, 2].forEach(function () { return 1; }), [].every(function () { return false; }), [].some(function () { return true; }));

// every / some
var nums = [1, 2, 3, 4];
print(nums.every(function (x) { return x > 0; }), nums.every(function (x) { return x < 3; }), nums.some(function (x) { return x > 3; }), nums.some(function (x) { return x > 4; }));
var visits = 0;
nums.every(function (x) { visits++; return x < 2; });
nums.some(function (x) { visits++; return x === 2; });
print(visits, [, , ,].every(function () { return false; }), [, , ,].some(function () { return true; }));
print(P.every.call({ length: 2, 0: 1, 1: 0 }, function (x) { return x; }), P.some.call("abc", function (c) { return c === "b"; }));

// map / filter
print(show([1, , 3].map(function (x) { return x * 2; })), [1, , 3].map(function (x) { return x; }).length, show([].map(String)));
print(show(["1", "2", "3"].map(Number)), show(P.map.call({ length: 2, 1: "b" }, function (x) { return x + "!"; })));
print(show(P.map.call("ab", function (c, i) { return c + i; })));
print(show([1, 2, 3, 4, , 6].filter(function (x) { return x % 2 === 0; })), show([, ,].filter(function () { return true; })));
print(show(P.filter.call({ length: 3, 0: "a", 2: "c" }, function () { return true; })), show([0, "", null, 1, "x"].filter(Boolean)));

// find / findIndex / findLast / findLastIndex
var f = [5, 12, 8, 130, 44];
print(f.find(function (x) { return x > 10; }), f.findIndex(function (x) { return x > 10; }), f.findLast(function (x) { return x > 10; }), f.findLastIndex(function (x) { return x > 10; }));
print(f.find(function (x) { return x > 1000; }), f.findIndex(function (x) { return x > 1000; }), f.findLast(function () { return false; }), f.findLastIndex(function () { return false; }));
print([, 1].find(function (x) { return x === undefined; }), [, 1].findIndex(function (x) { return x === undefined; }), [1, ,].findLastIndex(function (x) { return x === undefined; }));
print(P.find.call({ length: 2, 1: "y" }, function (x) { return x; }), P.findLastIndex.call("abcb", function (c) { return c === "b"; }), [].findLast(function () { return true; }));

// reduce / reduceRight
print([1, 2, 3].reduce(function (a, b) { return a + b; }), [1, 2, 3].reduce(function (a, b) { return a + b; }, 10), ["a", "b", "c"].reduceRight(function (a, b) { return a + b; }));
print(["a", "b"].reduceRight(function (a, b) { return a + b; }, ">"), [, 5, ,].reduce(function (a, b) { return a + b; }), [, , 7].reduceRight(function (a) { return a; }));
print(err(function () { [].reduce(function () {}); }), err(function () { [, ,].reduce(function () {}); }), err(function () { [].reduceRight(function () {}); }), err(function () { [, ,].reduceRight(function () {}); }));
print([].reduce(function () {}, "init"), [].reduceRight(function () {}, "init2"), [9].reduce(function () { return "never"; }));
var rlog = [];
[1, 2, 3].reduce(function (acc, v, k, o) { rlog.push(acc + "," + v + "," + k + "," + o.length + "," + (this === undefined)); return acc + v; });
[1, 2, 3].reduceRight(function (acc, v, k) { rlog.push(acc + "," + v + "," + k); return acc + v; }, 0);
print(rlog.join(" | "));
print(P.reduce.call({ length: 3, 0: 1, 2: 3 }, function (a, b) { return a * 10 + b; }), P.reduceRight.call("abc", function (a, b) { return a + b; }));
var sparseR = [];
sparseR[3] = "d";
sparseR[100000] = "far";
print(sparseR.reduce(function (a, b) { return a + "+" + b; }), sparseR.reduceRight(function (a, b) { return a + "+" + b; }));
var reduceOrder = [];
P.reduce.call({ get length() { reduceOrder.push("len"); return 0; } }, function () {}, 1);
print(reduceOrder.join(), err(function () { P.reduce.call({ length: 0 }, "notfn", 1); }));

// Changes during iteration: deleted elements are skipped, appended ones not visited.
var arr = [1, 2, 3, 4];
var out = [];
arr.forEach(function (v, k) {
  out.push(v);
  if (k === 0) { arr.push(5); delete arr[2]; }
});
print(out.join(), arr.length);
var grow = [1, 2];
print(show(grow.map(function (v) { grow.push(v); return v * 10; })), show(grow));
var shrink = [1, 2, 3, 4];
print(shrink.filter(function (v) { shrink.length = 2; return true; }).join(), shrink.length);
var mut = [1, 2, 3];
print(mut.findIndex(function (v, k) { if (k === 0) mut[2] = "changed"; return v === "changed"; }));
var red = [1, 2, 3];
print(red.reduce(function (a, b, k) { if (k === 1) red.pop(); return a + b; }));
Object.prototype[1] = "objInherited";
print([0, , 2].map(function (x) { return x; }).join(), [0, , 2].every(function (x) { return x !== undefined; }));
delete Object.prototype[1];

// Exceptions from the callback propagate; the receiver keeps changes made so far.
var partial = [];
print(err(function () { [1, 2, 3].forEach(function (v) { partial.push(v); if (v === 2) throw new RangeError("stop"); }); }), partial.join());

// flat / flatMap
var nested = [1, [2, [3, [4, [5]]]], , 6];
print(show(nested.flat()), show(nested.flat(2)), show(nested.flat(Infinity)), show(nested.flat(0)), show(nested.flat(-1)));
print(show(nested.flat("2")), show(nested.flat(NaN)), show([[1, , 3], , [, 5]].flat()), show([].flat()));
print(show(P.flat.call({ length: 2, 0: [1, 2], 1: "s" })), show([{ length: 1, 0: "not spread" }].flat()));
var spreadableObj = { length: 1, 0: "x" };
spreadableObj[Symbol.isConcatSpreadable] = true;
print(show([spreadableObj].flat()).length > 0, [spreadableObj].flat()[0] === spreadableObj);
var deep = [];
var cur = deep;
for (var i = 0; i < 100; i++) { var next = []; cur.push(i, next); cur = next; }
print(deep.flat(Infinity).length, deep.flat(1).length);
print(show([1, 2, 3].flatMap(function (x) { return [x, x * 2]; })), show([1, 2].flatMap(function (x) { return [[x]]; })));
print(show(["a b", "c"].flatMap(function (s) { return s.split(" "); })), show([1, , 2].flatMap(function (x) { return x; })));
print(show(P.flatMap.call({ length: 2, 0: 1, 1: 2 }, function (x, k, o) { return [x, k, typeof o]; })));
var fmThis = [];
[1].flatMap(function () { fmThis.push(this.t); return []; }, { t: "bound" });
print(fmThis.join(), err(function () { [1].flatMap(); }), err(function () { [1].flatMap(null); }));
var flatOrder = [];
P.flat.call({ get length() { flatOrder.push("len"); return 0; } }, { valueOf: function () { flatOrder.push("depth"); return 1; } });
print(flatOrder.join());
