// Object.prototype's methods, including Annex B's __proto__ accessor and
// __defineGetter__ / __defineSetter__ / __lookupGetter__ / __lookupSetter__.
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
var OP = Object.prototype;

var methods = [
  ["hasOwnProperty", 1], ["isPrototypeOf", 1], ["propertyIsEnumerable", 1], ["toLocaleString", 0],
  ["toString", 0], ["valueOf", 0], ["__defineGetter__", 2], ["__defineSetter__", 2],
  ["__lookupGetter__", 1], ["__lookupSetter__", 1],
];
for (var i = 0; i < methods.length; i++) {
  var m = OP[methods[i][0]];
  print(methods[i][0], m.length === methods[i][1], m.name === methods[i][0], d(OP, methods[i][0]), m.hasOwnProperty("prototype"));
}
print(d(OP, "__proto__"));
var protoDesc = Object.getOwnPropertyDescriptor(OP, "__proto__");
print(protoDesc.get.name, protoDesc.get.length, protoDesc.set.name, protoDesc.set.length);
print(err(function () { new OP.hasOwnProperty("x"); }));

// hasOwnProperty: ToPropertyKey before ToObject(this).
var o = { a: 1, [Symbol.iterator]: 0 };
print(o.hasOwnProperty("a"), o.hasOwnProperty("toString"), o.hasOwnProperty(Symbol.iterator), o.hasOwnProperty("b"));
print(OP.hasOwnProperty.call("abc", "1"), OP.hasOwnProperty.call("abc", "length"), OP.hasOwnProperty.call("abc", 5));
print([1].hasOwnProperty(0), [1].hasOwnProperty("length"), [, 1].hasOwnProperty(0));
print(err(function () { OP.hasOwnProperty.call(null, "a"); }), err(function () { OP.hasOwnProperty.call(undefined, "a"); }));
var hlog = [];
print(err(function () { OP.hasOwnProperty.call(null, { toString: function () { hlog.push("key"); return "x"; } }); }), hlog.join());
print(({ undefined: 1 }).hasOwnProperty(), ({ null: 1 }).hasOwnProperty(null));

// isPrototypeOf: a non-object argument returns false before ToObject(this).
var proto = {};
var kid = Object.create(proto);
var grandkid = Object.create(kid);
print(proto.isPrototypeOf(kid), proto.isPrototypeOf(grandkid), kid.isPrototypeOf(proto), proto.isPrototypeOf(proto));
print(OP.isPrototypeOf({}), OP.isPrototypeOf(Object.create(null)), Function.prototype.isPrototypeOf(Object));
print(OP.isPrototypeOf.call(null, 1), OP.isPrototypeOf.call(undefined, "x"));
print(err(function () { OP.isPrototypeOf.call(null, {}); }));
print(Array.prototype.isPrototypeOf([]), OP.isPrototypeOf.call(1, {}));

// propertyIsEnumerable.
var pe = { a: 1 };
Object.defineProperty(pe, "h", { value: 2 });
print(pe.propertyIsEnumerable("a"), pe.propertyIsEnumerable("h"), pe.propertyIsEnumerable("toString"), pe.propertyIsEnumerable("zz"));
print(Object.create(pe).propertyIsEnumerable("a"));
print([5].propertyIsEnumerable(0), [5].propertyIsEnumerable("length"), "ab".propertyIsEnumerable(0), "ab".propertyIsEnumerable("length"));
print(err(function () { OP.propertyIsEnumerable.call(undefined, "a"); }));

// toLocaleString invokes this.toString.
print(({ toString: function () { return "custom"; } }).toLocaleString());
print(OP.toLocaleString.call(1), OP.toLocaleString.call("s"), OP.toLocaleString.call(true), [1, 2].toLocaleString === OP.toLocaleString);
var tls = { toString: function () { return typeof this; } };
print(tls.toLocaleString());
var savedNumberToString = Number.prototype.toString;
Number.prototype.toString = function () { "use strict"; return "prim:" + typeof this; };
print(OP.toLocaleString.call(5));
Number.prototype.toString = savedNumberToString;
print(err(function () { OP.toLocaleString.call(null); }), err(function () { OP.toLocaleString.call(undefined); }));
print(err(function () { OP.toLocaleString.call({ toString: 1 }); }));
print(err(function () { OP.toLocaleString.call(Object.create(null)); }));

