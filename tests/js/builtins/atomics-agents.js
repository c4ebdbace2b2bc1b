// flags: --expose-test262
// $262.agent: a second thread waits on shared memory and the main thread
// wakes it (no node counterpart: the expected output is written by hand).
const sab = new SharedArrayBuffer(16);
const i32 = new Int32Array(sab);
$262.agent.start(`
  $262.agent.receiveBroadcast(function (sab, id) {
    const i32 = new Int32Array(sab);
    Atomics.add(i32, 1, 1);
    const r = Atomics.wait(i32, 0, 0, 10000);
    $262.agent.report("woken: " + r + ", id " + id);
    Atomics.store(i32, 2, 42);
    $262.agent.report(typeof sab + " " + (sab instanceof SharedArrayBuffer) + " " + sab.byteLength);
    $262.agent.leaving();
  });
`);
$262.agent.broadcast(sab, 7);
while (Atomics.load(i32, 1) !== 1) {}
// The agent is about to wait: notify until it has (a notify before its
// wait finds nobody and returns 0).
let n;
while ((n = Atomics.notify(i32, 0)) === 0) $262.agent.sleep(1);
print("notified " + n);
function report() {
  let r;
  while ((r = $262.agent.getReport()) === null) $262.agent.sleep(1);
  return r;
}
print(report());
print(report());
print(Atomics.load(i32, 2));
print($262.agent.getReport());
print(Atomics.wait(i32, 3, 1));
print(Atomics.wait(i32, 3, 0, 5));
const t0 = $262.agent.monotonicNow();
$262.agent.sleep(20);
print($262.agent.monotonicNow() - t0 >= 19);

// BigInt ids, and growable shared memory seen by both sides.
const gsab = new SharedArrayBuffer(8, { maxByteLength: 64 });
$262.agent.start(`
  $262.agent.receiveBroadcast(function (sab, id) {
    $262.agent.report(typeof id + " " + id + " " + sab.growable + " " + sab.maxByteLength);
    sab.grow(32);
    new BigInt64Array(sab)[3] = id * 2n;
    $262.agent.report("grown");
  });
`);
$262.agent.broadcast(gsab, 21n);
print(report());
print(report());
print(gsab.byteLength + " " + new BigInt64Array(gsab)[3]);

// waitAsync on the main thread, notified on the main thread.
const w = Atomics.waitAsync(i32, 3, 0);
print(w.async);
w.value.then(v => print("waitAsync " + v));
print(Atomics.notify(i32, 3));
