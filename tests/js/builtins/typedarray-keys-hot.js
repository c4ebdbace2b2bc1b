// Typed array keys in hot loops (the interpreter's keyed fast paths, the
// ICs and stub cache with numeric-string names, the JIT's keyed paths):
// element stores and loads, "-0"/"1.5"/out-of-range keys, BigInt elements,
// and a typed array as a prototype.
function run(ta, keys) {
  var s = 0;
  for (var i = 0; i < 200; i++) {
    for (var k of keys) { ta[k] = i; var v = ta[k]; s += (v === undefined ? 1000 : v); }
  }
  return s;
}
var keys = [0, 1, "-0", "1.5", 7, "Infinity", "foo"];
console.log(run(new Int8Array(4), keys), run(new Float64Array(2), keys), run([0,0,0,0], keys));
var big = new BigInt64Array(2); for (var i = 0; i < 100; i++) big[i & 1] = BigInt(i); console.log(big[0], big[1]);
function g(o) { return o["-0"]; } var o1 = {"-0": 5}, t1 = new Uint8Array(1);
var r = 0; for (var i = 0; i < 100; i++) { r += g(o1); r += (g(t1) === undefined) ? 1 : 100; } console.log(r);
var proto = new Uint8Array([7]); var child = Object.create(proto);
var c = 0; for (var i = 0; i < 100; i++) { child[0] = i; c += child[0]; child["-0"] = 1; } console.log(c, child.hasOwnProperty(0), child.hasOwnProperty("-0"), proto[0]);
