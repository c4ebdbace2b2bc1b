// The baseline JIT's inline fast paths at their edges: each result would
// be wrong if a fast path took a case it must hand to the interpreter.
// Run under every tier (CI runs tests/js interpreted, adaptive and with
// --tier=baseline); loops run long enough to be compiled adaptively.
function add(a, b) { return a + b; }
function sub(a, b) { return a - b; }
function inc(a) { return ++a; }
function dec(a) { return --a; }
function addSmi(a) { return a + 5; }
function subSmi(a) { return a - 5; }
function bits(a, b) { return [a & b, a | b, a ^ b]; }
const out = [];
for (let i = 0; i < 400; i++) {
  if (i < 399) { add(i, 1); sub(i, 1); inc(i); dec(i); addSmi(i); subSmi(i); continue; }
  out.push(add(2147483647, 1), add(-2147483648, -1), add(1.5, 2), add('a', 1), add(1, 'b'));
  out.push(sub(-2147483648, 1), sub(2147483647, -1), sub(0, 0), 1 / sub(0, 0), sub(5, 7));
  out.push(inc(2147483647), dec(-2147483648), inc(1.5), dec('3'), inc(-1));
  out.push(addSmi(2147483643), subSmi(-2147483644), addSmi(0.5), subSmi('x'));
  out.push(...bits(-1, 0x7fffffff), ...bits(6, 3), ...bits(1.5, 3));
}
console.log(out.join(' '));

function lt(a, b) { return [a < b, a > b, a <= b, a >= b]; }
const cmp = [];
for (let i = 0; i < 400; i++) lt(i, 200);
cmp.push(...lt(-1, 1), ...lt(2147483647, -2147483648), ...lt(1, 1), ...lt(0.5, 1), ...lt('b', 'a'), ...lt(NaN, 1), ...lt(undefined, 1));
console.log(cmp.join(' '));

function eq(a, b) { return a === b; }
const o1 = {}, o2 = {};
for (let i = 0; i < 400; i++) eq(i, i & 7);
const eqs = [eq(1, 1), eq(1, 2), eq(o1, o1), eq(o1, o2), eq(null, undefined), eq(null, null), eq(undefined, undefined),
  eq(true, true), eq(true, false), eq(NaN, NaN), eq(0, -0), eq(1, 1.0), eq(1.5, 1.5), eq('ab', 'a' + 'b'), eq('a', 'b'),
  eq(o1, null), eq(Symbol.iterator, Symbol.iterator), eq(1, '1'), eq(2 ** 31, 2 ** 31)];
console.log(eqs.join(' '));

function not(x) { return !x; }
for (let i = 0; i < 400; i++) not(i & 1 ? true : false);
console.log([not(true), not(false), not(0), not(''), not('x'), not(null), not({}), not(NaN)].join(' '));
