"""exonym: foreign-language and outdated forms of place names, the English name suggested."""

from __future__ import annotations

import jellyfish

from factlint.kinds.base import Key
from factlint.kinds.names.base import NamesKind, foreign_sentence
from factlint.text.phonetics import is_inflection, plain

LANGUAGES = {
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pt": "Portuguese",
    "sv": "Swedish",
    "no": "Norwegian",
    "da": "Danish",
    "fi": "Finnish",
    "is": "Icelandic",
    "pl": "Polish",
    "cs": "Czech",
    "sk": "Slovak",
    "sl": "Slovene",
    "hr": "Croatian",
    "sr": "Serbian",
    "bs": "Bosnian",
    "mk": "Macedonian",
    "bg": "Bulgarian",
    "sq": "Albanian",
    "el": "Greek",
    "hu": "Hungarian",
    "ro": "Romanian",
    "tr": "Turkish",
    "ru": "Russian",
    "uk": "Ukrainian",
    "be": "Belarusian",
    "et": "Estonian",
    "lv": "Latvian",
    "lt": "Lithuanian",
    "ka": "Georgian",
    "hy": "Armenian",
    "az": "Azerbaijani",
    "ga": "Irish",
    "ca": "Catalan",
    "eu": "Basque",
    "fo": "Faroese",
    "kl": "Greenlandic",
    "he": "Hebrew",
    "ar": "Arabic",
    "fa": "Persian",
}


class Exonym(NamesKind):
    """Flag the gazetteer's `exonyms` (forms: [exonyms]) or its `deprecated` spellings and the
    exonyms that the English word list knows (forms: [deprecated]); the English name is the
    suggestion, applied by --fix when it is the only one. Not inside a person's name (Wanderley
    Luxemburgo, Malte Pollmann). `exceptions`: phrases in which the form is right ("Chicken
    Kiev")."""

    name = "exonym"
    keys = {**NamesKind.keys, "forms": Key(list, False, ["exonyms"])}

    def compile(self, ctx):
        super().compile(ctx)
        forms = ctx.strings("forms", self.option("forms"))
        if not forms or set(forms) - {"exonyms", "deprecated", "cities"}:
            raise ctx.error("forms: a list of 'exonyms', 'deprecated' and/or 'cities'", "forms")
        gaz = self.gazetteer
        self.observed, self.expected, self.why = [], [], []
        for form, sources in gaz.flagged.items():
            # An accepted English form elsewhere in the table, or another rule's entry, wins.
            if form in gaz.accepted or form in self.deferred:
                continue
            # A foreign form that the English word list knows has been English usage (Kharkov,
            # Teheran) or is also a name (Alger): an old spelling, not an untranslated word.
            in_english = form.lower() in self.english.words
            if form in gaz.cldr_forms:
                if form.lower() in gaz.words:
                    continue  # a word of an English place name: Guiana (French Guiana), Ascension
                if in_english and not self._old_english_spelling(form, sources):
                    continue  # Chili, Norfolk, Maurice: an English word or name of its own
            sources = [(i, lang) for i, lang in sources if _form_class(lang, in_english) in forms]
            if not sources:
                continue
            langs = sorted({lang for _i, lang in sources})
            self.observed.append(form)
            self.expected.append(sorted({gaz.names[i] for i, _l in sources}))
            if langs == ["deprecated"]:
                self.why.append("an outdated spelling")
            elif langs == ["geonames"]:
                self.why.append("its name in another language or script")
            else:
                name = (
                    "the "
                    + "/".join(LANGUAGES.get(lang, lang) for lang in langs if lang not in ("deprecated", "geonames"))
                    + " name"
                )
                self.why.append(name + (", once common in English" if in_english else ""))
        self.handle = ctx.terms.add(self.observed, ignorecase=False, literal=True)
        self.shield = ctx.terms.add(self.exceptions, ignorecase=True, literal=True) if self.exceptions else None

    def check(self, doc, hits):
        shields = hits.get(self.shield, ()) if self.shield is not None else ()
        prose = doc.prose
        for start, end, term_no in hits.get(self.handle, ()):
            observed = doc.text[start:end]
            if self.vocabulary.accepts(observed) or any(s <= start and end <= e for s, e, _t in shields):
                continue
            if self.in_person_name(prose, start, end, after=True):  # Wanderley Luxemburgo
                continue
            # A firm or club (Radio Italia, Praga trucks), a person named elsewhere in the text
            # (Abdi Liban ... Liban said), or a quoted sentence in the form's own language.
            if self.in_known_name(hits, start, end) or self.in_organisation(prose, start, end):
                continue
            if self.in_longer_name(prose, start, end):  # Vanity Fair Italia
                continue
            if observed.isalpha() and self.a_person_in(doc, observed):
                continue
            if foreign_sentence(doc, start, end):
                continue
            expected = self.expected[term_no]
            yield self.finding(
                doc,
                start,
                end,
                (" or ".join(expected), observed, self.why[term_no]),
                suggestions=expected,
                fixable=len(expected) == 1,
            )

    def _old_english_spelling(self, form, sources):
        """A form CLDR gives that the English word list also knows is an older English spelling
        of the same place only when it is spelt nearly as the English name (Luxemburg,
        Kamerun), not an inflection of it (Maldive) nor a different word (Chili, Norfolk)."""

        if form not in self.english.proper:
            return False  # a common word (chili, island): never a name to flag
        cities = self.gazetteer.cities
        if cities is not None and cities.countries_of(form):
            return False  # the name of a city of its own (Granada, Columbia)
        low = plain(form)
        for i, _lang in sources:
            name = plain(self.gazetteer.names[i])
            if (
                len(low) >= 5
                and jellyfish.damerau_levenshtein_distance(low, name) <= 2
                and not is_inflection(low, name)
            ):
                return True
        return False


def _form_class(lang, in_english):
    if lang == "geonames":
        return "cities"  # a big city's other names, from GeoNames: language unknown
    return "deprecated" if lang == "deprecated" or in_english else "exonyms"
