// Behaviour the interpreter's fast handlers take over from the generic
// path: each case runs often enough to use the fast form and compares
// with what the specification says.

// Construct frames returning through the fast Return.
class Base { constructor(r) { this.tag = "base"; if (r !== undefined) return r; } }
class Derived extends Base { constructor(r, own) { super(r); this.d = 1; if (own !== undefined) return own; } }
class Deeper extends Derived { constructor() { super(); this.e = 2; } }
function Plain(v) { this.v = v; return v; }
var out = [];
for (var i = 0; i < 50; i++) {
  var a = new Base(), b = new Base(7), c = new Base({ x: i }), p = new Plain(i), q = new Plain({ o: i });
  var d = new Derived(), e = new Deeper(), f = new Derived(undefined, { own: i });
  if (i === 49) out.push(a.tag, b.tag, c.x, p.v, q.o, d.tag + d.d, e.tag + e.d + e.e, f.own);
}
print(out.join(" "));
class BadReturn extends Base { constructor() { super(); return 1; } }
class NoSuper extends Base { constructor() { } }
for (var k = 0; k < 3; k++) {
  try { new BadReturn(); } catch (err) { print(err.constructor.name); }
  try { new NoSuper(); } catch (err) { print(err.constructor.name); }
}

// Scaled LdaSmi (Wide and ExtraWide prefixes).
var s = 0;
for (var j = 0; j < 100; j++) s = (s * 1309 + 13849) & 65535;
print(s, -40000 + 1, 2147483647, -2147483648, 1402589 % 1000, 300 - 200);

// LogicalNot on booleans, and `!` on anything.
var nots = [];
for (var m = 0; m < 20; m++) { var t = m % 3 === 0; nots.push(!(m < 10) ? 1 : 0, !t ? "y" : "n"); }
print(nots.slice(0, 12).join(""), ![] , !"", !0, !null);

// Closures share a cached shape: the same own keys, in order, each time.
function make() {
  return [function () {}, function () { "use strict"; }, () => 1, function* () {}, async function () {}, { m() {} }.m];
}
var first = make().map(function (fn) { return Object.getOwnPropertyNames(fn).join(","); });
for (var n = 0; n < 30; n++) make();
var again = make().map(function (fn) { return Object.getOwnPropertyNames(fn).join(","); });
print(first.join(" | "));
print(first.join() === again.join());
var g1 = make()[0], g2 = make()[0];
g1.extra = 1;
print(Object.getOwnPropertyNames(g2).join(","), g1.length, g1.name === "", typeof g2.prototype);
