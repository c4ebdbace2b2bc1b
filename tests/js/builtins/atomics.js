// Atomics on a single agent: the read-modify-write operations, load,
// store, compareExchange, isLockFree and the argument checks.
"use strict";
function err(f) {
  try { f(); return "no error"; } catch (e) { return e.constructor.name; }
}
var ta = new Int32Array(new SharedArrayBuffer(16));
console.log(Atomics.store(ta, 0, 5), Atomics.add(ta, 0, 3), Atomics.sub(ta, 0, 1), Atomics.load(ta, 0));
console.log(Atomics.and(ta, 0, 6), Atomics.or(ta, 0, 9), Atomics.xor(ta, 0, 3), Atomics.exchange(ta, 0, 42), ta[0]);
console.log(Atomics.compareExchange(ta, 0, 1, 2), ta[0], Atomics.compareExchange(ta, 0, 42, 7), ta[0]);
var u8 = new Uint8Array(4);
console.log(Atomics.add(u8, 0, 300), u8[0], Atomics.sub(u8, 1, 1), u8[1], Atomics.store(u8, 2, -0), Atomics.store(u8, 2, 3.7));
var big = new BigInt64Array(2);
console.log(Atomics.add(big, 0, 5n), Atomics.load(big, 0), Atomics.exchange(big, 1, -1n), big[1]);
console.log(Atomics.isLockFree(1), Atomics.isLockFree(4), Atomics.isLockFree(3), Atomics.notify(ta, 0, 1));
console.log(Atomics.wait(ta, 0, 0, 0), Atomics.wait(ta, 0, 7, 0));
console.log(err(() => Atomics.add(new Float64Array(1), 0, 1)), err(() => Atomics.load(ta, 4)), err(() => Atomics.wait(new Int32Array(4), 0, 0, 0)));
console.log(Object.prototype.toString.call(Atomics));
var w = Atomics.waitAsync(ta, 1, 0);
console.log(w.async, w.value instanceof Promise, Atomics.notify(ta, 2), Atomics.notify(ta, 1), Atomics.notify(ta, 1));
w.value.then(v => console.log("woken", v));
console.log(JSON.stringify(Atomics.waitAsync(ta, 1, 5)), JSON.stringify(Atomics.waitAsync(ta, 1, 0, 0)));
