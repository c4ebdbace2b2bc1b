// Named and keyed property fast paths of the baseline JIT, with the cases
// that must leave them: out-of-line slots, prototype holders invalidated
// by the structure epoch, polymorphic sites, getters, holes, arguments
// objects, typed arrays, frozen arrays, negative and large indices.
function getX(o) { return o.x; }
function setX(o, v) { o.x = v; }
function many() { const o = {}; for (let i = 0; i < 10; i++) o['p' + i] = i; o.x = 'far'; return o; }
const shapes = [{ x: 1 }, { a: 0, x: 2 }, { a: 0, b: 0, x: 3 }, many()];
const seen = [];
for (let i = 0; i < 400; i++) seen[i & 3] = getX(shapes[i & 3]);
console.log(seen.join(' '));
for (let i = 0; i < 400; i++) setX(shapes[i & 3], i);
console.log(shapes.map(getX).join(' '));
// A fifth shape (megamorphic), a getter, a missing property, a primitive.
console.log([getX({ y: 0, z: 0, w: 0, x: 5 }), getX({ get x() { return 'getter'; } }), getX({}), getX('str'), getX(7)].join(' '));

class Base { m() { return 'base'; } }
class Derived extends Base {}
function callM(o) { return o.m(); }
const d = new Derived();
const calls = [];
for (let i = 0; i < 400; i++) calls[0] = callM(d);
Derived.prototype.m = function () { return 'derived'; };
calls.push(callM(d));
delete Derived.prototype.m;
calls.push(callM(d));
Base.prototype.m = function () { return 'base2'; };
calls.push(callM(d));
Object.setPrototypeOf(d, { m() { return 'swapped'; } });
calls.push(callM(d));
console.log(calls.join(' '));

// Stores: a read-only property and a setter on a shape seen before.
function store(o) { 'use strict'; o.v = 1; return o.v; }
const plain = { v: 0 };
for (let i = 0; i < 400; i++) store(plain);
const frozen = Object.freeze({ v: 0 });
let err = 'none';
try { store(frozen); } catch (e) { err = e.constructor.name; }
let setterCalls = 0;
const withSetter = { set v(x) { setterCalls++; }, get v() { return 'accessor'; } };
console.log(err, store(withSetter), setterCalls, frozen.v);

function at(a, i) { return a[i]; }
function put(a, i, v) { a[i] = v; }
const arr = [1, 2, 3, , 5];
for (let i = 0; i < 400; i++) at(arr, i % 3);
Array.prototype[3] = 'from proto';
const args = (function () { return arguments; })(10, 20);
console.log([at(arr, 3), at(arr, -1), at(arr, 5), at(arr, 4294967295), at(arr, '1'), at(arr, 1.5), at(args, 1),
  at('str', 1), at({ 0: 'obj' }, 0)].join(' '));
delete Array.prototype[3];
for (let i = 0; i < 400; i++) put(arr, i % 3, i);
put(arr, 3, 'hole filled'); put(arr, 7, 'appended');
const fa = Object.freeze([1, 2]);
put(fa, 0, 'no');

const sloppyArgs = (function (a) { put(arguments, 0, 'aliased'); return a; })('orig');
console.log(arr.length, arr.join(), fa.join(), sloppyArgs);

// Context slots: closures, TDZ, nested scopes.
function counter() { let n = 0; return () => ++n; }
const c = counter();
for (let i = 0; i < 400; i++) c();
let tdz = 'none';
function early() { try { return later; } catch (e) { tdz = e.constructor.name; } }
early();
let later = 1;
console.log(c(), tdz, early());
