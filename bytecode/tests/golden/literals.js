var o = { a, b: 1, [k]: 2, 3: 4, __proto__: p, ...s, m() {}, get g() { return 1; }, set g(v) {} };
var arr = [1, , 2, ...xs, 3, ,];
var t = `x${y}z${w}`;
