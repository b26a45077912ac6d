//! factlint's native core: the scanning primitives under the rule kinds, each the exact
//! counterpart of a pure-Python function (factlint/native.py lists the pairs). Offsets are code
//! points, as in Python. Character classes (alphanumeric, upper case, digit, space) are asked of
//! the running Python once per distinct character and cached, so both cores agree on every
//! character whatever Unicode version Rust's standard library was built with.

mod attr_candidates;
mod attr_claims;
mod attr_doc;
mod attr_figures;
mod attr_sources;
mod attr_status;
mod attribution;
mod boilerplate;
mod codepoints;
mod fxhash;

use aho_corasick::automaton::Automaton as _;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Input, MatchKind};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, OnceLock};

mod names;
mod names_doc;

const ALNUM: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const SPACE: u8 = 8;
const ALPHA: u8 = 16;
const DECIMAL: u8 = 32;

/// Set beside a character's bits in the BMP table once Python has been asked about it.
const KNOWN: u8 = 128;

static ASCII: OnceLock<[u8; 128]> = OnceLock::new();
/// The bits of every character of the Basic Multilingual Plane asked so far (0: not yet): read
/// without a lock on every character of every scan, so a relaxed atomic byte each (two threads
/// asking about one character store the same answer).
static BMP: [AtomicU8; 0x10000] = [const { AtomicU8::new(0) }; 0x10000];
/// Characters beyond the BMP (emoji, mathematical letters): rare enough for a locked map.
static ASTRAL: OnceLock<Mutex<HashMap<char, u8>>> = OnceLock::new();

fn ask(py: Python<'_>, c: char) -> PyResult<u8> {
    let mut buf = [0u8; 4];
    let s = PyString::new(py, c.encode_utf8(&mut buf));
    let mut bits = 0;
    for (method, bit) in [
        ("isalnum", ALNUM),
        ("isupper", UPPER),
        ("isdigit", DIGIT),
        ("isspace", SPACE),
        ("isalpha", ALPHA),
        ("isdecimal", DECIMAL),
    ] {
        if s.call_method0(method)?.extract::<bool>()? {
            bits |= bit;
        }
    }
    Ok(bits)
}

/// The Python string predicates of one character, as bits.
#[inline]
fn props(py: Python<'_>, c: char) -> PyResult<u8> {
    let code = c as usize;
    if code < 0x10000 {
        let known = BMP[code].load(Ordering::Relaxed);
        if known != 0 {
            return Ok(known & !KNOWN);
        }
        let bits = ask(py, c)?;
        BMP[code].store(bits | KNOWN, Ordering::Relaxed);
        return Ok(bits);
    }
    astral(py, c)
}

#[cold]
fn astral(py: Python<'_>, c: char) -> PyResult<u8> {
    let cache = ASTRAL.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(bits) = cache.lock().unwrap().get(&c) {
        return Ok(*bits);
    }
    let bits = ask(py, c)?;
    cache.lock().unwrap().insert(c, bits);
    Ok(bits)
}

/// The bits of the 128 ASCII characters, for loops that look at bytes.
fn ascii_table(py: Python<'_>) -> PyResult<&'static [u8; 128]> {
    if let Some(table) = ASCII.get() {
        return Ok(table);
    }
    let mut table = [0u8; 128];
    for (i, slot) in table.iter_mut().enumerate() {
        *slot = props(py, char::from(i as u8))?;
    }
    Ok(ASCII.get_or_init(|| table))
}

fn is_word(py: Python<'_>, c: char) -> PyResult<bool> {
    Ok(c == '_' || props(py, c)? & ALNUM != 0)
}

/// The character that starts at byte `i` of `text`, and its length in bytes.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 128 {
        return (char::from(b), 1);
    }
    let c = text[i..].chars().next().expect("a character starts here");
    (c, c.len_utf8())
}

