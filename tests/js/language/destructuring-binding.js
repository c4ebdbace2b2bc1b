// Destructuring in declarations: objects, arrays, defaults, rest, nesting,
// computed keys, holes; evaluation order and errors.
var { a, b: { c = 3, d } = {}, ...rest } = { a: 1, b: { d: 4 }, e: 5, f: 6 };
print(a, c, d, JSON.stringify(rest));
let [x, , y = "y", ...zs] = [1, 2, undefined, 4, 5];
print(x, y, zs.join());
const key = "dyn";
const { [key]: dynamic, [key + "2"]: missing = "dflt" } = { dyn: "D" };
print(dynamic, missing);
const [[n1, n2], { m }] = [[1, 2], { m: 3 }];
print(n1, n2, m);
const [s1, s2] = "hi";
print(s1, s2);
const { length } = "four";
print(length);
function log(v) { print("default", v); return v; }
const [p = log("p"), q = log("q")] = [0];
print(p, q);
const { 0: zero, 1: one } = ["zero", "one"];
print(zero, one);
try { const { z } = null; } catch (e) { print(e.constructor.name); }
try { const [w] = {}; } catch (e) { print(e.constructor.name); }
try { const { u } = undefined; } catch (e) { print(e.constructor.name); }
const { toString } = 5;
print(typeof toString);
const [...all] = [1, 2, 3].values();
print(all.join());
for (const { id, tags: [first] } of [{ id: 1, tags: ["a"] }, { id: 2, tags: [] }]) print(id, first);
const fnDefault = ({ f = function () {} } = {}) => f.name;
print(fnDefault());
