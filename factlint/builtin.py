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
    from factlint.kinds.figures.kind import FiguresAgree
    from factlint.kinds.names import CitySpelling, Exonym, NameDrift, NameSpelling
    from factlint.kinds.office.kind import OfficeHolder
    from factlint.kinds.quality import DuplicateParagraph, HtmlResidue, Mojibake
    from factlint.kinds.substitution import Substitution
    from factlint.kinds.transcription import Transcription
    from factlint.kinds.truncation import Truncation

    kinds = (Existence, Substitution, Transcription, EventDate, Attribution, Boilerplate, Truncation, Exonym, NameSpelling, NameDrift,
             CitySpelling, Mojibake, HtmlResidue, DuplicateParagraph, OfficeHolder, FiguresAgree)
    return {k.name: k for k in kinds}


@hookimpl
def factlint_rule_packs():
    base = shipped_rules_dir()
    return sorted(p for p in base.iterdir() if p.is_dir() and any(p.glob("*.yml")))


@hookimpl
def factlint_formatters():
    from factlint import formatters

    return formatters.BUILTIN


@hookimpl
def factlint_default_config():
    return {"fail-level": "warning", "min-level": "suggestion"}
