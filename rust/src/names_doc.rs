//! The Names kinds' per-document pass: one scan of a document's prose (names_scan) that keeps
//! its capitalised tokens with their whole-word positions and its odd-case words with theirs,
//! and the look-ups the kinds make on them against tables handed over once (NamesTables), so
//! that per document Python gets only the few out-of-vocabulary words and their positions.
//! Each method names the Python code it stands for (factlint/native.py lists the pairs);
//! character classes come from the running Python (lib.rs `props`), and Python's own lower()
//! and capitalize() are asked for any word that is not ASCII.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use std::collections::HashMap;

use super::names::{capital, odd_class, title_case, FxBuild, PlaceCues, WordSet};
use super::{is_letter, is_word};

/// The distinct words of a text, in the order of their first occurrence, and their
/// occurrences grouped by word. A word is a byte range of the text (no copy of it is made).
#[derive(Default)]
struct Words {
    first: Vec<(usize, usize, usize)>, // (byte start, byte end, characters) of its first occurrence
    hash: Vec<u64>,                    // of its text, to find it by its text
    count: Vec<usize>,                 // matches of the word
    occ: Vec<(usize, usize)>,          // (code point start, byte start), grouped by word
    at: Vec<usize>,                    // the word w's occurrences are occ[at[w]..at[w + 1]]
}

/// `\w` of an ASCII character.
#[inline]
fn ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `\w` of a character: ASCII by hand, the others as the running Python classes them.
#[inline]
fn word_char(py: Python<'_>, c: char) -> PyResult<bool> {
    if c.is_ascii() {
        Ok(ascii_word(c as u8))
    } else {
        is_word(py, c)
    }
}