/// The view a byte at a time: an ASCII byte through a table, a character beyond ASCII (rare in
/// news text) through props.
fn view_into(py: Python<'_>, text: &str, out: &mut String) -> PyResult<()> {
    let ascii = ascii_table(py)?;
    let mut map = [b' '; 128];
    for (b, slot) in map.iter_mut().enumerate() {
        if b == usize::from(b'_') || ascii[b] & ALNUM != 0 {
            *slot = b as u8;
        }
    }
    let bytes = text.as_bytes();
    let mut buf = std::mem::take(out).into_bytes();
    buf.reserve(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 128 {
            buf.push(map[usize::from(b)]);
            i += 1;
            continue;
        }
        let (c, len) = char_at(text, i);
        if is_word(py, c)? {
            buf.extend_from_slice(&bytes[i..i + len]);
        } else {
            buf.push(b' ');
        }
        i += len;
    }
    *out = String::from_utf8(buf).expect("whole characters or spaces");
    Ok(())
}

/// terms.word_view: the text with every character but a word character as a space.
#[pyfunction]
fn word_view(py: Python<'_>, text: &str) -> PyResult<String> {
    let mut out = String::with_capacity(text.len());
    view_into(py, text, &mut out)?;
    Ok(out)
}

fn is_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '-' | '–' | '—'
    )
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "sgt", "capt", "cpl",
    "maj", "adm", "cmdr", "rev", "hon", "gov", "sen", "rep", "pres", "supt", "insp", "det", "ch",
    "messrs", "mme", "mlle", "inc", "ltd", "co", "corp", "plc", "bros", "llc", "dept", "univ",
    "assn", "est", "approx", "vs", "etc", "al", "eg", "ie", "cf", "viz", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "fig", "vol", "ed",
    "eds", "pp", "nos", "op", "ave", "blvd", "rd",
];

/// document._is_abbreviation, on the block's characters.
fn is_abbreviation(
    py: Python<'_>,
    s: &[char],
    begin: usize,
    dot: usize,
    nxt: usize,
) -> PyResult<bool> {
    let low_bound = begin.max(dot.saturating_sub(12));
    let mut end = dot;
    if end > low_bound && s[end - 1] == '\n' {
        end -= 1;
    }
    if end > low_bound && s[end - 1] == '.' {
        end -= 1;
    }
    let mut start = end;
    while start > low_bound && is_word(py, s[start - 1])? {
        start -= 1;
    }
    if start == end {
        return Ok(false);
    }
    let word: String = s[start..end].iter().collect();
    if end - start == 1 && props(py, s[start])? & ALPHA != 0 {
        return Ok(props(py, s[start])? & UPPER != 0);
    }
    // Python's lower() for anything but ASCII (e.g. the Kelvin sign lowers to "k").
    let low: String = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        PyString::new(py, &word).call_method0("lower")?.extract()?
    };
    if low == "no" {
        return Ok(props(py, s[nxt])? & DIGIT != 0);
    }
    Ok(ABBREVIATIONS.contains(&low.as_str()))
}

/// document.split_sentences over one block: (start, end) spans, shifted by `offset`. The scan
/// follows document._SENTENCE_END, whose quantifiers never need to backtrack.
#[pyfunction]
fn split_sentences(py: Python<'_>, block: &str, offset: usize) -> PyResult<Vec<(usize, usize)>> {
    let s: Vec<char> = block.chars().collect();
    let n = s.len();
    let space = |c: char| -> PyResult<bool> { Ok(props(py, c)? & SPACE != 0) };
    let mut out = Vec::new();
    let (mut begin, mut i) = (0usize, 0usize);
    while i < n {
        let ch = s[i];
        if ch == ':' {
            let mut j = i + 1;
            while j < n && (s[j] == ' ' || s[j] == '\t') {
                j += 1;
            }
            if j < n && s[j] == '\r' {
                j += 1;
            }
            if !(j < n && s[j] == '\n') {
                i += 1;
                continue;
            }
            let mut nxt = i + 1;
            while nxt < n && space(s[nxt])? {
                nxt += 1;
            }
            if nxt >= n {
                break;
            }
            out.push((begin + offset, i + 1 + offset));
            begin = nxt;
            i = nxt;
            continue;
        }
        if !is_end(ch) {
            i += 1;
            continue;
        }
        let mut p_end = i + 1;
        while p_end < n && is_end(s[p_end]) {
            p_end += 1;
        }
        let dots_end = p_end;
        while p_end < n && is_closer(s[p_end]) {
            p_end += 1;
        }
        let mut nxt = p_end;
        while nxt < n && space(s[nxt])? {
            nxt += 1;
        }
        let mut c = nxt;
        while c < n && is_opener(s[c]) {
            c += 1;
        }
        if nxt == p_end || c >= n || props(py, s[c])? & ALNUM == 0 {
            i += 1;
            continue;
        }
        let bits = props(py, s[c])?;
        // Not a sentence start, or a single full stop after an abbreviation: the search goes on
        // after the white space, as re.finditer does after a match.
        if bits & (UPPER | DIGIT) == 0
            || (ch == '.' && dots_end == i + 1 && is_abbreviation(py, &s, begin, i, nxt)?)
        {
            i = nxt;
            continue;
        }
        out.push((begin + offset, p_end + offset));
        begin = nxt;
        i = nxt;
    }
    if begin < n {
        out.push((begin + offset, n + offset));
    }
    Ok(out)
}

