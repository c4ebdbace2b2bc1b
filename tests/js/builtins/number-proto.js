// Number.prototype: toString(radix), toFixed, toExponential, toPrecision,
// toLocaleString, valueOf and thisNumberValue.
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
var P = Number.prototype;
print(fn(P.toExponential), fn(P.toFixed), fn(P.toLocaleString), fn(P.toPrecision), fn(P.toString), fn(P.valueOf), d(P, "toFixed"));

print((255).toString(), (255).toString(16), (255).toString(2), (-255).toString(36), (0.5).toString(2), (3.75).toString(8), (-0).toString(), (-0).toString(2), NaN.toString(16), (-Infinity).toString(7));
print((1e21).toString(), (1e21).toString(16), (0.1).toString(3), (1 / 3).toString(36), (123.456).toString(10), (2 ** 60).toString(2).length, (Number.MAX_VALUE).toString(36).length);
print((10).toString(undefined), (10).toString(2.9), (10).toString("16"), err(function () { (10).toString(1); }), err(function () { (10).toString(37); }), err(function () { (10).toString(Infinity); }), err(function () { (10).toString(NaN); }));

print((1.005).toFixed(2), (2.5).toFixed(0), (-2.5).toFixed(0), (0).toFixed(2), (-0).toFixed(2), (1e21).toFixed(2), (1e20).toFixed(2), (0.000001).toFixed(7), (123.456).toFixed(), (-1.5e-10).toFixed(3));
print(NaN.toFixed(2), Infinity.toFixed(1), (1.45).toFixed(1), (1.55).toFixed(1), (0.5).toFixed(0), (1.5).toFixed(0), (12345.6789).toFixed(100).length, (5).toFixed(2.9), (5).toFixed(-0.9));
print(err(function () { (1).toFixed(101); }), err(function () { (1).toFixed(-1); }), err(function () { NaN.toFixed(101); }), err(function () { (1).toFixed(Infinity); }));

print((123.456).toExponential(), (123.456).toExponential(2), (0).toExponential(), (0).toExponential(2), (-0).toExponential(1), (1e-10).toExponential(3), (5e-324).toExponential(), (1.25).toExponential(1), (1.35).toExponential(1));
print(NaN.toExponential(1000), Infinity.toExponential(-5), (-Infinity).toExponential(), (1).toExponential(100).length, (12345).toExponential(undefined), (9.99).toExponential(1));
print(err(function () { (1).toExponential(101); }), err(function () { (1).toExponential(-1); }));
var log = [];
NaN.toExponential({ valueOf: function () { log.push("coerced"); return 1000; } });
print(log.join(","));

print((123.456).toPrecision(), (123.456).toPrecision(4), (123.456).toPrecision(2), (0.000123).toPrecision(2), (1e21).toPrecision(3), (123456).toPrecision(2), (0).toPrecision(3), (-0).toPrecision(1), (1.5e-7).toPrecision(1));
print(NaN.toPrecision(1000), Infinity.toPrecision(0), (1).toPrecision(100).length, (99.99).toPrecision(3), (0.00001).toPrecision(1), (1e-7).toPrecision(2), (123).toPrecision(3));
print(err(function () { (1).toPrecision(0); }), err(function () { (1).toPrecision(101); }), err(function () { (1).toPrecision(Infinity); }));

print((1234.5678).toLocaleString(), (1e21).toLocaleString(), (-0).toLocaleString(), NaN.toLocaleString(), (-Infinity).toLocaleString(), (0.0005).toLocaleString(), (1e-7).toLocaleString(), (-1234567.891).toLocaleString(), (100).toLocaleString());

print((5).valueOf(), new Number(6).valueOf(), typeof new Number(6).valueOf(), 1 / (-0).valueOf());
var methods = ["toExponential", "toFixed", "toLocaleString", "toPrecision", "toString", "valueOf"];
for (var i = 0; i < methods.length; i++) {
  var m = P[methods[i]];
  print(methods[i], err(function () { m.call("1"); }), err(function () { m.call({}); }), err(function () { m.call(undefined); }), err(function () { m.call(new String("1")); }), m.call(new Number(2)) !== undefined);
}
