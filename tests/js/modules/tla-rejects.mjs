// An async dependency's rejection ends the program.
import './fixtures/tla-throws.mjs';
console.log('not reached');
