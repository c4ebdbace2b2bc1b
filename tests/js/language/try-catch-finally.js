// try/catch/finally: completion rules, finally overriding, nesting,
// catch parameter patterns and scoping.
function f1() { try { return "try"; } finally { print("finally 1"); } }
print(f1());
function f2() { try { throw 1; } catch (e) { return "catch " + e; } finally { print("finally 2"); } }
print(f2());
function f3() { try { return "try"; } finally { return "finally wins"; } }
print(f3());
function f4() { for (var i = 0; i < 3; i++) { try { if (i === 1) continue; if (i === 2) break; } finally { print("f4 finally", i); } } return i; }
print(f4());
function f5() { try { try { throw new Error("inner"); } finally { print("inner finally"); } } catch (e) { return e.message; } }
print(f5());
try { throw { a: 1, b: 2 }; } catch ({ a, b }) { print(a + b); }
try { throw [1, 2]; } catch ([x, y]) { print(x, y); }
try { null.f(); } catch { print("optional binding"); }
var e = "outer";
try { throw "inner"; } catch (e) { print(e); var e = "assigned"; }
print(e);
function f6() { var log = []; try { log.push(1); throw 0; } catch (err) { log.push(2); } finally { log.push(3); } return log.join(); }
print(f6());
function f7() { try { throw 1; } finally { print("no catch"); } }
try { f7(); } catch (x) { print("caught", x); }
function f8() { try { return "a"; } finally { try { throw "x"; } catch (q) { print("nested catch", q); } } }
print(f8());
var captured;
try { throw 7; } catch (c) { captured = () => c; }
print(captured());
function f9() { let v = 1; try { let v = 2; throw v; } catch (t) { return v + t; } }
print(f9());
function f10() { L: try { break L; } finally { print("f10 finally"); } return "after"; }
print(f10());
