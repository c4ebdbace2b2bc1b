function m(a, b) { return a % b; }
const vs = [0, 1, 7, -7, 10, -10, 2147483647, -2147483648, 3, -3, 0.5, NaN, Infinity, -0];
let out = [];
for (let r = 0; r < 3; r++) for (const a of vs) for (const b of vs) { const x = m(a, b); if (r == 2) out.push(Object.is(x, -0) ? "-0" : String(x)); }
console.log(out.join(" "));
let s = 0; for (let i = 0; i < 100000; i++) s = (s + i % 7 + (i * 1309 + 13849) % 10) | 0; console.log(s);
