// Throwing values and built-in errors from runtime operations.
function check(f) { try { f(); print("no error"); } catch (e) { print(typeof e === "object" && e !== null ? e.constructor.name : "value " + e); } }
check(() => { throw 42; });
check(() => { throw "string"; });
check(() => { throw null; });
check(() => undefined.x);
check(() => null[0]);
check(() => notDefined);
check(() => (void 0)());
check(() => ({}).method());
check(() => new 5());
check(() => { "use strict"; undeclaredStrict = 1; });
check(() => Symbol() + "");
check(() => { class A {} A(); });
check(() => { let o = {}; o.a.b.c = 1; });
check(() => [].reduce((a, b) => a));
check(() => { throw new RangeError("r"); });
var err = new TypeError("custom");
try { throw err; } catch (e) { print(e === err, e.message); }
