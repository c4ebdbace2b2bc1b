// Methods that change the receiver: push, pop, shift, unshift, splice,
// fill, copyWithin, reverse — holes, array-likes, frozen and non-writable
// receivers, inherited elements and setters, and lengths near 2^53 - 1.
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
var MAX = 9007199254740991;

// push / pop
var a = [1, 2];
print(a.push(3, 4), show(a), a.push(), a.pop(), a.pop(), show(a), [].pop(), show([, ,].pop()));
var o = { length: 1, 0: "x" };
print(P.push.call(o, "y"), show(o), P.pop.call(o), P.pop.call(o), P.pop.call(o), show(o));
var noLen = {};
print(P.push.call(noLen, 1), show(noLen), P.pop.call({}), show((function () { var x = {}; P.pop.call(x); return x; })()));
var strLen = { length: "2", 0: "a", 1: "b" };
print(P.pop.call(strLen), show(strLen));
print(err(function () { P.push.call({ length: MAX }, 1); }), err(function () { P.push.call({ length: MAX - 1 }, 1, 2); }));
var atMax = { length: MAX };
print(P.push.call(atMax), atMax.length, P.push.call({ length: MAX - 1 }, "z"));
var nearMax = { length: MAX };
print(show(P.pop.call(Object.assign(nearMax, { 9007199254740990: "last" }))), nearMax.length, 9007199254740990 in nearMax);
print(P.push.call({ length: Infinity }), P.push.call({ length: -3 }, 1));
print(err(function () { Object.freeze([1]).push(2); }), err(function () { Object.freeze([1]).pop(); }));
print(err(function () { [].push.call(Object.freeze({ length: 0 })); }));
var nwLen = [1, 2];
Object.defineProperty(nwLen, "length", { writable: false });
print(err(function () { nwLen.push(3); }), show(nwLen), 2 in nwLen, err(function () { nwLen.pop(); }), show(nwLen));
print(err(function () { [].pop.call(Object.freeze({ length: 0 })); }));
var setterLog = [];
Object.defineProperty(P, "2", { set: function (v) { setterLog.push("set2=" + v); }, configurable: true });
var withSetter = [0, 1];
withSetter.push("p");
print(show(withSetter), withSetter.length, setterLog.join());
delete P[2];
var big = [];
big[4294967294] = "top";
print(err(function () { big.push("over"); }), big[4294967295], big.length);
var order = [];
var logged = {
  get length() { order.push("get length"); return 1; },
  set length(v) { order.push("set length " + v); },
  get 0() { order.push("get 0"); return "zero"; },
};
P.pop.call(logged);
print(order.join(", "));

// shift / unshift
var s = [1, 2, 3];
print(s.shift(), show(s), s.unshift(0, 0.5), show(s), s.unshift(), show(s), [].shift(), show([, 2].shift()));
var holes = [, 1, , 3];
print(holes.shift(), show(holes), holes.unshift("a", undefined, "b"), show(holes));
var sl = { length: 3, 0: "a", 2: "c" };
print(P.shift.call(sl), show(sl), P.unshift.call(sl, "z"), show(sl));
print(P.unshift.call({ length: 2 }), P.shift.call({}), show(P.unshift.call({}, 1, 2)));
print(err(function () { P.unshift.call({ length: MAX }, 1); }), P.unshift.call({ length: MAX }));
print(err(function () { Object.freeze([1, 2]).shift(); }), err(function () { Object.freeze([1]).unshift(0); }));
var frozenTail = [1, 2, 3];
Object.defineProperty(frozenTail, 2, { configurable: false });
print(err(function () { frozenTail.shift(); }), show(frozenTail));
P[1] = "proto1";
var inh = [0, , 2];
print(inh.shift(), show(inh), inh.hasOwnProperty(0), inh.length);
delete P[1];
var unshiftNearMax = { length: MAX - 2 };
print(err(function () { P.unshift.call(unshiftNearMax, 1, 2, 3); }), unshiftNearMax.length);
var nearTop = [];
nearTop[4294967293] = "x";
print(nearTop.push("y"), err(function () { nearTop.push("w"); }), nearTop.length, nearTop[4294967295]);

