// @module
let value = 1;
export default value;
export { value as live };
value = 2;
