// isNaN / isFinite (ToNumber first), and Annex B escape / unescape.
function err(f) {
  try {
    return "ok:" + f();
  } catch (e) {
    return (e instanceof TypeError) + " " + e.constructor.name;
  }
}
var fns = ["isNaN", "isFinite", "escape", "unescape"];
for (var i = 0; i < fns.length; i++) {
  var f = globalThis[fns[i]];
  var desc = Object.getOwnPropertyDescriptor(globalThis, fns[i]);
  print(fns[i], typeof f, f.length, f.name, desc.writable, desc.enumerable, desc.configurable, "prototype" in f);
}
print(err(function () { return new isNaN(1); }));

// isNaN / isFinite.
print(isNaN(NaN), isNaN(1), isNaN("abc"), isNaN("12"), isNaN(""), isNaN(" "), isNaN(undefined), isNaN(null));
print(isNaN(), isNaN({}), isNaN([]), isNaN([1, 2]), isNaN(true), isNaN("0x1g"), isNaN("0x1f"), isNaN(Infinity));
print(isFinite(1), isFinite(Infinity), isFinite(-Infinity), isFinite(NaN), isFinite("1e3"), isFinite("1e999"));
print(isFinite(), isFinite(null), isFinite(""), isFinite("Infinity"), isFinite(true), isFinite(2 ** 1023 * 2));
var calls = 0;
print(isNaN({ valueOf: function () { calls++; return 5; } }), isFinite({ valueOf: function () { calls++; return NaN; } }), calls);
print(err(function () { return isNaN(Symbol()); }), err(function () { return isFinite(Symbol()); }));

// escape: A-Z a-z 0-9 @*_+-./ stay; other units < 256 become %XX, the rest %uXXXX.
var ascii = "";
for (var c = 0; c < 128; c++) ascii += String.fromCharCode(c);
print(escape(ascii));
print(escape("\u00e9\u00ff\u0100\u4e2d\uffff\ud83d\ude00"), escape(""), escape(undefined), escape(12), escape(null));
print(escape("\ud800"), escape({ toString: function () { return "a b"; } }));
print(err(function () { return escape(Symbol()); }));

// unescape: %XX and %uXXXX (any hex case); malformed escapes are kept.
print(unescape("%41%42%43"), unescape("%u4E2D%u4e2d"), unescape("%E9") === "\u00e9", unescape("%uD83D%uDE00") === "\ud83d\ude00");
print(unescape("%"), unescape("%4"), unescape("%G1"), unescape("%u12"), unescape("%u123"), unescape("%u12345"));
print(unescape("%u12G4"), unescape("%uZZZZ41"), unescape("%%41"), unescape("100%"), unescape("%U0041"));
print(unescape("%u0041%u00"), unescape("a%2"), unescape(""), unescape(undefined), unescape(12));
print(unescape(escape(ascii)) === ascii, unescape(escape("\u4e2d\ud800x")) === "\u4e2d\ud800x");
print(unescape("%C3%A9") === "\u00c3\u00a9", unescape("%u00"), unescape("%ug000"));
