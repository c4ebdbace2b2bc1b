// @strict
var o = {};
delete o.p;
function f() { return this; }
undeclared = 1;
