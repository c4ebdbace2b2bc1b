// Character access and searching.
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
print(fn(P.at), fn(P.charAt), fn(P.charCodeAt), fn(P.codePointAt));
print(fn(P.indexOf), fn(P.lastIndexOf), fn(P.includes), fn(P.startsWith), fn(P.endsWith), fn(P.concat));
print(d(P, "at"), "|", d(P, "indexOf"));

var s = "abc😀d";
print(s.at(0), s.at(-1), s.at(-6), s.at(6), s.at(1.7), s.at("2"), s.at(-Infinity), s.at(NaN), codes(s.at(3)));
print(s.charAt(), s.charAt(2), JSON.stringify(s.charAt(-1)), JSON.stringify(s.charAt(6)), s.charAt(Infinity) === "", codes(s.charAt(4)));
print(s.charCodeAt(), s.charCodeAt(3), s.charCodeAt(4), s.charCodeAt(-1), s.charCodeAt(99), s.charCodeAt(0.9));
print(s.codePointAt(3), s.codePointAt(4), s.codePointAt(5), s.codePointAt(6), s.codePointAt(-1));
print("\ud800".codePointAt(0), "\ud800x".codePointAt(0), "\udc00\ud800".codePointAt(0), "\ud800\udc00".codePointAt(0));
print(P.at.call(12345, -2), P.charAt.call(true, 1), P.charCodeAt.call(7), err(function () { P.at.call(null, 0); }), err(function () { P.charAt.call(undefined); }));

// indexOf / lastIndexOf.
var t = "abcabcab";
print(t.indexOf("b"), t.indexOf("b", 2), t.indexOf("b", -5), t.indexOf("b", 99), t.indexOf(""), t.indexOf("", 5), t.indexOf("", 99), t.indexOf("zz"));
print(t.indexOf("abcabcabc"), t.indexOf("cab", 3), "undefined".indexOf(), "null x".indexOf(null), t.indexOf("a", NaN));
print(t.lastIndexOf("b"), t.lastIndexOf("b", 3), t.lastIndexOf("b", 0), t.lastIndexOf("a", 0), t.lastIndexOf("b", -Infinity), t.lastIndexOf("b", NaN));
print(t.lastIndexOf(""), t.lastIndexOf("", 2), t.lastIndexOf("abcabcabc"), t.lastIndexOf("ab", 99), t.lastIndexOf("cab", 4), "aaa".lastIndexOf("aa"));
print(P.indexOf.length, P.lastIndexOf.call(1231, 1), err(function () { P.indexOf.call(null, "a"); }));

// includes / startsWith / endsWith.
print(t.includes("cab"), t.includes("cab", 6), t.includes(""), t.includes("", 99), t.includes("x"), "a,b".includes(["a", "b"]));
print(t.startsWith("abc"), t.startsWith("bc", 1), t.startsWith("abc", -3), t.startsWith("ab", 6), t.startsWith("ab", 7), t.startsWith(""));
print(t.endsWith("ab"), t.endsWith("ca", 7), t.endsWith("abc", 3), t.endsWith("abc", 2), t.endsWith("", 0), t.endsWith("ab", 99), t.endsWith("ab", -1));
var re = { toString: function () { return "ab"; } };
re[Symbol.match] = true;
print(err(function () { t.includes(re); }), err(function () { t.startsWith(re); }), err(function () { t.endsWith(re); }));
re[Symbol.match] = false;
print(t.includes(re), t.startsWith(re), t.endsWith(re));
var notRe = { toString: function () { return "ca"; } };
notRe[Symbol.match] = undefined;
print(t.includes(notRe));
print(err(function () { P.includes.call(undefined, "a"); }), err(function () { "a".includes(Symbol()); }));

// Order of coercions: this, then searchString, then position.
var log = [];
var thisObj = { toString: function () { log.push("this"); return "xyz"; } };
var searchObj = { toString: function () { log.push("search"); return "y"; } };
var posObj = { valueOf: function () { log.push("pos"); return 0; } };
P.indexOf.call(thisObj, searchObj, posObj);
P.includes.call(thisObj, searchObj, posObj);
P.endsWith.call(thisObj, searchObj, posObj);
print(log.join(","));

// concat.
print("a".concat(), "a".concat(1, null, undefined, [2, 3], {}), P.concat.call(5, 6), err(function () { P.concat.call(null); }));
print(err(function () { "a".concat(Symbol()); }));
