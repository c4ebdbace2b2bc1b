// Anonymous functions and classes take the name of what they are bound to.
var v = function () {};
let l = () => {};
const c = class {};
var named = function own() {};
print(v.name, l.name, c.name, named.name);
var o = { m: function () {}, a: () => {}, k: class {}, ["comp" + "uted"]: function () {}, 5: () => {}, get g() { return 1; }, set g(x) {}, method() {} };
var desc = Object.getOwnPropertyDescriptor(o, "g");
print(o.m.name, o.a.name, o.k.name, o.computed.name, o[5].name, desc.get.name, desc.set.name, o.method.name);
var sym = Symbol("desc");
var os = { [sym]: function () {}, [Symbol()]: () => {} };
print(os[sym].name, JSON.stringify(Object.getOwnPropertySymbols(os).map(s => os[s].name)));
var assigned;
assigned = function () {};
var paren = (function () {});
var seq = (0, function () {});
print(assigned.name, paren.name, JSON.stringify(seq.name));
var { d = function () {} } = {};
var [e = () => {}] = [];
var f;
({ f = class {} } = {});
print(d.name, e.name, f.name);
function params(p = function () {}) { return p.name; }
print(params());
var lg;
lg ||= function () {};
var obj = {};
obj.prop = function () {};
obj["key"] = () => {};
print(lg.name, JSON.stringify(obj.prop.name), JSON.stringify(obj.key.name));
class K { static s = function () {}; i = () => {}; #p = function () {}; p() { return this.#p.name; } static ["x" + 1] = class {}; }
print(K.s.name, new K().i.name, new K().p(), K.x1.name);
print((() => {}).name === "", (class {}).name === "", JSON.stringify((function () {}).name));
var proto = { __proto__: function () {} };
print(JSON.stringify(Object.getPrototypeOf(proto).name));
var bound = function () {}.bind(null);
print(bound.name);
var numeric = { 1.5: function () {}, 0x10: function () {} };
print(numeric[1.5].name, numeric[16].name);
