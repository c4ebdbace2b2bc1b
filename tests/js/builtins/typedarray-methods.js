// %TypedArray%.prototype methods: search, iteration, copying, sorting,
// species creation, and behaviour after the buffer is detached.
"use strict";
function show(v) {
  if (v === 0 && 1 / v < 0) return "-0";
  return String(v);
}
function list(ta) {
  return "[" + Array.prototype.map.call(ta, show).join(",") + "]";
}
function err(f) {
  try { f(); return "no error"; } catch (e) { return e.constructor.name; }
}
var a = new Int16Array([5, -3, 9, 0, -0, 7, 9]);
console.log(a.at(-1), a.indexOf(9), a.lastIndexOf(9), a.includes(-0), a.indexOf(9, -2), a.join("|"), a.toString());
console.log(a.every(x => x < 10), a.some(x => x < 0), a.find(x => x > 5), a.findIndex(x => x > 5), a.findLast(x => x > 5), a.findLastIndex(x => x > 100));
console.log(list(a.map(x => x * 2)), list(a.filter(x => x > 0)), a.reduce((s, x) => s + x), a.reduceRight((s, x) => s + "," + x, ""));
console.log(list(a.slice(1, -2)), list(a.subarray(2, 4)), a.subarray(2).byteOffset, list(a.toReversed()), list(a.with(0, 100)));
console.log(list(new Float64Array([3, NaN, -0, 0, -Infinity, 1]).sort()), list(new Int8Array([3, 1, 2]).sort((x, y) => y - x)));
console.log(list(new Uint8Array([3, 1, 2]).toSorted()), [...a.keys()].join(), [...a.entries()].join(";"));
var c = new Uint8Array([1, 2, 3, 4, 5]);
console.log(list(c.copyWithin(0, 3)), list(c.fill(9, 1, 3)), list(c.reverse()));
c.set([7, 8], 3); console.log(list(c));
c.set(new Int16Array([-1, 300])); console.log(list(c));
console.log(err(() => c.set([1], 5)), err(() => c.set([1], -1)));
var sub = c.subarray(1, 3); sub[0] = 42; console.log(list(c), sub.length, sub.buffer === c.buffer);

// Species.
class MyArray extends Uint8Array {}
var m = new MyArray([1, 2, 3]);
console.log(m.map(x => x).constructor.name, m.filter(x => x).constructor.name, m.slice().constructor.name, m.subarray().constructor.name, m.toReversed().constructor.name);

var it = new Int8Array([1, 2]).values();
console.log(JSON.stringify(it.next()), Object.prototype.toString.call(it));
