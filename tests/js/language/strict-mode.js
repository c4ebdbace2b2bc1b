"use strict";
// Strict mode code: this is not coerced, failed writes throw, no implicit
// globals.
function check(f) { try { print("ok", f()); } catch (e) { print(e.constructor.name); } }
check(function () { return this; });
check(function () { return typeof this; }.bind(5));
check(() => { undeclared = 1; });
check(() => { var o = Object.freeze({ a: 1 }); o.a = 2; });
check(() => { var o = Object.preventExtensions({}); o.b = 1; });
check(() => { var o = { get g() { return 1; } }; o.g = 2; });
check(() => { "abc".length = 1; });
check(() => { var o = Object.defineProperty({}, "x", { value: 1 }); delete o.x; });
check(() => { (function f() { f = 1; })(); });
check(() => { function f(a) { a = 2; return arguments[0]; } return f(1); });
check(() => { return (function () { return typeof arguments.callee; })(); });
check(() => { var x = 1; return x; });
