// Cycles: functions are hoisted at link time, lexical bindings are in
// their TDZ until their module runs; evaluation is post-order.
import './fixtures/order-3.mjs';
import './fixtures/order-1.mjs';
import { hoisted } from './fixtures/cycle-a.mjs';
import './fixtures/self.mjs';
import * as both from './fixtures/star-both.mjs';
console.log('main:', hoisted());
console.log('star:', Object.keys(both).join(), both.shared);
