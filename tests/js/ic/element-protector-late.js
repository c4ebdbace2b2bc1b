// An object that had a setter element before it became a prototype: the
// first thing this script does, so the element protector is still intact
// when the object is linked (and must be given up then).
var hits = "";
var p = {};
Object.defineProperty(p, 0, { set(v) { hits += "setter " + v + ";"; }, configurable: true });
Object.defineProperty(p, 1, { value: "ro", writable: false });
function fill(a, n) { for (var i = 0; i < n; i++) a[i] = i + 10; return a; }
var warm = fill([], 4);
var q = [];
Object.setPrototypeOf(q, p);
fill(q, 3);
print(warm.join(","), q.length, JSON.stringify(Object.keys(q)), hits);
