function outer(x) {
  let counter = 0;
  {
    let captured = x;
    var inc = function () { return ++counter + captured; };
  }
  early;
  let early = 1;
  return inc;
}
