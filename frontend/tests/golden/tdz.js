function f() {
  early;
  let early = 1;
  early;
  let self = () => self;
  const fromInit = fromInit;
  class C extends (C) {}
  switch (1) {
    case 0:
      let inSwitch = 1;
      break;
    default:
      inSwitch;
  }
  for (let x of x) {}
  function hoisted() { return early; }
  return hoisted;
}
function params(a = b, b = a, c) {
  return [a, b, c];
}
