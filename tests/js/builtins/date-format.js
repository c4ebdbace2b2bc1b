// Date.prototype's string forms: toISOString (extended years, RangeError),
// toUTCString / toGMTString, toJSON, [Symbol.toPrimitive], and the shape
// of toString / toDateString / toTimeString, whose local parts are only
// compared with the local getters (the zone is the host's).
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    return e.constructor.name + ": " + e.message;
  }
}
var P = Date.prototype;
var forms = ["toString", "toDateString", "toTimeString", "toISOString", "toUTCString", "toGMTString", "toJSON",
  "toLocaleString", "toLocaleDateString", "toLocaleTimeString"];
print(forms.map(function (n) { return n + "/" + P[n].length + "/" + P[n].name; }).join(" "));
print(P.toGMTString === P.toUTCString, forms.every(function (n) {
  var x = Object.getOwnPropertyDescriptor(P, n);
  return x.writable && !x.enumerable && x.configurable;
}));
print(forms.filter(function (n) { return n !== "toJSON"; }).map(function (n) { return err(function () { P[n].call({}); }); }).join("\n"));
print(err(function () { P.toString.call(1); }), "|", err(function () { P.toISOString.call("x"); }), "|", err(function () { P.toUTCString.call(Object.create(P)); }));

var times = [0, -1, 1, 951782400000, -62198755200000, -62167219200000, -62135596800000, 253402300799999, 253402300800000,
  8.64e15, -8.64e15, -1e14, 1e14, -2208988800000, 1795527956789];
times.forEach(function (t) {
  var d = new Date(t);
  print(t, d.toISOString(), d.toUTCString(), JSON.stringify(d));
});

// Invalid dates.
var bad = new Date(NaN);
print(String(bad), bad.toString(), bad.toDateString(), bad.toTimeString(), bad.toUTCString(), bad.toLocaleString(), bad.toLocaleDateString(), bad.toLocaleTimeString());
print(err(function () { bad.toISOString(); }), bad.toJSON(), JSON.stringify(bad), JSON.stringify({ when: bad, at: new Date(5) }));

// toJSON: generic, ToPrimitive(number) first, then Invoke(toISOString).
print(P.toJSON.call({ toISOString: function () { return "iso!"; } }), P.toJSON.call({ valueOf: function () { return Infinity; }, toISOString: function () { return "x"; } }));
print(P.toJSON.call({ valueOf: function () { return "str"; }, toISOString: function () { return 42; } }), err(function () { P.toJSON.call({ toISOString: 1 }); }));
print(err(function () { P.toJSON.call(null); }), err(function () { P.toJSON.call(undefined); }));
var order = [];
P.toJSON.call({
  valueOf: function () { order.push("valueOf"); return 1; },
  toString: function () { order.push("toString"); return "s"; },
  toISOString: function () { order.push("toISOString"); return "i"; },
});
print(order.join());
Number.prototype.toISOString = function () { return "number " + this; };
print(P.toJSON.call(5));
delete Number.prototype.toISOString;

// [Symbol.toPrimitive]: hints, OrdinaryToPrimitive, attributes.
var tp = P[Symbol.toPrimitive];
var tpd = Object.getOwnPropertyDescriptor(P, Symbol.toPrimitive);
print(typeof tp, tp.length, tp.name, tpd.writable, tpd.enumerable, tpd.configurable);
var d0 = new Date(0);
print(tp.call(d0, "number"), typeof tp.call(d0, "default"), tp.call(d0, "string") === d0.toString(), tp.call(d0, "default") === d0.toString());
print(err(function () { tp.call(d0, "Number"); }), "|", err(function () { tp.call(d0); }), "|", err(function () { tp.call(d0, 1); }));
print(err(function () { tp.call(1, "number"); }), "|", err(function () { tp.call(undefined, "string"); }));
print(tp.call({ valueOf: function () { return 1; }, toString: function () { return "s"; } }, "default"), tp.call({ valueOf: function () { return 1; }, toString: function () { return "s"; } }, "number"));
print(tp.call({ valueOf: function () { return 1; }, toString: function () { return {}; } }, "string"), err(function () { tp.call({ valueOf: null, toString: null }, "number"); }));
print(d0 + 1 === d0.toString() + "1", d0 - 1, +new Date(7), new Date(3) * 2, `${new Date(0)}` === d0.toString(), new Date(5) < new Date(6), new Date(5) == 5, new Date(5) == d0.toString());
print([new Date(0)].join() === d0.toString(), String(d0) === d0.toString(), Object.keys(new Date(0)).length);

// toString = toDateString + " " + toTimeString; both agree with the getters.
// (The toLocale*String forms are toString's without Intl, node's with it.)
var days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function pad(n, w) { var s = String(Math.abs(n)); while (s.length < w) s = "0" + s; return (n < 0 ? "-" : "") + s; }
var ok = true;
[new Date(2026, 10, 24, 1, 2, 3), new Date(1, 0, 1, 12), new Date(-1, 5, 6, 7, 8, 9), new Date(12345, 11, 31, 23, 59, 59), new Date(1969, 11, 31, 12)].forEach(function (x) {
  var ds = days[x.getDay()] + " " + months[x.getMonth()] + " " + pad(x.getDate(), 2) + " " + pad(x.getFullYear(), 4);
  var ts = pad(x.getHours(), 2) + ":" + pad(x.getMinutes(), 2) + ":" + pad(x.getSeconds(), 2) + " GMT";
  var sign = x.toTimeString().charAt(ts.length);
  ok = ok && x.toDateString() === ds && x.toTimeString().slice(0, ts.length) === ts && (sign === "+" || sign === "-") &&
    x.toTimeString().charAt(ts.length + 5) === " " && x.toTimeString().charAt(ts.length + 6) === "(" &&
    x.toString() === x.toDateString() + " " + x.toTimeString() && x.toString().slice(-1) === ")" &&
    typeof x.toLocaleString() === "string" && typeof x.toLocaleDateString() === "string" && typeof x.toLocaleTimeString() === "string";
  print(x.toDateString(), x.toTimeString().slice(0, 8));
});
print(ok);
var modern = new Date(2026, 10, 24, 12);
var off = -modern.getTimezoneOffset();
var zs = (off >= 0 ? "+" : "-") + pad(Math.floor(Math.abs(off) / 60), 2) + pad(Math.abs(off) % 60, 2);
print(modern.toTimeString().slice(12, 17) === zs, modern.toString().slice(28, 33) === zs);
