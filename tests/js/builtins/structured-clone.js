// structuredClone: primitives pass through; wrappers, Date, RegExp,
// buffers and their views, Map, Set, Array, plain objects and Errors are
// copied deeply with their identities (cycles, shared references) kept;
// the `transfer` option moves ArrayBuffers; what cannot be cloned throws a
// DataCloneError as Node's does. Where Node 20's own implementation
// departs from HTML (length 0, TypeErrors for the transfer list, a
// detached buffer accepted in it, native recursion that overflows on deep
// graphs) we follow HTML and WebIDL: length 1, DataCloneError, any
// iterable as the transfer list.
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    return e.name + ": " + e.message + (e.code !== undefined ? " (code " + e.code + ")" : "");
  }
}

// Primitives.
console.log(structuredClone(1), structuredClone("s"), structuredClone(true),
  structuredClone(null), structuredClone(undefined), structuredClone(10n),
  Object.is(structuredClone(-0), -0), Number.isNaN(structuredClone(NaN)));
console.log(err(() => structuredClone(Symbol("q"))));
console.log(structuredClone.length, structuredClone.name);

// Wrappers.
var wb = structuredClone(new Boolean(false));
var wn = structuredClone(new Number(4.5));
var ws = structuredClone(new String("abc"));
var wi = structuredClone(Object(7n));
console.log(typeof wb, wb.valueOf(), typeof wn, wn.valueOf(), typeof ws, ws.valueOf(), ws.length, ws[1]);
console.log(typeof wi, wi.valueOf() === 7n, Object.getPrototypeOf(wi) === BigInt.prototype);

// Date and RegExp.
var d = new Date(1234567890123);
var dc = structuredClone(d);
console.log(dc !== d, dc instanceof Date, dc.getTime());
var r = /a(b+)c/giu;
r.lastIndex = 3;
var rc = structuredClone(r);
console.log(rc !== r, String(rc), rc.flags, rc.lastIndex, rc.exec("xABBC")[1]);

// Plain objects: own enumerable string keys only, prototype not kept,
// getters run and their values copied.
var proto = { inherited: 1 };
var o = Object.create(proto);
o.a = 1;
o.b = { c: [1, 2, { d: "deep" }] };
Object.defineProperty(o, "hidden", { value: 5, enumerable: false });
o[Symbol("s")] = 9;
Object.defineProperty(o, "g", { get: function () { return "got"; }, enumerable: true });
var oc = structuredClone(o);
console.log(JSON.stringify(oc), Object.getPrototypeOf(oc) === Object.prototype, "inherited" in oc);
console.log(Object.getOwnPropertySymbols(oc).length, Object.getOwnPropertyNames(oc).join());
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(oc, "g")));
console.log(oc.b !== o.b, oc.b.c !== o.b.c, oc.b.c[2].d);

// Arrays: holes, length and extra properties kept.
var a = [1, , 3];
a.length = 5;
a.extra = "x";
var ac = structuredClone(a);
console.log(Array.isArray(ac), ac.length, 1 in ac, ac[2], ac.extra, Object.keys(ac).join());

// Cycles and shared references.
var cyc = { name: "root" };
cyc.self = cyc;
cyc.list = [cyc, cyc];
var shared = { s: 1 };
cyc.p = shared;
cyc.q = shared;
var cc = structuredClone(cyc);
console.log(cc !== cyc, cc.self === cc, cc.list[0] === cc, cc.list[1] === cc, cc.p === cc.q, cc.p !== shared);

// Map and Set, with object keys and cycles through them.
var k = { key: 1 };
var m = new Map([[k, "v1"], ["s", k], [1, new Set([k, 2])]]);
m.set("me", m);
var mc = structuredClone(m);
var keys = Array.from(mc.keys());
console.log(mc instanceof Map, mc.size, keys[0] !== k, keys[0].key, mc.get(keys[0]), mc.get("s") === keys[0]);
console.log(mc.get(1) instanceof Set, mc.get(1).has(keys[0]), mc.get(1).has(2), mc.get("me") === mc);
var sc = structuredClone(new Set(["a", "b", "a"]));
console.log(sc instanceof Set, Array.from(sc).join());

