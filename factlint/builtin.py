"""factlint's own features, registered through the same hooks a third-party plugin implements
(and through the same `factlint` entry-point group). Imports are deferred into the hooks so that
start-up pays only for what a run uses."""
from pathlib import Path

import pluggy

hookimpl = pluggy.HookimplMarker("factlint")


def shipped_rules_dir():
    """The shipped packs: `factlint/rules` in an installed wheel, `<repo>/rules` in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    return here / "rules"


@hookimpl
def factlint_rule_kinds():
    from factlint.kinds.attribution import Attribution
    from factlint.kinds.boilerplate import Boilerplate
    from factlint.kinds.event_date import EventDate
    from factlint.kinds.existence import Existence
    from factlint.kinds.names import Exonym, NameDrift, NameSpelling
    from factlint.kinds.quality import DuplicateParagraph, HtmlResidue, Mojibake
    from factlint.kinds.substitution import Substitution
    from factlint.kinds.transcription import Transcription
    from factlint.kinds.truncation import Truncation

    kinds = (Existence, Substitution, Transcription, EventDate, Attribution, Boilerplate, Truncation, Exonym, NameSpelling, NameDrift,
             Mojibake, HtmlResidue, DuplicateParagraph)
    return {**{k.name: k for k in kinds}, **vale_kinds()}


def vale_kinds():
    """Vale's rule kinds (factlint.kinds.vale): occurrence, repetition, consistency, conditional,
    capitalization; vale.existence/vale.substitution with Vale's semantics; vale.metric & co.
    (not supported yet: they load, say so, and find nothing)."""
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
    from factlint import formatters

    # Vale's output formats (factlint/formatters/vale_*.py).
    vale = {"vale-line": formatters._Lazy("factlint.formatters.vale_line", streaming=True),
            "vale-json": formatters._Lazy("factlint.formatters.vale_json")}
    return {**formatters.BUILTIN, **vale}


@hookimpl
def factlint_default_config():
    return {"fail-level": "warning", "min-level": "suggestion"}
