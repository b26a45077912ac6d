//! The attribution kind's claim decision for a whole document in one call: the exact
//! counterpart of `claims.is_claim(prose, s_start, s_end, start, end, kind, memo, True)` for
//! every candidate figure (factlint/kinds/attribution/native_claims.py `py_decide`). The tests
//! are written out here in the order and with the gates of claims.py, labels.py, goods.py,
//! narrative.py, public_record.py and figure.py; their regexes come from Python once, rewritten
//! for the `regex` crate (native_claims.rust_pattern). The two look-arounds are read by hand.
//!
//! The two regex engines agree on a text only where they class its characters alike (word,
//! digit, space) and ignore-case folds no non-ASCII letter to ASCII: a document holding any
//! other character is declined (None), and Python decides it.

use pyo3::prelude::*;
use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use crate::codepoints::{Classes, CodePoints};
use crate::fxhash::{FxMap, FxSet};
use crate::{props, ALNUM, ALPHA, DECIMAL, SPACE, UPPER};

const NAMES: &[&str] = &[
    "context_before",
    "scale_after",
    "currency_after",
    "number",
    "price_before",
    "rate_after",
    "model_after",
    "price_after",
    "capacity_before",
    "price_words",
    "capacity_list_before",
    "of_money_after",
    "per_second_after",
    "own_programme",
    "owner_before",
    "word_units_after",
    "conversion",
    "cost_to",
    "market",
    "exchange",
    "sport_words",
    "sport_metres",
    "vote_after",
    "voted",
    "policy_before",
    "policy_after",
    "rule_words",
    "penalty_before",
    "winner_after",
    "settlement_after",
    "members_after",
    "sport_count_after",
    "lead_after",
    "distance_after",
    "distance_before",
    "definite_before",
    "milestone_after",
    "at_age",
    "sample_after",
    "sample_before",
    "idiom",
    "relative_after",
    "not_a_share_before",
    "generic_object_before",
    "name_after",
    "arithmetic_before",
    "target_by",
    "to_before",
    "scheduled_after",
    "audience_before",
    "there_would_be",
    "if_clause",
    "modal",
    "hypothetical",
    "context_after",
    "number_before",
    "multiplier",
    "digit_before",
    "word_before",
    "read_ratio",
    "read_scaled",
    "read_fraction",
    "read_multitude",
    "part_before",
    "cardinal_word",
    "fraction_lead",
    "ordinal_before",
    "record",
    "odds_body",
    "odds_after",
];

#[derive(Clone, Copy)]
#[allow(non_camel_case_types)]
pub(crate) enum R {
    context_before,
    scale_after,
    currency_after,
    number,
    price_before,
    rate_after,
    model_after,
    price_after,
    capacity_before,
    price_words,
    capacity_list_before,
    of_money_after,
    per_second_after,
    own_programme,
    owner_before,
    word_units_after,
    conversion,
    cost_to,
    market,
    exchange,
    sport_words,
    sport_metres,
    vote_after,
    voted,
    policy_before,
    policy_after,
    rule_words,
    penalty_before,
    winner_after,
    settlement_after,
    members_after,
    sport_count_after,
    lead_after,
    distance_after,
    distance_before,
    definite_before,
    milestone_after,
    at_age,
    sample_after,
    sample_before,
    idiom,
    relative_after,
    not_a_share_before,
    generic_object_before,
    name_after,
    arithmetic_before,
    target_by,
    to_before,
    scheduled_after,
    audience_before,
    there_would_be,
    if_clause,
    modal,
    hypothetical,
    context_after,
    number_before,
    multiplier,
    digit_before,
    word_before,
    read_ratio,
    read_scaled,
    read_fraction,
    read_multitude,
    part_before,
    cardinal_word,
    fraction_lead,
    ordinal_before,
    record,
    odds_body,
    odds_after,
}

const STEM_NAMES: &[&str] = &[
    "sample",
    "arithmetic",
    "audience",
    "if",
    "hypothetical",
    "scheduled",
    "idiom",
    "capacity",
    "capacity_list",
    "price",
    "owner",
    "vote",
    "policy_after",
    "policy",
    "penalty",
    "settlement",
];

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[allow(non_camel_case_types)]
enum S {
    sample,
    arithmetic,
    audience,
    if_,
    hypothetical,
    scheduled,
    idiom,
    capacity,
    capacity_list,
    price,
    owner,
    vote,
    policy_after,
    policy,
    penalty,
    settlement,
}

