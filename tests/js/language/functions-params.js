// Parameters: defaults (evaluated left to right, seeing earlier ones),
// rest, destructuring, length, and missing or extra arguments.
function f(a, b = a + 1, c = b * 2) { return [a, b, c].join(); }
print(f(1), f(1, 5), f(1, undefined, 0), f(1, null));
function rest(first, ...others) { return first + ":" + others.length + ":" + others.join("|"); }
print(rest(1), rest(1, 2, 3), rest());
function destr({ x, y = 10 }, [p, , q = "q"] = []) { return [x, y, p, q].join(); }
print(destr({ x: 1 }), destr({ x: 1, y: 2 }, [3, 4, 5]));
print(f.length, rest.length, destr.length, ((a, b) => 0).length, (function (a, b = 1, c) {}).length);
function extra(a) { return arguments.length + ":" + a; }
print(extra(), extra(1, 2, 3));
function sideEffects(a = print("default a") || 1, b = print("default b") || 2) { return a + b; }
print(sideEffects(5));
function named(x = function () {}, y = () => {}, z = class {}) { return [x.name, y.name, z.name].join(); }
print(named());
var arrow = (a, { b } = { b: 7 }, ...r) => a + b + r.length;
print(arrow(1), arrow(1, { b: 2 }, 3, 4));
function dup(a, a) { return a; }
print(dup(1, 2));
function recurse(n) { return n <= 0 ? 0 : n + recurse(n - 1); }
print(recurse(100));
