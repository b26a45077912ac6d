"""What Vale's rule kinds share: running on Vale's scoped blocks, Vale's message formatting,
word templates, exceptions and vocabularies.

A Vale kind implements `check_block(block, state)` returning (start, end, message) in block
coordinates; `state` is per document (Vale keeps some memory per file: `consistency` and
`conditional` remember what they saw earlier in it). The kinds also run in factlint packs: a
factlint Document is split into the same scoped blocks.
"""

from __future__ import annotations

import re

from factlint.kinds.base import Key, RuleKind
from factlint.vale import regex as vre
from factlint.vale.locate import guess, verbatim
from factlint.vale.scopes import parse, selects, sentences

WORD = r"(?m)\b(?:%s)\b"
NONWORD = r"(?m)(?:%s)"
_GO_VERB = re.compile(r"%%|%s")


def vale_message(template: str, *args: str) -> str:
    """Go's Sprintf as Vale uses it: `%s` takes the next argument, a missing one prints
    `%!s(MISSING)`, `%%` is `%`; newlines become spaces (core.FormatAlert)."""
    it = iter(args)

    def sub(m):
        if m.group() == "%%":
            return "%"
        return str(next(it, "%!s(MISSING)"))

    return _GO_VERB.sub(sub, template or "").replace("\n", " ")


def to_sentence(words: list, conj: str = "or") -> str:
    """core.ToSentence: 'a'; 'a' or 'b'; 'a', 'b', or 'c'."""
    quoted = [f"'{w}'" for w in words]
    if len(quoted) <= 2:
        return f" {conj} ".join(quoted)
    return ", ".join(quoted[:-1] + [f"{conj} {quoted[-1]}"])


def is_phrase(s: str) -> bool:
    """core.IsPhrase: letters, digits, spaces and hyphens only (compared literally)."""
    return all(ch.isalpha() or ch.isdigit() or ch in " -" for ch in s)


def exceptions_re(exceptions, vocab=()):
    """Vale's exception pattern: the words, longest first, between word boundaries."""
    words = [str(e) for e in exceptions] + list(vocab)
    if not words:
        return None
    words.sort(key=len, reverse=True)
    # Case-sensitive unless a term starts with `(?i)`: a flag set mid-group lasts to the group's
    # end in RE2, so every other term resets it, as Vale does.
    words = [w if w.startswith("(?i)") else "(?-i)" + w for w in words]
    return vre.compile(WORD % "|".join(words))


def excepted(except_re, observed: str, text: str, start: int, end: int) -> bool:
    """isMatch(exceptRe, observed) or the match lies inside an excepted phrase of the text."""
    if except_re is None:
        return False
    if except_re.search(observed):
        return True
    return any(m.start() <= start and end <= m.end() for m in except_re.finditer(text))


# Keys every Vale kind reads besides factlint's common ones.
VALE_KEYS = {"action": Key(dict, False, None), "vocab": Key(bool, False, True)}


class ValeKind(RuleKind):
    category = "style"
    keys: dict = VALE_KEYS
    vocab_aware = False  # whether the accepted words of a Vocab are exceptions too
    honours = frozenset({"scope", "ignorecase", "nonword"})  # Vale's own semantics for all three
    unsupported = False

    def compile(self, ctx):
        scope = self.spec.scope or "text"
        self.scopes = [scope] if isinstance(scope, str) else [str(s) for s in scope]
        self.message = self.spec.message or ""
        vocab = getattr(ctx, "vocab", ()) if self.option_or("vocab", True) else ()
        self.vocab = tuple(vocab) if self.vocab_aware else ()
        action = self.option_or("action", {})
        self.action = action if isinstance(action, dict) else {}
        self.setup(ctx)

    def option_or(self, key, default):
        value = self.spec.options.get(key)
        return default if value is None else value

    def setup(self, ctx) -> None:
        """Compile the kind's own keys."""

    def check_block(self, block, state):
        return ()

    def blocks(self, doc) -> list:
        """The document's Vale blocks (parsed once per document, shared by its rules)."""
        memo = getattr(doc, "memo", None)
        parsed = memo.get("vale.parsed") if memo is not None else None
        if parsed is None:
            parsed = parse(doc.text, getattr(doc, "markup", "text") == "markdown")
            if memo is not None:
                memo["vale.parsed"] = parsed
        return parsed.blocks

    def check(self, doc, hits):
        blocks = self.blocks(doc)
        memo = getattr(doc, "memo", None)
        state = memo.setdefault("vale.state", {}) if memo is not None else {}
        seen = set()  # a negated scope also selects a paragraph's sentences: report a place once
        for block in blocks:
            if not selects(self.scopes, block):
                continue
            for start, end, message, *suggestions in self.check_block(block, state):
                fs, fe = block.span(start, end)
                shown = block.text[start:end]
                if block.scope != ("raw",) and not verbatim(doc.text[fs:fe], shown):
                    # The match spans removed markup: placed where Vale places it (vale.locate).
                    line_start = guess(doc.text, _sentence_of(block, start), shown)
                    if line_start is None:
                        continue
                    fs, fe = line_start, line_start
                if (fs, fe) in seen:
                    continue
                seen.add((fs, fe))
                yield self.finding(doc, fs, fe, suggestions=suggestions[0] if suggestions else (), message=message)

    def finding(self, doc, start, end, args=(), suggestions=(), level=None, fixable=False, message=None):
        # The message is already formatted the Vale way (vale_message).
        f = super().finding(doc, start, end, args, suggestions, level, fixable)
        f.message = message or ""
        return f


def _sentence_of(block, start: int) -> str:
    """The text of the sentence of `block` that holds block offset `start`."""
    at = 0
    for sent in sentences(block):
        pos = block.text.find(sent.text, at)
        if pos <= start < pos + len(sent.text):
            return sent.text
        at = max(pos, at)
    return block.text
