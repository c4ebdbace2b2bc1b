// `length` sites that cache an Array's length (the baseline reads the
// length field inline; the interpreter's fast handler too), mixed with
// objects, strings and arrays past int32 lengths at the same site.
function len(a) { return a.length; }

var arrays = [[], [1, 2, 3], new Array(10), [1, , 3], Array.from({ length: 5 })];
var total = 0;
for (var i = 0; i < 2000; i++) for (var a of arrays) total += len(a);
print("monomorphic", total);

// The length follows pushes, pops, and writes to `length`.
var grow = [];
var seen = [];
for (var i = 0; i < 40; i++) {
  grow.push(i);
  if (i % 3 === 0) grow.pop();
  if (i % 10 === 9) grow.length = grow.length + 2;
  seen.push(len(grow));
}
print("grows", seen.join(","));

// Lengths past int32 are doubles.
var big = [];
big.length = 4294967295;
var mid = [];
mid.length = 2147483648;
print("big", len(big), len(mid), typeof len(big));

// One site, several receivers: own data `length`, a getter, a string,
// an array subclass, a missing `length`.
class List extends Array {}
var l = new List();
l.push(1, 2);
var receivers = [[1, 2], { length: 7 }, { get length() { return 11; } }, "abcd", l, {}, function (a, b) {}];
for (var round = 0; round < 3; round++) {
  print("mixed", receivers.map(len).join(","));
}

// A site that saw arrays, then a prototype that gained a `length` of its
// own: arrays still answer from their own length.
Object.defineProperty(Array.prototype, "length2", { value: 1, configurable: true });
print("after proto change", len([1, 2, 3, 4]));
