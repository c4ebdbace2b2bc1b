// Private names: per-class identity, access from nested functions and
// arrows, `#x in o`, static privates, errors for foreign objects.
class A {
  #x;
  constructor(x) { this.#x = x; }
  static read(o) { return o.#x; }
  equals(other) { return this.#x === other.#x; }
  viaArrow() { return (() => this.#x)(); }
  viaFunction() { const self = this; return function () { return self.#x; }(); }
  static brand(o) { return #x in o; }
}
var a1 = new A(1), a2 = new A(1), a3 = new A(2);
print(A.read(a1), a1.equals(a2), a1.equals(a3), a1.viaArrow(), a1.viaFunction());
print(A.brand(a1), A.brand({}));
try { A.read({}); } catch (e) { print(e.constructor.name); }
try { A.brand(1); } catch (e) { print(e.constructor.name); }
function make() { return class { #v = 1; static get(o) { return o.#v; } }; }
var C1 = make(), C2 = make();
try { C1.get(new C2()); } catch (e) { print("distinct classes", e.constructor.name); }
print(C1.get(new C1()));
class Outer {
  #secret = "outer secret";
  inner() {
    const self = this;
    return class { reveal() { return self.#secret; } };
  }
}
var I = new Outer().inner();
print(new I().reveal());
class Acc { #v = 0; get #p() { return this.#v; } set #p(n) { this.#v = n * 2; } run() { this.#p = 5; this.#p += 1; return this.#p; } }
print(new Acc().run());
class GetOnly { get #g() { return 1; } trySet() { try { this.#g = 2; } catch (e) { return e.constructor.name; } } }
print(new GetOnly().trySet());
class Stat { static #s = 1; static #m() { return Stat.#s + 1; } static run() { return Stat.#m(); } }
print(Stat.run());
class Chain { #n = 0; inc() { this.#n++; return this; } get n() { return this.#n; } }
print(new Chain().inc().inc().n);
class Opt { #f = 5; static get(o) { return o?.#f; } }
print(Opt.get(new Opt()), Opt.get(null));
