// Iterators are closed when destructuring or for-of stops early, and not
// when they are exhausted or next() throws.
function makeIterable(values, name) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() { print(name, "next", i); return i < values.length ? { value: values[i++], done: false } : { value: undefined, done: true }; },
        return() { print(name, "return"); return {}; },
      };
    },
  };
}
const [a] = makeIterable([1, 2, 3], "A");
print("a", a);
const [b, c, d] = makeIterable([1, 2], "B");
print(b, c, d);
const [...all] = makeIterable([1], "C");
print(all.length);
for (const v of makeIterable([1, 2, 3], "D")) { if (v === 2) break; }
for (const v of makeIterable([1, 2], "E")) {}
function ret() { for (const v of makeIterable([1, 2], "F")) return v; }
print("ret", ret());
try { for (const v of makeIterable([1], "G")) throw new Error("boom"); } catch (e) { print(e.message); }
outer: for (const x of makeIterable([1, 2], "H")) {
  for (const y of makeIterable([1, 2], "I")) { continue outer; }
}
const throwingNext = { [Symbol.iterator]() { return { next() { throw new Error("next failed"); }, return() { print("never"); return {}; } }; } };
try { const [z] = throwingNext; } catch (e) { print(e.message); }
try { for (const z of throwingNext) {} } catch (e) { print(e.message); }
function thrower(v) { throw new Error("default threw " + v); }
try { const [p = thrower(1)] = makeIterable([undefined, 2], "J"); } catch (e) { print(e.message); }
for (const v of makeIterable([1, 2, 3], "K")) { try { break; } finally { print("finally K"); } }
