//! The attribution kind's judgement of its claims, a document in one call: the exact counterpart
//! of `Attribution.status` for every candidate figure of every sentence, and of the choice of
//! the most checkable figure of a sentence (factlint/kinds/attribution/kind.py `py_judge`), with
//! what they read: `named_covers`, `sources` (attr_sources.rs, memoised per sentence start),
//! sourcing.covers, sentences.inside_quote, `carried` and kind._continues.
//!
//! The regexes come from Python once, rewritten for the `regex` crate (native_claims.rust_pattern),
//! and the document is read as the claim tests read it (attr_claims.rs `read_doc`): a document
//! holding a character the engines may class apart is declined (None), as is a sentence whose
//! sources (or its previous sentence's) the source reader declines, and Python judges it.

use pyo3::prelude::*;
use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};
use std::sync::atomic::Ordering;
use std::sync::OnceLock;

use crate::attr_candidates::Words;
use crate::attr_claims::{ClaimTests, Doc, Memo};
use crate::attr_sources::{Source, Sources, Subject, NAMED};
use crate::fxhash::{FxMap, FxSet};
use crate::SPACE;

const NAMES: &[&str] = &[
    "coordinate",
    "aside",
    "segment_break",
    "continues_opener",
    "opens_with_share",
    "continues_word",
    // attr_candidates.rs
    "context_before",
    "month_before",
    "apposition",
    "scale_after",
    "capitalised_before",
    "part_of_after",
];
const COORDINATE: usize = 0;
const ASIDE: usize = 1;
const SEGMENT_BREAK: usize = 2;
const CONTINUES_OPENER: usize = 3;
const OPENS_WITH_SHARE: usize = 4;
const CONTINUES_WORD: usize = 5;

const UNSOURCED: u8 = 0;
const VAGUE: u8 = 1;
const SOURCED: u8 = 2;

pub(crate) type Span = (usize, usize);
/// Per sentence: (index of the figure judged, status, vague source span, cue span).
pub(crate) type Judged = (usize, u8, Option<Span>, Option<Span>);
/// Per sentence: (s_start, s_end, its block's start, the previous sentence (carried), the
/// figures: (start, whether a casualty term is tied to it)).
type Sentence = (usize, usize, usize, Option<Span>, Vec<(usize, bool)>);
/// A sentence's figures as Attribution.analyse groups them: (s_start, s_end, its block's start,
/// the previous sentence, [(start, end, kind)]).
pub(crate) type Group = (
    usize,
    usize,
    usize,
    Option<Span>,
    Vec<(usize, usize, String)>,
);
/// A sentence's claims [(start, end, casualty hit or -1)] and their judgement.
pub(crate) type Analysed = (Vec<(usize, usize, isize)>, Option<Judged>);

fn err(msg: String) -> PyErr {
    pyo3::exceptions::PyValueError::new_err(msg)
}

#[pyclass(frozen)]
pub struct Judge {
    res: [Vec<OnceLock<Regex>>; 2],
    sources: [Vec<String>; 2],
    source_nouns: FxSet<String>,
    opinion_verbs: FxSet<String>,
    pub(crate) words: Words,
}

/// The sources of one sentence, read once per document (`Attribution.sources`).
#[derive(Default)]
struct Cached {
    named: Option<(Vec<Source>, Vec<Source>)>,
    all: Option<Vec<Source>>,
}

pub(crate) struct Run<'a, 'd> {
    pub(crate) j: &'a Judge,
    x: &'a Sources,
    py: Python<'a>,
    pub(crate) d: &'d Doc<'d>,
    ascii: usize,
    cues: &'a [Span],
    cache: FxMap<usize, Cached>,
}

/// A declined sentence: the whole document goes to Python.
pub(crate) struct Declined;

impl<'a, 'd> Run<'a, 'd> {
    fn new(j: &'a Judge, x: &'a Sources, py: Python<'a>, d: &'d Doc<'d>, cues: &'a [Span]) -> Self {
        let ascii = usize::from(d.classes_ascii);
        Run {
            j,
            x,
            py,
            d,
            ascii,
            cues,
            cache: FxMap::default(),
        }
    }
}

