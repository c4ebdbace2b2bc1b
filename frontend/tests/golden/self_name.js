var factorial = function fact(n) {
  return n <= 1 ? 1 : n * fact(n - 1);
};
var capturing = function me() {
  return () => me;
};
var shadowed = function f() {
  var f = 1;
  return f;
};
