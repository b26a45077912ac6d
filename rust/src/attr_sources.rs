//! The attribution kind's named sources of a sentence: the exact counterpart of
//! `sourcing.named_sources` (factlint/kinds/attribution/sourcing.py) with what it reads in
//! subjects.py (subject noun phrases and their quality). The word classes come from Python once
//! (`Sources`); tokens are attribution.rs `tokens`. A sentence with a letter outside ASCII, a
//! character with a case outside ASCII or a character the regex engines class apart is declined
//! (None): Python's lower(), isupper() and islower() are then read as ASCII's.

use pyo3::prelude::*;
use pyo3::IntoPyObjectExt;
use regex_automata::meta::Regex;
use regex_automata::Input;

use crate::fxhash::{FxMap, FxSet};
use crate::{props, ALNUM, ALPHA, DIGIT, SPACE, UPPER};

const SETS: &[&str] = &[
    "pronouns",
    "institutions",
    "vague_subjects",
    "determiners",
    "indefinite",
    "source_nouns",
    "definite",
    "quantity_words",
    "between",
    "np_stop",
    "clause_links",
    "reporting",
    "own",
    "punct_opening",
    "be",
    "noun_like",
    "verb_followers",
    "to_verbs",
    "by_only",
    "plan_nouns",
    "owners",
    "respondents",
    "clause_openers",
];
pub(crate) const NAMED: &str = "named";
const VAGUE: &str = "vague";

struct Tok {
    s: usize,
    e: usize,
    w: String,
    low: String,
}

/// A source's subject: none, a span, or ("own", from, to).
#[derive(Clone, Copy)]
pub(crate) enum Subject {
    None,
    Span(usize, usize),
    Own(usize, usize),
}

