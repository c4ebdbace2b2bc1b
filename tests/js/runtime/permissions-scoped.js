// flags: --allow-write=/tmp/strata-allowed --deny-write=/tmp/strata-allowed/ro --deny-read=/tmp/strata-secret,/tmp/strata-allowed/hidden
// Scoped grants: paths match by whole components after normalization;
// --deny-read makes readFile reject and the shell's read() and load()
// throw synchronously.
const fsp = require('node:fs/promises');

async function attempt(name, f) {
  try {
    await f();
    print(name, 'allowed');
  } catch (e) {
    print(name, '->', e.name === 'NotCapable' ? e.message : e.code);
  }
}

(async () => {
  await attempt('write outside the grant', () => fsp.writeFile('/tmp/other.txt', 'x'));
  await attempt('write to a sibling sharing the prefix string', () => fsp.writeFile('/tmp/strata-allowed-not/x', 'x'));
  await attempt('write escaping with ..', () => fsp.writeFile('/tmp/strata-allowed/../escape.txt', 'x'));
  await attempt('write under --deny-write', () => fsp.writeFile('/tmp/strata-allowed/ro/x', 'x'));
  await attempt('write inside the grant (the directory is missing)', () => fsp.writeFile('/tmp/strata-allowed/sub/x', 'x'));
  await attempt('readFile denied', () => fsp.readFile('/tmp/strata-secret/key', 'utf8'));
  await attempt('readFile denied via ..', () => fsp.readFile('/tmp/strata-secret/../strata-secret/key', 'utf8'));
  await attempt('stat denied', () => fsp.stat('/tmp/strata-allowed/hidden'));
  await attempt('readdir denied', () => fsp.readdir('/tmp/strata-secret'));
  await attempt('readFile elsewhere (missing)', () => fsp.readFile('/tmp/strata-not-secret/key', 'utf8'));
  for (const f of [read, load]) {
    try {
      f('/tmp/strata-secret/key');
      print(f.name, 'allowed');
    } catch (e) {
      print(f.name, 'throws', e.name + ':', e.message);
    }
  }
})();
