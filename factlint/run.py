"""One `factlint check` run, as a pipeline of stages; run features plug in through hooks:

    plan(paths) -> sources(inputs)                     inputs.py: files, stdin, corpus records
    Run.lint(sources)                                  lint in order (serial or --jobs workers);
                                                       factlint_cached_findings may serve them
    factlint_collect_results / _report / _process_results   (only when a plugin needs every result:
                                                       --baseline, --changed-since, --fix, --diff)
    Report + formatter                                 output; exit code

The features (result cache, baseline, changed lines, fixes) are plugins registered by
factlint_configure (see factlint.builtin), as pytest's stepwise is: nothing here names them.
Without a plugin that needs every result, a streaming formatter (text, json-lines) gets findings
as they are produced: a corpus of any size is linted and reported in constant memory.
"""

from __future__ import annotations

import atexit
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NoReturn

import factlint.records as records
from factlint.engine import Linter
from factlint.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, UserError, warn
from factlint.findings import LEVEL_RANK, Finding
from factlint.formatters import Report
from factlint.inputs import Source, plan, sources
from factlint.parallel import Progress, default_jobs, lint_ordered

LOOKUP_CHUNK = 64  # files per factlint_cached_findings call (one result-cache query each)

Results = list[tuple[Source, list[Finding]]]


@dataclass
class RunOptions:
    fmt: str = "text"
    output_file: str | None = None
    statistics: bool = False
    globs: tuple = ()
    fix: bool = False  # apply unambiguous fixes in place
    diff: bool = False  # print what --fix would change; write nothing
    baseline: str | None = None  # report only findings not in this baseline file
    write_baseline: str | None = None  # record the findings in this baseline file
    changed_since: str | None = None  # report only findings on lines changed since this git revision
    input: str = "auto"  # auto | files | jsonl | parquet (auto: by file name)
    text_field: str = "text"  # corpus records: the field (column) with the text
    id_field: str = "id"  # ... and the one with the record id
    jobs: int = 0  # worker processes; 0: all cores for many inputs, one for a handful
    cache: bool = True  # the result cache for files (resultcache.py)
    date: str | None = None  # --date: the documents' date (ISO), for anniversaries and "N years ago"
    no_ignore: bool = False  # lint what .gitignore files ignore too
    stdin_filename: str | None = None  # the name standard input is reported under (and its markup)
    color: bool = False  # ANSI colour in text output (cli decides: --color, NO_COLOR, FORCE_COLOR, a tty)
    show_source: bool = False  # text output: the source lines with a caret under each match
    quiet: bool = False  # findings only: no summary line
    exit_zero: bool = False  # exit 0 even with findings (2 still for errors)
    keep: str | None = None  # --keep FILE: corpus records that pass --drop-if
    drop: str | None = None  # --drop FILE: those that fail it, with the reason
    drop_if: str | None = None  # the conditions (records.parse_drop_if)