// splice
var sp = [0, 1, 2, 3, 4];
print(show(sp.splice(1, 2)), show(sp), show(sp.splice(1, 0, "a", "b")), show(sp));
print(show(sp.splice(-2)), show(sp), show(sp.splice()), show(sp), show(sp.splice(undefined)), show(sp));
sp = [0, 1, 2, 3];
print(show(sp.splice(1, 1, "x", "y", "z")), show(sp), show(sp.splice(2, Infinity)), show(sp));
sp = [0, 1, 2];
print(show(sp.splice(-Infinity, -1, "n")), show(sp), show(sp.splice(10, 1, "end")), show(sp), show(sp.splice(1, "1")));
var hs = [0, , 2, , 4];
print(show(hs.splice(1, 2)), show(hs), show(hs.splice(0, 0, undefined, "q")), show(hs));
var spl = { length: 4, 0: "a", 1: "b", 3: "d" };
var removed = P.splice.call(spl, 1, 2, "X");
print(Array.isArray(removed), show(removed), show(spl));
print(err(function () { P.splice.call({ length: MAX }, 0, 0, 1); }), show(P.splice.call({ length: MAX }, MAX - 1, 1, "k")));
print(err(function () { Object.freeze([1, 2]).splice(0, 1); }), err(function () { Object.freeze([]).splice(0, 0); }));
var spLog = [];
var spObj = {
  get length() { spLog.push("length"); return 2; },
  set length(v) { spLog.push("setlen=" + v); },
  get 0() { spLog.push("get0"); return "a"; },
  get 1() { spLog.push("get1"); return "b"; },
  set 0(v) { spLog.push("set0=" + v); },
  set 1(v) { spLog.push("set1=" + v); },
};
P.splice.call(spObj, { valueOf: function () { spLog.push("start"); return 0; } }, { valueOf: function () { spLog.push("dc"); return 1; } });
print(spLog.join());
var grown = [1, 2, 3];
Object.preventExtensions(grown);
print(err(function () { grown.splice(1, 0, "x"); }), show(grown), show(grown.splice(0, 1)), show(grown));

// fill
print(show([1, 2, 3].fill(0)), show([1, 2, 3].fill(0, 1)), show([1, 2, 3].fill(0, -1)), show([1, 2, 3].fill(0, 1, 2)));
print(show([1, 2, 3].fill(0, -10, -1)), show([1, 2, 3].fill(0, NaN, NaN)), show([1, 2, 3].fill(0, 5)), show(new Array(3).fill()));
print(show(P.fill.call({ length: 2 }, "f")), show(P.fill.call({ length: 3, 0: 1 }, "g", 1, 2)), show([, ,].fill(1, 1)));
print(err(function () { Object.freeze([1]).fill(2); }), show(Object.freeze([]).fill(2)), err(function () { P.fill.call(null); }));
var fillOrder = [];
P.fill.call({ get length() { fillOrder.push("len"); return 1; } }, 0,
  { valueOf: function () { fillOrder.push("start"); return 0; } },
  { valueOf: function () { fillOrder.push("end"); return 1; } });
print(fillOrder.join());

// copyWithin
print(show([1, 2, 3, 4, 5].copyWithin(0, 3)), show([1, 2, 3, 4, 5].copyWithin(1, 3, 4)), show([1, 2, 3, 4, 5].copyWithin(2, 0)));
print(show([1, 2, 3, 4, 5].copyWithin(-2, -3, -1)), show([1, 2, 3, 4, 5].copyWithin(0, 1, -1)), show([1, 2, 3].copyWithin(5, 0)));
print(show([1, , 3, , 5].copyWithin(0, 1)), show([1, , 3, , 5].copyWithin(1, 0)), show([1, 2, 3].copyWithin(0, 0)));
print(show(P.copyWithin.call({ length: 5, 3: "d", 4: "e" }, 0, 3)), show(P.copyWithin.call({ length: 3, 0: "a" }, 1)));
print(err(function () { Object.freeze([1, 2]).copyWithin(0, 1); }), show(Object.freeze([1, 2]).copyWithin(0, 2)));
var cwLog = [];
P.copyWithin.call({ get length() { cwLog.push("len"); return 0; } },
  { valueOf: function () { cwLog.push("target"); return 0; } },
  { valueOf: function () { cwLog.push("start"); return 0; } },
  { valueOf: function () { cwLog.push("end"); return 0; } });
print(cwLog.join());
var cwBig = { length: MAX };
cwBig[MAX - 1] = "last";
P.copyWithin.call(cwBig, MAX - 2, MAX - 1);
print(cwBig[MAX - 2], cwBig[MAX - 1]);

// reverse
print(show([1, 2, 3].reverse()), show([1, 2, 3, 4].reverse()), show([].reverse()), show([1].reverse()));
print(show([1, , 3, , ].reverse()), show([, 2].reverse()), show([, , 3].reverse()));
var ro = { length: 3, 0: "a", 2: "c" };
var ro2 = { length: 4, 0: "a", 3: "d", 1: "b" };
print(P.reverse.call(ro) === ro, show(ro), show(P.reverse.call(ro2)));
print(err(function () { Object.freeze([1, 2]).reverse(); }), show(Object.freeze([1]).reverse()));
P[0] = "P0";
var rp = [, "b"];
rp.reverse();
print(rp.hasOwnProperty(0), rp.hasOwnProperty(1), rp[0], rp[1]);
delete P[0];
var sparseRev = [];
sparseRev[5] = "x";
sparseRev.length = 1000000;
sparseRev.reverse();
print(sparseRev[999994], 5 in sparseRev, sparseRev.length);
var rvLog = [];
var rvObj = {
  length: 2,
  get 0() { rvLog.push("get0"); return "a"; },
  get 1() { rvLog.push("get1"); return "b"; },
  set 0(v) { rvLog.push("set0=" + v); },
  set 1(v) { rvLog.push("set1=" + v); },
};
P.reverse.call(rvObj);
print(rvLog.join());
print(P.reverse.call("").length, err(function () { P.reverse.call("ab"); }));
