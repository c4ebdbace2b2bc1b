// BigInt literals and every operator: arithmetic, bitwise, shifts, unary,
// update expressions, comparisons and equality, mixing errors.
function show(label, f) {
  try {
    const v = f();
    console.log(label, typeof v, String(v));
  } catch (e) {
    console.log(label, "throws", e.constructor.name, e.message);
  }
}

// Literals in every base, with separators.
console.log(0n, 123n, 0x1Fn, 0XFFn, 0o17n, 0b1010n, 1_000_000n, 0xdead_beefn);
console.log(123456789012345678901234567890n, -9007199254740993n, typeof 1n);

// Arithmetic.
console.log(10n + 5n, 10n - 15n, 6n * -7n, 7n / 2n, -7n / 2n, 7n % 3n, -7n % 3n, 7n % -3n);
console.log(2n ** 100n, (-2n) ** 3n, 0n ** 0n, (-1n) ** 1000001n);
console.log(12345678901234567890n * 98765432109876543210n);
console.log(99999999999999999999999999999n / 7n, 99999999999999999999999999999n % 7n);

// Bitwise and shifts (two's complement semantics).
console.log(12n & 10n, 12n | 10n, 12n ^ 10n, -12n & 10n, -12n | 10n, -12n ^ -10n);
console.log(1n << 100n, -1n << 3n, 1024n >> 3n, -1025n >> 3n, 5n << -1n, -5n >> 100n, 5n >> 100n);
console.log(~0n, ~-1n, ~12345678901234567890n, -(-5n), -0n);

// Update expressions and compound assignment, on variables and properties.
let x = 10n;
console.log(x++, x, ++x, x--, x, --x);
const o = { p: 1n, arr: [5n] };
o.p++; ++o.p; o.p += 10n; o.p *= 3n; o.p -= 1n; o.p /= 2n; o.p %= 7n; o.p **= 4n;
o.p <<= 2n; o.p >>= 1n; o.p |= 1n; o.p &= 0xffn; o.p ^= 3n;
o.arr[0]--; o.arr[0] -= 100n;
console.log(o.p, o.arr[0]);

// Errors.
show("1n + 1", () => 1n + 1);
show("1 * 1n", () => 1 * 1n);
show("+1n", () => +1n);
show("1n >>> 0n", () => 1n >>> 0n);
show("1n / 0n", () => 1n / 0n);
show("1n % 0n", () => 1n % 0n);
// (V8's message here is "undefined must be positive"; only the type is compared.)
try { 2n ** -1n; } catch (e) { console.log("2n ** -1n throws", e.constructor.name); }
show("2n ** 2n ** 40n", () => 2n ** (2n ** 40n));
show("1n << 2n ** 40n", () => 1n << (2n ** 40n));
show("Math.abs(1n)", () => Math.abs(1n));
show("x++ on object", () => { let v = { valueOf() { return 1n; } }; v++; return v; });
show("'a' + 1n", () => "a" + 1n);
show("1n + {}", () => 1n + {});
show("template", () => `${-12n}!`);
show("isNaN(1n)", () => isNaN(1n));

// Comparisons, exact across types.
console.log(1n < 2n, 2n < 1n, 1n <= 1n, 3n > 2.5, 2n > 2.5, -3n < -2.5, 1n < NaN, 1n > NaN);
console.log(10n ** 400n < Infinity, -(10n ** 400n) > -Infinity, 9007199254740993n > 9007199254740992);
console.log(1n < "2", "10" > 9n, 1n < "x", "x" >= 1n, 2n >= "0x2", 1n < true, 0n > false);
console.log(1n == 1, 1n == 1.5, 0n == -0, 1n == "1", 1n == "1.0", 1n == "0x1", 1n == true, 2n == true);
console.log(1n == 1n, 1n === 1n, 1n !== 2n, 1n === 1, 1n == Object(1n), Object(1n) == 1n, 1n == null);
console.log(1n == { valueOf() { return 1n; } }, 1n == NaN, 10n ** 30n == 1e30, 2n ** 70n == 2 ** 70);
console.log(Object.is(0n, -0n), [0n, 1n].includes(-0n), [1n].indexOf(1n), [NaN, 1n].lastIndexOf(1n));

// Boolean contexts.
console.log(!0n, !1n, 0n ? "t" : "f", -1n && "yes", 0n || "zero", 0n ?? "n");

// A hot loop (compiled by the baseline tier when it is on).
let sum = 0n;
for (let i = 0n; i < 2000n; i++) sum += i * i;
let fact = 1n;
for (let i = 1n; i <= 30n; i++) fact *= i;
console.log(sum, fact);
let mixed = 0;
for (let i = 0; i < 2000; i++) mixed += i < 1000 ? 1 : 2;
let big = 0n;
for (let i = 0; i < 2000; i++) big = (big << 1n) ^ BigInt(i & 7);
console.log(mixed, big % 1000000007n);
