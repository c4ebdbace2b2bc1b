// Arrow functions: lexical this, arguments and new.target, concise bodies,
// no prototype, not constructible, parameters.
var obj = {
  v: 1,
  m() { return [() => this.v, () => arguments.length, (a, b) => a + b + this.v]; },
};
var [t, args, sum] = obj.m(1, 2, 3);
print(t(), args(), sum(1, 2));
var concise = x => ({ x });
print(concise(5).x, (() => {})(), (a => a * 2)(4));
var arrow = () => {};
print(arrow.prototype, typeof arrow, arrow.length);
try { new arrow(); } catch (e) { print(e.constructor.name); }
function Outer() { this.inner = () => new.target === Outer; }
print(new Outer().inner());
var nestedThis = { a: "a", f() { return () => () => () => this.a; } };
print(nestedThis.f()()()());
var defaults = (a, b = a * 2, ...rest) => [a, b, rest.length].join();
print(defaults(1), defaults(1, 1, 1, 1));
var destructured = ({ p }, [q]) => p + q;
print(destructured({ p: 1 }, [2]));
var curried = a => b => c => a + b + c;
print(curried(1)(2)(3));
var callThis = function () { return (() => this)(); };
print(callThis.call("s") == "s", callThis.call(undefined) === globalThis);
var arrowsIgnoreCall = (() => typeof this).call({});
print(arrowsIgnoreCall);
var sorted = [3, 1, 2].sort((a, b) => a - b);
print(sorted.join());
var counter = (() => { let n = 0; return () => ++n; })();
counter(); counter();
print(counter());