// toString and @@toStringTag.
var ts = OP.toString;
print(ts.call(undefined), ts.call(null), ts.call(1), ts.call("s"), ts.call(true), ts.call(Symbol()));
print(ts.call({}), ts.call([]), ts.call(function () {}), ts.call(new Error()), ts.call(new TypeError()));
print(ts.call(new Boolean(false)), ts.call(new Number(1)), ts.call(new String("")), ts.call(Object.create(null)));
print(ts.call(function () { return arguments; }()), ts.call(function () { "use strict"; return arguments; }()));
print(ts.call(function () {}.bind(null)), ts.call(class {}), ts.call(() => 1));
print(ts.call({ [Symbol.toStringTag]: "Custom" }), ts.call({ [Symbol.toStringTag]: 1 }), ts.call({ [Symbol.toStringTag]: "" }));
var tagged = [];
tagged[Symbol.toStringTag] = "NotArray";
print(ts.call(tagged));
var inheritsTag = Object.create({ [Symbol.toStringTag]: "Inherited" });
print(ts.call(inheritsTag), ts.call(Object.create(Array.prototype)));
print(ts.call({ get [Symbol.toStringTag]() { return "Getter"; } }));
print(err(function () { ts.call({ get [Symbol.toStringTag]() { throw new TypeError("t"); } }); }));
var errTagged = new Error();
errTagged[Symbol.toStringTag] = "E2";
print(ts.call(errTagged), String({}), "" + { a: 1 });
function Ctor() {}
print(ts.call(new Ctor()));
// Primitive this is boxed: a tag on the prototype applies.
Object.defineProperty(Number.prototype, Symbol.toStringTag, { value: "Num", configurable: true });
print(ts.call(5));
delete Number.prototype[Symbol.toStringTag];
print(ts.call(5));
var symTag = Object.getOwnPropertyDescriptor(Symbol.prototype, Symbol.toStringTag);
print(symTag.value, ts.call(Object(Symbol())));

// valueOf.
var vo = {};
print(vo.valueOf() === vo, typeof OP.valueOf.call(1), OP.valueOf.call("s") instanceof String);
print(err(function () { OP.valueOf.call(null); }), err(function () { OP.valueOf.call(undefined); }));

// __proto__ accessor.
var pa = {};
print(pa.__proto__ === OP, [].__proto__ === Array.prototype, (1).__proto__ === Number.prototype);
pa.__proto__ = proto;
print(Object.getPrototypeOf(pa) === proto);
pa.__proto__ = 5;
print(Object.getPrototypeOf(pa) === proto);
pa.__proto__ = null;
print(Object.getPrototypeOf(pa), pa.__proto__, "__proto__" in pa);
var getProto = protoDesc.get, setProto = protoDesc.set;
print(getProto.call(1) === Number.prototype, err(function () { getProto.call(undefined); }), err(function () { getProto.call(null); }));
print(setProto.call(1, {}), setProto.call({}, 1), setProto.call("s", null));
print(err(function () { setProto.call(undefined, {}); }), err(function () { setProto.call(null, 1); }));
var cycA = {}, cycB = Object.create(cycA);
print(err(function () { cycA.__proto__ = cycB; }));
print(err(function () { Object.preventExtensions({}).__proto__ = {}; }));
print(err(function () { OP.__proto__ = {}; }), err(function () { OP.__proto__ = null; }));
var np = Object.create(null);
np.__proto__ = proto;
print(Object.getPrototypeOf(np), Object.keys(np).join(), np.__proto__ === proto);

// __defineGetter__ / __defineSetter__.
var dg = {};
var ret = dg.__defineGetter__("g", function getG() { return "got"; });
print(ret, dg.g, d(dg, "g"));
var box = [];
dg.__defineSetter__("g", function setG(v) { box.push(v); });
dg.g = 7;
print(dg.g, box.join(), d(dg, "g"));
dg.__defineSetter__("s", function setS() {});
print(d(dg, "s"));
print(err(function () { dg.__defineGetter__("x", 1); }), err(function () { dg.__defineSetter__("x", {}); }));
print(err(function () { OP.__defineGetter__.call(null, "x", function () {}); }));
var fixedD = Object.defineProperty({}, "nc", { value: 1 });
print(err(function () { fixedD.__defineGetter__("nc", function () {}); }));
print(err(function () { Object.preventExtensions({}).__defineSetter__("n", function () {}); }));
var symD = Symbol("d");
dg.__defineGetter__(symD, function () { return "sym"; });
print(dg[symD]);
// The callable check comes before the key conversion.
var klog = [];
print(err(function () { dg.__defineGetter__({ toString: function () { klog.push("key"); return "k"; } }, null); }), klog.length);
// On a primitive this: defined on the (discarded) wrapper, no error.
print(err(function () { OP.__defineGetter__.call(1, "x", function () {}); }));

// __lookupGetter__ / __lookupSetter__: walk the chain, stop at the first
// own property.
var lg = { get a() { return 1; }, set b(v) {}, c: 3 };
var lgKid = Object.create(lg);
print(show(lg.__lookupGetter__("a")), show(lg.__lookupSetter__("a")), show(lg.__lookupSetter__("b")), show(lg.__lookupGetter__("b")));
print(show(lgKid.__lookupGetter__("a")), show(lgKid.__lookupGetter__("c")), show(lgKid.__lookupGetter__("missing")));
var shadow = Object.create(lg);
Object.defineProperty(shadow, "a", { value: "data" });
print(show(shadow.__lookupGetter__("a")));
print(show(OP.__lookupGetter__("__proto__")), show(OP.__lookupSetter__("__proto__")));
print(show([].__lookupGetter__("length")), show(OP.__lookupGetter__.call(1, "__proto__")));
print(err(function () { OP.__lookupGetter__.call(undefined, "x"); }), err(function () { OP.__lookupSetter__.call(null, "x"); }));
