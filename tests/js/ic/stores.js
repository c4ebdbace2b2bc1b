// Cached stores that must stop applying: a setter or a read-only property
// appearing up the chain, a non-extensible or frozen receiver, a property
// becoming read-only, and stores to a prototype object.
function setX(o, v) { o.x = v; }
function setXStrict(o, v) { "use strict"; o.x = v; }
function fresh(proto) { return Object.create(proto); }

var proto = {};
for (var i = 0; i < 20; i++) setX(fresh(proto), i); // caches the add-x transition
var log = [];
Object.defineProperty(proto, "x", { set: function (v) { log.push("setter " + v); }, configurable: true });
var o = fresh(proto);
setX(o, 42);
print("setter on prototype:", log.join(), Object.keys(o).length);

Object.defineProperty(proto, "x", { value: "ro", writable: false, configurable: true });
o = fresh(proto);
setX(o, 1);
print("read-only on prototype (sloppy):", o.x, Object.keys(o).length);
try { setXStrict(fresh(proto), 1); print("no error"); } catch (e) { print("strict:", e.constructor.name); }
delete proto.x;

var objs = [];
for (var i = 0; i < 20; i++) { var t = fresh(proto); setX(t, i); objs.push(t); }
var ne = Object.preventExtensions(fresh(proto));
setX(ne, 5);
print("non-extensible:", ne.x, Object.keys(ne).length);
try { setXStrict(ne, 5); print("no error"); } catch (e) { print("strict:", e.constructor.name); }

// Existing own property: cached, then frozen / made read-only.
var f = { x: 0 };
for (var i = 0; i < 20; i++) setX(f, i);
print("before freeze:", f.x);
Object.freeze(f);
setX(f, 100);
print("frozen:", f.x);
var g = { x: 0 };
for (var i = 0; i < 20; i++) setX(g, i);
Object.defineProperty(g, "x", { writable: false });
setX(g, 100);
print("read-only:", g.x);
try { setXStrict(g, 1); } catch (e) { print("strict:", e.constructor.name); }

// Adding to an object that is a prototype must reach its inheritors'
// cached loads.
function getX(o) { return o.x; }
var p = {}, kid = Object.create(p);
for (var i = 0; i < 20; i++) getX(kid);
var q = {};
for (var i = 0; i < 20; i++) setX({}, i);
setX(p, "added via cached transition site");
print("prototype gained x:", getX(kid));

// Arrays: element stores and the length property.
var arr = [1, 2, 3];
function setAt(a, i, v) { a[i] = v; }
for (var i = 0; i < 3; i++) setAt(arr, i, i * 2);
setAt(arr, 5, "far");
print("array:", arr.length, JSON.stringify(arr));
Object.freeze(arr);
setAt(arr, 0, "frozen?");
print("frozen array:", arr[0]);
var args = (function (a) { return arguments; })(1);
setAt(args, 0, "mapped");
print("arguments:", args[0]);
