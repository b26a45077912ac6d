//! The attribution kind's candidate figures of a sentence, the exact counterpart of the loop of
//! `Attribution.py_claims` (factlint/kinds/attribution/kind.py): whether the sentence has words
//! enough (sentences.words_at_least), its casualty terms (sentences.Hits.within), which figures
//! may count (labels.may_count) and the casualty term a figure counts (Attribution.tied). The
//! claim test itself is attr_claims.rs, the judgement attr_status.rs: the document goes through
//! all three in one call (Judge.analyse). The regexes are Judge's (native_status.PATTERNS).

use regex_automata::{Anchored, Input};

use crate::attr_claims::title_case;
use crate::attr_status::{Declined, Run, Span};
use crate::fxhash::FxSet;
use crate::{ALNUM, DECIMAL, DIGIT, SPACE, UPPER};

pub(crate) const CONTEXT_BEFORE: usize = 6;
pub(crate) const MONTH_BEFORE: usize = 7;
pub(crate) const APPOSITION: usize = 8;
pub(crate) const SCALE_AFTER: usize = 9;
pub(crate) const CAPITALISED_BEFORE: usize = 10;
pub(crate) const PART_OF_AFTER: usize = 11;

/// The word sets the loop reads (labels.py, numbers.py, kind.py and the rule's table).
#[derive(Default)]
pub(crate) struct Words {
    pub(crate) scales: FxSet<String>,
    pub(crate) sentence_openers: FxSet<String>,
    pub(crate) casualty_before: FxSet<String>,
    pub(crate) place_words: FxSet<String>,
    pub(crate) conjunctions: FxSet<String>,
}

impl Run<'_, '_> {
    fn space_char(&self, c: char) -> bool {
        self.d.classes.of(c) & SPACE != 0
    }

