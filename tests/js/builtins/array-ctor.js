// The Array constructor, Array.from / of / isArray / @@species, and the
// shape of Array and Array.prototype: lengths, names, attributes,
// @@iterator and @@unscopables.
function show(v) {
  if (Array.isArray(v)) {
    var s = [];
    for (var i = 0; i < v.length; i++) s.push(i in v ? show(v[i]) : "_");
    return "[" + s.join(",") + "]";
  }
  if (typeof v === "string") return '"' + v + '"';
  if (typeof v === "symbol") return v.toString();
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
function desc(o, k) {
  var d = Object.getOwnPropertyDescriptor(o, k);
  if (d === undefined) return "none";
  return ("value" in d ? "data" : "accessor") + " w=" + d.writable + " e=" + d.enumerable + " c=" + d.configurable;
}

// The constructor.
print(show(Array()), show(new Array()), show(Array(3)), Array(3).length);
print(show(new Array(1, 2, 3)), show(Array("3")), show(new Array(undefined)));
print(Array(4294967295).length, err(function () { Array(4294967296); }));
print(err(function () { new Array(-1); }), err(function () { Array(1.5); }), err(function () { Array(NaN); }));
print(show(new Array(-0)), Array.length, Array.name, desc(Array, "prototype"));
print(Array.prototype.constructor === Array, Array.isArray(Array.prototype), Array.prototype.length);
class MyArray extends Array {}
var m = new MyArray(3);
print(m instanceof MyArray, m.length, Array.isArray(m), show(MyArray.of(1, 2)));
class Sub extends Array {
  constructor() { super(1, 2); }
}
var r = new Sub();
print(Object.getPrototypeOf(r) === Sub.prototype, show(r), r.length);

// isArray.
print(Array.isArray([]), Array.isArray({ length: 0 }), Array.isArray("ab"), Array.isArray(), Array.isArray(m));

// Array.of.
print(show(Array.of()), show(Array.of(7)), show(Array.of(1, "a", undefined)), Array.of.length);
var ofThis = Array.of.call(function (n) { this.made = n; }, "x", "y");
print(ofThis.made, ofThis.length, ofThis[0], ofThis[1], Array.isArray(ofThis));
print(show(Array.of.call(undefined, 1, 2)), show(Array.of.call({}, 3)));
var frozenOf = err(function () {
  Array.of.call(function () { return Object.freeze({}); }, 1);
});
print(frozenOf);

// Array.from: iterables.
print(show(Array.from([1, 2, 3])), show(Array.from("héllo")), show(Array.from([1, , 3])));
var iterable = {};
iterable[Symbol.iterator] = function () {
  var i = 0;
  return { next: function () { i++; return { value: i * 10, done: i > 3 }; } };
};
print(show(Array.from(iterable)), show(Array.from(iterable, function (v, k) { return v + k + this.add; }, { add: 1 })));
print(Array.from.length, err(function () { Array.from([], 5); }), err(function () { Array.from(null); }));
print(err(function () { Array.from(undefined); }));
var bad = {};
bad[Symbol.iterator] = 5;
print(err(function () { Array.from(bad); }));
var nonObj = {};
nonObj[Symbol.iterator] = function () { return 1; };
print(err(function () { Array.from(nonObj); }));
// A throwing mapFn closes the iterator.
var closed = 0;
var closing = {};
closing[Symbol.iterator] = function () {
  return {
    next: function () { return { value: 1, done: false }; },
    return: function () { closed++; return {}; },
  };
};
print(err(function () { Array.from(closing, function () { throw new RangeError("x"); }); }), closed);
// Array.from with a constructor this.
function C() { this.args = arguments.length; }
var fromC = Array.from.call(C, [5, 6]);
print(fromC instanceof C, fromC.args, fromC.length, fromC[0], fromC[1]);
var fromCLike = Array.from.call(C, { length: 2, 0: "a", 1: "b" });
print(fromCLike instanceof C, fromCLike.args, fromCLike.length, fromCLike[1]);
print(show(Array.from.call(undefined, [1, 2])), Array.isArray(Array.from.call({}, { length: 1 })));
var fromMy = MyArray.from([1, 2]);
print(fromMy instanceof MyArray, show(fromMy));
// Array-likes: holes read as undefined.
print(show(Array.from({ length: 3, 1: "b" })), show(Array.from({ length: "2", 0: 1, 1: 2, 2: 3 })));
print(show(Array.from({ length: -1 })), show(Array.from(5)), show(Array.from(true)));
var log = [];
var watched = {
  get length() { log.push("length"); return 2; },
  get 0() { log.push("0"); return "a"; },
  get 1() { log.push("1"); return "b"; },
};
print(show(Array.from(watched, function (v, k) { log.push("map" + k); return v + v; })), log.join());
// Array-like results from a constructor that freezes: CreateDataPropertyOrThrow throws.
print(err(function () { Array.from.call(function () { return Object.freeze([]); }, [1]); }));
// An iterator that throws from next is not closed.
closed = 0;
var throwsNext = {};
throwsNext[Symbol.iterator] = function () {
  return { next: function () { throw new SyntaxError("n"); }, return: function () { closed++; return {}; } };
};
print(err(function () { Array.from(throwsNext); }), closed);
// Changing Array.prototype[@@iterator] is seen by Array.from.
var saved = Array.prototype[Symbol.iterator];
Array.prototype[Symbol.iterator] = function () {
  var done = false;
  return { next: function () { var r = { value: "patched", done: done }; done = true; return r; } };
};
print(show(Array.from([1, 2])));
Array.prototype[Symbol.iterator] = saved;
// An array grown by the mapper keeps being iterated (live length).
var grow = [1, 2];
print(show(Array.from(grow, function (v) { if (grow.length < 4) grow.push(v * 10); return v; })));

// @@species.
var speciesDesc = Object.getOwnPropertyDescriptor(Array, Symbol.species);
print(typeof speciesDesc.get, speciesDesc.set, speciesDesc.get.name, speciesDesc.configurable, speciesDesc.enumerable);
print(Array[Symbol.species] === Array, MyArray[Symbol.species] === MyArray, speciesDesc.get.call(5));

// Array.prototype shape.
var names = ["at", "concat", "copyWithin", "entries", "every", "fill", "filter", "find", "findIndex",
  "findLast", "findLastIndex", "flat", "flatMap", "forEach", "includes", "indexOf", "join", "keys",
  "lastIndexOf", "map", "pop", "push", "reduce", "reduceRight", "reverse", "shift", "slice", "some",
  "sort", "splice", "toLocaleString", "toReversed", "toSorted", "toSpliced", "toString", "unshift",
  "values", "with"];
var shapes = [];
for (var i = 0; i < names.length; i++) {
  var f = Array.prototype[names[i]];
  shapes.push(names[i] + ":" + f.length + (f.name === names[i] ? "" : "!" + f.name) + ":" + desc(Array.prototype, names[i]));
}
print(shapes.join("\n"));
print(desc(Array.prototype.map, "length"), desc(Array.prototype.map, "name"));
print(Array.prototype[Symbol.iterator] === Array.prototype.values, desc(Array.prototype, Symbol.iterator));
print(["from", "of", "isArray"].map(function (n) { return n + ":" + Array[n].length + ":" + desc(Array, n); }).join(" "));
var uns = Array.prototype[Symbol.unscopables];
print(Object.getPrototypeOf(uns), desc(Array.prototype, Symbol.unscopables));
print(Object.keys(uns).sort().join());
print(desc(uns, "flat"), uns.map, uns.at);
print(err(function () { new Array.prototype.map(); }), err(function () { new Array.from(); }));
// A throw while filling closes the array iterator through whatever
// `return` it inherits, positioned after the element that failed.
var closeLog = [];
Object.prototype.return = function () { closeLog.push("return " + this.next().value); return {}; };
print(err(function () { Array.from([1, 2, 3], function (v) { if (v === 2) throw new Error("x"); return v; }); }));
print(err(function () { Array.from.call(function () { return Object.freeze([]); }, [1, 2]); }), closeLog.join());
delete Object.prototype.return;
