// Mapped arguments (sloppy, simple parameters) alias the parameters: §10.4.4.
function f(a, b) { arguments[0] = 9; b = 7; return [a, arguments[1], arguments.length]; }
print(f(1, 2, 3));
function g(a) { "use strict"; arguments[0] = 9; return a; }
print(g(1));
function h(a, a) { arguments[0] = 5; arguments[1] = 6; return a; }
print(h(1, 2));
function k(a) { Object.defineProperty(arguments, "0", { writable: false }); a = 3; return arguments[0]; }
print(k(1));
function d(a) { delete arguments[0]; arguments[0] = 4; return a; }
print(d(1));
function m(a) { a = 2; return arguments[0]; }
print(m(1), m());
function n(a) { arguments[0] = 3; return a; }
print(n());
function acc(a) { Object.defineProperty(arguments, "0", { get() { return 42; } }); a = 3; return arguments[0]; }
print(acc(1));
