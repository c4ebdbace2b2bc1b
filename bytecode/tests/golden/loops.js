function f(n, o) {
  const fns = [];
  for (let i = 0; i < n; i++) fns.push(() => i);
  let k;
  for (k in o) {}
  var j = 0;
  do { j++; } while (j < n);
  while (j--) if (j === 2) continue;
  return fns;
}
