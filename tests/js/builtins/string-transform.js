// Slicing, padding, repeating, trimming, case mapping, normalization.
function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    if (e instanceof RangeError) return "RangeError";
    if (e instanceof TypeError) return "TypeError";
    if (e instanceof SyntaxError) return "SyntaxError";
    return "other:" + e;
  }
}
function codes(s) {
  var r = [];
  for (var i = 0; i < s.length; i++) r.push(s.charCodeAt(i).toString(16));
  return r.join(" ");
}
function d(o, k) {
  var x = Object.getOwnPropertyDescriptor(o, k);
  if (x === undefined) return "undefined";
  var s = [];
  if ("value" in x) s.push("value=" + (typeof x.value === "function" ? "fn:" + x.value.name : String(x.value)));
  if ("writable" in x) s.push("w=" + x.writable);
  s.push("e=" + x.enumerable, "c=" + x.configurable);
  return s.join(" ");
}
function fn(f) {
  return f.name + "/" + f.length + " " + d(f, "length") + " | " + d(f, "name");
}
var P = String.prototype;
print(fn(P.slice), fn(P.substring), fn(P.substr), fn(P.padStart), fn(P.padEnd), fn(P.repeat));
print(fn(P.trim), fn(P.trimStart), fn(P.trimEnd), fn(P.toLowerCase), fn(P.toUpperCase), fn(P.normalize));
print(fn(P.toLocaleLowerCase), fn(P.toLocaleUpperCase), fn(P.isWellFormed), fn(P.toWellFormed), fn(P.localeCompare));
print(P.trimLeft === P.trimStart, P.trimRight === P.trimEnd, P.trimLeft.name, P.trimRight.name, d(P, "trimLeft"));

var s = "0123456789";
print(s.slice(), s.slice(3), s.slice(-3), s.slice(2, 5), s.slice(5, 2) === "", s.slice(-4, -1), s.slice(2, -2), s.slice(-99, 2), s.slice(NaN, Infinity), s.slice(3, undefined));
print(s.substring(), s.substring(3), s.substring(5, 2), s.substring(-3, 2), s.substring(2, NaN), s.substring(8, 99), s.substring(Infinity), s.substring(3, undefined));
print(s.substr(), s.substr(3), s.substr(-3), s.substr(2, 3), s.substr(-4, 2), s.substr(2, -1) === "", s.substr(99, 1) === "", s.substr(-99, 2), s.substr(3, Infinity), s.substr(3, undefined));
print(P.slice.call(123456, 1, 3), P.substring.call(true, 1), P.substr.call(12, 1), err(function () { P.slice.call(null); }));

print(JSON.stringify("abc".padStart(6)), "abc".padStart(6, "12"), "abc".padStart(8, "12"), "abc".padStart(2, "x"), "abc".padStart(6, ""), "abc".padStart(-1, "x"));
print(JSON.stringify("abc".padEnd(6)), "abc".padEnd(6, "12"), "abc".padEnd(8, "12"), "abc".padEnd(5, undefined) + "|", "abc".padEnd(5, null), "abc".padEnd(NaN, "x"), "".padEnd(3, "ab"));
print(err(function () { "a".padEnd(2 ** 31); }), err(function () { "a".padStart(Infinity, "x"); }), "a".padStart(Infinity, ""), err(function () { P.padStart.call(null, 1); }));

print(JSON.stringify("ab".repeat(0)), "ab".repeat(3), "ab".repeat(2.9), "".repeat(1e9) === "", "x".repeat("3"), JSON.stringify("ab".repeat(NaN)));
print(err(function () { "a".repeat(-1); }), err(function () { "a".repeat(Infinity); }), err(function () { "".repeat(-1); }), err(function () { "ab".repeat(2 ** 30); }), err(function () { "a".repeat(2 ** 40); }));

var ws = "\t\n\v\f\r \u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
print(JSON.stringify((ws + "a b" + ws).trim()), JSON.stringify((ws + "a" + ws).trimStart().length), JSON.stringify((ws + "a" + ws).trimEnd().length));
print(JSON.stringify("\u200b\u180ea\u0085".trim()), codes("\u200b a \u180e".trim()), JSON.stringify(ws.trim()), P.trim.call(123), err(function () { P.trim.call(undefined); }));

print("Hello World ÀÉ".toLowerCase(), "Hello World àé ÿ µ".toUpperCase(), "ß".toUpperCase(), "ŉ".toUpperCase(), "ﬃ".toUpperCase(), "İ".toLowerCase().length);
print("ΑΣ".toLowerCase(), "ΑΣ ΑΣΑ Σ".toLowerCase(), "A.Σ".toLowerCase(), "ΑΣ'".toLowerCase(), "σς".toUpperCase());
print(codes("A\ud800B\udc00c".toLowerCase()), codes("\ud801\udc00".toLowerCase()), codes("\ud801\udc28".toUpperCase()), "ǅ".toLowerCase(), "ǅ".toUpperCase());
print("ABC".toLocaleLowerCase(), "ß".toLocaleUpperCase(), P.toUpperCase.call(true), P.toLowerCase.call(1e21), err(function () { P.toLowerCase.call(null); }));

var cafe1 = "caf\u00e9", cafe2 = "cafe\u0301";
print(cafe1.length, cafe2.length, cafe1.normalize().length, cafe2.normalize().length, cafe2.normalize("NFC") === cafe1, cafe1.normalize("NFD") === cafe2);
print(codes("\ufb01".normalize("NFKC")), codes("\ufb01".normalize("NFKD")), codes("\ufb01".normalize("NFC")), codes("\u1e9b\u0323".normalize("NFKC")), codes("\u1e9b\u0323".normalize("NFD")));
print(codes("\u0041\u030a\ud800\u030a".normalize("NFC")), codes("\uac00".normalize("NFD")), codes("\u1100\u1161".normalize()), "abc".normalize(undefined));
print(err(function () { "a".normalize("nfc"); }), err(function () { "a".normalize(null); }), err(function () { "a".normalize(""); }), err(function () { P.normalize.call(null); }));

print("abc".isWellFormed(), "a\ud800".isWellFormed(), "\udc00a".isWellFormed(), "😀".isWellFormed(), "\ud83d\ude00\ude00".isWellFormed());
print(codes("a\ud800b\udc00\ud83d\ude00\ud800".toWellFormed()), "abc".toWellFormed(), P.isWellFormed.call(5), err(function () { P.toWellFormed.call(null); }));

print("a".localeCompare("b"), "b".localeCompare("a"), "a".localeCompare("a"), "".localeCompare("a"), "ab".localeCompare("a"), cafe1.localeCompare(cafe2), "a".localeCompare());
print(err(function () { P.localeCompare.call(null, "a"); }));

print(P.toString.call("x"), P.valueOf.call(new String("y")), typeof P.valueOf.call(new String("y")), fn(P.toString), fn(P.valueOf));
print(err(function () { P.toString.call(1); }), err(function () { P.valueOf.call({}); }), err(function () { P.toString.call(null); }));
