"""One `factlint check` run, as a pipeline of stages (each its own function, so features plug in
at one place):

    plan(paths)         -> Inputs in output order: files, stdin, corpora    (inputs.py, corpus.py)
    sources(inputs)     -> Source objects: files' texts, corpus records     (read as a stream)
    lint_all(sources)   -> stream of (Source, findings) in input order      (resultcache.py, parallel.py)
    post_process(...)   -> findings after --changed-since / --baseline / --fix   (or show_diff)
    report + formatter  -> output; exit code

Without the post-processing stages, a streaming formatter (text, json-lines) gets findings as
they are produced: a corpus of any size is linted and reported in constant memory.
"""
import os
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
    fix: bool = False  # apply unambiguous fixes in place
    diff: bool = False  # print what --fix would change; write nothing
    baseline: str = None  # report only findings not in this baseline file
    write_baseline: str = None  # record the findings in this baseline file
    changed_since: str = None  # report only findings on lines changed since this git revision
    input: str = "auto"  # auto | files | jsonl | parquet (auto: by file name)
    text_field: str = "text"  # corpus records: the field (column) with the text
    id_field: str = "id"  # ... and the one with the record id
    jobs: int = 0  # worker processes; 0: all cores for many inputs, one for a handful
    cache: bool = True  # the result cache for files (resultcache.py)
    date: str = None  # --date: the documents' date (ISO), for anniversaries and "N years ago"


@dataclass
class Source:
    """One document to lint: a file, standard input or a corpus record."""

    name: str  # what to open ('-' for stdin)
    display: str  # the path shown in findings
    text: str = None
    markup: str = "text"
    record: object = None
    meta: dict = field(default_factory=dict)


def warn(message):
    print(f"factlint: {message}", file=sys.stderr)


@dataclass
class Input:
    """One named input: a file, standard input, or a corpus file of records."""

    name: str
    display: str
    corpus: str = None  # None, or the corpus format: 'jsonl' | 'parquet'
    size: int = 0


def plan(paths, config, options, errors):
    """The inputs in output order: sorted by display path, which is the order of a sorted report
    (a corpus's records keep their order within it)."""
    from factlint.corpus import GLOBS, corpus_kind
    from factlint.inputs import collect

    globs = options.globs or GLOBS.get(options.input, ())
    files, path_errors = collect(paths, config, globs)
    for err in path_errors:
        warn(err)
        errors.append(err)
    inputs = []
    for name in files:
        try:
            size = os.stat(name).st_size if name != "-" else 0
        except OSError:
            size = 0
        inputs.append(Input(name, "<stdin>" if name == "-" else name, corpus_kind(name, options.input), size))
    inputs.sort(key=lambda i: i.display)
    return inputs


def sources(inputs, options, errors, notes):
    """Yield Sources for the inputs; unreadable files and malformed records are reported and
    skipped. `notes` gets the messages for the end of the run (records skipped per corpus)."""
    from factlint.engine import markup_for
    from factlint.inputs import read_text

    for inp in inputs:
        if inp.corpus:
            yield from _records(inp, options, errors, notes)
            continue
        try:
            text = read_text(inp.name)
        except InputError as exc:
            warn(exc)
            errors.append(exc)
            continue
        if not text.strip():
            warn(f"{inp.display}: empty file, nothing to lint")
        yield Source(inp.name, inp.display, text, markup_for(inp.name), meta={"bytes": inp.size, "date": options.date})


def _records(inp, options, errors, notes):
    from factlint.corpus import read_records

    skipped = 0

    def skip(line, message):
        nonlocal skipped
        skipped += 1
        warn(f"{inp.display}:{line}: {message}; record skipped")

    offset = 0
    try:
        for rec in read_records(inp.name, inp.corpus, options.text_field, options.id_field, skip):
            yield Source(inp.name, inp.display, rec.text, "text", rec.id,
                         meta={"line": rec.line, "bytes": rec.offset - offset, "date": options.date})
            offset = rec.offset
    except InputError as exc:
        warn(exc)
        errors.append(exc)
    if skipped:
        err = InputError(f"{skipped} malformed record{'s' if skipped != 1 else ''} skipped", inp.display)
        errors.append(err)
        notes.append(err)


def lint_source(linter, source):
    from factlint.parallel import item_of, lint_item

    return lint_item(linter, item_of(source))


def lint_all(linter, srcs, options, jobs=1):
    """(Source, findings) in input order, as a stream: files whose content was linted before come
    from the result cache; the others are linted here, or by `jobs` worker processes."""
    from factlint.parallel import lint_ordered

    cache = None
    if options.cache:
        from factlint.resultcache import ResultCache

        cache = ResultCache(linter)

    def looked_up():
        if cache is None:
            for src in srcs:
                yield src, None
            return
        # Files are looked up a chunk at a time (one query each); records and stdin never are,
        # and pass at once (a corpus is streamed: no record is read ahead).
        chunk = []
        for src in srcs:
            if src.record is not None or src.name == "-":
                yield from _look_up(cache, chunk)
                chunk = []
                yield src, None
                continue
            chunk.append(src)
            if len(chunk) >= LOOKUP_CHUNK:
                yield from _look_up(cache, chunk)
                chunk = []
        yield from _look_up(cache, chunk)

    try:
        for src, findings in lint_ordered(linter, looked_up(), jobs, lambda src: lint_source(linter, src)):
            if src.meta.get("cached") is False:
                cache.put(src, findings)
            yield src, findings
    finally:
        if cache is not None:
            cache.close()


