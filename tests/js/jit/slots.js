// Named property slots as the inline caches locate them: inline and out
// of line, own and on a prototype, objects of one constructor allocated
// before and after its instance size is learned, arrays and plain objects
// with the same prototype, and globals.
function Point(x, y) { this.x = x; this.y = y; this.a = 1; this.b = 2; this.c = 3; this.d = 4; this.e = 5; }
function sum(p) { return p.x + p.y + p.a + p.b + p.c + p.d + p.e; }
function bump(p) { p.e = p.e + 1; p.x = p.x + 1; }
let total = 0;
const points = [];
for (let i = 0; i < 50; i++) points.push(new Point(i, -i));
for (let r = 0; r < 20; r++) for (const p of points) { bump(p); total += sum(p); }
console.log("points", total, points[0].e, points[49].x);

// Many properties: most out of line.
function wide() {
  const o = {};
  for (let i = 0; i < 40; i++) o["p" + i] = i;
  return o;
}
function readWide(o) { return o.p0 + o.p3 + o.p10 + o.p39; }
function writeWide(o, v) { o.p39 = v; o.p2 = v; }
let w = wide(), ws = 0;
for (let i = 0; i < 200; i++) { writeWide(w, i); ws += readWide(w); }
console.log("wide", ws, w.p39, w.p2);

// Prototype slots, inline and out of line, and shadowing afterwards.
const proto = { m: 10 };
for (let i = 0; i < 30; i++) proto["q" + i] = i * 2;
const kids = [];
for (let i = 0; i < 5; i++) kids.push(Object.create(proto));
function readProto(o) { return o.m + o.q0 + o.q29; }
let ps = 0;
for (let r = 0; r < 100; r++) for (const k of kids) ps += readProto(k);
proto.q29 = 1000;
for (const k of kids) ps += readProto(k);
kids[0].q0 = -5;
for (const k of kids) ps += readProto(k);
console.log("proto", ps);

// An array and a plain object sharing a prototype chain.
const fake = Object.create(Array.prototype);
fake.tag = "fake";
const real = [1, 2, 3];
real.tag = "real";
function tagOf(o) { return o.tag + ":" + o.length; }
let tags = [];
for (let i = 0; i < 50; i++) { tags[0] = tagOf(fake); tags[1] = tagOf(real); }
console.log(tags.join(" "));

// Globals: many global-object properties (out of line), read and written.
for (let i = 0; i < 60; i++) globalThis["g" + i] = i;
function readGlobals() { return g0 + g30 + g59; }
let gs = 0;
for (let i = 0; i < 100; i++) { gs += readGlobals(); g59 = i; }
console.log("globals", gs, g59);

// Classes with fields and a subclass.
class A { constructor() { this.u = 1; this.v = 2; } get w() { return this.u + this.v; } }
class B extends A { constructor() { super(); this.z = 3; } }
function readAB(o) { return o.u + o.v + o.w + (o.z || 0); }
let abs = 0;
for (let i = 0; i < 100; i++) { abs += readAB(new A()); abs += readAB(new B()); }
console.log("classes", abs);
