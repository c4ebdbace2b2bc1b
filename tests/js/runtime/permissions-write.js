// Writing needs --allow-write: without it every writing function rejects
// with NotCapable (code ERR_ACCESS_DENIED) naming the flag; reading is
// allowed by default.
const fsp = require('node:fs/promises');
const self = scriptArgs[0];

async function attempt(name, f) {
  try {
    await f();
    print(name, 'succeeded');
  } catch (e) {
    print(name, '->', e.name, e.code, e.permission, e.resource, e instanceof Error);
    print('  ' + e.message);
  }
}

(async () => {
  await attempt('writeFile', () => fsp.writeFile('/tmp/strata-denied/x.txt', 'x'));
  await attempt('appendFile', () => fsp.appendFile('/tmp/strata-denied/x.txt', 'x'));
  await attempt('mkdir', () => fsp.mkdir('/tmp/strata-denied/a/../b', { recursive: true }));
  await attempt('rm', () => fsp.rm('/tmp/strata-denied', { recursive: true, force: true }));
  await attempt('rmdir', () => fsp.rmdir('/tmp/strata-denied'));
  await attempt('unlink', () => fsp.unlink('/tmp/strata-denied/x.txt'));
  await attempt('rename', () => fsp.rename('/tmp/strata-denied/x', '/tmp/strata-denied/y'));
  const text = await fsp.readFile(self, 'utf8');
  print('reading is allowed:', text.startsWith('// Writing needs'));
  print('read() too:', read(self).length === text.length);
  // The error is thrown as a rejection, not synchronously.
  const p = fsp.writeFile('/tmp/strata-denied/z', 'z');
  print('a promise:', p instanceof Promise);
  p.catch((e) => print('rejected later with', e.name));
})();
