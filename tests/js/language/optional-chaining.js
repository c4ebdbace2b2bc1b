// Optional chaining: members, calls, private fields, delete, short-circuit
// of the whole chain, `this` of optional calls.
var o = { a: { b: { c: 1 } }, f() { return this.tag; }, tag: "o", arr: [10, 20] };
var n = null, u;
print(o?.a?.b?.c, n?.a, u?.a.b.c, n?.[0], o.arr?.[1], o.missing?.x);
print(o.f?.(), o.g?.(), n?.f(), o?.f(), (o?.f)());
var calls = 0;
function count() { calls++; return 1; }
n?.[count()];
n?.a(count());
print("calls", calls);
print(delete n?.a, delete o?.a.b.c, JSON.stringify(o.a));
print(u?.a.b.c.d.e, u?.());
var fnOrNull = null;
print(fnOrNull?.(), typeof fnOrNull?.call);
try { o.missing.x?.y; } catch (e) { print(e.constructor.name); }
try { o.g?.().x; } catch (e) { print("not reached"); }
print(o.g?.().x);
var deep = { x: { y: null } };
print(deep.x.y?.z, deep.x?.y?.z ?? "default");
var m = { method() { return this === m; } };
print(m?.method(), m.method?.(), m?.["method"]());
print(("str")?.length, (0)?.toFixed(1));
