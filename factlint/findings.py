"""Finding: one problem found in one document, with exact positions."""

from dataclasses import dataclass, field
from typing import Any

LEVELS = ("suggestion", "warning", "error")
LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS)}
# TermIndex.scan's key for the rules whose regular expressions ran out of time on a document
TIMED_OUT = "timed out"
CATEGORIES = (
    "date",
    "transcription",
    "attribution",
    "boilerplate",
    "truncation",
    "quality",
    "style",
    "suppression",
)


class Severity:
    SUGGESTION, WARNING, ERROR = LEVELS

    @staticmethod
    def rank(level: str) -> int:
        return LEVEL_RANK[level]


# Slots: a long document can have tens of thousands of findings alive at once (190 bytes each
# saved, the per-instance dict).
@dataclass(slots=True)
class Finding:
    path: str
    start: int  # character offsets into the document text (code points), end exclusive
    end: int
    line: int  # 1-based; end_column is exclusive, as in SARIF
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    severity: str
    message: str
    match: str
    suggestions: list[str] = field(default_factory=list)
    fixable: bool = False  # True only for an unambiguous fix (one suggestion from a trusted table)
    record: Any = None  # the record id when linting a corpus (JSONL)
    record_line: int | None = None  # ... and its line in the JSONL file (its row in Parquet)

    @property
    def pack(self) -> str:
        return self.rule.split(".", 1)[0]

    def to_dict(self) -> dict[str, Any]:
        d = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "match": self.match,
            "suggestions": list(self.suggestions),
            "fixable": self.fixable,
        }
        if self.record is not None:  # where in the corpus: the record's line, the offset in its text
            d["id"] = self.record
            d["record_line"] = self.record_line
            d["offset"] = self.start
        return d
