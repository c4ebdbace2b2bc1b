function f(items) {
  for (const [k, v] of items) {
    if (k) continue;
    if (v) return v;
  }
  for (let x of items) { (() => x)(); }
}