    /// The code point spans of the words of prose[a:z] (Python's str.split()).
    fn split(&self, a: usize, z: usize) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = None;
        let mut i = a;
        for c in self.d.slice(a, z).chars() {
            if self.space_char(c) {
                if let Some(s) = start.take() {
                    out.push((s, i));
                }
            } else if start.is_none() {
                start = Some(i);
            }
            i += 1;
        }
        if let Some(s) = start {
            out.push((s, i));
        }
        out
    }

    /// sentences.words_at_least(prose[a:z], n).
    pub(crate) fn words_at_least(&self, a: usize, z: usize, n: usize) -> bool {
        if n == 0 {
            return true;
        }
        let mut n = n;
        for (s, _) in self.split(a, z) {
            if self.d.prop(s) & ALNUM != 0 {
                n -= 1;
                if n == 0 {
                    return true;
                }
            }
        }
        n == 0
    }

    /// Whether regex k finds a match in `hay` (a string searched on its own, as Python does).
    fn search_in(&self, k: usize, hay: &str) -> bool {
        self.re(k).is_match(Input::new(hay))
    }

    /// Python's text.strip() (its whitespace: the document's classes).
    fn strip<'s>(&self, text: &'s str) -> &'s str {
        text.trim_matches(|c| self.space_char(c))
    }

    /// labels.named_or_labelled(prose, s_start, start, end).
    fn named_or_labelled(&self, s_start: usize, start: usize, end: usize) -> bool {
        let after = self.d.slice(end, end + 24);
        let before = self.d.slice(s_start.max(start.saturating_sub(24)), start);
        if self.search_in(CONTEXT_BEFORE, before) || self.search_in(MONTH_BEFORE, before) {
            return true;
        }
        let text = self.d.slice(start, end);
        if after.starts_with(',') && self.search_in(APPOSITION, before) {
            let kept = text
                .trim_end_matches(|c| self.space_char(c))
                .chars()
                .count();
            let at = self.d.byte((start + kept).min(self.d.len()));
            let input = Input::new(self.d.text).range(at..).anchored(Anchored::Yes);
            if !self.re(SCALE_AFTER).is_match(input) {
                return !text.contains(',');
            }
        }
        let re = self.re(CAPITALISED_BEFORE);
        let mut caps = re.create_captures();
        re.search_captures(&Input::new(before), &mut caps);
        if let Some(g) = caps.get_group(1) {
            let after_l = after.trim_start_matches(|c| self.space_char(c));
            if !self
                .j
                .words
                .sentence_openers
                .contains(&before[g.start..g.end])
                && !["people", "jobs", "troops"]
                    .iter()
                    .any(|w| after_l.starts_with(w))
            {
                return true;
            }
        }
        let last: Vec<char> = before.chars().rev().take(2).collect();
        if last.len() == 2 && last[0] == ' ' && self.d.classes.of(last[1]) & DIGIT != 0 {
            return true; // a group of a phone number: "0800 028 9276"
        }
        before.ends_with(['-', '–', '/', '#'])
    }

    /// labels.may_count(prose, s_start, s_end, start, end, kind).
    pub(crate) fn may_count(
        &self,
        s_start: usize,
        s_end: usize,
        start: usize,
        end: usize,
        kind: &str,
    ) -> bool {
        if kind == "num" {
            return !self.named_or_labelled(s_start, start, end);
        }
        let upper = start < self.d.len() && self.d.prop(start) & UPPER != 0;
        if !upper {
            return true;
        }
        let text = self.d.slice(start, end);
        // a non-ASCII text lower-cases to no ASCII word (read_doc declines the letters that would)
        if kind == "scaled"
            && text.is_ascii()
            && self.j.words.scales.contains(&text.to_ascii_lowercase())
        {
            return false; // "Million Dollar Baby": a scale word with no count before it is a name
        }
        if matches!(kind, "scaled" | "multitude" | "numword" | "fraction") {
            return start <= s_start + 2
                || title_case(self.d, s_start, s_end)
                || matches!(
                    self.strip(self.d.slice(s_start, start)),
                    "\"" | "“" | "'" | "‘"
                );
        }
        true
    }

    /// A word the lower-cased form of which is `low` (ASCII): a non-ASCII word never is.
    fn lower_is(&self, a: usize, z: usize, set: &FxSet<String>) -> bool {
        let w = self.d.slice(a, z);
        w.is_ascii() && set.contains(&w.to_ascii_lowercase())
    }

    /// _PLAIN_WORD.fullmatch(w) and w.lower() not in _CONJUNCTIONS.
    fn plain(&self, a: usize, z: usize) -> bool {
        let mut chars = self.d.slice(a, z).chars();
        let Some(first) = chars.next() else {
            return false;
        };
        let bits = |c: char| self.d.classes.of(c);
        let word = |c: char| c == '_' || bits(c) & ALNUM != 0;
        word(first)
            && bits(first) & DECIMAL == 0
            && chars.all(|c| word(c) || matches!(c, '\'' | '’' | '-'))
            && !self.lower_is(a, z, &self.j.words.conjunctions)
    }

    /// Attribution.tied(prose, start, end, harm); Declined for a casualty term outside ASCII
    /// (its lower-cased form is Python's to say).
    pub(crate) fn tied(&self, start: usize, end: usize, harm: Span) -> Result<bool, Declined> {
        let (h_start, h_end) = harm;
        let term = self.d.slice(h_start, h_end);
        if !term.is_ascii() {
            return Err(Declined);
        }
        let term = term.to_ascii_lowercase();
        let (words, limit) = if h_start >= end {
            if term.ends_with("ing") || term == "executed" {
                return Ok(false);
            }
            (self.split(end, h_start), 5)
        } else if h_end <= start && self.j.words.casualty_before.contains(&term) {
            let at = self.d.byte(end.min(self.d.len()));
            let input = Input::new(self.d.text).range(at..).anchored(Anchored::Yes);
            if self.re(PART_OF_AFTER).is_match(input) {
                return Ok(false);
            }
            let words = self.split(h_end, start);
            if let Some(&(a, z)) = words.first() {
                if self.lower_is(a, z, &self.j.words.place_words) {
                    let two = match words.get(1) {
                        Some(&(_, z2)) => {
                            let (w1, w2) = (self.d.slice(a, z), self.d.slice(words[1].0, z2));
                            w1.eq_ignore_ascii_case("at") && w2.eq_ignore_ascii_case("least")
                        }
                        None => false,
                    };
                    if !two {
                        return Ok(false);
                    }
                }
            }
            (words, 3)
        } else {
            return Ok(false);
        };
        Ok(words.len() <= limit && words.iter().all(|&(a, z)| self.plain(a, z)))
    }
}
