// Two objects of one shape with different own getters: a load site that
// saw the first must call the second's getter for the second.
function make(v) { return { get x() { return v; } }; }
function read(o) { return o.x; }
const a = make('first'), b = make('second');
const out = [];
for (let i = 0; i < 3; i++) out.push(read(a), read(b));
console.log(out.join());
const c = { get x() { return 'c1'; } }, d = { get x() { return 'd1'; } };
const seen = [];
for (const o of [c, d, c, d]) seen.push(o.x);
console.log(seen.join());
