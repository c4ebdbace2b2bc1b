// this binding: methods, plain calls (sloppy and strict), arrows, call/apply/bind.
var name = "global";
var o = {
  name: "o",
  method() { return this.name; },
  arrow: () => typeof this,
  nested() { return [1].map(() => this.name)[0]; },
  later() { return function () { return this === undefined ? "undef" : this.name; }; },
};
print(o.method(), o.arrow(), o.nested());
var m = o.method;
print(m(), o.later()(), o.later().call({ name: "called" }));
function strictThis() { "use strict"; return this; }
print(strictThis(), strictThis.call(5), typeof strictThis.call(null));
function sloppyThis() { return typeof this; }
print(sloppyThis(), sloppyThis.call(5), sloppyThis.call(null) === globalThis);
var bound = o.method.bind({ name: "bound" });
print(bound(), bound.call({ name: "ignored" }));
print((0, o.method)(), (o.method)(), o["method"]());
print(this === globalThis, (() => this === globalThis)());
function Ctor() { this.v = 1; const f = () => this.v; this.g = f; }
print(new Ctor().g());
var counter = { n: 0, inc() { this.n++; return this; } };
print(counter.inc().inc().n);