class Run:
    """The state of one run that its plugins share: options, linter, errors, filters."""

    def __init__(self, linter: Linter, options: RunOptions, errors: list | None = None) -> None:
        self.linter = linter
        self.config = linter.config
        self.options = options
        self.host = linter.host
        self.hook = linter.host.pm.hook
        self.errors: list = [] if errors is None else errors  # UserErrors: the run exits 2
        self.notes: list = []  # messages for the end of the run
        self.filters: list = []  # objects with keep(source, findings), applied in order
        self.needs_all = False  # a plugin needs every result before the report
        self.report_stream: Any = None  # where the report goes if not stdout (--fix on stdin: stderr)
        # --drop-if's conditions; the --keep/--drop files (records.Splitter) or None
        self.conditions = records.parse_drop_if(options.drop_if) if options.drop_if else []
        if (options.keep or options.drop) and not self.conditions:
            raise UserError("--keep and --drop need --drop-if (which records to drop)")
        if self.conditions and not (options.keep or options.drop) and options.fmt != "records":
            raise UserError("--drop-if needs --keep, --drop or --format records (where the verdicts go)")
        self.splitter = (
            records.Splitter(self.conditions, options.keep, options.drop) if options.keep or options.drop else None
        )
        self._plugins: list = []

    def register(self, plugin: object) -> None:
        self.host.pm.register(plugin)
        self._plugins.append(plugin)

    def __enter__(self) -> Run:
        try:
            self.hook.factlint_configure(run=self)
        except BaseException:
            self.__exit__()  # a plugin registered before the failure must not outlive the run
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        if self.splitter is not None:
            self.splitter.close(commit=False)  # no-op after a finished run; else no half-written file
        try:
            self.hook.factlint_unconfigure(run=self)
        finally:
            for plugin in self._plugins:
                self.host.pm.unregister(plugin)
            self._plugins.clear()

    def keep(self, source: Source, findings: list[Finding]) -> list[Finding]:
        """The findings the filters report (the baseline first: it counts occurrences among all)."""
        for f in self.filters:
            findings = f.keep(source, findings)
        return findings

    def lint(
        self, srcs: Iterable[Source], jobs: int = 1, total_bytes: int = 0
    ) -> Iterator[tuple[Source, list[Finding]]]:
        """(Source, findings) in input order, as a stream: what factlint_cached_findings knows is
        not linted again; the rest is linted here, or by `jobs` worker processes (`total_bytes`,
        the inputs' size if known, sizes their batches)."""
        items = (
            self._looked_up(srcs) if self.hook.factlint_cached_findings.get_hookimpls() else ((s, None) for s in srcs)
        )
        for src, findings in lint_ordered(self.linter, items, jobs, total_bytes):
            if src.meta.get("cached") is False:  # looked up, not known: linted now
                self.hook.factlint_document_linted(run=self, source=src, findings=findings)
            yield src, findings

    def _looked_up(self, srcs: Iterable[Source]) -> Iterator[tuple[Source, list[Finding] | None]]:
        # Files are looked up a chunk at a time (one query each); records and stdin never are,
        # and pass at once (a corpus is streamed: no record is read ahead).
        chunk: list[Source] = []
        for src in srcs:
            if src.record is not None or src.name == "-":
                yield from self._look_up(chunk)
                chunk = []
                yield src, None
                continue
            chunk.append(src)
            if len(chunk) >= LOOKUP_CHUNK:
                yield from self._look_up(chunk)
                chunk = []
        yield from self._look_up(chunk)

    def _look_up(self, files: list[Source]) -> Iterator[tuple[Source, list[Finding] | None]]:
        if not files:
            return
        known = self.hook.factlint_cached_findings(run=self, sources=files) or [None] * len(files)
        for src, findings in zip(files, known):
            src.meta["cached"] = findings is not None
            yield src, findings

    def post_process(self, results: Results) -> tuple[Results, int | None]:
        """The stages that need every result: (results to report, exit code if a plugin reported
        the run itself)."""
        self.hook.factlint_collect_results(run=self, results=results)
        code = self.hook.factlint_report(run=self, results=results)
        if code is not None:
            return results, code
        self.hook.factlint_process_results(run=self, results=results)
        results = [(src, self.keep(src, fs)) for src, fs in results]
        for f in self.filters:
            if hasattr(f, "finish"):
                f.finish()
        return results, None


def run(paths: Iterable[str], config: Any, options: RunOptions) -> int:
    linter = Linter(config, lazy=True)
    for option, selectors in (
        ("--select", config.select or ()),
        ("--ignore", config.ignore),
        ("levels", list(config.levels)),  # a misspelt rule id would silently keep its level
    ):
        unknown = linter.unknown_selectors(selectors)
        if unknown:
            hint = did_you_mean(unknown[0], linter.selector_names())
            raise UserError(
                f"{option}: {', '.join(map(repr, unknown))} names no rule, pack or category{hint} (see `factlint rules`)"
            )
    if options.output_file:
        _check_output_folder(options.output_file)
    formatters = linter.host.formatters()
    if options.fmt not in formatters:
        raise UserError(f"unknown format {options.fmt!r} (available: {', '.join(sorted(formatters))})")
    with Run(linter, options) as current:
        return _run(current, paths, formatters[options.fmt])


def did_you_mean(name: str, names: Iterable[str]) -> str:
    """ "; did you mean 'X'?" for the closest known name (case-insensitive), or ''."""
    # deferred for start-up: difflib is needed only for a typo
    import difflib

    by_lower = {n.lower(): n for n in names}
    close = difflib.get_close_matches(name.lower(), list(by_lower), n=1, cutoff=0.6)
    return f"; did you mean {by_lower[close[0]]!r}?" if close else ""


