// for-of over arrays, strings, custom iterables and generators'
// replacements; per-iteration bindings; labels.
var out = [];
for (var v of [1, 2, 3]) out.push(v);
for (const ch of "héllo") out.push(ch);
print(out.join(""));
var fns = [];
for (let x of [1, 2, 3]) fns.push(() => x);
print(fns.map(f => f()).join());
var iterable = {
  [Symbol.iterator]() { var n = 0; return { next: () => ({ value: n, done: n++ >= 3 }) }; },
};
for (const n of iterable) print("n", n);
var obj = {};
for (obj.prop of ["a", "b"]);
print(obj.prop);
var arr = [];
for ([arr[0], arr[1]] of [[1, 2], [3, 4]]);
print(arr.join());
outer: for (const a of [1, 2, 3]) {
  for (const b of [1, 2, 3]) {
    if (b === 2) continue outer;
    if (a === 3) break outer;
    print(a, b);
  }
}
try { for (const x of 5) {} } catch (e) { print(e.constructor.name); }
try { for (const x of { }) {} } catch (e) { print(e.constructor.name); }
for (const [k, v] of Object.entries({ p: 1, q: 2 })) print(k, v);
var growing = [1];
for (const g of growing) { if (growing.length < 4) growing.push(g + 1); }
print(growing.join());
let mutate = 0;
for (let m of [1, 2]) { m *= 10; mutate += m; }
print(mutate);