/// Whether a byte starts a code point (is not a UTF-8 continuation byte).
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| starts_char(b)).count()
}

/// Code point offsets of a string turned into byte offsets by walking from the last one asked:
/// the scan asks in (nearly) ascending order, so the whole document costs one pass, and no
/// table of offsets is kept (8 bytes a character: 480 MB for a 30 MB document and its lower-cased
/// copy).
struct Cursor<'a> {
    text: &'a str,
    count: usize,
    ascii: bool,
    at_char: usize,
    at_byte: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let count = if ascii {
            text.len()
        } else {
            count_chars(text.as_bytes())
        };
        Cursor {
            text,
            count,
            ascii,
            at_char: 0,
            at_byte: 0,
        }
    }
    fn seek(&mut self, target: usize) -> usize {
        let target = target.min(self.count);
        if self.ascii {
            return target;
        }
        let bytes = self.text.as_bytes();
        while self.at_char < target {
            self.at_byte += 1;
            while self.at_byte < bytes.len() && !starts_char(bytes[self.at_byte]) {
                self.at_byte += 1;
            }
            self.at_char += 1;
        }
        while self.at_char > target {
            self.at_byte -= 1;
            while !starts_char(bytes[self.at_byte]) {
                self.at_byte -= 1;
            }
            self.at_char -= 1;
        }
        self.at_byte
    }
    /// text[start:end] as Python slices: bounds past the end are clamped (a key may end in the
    /// view's closing pad).
    fn slice(&mut self, start: usize, end: usize) -> &'a str {
        let b = self.seek(start);
        let e = self.seek(end.max(start));
        &self.text[b..e]
    }
}

/// A str, or UTF-8 bytes, as &str.
pub(crate) fn utf8<'a>(obj: &'a Bound<'_, PyAny>) -> PyResult<&'a str> {
    if let Ok(bytes) = obj.downcast::<PyBytes>() {
        return std::str::from_utf8(bytes.as_bytes())
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()));
    }
    obj.downcast::<PyString>()?.to_str()
}

type Entry = (usize, usize, usize, usize, Option<String>, bool);
type Hit = (usize, usize, usize);

/// The term automaton of terms.TermIndex: keys of the padded word view, each with its entries
/// (handle, term_no, before, after, check, exact).
#[pyclass(frozen)]
struct Automaton {
    /// The automaton over every byte of the view, built only when some key does not fit
    /// `by_word` (a `nonword` rule's term may start inside a word).
    ac: Option<NFA>,
    lengths: Vec<usize>,
    entries: Vec<Vec<Entry>>,
    /// Per handle: whether its hits go back as found (Python adds a regex's hits to them and
    /// chooses among all), else already chosen leftmost-longest here.
    merged: Vec<bool>,
    /// The keys by their first word, when every key is spaces, a word and a space, then
    /// anything (a word term's padding: all of the shipped packs' keys): the view is then
    /// read a word at a time, one hash look-up each, where running the automaton over every
    /// byte cost a cache miss each (10,000 keys). None: the automaton runs.
    by_word: Option<ByWord>,
}

struct ByWord {
    /// first word -> [(leading spaces, key number, byte where the key's first word ends)]
    words: FxMap<Vec<u8>, Vec<(usize, usize, usize)>>,
    keys: Vec<Vec<u8>>,
    longest: usize,
}

