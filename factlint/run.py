"""One `factlint check` run, as a pipeline of stages (each its own function, so features plug in
at one place):

    sources(paths)      -> Source objects: files, stdin, corpus records   (inputs.py, corpus input)
    lint_all(sources)   -> [(Source, findings)]                            (parallelism, result cache)
    post_process(...)   -> findings after --changed-since / --baseline / --fix
    report + formatter  -> output; exit code
"""
import sys
from dataclasses import dataclass, field

from factlint.errors import InputError, UserError
from factlint.findings import LEVEL_RANK

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass
class RunOptions:
    fmt: str = "text"
    output_file: str = None
    statistics: bool = False
    globs: tuple = ()


@dataclass
class Source:
    """One document to lint: a file, standard input or a corpus record."""

    name: str  # what to open ('-' for stdin)
    display: str  # the path shown in findings
    text: str = None
    markup: str = "text"
    record: object = None
    error: Exception = None
    meta: dict = field(default_factory=dict)


def warn(message):
    print(f"factlint: {message}", file=sys.stderr)


def sources(paths, config, options, errors):
    """Yield Sources for the given paths; unreadable ones are reported and skipped."""
    from factlint.engine import markup_for
    from factlint.inputs import collect, read_text

    files, path_errors = collect(paths, config, options.globs)
    for err in path_errors:
        warn(err)
        errors.append(err)
    for name in files:
        display = "<stdin>" if name == "-" else name
        try:
            text = read_text(name)
        except InputError as exc:
            warn(exc)
            errors.append(exc)
            continue
        if not text.strip():
            warn(f"{display}: empty file, nothing to lint")
        yield Source(name, display, text, markup_for(name))


def lint_source(linter, source):
    from factlint.document import Document

    doc = Document(source.text, path=source.display, markup_kind=source.markup, record=source.record)
    return linter.lint(doc)


def lint_all(linter, srcs, options):
    """[(Source, findings)] in input order."""
    return [(src, lint_source(linter, src)) for src in srcs]


def post_process(results, linter, options):
    """Stages that change which findings are reported (changed lines, baseline, fixes)."""
    return results


def run(paths, config, options):
    from factlint.engine import Linter
    from factlint.formatters import Report

    linter = Linter(config)
    formatters = linter.host.formatters()
    if options.fmt not in formatters:
        raise UserError(f"unknown format {options.fmt!r} (available: {', '.join(sorted(formatters))})")
    errors = []
    results = lint_all(linter, sources(paths, config, options, errors), options)
    results = post_process(results, linter, options)
    findings = [f for _src, fs in results for f in fs]
    findings.sort(key=lambda f: f.sort_key())
    linted = [src.display for src, _fs in results]
    report = Report(findings, linted, linter.ruleset.by_id, errors, statistics=options.statistics, fail_level=config.fail_level)
    if options.output_file:
        with open(options.output_file, "w", encoding="utf-8") as fh:
            formatters[options.fmt](report, fh)
    else:
        formatters[options.fmt](report, sys.stdout)
    if errors:
        return EXIT_ERROR
    failing = LEVEL_RANK[config.fail_level]
    return EXIT_FINDINGS if any(LEVEL_RANK[f.severity] >= failing for f in findings) else EXIT_CLEAN
