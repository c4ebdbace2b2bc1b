// replace / replaceAll / split with string patterns, GetSubstitution, and
// the Symbol.replace / split / match / matchAll / search protocol.
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
print(fn(P.replace), fn(P.replaceAll), fn(P.split), fn(P.match), fn(P.matchAll), fn(P.search));

var s = "abcabc";
print(s.replace("b", "X"), s.replace("", "X"), s.replace("z", "X"), s.replace("c", ""), s.replace("abc", "[$&]"), s.replace(98, 7));
print(s.replace("b", "[$`|$'|$$|$&]"), s.replace("b", "$1$2$01$<n>$"), s.replace("b", "$"), s.replace("b", "$$$"), s.replace("b", "$0"), s.replace("b", "$99$100"));
print(s.replace("c", "$'"), s.replace("a", "$`"), "x".replace("x", "$&$&"), s.replace("b", undefined), s.replace(undefined, "u"), "undefined".replace(undefined, "u"));
var calls = [];
print(s.replace("c", function (m, pos, str) { calls.push(m + "@" + pos + "@" + str + "@" + arguments.length + "@" + typeof this); return "<" + m + ">"; }), calls.join(";"));
print(s.replace("b", function () { return "$&"; }), s.replace("b", function () { return 1; }), s.replace("b", function () {}), s.replace("", function (m, p) { return "[" + p + "]"; }));
print(err(function () { P.replace.call(null, "a", "b"); }), err(function () { s.replace("b", function () { return Symbol(); }); }));

print(s.replaceAll("b", "X"), s.replaceAll("", "_"), "aaaa".replaceAll("aa", "b"), s.replaceAll("bc", "[$&$`]"), s.replaceAll("z", "y"), "".replaceAll("", "x"));
calls = [];
print(s.replaceAll("c", function (m, pos, str) { calls.push(pos); return m.toUpperCase(); }), calls.join(","), s.replaceAll("a", "$$"), s.replaceAll("b", "$'"));
print(err(function () { P.replaceAll.call(undefined, "a", "b"); }));

// Order: this coercion happens after the Symbol.replace lookup, before searchValue's ToString.
var log = [];
var thisObj = { toString: function () { log.push("this"); return "abc"; } };
var pat = { toString: function () { log.push("pattern"); return "b"; } };
var rep = { toString: function () { log.push("replacement"); return "B"; } };
print(P.replace.call(thisObj, pat, rep), log.join(","));
log = [];
print(P.replaceAll.call(thisObj, pat, rep), log.join(","));

// Symbol.replace on an object pattern wins; primitives' prototypes are not
// consulted (ES2025; node 20 still consults them, so that case is left out).
var custom = {};
custom[Symbol.replace] = function (str, rep) { return "custom(" + str + "," + rep + "," + (this === custom) + ")"; };
print("abc".replace(custom, "r"), "abc".replaceAll(custom, "r"), P.replace.call(5, custom, 6));
custom[Symbol.replace] = null;
custom.toString = function () { return "b"; };
print("abc".replace(custom, "R"));
custom[Symbol.replace] = 1;
print(err(function () { "abc".replace(custom, "R"); }));

// replaceAll with an IsRegExp pattern checks flags for "g".
var rx = {};
rx[Symbol.match] = true;
rx.flags = "i";
rx[Symbol.replace] = function () { return "rx replace"; };
print(err(function () { "a".replaceAll(rx, ""); }));
rx.flags = "gi";
print("a".replaceAll(rx, ""));
rx.flags = undefined;
print(err(function () { "a".replaceAll(rx, ""); }));

// split.
function show(a) { return a.length + ":" + JSON.stringify(a); }
print(show("a,b,,c".split(",")), show("a,b,c".split(",", 2)), show("abc".split("")), show("abc".split("", 2)), show("abc".split()), show("abc".split(undefined, 0)));
print(show("".split(",")), show("".split("")), show("abc".split("abc")), show("abcabc".split("bc")), show("a,b".split(",", -1)), show("a,b".split(",", 4294967297)));
print(show("a1b1c".split(1)), show("anullb".split(null)), show("a,b".split(",", undefined)), show("a😀b".split("")), show("ab".split("ab", 0)));
log = [];
var limObj = { valueOf: function () { log.push("limit"); return 1; } };
var sepObj = { toString: function () { log.push("separator"); return ","; } };
print(show(P.split.call(thisObj, sepObj, limObj)), log.join(","));
var splitter = {};
splitter[Symbol.split] = function (str, lim) { return "split(" + str + "," + lim + ")"; };
print("abc".split(splitter, 3), P.split.call(null === 1 ? 0 : 12, splitter));
print(err(function () { P.split.call(null, ","); }));

// match / matchAll / search call the pattern's method.
var m = {};
m[Symbol.match] = function (str) { return "match(" + str + ")"; };
m[Symbol.search] = function (str) { return "search(" + str + ")"; };
var ma = {};
ma[Symbol.matchAll] = function (str) { return "matchAll(" + str + ")"; };
print("abc".match(m), "abc".matchAll(ma), "abc".search(m), P.match.call(12, m), P.search.call(true, m));
print(err(function () { "abc".matchAll(m); }));
var gm = {};
gm[Symbol.match] = true;
gm.flags = "y";
gm[Symbol.matchAll] = function () { return "gm"; };
print(err(function () { "a".matchAll(gm); }));
gm.flags = "gy";
print("a".matchAll(gm));
print(err(function () { P.match.call(null, m); }), err(function () { P.matchAll.call(undefined, ma); }), err(function () { P.search.call(null, m); }));
var bad = {};
bad[Symbol.search] = "not callable";
print(err(function () { "a".search(bad); }));
