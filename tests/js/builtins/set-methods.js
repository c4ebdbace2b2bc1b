// The ES2025 set methods: results, ordering, -0 canonicalization,
// set-like arguments (GetSetRecord's size/has/keys, read in that order,
// and its TypeError/RangeError cases), the size-based choice between
// calling other.has and walking other.keys(), iterator closing when
// isSupersetOf/isDisjointFrom stop early, and mutation of this during
// the walk. Expected output checked by hand against ECMA-262 §24.2.4
// (node 20 lacks these methods).
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    return e.constructor.name;
  }
}
function show(s) {
  return "{" + [...s].map(String).join() + "}" + (Object.getPrototypeOf(s) === Set.prototype ? "" : "!proto");
}
var a = new Set([1, 2, 3, 4]);
var b = new Set([3, 4, 5, 6]);
print(show(a.union(b)), show(a.intersection(b)), show(a.difference(b)), show(a.symmetricDifference(b)));
print(show(b.union(a)), show(b.intersection(a)), show(b.difference(a)), show(b.symmetricDifference(a)));
print(a.isSubsetOf(b), new Set([3]).isSubsetOf(b), b.isSupersetOf(new Set([5, 6])), a.isSupersetOf(b));
print(a.isDisjointFrom(b), a.isDisjointFrom(new Set([7, 8])), new Set().isSubsetOf(a), a.isSupersetOf(new Set()));
// A Map is set-like (size, has, keys).
print(show(a.intersection(new Map([[2, "x"], [9, "y"]]))), a.isSupersetOf(new Map([[1, 0]])));
// -0 from keys() becomes +0 in results.
var fromKeys = { size: 1, has: function () { return false; }, keys: function () { return [-0].values(); } };
var u = new Set([1]).union(fromKeys);
print(show(u), Object.is([...u][1], 0));
var inter = new Set([0, 1, 2, 3]).intersection(fromKeys);
print(show(inter), Object.is([...inter][0], 0));

// GetSetRecord: order of reads and the errors.
var log = [];
var setLike = {
  get size() { log.push("size"); return { valueOf: function () { log.push("valueOf"); return 10; } }; },
  get has() { log.push("get has"); return function (v) { log.push("has(" + v + ")"); return v % 2 === 0; }; },
  get keys() { log.push("get keys"); return function () { log.push("keys()"); return [2, 4].values(); }; },
};
print(show(new Set([1, 2, 3]).intersection(setLike)), log.join());
log = [];
print(show(new Set([1, 2, 3]).union(setLike)), log.join());
print(err(function () { a.union(5); }), err(function () { a.union([1]); }), err(function () { a.union({ size: -1, has: Object, keys: Object }); }));
print(err(function () { a.union({ size: undefined, has: Object, keys: Object }); }), err(function () { a.union({ size: 1, has: 1, keys: Object }); }));
print(err(function () { a.union({ size: 1, has: Object, keys: function () { return 1; } }); }));
print(err(function () { a.union({ size: 1, has: Object, keys: function () { return { next: 1 }; } }); }));
print(err(function () { Set.prototype.union.call(new Map(), a); }), err(function () { Set.prototype.isSubsetOf.call([], a); }));
// size Infinity is allowed.
print(show(a.intersection({ size: Infinity, has: function (v) { return v > 2; }, keys: Object })));

// isSupersetOf and isDisjointFrom close other's iterator when they stop.
var closes = 0;
function closingLike(values) {
  return {
    size: values.length,
    has: function () { throw new Error("has must not be called"); },
    keys: function () {
      var i = 0;
      return {
        next: function () { return i < values.length ? { value: values[i++], done: false } : { done: true }; },
        return: function () { closes++; return {}; },
      };
    },
  };
}
print(new Set([1, 2]).isSupersetOf(closingLike([1, 9, 2])), closes);
print(new Set([1, 2, 3]).isSupersetOf(closingLike([1, 9])), closes);
print(new Set([1, 2, 3]).isDisjointFrom(closingLike([5, 2])), closes);
print(new Set([1, 2, 3]).isDisjointFrom(closingLike([5, 6])), closes);

// Mutating this from other.has during the walk: deleted entries are
// skipped, added ones are visited.
var walked = [];
var target = new Set([1, 2, 3]);
var mutator = {
  size: 100,
  has: function (v) {
    walked.push(v);
    if (v === 1) { target.delete(2); target.add(4); }
    return true;
  },
  keys: function () { throw new Error("keys must not be called"); },
};
print(show(target.intersection(mutator)), walked.join());
walked = [];
target = new Set([1, 2, 3]);
print(target.isSubsetOf(mutator), walked.join());
// difference walks a copy: has() removing from this changes nothing.
walked = [];
target = new Set([1, 2, 3]);
print(show(target.difference(mutator)), walked.join(), show(target));
// Subclasses: results are plain Sets, and this's overridden methods are
// not used.
class Sub extends Set {
  has() { throw new Error("no"); }
  get size() { throw new Error("no"); }
}
var sub = new Sub([1, 2]);
print(show(sub.union(new Set([3]))), show(sub.difference(new Set([1]))));
print(Set.prototype.union.length, Set.prototype.isDisjointFrom.name);
