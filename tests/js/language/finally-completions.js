// Completions through finally: overriding returns and throws, break out of
// finally, iterator close errors, nested finally blocks on return.
function a() { try { throw 1; } finally { return "override"; } }
print(a());
function b() { L: try { return "try"; } finally { break L; } return "after break"; }
print(b());
function c() { for (var i = 0; i < 3; i++) { try { throw i; } catch (e) { if (e === 1) break; } finally { print("fin", i); } } return i; }
print(c());
function d() { try { try { throw "inner"; } finally { throw "from finally"; } } catch (e) { return e; } }
print(d());
var closeThrows = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { throw new Error("close threw"); } }; } };
try { for (const x of closeThrows) break; } catch (e) { print(e.message); }
try { for (const x of closeThrows) throw new Error("body threw"); } catch (e) { print(e.message); }
var closeNonObject = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { return 5; } }; } };
try { for (const x of closeNonObject) break; } catch (e) { print(e.constructor.name); }
try { var [z] = closeNonObject; print("destructure ok", z); } catch (e) { print(e.constructor.name); }
function e() { var r = []; for (var i of [1, 2]) { try { r.push(i); continue; } finally { r.push("f" + i); } } return r.join(); }
print(e());
function f() { try { return (() => { throw "x"; })(); } catch (err) { return "caught " + err; } finally { print("f finally"); } }
print(f());
function g() { var log = []; for (const x of [1]) { for (const y of [2]) { try { return log; } finally { log.push(x + y); } } } }
print(g().join());
function h() { let v = "before"; try { v = "in try"; throw 0; } catch { return v; } finally { v = "finally"; } }
print(h());
var count = 0;
function k() { while (true) { try { count++; if (count < 3) continue; return count; } finally { print("k finally", count); } } }
print(k());
function contexts() {
  let outer = "outer";
  const o = () => outer;
  try {
    let x = 1;
    const gx = () => x;
    { let y = 2; const gy = () => y; return gy() + gx(); }
  } finally {
    print("finally sees", outer, o());
  }
}
print(contexts());
