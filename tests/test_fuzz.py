"""Fuzzing (issue 12): random and adversarial text and Markdown through the library entry point
and the CLI. Bounded and seeded in CI (profile "ci"); `scripts/fuzz.sh` runs the same properties
with many more examples (profile "long"). A crash found there becomes a test in
tests/test_hard_inputs.py."""

from __future__ import annotations

import os
import re

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.cli import main
from factlint.config import Config
from factlint.engine import Linter
from factlint.fixes import apply_edits, edits_for

settings.register_profile(
    "ci", max_examples=60, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck)
)
# "long": no example database, so that a run after a failure explores instead of replaying it.
settings.register_profile(
    "long", max_examples=1_000_000, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
_PROFILE = os.environ.get("FACTLINT_FUZZ_PROFILE", "ci")
settings.load_profile(_PROFILE)

_LINTER = Linter(Config())
_COUNTS: dict[str, int] = {}  # examples run per property, written by scripts/fuzz.sh's runs


def _count(name: str) -> None:
    if os.environ.get("FACTLINT_FUZZ_LOG"):
        _COUNTS[name] = _COUNTS.get(name, 0) + 1
        if _COUNTS[name] % 200 == 0:
            with open(os.environ["FACTLINT_FUZZ_LOG"], "a", encoding="utf-8") as fh:
                fh.write(f"{name} {_COUNTS[name]}\n")


# Pieces a hostile or careless writer produces: Markdown syntax, line endings, quotes, names,
# figures, surrogates and control characters, and words the shipped rules look for.
_PIECES = [
    "`",
    "``",
    "```",
    "~~~",
    "<!--",
    "-->",
    "<script>",
    '"',
    "'",
    "“",
    "”",
    "> ",
    "- ",
    "* ",
    "1. ",
    "#",
    "| a |",
    "|---|",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    " ",
    "\t",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x0b",
    "\ud800",
    "[",
    "](",
    ")",
    "*",
    "_",
    "\\",
    "said",
    "according to",
    "The Prime Minister",
    "Boris Johnson",
    "Tony Blair",
    "£5m",
    "50%",
    "1,000",
    "in 2010",
    "Monday",
    "London",
    "BBC",
    "Asherites",
    "Aser",
    "...",
    "…",
    "é",
    "Ã©",
    "&amp;",
    "http://x.org",
    "[1]",
    "(AP)",
    "Read more",
    "Copyright",
]
_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=60).map("".join),
)


def _check_findings(text: str, findings: list) -> None:
    lines = re.split(r"\r\n?|\n", text)  # as Document.position: CR LF, LF and a lone CR end a line
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert f.match == text[f.start : f.end], f
        assert 1 <= f.line <= f.end_line <= len(lines), f
        assert (f.end_line, f.end_column) >= (f.line, f.column), f
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, f
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1, f


@pytest.mark.parametrize("markup", ["markdown", "text"])
@given(text=_TEXT)
def test_library_fuzz(markup: str, text: str) -> None:
    _count(f"library-{markup}")
    findings = _LINTER.lint_text(text, path="fuzz.md" if markup == "markdown" else "fuzz.txt", markup=markup)
    _check_findings(text, findings)
    edits = edits_for(findings)
    if not edits:
        return
    fixed = apply_edits(text, edits)
    fixed.encode("utf-8", "surrogatepass")  # the fix itself adds no invalid text
    if all(not ("\ud800" <= c <= "\udfff") for c in text):
        fixed.encode("utf-8")
    after = _LINTER.lint_text(fixed, path="fuzz.md" if markup == "markdown" else "fuzz.txt", markup=markup)
    _check_findings(fixed, after)
    # No fixable finding of the same rule is left where a replacement went in.
    shift, spots = 0, []
    for start, end, replacement in edits:
        spots.append((start + shift, start + shift + len(replacement)))
        shift += len(replacement) - (end - start)
    # A fix that does nothing (or undoes itself) would loop: what is left at a fixed spot must
    # propose something else (a second layer of mojibake is fixed by the next pass).
    for f in after:
        if f.fixable and (f.start, f.end) in spots:
            assert f.suggestions[0] != fixed[f.start : f.end], (f, text)
            assert apply_edits(fixed, [(f.start, f.end, f.suggestions[0])]) != text, (f, text)


@given(data=st.one_of(st.binary(max_size=400), _TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))))
@settings(max_examples=25 if _PROFILE == "ci" else 1_000_000)
def test_cli_fuzz(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    _count("cli")
    folder = tmp_path_factory.mktemp("fuzz")
    for name in ("a.md", "b.txt"):
        (folder / name).write_bytes(data)
    for fmt in ("text", "json", "github"):
        result = CliRunner().invoke(main, ["check", "--no-cache", "--format", fmt, str(folder)])
        if result.exit_code == 130:  # the long run's time slice ended (SIGINT) inside the CLI: stop there
            raise KeyboardInterrupt
        assert result.exception is None or isinstance(result.exception, SystemExit), (result.exception, data)
        assert result.exit_code in (0, 1, 2), (result.output, data)
        assert "Traceback" not in result.output and "internal error" not in result.output, (result.output, data)
        assert (folder / "a.md").read_bytes() == data  # nothing written without --fix
