// Public and private fields, static fields and blocks, private methods and
// accessors, brand checks, computed field keys, field initialization order.
var order = [];
function log(v) { order.push(v); return v; }
class A {
  a = log("a");
  [log("key") + "b"] = log("b");
  static s = log("static s");
  static { log("static block"); this.fromBlock = this.s + "!"; }
  #priv = log("priv");
  constructor() { log("ctor body"); }
  getPriv() { return this.#priv; }
}
log("defined");
var a = new A();
print(order.join(", "));
print(a.a, a.keyb, A.s, A.fromBlock, a.getPriv());
class Counter {
  #count = 0;
  static #instances = 0;
  constructor() { Counter.#instances++; }
  #inc() { return ++this.#count; }
  get #double() { return this.#count * 2; }
  set #value(v) { this.#count = v; }
  bump() { this.#inc(); this.#inc(); return this.#double; }
  reset(v) { this.#value = v; return this.#count; }
  static has(o) { return #count in o; }
  static get instances() { return Counter.#instances; }
}
var c = new Counter();
new Counter();
print(c.bump(), c.reset(7), Counter.has(c), Counter.has({}), Counter.instances);
try { Counter.prototype.bump.call({}); } catch (e) { print(e.constructor.name); }
class Base { constructor() { this.fromBase = this.field; } field = "base field"; }
class Derived extends Base { field = "derived field"; extra = this.field + "+"; }
var dd = new Derived();
print(dd.fromBase, dd.field, dd.extra);
class Arrow { v = 1; get = () => this.v; static sv = 2; static sget = () => this.sv; }
var ar = new Arrow();
var g = ar.get;
print(g(), Arrow.sget());
class Names { f = function () {}; g = () => {}; static h = class {}; #p = () => {}; pname() { return this.#p.name; } ["com" + "puted"] = function () {}; }
var nm = new Names();
print(nm.f.name, nm.g.name, Names.h.name, nm.pname(), nm.computed.name);
class NoInit { x; static y; }
print("x" in new NoInit(), new NoInit().x, "y" in NoInit);
class PrivStaticMethod { static #m() { return "static private"; } static call() { return PrivStaticMethod.#m(); } }
print(PrivStaticMethod.call());
class SelfRef { static me = SelfRef; static name2 = this.name; }
print(SelfRef.me === SelfRef, SelfRef.name2);