// Errors: type from the name, message, cause and stack copied.
var e = new RangeError("bad range", { cause: { why: "because" } });
var ec = structuredClone(e);
console.log(ec instanceof RangeError, ec !== e, ec.name, ec.message, ec.cause.why, ec.cause !== e.cause);
console.log(typeof ec.stack, Object.getOwnPropertyDescriptor(ec, "message").enumerable);
var custom = new Error("m");
custom.name = "MyError";
var cec = structuredClone(custom);
console.log(Object.getPrototypeOf(cec) === Error.prototype, cec.message);
var te = structuredClone(new TypeError());
console.log(te instanceof TypeError, Object.prototype.hasOwnProperty.call(te, "message"));

// ArrayBuffer and views: bytes copied, views over one buffer keep sharing.
var buf = new ArrayBuffer(8, { maxByteLength: 16 });
var u8 = new Uint8Array(buf);
u8.set([1, 2, 3, 4, 5, 6, 7, 8]);
var bc = structuredClone(buf);
console.log(bc !== buf, bc.byteLength, bc.resizable, bc.maxByteLength, new Uint8Array(bc).join());
var views = { a: new Int16Array(buf, 2, 2), b: new DataView(buf, 1, 4), c: new Float64Array(buf) };
var vc = structuredClone(views);
console.log(vc.a instanceof Int16Array, vc.a.byteOffset, vc.a.length, Array.from(vc.a).join());
console.log(vc.b instanceof DataView, vc.b.byteOffset, vc.b.byteLength, vc.b.getUint8(0));
console.log(vc.a.buffer === vc.b.buffer, vc.b.buffer === vc.c.buffer, vc.a.buffer !== buf);
var big = structuredClone(new BigInt64Array([-5n, 6n]));
console.log(big instanceof BigInt64Array, big.join());
vc.c[0] = 0;
console.log(u8.join());

// SharedArrayBuffer: the clone shares memory.
var sab = new SharedArrayBuffer(4);
var sabc = structuredClone(sab);
new Uint8Array(sabc)[0] = 42;
console.log(sabc !== sab, sabc instanceof SharedArrayBuffer, new Uint8Array(sab)[0]);

// transfer: the source is detached, the clone owns the bytes.
var tb = new ArrayBuffer(4);
new Uint8Array(tb).set([9, 8, 7, 6]);
var tv = new Uint8Array(tb, 1);
var tr = structuredClone({ buf: tb, view: tv }, { transfer: [tb] });
console.log(tb.byteLength, tr.buf.byteLength, new Uint8Array(tr.buf).join(), tr.view.buffer === tr.buf, tr.view.join());
var only = new ArrayBuffer(2);
var moved = structuredClone(only, { transfer: [only] });
console.log(only.byteLength, moved.byteLength);
console.log(err(() => structuredClone(tb)));
console.log(err(() => structuredClone(tv)));
var dup = new ArrayBuffer(1);
console.log(err(() => structuredClone(1, { transfer: [dup, dup] })), dup.byteLength);
console.log(err(() => structuredClone(1, { transfer: [{}] })));
console.log(err(() => structuredClone(1, { transfer: [sab] })));
console.log(err(() => structuredClone(1, { transfer: [tb] })));
console.log(err(() => structuredClone(1, 5)));
console.log(err(() => structuredClone(1, { transfer: 5 })));
var viaSet = new ArrayBuffer(3);
console.log(structuredClone(viaSet, { transfer: new Set([viaSet]) }).byteLength, viaSet.byteLength, structuredClone(3, null));
console.log(structuredClone(3, {}), structuredClone(3, { transfer: [] }), structuredClone(3, undefined));

// What cannot be cloned.
console.log(err(() => structuredClone(function named() {})));
console.log(err(() => structuredClone({ f: () => 1 })));
console.log(err(() => structuredClone(new WeakMap())));
console.log(err(() => structuredClone(new WeakSet())));
console.log(err(() => structuredClone(Promise.resolve())));
console.log(err(() => structuredClone(new Proxy({}, {}))));
console.log(err(() => structuredClone([Symbol.iterator])));
var thrower = {};
Object.defineProperty(thrower, "x", { get: function () { throw new Error("from getter"); }, enumerable: true });
console.log(err(() => structuredClone(thrower)));

// A getter run while cloning (an Error's name) that empties the source Map:
// the entries already read are still cloned whole.
var victim = new Map();
var ev = new Error("e");
Object.defineProperty(ev, "name", { get: function () { victim.clear(); return "TypeError"; } });
victim.set(ev, { big: "value" });
victim.set("other", { o: [1, 2] });
var vclone = structuredClone(victim);
var vkeys = Array.from(vclone.keys());
console.log(victim.size, vclone.size, vkeys[0] instanceof TypeError, vclone.get(vkeys[0]).big, vclone.get("other").o.join());
