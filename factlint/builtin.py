"""factlint's own features, registered through the same hooks a third-party plugin implements
(and through the same `factlint` entry-point group). Imports are deferred into the hooks so that
start-up pays only for what a run uses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factlint.plugin import hookimpl
from factlint.ruleset import shipped_rules_dir

if TYPE_CHECKING:
    from factlint.run import Run

__all__ = ["hookimpl"]  # kept importable from here for plugins written against factlint 0.1


@hookimpl
def factlint_rule_kinds():
    # Deferred for start-up: a run served from the compiled-rules cache never needs the kinds'
    # modules before unpickling, and `factlint plugins` needs only their names.
    from factlint.kinds.attribution import Attribution
    from factlint.kinds.boilerplate import Boilerplate
    from factlint.kinds.event_date import EventDate
    from factlint.kinds.existence import Existence
    from factlint.kinds.figures.kind import FiguresAgree
    from factlint.kinds.names import CitySpelling, Exonym, NameDrift, NameSpelling
    from factlint.kinds.office.kind import OfficeHolder
    from factlint.kinds.quality.duplicate_paragraph import DuplicateParagraph
    from factlint.kinds.quality.html_residue import HtmlResidue
    from factlint.kinds.quality.mojibake import Mojibake
    from factlint.kinds.substitution import Substitution
    from factlint.kinds.transcription import Transcription
    from factlint.kinds.truncation import Truncation

    kinds = (
        Existence,
        Substitution,
        Transcription,
        EventDate,
        Attribution,
        Boilerplate,
        Truncation,
        Exonym,
        NameSpelling,
        NameDrift,
        CitySpelling,
        Mojibake,
        HtmlResidue,
        DuplicateParagraph,
        OfficeHolder,
        FiguresAgree,
    )
    return {**{k.name: k for k in kinds}, **vale_kinds()}


def vale_kinds():
    """Vale's rule kinds (factlint.kinds.vale): occurrence, repetition, consistency, conditional,
    capitalization; vale.existence/vale.substitution with Vale's semantics; vale.metric & co.
    (not supported yet: they load, say so, and find nothing)."""
    # deferred for start-up, like every kind: imported only when the rules compile
    from factlint.kinds.vale.capitalization import Capitalization
    from factlint.kinds.vale.conditional import Conditional
    from factlint.kinds.vale.consistency import Consistency
    from factlint.kinds.vale.existence import ValeExistence
    from factlint.kinds.vale.occurrence import Occurrence
    from factlint.kinds.vale.repetition import Repetition
    from factlint.kinds.vale.substitution import ValeSubstitution
    from factlint.kinds.vale.unsupported import KINDS

    kinds = (Occurrence, Repetition, Consistency, Conditional, Capitalization, ValeExistence, ValeSubstitution, *KINDS)
    return {k.name: k for k in kinds}


@hookimpl
def factlint_rule_packs():
    base = shipped_rules_dir()
    return sorted(p for p in base.iterdir() if p.is_dir() and any(p.glob("*.yml")))


@hookimpl
def factlint_formatters():
    from factlint import formatters  # deferred for start-up: formatters import their modules lazily too

    # Vale's output formats (factlint/formatters/vale_*.py).
    vale = {
        "vale-line": formatters._Lazy("factlint.formatters.vale_line", streaming=True),
        "vale-json": formatters._Lazy("factlint.formatters.vale_json"),
    }
    return {**formatters.BUILTIN, **vale}


@hookimpl
def factlint_default_config():
    return {"fail-level": "warning", "min-level": "suggestion"}


@hookimpl
def factlint_configure(run: Run) -> None:
    """Register the run features the options ask for, each a plugin of its own for this run (as
    pytest's stepwise registers itself when --stepwise is given)."""
    # Deferred for start-up: a plain `factlint check` imports none of these modules.
    options = run.options
    if options.cache:
        from factlint.resultcache import ResultCachePlugin

        run.register(ResultCachePlugin(run))
    if options.baseline:
        from factlint.baseline import BaselinePlugin

        run.register(BaselinePlugin(run, options.baseline))
    if options.changed_since:
        from factlint.changed import ChangedSincePlugin

        run.register(ChangedSincePlugin(run, options.changed_since))
    if options.diff:  # shows what --fix would change (of the findings the filters keep): nothing else
        from factlint.fixes import DiffPlugin

        run.register(DiffPlugin(run))
        return
    if options.fix:
        from factlint.fixes import FixPlugin

        run.register(FixPlugin(run))
    if options.write_baseline:
        from factlint.baseline import WriteBaselinePlugin

        run.register(WriteBaselinePlugin(run, options.write_baseline))
