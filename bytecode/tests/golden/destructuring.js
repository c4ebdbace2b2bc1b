function f(o, arr) {
  const { a, b: { c = 1 }, [a]: d, ...rest } = o;
  let [x, , y = 2, ...zs] = arr;
  [o.p, x] = [x, o.p];
  return rest;
}
