// encodeURI / encodeURIComponent / decodeURI / decodeURIComponent: the
// exact unescaped and reserved sets, UTF-8 over code points, URIError on
// lone surrogates and malformed escapes or UTF-8.
function err(f) {
  try {
    return "ok:" + f();
  } catch (e) {
    return (e instanceof URIError) + " " + e.constructor.name;
  }
}
var fns = ["encodeURI", "encodeURIComponent", "decodeURI", "decodeURIComponent"];
for (var i = 0; i < fns.length; i++) {
  var f = globalThis[fns[i]];
  var desc = Object.getOwnPropertyDescriptor(globalThis, fns[i]);
  print(fns[i], typeof f, f.length, f.name, desc.writable, desc.enumerable, desc.configurable, "prototype" in f);
}
print(err(function () { new encodeURI("a"); }).indexOf("TypeError") > 0);

// Every ASCII character through each encoder.
var ascii = "";
for (var c = 0; c < 128; c++) ascii += String.fromCharCode(c);
print(encodeURI(ascii));
print(encodeURIComponent(ascii));

// Non-ASCII: UTF-8 octets, uppercase hex; surrogate pairs as one code point.
print(encodeURIComponent("\u00e9\u00ff\u0100\u07ff\u0800\u4e2d\uffff"));
print(encodeURIComponent("\ud83d\ude00"), encodeURI("\u{10ffff}"), encodeURI("\u{10000}"));
print(encodeURIComponent(""), encodeURI(undefined), encodeURIComponent(null), encodeURI(12.5), encodeURIComponent(true));
print(encodeURI({ toString: function () { return "a b"; } }));

// Lone surrogates.
print(err(function () { return encodeURI("\ud800"); }), err(function () { return encodeURIComponent("a\udc00"); }));
print(err(function () { return encodeURI("\ud800x"); }), err(function () { return encodeURIComponent("\udc00\ud800"); }));
print(err(function () { return encodeURI("\ud800\ud800"); }));
print(err(function () { return encodeURI(Symbol()); }).indexOf("TypeError") > 0);

// Decoding.
print(decodeURIComponent("%41%62%63"), decodeURI("%41%62%63"), decodeURIComponent("%e4%b8%ad"), decodeURI("%C3%A9"));
print(decodeURIComponent("%F0%9F%98%80") === "\ud83d\ude00", decodeURIComponent("%F4%8F%BF%BF") === "\u{10ffff}");
print(decodeURIComponent("a+b%20c"), decodeURI("no escapes"), decodeURIComponent(""), decodeURI(undefined));
// decodeURI keeps escapes of reserved characters and '#', in their
// original case; decodeURIComponent decodes them.
var reserved = ";/?:@&=+$,#";
var escaped = "";
for (var j = 0; j < reserved.length; j++) escaped += "%" + reserved.charCodeAt(j).toString(16);
print(escaped);
print(decodeURI(escaped));
print(decodeURIComponent(escaped));
print(decodeURI("%3b%2F%3A%23%25%41"), decodeURI("%2f%2F"));
// Round trips.
var sample = "http://example.com/a b?q=\u00e9&x=\u4e2d#frag\ud83d\ude00";
print(decodeURI(encodeURI(sample)) === sample, decodeURIComponent(encodeURIComponent(sample)) === sample);
print(encodeURI(sample));
print(encodeURIComponent(sample));

// Malformed input.
var bad = ["%", "%4", "%G1", "%4G", "abc%", "%%41", "%C3", "%C3%", "%C3%A", "%C3A9", "%C3%41", "%80", "%BF",
  "%C0%80", "%C1%BF", "%E0%80%80", "%ED%A0%80", "%ED%BF%BF", "%F4%90%80%80", "%F5%80%80%80", "%F8%80%80%80%80",
  "%FE", "%FF", "%E4%B8", "%E4%B8%", "%F0%9F%98", "%F0%9F%98%2"];
for (var k = 0; k < bad.length; k++) {
  print(bad[k], err(function () { return decodeURIComponent(bad[k]); }), err(function () { return decodeURI(bad[k]); }));
}
// Borderline valid forms.
print(decodeURIComponent("%7F") === "\x7f", decodeURIComponent("%C2%80") === "\x80", decodeURIComponent("%DF%BF") === "\u07ff");
print(decodeURIComponent("%E0%A0%80") === "\u0800", decodeURIComponent("%EF%BF%BF") === "\uffff", decodeURIComponent("%ED%9F%BF") === "\ud7ff");
print(decodeURIComponent("%EE%80%80") === "\ue000", decodeURIComponent("%F0%90%80%80") === "\u{10000}");
// Non-ASCII code units pass through untouched, even lone surrogates.
print(decodeURIComponent("\u00e9\ud800%41") === "\u00e9\ud800A");
