function walk(list, stop) {
  let n = 0;
  for (let p = list; p !== null; p = p.next) {
    if (p.value === null || null === stop) n++;
    if (!(p.next === null)) n += 2;
  }
  return p === null ? n : -n;
}
