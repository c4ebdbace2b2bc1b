// JSON.stringify: values, replacer function / array, space, toJSON,
// boxed primitives, cycles, lone surrogates.
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    if (e instanceof RangeError) return "RangeError";
    if (e instanceof TypeError) return "TypeError";
    if (e instanceof SyntaxError) return "SyntaxError";
    return "other:" + e;
  }
}
function codes(s) {
  var r = [];
  for (var i = 0; i < s.length; i++) r.push(s.charCodeAt(i).toString(16));
  return r.join(" ");
}
function d(o, k) {
  var x = Object.getOwnPropertyDescriptor(o, k);
  if (x === undefined) return "undefined";
  var s = [];
  if ("value" in x) s.push("value=" + (typeof x.value === "function" ? "fn:" + x.value.name : String(x.value)));
  if ("writable" in x) s.push("w=" + x.writable);
  s.push("e=" + x.enumerable, "c=" + x.configurable);
  return s.join(" ");
}
function fn(f) {
  return f.name + "/" + f.length + " " + d(f, "length") + " | " + d(f, "name");
}
print(JSON.stringify(1), JSON.stringify(-0), JSON.stringify(NaN), JSON.stringify(Infinity), JSON.stringify(1e21), JSON.stringify(0.1), JSON.stringify("a"), JSON.stringify(true), JSON.stringify(null));
print(JSON.stringify(undefined), JSON.stringify(function () {}), JSON.stringify(Symbol()), JSON.stringify(), typeof JSON.stringify(undefined));
print(JSON.stringify({ a: 1, b: [1, "2", null, undefined, function () {}, Symbol()], c: undefined, d: function () {}, e: Symbol(), f: { g: {} } }));
var sk = {};
sk[Symbol("s")] = 1;
sk.x = 1;
print(JSON.stringify(sk), JSON.stringify([]), JSON.stringify({}), JSON.stringify([[]]), JSON.stringify([undefined]), JSON.stringify({ 2: "b", 1: "a", z: 1, y: 2 }));
print(JSON.stringify('"\\\b\f\n\r\t\u0000\u001f\u007f\u2028'), JSON.stringify("\ud800"), JSON.stringify("\udc00\ud800"), JSON.stringify("\ud83d\ude00"), JSON.stringify("a\ud83dz"), JSON.stringify({ "\ud800": 1 }));
print(JSON.stringify(new Number(3)), JSON.stringify(new String("s")), JSON.stringify(new Boolean(false)), JSON.stringify([new Number(-0), Object(2)]), JSON.stringify(Object(Symbol())));
var nonEnum = Object.create({ inherited: 1 }, { hidden: { value: 1, enumerable: false }, shown: { value: 2, enumerable: true } });
print(JSON.stringify(nonEnum), JSON.stringify([, 1]), JSON.stringify({ length: 2, 0: "a" }), JSON.stringify(Object.assign([1, 2], { extra: 3 })));

// toJSON.
print(JSON.stringify({ toJSON: function (k) { return "key=" + k; } }), JSON.stringify({ a: { toJSON: function (k) { return k + "!"; } } }), JSON.stringify([{ toJSON: function (k) { return typeof k + k; } }]));
print(JSON.stringify({ toJSON: function () { return undefined; } }), JSON.stringify({ toJSON: 1 }));
var protoToJSON = Object.create({ toJSON: function () { return "from proto"; } });
print(JSON.stringify(protoToJSON));
Number.prototype.toJSON = function () { return "num"; };
print(JSON.stringify(5), JSON.stringify([5]), JSON.stringify(new Number(5)));
delete Number.prototype.toJSON;

