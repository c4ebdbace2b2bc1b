// Destructuring assignment: targets are any references, evaluated in order.
var a, b, o = {}, arr = [];
[a, b] = [1, 2];
[a, b] = [b, a];
print(a, b);
({ a, b: o.prop, c: arr[0] = "dflt" } = { a: 10, b: 20 });
print(a, o.prop, arr[0]);
var result = ({ a } = { a: 99 });
print(a, result.a);
[o.x, ...o.rest] = "xyz";
print(o.x, o.rest.join());
var order = [];
var target = { set p(v) { order.push("set " + v); } };
function key(k) { order.push("key " + k); return k; }
({ [key("a")]: target.p, [key("b")]: target.p } = { a: 1, b: 2 });
print(order.join(", "));
var log = [];
var src = { get first() { log.push("get first"); return 1; } };
function obj() { log.push("target obj"); return {}; }
({ first: obj().f } = src);
print(log.join(", "));
var rest;
({ x: a, ...rest } = { x: 1, y: 2, z: 3 });
print(a, Object.keys(rest).join());
[a = 5, [b] = [6]] = [];
print(a, b);
var n = 0;
[n, n] = [1, 2];
print(n);
