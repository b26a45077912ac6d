"""name-spelling: near misses of gazetteer names, gated by the context a text gives them."""

from __future__ import annotations

import factlint.native as native
from factlint.kinds.base import Key
from factlint.kinds.names.base import (
    NamesKind,
    foreign_sentence,
    names_scan,
    occurrences,
    prefetch,
    word_after,
    word_before,
)
from factlint.lazyre import lazy_compile
from factlint.text.phonetics import plain, typing_slip, vowel_slip
from factlint.text.wholewords import find_many, find_whole

# A word in lower case or capitals ("portugese", "PORTUGESE"), not inside a URL, an address, a
# path or a hyphenated compound: the capitalised ones are the other path's.
_ODD_CASE = lazy_compile(r"(?<![\w'’@/.#\\-])(?:[a-zà-öø-ÿ]{6,}|[A-ZÀ-ÖØ-Þ]{6,})(?![\w'’@/\\-]|\.\w)")

# Entry types whose names a misspelling may be taken for without any context in the text.
SOVEREIGN = frozenset({"country", "observer", "territory", "capital"})


class NameSpelling(NamesKind):
    """A near miss of a gazetteer name: a capitalised token in neither the word list nor the
    gazetteer, close to a place name or demonym by edit distance or phonetic key, with as much
    evidence as the text gives (see _best). A token that follows a given name or a title is a
    person's surname (Manuel Millan, Mr Dominici) and is left alone. reject.txt entries are
    reported here too."""

    name = "name-spelling"
    keys = {**NamesKind.keys, "min-length": Key(int, False, 5)}

    def compile(self, ctx):
        super().compile(ctx)
        self.track_places(ctx)
        self.min_length = self.option("min-length")

    def check(self, doc, hits):
        yield from self._rejected(doc)
        gaz = self.gazetteer
        # Only words with a gazetteer name near them (memoised per word) need the text's places.
        candidates = [t for t in self.unknown_tokens(doc, self.min_length) if gaz.near(t)]
        odd = {w: spans for w, spans in self._odd_case(doc).items() if gaz.near(w.capitalize())}
        if not (candidates or odd):
            return
        used = set()
        for _s, _e, form_no in hits.get(self.place_handle, ()):
            used |= self.form_entries[form_no]
        linked = set()
        for i in used:
            linked |= gaz.links[i]
        regions = {gaz.regions[i] for i in used}
        cities = gaz.cities
        judged = [(token, *self._best(token, linked, regions)) for token in candidates]
        prefetch(doc, [token for token, whole, parts in judged if whole or parts])
        for token, whole, parts in judged:
            if not (whole or parts):
                continue
            spans = occurrences(doc, token)
            if whole:
                # A city of its own somewhere in the world (not "Paolo": that is a part).
                if cities is not None and token.lower() in cities.main_words:
                    continue
                # "Thaliand Hingis admitted": a word after it says too little about a misspelling.
                if not any(self.in_person_name(doc.prose, s, e) for s, e in spans):
                    for start, end in spans:
                        if self._quiet(doc, hits, start, end):
                            continue
                        yield self.finding(doc, start, end, (token, "' or '".join(whole)), suggestions=whole)
                continue
            for start, end in spans:  # part of a longer name: only beside its other words
                fits = [t for t in parts if self._beside_rest_of_name(doc.prose, start, end, t)]
                if fits:
                    yield self.finding(doc, start, end, (token, "' or '".join(fits)), suggestions=fits)
        for written, spans in odd.items():
            # Judged as the capitalised word it stands for: "japanease" as "Japanease".
            whole, _parts = self._best(written.capitalize(), linked, regions)
            for start, end in spans if whole else ():
                if not (self.in_known_name(hits, start, end) or foreign_sentence(doc, start, end)):
                    yield self.finding(doc, start, end, (written, "' or '".join(whole)), suggestions=whole)

    def _quiet(self, doc, hits, start, end):
        """A firm's or agency's name (Kyodo News) or a quoted foreign sentence."""
        return (
            self.in_known_name(hits, start, end)
            or self.in_organisation(doc.prose, start, end)
            or foreign_sentence(doc, start, end)
        )

    def _odd_case(self, doc):
        """{word: [(start, end)]} of the words in lower case or capitals that no word list
        knows: the misspellings a capitalised-word scan never sees ("afganhistan"). The
        positions are looked for only for the few words left after the set differences."""
        tables = self.native_tables()
        if tables is not None:  # the same look-ups in one call (factlint/native.py)
            return names_scan(doc).odd(tables, native.lent(doc.prose))
        return self.py_odd_case(doc.prose, odd_case_words(doc.prose, self.english.words))

    def py_odd_case(self, prose, words):
        """_odd_case of the prose whose odd-case words are `words`."""
        english, places, accept = self.english.words, self.gazetteer.words, self.vocabulary.accept
        if not words:
            return {}
        # The word list holds lower-case words: a set difference (C level) drops the listed ones
        # before any word is lowered; the capitals and the rest are looked at one by one.
        keep = set()
        for word in english.missing(words):
            low = word.lower()
            if low in places or low in accept or (low != word and low in english):
                continue
            if not self.known(word.capitalize()):
                keep.add(word)
        if not keep:
            return {}
        whole = sorted(word for word in keep if _ODD_CASE.fullmatch(word))
        found = {word: spans for word, spans in find_many(prose, whole, _odd_starts, _odd_ends).items() if spans}
        # In the order of the text, as one pass over it would give them.
        return {w: found[w] for w in sorted(found, key=lambda w: found[w][0])}

    def _best(self, token, linked, regions):
        """The closest gazetteer names ([whole-word targets], [part-of-name targets]), by how much
        context the text gives them:
        - the place, its country, capital or cities are named: one edit (not an added letter),
          the same phonetic key, or two edits that sound alike in a long name;
        - another place of its region is named: the same phonetic key (Azerites ~ Azeris);
        - no context: a country, territory or capital (or its demonym) with a letter dropped,
          two swapped, one moved or doubled, or a vowel misspelt (Narobi, Isreal, Afganhistan,
          Chinesse, Venezuala, Japanease), or with the same phonetic key within two edits
          (Lybia, Phillipines); such slips count with any context too;
        - a word of a longer name (Paulo of São Paulo): within two edits, checked beside the
          other words of the name ("Sao Paolo", not "Paolo Maldini")."""
        gaz = self.gazetteer
        n = len(token)
        whole, parts = [], []
        for target, distance, same_fold, same_meta in gaz.near(token):
            if len(target) < 5:
                continue
            # Plural for plural: Asherites -> Azeris rather than Azeri.
            rank = (not same_fold, distance, (token[-1] == "s") != (target[-1] == "s"), target)
            if target in gaz.parts:
                if distance <= 2 or same_fold:
                    parts.append(rank)
                continue
            entries = gaz.targets[target]
            # A slip of the keyboard drops, swaps, moves or doubles letters (Narobi, Isreal,
            # Afganhistan, Chinesse) or misspells a vowel (Venezuala, Japanease); a different
            # consonant or an extra one more often makes another real name (Finian, Brixton).
            slip = n >= 6 and (
                (distance == 1 and (n < len(target) or vowel_slip(token, target)))
                or typing_slip(token.lower(), target.lower())
            )
            if entries & linked:
                # An extra letter that is not a doubling more often makes another name (Brixton).
                ok = (
                    (distance == 1 and 5 <= n <= len(target))
                    or same_fold
                    or slip
                    or (distance == 2 and same_meta and n >= 8)
                )
            else:
                sovereign = any(gaz.types[i] in SOVEREIGN for i in entries)
                if any(gaz.regions[i] in regions for i in entries):
                    ok = same_fold or (sovereign and slip)
                else:
                    ok = sovereign and (slip or (same_fold and distance <= 2))
            if ok:
                whole.append(rank)
        return _top(whole), [t for *_r, t in sorted(parts)]

    def _beside_rest_of_name(self, prose, start, end, target):
        for *words, pos in self.gazetteer.parts[target]:
            if pos > 0 and plain(word_before(prose, start)) == words[pos - 1]:
                return True
            if pos + 1 < len(words) and plain(word_after(prose, end)) == words[pos + 1]:
                return True
        return False

    def _rejected(self, doc):
        vocab = self.vocabulary
        if vocab.reject_re is None:
            return
        for m in vocab.reject_re.finditer(doc.prose):
            right = vocab.reject[m.group()]
            message = f"'{m.group()}' is on the reject list of the vocabulary" + (f": use '{right}'." if right else ".")
            yield self.finding(
                doc, m.start(), m.end(), suggestions=[right] if right else [], message=message, fixable=bool(right)
            )


