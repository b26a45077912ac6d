"""transcription (factlint): known mistranscriptions of names from a knowledge table.

Like substitution, but each entry carries its source and may require *context*: "Aser" is a
mistranscription of Azerbaijan only in a text that also mentions the region (Armenia, Baku,
Karabakh…); elsewhere it is a given name. Table format (`table:` relative to the rule file):

    entries:
      - wrong: [Asherites]
        right: Azeris            # or a list: several candidates = ambiguous, never auto-fixed
        context: [Armenia, Azerbaijan, Karabakh, Baku]   # optional, case-sensitive words
        why: German/Scandinavian MT of "Aserbaidschaner"
        source: "Wikipedia: Azerbaijanis"
"""

from factlint.kinds.base import Key
from factlint.kinds.substitution import Substitution

ENTRY_KEYS = {"wrong", "right", "context", "why", "source", "ambiguous"}


class Transcription(Substitution):
    name = "transcription"
    category = "transcription"
    keys = {
        "table": Key(str, True, None),
        "exceptions": Key(list, False, []),
    }

    def compile(self, ctx):
        path, data = ctx.table(self.option("table"), "table")
        entries = data.get("entries") if isinstance(data, dict) else None
        if not isinstance(entries, list) or not entries:
            raise ctx.error(f"table: {path.name} needs a non-empty 'entries' list", "table")
        pairs, contexts, ambiguous = [], [], []
        context_words = []
        for n, entry in enumerate(entries, 1):
            if not isinstance(entry, dict) or not {"wrong", "right", "source"} <= set(entry) or set(entry) - ENTRY_KEYS:
                raise ctx.error(
                    f"table: entry {n} in {path.name} needs wrong, right, source (and only {sorted(ENTRY_KEYS)})",
                    "table",
                )
            right = entry["right"] if isinstance(entry["right"], list) else [entry["right"]]
            ctx_ids = None
            if entry.get("context"):
                ctx_ids = set()
                for word in entry["context"]:
                    ctx_ids.add(len(context_words))
                    context_words.append(str(word))
            for wrong in entry["wrong"]:
                pairs.append((str(wrong), "|".join(map(str, right))))
                contexts.append(ctx_ids)
                ambiguous.append(bool(entry.get("ambiguous")))
        self.setup_swaps(ctx, pairs)
        self.contexts = contexts
        self.ambiguous = ambiguous
        self.context_handle = ctx.terms.add(context_words, False, False) if context_words else None
        self.exceptions = {str(e).lower() for e in self.option("exceptions")}

    def trusted(self, term_no):
        return len(self.expected[term_no]) == 1 and not self.ambiguous[term_no]

    def applies(self, doc, hits, term_no, start):
        needed = self.contexts[term_no]
        if needed is None:
            return True
        # Once per document, not per hit: per hit it was quadratic (the seed repeated 4,000
        # times: 90% of 129 s here).
        handle = self.context_handle
        present = doc.shared(("transcription-context", handle), lambda: {t for _s, _e, t in hits.get(handle, ())})
        return bool(needed & present)
