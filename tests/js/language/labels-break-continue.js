// Labelled statements, break/continue with and without labels.
var out = [];
outer: for (var i = 0; i < 3; i++) {
  inner: for (var j = 0; j < 3; j++) {
    if (j === 1) continue outer;
    if (i === 2) break outer;
    out.push(i + "" + j);
  }
}
print(out.join());
block: {
  print("in block");
  if (true) break block;
  print("never");
}
a: b: for (var k = 0; k < 2; k++) { if (k === 0) continue a; print("k", k); continue b; }
var n = 0;
loop: while (true) { do { n++; if (n > 5) break loop; continue loop; } while (true); }
print("n", n);
sw: switch (1) { case 1: for (;;) { break sw; } }
print("after switch");
lbl: { try { break lbl; } finally { print("finally runs"); } }
x: if (true) { break x; }
print("done");
