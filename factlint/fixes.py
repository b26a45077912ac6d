"""--fix and --diff: apply only unambiguous fixes.

A finding is fixed only when its kind marked it `fixable` (a substitution with exactly one
suggestion from a trusted table, e.g. "Asherites" -> "Azeris"). Ambiguous findings ("Aser" ->
Azerbaijan | Azeris) are reported and never applied, as codespell does with several candidates.

Fixes are applied per document from the end backwards, using the findings' offsets into the
document text (the file minus a leading BOM, which is kept, as are the line endings); the fixed
text is linted again, so that what is reported afterwards is what remains. A file is replaced
atomically (a temporary file in the same folder, then os.replace, keeping the permission bits),
and only if it still holds exactly the text that was linted. Standard input is fixed as `ruff
--fix -` does: the fixed text goes to stdout and the report to stderr. Corpus records are never
changed.

Both take part in a run as plugins (FixPlugin, DiffPlugin; registered by factlint.builtin for
--fix and --diff); they fix only the findings the run's filters (baseline, changed lines) keep.
"""

from __future__ import annotations

import codecs
import difflib
import errno
import os
import re
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from factlint.atomic import FileChangedError, atomic_write, read_bytes
from factlint.errors import EXIT_CLEAN, EXIT_FINDINGS, InputError, UserError, warn
from factlint.inputs import decode
from factlint.plugin import hookimpl

if TYPE_CHECKING:
    from factlint.run import Results, Run

MAX_PASSES = 5  # a fix may reveal another (rarely); stop before a pathological ping-pong


def edits_for(findings):
    """(start, end, replacement) for the fixable findings, sorted, without overlaps (an
    overlapping one is left for the next pass, which re-lints first)."""
    edits, last_end = [], -1
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if not f.fixable or len(f.suggestions) != 1 or f.start < last_end:
            continue
        edits.append((f.start, f.end, f.suggestions[0]))
        last_end = f.end
    return edits


def apply_edits(text, edits):
    """Apply sorted, non-overlapping edits from the end backwards, so earlier offsets hold
    (collected as pieces: linear in the text, however many edits)."""
    pieces, tail = [], len(text)
    for start, end, replacement in reversed(edits):
        pieces += (text[end:tail], replacement)
        tail = start
    pieces.append(text[:tail])
    return "".join(reversed(pieces))


def fix_text(source, findings, relint, keep):
    """Fix one document in memory. `findings`: all of its findings; `relint(text)` lints a text;
    `keep(findings)` narrows them to those reported (baseline, changed lines): only reported
    findings are fixed. Returns (fixed text, number of fixes, findings of the fixed text)."""
    text, applied = source.text, 0
    for _ in range(MAX_PASSES):
        edits = edits_for(keep(findings))
        if not edits:
            break
        new = apply_edits(text, edits)
        if new == text:
            break
        text, applied = new, applied + len(edits)
        findings = relint(text)
    return text, applied, findings


