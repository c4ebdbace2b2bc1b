function Counter() {
  this.count = 0;
  const tick = () => {
    this.count++;
    return () => arguments.length + new.target;
  };
  return tick;
}
function plain() {
  return this === arguments[0];
}
const top = () => this;
var obj = {
  method() {
    return () => super.toString();
  },
};
class Base {}
class Derived extends Base {
  constructor() {
    const init = () => super();
    init();
    this.ready = true;
  }
}
