// Annex B.3.3: a block function is also a var unless a lexical declaration
// of its name lies in between.
(function () {
  try { f; console.log("f exists"); } catch (e) { console.log(e.name); }
  { let f = 123; { function f() {} } }
  try { f; console.log("f exists"); } catch (e) { console.log(e.name); }
})();
(function () {
  console.log(typeof g);
  { function g() { return 1; } }
  console.log(typeof g);
})();
(function () {
  try { throw {}; } catch ({ h }) { { function h() {} } }
  try { h; console.log("h exists"); } catch (e) { console.log(e.name); }
  try { throw {}; } catch (k) { { function k() {} } }
  console.log(typeof k);
})();
eval("try { q; console.log('q exists') } catch (e) { console.log(e.name) } { let q; { function q() {} } }");