def write_fixed(source, text):
    """Write the fixed text over the source file if it still holds what was linted. Raises
    FileChangedError or OSError."""
    original = read_bytes(source.name)
    try:
        unchanged = original is not None and decode(original, source.name) == source.text
    except InputError:
        unchanged = False
    if not unchanged:
        raise FileChangedError(source.name)
    # os.replace would happily swap out a read-only file: respect the protection instead.
    st = os.stat(source.name)
    if not st.st_mode & 0o222 or not os.access(source.name, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is read-only")
    if st.st_nlink > 1:  # replacing it would leave the other names with the old text
        raise OSError(errno.EMLINK, f"the file has {st.st_nlink} hard links; fix it by hand or unlink the others")
    bom = codecs.BOM_UTF8 if original.startswith(codecs.BOM_UTF8) else b""
    atomic_write(source.name, bom + text.encode("utf-8"), expected=original)


def fixable_source(source):
    return source.record is None and source.text is not None


def _skip_note(source):
    if source.record is not None:
        warn(f"{source.display}: corpus records are never fixed")


def plan(results, linter, keep):
    """[(Source, findings, fixed text, number of fixes, findings after fixing)] for the sources
    that have something to fix."""
    out, noted = [], set()
    for src, findings in results:
        if not edits_for(keep(src, findings)):
            continue
        if not fixable_source(src):
            if src.name not in noted:
                noted.add(src.name)
                _skip_note(src)
            continue
        text, n, after = fix_text(
            src,
            findings,
            relint=lambda t, src=src: linter.lint_source(replace(src, text=t)),
            keep=lambda fs, src=src: keep(src, fs),
        )
        if n:
            out.append((src, findings, text, n, after))
    return out


def fix_all(results, linter, keep, errors):
    """--fix: write the fixes; return [(Source, all findings)] of the texts as they now are."""
    fixed = {}
    n_fixes = n_files = 0
    for src, _findings, text, n, after in plan(results, linter, keep):
        try:
            if src.name != "-":  # standard input: FixPlugin writes the fixed text to stdout
                write_fixed(src, text)
        except FileChangedError:
            err = UserError("changed on disk while factlint ran: not fixed (run again)", src.display)
        except OSError as exc:
            err = UserError(f"cannot write the fixes: {exc.strerror or exc}", src.display)
        else:
            src.text = text  # later stages (baseline, report) see the file as it now is
            fixed[id(src)] = after
            n_fixes += n
            n_files += 1
            continue
        warn(err)
        errors.append(err)
    print(f"Fixed {n_fixes} finding(s) in {n_files} file(s).", file=sys.stderr)
    return [(src, fixed.get(id(src), findings)) for src, findings in results]


def show_diff(results, linter, keep, stream):
    """--diff: print a unified diff of what --fix would change; return the number of fixes."""
    n_fixes = n_files = 0
    for src, _findings, text, n, _after in plan(results, linter, keep):
        lines = difflib.unified_diff(_lines(src.text), _lines(text), src.display, src.display)
        for line in lines:
            stream.write(line)
            if not line.endswith("\n"):  # as diff(1) and git mark a last line without newline
                stream.write("\n\\ No newline at end of file\n")
        n_fixes += n
        n_files += 1
    print(f"Would fix {n_fixes} finding(s) in {n_files} file(s).", file=sys.stderr)
    return n_fixes


def _lines(text):
    """Lines with their endings, split at '\n' only (str.splitlines also splits at form feeds,
    U+2028 and lone carriage returns, which would garble the diff of a CRLF file)."""
    return re.findall(r"[^\n]*\n|[^\n]+\Z", text)


class FixPlugin:
    """--fix as a per-run plugin: fixes before the baseline is written or the report made."""

    def __init__(self, run: Run) -> None:
        run.needs_all = True

    @hookimpl(tryfirst=True)
    def factlint_process_results(self, run: Run, results: Results) -> None:
        results[:] = fix_all(results, run.linter, run.keep, run.errors)
        for src, _findings in results:
            if src.name == "-" and src.record is None and src.text is not None:
                # As `ruff --fix -`: the (fixed) text on stdout, fixed or not; the report on stderr.
                sys.stdout.write(src.text)
                sys.stdout.flush()
                run.report_stream = sys.stderr


class DiffPlugin:
    """--diff as a per-run plugin: prints the diff instead of the report."""

    def __init__(self, run: Run) -> None:
        run.needs_all = True

    @hookimpl
    def factlint_report(self, run: Run, results: Results) -> int:
        output_file = run.options.output_file
        stream = open(output_file, "w", encoding="utf-8") if output_file else sys.stdout
        try:
            n = show_diff(results, run.linter, run.keep, stream)
        finally:
            if stream is not sys.stdout:
                stream.close()
        return EXIT_FINDINGS if n else EXIT_CLEAN  # (an error still makes the run exit 2)
