// Assignment to const, class names and named function expressions.
function check(f) {
  try { print("value", f()); } catch (e) { print(e.constructor.name); }
}
check(() => { const c = 1; c = 2; return c; });
check(() => { const c = 1; c += 2; return c; });
check(() => { const c = 1; c++; return c; });
check(() => { const o = { a: 1 }; o.a = 2; return o.a; });
check(() => { const c = 1; let r = c || (c = 3); return r; });
check(() => { const c = 0; c ||= 3; return c; });
check(() => { const c = 1; c ||= 3; return c; });
check(() => { class K { m() { K = 1; } } new K().m(); });
check(() => { for (const i = 0; i < 1; i++) {} });
check(() => { for (const k in { a: 1 }) { return k; } });
check(() => (function fe() { fe = 1; return typeof fe; })());
check(() => (function fe() { "use strict"; fe = 1; return typeof fe; })());
check(() => { const [a, b] = [1, 2]; [a] = [3]; });
const top = 1;
check(() => { top = 2; });
check(() => top);
