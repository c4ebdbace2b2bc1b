// Closures capturing bindings at several depths: function, block, loop,
// catch and class scopes; captured parameters; closures outliving calls.
function level1(a) {
  let b = a + 1;
  return function level2(c) {
    const d = c * 2;
    {
      let e = d + b;
      return function level3() {
        for (let i = 0; i < 1; i++) {
          try { throw i; } catch (err) {
            return () => [a, b, c, d, e, i, err].join();
          }
        }
      };
    }
  };
}
print(level1(1)(2)()());
function paramCapture(x, y) { var f = () => x + y; x = 10; return f(); }
print(paramCapture(1, 2));
function shared() { var n = 0; return [() => ++n, () => n]; }
var [inc, get] = shared();
inc(); inc();
print(get());
var fns = [];
for (var i = 0; i < 3; i++) {
  let captured = i * 10;
  fns.push(function () { return captured + i; });
}
print(fns.map(f => f()).join());
class Holder { static make(v) { return class { get() { return v + Holder.name; } }; } }
var H = Holder.make("v:");
print(new H().get());
function selfRef() { return function fact(n) { return n ? n * fact(n - 1) : 1; }; }
print(selfRef()(5));
var counterFactory = () => { let count = 0; return { up: () => ++count, down: () => --count }; };
var c1 = counterFactory();
c1.up(); c1.up(); c1.down();
print(c1.up());
function blockInLoop() {
  var out = [];
  for (let i = 0; i < 2; i++) { let j = i; out.push(() => j); { let k = j + 100; out.push(() => k); } }
  return out.map(f => f()).join();
}
print(blockInLoop());
function closureInDefault(a, f = () => a) { return f(); }
print(closureInDefault(7));
function switchClosure(v) { switch (v) { case 1: let s = "one"; return () => s; default: return () => "other"; } }
print(switchClosure(1)(), switchClosure(2)());
