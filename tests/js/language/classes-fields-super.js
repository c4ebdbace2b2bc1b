// Field initializers run after super() binds this, also through arrows; once only.
class A { constructor() { this.a = 1; } }
class B extends A { x = this.a + 1; y = (() => this.x * 10)(); constructor() { const init = () => super(); init(); print("after", this.x, this.y); } }
new B();
class C extends A { n = (C.count = (C.count || 0) + 1); constructor() { const s = () => super(); s(); try { s(); } catch (e) { print(e.constructor.name, C.count); } } }
new C();
class D extends A { z = 5; }
print(new D().z, new D().a);
class E extends A { #p = 3; get p() { return this.#p; } constructor(...args) { super(...args); } }
print(new E().p);
