// === in compiled code: int32s, the same word, identity, atoms, and the
// cases only the generic path answers (doubles, NaN, -0, strings built at
// run time that equal an atom, BigInts).
function eq(a, b) { return a === b; }
function neq(a, b) { return a !== b; }
const o = {}, p = [];
const built = ["ab", "c"].join("");           // not an atom
const values = [0, -0, 1, 1.5, NaN, Infinity, "abc", built, "ab" + "c", "x", "", "0",
  true, false, null, undefined, o, p, Symbol.iterator, 10n, 10n ** 2n, 100n];
let out = [];
for (let r = 0; r < 3; r++) {
  for (let i = 0; i < values.length; i++) {
    let row = "";
    for (let j = 0; j < values.length; j++) {
      row += eq(values[i], values[j]) ? "1" : "0";
      if (eq(values[i], values[j]) === neq(values[i], values[j])) row += "!";
    }
    if (r === 2) out.push(row);
  }
}
console.log(out.join("\n"));
// A parser-style loop over single characters (atoms).
function count(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === "{" || c === "}" || c === "\"") n++;
  }
  return n;
}
let t = 0;
for (let i = 0; i < 200; i++) t += count('{"a": {"b": "c"}}');
console.log(t);
