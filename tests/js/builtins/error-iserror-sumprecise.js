// Error.isError and Math.sumPrecise (ES2026). Node 20 has neither: the .out
// was written by hand from the spec.
console.log(Error.isError.length, Error.isError.name);
const errs = [new Error("a"), new TypeError(), new RangeError(), new AggregateError([]), new (class E extends Error {})()];
console.log(errs.map(e => Error.isError(e)).join());
let caught;
try { null.x; } catch (e) { caught = e; }
console.log(Error.isError(caught));
const fakes = [{}, [], Error, Error.prototype, Object.create(Error.prototype), new Proxy(new Error(), {}),
  { [Symbol.toStringTag]: "Error" }, "Error", 1, undefined, null, Symbol(), 1n];
console.log(fakes.map(x => Error.isError(x)).join());

console.log(Math.sumPrecise.length, Math.sumPrecise.name);
const show = x => Object.is(x, -0) ? "-0" : String(x);
console.log([
  [], [-0], [-0, -0], [-0, 0], [1, 2, 3], [0.1, 0.2], [0.1, 0.2, 0.3], [1e308, 1e308, -1e308],
  [1e30, 0.1, -1e30], [1, -1], [Infinity], [Infinity, -Infinity], [NaN, 1], [-Infinity, 5],
  [1.7976931348623157e308, 1.7976931348623157e308], [-1.7976931348623157e308, -1e292],
  [5e-324, 5e-324], [2 ** 53, 1], [2 ** 53, 3],
].map(a => show(Math.sumPrecise(a))).join(" "));
console.log(show(Math.sumPrecise(new Set([0.5, 0.25]))));
console.log(show(Math.sumPrecise((function* () { yield 1; yield 1e100; yield -1e100; })())));
for (const bad of [[1, "2"], [1n], [{ valueOf() { return 1; } }]]) {
  try { Math.sumPrecise(bad); } catch (e) { console.log(e.constructor.name); }
}
for (const bad of [undefined, null, 5, {}]) {
  try { Math.sumPrecise(bad); } catch (e) { console.log(e.constructor.name); }
}
let closed = 0;
const it = { [Symbol.iterator]() { return { next: () => ({ value: "x", done: false }), return() { closed++; return {}; } }; } };
try { Math.sumPrecise(it); } catch (e) { console.log(e.constructor.name, "closed", closed); }
