// String and number literals: escapes, unicode, lone surrogates, numeric
// forms, -0.
print("tab\there", 'single \'quoted\'', "\x41\u0042\u{43}", "line\
continued");
print("\ud83d\ude00".length, "\ud800".length, "\ud800".charCodeAt(0), "😀".length, "😀".codePointAt(0));
print("\0".charCodeAt(0), "a\u2028b".length, "é".length, "\u00e9" === "é");
print(0x1F, 0o17, 0b101, 1_000_000, 1e3, 2.5e-3, .5, 5., 0.1 * 3);
print(1 / -0, Object.is(-0, 0), -0 === 0, 1 / (0 * -1), String(-0));
print(9007199254740993, 1.7976931348623157e308 * 10, 5e-324 / 2);
print(0xFFFFFFFF, -0x80000000, 2147483648, -2147483649, 4294967296 | 0);
print("a" + "b" + 1 + 2, 1 + 2 + "a", `${1}${2}`);
var s = "\u{1F600}";
print(s.length, s.codePointAt(0).toString(16));
print(07 === 7, 010, 08);
print("\a\q", "\5".charCodeAt(0));
