// The invariants of the Proxy internal methods (ECMA-262 §10.5.1–11):
// a trap result that contradicts a non-configurable property or a
// non-extensible target is a TypeError; a consistent one passes.
function check(name, f) {
  let r;
  try { r = String(f()); } catch (e) { r = e.constructor.name; }
  console.log(name + ': ' + r);
}
const frozen = Object.freeze({ x: 1 });
const sealedAccessor = Object.defineProperty({}, 'acc', { set(v) {}, configurable: false });
const fixedWritable = Object.defineProperty({}, 'w', { value: 1, writable: true, configurable: false });
const nonExt = Object.preventExtensions({ y: 2 });

// get
check('get lies about frozen value', () => new Proxy(frozen, { get: () => 2 }).x);
check('get tells the frozen value', () => new Proxy(frozen, { get: () => 1 }).x);
check('get value for getter-less accessor', () => new Proxy(sealedAccessor, { get: () => 1 }).acc);
check('get free for configurable', () => new Proxy({ x: 1 }, { get: () => 9 }).x);
// set
check('set true for frozen different', () => Reflect.set(new Proxy(frozen, { set: () => true }), 'x', 2));
check('set true for frozen same', () => Reflect.set(new Proxy(frozen, { set: () => true }), 'x', 1));
check('set true for setter-less accessor', () => Reflect.set(new Proxy(Object.defineProperty({}, 'g', { get() {} }), { set: () => true }), 'g', 1));
check('set false', () => Reflect.set(new Proxy({}, { set: () => false }), 'z', 1));
check('strict set false', () => { 'use strict'; new Proxy({}, { set: () => false }).z = 1; });
// has
check('has hides non-configurable', () => 'x' in new Proxy(frozen, { has: () => false }));
check('has hides on non-extensible', () => 'y' in new Proxy(nonExt, { has: () => false }));
check('has hides configurable', () => 'x' in new Proxy({ x: 1 }, { has: () => false }));
// deleteProperty
check('delete non-configurable', () => delete new Proxy(frozen, { deleteProperty: () => true }).x);
check('delete on non-extensible', () => Reflect.deleteProperty(new Proxy(nonExt, { deleteProperty: () => true }), 'y'));
check('delete false strict', () => { 'use strict'; delete new Proxy({}, { deleteProperty: () => false }).q; });
// defineProperty
check('define on non-extensible', () => Reflect.defineProperty(new Proxy(nonExt, { defineProperty: () => true }), 'n', { value: 1 }));
check('define non-configurable missing', () => Reflect.defineProperty(new Proxy({}, { defineProperty: () => true }), 'n', { value: 1, configurable: false }));
check('define non-writable over writable', () => Reflect.defineProperty(new Proxy(fixedWritable, { defineProperty: () => true }), 'w', { configurable: false, writable: false }));
check('define false', () => Reflect.defineProperty(new Proxy({}, { defineProperty: () => false }), 'n', { value: 1 }));
check('Object.defineProperty false', () => Object.defineProperty(new Proxy({}, { defineProperty: () => false }), 'n', { value: 1 }));
// getOwnPropertyDescriptor
check('gopd hides non-configurable', () => Object.getOwnPropertyDescriptor(new Proxy(frozen, { getOwnPropertyDescriptor: () => undefined }), 'x'));
check('gopd returns primitive', () => Object.getOwnPropertyDescriptor(new Proxy({}, { getOwnPropertyDescriptor: () => 1 }), 'x'));
check('gopd invents non-configurable', () => Object.getOwnPropertyDescriptor(new Proxy({}, { getOwnPropertyDescriptor: () => ({ value: 1, configurable: false }) }), 'x'));
check('gopd invents on non-extensible', () => Object.getOwnPropertyDescriptor(new Proxy(nonExt, { getOwnPropertyDescriptor: () => ({ value: 1, configurable: true }) }), 'x'));
check('gopd completes descriptor', () => JSON.stringify(Object.getOwnPropertyDescriptor(new Proxy({ x: 0 }, { getOwnPropertyDescriptor: () => ({ value: 5, configurable: true }) }), 'x')));
// ownKeys
check('ownKeys drops non-configurable', () => Reflect.ownKeys(new Proxy(frozen, { ownKeys: () => [] })));
check('ownKeys adds to non-extensible', () => Reflect.ownKeys(new Proxy(nonExt, { ownKeys: () => ['y', 'extra'] })));
check('ownKeys duplicates', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => ['a', 'a'] })));
check('ownKeys non-key', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => [1] })));
check('ownKeys not object', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => 'ab' })));
check('ownKeys free', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => ['b', 'a', Symbol.iterator] })).length);
check('ownKeys array-like', () => Object.keys(new Proxy({ q: 1 }, { ownKeys: () => ({ length: 1, 0: 'q' }) })));
// prototype and extensibility
check('getPrototypeOf non-object', () => Object.getPrototypeOf(new Proxy({}, { getPrototypeOf: () => 1 })));
check('getPrototypeOf lies on non-extensible', () => Object.getPrototypeOf(new Proxy(nonExt, { getPrototypeOf: () => null })));
check('getPrototypeOf free', () => Object.getPrototypeOf(new Proxy({}, { getPrototypeOf: () => Array.prototype })) === Array.prototype);
check('setPrototypeOf lies on non-extensible', () => Reflect.setPrototypeOf(new Proxy(nonExt, { setPrototypeOf: () => true }), null));
check('setPrototypeOf false', () => Object.setPrototypeOf(new Proxy({}, { setPrototypeOf: () => false }), null));
check('isExtensible lies', () => Object.isExtensible(new Proxy({}, { isExtensible: () => false })));
check('preventExtensions lies', () => Object.preventExtensions(new Proxy({}, { preventExtensions: () => true })));
check('preventExtensions false', () => Object.preventExtensions(new Proxy({}, { preventExtensions: () => false })));
check('Reflect.preventExtensions false', () => Reflect.preventExtensions(new Proxy({}, { preventExtensions: () => false })));
check('freeze through proxy', () => Object.isFrozen(Object.freeze(new Proxy({ a: 1 }, {}))));
// construct
check('construct returns primitive', () => new (new Proxy(function () {}, { construct: () => 1 }))());
check('instanceof through getPrototypeOf', () => new Proxy({}, { getPrototypeOf: () => Array.prototype }) instanceof Array);