/// The character at byte i of `text` and its length: ASCII without decoding.
#[inline(always)]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 128 {
        return (b as char, 1);
    }
    let c = text[i..].chars().next().unwrap_or('\0');
    (c, c.len_utf8())
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that lies in lo..=hi, for 0 < lo <= hi < 128 (hasbetween of
/// "Bit Twiddling Hacks", exact for every byte: a byte with its high bit set is never in).
#[inline]
fn bytes_between(x: u64, lo: u8, hi: u8) -> u64 {
    let low = x & !HIGH;
    (ONES * (127 + hi as u64 + 1) - low) & !x & (low + ONES * (127 - (lo as u64 - 1))) & HIGH
}

/// How many leading bytes of `b` are ASCII in lo..=hi (letters of one case): eight at a time.
#[inline]
fn ascii_run(b: &[u8], lo: u8, hi: u8) -> usize {
    let mut k = 0;
    while k + 8 <= b.len() {
        let x = u64::from_le_bytes(b[k..k + 8].try_into().unwrap_or([0x80; 8]));
        let m = bytes_between(x, lo, hi);
        if m != HIGH {
            return k + ((!m & HIGH).trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    while k < b.len() && (lo..=hi).contains(&b[k]) {
        k += 1;
    }
    k
}

/// How many leading bytes of `b`, in whole blocks of eight, are ASCII and no capital A-Z.
#[inline]
fn plain_ascii(b: &[u8]) -> usize {
    let mut k = 0;
    while k + 8 <= b.len() {
        let x = u64::from_le_bytes(b[k..k + 8].try_into().unwrap_or([0x80; 8]));
        if x & HIGH != 0 || bytes_between(x, b'A', b'Z') != 0 {
            break;
        }
        k += 8;
    }
    k
}

fn hash_of(text: &str) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut h = FxBuild::default().build_hasher();
    text.hash(&mut h);
    h.finish()
}

/// Words as a scan finds them.
#[derive(Default)]
struct Collect<'t> {
    words: Words,
    index: HashMap<&'t str, u32, FxBuild>,
    found: Vec<(u32, usize, usize)>, // (word, code point start, byte start) in the text's order
}

impl<'t> Collect<'t> {
    fn with_capacity(n: usize) -> Self {
        let mut out = Collect::default();
        // Distinct words grow far slower than a text: a long document's guess would be a
        // table of hundreds of thousands of empty slots.
        out.index.reserve(n.min(1 << 12));
        out.found.reserve(n);
        out
    }

    /// One match of `text` at byte `b`, code point `cp`; `whole` if it counts as an occurrence.
    fn add(&mut self, text: &'t str, b: usize, cp: usize, chars: usize, whole: bool) {
        let words = &mut self.words;
        let w = *self.index.entry(text).or_insert_with(|| {
            words.first.push((b, b + text.len(), chars));
            words.hash.push(hash_of(text));
            words.count.push(0);
            (words.first.len() - 1) as u32
        });
        words.count[w as usize] += 1;
        if whole {
            self.found.push((w, cp, b));
        }
    }

    /// The occurrences grouped by word (a counting sort: each word's stay in the text's order).
    fn finish(self) -> Words {
        let mut words = self.words;
        let n = words.first.len();
        let mut at = vec![0usize; n + 1];
        for o in &self.found {
            at[o.0 as usize + 1] += 1;
        }
        for w in 0..n {
            at[w + 1] += at[w];
        }
        let mut next = at.clone();
        words.occ = vec![(0, 0); self.found.len()];
        for (w, cp, b) in self.found {
            words.occ[next[w as usize]] = (cp, b);
            next[w as usize] += 1;
        }
        words.at = at;
        words
    }
}

impl Words {
    fn len(&self) -> usize {
        self.first.len()
    }
    fn text<'t>(&self, prose: &'t str, w: usize) -> &'t str {
        &prose[self.first[w].0..self.first[w].1]
    }
    fn find(&self, prose: &str, word: &str) -> Option<usize> {
        let h = hash_of(word);
        (0..self.len()).find(|&w| self.hash[w] == h && self.text(prose, w) == word)
    }
    fn occurrences(&self, w: usize) -> &[(usize, usize)] {
        &self.occ[self.at[w]..self.at[w + 1]]
    }
    /// The word's occurrences as (start, end) in code points.
    fn spans(&self, w: usize) -> Vec<(usize, usize)> {
        let chars = self.first[w].2;
        self.occurrences(w)
            .iter()
            .map(|&(cp, _)| (cp, cp + chars))
            .collect()
    }
}

/// What names_scan found in one document's prose.
#[pyclass(frozen)]
struct NamesScan {
    // The distinct tokens' texts, one after another: `tokens.first` spans point into it, not
    // into the prose, so that no copy of a long document's text lives as long as the scan.
    words: String,
    tokens: Words,
    title: Vec<bool>, // the token is title case (py_capitalised_tokens keeps only those)
}

/// f(Python's str.lower() of a word): ASCII on the stack, Python's tables otherwise.
fn with_lower<R>(py: Python<'_>, word: &str, f: impl FnOnce(&str) -> R) -> PyResult<R> {
    if word.is_ascii() {
        let mut buf = [0u8; 48];
        if word.len() <= buf.len() {
            buf[..word.len()].copy_from_slice(word.as_bytes());
            buf[..word.len()].make_ascii_lowercase();
            return Ok(f(
                std::str::from_utf8(&buf[..word.len()]).unwrap_or_default()
            ));
        }
        return Ok(f(&word.to_ascii_lowercase()));
    }
    let low: String = PyString::new(py, word).call_method0("lower")?.extract()?;
    Ok(f(&low))
}

/// Python's str.capitalize() of a word.
fn capitalize(py: Python<'_>, word: &str) -> PyResult<String> {
    if word.is_ascii() {
        let mut out = word.to_ascii_lowercase();
        if let Some(first) = out.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        return Ok(out);
    }
    PyString::new(py, word)
        .call_method0("capitalize")?
        .extract()
}

