// DataView: every get/set method in both byte orders, bounds checks,
// BigInt accessors, and views of resizable buffers.
"use strict";
function err(f) {
  try { f(); return "no error"; } catch (e) { return e.constructor.name; }
}
var b = new ArrayBuffer(16);
var v = new DataView(b, 2, 12);
console.log(v.byteOffset, v.byteLength, v.buffer === b, Object.prototype.toString.call(v));
v.setInt8(0, -2); v.setUint8(1, 300);
console.log(v.getInt8(0), v.getUint8(0), v.getUint8(1));
v.setInt16(0, -1234); console.log(v.getInt16(0), v.getInt16(0, true), v.getUint16(0));
v.setUint32(0, 0xdeadbeef, true); console.log(v.getUint32(0, true).toString(16), v.getUint32(0).toString(16), v.getInt32(0, true));
v.setFloat32(4, 1.1); console.log(v.getFloat32(4), v.getFloat32(4, true));
v.setFloat64(4, -Math.E, true); console.log(v.getFloat64(4, true), v.getFloat64(4));
v.setBigInt64(0, -5n); console.log(v.getBigInt64(0), v.getBigUint64(0), v.getBigInt64(0, true));
v.setBigUint64(4, 2n ** 64n - 1n, true); console.log(v.getBigUint64(4, true), v.getBigInt64(4));
console.log(err(() => v.getInt32(10)), err(() => v.getInt8(-1)), err(() => v.setFloat64(5, 1)), err(() => new DataView(b, 17)), err(() => new DataView({})));
console.log(err(() => DataView.prototype.getInt8.call(new Int8Array(2), 0)), err(() => DataView(b)));
var r = new ArrayBuffer(4, { maxByteLength: 8 });
var tv = new DataView(r);
r.resize(8); console.log(tv.byteLength);
r.resize(2); console.log(tv.byteLength, err(() => tv.getInt32(0)));
