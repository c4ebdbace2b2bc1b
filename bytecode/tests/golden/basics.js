var total = 0;
function add(a, b) {
  var sum = a + b;
  let twice = sum * 2;
  return twice - 1;
}
total = add(1, 2) + 1;
if (total > 3 && total !== 10) {
  total++;
} else {
  total = -total;
}
typeof missing;
total ** 2;