/// names.base: the capitalised tokens (`_CAPITALISED` matches: a capital with no word
/// character or apostrophe before it, then letters) with their counts and the positions where
/// no digit or "_" follows (`occurrences`), in one pass over the characters; the scan keeps
/// the distinct tokens' texts, not the prose (a str lent as such would keep a UTF-8 copy of a
/// long document alive with it: names.base lends its bytes). near_miss's odd-case words
/// (odd_case_pass) wait for NameSpelling to ask.
#[pyfunction]
fn names_scan(py: Python<'_>, prose: &Bound<'_, PyAny>) -> PyResult<NamesScan> {
    let text = crate::utf8(prose)?;
    let bytes = text.as_bytes();
    let n = bytes.len();
    let at = |i: usize| char_at(text, i);
    let word_char = |c: char| word_char(py, c);
    let letter = |c: char| -> PyResult<bool> {
        if c.is_ascii() {
            Ok(c.is_ascii_alphabetic())
        } else {
            is_letter(py, c)
        }
    };
    let mut tokens = Collect::with_capacity(n / 64);
    let (mut i, mut cp, mut blocked) = (0usize, 0usize, false); // blocked: a word character or apostrophe before
    while i < n {
        // Eight bytes at a time over ASCII without a capital: only the last one's class matters.
        let skip = plain_ascii(&bytes[i..]);
        if skip > 0 {
            let last = bytes[i + skip - 1];
            blocked = last == b'\'' || ascii_word(last);
            i += skip;
            cp += skip;
            continue;
        }
        let b = bytes[i];
        if b < 128 && !(b.is_ascii_uppercase() && !blocked) {
            blocked = b == b'\'' || ascii_word(b); // the common case, without decoding
            i += 1;
            cp += 1;
            continue;
        }
        let (c, len) = at(i);
        if !(capital(c) && !blocked) {
            blocked = c == '’' || word_char(c)?;
            i += len;
            cp += 1;
            continue;
        }
        let (start, start_cp) = (i, cp);
        i += len;
        cp += 1;
        while i < n {
            let b = bytes[i];
            if b < 128 {
                if !b.is_ascii_alphabetic() {
                    break;
                }
                i += 1;
            } else {
                let (d, l) = at(i);
                if !letter(d)? {
                    break;
                }
                i += l;
            }
            cp += 1;
        }
        blocked = true; // the token's last letter
        if cp > start_cp + 1 {
            let whole = i >= n || !word_char(at(i).0)?;
            tokens.add(&text[start..i], start, start_cp, cp - start_cp, whole);
        }
    }
    let mut tokens = tokens.finish();
    let mut title = Vec::with_capacity(tokens.len());
    let mut words = String::new();
    for w in 0..tokens.len() {
        let token = tokens.text(text, w);
        title.push(title_case(py, token)?);
        let (start, end, chars) = tokens.first[w];
        tokens.first[w] = (words.len(), words.len() + end - start, chars);
        words.push_str(token);
    }
    Ok(NamesScan {
        words,
        tokens,
        title,
    })
}