const WORD_NAMES: &[&str] = &[
    "price_triggers",
    "market_triggers",
    "exchange_triggers",
    "sport_triggers",
    "rule_triggers",
    "voted_triggers",
    "market_nouns",
    "market_moves",
    "market_rises",
    "stock",
    "pence",
    "be_words",
    "moved",
    "commodities",
    "commodity_moves",
    "currencies",
    "rule_alone",
    "under_the",
];

#[derive(Clone, Copy)]
#[allow(non_camel_case_types)]
enum W {
    price_triggers,
    market_triggers,
    exchange_triggers,
    sport_triggers,
    rule_triggers,
    voted_triggers,
    market_nouns,
    market_moves,
    market_rises,
    stock,
    pence,
    be_words,
    moved,
    commodities,
    commodity_moves,
    currencies,
    rule_alone,
    under_the,
}

/// The memo keys of Figure.holds / Figure.mentions.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Held {
    Price,
    Market,
    Exchange,
    Sport,
    Rule,
    Voted,
    Mentions(S),
}

fn err(msg: String) -> PyErr {
    pyo3::exceptions::PyValueError::new_err(msg)
}

/// The claim tests of claims.is_claim, with their regexes, stems and word sets.
#[pyclass(frozen)]
pub struct ClaimTests {
    res: [Vec<OnceLock<Regex>>; 2],
    sources: [Vec<String>; 2],
    /// Which form of the regexes the current document is read with (set by read_doc; the GIL
    /// is held from there to the end of the call).
    pub(crate) ascii: AtomicBool,
    stems: Vec<Vec<String>>,
    words: Vec<FxSet<String>>,
    word_class: Regex,
    digit_class: Regex,
    space_class: Regex,
    agree: Mutex<FxMap<char, bool>>,
    ascii_ok: OnceLock<[bool; 128]>,
}

/// One document: its characters, their Python classes and byte offsets (offsets are code points).
pub(crate) struct Doc<'a> {
    /// No word or space character outside ASCII: the regexes' ASCII-class form reads it.
    pub(crate) classes_ascii: bool,
    pub(crate) text: &'a str,
    /// Its code points by index (codepoints.rs: no table of them).
    pub(crate) cp: CodePoints<'a>,
    /// The Python classes of its characters (crate::props).
    pub(crate) classes: Classes,
}

impl<'a> Doc<'a> {
    pub(crate) fn len(&self) -> usize {
        self.cp.len()
    }
    /// Code point i.
    #[inline]
    pub(crate) fn ch(&self, i: usize) -> char {
        self.cp.ch(i)
    }
    /// The Python classes of code point i.
    #[inline]
    pub(crate) fn prop(&self, i: usize) -> u8 {
        self.classes.of(self.cp.ch(i))
    }
    /// The byte offset of code point i.
    #[inline]
    pub(crate) fn byte(&self, i: usize) -> usize {
        self.cp.byte(i)
    }
    /// prose[a:z] as Python slices it (clamped; empty when a >= z).
    pub(crate) fn slice(&self, a: usize, z: usize) -> &'a str {
        self.cp.slice(a, z)
    }
    fn space(&self, i: usize) -> bool {
        self.prop(i) & SPACE != 0
    }
}

/// Per sentence: what Figure's memo holds (the word set, the lower-cased text, each answer).
#[derive(Default)]
pub(crate) struct Memo {
    words: Option<FxSet<String>>,
    lower: Option<String>,
    held: FxMap<Held, bool>,
}

struct Fig<'a, 'd> {
    d: &'d Doc<'a>,
    s_start: usize,
    s_end: usize,
    start: usize,
    end: usize,
    kind: &'static str,
    text: &'a str,
    before: &'a str,
    after: &'a str,
    amount: Option<Option<f64>>,
    low_before: Option<String>,
}

fn lower_ascii(s: &str) -> String {
    s.chars().map(|c| c.to_ascii_lowercase()).collect()
}

/// The patterns `names` of both forms (Unicode, ASCII classes), in the order of `names`: they are
/// compiled on first use (a short document asks few: start-up); `compile_all`
/// (tests/test_attribution_native.py) proves every one compiles.
pub(crate) fn pattern_sources(
    patterns: &FxMap<String, String>,
    ascii_patterns: &FxMap<String, String>,
    names: &[&str],
) -> PyResult<[Vec<String>; 2]> {
    let mut sources = [Vec::new(), Vec::new()];
    for (form, patterns) in [patterns, ascii_patterns].into_iter().enumerate() {
        for name in names {
            let p = patterns
                .get(*name)
                .ok_or_else(|| err(format!("no pattern {name}")))?;
            sources[form].push(p.clone());
        }
    }
    Ok(sources)
}

