// TypedArrays: constructors in every argument form, element conversion
// for each type, the integer-indexed exotic object's keys ("-0", "1.5",
// out of range), and property enumeration.
"use strict";
function show(v) {
  if (v === 0 && 1 / v < 0) return "-0";
  if (typeof v === "bigint") return v + "n";
  return String(v);
}
function list(ta) {
  return "[" + Array.prototype.map.call(ta, show).join(",") + "]";
}
function err(f) {
  try { f(); return "no error"; } catch (e) { return e.constructor.name; }
}
var values = [0, -0, 1.5, -1.5, 2.5, 127, 128, 255, 256, -129, 65535, 65536, 1e10, -1e10, NaN, Infinity, -Infinity, "7", true, null, undefined];
var ctors = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array];
for (var C of ctors) {
  console.log(C.name, C.BYTES_PER_ELEMENT, C.prototype.BYTES_PER_ELEMENT, list(new C(values)));
}
var b64 = new BigInt64Array([1n, -1n, 2n ** 63n, 2n ** 64n + 5n]);
console.log(list(b64), list(new BigUint64Array(b64.buffer)));
console.log(err(() => new BigInt64Array([1])), err(() => new Int8Array([1n])), err(() => new Int8Array(b64)));

// Argument forms.
var buf = new ArrayBuffer(8);
console.log(new Int16Array(buf).length, new Int16Array(buf, 2).length, new Int16Array(buf, 2, 1).length);
console.log(err(() => new Int16Array(buf, 1)), err(() => new Int16Array(buf, 2, 4)), err(() => new Int32Array(new ArrayBuffer(6))));
console.log(err(() => Int8Array(1)), err(() => new Int8Array(-1)), list(new Int8Array(3)));
console.log(list(new Uint8Array(new Set([3, 1, 2]))), list(new Uint8Array({ length: 2, 0: 9, 1: 8 })));
console.log(list(new Float64Array(new Int8Array([-1, 2]))), list(Uint8Array.from([1, 2], x => x * 3)), list(Int8Array.of(1, 2, 3)));

// Integer-indexed keys.
var ta = new Int8Array([10, 20, 30]);
console.log(ta["-0"], ta["1.5"], ta[3], ta[-1], ta["1"], "-0" in ta, "1" in ta, 3 in ta, "foo" in ta);
ta[5] = 1; ta["-0"] = 1; ta["1.5"] = 1; ta.foo = 1;
console.log(Object.keys(ta).join(), JSON.stringify(Object.getOwnPropertyDescriptor(ta, 0)));
console.log(Reflect.defineProperty(ta, 0, { value: 5 }), Reflect.defineProperty(ta, 0, { value: 5, writable: false }), Reflect.defineProperty(ta, 9, { value: 5 }), ta[0]);
console.log(Reflect.deleteProperty(ta, 0), Reflect.deleteProperty(ta, 7), Object.isExtensible(ta), err(() => Object.freeze(ta)), Object.isFrozen(new Int8Array(0)));
var inherit = Object.create(ta);
console.log(inherit[1], inherit[7], (inherit[7] = 4, inherit.hasOwnProperty(7)), (inherit[1] = 4, inherit.hasOwnProperty(1)));
for (var k in new Uint8Array(3)) console.log("key", k);
console.log(Object.prototype.toString.call(ta), ta[Symbol.toStringTag], Object.getPrototypeOf(Int8Array).name);

// A hot loop through the interpreter's keyed paths.
var f = new Float64Array(16);
for (var i = 0; i < 1000; i++) f[i & 15] += i;
console.log(list(f));
