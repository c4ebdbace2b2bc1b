// I/O completions among microtasks and timers, in Node's order: a
// completion runs in the poll phase, so an immediate it queues runs before
// a zero timeout it queues. Delays are far apart so the order does not
// depend on the machine's speed. Run under `node` to check the output.
globalThis.print ??= console.log;
const fsp = require('node:fs/promises');
const self = typeof __filename === 'string' ? __filename : scriptArgs[0];

print('script start');
setTimeout(() => print('timeout 800: after everything else'), 800);
fsp.readFile(self, 'utf8').then((text) => {
  print('readFile completed; saw its own text:', text.includes('readFile completed'));
  setTimeout(() => {
    print('timeout 0 queued by the completion');
    // Another operation, started from a timer.
    fsp.stat(self).then((s) => {
      print('stat completed:', s.isFile(), s.isDirectory(), s.size === text.length);
      setTimeout(() => print('timeout 100 after stat'), 100);
    });
  }, 0);
  setImmediate(() => print('immediate queued by the completion: before the timeout'));
  Promise.resolve().then(() => print('microtask queued by the completion'));
});
Promise.resolve().then(() => print('microtask of the script: before any completion'));
print('script end');
