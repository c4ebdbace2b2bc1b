// WeakMap, WeakSet, WeakRef and FinalizationRegistry without collection:
// CanBeHeldWeakly (objects and non-registered symbols, including
// well-known ones), the constructors' iterable protocol, receiver
// checks, register/unregister's checks and results, property shapes.
// Collection itself is tested in weak-gc.js.
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    return e.constructor.name;
  }
}

var o = {}, f = function () {}, sym = Symbol("s");
var wm = new WeakMap([[o, 1]]);
print(wm.get(o), wm.has(o), wm.set(f, 2) === wm, wm.get(f), wm.set(sym, 3).get(sym), wm.set(Symbol.iterator, 4).get(Symbol.iterator));
print(wm.has({}), wm.get({}), wm.delete(o), wm.delete(o), wm.has(o));
print(wm.get(1), wm.has("x"), wm.delete(null), wm.get(Symbol.for("reg")));
print(err(function () { wm.set(1, 1); }), err(function () { wm.set("s", 1); }), err(function () { wm.set(Symbol.for("reg"), 1); }));
print(err(function () { WeakMap(); }), err(function () { new WeakMap([1]); }), err(function () { new WeakMap([[1, 2]]); }));
print(err(function () { WeakMap.prototype.get.call(new Map(), o); }), err(function () { WeakMap.prototype.has.call(new WeakSet(), o); }));

var ws = new WeakSet([o, f]);
print(ws.has(o), ws.has(f), ws.add(sym) === ws, ws.has(sym), ws.delete(f), ws.has(f), ws.has(1), ws.delete(1));
print(err(function () { ws.add(1); }), err(function () { ws.add(Symbol.for("reg")); }), err(function () { WeakSet.prototype.add.call(new WeakMap(), o); }));
print(err(function () { new WeakSet([1]); }), err(function () { WeakSet(); }));

var wr = new WeakRef(o);
print(wr.deref() === o, new WeakRef(sym).deref() === sym);
print(err(function () { new WeakRef(1); }), err(function () { WeakRef(o); }), err(function () { new WeakRef(Symbol.for("reg")); }));
print(err(function () { WeakRef.prototype.deref.call({}); }));

var fr = new FinalizationRegistry(function () {});
var token = {};
print(fr.register(o, "held"), fr.register(f, "held", token), fr.register({}, o, token), fr.register(sym, 1, sym));
print(fr.unregister(token), fr.unregister(token), fr.unregister(sym), fr.unregister({}));
print(err(function () { fr.register(1, 2); }), err(function () { fr.register(o, o); }), err(function () { fr.register(o, 1, 1); }));
print(err(function () { fr.unregister(1); }), err(function () { new FinalizationRegistry(1); }), err(function () { FinalizationRegistry(f); }));
print(err(function () { FinalizationRegistry.prototype.register.call({}, o, 1); }));

var names = [WeakMap, WeakSet, WeakRef, FinalizationRegistry];
print(names.map(function (c) { return c.name + "/" + c.length + "/" + Object.prototype.toString.call(c.prototype); }).join(" "));
print(Object.prototype.toString.call(new WeakMap()), Object.prototype.toString.call(wr), Object.prototype.toString.call(fr));
print("clear" in WeakMap.prototype, "size" in WeakSet.prototype, typeof FinalizationRegistry.prototype.cleanupSome);
class MyWeakMap extends WeakMap {}
var mwm = new MyWeakMap([[o, "sub"]]);
print(mwm instanceof WeakMap, mwm.get(o));
