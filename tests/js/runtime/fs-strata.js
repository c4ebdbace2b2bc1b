// What Strata's node:fs/promises does not do yet fails clearly, and
// require knows only the built-in modules.
const fsp = require('node:fs/promises');
print('same module object:', fsp === require('fs/promises') && fsp === require('node:fs/promises'));
print(Object.keys(fsp).join(' '));

async function attempt(name, f) {
  try {
    await f();
    print(name, 'succeeded');
  } catch (e) {
    print(name, '->', e.name, e.code, e.message);
  }
}

(async () => {
  await attempt('readFile without encoding', () => fsp.readFile(scriptArgs[0]));
  await attempt('readFile with encoding null', () => fsp.readFile(scriptArgs[0], { encoding: null }));
  await attempt('readdir recursive', () => fsp.readdir('.', { recursive: true }));
  await attempt('readFile with a NUL in the path', () => fsp.readFile('a\0b', 'utf8'));
  for (const name of ['fs', 'node:path', 42]) {
    try {
      require(name);
    } catch (e) {
      print('require', String(name), '->', e.name, e.code, e.message);
    }
  }
})();
