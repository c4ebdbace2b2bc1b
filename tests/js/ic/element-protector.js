// Stores to an array's holes and past its end skip the prototype walk
// while no prototype has ever had an element (a protector); these stores
// must see every setter and read-only element a prototype gains later.
function fill(a, n) { for (var i = 0; i < n; i++) a[i] = i * 2; return a; }
function show(label, a) { print(label, a.length, JSON.stringify(Object.keys(a)), a.join("|")); }

show("plain", fill([], 6));
show("holey", fill(new Array(6), 6));

// A class hierarchy (functions as prototypes) does not trip the protector.
class Base {}
class Derived extends Base {}
new Derived();
show("after classes", fill(new Array(3), 5));

// An array with its own prototype chain: a setter on an index.
var log = [];
var proto = Object.create(Array.prototype);
var a = [];
Object.setPrototypeOf(a, proto);
show("custom proto before", fill(a, 3));
Object.defineProperty(proto, 4, { set(v) { log.push("proto setter " + v); }, configurable: true });
var b = [];
Object.setPrototypeOf(b, proto);
show("custom proto after", fill(b, 6));
print(log.join(", "));

// A read-only element on Array.prototype: sloppy stores are ignored,
// strict ones throw. (Printed after it is gone: printing uses arrays.)
Object.defineProperty(Array.prototype, 2, { value: "ro", writable: false, configurable: true });
var sloppy = fill(new Array(4), 4);
var sloppyKeys = JSON.stringify(Object.keys(sloppy));
var sloppyThird = sloppy[2];
var strict;
try {
  (function () { "use strict"; var c = []; c[0] = 1; c[1] = 2; c[2] = 3; })();
  strict = "no throw";
} catch (e) {
  strict = e instanceof TypeError;
}
delete Array.prototype[2];
print("read-only sloppy", sloppy.length, sloppyKeys, sloppyThird);
print("strict", strict);
show("deleted", fill([], 4));

// Object.prototype with an element setter (noted in a string: pushing
// to an array would run the setter too).
var hits = "";
Object.defineProperty(Object.prototype, 1, { set(v) { hits += "object setter " + v + ";"; }, configurable: true });
var viaObject = fill([], 3);
delete Object.prototype[1];
show("object proto", viaObject);
print(hits);

// A proxy on the chain sees the stores it should.
var traps = [];
var handler = {
  set(t, k, v, r) { traps.push("set " + String(k)); return Reflect.set(t, k, v, r); },
  getOwnPropertyDescriptor(t, k) { traps.push("gopd " + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
};
var viaProxy = [];
Object.setPrototypeOf(viaProxy, new Proxy([], handler));
fill(viaProxy, 2);
print("proxy", viaProxy.length, traps.length > 0 ? "trapped" : "not trapped");
