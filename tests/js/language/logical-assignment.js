// Logical assignment: ||=, &&=, ??= assign only when needed (no setter
// call otherwise) and short-circuit the right-hand side.
var a = 0, b = 1, c = null;
a ||= 5; b ||= 6; c ??= 7;
print(a, b, c);
var d = 1, e = 0;
d &&= 2; e &&= 3;
print(d, e);
var log = [];
var o = { get p() { log.push("get"); return this._p; }, set p(v) { log.push("set " + v); this._p = v; }, _p: 1 };
o.p ||= 10;
o.p &&= 20;
o.p ??= 30;
print(log.join(", "), o._p);
function rhs() { log.push("rhs"); return 99; }
log = [];
var t = true;
t ||= rhs();
var nn = "x";
nn ??= rhs();
print(log.length, t, nn);
var obj = {};
obj.x ??= function () {};
var f;
f ||= () => {};
print(obj.x.name, f.name);
var arr = [null];
arr[0] ??= "filled";
print(arr[0]);
const frozen = Object.freeze({ v: 1 });
frozen.v ||= 2;
print(frozen.v);
const k = 1;
k ||= 2;
print(k);
try { const z = 0; z ||= 1; } catch (err) { print(err.constructor.name); }