/// The matches of near_miss._ODD_CASE (runs of six letters or more of one case, not inside a
/// word, an address, a path or a compound) that are not in the English word list: the pass
/// looks each one up as it finds it, and keeps only the few others.
fn odd_case_pass(py: Python<'_>, text: &str, tables: &NamesTables) -> PyResult<Words> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let at = |i: usize| char_at(text, i);
    let word_char = |c: char| word_char(py, c);
    let mut odd = Collect::with_capacity(n / 1024);
    let (mut i, mut cp, mut prev) = (0usize, 0usize, None::<char>);
    while i < n {
        let b = bytes[i];
        if b < 128 && !b.is_ascii_alphabetic() {
            prev = Some(b as char); // the common case, without decoding
            i += 1;
            cp += 1;
            continue;
        }
        let (c, len) = at(i);
        let class = odd_class(c);
        if class == 0 {
            prev = Some(c);
            i += len;
            cp += 1;
            continue;
        }
        // Inside a run no match can start (a letter is before it): the scan goes on at its end.
        let (before, start, start_cp) = (prev, i, cp);
        i += len;
        cp += 1;
        let mut last = c;
        let (lo, hi) = if class == 1 {
            (b'a', b'z')
        } else {
            (b'A', b'Z')
        };
        while i < n {
            if bytes[i] < 128 {
                let r = ascii_run(&bytes[i..], lo, hi);
                if r == 0 {
                    break;
                }
                i += r;
                cp += r;
                last = bytes[i - 1] as char;
                continue;
            }
            let (d, l) = at(i);
            if odd_class(d) != class {
                break;
            }
            i += l;
            cp += 1;
            last = d;
        }
        prev = Some(last);
        if cp - start_cp < 6 {
            continue;
        }
        if let Some(p) = before {
            if matches!(p, '\'' | '’' | '@' | '/' | '.' | '#' | '\\' | '-') || word_char(p)? {
                continue;
            }
        }
        if i < n {
            let (a, l) = at(i);
            let dot_word = a == '.' && i + l < n && word_char(at(i + l).0)?;
            if matches!(a, '\'' | '’' | '@' | '/' | '\\' | '-') || word_char(a)? || dot_word {
                continue;
            }
        }
        let word = &text[start..i];
        if tables.flags(word) & ENGLISH == 0 {
            odd.add(word, start, start_cp, cp - start_cp, true);
        }
    }
    Ok(odd.finish())
}

/// The word of `\w` characters that ends at byte `end` of `s`, if it has at most `longest`
/// characters (city._word_ending: a longer one is cut by its window), with its byte start.
fn word_ending<'s>(
    py: Python<'_>,
    s: &'s str,
    end: usize,
    longest: usize,
) -> PyResult<Option<(&'s str, usize)>> {
    let mut start = end;
    let mut k = 0;
    for c in s[..end].chars().rev() {
        if !is_word(py, c)? {
            break;
        }
        k += 1;
        if k > longest {
            return Ok(None);
        }
        start -= c.len_utf8();
    }
    Ok(if k == 0 {
        None
    } else {
        Some((&s[start..end], start))
    })
}

/// The word of `\w` characters that starts at byte `at` of `s` (city._WORD.match).
fn word_at<'s>(py: Python<'_>, s: &'s str, at: usize) -> PyResult<&'s str> {
    let mut end = at;
    for c in s[at..].chars() {
        if !is_word(py, c)? {
            break;
        }
        end += c.len_utf8();
    }
    Ok(&s[at..end])
}

/// city._place_cue at the occurrence of a name at bytes [start, end) of `s`.
fn place_cue(
    py: Python<'_>,
    cues: &PlaceCues,
    s: &str,
    start: usize,
    end: usize,
) -> PyResult<bool> {
    let b = s.as_bytes();
    let longest = cues.longest + 1; // city._word_ending's window
    let mut i = start;
    while i > 0 && matches!(b[i - 1], b' ' | b'\t') {
        i -= 1;
    }
    if i < start {
        if let Some((word, j)) = word_ending(py, s, i, longest)? {
            if cues.before.contains(word) {
                return Ok(true);
            }
            if word == "of" && j >= 1 && b[j - 1] == b' ' {
                if let Some((noun, _)) = word_ending(py, s, j - 1, longest)? {
                    if cues.nouns.contains(noun) {
                        return Ok(true);
                    }
                }
            }
        }
    }
    let mut i = end;
    while i < b.len() && matches!(b[i], b' ' | b'\t') {
        i += 1;
    }
    if i == end {
        return Ok(false);
    }
    Ok(cues.nouns.contains(word_at(py, s, i)?))
}

