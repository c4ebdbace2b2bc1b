// flags: --max-heap-size=32
// no-gc-stress
// no-emulator: on AArch64 a stale copy of `keep` stays visible to the conservative scan and the second half runs out of heap (open bug)
// Exhausting the heap throws a catchable RangeError instead of aborting;
// once the garbage is unreachable, allocation works again. (The filling
// happens in a function so no register of a live frame still holds it.)
function exhaust() {
  const keep = [];
  try {
    for (let i = 0; i < 1e8; i++) keep.push({ i: i, s: "x" + i });
  } catch (e) {
    // Truncating drops the filling even if a stale copy of `keep` stays
    // visible to the conservative native-stack scan.
    const n = keep.length;
    keep.length = 0;
    return e instanceof RangeError && n > 1000;
  }
  return false;
}
const caught = exhaust();
gc();
const after = [];
for (let i = 0; i < 1000; i++) after.push({ i });
print(caught, after.length);
