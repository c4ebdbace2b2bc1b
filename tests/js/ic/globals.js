// flags: --expose-test262
// Global loads and stores are cached per site: a new lexical binding that
// shadows a global property, a deleted global, an accessor replacing a
// global variable, and a realm switch must all be seen.
globalThis.g = "property";
function readG() { return g; }
function writeG(v) { g = v; }
for (var i = 0; i < 20; i++) readG();
print("global property:", readG());
$262.evalScript("let g = 'lexical';");
print("after let g:", readG());
writeG("assigned lexical");
print("lexical assigned:", readG(), globalThis.g);

globalThis.h = 1;
function readH() { return typeof h === "undefined" ? "typeof undefined" : h; }
function readHStrict() { return h; }
for (var i = 0; i < 20; i++) readH(), readHStrict();
delete globalThis.h;
print("after delete:", readH());
try { readHStrict(); } catch (e) { print(e.constructor.name + ": " + e.message); }

var v = 1;
function readV() { return v; }
for (var i = 0; i < 20; i++) readV();
Object.defineProperty(globalThis, "w", { get: function () { return "getter"; }, configurable: true });
function readW() { return w; }
for (var i = 0; i < 20; i++) readW();
print("accessor global:", readW());
Object.defineProperty(globalThis, "w", { value: "now data", writable: true, configurable: true });
print("accessor replaced:", readW());

// The same function in another realm reads that realm's globals.
var other = $262.createRealm();
other.global.v = "other realm";
var readVThere = other.evalScript("var v = 'other realm v'; (function () { return v; })");
for (var i = 0; i < 20; i++) readVThere();
print("realms:", readV(), readVThere());
