// Array.fromAsync (ES2026). Node 20 lacks it: the .out was written by hand
// from the spec (and checked against the engine's Array.from for the values).
const log = [];
const show = (label, p) => p.then(
  v => log.push(label + ": " + (Array.isArray(v) ? "[" + v.map(String).join(",") + "]" : String(v))),
  e => log.push(label + " rejects " + e.constructor.name));

function* gen() { yield 1; yield Promise.resolve(2); yield 3; }
async function* agen() { yield "a"; yield "b"; }

show("sync iterable", Array.fromAsync(gen()));
show("async iterable", Array.fromAsync(agen()));
show("array of promises", Array.fromAsync([Promise.resolve(4), 5]));
show("array-like", Array.fromAsync({ length: 3, 0: "x", 1: Promise.resolve("y"), 2: "z" }));
show("string", Array.fromAsync("héllo"));
show("mapped sync", Array.fromAsync([1, 2, 3], (v, i) => v * 10 + i));
show("mapped async", Array.fromAsync(agen(), async (v, i) => v + i));
show("thisArg", Array.fromAsync([1], function () { return this.tag; }, { tag: "T" }));
show("empty", Array.fromAsync([]));
show("null", Array.fromAsync(null));
show("bad mapfn", Array.fromAsync([], 5));
show("arraylike too long", Array.fromAsync.call({}, { length: 2 ** 32 }));
show("number", Array.fromAsync(3));

// Synchronous errors become rejections; the promise is returned at once.
const p = Array.fromAsync({ get [Symbol.asyncIterator]() { throw new RangeError("boom"); } });
log.push("returned " + (p instanceof Promise));
show("getter throws", p);

// The iterator is closed when the mapper throws, and `return`'s result is awaited.
let closed = 0;
const it = {
  [Symbol.asyncIterator]() { return this; },
  i: 0,
  next() { return Promise.resolve({ value: this.i++, done: false }); },
  return() { closed++; return Promise.resolve({ done: true }); },
};
show("mapper throws", Array.fromAsync(it, v => { if (v === 2) throw new EvalError("no"); return v; }));

// A sync iterator yielding a rejecting promise is closed.
let syncClosed = 0;
function* rejecting() { try { yield Promise.reject(new SyntaxError("r")); } finally { syncClosed++; } }
show("rejecting sync value", Array.fromAsync(rejecting()));

// `this` constructor: constructed without arguments for iterables, with len for array-likes.
function MyArray(...args) { this.args = args; }
Array.fromAsync.call(MyArray, [7, 8]).then(a => log.push("ctor iterable " + (a instanceof MyArray) + " " + JSON.stringify(a)));
Array.fromAsync.call(MyArray, { length: 2, 0: 7, 1: 8 }).then(a => log.push("ctor arraylike " + JSON.stringify(a)));

// Many elements across many awaits (values held only by the state machine).
async function* many() { for (let i = 0; i < 200; i++) yield { n: i, s: "v" + i }; }
Array.fromAsync(many(), async o => ({ o, sq: o.n * o.n })).then(a => {
  let ok = a.length === 200;
  for (let i = 0; i < 200; i++) ok = ok && a[i].o.n === i && a[i].o.s === "v" + i && a[i].sq === i * i;
  log.push("many " + ok);
});

console.log(Array.fromAsync.length, Array.fromAsync.name, typeof Array.fromAsync);
setTimeout(() => {
  log.sort();
  for (const l of log) console.log(l);
  console.log("closed", closed, "syncClosed", syncClosed);
}, 0);
