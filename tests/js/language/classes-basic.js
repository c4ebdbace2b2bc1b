// Classes: constructors, methods, getters/setters, static members,
// non-enumerable methods, class expressions, inner name binding.
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  norm() { return Math.sqrt(this.x * this.x + this.y * this.y); }
  get sum() { return this.x + this.y; }
  set sum(v) { this.x = v; this.y = 0; }
  static origin() { return new Point(0, 0); }
  static get kind() { return "point"; }
  toString() { return `(${this.x}, ${this.y})`; }
}
var p = new Point(3, 4);
print(p.norm(), p.sum, String(p), Point.origin().x, Point.kind);
p.sum = 10;
print(p.x, p.y);
print(Object.keys(Point.prototype).length, typeof Point, Point.name, Point.length);
print(Object.getOwnPropertyDescriptor(Point.prototype, "norm").enumerable);
print(p.constructor === Point, Object.getPrototypeOf(p) === Point.prototype);
var Anon = class {};
var Named = class Inner { who() { return Inner.name; } };
print(Anon.name, Named.name, new Named().who(), typeof Inner);
class Empty {}
print(new Empty() instanceof Empty, Empty.length);
try { Point(); } catch (e) { print(e.constructor.name); }
var key = "computed";
class Computed { [key]() { return 1; } static [key + "Static"]() { return 2; } get [key + "Get"]() { return 3; } }
print(new Computed().computed(), Computed.computedStatic(), new Computed().computedGet);
class Rebind { static make() { return new Rebind(); } }
var Saved = Rebind;
print(Saved.make() instanceof Saved);
class WithName { static name() { return "static name method"; } }
print(typeof WithName.name);
print(String(class {}.prototype.constructor.name));
class Acc { static #count = 0; static inc() { return ++Acc.#count; } }
Acc.inc();
print(Acc.inc());
