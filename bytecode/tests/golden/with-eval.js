function usesWith(obj) {
  var outer = 1;
  with (obj) { outer = prop; }
  return outer;
}
function sloppyEval(code) {
  var local = 1;
  eval(code);
  return local + maybe;
}
