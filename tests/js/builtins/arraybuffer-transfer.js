// Features node 20 lacks (expected output checked against the spec by
// hand): ArrayBuffer.prototype.transfer / transferToFixedLength /
// transferToImmutable / sliceToImmutable, `detached`, typed arrays and
// iterators over detached buffers, Atomics.pause, Float16Array and
// Math.f16round.
"use strict";
function err(f) {
  try { f(); return "no error"; } catch (e) { return e.constructor.name; }
}
var t = new ArrayBuffer(4);
new Uint8Array(t)[0] = 9;
var moved = t.transfer(6);
console.log(t.detached, t.byteLength, moved.byteLength, new Uint8Array(moved)[0], err(() => t.slice()), err(() => t.transfer()));
var r = new ArrayBuffer(2, { maxByteLength: 4 });
var kept = r.transfer();
console.log(kept.resizable, kept.maxByteLength, r.detached, r.maxByteLength, r.transferToFixedLength === undefined);
var fixedCopy = kept.transferToFixedLength();
console.log(fixedCopy.resizable, fixedCopy.byteLength, kept.detached);

var d = new Uint8Array([1, 2, 3]);
var it = d.values();
it.next();
var after = d.buffer.transfer();
console.log(d.length, d.byteLength, d.byteOffset, d[0], 0 in d, err(() => d.join()), err(() => d.at(0)), err(() => it.next()), new Uint8Array(after)[2]);

var im = new ArrayBuffer(4).transferToImmutable();
var iv = new Uint8Array(im);
console.log(err(() => { iv[0] = 5; }));
console.log(im.immutable, im.resizable, iv[0], err(() => iv.fill(1)), err(() => new DataView(im).setInt8(0, 1)), err(() => im.transfer()));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(iv, 0)), Reflect.set(iv, 0, 1), Object.isFrozen(Object.freeze(iv)));
var src = new Uint8Array([1, 2, 3, 4]).buffer;
console.log(Array.from(new Uint8Array(src.sliceToImmutable(1, 3))).join(), src.detached);

console.log(Atomics.pause(), Atomics.pause(5), err(() => Atomics.pause(1.5)), err(() => Atomics.pause("1")));
var h = new Float16Array([1.1, 65504, 65520, 1e-8, 6e-8, -0, NaN, 0.1]);
console.log(Array.from(h).join(), Float16Array.BYTES_PER_ELEMENT);
console.log(Math.f16round(1.337), Math.f16round(5e-8), Math.f16round(-65519.99), Math.f16round(2.0009765625), Math.f16round(2.001953125 - 2 ** -20));
var dv = new DataView(new ArrayBuffer(2));
dv.setFloat16(0, 1.5);
console.log(dv.getUint16(0).toString(16), dv.getFloat16(0), dv.getFloat16(0, true));
