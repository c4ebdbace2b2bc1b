// new.target in functions, arrows and classes; constructor return values.
function F() { return new.target === F; }
print(new F() instanceof F, F());
function G() { const f = () => new.target; return { t: f() === G }; }
print(new G().t, G().t);
class A { constructor() { this.nt = new.target.name; } }
class B extends A {}
print(new A().nt, new B().nt);
function R() { this.a = 1; return { b: 2 }; }
print(JSON.stringify(new R()));
function P() { this.a = 1; return 5; }
print(JSON.stringify(new P()));
class D extends A { constructor() { super(); return undefined; } }
print(new D().nt);
class E extends A { constructor() { return { custom: true }; } }
print(new E().custom);
class Bad extends A { constructor() { return 1; } }
try { new Bad(); } catch (e) { print(e.constructor.name); }
class NoSuper extends A { constructor() {} }
try { new NoSuper(); } catch (e) { print(e.constructor.name); }
try { A(); } catch (e) { print(e.constructor.name); }
