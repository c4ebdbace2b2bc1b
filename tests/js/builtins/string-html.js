// Annex B HTML methods.
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
var names = ["anchor", "big", "blink", "bold", "fixed", "fontcolor", "fontsize", "italics", "link", "small", "strike", "sub", "sup"];
for (var i = 0; i < names.length; i++) print(fn(P[names[i]]), d(P, names[i]));
print("a".anchor('x"y'), "a".big(), "a".blink(), "a".bold(), "a".fixed(), "a".fontcolor("red"), "a".fontsize(7));
print("a".italics(), "a".link("http://x/?a=\"b\""), "a".small(), "a".strike(), "a".sub(), "a".sup(), "a".anchor());
print(P.bold.call(42), err(function () { P.bold.call(null); }), err(function () { "a".anchor(Symbol()); }));
