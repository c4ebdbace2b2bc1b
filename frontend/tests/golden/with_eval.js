function usesWith(obj) {
  var outerVar = 1;
  with (obj) {
    outerVar;
    let insideWith = 2;
    insideWith;
    (function nested() { return outerVar + insideWith; })();
  }
  return outerVar;
}
function sloppyEval(code) {
  var local = 1;
  let blockScoped = 2;
  eval(code);
  return local + blockScoped + maybeGlobal;
}
function strictEval(code) {
  "use strict";
  var local = 1;
  return eval(code) + local;
}
function evalInArrow() {
  let a = 1;
  return () => eval("a");
}
function varInWith(o) {
  with (o) { var viaWith = 1; }
  return viaWith;
}