/// Compile every pattern of both forms (the tests' check of regexes compiled on first use):
/// an error names the first that does not compile.
pub(crate) fn compile_every(sources: &[Vec<String>; 2]) -> PyResult<()> {
    for p in sources.iter().flatten() {
        Regex::new(p).map_err(|e| err(format!("{p}: {e}")))?;
    }
    Ok(())
}

pub(crate) fn is_match(re: &Regex, hay: &str) -> bool {
    re.is_match(Input::new(hay).anchored(Anchored::Yes))
}

fn search(re: &Regex, hay: &str) -> bool {
    re.is_match(Input::new(hay))
}

impl ClaimTests {
    /// The regex `r`, compiled on first use: its ASCII-class form while the document read last
    /// holds no word or space character outside ASCII (read_doc), else its Unicode form.
    pub(crate) fn re(&self, r: R) -> &Regex {
        let k = r as usize;
        let ascii = usize::from(self.ascii.load(Ordering::Relaxed));
        self.res[ascii][k]
            .get_or_init(|| Regex::new(&self.sources[ascii][k]).expect("checked when built"))
    }

    /// Whether a character is read alike by both engines (see the module comment).
    fn agrees(&self, c: char, bits: u8) -> bool {
        if let Some(&a) = self.agree.lock().unwrap().get(&c) {
            return a;
        }
        let mut buf = [0u8; 4];
        let one: &str = c.encode_utf8(&mut buf);
        let py_word = c == '_' || bits & ALNUM != 0;
        let py_digit = bits & DECIMAL != 0;
        let py_space = bits & SPACE != 0;
        let mut ok = py_word == search(&self.word_class, one)
            && py_digit == search(&self.digit_class, one)
            && py_space == search(&self.space_class, one);
        if !c.is_ascii() {
            // a digit outside ASCII (value() reads ASCII digits), or a letter whose case maps
            // or folds onto ASCII ("K" Kelvin, "ſ", "ı", "İ")
            ok = ok
                && !py_digit
                && !matches!(c, '\u{131}' | '\u{130}' | '\u{17f}' | '\u{212a}')
                && !c.to_lowercase().any(|x| x.is_ascii())
                && !c.to_uppercase().any(|x| x.is_ascii());
        }
        self.agree.lock().unwrap().insert(c, ok);
        ok
    }

    fn words_of(&self, w: W) -> &FxSet<String> {
        &self.words[w as usize]
    }

    fn stems_of(&self, s: S) -> &[String] {
        &self.stems[s as usize]
    }
}

impl<'a, 'd> Fig<'a, 'd> {
    fn amount(&mut self, t: &ClaimTests) -> Option<f64> {
        if self.amount.is_none() {
            self.amount = Some(value(t, self.text));
        }
        self.amount.unwrap()
    }

    /// Figure.before_has
    fn before_has(&mut self, t: &ClaimTests, s: S) -> bool {
        if self.low_before.is_none() {
            self.low_before = Some(lower_ascii(self.before) + " ");
        }
        let low = self.low_before.as_ref().unwrap();
        t.stems_of(s).iter().any(|w| low.contains(w.as_str()))
    }

