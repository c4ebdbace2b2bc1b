// var hoisting, let/const block scoping, shadowing, closures over blocks.
print(hoisted, typeof later);
var hoisted = 1;
function later() { return "later"; }
print(hoisted, later());
let outer = "outer";
{
  let outer = "inner";
  const k = 3;
  print(outer, k);
  {
    var fromBlock = "var escapes";
  }
}
print(outer, fromBlock);
function counter() {
  let count = 0;
  return { inc() { return ++count; }, get() { return count; } };
}
var c1 = counter(), c2 = counter();
c1.inc(); c1.inc(); c2.inc();
print(c1.get(), c2.get());
function shadow(x) {
  { let x = 10; print("inner x", x); }
  return x;
}
print(shadow(1));
var fns = [];
for (var i = 0; i < 3; i++) fns.push(() => i);
print(fns.map(f => f()).join());
let lets = [];
for (let j = 0; j < 3; j++) lets.push(() => j);
print(lets.map(f => f()).join());
const obj = { v: 1 };
obj.v = 2;
print(obj.v);
function nested() {
  var a = 1;
  function inner() { var b = 2; return function () { return a + b; }; }
  return inner()();
}
print(nested());
