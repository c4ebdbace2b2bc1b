function f(a) {
  for (;;) {
    try {
      if (a) break;
      return 1;
    } catch ({ message }) {
      a = message;
    } finally {
      a++;
    }
  }
  return a;
}
