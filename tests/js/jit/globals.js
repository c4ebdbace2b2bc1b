// Global loads under compiled code: lexical bindings (TDZ included),
// global object properties (inline and out of line), redefinitions,
// deletions and accessors that must invalidate the cached binding.
const K = 3;
let counter = 0;
var plain = 10;
globalThis.viaObject = 5;
for (let i = 0; i < 40; i++) globalThis["filler" + i] = i;
globalThis.late = 1;
function readAll() { return K + counter + plain + viaObject + late + filler39; }
let sum = 0;
for (let i = 0; i < 500; i++) { counter = i & 7; sum += readAll(); }
console.log("sum", sum);
plain = 20;
delete globalThis.viaObject;
let missing = "";
try { for (let i = 0; i < 100; i++) readAll(); } catch (e) { missing = e.constructor.name + ": " + e.message; }
console.log("deleted", missing);
Object.defineProperty(globalThis, "viaObject", { get() { return 100; }, configurable: true });
let acc = 0;
for (let i = 0; i < 300; i++) acc += readAll();
console.log("accessor", acc);
function tdz() { return laterLet; }
let tdzError = "";
try { for (let i = 0; i < 100; i++) tdz(); } catch (e) { tdzError = e.constructor.name; }
console.log("tdz", tdzError);
let laterLet = 7;
let after = 0;
for (let i = 0; i < 100; i++) after += tdz();
console.log("initialized", after);
function typeofMissing() { return typeof notDeclaredAnywhere; }
let t = "";
for (let i = 0; i < 100; i++) t = typeofMissing();
console.log("typeof", t);
globalThis.notDeclaredAnywhere = 1;
for (let i = 0; i < 100; i++) t = typeofMissing();
console.log("typeof after", t);
