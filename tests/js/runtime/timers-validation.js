// Argument checks with Node's error codes and messages.
globalThis.print ??= console.log;

for (const bad of [undefined, null, 1, 'code', {}]) {
  try {
    setTimeout(bad, 10);
    print('no error');
  } catch (e) {
    print(e.name, e.code, e.message);
  }
}
try {
  setImmediate();
} catch (e) {
  print(e.name, e.code);
}
try {
  setInterval(() => {}, Symbol('x'));
} catch (e) {
  print('symbol delay:', e.name);
}
// Delays that are not numbers >= 1 become 1 ms; all of these fire.
const order = [];
setTimeout(() => order.push('NaN'), NaN);
setTimeout(() => order.push('-5'), -5);
setTimeout(() => order.push("'2'"), '2');
setTimeout(() => order.push('object'), { valueOf() { return 3; } });
setTimeout(() => print('fired:', order.join(' ')), 50);