    fn sentence(&self) -> &'a str {
        self.d.slice(self.s_start, self.s_end)
    }

    /// Figure.mentions
    fn mentions(&self, t: &ClaimTests, memo: &mut Memo, s: S) -> bool {
        let key = Held::Mentions(s);
        if let Some(&found) = memo.held.get(&key) {
            return found;
        }
        let lower = memo
            .lower
            .get_or_insert_with(|| lower_ascii(self.sentence()));
        let found = lower.is_empty() || t.stems_of(s).iter().any(|w| lower.contains(w.as_str()));
        memo.held.insert(key, found);
        found
    }

    /// Figure.holds: `needs` is one of public_record's word tests.
    fn holds(
        &self,
        t: &ClaimTests,
        memo: &mut Memo,
        key: Held,
        triggers: W,
        needs: Option<fn(&ClaimTests, &FxSet<String>) -> bool>,
    ) -> bool {
        if let Some(&found) = memo.held.get(&key) {
            return found;
        }
        if memo.words.is_none() {
            let lower = lower_ascii(self.sentence());
            let mut words = FxSet::default();
            for w in lower.split(|c: char| !c.is_ascii_lowercase()) {
                if !w.is_empty() {
                    words.insert(w.to_string());
                }
            }
            memo.words = Some(words);
        }
        let words = memo.words.as_ref().unwrap();
        let sentence = self.sentence();
        let found = t.words_of(triggers).iter().any(|w| words.contains(w))
            && (needs.is_none() || sentence.is_empty() || needs.unwrap()(t, words))
            && match key {
                Held::Sport => sport(t, self.d, self.s_start, self.s_end),
                Held::Price => search(t.re(R::price_words), sentence),
                Held::Market => search(t.re(R::market), sentence),
                Held::Exchange => search(t.re(R::exchange), sentence),
                Held::Rule => search(t.re(R::rule_words), sentence),
                Held::Voted => search(t.re(R::voted), sentence),
                Held::Mentions(_) => false,
            };
        memo.held.insert(key, found);
        found
    }
}

/// public_record._SPORT.search(prose, s_start, s_end): its words, or a distance in metres with
/// none of [£$€\d.,] before it (the character before the sentence counts, as in Python).
fn sport(t: &ClaimTests, d: &Doc, s_start: usize, s_end: usize) -> bool {
    let s_end = s_end.min(d.len());
    if s_start >= s_end {
        return false;
    }
    let hay = &d.text[..d.byte(s_end)];
    if t.re(R::sport_words)
        .is_match(Input::new(hay).range(d.byte(s_start)..))
    {
        return true;
    }
    for p in s_start..s_end {
        if !matches!(d.ch(p), '1' | '2' | '3' | '4' | '5' | '8') {
            continue;
        }
        if p > 0
            && (matches!(d.ch(p - 1), '£' | '$' | '€' | '.' | ',') || d.prop(p - 1) & DECIMAL != 0)
        {
            continue;
        }
        if t.re(R::sport_metres)
            .is_match(Input::new(hay).range(d.byte(p)..).anchored(Anchored::Yes))
        {
            return true;
        }
    }
    false
}

fn market_words(t: &ClaimTests, w: &FxSet<String>) -> bool {
    let any = |x: W| t.words_of(x).iter().any(|v| w.contains(v));
    let has = |v: &str| w.contains(v);
    (any(W::market_nouns) && any(W::market_moves))
        || (any(W::market_rises) && has("in") && any(W::stock))
        || (has("to") && any(W::pence))
        || (has("trading") && any(W::be_words))
        || (has("shares") && any(W::moved))
        || (any(W::commodities) && any(W::commodity_moves))
        || (has("against") && has("the") && any(W::currencies))
}

fn rule_words(t: &ClaimTests, w: &FxSet<String>) -> bool {
    let any = |x: W| t.words_of(x).iter().any(|v| w.contains(v));
    let has = |v: &str| w.contains(v);
    any(W::rule_alone)
        || (has("paying") && (has("start") || has("starts")))
        || (has("under") && has("the") && any(W::under_the))
}

/// numbers.value: the figure's number with its scale, or None.
fn value(t: &ClaimTests, text: &str) -> Option<f64> {
    let m = t.re(R::number).find(Input::new(text))?;
    let digits: String = text[m.start()..m.end()]
        .chars()
        .filter(|&c| c != ',')
        .collect();
    let number: f64 = digits.parse().ok()?;
    let rest = lower_ascii(text[m.end()..].trim_matches(|c: char| is_py_space(c)));
    for (suffix, factor) in [
        ("bn", 1e9),
        ("billion", 1e9),
        ("tn", 1e12),
        ("trillion", 1e12),
        ("million", 1e6),
        ("m", 1e6),
        ("k", 1e3),
    ] {
        if rest.starts_with(suffix) {
            return Some(number * factor);
        }
    }
    Some(number)
}

/// str.isspace for the characters of an agreeing document (Rust's White_Space is the same there).
fn is_py_space(c: char) -> bool {
    c.is_whitespace()
}

/// labels.title_case
pub(crate) fn title_case(d: &Doc, s_start: usize, s_end: usize) -> bool {
    let s_end = s_end.min(d.len());
    let mut total = 0usize;
    let mut upper = 0usize;
    let mut i = s_start;
    while i < s_end {
        if d.space(i) {
            i += 1;
            continue;
        }
        let b = i;
        while i < s_end && !d.space(i) {
            i += 1;
        }
        if d.prop(b) & ALPHA != 0 && i - b > 3 {
            total += 1;
            if d.prop(b) & UPPER != 0 {
                upper += 1;
            }
        }
    }
    total >= 3 && (upper as f64) >= 0.7 * (total as f64)
}

