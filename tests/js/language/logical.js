// &&, ||, ??, ! and the conditional operator; short-circuiting.
function side(v, name) { print("eval", name); return v; }
print(side(0, "a") && side(1, "b"));
print(side(2, "c") && side(3, "d"));
print(side(0, "e") || side(4, "f"));
print(side(5, "g") || side(6, "h"));
print(side(null, "i") ?? side(7, "j"));
print(side(0, "k") ?? side(8, "l"));
print(side(undefined, "m") ?? side(null, "n") ?? "o");
print(true ? "yes" : "no", 0 ? "yes" : "no", null ? 1 : undefined ? 2 : 3);
var n = 0;
if (n || (n = 5)) print("n", n);
if (!(n > 3 && n < 4)) print("not between");
if (n > 3 || side(false, "never")) print("short");
while (n && n-- > 2) {}
print("left", n);
print((1, 2, 3), [(print("first"), "second")][0]);
