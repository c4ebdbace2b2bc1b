// super property access in object literal methods, class methods, static
// methods, getters, and arrows nested in methods.
var base = { greet() { return "base " + this.name; }, get kind() { return "base kind"; }, value: 1 };
var derived = {
  __proto__: base,
  name: "derived",
  greet() { return super.greet() + "!"; },
  get kind() { return super.kind + "+"; },
  computed() { var k = "greet"; return super[k](); },
  write() { super.value = 5; return [this.value, base.value].join(); },
};
print(derived.greet(), derived.kind, derived.computed(), derived.write());
class A { static who() { return "A"; } hello() { return "hello from A"; } }
class B extends A {
  static who() { return super.who() + "B"; }
  hello() { return super.hello() + " via B"; }
  missing() { return super.nothing; }
}
print(B.who(), new B().hello(), new B().missing());
var borrowed = derived.greet;
var other = { __proto__: { greet() { return "other proto"; } }, name: "other", borrowed };
print(other.borrowed());
class C extends A { constructor() { super(); this.h = super.hello(); } }
print(new C().h);
class F { field = super.toString === Object.prototype.toString; }
print(new F().field);
