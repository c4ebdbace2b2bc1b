// preventExtensions / seal / freeze and their tests, isExtensible,
// setPrototypeOf, and the immutable prototype of Object.prototype.
function show(v) {
  if (typeof v === "function") return "fn:" + v.name;
  if (typeof v === "symbol") return v.toString();
  return String(v);
}
function d(o, k) {
  var x = Object.getOwnPropertyDescriptor(o, k);
  if (x === undefined) return "undefined";
  var s = [];
  if ("value" in x) s.push("value=" + show(x.value));
  if ("get" in x) s.push("get=" + show(x.get));
  if ("set" in x) s.push("set=" + show(x.set));
  if ("writable" in x) s.push("w=" + x.writable);
  s.push("e=" + x.enumerable, "c=" + x.configurable);
  return s.join(" ");
}
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    return (e instanceof TypeError) + " " + e.constructor.name;
  }
}
function status(o) {
  return "ext=" + Object.isExtensible(o) + " sealed=" + Object.isSealed(o) + " frozen=" + Object.isFrozen(o);
}

// Primitives: returned unchanged; the tests treat them as frozen.
print(Object.freeze(1), Object.seal("s"), Object.preventExtensions(true), Object.freeze(), Object.seal(null));
print(Object.isExtensible(1), Object.isSealed(1), Object.isFrozen("x"), Object.isFrozen(), Object.isSealed(undefined));
var sym = Symbol("k");
print(Object.freeze(sym) === sym);

// preventExtensions.
var pe = { a: 1 };
print(status(pe));
print(Object.preventExtensions(pe) === pe, status(pe));
pe.b = 2;
pe.a = 3;
delete pe.a;
print(pe.b, pe.a, Object.keys(pe).length);
print(err(function () { "use strict"; pe.c = 1; }));
print(status(Object.preventExtensions({})));

// seal.
var se = { a: 1, get g() { return 2; } };
print(Object.seal(se) === se, status(se));
se.a = 5;
delete se.a;
se.n = 1;
print(se.a, se.n, d(se, "a"), "|", d(se, "g"));
print(err(function () { "use strict"; delete se.a; }));

// freeze.
var fr = { a: 1, get g() { return 2; }, set s(v) {} };
fr[sym] = "sym";
print(Object.freeze(fr) === fr, status(fr));
fr.a = 9;
print(fr.a, d(fr, "a"), "|", d(fr, "g"), "|", d(fr, sym));
print(err(function () { "use strict"; fr.a = 2; }));
print(err(function () { "use strict"; fr.z = 2; }));
// Accessors keep their functions and do not count against isFrozen.
print(Object.isFrozen(Object.preventExtensions(Object.defineProperty({}, "x", { get: function () {} }))));
// A writable data property makes isFrozen false, but isSealed can be true.
var almost = Object.preventExtensions(Object.defineProperty({}, "w", { value: 1, writable: true }));
print(status(almost));
// A configurable one makes both false.
var conf = Object.preventExtensions(Object.defineProperty({}, "c", { value: 1, configurable: true }));
print(status(conf));
// Frozen manually.
var manual = Object.preventExtensions(Object.defineProperty({}, "m", { value: 1 }));
print(status(manual));

// Arrays and strings.
var arr = Object.freeze([1, 2]);
print(status(arr), d(arr, "length"), d(arr, 0));
print(err(function () { "use strict"; arr.push(3); }), arr.length);
print(err(function () { "use strict"; arr[0] = 7; }), arr[0]);
var sealedArr = Object.seal([1]);
sealedArr[0] = 5;
print(sealedArr[0], status(sealedArr), d(sealedArr, "length"));
var str = Object("ab");
print(status(str));
Object.freeze(str);
print(status(str), d(str, 0), d(str, "length"));
// An array's length is a writable data property: a sealed or
// non-extensible empty array is not frozen (node 20 says it is, against
// TestIntegrityLevel).
print(status(Object.freeze(function f() {})), status(Object.seal([])));
print(status(Object.preventExtensions([])));
// Empty non-extensible ordinary objects are frozen.
print(status(Object.preventExtensions({})), status(Object.preventExtensions(Object.create(null))));

// setPrototypeOf.
var base = { hi: "base" };
var child = {};
print(Object.setPrototypeOf(child, base) === child, child.hi, Object.getPrototypeOf(child) === base);
print(Object.setPrototypeOf(child, null) === child, Object.getPrototypeOf(child), child.hi);
print(Object.setPrototypeOf(1, null), Object.setPrototypeOf("s", {}), Object.setPrototypeOf(true, null));
print(err(function () { Object.setPrototypeOf(null, {}); }), err(function () { Object.setPrototypeOf(undefined, null); }));
print(err(function () { Object.setPrototypeOf({}, 1); }), err(function () { Object.setPrototypeOf({}); }));
print(err(function () { Object.setPrototypeOf(1, 1); }), err(function () { Object.setPrototypeOf(null, 1); }));
// Cycles are refused.
var c1 = {}, c2 = Object.create(c1);
print(err(function () { Object.setPrototypeOf(c1, c2); }), err(function () { Object.setPrototypeOf(c1, c1); }));
// Non-extensible objects refuse a different prototype but accept the same.
var fixed = Object.preventExtensions({});
print(err(function () { Object.setPrototypeOf(fixed, {}); }));
print(err(function () { Object.setPrototypeOf(fixed, Object.prototype); }));
// Object.prototype is an immutable prototype exotic object.
print(err(function () { Object.setPrototypeOf(Object.prototype, {}); }));
print(err(function () { Object.setPrototypeOf(Object.prototype, null); }));
print(Object.getPrototypeOf(Object.prototype));
print(Object.isExtensible(Object.prototype));
// Functions and arrays can get new prototypes.
var fn = function () {};
Object.setPrototypeOf(fn, base);
print(fn.hi, typeof fn);
