//! factlint's native core: the scanning primitives under the rule kinds, each the exact
//! counterpart of a pure-Python function (factlint/native.py lists the pairs). Offsets are code
//! points, as in Python. Character classes (alphanumeric, upper case, digit, space) are asked of
//! the running Python once per distinct character and cached, so both cores agree on every
//! character whatever Unicode version Rust's standard library was built with.

mod attribution;

use aho_corasick::{AhoCorasick, MatchKind};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

mod names;
mod names_doc;

const ALNUM: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const SPACE: u8 = 8;
const ALPHA: u8 = 16;
const DECIMAL: u8 = 32;

static ASCII: OnceLock<[u8; 128]> = OnceLock::new();
static OTHER: OnceLock<Mutex<HashMap<char, u8>>> = OnceLock::new();

fn ask(py: Python<'_>, c: char) -> PyResult<u8> {
    let mut buf = [0u8; 4];
    let s = PyString::new(py, c.encode_utf8(&mut buf));
    let mut bits = 0;
    for (method, bit) in [("isalnum", ALNUM), ("isupper", UPPER), ("isdigit", DIGIT), ("isspace", SPACE), ("isalpha", ALPHA), ("isdecimal", DECIMAL)] {
        if s.call_method0(method)?.extract::<bool>()? {
            bits |= bit;
        }
    }
    Ok(bits)
}

/// The Python string predicates of one character, as bits.
fn props(py: Python<'_>, c: char) -> PyResult<u8> {
    if (c as u32) < 128 {
        if let Some(table) = ASCII.get() {
            return Ok(table[c as usize]);
        }
        let mut table = [0u8; 128];
        for (i, slot) in table.iter_mut().enumerate() {
            *slot = ask(py, char::from(i as u8))?;
        }
        let _ = ASCII.set(table);
        return Ok(table[c as usize]);
    }
    let cache = OTHER.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(bits) = cache.lock().unwrap().get(&c) {
        return Ok(*bits);
    }
    let bits = ask(py, c)?;
    cache.lock().unwrap().insert(c, bits);
    Ok(bits)
}

fn is_word(py: Python<'_>, c: char) -> PyResult<bool> {
    Ok(c == '_' || props(py, c)? & ALNUM != 0)
}

fn view_into(py: Python<'_>, text: &str, out: &mut String) -> PyResult<()> {
    for c in text.chars() {
        out.push(if is_word(py, c)? { c } else { ' ' });
    }
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
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '-' | '–' | '—')
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "sgt", "capt", "cpl", "maj", "adm", "cmdr",
    "rev", "hon", "gov", "sen", "rep", "pres", "supt", "insp", "det", "ch", "messrs", "mme", "mlle", "inc", "ltd", "co",
    "corp", "plc", "bros", "llc", "dept", "univ", "assn", "est", "approx", "vs", "etc", "al", "eg", "ie", "cf", "viz",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "fig", "vol", "ed",
    "eds", "pp", "nos", "op", "ave", "blvd", "rd",
];

/// document._is_abbreviation, on the block's characters.
fn is_abbreviation(py: Python<'_>, s: &[char], begin: usize, dot: usize, nxt: usize) -> PyResult<bool> {
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
        if bits & (UPPER | DIGIT) == 0 || (ch == '.' && dots_end == i + 1 && is_abbreviation(py, &s, begin, i, nxt)?) {
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
        let count = if ascii { text.len() } else { count_chars(text.as_bytes()) };
        Cursor { text, count, ascii, at_char: 0, at_byte: 0 }
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
fn utf8<'a>(obj: &'a Bound<'_, PyAny>) -> PyResult<&'a str> {
    if let Ok(bytes) = obj.downcast::<PyBytes>() {
        return std::str::from_utf8(bytes.as_bytes())
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()));
    }
    obj.downcast::<PyString>()?.to_str()
}

type Entry = (usize, usize, usize, usize, Option<String>, bool);

/// The term automaton of terms.TermIndex: keys of the padded word view, each with its entries
/// (handle, term_no, before, after, check, exact).
#[pyclass(frozen)]
struct Automaton {
    ac: AhoCorasick,
    lengths: Vec<usize>,
    entries: Vec<Vec<Entry>>,
}

