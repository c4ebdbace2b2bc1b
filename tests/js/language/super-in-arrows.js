// super property access and super() calls from arrow functions, which
// take the home object, `this` and new.target of the enclosing method.
var base = { greet() { return "base " + this.name; } };
var derived = { __proto__: base, name: "derived", viaArrow() { return (() => super.greet())(); } };
print(derived.viaArrow());
class A { constructor(v) { this.v = v; } hello() { return "hello from A"; } }
class B extends A {
  arrow() { return (() => () => super.hello())()(); }
  static s() { return (() => super.name)(); }
}
print(new B(1).arrow(), B.s());
class C extends A {
  constructor() {
    const init = () => super(5);
    init();
    this.after = this.v + 1;
  }
}
print(new C().after);
class D extends A {
  constructor() {
    const init = () => super(1);
    init();
    try { init(); } catch (e) { print("second super()", e.constructor.name); }
  }
}
new D();
class E extends A { field = (() => super.hello())(); }
print(new E().field);
