// A rejection handled within the same task is fine; one still unhandled
// after the microtask checkpoint ends the program with status 1 and
// `Uncaught (in promise)` and the stack, as Node and d8 report it.
const handledLater = Promise.reject(new Error('handled in the same task'));
Promise.resolve().then(() => handledLater.catch((e) => print('caught:', e.message)));

setTimeout(() => {
  print('timer runs');
  (async function failing() {
    await null;
    throw new TypeError('nobody catches this');
  })();
}, 10);
setTimeout(() => print('never: the rejection ends the loop first'), 100);
