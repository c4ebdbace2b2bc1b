function* gen(a) { yield a; }
async function af(b, c = 1) { await b; }
var arrow = async () => 1;
