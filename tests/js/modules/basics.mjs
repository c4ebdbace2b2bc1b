// Imports of every form, exports of every form, live bindings.
import defaultFn, { v, l, c, f, K, renamed, local, 'a string name' as s, bump, m1, m2, more, reexported } from './fixtures/exports.mjs';
import * as ns from './fixtures/exports.mjs';
import answer from './fixtures/default-expr.mjs';
import Anon from './fixtures/default-class.mjs';
import './fixtures/more.mjs';

console.log(v, l, c, f(), K.who(), renamed, local, s);
console.log(defaultFn(), defaultFn.name, answer, new Anon().hello(), Anon.name);
console.log(m1, m2, reexported, more.m1, more.default);
console.log('before bump', local, renamed, l, ns.local);
bump();
console.log('after bump', local, renamed, l, ns.local);
console.log(Object.keys(ns).join());
console.log(Object.prototype.toString.call(ns), Object.getPrototypeOf(ns), Object.isExtensible(ns));
const d = Object.getOwnPropertyDescriptor(ns, 'c');
console.log(JSON.stringify(d));
console.log('m1' in ns, 'nope' in ns, ns.nope, delete ns.nope);
try { ns.c = 1; } catch (e) { console.log(e.constructor.name); }
try { delete ns.c; } catch (e) { console.log(e.constructor.name); }
try { Object.defineProperty(ns, 'c', { value: 'other' }); } catch (e) { console.log(e.constructor.name); }
try { c = 2; } catch (e) { console.log(e.constructor.name); }
try { v = 2; } catch (e) { console.log(e.constructor.name); }
console.log(typeof this, import.meta === import.meta);
const keys = [];
for (const k in ns) keys.push(k);
console.log(keys.join());
// A namespace on a prototype chain: loads go through its [[Get]] (no
// inline cache may treat it as ordinary).
const child = Object.create(ns);
const got = [];
for (let i = 0; i < 3; i++) got.push(child.c, child.renamed, 'v' in child);
console.log(got.join());
