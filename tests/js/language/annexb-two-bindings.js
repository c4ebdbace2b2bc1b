function t1() {
  var r = [];
  r.push(typeof f);
  { r.push(typeof f); function f() { return 1; } }
  r.push(typeof f);
  return r.join();
}
console.log(t1());
function t2() {
  var before = f;
  { f = 123; function f() {} }
  return [before, typeof f, f].join();
}
console.log(t2());
function t3() {
  { function f() { return 'first'; } }
  { function f() { return 'second'; } }
  return f();
}
console.log(t3());
function t5() {
  let r=[];
  { let f = 1; { function f() {} } r.push(f); }
  try { f; r.push('has f') } catch (e) { r.push(e.name) }
  return r.join();
}
console.log(t5());
function t6(f) {
  var r = [f];
  { function f() {} }
  r.push(typeof f);
  return r.join();
}
console.log(t6(5));
function t7() {
  var r = [typeof f];
  if (false) { function f() {} }
  r.push(typeof f);
  return r.join();
}
console.log(t7());
function t8() {
  var r = [];
  { r.push(f()); f = 2; function f() { return 'x'; } f = 3; r.push(f); }
  r.push(f);
  return r.join();
}
console.log(t8());
function t9() {
  var r=[]; 
  try { throw null } catch (f) { { function f() { return 123 } } }
  r.push(typeof f);
  return r.join();
}
console.log(t9());
function t10() {
  var r = [];
  switch (1) { case 1: function f() { return 's'; } }
  r.push(typeof f);
  return r.join();
}
console.log(t10());
function t11() { var f = 1; { function f() {} } return typeof f; }
console.log(t11());
function t12() { { function f() {} } var f; return typeof f; }
console.log(t12());
function t13() { function f() { return 'top'} { function f() { return 'blk'} } return f(); }
console.log(t13());

var r = [];
(function () {
  eval('r.push(typeof g); { r.push(typeof g); function g() { return 1; } } r.push(typeof g);');
  r.push(typeof g);
})();
console.log(r.join());
var before = typeof h2;
eval('{ function h2() { h2 = 5; return "decl"; } }');
console.log(before, typeof h2, h2(), typeof h2, h2());
(function () {
  eval('{ function k() { return "first"; } } { function k() { return "second"; } } console.log(k());');
})();
(function () {
  var k = 1;
  eval('console.log(k); { function k() { return "b"; } } console.log(typeof k);');
})();