/// _COUNTED_AFTER.match(after): `\s+(?:[\w'’-]+\s+)?(?:people|(?!this\b|does\b|was\b|has\b)[a-z]{3,}s)\b`.
/// The spaces are taken whole (what follows them is no space), so is the word of the optional
/// group (it must be followed by a space): the counted noun stands at one of two places.
fn counted_after(t: &ClaimTests, after: &str) -> bool {
    let c: Vec<char> = after.chars().collect();
    let word = |i: usize| {
        i < c.len() && (c[i] == '_' || search(&t.word_class, c[i].encode_utf8(&mut [0u8; 4])))
    };
    let spaces = |mut i: usize| {
        while i < c.len() && c[i].is_whitespace() {
            i += 1;
        }
        i
    };
    let noun_at = |p: usize| {
        let starts = |w: &str| {
            w.chars()
                .enumerate()
                .all(|(k, x)| p + k < c.len() && c[p + k] == x)
        };
        if starts("people") && !word(p + 6) {
            return true;
        }
        for w in ["this", "does", "was", "has"] {
            if starts(w) && !word(p + w.chars().count()) {
                return false;
            }
        }
        let mut e = p;
        while e < c.len() && c[e].is_ascii_lowercase() {
            e += 1;
        }
        e - p >= 4 && c[e - 1] == 's' && !word(e)
    };
    let p0 = spaces(0);
    if p0 == 0 {
        return false;
    }
    let mut w = p0;
    while w < c.len() && (word(w) || matches!(c[w], '\'' | '’' | '-')) {
        w += 1;
    }
    if w > p0 && w < c.len() && c[w].is_whitespace() && noun_at(spaces(w)) {
        return true;
    }
    noun_at(p0)
}

const WORDS_KINDS: &[&str] = &["scaled", "multitude", "fraction"];
const STATED: &[&str] = &["pct", "num", "money", "fraction", "multiplier"];

fn kind_in(kind: &str, set: &[&str]) -> bool {
    set.contains(&kind)
}

