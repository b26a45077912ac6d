//! The boilerplate kind's per-document logic in one call: the exact counterpart of
//! kinds/boilerplate (split_units, measure, Table.line_label, is_dateline, the check's phrase
//! labels, classify and the blocks it yields). Each regex of the Python code is read by hand
//! here, following its backtracking where that changes the answer (the comment above each
//! function names the pattern). Character classes come from the running Python (lib.rs `props`,
//! and `case` below for lower(), islower() and upper()), so both cores agree on every character.

use pyo3::prelude::*;
use pyo3::types::PyString;
use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, OnceLock};

use super::{utf8, ALNUM, ASCII, DECIMAL, SPACE, UPPER};

/// lib.rs `props`, its ASCII table read here without a call (filled by the first `props`).
#[inline]
fn props(py: Python<'_>, c: char) -> PyResult<u8> {
    if (c as u32) < 128 {
        if let Some(table) = ASCII.get() {
            return Ok(table[c as usize]);
        }
    }
    super::props(py, c)
}
#[inline]
fn space(py: Python<'_>, c: char) -> PyResult<bool> {
    Ok(props(py, c)? & SPACE != 0)
}
#[inline]
fn decimal(py: Python<'_>, c: char) -> PyResult<bool> {
    Ok(props(py, c)? & DECIMAL != 0)
}
/// `\w` of Python's re.
#[inline]
fn is_word(py: Python<'_>, c: char) -> PyResult<bool> {
    Ok(c == '_' || props(py, c)? & ALNUM != 0)
}
/// `[^\W\d_]` of Python's re (in ASCII: the letters a-z, A-Z).
#[inline]
fn is_letter(py: Python<'_>, c: char) -> PyResult<bool> {
    if c.is_ascii() {
        return Ok(c.is_ascii_alphabetic());
    }
    Ok(props(py, c)? & (ALNUM | DECIMAL) == ALNUM)
}

type FxSet = crate::fxhash::FxSet<String>;
/// Words as characters: looked up by a slice of the lower-cased line, no string built.
type CharSet = crate::fxhash::FxSet<Box<[char]>>;
type FxMap<V> = crate::fxhash::FxMap<String, V>;

/// Python's c.lower() (None: the character itself), c.islower(), c.upper() == c.
struct Case {
    lower: Option<String>,
    is_lower: bool,
    upper_same: bool,
}

static CASES: OnceLock<Mutex<HashMap<char, Case>>> = OnceLock::new();

fn with_case<T>(py: Python<'_>, c: char, mut f: impl FnMut(&Case) -> T) -> PyResult<T> {
    let cache = CASES.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(case) = cache.lock().unwrap().get(&c) {
        return Ok(f(case));
    }
    let mut buf = [0u8; 4];
    let s = PyString::new(py, c.encode_utf8(&mut buf));
    let lower: String = s.call_method0("lower")?.extract()?;
    let upper: String = s.call_method0("upper")?.extract()?;
    let case = Case {
        lower: if lower.chars().eq(std::iter::once(c)) {
            None
        } else {
            Some(lower)
        },
        is_lower: s.call_method0("islower")?.extract()?,
        upper_same: upper.chars().eq(std::iter::once(c)),
    };
    let out = f(&case);
    cache.lock().unwrap().insert(c, case);
    Ok(out)
}

fn is_lower(py: Python<'_>, c: char) -> PyResult<bool> {
    if c.is_ascii() {
        return Ok(c.is_ascii_lowercase());
    }
    with_case(py, c, |k| k.is_lower)
}

