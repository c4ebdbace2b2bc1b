var globalVar = 1;
let scriptLet = 2;
const scriptConst = 3;
class ScriptClass {}
function globalFunction() {
  return globalVar + scriptLet + scriptConst + undeclared;
}
scriptLet = globalVar;
{
  let blockLet = 4;
  globalFunction(blockLet);
}