#[pymethods]
impl Automaton {
    #[new]
    fn new(keys: Vec<String>, entries: Vec<Vec<Entry>>) -> PyResult<Self> {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&keys)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        let lengths = keys.iter().map(|k| k.chars().count()).collect();
        Ok(Automaton { ac, lengths, entries })
    }

    /// [(handle, [(start, end, term_no)])]: the hits of each handle in the order pyahocorasick's
    /// iter() gives them (by end, longest key first), the handles in the order of their first
    /// hit, every check against `text` (exact) or `lower` already applied. Grouped here, so that
    /// Python gets one tuple per hit, not two.
    /// `text` and `lower` are str or their UTF-8 bytes: terms.py passes a long non-ASCII text
    /// encoded, since a str lent as &str keeps a UTF-8 copy of itself for as long as it lives.
    fn scan(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        lower: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<(usize, Vec<(usize, usize, usize)>)>> {
        let (text, lower) = (utf8(text)?, utf8(lower)?);
        let mut view = String::with_capacity(lower.len() + 2);
        view.push(' ');
        view_into(py, lower, &mut view)?;
        view.push(' ');
        // Matches come by end offset: their code point offsets are counted on as they come.
        let bytes = view.as_bytes();
        let (mut at_byte, mut at_char) = (0usize, 0usize);
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.ac.find_overlapping_iter(&view) {
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
        drop(view);
        found.sort_unstable();
        let (mut text, mut lower) = (Cursor::new(text), Cursor::new(lower));
        let mut groups: Vec<(usize, Vec<(usize, usize, usize)>)> = Vec::new();
        let mut group_of: HashMap<usize, usize> = HashMap::new();
        for (end, _, key) in found {
            let (last, length) = (end - 1, self.lengths[key]);
            for (handle, term_no, before, after, check, exact) in &self.entries[key] {
                let (start, stop) = (last + before - length, last - after);
                if let Some(check) = check {
                    let seen = if *exact { text.slice(start, stop) } else { lower.slice(start, stop) };
                    if seen != check {
                        continue;
                    }
                }
                let g = *group_of.entry(*handle).or_insert_with(|| {
                    groups.push((*handle, Vec::new()));
                    groups.len() - 1
                });
                groups[g].1.push((start, stop, *term_no));
            }
        }
        Ok(groups)
    }
}

/// `[^\W\d_]` of Python's re: a word character that is not a decimal digit nor "_".
fn is_letter(py: Python<'_>, c: char) -> PyResult<bool> {
    Ok(c != '_' && props(py, c)? & (ALNUM | DECIMAL) == ALNUM)
}

/// text.language.words on lower-cased text: the matches of `[^\W\d_]+(?:['’][^\W\d_]+)?`.
fn words_of<'t>(py: Python<'_>, text: &'t str) -> PyResult<Vec<&'t str>> {
    let s: Vec<(usize, char)> = text.char_indices().collect();
    let n = s.len();
    let byte = |i: usize| if i < n { s[i].0 } else { text.len() };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !is_letter(py, s[i].1)? {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && is_letter(py, s[j].1)? {
            j += 1;
        }
        if j + 1 < n && matches!(s[j].1, '\'' | '’') && is_letter(py, s[j + 1].1)? {
            j += 2;
            while j < n && is_letter(py, s[j].1)? {
                j += 1;
            }
        }
        out.push(&text[byte(i)..byte(j)]);
        i = j;
    }
    Ok(out)
}

/// text.language's stop-word index (word -> [(language, weight)]) for detect().
#[pyclass(frozen)]
struct StopIndex {
    langs: Vec<String>,
    index: HashMap<String, Vec<(usize, f64)>>,
}

#[pymethods]
impl StopIndex {
    #[new]
    fn new(index: Vec<(String, Vec<(String, f64)>)>) -> Self {
        let mut langs: Vec<String> = Vec::new();
        let mut table = HashMap::new();
        for (word, weights) in index {
            let mut row = Vec::new();
            for (lang, weight) in weights {
                let at = langs.iter().position(|l| *l == lang).unwrap_or_else(|| {
                    langs.push(lang.clone());
                    langs.len() - 1
                });
                row.push((at, weight));
            }
            table.insert(word, row);
        }
        StopIndex { langs, index: table }
    }

    /// (number of words, [(language, summed weight, distinct stop words)]) of lower-cased text,
    /// the weights added in the text's order as detect() adds them.
    fn count(&self, py: Python<'_>, lower: &str) -> PyResult<(usize, Vec<(String, f64, usize)>)> {
        let tokens = words_of(py, lower)?;
        let mut sums = vec![0.0f64; self.langs.len()];
        let mut seen: Vec<std::collections::HashSet<&str>> = vec![Default::default(); self.langs.len()];
        let mut order: Vec<usize> = Vec::new();
        for token in &tokens {
            if let Some(row) = self.index.get(*token) {
                for &(lang, weight) in row {
                    if seen[lang].is_empty() {
                        order.push(lang);
                    }
                    sums[lang] += weight;
                    seen[lang].insert(token);
                }
            }
        }
        Ok((tokens.len(), order.into_iter().map(|l| (self.langs[l].clone(), sums[l], seen[l].len())).collect()))
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(word_view, m)?)?;
    m.add_function(wrap_pyfunction!(split_sentences, m)?)?;
    m.add_function(wrap_pyfunction!(attribution::digit_figures, m)?)?;
    m.add_function(wrap_pyfunction!(attribution::tokens, m)?)?;
    m.add_class::<Automaton>()?;
    m.add_class::<StopIndex>()?;
    names::register(m)?;
    names_doc::register(m)?;
    Ok(())
}
