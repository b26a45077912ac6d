"""name-drift: one proper name spelled two ways in one text."""

from __future__ import annotations

import jellyfish

from factlint.kinds.base import Key
from factlint.kinds.names.base import (
    ORG_AFTER,
    TITLES,
    NamesKind,
    capitalised_tokens,
    occurrences,
    prefetch,
    word_after,
    word_before,
)
from factlint.text.phonetics import deletions, fold, is_inflection
from factlint.text.phonetics import variant as spelling_variant

# Before or after a name, these make it a thing (the game Wordle, Wordle app), not a person.
DETERMINERS = frozenset("the a an its this that their his her our your".split())
THING_NOUNS = frozenset(
    "game app puzzle brand product software website site service platform network model phone "
    "drug vaccine film movie show series album song book magazine newspaper firm company group "
    "label chain store engine console device system".split()
)


def _same_name(x, y):
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


class NameDrift(NamesKind):
    """The same proper name spelled two ways in one document ("Pashinyan" and "Pashinian"): the
    rarer spelling is flagged (on a tie, the one that appears later) with the other as the
    suggestion. Both capitalised, at least `min-length` letters, out of the word list and the
    gazetteer, with the same first letter, not inflections of each other (Kurd/Kurds), and either
    folding to the same phonetic key within two edits (Aliyev/Aliev) or one edit apart (in a name
    under six letters, only swapped letters or an h: Kudja/Kujda, Chada/Chadha). Two spellings
    that each come with their own, different first name are two people (Horan/Horgan)."""

    name = "name-drift"
    keys = {**NamesKind.keys, "min-length": Key(int, False, 5)}

    def compile(self, ctx):
        super().compile(ctx)
        self.min_length = self.option("min-length")

    def check(self, doc, hits):
        pairs = self._pairs(sorted(self.unknown_tokens(doc, self.min_length)))
        if not pairs:
            return
        tokens = capitalised_tokens(doc)
        prefetch(doc, [t for pair in pairs for t in pair])
        spans = {}
        for pair in pairs:
            for t in pair:
                if t not in spans:
                    spans[t] = occurrences(doc, t)
        flagged = {}
        cities = self.gazetteer.cities
        for a, b in pairs:
            # A place name may be misspelt (Chorton for Chorlton): city names stay candidates,
            # and only a pair of two real places (Tunbridge, Tonbridge) is left alone.
            if cities is not None and a.lower() in cities.words and b.lower() in cities.words:
                continue
            if not (spans[a] and spans[b]):  # "Name2": never a whole word
                continue
            if self._two_people(doc.prose, spans[a], spans[b]) or self._person_and_thing(doc.prose, spans[a], spans[b]):
                continue
            # Rarer first; on a tie the one that first appears later.
            rare, common = sorted((a, b), key=lambda t: (tokens[t], -spans[t][0][0]))
            flagged.setdefault(rare, []).append(common)
        for rare, commons in flagged.items():
            for start, end in spans[rare]:
                yield self.finding(doc, start, end, (rare, "' or '".join(commons)), suggestions=commons)

    def _two_people(self, prose, spans_a, spans_b):
        """Marcus Horan and Shane Horgan, Arjen Robben and Arjan de Zeeuw: each spelling comes
        with its own first name (or surname), and they disagree (an initial agrees with a name
        that starts with it: F Sheahan, Frank Sheehan)."""

        def names(spans, side):
            out = set()
            for start, end in spans:
                word = word_before(prose, start) if side == "before" else word_after(prose, end)
                if word and word not in TITLES and word[0].isupper() and self.name_word(word):
                    out.add(word)
            return out

        for side in ("before", "after"):
            a, b = names(spans_a, side), names(spans_b, side)
            if a and b and not any(_same_name(x, y) for x in a for y in b):
                return True
        return False

    def _person_and_thing(self, prose, spans_a, spans_b):
        """Josh Wardle and the game Wordle: one spelling is a person's name (a given name or
        title before it), the other never is and is named as a thing (a determiner, or a noun
        for a product or organisation, beside it) or is a place's name (Bridgen, Bridgend). A
        person and what he made, or where he comes from, are two names."""

        def person(spans):
            return any(self.in_person_name(prose, s, e) for s, e in spans)

        def thing(spans):
            for start, end in spans:
                before, after = word_before(prose, start), word_after(prose, end)
                if before.lower() in DETERMINERS or before in THING_NOUNS or after in THING_NOUNS or after in ORG_AFTER:
                    return True
            return False

        def place(spans):  # Andrew Bridgen, MP for Bridgend
            low = prose[spans[0][0] : spans[0][1]].lower()
            cities = self.gazetteer.cities
            return low in self.gazetteer.words or (cities is not None and low in cities.words)

        pa, pb = person(spans_a), person(spans_b)
        return (pa and not pb and (thing(spans_b) or place(spans_b))) or (
            pb and not pa and (thing(spans_a) or place(spans_a))
        )

    def _pairs(self, tokens):
        """Pairs (a, b), a < b, of tokens with the same first letter within two edits."""

        distance_of = jellyfish.damerau_levenshtein_distance
        out = []
        for a, b in sorted(_candidate_pairs(tokens)):
            if abs(len(a) - len(b)) > 2 or is_inflection(a, b):
                continue
            distance = distance_of(a, b)
            if distance > 2:
                continue
            if fold(a) == fold(b) or (distance == 1 and (min(len(a), len(b)) >= 6 or spelling_variant(a, b))):
                out.append((a, b))
        return out


# Up to this many tokens with one first letter, every pair is compared (a few dozen C-level
# distance computations); above it, deletion variants keep a long text from going quadratic.
_PAIRWISE_GROUP = 40


def _candidate_pairs(tokens):
    """Pairs (a, b), a < b, of tokens with the same first letter that may be within two edits."""
    groups = {}
    for token in tokens:
        groups.setdefault(token[0], []).append(token)
    candidates = set()
    for group in groups.values():
        if len(group) <= _PAIRWISE_GROUP:
            group.sort()
            candidates.update((a, b) for i, a in enumerate(group) for b in group[i + 1 :] if abs(len(a) - len(b)) <= 2)
            continue
        # Two edits are undone by at most two deletions on each side: only tokens whose tails
        # share a deletion variant can be within two edits.
        by_variant = {}
        for token in group:
            for variant in deletions(token[1:]):
                by_variant.setdefault(variant, []).append(token)
        for shared in by_variant.values():
            for i, a in enumerate(shared):
                for b in shared[i + 1 :]:
                    candidates.add((a, b) if a < b else (b, a))
    return candidates
