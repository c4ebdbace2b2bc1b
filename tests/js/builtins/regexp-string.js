// String.prototype.match/matchAll/replace/replaceAll/search/split with
// RegExp arguments, RegExp.prototype's Symbol methods, the generic
// RegExpExec protocol (user exec methods), @@species, GetSubstitution with
// $<name>, and %RegExpStringIteratorPrototype%.
function show(v) {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return "[" + v.map(show).join(",") + "]";
  if (typeof v === "string") return JSON.stringify(v);
  return String(v);
}
function err(f) {
  try {
    return "ok " + show(f());
  } catch (e) {
    return e.constructor.name;
  }
}

// match / matchAll
console.log("match", show("a1b22c333".match(/\d+/g)), show("abc".match(/x/g)), show("abc".match(/(b)(x)?/).slice()));
console.log("match empty", show("abc".match(/(?:)/g)), show("😀😀".match(/(?:)/gu)), show("😀".match(/(?:)/g).length));
console.log("match string arg", show("a.c".match(".")), err(function () { return "a+c".match("+"); }));
var all = [..."a1b22c333".matchAll(/(?<d>\d)(\d)?/g)].map(function (m) { return m[0] + ":" + m[2] + ":" + m.groups.d + "@" + m.index; });
console.log("matchAll", all.join(" "));
console.log("matchAll non-global", err(function () { return "a".matchAll(/a/); }), [..."aXa".matchAll("a")].length);
var it = "ab".matchAll(/./g);
console.log("iterator", Object.prototype.toString.call(it), typeof it.next, it[Symbol.iterator]() === it);
console.log("iterator steps", show(it.next().value.slice()), show(it.next().value.slice()), it.next().done, it.next().done);
var proto = Object.getPrototypeOf(it);
console.log("iterator proto", Object.getPrototypeOf(proto) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), err(function () { return proto.next.call({}); }));

// replace / replaceAll
console.log("replace", "a1b22".replace(/\d+/, "#"), "a1b22".replace(/\d+/g, "#"), "aaa".replace(/a/gy, "b"), "baa".replace(/a/gy, "b"));
console.log("subst", "john smith".replace(/(\w+)\s(\w+)/, "$2, $1"), "abc".replace(/b/, "[$`|$&|$'|$$]"), "abc".replace(/(b)/, "$01$10$2"));
console.log("named", "2024-05".replace(/(?<y>\d+)-(?<m>\d+)/, "$<m>/$<y>"), "ab".replace(/(?<x>a)/, "[$<nope>]"), "ab".replace(/(a)/, "[$<x>]"));
console.log("fn", "a1b2".replace(/(?<n>\d)/g, function (m, p1, off, s, groups) { return "<" + m + p1 + off + s.length + groups.n + ">"; }));
console.log("fn args", "xay".replace(/a(b)?/, function () { return arguments.length + ":" + arguments[1]; }));
console.log("empty global", "abc".replace(/(?:)/g, "-"), "😀".replace(/(?:)/gu, "-").length, "😀".replace(/(?:)/g, "-").length);
console.log("replaceAll", "a.b.c".replaceAll(/\./g, "!"), err(function () { return "a".replaceAll(/a/, "b"); }), "a.b".replaceAll(".", "$&$&"));
var rx = /a/g;
rx.lastIndex = 2;
console.log("replace resets lastIndex", "aaa".replace(rx, "b"), rx.lastIndex);

// search / split
var s = /b/g;
s.lastIndex = 5;
console.log("search", "abc".search(/c/), "abc".search(/x/), "abc".search(s), s.lastIndex, "a.c".search("."));
console.log("split", show("a1b2c".split(/\d/)), show("a1b2c".split(/(\d)/)), show("a1b2c".split(/\d/, 2)), show("abc".split(/(?:)/)));
console.log("split more", show("".split(/x/)), show("".split(/(?:)/)), show("ab".split(/a*?/)), show("ab".split(/a*/)), show("A<B>bold</B>".split(/<(\/)?([^<>]+)>/)));
console.log("split unicode", show("😀x😀".split(/(?:)/u).length), show("😀x😀".split(/(?:)/).length), show("a, b ,c".split(/\s*,\s*/)));
console.log("split limit 0", show("abc".split(/b/, 0)), show("abc".split(/(b)/, 2)));

// The generic protocol: a user exec method.
var calls = 0;
var custom = /x/g;
custom.exec = function (str) {
  calls++;
  if (calls > 2) return null;
  return { 0: "Q", index: calls, length: 1, groups: undefined };
};
console.log("user exec replace", "abcd".replace(custom, "_"), calls);
calls = 0;
console.log("user exec match", show("abcd".match(custom)), calls);
var bad = /x/;
bad.exec = function () { return 1; };
console.log("user exec non-object", err(function () { return bad.test("x"); }));
var plain = { exec: function () { return { 0: "z", index: 0 }; } };
console.log("test generic", RegExp.prototype.test.call(plain, "z"), err(function () { return RegExp.prototype.test.call({ exec: 1 }, "z"); }));

// @@species for split and matchAll.
var made = [];
class Spy extends RegExp {
  static get [Symbol.species]() { made.push("species"); return RegExp; }
}
console.log("species", show("a-b".split(new Spy("-"))), made.join(","));

// Symbol methods on objects that are not RegExps, through String methods.
var matcher = {};
matcher[Symbol.match] = function (str) { return "matched " + str; };
matcher[Symbol.replace] = function (str, rep) { return "replaced " + str + " with " + rep; };
matcher[Symbol.split] = function (str, lim) { return "split " + str + " " + lim; };
matcher[Symbol.search] = function (str) { return "searched " + str; };
console.log(("abc").match(matcher), "|", "abc".replace(matcher, "z"), "|", "abc".split(matcher, 3), "|", "abc".search(matcher));
var notRegExp = /a/;
notRegExp[Symbol.match] = false;
console.log("IsRegExp false", "/a/".startsWith(notRegExp), err(function () { return "a".startsWith(/a/); }));
console.log("legacy statics", /(\d)(\d)?/.test("x1y") && RegExp.$1, RegExp.lastMatch, RegExp["$`"], RegExp.rightContext, RegExp.input, JSON.stringify(RegExp.$2));
