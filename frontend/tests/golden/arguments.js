function paramNamedArguments(arguments) {
  return arguments;
}
function varArguments(a) {
  var arguments;
  return arguments;
}
function letArguments() {
  let arguments = 1;
  return arguments;
}
function strictArguments(a, b) {
  "use strict";
  return arguments.length;
}
function nonSimple(a = 1) {
  return arguments;
}
function mapped(a, b) {
  a = 2;
  return arguments[0];
}
var arguments = 0;
function nested() {
  return function inner() { return arguments; };
}
arguments;
