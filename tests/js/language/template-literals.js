// Template literals and tagged templates: cooked/raw strings, caching,
// ToString of substitutions.
var name = "world", n = 3;
print(`hello ${name}!`, `${n}${n}`, `${n + 1} items`, `plain`, ``);
print(`line1
line2`);
print(`a\tb`, `\u0041`, `${"$"}{x}`, `\``);
var obj = { toString() { return "obj"; }, valueOf() { return 42; } };
print(`${obj}`, "" + obj);
try { `${Symbol()}`; } catch (e) { print(e.constructor.name); }
function tag(strings, ...values) {
  return strings.raw.join("|") + " / " + strings.join("|") + " / " + values.join(",") + " / " + Object.isFrozen(strings);
}
print(tag`a${1}b${2}c`);
print(tag`\n${"x"}\u0041`);
function cache(s) { return s; }
function site() { return cache`same`; }
print(site() === site(), cache`same` === cache`same`);
function invalid(s) { return s[0] === undefined && s.raw[0] === "\\unicode"; }
print(invalid`\unicode`);
var o = { tag(s, v) { return this.id + s[0] + v; }, id: "me:" };
print(o.tag`x${1}`);
print(`${`nested ${`deep ${n}`}`}`);
print(String.raw`a\nb${1}`);