impl Run<'_, '_> {
    pub(crate) fn re(&self, k: usize) -> &Regex {
        self.j.res[self.ascii][k]
            .get_or_init(|| Regex::new(&self.j.sources[self.ascii][k]).expect("checked when built"))
    }

    /// Whether prose[pos:endpos] holds a match (Python's pattern.search(prose, pos, endpos):
    /// the text before pos is seen by \b, the text after endpos is not).
    fn search(&self, k: usize, pos: usize, endpos: usize, anchored: bool) -> bool {
        if pos > endpos {
            return false;
        }
        let (a, z) = (self.d.byte(pos), self.d.byte(endpos.min(self.d.len())));
        let mut input = Input::new(&self.d.text[..z]).range(a..z);
        if anchored {
            input = input.anchored(Anchored::Yes);
        }
        self.re(k).is_match(input)
    }

    /// The code point spans of the matches of regex k in prose[s_start:s_end] (finditer on the slice).
    fn find_all(&self, k: usize, s_start: usize, s_end: usize) -> Vec<Span> {
        let text = self.d.slice(s_start, s_end);
        let base = self.d.byte(s_start);
        self.re(k)
            .find_iter(Input::new(text))
            .map(|m| {
                (
                    self.d.cp.index(base + m.start()),
                    self.d.cp.index(base + m.end()),
                )
            })
            .collect()
    }

    fn cued(&self, start: usize, end: usize) -> bool {
        // sentences.Hits.within: hits starting in [start, end) and ending by `end`
        let i = self.cues.partition_point(|h| h.0 < start);
        self.cues[i..]
            .iter()
            .take_while(|h| h.0 < end)
            .any(|h| h.1 <= end)
    }

    /// Attribution.sources(doc, start, end, vague).
    fn sources(&mut self, start: usize, end: usize, vague: bool) -> Result<Vec<Source>, Declined> {
        let cued = self.cued(start, end);
        let text = self.d.slice(start, end);
        let entry = self.cache.entry(start).or_default();
        if entry.named.is_none() {
            match self.x.named_raw(self.py, text, start, cued) {
                Ok(Some(found)) => entry.named = Some(found),
                _ => return Err(Declined),
            }
        }
        let (head, tail) = entry.named.as_ref().expect("read above");
        if !vague {
            return Ok(head.iter().chain(tail.iter()).copied().collect());
        }
        if entry.all.is_none() {
            let Ok(Some(found)) = self.x.vague_raw(self.py, text, start) else {
                return Err(Declined);
            };
            entry.all = Some(
                head.iter()
                    .chain(found.iter())
                    .chain(tail.iter())
                    .copied()
                    .collect(),
            );
        }
        Ok(entry.all.clone().expect("read above"))
    }

    fn lower(&self, a: usize, z: usize) -> String {
        self.d.slice(a, z).to_ascii_lowercase()
    }

    /// Whether a word of prose[a:z] (split at Python's spaces) is a source noun.
    fn said_by_a_report(&self, a: usize, z: usize) -> bool {
        let low = self.lower(a, z);
        low.split(|c: char| self.d.classes.of(c) & SPACE != 0)
            .any(|w| !w.is_empty() && self.j.source_nouns.contains(w))
    }

    fn is_space(&self, c: char) -> bool {
        self.d.classes.of(c) & SPACE != 0
    }

    /// sourcing.covers(prose, s_start, s_end, src, start); `asides` and `breaks` are the
    /// sentence's matches of _ASIDE and the starts of _SEGMENT_BREAK's.
    fn covers(
        &self,
        sent: (usize, usize),
        asides: &[Span],
        breaks: &[usize],
        src: &Source,
        start: usize,
    ) -> bool {
        let (s_start, s_end) = sent;
        let (s_from, s_to) = (src.0, src.1);
        let head = match src.3 {
            Subject::Span(a, _) => s_from.min(a),
            _ => s_from,
        };
        if start < head
            && self.search(
                COORDINATE,
                s_start.max(head.saturating_sub(12)),
                head,
                false,
            )
        {
            return false;
        }
        for &(a_from, a_to) in asides {
            if (a_from <= start && start < a_to) != (a_from <= s_from && s_from < a_to) {
                return false;
            }
        }
        if breaks.is_empty() {
            return true;
        }
        let seg_fig = breaks.iter().filter(|&&b| b <= start).count();
        let seg_src = breaks.iter().filter(|&&b| b <= s_from).count();
        if seg_fig == seg_src || seg_src == 0 {
            return true;
        }
        let rest = self.d.slice(s_to, s_end);
        seg_src == breaks.len()
            && rest
                .trim_matches(|c| matches!(c, ' ' | '.' | '"' | '”' | '\'' | '’'))
                .is_empty()
            && seg_src > seg_fig
    }

