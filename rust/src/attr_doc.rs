//! The attribution kind's analysis of a document in one call (Attribution.analyse): its figures
//! (attr_figures.rs), grouped by sentence as sentences.by_sentence groups them, the sentences
//! that are headings or a headline left out (Attribution.groups), the previous sentence of each
//! (sentences.previous), then the claims and their judgement (Judge::analyse_read).
//!
//! The blocks come from Python (Document.blocks); a block is split into sentences here by
//! lib.rs `split_sentences`, the code Document.block_sentences calls, on first use. Whether a
//! block is a heading is asked of Document.is_heading only for a one-line block without closing
//! punctuation (its own first test; no other block is one). A document the claim tests decline
//! is declined whole (None), and Python analyses it.

use pyo3::prelude::*;
use std::sync::atomic::Ordering;

use crate::attr_claims::{ClaimTests, Doc};
use crate::attr_sources::Sources;
use crate::attr_status::{Group, Judge, Judged, Span};
use crate::fxhash::FxMap;
use crate::hit_spans;

/// A sentence with claims: (block, sentence number, [(start, end, casualty hit or -1)], judgement).
type Claimed = (usize, usize, Vec<(usize, usize, isize)>, Option<Judged>);

/// The document's blocks and their sentences, split on first use (Document.block_sentences).
struct Blocks<'a, 'py> {
    py: Python<'py>,
    d: &'a Doc<'a>,
    spans: &'a [Span],
    markup_text: bool,
    is_heading: &'a Bound<'py, PyAny>,
    split: FxMap<usize, Vec<Span>>,
    headings: FxMap<usize, bool>,
}

impl Blocks<'_, '_> {
    fn sentences(&mut self, b: usize) -> PyResult<&Vec<Span>> {
        if !self.split.contains_key(&b) {
            let (start, end) = self.spans[b];
            let found = crate::split_sentences(self.py, self.d.slice(start, end), start)?;
            self.split.insert(b, found);
        }
        Ok(&self.split[&b])
    }

    /// Document.sentence_at(offset) (the document has blocks).
    fn sentence_at(&mut self, offset: usize) -> PyResult<(usize, usize)> {
        let b = self
            .spans
            .partition_point(|s| s.0 <= offset)
            .saturating_sub(1);
        let number = self
            .sentences(b)?
            .partition_point(|s| s.0 <= offset)
            .saturating_sub(1);
        Ok((b, number))
    }

    /// Document.is_heading(b): Python answers a block that passes its first test.
    fn heading(&mut self, b: usize) -> PyResult<bool> {
        if let Some(&known) = self.headings.get(&b) {
            return Ok(known);
        }
        let (start, end) = self.spans[b];
        let one_line = !self.d.slice(start, end).contains('\n');
        let open = !".!?…:;,\"'”’)".contains(self.d.ch(end - 1));
        let known = one_line && open && self.is_heading.call1((b,))?.extract::<bool>()?;
        self.headings.insert(b, known);
        Ok(known)
    }

    /// sentences.headline(doc, b).
    fn headline(&self, b: usize) -> bool {
        if b != 0 || !self.markup_text || self.spans.len() < 2 {
            return false;
        }
        let line = self.d.slice(self.spans[0].0, self.spans[0].1);
        !line.contains('\n')
            && !line
                .trim_end_matches(['"', '\'', '”', '’'])
                .ends_with(['.', '!', '?', '…'])
    }

    /// sentences.previous(doc, b, number).
    fn previous(&mut self, b: usize, number: usize) -> PyResult<Option<Span>> {
        if number > 0 {
            return Ok(Some(self.sentences(b)?[number - 1]));
        }
        if b > 0 && !self.heading(b - 1)? {
            return Ok(self.sentences(b - 1)?.last().copied());
        }
        Ok(None)
    }
}

