//! The Names kinds' per-document scans and their near-miss distance loop, each the exact
//! counterpart of the Python code named in its comment (factlint/native.py lists the pairs).
//! Character classes come from the running Python (lib.rs `props`), so both cores agree on
//! every character; a distance between strings that are not both ASCII is asked of jellyfish.

use hashbrown::HashTable;
use pyo3::prelude::*;
use pyo3::types::{PySet, PyString};
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

pub(crate) use crate::fxhash::FxBuild;

use super::is_word;

/// The first letter of names.base._CAPITALISED: `[A-ZÀ-ÖØ-ÞĀ-Ž]`.
pub(crate) fn capital(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' | 'Ā'..='Ž')
}

/// `t[0].isupper() and t[1:].islower()` of a token of letters (Python's tables off ASCII).
pub(crate) fn title_case(py: Python<'_>, token: &str) -> PyResult<bool> {
    if token.is_ascii() {
        let b = token.as_bytes();
        return Ok(b[0].is_ascii_uppercase() && b[1..].iter().all(|c| c.is_ascii_lowercase()));
    }
    let first = token.chars().next().map_or(0, |c| c.len_utf8());
    let upper = PyString::new(py, &token[..first])
        .call_method0("isupper")?
        .extract::<bool>()?;
    Ok(upper
        && PyString::new(py, &token[first..])
            .call_method0("islower")?
            .extract::<bool>()?)
}

/// 1 for a letter of `[a-zà-öø-ÿ]`, 2 for one of `[A-ZÀ-ÖØ-Þ]` (near_miss._ODD_CASE), else 0.
#[inline(always)]
pub(crate) fn odd_class(c: char) -> u8 {
    match c {
        'a'..='z' | 'à'..='ö' | 'ø'..='ÿ' => 1,
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => 2,
        _ => 0,
    }
}

/// A set of words (lexicon.Lexicon: one sorted string, a word a line): the Rust core's form of
/// a Lexicon's set, for its look-ups from Python and for scans that never leave Rust. The text
/// is kept whole and the table holds each word's span in it: no string per word (the 123,000
/// city words: 8.5 ms to build against a frozenset's 12.8 ms, and about a quarter of its memory).
#[pyclass(frozen)]
pub(crate) struct WordSet {
    text: String,
    spans: Vec<(u32, u32)>,
    table: HashTable<u32>, // indices into spans
}

impl WordSet {
    pub(crate) fn words(&self) -> impl Iterator<Item = &str> {
        self.spans
            .iter()
            .map(|&(s, e)| &self.text[s as usize..e as usize])
    }

    fn word(&self, i: u32) -> &str {
        let (s, e) = self.spans[i as usize];
        &self.text[s as usize..e as usize]
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.table
            .find(hash_str(word), |&i| self.word(i) == word)
            .is_some()
    }

    /// `item in` the set for any Python object: a str that UTF-8 cannot hold (a lone surrogate)
    /// or a non-str is in no word list, as with a frozenset of str.
    fn contains_py(&self, item: &Bound<'_, PyAny>) -> bool {
        match item.downcast::<PyString>() {
            Ok(s) => s.to_str().is_ok_and(|w| self.contains(w)),
            Err(_) => false,
        }
    }
}

fn hash_str(word: &str) -> u64 {
    FxBuild::default().hash_one(word)
}

#[pymethods]
impl WordSet {
    #[new]
    fn new(text: String) -> PyResult<Self> {
        if u32::try_from(text.len()).is_err() {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "a word list of 4 GB or more",
            ));
        }
        let mut spans = Vec::new();
        let mut table: HashTable<u32> = HashTable::new();
        let mut start = 0usize;
        for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
            let word = &text[start..end];
            if !word.is_empty() {
                let h = hash_str(word);
                let word_of = |i: &u32| {
                    let (s, e) = spans[*i as usize];
                    &text[s as usize..e as usize]
                };
                if table.find(h, |i| word_of(i) == word).is_none() {
                    let i = spans.len() as u32;
                    table.insert_unique(h, i, |i| hash_str(word_of(i)));
                    spans.push((start as u32, end as u32));
                }
            }
            start = end + 1;
        }
        Ok(WordSet { text, spans, table })
    }

    fn __contains__(&self, item: &Bound<'_, PyAny>) -> bool {
        self.contains_py(item)
    }

    fn __len__(&self) -> usize {
        self.spans.len()
    }

    /// Lexicon.missing: the set of `items` (an iterable of str) that are not in the set.
    fn missing<'py>(&self, items: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PySet>> {
        let out = PySet::empty(items.py())?;
        for item in items.try_iter()? {
            let item = item?;
            if !self.contains_py(&item) {
                out.add(item)?;
            }
        }
        Ok(out)
    }

    /// The word, or the word less a plural -s or -es, is in the set (NamesKind.known on a
    /// lower-case word: the English list leaves plurals out).
    pub(crate) fn knows(&self, word: &str) -> bool {
        self.contains(word)
            || (word.ends_with('s')
                && (self.contains(&word[..word.len() - 1])
                    || (word.ends_with("es") && self.contains(&word[..word.len() - 2]))))
    }
}

