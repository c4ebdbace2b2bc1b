// An exception at a module's top level ends the program like a script's.
import { m1 } from './fixtures/more.mjs';
console.log('runs until', m1);
function fail() { throw new TypeError('module top level failed'); }
fail();
console.log('not reached');
