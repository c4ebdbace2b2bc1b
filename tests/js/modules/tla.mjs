// Top-level await: async dependencies finish before their importers run;
// siblings start in order; a rejection rejects the importers.
import { syncDep } from './fixtures/sync-dep.mjs';
import { fast } from './fixtures/tla-fast.mjs';
console.log('main:', syncDep, fast);
Promise.resolve().then(() => console.log('microtask queued by main'));
const results = [];
for (let i = 0; i < 3000; i++) results.push(await i);
console.log('awaited in a loop:', results.length, results[2999]);
try {
  await import('./fixtures/tla-throws.mjs');
} catch (e) {
  console.log('import() of a failing async module rejects:', e.message);
}
// The same failure is reported again on a second import.
await import('./fixtures/tla-throws.mjs').catch((e) => console.log('again:', e.message));
console.log('main: done');
