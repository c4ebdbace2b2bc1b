// ArrayBuffer: byteLength, slice, isView, resizable buffers (resize,
// maxByteLength, length-tracking views), transfer and detachment;
// SharedArrayBuffer growth.
"use strict";
function err(f) {
  try { f(); return "no error"; } catch (e) { return e.constructor.name; }
}
var b = new ArrayBuffer(8);
new Uint8Array(b).set([1, 2, 3, 4, 5, 6, 7, 8]);
console.log(b.byteLength, b.resizable, b.maxByteLength, Object.prototype.toString.call(b));
console.log(Array.from(new Uint8Array(b.slice(2, -2))).join(), b.slice(-3).byteLength, b.slice(5, 2).byteLength);
console.log(ArrayBuffer.isView(b), ArrayBuffer.isView(new DataView(b)), ArrayBuffer.isView(new Int8Array(1)), ArrayBuffer.isView([]));
console.log(err(() => ArrayBuffer(1)), err(() => new ArrayBuffer(-1)), new ArrayBuffer("3").byteLength, new ArrayBuffer().byteLength);
console.log(err(() => b.resize(4)), ArrayBuffer[Symbol.species] === ArrayBuffer);

var r = new ArrayBuffer(4, { maxByteLength: 12 });
var tracking = new Int16Array(r), fixed = new Int16Array(r, 0, 2), offset = new Uint8Array(r, 2);
console.log(r.resizable, r.maxByteLength, tracking.length, fixed.length, offset.length);
r.resize(10);
console.log(r.byteLength, tracking.length, fixed.length, offset.length);
r.resize(1);
console.log(tracking.length, fixed.length, fixed.byteLength, offset.length, offset.byteOffset, err(() => fixed.fill(0)));
console.log(err(() => r.resize(13)), err(() => new ArrayBuffer(5, { maxByteLength: 4 })));

var s = new SharedArrayBuffer(2, { maxByteLength: 8 });
console.log(s.byteLength, s.growable, s.maxByteLength, Object.prototype.toString.call(s));
s.grow(6);
console.log(s.byteLength, err(() => s.grow(1)), err(() => ArrayBuffer.prototype.slice.call(s)));
