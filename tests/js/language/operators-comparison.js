// Equality, relational operators, typeof, instanceof and in.
print(1 == "1", 1 === "1", null == undefined, null === undefined, NaN == NaN);
print(0 == -0, 0 === -0, "" == 0, "0" == false, [] == "", null == 0);
print(1 != "1", 1 !== "1", 2 < 10, "2" < "10", "a" < "b", 3 >= 3, 4 <= 3);
print(undefined < 1, null >= 0, NaN < NaN, NaN >= NaN);
print(typeof 1, typeof "s", typeof true, typeof undefined, typeof null);
print(typeof {}, typeof [], typeof function () {}, typeof Symbol(), typeof notDeclared);
function F() {}
var f = new F();
print(f instanceof F, f instanceof Object, {} instanceof F, [] instanceof Array);
print("a" in { a: 1 }, "b" in { a: 1 }, 0 in [5], 1 in [5], "length" in []);
try { "a" in 5; } catch (e) { print(e.constructor.name); }
try { ({}) instanceof 5; } catch (e) { print(e.constructor.name); }
var objs = [1, "x", null, undefined, {}];
for (var i = 0; i < objs.length; i++) {
  if (objs[i] !== null && objs[i] != undefined) print("defined", i);
}