impl ClaimTests {
    pub(crate) fn is_claim(
        &self,
        d: &Doc,
        memo: &mut Memo,
        s_start: usize,
        s_end: usize,
        start: usize,
        end: usize,
        kind: &str,
    ) -> bool {
        let kind: &'static str = match kind {
            "numword" => return false,
            "odds" => return true,
            "record" => "record",
            "num" => "num",
            "money" => "money",
            "pct" => "pct",
            "scaled" => "scaled",
            "multitude" => "multitude",
            "fraction" => "fraction",
            "multiplier" => "multiplier",
            _ => "other",
        };
        let mut f = Fig {
            d,
            s_start,
            s_end,
            start,
            end,
            kind,
            text: d.slice(start, end),
            before: d.slice(s_start.max(start.saturating_sub(60)), start),
            after: d.slice(end, s_end.min(end + 40)),
            amount: None,
            low_before: None,
        };
        if kind == "record" {
            return !self.public_level(&f, memo);
        }
        if kind == "num" {
            if is_match(self.re(R::currency_after), f.after) {
                f.kind = "money";
            } else if self.number_test(&mut f, memo) {
                return false;
            }
        }
        !self.any_test(&mut f, memo)
    }

    fn sport(&self, f: &Fig, memo: &mut Memo) -> bool {
        f.holds(self, memo, Held::Sport, W::sport_triggers, None)
    }
    fn market(&self, f: &Fig, memo: &mut Memo) -> bool {
        f.holds(
            self,
            memo,
            Held::Market,
            W::market_triggers,
            Some(market_words),
        )
    }
    fn prices(&self, f: &Fig, memo: &mut Memo) -> bool {
        f.holds(self, memo, Held::Price, W::price_triggers, None)
    }

    fn public_level(&self, f: &Fig, memo: &mut Memo) -> bool {
        self.market(f, memo)
            || f.holds(self, memo, Held::Exchange, W::exchange_triggers, None)
            || self.sport(f, memo)
    }

    /// claims._NUMBER_TESTS, in order.
    fn number_test(&self, f: &mut Fig, memo: &mut Memo) -> bool {
        let last = f.text.chars().last();
        // thousands
        if matches!(last, Some('k' | 'K')) {
            return true;
        }
        // metres_not_millions
        if matches!(last, Some('m' | 'M'))
            && (is_match(self.re(R::distance_after), f.after)
                || search(self.re(R::distance_before), f.before)
                || !counted_after(self, f.after))
        {
            return true;
        }
        if is_match(self.re(R::model_after), f.after) {
            return true;
        }
        // survey_sample
        if f.mentions(self, memo, S::sample)
            && (is_match(self.re(R::sample_after), f.after)
                || (f.before_has(self, S::sample) && search(self.re(R::sample_before), f.before)))
        {
            return true;
        }
        if is_match(self.re(R::sport_count_after), f.after) {
            return true;
        }
        // small_count
        if matches!(f.amount(self), Some(a) if a < 100.0) {
            return true;
        }
        // sports_small_record
        if matches!(f.amount(self), Some(a) if a < 1000.0) && self.sport(f, memo) {
            return true;
        }
        // known_set
        if search(self.re(R::definite_before), f.before)
            && !is_match(self.re(R::milestone_after), f.after)
        {
            return true;
        }
        // capacity
        if f.before_has(self, S::capacity) && search(self.re(R::capacity_before), f.before) {
            return true;
        }
        // age_at
        f.after.starts_with(',') && search(self.re(R::at_age), f.before)
    }

    /// claims._TESTS that apply to the figure's kind, in order: whether one holds.
    fn any_test(&self, f: &mut Fig, memo: &mut Memo) -> bool {
        let k = f.kind;
        let d = f.d;
        let words = kind_in(k, WORDS_KINDS);
        let stated = kind_in(k, STATED);
        if kind_in(k, &["num", "scaled"]) && is_match(self.re(R::members_after), f.after) {
            return true;
        }
        if kind_in(k, &["scaled", "multitude"])
            && is_match(self.re(R::of_money_after), f.after)
            && self.prices(f, memo)
            && !search(self.re(R::cost_to), f.before)
        {
            return true;
        }
        if words {
            // capacity_in_words
            if (f.before_has(self, S::capacity) && search(self.re(R::capacity_before), f.before))
                || (f.before_has(self, S::capacity_list)
                    && search(self.re(R::capacity_list_before), f.before))
            {
                return true;
            }
            if is_match(self.re(R::word_units_after), f.after) {
                return true;
            }
            // idiom_around
            if f.mentions(self, memo, S::idiom) && {
                let a = f.s_start.max(f.start.saturating_sub(10));
                let z = f.s_end.min(f.end + 12).min(d.len());
                a < z
                    && self
                        .re(R::idiom)
                        .is_match(Input::new(&d.text[..d.byte(z)]).range(d.byte(a)..))
            } {
                return true;
            }
            // label_or_known_scale
            let before24 = {
                let n = f.before.chars().count();
                let skip = n.saturating_sub(24);
                let at = f
                    .before
                    .char_indices()
                    .nth(skip)
                    .map_or(f.before.len(), |(b, _)| b);
                &f.before[at..]
            };
            if search(self.re(R::context_before), before24)
                || (k == "scaled"
                    && search(self.re(R::definite_before), f.before)
                    && !is_match(self.re(R::milestone_after), f.after))
            {
                return true;
            }
        }
        if k == "fraction"
            && (is_match(self.re(R::relative_after), f.after)
                || search(self.re(R::not_a_share_before), f.before))
        {
            return true;
        }
        if k == "multitude" && search(self.re(R::generic_object_before), f.before) {
            return true;
        }
        // title_mid_sentence
        if words
            && f.start < f.end.min(d.len())
            && d.prop(f.start) & UPPER != 0
            && f.start > f.s_start + 2
            && !title_case(d, f.s_start, f.s_end)
        {
            return true;
        }
        if kind_in(k, &["money", "num"])
            && f.before.contains('(')
            && search(self.re(R::conversion), f.before)
        {
            return true;
        }
        if k == "money" {
            // own_programme
            if f.before_has(self, S::owner)
                && search(self.re(R::owner_before), f.before)
                && is_match(
                    self.re(R::own_programme),
                    f.after.trim_start_matches(is_py_space),
                )
            {
                return true;
            }
            if is_match(self.re(R::rate_after), f.after)
                || is_match(self.re(R::price_after), f.after)
            {
                return true;
            }
            if f.mentions(self, memo, S::settlement)
                && (is_match(self.re(R::settlement_after), f.after)
                    || is_match(self.re(R::winner_after), f.after))
            {
                return true;
            }
            if matches!(f.amount(self), Some(a) if a < 1000.0) {
                return true;
            }
            if matches!(f.amount(self), Some(a) if a < 1e5)
                && !search(self.re(R::scale_after), f.text)
                && self.prices(f, memo)
            {
                return true;
            }
            if f.before_has(self, S::penalty) && search(self.re(R::penalty_before), f.before) {
                return true;
            }
            if matches!(f.amount(self), Some(a) if a < 1e6)
                && f.before_has(self, S::price)
                && search(self.re(R::price_before), f.before)
            {
                return true;
            }
        }
        if k == "multiplier" && (self.sport(f, memo) || is_match(self.re(R::lead_after), f.after)) {
            return true;
        }
        if stated && k != "fraction" && self.market(f, memo) {
            return true;
        }
        if stated
            && f.mentions(self, memo, S::vote)
            && (is_match(self.re(R::vote_after), f.after)
                || f.holds(self, memo, Held::Voted, W::voted_triggers, None))
        {
            return true;
        }
        if stated
            && ((f.mentions(self, memo, S::policy_after)
                && is_match(self.re(R::policy_after), f.after))
                || f.holds(self, memo, Held::Rule, W::rule_triggers, Some(rule_words))
                || (f.before_has(self, S::policy) && search(self.re(R::policy_before), f.before)))
        {
            return true;
        }
        if k == "pct" {
            // percent_idiom
            if f.mentions(self, memo, S::idiom) && {
                let z = f.s_end.min(f.end + 10).min(d.len());
                f.start < z
                    && self
                        .re(R::idiom)
                        .is_match(Input::new(&d.text[..d.byte(z)]).range(d.byte(f.start)..))
            } {
                return true;
            }
            // percent_title
            if is_match(self.re(R::name_after), f.after) && !title_case(d, f.s_start, f.s_end) {
                return true;
            }
        }
        // arithmetic
        if f.before_has(self, S::arithmetic) && search(self.re(R::arithmetic_before), f.before) {
            return true;
        }
        // target
        if is_match(self.re(R::target_by), f.after) && search(self.re(R::to_before), f.before) {
            return true;
        }
        if kind_in(k, &["num", "scaled"]) {
            if f.mentions(self, memo, S::scheduled)
                && is_match(self.re(R::scheduled_after), f.after)
            {
                return true;
            }
            if f.before_has(self, S::audience) && search(self.re(R::audience_before), f.before) {
                return true;
            }
        }
        if is_match(self.re(R::per_second_after), f.after) {
            return true;
        }
        // there_would_be, conditional: the sentence up to the figure
        let window = |r: R, anchored: bool| {
            let z = f.start.min(d.len());
            if f.s_start > z {
                return false;
            }
            let input = Input::new(&d.text[..d.byte(z)]).range(d.byte(f.s_start)..);
            self.re(r).is_match(if anchored {
                input.anchored(Anchored::Yes)
            } else {
                input
            })
        };
        if window(R::there_would_be, true) {
            return true;
        }
        if f.mentions(self, memo, S::if_) && window(R::if_clause, false) && window(R::modal, false)
        {
            return true;
        }
        // hypothetical: on the slice of at most 80 characters before the figure
        f.mentions(self, memo, S::hypothetical)
            && search(
                self.re(R::hypothetical),
                d.slice(f.s_start.max(f.start.saturating_sub(80)), f.start),
            )
    }
}