LOOKUP_CHUNK = 64  # files per result-cache query (SQLite allows 999 parameters at least)


def _look_up(cache, files):
    for src, cached in zip(files, cache.get_many(files) if files else ()):
        src.meta["cached"] = cached is not None
        yield src, cached


def finding_filters(results, options):
    """(keep, filters): keep(source, findings) applies --baseline and --changed-since."""
    filters = []
    if options.baseline:
        from factlint.baseline import Baseline

        filters.append(Baseline.load(options.baseline))
    if options.changed_since:
        from factlint.changed import ChangedLines

        filters.append(ChangedLines(options.changed_since, [src for src, _fs in results]))

    def keep(src, findings):
        for f in filters:  # the baseline first: it counts occurrences among all findings
            findings = f.keep(src, findings)
        return findings

    return keep, filters


def post_process(results, linter, options, errors=None):
    """Stages that change which findings are reported: --baseline and --changed-since filter
    them (only reported findings are fixed), --fix applies the unambiguous ones and re-lints,
    --write-baseline records every finding that remains (and then none is reported)."""
    keep, filters = finding_filters(results, options)
    if options.fix:
        from factlint.fixes import fix_all

        results = fix_all(results, linter, keep, errors if errors is not None else [])
    if options.write_baseline:
        from factlint.baseline import write

        n = write(options.write_baseline, results)
        print(f"Wrote {n} finding(s) to the baseline {options.write_baseline}.", file=sys.stderr)
        return [(src, []) for src, _fs in results]
    results = [(src, keep(src, fs)) for src, fs in results]
    for f in filters:
        if hasattr(f, "finish"):
            f.finish(warn)
    return results


def show_diff(results, linter, options, errors):
    """--diff: print what --fix would change, write nothing; exit 1 if there is something."""
    from factlint.fixes import show_diff as write_diff

    keep, _filters = finding_filters(results, options)
    stream = open(options.output_file, "w", encoding="utf-8") if options.output_file else sys.stdout
    try:
        n = write_diff(results, linter, keep, stream)
    finally:
        if stream is not sys.stdout:
            stream.close()
    return EXIT_ERROR if errors else (EXIT_FINDINGS if n else EXIT_CLEAN)


def run(paths, config, options):
    from factlint.engine import Linter
    from factlint.formatters import Report
    from factlint.parallel import Progress, default_jobs

    linter = Linter(config, lazy=True)
    for option, selectors in (("--select", config.select or ()), ("--ignore", config.ignore)):
        unknown = linter.unknown_selectors(selectors)
        if unknown:
            raise UserError(f"{option}: {', '.join(map(repr, unknown))} names no rule, pack or category (see `factlint rules`)")
    formatters = linter.host.formatters()
    if options.fmt not in formatters:
        raise UserError(f"unknown format {options.fmt!r} (available: {', '.join(sorted(formatters))})")
    formatter = formatters[options.fmt]
    errors, notes = [], []
    inputs = plan(paths, config, options, errors)
    jobs = options.jobs or default_jobs(len(inputs), any(i.corpus for i in inputs))
    results = lint_all(linter, sources(inputs, options, errors, notes), options, jobs)
    if options.diff:
        return show_diff(list(results), linter, options, errors)
    if options.fix or options.baseline or options.write_baseline or options.changed_since:
        results = post_process(list(results), linter, options, errors)  # these need every result
    # Only a formatter that shows the documents (HTML) gets their texts.
    texts = {} if getattr(formatter, "needs_text", False) else None
    report = Report([], [], lambda: linter.by_id, statistics=options.statistics, fail_level=config.fail_level, texts=texts)
    report.errors = errors  # the same list: corpus errors arrive while findings stream
    failing = LEVEL_RANK[config.fail_level]
    failed = []
    progress = Progress(sum(i.size for i in inputs))

    def findings():
        """Each document's findings in turn (grouped by document, in output order)."""
        for src, fs in results:
            progress.update(1, src.meta.get("bytes", 0))
            report.documents += 1
            if src.record is None or not report.files or report.files[-1] != src.display:
                report.files.append(src.display)
            if texts is not None and fs:  # only documents with findings are shown in full
                texts[(src.display, src.record)] = src.text
            if not failed and any(LEVEL_RANK[f.severity] >= failing for f in fs):
                failed.append(True)
            yield from fs
        progress.close()

    # A formatter marked `streaming` (text, json-lines) writes each finding as it comes, so a
    # corpus of any size is reported in constant memory; the others get the whole list.
    report.findings = findings() if getattr(formatter, "streaming", False) else list(findings())
    try:
        if options.output_file:
            with open(options.output_file, "w", encoding="utf-8") as fh:
                formatter(report, fh)
        else:
            formatter(report, sys.stdout)
    finally:
        progress.close()
    for note in notes:
        warn(note)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failed else EXIT_CLEAN
