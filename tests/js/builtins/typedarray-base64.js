// Uint8Array to and from base64 and hex.
"use strict";
function err(f) {
  try { f(); return "no error"; } catch (e) { return e.constructor.name; }
}
var bytes = new Uint8Array([72, 101, 108, 108, 111, 251, 255]);
console.log(bytes.toBase64(), bytes.toBase64({ alphabet: "base64url" }), bytes.toBase64({ omitPadding: true }), bytes.toHex());
console.log(Array.from(Uint8Array.fromBase64("SGVsbG/7/w==")).join(), Array.from(Uint8Array.fromBase64(" SGVs bG8 ")).join());
console.log(Array.from(Uint8Array.fromBase64("SGVsbG_7_w", { alphabet: "base64url" })).join(), Array.from(Uint8Array.fromHex("48656cFF")).join());
console.log(err(() => Uint8Array.fromBase64("SGVsbG8=", { lastChunkHandling: "strict" })), err(() => Uint8Array.fromBase64("SGV")), err(() => Uint8Array.fromBase64("S")));
console.log(Array.from(Uint8Array.fromBase64("SGVsbA", { lastChunkHandling: "stop-before-partial" })).join());
console.log(err(() => Uint8Array.fromHex("abc")), err(() => Uint8Array.fromHex("zz")), err(() => Uint8Array.fromBase64(5)), err(() => bytes.toBase64({ alphabet: "x" })));
var target = new Uint8Array(4);
console.log(JSON.stringify(target.setFromBase64("SGVsbG8=")), Array.from(target).join());
console.log(JSON.stringify(target.setFromHex("0102")), Array.from(target).join());
console.log(err(() => target.setFromHex("01zz")), Array.from(target).join(), err(() => Int8Array.prototype.toHex));
