// extends, super() calls, super property access, derived constructors,
// extending built-ins and null, default constructors passing arguments.
class Animal {
  constructor(name) { this.name = name; }
  speak() { return this.name + " makes a sound"; }
  static create(n) { return new this(n); }
  get desc() { return "animal " + this.name; }
}
class Dog extends Animal {
  constructor(name) { super(name + "!"); this.kind = "dog"; }
  speak() { return super.speak() + " (woof)"; }
  get desc() { return super.desc + " / dog"; }
  static create(n) { return super.create(n + "?"); }
}
var d = new Dog("rex");
print(d.speak(), d.desc, d.kind, d instanceof Animal);
print(Dog.create("x").name, Object.getPrototypeOf(Dog) === Animal);
class Cat extends Animal {}
print(new Cat("tom").speak(), Cat.length);
class Counter extends Array { sum() { return this.reduce((a, b) => a + b, 0); } }
var c = new Counter();
c.push(1, 2, 3);
print(c.sum(), c.length, Array.isArray(c), c instanceof Counter);
class MyErr extends Error { constructor(m) { super(m); this.name = "MyErr"; } }
var e = new MyErr("oops");
print(e.message, e instanceof Error, String(e));
class Nul extends null { constructor() { return Object.create(Nul.prototype); } }
print(Object.getPrototypeOf(Nul.prototype), new Nul() instanceof Nul);
function Legacy(v) { this.v = v; }
Legacy.prototype.get = function () { return this.v; };
class Modern extends Legacy { constructor() { super(5); } }
print(new Modern().get());
try { class Bad extends 5 {} } catch (err) { print(err.constructor.name); }
class Twice extends Animal { constructor() { super("a"); try { super("b"); } catch (err) { print("second super", err.constructor.name); } } }
new Twice();
class Before extends Animal { constructor() { try { this.x = 1; } catch (err) { print("this before super", err.constructor.name); } super("ok"); } }
print(new Before().name);
var obj = { __proto__: { greet() { return "proto greet"; } }, greet() { return super.greet() + "!"; } };
print(obj.greet());
class SetSuper extends Animal { setIt() { super.name = "via super"; return this.name; } }
print(new SetSuper("x").setIt());
class ReturnsPrimitive extends Animal { constructor() { super("p"); try { return 0; } catch (err) { return; } } }
try { new ReturnsPrimitive(); print("not thrown"); } catch (err) { print("return override", err.constructor.name); }
class ReturnsInFinally extends Animal { constructor() { try { return { o: 1 }; } finally { print("finally in constructor"); } } }
print(new ReturnsInFinally().o);
class Collect { constructor(...v) { this.all = v.length + ":" + v.join(); } }
class Forward extends Collect {}
print(new Forward().all, new Forward(1).all, new Forward(1, 2, 3, 4).all, new Forward(1, 2, 3, 4, 5, 6).all);
