// Object.keys / values / entries / getOwnPropertyNames /
// getOwnPropertySymbols / assign / fromEntries / hasOwn / is: key order,
// enumerability, getters observed in order, ToObject of primitives.
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    return (e instanceof TypeError) + " " + e.constructor.name;
  }
}
function pairs(a) {
  return a.map(function (e) { return "[" + String(e[0]) + ":" + String(e[1]) + "]"; }).join("");
}

// Key order: integer indices ascending, then strings, then symbols, each
// in creation order.
var s1 = Symbol("one"), s2 = Symbol("two");
var o = { b: 1, 2: "two", a: 2 };
o[s2] = "S2";
o[1] = "one";
o[s1] = "S1";
o["-1"] = "neg";
o["01"] = "lead";
o[4294967295] = "big";
o[4294967294] = "maxidx";
print(Object.keys(o).join());
print(Object.values(o).join());
print(pairs(Object.entries(o)));
print(Object.getOwnPropertyNames(o).join());
print(Object.getOwnPropertySymbols(o).map(String).join());
// Deleting and re-adding moves a key to the end.
var re = { x: 1, y: 2, z: 3 };
delete re.x;
re.x = 4;
print(Object.keys(re).join(), Object.values(re).join());

// Non-enumerable and inherited properties are skipped by keys/values/entries.
var p = Object.create({ inherited: 1 });
p.own = 2;
Object.defineProperty(p, "hidden", { value: 3, enumerable: false });
print(Object.keys(p).join(), Object.values(p).join(), Object.getOwnPropertyNames(p).join());

// Primitives: ToObject; null and undefined throw.
print(Object.keys("abc").join(), Object.values("abc").join(), pairs(Object.entries("ab")));
print(Object.getOwnPropertyNames("ab").join());
print(Object.keys(5).length, Object.keys(true).length, Object.getOwnPropertySymbols(Symbol()).length);
print(err(function () { Object.keys(null); }), err(function () { Object.values(undefined); }));
print(err(function () { Object.entries(); }), err(function () { Object.getOwnPropertyNames(null); }));
print(err(function () { Object.getOwnPropertySymbols(undefined); }));

// Arrays and functions.
var arr = ["x", , "z"];
arr.extra = true;
print(Object.keys(arr).join(), Object.getOwnPropertyNames(arr).join());
print(Object.getOwnPropertyNames((a) => {}).sort().join());

// values/entries call getters in key order, and a getter deleting a later
// property skips it; a getter making one non-enumerable does too.
var log = [];
var g = {
  get a() { log.push("a"); delete this.c; return 1; },
  get b() { log.push("b"); Object.defineProperty(this, "d", { enumerable: false }); return 2; },
  c: 3,
  d: 4,
  e: 5,
};
print(Object.values(g).join(), log.join());
// Result arrays are fresh, ordinary arrays.
var ks = Object.keys({ q: 1 });
print(Array.isArray(ks), ks.length, Array.isArray(Object.entries({ q: 1 })[0]));

// assign.
var target = { a: 1 };
var ret = Object.assign(target, { b: 2 }, null, undefined, { a: 3, c: 4 });
print(ret === target, Object.keys(target).join(), Object.values(target).join());
print(Object.assign.length);
var assigned = Object.assign({}, "ab", 5, true, [9]);
print(Object.keys(assigned).join(), Object.values(assigned).join());
var sa = Object.assign({}, { [s1]: "sym" });
print(sa[s1]);
// Getters of sources run, setters of the target run, in order.
var trace = [];
var source = { get x() { trace.push("get x"); return 1; }, get y() { trace.push("get y"); return 2; } };
var tgt = { set x(v) { trace.push("set x " + v); } };
Object.assign(tgt, source);
print(trace.join(), tgt.y);
// Non-enumerable and inherited source properties are skipped.
var src2 = Object.create({ inh: 1 });
Object.defineProperty(src2, "ne", { value: 2 });
src2.en = 3;
print(Object.keys(Object.assign({}, src2)).join());
// ToObject(target) first; a primitive target is wrapped.
var wrapped = Object.assign(1, { k: 1 });
print(typeof wrapped, wrapped instanceof Number, wrapped.k);
print(err(function () { Object.assign(null, {}); }), err(function () { Object.assign(undefined); }));
// Failing [[Set]] throws (even from sloppy code), stopping the copy.
var frozenT = Object.freeze({ a: 1 });
print(err(function () { Object.assign(frozenT, { a: 2 }); }));
var roT = {};
Object.defineProperty(roT, "r", { value: 1, writable: false });
var after = {};
print(err(function () { Object.assign(roT, { r: 2, later: 1 }); }), "later" in roT);
print(err(function () { Object.assign({ get g() { return 1; } }, { g: 2 }); }));
print(err(function () { Object.assign(Object.preventExtensions({}), { n: 1 }); }));
print(err(function () { Object.assign("str", { 0: "x" }); }));