    /// The subject a source is read with for the figure at `at` (`status`'s loop): None to
    /// skip the source, else (subject span or None).
    fn respondents(&self, src: &Source, subject: Option<Span>, at: usize) -> bool {
        match subject {
            Some((a, b)) if a <= at && at < b => {
                self.j.opinion_verbs.contains(&self.lower(src.0, src.1))
                    && !self.said_by_a_report(a, b)
            }
            _ => false,
        }
    }

    /// Attribution.named_covers.
    fn named_covers(
        &self,
        sent: Span,
        asides: &[Span],
        breaks: &[usize],
        src: &Source,
        at: usize,
    ) -> bool {
        if src.2 != NAMED {
            return false;
        }
        let subject = match src.3 {
            Subject::Own(a, b) => {
                if !(a <= at && at < b) {
                    return false;
                }
                None
            }
            Subject::Span(a, b) => Some((a, b)),
            Subject::None => None,
        };
        if self.respondents(src, subject, at) {
            return false;
        }
        self.covers(sent, asides, breaks, src, at)
    }

    /// sentences.inside_quote(prose, b_start, offset).
    fn inside_quote(&self, b_start: usize, offset: usize) -> bool {
        let text = self.d.slice(b_start, offset);
        let Some((k, mark)) = text
            .chars()
            .rev()
            .enumerate()
            .find(|(_, c)| matches!(c, '"' | '“' | '”'))
        else {
            return false;
        };
        if mark != '"' {
            return mark == '“';
        }
        let last = offset - 1 - k;
        let before = if last > b_start {
            self.d.ch(last - 1)
        } else {
            ' '
        };
        let after = if last + 1 < self.d.len() {
            self.d.ch(last + 1)
        } else {
            ' '
        };
        (self.is_space(before) || "([{—–-".contains(before)) && !self.is_space(after)
    }

    /// kind._continues(prose, s_start, s_end).
    fn continues(&self, s_start: usize, s_end: usize) -> bool {
        self.search(CONTINUES_OPENER, s_start, s_end, true)
            || self.search(OPENS_WITH_SHARE, s_start, s_end, true)
            || self.search(CONTINUES_WORD, s_start, s_end, false)
    }

    /// Attribution.carried for the previous sentence `prev`: (named?, cue span).
    fn carried(&mut self, prev: Option<Span>) -> Result<Option<(bool, Span)>, Declined> {
        let Some((p_start, p_end)) = prev else {
            return Ok(None);
        };
        if let Some(n) = self
            .sources(p_start, p_end, false)?
            .iter()
            .find(|f| f.2 == NAMED)
        {
            return Ok(Some((true, (n.0, n.1))));
        }
        Ok(self
            .sources(p_start, p_end, true)?
            .first()
            .map(|b| (b.2 == NAMED, (b.0, b.1))))
    }

