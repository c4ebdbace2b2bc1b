// Microtasks, timers and immediates in Node's order. The expected output
// is node's (v20): run this file under `node` to check it. Delays whose
// order depends on timing are hundreds of milliseconds apart.
globalThis.print ??= console.log;

print('script start');
setTimeout(() => print('timeout 700'), 700);
setTimeout(() => {
  print('timeout 0 (a)');
  Promise.resolve().then(() => print('  microtask after timeout 0 (a)'));
  queueMicrotask(() => print('  queueMicrotask after timeout 0 (a)'));
}, 0);
setTimeout(() => print('timeout 0 (b): same due time, creation order'), 0);
setTimeout(() => {
  print('timeout 300');
  setTimeout(() => print('nested timeout 0 inside timeout 300'), 0);
  setImmediate(() => print('immediate queued by timeout 300'));
  Promise.resolve().then(() => print('  microtask after timeout 300'));
}, 300);
setTimeout(() => print('timeout 1 after 0s: delay 0 is 1'), 1);
Promise.resolve().then(() => {
  print('microtask 1');
  Promise.resolve().then(() => print('microtask 1 -> 2'));
});
queueMicrotask(() => print('queueMicrotask 1'));
(async () => {
  print('async body runs synchronously');
  await null;
  print('after await');
})();
print('script end');
