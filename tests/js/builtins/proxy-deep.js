// no-gc-stress
// (A hundred thousand proxies: collecting at every allocation would be quadratic.)
// A long chain of proxies, or a trap that recurses into its own proxy,
// ends in a RangeError, not a crash, for every internal method.
function check(name, f) {
  let r;
  try { r = f(); } catch (e) { r = e instanceof RangeError ? 'RangeError' : e; }
  console.log(name + ': ' + r);
}
// How deep a chain fits depends on the native stack: a value or a
// RangeError are both right, a crash is not.
const fits = (f) => () => { try { f(); return 'ok'; } catch (e) { return e instanceof RangeError ? 'ok' : String(e); } };
let deep = { x: 1 };
for (let i = 0; i < 100000; i++) deep = new Proxy(deep, {});
check('deep get', fits(() => deep.x));
check('deep set', fits(() => { deep.y = 1; }));
check('deep has', fits(() => 'x' in deep));
check('deep keys', fits(() => Object.keys(deep)));
check('deep getPrototypeOf', fits(() => Object.getPrototypeOf(deep)));
check('deep isArray', fits(() => Array.isArray(deep)));
let deepFn = function () { return 1; };
for (let i = 0; i < 100000; i++) deepFn = new Proxy(deepFn, {});
check('deep call', fits(() => deepFn()));
check('deep construct', fits(() => new deepFn()));
const self = new Proxy({}, { get(t, k, r) { return r[k]; }, has(t, k) { return k in r; } });
var r = self;
check('self get', () => self.x);
check('self has', () => 'x' in self);
const loop = new Proxy({}, { getPrototypeOf(t) { return Object.getPrototypeOf(loop); } });
check('self getPrototypeOf', () => Object.getPrototypeOf(loop));
