// typeof on unresolvable names, delete on properties, variables and values.
print(typeof undeclaredName, typeof undeclaredName === "undefined");
var o = { a: 1, b: 2, c: { d: 3 } };
print(delete o.a, "a" in o, delete o["b"], Object.keys(o).join());
print(delete o.c.d, JSON.stringify(o), delete o.missing, delete 5);
var arr = [1, 2, 3];
print(delete arr[1], arr.length, 1 in arr, arr[1]);
globalThis.implicitGlobal = 1;
print(delete implicitGlobal, typeof implicitGlobal);
var declared = 1;
print(delete declared, typeof declared);
function f() { var local = 1; return delete local; }
print(f());
var frozen = Object.freeze({ x: 1 });
print(delete frozen.x, frozen.x);
(function () {
  "use strict";
  try { delete frozen.x; } catch (e) { print("strict", e.constructor.name); }
})();
print(delete void 0, delete (1 + 2));
