// %AsyncIteratorPrototype%[Symbol.asyncDispose] and
// %IteratorPrototype%[Symbol.dispose] (ES2026). Node 20 lacks the async one:
// the .out was written by hand from the spec.
async function* agen() { try { yield 1; yield 2; } finally { console.log("agen finally"); } }
const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(agen.prototype));
const f = AsyncIteratorPrototype[Symbol.asyncDispose];
console.log(typeof f, f.name, f.length);
(async () => {
  const it = agen();
  console.log((await it.next()).value);
  const r = it[Symbol.asyncDispose]();
  console.log(r instanceof Promise, await r);
  console.log(JSON.stringify(await it.next()));
  console.log(await f.call({}));
  let args = -1;
  console.log(await f.call({ return(...a) { args = a.length; return { then(res) { res("ignored"); } }; } }), args);
  for (const bad of [{ get return() { throw new RangeError("g"); } }, { return: 5 }, { return() { throw new EvalError("t"); } },
    { return() { return Promise.reject(new URIError("r")); } }]) {
    try { await f.call(bad); console.log("resolved"); } catch (e) { console.log("rejected", e.constructor.name); }
  }
  function* gen() { try { yield 1; } finally { console.log("gen finally"); } }
  const g = gen();
  g.next();
  console.log(g[Symbol.dispose](), JSON.stringify(g.next()));
})();
