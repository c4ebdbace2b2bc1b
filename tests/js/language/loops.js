// while, do-while, for with every clause optional, nested loops.
var i = 0, out = [];
while (i < 3) out.push(i++);
do { out.push("d" + i); i--; } while (i > 1);
print(out.join());
out = [];
for (var j = 0, k = 10; j < k; j += 3, k--) out.push(j + ":" + k);
print(out.join());
var n = 0;
for (;;) { if (++n > 4) break; }
print(n);
for (; n > 0;) n -= 2;
print(n);
out = [];
for (var a = 0; a < 3; a++) for (var b = 0; b < 3; b++) { if (b > a) continue; out.push("" + a + b); }
print(out.join());
var count = 0;
do count++; while (false);
print(count);
var sum = 0;
for (let x = 0; x < 100; x++) { if (x % 2) continue; sum += x; }
print(sum);
var fs = [];
for (let q = 0; q < 3; q++) { fs.push(() => q); q += 0; }
print(fs.map(f => f()).join());
var closures = [];
for (let q = 0, inc = () => q; q < 2; q++) closures.push(inc);
print(closures.map(f => f()).join());
let w = 3;
while (w--) { let captured = w; fs.push(() => captured); }
print(fs.slice(3).map(f => f()).join());
