// import() from a classic script: specifiers resolve against the script.
console.log('script: start');
import('./fixtures/lazy.mjs').then((ns) => {
  console.log('script got', ns.lazy, Object.keys(ns).join());
  return import('./fixtures/exports.mjs');
}).then((ns) => console.log('and', ns.c, ns.more.m2));
console.log('script: end');
