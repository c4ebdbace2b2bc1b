// The arguments object: length, indexing, callee, iteration, and strict
// vs sloppy behaviour.
function sloppy(a, b) { return [arguments.length, arguments[0], arguments[2], typeof arguments.callee].join(); }
print(sloppy(1), sloppy(1, 2, 3));
function strict(a) { "use strict"; try { arguments.callee; } catch (e) { return e.constructor.name; } }
print(strict(1));
function spread() { return [...arguments].reverse().join(); }
print(spread(1, 2, 3));
function inArrow() { const f = () => arguments[0]; return f(9); }
print(inArrow(7));
function shadowed(arguments) { return arguments; }
print(shadowed(42));
function viaVar() { var arguments; return typeof arguments; }
print(viaVar(1));
function toArray() { return Array.prototype.slice.call(arguments, 1); }
print(toArray(1, 2, 3).join());
function str() { return Object.prototype.toString.call(arguments); }
print(str());
function defaultsUnmapped(a = 0) { a = 5; return arguments[0]; }
print(defaultsUnmapped(1));
