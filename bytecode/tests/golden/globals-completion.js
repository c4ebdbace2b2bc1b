var v = 1;
let l = 2;
const c = 3;
class K {}
function f() { return l + undeclared; }
const arrow = () => this;
if (v) { "then"; } else { "else"; }
l = v;
