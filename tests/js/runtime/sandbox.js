// flags: --sandbox
// --sandbox: no host access at all, not even reading the script's own
// file; timers and promises still work.
const fsp = require('fs/promises');
const self = scriptArgs[0];

try {
  read(self);
} catch (e) {
  print('read:', e.name, e.code);
}
try {
  load(self);
} catch (e) {
  print('load:', e.name);
}
fsp.readFile(self, 'utf8').catch((e) => print('readFile:', e.name, e.permission));
fsp.stat('/').catch((e) => print('stat:', e.message));
fsp.writeFile('/tmp/strata-sandbox-x', 'x').catch((e) => print('writeFile:', e.message));
setTimeout(() => print('timers still run'), 10);