impl ClaimTests {
    /// The document as the tests read it, or None if it holds a character the engines may class apart.
    pub(crate) fn read_doc<'a>(&self, py: Python<'_>, prose: &'a str) -> PyResult<Option<Doc<'a>>> {
        let Some(cp) = CodePoints::new(prose) else {
            return Ok(None);
        };
        let mut ascii = [0u8; 128];
        for (k, slot) in ascii.iter_mut().enumerate() {
            *slot = props(py, char::from(k as u8))?;
        }
        let ascii_ok = self
            .ascii_ok
            .get_or_init(|| std::array::from_fn(|k| self.agrees(char::from(k as u8), ascii[k])));
        let mut seen: FxMap<char, u8> = FxMap::default();
        let mut classes_ascii = true;
        for c in prose.chars() {
            if c.is_ascii() {
                if !ascii_ok[c as usize] {
                    return Ok(None);
                }
            } else if !seen.contains_key(&c) {
                let p = props(py, c)?;
                if !self.agrees(c, p) {
                    return Ok(None);
                }
                // a word or space character outside ASCII: the Unicode form of the classes
                classes_ascii &= p & (ALNUM | SPACE) == 0
                    && c.to_lowercase().eq([c])
                    && c.to_uppercase().eq([c]);
                seen.insert(c, p);
            }
        }
        Ok(Some(Doc {
            classes_ascii,
            text: prose,
            cp,
            classes: Classes { ascii, other: seen },
        }))
    }
}