// Replacer functions.
var calls = [];
print(JSON.stringify({ a: 1, b: [2, 3] }, function (k, v) { calls.push(JSON.stringify(k) + (this === undefined ? "" : ":" + typeof this)); return typeof v === "number" ? v + 1 : v; }), calls.join(" "));
print(JSON.stringify({ a: 1, b: 2 }, function (k, v) { return k === "a" ? undefined : v; }), JSON.stringify(1, function (k, v) { return k === "" ? [1] : v; }), JSON.stringify(1, function () { return undefined; }));
print(JSON.stringify({ a: 1 }, function (k, v) { return k === "" ? { replaced: true } : v; }), JSON.stringify([1], function (k, v) { return k === "0" ? new String("boxed") : v; }));
var rootHolder;
JSON.stringify(7, function (k, v) { rootHolder = this; return v; });
print(Object.keys(rootHolder).length, JSON.stringify(Object.getOwnPropertyDescriptor(rootHolder, "")));
print(JSON.stringify({ a: { toJSON: function () { return 1; } } }, function (k, v) { return k === "a" ? "seen " + v : v; }));

// Replacer arrays (PropertyList).
print(JSON.stringify({ a: 1, b: 2, c: { a: 3, d: 4 }, 1: 5 }, ["a", "c", 1]), JSON.stringify({ a: 1, b: 2 }, ["b", "a", "b"]), JSON.stringify({ a: 1 }, []));
print(JSON.stringify({ 1: "one", a: "x" }, [new Number(1), new String("a"), {}, null, true, undefined]), JSON.stringify([1, 2], ["0"]), JSON.stringify({ "1.5": 1, 2: 2 }, [1.5, 2]));
print(JSON.stringify({ a: 1 }, "not a function"), JSON.stringify({ a: 1 }, { length: 1, 0: "a" }), JSON.stringify({ undefined: 1 }, [undefined]));
var getterLog = [];
var arrRepl = ["x"];
Object.defineProperty(arrRepl, "1", { get: function () { getterLog.push("get 1"); return "y"; }, enumerable: true });
print(JSON.stringify({ x: 1, y: 2 }, arrRepl), getterLog.join(","));

// space.
print(JSON.stringify({ a: [1, { b: 2 }], c: [], d: {} }, null, 2));
print(JSON.stringify([1, [2]], null, "--"), JSON.stringify({ a: 1 }, null, 20) === JSON.stringify({ a: 1 }, null, 10), JSON.stringify({ a: 1 }, null, "12345678901234"));
print(JSON.stringify({ a: 1 }, null, 0), JSON.stringify({ a: 1 }, null, -5), JSON.stringify({ a: 1 }, null, 1.9), JSON.stringify({ a: 1 }, null, ""), JSON.stringify({ a: 1 }, null, new Number(1)), JSON.stringify({ a: 1 }, null, new String("\t")), JSON.stringify({ a: 1 }, null, true));
print(JSON.stringify([], null, 2), JSON.stringify({}, null, 2), JSON.stringify([undefined], null, 1), JSON.stringify({ a: undefined }, null, 1));

// Cycles and errors.
var cyc = { a: {} };
cyc.a.b = cyc;
var arr = [1];
arr.push([arr]);
print(err(function () { JSON.stringify(cyc); }), err(function () { JSON.stringify(arr); }), err(function () { JSON.stringify({ toJSON: function () { return cyc; } }); }));
var shared = { s: 1 };
print(JSON.stringify({ x: shared, y: shared, z: [shared, shared] }));
print(err(function () { JSON.stringify({ get a() { throw new RangeError("boom"); } }); }), err(function () { JSON.stringify({}, function () { throw new SyntaxError("r"); }); }));

// Order of observable operations.
var order = [];
var target = {};
Object.defineProperty(target, "p", { get: function () { order.push("get p"); return { toJSON: function (k) { order.push("toJSON " + k); return 1; } }; }, enumerable: true });
JSON.stringify(target, function (k, v) { order.push("replacer " + JSON.stringify(k)); return v; });
print(order.join(", "));
order = [];
JSON.stringify({ a: 1 }, null, { valueOf: function () { order.push("space valueOf"); return 2; } });
JSON.stringify({ a: 1 }, null, Object.assign(new Number(2), { valueOf: function () { order.push("Number valueOf"); return 2; } }));
print(order.join(", "));
