// Every way a cached property access can go stale: each line would be
// wrong if a cache kept answering from the old structure.
"use strict";
function getX(o) { return o.x; }
function warm(f, o) { var r; for (var i = 0; i < 20; i++) r = f(o); return r; }

// A load from a prototype, then a shadowing property on an intermediate
// prototype (a shape change on a prototype).
var top = { x: "top" };
var mid = Object.create(top);
var obj = Object.create(mid);
print("proto load:", warm(getX, obj));
mid.x = "mid";
print("after shadowing on mid:", getX(obj));
obj.x = "own";
print("after own property:", getX(obj));

// Property deletion: own, then on the prototype.
delete obj.x;
print("after delete own:", getX(obj));
delete mid.x;
print("after delete on mid:", getX(obj));
delete top.x;
print("after delete on top:", getX(obj));

// A missing property, then added to a prototype.
function getY(o) { return o.y; }
var plain = Object.create(top);
print("missing:", warm(getY, plain));
top.y = "added to top";
print("after add to prototype:", getY(plain));
Object.prototype.y = "on Object.prototype";
print("unrelated object:", getY({}));
delete Object.prototype.y;
print("after delete:", getY({}));

// An accessor replacing a data property: own and on a prototype.
var own = { x: 1 };
print("own data:", warm(getX, own));
Object.defineProperty(own, "x", { get: function () { return "own getter"; } });
print("own accessor:", getX(own));
var base = { x: "data" };
var derived = Object.create(base);
print("proto data:", warm(getX, derived));
Object.defineProperty(base, "x", { get: function () { return "proto getter, this=" + (this === derived); } });
print("proto accessor:", getX(derived));
Object.defineProperty(base, "x", { get: function () { return "replaced getter"; } });
print("replaced getter:", getX(derived));

// Object.setPrototypeOf on the receiver and on a prototype.
var a = { x: "a" }, b = { x: "b" };
var child = Object.create(a);
print("before setPrototypeOf:", warm(getX, child));
Object.setPrototypeOf(child, b);
print("after setPrototypeOf(child):", getX(child));
var c1 = Object.create(mid), c2 = Object.create(mid);
print("through mid:", warm(getX, c1));
Object.setPrototypeOf(mid, b);
print("after setPrototypeOf(mid):", getX(c1), getX(c2));

// Dictionary mode: many properties, then deletes and re-adds.
var dict = {};
for (var i = 0; i < 100; i++) dict["k" + i] = i;
dict.x = "dict x";
print("dictionary:", warm(getX, dict));
delete dict.x;
print("dictionary after delete:", getX(dict));
dict.x = "dict x again";
print("dictionary re-added:", getX(dict));
var dictProto = {};
for (var i = 0; i < 100; i++) dictProto["k" + i] = i;
dictProto.x = "dict proto x";
var viaDict = Object.create(dictProto);
print("dictionary prototype:", warm(getX, viaDict));
dictProto.x = "changed value";
print("value change:", getX(viaDict));
delete dictProto.x;
print("deleted from dictionary prototype:", getX(viaDict));

// Array length vs an ordinary object with the same shape.
class Arr extends Array {}
var real = new Arr();
var fake = Object.create(Arr.prototype);
real.push(1, 2, 3);
function len(o) { return o.length; }
print("length:", warm(len, fake), len(real), len(fake));
