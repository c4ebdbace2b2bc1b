// An uncaught error prints "Uncaught Name: message" and the stack.
function inner(o) {
  return o.missing.deeper;
}
function outer() {
  return inner({});
}
print("before");
outer();
print("never printed");
