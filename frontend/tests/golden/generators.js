async function* stream(source) {
  for await (const chunk of source) {
    yield chunk;
  }
}
const asyncArrow = async (x) => await x;
label: for (var i = 0; i < 2; i++) {
  continue label;
}
switch (i) {
  case 1: {
    let scoped = i;
    break;
  }
  default:
    function inSwitch() {}
}
var { x, y: [z = x] = [], ...rest } = {};
