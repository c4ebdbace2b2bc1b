// Iterator helpers: the abstract Iterator constructor, Iterator.from and
// its wrapper, Iterator.concat, the lazy helpers (map, filter, take, drop,
// flatMap) with their generator states, the eager ones (reduce, toArray,
// forEach, some, every, find), and when each closes the iterator.
"use strict";
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    return e.constructor.name;
  }
}
var log = [];
// A counting iterator over 0..n-1 that logs next/return calls.
function counter(n, name) {
  var i = 0;
  return {
    __proto__: Iterator.prototype,
    next: function () {
      log.push(name + ".next");
      return i < n ? { value: i++, done: false } : { value: undefined, done: true };
    },
    return: function () {
      log.push(name + ".return");
      return {};
    },
  };
}
function flush() {
  var s = log.join(" ");
  log = [];
  return s;
}

// The constructor is abstract.
console.log(typeof Iterator, Iterator.length, Iterator.name);
console.log(err(function () { Iterator(); }), err(function () { new Iterator(); }));
class Sub extends Iterator {}
console.log(new Sub() instanceof Iterator, Object.getPrototypeOf([].values()) .__proto__ === Iterator.prototype);
console.log(Iterator.prototype[Symbol.toStringTag], Iterator.prototype.constructor === Iterator);
var d = Object.getOwnPropertyDescriptor(Iterator.prototype, "constructor");
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable);
// The setters define an own property on inheriting objects, and refuse
// Iterator.prototype itself.
var o = Object.create(Iterator.prototype);
o[Symbol.toStringTag] = "Mine";
console.log(Object.prototype.toString.call(o), Iterator.prototype[Symbol.toStringTag]);
console.log(err(function () { Iterator.prototype.constructor = 1; }));

// Lazy helpers.
console.log(counter(5, "a").map(function (x, i) { return x * 10 + i; }).toArray().join());
console.log(counter(6, "a").filter(function (x) { return x % 2; }).toArray().join());
console.log(counter(6, "a").drop(2).take(3).toArray().join());
console.log(counter(3, "a").flatMap(function (x) { return [x, x]; }).toArray().join());
console.log(Iterator.concat([1, 2], (function* () { yield 3; })(), "ab".split("")).toArray().join());
flush();

// take(0) closes the underlying iterator on the first next().
var t = counter(5, "a").take(0);
console.log(JSON.stringify(t.next()), flush());
// return() before the start closes the underlying iterator; after it,
// nothing more is called.
var m = counter(5, "a").map(function (x) { return x; });
console.log(JSON.stringify(m.return()), flush());
console.log(JSON.stringify(m.next()), flush());
// After a yield, return() closes flatMap's inner iterator, then the outer.
var inner = counter(3, "in");
var fm = counter(3, "out").flatMap(function () { return inner; });
fm.next();
flush();
fm.return();
console.log(flush());
// Re-entering a running helper is a TypeError.
var self;
self = counter(3, "a").map(function () { return self.next(); });
console.log(err(function () { self.next(); }), flush());
// A non-callable mapper closes the iterator before `next` is read.
console.log(err(function () { counter(3, "a").map(1); }), flush());
console.log(err(function () { counter(3, "a").take(-1); }), err(function () { counter(3, "a").drop(NaN); }), flush());
// A throwing callback closes the iterator.
console.log(err(function () { counter(3, "a").forEach(function () { throw new RangeError(); }); }), flush());

// Eager helpers close the iterator when they stop early.
console.log(counter(5, "a").some(function (x) { return x == 1; }), flush());
console.log(counter(2, "a").every(function (x) { return x < 5; }), flush());
console.log(counter(5, "a").find(function (x) { return x > 2; }), flush());
console.log(counter(4, "a").reduce(function (a, b) { return a + b; }), counter(0, "b").reduce(function () {}, "init"));
console.log(err(function () { counter(0, "a").reduce(function () {}); }));
flush();

// Iterator.from: iterators that inherit from Iterator.prototype come back
// as they are; others are wrapped.
var plain = { next: function () { return { value: 1, done: false }; } };
var w = Iterator.from(plain);
console.log(w === plain, w instanceof Iterator, JSON.stringify(w.next()), JSON.stringify(w.return()));
var arrIt = [1].values();
console.log(Iterator.from(arrIt) === arrIt, Iterator.from("xy").toArray().join());
console.log(err(function () { Iterator.from(5); }), err(function () { Iterator.concat(5); }));
console.log(Object.prototype.toString.call(m), typeof m.next, Object.getPrototypeOf(Object.getPrototypeOf(m)) === Iterator.prototype);
