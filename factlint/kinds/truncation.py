"""truncation (factlint): the text ends mid-sentence — no closing punctuation and a last word
that cannot end a sentence (a function word) or a trailing ':' ',' ';' or dash. Closing quotes
and brackets after the punctuation are allowed. Only prose that really ends the file counts (a
Markdown ':' before a code block is fine)."""
import re

from factlint.kinds.base import Key, RuleKind

_CLOSERS = "\"'”’»)]*_"
_LAST_WORD = re.compile(r"(\w+)\W*$")


class Truncation(RuleKind):
    name = "truncation"
    category = "truncation"
    keys = {"function_words": Key(list, True, None)}

    def compile(self, ctx):
        self.function_words = {w.lower() for w in ctx.strings("function_words", self.option("function_words"))}

    def check(self, doc, hits):
        blocks = doc.blocks
        if not blocks:
            return
        b_start, b_end = blocks[-1]
        if doc.text[b_end:].strip():
            return  # something that is not prose (code, HTML) ends the file
        if doc.is_heading(len(blocks) - 1):
            return
        tail = doc.prose[b_start:b_end].rstrip(_CLOSERS + " \t\r\n")
        if not tail or tail[-1] in ".!?…":
            return
        reason = None
        if tail[-1] in ":,;-–—":
            reason = f"ends with '{tail[-1]}'"
        else:
            m = _LAST_WORD.search(tail)
            if m and m.group(1).lower() in self.function_words:
                reason = f"ends with '{m.group(1)}'"
        if reason:
            s_start, s_end = doc.block_sentences(len(blocks) - 1)[-1]
            yield self.finding(doc, s_start, s_end, (reason,))
