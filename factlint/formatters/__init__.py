"""Output formatters. Each is `format(report, stream)`; the built-in ones are registered through
the `factlint_formatters` hook like a plugin's. Modules are imported only when their format is
used."""
import importlib


class Report:
    """Everything a formatter may need about one run."""

    def __init__(self, findings, files, rules, errors=(), root=".", statistics=False, fail_level="warning"):
        self.findings = findings  # sorted
        self.files = files  # list of linted paths
        self.rules = rules  # {rule id: compiled rule} for rule metadata (SARIF, HTML)
        self.errors = list(errors)
        self.root = root
        self.statistics = statistics
        self.fail_level = fail_level


class _Lazy:
    def __init__(self, module):
        self.module = module

    def __call__(self, report, stream):
        return importlib.import_module(self.module).format(report, stream)


BUILTIN = {
    "text": _Lazy("factlint.formatters.text"),
    "json": _Lazy("factlint.formatters.json_format"),
}
