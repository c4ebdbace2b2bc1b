// Symbol: the constructor (callable, TypeError under new), the registry,
// the well-known symbols and Symbol.prototype.
function show(v) {
  if (typeof v === "function") return "fn:" + v.name;
  if (typeof v === "symbol") return v.toString();
  if (v === Symbol.prototype) return "Symbol.prototype";
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

print(typeof Symbol, Symbol.length, Symbol.name, d(globalThis, "Symbol"));
print(d(Symbol, "prototype"), d(Symbol.prototype, "constructor"));
print(Object.getPrototypeOf(Symbol.prototype) === Object.prototype, Object.getPrototypeOf(Symbol) === Function.prototype);

// Calling.
var s1 = Symbol("desc");
print(typeof s1, s1.toString(), s1.description, String(s1));
print(Symbol().toString(), Symbol().description, Symbol(undefined).description, Symbol("").description);
print(Symbol(null).description, Symbol(12).description, Symbol({ toString: function () { return "obj"; } }).description);
print(Symbol("x") === Symbol("x"), s1 === s1);
print(err(function () { Symbol(Symbol()); }));
// new throws; Symbol is still a constructor (usable as new.target / extends).
print(err(function () { new Symbol(); }), err(function () { new Symbol("x"); }));
class Sub extends Symbol {}
print(err(function () { new Sub(); }));

// Registry.
var r1 = Symbol.for("app");
print(r1 === Symbol.for("app"), r1 === Symbol("app"), r1.description, Symbol.keyFor(r1));
print(Symbol.keyFor(s1), Symbol.keyFor(Symbol.iterator), Symbol.for() === Symbol.for("undefined"));
print(Symbol.for(1) === Symbol.for("1"), Symbol.keyFor(Symbol.for("")) === "");
print(err(function () { Symbol.keyFor("app"); }), err(function () { Symbol.keyFor(); }), err(function () { Symbol.keyFor(Object(r1)); }));
print(err(function () { Symbol.for(Symbol()); }));
print(Symbol.for.length, Symbol.for.name, Symbol.keyFor.length, Symbol.keyFor.name, d(Symbol, "for"), "|", d(Symbol, "keyFor"));
print(Symbol.for("\u00e9\u4e2d") === Symbol.for("\u00e9\u4e2d"), Symbol.keyFor(Symbol.for("\u4e2d")) === "\u4e2d");

// Well-known symbols.
var names = ["asyncIterator", "hasInstance", "isConcatSpreadable", "iterator", "match", "matchAll", "replace",
  "search", "species", "split", "toPrimitive", "toStringTag", "unscopables"];
for (var i = 0; i < names.length; i++) {
  var w = Symbol[names[i]];
  print(names[i], typeof w, w.description, d(Symbol, names[i]), Symbol.keyFor(w));
}
print(Symbol.iterator === Symbol.iterator, Symbol.iterator in []);

// Symbol.prototype.
var SP = Symbol.prototype;
print(d(SP, "toString"), "|", d(SP, "valueOf"));
print(SP.toString.length, SP.valueOf.length, SP.toString.name, SP.valueOf.name);
print(d(SP, "description"));
var descGetter = Object.getOwnPropertyDescriptor(SP, "description").get;
print(descGetter.name, descGetter.length);
print(d(SP, Symbol.toPrimitive), "|", d(SP, Symbol.toStringTag));
var tp = SP[Symbol.toPrimitive];
print(tp.name, tp.length, tp.call(s1) === s1, tp.call(Object(s1), "number") === s1);

// Wrappers: thisSymbolValue accepts symbols and Symbol objects.
var wrapped = Object(s1);
print(typeof wrapped, wrapped.toString(), wrapped.valueOf() === s1, wrapped.description, wrapped == s1);
print(SP.toString.call(s1), SP.valueOf.call(s1) === s1, descGetter.call(wrapped));
print(err(function () { SP.toString.call("x"); }), err(function () { SP.valueOf.call({}); }));
print(err(function () { descGetter.call(1); }), err(function () { tp.call(null); }));
print(err(function () { SP.toString.call(SP); }), err(function () { SP.description; }));
print(err(function () { SP.valueOf.call(Object.create(SP)); }));

// Conversions.
print(err(function () { return s1 + ""; }), err(function () { return `${s1}`; }), err(function () { return +s1; }));
print(err(function () { return wrapped + ""; }), err(function () { return String(wrapped); }), Object(s1) === Object(s1));
var o = {};
o[s1] = 1;
o[wrapped] = 2;
print(o[s1], Object.getOwnPropertySymbols(o).length, Object.keys(o).length);
print(Object.prototype.toString.call(s1), Object.prototype.toString.call(wrapped), wrapped instanceof Symbol);
