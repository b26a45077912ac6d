"""The rule's residue table (`data/phrases.yml`) compiled into matchers: phrases for the term
automaton, whole-line entries as a set, line prefixes as one regex per label."""

from __future__ import annotations

import re

from factlint.kinds.boilerplate.features import core_text

# What must follow a prefix for the line to be that label: a credit or a tag list names itself
# with a colon ("Photo: Reuters", "Tags: …"); a byline may go straight on to a capitalised name
# ("By Jane Smith"); a dateline needs a date somewhere on the line (checked by the caller).
_AFTER = {
    "photo credit": r"\s*(?:\([^)\n]{0,20}\)\s*)?(?:[:|/©]|\s(?:by|von|de|por|di|da|par|door)\s)",
    "byline": r"\s*:|\s+[A-ZÀ-ÖØ-Þ\u0100-\u017f][\w'’.-]*",
    "dateline": r"\s*[:,]?\s*(?:\d|[^\W\d_]+\s+\d)",
    "tag list": r"\s*:[^\w\n]*\w",
}
# A label followed by nothing but punctuation on its line is not furniture: in Markdown the code
# spans after "**Categories**:" are blanked from the prose.
_DEFAULT_AFTER = r"\s*:[^\w\n]*\w"
_WORD = re.compile(r"[^\W\d_]+")
SHARE_NAMES = 3


class Table:
    """Phrases (with their labels and weak flags), whole-line entries and prefix patterns."""

    def __init__(self, data: dict, strings) -> None:
        self.phrases: list[str] = []
        self.labels: list[str] = []
        self.weak: list[bool] = []
        weak = {str(p).lower() for p in data.get("weak") or ()}
        for label, langs in _groups(data, "phrases"):
            for phrase in strings("table", langs):
                self.phrases.append(phrase)
                self.labels.append(label)
                self.weak.append(phrase.lower() in weak)
        # A line that is a phrase and nothing else ("Read more", "Czytaj także") is that label too.
        self.lines: dict[str, str] = {
            core_text(p): label for p, label in zip(self.phrases, self.labels) if core_text(p)
        }
        for label, entries in _groups(data, "lines"):
            for entry in strings("table", entries):
                self.lines.setdefault(core_text(entry), label)
        self.longest = max((len(k.split()) for k in self.lines), default=0)
        # The names on share buttons ("Facebook Twitter WhatsApp Email"): several on one line
        # make a share bar whatever else it says.
        self.share_words = {e for e, label in self.lines.items() if label == "share bar" and " " not in e}
        self.prefixes: list[tuple[str, re.Pattern]] = []
        # The same as (label, entries, after) for the Rust core (see fast.py).
        self.prefix_entries: list[tuple[str, list[str], str]] = []
        for label, entries in _groups(data, "prefixes"):
            entries = strings("table", entries)
            alts = "|".join(re.escape(e) for e in sorted(set(entries), key=len, reverse=True))
            after = _AFTER.get(label, _DEFAULT_AFTER)
            self.prefixes.append((label, re.compile(rf"^[^\w\n]{{0,3}}(?i:{alts})\b(?={after})")))
            self.prefix_entries.append((label, sorted(set(entries), key=len, reverse=True), after))

    def line_label(self, text: str, words: int) -> str | None:
        """The label of a line that is page furniture as a whole or by its opening words."""
        if words > 20:
            return None  # furniture is short; a long line is judged by its phrases
        core = core_text(text) if words <= self.longest + 2 else ""
        label = self.lines.get(core) if core else None
        if label:
            return label
        if len(self.share_words.intersection(_WORD.findall(text.lower()))) >= SHARE_NAMES:
            return "share bar"
        if words > 12:
            return None
        for label, pattern in self.prefixes:
            m = pattern.match(text)
            if m is None:
                continue
            if label == "byline" and words > 8:
                continue
            return label
        return None


def _groups(data: dict, key: str):
    """(label, entries of every language) for one section of the table."""
    section = data.get(key) or {}
    if not isinstance(section, dict):
        return
    for label, group in section.items():
        entries: list[str] = []
        if isinstance(group, dict):
            for lang, items in group.items():
                if lang != "source" and isinstance(items, list):
                    entries.extend(items)
        elif isinstance(group, list):
            entries.extend(group)
        yield str(label), entries
