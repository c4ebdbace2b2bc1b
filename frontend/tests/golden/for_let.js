const fns = [];
for (let i = 0; i < 3; i++) {
  let j = i * 2;
  fns.push(() => i + j);
}
for (let k = 0; k < 3; k++) {
  fns.push(k);
}
for (const key in { a: 1 }) {
  fns.push(() => key);
}
for (let item of [1, 2]) {
  fns.push(item);
}
var v;
for (v of fns) {}
