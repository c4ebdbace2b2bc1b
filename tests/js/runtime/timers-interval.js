// setInterval and the clear functions: clearing an interval inside its
// callback, clearing other timers before they fire, clearing a timeout
// from its own callback (a no-op), extra arguments, nested timers.
globalThis.print ??= console.log;

let ticks = 0;
const iv = setInterval((label) => {
  ticks++;
  print(label, ticks);
  if (ticks === 3) {
    clearInterval(iv);
    print('interval cleared');
  }
}, 30, 'tick');

const doomed = setTimeout(() => print('never: cleared before it fired'), 60);
setTimeout(() => {
  print('clearing the 60 ms timeout at 20 ms');
  clearTimeout(doomed);
}, 20);

const self = setTimeout(() => {
  print('clearTimeout of a running timeout is harmless');
  clearTimeout(self);
}, 10);

const imm = setImmediate(() => print('never: cleared immediate'));
clearImmediate(imm);
clearTimeout(undefined);
clearTimeout({});
clearInterval(12345);

print(typeof iv === 'number' || typeof iv === 'object' ? 'ids are usable' : 'bad id');

// A chain of nested timers runs each in its own turn.
let depth = 0;
function nest() {
  depth++;
  if (depth < 4) setTimeout(nest, 0);
  else print('nested depth', depth);
}
setTimeout(nest, 200);

// An interval cleared by another timer.
let n2 = 0;
const iv2 = setInterval(() => { n2++; }, 40);
setTimeout(() => {
  clearInterval(iv2);
  print('second interval ran at least once:', n2 >= 1);
}, 300);

// Arguments after the delay reach the callback.
setTimeout((a, b, c) => print('args', a, b, JSON.stringify(c)), 250, 1, 'two', [3]);
