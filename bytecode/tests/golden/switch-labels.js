function f(x) {
  outer: for (;;) {
    switch (x) {
      case 1:
        break;
      case 2:
        continue outer;
      default:
        break outer;
    }
    x++;
  }
  block: { if (x) break block; x = 0; }
  return x;
}
