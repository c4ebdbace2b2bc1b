// Reading and searching: at, includes, indexOf, lastIndexOf, join,
// toString, toLocaleString, keys / values / entries — on arrays, holes,
// array-likes and primitives, with the spec's conversion order.
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

// at
var a = [1, 2, 3];
print(a.at(0), a.at(-1), a.at(3), a.at(-4), a.at(1.7), a.at("2"), a.at(), a.at(NaN), a.at(-Infinity));
print(P.at.call({ length: 2, 0: "x", 1: "y" }, -1), P.at.call("abc", 1), [, 1].at(0));
print(err(function () { P.at.call(null, 0); }), err(function () { P.at.call(undefined); }));

// includes: SameValueZero, holes read as undefined.
var b = [1, NaN, -0, "s", , undefined];
print(b.includes(NaN), b.includes(0), b.includes(+0), b.includes("s"), b.includes(undefined), b.includes(null));
print([, ,].includes(undefined), [].includes(undefined), [1, 2, 3].includes(1, 1), [1, 2, 3].includes(3, -1));
print([1, 2, 3].includes(1, -100), [1, 2, 3].includes(3, 3), [1, 2, 3].includes(1, Infinity), [1].includes(1, -Infinity));
print(P.includes.call({ length: 3, 2: "z" }, "z"), P.includes.call("abc", "b"), P.includes.call({ length: 3 }, undefined));
var fromIndexRead = false;
print(P.includes.call({ length: 0 }, 1, { valueOf: function () { fromIndexRead = true; return 0; } }), fromIndexRead);
var sparse = [];
sparse[1e6] = "far";
print(sparse.includes("far"), sparse.includes(undefined), sparse.indexOf("far"), sparse.lastIndexOf("far"));

// indexOf: strict equality, holes skipped.
var c = [1, NaN, 0, "1", , undefined, 1];
print(c.indexOf(1), c.indexOf(NaN), c.indexOf(-0), c.indexOf("1"), c.indexOf(undefined), c.indexOf(1, 1), c.indexOf(1, -1));
print(c.indexOf(1, -100), c.indexOf(1, 100), c.indexOf(1, Infinity), c.indexOf(1, -Infinity), [].indexOf(1));
print(P.indexOf.call({ length: 2, 0: "a", 1: "b" }, "b"), P.indexOf.call("hello", "l"), P.indexOf.call(5, 5));
var log = [];
var like = {
  get length() { log.push("len"); return 3; },
  get 0() { log.push("get0"); return "a"; },
  get 2() { log.push("get2"); return "c"; },
};
print(P.indexOf.call(like, "c", { valueOf: function () { log.push("from"); return 0; } }), log.join());
// Array.prototype elements fill holes.
P[1] = "inherited";
print([0, , 2].indexOf("inherited"), [0, , 2].includes("inherited"), [0, , 2].lastIndexOf("inherited"), [0, , 2].join());
delete P[1];
Object.prototype[3] = "objproto";
print([, , , ,].indexOf("objproto"), [0, , 2, ,].join("-"));
delete Object.prototype[3];

// lastIndexOf
var d = [1, 2, 1, , 2];
print(d.lastIndexOf(1), d.lastIndexOf(2), d.lastIndexOf(2, 3), d.lastIndexOf(2, -1), d.lastIndexOf(2, -2), d.lastIndexOf(1, -5));
print(d.lastIndexOf(1, -6), d.lastIndexOf(1, 100), d.lastIndexOf(1, -Infinity), d.lastIndexOf(1, Infinity), d.lastIndexOf(undefined));
print(d.lastIndexOf(2, undefined), d.lastIndexOf(1, undefined), [NaN].lastIndexOf(NaN), [].lastIndexOf(undefined));
print(P.lastIndexOf.call({ length: 3, 0: 5, 2: 5 }, 5), P.lastIndexOf.call("abca", "a"));
var big = { length: 9007199254740991 };
big[9007199254740990] = "end";
big[5] = "five";
print(P.lastIndexOf.call(big, "end"), P.indexOf.call(big, "five"), P.includes.call(big, "five"));
print(P.indexOf.call(big, "end", 9007199254740900), P.at.call(big, -1));

