// error.stack points at the expression that threw: the top frame's
// line:column for errors raised by different operations. Expected output
// is V8's except for unresolvable names, which Strata reports at the name
// (V8: at the enclosing operator).
function where(f) {
  try { f(); } catch (e) {
    var line = String(e.stack).split("\n")[1] || "";
    var parts = line.split(")").join("").split(":");
    print(e.constructor.name, parts[parts.length - 2] + ":" + parts[parts.length - 1]);
  }
}
var obj = { inner: null };
where(() => obj.inner.deep);
where(() => obj.missing());
where(() => obj["inner"].x);
where(() => notDefinedAnywhere + 1);
where(() => new obj.inner());
where(() => { throw new Error("explicit"); });
where(() => {
  let value = 1;
  value.call();
});
where(() => undefined.x.y);
where(function named() { return obj.inner.prop; });
where(() => [1, 2].map(x => x.y.z));
where(() => { class A { constructor() { this.x.y = 1; } } new A(); });
where(() => { const c = 1; c = 2; });
where(() => { let t = tdz; let tdz = 1; });
where(() => { null[Symbol.iterator]; });
where(() => { for (const x of 5) {} });
where(() => { var [a] = 5; });
