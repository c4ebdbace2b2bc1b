// Generators and async functions compile and keep their shape (name,
// length, typeof); their bodies are not run here.
function* gen(a, b) { yield a; yield b; }
async function af(x) { return await x; }
const aa = async (p, q) => p;
async function* ag() {}
class K { *m() {} async n() {} static async *o() {} }
print(typeof gen, gen.name, gen.length);
print(typeof af, af.name, af.length);
print(typeof aa, aa.name, aa.length);
print(typeof ag, ag.name, typeof K.prototype.m, typeof K.prototype.n, typeof K.o);
var o = { *g() {}, async a() {} };
print(o.g.name, o.a.name);
