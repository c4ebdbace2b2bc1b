function sloppyBlockFunction() {
  before;
  {
    function inBlock() { return 1; }
    inBlock();
  }
  return inBlock;
}
function strictBlockFunction() {
  "use strict";
  {
    function inBlock() { return 1; }
  }
  return typeof inBlock;
}
try {
  throw { a: 1, b: 2 };
} catch ({ a, b = a }) {
  let c = () => a + b;
}
try {} catch (e) { var e = 1; }
try {} catch { }