impl ByWord {
    fn new(keys: &[String]) -> Option<ByWord> {
        let mut words: FxMap<Vec<u8>, Vec<(usize, usize, usize)>> = FxMap::default();
        let mut longest = 0;
        for (number, key) in keys.iter().enumerate() {
            let k = key.as_bytes();
            let lead = k.iter().take_while(|&&b| b == b' ').count();
            let end = lead + k[lead..].iter().take_while(|&&b| b != b' ').count();
            if lead == 0 || end == lead || end == k.len() {
                return None;
            }
            longest = longest.max(end - lead);
            words
                .entry(k[lead..end].to_vec())
                .or_default()
                .push((lead, number, end));
        }
        Some(ByWord {
            words,
            keys: keys.iter().map(|k| k.as_bytes().to_vec()).collect(),
            longest,
        })
    }

    /// Every occurrence of every key in the view: at each word of the view that is some key's
    /// first word, the keys whose leading spaces stand before it and whose rest follows it.
    fn hits(&self, view: &str, lengths: &[usize]) -> Vec<Found> {
        let bytes = view.as_bytes();
        let n = bytes.len();
        let (mut at_byte, mut at_char) = (0usize, 0usize);
        let mut found = Vec::new();
        let (mut i, mut prev_end) = (0usize, 0usize);
        while i < n {
            if bytes[i] == b' ' {
                i += 1;
                continue;
            }
            let start = i;
            while i < n && bytes[i] != b' ' {
                i += 1;
            }
            let spaces = start - prev_end;
            prev_end = i;
            if i - start > self.longest {
                continue;
            }
            let Some(keys) = self.words.get(&bytes[start..i]) else {
                continue;
            };
            for &(lead, key, end) in keys {
                if lead > spaces || !bytes[i..].starts_with(&self.keys[key][end..]) {
                    continue;
                }
                at_char += count_chars(&bytes[at_byte..start]);
                at_byte = start;
                // Spaces are one byte each: the key starts `lead` code points before the word.
                let key_end = at_char - lead + lengths[key];
                found.push((key_end, usize::MAX - lengths[key], key));
            }
        }
        found
    }
}

/// The int64 values of a byte array (array("q").tobytes(), this machine's byte order).
fn int64s(bytes: &[u8]) -> impl Iterator<Item = i64> + '_ {
    bytes
        .chunks_exact(8)
        .map(|b| i64::from_ne_bytes(b.try_into().expect("eight bytes")))
}

#[pymethods]
impl Automaton {
    /// The automaton of a table as terms._pack packs it: keys joined by line breaks, each key's
    /// number of entries, each entry's (handle, term_no, before, after, exact) as int64 bytes,
    /// and the entries' checks by entry number.
    #[staticmethod]
    fn packed(
        keys: &str,
        counts: &[u8],
        ints: &[u8],
        checks: Vec<(usize, String)>,
        merged: Vec<usize>,
    ) -> PyResult<Self> {
        let bad = || pyo3::exceptions::PyValueError::new_err("a packed table that does not add up");
        let mut checks: FxMap<usize, String> = checks.into_iter().collect();
        let mut ints = int64s(ints).map(|v| usize::try_from(v).map_err(|_| bad()));
        let mut entries = Vec::new();
        let mut number = 0;
        for n in int64s(counts) {
            let n = usize::try_from(n).map_err(|_| bad())?;
            let mut row = Vec::with_capacity(n);
            for _ in 0..n {
                let mut next = || ints.next().ok_or_else(bad)?;
                let (handle, term_no, before, after, exact) =
                    (next()?, next()?, next()?, next()?, next()?);
                row.push((
                    handle,
                    term_no,
                    before,
                    after,
                    checks.remove(&number),
                    exact != 0,
                ));
                number += 1;
            }
            entries.push(row);
        }
        let keys: Vec<String> = if keys.is_empty() && entries.is_empty() {
            Vec::new()
        } else {
            keys.split('\n').map(str::to_owned).collect()
        };
        if keys.len() != entries.len() || ints.next().is_some() {
            return Err(bad());
        }
        Self::new(keys, entries, merged)
    }

