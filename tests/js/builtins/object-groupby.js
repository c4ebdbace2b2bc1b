// Object.groupBy (ES2024): groups in first-seen order on a null-prototype
// object, keys through ToPropertyKey, iterator closing on abrupt callback
// or key conversion. (Node 20 lacks Object.groupBy: object-groupby.out was
// produced under node with a polyfill following the spec's GroupBy steps.)
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    return (e instanceof TypeError) + " " + e.constructor.name;
  }
}
function dump(o) {
  return Reflect_ownKeys(o).map(function (k) { return String(k) + "=[" + o[k].map(String).join() + "]"; }).join(" ");
}
function Reflect_ownKeys(o) {
  return Object.getOwnPropertyNames(o).concat(Object.getOwnPropertySymbols(o));
}

var gb = Object.groupBy;
var desc = Object.getOwnPropertyDescriptor(Object, "groupBy");
print(typeof gb, gb.length, gb.name, desc.writable, desc.enumerable, desc.configurable);

var r = Object.groupBy([1, 2, 3, 4, 5, 6], function (x) { return x % 3 === 0 ? "three" : x % 2 ? "odd" : "even"; });
print(dump(r));
print(Object.getPrototypeOf(r), Array.isArray(r.odd), r.odd !== r.even);
var dd = Object.getOwnPropertyDescriptor(r, "odd");
print(dd.writable, dd.enumerable, dd.configurable);

// The callback gets (value, index) and an undefined this.
var calls = [];
Object.groupBy(["a", "b"], function (v, i) { "use strict"; calls.push(v + i + typeof this + arguments.length); return 0; });
print(calls.join());

// Keys go through ToPropertyKey: numbers, booleans, null, undefined,
// objects, symbols; "__proto__" is an ordinary own key.
var sym = Symbol("s");
var keys = [1, "1", true, null, undefined, { toString: function () { return "obj"; } }, sym, "__proto__", -0, 1.5];
var byKey = Object.groupBy(keys, function (k) { return k; });
print(dump(byKey));
print(Object.getPrototypeOf(byKey), byKey.__proto__.length);

// Any iterable: strings iterate by code point.
print(dump(Object.groupBy("a\u{1F600}b", function (c) { return c.length; })));
var iterable = {
  [Symbol.iterator]: function () {
    var i = 0;
    return { next: function () { i++; return { value: i * 10, done: i > 3 }; } };
  },
};
print(dump(Object.groupBy(iterable, function (v) { return v > 15 ? "big" : "small"; })));
print(Reflect_ownKeys(Object.groupBy([], function () { throw new Error("never"); })).length);

// Errors: items must be coercible and iterable; callback must be callable,
// checked before the iterator is obtained.
var touched = [];
var logging = { get [Symbol.iterator]() { touched.push("iterator"); return function () { return [][Symbol.iterator](); }; } };
print(err(function () { Object.groupBy(null, function () {}); }), err(function () { Object.groupBy(undefined, function () {}); }));
print(err(function () { Object.groupBy(logging, 1); }), touched.length);
print(err(function () { Object.groupBy(logging); }), touched.length);
print(err(function () { Object.groupBy({}, function () {}); }), err(function () { Object.groupBy(5, function () {}); }));
print(err(function () { Object.groupBy(logging, function () {}); }), touched.length);

// Abrupt callback or key conversion closes the iterator; a throwing next
// does not.
function closing(fn, values) {
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
  return err(function () { Object.groupBy(it, fn); }) + " closed=" + closed;
}
print(closing(function () { throw new RangeError("cb"); }, [1, 2]));
print(closing(function () { return { toString: function () { throw new SyntaxError("key"); } }; }, [1]));
print(closing(function (v) { return v; }, [1, 2]));
var nextThrows = {
  [Symbol.iterator]: function () {
    return { next: function () { throw new EvalError("n"); }, return: function () { print("closed!"); return {}; } };
  },
};
print(err(function () { Object.groupBy(nextThrows, function () {}); }));
// Errors from return() are swallowed: the callback's error wins.
var badReturn = {
  [Symbol.iterator]: function () {
    return {
      next: function () { return { value: 1, done: false }; },
      return: function () { throw new EvalError("from return"); },
    };
  },
};
print(err(function () { Object.groupBy(badReturn, function () { throw new RangeError("cb"); }); }));

// Key conversion happens right after each callback call, in order.
var order = [];
Object.groupBy([1, 2], function (v) {
  order.push("cb" + v);
  return { toString: function () { order.push("key" + v); return "k"; } };
});
print(order.join());