def py_odd_case_words(prose: str) -> set[str]:
    """The distinct matches of _ODD_CASE."""
    return set(_ODD_CASE.findall(prose))


def odd_case_words(prose: str, english) -> set[str]:
    """py_odd_case_words, by the core factlint/native.py chose; the Rust core leaves out the
    words of the `english` Lexicon (which the caller drops) once it has a set of them."""
    if native.rust is not None:
        return set(native.rust.odd_case_words(prose, english.native_set()))
    return py_odd_case_words(prose)


def _odd_spans(prose: str, word: str) -> list[tuple[int, int]]:
    """Where _ODD_CASE matches exactly `word` (a run of six letters or more of one case)."""
    if not _ODD_CASE.fullmatch(word):
        return []
    return find_whole(prose, word, _odd_starts, _odd_ends)


def _odd_starts(before: str) -> bool:
    return not (before.isalnum() or before in "_'’@/.#\\-")


def _odd_ends(prose: str, end: int) -> bool:
    if end >= len(prose):
        return True
    after = prose[end]
    return not (
        after.isalnum()
        or after in "_'’@/\\-"
        or (after == "." and end + 1 < len(prose) and (prose[end + 1].isalnum() or prose[end + 1] == "_"))
    )


def _top(scored):
    """The targets that share the best score."""
    if not scored:
        return []
    scored.sort()
    best = scored[0][:-1]
    return list(dict.fromkeys(t for *score, t in scored if tuple(score) == best))
