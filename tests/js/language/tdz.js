// Temporal dead zone: let, const and class before initialization.
function check(f) {
  try { print("value", f()); } catch (e) { print(e.constructor.name, e.message); }
}
check(() => { x; let x = 1; });
check(() => { let y = y; return y; });
check(() => { const z = 1; return z; });
check(() => { typeof w; let w; });
check(() => { new C(); class C {} });
check(() => { function read() { return v; } read(); let v = 1; });
check(() => { let late = 1; function read() { return late; } return read(); });
check(() => { switch (1) { case 0: let s = 1; break; default: return s; } });
check(() => { for (let i = i; ; ) {} });
check(() => { for (let q of [q]) {} });
check(() => { let a = 1; { a; let b = a; return b; } });
check(() => { const f = () => g; const r = f; let g = 2; return r(); });
function defaults(a = b, b = 1) { return a; }
check(() => defaults());
check(() => defaults(5));
check(() => { class D extends (D, Object) {} });
print("done");
