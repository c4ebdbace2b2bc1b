function simple(a, b) { return a + b; }
function defaults(a, b = a, { c } = {}, ...rest) { return rest; }
function args(a) { return arguments[0] + a; }
function strictArgs(a) { "use strict"; return arguments.length; }
var named = function self(n) { return n ? self(n - 1) : 0; };
