// Async functions and await: ordering against other microtasks, errors,
// finally, loops, thenables.
globalThis.print ??= console.log;

async function a1() { print("a1 start"); await null; print("a1 after await"); return "a1 done"; }
a1().then((v) => print("then:", v));
Promise.resolve().then(() => print("plain microtask 1")).then(() => print("plain microtask 2"));
print("sync end");

// Rejections become exceptions at the await.
async function catches() {
  try { await Promise.reject(new Error("rejected")); }
  catch (e) { print("caught:", e.message); }
  finally { print("finally in async"); }
  return "recovered";
}
catches().then((v) => print(v));

// An exception rejects the returned promise, even before any await.
async function early() { throw new TypeError("sync throw"); }
const pe = early();
print("early returned a promise:", pe instanceof Promise);
pe.catch((e) => print("rejected with", e.constructor.name, e.message));

// Parameter errors reject too.
async function params(x = undefinedVariable) { return x; }
params().catch((e) => print("param error:", e.constructor.name));

// Thousands of awaits in a loop: no stack growth.
async function loop(n) { let s = 0; for (let i = 0; i < n; i++) s += await i; return s; }
loop(20000).then((s) => print("loop sum", s));

// Awaiting a thenable calls its then in a later job.
const thenable = { then(resolve) { print("thenable.then called"); resolve(42); } };
(async () => print("thenable gave", await thenable))();

// return inside try/finally with await in finally.
async function fin() {
  try { return "from try"; }
  finally { await null; print("finally awaited"); }
}
fin().then((v) => print("fin result", v));

// Async arrows, methods and this.
const o = { v: 5, async m() { await 0; return this.v; } };
o.m().then((v) => print("method", v));
const arrow = async (x) => x * 2;
arrow(21).then((v) => print("arrow", v));

// Returning a promise adopts it.
async function adopt() { return Promise.resolve("adopted"); }
adopt().then((v) => print(v));

// Concurrency: Promise.all over async calls.
const sleepless = async (x) => { await null; return x; };
Promise.all([sleepless(1), sleepless(2), sleepless(3)]).then((v) => print("all", JSON.stringify(v)));

print(Object.prototype.toString.call(a1), Object.getPrototypeOf(a1) === Object.getPrototypeOf(async () => {}));
print(typeof a1.prototype);