def _run(run: Run, paths: Iterable[str], formatter: Any) -> int:
    options, errors, notes = run.options, run.errors, run.notes
    inputs = plan(paths, run.config, options, errors)
    if options.output_file:
        _refuse_output_as_input(options.output_file, inputs)
    jobs = options.jobs or default_jobs(len(inputs), any(i.corpus for i in inputs))
    total = sum(i.size for i in inputs)
    results: Iterable[tuple[Source, list[Finding]]] = run.lint(sources(inputs, options, errors, notes), jobs, total)
    if run.needs_all:
        results, code = run.post_process(list(results))
        if code is not None:
            return EXIT_ERROR if errors else code
    # Only a formatter that shows the documents (HTML) gets their texts.
    texts: dict | None = {} if getattr(formatter, "needs_text", False) else None
    linter = run.linter
    report = Report(
        [], [], lambda: linter.by_id, statistics=options.statistics, fail_level=run.config.fail_level, texts=texts
    )
    report.errors = errors  # the same list: corpus errors arrive while findings stream
    report.color, report.show_source, report.quiet = options.color, options.show_source, options.quiet
    report.conditions = run.conditions
    failing = LEVEL_RANK[run.config.fail_level]
    failed = []
    progress = Progress(total)
    splitter = run.splitter
    # A formatter that cannot show statistics (all but text and json): they go to stderr.
    stats = _side_statistics() if options.statistics and not getattr(formatter, "statistics", False) else None

    def documents():
        """Each document with its findings in turn (in output order)."""
        for src, fs in results:
            progress.update(1, src.meta.get("bytes", 0))
            report.documents += 1
            if src.record is None or not report.files or report.files[-1] != src.display:
                report.files.append(src.display)
            if texts is not None and fs:  # only documents with findings are shown in full
                texts[(src.display, src.record)] = src.text
            report.current_text = src.text  # --show-source: the document being written
            if not failed and any(LEVEL_RANK[f.severity] >= failing for f in fs):
                failed.append(True)
            if src.record is not None:
                for f in fs:
                    f.record_line = src.meta.get("line")
                if splitter is not None:
                    splitter.add(src.meta.get("raw"), records.source_row(src, fs))
            if stats is not None:
                for f in fs:
                    stats.add(f)
            if fs:
                progress.clear()  # output follows: never written into the progress line
            yield src, fs
        progress.close()

    # A formatter marked `streaming` (text, json-lines) writes each finding as it comes, so a
    # corpus of any size is reported in constant memory; the others get the whole list. One
    # marked `per_document` (records) gets every document, clean ones too, in report.results.
    if getattr(formatter, "per_document", False):
        report.results = documents()
    else:
        findings = (f for _src, fs in documents() for f in fs)
        report.findings = findings if getattr(formatter, "streaming", False) else list(findings)
    committed = False
    try:
        if options.output_file:
            _write_report(options.output_file, lambda fh: formatter(report, fh))
        else:
            try:
                formatter(report, run.report_stream or sys.stdout)
            except BrokenPipeError:
                raise
            except OSError as exc:  # > /dev/full
                raise UserError(f"cannot write the report to standard output: {exc.strerror or exc}") from None
        committed = True
    finally:
        progress.close()
        if splitter is not None:
            splitter.close(commit=committed)
    if stats is not None:
        sys.stderr.write(stats.table(report.documents))
    for note in notes:
        warn(note)
    if splitter is not None:
        warn(f"kept {splitter.counts['keep']} records, dropped {splitter.counts['drop']}")
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failed and not options.exit_zero else EXIT_CLEAN


def _side_statistics() -> Any:
    from factlint.formatters.text import Statistics  # deferred for start-up: only --statistics needs it

    return Statistics()


def _check_output_folder(path: str) -> None:
    """Before linting: a report that cannot be written should not cost the whole lint first."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise UserError("cannot write the report: its folder does not exist", path)
    if os.path.isdir(path):
        raise UserError("cannot write the report: it is a folder", path)


def _refuse_output_as_input(path: str, inputs: list) -> None:
    """`-o a.txt` with a.txt among the inputs would replace the article with its report."""
    try:
        out = os.stat(path)
    except OSError:
        return  # a new file is no input
    for inp in inputs:
        try:
            st = os.stat(inp.name) if inp.name != "-" else None
        except OSError:
            continue
        if st is not None and (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            raise UserError("the output file is also an input: refusing to overwrite it", path)


def _write_report(path: str, write: Any) -> None:
    """Write the report to a temporary file beside `path`, then rename it: a failed or
    interrupted run leaves the old file (or none), never half a report. Text that is not
    valid Unicode (a non-UTF-8 file name) is written escaped."""
    # Deferred for start-up: only a run with -o needs it.
    import tempfile

    real = os.path.realpath(path)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(real), prefix=f".{os.path.basename(real)}.", suffix=".tmp")
    try:
        with open(fd, "w", encoding="utf-8", errors="backslashreplace") as fh:
            write(fh)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, real)
    except OSError as exc:
        _unlink(tmp)
        raise UserError(f"cannot write the report: {exc.strerror or exc}", path) from None
    except BaseException:
        _unlink(tmp)
        raise


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def own_process() -> bool:
    """Whether this process is the `factlint` command (or `python -m factlint`), which lints and
    exits, rather than a test or a program that embeds factlint."""
    main_module = sys.modules.get("__main__")
    script = os.path.basename(getattr(main_module, "__file__", None) or "")
    return script == "factlint" or getattr(getattr(main_module, "__spec__", None), "name", "") == "factlint.__main__"


def exit_process(code: int) -> NoReturn:
    """sys.exit(code), but the `factlint` process skips the interpreter's teardown (freeing the
    rules' and knowledge's objects one by one: a tenth of a small file's run); exit functions
    still run and the streams are flushed. In-process (tests, embedding): sys.exit."""
    if not own_process():
        sys.exit(code)
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()  # a closed pipe raises BrokenPipeError here: cli._Group ends quietly
    except (OSError, ValueError) as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        sys.exit(code)  # the interpreter reports it at exit, as without this function
    try:
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # a closed stderr (2>&-): dropped, as at exit
        pass
    os._exit(code)
