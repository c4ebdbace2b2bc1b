// Direct eval: the caller's scope, var hoisting, conflicts, this/new.target.
var g = 1;
console.log(eval("g + 1"));
function f(a) {
  var x = 10;
  eval("var y = a + x;");
  console.log(y, typeof y);
  eval("x = 20");
  console.log(x);
  console.log(eval("this === o"), eval("arguments.length"), eval("arguments[0]"));
  let k = 3;
  try { eval("var k = 1"); } catch (e) { console.log(e.name, e.message); }
  { let inner = 1; try { eval("var inner = 2"); } catch (e) { console.log(e.name); } }
  return eval("(function(){ return y * 2 })")();
}
var o = { f };
console.log(o.f(5));
console.log(eval(42), eval(), eval("1;;;"), eval("if (true) 'yes'; else 'no'"));
try { eval("a b"); } catch (e) { console.log(e.name); }
function strictFn() { "use strict"; eval("var z = 3"); return typeof z; }
console.log(strictFn());
function sloppyFn() { eval("var z = 3"); return typeof z; }
console.log(sloppyFn());
function nt() { return eval("new.target"); }
console.log(new nt() === undefined, nt());
function deleteVar() {
  eval("var d = 1");
  var before = typeof d;
  var deleted = delete d;
  return [before, deleted, typeof d].join();
}
console.log(deleteVar());
function declaresFunction() {
  eval("function inner() { return 'inner'; }");
  return inner();
}
console.log(declaresFunction());
// Lexical declarations stay in the eval.
function lexical() {
  eval("let hidden = 1; const c = 2; class K {}");
  return typeof hidden + typeof c + typeof K;
}
console.log(lexical());
// Closures created in eval see later assignments.
function counter() {
  var n = 0;
  var inc = eval("(function() { return ++n; })");
  inc(); inc();
  return n;
}
console.log(counter());
// Arrow functions: this from the enclosing function.
var holder = { v: 7, m() { return (() => eval("this.v"))(); } };
console.log(holder.m());
// Shadowing eval makes it a plain call.
function shadow() {
  var eval = function (s) { return "not eval: " + s; };
  return eval("1 + 1");
}
console.log(shadow());
// Indirect eval runs in the global scope.
globalThis.where = "global";
function indirect() {
  var where = "local";
  return [(0, eval)("where"), eval("where")].join();
}
console.log(indirect());
(0, eval)("var fromIndirect = 1; function fnIndirect() {}");
console.log(typeof fromIndirect, typeof fnIndirect, delete fromIndirect, typeof fromIndirect);
console.log((0, eval)("let notGlobal = 1; typeof notGlobal"), typeof notGlobal);
// Strictness is inherited.
function strictCaller() { "use strict"; try { eval("undeclared = 1"); } catch (e) { return e.name; } }
console.log(strictCaller());
// Eval in a loop with a closure per iteration.
var fns = [];
for (let i = 0; i < 3; i++) fns.push(eval("() => i"));
console.log(fns.map(f => f()).join());
// Parameter expressions.
function params(a = eval("var pv = 5; pv"), b = pv) { return [a, b].join(); }
console.log(params());
try { ((arguments, p = eval("var arguments = 1")) => 0)(); } catch (e) { console.log(e.name); }
