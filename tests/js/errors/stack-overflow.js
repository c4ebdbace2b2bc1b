// Unbounded recursion throws a catchable RangeError, and the engine keeps
// working afterwards.
function down(n) { return down(n + 1) + 1; }
try {
  down(0);
} catch (e) {
  print(e instanceof RangeError, e.message);
}
// Mutual recursion through a native frame (Function.prototype.call).
function viaNative(n) { return viaNative.call(null, n + 1); }
try {
  viaNative(0);
} catch (e) {
  print(e instanceof RangeError);
}
print("still running", down.length);
