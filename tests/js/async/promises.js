// Promise: job ordering, combinators, thenables, subclassing.
globalThis.print ??= console.log;
const log = (...a) => print(a.map((x) => (typeof x === "object" ? JSON.stringify(x) : String(x))).join(" "));

const order = [];
const p = new Promise((resolve) => { order.push("executor"); resolve(1); });
p.then(() => order.push("then 1"));
p.then(() => order.push("then 2"));
queueMicrotask(() => order.push("queueMicrotask"));
Promise.resolve().then(() => order.push("resolved then"));
order.push("sync");
setTimeoutless(() => log(order));
function setTimeoutless(f) { Promise.resolve().then(() => Promise.resolve()).then(() => Promise.resolve()).then(f); }

// Resolving with a thenable takes two extra ticks (NewPromiseResolveThenableJob).
const ticks = [];
Promise.resolve().then(() => ticks.push("a")).then(() => ticks.push("b")).then(() => ticks.push("c")).then(() => ticks.push("d"));
new Promise((r) => r(Promise.resolve("x"))).then(() => ticks.push("adopted"));
Promise.resolve().then(() => {}).then(() => {}).then(() => {}).then(() => {}).then(() => log(ticks));

// Combinators.
Promise.all([1, Promise.resolve(2), { then(r) { r(3); } }]).then((v) => log("all", v));
Promise.all([Promise.reject(new Error("first")), Promise.reject(new Error("second"))]).catch((e) => log("all rejects with", e.message));
Promise.allSettled([Promise.resolve(1), Promise.reject("no")]).then((v) => log("allSettled", v));
Promise.any([Promise.reject(1), Promise.resolve(2)]).then((v) => log("any", v));
Promise.any([]).catch((e) => log("any empty:", e.constructor.name, e.errors));
Promise.race([new Promise(() => {}), Promise.resolve("fast")]).then((v) => log("race", v));
Promise.all([]).then((v) => log("all empty", v));

// finally passes values through and can override with a rejection.
Promise.resolve("kept").finally(() => "ignored").then((v) => log("finally kept", v));
Promise.reject(new Error("orig")).finally(() => { throw new Error("replaced"); }).catch((e) => log("finally threw", e.message));

// Self-resolution is a TypeError.
const self = new Promise((r) => Promise.resolve().then(() => r(self)));
self.catch((e) => log("self resolution:", e.constructor.name));

// Errors.
try { Promise(); } catch (e) { log("call without new:", e.constructor.name); }
try { new Promise(1); } catch (e) { log("bad executor:", e.constructor.name); }
Promise.prototype.then.call(Promise.resolve(), undefined, undefined).then((v) => log("then with no handlers passes", v));
try { Promise.prototype.then.call({}, () => {}); } catch (e) { log("then on non-promise:", e.constructor.name); }

// Subclassing: then creates instances of the subclass.
class MyPromise extends Promise {}
const mp = MyPromise.resolve(5).then((v) => v + 1);
log("subclass", mp instanceof MyPromise, mp instanceof Promise);
mp.then((v) => log("subclass value", v));

// A throwing then getter rejects.
const bad = { get then() { throw new Error("getter"); } };
Promise.resolve(bad).catch((e) => log("then getter threw:", e.message));

log("toStringTag", Object.prototype.toString.call(p), Promise.name, Promise.length);
