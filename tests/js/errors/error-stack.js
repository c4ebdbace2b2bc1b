// error.stack names functions and line:column in the script.
function thrower() {
  throw new TypeError("bad thing");
}
function caller() {
  thrower();
}
try {
  caller();
} catch (e) {
  print(e.stack);
}
const e2 = new Error("top level");
print(e2.stack);
print(String(new RangeError("r")), new Error("m", { cause: 7 }).cause);
