// Array literals: holes, trailing commas, spread of any iterable, nesting.
var a = [1, , 3];
print(a.length, 1 in a, a[1], a.join("-"));
var b = [, , ];
print(b.length, 0 in b);
var c = [1, 2, , ];
print(c.length);
var d = [0, ...[1, 2], ...[], ...(function () { return arguments; })(3, 4), ..."ab"];
print(d.join(), d.length);
var e = [...[, 1]];
print(e.length, 0 in e, e[0]);
var f = [, ...[1]];
print(f.length, 0 in f, f.join());
var g = [...[1], , ];
print(g.length);
var h = [[1, 2], [3, [4, [5]]]];
print(h[1][1][1][0], JSON.stringify(h));
var it = { [Symbol.iterator]() { var i = 0; return { next() { return { value: i, done: i++ >= 2 }; } }; } };
print([...it, ...it].join());
try { [...5]; } catch (err) { print(err.constructor.name); }
var big = [];
for (var i = 0; i < 300; i++) big.push(i);
var copy = [...big, "end"];
print(copy.length, copy[299], copy[300]);
print([1, 2, 3].length, [].length, [undefined].length);
