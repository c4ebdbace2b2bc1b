// with: object environments, unscopables, assignments, calls, typeof, delete.
var obj = { a: 1, b: 2, fn() { return this === obj; } };
with (obj) {
  console.log(a + b, fn());
  a = 10;
  var fromWith = b;
}
console.log(obj.a, fromWith);
var p = "outer";
var u = { p: "inner", [Symbol.unscopables]: { p: true } };
with (u) { console.log(p); }
with ({}) { console.log(typeof missing, typeof p); }
var del = { x: 1 };
with (del) { console.log(delete x, "x" in del); }
// Closures capture the with scope.
function make() {
  var o = { v: 1 };
  with (o) { return function () { return v; }; }
}
var getV = make();
console.log(getV());
// Nested with and shadowing locals.
function nested() {
  var local = "local";
  var o1 = { k: "o1" }, o2 = { local: "o2" };
  with (o1) { with (o2) { return [k, local].join(); } }
}
console.log(nested());
// Assignment to a name missing from the object goes outward.
var outerVar = 0;
with ({}) { outerVar = 5; }
console.log(outerVar);
// The with object is the receiver of calls.
var r = { who() { return this.name; }, name: "r" };
with (r) { console.log(who()); }
// Array.prototype[Symbol.unscopables] hides keys, values, ...
var keys = "outer keys";
with ([]) { console.log(keys, typeof push); }
// Loops inside with.
var acc = { sum: 0 };
with (acc) { for (var i = 0; i < 4; i++) sum += i; }
console.log(acc.sum);
// Eval inside with.
with ({ q: 3 }) { console.log(eval("q * 2")); }
// The reference is resolved before the right-hand side runs (§13.15.2;
// test262 S11.13.1_A5_T1). V8 resolves again and prints undefined: the
// .out file holds the specified 2.
var scope = { x: 1 };
with (scope) { x = (delete scope.x, 2); }
console.log(scope.x);
var counter = { n: 1 };
with (counter) { n += 5; n++; ++n; }
console.log(counter.n);
