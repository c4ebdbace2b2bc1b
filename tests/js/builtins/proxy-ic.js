// Proxies at hot property sites: a site made monomorphic (then
// polymorphic) by ordinary objects must still call a proxy's traps, in
// every tier (CI runs this under --tier=baseline too, where compiled code
// reads the IC mirrors). Also a proxy on the prototype chain of an
// object whose shape the site has cached.
let traps = 0;
const handler = {
  get(t, k, r) { traps++; return k === 'x' ? 'trapped' : Reflect.get(t, k, r); },
  set(t, k, v, r) { traps++; return Reflect.set(t, k, v + 1000, r); },
  has(t, k) { traps++; return true; },
  deleteProperty(t, k) { traps++; return true; },
};
function getX(o) { return o.x; }
function setX(o, v) { o.x = v; }
function getKeyed(o, k) { return o[k]; }
function getIndex(o) { return o[0]; }
function setIndex(o, v) { o[0] = v; }
function hasX(o) { return 'x' in o; }
function callM(o) { return o.m(); }

const plain = { x: 1, m() { return 'plain'; } };
// The proxy's target has plain's shape: a shape-keyed cache must not
// mistake one for the other.
const target = { x: 1, m() { return 'target'; } };
const proxy = new Proxy(target, handler);
const arr = [1, 2, 3];
const arrProxy = new Proxy([1, 2, 3], handler);

let out = [];
for (let i = 0; i < 1000; i++) {
  getX(plain); setX(plain, i); getKeyed(plain, 'x'); getIndex(arr); setIndex(arr, i); hasX(plain); callM(plain);
}
traps = 0;
out.push(getX(proxy), getKeyed(proxy, 'x'), getIndex(arrProxy));
setX(proxy, 1); setIndex(arrProxy, 2);
out.push(target.x, hasX(proxy), callM(proxy), traps);
console.log('after warm-up:', out.join(' '));

// Interleaved in one hot loop: every proxy access traps.
traps = 0;
let sum = 0;
for (let i = 0; i < 1000; i++) {
  const o = i % 2 ? proxy : plain;
  if (getX(o) === 'trapped') sum++;
  setX(o, i);
}
console.log('interleaved:', sum, traps);

// A proxy on the prototype chain: the missing-property and
// prototype-slot handlers must not be cached past it.
const protoProxy = new Proxy({ inherited: 'from target' }, { get(t, k, r) { traps++; return 'proto trap ' + String(k); } });
const child = Object.create(protoProxy);
child.own = 1;
function getInherited(o) { return o.inherited; }
function getMissing(o) { return o.nothing; }
const sibling = { own: 1 };
for (let i = 0; i < 1000; i++) { getInherited(sibling); getMissing(sibling); }
traps = 0;
let last;
for (let i = 0; i < 1000; i++) last = [getInherited(child), getMissing(child)];
console.log('proto chain:', last.join(', '), traps);

// A store that would add a property runs the set trap on the chain.
function addY(o, v) { o.y = v; }
for (let i = 0; i < 1000; i++) addY({ own: 1 }, i);
const logged = [];
const setterProto = new Proxy({}, { set(t, k, v, r) { logged.push(k + '=' + v); return true; } });
const viaChain = Object.create(setterProto);
viaChain.own = 1;
for (let i = 0; i < 3; i++) addY(viaChain, i);
console.log('store through chain:', logged.join(' '), 'own y:', Object.hasOwn(viaChain, 'y'));

// Revoking a proxy after its sites are hot.
const { proxy: rp, revoke } = Proxy.revocable({ x: 1 }, {});
for (let i = 0; i < 1000; i++) getX(rp);
revoke();
try { getX(rp); console.log('revoked: no error'); } catch (e) { console.log('revoked:', e.constructor.name); }
