// import(), import.meta and JSON modules.
import data from './fixtures/data.json' with { type: 'json' };
import * as fsp from 'node:fs/promises';
import { readFile } from 'node:fs/promises';

console.log(data.name, data.tiers.join('/'), data.nested.ok);
console.log(typeof fsp.readFile, readFile === fsp.readFile, typeof fsp.default.writeFile);

const meta = import.meta;
console.log(meta.url.startsWith('file:///'), meta.url.endsWith('/tests/js/modules/dynamic.mjs'));
console.log(meta.filename.endsWith('/tests/js/modules/dynamic.mjs'), meta.dirname.endsWith('/tests/js/modules'));
console.log(meta.resolve('./fixtures/lazy.mjs').endsWith('/tests/js/modules/fixtures/lazy.mjs'));
console.log(Object.getPrototypeOf(meta));

console.log('before import()');
const p = import('./fixtures/lazy.mjs');
console.log('import() returned', p instanceof Promise);
const ns1 = await p;
const ns2 = await import('./fixtures/lazy.mjs');
console.log(ns1.lazy, ns1.default(), ns1 === ns2);

const json = await import('./fixtures/data.json', { with: { type: 'json' } });
console.log(json.default === data);

for (const [what, spec, options] of [
  ['missing file', './fixtures/nope.mjs'],
  ['syntax error', './fixtures/broken.mjs'],
  ['missing export', './fixtures/bad-import.mjs'],
  ['json without type', './fixtures/data.json'],
  ['bad options', './fixtures/lazy.mjs', 42],
]) {
  try {
    await import(spec, options);
    console.log(what, 'loaded?!');
  } catch (e) {
    console.log(what, '->', e.constructor.name);
  }
}