    #[new]
    #[pyo3(signature = (keys, entries, merged = Vec::new()))]
    fn new(keys: Vec<String>, entries: Vec<Vec<Entry>>, merged: Vec<usize>) -> PyResult<Self> {
        let by_word = ByWord::new(&keys);
        let ac = match by_word {
            Some(_) => None, // never run: not built (a hundredth of a second at start-up)
            None => Some(
                NFA::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&keys)
                    .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?,
            ),
        };
        let lengths = keys.iter().map(|k| k.chars().count()).collect();
        let handles = entries
            .iter()
            .flatten()
            .map(|e| e.0 + 1)
            .chain(merged.iter().map(|h| h + 1))
            .max()
            .unwrap_or(0);
        let mut is_merged = vec![false; handles];
        for handle in merged {
            is_merged[handle] = true;
        }
        Ok(Automaton {
            ac,
            lengths,
            entries,
            merged: is_merged,
            by_word,
        })
    }

    /// [(handle, [(start, end, term_no)])]: the hits of each handle, the handles in the order of
    /// their first hit, every check against `text` (exact) or `lower` already applied. A handle
    /// named in `merged` gets its hits in the order pyahocorasick's iter() gives them (by end,
    /// longest key first); any other its leftmost-longest choice among them (terms.py's
    /// _leftmost_longest). Grouped here, so that Python gets one tuple per hit, not two.
    /// `text` and `lower` are str or their UTF-8 bytes: terms.py passes a long non-ASCII text
    /// encoded, since a str lent as &str keeps a UTF-8 copy of itself for as long as it lives.
    fn scan(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        lower: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<(usize, HitGroup)>> {
        let (text, lower) = (utf8(text)?, utf8(lower)?);
        let mut view = String::with_capacity(lower.len() + 2);
        view.push(' ');
        view_into(py, lower, &mut view)?;
        view.push(' ');
        let mut found = match (&self.by_word, &self.ac) {
            (Some(by_word), _) => by_word.hits(&view, &self.lengths),
            (None, Some(ac)) => self.hits(ac, &view)?,
            (None, None) => unreachable!("one of the two is built"),
        };
        drop(view);
        found.sort_unstable();
        let (mut text, mut lower) = (Cursor::new(text), Cursor::new(lower));
        let mut groups: Vec<(usize, Vec<Hit>)> = Vec::new();
        let mut group_of: Vec<usize> = vec![usize::MAX; self.merged.len()];
        for (end, _, key) in found {
            let (last, length) = (end - 1, self.lengths[key]);
            for (handle, term_no, before, after, check, exact) in &self.entries[key] {
                let (start, stop) = (last + before - length, last - after);
                if let Some(check) = check {
                    let seen = if *exact {
                        text.slice(start, stop)
                    } else {
                        lower.slice(start, stop)
                    };
                    if seen != check {
                        continue;
                    }
                }
                if group_of[*handle] == usize::MAX {
                    group_of[*handle] = groups.len();
                    groups.push((*handle, Vec::new()));
                }
                groups[group_of[*handle]].1.push((start, stop, *term_no));
            }
        }
        for (handle, hits) in &mut groups {
            if !self.merged[*handle] {
                leftmost_longest(hits);
            }
        }
        Ok(groups
            .into_iter()
            .map(|(handle, hits)| (handle, HitGroup { hits }))
            .collect())
    }
}

/// One handle's hits from Automaton.scan, kept in Rust until Python asks for them as a list
/// (terms.TermHits): the hits of a list only the Rust core reads (the attribution kind's cue
/// words: half of a long document's hits) never become Python tuples.
#[pyclass(frozen)]
pub(crate) struct HitGroup {
    pub(crate) hits: Vec<Hit>,
}

#[pymethods]
impl HitGroup {
    /// [(start, end, term_no)]
    fn hits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.hits.iter().copied())
    }
}

/// The (start, end) of hits given as a HitGroup or as a list of (start, end, term_no).
pub(crate) fn hit_spans(hits: &Bound<'_, PyAny>) -> PyResult<Vec<(usize, usize)>> {
    if let Ok(group) = hits.downcast::<HitGroup>() {
        return Ok(group.get().hits.iter().map(|h| (h.0, h.1)).collect());
    }
    let hits: Vec<(usize, usize, PyObject)> = hits.extract()?;
    Ok(hits.into_iter().map(|h| (h.0, h.1)).collect())
}

/// A key's occurrence in the view: (end in code points, usize::MAX - its length, key number),
/// so that sorting puts them in pyahocorasick's order (by end, the longest key first).
type Found = (usize, usize, usize);

