// Number arithmetic in every tier's fast paths: int32 overflow into
// doubles, -0, NaN, Infinity, integral double results boxed as int32,
// comparisons with NaN, shifts. Each function runs hot so the baseline
// tier (and adaptive tiering) compiles it.
function add(a, b) { return a + b; }
function sub(a, b) { return a - b; }
function mul(a, b) { return a * b; }
function div(a, b) { return a / b; }
function lt(a, b) { return a < b; }
function le(a, b) { return a <= b; }
function gt(a, b) { return a > b; }
function ge(a, b) { return a >= b; }
function shl(a, b) { return a << b; }
function sar(a, b) { return a >> b; }
function shr(a, b) { return a >>> b; }

function show(v) {
  if (Object.is(v, -0)) return "-0";
  return typeof v + ":" + String(v);
}

const values = [0, -0, 1, -1, 2, 3, 7, -7, 0.5, -0.5, 1.5, 2.25, 1e308, -1e308,
  2147483647, -2147483648, 2147483648, 4294967295, 1 / 3, NaN, Infinity, -Infinity,
  65536, 46341, -46341, 0.1, 0.2];
const fns = [add, sub, mul, div, lt, le, gt, ge, shl, sar, shr];

// Every result is folded into a hash without allocating (the suite also
// runs under --gc-stress=1); every 97th is printed.
function code(r) {
  if (typeof r === "boolean") return r ? 1 : 2;
  if (r !== r) return 3;
  if (r === Infinity) return 4;
  if (r === -Infinity) return 5;
  if (Object.is(r, -0)) return 6;
  return ((r % 65521) * 1000) | 0;
}
let h = 0, n = 0;
for (let round = 0; round < 3; round++) {
  for (const f of fns) {
    for (const a of values) {
      for (const b of values) {
        const r = f(a, b);
        if (round === 2) {
          h = (h * 31 + code(r)) | 0;
          if (n++ % 97 === 0) console.log(f.name + "(" + show(a) + "," + show(b) + ")=" + show(r));
        }
      }
    }
  }
}
console.log("results", n, "hash", h);

// Results used as int32s afterwards (keys, bitwise ops, equality).
function mixed(n) {
  let s = 0, o = {};
  for (let i = 0; i < n; i++) {
    const x = (i * 1.5) * 2;      // integral doubles: int32 again
    o[x / 3] = i;                 // keys 0, 1, 2, ...
    s = (s + x) | 0;
  }
  return [s, Object.keys(o).length, o[3], 0.1 + 0.2 === 0.30000000000000004, 6 / 3 === 2];
}
console.log(mixed(1000).join(","));

// Accumulating doubles in a loop (nbody-style).
function energy(n) {
  let e = 0.0, vx = 0.01, vy = -0.02;
  for (let i = 0; i < n; i++) {
    e += 0.5 * (vx * vx + vy * vy) - 1 / Math.sqrt(i + 1);
    vx = vx * 1.0001; vy = vy - 0.0001;
  }
  return e;
}
console.log(energy(10000));
// Strings and objects still take the generic paths.
console.log(add("a", 1), add(1, "b"), mul("3", 4), sub({ valueOf() { return 10; } }, 2.5), lt("a", "b"), div(1, "0"));
