// Object constructor: call, new, new.target subclassing; the attributes,
// length and name of Object and of every static method.
function show(v) {
  if (typeof v === "function") return "fn:" + v.name;
  if (typeof v === "symbol") return v.toString();
  if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === null) return "[null-proto object]";
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

print(typeof Object, Object.length, Object.name);
print(d(globalThis, "Object"));
print(d(Object, "length"), "|", d(Object, "name"));
print(d(Object, "prototype"));
print(d(Object.prototype, "constructor"));
print(Object.getPrototypeOf(Object) === Function.prototype);
print(Object.getPrototypeOf(Object.prototype) === null);

// Called as a function.
var o1 = Object();
print(typeof o1, Object.getPrototypeOf(o1) === Object.prototype, Object.keys(o1).length);
print(Object.getPrototypeOf(Object(null)) === Object.prototype);
print(Object.getPrototypeOf(Object(undefined)) === Object.prototype);
var plain = { a: 1 };
print(Object(plain) === plain, new Object(plain) === plain);
var n = Object(5);
print(typeof n, n instanceof Number, n.valueOf(), n + 1);
var s = Object("ab");
print(typeof s, s instanceof String, s.length, s[0], s[1], Object.keys(s).join());
var b = Object(false);
print(typeof b, b instanceof Boolean, b.valueOf());
var sy = Symbol("q");
var so = Object(sy);
print(typeof so, so instanceof Symbol, so.valueOf() === sy, so.description);
var f = function () {};
print(Object(f) === f);

// With new: the argument is converted the same way.
var n2 = new Object(7);
print(typeof n2, n2 instanceof Number, n2.valueOf());
print(typeof new Object(), Object.getPrototypeOf(new Object(null)) === Object.prototype);

// Subclassing: new.target other than Object makes an ordinary object from
// new.target.prototype, ignoring the argument.
class A extends Object {
  constructor() {
    super(1);
  }
}
var a = new A();
print(a instanceof A, a instanceof Object, a instanceof Number, Object.getPrototypeOf(a) === A.prototype);
class B extends Object {}
var bb = new B("str");
print(bb instanceof B, bb instanceof String, Object.keys(bb).length, typeof bb);
class C extends Object {
  constructor() {
    super();
    this.x = 1;
  }
}
print(new C().x, Object.getPrototypeOf(C) === Object);

// Every static method: presence, length, name, attributes.
var statics = [
  ["assign", 2], ["create", 2], ["defineProperties", 2], ["defineProperty", 3], ["entries", 1],
  ["freeze", 1], ["fromEntries", 1], ["getOwnPropertyDescriptor", 2], ["getOwnPropertyDescriptors", 1],
  ["getOwnPropertyNames", 1], ["getOwnPropertySymbols", 1], ["getPrototypeOf", 1], ["hasOwn", 2],
  ["is", 2], ["isExtensible", 1], ["isFrozen", 1], ["isSealed", 1], ["keys", 1], ["preventExtensions", 1],
  ["seal", 1], ["setPrototypeOf", 2], ["values", 1],
];
for (var i = 0; i < statics.length; i++) {
  var name = statics[i][0];
  var fn = Object[name];
  print(name, typeof fn, fn.length === statics[i][1], fn.name === name, d(Object, name));
  print("  ", d(fn, "length"), "|", d(fn, "name"), "|", fn.hasOwnProperty("prototype"));
}
// Static methods are not constructors.
try {
  new Object.keys({});
  print("no error");
} catch (e) {
  print(e instanceof TypeError, e.constructor.name);
}
