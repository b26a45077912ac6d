"""Spelling shapes of names: accent folding, a phonetic key, inflections, edit-distance helpers.

Shared by the Names kinds and the gazetteer indexes (factlint.knowledge): pure functions of
strings, no data.
"""

from __future__ import annotations

import unicodedata

from factlint.lazyre import lazy_compile

# Plural, possessive and demonym endings: two spellings that differ only by one of these are the
# same name inflected (Kurd/Kurds, Iran/Irani), not a drift.
INFLECTIONS = frozenset(("s", "es", "n", "an", "ans", "ian", "ians", "i", "is", "ese", "ite", "ites", "ic", "ics"))
# Demonym suffixes stripped before phonetic comparison (Asherites ~ Azeris ~ Azeri).
_DEMONYM_SUFFIXES = ("ites", "ians", "ans", "ese", "ite", "ian", "is", "i")
_SIBILANTS = lazy_compile(r"tsch|sch|tch|sh|zh|ch|ss|z|ç|ş|ș|ž|š|x")
_DOUBLE = lazy_compile(r"(.)\1+")
VOWELS = frozenset("aeiouy")


def plain(s: str) -> str:
    """Lower case without accents (São -> sao)."""
    s = s.lower()
    if s.isascii():
        return s
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def fold(word: str) -> str:
    """Phonetic folding: lower case, no accents, a demonym suffix stripped, sibilants (sh, zh, z,
    sch, ch, x) as s, ph as f, y and j as i, k as c, doubled letters single.
    Asherites, Azeris, Aser -> 'aser'; Phillipines, Philippines -> 'filipines'."""
    w = plain(word)
    for suffix in _DEMONYM_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    w = _SIBILANTS.sub("s", w).replace("ph", "f").replace("y", "i").replace("j", "i").replace("k", "c")
    return _DOUBLE.sub(r"\1", w)


def is_inflection(a: str, b: str) -> bool:
    """Kurd/Kurds, Iran/Iranian, Pashinyan/Pashinyans: one is the other plus an inflection."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_.startswith(short) and long_[len(short) :] in INFLECTIONS


def letter_mask(word: str) -> int:
    """The letters a word uses, one bit each (bit = code point mod 64). Letters that share a bit
    only ever make two masks closer, so a bound on the bits that differ is a bound on nothing
    stricter than the letters that differ."""
    mask = 0
    for ch in set(word):
        mask |= 1 << (ord(ch) & 63)
    return mask


def deletions(word: str, depth: int = 2) -> set[str]:
    """The word and every string made from it by deleting up to `depth` letters."""
    out, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def vowel_slip(token: str, target: str) -> bool:
    """A vowel misspelt in a long name: one vowel for another (Venezuala), or a vowel added to or
    dropped from a run of vowels (Japanease, Austrailia). A consonant changed more often makes
    another name, so only vowels count."""
    a, b = plain(token), plain(target)
    if len(a) == len(b):
        if len(a) < 7:
            return False
        diff = [(x, y) for x, y in zip(a, b) if x != y]
        return len(diff) == 1 and diff[0][0] in VOWELS and diff[0][1] in VOWELS
    if abs(len(a) - len(b)) != 1 or min(len(a), len(b)) < 6:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for i, ch in enumerate(long_):
        if long_[:i] + long_[i + 1 :] == short:
            # The letter added sits beside another vowel: "ea" for "e", "ai" for "a".
            if ch in VOWELS and ((i > 0 and long_[i - 1] in VOWELS) or (i + 1 < len(long_) and long_[i + 1] in VOWELS)):
                return True
    return False


def variant(a: str, b: str) -> bool:
    """Swapped letters (Kudja/Kujda) or an h (Chada/Chadha): how one short name gets misspelt;
    another letter makes another name (Horan/Horgan, Arjen/Arjan)."""
    return sorted(a) == sorted(b) or a.replace("h", "") == b.replace("h", "")


def typing_slip(a: str, b: str) -> bool:
    """Two spellings that differ by one typing slip of the kind that leaves the letters alone:
    two neighbours swapped (isreal/israel), one letter moved by a place or two
    (afganhistan/afghanistan), or one letter doubled or undoubled (chinesse/chinese)."""
    if a == b:
        return False
    if len(a) == len(b):
        if sorted(a) != sorted(b):
            return False
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        # A moved letter shifts the letters between: a run of at most three positions.
        return len(diff) <= 3 and diff[-1] - diff[0] == len(diff) - 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) - len(short) != 1:
        return False
    for i in range(1, len(long_)):
        if long_[i] == long_[i - 1] and long_[:i] + long_[i + 1 :] == short:
            return True
    return False
