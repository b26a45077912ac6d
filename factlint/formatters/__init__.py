"""Output formatters. Each is `format(report, stream)`; the built-in ones are registered through
the `factlint_formatters` hook like a plugin's. Modules are imported only when their format is
used."""

import importlib
from pathlib import Path


class Report:
    """Everything a formatter may need about one run."""

    def __init__(self, findings, files, rules, errors=(), root=".", statistics=False, fail_level="warning", texts=None):
        self.findings = findings  # sorted
        self.files = files  # list of linted paths
        self.documents = len(files)  # documents linted: files plus corpus records
        # {rule id: compiled rule} for rule metadata (SARIF, HTML), or a function returning it:
        # then the rules are loaded only if a formatter asks (text output of cached files never).
        self._rules = rules
        self.errors = list(errors)
        self.root = root
        self.statistics = statistics
        self.fail_level = fail_level
        # {(display path, record id or None): text} of the documents with findings; filled only
        # for formatters with `needs_text` (HTML), so other runs keep no document in memory.
        self.texts = texts
        self._base = None
        self.results = iter(())  # (Source, findings) of every document, for `per_document` formatters
        self.color = self.show_source = self.quiet = False  # text output's manners (run options)
        self.current_text = None  # --show-source: the text of the document being written
        self.conditions = []  # --drop-if's conditions (records output marks each row)

    @property
    def rules(self):
        if callable(self._rules):
            self._rules = self._rules()
        return self._rules

    @rules.setter
    def rules(self, value):
        self._rules = value

    def repo_path(self, path):
        """`path` relative to the repository root, with '/' (what SARIF and GitHub annotations
        need): the git top level above `root` if there is one, else `root` itself. None for
        standard input and for files outside that root."""
        if path == "<stdin>":
            return None
        if self._base is None:
            root = Path(self.root).resolve()
            self._base = next((d for d in (root, *root.parents) if (d / ".git").exists()), root)
        try:
            return Path(path).resolve().relative_to(self._base).as_posix()
        except ValueError:
            return None


class _Lazy:
    def __init__(self, module, needs_text=False, streaming=False, per_document=False, statistics=False):
        self.module = module
        self.per_document = per_document  # run() gives every (source, findings) in Report.results
        self.statistics = statistics  # shows --statistics itself (else run() prints them on stderr)
        self.needs_text = needs_text  # run() keeps each document's text in Report.texts
        # run() passes Report.findings as an iterator (read once, in order, grouped by document)
        # and fills Report.files/documents/errors as it is read: constant memory for a corpus.
        self.streaming = streaming

    def __call__(self, report, stream):
        return importlib.import_module(self.module).format(report, stream)


BUILTIN = {
    "text": _Lazy("factlint.formatters.text", streaming=True, statistics=True),
    "json": _Lazy("factlint.formatters.json_format", statistics=True),
    "records": _Lazy("factlint.formatters.records", per_document=True),
    "json-lines": _Lazy("factlint.formatters.json_lines", streaming=True),
    "sarif": _Lazy("factlint.formatters.sarif"),
    "github": _Lazy("factlint.formatters.github"),
    "junit": _Lazy("factlint.formatters.junit"),
    "html": _Lazy("factlint.formatters.html", needs_text=True),
}
