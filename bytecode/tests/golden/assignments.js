function f(o, k) {
  let x = 1;
  x += 2;
  o.p *= x;
  o[k]++;
  x ||= o.q;
  o.r ??= 5;
  return x++;
}