    /// Attribution.status: (status, vague source span, cue span).
    fn status(
        &mut self,
        s: &Sentence,
        asides: &[Span],
        breaks: &[usize],
        at: usize,
    ) -> Result<Judged, Declined> {
        let (s_start, s_end, b_start, prev, _) = s;
        let sent = (*s_start, *s_end);
        let named = self.sources(*s_start, *s_end, false)?;
        if named
            .iter()
            .any(|src| self.named_covers(sent, asides, breaks, src, at))
        {
            return Ok((0, SOURCED, None, None));
        }
        let mut vague: Option<Span> = None;
        let mut respondents = false;
        for src in self.sources(*s_start, *s_end, true)? {
            let subject = match src.3 {
                Subject::Own(a, b) => {
                    if !(a <= at && at < b) {
                        continue;
                    }
                    None
                }
                Subject::Span(a, b) => Some((a, b)),
                Subject::None => None,
            };
            let mut cue = match subject {
                None => (src.0, src.1),
                Some((a, b)) => (a.min(src.0), b.max(src.1)),
            };
            let mut named_here = src.2 == NAMED;
            if let Some((a, b)) = subject {
                if a <= at && at < b {
                    if self.respondents(&src, subject, at) {
                        named_here = false;
                        cue = (src.0, src.1);
                        respondents = true; // "42% of them say"
                    } else if !named_here {
                        continue;
                    }
                }
            }
            if !self.covers(sent, asides, breaks, &src, at) {
                continue;
            }
            if named_here {
                return Ok((0, SOURCED, None, None));
            }
            if vague.is_none() {
                vague = Some(cue);
            }
        }
        if vague.is_none() && self.inside_quote(*b_start, at) {
            return Ok((0, SOURCED, None, None));
        }
        if vague.is_some() && !respondents {
            return Ok((0, VAGUE, vague, vague));
        }
        let carried = if respondents || self.continues(*s_start, *s_end) {
            self.carried(*prev)?
        } else {
            None
        };
        if let Some((true, _)) = carried {
            return Ok((0, SOURCED, None, None));
        }
        if vague.is_some() {
            return Ok((0, VAGUE, vague, vague));
        }
        if let Some((_, cue)) = carried {
            return Ok((0, VAGUE, None, Some(cue)));
        }
        Ok((0, UNSOURCED, None, None))
    }

    /// The most checkable figure of a sentence: unsourced before vague before sourced, a casualty first.
    fn sentence(&mut self, s: &Sentence) -> Result<Judged, Declined> {
        let asides = self.find_all(ASIDE, s.0, s.1);
        let breaks: Vec<usize> = self
            .find_all(SEGMENT_BREAK, s.0, s.1)
            .into_iter()
            .map(|m| m.0)
            .collect();
        let mut best: Option<(Judged, (u8, bool))> = None;
        for (k, &(at, harm)) in s.4.iter().enumerate() {
            let (_, status, source, cue) = self.status(s, &asides, &breaks, at)?;
            let key = (status, !harm);
            if best.as_ref().is_none_or(|b| key < b.1) {
                best = Some(((k, status, source, cue), key));
            }
        }
        best.map(|b| b.0).ok_or(Declined)
    }
}

#[pymethods]
impl Judge {
    #[new]
    fn new(
        patterns: FxMap<String, String>,
        ascii_patterns: FxMap<String, String>,
        source_nouns: Vec<String>,
        opinion_verbs: Vec<String>,
        words: FxMap<String, Vec<String>>,
    ) -> PyResult<Self> {
        let set = |name: &str| -> PyResult<FxSet<String>> {
            Ok(words
                .get(name)
                .ok_or_else(|| err(format!("no words {name}")))?
                .iter()
                .cloned()
                .collect())
        };
        let words = Words {
            scales: set("scales")?,
            sentence_openers: set("sentence_openers")?,
            casualty_before: set("casualty_before")?,
            place_words: set("place_words")?,
            conjunctions: set("conjunctions")?,
        };
        let sources = crate::attr_claims::pattern_sources(&patterns, &ascii_patterns, NAMES)?;
        Ok(Judge {
            res: [0, 1].map(|_| (0..NAMES.len()).map(|_| OnceLock::new()).collect()),
            sources,
            source_nouns: source_nouns.into_iter().collect(),
            opinion_verbs: opinion_verbs.into_iter().collect(),
            words,
        })
    }

    /// Compile every regex in both forms now: an error names the first that does not compile.
    fn compile_all(&self) -> PyResult<()> {
        crate::attr_claims::compile_every(&self.sources)
    }

