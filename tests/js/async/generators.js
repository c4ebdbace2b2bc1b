// Generators: the protocol, return/throw in finally, yield*, state errors.
globalThis.print ??= console.log;
const show = (r) => JSON.stringify(r);

function* counter(n) { for (let i = 0; i < n; i++) yield i; return "end"; }
print([...counter(4)].join(","));
const c = counter(2);
print(show(c.next()), show(c.next()), show(c.next()), show(c.next()));

// Sent values and the first next()'s argument being ignored.
function* echo() { let x = "start"; while (true) { x = yield x; if (x === "stop") return "stopped"; } }
const e = echo();
print(show(e.next("ignored")), show(e.next(1)), show(e.next(2)), show(e.next("stop")), show(e.next(3)));

// return() runs finally blocks; a yield in finally suspends the return.
function* withFinally() {
  try { yield 1; yield 2; } finally { print("finally runs"); yield "from finally"; print("after finally yield"); }
}
const f = withFinally();
print(show(f.next()), show(f.return("R")), show(f.next()), show(f.next()));

// return() overridden by a return inside finally.
function* overrides() { try { yield 1; } finally { return "finally wins"; } }
const o = overrides();
o.next();
print(show(o.return("lost")));

// throw() is caught inside the generator.
function* catcher() { while (true) { try { yield "waiting"; } catch (err) { print("caught", err); } } }
const k = catcher();
k.next();
print(show(k.throw("E1")), show(k.throw("E2")));

// throw() escaping completes the generator.
function* plain() { yield 1; }
const p = plain();
p.next();
try { p.throw(new Error("out")); } catch (err) { print("escaped:", err.message); }
print(show(p.next()));

// throw()/return() before the start: no body runs.
function* never() { print("never printed"); yield 1; }
print(show(never().return(7)));
try { never().throw("early"); } catch (err) { print("early throw:", err); }

// A running generator cannot be resumed.
function* reentrant() { try { g2.next(); } catch (err) { yield err.constructor.name + ": " + err.message; } }
const g2 = reentrant();
print(show(g2.next()));

// yield* delegates next, throw and return, and yields inner results as they are.
function* inner() {
  try { const a = yield "i1"; print("inner got", a); yield "i2"; return "inner result"; }
  finally { print("inner finally"); }
}
function* outer() { const r = yield* inner(); print("yield* gave", r); yield "o1"; }
const d = outer();
print(show(d.next()), show(d.next("A")), show(d.next()), show(d.next()));
const d2 = outer();
d2.next();
print(show(d2.return("early")));
function* thrower() { try { yield* inner(); } catch (err) { yield "outer caught " + err; } }
const d3 = thrower();
d3.next();
print(show(d3.throw("T")));

// yield* over an iterator without throw(): closed, then a TypeError.
const noThrow = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { print("closed"); return {}; } }; } };
function* delegating() { yield* noThrow; }
const d4 = delegating();
d4.next();
try { d4.throw("x"); } catch (err) { print(err.constructor.name); }

// Generators as methods, with arguments, this and closures.
const obj = { base: 10, *items(...extra) { for (const x of extra) yield this.base + x; } };
print([...obj.items(1, 2, 3)].join(","));
class Tree { constructor(v, kids = []) { this.v = v; this.kids = kids; }
  *[Symbol.iterator]() { yield this.v; for (const k of this.kids) yield* k; } }
print([...new Tree(1, [new Tree(2, [new Tree(3)]), new Tree(4)])].join(","));

// Deep iteration uses no native stack.
function* naturals() { let i = 0; while (true) yield i++; }
let sum = 0;
for (const n of naturals()) { if (n > 100000) break; sum += n; }
print(sum);

// The objects.
function* gf() {}
print(Object.prototype.toString.call(gf()), Object.getPrototypeOf(gf()) === gf.prototype);
print(Object.getPrototypeOf(gf.prototype) === Object.getPrototypeOf(function* () {}.prototype));
print(typeof gf().next, typeof gf()[Symbol.iterator], gf()[Symbol.iterator]() instanceof gf);
try { new gf(); } catch (err) { print(err.constructor.name); }
