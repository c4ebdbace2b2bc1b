// Spread in calls and new; argument evaluation order.
function f(...args) { return args.join(); }
var arr = [1, 2];
print(f(...arr), f(0, ...arr), f(...arr, 3), f(...arr, ...arr), f(...[], ...""));
print(Math.max(...[3, 9, 4]), Math.max(1, ...[2], 3));
var o = { m(...a) { return this.name + a.length; }, name: "o" };
print(o.m(...arr), o["m"](...arr, 5));
function C(a, b) { this.sum = a + b; }
print(new C(...arr).sum, new C(1, ...[10]).sum);
var order = [];
function t(v) { order.push(v); return [v]; }
f(...t(1), t(2), ...t(3));
print(order.join());
print(f(..."abc"));
print(String.fromCharCode(...[104, 105]));
try { f(...null); } catch (e) { print(e.constructor.name); }
function g() { return arguments.length; }
print(g(...new Array(3)), g(...[, ,]));
