class Base { m() { return 1; } }
class Derived extends Base {
  constructor(a) {
    const f = () => this;
    super(a);
    this.v = super.m() + f().v;
  }
  static s() { return super.name; }
}
const Anon = class extends Base {};
