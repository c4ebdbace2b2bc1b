// sort and toSorted: the default string order, comparators, stability,
// undefined last and holes removed, array-likes, comparator errors and
// a comparator that changes the array.
function show(v) {
  if (Array.isArray(v)) {
    var s = [];
    for (var i = 0; i < v.length; i++) s.push(i in v ? show(v[i]) : "_");
    return "[" + s.join(",") + "]";
  }
  if (typeof v === "string") return '"' + v + '"';
  if (v === 0 && 1 / v < 0) return "-0";
  if (v !== null && typeof v === "object") {
    var keys = Object.keys(v);
    return "{" + keys.map(function (k) { return k + ":" + show(v[k]); }).join(",") + "}";
  }
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
function num(a, b) { return a - b; }

// Default order: by ToString, code unit order.
print(show([3, 1, 10, 2, 21].sort()), show(["b", "a", "C", "B", "ä", "aa", ""].sort()), show([true, false, null, NaN, 0, -1].sort()));
print(show(["\uD83D\uDE00", "\uFFFF", "z"].sort()), show([-0, 0, -0].sort().map(function (x) { return 1 / x; })));
print(show([5, 1, 4].sort(num)), show([5, 1, 4].sort(function (a, b) { return b - a; })), show([1, 2, 3].sort(function () { return 0; })));
var same = [1, 2];
print(same.sort() === same, [].sort().length, show([1].sort(function () { throw new Error("never"); })));

// undefined last, holes removed (and deleted at the end).
var h = [3, undefined, , 1, , undefined, 2];
print(show(h.sort()), h.length, 5 in h, 6 in h);
var h2 = [, "b", undefined, "a"];
var calls = 0;
print(show(h2.sort(function (a, b) { calls++; if (a === undefined || b === undefined) throw new Error("undef"); return a < b ? -1 : 1; })), calls);
print(show([undefined, undefined].sort()), show([, , 1].sort()), show(new Array(3).sort()));

// Stability.
var people = [];
var names = ["ann", "bob", "cid", "dan", "eve", "fay", "gus", "hal", "ivy", "jon", "kim", "lou", "max", "ned", "oda", "pam", "quo", "ray", "sue", "tim"];
for (var i = 0; i < names.length; i++) people.push({ name: names[i], age: 20 + (i * 7) % 4 });
people.sort(function (a, b) { return a.age - b.age; });
print(people.map(function (p) { return p.age + p.name; }).join(" "));
var big = [];
for (var i = 0; i < 500; i++) big.push({ k: (i * 37) % 10, i: i });
big.sort(function (a, b) { return a.k - b.k; });
var stable = true;
for (var i = 1; i < big.length; i++) {
  if (big[i - 1].k > big[i].k || (big[i - 1].k === big[i].k && big[i - 1].i > big[i].i)) stable = false;
}
print(stable, big[0].k, big[499].k);
var nums = [];
for (var i = 0; i < 1000; i++) nums.push((i * 7919) % 1009);
nums.sort(num);
var sorted = true;
for (var i = 1; i < nums.length; i++) if (nums[i - 1] > nums[i]) sorted = false;
print(sorted, nums[0], nums[999]);

// Comparator results: ToNumber, NaN as 0, non-integer values.
print(show([3, 1, 2].sort(function (a, b) { return { valueOf: function () { return a - b; } }; })));
print(show([3, 1, 2].sort(function (a, b) { return String(a - b); })), show([3, 1, 2].sort(function () { return NaN; })));
print(show([2, 1].sort(function (a, b) { return (a - b) / 10; })), show([1, 2, 3].sort(function (a, b) { return a > b; })));
print(show(["b", "a"].sort(undefined)));

// Comparator errors.
print(err(function () { [1, 2].sort(null); }), err(function () { [1, 2].sort(1); }), err(function () { [1, 2].sort({}); }));
var touched = false;
var getterObj = { get length() { touched = true; return 0; } };
print(err(function () { P.sort.call(getterObj, "x"); }), touched, err(function () { P.sort.call(null); }));
print(err(function () { P.sort.call(undefined, function () {}); }), err(function () { [].toSorted(5); }), err(function () { P.toSorted.call(null); }));
var keep = [3, 2, 1];
print(err(function () { keep.sort(function () { throw new RangeError("cmp"); }); }), show(keep));
print(err(function () { [Symbol(), Symbol()].sort(); }), [Symbol("only")].sort().length);
var order = [];
var objs = [{ toString: function () { order.push("x"); return "x"; } }, { toString: function () { order.push("y"); return "y"; } }];
print(show(objs.sort().map(String)), order.length > 0);
print(err(function () { [{ toString: function () { throw new RangeError("ts"); } }, 1].sort(); }));

// A comparator that changes the array: the sort works on a copy, then writes back.
var live = [3, 1, 2];
live.sort(function (a, b) { live.length = 0; return a - b; });
print(show(live));
var live2 = [3, 1, 2];
live2.sort(function (a, b) { live2[5] = "added"; return a - b; });
print(show(live2), live2.length);

// Array-likes and primitives.
var like = { length: 4, 0: "d", 1: "a", 3: "c", 9: "ignored" };
P.sort.call(like);
print(show(like));
var likeU = { length: 3, 0: undefined, 2: "x" };
P.sort.call(likeU);
print(show(likeU), 2 in likeU);
print(show(P.sort.call({ length: 0, 0: "b" })), typeof P.sort.call(1), err(function () { P.sort.call("ba"); }));
P[1] = "inherited";
var inh = [, "b", "a"];
inh.sort();
print(show(inh), inh.hasOwnProperty(2));
delete P[1];
var frozen = Object.freeze([2, 1]);
print(err(function () { frozen.sort(); }), show(frozen), show(Object.freeze([1, 2]).toSorted()));
print(err(function () { Object.freeze([1, 2]).sort(); }), show(Object.freeze([]).sort()));
var nc = [2, 1, , ];
Object.defineProperty(nc, 3, { value: "z", configurable: false, writable: true, enumerable: true });
delete nc[2];
print(err(function () { nc.sort(); }), show(nc));
var ncHole = [2, , 1];
Object.defineProperty(ncHole, 5, { value: 0, configurable: false, writable: true });
ncHole.length = 7;
print(err(function () { ncHole.sort(); }));
var accessorLog = [];
var acc = { length: 2 };
Object.defineProperty(acc, 0, { get: function () { accessorLog.push("get0"); return "b"; }, set: function (v) { accessorLog.push("set0=" + v); } });
Object.defineProperty(acc, 1, { get: function () { accessorLog.push("get1"); return "a"; }, set: function (v) { accessorLog.push("set1=" + v); } });
P.sort.call(acc);
print(accessorLog.join());
var sparse = [];
sparse[1000000] = 2;
sparse[5] = 1;
sparse.sort();
print(sparse[0], sparse[1], 2 in sparse, 1000000 in sparse, sparse.length);

// toSorted: a new array, holes as undefined, the original untouched.
var orig = [3, , 1, undefined, 2];
var ts = orig.toSorted();
print(show(ts), show(orig), ts.length, 4 in ts, ts !== orig);
print(show([10, 9, 1].toSorted()), show([10, 9, 1].toSorted(num)), show(P.toSorted.call({ length: 3, 0: "c", 2: "a" })));
print(show(P.toSorted.call("cba")), show([].toSorted()), err(function () { P.toSorted.call({ length: 4294967296 }); }));
class Sub extends Array {}
print(Sub.from([2, 1]).toSorted() instanceof Sub, Array.isArray(Sub.from([2, 1]).toSorted()));
var tsKeep = [2, 1];
print(err(function () { tsKeep.toSorted(function () { throw new SyntaxError("x"); }); }), show(tsKeep));
