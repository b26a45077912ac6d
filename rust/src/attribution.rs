//! The attribution kind's scans, read by hand: the exact counterparts of
//! `factlint.text.numbers.DIGIT_FIGURE` (its `finditer` over a text, as (start, end, kind) in code
//! points) and of `factlint.kinds.attribution.subjects.tokens` (the `_TOKEN` regex). Character
//! classes are the running Python's (crate::props): `\d` is str.isdecimal, `\w` str.isalnum or
//! "_", `\s` str.isspace. The regex's backtracking is settled once per alternative (see the
//! comments): every choice but the greedy one leaves a digit, a comma or a point next, which
//! none of the following parts accepts.

use pyo3::prelude::*;

use crate::codepoints::{Classes, CodePoints};
use crate::fxhash::FxMap;
use crate::{props, ALNUM, DECIMAL, SPACE};

struct Text<'a, 'b> {
    s: &'b CodePoints<'a>,
    p: &'b Classes,
}

impl Text<'_, '_> {
    fn dec(&self, i: usize) -> bool {
        i < self.s.len() && self.p.of(self.s.ch(i)) & DECIMAL != 0
    }
    fn word(&self, i: usize) -> bool {
        i < self.s.len() && (self.s.ch(i) == '_' || self.p.of(self.s.ch(i)) & ALNUM != 0)
    }
    fn space(&self, i: usize) -> bool {
        i < self.s.len() && self.p.of(self.s.ch(i)) & SPACE != 0
    }
    fn is(&self, i: usize, set: &str) -> bool {
        i < self.s.len() && set.contains(self.s.ch(i))
    }
    /// `[\d,]*`
    fn digits_commas(&self, mut i: usize) -> usize {
        while self.dec(i) || self.is(i, ",") {
            i += 1;
        }
        i
    }
    /// `\d*`
    fn digits(&self, mut i: usize) -> usize {
        while self.dec(i) {
            i += 1;
        }
        i
    }
    /// `(?:\.\d+)?`, greedy
    fn decimals(&self, i: usize) -> usize {
        if self.is(i, ".") && self.dec(i + 1) {
            self.digits(i + 1)
        } else {
            i
        }
    }
    /// A case-insensitive ASCII letter as Python's ignore-case matching reads it ("ı" and "İ" are "i").
    fn ci(&self, i: usize, x: char) -> bool {
        if i >= self.s.len() {
            return false;
        }
        let c = self.s.ch(i);
        if c.is_ascii() {
            c.to_ascii_lowercase() == x
        } else {
            x == 'i' && (c == '\u{131}' || c == '\u{130}')
        }
    }
    /// `(?:m|bn|k|tn|(?i:million|billion|trillion))\b` at i: its end.
    fn scale_word(&self, i: usize) -> Option<usize> {
        for w in ["m", "bn", "k", "tn"] {
            let e = i + w.len();
            if w.chars()
                .enumerate()
                .all(|(k, x)| i + k < self.s.len() && self.s.ch(i + k) == x)
                && !self.word(e)
            {
                return Some(e);
            }
        }
        for w in ["million", "billion", "trillion"] {
            let e = i + w.len();
            if w.chars().enumerate().all(|(k, x)| self.ci(i + k, x)) && !self.word(e) {
                return Some(e);
            }
        }
        None
    }
    /// numbers.SCALE at i (greedy `\s?`: a space is taken when the word follows it; if not,
    /// the word cannot start at the space either): its end.
    fn scale(&self, i: usize) -> Option<usize> {
        if self.space(i) {
            self.scale_word(i + 1)
        } else {
            self.scale_word(i)
        }
    }
    /// `\s?(?:%|[Pp]er\s?[Cc]ent\b|[Pp]ercent\b|PERCENT\b)` at i: its end.
    fn percent(&self, i: usize) -> Option<usize> {
        if self.space(i) {
            if let Some(e) = self.percent_word(i + 1) {
                return Some(e);
            }
        }
        self.percent_word(i)
    }
    fn percent_word(&self, i: usize) -> Option<usize> {
        if self.is(i, "%") {
            return Some(i + 1);
        }
        if self.is(i, "Pp") && self.is(i + 1, "e") && self.is(i + 2, "r") {
            // [Pp]er\s?[Cc]ent\b: the space taken first, then left out
            for j in [i + 3 + usize::from(self.space(i + 3)), i + 3] {
                if self.is(j, "Cc")
                    && self.is(j + 1, "e")
                    && self.is(j + 2, "n")
                    && self.is(j + 3, "t")
                    && !self.word(j + 4)
                {
                    return Some(j + 4);
                }
            }
            if self.is(i + 3, "c")
                && self.is(i + 4, "e")
                && self.is(i + 5, "n")
                && self.is(i + 6, "t")
                && !self.word(i + 7)
            {
                return Some(i + 7);
            }
        }
        let upper: Vec<char> = "PERCENT".chars().collect();
        if (0..7).all(|k| i + k < self.s.len() && self.s.ch(i + k) == upper[k]) && !self.word(i + 7)
        {
            return Some(i + 7);
        }
        None
    }
    /// `(?!\w|[.,:/-]\d|[-–]\w|\.[^\W\d_])` at i
    fn num_end_ok(&self, i: usize) -> bool {
        !(self.word(i)
            || (self.is(i, ".,:/-") && self.dec(i + 1))
            || (self.is(i, "-–") && self.word(i + 1))
            || (self.is(i, ".") && self.word(i + 1) && !self.dec(i + 1) && self.s.ch(i + 1) != '_'))
    }
    /// `(?!\w|[.,:/-]\d)` at i
    fn group_end_ok(&self, i: usize) -> bool {
        !(self.word(i) || (self.is(i, ".,:/-") && self.dec(i + 1)))
    }

