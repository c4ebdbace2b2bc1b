// Weak collections under collection (Strata-specific: the shell's gc()).
// The native stack is scanned conservatively, so a dead object may
// survive one collection through a stale word: every "collected" check
// asks for most of a hundred objects, never for one. "Kept" checks are
// exact. Phases run in separate macrotasks, because [[KeptAlive]] (what
// WeakRef creation and deref keep) is cleared only at the end of a job's
// microtask checkpoint.
var N = 100;
var refs = [];
var finalized = [];
var registry = new FinalizationRegistry(function (held) { finalized.push(held); });
var wm = new WeakMap();
var ws = new WeakSet();
var liveKeys = [];
var liveRefs = [];
var valueRefs = [];
var chainRefs = [];

(function setup() {
  for (var i = 0; i < N; i++) {
    var dead = { i: i };
    refs.push(new WeakRef(dead));
    registry.register(dead, "dead" + i);
    ws.add(dead);
    // The value is reachable only through its (dead) key: the ephemeron
    // rule lets both go.
    var value = { v: i };
    wm.set(dead, value);
    valueRefs.push(new WeakRef(value));
    registry.register(value, "value" + i);
    // A live key keeps its value, and what the value refers to, alive
    // through a chain of WeakMap entries.
    var key = { k: i };
    liveKeys.push(key);
    var inner = { inner: i };
    var second = {};
    wm.set(key, { link: second, payload: inner });
    wm.set(second, inner);
    chainRefs.push(new WeakRef(inner));
    liveRefs.push(new WeakRef(key));
  }
  // Unregistered cells never call back.
  var unreg = {};
  var tok = {};
  registry.register(unreg, "unregistered", tok);
  registry.unregister(tok);
})();

// A chain of keys reachable only through the table's own values: each
// value is the next entry's key.
var next = new WeakMap();
var chainHead = {};
(function () {
  var cur = chainHead;
  for (var i = 0; i < 1000; i++) {
    var n = { n: i };
    next.set(cur, n);
    cur = n;
  }
})();

print("same job:", refs.every(function (r) { return r.deref() !== undefined; }));

setTimeout(function () {
  gc();
  var cleared = refs.filter(function (r) { return r.deref() === undefined; }).length;
  var valuesCleared = valueRefs.filter(function (r) { return r.deref() === undefined; }).length;
  print("dead targets cleared:", cleared >= N * 0.9);
  print("values of dead keys cleared:", valuesCleared >= N * 0.9);
  print("live keys kept:", liveRefs.every(function (r, i) { return r.deref() === liveKeys[i]; }));
  var length = 0;
  for (var c = chainHead; next.has(c); c = next.get(c)) length++;
  print("chain through values kept:", length, c.n);
  print("values of live keys kept:", chainRefs.every(function (r, i) {
    var inner = r.deref();
    return inner !== undefined && inner.inner === i && wm.get(wm.get(liveKeys[i]).link) === inner;
  }));
  setTimeout(function () {
    var deadHeld = finalized.filter(function (h) { return h.indexOf("dead") === 0; }).length;
    var valueHeld = finalized.filter(function (h) { return h.indexOf("value") === 0; }).length;
    print("callbacks for dead targets:", deadHeld >= N * 0.9, "for values:", valueHeld >= N * 0.9);
    print("no callback for unregistered:", finalized.indexOf("unregistered") < 0);
    print("each at most once:", new Set(finalized).size === finalized.length);
    // Survivors still answer correctly after more collections.
    gc();
    gc();
    print("live keys still mapped:", liveKeys.every(function (k, i) { return wm.get(k).payload.inner === i && !ws.has(k); }));
  }, 0);
}, 0);