#[pymethods]
impl ClaimTests {
    #[new]
    fn new(
        patterns: FxMap<String, String>,
        ascii_patterns: FxMap<String, String>,
        stems: FxMap<String, Vec<String>>,
        words: FxMap<String, Vec<String>>,
    ) -> PyResult<Self> {
        let compile = |p: &str| Regex::new(p).map_err(|e| err(format!("{p}: {e}")));
        let sources = pattern_sources(&patterns, &ascii_patterns, NAMES)?;
        let res = [0, 1].map(|_| (0..NAMES.len()).map(|_| OnceLock::new()).collect());
        let mut stem_lists = Vec::new();
        for name in STEM_NAMES {
            stem_lists.push(
                stems
                    .get(*name)
                    .ok_or_else(|| err(format!("no stems {name}")))?
                    .clone(),
            );
        }
        let mut word_sets = Vec::new();
        for name in WORD_NAMES {
            word_sets.push(
                words
                    .get(*name)
                    .ok_or_else(|| err(format!("no words {name}")))?
                    .iter()
                    .cloned()
                    .collect(),
            );
        }
        Ok(ClaimTests {
            res,
            sources,
            stems: stem_lists,
            words: word_sets,
            word_class: compile(r"\A\w\z")?,
            digit_class: compile(r"\A\d\z")?,
            space_class: compile(r"\A\s\z")?,
            agree: Mutex::new(FxMap::default()),
            ascii_ok: OnceLock::new(),
            ascii: AtomicBool::new(false),
        })
    }

    /// Compile every regex in both forms now: an error names the first that does not compile.
    fn compile_all(&self) -> PyResult<()> {
        compile_every(&self.sources)
    }

    /// [is_claim] for each (s_start, s_end, start, end, kind), or None where the document holds a
    /// character the engines may read differently (the caller asks Python then).
    fn decide(
        &self,
        py: Python<'_>,
        prose: &Bound<'_, PyAny>,
        figures: Vec<(usize, usize, usize, usize, String)>,
    ) -> PyResult<Option<Vec<bool>>> {
        let prose = crate::utf8(prose)?;
        let Some(d) = self.read_doc(py, prose)? else {
            return Ok(None);
        };
        self.ascii.store(d.classes_ascii, Ordering::Relaxed);
        let mut memos: FxMap<(usize, usize), Memo> = FxMap::default();
        let mut out = Vec::with_capacity(figures.len());
        for (s_start, s_end, start, end, kind) in figures {
            let memo = memos.entry((s_start, s_end)).or_default();
            out.push(self.is_claim(&d, memo, s_start, s_end, start, end, &kind));
        }
        Ok(Some(out))
    }

    /// Attribution.figures: (start, end, kind) of every figure, sorted, without overlaps, or None
    /// where the document (or its lower-cased view) holds a character the engines may class apart.
    fn figures(
        &self,
        py: Python<'_>,
        prose: &Bound<'_, PyAny>,
        lower: &Bound<'_, PyAny>,
        words: Vec<usize>,
        records: Vec<usize>,
        odds: bool,
    ) -> PyResult<Option<Vec<(usize, usize, &'static str)>>> {
        let (prose, lower) = (crate::utf8(prose)?, crate::utf8(lower)?);
        let (Some(d), Some(low)) = (self.read_doc(py, prose)?, self.read_doc(py, lower)?) else {
            return Ok(None);
        };
        if low.len() != d.len() {
            return Ok(None);
        }
        self.ascii
            .store(d.classes_ascii && low.classes_ascii, Ordering::Relaxed);
        let digits = crate::attribution::digit_figures_in(&d.cp, &d.classes);
        Ok(Some(crate::attr_figures::figures(
            self, &d, &low, digits, &words, &records, odds,
        )))
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ClaimTests>()
}
