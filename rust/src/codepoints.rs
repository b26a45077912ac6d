//! A text read by code point index (Python's offsets) without a table of its code points:
//! a `Vec<char>` and a byte offset per character cost 12 bytes a character, 400 MB for a
//! 32 MB document read twice (prose and its lower-cased view). Here the byte offset of every
//! 16th code point is kept (a quarter of a byte a character); the rest is a short walk, none
//! at all in a block of ASCII, so ASCII text pays nothing for the non-ASCII text beside it.

use crate::fxhash::FxMap;

const BLOCK: usize = 16;

/// The Python classes (crate::props) of the characters of one text, by character: a table for
/// ASCII and a map for the few others, instead of a byte per code point of the text.
pub(crate) struct Classes {
    pub(crate) ascii: [u8; 128],
    pub(crate) other: FxMap<char, u8>,
}

impl Classes {
    /// The classes of c (0 for a character the text does not hold).
    #[inline]
    pub(crate) fn of(&self, c: char) -> u8 {
        if c.is_ascii() {
            self.ascii[c as usize]
        } else {
            self.other.get(&c).copied().unwrap_or(0)
        }
    }
}

/// The code points of `text`, by index.
pub(crate) struct CodePoints<'a> {
    pub(crate) text: &'a str,
    n: usize,
    /// The byte offset of code point k * BLOCK for every block, then text.len().
    marks: Vec<u32>,
}

impl<'a> CodePoints<'a> {
    /// None for a text of 4 GiB or more (its offsets do not fit the marks).
    pub(crate) fn new(text: &'a str) -> Option<Self> {
        if u32::try_from(text.len()).is_err() {
            return None;
        }
        let bytes = text.as_bytes();
        let mut marks = Vec::with_capacity(text.len() / BLOCK + 2);
        let (mut b, mut n) = (0, 0);
        // One block a step: an ASCII block is BLOCK bytes, checked a word at a time; any other
        // is walked by the lengths of its characters.
        while b < bytes.len() {
            marks.push(b as u32);
            if b + BLOCK <= bytes.len() && bytes[b..b + BLOCK].is_ascii() {
                b += BLOCK;
                n += BLOCK;
                continue;
            }
            let mut k = 0;
            while k < BLOCK && b < bytes.len() {
                b += utf8_width(bytes[b]);
                k += 1;
            }
            n += k;
        }
        marks.push(text.len() as u32);
        Some(CodePoints { text, n, marks })
    }

    /// How many code points.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.n
    }

    /// The byte offset of code point i (text.len() for i == len()).
    #[inline]
    pub(crate) fn byte(&self, i: usize) -> usize {
        let (block, k) = (i / BLOCK, i % BLOCK);
        let b0 = self.marks[block] as usize;
        if k == 0 {
            return b0;
        }
        // The block holds min(BLOCK, n - its start) code points; as many bytes means ASCII.
        let count = BLOCK.min(self.n - block * BLOCK);
        if self.marks[block + 1] as usize - b0 == count {
            return b0 + k;
        }
        let bytes = self.text.as_bytes();
        let mut b = b0;
        for _ in 0..k {
            b += utf8_width(bytes[b]);
        }
        b
    }

    /// Code point i.
    #[inline]
    pub(crate) fn ch(&self, i: usize) -> char {
        let b = self.byte(i);
        let x = self.text.as_bytes()[b];
        if x < 128 {
            return x as char;
        }
        self.text[b..].chars().next().unwrap_or('\0')
    }

    /// The code point index of byte offset b (a character boundary, or text.len()).
    pub(crate) fn index(&self, b: usize) -> usize {
        // The last block starting at or before b, then a walk within it.
        let block = match self.marks.binary_search(&(b as u32)) {
            Ok(k) => return (k * BLOCK).min(self.n),
            Err(k) => k - 1,
        };
        let bytes = self.text.as_bytes();
        let (mut at, mut i) = (self.marks[block] as usize, block * BLOCK);
        while at < b {
            at += utf8_width(bytes[at]);
            i += 1;
        }
        i
    }

    /// text[a:z] as Python slices it (clamped; empty when a >= z).
    pub(crate) fn slice(&self, a: usize, z: usize) -> &'a str {
        let z = z.min(self.n);
        if a >= z {
            return "";
        }
        &self.text[self.byte(a)..self.byte(z)]
    }
}

/// The length of the UTF-8 sequence that starts with byte `lead`.
#[inline]
fn utf8_width(lead: u8) -> usize {
    match lead {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::CodePoints;

    #[test]
    fn agrees_with_a_table() {
        let texts = [
            "",
            "plain ASCII text that runs past one block of sixteen",
            "£5 café — naïve 🙂 e\u{301} \r\n日本語のテキスト and more ASCII after it, long enough",
            "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂",
            "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂x",
            // ASCII blocks read whole, next to blocks that are not: exactly one block, one
            // more character, a character of two bytes at each place of a block
            "sixteen letters!",
            "sixteen letters!!",
            "fifteen letters\u{e9}and then ASCII for more than one whole block",
            "\u{e9}fifteen letterssixteen letters!\u{e9}",
            "abcdefghijklmnop\u{1F642}bcdefghijklmno\u{e9}abcdefghijklmnopq",
        ];
        for text in texts {
            let cp = CodePoints::new(text).expect("small");
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            assert_eq!(cp.len(), chars.len());
            for (i, &(b, c)) in chars.iter().enumerate() {
                assert_eq!(cp.byte(i), b);
                assert_eq!(cp.ch(i), c);
                assert_eq!(cp.index(b), i);
            }
            assert_eq!(cp.byte(chars.len()), text.len());
            assert_eq!(cp.index(text.len()), chars.len());
        }
    }
}
