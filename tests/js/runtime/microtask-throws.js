// A queueMicrotask callback that throws is an uncaught exception: the
// program stops with status 1 (Node does the same).
setTimeout(() => print('never: the exception ends the program'), 10);
queueMicrotask(() => print('first microtask'));
queueMicrotask(() => {
  throw new RangeError('thrown from a microtask');
});
queueMicrotask(() => print('never: the checkpoint stopped'));