pub(crate) type Source = (usize, usize, &'static str, Subject);

#[pyclass(frozen)]
pub struct Sources {
    sets: FxMap<String, FxSet<String>>,
    according: Regex,
    according_holds: String,
    vague: Option<Regex>,
    word: Regex,
    space: Regex,
}

fn first_upper(py: Python<'_>, w: &str) -> PyResult<bool> {
    Ok(match w.chars().next() {
        Some(c) => props(py, c)? & UPPER != 0,
        None => false,
    })
}

fn first_has(py: Python<'_>, w: &str, bit: u8) -> PyResult<bool> {
    Ok(match w.chars().next() {
        Some(c) => props(py, c)? & bit != 0,
        None => false,
    })
}

fn ends_s(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// The string without its last two characters (Python's w[:-2]).
fn cut2(w: &str) -> &str {
    match w.char_indices().rev().nth(1) {
        Some((b, _)) => &w[..b],
        None => "",
    }
}

struct Ctx<'a> {
    py: Python<'a>,
    x: &'a Sources,
}

impl Ctx<'_> {
    fn has(&self, set: &str, w: &str) -> bool {
        self.x.sets[set].contains(w)
    }

    fn quality(&self, toks: &[Tok], np: &[usize], first: bool) -> PyResult<Option<&'static str>> {
        if np.is_empty() {
            return Ok(None);
        }
        let words: Vec<&str> = np.iter().map(|&k| toks[k].w.as_str()).collect();
        let lower: Vec<&str> = np
            .iter()
            .map(|&k| toks[k].low.trim_matches(['\'', '’']))
            .collect();
        if lower.iter().any(|w| self.has("pronouns", w))
            || lower.iter().any(|w| self.has("institutions", w))
        {
            return Ok(Some(NAMED));
        }
        let last = lower[lower.len() - 1];
        let head = if ends_s(last) { cut2(last) } else { last };
        if first && self.has("vague_subjects", head) {
            let mut upper = false;
            for w in &words[1..] {
                upper |= first_upper(self.py, w)?;
            }
            if !upper {
                return Ok(Some(VAGUE));
            }
        }
        for (i, (w, low)) in words.iter().zip(&lower).enumerate() {
            let base = if ends_s(low) { cut2(low) } else { low };
            if first_upper(self.py, w)?
                && !(i == 0
                    && first
                    && (self.has("determiners", base)
                        || self.has("indefinite", base)
                        || self.has("vague_subjects", base)
                        || self.has("source_nouns", base)
                        || self.has("institutions", base)))
                && !self.has("vague_subjects", base)
                && !self.has("source_nouns", base)
                && !self.has("indefinite", base)
            {
                return Ok(Some(NAMED));
            }
            if ends_s(low) {
                return Ok(Some(NAMED));
            }
        }
        if lower.iter().any(|w| self.has("institutions", w)) || self.has("definite", lower[0]) {
            return Ok(Some(NAMED));
        }
        Ok(Some(VAGUE))
    }

    fn is_quantity(&self, w: &str) -> PyResult<bool> {
        Ok(first_has(self.py, w, DIGIT)?
            || w.starts_with(['$', '£', '€', '¥'])
            || self.has("quantity_words", &w.to_ascii_lowercase()))
    }

    /// subjects.subject_before: the phrase (token indices, in order) and whether it starts the sentence.
    fn subject_before(&self, toks: &[Tok], i: usize) -> PyResult<(Vec<usize>, bool)> {
        let mut j = i as isize - 1;
        while j >= 0 && self.has("between", &toks[j as usize].low) {
            j -= 1;
        }
        if j > 0 && toks[j as usize].w == ")" {
            let mut k = j;
            while k >= 0 && toks[k as usize].w != "(" {
                k -= 1;
            }
            if k > 0 {
                j = k - 1;
            }
        }
        let mut np: Vec<usize> = Vec::new(); // backwards
        while j >= 0 && np.len() < 7 {
            let t = &toks[j as usize];
            let (word, low) = (t.w.as_str(), t.low.as_str());
            if (word == "'" || word == "’")
                && !np.is_empty()
                && j > 0
                && first_has(self.py, &toks[j as usize - 1].w, ALPHA)?
            {
                np.push(j as usize);
                j -= 1;
                continue;
            }
            if (low == "of" || low == "in")
                && !np.is_empty()
                && j > 0
                && self.is_quantity(&toks[j as usize - 1].w)?
            {
                np.push(j as usize);
                j -= 1;
                continue;
            }
            if !(first_has(self.py, word, ALNUM)? || word.starts_with(['$', '£', '€', '¥']))
                || self.has("np_stop", low)
            {
                if matches!(low, "who" | "which" | "that") && np.is_empty() {
                    let k = if j > 0 && toks[j as usize - 1].w != "," {
                        j - 1
                    } else {
                        j - 2
                    };
                    if k >= 0 {
                        return self.subject_before(toks, (k + 1) as usize);
                    }
                }
                break;
            }
            np.push(j as usize);
            j -= 1;
        }
        np.reverse();
        Ok((np, j < 0))
    }

    fn object_end(&self, toks: &[Tok], i: usize) -> usize {
        let last = (toks.len() - 1).min(i + 24);
        let mut depth = 0usize;
        for k in i + 1..=last {
            let word = toks[k].w.as_str();
            if !matches!(word, ";" | ":" | "-" | "–" | "—" | "," | "(" | ")") {
                continue;
            }
            if word == "(" {
                depth += 1;
            } else if word == ")" {
                depth = depth.saturating_sub(1);
            } else if depth == 0
                && (word != ","
                    || (k + 1 < toks.len() && self.has("clause_links", &toks[k + 1].low)))
            {
                return toks[k].s;
            }
        }
        toks[last].e
    }

    fn subject_before_aside(&self, toks: &[Tok], i: usize) -> PyResult<(Vec<usize>, bool)> {
        let mut j = i as isize - 1;
        while j >= 0 && self.has("between", &toks[j as usize].low) {
            j -= 1;
        }
        if j < 1 || toks[j as usize].w != "," {
            return Ok((vec![], false));
        }
        let commas: Vec<usize> = ((j - 13).max(0)..j)
            .rev()
            .map(|k| k as usize)
            .filter(|&k| toks[k].w == ",")
            .collect();
        for &k in commas.iter().take(2) {
            let (np, first) = self.subject_before(toks, k)?;
            if !np.is_empty() {
                return Ok((np, first));
            }
        }
        Ok((vec![], false))
    }

    /// subjects.subject_after(toks, i), i may be -1.
    fn subject_after(&self, toks: &[Tok], i: isize) -> PyResult<Vec<usize>> {
        let mut np = Vec::new();
        let from = (i + 1) as usize;
        for k in from..toks.len().min((i + 8) as usize) {
            if !first_has(self.py, &toks[k].w, ALNUM)? || self.has("np_stop", &toks[k].low) {
                break;
            }
            np.push(k);
        }
        Ok(np)
    }

    fn agent(&self, toks: &[Tok], i: isize, reach: isize) -> PyResult<Option<Vec<usize>>> {
        for k in (i + 1).max(0)..(toks.len() as isize).min(i + reach) {
            if toks[k as usize].low == "by" {
                let np = self.subject_after(toks, k)?;
                return Ok(if np.is_empty() { None } else { Some(np) });
            }
        }
        Ok(None)
    }

    fn first_verb(&self, toks: &[Tok]) -> usize {
        for (k, t) in toks.iter().enumerate() {
            let low = t.low.as_str();
            if k > 0
                && (self.has("between", low)
                    || self.has("reporting", low)
                    || self.has("own", low)
                    || low.ends_with("ed"))
            {
                return k;
            }
        }
        0
    }

    fn closes(toks: &[Tok], i: usize, n: usize, marks: &str) -> bool {
        i + n + 1 >= toks.len() || marks.contains(toks[i + n + 1].w.as_str())
    }

    fn inverted_subject(&self, toks: &[Tok], i: usize, prev: &str) -> PyResult<Vec<usize>> {
        let after = self.subject_after(toks, i as isize)?;
        if after.is_empty() {
            return Ok(after);
        }
        let inverted =
            i == 0 || self.has("punct_opening", prev) || matches!(prev, "\"" | "”" | "’");
        let mut named_after = false;
        if Self::closes(toks, i, after.len(), ".,;:)\"”") {
            let mut upper = false;
            for &k in &after {
                upper |= first_upper(self.py, &toks[k].w)?;
            }
            named_after = upper
                && !after.iter().any(|&k| {
                    self.has("be", &toks[k].low)
                        || matches!(toks[k].low.as_str(), "has" | "have" | "had")
                });
        }
        Ok(if inverted || named_after {
            after
        } else {
            vec![]
        })
    }

    fn subject(
        &self,
        toks: &[Tok],
        i: usize,
        prev: &str,
        participle: bool,
    ) -> PyResult<(Vec<usize>, bool)> {
        let (mut np, mut first) = self.subject_before(toks, i)?;
        if np.is_empty() && prev == "," && !participle {
            let after = self.subject_after(toks, i as isize)?;
            if !after.is_empty() && Self::closes(toks, i, after.len(), ".;:)\"”") {
                (np, first) = (after, false);
            }
        }
        if np.is_empty() && !participle {
            (np, first) = self.subject_before_aside(toks, i)?;
        }
        if (np.is_empty() || self.quality(toks, &np, first)? != Some(NAMED)) && !participle {
            let after = self.inverted_subject(toks, i, prev)?;
            if !after.is_empty() {
                (np, first) = (after, false);
            }
        }
        if np.is_empty()
            && (prev == "and" || prev == "but" || (participle && self.has("clause_openers", prev)))
        {
            (np, first) = self.subject_before(toks, self.first_verb(toks))?;
        }
        if np.is_empty() && self.has("punct_opening", prev) {
            (np, first) = self.subject_before(toks, self.first_verb(toks))?;
        }
        Ok((np, first))
    }

    fn reads_as_verb(
        &self,
        toks: &[Tok],
        i: usize,
        low: &str,
        own: bool,
        prev: &str,
        nxt: &str,
    ) -> PyResult<bool> {
        let nxt_upper = i + 1 < toks.len() && first_upper(self.py, &toks[i + 1].w)?;
        if self.has("determiners", prev) || ends_s(prev) {
            return Ok(false);
        }
        if self.has("noun_like", low)
            && !self.has("between", prev)
            && !matches!(nxt, "" | "." | "!")
            && !nxt_upper
            && !(self.has("verb_followers", nxt)
                || first_has(self.py, nxt, DIGIT)?
                || nxt.starts_with(['$', '£', '€', '¥', '"', '“']))
        {
            return Ok(false);
        }
        if own && self.has("to_verbs", low) {
            let following: Vec<&str> = toks[i + 1..toks.len().min(i + 12)]
                .iter()
                .map(|t| t.low.as_str())
                .collect();
            let wants = following.contains(&"to")
                || following
                    .iter()
                    .take(6)
                    .any(|w| matches!(*w, "will" | "would" | "could" | "can"));
            if !wants {
                return Ok(false);
            }
        }
        if self.has("by_only", low) && nxt != "by" && !self.has("determiners", nxt) {
            return Ok(false);
        }
        let ahead = |n: usize| &toks[i + 1..toks.len().min(i + n)];
        if matches!(low, "called" | "calls" | "calling")
            && !ahead(12).iter().any(|t| t.w == "\"" || t.w == "“")
        {
            return Ok(false);
        }
        if matches!(low, "points" | "pointed" | "pointing") && nxt != "out" {
            return Ok(false);
        }
        Ok(!matches!(low, "put" | "puts" | "putting") || ahead(9).iter().any(|t| t.w == "at"))
    }

    fn verb_source(
        &self,
        toks: &[Tok],
        i: usize,
        low: &str,
        own: bool,
        at: usize,
    ) -> PyResult<Option<Source>> {
        let (ts, te) = (toks[i].s, toks[i].e);
        let nxt = if i + 1 < toks.len() {
            toks[i + 1].low.as_str()
        } else {
            ""
        };
        let prev = if i > 0 { toks[i - 1].low.as_str() } else { "" };
        if !self.reads_as_verb(toks, i, low, own, prev, nxt)? {
            return Ok(None);
        }
        if (self.has("be", prev) && !low.ends_with("ing")) || nxt == "by" {
            return Ok(match self.agent(toks, i as isize, 4)? {
                None => None,
                Some(agent) => Some((
                    at + ts,
                    at + te,
                    self.quality(toks, &agent, false)?.unwrap_or(VAGUE),
                    Subject::None,
                )),
            });
        }
        let participle = low.ends_with("ing") && !self.has("between", prev);
        let (np, first) = self.subject(toks, i, prev, participle)?;
        let quality = match self.quality(toks, &np, first)? {
            None => return Ok(None),
            Some(q) if own && q == VAGUE => return Ok(None),
            Some(q) => q,
        };
        let mut subject = if np.is_empty() {
            Subject::None
        } else {
            Subject::Span(at + toks[np[0]].s, at + toks[np[np.len() - 1]].e)
        };
        if own {
            let reach = self.object_end(toks, i);
            let mut begin = te;
            let k = if np.is_empty() {
                -1
            } else {
                np[0] as isize - 1
            };
            if k > 0 && matches!(toks[k as usize].low.as_str(), "which" | "that") {
                begin = toks[(k - 8).max(0) as usize].s;
            }
            subject = Subject::Own(at + begin, at + reach);
        }
        Ok(Some((at + ts, at + te, quality, subject)))
    }

    fn source_at(&self, toks: &[Tok], i: usize, low: &str, at: usize) -> PyResult<Option<Source>> {
        if (low == "is" || low == "are")
            && i + 2 < toks.len()
            && toks[i + 1].w == "to"
            && !toks[i + 2].w.is_empty()
            && toks[i + 2].w.chars().all(|c| c.is_ascii_alphabetic())
            && toks[i + 2].w.chars().all(|c| c.is_ascii_lowercase())
        {
            let (np, first) = self.subject_before(toks, i)?;
            if np.is_empty() || self.quality(toks, &np, first)? != Some(NAMED) {
                return Ok(None);
            }
            let to_end = toks[i + 1].e;
            return Ok(Some((
                at + toks[i].s,
                at + to_end,
                NAMED,
                Subject::Own(at + to_end, at + self.object_end(toks, i + 1)),
            )));
        }
        if self.has("plan_nouns", low)
            && i > 0
            && i + 1 < toks.len()
            && toks[i + 1].w == "to"
            && (self.has("owners", &toks[i - 1].low) || ends_s(&toks[i - 1].w))
        {
            let (ts, te) = (toks[i].s, toks[i].e);
            return Ok(Some((
                at + ts,
                at + te,
                NAMED,
                Subject::Own(at + te, at + self.object_end(toks, i)),
            )));
        }
        let own = self.has("own", low) && !self.has("reporting", low);
        if !(own || self.has("reporting", low)) {
            return Ok(None);
        }
        self.verb_source(toks, i, low, own, at)
    }

    fn according_to(&self, text: &str, at: usize, out: &mut Vec<Source>) -> PyResult<()> {
        for m in self.x.according.find_iter(Input::new(text)) {
            let rest = tokens_of(self.py, &text[m.end()..])?;
            let np = self.subject_after(&rest, -1)?;
            let mut quality = self.quality(&rest, &np, false)?;
            let agent = if np.is_empty() {
                None
            } else {
                self.agent(&rest, np.len() as isize - 1, 10)?
            };
            if quality == Some(VAGUE) {
                if let Some(agent) = agent {
                    let mut upper = false;
                    for &k in &agent {
                        upper |= first_upper(self.py, &rest[k].w)?;
                    }
                    if upper {
                        quality = Some(NAMED);
                    }
                }
            }
            if let Some(q) = quality {
                let start = text[..m.start()].chars().count();
                let end = text[..m.end()].chars().count();
                out.push((
                    at + start,
                    at + end + rest[np[np.len() - 1]].e,
                    q,
                    Subject::None,
                ));
            }
        }
        Ok(())
    }

    fn named_source_nouns(&self, toks: &[Tok], at: usize, out: &mut Vec<Source>) -> PyResult<()> {
        for (i, t) in toks.iter().enumerate() {
            let low = t.low.as_str();
            if self.has("respondents", low)
                && i > 0
                && matches!(
                    toks[i - 1].low.as_str(),
                    "those" | "the" | "people" | "adults"
                )
            {
                out.push((at + toks[i - 1].s, at + t.e, NAMED, Subject::None));
                continue;
            }
            // word.islower(): a lower-case letter and no upper-case one (ASCII: see the module comment)
            let islower = t.w.chars().any(|c| c.is_ascii_lowercase())
                && !t.w.chars().any(|c| c.is_ascii_uppercase());
            if !self.has("source_nouns", low) || !islower {
                continue;
            }
            let before = if i > 0 { toks[i - 1].w.as_str() } else { "" };
            let det = toks[i.saturating_sub(3)..i]
                .iter()
                .any(|x| self.has("definite", &x.low));
            if det
                && i + 1 < toks.len()
                && !matches!(toks[i + 1].low.as_str(), "of" | "on" | "into")
            {
                out.push((at + toks[i - 1].s, at + t.e, NAMED, Subject::None));
                continue;
            }
            let before_low = before.to_ascii_lowercase();
            if i > 1
                && first_upper(self.py, before)?
                && !self.has("determiners", &before_low)
                && !self.has("indefinite", &before_low)
            {
                out.push((at + toks[i - 1].s, at + t.e, NAMED, Subject::None));
                continue;
            }
            for k in i + 1..toks.len().min(i + 4) {
                if matches!(toks[k].low.as_str(), "by" | "from" | "for") {
                    if k + 1 < toks.len() && self.has("indefinite", &toks[k + 1].low) {
                        break;
                    }
                    let mut np = Vec::new();
                    for x in &toks[k + 1..toks.len().min(k + 7)] {
                        if first_has(self.py, &x.w, ALPHA)? {
                            np.push(x);
                        }
                    }
                    let mut upper = false;
                    for x in np.iter().take(5) {
                        upper |= first_upper(self.py, &x.w)?;
                    }
                    if upper {
                        out.push((at + t.s, at + toks[k + 1].e, NAMED, Subject::None));
                    }
                    break;
                }
            }
        }
        Ok(())
    }
}

