// @module
import defaultThing, { named, original as renamed } from "./dep.js";
import * as ns from "./ns.js";
export let counter = 0;
export function increment() {
  counter++;
  return defaultThing + named + renamed + ns.value;
}
const hidden = 1;
let captured = 2;
export { hidden as visible };
export default function () {
  return captured;
}
this;
