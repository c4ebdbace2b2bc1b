globalThis.print ??= console.log;
(async () => {
  for await (const x of [1, Promise.resolve(2), 3]) print("x", x);
  const asyncIterable = { [Symbol.asyncIterator]() { let i = 0; return {
    next() { i++; return Promise.resolve({ value: i, done: i > 3 }); },
    return() { print("async return called"); return Promise.resolve({ done: true }); } }; } };
  for await (const y of asyncIterable) { print("y", y); if (y === 2) break; }
  try { for await (const z of asyncIterable) { throw new Error("in body"); } } catch (e) { print("caught", e.message); }
  const syncWithReturn = { [Symbol.iterator]() { return { i: 0, next() { return { value: this.i++, done: false }; }, return() { print("sync return"); return {}; } }; } };
  for await (const w of syncWithReturn) { if (w === 1) break; print("w", w); }
  try { for await (const v of [Promise.reject(new Error("rej"))]) print("never"); } catch (e) { print("rejected element:", e.message); }
  label: for await (const a of [1, 2]) { for await (const b of [3, 4]) { if (b === 4) continue label; print(a, b); } }
  print("done");
})();
print("sync");
