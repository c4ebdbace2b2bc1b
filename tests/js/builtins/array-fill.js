let a = new Array(5); a.fill(1); console.log(a.join(), a.length);
let b = [1,2,3,4,5]; b.fill(0, 1, 3); console.log(b.join());
let c = new Array(3); c.fill(7, 1); console.log(c.length, 0 in c, 1 in c, c[2]);
Object.defineProperty(Array.prototype, 5, { set(v) { console.log("setter", v); }, configurable: true });
let d = new Array(7); d.fill(9); console.log(Object.keys(d).join(), d[6]);
delete Array.prototype[5];
let e = Object.freeze([1,2]); try { e.fill(3); } catch (x) { console.log(x.constructor.name); }
let f = [1,,3]; f.fill(4, 0, 2); console.log(f.join(), f.length);
