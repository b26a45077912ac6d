"""capitalization (Vale): each block of the scope (usually `heading`) must be in the case named
by `match`: `$title` (`style: AP` or `Chicago`), `$sentence` (`indicators`: words after which a
capital is fine, e.g. `:`), `$lower`, `$upper`, or a pattern. As in Vale, title and sentence case
pass when more than `threshold` (0.8) of the words conform; `exceptions` and a Vocab's words
always conform. The whole block is reported; `%s` is its text."""
from factlint.kinds.vale.base import VALE_KEYS, ValeKind, exceptions_re, vale_message
from factlint.vale import regex as vre

_WORD = r"[\p{N}\p{L}*]+[^\s]*"
# Words a title keeps in lower case (unless first or last): AP's short function words; Chicago
# adds every preposition.
AP_SMALL = set("a an and at but by for in nor of on or so the to up yet as if off via".split())
CHICAGO_SMALL = AP_SMALL | set(
    "about above across after against along amid among around before behind below beneath beside between beyond "
    "despite down during except from inside into like near onto out outside over past per since than through "
    "throughout till toward towards under underneath unlike until upon versus with within without".split())


def title_case(s: str, small: set) -> str:
    words = s.split(" ")
    idx = [i for i, w in enumerate(words) if w]
    out = []
    for i, w in enumerate(words):
        bare = w.strip("\"'“”‘’()[]:,;.!?").lower()
        if w and i not in (idx[0], idx[-1]) and bare in small:
            out.append(w.lower())
        elif w:
            out.append(w[0].upper() + w[1:])
        else:
            out.append(w)
    return " ".join(out)


class Capitalization(ValeKind):
    name = "capitalization"
    vocab_aware = True
    keys = {**VALE_KEYS, "match": (str, True, None), "style": (str, False, "AP"), "exceptions": (list, False, []),
            "indicators": (list, False, []), "threshold": (float, False, 0.8), "prefix": (str, False, None)}

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
