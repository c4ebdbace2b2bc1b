// Many small evals (each parsed and compiled on the caller's stack) and a
// few deeply nested ones (which need a stack of their own).
// (node 20 throws a RangeError at 2,000 levels; the spec sets no limit, and
// the expected output is written from the spec.)
var sum = 0;
for (var i = 0; i < 3000; i++) sum += eval("/*" + String.fromCharCode(i % 0xD800) + "*/ " + (i % 7));
console.log(sum);
for (const n of [10, 2000, 4000]) {
  console.log(n, eval("(".repeat(n) + n + ")".repeat(n)));
  console.log(n, new Function("return " + "[".repeat(n) + "]".repeat(n))().length);
}
