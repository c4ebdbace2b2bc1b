// Boolean: ToBoolean when called, a wrapper under new (with new.target
// subclassing), and Boolean.prototype's toString / valueOf.
function show(v) {
  if (typeof v === "function") return "fn:" + v.name;
  return String(v);
}
function d(o, k) {
  var x = Object.getOwnPropertyDescriptor(o, k);
  if (x === undefined) return "undefined";
  var s = [];
  if ("value" in x) s.push("value=" + show(x.value));
  if ("writable" in x) s.push("w=" + x.writable);
  s.push("e=" + x.enumerable, "c=" + x.configurable);
  return s.join(" ");
}
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    return (e instanceof TypeError) + " " + e.constructor.name;
  }
}

print(typeof Boolean, Boolean.length, Boolean.name, d(globalThis, "Boolean"));
print(d(Boolean, "prototype"), "|", d(Boolean.prototype, "constructor"));
print(d(Boolean.prototype, "toString"), "|", d(Boolean.prototype, "valueOf"));
print(Boolean.prototype.toString.length, Boolean.prototype.valueOf.length, Boolean.prototype.toString.name);

// Called: ToBoolean.
print(Boolean(), Boolean(undefined), Boolean(null), Boolean(0), Boolean(-0), Boolean(NaN), Boolean(""));
print(Boolean(1), Boolean(-1), Boolean("0"), Boolean("false"), Boolean(" "), Boolean({}), Boolean([]));
print(Boolean(Symbol()), Boolean(new Boolean(false)), Boolean(function () {}), Boolean(Infinity), Boolean(0.5));
print(typeof Boolean(1), Boolean(true, false));

// new: a wrapper object.
var w = new Boolean(false);
print(typeof w, w instanceof Boolean, w.valueOf(), w.toString(), w ? "truthy" : "falsy", w == false, w === false);
print(Object.getPrototypeOf(w) === Boolean.prototype, Object.keys(w).length, Object.prototype.toString.call(w));
print(new Boolean().valueOf(), new Boolean("x").valueOf(), new Boolean(0).valueOf());
print(String(new Boolean(true)), new Boolean(true) + 1);

// Subclassing through new.target.
class MyBool extends Boolean {
  describe() {
    return "my " + this.valueOf();
  }
}
var mb = new MyBool(1);
print(mb instanceof MyBool, mb instanceof Boolean, mb.describe(), mb.toString(), Object.prototype.toString.call(mb));

// Boolean.prototype is itself a Boolean wrapper of false.
print(Boolean.prototype.valueOf(), Boolean.prototype.toString(), Object.prototype.toString.call(Boolean.prototype));

// thisBooleanValue.
var BP = Boolean.prototype;
print(BP.toString.call(true), BP.valueOf.call(false), BP.toString.call(new Boolean(true)));
print(err(function () { BP.toString.call(1); }), err(function () { BP.valueOf.call("true"); }));
print(err(function () { BP.toString.call({}); }), err(function () { BP.valueOf.call(null); }));
print(err(function () { BP.valueOf.call(undefined); }), err(function () { BP.toString.call(Object.create(BP)); }));
print(err(function () { BP.valueOf.call(Object(1)); }));
print(true.toString(), false.valueOf(), (true).constructor === Boolean);
