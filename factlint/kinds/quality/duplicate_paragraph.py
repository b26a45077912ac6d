"""duplicate-paragraph : the same paragraph (white space normalised, at least `min_words`
words) twice in one text; the later copy is reported.
"""

from factlint.kinds.base import Key, RuleKind


class DuplicateParagraph(RuleKind):
    name = "duplicate-paragraph"
    category = "quality"
    keys = {"min_words": Key(int, False, 8)}

    def check(self, doc, hits):
        blocks = doc.blocks
        if len(blocks) < 2:
            return
        prose = doc.prose
        min_words = self.option("min_words")
        seen = {}
        for start, end in blocks:
            key = prose[start:end]
            if "  " in key or "\n" in key or "\t" in key or "\r" in key or "\u00a0" in key:
                key = " ".join(key.split())  # only then normalise: most paragraphs are one line
            if key.count(" ") < min_words - 1:
                continue
            if key in seen:
                line = doc.position(seen[key])[0]
                yield self.finding(doc, start, end, (line,))
            else:
                seen[key] = start