// join and toString
print([1, 2, 3].join(), [1, 2, 3].join(""), [1, 2, 3].join(undefined), [1, 2, 3].join(null), [1, [2, [3]]].join(";"));
print([null, undefined, , 0, false, ""].join("|"), [].join(), [,].join(), new Array(4).join("ab"));
print(P.join.call({ length: 2, 0: "x" }, "+"), P.join.call("abc", "-"), P.join.call({ length: -5 }), P.join.call(3));
var cyclic = [1, 2];
cyclic.push(cyclic);
print(cyclic.join(), String(cyclic), [[cyclic]].join("/"));
var order = [];
var sepObj = { toString: function () { order.push("sep"); return "~"; } };
var joinLike = {
  get length() { order.push("len"); return 2; },
  0: { toString: function () { order.push("e0"); return "A"; } },
  1: { toString: function () { order.push("e1"); return "B"; } },
};
print(P.join.call(joinLike, sepObj), order.join());
print(err(function () { [Symbol()].join(); }), err(function () { P.join.call(null); }));
print(String([1, [2, 3]]), [1, 2].toString(), P.toString.call({ join: function () { return "J"; } }));
print(P.toString.call({}), P.toString.call({ join: 1 }), P.toString.call(Object.assign([], { join: null })));
print(P.toString.call(5), String(new Array(3)));
print(err(function () { P.join.call({ length: 1, 0: { toString: function () { throw new RangeError("x"); } } }); }));

// toLocaleString: each element's toLocaleString, nullish as "".
var tl = [
  { toLocaleString: function () { return "one"; } },
  null,
  undefined,
  { toLocaleString: function () { return 2; } },
];
print(tl.toLocaleString(), [].toLocaleString(), [, ,].toLocaleString());
print(err(function () { [{ toLocaleString: 1 }].toLocaleString(); }));
print(err(function () { [{ toLocaleString: function () { return {}; } }].toLocaleString(); }));
var rcv = [];
var probe = {
  toLocaleString: function () {
    rcv.push(this === probe, arguments.length);
    return "p";
  },
};
print([probe].toLocaleString("en", { style: "x" }), rcv.join());
var cyc2 = [{ toLocaleString: function () { return "x"; } }];
cyc2.push(cyc2);
print(cyc2.toLocaleString());

// keys, values, entries
function drain(it) {
  var out = [];
  for (var r = it.next(); !r.done; r = it.next()) out.push(show(r.value));
  return out.join(" ");
}
print(drain([5, , 7].keys()), "|", drain([5, , 7].values()), "|", drain([5, , 7].entries()));
print(drain(P.values.call({ length: 2, 0: "a", 1: "b" })), drain(P.keys.call("xy")), drain(P.entries.call(3)));
var it = [1].values();
print(Object.getPrototypeOf(it) === Object.getPrototypeOf([].keys()), it[Symbol.iterator]() === it);
print(Object.prototype.toString.call(it), it.next().value, it.next().done, it.next().done);
var growing = [1, 2];
var seen = [];
for (var x of growing) {
  seen.push(x);
  if (growing.length < 4) growing.push(x + 10);
}
print(seen.join());
var shrink = [1, 2, 3];
var sit = shrink.values();
sit.next();
shrink.length = 0;
print(sit.next().done, (shrink.push(9), sit.next().done));
var nextFn = Object.getPrototypeOf(it).next;
print(nextFn.name, nextFn.length, err(function () { nextFn.call({}); }), err(function () { nextFn.call(1); }));
print(err(function () { P.values.call(undefined); }), err(function () { P.keys.call(null); }));
var r1 = [7].entries().next();
print(Object.keys(r1).join(), show(r1.value), Array.isArray(r1.value));
