// no-gc-stress
// structuredClone walks the graph with a work stack, not native recursion:
// graphs nested deeper than any native stack would allow clone fully.
var deep = {};
var cur = deep;
for (var i = 0; i < 100000; i++) { cur.n = {}; cur = cur.n; }
var deepc = structuredClone(deep);
var depth = 0;
for (cur = deepc; cur.n; cur = cur.n) depth++;
console.log(depth);
var deepArr = [];
var ca = deepArr;
for (var j = 0; j < 50000; j++) { var next = []; ca.push(next); ca = next; }
var dac = structuredClone(deepArr);
depth = 0;
for (ca = dac; ca.length; ca = ca[0]) depth++;
console.log(depth);
