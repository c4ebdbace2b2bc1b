// Object.defineProperty / defineProperties / create /
// getOwnPropertyDescriptor(s): ToPropertyDescriptor's order and checks,
// FromPropertyDescriptor's shape, and redefinition rules.
function show(v) {
  if (typeof v === "function") return "fn:" + v.name;
  if (typeof v === "symbol") return v.toString();
  return String(v);
}
function d(o, k) {
  var x = Object.getOwnPropertyDescriptor(o, k);
  if (x === undefined) return "undefined";
  var s = [];
  if ("value" in x) s.push("value=" + show(x.value));
  if ("get" in x) s.push("get=" + show(x.get));
  if ("set" in x) s.push("set=" + show(x.set));
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

// Defaults: missing fields are false / undefined.
var o = {};
print(Object.defineProperty(o, "a", { value: 1 }) === o);
print(d(o, "a"));
Object.defineProperty(o, "b", {});
print(d(o, "b"));
Object.defineProperty(o, "c", { get: function g() { return 3; } });
print(d(o, "c"), o.c);
Object.defineProperty(o, "e", { value: 2, writable: true, enumerable: true, configurable: true });
print(d(o, "e"));
print(Object.keys(o).join());

// The descriptor object's fields are read with [[HasProperty]] then [[Get]],
// in the order enumerable, configurable, value, writable, get, set.
var log = [];
var fields = ["enumerable", "configurable", "value", "writable", "get", "set"];
var desc = {};
fields.forEach(function (name) {
  Object.defineProperty(desc, name, {
    get: function () {
      log.push(name);
      return name === "value" ? 42 : name === "get" || name === "set" ? undefined : true;
    },
    enumerable: true,
  });
});
print(err(function () { Object.defineProperty({}, "x", desc); }));
print(log.join());
// Inherited fields count.
var inherited = Object.create({ value: 9, enumerable: true });
var o2 = Object.defineProperty({}, "p", inherited);
print(d(o2, "p"));
// Truthiness is ToBoolean.
Object.defineProperty(o2, "q", { value: 1, writable: "yes", enumerable: 0, configurable: {} });
print(d(o2, "q"));

// Errors.
print(err(function () { Object.defineProperty(1, "x", {}); }));
print(err(function () { Object.defineProperty({}, "x", 1); }));
print(err(function () { Object.defineProperty({}, "x", null); }));
print(err(function () { Object.defineProperty({}, "x", { get: 1 }); }));
print(err(function () { Object.defineProperty({}, "x", { set: {} }); }));
print(err(function () { Object.defineProperty({}, "x", { get: function () {}, value: 1 }); }));
print(err(function () { Object.defineProperty({}, "x", { set: undefined, writable: false }); }));
print(err(function () { Object.defineProperty({}, "x", { get: undefined }); }));

// Key conversion happens before the descriptor is read.
var order = [];
var key = { toString: function () { order.push("key"); return "k"; } };
var dd = { get value() { order.push("value"); return 1; } };
Object.defineProperty({}, key, dd);
print(order.join());

// Symbol and index keys.
var sym = Symbol("s");
var o3 = {};
Object.defineProperty(o3, sym, { value: "v", enumerable: true });
Object.defineProperty(o3, 0, { value: "zero" });
Object.defineProperty(o3, "1", { value: "one", enumerable: true });
print(d(o3, sym), "|", d(o3, "0"), "|", d(o3, 1));
print(Object.keys(o3).join(), Object.getOwnPropertyNames(o3).join());

// Redefining non-configurable properties.
var nc = {};
Object.defineProperty(nc, "x", { value: 1 });
print(err(function () { Object.defineProperty(nc, "x", { value: 2 }); }));
print(err(function () { Object.defineProperty(nc, "x", { value: 1 }); }));
print(err(function () { Object.defineProperty(nc, "x", { enumerable: true }); }));
print(err(function () { Object.defineProperty(nc, "x", { configurable: true }); }));
print(err(function () { Object.defineProperty(nc, "x", { writable: true }); }));
print(err(function () { Object.defineProperty(nc, "x", { get: function () {} }); }));
print(err(function () { Object.defineProperty(nc, "x", {}); }));
print(err(function () { Object.defineProperty(nc, "x", { writable: false, enumerable: false }); }));
var nan = {};
Object.defineProperty(nan, "n", { value: NaN });
print(err(function () { Object.defineProperty(nan, "n", { value: NaN }); }));
Object.defineProperty(nan, "z", { value: 0 });
print(err(function () { Object.defineProperty(nan, "z", { value: -0 }); }));
// Writable but non-configurable: value changes and writable -> false work.
var wn = {};
Object.defineProperty(wn, "w", { value: 1, writable: true });
Object.defineProperty(wn, "w", { value: 2 });
print(d(wn, "w"));
Object.defineProperty(wn, "w", { writable: false });
print(d(wn, "w"));
// Configurable: data <-> accessor conversion keeps enumerable/configurable.
var cv = { p: 1 };
Object.defineProperty(cv, "p", { get: function gp() { return 5; } });
print(d(cv, "p"), cv.p);
Object.defineProperty(cv, "p", { value: 6 });
print(d(cv, "p"));
// Non-extensible objects reject new properties.
var ne = Object.preventExtensions({ old: 1 });
print(err(function () { Object.defineProperty(ne, "fresh", { value: 1 }); }));
print(err(function () { Object.defineProperty(ne, "old", { value: 2 }); }), ne.old);

// Arrays: length and indices go through the exotic [[DefineOwnProperty]].
var arr = [1, 2, 3];
Object.defineProperty(arr, "length", { value: 1 });
print(arr.length, arr.join());
Object.defineProperty(arr, "5", { value: "x", enumerable: true, configurable: true, writable: true });
print(arr.length, d(arr, "length"));
print(err(function () { Object.defineProperty(arr, "length", { value: -1 }); }).indexOf("RangeError") >= 0 ? "RangeError" : "?");
Object.defineProperty(arr, "length", { writable: false });
print(err(function () { Object.defineProperty(arr, "9", { value: 1 }); }));

// defineProperties.
var dp = Object.defineProperties({}, {
  a: { value: 1, enumerable: true },
  b: { get: function gb() { return 2; } },
});
print(d(dp, "a"), "|", d(dp, "b"));
// Only own enumerable properties of the properties object count, symbols too.
var props = Object.create({ inherited: { value: 1 } });
Object.defineProperty(props, "hidden", { value: { value: 2 }, enumerable: false });
props.shown = { value: 3 };
props[sym] = { value: 4 };
var dp2 = Object.defineProperties({}, props);
print(Object.getOwnPropertyNames(dp2).join(), dp2.shown, dp2[sym]);
// All descriptors are read before any is defined: a bad one defines nothing.
var target = {};
print(err(function () { Object.defineProperties(target, { good: { value: 1 }, bad: 5 }); }));
print(Object.getOwnPropertyNames(target).length);
print(err(function () { Object.defineProperties(1, {}); }));
print(err(function () { Object.defineProperties({}, null); }));
print(err(function () { Object.defineProperties({}, undefined); }));
print(err(function () { Object.defineProperties({}, "ab"); }));
print(Object.keys(Object.defineProperties({}, "")).length);

// create.
var proto = { hello: "hi" };
var c1 = Object.create(proto);
print(Object.getPrototypeOf(c1) === proto, c1.hello, Object.keys(c1).length);
var c2 = Object.create(null);
print(Object.getPrototypeOf(c2), typeof c2, "toString" in c2);
var c3 = Object.create(proto, { own: { value: 1, enumerable: true }, other: { value: 2 } });
print(d(c3, "own"), "|", d(c3, "other"));
print(err(function () { Object.create(1); }));
print(err(function () { Object.create(undefined); }));
print(err(function () { Object.create("x"); }));
print(err(function () { Object.create({}, null); }));
print(Object.getPrototypeOf(Object.create(proto, undefined)) === proto);

// getOwnPropertyDescriptor: ToObject, ToPropertyKey, fresh objects.
print(d("abc", 1), "|", d("abc", "length"), "|", d("abc", 3));
print(Object.getOwnPropertyDescriptor({}, "x"));
print(err(function () { Object.getOwnPropertyDescriptor(null, "x"); }));
print(err(function () { Object.getOwnPropertyDescriptor(undefined); }));
var gd = Object.getOwnPropertyDescriptor({ k: 1 }, "k");
print(Object.getPrototypeOf(gd) === Object.prototype, Object.keys(gd).join());
var acc = Object.getOwnPropertyDescriptor(cv, "p");
var acc2 = Object.getOwnPropertyDescriptor({ get z() { return 1; } }, "z");
print(Object.keys(acc).join(), Object.keys(acc2).join(), typeof acc2.get, acc2.set);
print(Object.getOwnPropertyDescriptor({ a: 1 }, { toString: function () { return "a"; } }).value);
print(d([5], "length"), "|", d(function f(a, b) {}, "length"));

// getOwnPropertyDescriptors.
var src = { x: 1 };
Object.defineProperty(src, "y", { get: function gy() { return 2; }, enumerable: false });
src[sym] = 3;
var all = Object.getOwnPropertyDescriptors(src);
print(Object.getOwnPropertyNames(all).join(), all[sym].value, all.y.enumerable, typeof all.y.get);
print(Object.keys(Object.getOwnPropertyDescriptors("hi")).join());
print(err(function () { Object.getOwnPropertyDescriptors(null); }));
var allDesc = Object.getOwnPropertyDescriptor(all, "x");
print(allDesc.writable, allDesc.enumerable, allDesc.configurable);

// Order of conversions: getOwnPropertyDescriptor does ToObject before
// ToPropertyKey; defineProperty checks the target before converting the key.
var convLog = [];
var loggingKey = { toString: function () { convLog.push("key"); return "k"; } };
print(err(function () { Object.getOwnPropertyDescriptor(null, loggingKey); }), convLog.length);
print(err(function () { Object.defineProperty(1, loggingKey, {}); }), convLog.length);
print(err(function () { Object.defineProperty({}, loggingKey, 1); }), convLog.length);
// A getter on the descriptor can throw; nothing is defined.
var throwing = { get value() { throw new RangeError("v"); } };
var untouched = {};
print(err(function () { Object.defineProperty(untouched, "x", throwing); }), "x" in untouched);
