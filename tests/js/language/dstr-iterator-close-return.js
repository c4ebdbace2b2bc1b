function make(ret) {
  var log = [];
  var iterator = {
    next() { log.push('next'); return { done: false, value: undefined }; },
    return() { log.push('return'); return ret(); },
  };
  var iterable = { [Symbol.iterator]() { return iterator; } };
  return { log, iterable };
}
function run(ret, pattern) {
  var m = make(ret);
  var x;
  function* g() {
    if (pattern === 0) [ x = yield ] = m.iterable;
    else if (pattern === 1) [ x, ...{}[yield] ] = m.iterable;
    else for ([ x = yield ] of [m.iterable]) ;
    m.log.push('unreachable');
  }
  var it = g();
  it.next();
  try {
    var r = it.return(7);
    m.log.push('value ' + r.value + ' done ' + r.done);
  } catch (e) {
    m.log.push(e.constructor.name + ': ' + (e.message === 'boom' ? 'boom' : 'other'));
  }
  console.log(m.log.join(', '));
}
for (var p = 0; p < 3; p++) {
  run(() => ({}), p);
  run(() => null, p);
  run(() => { throw new Error('boom'); }, p);
}
// A throw inside the pattern is not replaced by an error from `return`.
var m = make(() => { throw new Error('from return'); });
try { [ { a: { b } } ] = m.iterable; } catch (e) { console.log(e.constructor.name, m.log.join(', ')); }
