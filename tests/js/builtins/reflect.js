// Reflect (ECMA-262 §28.1): each function runs one internal method on an
// object target; a non-object target is a TypeError.
function check(name, f) {
  let r;
  try { r = f(); } catch (e) { r = e.constructor.name; }
  console.log(name + ': ' + (typeof r === 'object' && r !== null ? JSON.stringify(r) : String(r)));
}
const o = { a: 1, [Symbol('s')]: 2 };
Object.defineProperty(o, 'hidden', { value: 3, enumerable: false });
check('apply', () => Reflect.apply(Math.max, null, [1, 5, 3]));
check('apply array-like', () => Reflect.apply(function () { return arguments.length; }, null, { length: 2 }));
check('apply not callable', () => Reflect.apply({}, null, []));
check('apply no list', () => Reflect.apply(Math.max, null));
class A { constructor(x) { this.x = x; this.nt = new.target.name; } }
class B {}
check('construct', () => Reflect.construct(A, [1]));
check('construct newTarget', () => { const r = Reflect.construct(A, [2], B); return [r.x, r.nt, Object.getPrototypeOf(r) === B.prototype]; });
check('construct not constructor', () => Reflect.construct(() => 1, []));
check('construct bad newTarget', () => Reflect.construct(A, [], Math.max));
check('construct Date via newTarget', () => Object.getPrototypeOf(Reflect.construct(Date, [0], B)) === B.prototype);
check('defineProperty', () => [Reflect.defineProperty(o, 'b', { value: 2 }), o.b]);
check('defineProperty refused', () => Reflect.defineProperty(Object.freeze({}), 'b', { value: 2 }));
check('deleteProperty', () => [Reflect.deleteProperty(o, 'a'), 'a' in o, Reflect.deleteProperty(o, 'hidden')]);
check('get', () => Reflect.get({ x: 1 }, 'x'));
check('get receiver', () => Reflect.get({ get g() { return this.v; } }, 'g', { v: 'recv' }));
check('getOwnPropertyDescriptor', () => Reflect.getOwnPropertyDescriptor(o, 'hidden'));
check('getOwnPropertyDescriptor missing', () => Reflect.getOwnPropertyDescriptor(o, 'zz'));
check('getPrototypeOf', () => Reflect.getPrototypeOf([]) === Array.prototype);
check('has', () => [Reflect.has(o, 'hidden'), Reflect.has(o, 'toString'), Reflect.has(o, 'zz')]);
check('isExtensible', () => [Reflect.isExtensible({}), Reflect.isExtensible(Object.seal({}))]);
check('ownKeys', () => Reflect.ownKeys({ b: 1, 2: 0, a: 1, 1: 0 }));
check('ownKeys symbols', () => Reflect.ownKeys(o).map(String));
check('preventExtensions', () => { const x = {}; return [Reflect.preventExtensions(x), Object.isExtensible(x)]; });
check('set', () => { const x = {}; return [Reflect.set(x, 'k', 1), x.k]; });
check('set receiver', () => { const r = {}; Reflect.set({ set s(v) { this.got = v; } }, 's', 7, r); return r.got; });
check('set read-only', () => Reflect.set(Object.freeze({ k: 1 }), 'k', 2));
check('set on receiver with accessor', () => Reflect.set({}, 'k', 1, { get k() { return 0; } }));
check('setPrototypeOf', () => [Reflect.setPrototypeOf({}, null), Reflect.setPrototypeOf(Object.preventExtensions({}), null)]);
check('setPrototypeOf cycle', () => { const x = {}; return Reflect.setPrototypeOf(Object.prototype, x); });
check('setPrototypeOf bad proto', () => Reflect.setPrototypeOf({}, 1));
for (const name of ['defineProperty', 'deleteProperty', 'get', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'has', 'isExtensible', 'ownKeys', 'preventExtensions', 'set', 'setPrototypeOf']) {
  check(name + ' non-object', () => Reflect[name](1, 'x', {}));
}
check('toStringTag', () => Object.prototype.toString.call(Reflect));
check('lengths', () => Object.getOwnPropertyNames(Reflect).sort().map((n) => n + ':' + Reflect[n].length).join(' '));
check('not a constructor', () => new Reflect.get({}, 'x'));
