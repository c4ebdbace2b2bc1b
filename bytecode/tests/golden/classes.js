class Point {
  #x = 0;
  static count = 0;
  y = this.#x;
  static { Point.count++; }
  get x() { return this.#x; }
  set x(v) { this.#x = v; }
  #secret() { return #x in this; }
  static [Symbol.iterator]() {}
}
