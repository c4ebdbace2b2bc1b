// setInterval and the clear functions: clearing an interval inside its
// callback, clearing other timers before they fire, clearing a timeout
// from its own callback (a no-op), extra arguments, nested timers. What
// is checked does not depend on how late the machine runs the timers:
// timers due at the same time run in creation order, and the report
// waits for the interval to stop. Run under `node` to check the output.
globalThis.print ??= console.log;

const seen = { doomed: false, immediate: false, self: 0, nested: 0, args: null, ticks: [] };

// Created first with the same delay, so it always runs first.
setTimeout(() => clearTimeout(doomed), 60);
const doomed = setTimeout(() => { seen.doomed = true; }, 60);

const self = setTimeout(() => {
  seen.self++;
  clearTimeout(self);
}, 10);

const imm = setImmediate(() => { seen.immediate = true; });
clearImmediate(imm);
clearTimeout(undefined);
clearTimeout({});
clearInterval(12345);

function nest() {
  seen.nested++;
  if (seen.nested < 4) setTimeout(nest, 0);
}
setTimeout(nest, 0);

setTimeout((a, b, c) => { seen.args = [a, b, c]; }, 5, 1, 'two', [3]);

// A second interval, cleared by a timer due after its first tick.
let n2 = 0;
const iv2 = setInterval(() => { n2++; }, 40);
setTimeout(() => clearInterval(iv2), 100);

const iv = setInterval((label) => {
  seen.ticks.push(label + seen.ticks.length);
  if (seen.ticks.length === 3) {
    clearInterval(iv);
    // Anything still due would run within this wait.
    setTimeout(report, 150);
  }
}, 30, 'tick');

function report() {
  print('interval ran', seen.ticks.length, 'times:', seen.ticks.join(' '));
  print('timeout cleared before it fired ran:', seen.doomed);
  print('cleared immediate ran:', seen.immediate);
  print('self-clearing timeout ran', seen.self, 'time');
  print('nested timers reached depth', seen.nested);
  print('extra arguments:', JSON.stringify(seen.args));
  print('second interval ran, then stopped:', n2 >= 1);
  print('ids are numbers or objects:', ['number', 'object'].includes(typeof iv));
}
