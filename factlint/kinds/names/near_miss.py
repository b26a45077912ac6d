"""name-spelling: near misses of gazetteer names, gated by the context a text gives them."""
from __future__ import annotations

from factlint.kinds.names.base import NamesKind, occurrences, word_after, word_before
from factlint.text.phonetics import plain, vowel_slip

# Entry types whose names a misspelling may be taken for without any context in the text.
SOVEREIGN = frozenset({"country", "observer", "territory", "capital"})


class NameSpelling(NamesKind):
    """A near miss of a gazetteer name: a capitalised token in neither the word list nor the
    gazetteer, close to a place name or demonym by edit distance or phonetic key, with as much
    evidence as the text gives (see _best). A token that follows a given name or a title is a
    person's surname (Manuel Millan, Mr Dominici) and is left alone. reject.txt entries are
    reported here too."""

    name = "name-spelling"
    use_cities = False
    keys = {**NamesKind.keys, "min-length": (int, False, 5)}

    def compile(self, ctx):
        super().compile(ctx)
        gaz = self.gazetteer
        forms = list(gaz.accepted)
        self.form_entries = [gaz.accepted[f] for f in forms]
        # Which places a text names: every accepted form, multi-word ones included.
        self.place_handle = ctx.terms.add(forms, ignorecase=False, literal=True)
        self.min_length = self.option("min-length")

    def check(self, doc, hits):
        yield from self._rejected(doc)
        candidates = self.unknown_tokens(doc, self.min_length)
        if not candidates:
            return
        gaz = self.gazetteer
        used = set()
        for _s, _e, form_no in hits.get(self.place_handle, ()):
            used |= self.form_entries[form_no]
        linked = set()
        for i in used:
            linked |= gaz.links[i]
        regions = {gaz.regions[i] for i in used}
        for token in candidates:
            whole, parts = self._best(token, linked, regions)
            if not (whole or parts):
                continue
            spans = occurrences(doc, token)
            if whole:
                # "Thaliand Hingis admitted": a word after it says too little about a misspelling.
                if not any(self.in_person_name(doc.prose, s, e) for s, e in spans):
                    for start, end in spans:
                        yield self.finding(doc, start, end, (token, "' or '".join(whole)), suggestions=whole)
                continue
            for start, end in spans:  # part of a longer name: only beside its other words
                fits = [t for t in parts if self._beside_rest_of_name(doc.prose, start, end, t)]
                if fits:
                    yield self.finding(doc, start, end, (token, "' or '".join(fits)), suggestions=fits)

    def _best(self, token, linked, regions):
        """The closest gazetteer names ([whole-word targets], [part-of-name targets]), by how much
        context the text gives them:
        - the place, its country, capital or cities are named: one edit (not an added letter),
          the same phonetic key, or two edits that sound alike in a long name;
        - another place of its region is named: the same phonetic key (Azerites ~ Azeris);
        - no context: a country, territory or capital with a letter dropped, two swapped or (in a
          long name) one vowel for another (Narobi, Isreal, Venezuala), or with the same phonetic
          key within two edits (Lybia, Phillipines);
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
            if entries & linked:
                # An extra letter that is not a doubling more often makes another name (Brixton).
                ok = (
                    (distance == 1 and 5 <= n <= len(target)) or same_fold or (distance == 2 and same_meta and n >= 8)
                )
            elif any(gaz.regions[i] in regions for i in entries):
                ok = same_fold
            else:
                # A slip of the keyboard drops or swaps letters (Narobi, Isreal); a different
                # letter or an extra one more often makes another real name (Finian, Brixton).
                slip = distance == 1 and n >= 6 and (
                    n < len(target) or sorted(token.lower()) == sorted(target.lower()) or vowel_slip(token, target)
                )
                ok = any(gaz.types[i] in SOVEREIGN for i in entries) and (slip or (same_fold and distance <= 2))
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


def _top(scored):
    """The targets that share the best score."""
    if not scored:
        return []
    scored.sort()
    best = scored[0][:-1]
    return list(dict.fromkeys(t for *score, t in scored if tuple(score) == best))
