// JSON.parse source text access: the reviver's context, JSON.rawJSON and
// JSON.isRawJSON (ES2026). Node 20 has none of them: the .out was written by
// hand from the spec.
const log = [];
const r = JSON.parse(' { "a" : -0 , "b": [1.50, "x\\u0041", true, null, 1e3], "c": {"d": 12345678901234567890}, "a": 0.10 } ',
  function (k, v, ctx) {
    log.push(JSON.stringify(k) + " " + (typeof v === "object" && v !== null ? "obj" : String(v)) + " " +
      JSON.stringify(Object.keys(ctx)) + " " + ctx.source);
    return v;
  });
for (const l of log) console.log(l);
console.log(JSON.stringify(r));

// A replaced value loses its source; a forward-modified array element too.
const seen = [];
JSON.parse("[1, 2, 3]", function (k, v, { source }) {
  if (k === "0") this[1] = 2.5;
  seen.push(k + ":" + source);
  return v;
});
console.log(seen.join(" "));
// Same value written back: SameValue keeps the source.
const same = [];
JSON.parse('{"p": "s", "q": 7}', function (k, v, { source }) {
  if (k === "p") this.q = 7;
  same.push(k + ":" + source);
  return v;
});
console.log(same.join(" "));
// Big integers keep their digits.
const big = JSON.parse('{"n": 12345678901234567890}', (k, v, { source }) => typeof v === "number" ? BigInt(source) : v);
console.log(typeof big.n, String(big.n));

const raw = JSON.rawJSON("12345678901234567890");
console.log(JSON.isRawJSON(raw), Object.getPrototypeOf(raw), Object.isFrozen(raw), JSON.stringify(Object.keys(raw)), raw.rawJSON);
console.log(JSON.stringify({ n: raw, s: JSON.rawJSON('"a\\u0062"'), t: [JSON.rawJSON("true"), JSON.rawJSON("null")] }));
console.log(JSON.stringify(raw), JSON.stringify([1n].map(b => JSON.rawJSON(b.toString()))));
console.log(JSON.stringify({ x: 1 }, (k, v) => typeof v === "number" ? JSON.rawJSON(String(v * 1e20)) : v));
console.log([JSON.isRawJSON({}), JSON.isRawJSON({ rawJSON: "1" }), JSON.isRawJSON(1), JSON.isRawJSON(), JSON.isRawJSON(Object.freeze(Object.create(null)))].join());
for (const bad of ["", " 1", "1 ", "\t1", "{}", "[]", "[1]", "{\"a\":1}", "1 2", "undefined", "'x'", "01"]) {
  try { JSON.rawJSON(bad); console.log("accepted", JSON.stringify(bad)); } catch (e) { console.log(e.constructor.name, JSON.stringify(bad)); }
}
console.log(JSON.rawJSON(1).rawJSON, JSON.rawJSON(null).rawJSON, JSON.rawJSON(false).rawJSON, JSON.rawJSON({ toString() { return '"s"'; } }).rawJSON);
try { JSON.rawJSON(Symbol()); } catch (e) { console.log(e.constructor.name); }
console.log(JSON.rawJSON.length, JSON.rawJSON.name, JSON.isRawJSON.length, JSON.isRawJSON.name);
