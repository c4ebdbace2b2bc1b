// The Function constructors (CreateDynamicFunction).
var f = new Function("a", "b", "return a + b");
console.log(f(1, 2), f.name, f.length);
console.log(f.toString());
console.log(Function("return this")() === globalThis);
console.log(Function("return typeof anonymous")());
console.log(Function("a, b", "c", "return a + b + c")(1, 2, 3));
console.log(Function()(), Function().toString());
for (const [p, b] of [["/*", "*/){"], ["a){ return 1 }; (function(b", ""], ["", "}; {"], ["a", "}"]]) {
  try { Function(p, b); console.log("no error"); } catch (e) { console.log(e.name); }
}
try { Function("'use strict'; with ({}) {}"); } catch (e) { console.log(e.name); }
globalThis.local = "global";
(function () {
  var local = "inner";
  console.log(Function("return typeof local === 'string' ? local : 'none'")());
})();
var GF = Object.getPrototypeOf(function* () {}).constructor;
var g = new GF("a", "yield a; yield a * 2;");
console.log([...g(3)].join(), GF.name, GF.length, Object.getPrototypeOf(GF) === Function);
console.log(g.toString());
console.log(Object.getPrototypeOf(g) === GF.prototype, typeof g.prototype);
var AF = Object.getPrototypeOf(async function () {}).constructor;
console.log(AF.name, AF("return 1").toString());
var AGF = Object.getPrototypeOf(async function* () {}).constructor;
console.log(AGF.name, typeof AGF("yield 1").prototype);
class MyF extends Function {}
var m = new MyF("return 7");
console.log(m(), m instanceof MyF, m instanceof Function);
console.log(typeof globalThis.GeneratorFunction, typeof globalThis.AsyncFunction);
AF("a", "return await a")(5).then(v => console.log("async", v));
