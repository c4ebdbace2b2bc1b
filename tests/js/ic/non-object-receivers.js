// Named loads and stores whose sites cached object shapes, then see
// strings (flat one-byte, two-byte, ropes, empty), symbols and bigints:
// compiled code compares the cell's shape word without checking the kind
// first, so every such receiver must miss and take the generic path.
function getA(x) { return x.a; }
function getLength(x) { return x.length; }
function setA(x, v) { x.a = v; return x.a; }

const objects = [{ a: 1 }, { a: 2, b: 3 }];
for (let i = 0; i < 50; i++) getA(objects[i & 1]);
for (let i = 0; i < 50; i++) getLength([1, 2, 3]);
for (let i = 0; i < 50; i++) setA({ a: 0 }, i);

const long = 'a string long enough to make a rope';
const rope = long + long;
const receivers = ['', 'abc', 'h\u00e9llo \u20ac', rope, Symbol(), Symbol('d'), 0n, -7n, 2n ** 100n];
const show = (v) => (typeof v === 'symbol' ? v.toString() : String(v));

for (const r of receivers) print(typeof r, show(r).length, getA(r), getLength(r));

String.prototype.a = 'from String.prototype';
Symbol.prototype.a = 'from Symbol.prototype';
BigInt.prototype.a = 'from BigInt.prototype';
for (const r of receivers) print(typeof r, getA(r));

// Stores on primitives: sloppy code ignores them (the prototype's value
// stays visible).
for (const r of receivers) print(typeof r, setA(r, 42));

// Objects still hit afterwards.
print(getA(objects[0]), getA(objects[1]), getLength([1, 2]), setA({ a: 1 }, 9));