/// The (start, end) of term hits (start, end, term).
/// Attribution.analyse of a document: for every sentence with a claim, in order, (block,
/// sentence number, its claims [(start, end, index of the casualty hit tied or -1)], their
/// judgement as Judge.judge gives it or None); None where the document is declined. `words`,
/// `records`, `cues`, `casualties`: the automaton's hits of those lists (lists, or the
/// HitGroups terms.TermHits.raw gives); `odds`: whether a word
/// of betting stands; `blocks`: Document.blocks; `markup_text`: a plain text (not Markdown);
/// `is_heading`: Document.is_heading; `min_words`: kind.MIN_WORDS.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn attr_document(
    py: Python<'_>,
    judge: &Bound<'_, Judge>,
    tests: &Bound<'_, ClaimTests>,
    sources: &Bound<'_, Sources>,
    prose: &Bound<'_, PyAny>,
    lower: &Bound<'_, PyAny>,
    words: &Bound<'_, PyAny>,
    records: &Bound<'_, PyAny>,
    odds: bool,
    blocks: Vec<Span>,
    markup_text: bool,
    is_heading: &Bound<'_, PyAny>,
    cues: &Bound<'_, PyAny>,
    casualties: &Bound<'_, PyAny>,
    min_words: usize,
) -> PyResult<Option<Vec<Claimed>>> {
    let (prose, lower) = (crate::utf8(prose)?, crate::utf8(lower)?);
    let t = tests.get();
    // ClaimTests.figures
    let (Some(d), Some(low)) = (t.read_doc(py, prose)?, t.read_doc(py, lower)?) else {
        return Ok(None);
    };
    if low.len() != d.len() {
        return Ok(None);
    }
    t.ascii
        .store(d.classes_ascii && low.classes_ascii, Ordering::Relaxed);
    let digits = crate::attribution::digit_figures_in(&d.cp, &d.classes);
    let words: Vec<usize> = hit_spans(words)?.into_iter().map(|h| h.0).collect();
    let records: Vec<usize> = hit_spans(records)?.into_iter().map(|h| h.0).collect();
    let figures = crate::attr_figures::figures(t, &d, &low, digits, &words, &records, odds);
    if figures.is_empty() {
        return Ok(Some(Vec::new()));
    }
    if blocks.is_empty() {
        return Ok(None); // no sentence to put a figure in: Python says what it makes of that
    }
    let mut b = Blocks {
        py,
        d: &d,
        spans: &blocks,
        markup_text,
        is_heading,
        split: FxMap::default(),
        headings: FxMap::default(),
    };
    // sentences.by_sentence: a sentence is asked for once, not per figure (a figure before the
    // next sentence's start, or the next block's, is in the same one)
    let mut keys: FxMap<(usize, usize), usize> = FxMap::default();
    let mut by_sentence: Vec<((usize, usize), Vec<(usize, usize, String)>)> = Vec::new();
    let mut limit: Option<usize> = None;
    let mut group = 0;
    for (start, end, kind) in figures {
        if limit.is_none_or(|l| start >= l) {
            let key = b.sentence_at(start)?;
            let (block, number) = key;
            let count = b.sentences(block)?.len();
            limit = Some(if number + 1 < count {
                b.sentences(block)?[number + 1].0
            } else if block + 1 < blocks.len() {
                blocks[block + 1].0
            } else {
                d.len() + 1
            });
            group = *keys.entry(key).or_insert_with(|| {
                by_sentence.push((key, Vec::new()));
                by_sentence.len() - 1
            });
        }
        by_sentence[group].1.push((start, end, kind.to_string()));
    }
    // Attribution.groups: no heading, no headline
    let mut keys = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    for ((block, number), figs) in by_sentence {
        if b.heading(block)? || b.headline(block) {
            continue;
        }
        let (s_start, s_end) = b.sentences(block)?[number];
        let prev = b.previous(block, number)?;
        keys.push((block, number));
        groups.push((s_start, s_end, blocks[block].0, prev, figs));
    }
    t.ascii.store(d.classes_ascii, Ordering::Relaxed);
    let cues = hit_spans(cues)?;
    let casualties = hit_spans(casualties)?;
    let Some(done) = judge.get().analyse_read(
        py,
        t,
        sources.get(),
        &d,
        &cues,
        &casualties,
        groups,
        min_words,
    ) else {
        return Ok(None);
    };
    Ok(Some(
        keys.into_iter()
            .zip(done)
            .filter_map(|((block, number), one)| {
                one.map(|(found, judged)| (block, number, found, judged))
            })
            .collect(),
    ))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(attr_document, m)?)
}