#[pymethods]
impl NamesScan {
    /// names.base.py_capitalised_tokens: {token: count} of the title-case tokens, in the order
    /// of their first occurrence.
    fn tokens<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for w in 0..self.tokens.len() {
            if self.title[w] {
                out.set_item(self.tokens.text(&self.words, w), self.tokens.count[w])?;
            }
        }
        Ok(out)
    }

    /// names.base._occurrences(prose, token) of a token that _CAPITALISED matches whole.
    fn spans(&self, token: &str) -> Vec<(usize, usize)> {
        self.tokens
            .find(&self.words, token)
            .map_or_else(Vec::new, |w| self.tokens.spans(w))
    }

    /// NamesKind._unknown_tokens: the title-case tokens of at least `min_length` letters that
    /// `known` does not know (in the order of their first occurrence; Python's is a set's).
    /// Title-case tokens differ in their lower-case forms too, so each is its own key.
    fn unknown(
        &self,
        py: Python<'_>,
        tables: &NamesTables,
        min_length: usize,
    ) -> PyResult<Vec<String>> {
        let mut out = Vec::new();
        let mut seen: HashMap<String, usize, FxBuild> = HashMap::default();
        for w in 0..self.tokens.len() {
            if !self.title[w] || self.tokens.first[w].2 < min_length {
                continue;
            }
            let token = self.tokens.text(&self.words, w);
            if !token.is_ascii() {
                // A dict by lower-cased form keeps the last token of a form: kept as Python does.
                let low: String = PyString::new(py, token).call_method0("lower")?.extract()?;
                if let Some(&k) = seen.get(&low) {
                    out[k] = if tables.known_lowered(token, &low) {
                        String::new()
                    } else {
                        token.to_owned()
                    };
                    continue;
                }
                seen.insert(low.clone(), out.len());
                out.push(if tables.known_lowered(token, &low) {
                    String::new()
                } else {
                    token.to_owned()
                });
                continue;
            }
            if !with_lower(py, token, |low| tables.known_lowered(token, low))? {
                out.push(token.to_owned());
            }
        }
        out.retain(|t| !t.is_empty());
        Ok(out)
    }

    /// NameSpelling._odd_case: {word: [(start, end)]} of the odd-case words that no table
    /// knows, in the order of their first occurrence. `prose`: the scanned text again (str or
    /// its UTF-8 bytes, as names_scan had it).
    fn odd<'py>(
        &self,
        py: Python<'py>,
        tables: &NamesTables,
        prose: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let prose = crate::utf8(prose)?;
        let odd = odd_case_pass(py, prose, tables)?;
        let out = PyDict::new(py);
        for w in 0..odd.len() {
            let text = odd.text(prose, w);
            let skip = with_lower(py, text, |low| {
                let flags = tables.flags(low);
                flags & (PLACE | ACCEPT) != 0 || (low != text && flags & ENGLISH != 0)
            })?;
            if skip {
                continue;
            }
            let cap = capitalize(py, text)?;
            if with_lower(py, &cap, |low| tables.known_lowered(&cap, low))? {
                continue;
            }
            out.set_item(text, odd.spans(w))?;
        }
        Ok(out)
    }

    /// The `tokens` that city._place_cue finds used as a place at one of their occurrences
    /// ("in Kolomouz", "the mayor of Kolomouz", "Kolomouz region"), in the order given.
    /// `prose`: the scanned text again, as for `odd`.
    fn cued(
        &self,
        py: Python<'_>,
        tokens: Vec<String>,
        cues: PyRef<'_, PlaceCues>,
        prose: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<String>> {
        let prose = crate::utf8(prose)?;
        let mut out = Vec::new();
        for token in tokens {
            let Some(w) = self.tokens.find(&self.words, &token) else {
                continue;
            };
            for &(_, b) in self.tokens.occurrences(w) {
                if place_cue(py, &cues, prose, b, b + token.len())? {
                    out.push(token);
                    break;
                }
            }
        }
        Ok(out)
    }
}

const ENGLISH: u8 = 1; // in the English word list (lower case)
const PLACE: u8 = 2; // a lower-cased word of the gazetteer's accepted forms
const ACCEPT: u8 = 4; // accepted by a vocabulary (lower case)
const EXCEPTION: u8 = 8; // a rule's exception (lower case)
const EXACT: u8 = 16; // a deferred or flagged form (exact case)

