// Number constructor, constants, predicates, parseInt / parseFloat.
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
print(typeof Number, fn(Number), d(globalThis, "Number"), d(Number, "prototype"), "|", d(Number.prototype, "constructor"));
print(Object.prototype.toString.call(Number.prototype), Number.prototype.valueOf(), 1 / Number.prototype.valueOf());
var consts = ["EPSILON", "MAX_SAFE_INTEGER", "MAX_VALUE", "MIN_SAFE_INTEGER", "MIN_VALUE", "NaN", "NEGATIVE_INFINITY", "POSITIVE_INFINITY"];
for (var i = 0; i < consts.length; i++) print(consts[i], d(Number, consts[i]));
print(Number.EPSILON === Math.pow(2, -52), Number.MIN_VALUE > 0, Number.MIN_VALUE / 2, Number.MAX_VALUE * 2);

print(Number(), Number(undefined), Number(null), Number(true), Number(""), Number(" 12 "), Number("0x1F"), Number("0b101"), Number("0o17"), Number("1e3"), Number("-0") === 0);
print(1 / Number("-0"), Number("12px"), Number("Infinity"), Number("-Infinity"), Number("infinity"), Number("1_000"), Number([]), Number([5]), Number([1, 2]), Number({}));
print(Number({ valueOf: function () { return "7"; } }), Number(new Number(3)), Number("\u00a0 42 \n"), Number(".5"), Number("5."), Number("."), Number("+.5e1"), Number("-0x10"));
print(err(function () { Number(Symbol()); }), err(function () { new Number(Symbol()); }));
var w = new Number(42);
print(typeof w, w + 1, Object.prototype.toString.call(w), w instanceof Number, Object.keys(w).length, typeof new Number());
class Sub extends Number {}
var r = new Sub("5");
print(Object.getPrototypeOf(r) === Sub.prototype, r instanceof Number, r.valueOf(), r.toFixed(1));

print(fn(Number.isFinite), fn(Number.isInteger), fn(Number.isNaN), fn(Number.isSafeInteger));
var vals = [0, -0, 1, 1.5, -1e300, NaN, Infinity, -Infinity, "5", null, undefined, true, new Number(5), 9007199254740991, 9007199254740992, -9007199254740991, 2 ** 53 + 2, 5e-324];
for (var i = 0; i < vals.length; i++) {
  var v = vals[i];
  print(String(v), Number.isFinite(v), Number.isInteger(v), Number.isNaN(v), Number.isSafeInteger(v));
}

print(Number.parseFloat === parseFloat, Number.parseInt === parseInt, fn(parseFloat), fn(parseInt), d(globalThis, "parseInt"), d(globalThis, "parseFloat"));
print(parseFloat("3.14abc"), parseFloat("  -.5e-3x"), parseFloat("Infinityx"), parseFloat("-Infinity"), parseFloat("1e"), parseFloat("0x10"), parseFloat(""), parseFloat("abc"), parseFloat(".e1"));
print(1 / parseFloat("-0"), parseFloat("\u2028 1"), parseFloat("1e1000"), parseFloat("1.7976931348623159e308"), parseFloat([" 2.5", 3]), parseFloat(null));
print(parseInt("42px"), parseInt("  -0x1F"), parseInt("0x"), parseInt("ff", 16), parseInt("0xff", 16), parseInt("0xff", 10), parseInt("101", 2), parseInt("z", 36), parseInt("10", 37), parseInt("10", 1));
print(parseInt("10", 0), parseInt("10", undefined), parseInt("10", 4294967312), 1 / parseInt("-0"), parseInt(""), parseInt("-"), parseInt("123", -1), parseInt("9007199254740993"), parseInt("1e3"), parseInt(0.0000005));
print(parseInt("12345678901234567890123"), parseInt("zzzzzzzzzzzzzz", 36), parseInt("\ufeff 7"), parseInt(null, 36), parseInt("11", "2"), parseInt(" +8 "));
var order = [];
parseInt({ toString: function () { order.push("string"); return "1"; } }, { valueOf: function () { order.push("radix"); return 10; } });
print(order.join(","), err(function () { parseInt(Symbol()); }), err(function () { parseFloat(Symbol()); }));
