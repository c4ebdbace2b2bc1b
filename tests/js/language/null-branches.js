// Conditions comparing with a null literal compile to JumpIfNull /
// JumpIfNotNull; every form must keep === semantics (undefined, 0, "",
// false, NaN and document.all-like objects are not null).
var values = [null, undefined, 0, "", false, NaN, {}, [], "null"];
function names(v) { return v === null ? "null" : v === undefined ? "undefined" : typeof v + ":" + String(v); }
for (var i = 0; i < values.length; i++) {
  var v = values[i], out = [];
  if (v === null) out.push("eq"); else out.push("ne");
  if (null === v) out.push("eq-rev"); else out.push("ne-rev");
  if (v !== null) out.push("!eq"); else out.push("!ne");
  if (!(v === null)) out.push("not-eq"); else out.push("not-ne");
  if (v === null || v === undefined) out.push("nullish"); else out.push("present");
  if (v !== null && v !== undefined) out.push("both"); else out.push("neither");
  if ((v) === (null)) out.push("paren"); else out.push("noparen");
  out.push(v === null ? "t" : "f");
  var n = 0; while (v !== null && n < 2) n++;
  out.push("loop" + n);
  print(names(v), out.join(" "));
}
// The other side is evaluated once, in order.
var log = [];
function f(x) { log.push(x); return x; }
if (f(1) === null || null === f(2) || f(null) !== null) log.push("body"); else log.push("else");
print(log.join(","));
// A linked list walk, as AWFY's List does.
function Node(n, next) { this.n = n; this.next = next; }
var list = null;
for (var k = 0; k < 5; k++) list = new Node(k, list);
var sum = 0;
for (var p = list; p !== null; p = p.next) sum += p.n;
print("sum", sum);
