function outer(x) {
  let counter = 0;
  {
    let blockLocal = 1;
    let captured = 2;
    function middle() {
      let m = x;
      return function inner() {
        counter++;
        return captured + m + blockLocal;
      };
    }
  }
  return middle;
}