/// Words with their flags, in one open-addressed table whose slots hold a short word itself
/// (one cache miss a look-up, where a map of boxed strings costs three); longer words in a map.
struct Flags {
    slots: Vec<[u8; SLOT]>, // [length (0: empty), flags, the word's bytes...]
    mask: usize,
    long: HashMap<Box<str>, u8, FxBuild>,
}

const SLOT: usize = 32;

impl Flags {
    fn new(count: usize) -> Self {
        let size = (count * 2).next_power_of_two().max(16);
        Flags {
            slots: vec![[0u8; SLOT]; size],
            mask: size - 1,
            long: HashMap::default(),
        }
    }

    /// The slot that holds `word`, or the empty one where it would go.
    fn slot(&self, word: &[u8]) -> usize {
        let mut i = hash_of_bytes(word) as usize & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot[0] == 0 || (slot[0] as usize == word.len() && &slot[2..2 + word.len()] == word)
            {
                return i;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn add(&mut self, word: &str, flag: u8) {
        let b = word.as_bytes();
        if b.is_empty() || b.len() > SLOT - 2 {
            *self.long.entry(word.into()).or_default() |= flag;
            return;
        }
        let i = self.slot(b);
        let slot = &mut self.slots[i];
        slot[0] = b.len() as u8;
        slot[1] |= flag;
        slot[2..2 + b.len()].copy_from_slice(b);
    }

    fn get(&self, word: &str) -> u8 {
        let b = word.as_bytes();
        if b.is_empty() || b.len() > SLOT - 2 {
            return self.long.get(word).copied().unwrap_or(0);
        }
        self.slots[self.slot(b)][1]
    }
}

fn hash_of_bytes(b: &[u8]) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = FxBuild::default().build_hasher();
    h.write(b);
    // Fx's last multiply leaves the low bits weak: fold the high ones in.
    let x = h.finish();
    x ^ (x >> 29)
}

/// What NamesKind.known looks a token up in, as one table of words and the tables that hold them.
#[pyclass(frozen)]
struct NamesTables {
    words: Flags,
}

impl NamesTables {
    fn flags(&self, word: &str) -> u8 {
        self.words.get(word)
    }

    /// NamesKind.known(token), its lower-cased form given.
    fn known_lowered(&self, token: &str, low: &str) -> bool {
        let flags = self.flags(low);
        if flags & (ENGLISH | PLACE | ACCEPT | EXCEPTION) != 0 {
            return true;
        }
        // The English list leaves plurals out: less an -s, or an -es.
        if let Some(stem) = low.strip_suffix('s') {
            if self.flags(stem) & ENGLISH != 0 {
                return true;
            }
            if let Some(stem) = low.strip_suffix("es") {
                if self.flags(stem) & ENGLISH != 0 {
                    return true;
                }
            }
        }
        (if token == low {
            flags
        } else {
            self.flags(token)
        }) & EXACT
            != 0
    }
}

#[pymethods]
impl NamesTables {
    /// english: the word list's WordSet; places, accept, exceptions: lower-case words; exact:
    /// the deferred and flagged forms.
    #[new]
    fn new(
        english: PyRef<'_, WordSet>,
        places: Vec<String>,
        accept: Vec<String>,
        exceptions: Vec<String>,
        exact: Vec<String>,
    ) -> Self {
        let count =
            english.words().count() + places.len() + accept.len() + exceptions.len() + exact.len();
        let mut words = Flags::new(count);
        for word in english.words() {
            words.add(word, ENGLISH);
        }
        for (list, flag) in [
            (places, PLACE),
            (accept, ACCEPT),
            (exceptions, EXCEPTION),
            (exact, EXACT),
        ] {
            for word in &list {
                words.add(word, flag);
            }
        }
        NamesTables { words }
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(names_scan, m)?)?;
    m.add_class::<NamesScan>()?;
    m.add_class::<NamesTables>()?;
    Ok(())
}