fn tokens_of(py: Python<'_>, text: &str) -> PyResult<Vec<Tok>> {
    Ok(crate::attribution::tokens(py, text)?
        .into_iter()
        .map(|(s, e, w)| {
            let low = w.to_ascii_lowercase();
            Tok { s, e, w, low }
        })
        .collect())
}

fn to_py(py: Python<'_>, found: Vec<Source>) -> PyResult<Vec<PyObject>> {
    found
        .into_iter()
        .map(|(s, e, q, subject)| {
            let subject = match subject {
                Subject::None => py.None(),
                Subject::Span(a, b) => (a, b).into_py_any(py)?,
                Subject::Own(a, b) => ("own", a, b).into_py_any(py)?,
            };
            (s, e, q, subject).into_py_any(py)
        })
        .collect()
}

impl Sources {
    /// Whether the Rust core reads the sentence (see the module comment).
    fn takes(&self, py: Python<'_>, text: &str) -> PyResult<bool> {
        for c in text.chars() {
            if !c.is_ascii() {
                let bits = props(py, c)?;
                let mut buf = [0u8; 4];
                let one: &str = c.encode_utf8(&mut buf);
                if bits & ALNUM != 0
                    || c.to_lowercase().ne([c])
                    || c.to_uppercase().ne([c])
                    || self.word.is_match(one)
                    || self.space.is_match(one) != (bits & SPACE != 0)
                {
                    return Ok(false);
                }
            } else if matches!(c, '\x1c'..='\x1f') {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

#[pymethods]
impl Sources {
    #[new]
    #[pyo3(signature = (sets, according, according_holds, vague))]
    fn new(
        sets: FxMap<String, Vec<String>>,
        according: &str,
        according_holds: String,
        vague: Option<&str>,
    ) -> PyResult<Self> {
        let err = |e: String| pyo3::exceptions::PyValueError::new_err(e);
        for key in SETS {
            if !sets.contains_key(*key) {
                return Err(err(format!("no word set {key}")));
            }
        }
        Ok(Sources {
            sets: sets
                .into_iter()
                .map(|(k, v)| (k, v.into_iter().collect()))
                .collect(),
            according: Regex::new(according).map_err(|e| err(e.to_string()))?,
            according_holds,
            // a table's pattern the regex crate does not take: Python reads it
            vague: vague.and_then(|p| Regex::new(p).ok()),
            word: Regex::new(r"\A\w\z").map_err(|e| err(e.to_string()))?,
            space: Regex::new(r"\A\s\z").map_err(|e| err(e.to_string()))?,
        })
    }

    /// sourcing.named_sources(prose, s_start, s_end, lex, cues) for `text` = prose[s_start:s_end]:
    /// (head, tail), or None where the sentence is declined (see the module comment).
    fn named_sources(
        &self,
        py: Python<'_>,
        text: &str,
        s_start: usize,
        cues: bool,
    ) -> PyResult<Option<(Vec<PyObject>, Vec<PyObject>)>> {
        Ok(match self.named_raw(py, text, s_start, cues)? {
            Some((found, tail)) => Some((to_py(py, found)?, to_py(py, tail)?)),
            None => None,
        })
    }

    /// sourcing.vague_sources(prose, s_start, s_end, lex) for `text` = prose[s_start:s_end], or
    /// None (the sentence declined, no Rust form of the patterns, or an empty match, which the
    /// engines step over differently).
    fn vague_sources(
        &self,
        py: Python<'_>,
        text: &str,
        s_start: usize,
    ) -> PyResult<Option<Vec<PyObject>>> {
        Ok(match self.vague_raw(py, text, s_start)? {
            Some(found) => Some(to_py(py, found)?),
            None => None,
        })
    }
}

impl Sources {
    /// `named_sources` as Rust values (attr_status.rs reads them without Python objects).
    pub(crate) fn named_raw(
        &self,
        py: Python<'_>,
        text: &str,
        s_start: usize,
        cues: bool,
    ) -> PyResult<Option<(Vec<Source>, Vec<Source>)>> {
        if !self.takes(py, text)? {
            return Ok(None);
        }
        let ctx = Ctx { py, x: self };
        let toks = if cues { tokens_of(py, text)? } else { vec![] };
        let mut found = Vec::new();
        let starter = |low: &str| {
            matches!(low, "is" | "are")
                || ctx.has("plan_nouns", low)
                || ctx.has("own", low)
                || ctx.has("reporting", low)
        };
        for (i, t) in toks.iter().enumerate() {
            if starter(&t.low) {
                if let Some(source) = ctx.source_at(&toks, i, &t.low, s_start)? {
                    found.push(source);
                }
            }
        }
        if self.according_holds.is_empty()
            || text.to_ascii_lowercase().contains(&self.according_holds)
        {
            ctx.according_to(text, s_start, &mut found)?;
        }
        let mut tail = Vec::new();
        if toks
            .iter()
            .any(|t| ctx.has("respondents", &t.low) || ctx.has("source_nouns", &t.low))
        {
            ctx.named_source_nouns(&toks, s_start, &mut tail)?;
        }
        Ok(Some((found, tail)))
    }

    /// `vague_sources` as Rust values.
    pub(crate) fn vague_raw(
        &self,
        py: Python<'_>,
        text: &str,
        s_start: usize,
    ) -> PyResult<Option<Vec<Source>>> {
        let Some(vague) = &self.vague else {
            return Ok(None);
        };
        if !self.takes(py, text)? {
            return Ok(None);
        }
        let mut found = Vec::new();
        let mut chars = 0;
        let mut last = 0;
        for m in vague.find_iter(Input::new(text)) {
            if m.is_empty() {
                return Ok(None);
            }
            chars += text[last..m.start()].chars().count();
            let start = chars;
            chars += text[m.start()..m.end()].chars().count();
            last = m.end();
            found.push((s_start + start, s_start + chars, VAGUE, Subject::None));
        }
        Ok(Some(found))
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Sources>()
}
