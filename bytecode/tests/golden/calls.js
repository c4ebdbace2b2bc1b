o.m(1, 2);
f(...xs);
g(a, ...xs, b);
new C(1);
new D(...xs);
eval("x");
a?.b.c(d);
x.y?.();
tag`t${1}x`;
