// RegExp objects: literals (a new object per evaluation), the constructor,
// flags and their getters, exec results (index, input, groups, indices),
// lastIndex under g/y, unicode mode over surrogate pairs, lookbehind,
// source escaping, toString, compile and the RegExp.prototype special cases.
function show(v) {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return "[" + v.map(show).join(",") + "]";
  if (typeof v === "object") {
    return "{" + Object.keys(v).map(function (k) { return k + ":" + show(v[k]); }).join(",") + "}";
  }
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
function m(re, s) {
  var r = re.exec(s);
  if (r === null) return "null";
  var out = show(Array.prototype.slice.call(r)) + " @" + r.index;
  if (r.groups !== undefined) out += " groups=" + show(r.groups);
  if (r.indices !== undefined) {
    out += " indices=" + show(Array.prototype.slice.call(r.indices));
    if (r.indices.groups !== undefined) out += " igroups=" + show(r.indices.groups);
  }
  return out;
}

// Literals: one object per evaluation, with its own lastIndex.
var made = [];
for (var i = 0; i < 2; i++) made.push(/a/g);
console.log("fresh", made[0] !== made[1], made[0].lastIndex, Object.getPrototypeOf(made[0]) === RegExp.prototype);
var lid = Object.getOwnPropertyDescriptor(made[0], "lastIndex");
console.log("lastIndex desc", lid.writable, lid.enumerable, lid.configurable);

// exec results.
console.log(m(/(\d+)-(\d+)?/, "ab 12- cd"));
console.log(m(/(?<year>\d{4})-(?<month>\d\d)/, "on 2024-05-17"));
console.log(m(/a(?<x>b)?(c)/d, "zzac"));
console.log(m(/(?<=\$)\d+(?!\d)/, "cost: $42 or 17"));
console.log(m(/(?<!\$)\b\d+/, "cost: $42 or 17"));
console.log(m(/^b/m, "a\nb"), m(/a.c/s, "a\nc"), m(/a.c/, "a\nc"));
console.log(m(/ABC/i, "xabcx"), m(/\bfoo\b/, "a foo b"));
var r = /o/g;
var seen = [];
while (r.exec("foo boo") !== null) seen.push(r.lastIndex);
console.log("global lastIndex", seen.join(","), r.lastIndex);
var y = /a/y;
console.log("sticky", y.test("aab"), y.lastIndex, y.test("aab"), y.lastIndex, y.test("aab"), y.lastIndex);
var li = /a/g;
li.lastIndex = "1";
console.log("ToLength lastIndex", li.exec("aba").index, li.lastIndex);
li.lastIndex = -5;
console.log("negative lastIndex", li.exec("aba").index);
li.lastIndex = 99;
console.log("past end", li.exec("aba"), li.lastIndex);
var nonGlobal = /a/;
nonGlobal.lastIndex = 2;
console.log("non-global ignores lastIndex", nonGlobal.exec("aba").index, nonGlobal.lastIndex);

// Unicode: surrogate pairs are one character with u, two without.
console.log("u", "x😀y".match(/./gu).length, "x😀y".match(/./g).length, /^.$/u.test("😀"), /^.$/.test("😀"));
console.log("u escapes", /\u{1F600}/u.test("😀"), /\p{Script=Greek}/u.test("α"), /\P{L}/u.test("a"));
var pair = /\udf06/u;
console.log("half pair", pair.exec("\ud834\udf06"), /\udf06/.exec("\ud834\udf06").index);
var mid = /./gu;
mid.lastIndex = 1;
var midr = mid.exec("\ud834\udf06");
console.log("lastIndex inside a pair", midr.index, midr[0].length, mid.lastIndex);
console.log("case folding", /\u212a/iu.test("k"), /\u212a/i.test("k"), /ß/iu.test("ẞ"));
console.log("v flag", /[\p{L}--[a-z]]/v.test("a"), /[\p{L}--[a-z]]/v.test("Q"), /[[a-z]&&[aeiou]]/v.test("e"), /[[a-z]&&[aeiou]]/v.test("b"));

// Constructor.
var base = /x/gi;
console.log("ctor", String(new RegExp(base)), String(new RegExp(base, "m")), RegExp(base) === base, new RegExp(base) !== base);
console.log("ctor strings", String(new RegExp("a/b", "y")), String(new RegExp()), String(new RegExp(undefined, "g")), String(RegExp("\n")));
var like = { source: "q+", flags: "g", constructor: RegExp };
like[Symbol.match] = true;
console.log("regexp-like", String(new RegExp(like)), RegExp(like) === like);
console.log("bad", err(function () { return new RegExp("("); }), err(function () { return new RegExp("a", "gg"); }),
  err(function () { return new RegExp("a", "x"); }), err(function () { return new RegExp("a", "uv"); }),
  err(function () { return new RegExp("\\p{Nope}", "u"); }), err(function () { return new RegExp("a{2,1}"); }));
class Sub extends RegExp {}
var sub = new Sub("b+", "g");
console.log("subclass", sub instanceof Sub, sub.exec("abbb")[0], String(sub), Sub[Symbol.species] === Sub);

// Flags and source.
var all = new RegExp("a", "dgimsuy");
console.log("flags", all.flags, all.hasIndices, all.global, all.ignoreCase, all.multiline, all.dotAll, all.unicode, all.sticky, all.unicodeSets);
console.log("v flags", new RegExp("a", "v").flags, new RegExp("a", "v").unicodeSets);
console.log("source", /a\/b/.source, new RegExp("/").source, new RegExp("[/]").source, new RegExp("\n\r").source, new RegExp("").source);
console.log("proto", RegExp.prototype.source, RegExp.prototype.global, RegExp.prototype.flags === "", String(RegExp.prototype));
console.log("proto not regexp", Object.prototype.toString.call(RegExp.prototype), err(function () { return RegExp.prototype.exec("a"); }));
console.log("getter on other", err(function () { return Object.getOwnPropertyDescriptor(RegExp.prototype, "global").get.call({}); }));
var fake = { source: "S", flags: "F" };
console.log("generic toString", RegExp.prototype.toString.call(fake), Object.prototype.toString.call(/x/));
var flagsGetter = Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get;
var order = [];
var probe = {};
["hasIndices", "global", "ignoreCase", "multiline", "dotAll", "unicode", "unicodeSets", "sticky"].forEach(function (k) {
  Object.defineProperty(probe, k, { get: function () { order.push(k); return k !== "unicode"; } });
});
// (the spec reads unicodeSets before sticky; node 20 reads it last)
console.log("flags read", flagsGetter.call(probe), order.length);

// Annex B compile.
var c = /a/g;
c.lastIndex = 3;
console.log("compile", String(c.compile("b+", "i")), c.lastIndex, c.test("BB"), String(c.compile(/z/m)));
console.log("compile errors", err(function () { return c.compile(/z/, "g"); }), err(function () { return RegExp.prototype.compile.call({}, "b"); }));
console.log("test on a frozen global", err(function () { return Object.freeze(/a/g).test("b"); }));
