// Calls: receivers, evaluation order (callee before arguments), calling
// non-functions, call/apply, recursion, many arguments, callbacks.
var order = [];
function t(v) { order.push(v); return v; }
var o = { f(a, b) { return this.name + a + b; }, name: "o" };
function getO() { t("object"); return o; }
getO()[t("key") && "f"](t("a1"), t("a2"));
print(order.join());
order = [];
function callee() { t("callee"); return function () { return "called"; }; }
print(callee()(t("arg")), order.join());
print("abc".toUpperCase(), (5).toFixed(1), true.toString(), [1, 2].concat(3).length);
var f = o.f;
print(f.call({ name: "c" }, 1, 2), f.apply({ name: "ap" }, [3, 4]));
try { o.nothing(); } catch (e) { print(e.constructor.name); }
try { var n = null; n(); } catch (e) { print(e.constructor.name); }
try { (1)(); } catch (e) { print(e.constructor.name); }
function many(a, b, c, d, e, f, g, h, i, j) { return [a, b, c, d, e, f, g, h, i, j].join(""); }
print(many(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), many(1), many.apply(null, "abcdefghijk".split("")));
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
print(fact(10));
var memo = (function () { var cache = {}; return function fib(n) { if (n in cache) return cache[n]; return cache[n] = n < 2 ? n : fib(n - 1) + fib(n - 2); }; })();
print(memo(50));
print([1, 2, 3].map(function (x) { return x * this.k; }, { k: 3 }).join());
print([3, 1, 2].sort(function (a, b) { return b - a; }).join());
var self = { get() { return this; } };
print(self.get() === self, (self.get)() === self, (0, self.get)() === self);
var bound = o.f.bind({ name: "b" }, "x");
print(bound("y"), bound.name, bound.length);
function varargs() { var s = 0; for (var i = 0; i < arguments.length; i++) s += arguments[i]; return s; }
print(varargs(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20));
