// Accessors on objects and classes: definition, inheritance, defineProperty
// interplay, getters on the prototype chain and setters without getters.
var o = {
  _x: 1,
  get x() { return this._x; },
  set x(v) { this._x = v * 2; },
  get only() { return "getter only"; },
  set writeOnly(v) { this.written = v; },
};
o.x = 5;
o.writeOnly = "w";
print(o.x, o.only, o.writeOnly, o.written);
var child = Object.create(o);
child.x = 7;
print(child.x, o.x, Object.keys(child).join());
class Temp {
  #c = 0;
  get f() { return this.#c * 9 / 5 + 32; }
  set f(v) { this.#c = (v - 32) * 5 / 9; }
  static get unit() { return "C"; }
}
var t = new Temp();
t.f = 212;
print(t.f, Temp.unit, "f" in t, Object.keys(t).length);
var counter = 0;
var lazy = { get value() { counter++; return 42; } };
print(lazy.value + lazy.value, counter);
var strictSet = (function () { "use strict"; var r = { get g() { return 1; } }; try { r.g = 2; } catch (e) { return e.constructor.name; } })();
print(strictSet);
var sloppySet = { get g() { return 1; } };
sloppySet.g = 2;
print(sloppySet.g);
var k = "dyn";
var dyn = { get [k]() { return "dynamic getter"; } };
print(dyn.dyn);
class Base { get v() { return "base"; } }
class Sub extends Base { get v() { return super.v + "+sub"; } }
print(new Sub().v);
var both = { get a() { return 1; }, a: 2 };
print(both.a, typeof Object.getOwnPropertyDescriptor(both, "a").get);
