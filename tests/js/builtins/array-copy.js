// Methods that build a new array: concat (IsConcatSpreadable), slice,
// toReversed, toSpliced, with — and ArraySpeciesCreate as concat, slice,
// splice, map, filter, flat and flatMap use it.
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

// concat
print(show([1, 2].concat([3, 4], 5, [[6]])), show([].concat()), show([1, , 3].concat([, 5])), [1, , 3].concat([, 5]).length);
print(show(P.concat.call(1, 2)), show(P.concat.call("ab", "cd")), show(P.concat.call({ length: 1, 0: "x" }, [1])));
var spreadable = { length: 2, 0: "a", 1: "b" };
spreadable[Symbol.isConcatSpreadable] = true;
print(show([0].concat(spreadable)), show(P.concat.call(spreadable, 1)));
var notSpread = [1, 2];
notSpread[Symbol.isConcatSpreadable] = false;
print([0].concat(notSpread)[1] === notSpread, [0].concat(notSpread).length);
var truthy = { length: "2", 1: "y" };
truthy[Symbol.isConcatSpreadable] = "yes";
print(show([].concat(truthy)));
var fn = function () {};
fn[Symbol.isConcatSpreadable] = true;
print([].concat(fn).length);
var str = new String("hi");
str[Symbol.isConcatSpreadable] = true;
print(show([].concat(str)));
var holey = [];
holey[3] = "d";
holey.length = 6;
var cc = [0].concat(holey, ["end"]);
print(show(cc), cc.length, 2 in cc);
print(err(function () { [1].concat({ length: MAX, [Symbol.isConcatSpreadable]: true }); }));
var huge = new Array(4294967295);
huge[4294967294] = "last";
var hugeCat = err(function () { [].concat(huge, [1]); });
print(hugeCat, [].concat(huge).length, [].concat(new Array(4294967295)).length);
var getterLog = [];
var gl = { length: 2, get 0() { getterLog.push("g0"); return "A"; } };
Object.defineProperty(gl, Symbol.isConcatSpreadable, { get: function () { getterLog.push("spread?"); return true; } });
print(show([].concat(gl)), getterLog.join());
print(err(function () { P.concat.call(null); }));
P[1] = "inh";
print(show([0, , 2].concat()), [0, , 2].concat().hasOwnProperty(1));
delete P[1];

// slice
var sl = [0, 1, 2, 3, 4];
print(show(sl.slice()), show(sl.slice(2)), show(sl.slice(-2)), show(sl.slice(1, 3)), show(sl.slice(1, -1)), show(sl.slice(3, 1)));
print(show(sl.slice(-100, 100)), show(sl.slice(NaN, "2")), show(sl.slice(1, undefined)), show(sl.slice(Infinity)), show(sl.slice(0, -Infinity)));
print(show([0, , 2, , ].slice(1)), [0, , 2, , ].slice(1).length, show(P.slice.call({ length: 3, 0: "a", 2: "c" }, 1)));
print(show(P.slice.call("abc", 1)), show(P.slice.call(5)), show(P.slice.call({ length: MAX, 9007199254740990: "e" }, MAX - 1)));
print(err(function () { P.slice.call({ length: 4294967296 }); }), err(function () { P.slice.call(null); }));
var slHole = new Array(5);
slHole[4] = "x";
var sls = slHole.slice(2);
print(show(sls), sls.length);
var bigSlice = [];
bigSlice[4294967294] = "top";
print(show(bigSlice.slice(4294967290)), bigSlice.slice(4294967290).length);
var slLog = [];
P.slice.call({ get length() { slLog.push("len"); return 2; }, get 0() { slLog.push("g0"); return 0; } },
  { valueOf: function () { slLog.push("start"); return 0; } }, { valueOf: function () { slLog.push("end"); return 2; } });
print(slLog.join());

// toReversed, toSpliced, with: holes read as undefined, results are plain arrays
var tr = [1, , 3];
print(show(tr.toReversed()), show(tr), show([].toReversed()), show(P.toReversed.call({ length: 2, 0: "a" })), show(P.toReversed.call("ab")));
print(err(function () { P.toReversed.call({ length: 4294967296 }); }), err(function () { P.toReversed.call(undefined); }));
var ts = [0, 1, 2, 3];
print(show(ts.toSpliced(1, 2)), show(ts.toSpliced(1, 0, "a", "b")), show(ts.toSpliced(-1)), show(ts.toSpliced()), show(ts));
print(show([0, , 2].toSpliced(0, 1)), show(ts.toSpliced(undefined)), show(ts.toSpliced(1, undefined, "u")), show(ts.toSpliced(2, -5, "n")));
print(show(P.toSpliced.call({ length: 3, 1: "b" }, 0, 1)), show(P.toSpliced.call("abc", 1, 1, "X")));
print(err(function () { P.toSpliced.call({ length: MAX }, 0, 0, 1); }), err(function () { P.toSpliced.call({ length: 4294967297 }, 0, 1); }));
print(err(function () { P.toSpliced.call({ length: 4294967295 }, 0, 0, 1); }));
var tw = [1, 2, 3];
print(show(tw.with(0, "a")), show(tw.with(-1, "z")), show(tw), show([, 1].with(1, 2)), show(P.with.call({ length: 2, 1: "y" }, 0, "x")));
print(err(function () { tw.with(3, 0); }), err(function () { tw.with(-4, 0); }), err(function () { [].with(0, 0); }), show(tw.with("1", "s")));
print(err(function () { tw.with(Infinity, 0); }), show(tw.with(NaN, "nan")), show(tw.with(-0.5, "h")), err(function () { P.with.call({ length: 4294967296 }, 0, 1); }));
class Sub extends Array {}
var sub = Sub.from([3, 1, 2]);
print(sub.toReversed() instanceof Sub, sub.toSpliced(0, 1) instanceof Sub, sub.with(0, 1) instanceof Sub, sub.toSorted() instanceof Sub);

