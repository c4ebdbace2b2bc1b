// Each IC state transition: a site that sees one shape (monomorphic), up to
// four (polymorphic), then more (megamorphic, the stub cache) must return
// the right property for every receiver, including after going back to an
// earlier shape. Loads, stores and keyed loads.
function getX(o) { return o.x; }
function setX(o, v) { o.x = v; }
function getK(o, k) { return o[k]; }

var shapes = [];
for (var n = 0; n < 8; n++) {
  var o = {};
  for (var j = 0; j < n; j++) o["p" + j] = j;   // different shapes...
  o.x = n * 10;                                 // ...with x in slot n
  shapes.push(o);
}
var line = [];
for (var round = 0; round < 3; round++) {
  for (var i = 0; i < shapes.length; i++) line.push(getX(shapes[i]));
}
print("loads: " + line.join(","));

for (var i = 0; i < shapes.length; i++) setX(shapes[i], i + 100);
line = [];
for (var i = 0; i < shapes.length; i++) line.push(shapes[i].x);
print("stores: " + line.join(","));

line = [];
var keys = ["x", "p0", "p1", "x", "missing", "p2"];
for (var i = 0; i < shapes.length; i++) {
  for (var k = 0; k < keys.length; k++) line.push(String(getK(shapes[i], keys[k])));
}
print("keyed: " + line.join(","));

// Primitives and arrays at a site that has seen objects.
print(getX(5), getX("str"), getX([1, 2]), getX({ x: "obj" }));
function len(o) { return o.length; }
print(len([1, 2, 3]), len("abcd"), len({ length: 7 }), len(function (a, b) {}), len([]));

// Transition stores: objects built the same way share shapes.
function make(a, b) { var o = {}; o.a = a; o.b = b; return o; }
var built = [];
for (var i = 0; i < 5; i++) built.push(make(i, -i));
print(built.map(function (o) { return o.a + ":" + o.b; }).join(" "));
