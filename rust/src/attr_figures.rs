//! The attribution kind's figures of a document in one call: the exact counterpart of
//! `Attribution.figures` (factlint/kinds/attribution/kind.py) with what it reads:
//! labels.not_a_claim_anywhere, numbers.word_figure and fraction_lead, claims.record_at and
//! claims.ODDS. Offsets are code points; the regexes are the Python ones, handed over once
//! (native_claims.PATTERNS); the look-arounds of numbers._NUMBER_BEFORE and claims.ODDS are read
//! by hand. Only documents whose characters both engines class alike get here (attr_claims.rs).

use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};

use crate::attr_claims::{is_match, ClaimTests, Doc, R};
use crate::{ALNUM, DECIMAL, DIGIT};

type Figure = (usize, usize, &'static str);

/// The char offset of a byte offset of `d`.
fn char_at(d: &Doc, b: usize) -> usize {
    d.cp.index(b)
}

/// re.match(d, pos, endpos): the end of the match at `pos`, or None.
fn match_end(re: &Regex, d: &Doc, pos: usize, endpos: usize) -> Option<usize> {
    let endpos = endpos.min(d.len());
    if pos > endpos {
        return None;
    }
    let hay = &d.text[..d.byte(endpos)];
    re.search(&Input::new(hay).range(d.byte(pos)..).anchored(Anchored::Yes))
        .map(|m| char_at(d, m.end()))
}

/// re.search(d, pos, endpos): the start of the leftmost match, or None.
fn search_start(re: &Regex, d: &Doc, pos: usize, endpos: usize) -> Option<usize> {
    let endpos = endpos.min(d.len());
    if pos > endpos {
        return None;
    }
    let hay = &d.text[..d.byte(endpos)];
    re.search(&Input::new(hay).range(d.byte(pos)..))
        .map(|m| char_at(d, m.start()))
}

fn word(d: &Doc, i: usize) -> bool {
    i < d.len() && (d.ch(i) == '_' || d.prop(i) & ALNUM != 0)
}

/// labels.not_a_claim_anywhere(prose, end, prose[start:end])
fn not_a_claim_anywhere(t: &ClaimTests, d: &Doc, start: usize, end: usize) -> bool {
    let text = d.slice(start, end);
    let digits: Vec<usize> = (start..end.min(d.len()))
        .filter(|&i| d.ch(i) != ',')
        .collect();
    let after = d.slice(end, end + 24);
    if after.starts_with(['-', '–', '/']) {
        return true;
    }
    if !digits.is_empty() && digits.iter().all(|&i| d.prop(i) & DIGIT != 0) {
        let scale_after = || is_match(t.re(R::scale_after), after);
        let value = || -> Option<u64> {
            digits
                .iter()
                .map(|&i| d.ch(i))
                .collect::<String>()
                .parse()
                .ok()
        };
        if !text.contains(',')
            && ((digits.len() == 4 && value().is_some_and(|v| (1000..=2099).contains(&v)))
                || (digits.len() >= 5 && !scale_after()))
        {
            return true;
        }
        let significant = digits.iter().skip_while(|&&i| d.ch(i) == '0').count();
        if significant <= 1 && !scale_after() && !is_match(t.re(R::currency_after), after) {
            return true;
        }
    }
    if digits.len() == 4 && d.ch(digits[0]) == '0' {
        return true;
    }
    is_match(t.re(R::context_after), after)
}

const READERS: [(R, &str); 5] = [
    (R::read_ratio, "fraction"),
    (R::multiplier, "multiplier"),
    (R::read_scaled, "scaled"),
    (R::read_fraction, "fraction"),
    (R::read_multitude, "multitude"),
];

/// numbers.word_figure(lower, start, limit)
fn word_figure(t: &ClaimTests, low: &Doc, start: usize, limit: usize) -> Option<Figure> {
    if low.slice(start, start + 5) == "times" {
        // _NUMBER_BEFORE.search(lower, start - 12, start): the leftmost number with none of
        // [\d.,] before it (the look-behind sees before the window, as in Python)
        let from = start.saturating_sub(12);
        let number = (from..=start).find(|&p| {
            !(p > 0 && (low.prop(p - 1) & DECIMAL != 0 || matches!(low.ch(p - 1), '.' | ',')))
                && match_end(t.re(R::number_before), low, p, start).is_some()
        });
        if let Some(p) = number {
            return match_end(t.re(R::multiplier), low, p, limit).map(|e| (p, e, "multiplier"));
        }
    }
    if search_start(t.re(R::digit_before), low, start.saturating_sub(12), start).is_some()
        || low.slice(0, start).ends_with("multi-")
    {
        return None;
    }
    let mut starts = vec![start];
    for _ in 0..2 {
        match search_start(
            t.re(R::word_before),
            low,
            starts[0].saturating_sub(14),
            starts[0],
        ) {
            Some(p) => starts.insert(0, p),
            None => break,
        }
    }
    for &at in &starts {
        let read = |r: R| match_end(t.re(r), low, at, limit);
        let Some((mut end, mut kind)) = READERS.iter().find_map(|&(r, k)| read(r).map(|e| (e, k)))
        else {
            continue;
        };
        if end <= start {
            match READERS
                .iter()
                .find_map(|&(r, k)| read(r).filter(|&e| e > start).map(|e| (e, k)))
            {
                Some((e, k)) => (end, kind) = (e, k),
                None => continue,
            }
        }
        if kind == "scaled"
            && matches!(
                low.slice(at, end).trim_matches(char::is_whitespace),
                "hundred" | "thousand"
            )
        {
            return None;
        }
        if kind == "fraction"
            && search_start(t.re(R::part_before), low, at.saturating_sub(12), at).is_some()
        {
            return None;
        }
        return Some((at, end, kind));
    }
    match_end(t.re(R::cardinal_word), low, start, limit).map(|e| (start, e, "numword"))
}

/// claims.record_at(prose, start)
fn record_at(t: &ClaimTests, d: &Doc, start: usize) -> Option<(usize, usize)> {
    let ordinal = search_start(t.re(R::ordinal_before), d, start.saturating_sub(12), start);
    let at = ordinal.unwrap_or(start);
    match_end(t.re(R::record), d, at, d.len()).map(|e| (at, e))
}

/// claims.ODDS.finditer(prose): a digit, the odds ("2-1"), and before them "odds of "/"odds at "
/// (then a word boundary after them), or none of [\w.,-] (then a word of betting after them).
fn odds(t: &ClaimTests, d: &Doc, found: &mut Vec<Figure>) {
    let mut p = 0;
    while p < d.len() {
        if d.ch(p).is_ascii_digit() {
            if let Some(e) = match_end(t.re(R::odds_body), d, p, d.len()) {
                let quoted =
                    p >= 8 && matches!(d.slice(p - 8, p), "odds of " | "odds at ") && !word(d, e);
                let free = !(p > 0 && (word(d, p - 1) || matches!(d.ch(p - 1), '.' | ',' | '-')))
                    && match_end(t.re(R::odds_after), d, e, d.len()).is_some();
                if quoted || free {
                    found.push((p, e, "odds"));
                    p = e;
                    continue;
                }
            }
        }
        p += 1;
    }
}

/// Attribution.figures, from the digit figures, the starts of the figure words and of the
/// record words, and whether a word of betting stands.
pub(crate) fn figures(
    t: &ClaimTests,
    d: &Doc,
    low: &Doc,
    digits: Vec<Figure>,
    words: &[usize],
    records: &[usize],
    with_odds: bool,
) -> Vec<Figure> {
    let mut found = Vec::new();
    for (start, mut end, mut kind) in digits {
        if kind == "num" {
            if not_a_claim_anywhere(t, d, start, end) {
                continue;
            }
            if let Some(e) = match_end(t.re(R::currency_after), d, end, d.len()) {
                (kind, end) = ("money", e);
            }
        }
        found.push((start, end, kind));
    }
    for &start in words {
        if let Some(mut fig) = word_figure(t, low, start, low.len().min(start + 60)) {
            if fig.2 == "fraction" {
                fig.0 = search_start(t.re(R::fraction_lead), low, fig.0.saturating_sub(16), fig.0)
                    .unwrap_or(fig.0);
            }
            found.push(fig);
        }
    }
    for &start in records {
        if let Some((a, b)) = record_at(t, d, start) {
            found.push((a, b, "record"));
        }
    }
    if with_odds {
        odds(t, d, &mut found);
    }
    found.sort();
    let mut out: Vec<Figure> = Vec::with_capacity(found.len());
    for fig in found {
        if let Some(last) = out.last_mut() {
            if fig.0 < last.1 {
                if fig.1 > last.1 && fig.0 == last.0 {
                    *last = fig;
                }
                continue;
            }
        }
        out.push(fig);
    }
    out
}