// fromEntries.
var fe = Object.fromEntries([["a", 1], ["b", 2], ["a", 3]]);
print(Object.keys(fe).join(), Object.values(fe).join(), Object.getPrototypeOf(fe) === Object.prototype);
var fe2 = Object.fromEntries([[s1, "sym"], [1, "one"], [{ toString: function () { return "obj"; } }, "o"]]);
print(fe2[s1], fe2[1], fe2.obj, Object.keys(fe2).join());
print(Object.keys(Object.fromEntries([])).length);
print(err(function () { Object.fromEntries(["xy"]); }));
var fromIter = {
  [Symbol.iterator]: function () {
    var i = 0;
    return { next: function () { i++; return i > 2 ? { done: true } : { value: ["k" + i, i], done: false }; } };
  },
};
print(Object.keys(Object.fromEntries(fromIter)).join());
print(err(function () { Object.fromEntries(); }), err(function () { Object.fromEntries(null); }));
print(err(function () { Object.fromEntries(1); }), err(function () { Object.fromEntries({}); }));
print(err(function () { Object.fromEntries([1]); }));
// An entry that is not an object closes the iterator; so does a throwing
// key conversion. Errors from next() do not.
function closing(values) {
  var closed = 0;
  var it = {
    [Symbol.iterator]: function () {
      var i = 0;
      return {
        next: function () { return i < values.length ? { value: values[i++], done: false } : { done: true }; },
        return: function () { closed++; return {}; },
      };
    },
  };
  var r = err(function () { Object.fromEntries(it); });
  return r + " closed=" + closed;
}
print(closing([["a", 1], 5]));
print(closing([[{ toString: function () { throw new RangeError("k"); } }, 1]]));
print(closing([{ get 0() { throw new SyntaxError("g"); } }]));
print(closing([["a", 1]]));
// (node 20 closes here too, against the spec: IteratorStepValue's throw
// completion returns without IteratorClose.)
var nextThrows = {
  [Symbol.iterator]: function () {
    return { next: function () { throw new EvalError("n"); }, return: function () { print("closed!"); return {}; } };
  },
};
print(err(function () { Object.fromEntries(nextThrows); }));
// Reads "0" then "1", then converts the key.
var entryLog = [];
var entry = {
  get 0() { entryLog.push("get 0"); return { toString: function () { entryLog.push("key"); return "k"; } }; },
  get 1() { entryLog.push("get 1"); return "v"; },
};
Object.fromEntries([entry]);
print(entryLog.join());

// hasOwn.
print(Object.hasOwn({ a: 1 }, "a"), Object.hasOwn({ a: 1 }, "b"), Object.hasOwn(Object.create({ a: 1 }), "a"));
print(Object.hasOwn("abc", 1), Object.hasOwn("abc", "length"), Object.hasOwn([1], 0), Object.hasOwn([1], "1"));
print(Object.hasOwn({ [s1]: 1 }, s1), Object.hasOwn({ undefined: 1 }));
print(err(function () { Object.hasOwn(null, "a"); }), err(function () { Object.hasOwn(undefined, "a"); }));
// ToObject happens before ToPropertyKey.
var hoLog = [];
print(err(function () { Object.hasOwn(null, { toString: function () { hoLog.push("key"); return "a"; } }); }), hoLog.length);

// is.
print(Object.is(1, 1), Object.is(NaN, NaN), Object.is(0, -0), Object.is(-0, -0), Object.is(0, 0));
print(Object.is("a", "a"), Object.is("a" + "b", "ab"), Object.is({}, {}), Object.is(null, undefined));
print(Object.is(), Object.is(undefined), Object.is(s1, s1), Object.is(1, "1"), Object.is(0 / 0, NaN));
print(Object.is(1.5, 1.5), Object.is(2 ** 31, 2 ** 31), Object.is(-Infinity, -Infinity));

// getPrototypeOf.
print(Object.getPrototypeOf(1) === Number.prototype, Object.getPrototypeOf("") === String.prototype);
print(Object.getPrototypeOf(true) === Boolean.prototype, Object.getPrototypeOf(s1) === Symbol.prototype);
print(Object.getPrototypeOf([]) === Array.prototype, Object.getPrototypeOf(Object.create(null)));
print(err(function () { Object.getPrototypeOf(null); }), err(function () { Object.getPrototypeOf(); }));
