// Script top level: var and function declarations become global object
// properties; let, const and class do not; the global `this`.
var gv = 1;
function gf() { return "gf"; }
let gl = 2;
const gconst = 3;
class GC {}
print("gv" in globalThis, "gf" in globalThis, "gl" in globalThis, "gconst" in globalThis, "GC" in globalThis);
print(globalThis.gv, typeof globalThis.gf, gl, gconst, typeof GC);
var d = Object.getOwnPropertyDescriptor(globalThis, "gv");
print(d.writable, d.enumerable, d.configurable);
print(delete globalThis.gv, gv);
print(this === globalThis, (() => this === globalThis)(), typeof this);
implicitGlobal = "implicit";
print(globalThis.implicitGlobal, delete globalThis.implicitGlobal, typeof implicitGlobal);
globalThis.viaGlobalThis = 5;
print(viaGlobalThis);
function readLater() { return laterLet; }
try { readLater(); } catch (e) { print("tdz", e.constructor.name); }
let laterLet = "now";
print(readLater());
(function () { "use strict"; try { undeclaredInStrict = 1; } catch (e) { print("strict", e.constructor.name); } })();
var gv = 10;
print(gv);
gl = 20;
print(gl, globalThis.gl);
print(typeof undefined, undefined === void 0);
