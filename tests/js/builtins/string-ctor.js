// String constructor, statics, wrapper objects and property attributes.
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
print(typeof String, fn(String), d(globalThis, "String"));
print(d(String, "prototype"), "|", d(String.prototype, "constructor"));
print(Object.prototype.toString.call(String.prototype), String.prototype.length, d(String.prototype, "length"));

// Called: ToString, symbols describe themselves.
print(String(), String(undefined), String(null), String(true), String(-0), String(1.5e300), String([1, [2, 3]]));
print(String(Symbol("desc")), String(Symbol()), String(Symbol.iterator));
print(err(function () { return "" + Symbol("x"); }), err(function () { return new String(Symbol("x")); }));
print(String({ toString: function () { return "ts"; }, valueOf: function () { return "vo"; } }));

// new: a String exotic object.
var w = new String("héllo");
print(typeof w, w.length, w[1], w[5], Object.prototype.toString.call(w), w instanceof String);
print(d(w, "length"), "|", d(w, "0"), "|", d(w, "5"));
print(Object.keys(w).join(","), Object.getOwnPropertyNames(w).join(","));
w.extra = 1;
w[7] = "x";
print(Object.keys(w).join(","), w.length);
print(err(function () { "use strict"; w.length = 3; }), err(function () { "use strict"; w[0] = "z"; }), w[0]);
var e = new String();
print(e.length, JSON.stringify(e.valueOf()));
// new.target's prototype.
class Sub extends String {}
var r = new Sub("ab");
print(Object.getPrototypeOf(r) === Sub.prototype, r instanceof String, r.length, r.toString(), r[1]);

// fromCharCode: ToUint16 of each argument, in order.
print(fn(String.fromCharCode), String.fromCharCode(), String.fromCharCode(65, 66.9, 65536 + 67, -1 & 0xffff));
print(codes(String.fromCharCode(0xd800, 0x41, -1)), String.fromCharCode("72", { valueOf: function () { return 105; } }));
var order = [];
String.fromCharCode({ valueOf: function () { order.push(1); return 1; } }, { valueOf: function () { order.push(2); return 2; } });
print(order.join(","));

// fromCodePoint: RangeError for non-integers and out of range values.
print(fn(String.fromCodePoint), String.fromCodePoint(), String.fromCodePoint(97, 0x1f600).length, codes(String.fromCodePoint(0x1f600, 0x10ffff, 0)));
print(err(function () { String.fromCodePoint(1.5); }), err(function () { String.fromCodePoint(-1); }), err(function () { String.fromCodePoint(0x110000); }));
print(err(function () { String.fromCodePoint(NaN); }), err(function () { String.fromCodePoint(Infinity); }), err(function () { String.fromCodePoint(undefined); }));
print(String.fromCodePoint("65", -0, { valueOf: function () { return 66; } }).length, codes(String.fromCodePoint(0xd800)));
print(err(function () { String.fromCodePoint(Symbol()); }));

// raw.
print(fn(String.raw));
print(String.raw({ raw: ["a", "b", "c"] }, 1, 2, 3, 4), String.raw({ raw: "xyz" }, "-", "+"), String.raw({ raw: [] }, 1));
print(String.raw({ raw: { length: 2, 0: "p", 1: "q" } }, undefined), String.raw({ raw: { length: -1 } }));
print(String.raw`a\n${1 + 1}b\u0041`, String.raw`\${}`);
print(err(function () { String.raw(); }), err(function () { String.raw({}); }));
print(String.raw({ raw: ["only"] }, "ignored"));
