// Compound assignment and update expressions on every kind of target;
// each reference is evaluated once, a computed key converted once (as the
// spec and test262 say; V8 converts it on the load and again on the store).
var x = 10;
x += 5; x -= 3; x *= 2; x /= 4; x %= 4; x **= 3; x <<= 2; x >>= 1; x >>>= 0; x |= 8; x &= 12; x ^= 5;
print(x);
var s = "a";
s += "b";
s += 1;
print(s);
var evals = 0;
var obj = { v: 1 };
function getObj() { evals++; return obj; }
getObj().v += 10;
getObj()["v"] *= 2;
getObj().v++;
++getObj().v;
print(obj.v, evals);
var keyEvals = 0;
var keyObj = { toString() { keyEvals++; return "k"; } };
var target = { k: 1 };
target[keyObj] += 1;
target[keyObj]++;
print(target.k, keyEvals);
var arr = [1, 2, 3];
var i = 0;
arr[i++] += 10;
print(arr.join(), i);
var u;
u++;
print(u);
var str = "5";
print(str++, str, typeof str);
var m = { n: 1 };
print(m.n++, m.n, ++m.n, m.n--, --m.n);
class P { #v = 1; bump() { this.#v += 2; this.#v++; return this.#v; } }
print(new P().bump());
class Base { get val() { return this._v || 1; } set val(v) { this._v = v; } }
class Sub extends Base { twice() { super.val *= 2; super.val += 1; return this._v; } }
print(new Sub().twice());
