"""capitalization (Vale): each block of the scope (usually `heading`) must be in the case named
by `match`: `$title` (`style: AP` or `Chicago`), `$sentence` (`indicators`: words after which a
capital is fine, e.g. `:`), `$lower`, `$upper`, or a pattern. As in Vale, title and sentence case
pass when more than `threshold` (0.8) of the words conform; `exceptions` and a Vocab's words
always conform. The whole block is reported; `%s` is its text."""

from factlint.kinds.base import Key
from factlint.kinds.vale.base import VALE_KEYS, ValeKind, exceptions_re, vale_message
from factlint.vale import regex as vre

_WORD = r"[\p{N}\p{L}*]+[^\s]*"
# Words a title keeps in lower case unless first or last (the lists of the title-case library
# Vale uses): AP's short words; Chicago adds prepositions of any length.
AP_SMALL = set("a an and as at but by en for if in nor of on or per the to vs vs. via v v.".split())
CHICAGO_SMALL = AP_SMALL | set(
    "with from into during including until against among throughout despite towards upon concerning about "
    "over through before between after since without under within along following across beyond around "
    "down near above".split()
)
_SPLIT = vre.compile(r"[\p{N}\p{L}]+[^\s\-/]*")


def title_case(s: str, small: set) -> str:
    """The title-case form of `s`: each word (split at spaces, hyphens, slashes) capitalized,
    except a small word that is neither first nor last, follows a space, hyphen or slash, and
    does not follow a colon (`Notes: The end`)."""
    out, last = [], 0
    for m in _SPLIT.finditer(s):
        word, pos = m.group(), m.start()
        bounding = pos == 0 or m.end() == len(s)
        prev = s[pos - 1] if pos > 0 else ""
        before = s[pos - 2] if pos > 1 else ""
        keep_small = (
            not bounding
            and word.lower() in small
            and prev in (" ", "-", "/")
            and before not in (":", "-")
            and (s[m.end() : m.end() + 1] != "-" or prev == "-")
        )
        out.append(s[last:pos])
        out.append(word.lower() if keep_small else word[:1].upper() + word[1:])
        last = m.end()
    out.append(s[last:])
    return "".join(out)


class Capitalization(ValeKind):
    name = "capitalization"
    vocab_aware = True
    keys = {
        **VALE_KEYS,
        "match": Key(str, True, None),
        "style": Key(str, False, "AP"),
        "exceptions": Key(list, False, []),
        "indicators": Key(list, False, []),
        "threshold": Key(float, False, 0.8),
        "prefix": Key(str, False, None),
    }

    def setup(self, ctx):
        self.match = str(self.option_or("match", ""))
        self.small = CHICAGO_SMALL if self.option_or("style", "AP") == "Chicago" else AP_SMALL
        self.indicators = [str(i) for i in self.option_or("indicators", [])]
        self.threshold = float(self.option_or("threshold", 0.8) or 0.8)
        self.except_re = exceptions_re(self.option_or("exceptions", []), self.vocab)
        words = _WORD if self.except_re is None else self.except_re.pattern + "|" + _WORD
        self.words = vre.compile(words)
        prefix = self.option_or("prefix", None)
        self.prefix = vre.compile(str(prefix)) if prefix else None  # e.g. a `1. ` numbering
        self.pattern = None
        if self.match not in ("$title", "$sentence", "$lower", "$upper"):
            self.pattern = vre.compile(self.match)

    def _except(self, s):
        return self.except_re is not None and self.except_re.search(s) is not None

    def conforms(self, s: str) -> bool:
        if self.match == "$lower":
            return s == s.lower() or self._except(s)
        if self.match == "$upper":
            return s == s.upper() or self._except(s)
        if self.match == "$title":
            return self._title(s)
        if self.match == "$sentence":
            return self._sentence(s)
        return self.pattern.search(s) is not None or self._except(s)

    def _title(self, s):
        expected = self.words.findall(title_case(s, self.small))
        count = words = 0
        for i, word in enumerate(self.words.findall(s)):
            if i >= len(expected) or word == expected[i] or self._except(word) or word == word.upper():
                count += 1
            words += 1
        return words == 0 or count / words > self.threshold

    def _sentence(self, s):
        tokens = self.words.findall(s.rstrip("?!.:"))
        count = words = 0
        for i, w in enumerate(tokens):
            prev = tokens[i - 1] if i else ""
            for sep in ("-", "'", "’"):
                if sep in w:
                    w = w.split(sep)[0]
                    break
            if w == w.upper() or any(prev.endswith(x) for x in self.indicators) or self._except(w):
                count += 1
            elif i == 0 and w != w[:1].upper() + w[1:].lower():
                return False
            elif i == 0 or w == w.lower():
                count += 1
            words += 1
        return words == 0 or count / words > self.threshold

    def check_block(self, block, state):
        text = block.text
        checked = self.prefix.sub("", text, count=1) if self.prefix is not None else text
        if checked.strip() and not self.conforms(checked):
            yield 0, len(text), vale_message(self.message, text)
