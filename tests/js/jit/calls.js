// Calls and returns between compiled functions: the inline frame push
// and pop, and every case that must leave it for the handlers. (Sloppy
// mode: the strict functions say so.)
function add(a, b) { return a + b; }
function count() { return arguments.length; }
function missing(a, b, c) { return [a, b, c === undefined]; }
function sloppyThis() { return this; }
function sloppy() { return this; }
function sloppyKind() { return typeof this; }
function sloppyKindFn() { return typeof this; }
function strictThis() { "use strict"; return this; }

let s = 0;
for (let i = 0; i < 2000; i++) s = add(s, i) | 0;
console.log("add", s);

let extra = 0;
for (let i = 0; i < 500; i++) extra += count(1, 2) + count() + count(i);
console.log("extra arguments", extra);

let miss = null;
for (let i = 0; i < 500; i++) miss = missing(i);
console.log("missing arguments", JSON.stringify(miss));

// this: strict functions see exactly what was passed; sloppy ones get the
// global object for undefined and null, wrappers for primitives.
const o = { f: strictThis, g: sloppy, k: sloppyKindFn };
let kinds = [];
for (let i = 0; i < 300; i++) {
  kinds = [o.f() === o, strictThis() === undefined, o.g() === o, sloppy() === globalThis,
    sloppyKindFn.call(5), sloppyKindFn.call("s"), sloppyKindFn.call(null) === "object", o.k()];
}
console.log("this", kinds.join(","));

// A megamorphic site: many targets through one call instruction.
const fns = [];
function make(k) { return function (x) { return x + k; }; }
for (let k = 0; k < 8; k++) fns.push(make(k));
let mega = 0;
for (let i = 0; i < 4000; i++) mega += fns[i % 8](i);
console.log("megamorphic", mega);

// Natives, bound functions and class constructors through the same sites.
class C { constructor(x) { this.x = x; } m(y) { return this.x + y; } }
const targets = [Math.abs, add.bind(null, 100), (a) => a * 2, function (a) { return a - 1; }];
let mixed = 0;
for (let i = 0; i < 2000; i++) mixed += targets[i & 3](-i, 1);
console.log("mixed", mixed);
let classCall = "";
for (let i = 0; i < 100; i++) { try { C(1); } catch (e) { classCall = e.constructor.name; } }
console.log("class constructor called", classCall);
const c = new C(5);
let methods = 0;
for (let i = 0; i < 1000; i++) methods += c.m(i);
console.log("methods", methods);

// Returns into construct frames and from them.
function Point(x, y) { this.x = add(x, 0); this.y = y; }
let points = 0;
for (let i = 0; i < 1000; i++) points += new Point(i, 1).x;
console.log("construct", points);

// Generators and async functions called from compiled code.
function* gen(n) { for (let i = 0; i < n; i++) yield i; }
let gsum = 0;
for (let i = 0; i < 200; i++) for (const v of gen(3)) gsum += v;
console.log("generators", gsum);
async function af(x) { return x + 1; }
let asum = 0;
for (let i = 0; i < 200; i++) af(i).then((v) => { asum += v; });

// Exceptions through inline-called frames, and their stack.
function thrower(n) { if (n === 0) throw new Error("deep"); return thrower(n - 1) + 1; }
let caught = "";
for (let i = 0; i < 100; i++) { try { thrower(5); } catch (e) { caught = e.message + ":" + e.stack.split("\n").filter((l) => l.includes("thrower")).length; } }
console.log("throw", caught);

// Deep recursion: a RangeError, not a crash; the stack unwinds cleanly.
function deep(n) { return n === 0 ? 0 : 1 + deep(n - 1); }
console.log("recursion", deep(5000));
let overflow = "";
try { deep(1e7); } catch (e) { overflow = e instanceof RangeError; }
console.log("overflow", overflow, deep(10));

// Recursion with many live registers (the callee's registers start
// undefined).
function fib(n) { let a, b; if (n < 2) return n; a = fib(n - 1); b = fib(n - 2); return a + b; }
console.log("fib", fib(20));
function regs(n) { let x; let y; if (n > 0) { x = regs(n - 1); } return [typeof y, x === undefined ? 0 : x[1] + 1]; }
console.log("registers", JSON.stringify(regs(50)));

// Call arguments read from the caller's registers after the callee ran.
function swap(a, b) { return [b, a]; }
let pair = [1, 2];
for (let i = 0; i < 300; i++) pair = swap(pair[0], pair[1]);
console.log("swap", pair.join());

Promise.resolve().then(() => console.log("async", asum));