/// The distinct matches of near_miss._ODD_CASE: runs of six letters or more of one case, not
/// inside a word, an address, a path or a compound (`set(_ODD_CASE.findall(prose))`), less
/// the lower-case ones that `known` knows (WordSet.knows: NameSpelling._odd_case drops them),
/// without a Python string for each word of the text.
#[pyfunction]
#[pyo3(signature = (prose, known=None))]
fn odd_case_words<'t>(
    py: Python<'_>,
    prose: &'t str,
    known: Option<PyRef<'_, WordSet>>,
) -> PyResult<Vec<&'t str>> {
    let known = known.as_deref();
    if prose.is_ascii() {
        let b = prose.as_bytes();
        return odd_runs(py, prose, known, b.len(), |i| b[i] as char, |i| i);
    }
    let s: Vec<(usize, char)> = prose.char_indices().collect();
    let n = s.len();
    odd_runs(
        py,
        prose,
        known,
        n,
        |i| s[i].1,
        |i| if i < n { s[i].0 } else { prose.len() },
    )
}

/// The scan of odd_case_words over `n` code points: `at(i)` the i-th, `byte(i)` its offset.
fn odd_runs<'t>(
    py: Python<'_>,
    prose: &'t str,
    known: Option<&WordSet>,
    n: usize,
    at: impl Fn(usize) -> char,
    byte: impl Fn(usize) -> usize,
) -> PyResult<Vec<&'t str>> {
    let mut seen: HashSet<&str, FxBuild> = HashSet::default();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let class = odd_class(at(i));
        if class == 0 {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && odd_class(at(j)) == class {
            j += 1;
        }
        // Inside the run no match can start (a letter is before it): the scan goes on at its end.
        let (start, end) = (i, j);
        i = j;
        if end - start < 6 {
            continue;
        }
        if start > 0 {
            let p = at(start - 1);
            if matches!(p, '\'' | '’' | '@' | '/' | '.' | '#' | '\\' | '-') || is_word(py, p)? {
                continue;
            }
        }
        if end < n {
            let a = at(end);
            if matches!(a, '\'' | '’' | '@' | '/' | '\\' | '-')
                || is_word(py, a)?
                || (a == '.' && end + 1 < n && is_word(py, at(end + 1))?)
            {
                continue;
            }
        }
        let word = &prose[byte(start)..byte(end)];
        if seen.insert(word) && !(class == 1 && known.is_some_and(|k| k.knows(word))) {
            out.push(word);
        }
    }
    Ok(out)
}

/// The names city.CitySpelling finds cued as places (city._place_cue at any of their
/// occurrences): after a word of place ("in Kolomouz", "mayor of Kolomouz") or before a noun of
/// place ("Kolomouz region"), across spaces or tabs: the words of `before` and `nouns` (city's
/// PLACE_BEFORE and PLACE_NOUNS, lower-case ASCII).
#[pyclass(frozen)]
pub(crate) struct PlaceCues {
    pub(crate) before: HashSet<String, FxBuild>,
    pub(crate) nouns: HashSet<String, FxBuild>,
    pub(crate) longest: usize, // city._LONGEST_CUE: the longest cue, in characters
}

#[pymethods]
impl PlaceCues {
    #[new]
    fn new(before: Vec<String>, nouns: Vec<String>) -> Self {
        let longest = before
            .iter()
            .chain(&nouns)
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        PlaceCues {
            before: before.into_iter().collect(),
            nouns: nouns.into_iter().collect(),
            longest,
        }
    }
}

/// jellyfish.damerau_levenshtein_distance (unrestricted) of two ASCII strings.
fn damerau(a: &[u8], b: &[u8]) -> usize {
    let (l1, l2) = (a.len(), b.len());
    let infinite = l1 + l2;
    let width = l2 + 2;
    let mut score = vec![0usize; (l1 + 2) * width];
    let mut da = [0usize; 128];
    score[0] = infinite;
    for i in 0..=l1 {
        score[(i + 1) * width] = infinite;
        score[(i + 1) * width + 1] = i;
    }
    for j in 0..=l2 {
        score[j + 1] = infinite;
        score[width + j + 1] = j;
    }
    for i in 1..=l1 {
        let mut db = 0;
        for j in 1..=l2 {
            let i1 = da[b[j - 1] as usize & 127];
            let j1 = db;
            let mut cost = 1;
            if a[i - 1] == b[j - 1] {
                cost = 0;
                db = j;
            }
            let best = (score[i * width + j] + cost)
                .min(score[(i + 1) * width + j] + 1)
                .min(score[i * width + j + 1] + 1)
                .min(score[i1 * width + j1] + (i - i1 - 1) + 1 + (j - j1 - 1));
            score[(i + 1) * width + j + 1] = best;
        }
        da[a[i - 1] as usize & 127] = i;
    }
    score[(l1 + 1) * width + l2 + 1]
}