impl Automaton {
    /// Every occurrence of every key, the automaton run over the whole view.
    fn hits(&self, ac: &NFA, view: &str) -> PyResult<Vec<Found>> {
        // Matches come by end offset: their code point offsets are counted on as they come.
        let bytes = view.as_bytes();
        let (mut at_byte, mut at_char) = (0usize, 0usize);
        let mut found = Vec::new();
        for m in Self::overlapping(ac, view)? {
            let end = m.end();
            if end >= at_byte {
                at_char += count_chars(&bytes[at_byte..end]);
            } else {
                at_char -= count_chars(&bytes[end..at_byte]);
            }
            at_byte = end;
            let key = m.pattern().as_usize();
            found.push((at_char, usize::MAX - self.lengths[key], key));
        }
        Ok(found)
    }

    fn overlapping<'a, 'h>(
        ac: &'a NFA,
        view: &'h str,
    ) -> PyResult<aho_corasick::automaton::FindOverlappingIter<'a, 'h, NFA>> {
        ac.try_find_overlapping_iter(Input::new(view))
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }
}

/// terms._leftmost_longest: by start, the longest first at one start (a stable sort, so the
/// first found wins a tie), each hit kept unless it starts inside the last one kept.
fn leftmost_longest(hits: &mut Vec<Hit>) {
    if hits.len() < 2 {
        return;
    }
    hits.sort_by_key(|h| (h.0, std::cmp::Reverse(h.1)));
    let mut last_end = 0;
    let mut first = true;
    hits.retain(|h| {
        let keep = first || h.0 >= last_end;
        if keep {
            last_end = h.1;
            first = false;
        }
        keep
    });
}

/// `[^\W\d_]` of Python's re: a word character that is not a decimal digit nor "_".
fn is_letter(py: Python<'_>, c: char) -> PyResult<bool> {
    Ok(c != '_' && props(py, c)? & (ALNUM | DECIMAL) == ALNUM)
}

/// text.language.words on lower-cased text: each match of `[^\W\d_]+(?:['’][^\W\d_]+)?`
/// handed to `each`, in one pass over the bytes (ASCII letters through a table).
fn each_word<'t>(py: Python<'_>, text: &'t str, mut each: impl FnMut(&'t str)) -> PyResult<()> {
    let ascii = ascii_table(py)?;
    let mut letters = [false; 128];
    for (b, slot) in letters.iter_mut().enumerate() {
        *slot = b != usize::from(b'_') && ascii[b] & (ALNUM | DECIMAL) == ALNUM;
    }
    let bytes = text.as_bytes();
    let n = bytes.len();
    // The end of the run of letters from byte j: ASCII ones in a tight loop.
    let letters_from = |mut j: usize| -> PyResult<usize> {
        loop {
            while j < n && bytes[j] < 128 && letters[usize::from(bytes[j])] {
                j += 1;
            }
            if j >= n || bytes[j] < 128 {
                return Ok(j);
            }
            let (c, len) = char_at(text, j);
            if !is_letter(py, c)? {
                return Ok(j);
            }
            j += len;
        }
    };
    let mut i = 0;
    while i < n {
        let (c, len) = char_at(text, i);
        let yes = if c.is_ascii() {
            letters[usize::from(bytes[i])]
        } else {
            is_letter(py, c)?
        };
        if !yes {
            i += len;
            continue;
        }
        let mut j = letters_from(i + len)?;
        if j < n {
            let (c, len) = char_at(text, j);
            if (c == '\'' || c == '’') && j + len < n {
                let after = letters_from(j + len)?;
                if after > j + len {
                    j = after;
                }
            }
        }
        each(&text[i..j]);
        i = j;
    }
    Ok(())
}

use crate::fxhash::FxMap;

/// text.language's stop-word index (word -> [(language, weight)]) for detect().
#[pyclass(frozen)]
struct StopIndex {
    langs: Vec<String>,
    ids: FxMap<String, usize>,
    rows: Vec<Vec<(usize, f64)>>,
    longest: usize,
}

