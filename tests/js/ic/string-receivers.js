// Named loads on string primitives are cached per site (length, and
// String.prototype's data properties); a change to the prototype chain
// must be seen at once.
function f(s) { return s.length + s.charCodeAt(0) + (s.foo === undefined ? 1 : 0); }
let t = 0;
for (let i = 0; i < 1000; i++) t += f("abc" + i);
console.log("warm", t);
String.prototype.foo = 5;
console.log("added on String.prototype", f("x"));
delete String.prototype.foo;
console.log("deleted", f("x"));
Object.prototype.foo = 7;
console.log("added on Object.prototype", f("x"));
delete Object.prototype.foo;
const saved = String.prototype.charCodeAt;
String.prototype.charCodeAt = function () { return 1000 + this.length; };
console.log("method replaced", f("yy"));
String.prototype.charCodeAt = saved;
Object.defineProperty(String.prototype, "foo", { get() { return this + "!"; }, configurable: true });
function g(s) { return s.foo; }
for (let i = 0; i < 3; i++) console.log("getter", g("s" + i));
delete String.prototype.foo;
// One site seeing strings and objects with a length.
function len(x) { return x.length; }
let mix = [];
for (let i = 0; i < 200; i++) mix.push(len(i % 3 === 0 ? "abcd" : i % 3 === 1 ? [1, 2] : { length: "L" }));
console.log(mix.slice(0, 6).join(","));
// Strings from another realm-independent source: String objects.
console.log(len(new String("wrapped")), new String("w").foo, "z".missing);
