// JSON.parse: grammar, errors, __proto__, reviver walk.
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
print(typeof JSON, Object.prototype.toString.call(JSON), d(globalThis, "JSON"), d(JSON, Symbol.toStringTag), fn(JSON.parse), fn(JSON.stringify), d(JSON, "parse"));

print(JSON.parse("1"), JSON.parse(" -0.5e+2 "), 1 / JSON.parse("-0"), JSON.parse("1E400"), JSON.parse("123456789012345678901234567890"), JSON.parse("0.1"), JSON.parse("-2147483648"), JSON.parse("2147483648"));
print(JSON.parse("true"), JSON.parse("false"), JSON.parse("null"), JSON.parse('"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u0041\\u00e9"') === 'a"b\\c/d\b\f\n\r\tAé', codes(JSON.parse('"\\ud800\\uDC00\\udc00"')));
var o = JSON.parse(' { "a" : [1, 2, {"b": null}], "c": "d", "1": true, "0": false, "": "empty" } ');
print(JSON.stringify(o), Object.keys(o).join(","), o.a.length, Array.isArray(o.a));
print(JSON.stringify(JSON.parse('{"a":1,"a":2}')), JSON.stringify(JSON.parse("[]")), JSON.stringify(JSON.parse("{}")), JSON.stringify(JSON.parse("[[[[]]]]")));
var p = JSON.parse('{"__proto__": 1, "x": {"__proto__": []}}');
print(Object.getPrototypeOf(p) === Object.prototype, p.__proto__ === 1, Object.keys(p).join(","), Array.isArray(Object.getOwnPropertyDescriptor(p.x, "__proto__").value));
print(JSON.parse(1), JSON.parse(true), JSON.parse(null), JSON.parse(new String('"s"')), JSON.parse({ toString: function () { return "[7]"; } })[0], JSON.parse("\t\r\n 5 \n"));

var bad = ["", " ", "{", "}", "[1,", "[1,]", "[,1]", '{"a":1,}', '{"a" 1}', '{a:1}', "{'a':1}", "'a'", "abc", "tru", "nul", "01", "-01", "1.", ".1", "1e", "1e+", "-", "+1", "0x10", "Infinity", "NaN", "1 2", '"\u0001"', '"\t"', '"abc', '"\\x41"', '"\\u00G0"', '"\\u12"', "[1 2]", '{"a":1 "b":2}', "\u00a01", "\ufeff1", "[1]]", "undefined", '"\\', "/*c*/1", "1//c"];
var res = [];
for (var i = 0; i < bad.length; i++) res.push(err(function () { JSON.parse(bad[i]); }));
print(res.join(" "));
print(err(function () { JSON.parse(); }), err(function () { JSON.parse(Symbol()); }), err(function () { JSON.parse("{}", 1); }));

// Reviver: bottom-up, key order, deletion on undefined, holder as this.
var seen = [];
var r = JSON.parse('{"a": [1, {"b": 2}], "c": 3, "2": 4, "1": 5}', function (k, v) {
  seen.push(JSON.stringify(k) + ":" + (typeof v === "object" ? (Array.isArray(v) ? "array" : "object") : v) + ":" + (typeof this));
  if (k === "c") return undefined;
  if (typeof v === "number") return v * 10;
  return v;
});
print(seen.join(" "));
print(JSON.stringify(r), "c" in r);
var rootThis;
print(JSON.parse("[1,2,3]", function (k, v) { if (k === "") rootThis = this; return k === "1" ? undefined : v; }).length, rootThis && Object.keys(rootThis).join("|") === "", JSON.stringify(JSON.parse("[1,2,3]", function (k, v) { return k === "1" ? undefined : v; })));
// ES2026 passes the reviver a third argument, the context (JSON.parse source
// text access); node 20 predates it and prints 2 here: the .out says 3.
print(JSON.parse("5", function (k, v) { return [k, v, arguments.length]; }).join(","));
// The reviver can change the structure it walks.
var walked = [];
JSON.parse('{"a": {"x": 1}, "b": 2}', function (k, v) {
  walked.push(k);
  if (k === "x") { delete this.x; this.y = 9; }
  if (k === "a") { return v; }
  return v;
});
print(walked.join(","));
var walked2 = [];
JSON.parse('[{"k": 1}, 2]', function (k, v) {
  walked2.push(k);
  if (k === "k") this.extra = 5;
  return v;
});
print(walked2.join(","));
// Array revival goes by length: a reviver that grows the array.
var walked3 = [];
JSON.parse("[1, 2]", function (k, v) { walked3.push(k); if (k === "0") this.push(3); return v; });
print(walked3.join(","));
print(err(function () { JSON.parse("[1]", function () { throw new RangeError("x"); }); }));
// Non-configurable properties: deletion and redefinition failures are ignored.
var frozen = JSON.parse('{"a": {"b": 1, "c": 2}}', function (k, v) { if (k === "a") return v; if (k === "b") { Object.freeze(this); return undefined; } return v; });
print(JSON.stringify(frozen));

