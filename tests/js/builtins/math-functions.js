// The Math object: constants, every function's edge cases, coercion order.
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
print(typeof Math, Object.prototype.toString.call(Math), d(globalThis, "Math"), d(Math, Symbol.toStringTag), Object.getPrototypeOf(Math) === Object.prototype);
var consts = ["E", "LN10", "LN2", "LOG10E", "LOG2E", "PI", "SQRT1_2", "SQRT2"];
for (var i = 0; i < consts.length; i++) print(consts[i], d(Math, consts[i]));
var names = ["abs", "acos", "acosh", "asin", "asinh", "atan", "atanh", "atan2", "cbrt", "ceil", "clz32", "cos", "cosh", "exp", "expm1", "floor", "fround", "hypot", "imul", "log", "log1p", "log10", "log2", "max", "min", "pow", "random", "round", "sign", "sin", "sinh", "sqrt", "tan", "tanh", "trunc"];
var line = [];
for (var i = 0; i < names.length; i++) line.push(names[i] + "/" + Math[names[i]].length);
print(line.join(" "));
print(fn(Math.max), d(Math, "max"));

function z(x) { return x === 0 ? (1 / x > 0 ? "+0" : "-0") : String(x); }
var special = [NaN, 0, -0, Infinity, -Infinity, 1, -1, 0.5, -0.5, 2, 1e-300, 1e300, 0.49999999999999994, -0.49999999999999994, 2.5, -2.5, 4503599627370495.5];
var unary = ["abs", "acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "ceil", "cos", "cosh", "exp", "expm1", "floor", "fround", "log", "log1p", "log10", "log2", "round", "sign", "sin", "sinh", "sqrt", "tan", "tanh", "trunc"];
for (var i = 0; i < unary.length; i++) {
  var out = [];
  for (var j = 0; j < special.length; j++) out.push(z(Math[unary[i]](special[j])));
  print(unary[i], out.join(" "));
}
// Usual inputs.
var usual = [0.1, 0.7, 1.3, 3, 10, 123.456, -7.25, 100];
for (var i = 0; i < unary.length; i++) {
  var out = [];
  for (var j = 0; j < usual.length; j++) out.push(z(Math[unary[i]](usual[j])));
  print(unary[i], out.join(" "));
}
print(Math.sin(Math.PI), Math.cos(Math.PI), Math.tan(Math.PI / 4), Math.exp(1), Math.log(Math.E), Math.log10(1000), Math.log2(8), Math.cbrt(27), Math.cbrt(-64), Math.sqrt(2));
print(Math.abs("-5"), Math.abs(null), Math.abs([]), Math.abs([-3]), Math.abs({}), Math.abs(), Math.floor("3.7"), Math.ceil(-0.5), z(Math.ceil(-0.5)), z(Math.round(-0.5)), z(Math.round(-0.51)), Math.round(0.5));
print(Math.round(-4.5), Math.round(4.5), Math.round(2 ** 52 + 0.5), Math.round(-(2 ** 52)), Math.fround(5.5), Math.fround(5.05), Math.fround(2 ** 128), Math.fround(1e-50), z(Math.fround(-1e-50)), Math.trunc(-0.9));

print(Math.atan2(1, 1), Math.atan2(0, -0), z(Math.atan2(-0, 0)), Math.atan2(-0, -0), Math.atan2(1, -Infinity), Math.atan2(Infinity, Infinity), Math.atan2(NaN, 1), Math.atan2(-1, 0));
print(Math.pow(2, 10), Math.pow(2, 0.5), Math.pow(NaN, 0), Math.pow(1, NaN), Math.pow(1, Infinity), Math.pow(-1, -Infinity), Math.pow(0, -1), Math.pow(-0, -1), Math.pow(-0, -2), Math.pow(-8, 1 / 3));
print(Math.pow(-2, 3), z(Math.pow(-0, 3)), Math.pow(10, 308), Math.pow(10, 309), Math.pow(2, -1074), Math.pow(0.5, -Infinity), Math.pow(1.1, 10), Math.pow(), Math.pow(4), Math.pow("2", "3"));

print(Math.clz32(0), Math.clz32(1), Math.clz32(-1), Math.clz32(0.5), Math.clz32(2 ** 32), Math.clz32(2 ** 31), Math.clz32("8"), Math.clz32(NaN), Math.clz32(Infinity), Math.clz32());
print(Math.imul(2, 3), Math.imul(-1, 8), Math.imul(0xffffffff, 5), Math.imul(0x7fffffff, 0x7fffffff), Math.imul(1.9, 2.9), Math.imul(), Math.imul(2 ** 32 + 3, 4), Math.imul("3", "4"));

print(Math.max(), Math.min(), Math.max(1, 3, 2), Math.min(1, 3, 2), Math.max(1, NaN, 3), Math.min(NaN, 1), z(Math.max(-0, 0)), z(Math.max(0, -0)), z(Math.min(0, -0)), z(Math.min(-0, 0)));
print(Math.max("10", 9), Math.min([2], [1]), Math.max(undefined), Math.max(null, -1), Math.max(-Infinity, -1e308), Math.min(Infinity, 1e308));
var log = [];
function v(name, val) { return { valueOf: function () { log.push(name); return val; } }; }
print(Math.max(v("a", 1), NaN, v("b", 2)), log.join(","));
log = [];
print(Math.min(v("a", 1), v("b", NaN), v("c", 0)), log.join(","));
log = [];
print(Math.atan2(v("y", 1), v("x", 1)) === Math.PI / 4, Math.pow(v("base", 2), v("exp", 3)), Math.imul(v("a", 2), v("b", 3)), log.join(","));

print(Math.hypot(), Math.hypot(3, 4), Math.hypot(3, 4, 12), Math.hypot(-3), z(Math.hypot(-0)), z(Math.hypot(0, -0)), Math.hypot(NaN, Infinity), Math.hypot(Infinity, NaN), Math.hypot(NaN, 1), Math.hypot(-Infinity));
print(Math.hypot(1e200, 1e200), Math.hypot(1e-200, 1e-200), Math.hypot(0.1, 0.2), Math.hypot(1, 1, 1, 1), Math.hypot("3", [4]), Math.hypot(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
log = [];
print(Math.hypot(v("a", Infinity), v("b", NaN), v("c", 1)), log.join(","));
log = [];
print(err(function () { Math.hypot(v("a", 1), Symbol(), v("c", 1)); }), log.join(","));

var okRange = true, distinct = {};
for (var i = 0; i < 1000; i++) {
  var r = Math.random();
  if (!(r >= 0 && r < 1) || typeof r !== "number") okRange = false;
  distinct[r] = true;
}
print(okRange, Object.keys(distinct).length > 990, fn(Math.random));
print(err(function () { Math.abs(Symbol()); }), err(function () { Math.max(1, Symbol()); }), err(function () { new Math.abs(1); }));
