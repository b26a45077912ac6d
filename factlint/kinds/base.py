"""The rule-kind contract: what every kind shares — declared keys, `%s` messages, findings with
positions, limits.

A kind subclasses RuleKind and declares
  - `name`: the value of `extends:` that selects it;
  - `keys`: its own keys, each a `Key(type, required, default, doc)`;
  - `honours`: which of the common matching keys (`scope`, `ignorecase`, `nonword`) it applies —
    a rule that sets one its kind ignores is a load error, never silently accepted.
It compiles itself once in `compile(ctx)` and yields findings from `check(doc, hits)`; `hits`
holds the document's matches for the word lists the rule registered with `ctx.terms` (see
factlint.terms). An analysis that several rules share on one document goes through
`doc.shared(key, compute)` (factlint.document), computed once per document.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from factlint.findings import Finding

if TYPE_CHECKING:  # annotations only: the ruleset imports this module
    from factlint.document import Document
    from factlint.ruleset import CompileContext


@dataclass(frozen=True)
class Key:
    """One key a rule file may carry: its type (or a tuple of types), whether it is required,
    its default, and one line of documentation."""

    type: type | tuple[type, ...]
    required: bool = False
    default: Any = None
    doc: str = ""

    def type_name(self) -> str:
        types = self.type if isinstance(self.type, tuple) else (self.type,)
        return " or ".join(t.__name__ for t in types)


# Keys every rule may have (Vale's, plus category and examples).
COMMON_KEYS: dict[str, Key] = {
    "extends": Key(str, True, None, "the rule kind"),
    "message": Key(str, True, None, "the finding's message; each `%s` takes the next argument"),
    "level": Key(str, False, "warning", "suggestion, warning or error"),
    "ignorecase": Key(bool, False, False, "match case-insensitively (kinds that honour it)"),
    "nonword": Key(bool, False, False, "match inside words too (kinds that honour it)"),
    "scope": Key(str, False, "text", "text (prose only) or raw (the whole file; kinds that honour it)"),
    "link": Key(str, False, "", "a page that explains the rule"),
    "description": Key(str, False, "", "what the rule checks, for `factlint explain`"),
    "category": Key(str, False, None, "the findings' category (default: the kind's)"),
    "limit": Key(int, False, 0, "at most this many findings per document (0: no limit)"),
    "examples": Key(dict, False, None, "pass and fail examples, run as tests (factlint.testing)"),
    # English word lists, exonyms and claim grammar mean nothing on a German page.
    "languages": Key(list, False, None, "ISO 639-1 codes of the languages the rule is written for (none: any)"),
}
# The common keys that change how a kind matches: only a kind that applies one may be given it.
MATCHING_KEYS = frozenset({"scope", "ignorecase", "nonword"})
SCOPES = ("text", "raw")


class RuleSpec:
    """A validated rule file: its id, common settings and the kind-specific `options`."""

    extends: str
    message: str
    level: str
    ignorecase: bool
    nonword: bool
    scope: str
    link: str
    description: str
    category: str | None
    limit: int
    examples: dict | None
    languages: list[str] | None

    def __init__(self, rule_id: str, path: str, data: Mapping[str, Any], kind_keys: Iterable[str]) -> None:
        self.id = rule_id
        self.pack = rule_id.split(".", 1)[0]
        self.path = path
        for key, spec in COMMON_KEYS.items():
            setattr(self, key, data.get(key, spec.default))
        self.options = {k: data[k] for k in kind_keys if k in data}


def format_message(template: str, args: tuple | list) -> str:
    """Vale-style: each `%s` takes the next argument (missing ones become empty)."""
    parts = template.split("%s")
    out = [parts[0]]
    for i, part in enumerate(parts[1:]):
        out.append(str(args[i]) if i < len(args) else "")
        out.append(part)
    return "".join(out)


def finding_at(
    doc: Document,
    start: int,
    end: int,
    rule: str,
    category: str,
    severity: str,
    message: str,
    suggestions: Iterable[str] = (),
    fixable: bool = False,
) -> Finding:
    """A Finding for doc.text[start:end], with its line and column positions."""
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
        rule=rule,
        category=category,
        severity=severity,
        message=message,
        match=doc.text[start:end],
        suggestions=list(suggestions),
        fixable=fixable,
        record=doc.record,
    )


class RuleKind:
    name: ClassVar[str | None] = None  # the value of `extends:`
    category: str | None = None  # default category of the findings
    keys: ClassVar[dict[str, Key]] = {}  # kind-specific keys
    honours: ClassVar[frozenset[str]] = frozenset()  # the MATCHING_KEYS this kind applies

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        legacy = {k: v for k, v in cls.__dict__.get("keys", {}).items() if isinstance(v, tuple)}
        if legacy:  # factlint 0.1 declared keys as (type, required, default) tuples
            warnings.warn(
                f"{cls.__name__}.keys: declare keys as factlint.kinds.base.Key(...), not tuples",
                DeprecationWarning,
                stacklevel=2,
            )
            cls.keys = {**cls.keys, **{k: Key(*v) for k, v in legacy.items()}}

    def __init__(self, spec: RuleSpec, ctx: CompileContext) -> None:
        self.spec = spec
        self.id = spec.id
        self.level = spec.level
        self.category = spec.category or self.category or "other"
        self.compile(ctx)

    def option(self, key: str) -> Any:
        return self.spec.options.get(key, self.keys[key].default)

    def compile(self, ctx: CompileContext) -> None:
        """Prepare everything the rule needs (regexes, word lists, indexes) once per run."""

    def check(self, doc: Document, hits: Mapping[int, list]) -> Iterable[Finding]:
        """Yield Findings for one Document."""
        raise NotImplementedError

    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        args: tuple | list = (),
        suggestions: Iterable[str] = (),
        level: str | None = None,
        fixable: bool = False,
        message: str | None = None,
    ) -> Finding:
        return finding_at(
            doc,
            start,
            end,
            self.id,
            self.category or "other",
            level or self.level,
            format_message(message or self.spec.message, args),
            suggestions,
            fixable,
        )

    def runs_on(self, doc: Document) -> bool:
        """Whether the document is in one of the rule's `languages:` (any, when it has none)."""
        languages = self.spec.languages
        return not languages or doc.language in languages

    def run(self, doc: Document, hits: Mapping[int, list]) -> list[Finding]:
        """check() with the rule's `limit` (max findings per document) applied."""
        if not self.runs_on(doc):
            return []
        found: Iterable[Finding] = self.check(doc, hits)
        limit = self.spec.limit
        if not limit:
            return list(found)
        out = []
        for f in found:
            out.append(f)
            if len(out) >= limit:
                break
        return out