#[pymethods]
impl StopIndex {
    #[new]
    fn new(index: Vec<(String, Vec<(String, f64)>)>) -> Self {
        let mut langs: Vec<String> = Vec::new();
        let mut ids = FxMap::default();
        let mut rows = Vec::new();
        let mut longest = 0;
        for (word, weights) in index {
            let mut row = Vec::new();
            for (lang, weight) in weights {
                let at = langs.iter().position(|l| *l == lang).unwrap_or_else(|| {
                    langs.push(lang.clone());
                    langs.len() - 1
                });
                row.push((at, weight));
            }
            longest = longest.max(word.len());
            if let Some(&id) = ids.get(&word) {
                rows[id] = row; // as a dict built from the pairs: the last one wins
            } else {
                ids.insert(word, rows.len());
                rows.push(row);
            }
        }
        StopIndex {
            langs,
            ids,
            rows,
            longest,
        }
    }

    /// (number of words, [(language, summed weight, distinct stop words)]) of lower-cased text,
    /// the weights added in the text's order as detect() adds them.
    fn count(&self, py: Python<'_>, lower: &str) -> PyResult<(usize, Vec<(String, f64, usize)>)> {
        let tally = self.tally(py, lower)?;
        Ok((
            tally.tokens,
            tally
                .order
                .iter()
                .map(|&l| (self.langs[l].clone(), tally.sums[l], tally.distinct[l]))
                .collect(),
        ))
    }

    /// language.detect's answer from the counts of lower-cased text: the languages ranked by
    /// summed weight (ties to English, then the code's order, descending as Python's sort with
    /// reverse=True), the first with `min_share` of the words that is English or has
    /// `min_distinct` stop words of its own; None if fewer than `min_words` words.
    fn detect(
        &self,
        py: Python<'_>,
        lower: &str,
        min_words: usize,
        min_share: f64,
        min_distinct: usize,
    ) -> PyResult<Option<String>> {
        let Tally {
            tokens,
            order: mut ranked,
            sums,
            distinct,
        } = self.tally(py, lower)?;
        if tokens < min_words {
            return Ok(None);
        }
        let key = |&l: &usize| (sums[l], self.langs[l] == "en", &self.langs[l]);
        ranked.sort_by(|a, b| {
            let (ka, kb) = (key(a), key(b));
            kb.0.total_cmp(&ka.0)
                .then(kb.1.cmp(&ka.1))
                .then(kb.2.cmp(ka.2))
        });
        for l in ranked {
            if sums[l] < min_share * tokens as f64 {
                return Ok(None);
            }
            if self.langs[l] == "en" || distinct[l] >= min_distinct {
                return Ok(Some(self.langs[l].clone()));
            }
        }
        Ok(None)
    }
}

/// StopIndex's counts of one text, by language id.
struct Tally {
    tokens: usize,
    order: Vec<usize>, // the languages with a stop word, in the order of their first
    sums: Vec<f64>,
    distinct: Vec<usize>,
}

impl StopIndex {
    fn tally(&self, py: Python<'_>, lower: &str) -> PyResult<Tally> {
        let n_langs = self.langs.len();
        let (mut sums, mut distinct) = (vec![0.0f64; n_langs], vec![0usize; n_langs]);
        let (mut order, mut hit): (Vec<usize>, Vec<bool>) = (Vec::new(), vec![false; n_langs]);
        let mut seen = vec![false; self.rows.len()];
        let mut tokens = 0;
        each_word(py, lower, |token| {
            tokens += 1;
            if token.len() > self.longest {
                return;
            }
            if let Some(&id) = self.ids.get(token) {
                for &(lang, weight) in &self.rows[id] {
                    if !hit[lang] {
                        hit[lang] = true;
                        order.push(lang);
                    }
                    sums[lang] += weight;
                    if !seen[id] {
                        distinct[lang] += 1;
                    }
                }
                seen[id] = true;
            }
        })?;
        Ok(Tally {
            tokens,
            order,
            sums,
            distinct,
        })
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(word_view, m)?)?;
    m.add_function(wrap_pyfunction!(split_sentences, m)?)?;
    m.add_function(wrap_pyfunction!(attribution::digit_figures, m)?)?;
    m.add_function(wrap_pyfunction!(attribution::tokens, m)?)?;
    m.add_class::<Automaton>()?;
    m.add_class::<HitGroup>()?;
    m.add_class::<StopIndex>()?;
    names::register(m)?;
    boilerplate::register(m)?;
    attr_claims::register(m)?;
    attr_sources::register(m)?;
    attr_status::register(m)?;
    attr_doc::register(m)?;
    names_doc::register(m)?;
    Ok(())
}