    /// For each sentence (s_start, s_end, block start, previous sentence or None, [(figure
    /// start, casualty tied)]): (index of the figure judged, status, vague source span or None,
    /// cue span or None), None for a sentence declined; None where the document is declined
    /// (see the module comment).
    fn judge(
        &self,
        py: Python<'_>,
        tests: &Bound<'_, ClaimTests>,
        sources: &Bound<'_, Sources>,
        prose: &Bound<'_, PyAny>,
        cues: Vec<Span>,
        sentences: Vec<Sentence>,
    ) -> PyResult<Option<Vec<Option<Judged>>>> {
        let prose = crate::utf8(prose)?;
        let Some(d) = tests.get().read_doc(py, prose)? else {
            return Ok(None);
        };
        let mut run = Run::new(self, sources.get(), py, &d, &cues);
        // a sentence whose sources (or whose previous sentence's) are declined: Python judges it
        Ok(Some(
            sentences.iter().map(|s| run.sentence(s).ok()).collect(),
        ))
    }

    /// Attribution.analyse after its figures, for each group (s_start, s_end, block start,
    /// previous sentence or None, [(start, end, kind)]) of the figures of a sentence that is no
    /// heading: None where the sentence yields nothing, else its claims [(start, end, index of
    /// the casualty hit tied to it or -1)] and their judgement as `judge` gives it (None: Python
    /// judges the sentence); None where the document is declined. `min_words`: kind.MIN_WORDS.
    #[allow(clippy::too_many_arguments)]
    fn analyse(
        &self,
        py: Python<'_>,
        tests: &Bound<'_, ClaimTests>,
        sources: &Bound<'_, Sources>,
        prose: &Bound<'_, PyAny>,
        cues: Vec<Span>,
        casualties: Vec<Span>,
        groups: Vec<Group>,
        min_words: usize,
    ) -> PyResult<Option<Vec<Option<Analysed>>>> {
        let prose = crate::utf8(prose)?;
        let tests = tests.get();
        let Some(d) = tests.read_doc(py, prose)? else {
            return Ok(None);
        };
        tests.ascii.store(d.classes_ascii, Ordering::Relaxed);
        Ok(self.analyse_read(
            py,
            tests,
            sources.get(),
            &d,
            &cues,
            &casualties,
            groups,
            min_words,
        ))
    }
}

impl Judge {
    /// `analyse` on a document the claim tests have read (attr_doc.rs asks it too).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn analyse_read(
        &self,
        py: Python<'_>,
        tests: &ClaimTests,
        sources: &Sources,
        d: &Doc<'_>,
        cues: &[Span],
        casualties: &[Span],
        groups: Vec<Group>,
        min_words: usize,
    ) -> Option<Vec<Option<Analysed>>> {
        let mut run = Run::new(self, sources, py, d, cues);
        let mut out = Vec::with_capacity(groups.len());
        for (s_start, s_end, b_start, prev, figs) in groups {
            if !run.words_at_least(s_start, s_end.min(s_start + 60), min_words) {
                out.push(None); // a table cell, a list row or a results line
                continue;
            }
            // sentences.Hits.within: the casualty hits starting in [s_start, s_end), ending by s_end
            let first = casualties.partition_point(|h| h.0 < s_start);
            let harms: Vec<usize> = (first..casualties.len())
                .take_while(|&k| casualties[k].0 < s_end)
                .filter(|&k| casualties[k].1 <= s_end)
                .collect();
            let mut memo = Memo::default();
            let mut found = Vec::new();
            for (start, end, kind) in figs {
                if !run.may_count(s_start, s_end, start, end, &kind) {
                    continue;
                }
                let mut harm: isize = -1;
                if !matches!(kind.as_str(), "pct" | "money" | "record" | "odds") {
                    for &k in &harms {
                        match run.tied(start, end, casualties[k]) {
                            Ok(true) => {
                                harm = k as isize;
                                break;
                            }
                            Ok(false) => {}
                            Err(Declined) => return None,
                        }
                    }
                }
                if harm >= 0 || tests.is_claim(d, &mut memo, s_start, s_end, start, end, &kind) {
                    found.push((start, end, harm));
                }
            }
            if found.is_empty() {
                out.push(None);
                continue;
            }
            let figures = found.iter().map(|f| (f.0, f.2 >= 0)).collect();
            let judged = run.sentence(&(s_start, s_end, b_start, prev, figures)).ok();
            out.push(Some((found, judged)));
        }
        Some(out)
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Judge>()
}
