// Deep nesting: moderate depths work, excessive depths throw a RangeError
// instead of overflowing the native stack.
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
var ok = [];
for (var i = 0; i < 1000; i++) ok = [ok];
print(JSON.stringify(ok).length);
var text = "";
for (var i = 0; i < 500; i++) text += "[";
for (var i = 0; i < 500; i++) text += "]";
var v = JSON.parse(text), n = 0;
while (Array.isArray(v) && v.length) { v = v[0]; n++; }
print(n);
var revived = 0;
JSON.parse(text, function (k, v) { revived++; return v; });
print(revived);
// Deeper: V8 throws a RangeError past a few thousand levels (its stack
// limit), Strata has a larger native stack; neither may crash.
var deep = [];
for (var i = 0; i < 1500; i++) deep = [deep];
var r = err(function () { JSON.stringify(deep); });
print(r === "no error" || r === "RangeError");
var obj = {};
for (var i = 0; i < 1500; i++) obj = { a: obj };
r = err(function () { JSON.stringify(obj); });
print(r === "no error" || r === "RangeError");
var open = "";
for (var i = 0; i < 1500; i++) open += "[";
r = err(function () { JSON.parse(open + "1" + "]".repeat(1500)); });
print(r === "no error" || r === "RangeError");