#[pyfunction]
fn ascii_damerau(a: &str, b: &str) -> PyResult<usize> {
    if !(a.is_ascii() && b.is_ascii()) {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "ASCII strings only",
        ));
    }
    Ok(damerau(a.as_bytes(), b.as_bytes()))
}

/// Near-miss targets by (first letter, length) or by length alone, with their letter masks
/// (text.phonetics.letter_mask): the loop of gazetteer.Gazetteer._near and of
/// city.CitySpelling._near over one bucket after another.
#[pyclass(frozen)]
struct NearIndex {
    buckets: HashMap<(char, usize), Vec<(usize, String, u64)>>,
    by_first: bool,
    distance: Py<PyAny>,
}

#[pymethods]
impl NearIndex {
    /// entries: [(plain name, letter mask)], numbered in that order.
    #[new]
    fn new(py: Python<'_>, entries: Vec<(String, u64)>, by_first: bool) -> PyResult<Self> {
        let mut buckets: HashMap<(char, usize), Vec<(usize, String, u64)>> = HashMap::new();
        for (id, (low, mask)) in entries.into_iter().enumerate() {
            let first = if by_first {
                low.chars().next().unwrap_or('\0')
            } else {
                '\0'
            };
            buckets
                .entry((first, low.chars().count()))
                .or_default()
                .push((id, low, mask));
        }
        let distance = py
            .import("jellyfish")?
            .getattr("damerau_levenshtein_distance")?
            .unbind();
        Ok(NearIndex {
            buckets,
            by_first,
            distance,
        })
    }

    /// [(entry number, distance)] of the entries two letters shorter to two longer than `low`
    /// (with its first letter, if so built), shortest first and in entry order, whose masks
    /// differ from `mask` in at most four bits and whose distance is at most `max_distance`.
    fn near(
        &self,
        py: Python<'_>,
        low: &str,
        mask: u64,
        max_distance: usize,
    ) -> PyResult<Vec<(usize, usize)>> {
        let n = low.chars().count();
        let first = if self.by_first {
            low.chars().next().unwrap_or('\0')
        } else {
            '\0'
        };
        let mut out = Vec::new();
        for size in n.saturating_sub(2)..=n + 2 {
            let Some(bucket) = self.buckets.get(&(first, size)) else {
                continue;
            };
            for (id, t_low, t_mask) in bucket {
                if (mask ^ t_mask).count_ones() > 4 {
                    continue;
                }
                let d = if low.is_ascii() && t_low.is_ascii() {
                    damerau(low.as_bytes(), t_low.as_bytes())
                } else {
                    self.distance
                        .call1(py, (low, t_low.as_str()))?
                        .extract::<usize>(py)?
                };
                if d <= max_distance {
                    out.push((*id, d));
                }
            }
        }
        Ok(out)
    }
}

/// lexicon.Lexicon.py_search: whether `item` is a line of `text`, whose lines are sorted, by a
/// binary search over line starts (no set or list built: a run that makes few look-ups never
/// pays for one). Byte order of UTF-8 is code-point order, as Python sorted the lines.
#[pyfunction]
fn lines_contain(text: &str, item: &str) -> bool {
    let b = text.as_bytes();
    let (mut lo, mut hi) = (0usize, b.len()); // line starts; the lines in [lo, hi) remain
    while lo < hi {
        let mid = (lo + hi) / 2;
        let start = match memchr::memrchr(b'\n', &b[lo..mid]) {
            Some(i) => lo + i + 1,
            None => lo,
        };
        let end = memchr::memchr(b'\n', &b[start..]).map_or(b.len(), |i| start + i);
        let line = &b[start..end];
        match line.cmp(item.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(lines_contain, m)?)?;
    m.add_function(wrap_pyfunction!(odd_case_words, m)?)?;
    m.add_class::<PlaceCues>()?;
    m.add_function(wrap_pyfunction!(ascii_damerau, m)?)?;
    m.add_class::<NearIndex>()?;
    m.add_class::<WordSet>()?;
    Ok(())
}
