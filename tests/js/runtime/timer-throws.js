// An exception thrown by a timer callback is uncaught: status 1.
setTimeout(() => print('first timer'), 5);
setTimeout(function boom() {
  throw new Error('thrown from a timer');
}, 20);
setTimeout(() => print('never'), 200);