// ArraySpeciesCreate
print(sub.concat([4]) instanceof Sub, sub.slice(1) instanceof Sub, sub.splice(0, 1) instanceof Sub, sub.map(function (x) { return x; }) instanceof Sub);
print(sub.filter(function () { return true; }) instanceof Sub, sub.flat() instanceof Sub, sub.flatMap(function (x) { return [x]; }) instanceof Sub);
var speciesCalls = [];
class Tracked extends Array {
  static get [Symbol.species]() {
    speciesCalls.push("species");
    return function (n) { speciesCalls.push("new " + n); this.tag = "made"; };
  }
}
var t = new Tracked(1, 2, 3);
var mapped = t.map(function (x) { return x * 2; });
print(mapped.tag, mapped.length, mapped[0], Array.isArray(mapped), speciesCalls.join());
speciesCalls = [];
var slicedT = t.slice(1);
print(slicedT.tag, slicedT.length, slicedT[1], speciesCalls.join());
var nullSpecies = [1, 2];
nullSpecies.constructor = {};
nullSpecies.constructor[Symbol.species] = null;
print(show(nullSpecies.slice()), Object.getPrototypeOf(nullSpecies.slice()) === P);
var undefCtor = [1];
undefCtor.constructor = undefined;
print(show(undefCtor.concat(2)), Object.getPrototypeOf(undefCtor.map(function (x) { return x; })) === P);
var primCtor = [1];
primCtor.constructor = 0;
print(err(function () { primCtor.slice(); }));
var badSpecies = [1];
badSpecies.constructor = {};
badSpecies.constructor[Symbol.species] = Array.prototype.map;
print(err(function () { badSpecies.filter(function () { return true; }); }));
var arrowSpecies = [1];
arrowSpecies.constructor = {};
arrowSpecies.constructor[Symbol.species] = () => {};
print(err(function () { arrowSpecies.map(function (x) { return x; }); }));
// A non-array receiver never consults constructor.
var nonArray = { length: 1, 0: "z", constructor: { [Symbol.species]: 5 } };
print(show(P.slice.call(nonArray)), show(P.map.call(nonArray, function (x) { return x; })));
// Species returning a frozen array: CreateDataPropertyOrThrow fails.
var frozenSpecies = [1, 2];
frozenSpecies.constructor = {};
frozenSpecies.constructor[Symbol.species] = function () { return Object.freeze([]); };
print(err(function () { frozenSpecies.slice(); }), err(function () { frozenSpecies.concat(); }));
// Species with a non-writable length: Set(A, "length") throws.
var nwSpecies = [1, 2];
nwSpecies.constructor = {};
nwSpecies.constructor[Symbol.species] = function () {
  var a = [];
  Object.defineProperty(a, "length", { writable: false });
  return a;
};
print(err(function () { nwSpecies.splice(0, 0); }));
// A species that returns an existing object fills that object.
var target = { existing: true };
var toTarget = [7, 8];
toTarget.constructor = {};
toTarget.constructor[Symbol.species] = function () { return target; };
toTarget.slice();
print(show(target));
// The species length argument.
var lens = [];
var lenSpy = [1, 2, 3, 4];
lenSpy.constructor = {};
lenSpy.constructor[Symbol.species] = function (n) { lens.push(n); return []; };
lenSpy.concat(); lenSpy.slice(1, 3); lenSpy.splice(0, 2); lenSpy.map(function () {}); lenSpy.filter(function () {}); lenSpy.flat(); lenSpy.flatMap(function () { return 1; });
print(lens.join());
// Constructor getter order: constructor read once per call.
var ctorReads = 0;
var ctorSpy = [1];
Object.defineProperty(ctorSpy, "constructor", { get: function () { ctorReads++; return Array; } });
ctorSpy.slice(); ctorSpy.map(function (x) { return x; });
print(ctorReads);
