// switch: strict equality, fallthrough, default anywhere, lexical scope,
// lazily evaluated case expressions.
function sw(x) {
  var out = [];
  switch (x) {
    case 1: out.push("one");
    case 2: out.push("two"); break;
    default: out.push("default");
    case 3: out.push("three"); break;
    case "1": out.push("string one");
  }
  return out.join();
}
print(sw(1), sw(2), sw(3), sw(4), sw("1"));
function trace(v) { print("case", v); return v; }
switch (2) { case trace(1): case trace(2): case trace(3): print("matched"); }
switch (NaN) { case NaN: print("never"); default: print("NaN default"); }
switch ("x") {}
switch (0) { case -0: print("zero matches"); }
var r;
try {
  switch (1) {
    case 0: let scoped = "no";
    case 1: scoped = "yes"; r = scoped;
  }
} catch (e) { print("tdz in switch", e.constructor.name); }
switch (0) {
  case 0: let ok = "declared";
  case 1: r = ok;
}
print(r);
function noMatch(x) { switch (x) { case 1: return "one"; } return "none"; }
print(noMatch(2));
var fns = [];
for (var i = 0; i < 3; i++) switch (i) { case 1: continue; default: fns.push(i); }
print(fns.join());
switch (3) { case 3: { let inner = () => "captured"; print(inner()); } }
