globalThis.print ??= console.log;
const show = (r) => JSON.stringify(r);
async function* ag() { const x = yield 1; print("got", x); yield Promise.resolve(2); try { yield 3; } finally { print("ag finally"); } return "ret"; }
(async () => {
  const it = ag();
  print(show(await it.next("ignored")), show(await it.next("X")), show(await it.next()), show(await it.return("early")), show(await it.next()));
  for await (const v of ag()) print("for await", v);
  // queued requests
  const q = ag();
  const ps = [q.next(), q.next("a"), q.next("b"), q.next(), q.next()];
  for (const p of ps) print(show(await p));
  // throw
  async function* catcher() { try { yield 1; } catch (e) { print("inside caught", e); yield "after"; } }
  const c = catcher(); await c.next();
  print(show(await c.throw("boom")));
  // yield* over async and sync
  async function* inner() { yield "i1"; yield "i2"; return "inner ret"; }
  async function* outer() { const r = yield* inner(); print("inner returned", r); yield* [10, 20]; }
  for await (const v of outer()) print("outer", v);
  // return before start, throw before start
  print(show(await ag().return(Promise.resolve(7))));
  try { await ag().throw(new Error("early")); } catch (e) { print("early throw", e.message); }
  // errors in body reject
  async function* bad() { yield 1; throw new Error("bad body"); }
  const b = bad(); await b.next();
  try { await b.next(); } catch (e) { print("rejected", e.message); }
  print(show(await b.next()));
  // await inside
  async function* waits() { for (let i = 0; i < 3; i++) { await null; yield i * 10; } }
  const out = []; for await (const v of waits()) out.push(v); print(out.join(","));
  print(Object.prototype.toString.call(ag()), typeof ag().next, ag()[Symbol.asyncIterator]() instanceof ag);
  print(Object.getPrototypeOf(ag) === Object.getPrototypeOf(async function*(){}), Object.getPrototypeOf(ag).constructor === undefined);
})().catch(e => print("FAILED", e, e.stack));