    /// The figure that starts at i, as (end, kind), or None.
    fn figure_at(&self, i: usize) -> Option<(usize, &'static str)> {
        let c = self.s.ch(i);
        if matches!(c, '$' | '£' | '€' | '¥') {
            // money: [$£€¥]\s?\d[\d,]*(?:\.\d+)?SCALE?
            let mut j = i + 1;
            if self.space(j) {
                j += 1;
            }
            if !self.dec(j) {
                return None;
            }
            let j = self.decimals(self.digits_commas(j + 1));
            return Some((self.scale(j).unwrap_or(j), "money"));
        }
        if !self.dec(i) {
            return None;
        }
        // pct: (?<![\w.,])\d[\d,]*(?:\.\d+)?\s?(?:%|per cent|percent|PERCENT)
        if i == 0 || !(self.word(i - 1) || self.is(i - 1, ".,")) {
            let j = self.decimals(self.digits_commas(i + 1));
            if let Some(e) = self.percent(j) {
                return Some((e, "pct"));
            }
        }
        if i > 0 && (self.word(i - 1) || self.is(i - 1, ".,/:£$€#-")) {
            return None;
        }
        // num, grouped: \d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w|[.,:/-]\d)SCALE?
        let run = self.digits(i) - i;
        if run <= 3 {
            let mut j = i + run;
            let mut groups = 0;
            while self.is(j, ",") && self.dec(j + 1) && self.dec(j + 2) && self.dec(j + 3) {
                j += 4;
                groups += 1;
            }
            if groups > 0 {
                let j = self.decimals(j);
                if self.group_end_ok(j) {
                    return Some((self.scale(j).unwrap_or(j), "num"));
                }
            }
        }
        // num, plain: \d+(?:\.\d+)?SCALE?(?!…): the scale is taken only if what follows it passes
        let j = self.decimals(i + run);
        if let Some(e) = self.scale(j) {
            if self.num_end_ok(e) {
                return Some((e, "num"));
            }
        }
        if self.num_end_ok(j) {
            return Some((j, "num"));
        }
        None
    }
}

/// The code points of `text` and their classes (crate::props).
fn read<'a>(py: Python<'_>, text: &'a str) -> PyResult<(CodePoints<'a>, Classes)> {
    let s = CodePoints::new(text)
        .ok_or_else(|| pyo3::exceptions::PyValueError::new_err("text of 4 GiB or more"))?;
    let mut ascii = [0u8; 128];
    for (k, slot) in ascii.iter_mut().enumerate() {
        *slot = props(py, char::from(k as u8))?;
    }
    let mut other = FxMap::default();
    for c in text.chars() {
        if !c.is_ascii() && !other.contains_key(&c) {
            other.insert(c, props(py, c)?);
        }
    }
    Ok((s, Classes { ascii, other }))
}

/// numbers.DIGIT_FIGURE.finditer(text) as [(start, end, kind)] (kind: the match's lastgroup).
#[pyfunction]
pub fn digit_figures(py: Python<'_>, text: &str) -> PyResult<Vec<(usize, usize, &'static str)>> {
    let (s, p) = read(py, text)?;
    Ok(figures_of(Text { s: &s, p: &p }))
}

/// digit_figures of a text already read: its code points and their classes (crate::props).
pub(crate) fn digit_figures_in(
    s: &CodePoints<'_>,
    p: &Classes,
) -> Vec<(usize, usize, &'static str)> {
    figures_of(Text { s, p })
}

fn figures_of(t: Text) -> Vec<(usize, usize, &'static str)> {
    // A figure starts only at a decimal digit or a currency sign: one walk over the text finds
    // those, and figure_at (whose code point reads each cost a block walk) runs only there.
    let mut out = Vec::new();
    let mut end = 0; // the end of the last figure: no other starts inside it
    for (i, c) in t.s.text.chars().enumerate() {
        let candidate = matches!(c, '$' | '£' | '€' | '¥') || t.p.of(c) & DECIMAL != 0;
        if candidate && i >= end {
            if let Some((e, kind)) = t.figure_at(i) {
                out.push((i, e, kind));
                end = e;
            }
        }
    }
    out
}

/// subjects.tokens(text): [(start, end, token)] of
/// `[^\W\d_][\w'’.&-]*[\w]|[^\W\d_]|[$£€¥]?\d+(?:[,.]\d+)*\w*%?|[^\w\s]`.
#[pyfunction]
pub fn tokens(py: Python<'_>, text: &str) -> PyResult<Vec<(usize, usize, String)>> {
    let (s, p) = read(py, text)?;
    let t = Text { s: &s, p: &p };
    let n = t.s.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let end = if t.word(i) && !t.dec(i) && t.s.ch(i) != '_' {
            // a word: the longest run of [\w'’.&-] that ends on a word character, or the letter alone
            let mut k = i + 1;
            while t.word(k) || t.is(k, "'’.&-") {
                k += 1;
            }
            let mut r = k;
            while r > i + 1 && !t.word(r - 1) {
                r -= 1;
            }
            r.max(i + 1)
        } else if t.dec(i) || (t.is(i, "$£€¥") && t.dec(i + 1)) {
            // a number, greedy throughout (nothing after it can fail)
            let mut k = t.digits(if t.dec(i) { i } else { i + 1 });
            while t.is(k, ",.") && t.dec(k + 1) {
                k = t.digits(k + 1);
            }
            while t.word(k) {
                k += 1;
            }
            if t.is(k, "%") {
                k += 1;
            }
            k
        } else if !t.word(i) && !t.space(i) {
            i + 1
        } else {
            i += 1;
            continue;
        };
        out.push((i, end, t.s.slice(i, end).to_string()));
        i = end;
    }
    Ok(out)
}