/// text.upper() == text.
fn upper_same(py: Python<'_>, text: &[char]) -> PyResult<bool> {
    for &c in text {
        let same = if c.is_ascii() {
            !c.is_ascii_lowercase()
        } else {
            with_case(py, c, |k| k.upper_same)?
        };
        if !same {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Python's text.lower(): a character at a time, but a capital sigma (lowered by its context)
/// sends the whole text to Python.
fn lower(py: Python<'_>, text: &[char], out: &mut Vec<char>) -> PyResult<()> {
    out.clear();
    if text.contains(&'\u{3a3}') {
        let s: String = text.iter().collect();
        let low: String = PyString::new(py, &s).call_method0("lower")?.extract()?;
        out.extend(low.chars());
        return Ok(());
    }
    for &c in text {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            with_case(py, c, |k| match &k.lower {
                None => out.push(c),
                Some(s) => out.extend(s.chars()),
            })?;
        }
    }
    Ok(())
}

/// The (start, end) of each match of `[^\W\d_]+(?:['’][^\W\d_]+)?` (features._WORD), or of
/// `[^\W\d_]+` alone (table._WORD) without `apostrophe`.
fn words(py: Python<'_>, s: &[char], apostrophe: bool) -> PyResult<Vec<(usize, usize)>> {
    let n = s.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !is_letter(py, s[i])? {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && is_letter(py, s[j])? {
            j += 1;
        }
        if apostrophe && j + 1 < n && matches!(s[j], '\'' | '’') && is_letter(py, s[j + 1])? {
            j += 2;
            while j < n && is_letter(py, s[j])? {
                j += 1;
            }
        }
        out.push((i, j));
        i = j;
    }
    Ok(out)
}

fn skip_space(py: Python<'_>, s: &[char], mut i: usize) -> PyResult<usize> {
    while i < s.len() && space(py, s[i])? {
        i += 1;
    }
    Ok(i)
}

/// `\b` at position i of s (Python's word characters).
fn boundary(py: Python<'_>, s: &[char], i: usize) -> PyResult<bool> {
    let before = i > 0 && is_word(py, s[i - 1])?;
    let after = i < s.len() && is_word(py, s[i])?;
    Ok(before != after)
}

/// The positions where `$` matches: the end, and before a final line break.
fn ends(s: &[char]) -> impl Iterator<Item = usize> {
    let n = s.len();
    let before = if n > 0 && s[n - 1] == '\n' {
        Some(n - 1)
    } else {
        None
    };
    std::iter::once(n).chain(before)
}

fn closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*' | '_')
}

/// `[.!?…。！？]["'”’»)\]*_]*$` ending at `end`, the text read backwards from there.
fn terminal_before(rev: impl Iterator<Item = char>) -> bool {
    for c in rev {
        if !closer(c) {
            return matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？');
        }
    }
    false
}

/// features._TERMINAL.search(s)
fn terminal(s: &[char]) -> bool {
    ends(s).any(|e| terminal_before(s[..e].iter().rev().copied()))
}

fn emoji(c: char) -> bool {
    matches!(c, '\u{1F300}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}')
}

/// features._EMOTICON.search(s): `(?:[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?|\s[:;]-?[)(DP]|\s<3)$`
fn emoticon(py: Python<'_>, s: &[char]) -> PyResult<bool> {
    for e in ends(s) {
        let at = |k: usize| {
            if k <= e && k >= 1 {
                Some(s[e - k])
            } else {
                None
            }
        };
        if at(1).is_some_and(emoji) || (at(1) == Some('\u{fe0f}') && at(2).is_some_and(emoji)) {
            return Ok(true);
        }
        if at(1).is_some_and(|c| matches!(c, ')' | '(' | 'D' | 'P')) {
            if at(2).is_some_and(|c| matches!(c, ':' | ';')) && e >= 3 && space(py, s[e - 3])? {
                return Ok(true);
            }
            if at(2) == Some('-')
                && at(3).is_some_and(|c| matches!(c, ':' | ';'))
                && e >= 4
                && space(py, s[e - 4])?
            {
                return Ok(true);
            }
        }
        if at(1) == Some('3') && at(2) == Some('<') && e >= 3 && space(py, s[e - 3])? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// len(_SEPARATORS.findall(s)): `\s[|•·›»/>–]\s|\s\|\s?|\s?\|\s`
fn separators(py: Python<'_>, s: &[char]) -> PyResult<usize> {
    let n = s.len();
    let sp = |i: usize| -> PyResult<bool> { Ok(i < n && space(py, s[i])?) };
    let (mut i, mut count) = (0usize, 0usize);
    while i < n {
        let mut m = 0;
        if sp(i)?
            && i + 1 < n
            && matches!(s[i + 1], '|' | '•' | '·' | '›' | '»' | '/' | '>' | '–')
            && sp(i + 2)?
        {
            m = 3;
        } else if sp(i)? && i + 1 < n && s[i + 1] == '|' {
            m = if sp(i + 2)? { 3 } else { 2 };
        } else if s[i] == '|' && sp(i + 1)? {
            m = 2;
        }
        if m > 0 {
            count += 1;
            i += m;
        } else {
            i += 1;
        }
    }
    Ok(count)
}

/// _QUOTED.sub("", s): `«[^«»\n]*»`
fn unquoted(s: &[char]) -> Vec<char> {
    let n = s.len();
    let mut out = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        if s[i] == '«' {
            let mut j = i + 1;
            while j < n && !matches!(s[j], '«' | '»' | '\n') {
                j += 1;
            }
            if j < n && s[j] == '»' {
                i = j + 1;
                continue;
            }
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

fn digits_at(py: Python<'_>, s: &[char], i: usize, k: usize) -> PyResult<bool> {
    if i + k > s.len() {
        return Ok(false);
    }
    for &c in &s[i..i + k] {
        if !decimal(py, c)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The ends of the matches of `\d{1,2}[./-]\d{1,2}[./-]\d{2,4}` at i.
fn numeric_date_ends(py: Python<'_>, s: &[char], i: usize) -> PyResult<Vec<usize>> {
    let mut out = Vec::new();
    let sep = |k: usize| k < s.len() && matches!(s[k], '.' | '/' | '-');
    for a in 1..=2 {
        if !digits_at(py, s, i, a)? || !sep(i + a) {
            continue;
        }
        let p = i + a + 1;
        for b in 1..=2 {
            if !digits_at(py, s, p, b)? || !sep(p + b) {
                continue;
            }
            let q = p + b + 1;
            for c in 2..=4 {
                if digits_at(py, s, q, c)? {
                    out.push(q + c);
                }
            }
        }
    }
    Ok(out)
}

/// A `\b` before the digit at i.
fn digit_start(py: Python<'_>, s: &[char], i: usize) -> PyResult<bool> {
    Ok(decimal(py, s[i])? && (i == 0 || !is_word(py, s[i - 1])?))
}

/// features._DATE.search(s):
/// `\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[:h]\d{2}\b`
fn has_date(py: Python<'_>, s: &[char]) -> PyResult<bool> {
    let n = s.len();
    let end_ok = |e: usize| -> PyResult<bool> { Ok(e == n || !is_word(py, s[e])?) };
    for i in 0..n {
        if !digit_start(py, s, i)? {
            continue;
        }
        for e in numeric_date_ends(py, s, i)? {
            if end_ok(e)? {
                return Ok(true);
            }
        }
        if digits_at(py, s, i, 4)?
            && s.get(i + 4) == Some(&'-')
            && digits_at(py, s, i + 5, 2)?
            && s.get(i + 7) == Some(&'-')
            && digits_at(py, s, i + 8, 2)?
            && end_ok(i + 10)?
        {
            return Ok(true);
        }
        for a in 1..=2 {
            if digits_at(py, s, i, a)?
                && matches!(s.get(i + a), Some(':' | 'h'))
                && digits_at(py, s, i + a + 1, 2)?
                && end_ok(i + a + 3)?
            {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// features._DATE_END.search(s): `\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$`
fn date_at_end(py: Python<'_>, s: &[char]) -> PyResult<bool> {
    let n = s.len();
    for i in n.saturating_sub(11)..n {
        if digit_start(py, s, i)?
            && numeric_date_ends(py, s, i)?
                .into_iter()
                .any(|e| ends(s).any(|x| x == e))
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// features._CODE.search(s): `[{};=]|\|--|->|\(\)`
fn has_code(s: &[char]) -> bool {
    s.iter().enumerate().any(|(i, &c)| {
        matches!(c, '{' | '}' | ';' | '=')
            || (c == '|' && s.get(i + 1) == Some(&'-') && s.get(i + 2) == Some(&'-'))
            || (c == '-' && s.get(i + 1) == Some(&'>'))
            || (c == '(' && s.get(i + 1) == Some(&')'))
    })
}

fn count_char(c: char) -> bool {
    c == '.' || c == ','
}

/// The end of a match of features._COUNTS at i:
/// `\(\s*\d[\d.,]*\s*\)|\b\d[\d.,]*\s*[kKmM]?\s*$|^\s*\d[\d.,]*\s*[kKmM]?\b`
fn counts_at(py: Python<'_>, s: &[char], i: usize) -> PyResult<Option<usize>> {
    let n = s.len();
    let figure_end = |mut p: usize| -> PyResult<usize> {
        while p < n && (decimal(py, s[p])? || count_char(s[p])) {
            p += 1;
        }
        Ok(p)
    };
    let kilo = |p: usize| p < n && matches!(s[p], 'k' | 'K' | 'm' | 'M');
    if s[i] == '(' {
        let p = skip_space(py, s, i + 1)?;
        if p < n && decimal(py, s[p])? {
            let q = skip_space(py, s, figure_end(p + 1)?)?;
            if q < n && s[q] == ')' {
                return Ok(Some(q + 1));
            }
        }
    }
    if digit_start(py, s, i)? {
        // Greedy all through: a shorter figure or space run leaves a character `$` cannot pass.
        let mut p = skip_space(py, s, figure_end(i + 1)?)?;
        if kilo(p) {
            p = skip_space(py, s, p + 1)?;
        }
        if p == n {
            return Ok(Some(n));
        }
    }
    if i == 0 {
        let p = skip_space(py, s, 0)?;
        if p < n && decimal(py, s[p])? {
            // Backtracking order: the longest figure first, then shorter ones; for each, the
            // longest space run with and then without the unit letter, then shorter runs.
            let longest = figure_end(p + 1)?;
            for d_end in (p + 1..=longest).rev() {
                let q = skip_space(py, s, d_end)?;
                if kilo(q) && boundary(py, s, q + 1)? {
                    return Ok(Some(q + 1));
                }
                for pos in (d_end..=q).rev() {
                    if boundary(py, s, pos)? {
                        return Ok(Some(pos));
                    }
                }
            }
        }
    }
    Ok(None)
}

/// features.core_text(text)
fn core_text(py: Python<'_>, s: &[char]) -> PyResult<String> {
    let n = s.len();
    let mut subbed: Vec<char> = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        match counts_at(py, s, i)? {
            Some(e) => {
                subbed.push(' ');
                i = e;
            }
            None => {
                subbed.push(s[i]);
                i += 1;
            }
        }
    }
    // _TRIM: the non-letters at both ends.
    let (mut a, mut b) = (0, subbed.len());
    while a < b && !is_letter(py, subbed[a])? {
        a += 1;
    }
    while b > a && !is_letter(py, subbed[b - 1])? {
        b -= 1;
    }
    let mut low = Vec::new();
    lower(py, &subbed[a..b], &mut low)?;
    let mut out = String::new();
    let mut word = false;
    for c in low {
        if space(py, c)? {
            word = false;
            continue;
        }
        if !word && !out.is_empty() {
            out.push(' ');
        }
        word = true;
        out.push(c);
    }
    Ok(out)
}

const SAMPLE: usize = 250;
const SHORT_CHARS: usize = 250;
const INTRO_WORDS: usize = 6;
const TOC_WORDS: usize = 12;

/// features.Line, the label an index into Table.names.
struct Line {
    start: usize,
    end: usize,
    words: usize,
    stop: f64,
    terminal: bool,
    capitals: f64,
    upper: bool,
    digits: f64,
    separators: usize,
    date: bool,
    code: bool,
    intro: bool,
    key: String,
    label: Option<usize>,
}

const INVISIBLE: [char; 6] = [
    '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{2063}', '\u{feff}',
];
const TAIL: usize = 64;

/// Whether the last characters `w` of a longer text answer _TERMINAL, _EMOTICON and the colon
/// test as the whole would: the look-back of each stays inside them.
fn tail_enough(w: &[char]) -> bool {
    let mut e = w.len();
    while e > 0 && INVISIBLE.contains(&w[e - 1]) {
        e -= 1;
    }
    let ended = &w[..e];
    e >= 6 && ends(ended).all(|x| ended[..x].iter().any(|&c| !closer(c)))
}

/// features.measure over one unit. A long unit is read by its head (SAMPLE characters), its
/// tail and a count of its spaces; the whole of it only when its key is needed.
fn measure(
    py: Python<'_>,
    unit: &str,
    start: usize,
    end: usize,
    stops: Option<&CharSet>,
) -> PyResult<Line> {
    let mut head: Vec<char> = Vec::with_capacity(unit.len().min(SAMPLE));
    let mut cut = unit.len();
    for (b, c) in unit.char_indices() {
        if head.len() == SAMPLE {
            cut = b;
            break;
        }
        head.push(c);
    }
    let rest = &unit[cut..];
    let chars = head.len() + rest.chars().count();
    let whole = || -> Vec<char> { unit.chars().collect() };
    let tail: Vec<char> = if rest.is_empty() {
        Vec::new()
    } else {
        let mut w: Vec<char> = rest.chars().rev().take(TAIL).collect();
        w.reverse();
        if tail_enough(&w) {
            w
        } else {
            whole()
        }
    };
    let t: &[char] = if rest.is_empty() { &head } else { &tail };
    let mut e = t.len();
    while e > 0 && INVISIBLE.contains(&t[e - 1]) {
        e -= 1;
    }
    let ended = &t[..e];
    let head = &head[..];
    let mut low = Vec::new();
    lower(py, head, &mut low)?;
    let lowered = words(py, &low, true)?;
    let sampled = lowered.len();
    let n = if chars <= SAMPLE {
        sampled
    } else {
        sampled + rest.bytes().filter(|&b| b == b' ').count()
    };
    let mut stop = 0.0;
    if let Some(stops) = stops.filter(|s| sampled > 0 && !s.is_empty()) {
        let mut hits = 0usize;
        for &(a, b) in &lowered {
            hits += stops.contains(&low[a..b]) as usize;
        }
        stop = hits as f64 / sampled as f64;
    }
    let (mut capitals, mut upper) = (0.0, false);
    if sampled > 0 && chars <= SAMPLE {
        let mut caps = 0usize;
        // An ASCII line lower-cased keeps its words where they were.
        let own = if head.iter().all(char::is_ascii) {
            None
        } else {
            Some(words(py, head, true)?)
        };
        for &(a, _b) in own.as_ref().unwrap_or(&lowered) {
            caps += (props(py, head[a])? & UPPER != 0) as usize;
        }
        capitals = caps as f64 / sampled as f64;
        upper = lowered.iter().map(|(a, b)| b - a).sum::<usize>() >= 4 && upper_same(py, head)?;
    }
    let short = chars <= SHORT_CHARS;
    let colon = ended.last() == Some(&':');
    let mut digits = 0.0;
    if short && !head.is_empty() {
        let mut k = 0usize;
        for &c in head {
            k += decimal(py, c)? as usize;
        }
        digits = k as f64 / head.len() as f64;
    }
    let seps = if !short {
        0
    } else if head.contains(&'«') {
        separators(py, &unquoted(head))?
    } else {
        separators(py, head)?
    };
    Ok(Line {
        start,
        end,
        words: n,
        stop,
        terminal: terminal(ended) || emoticon(py, ended)? || (n >= INTRO_WORDS && colon),
        capitals,
        upper,
        digits,
        separators: seps,
        date: short && has_date(py, head)?,
        code: short && has_code(head),
        intro: n >= INTRO_WORDS && colon,
        key: if n > TOC_WORDS {
            String::new()
        } else if rest.is_empty() {
            core_text(py, head)?
        } else {
            core_text(py, &whole())?
        },
        label: None,
    })
}

/// Code point offsets to byte offsets: one mark every 256 characters.
struct Offsets {
    ascii: bool,
    marks: Vec<usize>,
    len: usize,
}

impl Offsets {
    fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Offsets {
                ascii: true,
                marks: Vec::new(),
                len: text.len(),
            };
        }
        let mut marks = Vec::with_capacity(text.len() / 256 + 1);
        let mut len = 0;
        for (k, (b, _c)) in text.char_indices().enumerate() {
            if k % 256 == 0 {
                marks.push(b);
            }
            len = k + 1;
        }
        Offsets {
            ascii: false,
            marks,
            len,
        }
    }
    fn byte(&self, text: &str, c: usize) -> usize {
        let c = c.min(self.len);
        if self.ascii {
            return c;
        }
        if c == self.len {
            return text.len();
        }
        let b = self.marks[c / 256];
        text[b..]
            .char_indices()
            .nth(c % 256)
            .map_or(text.len(), |(d, _)| b + d)
    }
    fn chars(&self, text: &str, start: usize, end: usize) -> Vec<char> {
        if end <= start {
            return Vec::new();
        }
        text[self.byte(text, start)..self.byte(text, end)]
            .chars()
            .collect()
    }
}

/// features.split_units: (start, end) in code points and in bytes.
fn split_units(py: Python<'_>, prose: &str) -> PyResult<Vec<[usize; 4]>> {
    let mut units: Vec<[usize; 4]> = Vec::new();
    let mut joinable = false;
    let (mut byte, mut char_at) = (0usize, 0usize);
    for line in prose.split('\n') {
        let (line_byte, line_char) = (byte, char_at);
        let count = line.chars().count();
        byte += line.len() + 1;
        char_at += count + 1;
        if line.is_empty() {
            continue;
        }
        let (mut lead, mut lead_b) = (0usize, 0usize);
        for c in line.chars() {
            if !space(py, c)? {
                break;
            }
            lead += 1;
            lead_b += c.len_utf8();
        }
        if lead == count {
            joinable = false;
            continue;
        }
        let (mut trail, mut trail_b) = (0usize, 0usize);
        for c in line.chars().rev() {
            if !space(py, c)? {
                break;
            }
            trail += 1;
            trail_b += c.len_utf8();
        }
        let stripped = &line[lead_b..line.len() - trail_b];
        let (s, e) = (line_char + lead, line_char + count - trail);
        let (sb, eb) = (line_byte + lead_b, line_byte + line.len() - trail_b);
        let first = stripped.chars().next().unwrap();
        let joined = match units.last_mut() {
            Some(last)
                if joinable
                    && is_lower(py, first)?
                    && prose.as_bytes()[last[3]..sb]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count()
                        == 1 =>
            {
                last[1] = e;
                last[3] = eb;
                true
            }
            _ => false,
        };
        if !joined {
            units.push([s, e, sb, eb]);
        }
        let last = stripped.chars().next_back().unwrap();
        joinable = count - lead - trail >= 50
            && !terminal_before(stripped.chars().rev())
            && last != ':'
            && last != ';';
    }
    Ok(units)
}

/// What must follow a prefix (table._AFTER, by label; 0 is the default).
const AFTER_PHOTO: u8 = 1;
const AFTER_BYLINE: u8 = 2;
const AFTER_DATELINE: u8 = 3;

/// Whether table._AFTER[kind] matches at p of s.
fn after(py: Python<'_>, s: &[char], p: usize, kind: u8) -> PyResult<bool> {
    let n = s.len();
    let q = skip_space(py, s, p)?;
    match kind {
        AFTER_PHOTO => {
            // \s*(?:\([^)\n]{0,20}\)\s*)?(?:[:|/©]|\s(?:by|von|de|por|di|da|par|door)\s)
            let mut at: Vec<usize> = (p..=q).collect();
            if q < n && s[q] == '(' {
                let mut j = q + 1;
                while j < n && s[j] != ')' && s[j] != '\n' {
                    j += 1;
                }
                if j < n && s[j] == ')' && j - q - 1 <= 20 {
                    at.extend(j + 1..=skip_space(py, s, j + 1)?);
                }
            }
            for r in at {
                if r < n && matches!(s[r], ':' | '|' | '/' | '©') {
                    return Ok(true);
                }
                if r < n && space(py, s[r])? {
                    for word in ["by", "von", "de", "por", "di", "da", "par", "door"] {
                        let k = word.len();
                        if r + 1 + k < n
                            && s[r + 1..r + 1 + k].iter().copied().eq(word.chars())
                            && space(py, s[r + 1 + k])?
                        {
                            return Ok(true);
                        }
                    }
                }
            }
            Ok(false)
        }
        // \s*:|\s+[A-ZÀ-ÖØ-Þ\u0100-\u017f][\w'’.-]*
        AFTER_BYLINE => Ok(q < n
            && (s[q] == ':'
                || (q > p
                    && matches!(s[q], 'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' | '\u{100}'..='\u{17f}')))),
        AFTER_DATELINE => {
            // \s*[:,]?\s*(?:\d|[^\W\d_]+\s+\d)
            let mut q = q;
            if q < n && matches!(s[q], ':' | ',') {
                q = skip_space(py, s, q + 1)?;
            }
            if q < n && decimal(py, s[q])? {
                return Ok(true);
            }
            let mut r = q;
            while r < n && is_letter(py, s[r])? {
                r += 1;
            }
            let t = skip_space(py, s, r)?;
            Ok(r > q && t > r && t < n && decimal(py, s[t])?)
        }
        _ => {
            // \s*:[^\w\n]*\w
            if !(q < n && s[q] == ':') {
                return Ok(false);
            }
            let mut r = q + 1;
            while r < n && s[r] != '\n' && !is_word(py, s[r])? {
                r += 1;
            }
            Ok(r < n && s[r] != '\n')
        }
    }
}

/// A language's stop words, handed over once (text.language.stopwords).
#[pyclass(frozen)]
pub struct StopWords {
    words: CharSet,
}

#[pymethods]
impl StopWords {
    #[new]
    fn new(words: Vec<String>) -> Self {
        StopWords {
            words: words.iter().map(|w| w.chars().collect()).collect(),
        }
    }
}

/// The classifier's constants and label sets (classify.py), handed over from Python.
struct Consts {
    long_words: usize,
    very_long_words: usize,
    stop_high: f64,
    stop_low: f64,
    fragment_stop: f64,
    good: f64,
    near: f64,
    short: f64,
    bad: f64,
    break_weight: f64,
    label_weight: f64,
    list_run: usize,
    toc_entries: usize,
    merge_score: f64,
    headline_gap: usize,
    phrase_line: usize,
    filler: usize,
    max_labels: usize,
    lone: usize,
    repeated: usize,
    share_names: usize,
}

/// The rule's table (table.Table) and the classifier's constants: check() lints a document.
#[pyclass(frozen)]
pub struct Boilerplate {
    names: Vec<String>,
    is_break: Vec<bool>,
    is_inline: Vec<bool>,
    term_label: Vec<usize>,
    term_weak: Vec<bool>,
    lines: FxMap<usize>,
    longest: usize,
    share_words: FxSet,
    /// (label, entries as characters, what must follow)
    prefixes: Vec<(usize, Vec<Vec<char>>, u8)>,
    byline: Option<usize>,
    dateline: usize,
    share_bar: usize,
    navigation: usize,
    c: Consts,
    /// (character of the text, character of an entry) -> equal ignoring case, as re's (?i) says.
    folds: Mutex<HashMap<(char, char), bool>>,
}

fn label_id(names: &mut Vec<String>, label: &str) -> usize {
    names.iter().position(|n| n == label).unwrap_or_else(|| {
        names.push(label.to_string());
        names.len() - 1
    })
}

const GOOD: u8 = 0;
const NEAR: u8 = 1;
const SHORT: u8 = 2;
const BAD: u8 = 3;

#[pymethods]
impl Boilerplate {
    /// terms: (label, weak) per phrase of the term automaton; lines: core text -> label;
    /// prefixes: (label, entries, after kind); consts: classify.py's and the kind's constants.
    #[new]
    #[allow(clippy::too_many_arguments)]
    fn new(
        terms: Vec<(String, bool)>,
        lines: Vec<(String, String)>,
        longest: usize,
        share_words: Vec<String>,
        prefixes: Vec<(String, Vec<String>, u8)>,
        break_labels: Vec<String>,
        inline_labels: Vec<String>,
        consts: HashMap<String, f64>,
    ) -> PyResult<Self> {
        let mut names: Vec<String> = Vec::new();
        let term_label = terms.iter().map(|(l, _)| label_id(&mut names, l)).collect();
        let term_weak = terms.iter().map(|(_, w)| *w).collect();
        let lines = lines
            .into_iter()
            .map(|(k, l)| (k, label_id(&mut names, &l)))
            .collect();
        let prefixes = prefixes
            .into_iter()
            .map(|(l, entries, kind)| {
                (
                    label_id(&mut names, &l),
                    entries.iter().map(|e| e.chars().collect()).collect(),
                    kind,
                )
            })
            .collect();
        let byline = names.iter().position(|n| n == "byline");
        let dateline = label_id(&mut names, "dateline");
        let share_bar = label_id(&mut names, "share bar");
        let navigation = label_id(&mut names, "navigation");
        let is_break = names.iter().map(|n| break_labels.contains(n)).collect();
        let is_inline = names.iter().map(|n| inline_labels.contains(n)).collect();
        let get = |k: &str| -> PyResult<f64> {
            consts
                .get(k)
                .copied()
                .ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(k.to_string()))
        };
        let c = Consts {
            long_words: get("LONG_WORDS")? as usize,
            very_long_words: get("VERY_LONG_WORDS")? as usize,
            stop_high: get("STOP_HIGH")?,
            stop_low: get("STOP_LOW")?,
            fragment_stop: get("FRAGMENT_STOP")?,
            good: get("GOOD")?,
            near: get("NEAR")?,
            short: get("SHORT")?,
            bad: get("BAD")?,
            break_weight: get("BREAK_WEIGHT")?,
            label_weight: get("LABEL_WEIGHT")?,
            list_run: get("LIST_RUN")? as usize,
            toc_entries: get("TOC_ENTRIES")? as usize,
            merge_score: get("MERGE_SCORE")?,
            headline_gap: get("HEADLINE_GAP")? as usize,
            phrase_line: get("PHRASE_LINE")? as usize,
            filler: get("FILLER")? as usize,
            max_labels: get("MAX_LABELS")? as usize,
            lone: get("LONE")? as usize,
            repeated: get("REPEATED")? as usize,
            share_names: get("SHARE_NAMES")? as usize,
        };
        Ok(Boilerplate {
            names,
            is_break,
            is_inline,
            term_label,
            term_weak,
            lines,
            longest,
            share_words: share_words.into_iter().collect(),
            prefixes,
            byline,
            dateline,
            share_bar,
            navigation,
            c,
            folds: Mutex::new(HashMap::new()),
        })
    }

    /// The Boilerplate kind's check() on one document: [(start, end, labels, lines)] of the
    /// blocks it reports. `spans`: the Markdown blocks, or None for split_units(prose);
    /// `stops`: the stop words of the document's language (None: it has none); `hits`: the
    /// term automaton's (start, end, term) of the table's phrases; `exempt`: the line indexes
    /// that are Markdown headings. `prose` is a str or its UTF-8 bytes.
    #[pyo3(signature = (prose, spans, stops, hits, exempt))]
    fn check(
        &self,
        py: Python<'_>,
        prose: &Bound<'_, PyAny>,
        spans: Option<Vec<(usize, usize)>>,
        stops: Option<PyRef<'_, StopWords>>,
        hits: Vec<(usize, usize, usize)>,
        exempt: Vec<usize>,
    ) -> PyResult<Vec<(usize, usize, String, usize)>> {
        let prose = utf8(prose)?;
        // Only Markdown blocks and phrase hits come as code points: most texts need no table.
        let offsets = std::cell::OnceCell::new();
        let offsets = || offsets.get_or_init(|| Offsets::new(prose));
        let units: Vec<[usize; 4]> = match spans {
            Some(spans) => spans
                .into_iter()
                .map(|(s, e)| {
                    [
                        s,
                        e,
                        offsets().byte(prose, s),
                        offsets().byte(prose, e.max(s)),
                    ]
                })
                .collect(),
            None => split_units(py, prose)?,
        };
        if units.is_empty() {
            return Ok(Vec::new());
        }
        let stops = stops.as_deref().map(|s| &s.words);
        let has_stops = stops.is_some_and(|s| !s.is_empty());
        let mut lines = Vec::with_capacity(units.len());
        for u in &units {
            lines.push(measure(py, &prose[u[2]..u[3]], u[0], u[1], stops)?);
        }
        let phrase_labels = if hits.is_empty() {
            vec![Vec::new(); lines.len()]
        } else {
            self.phrase_labels(py, prose, offsets(), &hits, &lines)?
        };
        let c = &self.c;
        let mut templated = vec![false; lines.len()];
        for (i, line) in lines.iter_mut().enumerate() {
            let labels = &phrase_labels[i];
            if !labels.is_empty() && (labels.len() >= 2 || line.words <= c.phrase_line) {
                line.label = Some(labels[0]);
                templated[i] = true;
            } else if line.words <= 20 {
                let u = &units[i];
                let t: Vec<char> = prose[u[2]..u[3]].chars().collect();
                line.label = self.line_label(py, &t, line)?;
                if line.label.is_none() && line.date && !line.terminal {
                    let dated = (line.words <= 4 && line.digits >= 0.3)
                        || (line.words <= 15 && date_at_end(py, &t)?);
                    if dated {
                        line.label = Some(self.dateline);
                    }
                }
            } else {
                line.label = None;
            }
            if is_menu(line) {
                templated[i] = true;
            }
        }
        self.unlabel_repeats(py, prose, &units, &mut lines)?;
        let first = &lines[0];
        let headline = lines.len() > 1
            && (first.label == Some(self.dateline)
                || (first.label.is_none()
                    && !first.terminal
                    && 1 <= first.words
                    && first.words <= 25
                    && first.separators < 2));
        let mut exempt_set = vec![false; lines.len()];
        for i in exempt {
            if i < lines.len() {
                exempt_set[i] = true;
            }
        }
        let flags = self.classify(&lines, has_stops, exempt_set, headline);
        let furniture =
            (0..lines.len()).any(|i| flags[i] && (lines[i].label.is_some() || is_menu(&lines[i])));
        let scraped = furniture && flags.iter().filter(|&&f| f).count() > c.lone;
        let mut out = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            if !flags[i] {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < lines.len() && flags[j + 1] {
                j += 1;
            }
            if scraped || templated[i..=j].iter().any(|&t| t) {
                out.push(self.block(&lines, &phrase_labels, i, j));
            }
            i = j + 1;
        }
        Ok(out)
    }
}

fn is_menu(line: &Line) -> bool {
    line.separators >= 2 && line.words <= 4 * (line.separators + 1) && !line.code
}

impl Boilerplate {
    /// Per line, the labels of the table's phrases on it, in order (the check's _phrase_labels).
    fn phrase_labels(
        &self,
        py: Python<'_>,
        prose: &str,
        offsets: &Offsets,
        hits: &[(usize, usize, usize)],
        lines: &[Line],
    ) -> PyResult<Vec<Vec<usize>>> {
        let mut out = vec![Vec::new(); lines.len()];
        let at = |k: usize| offsets.chars(prose, k, k + 1).first().copied();
        let blank = |a: usize, b: usize| -> PyResult<bool> {
            for c in offsets.chars(prose, a, b) {
                if !space(py, c)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        for &(start, end, term) in hits {
            if start > 0 {
                if let Some(c) = at(start - 1) {
                    if props(py, c)? & ALNUM != 0 {
                        continue; // glued to a word: mojibake
                    }
                }
            }
            let i = lines.partition_point(|l| l.start <= start);
            if i == 0 {
                continue;
            }
            let i = i - 1;
            let line = &lines[i];
            if start >= line.end {
                continue;
            }
            if self.term_weak[term] && line.words > self.c.filler && !blank(line.start, start)? {
                continue;
            }
            if end > 0 && at(end - 1) == Some(':') && blank(end, line.end)? {
                continue;
            }
            out[i].push(self.term_label[term]);
        }
        Ok(out)
    }

    /// Whether one of `entries` ignoring case (re's (?i)), after at most three non-word
    /// characters, starts s: the Table's prefix pattern `^[^\w\n]{0,3}(?i:entries)\b(?=after)`.
    fn prefix(
        &self,
        py: Python<'_>,
        s: &[char],
        entries: &[Vec<char>],
        kind: u8,
    ) -> PyResult<bool> {
        let n = s.len();
        for k in 0..=3 {
            if k > 0 && (k > n || s[k - 1] == '\n' || is_word(py, s[k - 1])?) {
                break;
            }
            'entry: for entry in entries {
                let p = k + entry.len();
                if p > n {
                    continue;
                }
                for (a, b) in s[k..p].iter().zip(entry) {
                    if !self.same_ignoring_case(py, *a, *b)? {
                        continue 'entry;
                    }
                }
                if boundary(py, s, p)? && after(py, s, p, kind)? {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    fn same_ignoring_case(&self, py: Python<'_>, a: char, b: char) -> PyResult<bool> {
        if a == b {
            return Ok(true);
        }
        if a.is_ascii() && b.is_ascii() {
            return Ok(a.eq_ignore_ascii_case(&b));
        }
        if let Some(&same) = self.folds.lock().unwrap().get(&(a, b)) {
            return Ok(same);
        }
        let re = py.import("re")?;
        let pattern = format!(
            "(?i:{})",
            re.call_method1("escape", (b.to_string(),))?
                .extract::<String>()?
        );
        let same = !re
            .call_method1("match", (pattern, a.to_string()))?
            .is_none();
        self.folds.lock().unwrap().insert((a, b), same);
        Ok(same)
    }

    /// table.Table.line_label(text, words) of a line of at most 20 words.
    fn line_label(&self, py: Python<'_>, t: &[char], line: &Line) -> PyResult<Option<usize>> {
        let words = line.words;
        if words <= self.longest + 2 {
            let core = if words <= TOC_WORDS {
                line.key.clone()
            } else {
                core_text(py, t)?
            };
            if !core.is_empty() {
                if let Some(&label) = self.lines.get(&core) {
                    return Ok(Some(label));
                }
            }
        }
        if !self.share_words.is_empty() {
            let mut low = Vec::new();
            lower(py, t, &mut low)?;
            let mut seen: HashSet<String> = HashSet::new();
            for (a, b) in words_of_letters(py, &low)? {
                let w: String = low[a..b].iter().collect();
                if self.share_words.contains(&w) {
                    seen.insert(w);
                }
            }
            if seen.len() >= self.c.share_names {
                return Ok(Some(self.share_bar));
            }
        }
        if words > 12 {
            return Ok(None);
        }
        for (label, entries, kind) in &self.prefixes {
            if Some(*label) == self.byline && words > 8 {
                continue;
            }
            if self.prefix(py, t, entries, *kind)? {
                return Ok(Some(*label));
            }
        }
        Ok(None)
    }

    /// The check's _unlabel_repeats: a navigation word on REPEATED lines or more is a list's
    /// link label.
    fn unlabel_repeats(
        &self,
        py: Python<'_>,
        prose: &str,
        units: &[[usize; 4]],
        lines: &mut [Line],
    ) -> PyResult<()> {
        let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, line) in lines.iter().enumerate() {
            if line.label == Some(self.navigation) {
                let key = if line.words <= TOC_WORDS {
                    line.key.clone()
                } else {
                    let t: Vec<char> = prose[units[i][2]..units[i][3]].chars().collect();
                    core_text(py, &t)?
                };
                seen.entry(key).or_default().push(i);
            }
        }
        for same in seen.values() {
            if same.len() >= self.c.repeated {
                for &i in same {
                    lines[i].label = None;
                }
            }
        }
        Ok(())
    }

    fn block(
        &self,
        lines: &[Line],
        phrase_labels: &[Vec<usize>],
        first: usize,
        last: usize,
    ) -> (usize, usize, String, usize) {
        let mut labels: Vec<&str> = Vec::new();
        for i in first..=last {
            let own: Vec<usize> = if !phrase_labels[i].is_empty() {
                phrase_labels[i].clone()
            } else {
                lines[i].label.into_iter().collect()
            };
            for l in own {
                let name = self.names[l].as_str();
                if !labels.contains(&name) {
                    labels.push(name);
                }
            }
        }
        if labels.is_empty() {
            labels.push(if last > first {
                "short unpunctuated lines"
            } else {
                "short unpunctuated line"
            });
        } else if labels.len() > self.c.max_labels {
            labels.truncate(self.c.max_labels);
            labels.push("…");
        }
        (
            lines[first].start,
            lines[last].end,
            labels.join(", "),
            last - first + 1,
        )
    }

    /// classify.line_class
    fn line_class(&self, line: &Line, has_stops: bool) -> u8 {
        let c = &self.c;
        if line.label.is_some() {
            return BAD;
        }
        if line.words == 0 {
            return SHORT;
        }
        if is_menu(line) {
            return BAD;
        }
        let high = line.stop >= c.stop_high || !has_stops;
        let low = line.stop >= c.stop_low || !has_stops;
        if line.words >= c.long_words && low && (line.terminal || line.words >= c.very_long_words) {
            return if high || line.words >= c.very_long_words {
                GOOD
            } else {
                NEAR
            };
        }
        if line.terminal && line.words >= 4 && low {
            return NEAR;
        }
        if line.words >= c.long_words && high && !line.upper {
            return NEAR;
        }
        if has_stops && line.words >= 4 && line.stop >= c.fragment_stop && !line.upper {
            return NEAR;
        }
        if line.words < 4 {
            return SHORT;
        }
        if !line.terminal && (line.capitals >= 0.6 || line.upper || (has_stops && line.stop < 0.15))
        {
            return BAD;
        }
        SHORT
    }

    /// classify._weights
    fn weights(&self, classes: &[u8], lines: &[Line]) -> Vec<f64> {
        let c = &self.c;
        classes
            .iter()
            .zip(lines)
            .map(|(&cls, line)| {
                let base = [c.good, c.near, c.short, c.bad][cls as usize];
                let label_break = line.label.is_some_and(|l| self.is_break[l]);
                let label_inline = line.label.is_some_and(|l| self.is_inline[l]);
                if cls == GOOD {
                    base + line.words.min(60) as f64 / 20.0
                } else if cls == NEAR && !line.terminal {
                    if line.stop >= c.fragment_stop {
                        c.near / 2.0
                    } else {
                        c.short
                    }
                } else if cls == BAD && label_break {
                    c.break_weight
                } else if cls == BAD && label_inline {
                    c.bad
                } else if cls == BAD && line.label.is_some() {
                    c.label_weight
                } else {
                    base
                }
            })
            .collect()
    }

    /// classify.prose_core
    fn prose_core(&self, classes: &[u8], lines: &[Line]) -> Option<(usize, usize)> {
        let c = &self.c;
        let weights = self.weights(classes, lines);
        let n = lines.len();
        let before = prefix_runs(&weights);
        let mut after = SuffixRuns::new(&weights);
        let (_score, first, last) = before[n];
        if last < first
            || !classes[first as usize..=last as usize]
                .iter()
                .any(|&k| k == GOOD || k == NEAR)
        {
            return None;
        }
        let breaks: Vec<bool> = lines
            .iter()
            .map(|l| l.label.is_some_and(|k| self.is_break[k]))
            .collect();
        let (mut first, mut last) = (first as usize, last as usize);
        loop {
            let mut grown = false;
            let (score, a, b) = after.get(last + 1);
            if b >= a && score >= c.merge_score && !breaks[last + 1..a as usize].iter().any(|&x| x)
            {
                last = b as usize;
                grown = true;
            }
            let (score, a, b) = before[first];
            if b >= a
                && score >= c.merge_score
                && breaks[(b + 1) as usize..first]
                    .iter()
                    .filter(|&&x| x)
                    .count()
                    <= 1
            {
                first = a as usize;
                grown = true;
            }
            if !grown {
                return Some((first, last));
            }
        }
    }

    /// classify._extend and _contents_above
    fn extend(&self, core: (usize, usize), lines: &[Line]) -> (usize, usize) {
        let c = &self.c;
        let (mut first, mut last) = core;
        let n = lines.len();
        let mut j = last + 1;
        while j < n && lines[j].label.is_none() && lines[j].separators < 2 {
            j += 1;
        }
        let mut k = last;
        while k > first && !lines[k].terminal && lines[k].words < c.long_words {
            k -= 1;
        }
        if j - last - 1 >= c.list_run || lines[k].intro {
            last = j - 1;
        }
        let mut j = first as isize - 1;
        while j >= 0 && lines[j as usize].label.is_none() && lines[j as usize].separators < 2 {
            j -= 1;
        }
        if (first as isize - j - 1) as usize >= c.list_run {
            first = (j + 1) as usize;
        }
        (self.contents_above(lines, first, last), last)
    }

    fn contents_above(&self, lines: &[Line], first: usize, last: usize) -> usize {
        let c = &self.c;
        let paragraph =
            |i: usize| i < lines.len() && lines[i].words >= c.long_words && lines[i].terminal;
        let headings: HashSet<&str> = (first.saturating_sub(1)..last)
            .filter(|&i| !lines[i].key.is_empty() && paragraph(i + 1))
            .map(|i| lines[i].key.as_str())
            .collect();
        let mut j = first;
        while j > 0 && headings.contains(lines[j - 1].key.as_str()) && lines[j - 1].label.is_none()
        {
            j -= 1;
        }
        let mut lead = first;
        while lead <= last && !paragraph(lead) {
            lead += 1;
        }
        let entries = (j..lead)
            .filter(|&i| headings.contains(lines[i].key.as_str()) && !paragraph(i + 1))
            .count();
        if entries >= c.toc_entries {
            j
        } else {
            first
        }
    }

    /// classify.classify
    fn classify(
        &self,
        lines: &[Line],
        has_stops: bool,
        mut exempt: Vec<bool>,
        headline: bool,
    ) -> Vec<bool> {
        let classes: Vec<u8> = lines
            .iter()
            .map(|l| self.line_class(l, has_stops))
            .collect();
        let core = match self.prose_core(&classes, lines) {
            Some(core) => core,
            None => {
                return (0..lines.len())
                    .map(|i| classes[i] == BAD && !exempt[i] && lines[i].label.is_some())
                    .collect();
            }
        };
        let (first, last) = self.extend(core, lines);
        if headline && first <= self.c.headline_gap {
            exempt[0] = true;
        }
        let decided: Vec<Option<u8>> = lines
            .iter()
            .zip(&classes)
            .map(|(line, &cls)| {
                if line.label.is_some() || is_menu(line) {
                    Some(BAD)
                } else if cls == GOOD || (cls == NEAR && line.terminal) {
                    Some(GOOD)
                } else {
                    None
                }
            })
            .collect();
        let smoothed = smooth(&decided[first..=last]);
        (0..lines.len())
            .map(|i| {
                if exempt[i] {
                    false
                } else if first <= i && i <= last {
                    smoothed[i - first]
                } else {
                    true
                }
            })
            .collect()
    }
}

/// table._WORD.findall: `[^\W\d_]+`
fn words_of_letters(py: Python<'_>, s: &[char]) -> PyResult<Vec<(usize, usize)>> {
    words(py, s, false)
}

/// classify.prefix_runs: _best_run(weights, 0, k) for every k, (score, first, last).
fn prefix_runs(weights: &[f64]) -> Vec<(f64, isize, isize)> {
    let mut out = Vec::with_capacity(weights.len() + 1);
    out.push((0.0, 0, -1));
    let (mut best, mut span) = (0.0, (0isize, -1isize));
    let (mut run, mut run_start) = (0.0, 0usize);
    for (i, &w) in weights.iter().enumerate() {
        if run <= 0.0 {
            run = w;
            run_start = i;
        } else {
            run += w;
        }
        if run > best {
            best = run;
            span = (run_start as isize, i as isize);
        }
        out.push((best, span.0, span.1));
    }
    out
}

/// classify.SuffixRuns: _best_run(weights, lo, len) for any lo, each segment of the scan's
/// chain summed once.
struct SuffixRuns<'w> {
    weights: &'w [f64],
    best: Vec<Option<(f64, usize, usize)>>,
}

impl<'w> SuffixRuns<'w> {
    fn new(weights: &'w [f64]) -> Self {
        SuffixRuns {
            weights,
            best: vec![None; weights.len()],
        }
    }

    fn get(&mut self, lo: usize) -> (f64, isize, isize) {
        let (w, n) = (self.weights, self.weights.len());
        let mut path = Vec::new();
        let mut r = lo;
        while r < n && self.best[r].is_none() {
            let mut run = w[r];
            let (mut top, mut at, mut i) = (run, r, r + 1);
            while i < n && run > 0.0 {
                run += w[i];
                if run > top {
                    top = run;
                    at = i;
                }
                i += 1;
            }
            path.push((top, r, at));
            r = i;
        }
        let mut later = if r < n { self.best[r] } else { None };
        for &segment in path.iter().rev() {
            if later.map_or(true, |l| segment.0 >= l.0) {
                later = Some(segment);
            }
            self.best[segment.1] = later;
        }
        match if lo < n { self.best[lo] } else { None } {
            Some((score, first, last)) if score > 0.0 => (score, first as isize, last as isize),
            _ => (0.0, lo as isize, lo as isize - 1),
        }
    }
}

/// classify.smooth: per line, whether it ends up BAD.
fn smooth(decided: &[Option<u8>]) -> Vec<bool> {
    let n = decided.len();
    let mut prev = vec![None; n];
    let mut last = None;
    for i in 0..n {
        prev[i] = last;
        if decided[i].is_some() {
            last = decided[i];
        }
    }
    let mut nxt = vec![None; n];
    last = None;
    for i in (0..n).rev() {
        nxt[i] = last;
        if decided[i].is_some() {
            last = decided[i];
        }
    }
    (0..n)
        .map(|i| match decided[i] {
            Some(c) => c == BAD,
            None => {
                let (p, q) = (prev[i], nxt[i]);
                matches!(p, Some(BAD) | None)
                    && matches!(q, Some(BAD) | None)
                    && (p == Some(BAD) || q == Some(BAD))
            }
        })
        .collect()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<StopWords>()?;
    m.add_class::<Boilerplate>()?;
    Ok(())
}
