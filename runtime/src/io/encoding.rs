//! Node's string encodings for file contents: bytes to UTF-16 code units
//! (`readFile(path, 'utf8')`) and strings to bytes (`writeFile`). Until
//! the engine has `Uint8Array`/`Buffer`, text in one of these encodings is
//! the only way file contents reach a script.

/// A Node encoding name, as `Buffer.isEncoding` knows them.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Encoding {
    /// `utf8`, `utf-8`.
    Utf8,
    /// `utf16le`, `utf-16le`, `ucs2`, `ucs-2`.
    Utf16Le,
    /// `latin1`, `binary`.
    Latin1,
    /// `ascii` (decoding drops the high bit, as Node does).
    Ascii,
    /// `hex`.
    Hex,
    /// `base64`.
    Base64,
    /// `base64url`.
    Base64Url,
}

impl Encoding {
    /// The encoding named `name` (case-insensitive), if Node knows it.
    pub fn parse(name: &str) -> Option<Encoding> {
        Some(match name.to_ascii_lowercase().as_str() {
            "utf8" | "utf-8" => Encoding::Utf8,
            "utf16le" | "utf-16le" | "ucs2" | "ucs-2" => Encoding::Utf16Le,
            "latin1" | "binary" => Encoding::Latin1,
            "ascii" => Encoding::Ascii,
            "hex" => Encoding::Hex,
            "base64" => Encoding::Base64,
            "base64url" => Encoding::Base64Url,
            _ => return None,
        })
    }

    /// `bytes` decoded to UTF-16 code units (invalid UTF-8 becomes U+FFFD,
    /// as in Node).
    pub fn decode(self, bytes: &[u8]) -> Vec<u16> {
        match self {
            Encoding::Utf8 => String::from_utf8_lossy(bytes).encode_utf16().collect(),
            Encoding::Utf16Le => bytes.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect(),
            Encoding::Latin1 => bytes.iter().map(|&b| b as u16).collect(),
            Encoding::Ascii => bytes.iter().map(|&b| (b & 0x7f) as u16).collect(),
            Encoding::Hex => {
                const DIGITS: &[u8; 16] = b"0123456789abcdef";
                bytes.iter().flat_map(|&b| [DIGITS[(b >> 4) as usize] as u16, DIGITS[(b & 15) as usize] as u16]).collect()
            }
            Encoding::Base64 => base64_encode(bytes, BASE64, true),
            Encoding::Base64Url => base64_encode(bytes, BASE64URL, false),
        }
    }

    /// `units` (a string) encoded to bytes. Lone surrogates become U+FFFD
    /// in UTF-8, as Node writes them; latin1 and ascii keep the low byte;
    /// hex stops at the first pair that is not hex, base64 skips
    /// characters outside its alphabet (both as Node's `Buffer.from`).
    pub fn encode(self, units: &[u16]) -> Vec<u8> {
        match self {
            Encoding::Utf8 => String::from_utf16_lossy(units).into_bytes(),
            Encoding::Utf16Le => units.iter().flat_map(|u| u.to_le_bytes()).collect(),
            Encoding::Latin1 | Encoding::Ascii => units.iter().map(|&u| u as u8).collect(),
            Encoding::Hex => {
                let digit = |u: u16| char::from_u32(u as u32).and_then(|c| c.to_digit(16));
                let mut out = Vec::with_capacity(units.len() / 2);
                for pair in units.chunks_exact(2) {
                    match (digit(pair[0]), digit(pair[1])) {
                        (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
                        _ => break,
                    }
                }
                out
            }
            Encoding::Base64 | Encoding::Base64Url => base64_decode(units),
        }
    }
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64_encode(bytes: &[u8], alphabet: &[u8; 64], pad: bool) -> Vec<u16> {
    let mut out = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        let chars = chunk.len() + 1;
        for i in 0..4 {
            if i < chars {
                out.push(alphabet[(n >> (18 - 6 * i) & 63) as usize] as u16);
            } else if pad {
                out.push(b'=' as u16);
            }
        }
    }
    out
}

/// Decodes base64 or base64url (both alphabets accepted, as Node does);
/// stops at `=`, skips other characters.
fn base64_decode(units: &[u16]) -> Vec<u8> {
    let value = |u: u16| -> Option<u32> {
        Some(match u {
            0x41..=0x5a => u as u32 - 0x41,
            0x61..=0x7a => u as u32 - 0x61 + 26,
            0x30..=0x39 => u as u32 - 0x30 + 52,
            0x2b | 0x2d => 62,
            0x2f | 0x5f => 63,
            _ => return None,
        })
    };
    let mut out = Vec::with_capacity(units.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &u in units {
        if u == b'=' as u16 {
            break;
        }
        let Some(v) = value(u) else { continue };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(units: &[u16]) -> String {
        String::from_utf16_lossy(units)
    }

    #[test]
    fn round_trips() {
        let text: Vec<u16> = "héllo, wörld ✓".encode_utf16().collect();
        for e in [Encoding::Utf8, Encoding::Utf16Le] {
            assert_eq!(e.decode(&e.encode(&text)), text, "{e:?}");
        }
        let bytes: Vec<u8> = (0..=255).collect();
        for e in [Encoding::Latin1, Encoding::Hex, Encoding::Base64, Encoding::Base64Url] {
            assert_eq!(e.encode(&e.decode(&bytes)), bytes, "{e:?}");
        }
    }

    #[test]
    fn matches_node() {
        assert_eq!(s(&Encoding::Base64.decode(b"hello")), "aGVsbG8=");
        assert_eq!(s(&Encoding::Base64Url.decode(&[0xfb, 0xff])), "-_8");
        assert_eq!(s(&Encoding::Hex.decode(b"\x01\xab")), "01ab");
        assert_eq!(s(&Encoding::Ascii.decode(b"\xe9a")), "ia");
        assert_eq!(s(&Encoding::Utf8.decode(b"a\xffb")), "a\u{fffd}b");
        assert_eq!(Encoding::parse("UTF-8"), Some(Encoding::Utf8));
        assert_eq!(Encoding::parse("utf7"), None);
    }
}
