"""The command line: `factlint check | rules | explain | plugins | server`.

Exit codes (as Ruff and Vale): 0 clean, 1 findings at or above the failing level, 2 a usage,
configuration, rule or input error. User errors are one line on stderr, never a traceback
(`--debug` shows tracebacks for bugs in factlint itself).
"""

import datetime
import gc
import os
import sys

import click

import factlint.native as native
import factlint.regexcache as regexcache
import factlint.rulecache as rulecache
from factlint import __version__
from factlint.config import Config
from factlint.engine import Linter
from factlint.errors import EXIT_ERROR, UserError
from factlint.errors import warn as _fail  # one line on stderr: "factlint: <message>"
from factlint.findings import LEVEL_RANK, LEVELS
from factlint.plugin.host import shared_host
from factlint.selection import split_selectors


def _selection_options(command):
    """The options `check` and `dask-check` share: which rules, which levels, which configuration."""
    options = [
        click.option("--select", multiple=True, help="Only these rules: ids, packs, categories or globs."),
        click.option("--ignore", multiple=True, help="Skip these rules: ids, packs, categories or globs."),
        click.option("--min-level", type=click.Choice(LEVELS), help="Report findings at this level and above."),
        click.option(
            "--fail-level", type=click.Choice(LEVELS), help="Exit 1 for findings at this level and above [warning]."
        ),
        click.option("--config", "config_path", type=click.Path(), help="Configuration file (default: found upward)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _everyday_options(command):
    """`check`'s options for inputs, terminal manners and corpus filtering (issue 11)."""
    options = [
        click.option("--no-ignore", is_flag=True, help="Also lint what .gitignore files ignore in the folders walked."),
        click.option("--stdin-filename", metavar="NAME", help="The name stdin is reported under (.md: Markdown)."),
        click.option(
            "--color",
            type=click.Choice(["auto", "always", "never"]),
            default="auto",
            show_default=True,
            help="Colour in text output (auto: on a terminal; NO_COLOR turns it off, FORCE_COLOR on).",
        ),
        click.option("--show-source", is_flag=True, help="Text output: each finding's line, a caret under the match."),
        click.option("--quiet", "-q", is_flag=True, help="Print the findings only, no summary."),
        click.option("--exit-zero", is_flag=True, help="Exit 0 even if there are findings (2 still for errors)."),
        click.option(
            "--drop-if",
            metavar="CONDITIONS",
            help="Corpus records to drop: 'boilerplate>0.3,truncation,transcription:error,Rule.Id' (any holds).",
        ),
        click.option("--keep", type=click.Path(dir_okay=False), help="Write the records --drop-if keeps (JSONL)."),
        click.option("--drop", type=click.Path(dir_okay=False), help="Write the records --drop-if drops, with why."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


class _Group(click.Group):
    """Ends every command quietly on Ctrl-C (exit 130) and on a closed pipe (`| head`, exit 141),
    as shell tools do, and copes with closed standard streams."""

    def invoke(self, ctx: click.Context):
        _usable_streams()
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            _fail("interrupted")
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            pass  # left before exiting: its traceback holds the run's generators, closed now
        # Nothing more can be written; silence the flush at exit, which would fail again.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        sys.exit(EXIT_BROKEN_PIPE)


EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141  # 128 + SIGINT, 128 + SIGPIPE: what a shell reports


def _usable_streams() -> None:
    """A closed stdout (>&-) becomes /dev/null rather than an AttributeError; text that is not
    valid Unicode (a non-UTF-8 file name) is written escaped rather than raising."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the whole process
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):  # not a TextIOWrapper (tests' CliRunner), or closed
            pass


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factlint", message=f"%(prog)s, version %(version)s, {native.describe()}")
def main():
    """factlint: fact-check linter for news text."""


def _setup(config_path, select=None, ignore=None, min_level=None, fail_level=None):
    config = Config.discover(explicit=config_path)
    if select:
        config.select = split_selectors(select)
    if ignore:
        config.ignore += split_selectors(ignore)
    if min_level:
        config.min_level = min_level
    if fail_level:
        config.fail_level = fail_level
    return config


def _linter(config):
    return Linter(config)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", default="text", show_default=True, help="Output format (see `factlint plugins`).")
@_selection_options
@click.option("--glob", "globs", multiple=True, help="File name patterns to lint in directories (default *.md *.txt).")
@click.option("--exclude", multiple=True, help="File or folder patterns to skip.")
@click.option("--output-file", "-o", type=click.Path(), help="Write the report to this file.")
@click.option("--statistics", is_flag=True, help="Print counts per rule and category.")
@click.option(
    "--fix", is_flag=True, help="Apply unambiguous fixes (one trusted suggestion) in place; report what remains."
)
@click.option(
    "--diff", is_flag=True, help="Show what --fix would change as a unified diff; write nothing (exit 1 if any)."
)
@click.option("--baseline", type=click.Path(), help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(), help="Record the current findings in this baseline file.")
@click.option("--changed-since", metavar="REV", help="Report only findings on lines changed since this git revision.")
@click.option(
    "--input",
    "input",
    type=click.Choice(["auto", "files", "jsonl", "parquet"]),
    default="auto",
    show_default=True,
    help="What the paths hold: text files, or corpora of records (auto: .jsonl, .jsonl.gz and .parquet are corpora).",
)
@click.option(
    "--text-field", default="text", show_default=True, help="Corpus records: the field (column) holding the text."
)
@click.option(
    "--id-field", default="id", show_default=True, help="Corpus records: the field (column) holding the record id."
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes (default: all cores for a corpus or 50+ files, else 1).",
)
@click.option("--cache/--no-cache", "cache", default=True, help="Reuse findings of unchanged files (default: on).")
@click.option(
    "--date",
    "date",
    metavar="YYYY-MM-DD",
    callback=lambda _ctx, _p, v: _valid_date(v),
    help="The documents' publication date, for anniversaries and 'N years ago' (default: front matter or dateline).",
)
@_everyday_options
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
def check(debug, **options):
    """Lint files, directories or '-' (standard input)."""
    try:
        return _check(**options)
    except UserError as exc:
        _fail(exc)
        sys.exit(EXIT_ERROR)
    except BrokenPipeError:
        raise  # _Group ends the run quietly
    except Exception:
        if debug:
            raise
        import traceback  # deferred for start-up: only an internal error needs it

        _fail(f"internal error: {traceback.format_exc().strip().splitlines()[-1]} (run with --debug for details)")
        sys.exit(EXIT_ERROR)


def _use_color(choice, output_file):
    """--color always/never wins; then NO_COLOR (off) and FORCE_COLOR (on), as no-color.org and
    Ruff; else colour only when the report goes to a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return output_file is None and sys.stdout.isatty()


def _valid_date(value):
    if value is None:
        return None
    try:
        if len(value) != 10:  # only YYYY-MM-DD, not the other ISO forms newer Pythons accept
            raise ValueError(value)
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _check(
    paths, fmt, select, ignore, min_level, fail_level, config_path, globs, exclude, output_file, statistics, **post
):
    # deferred for start-up: `rules`, `explain` and `plugins` never run it
    from factlint.run import RunOptions, exit_process, own_process, run

    config = _setup(config_path, select, ignore, min_level, fail_level)
    config.exclude += list(exclude)
    # post: --fix, --diff, --baseline, --write-baseline, --changed-since, --input, --text-field,
    # --id-field, --jobs, --cache, --date (RunOptions fields)
    post["color"] = _use_color(post["color"], output_file)
    options = RunOptions(fmt=fmt, output_file=output_file, statistics=statistics, globs=globs, **post)
    # Linting makes many small short-lived objects and few cycles: the default threshold runs a
    # young-generation collection every 700 allocations (up to a tenth of the linting time); the
    # process is ours, so collect less often (cycles are still collected).
    gc.set_threshold(20_000, 10, 10)
    rulecache.FREEZE_LOADED = own_process()  # the `factlint` command lints once and exits: see rulecache
    # deferred for start-up: Vale support loads only here; None unless a .vale.ini is found
    from factlint.vale.entry import run_if_configured

    code = run_if_configured(paths, config, options)
    if code is None:
        code = run(paths, config, options)
        regexcache.save()  # after the report: only a run that compiled new patterns writes
    exit_process(code)


@main.command("dask-check")
@click.argument("shards", nargs=-1, required=True)
@click.option(
    "--output-dir", required=True, type=click.Path(file_okay=False), help="Folder for the findings shards (JSON lines)."
)
@click.option(
    "--scheduler", metavar="ADDRESS", help="A Dask distributed scheduler (tcp://host:8786); default: local processes."
)
@click.option(
    "--input",
    "kind",
    type=click.Choice(["auto", "jsonl", "parquet"]),
    default="auto",
    show_default=True,
    help="Shard format (auto: by file name; .jsonl.gz is read as gzip).",
)
@click.option("--text-field", default="text", show_default=True, help="The field (column) holding the text.")
@click.option("--id-field", default="id", show_default=True, help="The field (column) holding the record id.")
@_selection_options
@click.option(
    "--date",
    "date",
    metavar="YYYY-MM-DD",
    callback=lambda _ctx, _p, v: _valid_date(v),
    help="The documents' publication date.",
)
def dask_check(
    shards, output_dir, scheduler, kind, text_field, id_field, select, ignore, min_level, fail_level, config_path, date
):
    """Lint sharded corpora (JSONL, .jsonl.gz, Parquet; globs allowed) on Dask: one findings
    shard (JSON lines, as --format json-lines) per input shard in --output-dir."""
    from factlint.daskbag import check_shards  # deferred for start-up: only dask-check needs it

    config = _guarded(lambda: _setup(config_path, select, ignore, min_level, fail_level))
    summaries = _guarded(lambda: check_shards(shards, output_dir, config, scheduler, kind, text_field, id_field, date))
    records = findings = skipped = 0
    worst, failed = -1, False
    for s in summaries:
        for message in s["messages"]:
            _fail(message)
        if s["skipped"] > len(s["messages"]):
            _fail(f"{s['shard']}: ... and {s['skipped'] - len(s['messages'])} more malformed records")
        if s["error"]:
            _fail(s["error"])
            failed = True
        records, findings, skipped = records + s["records"], findings + s["findings"], skipped + s["skipped"]
        worst = max(worst, s["worst"])
    click.echo(
        f"Linted {records} records in {len(summaries)} shard{'s' if len(summaries) != 1 else ''}: "
        f"{findings} finding{'s' if findings != 1 else ''} written to {output_dir}."
    )
    if skipped:
        _fail(f"{skipped} malformed record{'s' if skipped != 1 else ''} skipped")
    if failed or skipped:
        sys.exit(EXIT_ERROR)
    sys.exit(1 if worst >= LEVEL_RANK[config.fail_level] else 0)


@main.command()
@click.option("--config", "config_path", type=click.Path())
def rules(config_path):
    """List the loaded rules."""
    config = _guarded(lambda: _setup(config_path))
    linter = _guarded(lambda: _linter(config))
    rows = [("RULE", "KIND", "LEVEL", "CATEGORY", "DESCRIPTION")] + [
        (r.id, r.spec.extends, r.level, r.category, _first_line(r.spec.description))
        for r in _guarded(lambda: linter.ruleset.rules)
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]  # aligned to the longest of each
    for row in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[4])


@main.command()
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path())
def explain(rule_id, config_path):
    """Show a rule's description and its examples."""
    config = _guarded(lambda: _setup(config_path))
    linter = _guarded(lambda: _linter(config))
    rule = linter.by_id.get(rule_id)
    if rule is None:
        from factlint.run import did_you_mean  # deferred for start-up: only a typo needs it

        _fail(f"no rule {rule_id!r}{did_you_mean(rule_id, linter.by_id)} (see `factlint rules`)")
        sys.exit(EXIT_ERROR)
    spec = rule.spec
    click.echo(f"{rule.id}  ({spec.extends}, {rule.level}, category {rule.category})")
    click.echo(f"file: {spec.path}")
    if spec.description:
        click.echo("\n" + spec.description.strip())
    if spec.link:
        click.echo(f"\nMore: {spec.link}")
    for key, title in (("fail", "Flagged"), ("pass", "Not flagged")):
        items = (spec.examples or {}).get(key) or []
        if items:
            click.echo(f"\n{title}:")
            for item in items:
                text = item if isinstance(item, str) else item["text"]
                click.echo(f"  - {text.strip()}")


@main.command()
def plugins():
    """List the loaded plugins, with versions and the hooks they implement."""
    host = _guarded(shared_host)
    for name, version, hooks in host.plugins():
        click.echo(f"{name} {version}: {', '.join(h.replace('factlint_', '') for h in hooks)}")
    click.echo(f"formats: {', '.join(sorted(_guarded(host.formatters)))}")
    click.echo(f"rule kinds: {', '.join(sorted(_guarded(host.rule_kinds)))}")
    click.echo(native.describe())  # which core scans: rust, or the python fallback
    for name, error in host.failures:
        click.echo(f"{name}: FAILED ({error})")


@main.command()
@click.option(
    "--stdio",
    is_flag=True,
    help="Talk LSP over standard input/output (the default; accepted for clients that pass it).",
)
@click.option("--log-level", default="WARNING", show_default=True, help="Server log level (the log goes to stderr).")
@click.option("--log-file", type=click.Path(dir_okay=False), help="Write the server log to this file instead.")
def server(stdio, log_level, log_file):
    """Run the language server (LSP over stdio; needs pip install 'factlint[server]')."""
    from factlint.server import main as serve  # deferred: `factlint check` never imports pygls

    sys.exit(serve(log_level, log_file))


def _guarded(fn):
    try:
        return fn()
    except UserError as exc:
        _fail(exc)
        sys.exit(EXIT_ERROR)
    except (BrokenPipeError, SystemExit):
        raise
    except Exception as exc:  # noqa: BLE001 - a bug (ours or a plugin's): one line, never a traceback
        _fail(f"internal error: {type(exc).__name__}: {exc}")
        sys.exit(EXIT_ERROR)


def _first_line(text):
    return (text or "").strip().splitlines()[0] if (text or "").strip() else ""
