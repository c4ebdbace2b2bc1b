// Locals passed in place as instruction operands (call receivers and
// arguments, binary and keyed operands, store targets) must still be read
// in evaluation order when a later operand reassigns them.
function show(a, b) { return [this === undefined ? 'u' : typeof this, a, b].join(','); }

function callArgs() { let x = 1; return show(x, x = 2); }
function callArgsUpdate() { let x = 5; return show(x, ++x) + ' ' + x; }
function methodArgs() {
  let x = 1;
  const o = { m(a, b) { return a + b; } };
  return o.m(x, (x = 5, x));
}
function receiverReassigned() {
  let o = { v: 1, m() { return this.v; } };
  const p = { v: 2, m() { return this.v; } };
  return o.m((o = p, 0)) + ':' + o.m();
}
function computedMethod() {
  const o = { v: 1, m() { return this.v; } };
  let k = 'm';
  return o[k]() + o[(k = 'v', 'm')]() + k;
}
function calleeReassigned() {
  let f = show;
  return f((f = null, 1), 2);
}
function optionalCalls() {
  const o = { m: null, n() { return 'n'; } };
  return [o.m?.(1) ?? 'none', o.n?.(), o?.n(), o.missing?.()].join(',');
}
function privateMethod() {
  class A { #p(a) { return 7 + a; } q() { return this.#p(1); } }
  return new A().q();
}
function arities() {
  const g = show;
  return [g(), g(1), g(1, 2), g(1, 2, 3)].join('|');
}
function binaryOperands() {
  let x = 3;
  const a = x + (x = 10);
  let y = 2;
  const b = y * y++;
  let z = 1;
  const c = z < (z = 0);
  return [a, x, b, y, c, z].join(',');
}
function compound() { let x = 3; x += (x = 10); let y = 4; y *= y--; return x + ',' + y; }
function keyed() {
  const a = [1, 2, 3];
  let i = 0;
  const r = a[i] + a[(i = 2, i)] + a[i--] + i;
  let arr = [10, 20];
  const other = [30, 40];
  const s = arr[(arr = other, 1)];
  return r + ',' + s;
}
function stores() {
  let o = {};
  const p = {};
  o.x = (o = p, 1);
  let q = [];
  let k = 0;
  q[k] = (k = 1, 'v');
  return JSON.stringify([o, p, q, k]);
}
function destructuringDefaults() {
  let o = {};
  const p = {};
  [o.x = (o = p, 'd')] = [];
  return JSON.stringify([o, p]);
}
function templates() { let x = 1; return `${x}${x = 2}${x}`; }
function spreadCall(...r) { return show(...r); }
function throwingCallee() {
  const o = {};
  try { o.m(1, 2); } catch (e) { return e.constructor.name; }
}
class Base { constructor() { this.x = 1; } get() { return this.x; } }
class Derived extends Base {
  constructor() { super(); this.y = super.get(); }
  viaSuper() { return super.get(); }
}
console.log(callArgs(), callArgsUpdate(), methodArgs(), receiverReassigned(), computedMethod());
console.log(calleeReassigned(), optionalCalls(), privateMethod(), arities());
console.log(binaryOperands(), compound(), keyed(), stores(), destructuringDefaults());
console.log(templates(), spreadCall(4, 5), throwingCallee(), new Derived().y, new Derived().viaSuper());
