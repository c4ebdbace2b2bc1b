// Moving between the interpreter and baseline code: loops entered at
// their header mid-run (OSR) with live values, generators resumed in
// compiled code, exceptions thrown and caught across compiled frames,
// error.stack through them, and deep recursion.
function sumTo(n) {
  let s = 0, t = 'x';
  for (let i = 0; i < n; i++) { s += i; if (i === 1000) t = 'y' + s; }
  return [s, t];
}
console.log(sumTo(5000).join(' '));

function* gen(n) { for (let i = 0; i < n; i++) { const got = yield i * 2; if (got) i += got; } return 'done'; }
const g = gen(2000);
let last, total = 0;
for (let r = g.next(); !r.done; r = g.next(r.value === 100 ? 10 : 0)) { total += r.value; last = r.value; }
console.log(total, last);

function thrower(i) { if (i % 100 === 99) throw new RangeError('at ' + i); return i; }
function catcher(n) { let caught = 0; for (let i = 0; i < n; i++) { try { thrower(i); } catch (e) { caught += e instanceof RangeError ? 1 : 0; } } return caught; }
console.log(catcher(1000));

function inner() { return new Error('here').stack.split('\n').slice(0, 4).map(l => l.trim().split(' ')[1]).join(','); }
function middle() { return inner(); }
function outer() { let r; for (let i = 0; i < 500; i++) r = middle(); return r; }
console.log(outer());

function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
let d = 0;
for (let i = 0; i < 50; i++) d = depth(2000);
console.log(d);
let overflow = 'none';
function forever(n) { return forever(n + 1) + 1; }
try { forever(0); } catch (e) { overflow = e.constructor.name; }
console.log(overflow);
