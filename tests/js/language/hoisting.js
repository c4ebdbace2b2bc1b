// Hoisting: function declarations before code, var across blocks,
// functions in blocks (Annex B in sloppy mode, block-scoped in strict).
print(typeof early, early());
function early() { return "early"; }
print(typeof laterVar, laterVar);
var laterVar = 1;
function redeclared() { return 1; }
function redeclared() { return 2; }
print(redeclared());
var fnThenVar = "var";
function fnThenVar() {}
print(typeof fnThenVar);
{
  function inBlock() { return "in block"; }
}
print(typeof inBlock, inBlock());
if (true) { function inIf() { return "if"; } }
print(inIf());
(function () {
  "use strict";
  { function strictBlock() {} }
  print(typeof strictBlock);
})();
function outerFn() {
  print(typeof innerHoisted);
  return innerHoisted();
  function innerHoisted() { return "inner hoisted"; }
}
print(outerFn());
function varInLoop() {
  for (var i = 0; i < 2; i++) { var seen = i; }
  return seen + i;
}
print(varInLoop());
print(typeof beforeBlock);
{ function beforeBlock() {} }
print(typeof beforeBlock);
var x = "global x";
function shadowing() { print(x); var x = "local x"; return x; }
print(shadowing());
