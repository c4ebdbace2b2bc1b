// A missing export is a SyntaxError before any module runs.
console.log('never printed: linking fails first');
import { nothere } from './fixtures/more.mjs';
