function add(a, b) {
  var sum = a + b;
  let twice = sum * 2;
  { const inner = twice + 1; sum = inner; }
  return sum;
}
add(1, 2);
