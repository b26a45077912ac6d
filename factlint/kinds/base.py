"""What every rule kind shares: key validation, `%s` messages, findings with positions, limits.

A kind subclasses RuleKind, declares its own `keys`, compiles itself once in `compile(ctx)` and
yields findings from `check(doc, hits)`; `hits` holds the document's matches for the word lists
the rule registered with `ctx.terms` (see factlint.terms).
"""
from factlint.findings import Finding

# Keys every rule may have (Vale's, plus category and examples). type, required, default.
COMMON_KEYS = {
    "extends": (str, True, None),
    "message": (str, True, None),
    "level": (str, False, "warning"),
    "ignorecase": (bool, False, False),
    "nonword": (bool, False, False),
    "scope": (str, False, "text"),
    "link": (str, False, ""),
    "description": (str, False, ""),
    "category": (str, False, None),
    "limit": (int, False, 0),
    "examples": (dict, False, None),
    # ISO 639-1 codes of the languages the rule is written for (None: any). English word lists,
    # exonyms and claim grammar mean nothing on a German page.
    "languages": (list, False, None),
}
SCOPES = ("text", "raw")


class RuleSpec:
    """A validated rule file: its id, common settings and the kind-specific `options`."""

    def __init__(self, rule_id, path, data, kind_keys):
        self.id = rule_id
        self.pack = rule_id.split(".", 1)[0]
        self.path = path
        for key, (_type, _req, default) in COMMON_KEYS.items():
            setattr(self, key, data.get(key, default))
        self.options = {k: data[k] for k in kind_keys if k in data}


def format_message(template, args):
    """Vale-style: each `%s` takes the next argument (missing ones become empty)."""
    parts = template.split("%s")
    out = [parts[0]]
    for i, part in enumerate(parts[1:]):
        out.append(str(args[i]) if i < len(args) else "")
        out.append(part)
    return "".join(out)


class RuleKind:
    name = None  # the value of `extends:`
    category = None  # default category of the findings
    keys = {}  # kind-specific keys: name -> (type or tuple of types, required, default)

    def __init__(self, spec, ctx):
        self.spec = spec
        self.id = spec.id
        self.level = spec.level
        self.category = spec.category or self.category or "other"
        self.compile(ctx)

    def option(self, key):
        return self.spec.options.get(key, self.keys[key][2])

    def compile(self, ctx):
        """Prepare everything the rule needs (regexes, word lists, indexes) once per run."""

    def check(self, doc, hits):
        """Yield Findings for one Document."""
        raise NotImplementedError

    def finding(self, doc, start, end, args=(), suggestions=(), level=None, fixable=False, message=None):
        line, col = doc.position(start)
        end_line, end_col = doc.position(end)
        return Finding(
            path=doc.path,
            start=start,
            end=end,
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            rule=self.id,
            category=self.category,
            severity=level or self.level,
            message=format_message(message or self.spec.message, args),
            match=doc.text[start:end],
            suggestions=list(suggestions),
            fixable=fixable,
            record=doc.record,
        )

    def run(self, doc, hits):
        """check() with the rule's `limit` (max findings per document) applied."""
        languages = self.spec.languages
        if languages and doc.language not in languages:
            return []
        found = self.check(doc, hits)
        limit = self.spec.limit
        if not limit:
            return list(found)
        out = []
        for f in found:
            out.append(f)
            if len(out) >= limit:
                break
        return out
