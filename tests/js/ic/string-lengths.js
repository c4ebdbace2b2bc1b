// `length` and String.prototype methods on every representation of a
// string, through sites that cached them: flat one-byte and two-byte
// strings, ropes of each (concatenations of 13 or more code units), a
// rope after it was flattened in place (reading a character flattens
// it), and the empty string. Compiled code reads the length from the
// string's representation directly.
function len(s) { return s.length; }
function second(s) { return s.charAt(1); }
function code(s) { return s.charCodeAt(0); }

const one = 'abc';
const two = 'h\u00e9llo \u20ac\u{1F600}';
const longOne = 'the quick brown fox';
const longTwo = 'caf\u00e9 \u2014 na\u00efve \u20ac';
const strings = () => [
  '',
  one,
  two,
  longOne + longOne,
  longOne + longTwo,
  longTwo + longTwo,
  (longOne + longOne) + (longTwo + one),
];

for (let round = 0; round < 3; round++) {
  const line = [];
  for (const s of strings()) line.push(len(s) + ':' + second(s) + ':' + code(s));
  print(line.join(' '));
}

// A rope read before and after it is flattened in place.
const rope = longOne + longTwo;
print(len(rope), rope.indexOf('\u2014'), len(rope), second(rope));

// A site that also sees objects, Arrays and String wrappers.
const mixed = [one, { length: 7 }, [1, 2, 3], new String('wrapped'), longOne + longTwo];
for (let round = 0; round < 3; round++) print(mixed.map(len).join(','));

// Strings built in a loop: each iteration's rope is longer.
let acc = '';
const lengths = [];
for (let i = 0; i < 40; i++) {
  acc += i % 2 ? 'x' : '\u00e9';
  if (i % 8 === 7) lengths.push(len(acc) + '/' + second(acc));
}
print(lengths.join(' '));

// The length of a 2^20-unit string and of a rope of two of them.
const big = 'ab'.repeat(1 << 19);
print(len(big), len(big + big), second(big + big));
