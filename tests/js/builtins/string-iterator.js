// String.prototype[Symbol.iterator] and %StringIteratorPrototype%.
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    if (e instanceof RangeError) return "RangeError";
    if (e instanceof TypeError) return "TypeError";
    if (e instanceof SyntaxError) return "SyntaxError";
    return "other:" + e;
  }
}
function codes(s) {
  var r = [];
  for (var i = 0; i < s.length; i++) r.push(s.charCodeAt(i).toString(16));
  return r.join(" ");
}
function d(o, k) {
  var x = Object.getOwnPropertyDescriptor(o, k);
  if (x === undefined) return "undefined";
  var s = [];
  if ("value" in x) s.push("value=" + (typeof x.value === "function" ? "fn:" + x.value.name : String(x.value)));
  if ("writable" in x) s.push("w=" + x.writable);
  s.push("e=" + x.enumerable, "c=" + x.configurable);
  return s.join(" ");
}
function fn(f) {
  return f.name + "/" + f.length + " " + d(f, "length") + " | " + d(f, "name");
}
var P = String.prototype;
var f = P[Symbol.iterator];
print(fn(f), d(P, Symbol.iterator));
var it = "a😀\ud800b"[Symbol.iterator]();
var proto = Object.getPrototypeOf(it);
print(Object.prototype.toString.call(it), fn(proto.next), d(proto, "next"), d(proto, Symbol.toStringTag));
print(Object.getPrototypeOf(proto) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), proto[Symbol.iterator].call(it) === it);
var parts = [];
for (var r = it.next(); !r.done; r = it.next()) parts.push(codes(r.value));
print(parts.join(" | "), JSON.stringify(it.next()), JSON.stringify(it.next()));
var collected = [];
for (var c of "x\ud83d\ude00y") collected.push(c.length);
print(collected.join(","));
print(err(function () { proto.next.call({}); }), err(function () { proto.next.call([][Symbol.iterator]()); }), err(function () { f.call(null); }));
var numIt = f.call(123);
print(numIt.next().value, numIt.next().value, numIt.next().value, numIt.next().done);
var keys = Object.keys(it.next());
print(keys.join(","));
