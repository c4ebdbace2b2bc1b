class Point {
  #x = 1;
  static #count = 0;
  y = this.#x + 1;
  static origin = new Point();
  static {
    var local = 1;
    Point.#count += local;
  }
  get x() { return this.#x; }
  set x(value) { this.#x = value; }
  static has(o) { return #x in o; }
  arrow = () => this.#x;
}
const Anonymous = class Named {
  clone() { return new Named(); }
};
let later = Point;
