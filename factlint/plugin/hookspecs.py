"""Every hook a factlint plugin can implement.

Built-in features (factlint.builtin) implement these hooks exactly as a third-party plugin does;
plugins are found through the ``factlint`` entry-point group. Unless marked *first result*, the
host calls every implementation and collects the results (pluggy's default), so several plugins
can each add rule kinds, packs and formatters.

Two groups:

* **What there is** (called whenever the host is asked): ``factlint_rule_kinds``,
  ``factlint_rule_packs``, ``factlint_formatters``, ``factlint_default_config``.
* **One ``factlint check`` run**, in this order: ``factlint_configure`` (register per-run
  plugins), then per file ``factlint_cached_findings`` / ``factlint_document_linted``, then —
  only when a plugin set ``run.needs_all`` — ``factlint_collect_results``, ``factlint_report``,
  ``factlint_process_results``; finally ``factlint_unconfigure``. The ``run`` argument is a
  :class:`factlint.run.Run`. --fix, --diff, --baseline, --write-baseline, --changed-since and the
  result cache are built on these hooks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from factlint.findings import Finding
    from factlint.inputs import Source
    from factlint.kinds.base import RuleKind
    from factlint.run import Run

hookspec = pluggy.HookspecMarker("factlint")

Results = list[tuple["Source", list["Finding"]]]


@hookspec
def factlint_rule_kinds() -> dict[str, type[RuleKind]]:
    """Return a mapping ``{"kind-name": RuleKind subclass}``: the handlers behind ``extends:``.

    A kind class subclasses :class:`factlint.kinds.base.RuleKind`; a later plugin's kind of the
    same name replaces an earlier one.
    """


@hookspec
def factlint_rule_packs() -> list[Any]:
    """Return a list of directories (paths); each is a pack of YAML rules (one rule per ``*.yml``).

    The pack's name is the directory name; rule ids are ``Pack.FileStem``.
    """


@hookspec
def factlint_formatters() -> dict[str, Any]:
    """Return a mapping ``{"format-name": callable}``.

    The callable is ``format(report, stream)``; see :mod:`factlint.formatters`.
    """


@hookspec
def factlint_default_config() -> dict[str, Any]:
    """Return a dict of configuration defaults (merged before user configuration)."""


@hookspec
def factlint_configure(run: Run) -> None:
    """A ``factlint check`` run starts (nothing read yet). Register per-run plugin objects with
    ``run.register(obj)`` for the options they serve; they are unregistered when the run ends. A
    plugin that needs every result before the report (a filter, a fixer) sets
    ``run.needs_all = True``; without one, findings stream to the formatter."""


@hookspec(firstresult=True)
def factlint_cached_findings(run: Run, sources: list[Source]) -> list[list[Finding] | None] | None:
    """Return the findings already known for these file sources, one entry per source (``None``:
    lint it), or ``None`` to give no answer. Called with a chunk of files at a time."""


@hookspec
def factlint_document_linted(run: Run, source: Source, findings: list[Finding]) -> None:
    """A file that ``factlint_cached_findings`` was asked about and did not know was linted
    (to store its findings). Corpus records and standard input are never looked up."""


@hookspec
def factlint_collect_results(run: Run, results: Results) -> None:
    """Every ``(Source, findings)`` of the run is in (``run.needs_all`` only). A plugin that
    narrows what is reported appends its filter — an object with ``keep(source, findings) ->
    findings`` and optionally ``finish()`` — to ``run.filters``; ``run.keep`` applies them all."""


@hookspec(firstresult=True)
def factlint_report(run: Run, results: Results) -> int | None:
    """Report the run yourself instead of the formatter (--diff): return the exit code, or
    ``None`` to let the run go on to ``factlint_process_results`` and the formatter."""


@hookspec
def factlint_process_results(run: Run, results: Results) -> None:
    """Change ``results`` in place before the filters and the formatter: --fix replaces fixed
    documents' findings, --write-baseline records them and then reports none."""


@hookspec
def factlint_unconfigure(run: Run) -> None:
    """The run ends (also after an error): close what ``factlint_configure`` opened."""
