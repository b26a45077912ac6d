"""Figures that are narration, not claims: small counts and sets the reader already knows ("the
34 guidelines"), a survey's method, ages, idioms, titles, parts of a known whole, programmes and
schedules, targets, the article's own arithmetic and hypotheticals."""

from __future__ import annotations

import re

import factlint.kinds.attribution.labels as labels
from factlint.kinds.attribution.figure import Figure, stems

# A definite set already known to the reader: "the two men", "all 148 members", "its 34 guidelines".
_DEFINITE_BEFORE = re.compile(
    r"(?:\b(?:the|these|those|all|its|his|her|their|our|both|each)|\w['’]s)\s+(?:\w+\s+)?$", re.I
)
_MILESTONE_AFTER = re.compile(r"\s+(?:mark|barrier|level|milestone|figure)\b", re.I)
_AT_AGE = re.compile(r"(?:^|[.!?]\s+|\b)[Aa]t\s+$")
_SAMPLE_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:interviews|respondents|responses|questionnaires|people\s+(?:polled|questioned|surveyed|interviewed))\b",
    re.I,
)
_SAMPLE_BEFORE = re.compile(
    r"\b(?:covered|covering|surveyed|polled|questioned|interviewed|sample\s+of|survey\s+of|poll\s+of|study\s+of)\s+(?:more\s+than\s+|some\s+|about\s+|nearly\s+|over\s+|almost\s+)?$",
    re.I,
)
_IDIOM = re.compile(
    r"\b100\s*%\s+record\b|\ba\s+(?:thousand|million|billion|hundred)\s+(?:better|worse|different|times|ways|reasons)\b|\b(?:in|of)\s+a\s+million\s+(?:years|miles)\b|\bone\s+in\s+a\s+million\b|\bmillions?\s+of\s+years\b|\b(?:a|\d+)\s*%\s+effort\b",
    re.I,
)
_RELATIVE_AFTER = re.compile(r"\s*(?:which|whom)\b", re.I)
_NOT_A_SHARE_BEFORE = re.compile(
    r"\b(?:the|first|second|other|opposite|top|bottom|latter|former|northern|southern|eastern|western)\s+$", re.I
)
_GENERIC_OBJECT_BEFORE = re.compile(
    r"\b(?:affect|affects|affecting|infect|infects|infecting|reach|reaching|attract|attracting|entertain|entertaining|"
    r"(?:known|familiar|loved|beloved|adored|dear)\s+(?:to|by))\s+$",
    re.I,
)
_NAME_AFTER = re.compile(r"\s[A-Z][a-z]")
# The article's own arithmetic: "equivalent to 22 million people", "This is the equivalent of".
_ARITHMETIC_BEFORE = re.compile(
    r"\b(?:equivalent\s+(?:to|of)|the\s+same\s+as|works\s+out\s+(?:at|to)|amounts\s+to)\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$",
    re.I,
)
_TARGET_BY = re.compile(r"\s+by\s+(?:the\s+end\s+of\s+)?(?:20\d\d|next\s+year|the\s+end\s+of\s+the\s+decade)\b", re.I)
_TO_BEFORE = re.compile(r"\bto\s+(?:about\s+|around\s+|just\s+|under\s+|below\s+)?$", re.I)
_SCHEDULED_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:will|are\s+to|are\s+due\s+to)\s+(?:be\s+)?(?:screened|shown|played|performed|staged|broadcast|exhibited|on\s+show|on\s+display|compete|take\s+part)\b",
    re.I,
)
_AUDIENCE_BEFORE = re.compile(
    r"\b(?:address|addressing|addressed|speaking\s+to|speak\s+to|spoke\s+to|talk\s+to|talking\s+to|perform\s+for|play\s+to)\s+(?:more\s+than\s+|about\s+|some\s+|around\s+|nearly\s+)?$",
    re.I,
)
_THERE_WOULD_BE = re.compile(r"\W*there\s+(?:would|could|might)\s+be\b", re.I)
_IF_CLAUSE = re.compile(r"\b(?:if|unless)\b", re.I)
_MODAL = re.compile(r"\b(?:would|could|might)\b", re.I)
# A figure inside an if-clause (no comma between "if" and it) is a hypothetical.
_HYPOTHETICAL = re.compile(
    r"\b(?:if|unless|suppose|supposing|provided\s+that|providing\s+that|on\s+condition\s+that|as\s+long\s+as)\b[^,;:]*$",
    re.I,
)

# Stems without which the patterns above cannot match (Figure.mentions: a sentence with none is
# never searched). Each is a plain substring of a word every match holds.
_SAMPLE_STEMS = stems("interview", "respon", "questio", "people", "cover", "survey", "poll", "sample", "study")
_ARITHMETIC_STEMS = stems("equivalent", "same", "works", "amounts")
_AUDIENCE_STEMS = stems("address", "speak", "spoke", "talk", "perform", "play")
_IF_STEMS = stems("if", "unless")
_HYPOTHETICAL_STEMS = stems("if", "unless", "suppos", "provid", "condition", "long")
_SCHEDULED_STEMS = stems("will", "are")
_IDIOM_STEMS = stems(
    "record",
    "better",
    "worse",
    "different",
    "times",
    "ways",
    "reasons",
    "years",
    "miles",
    "million",
    "effort",
)


def survey_sample(fig: Figure) -> bool:
    """Holds for "based on 8,000 telephone interviews": a survey's method, not its finding."""
    return fig.mentions("sample", _SAMPLE_STEMS) and (
        _SAMPLE_AFTER.match(fig.after) is not None
        or (fig.before_has(_SAMPLE_STEMS) and _SAMPLE_BEFORE.search(fig.before) is not None)
    )


def small_count(fig: Figure) -> bool:
    """A small count is narrative ("16 nominations", "50 voice commands")."""
    amount = fig.amount
    return amount is not None and amount < 100


def known_set(fig: Figure) -> bool:
    """Holds for "the 34 guidelines", "all 148 members" (not "topped the 100,000 mark")."""
    return _DEFINITE_BEFORE.search(fig.before) is not None and not _MILESTONE_AFTER.match(fig.after)


def age_at(fig: Figure) -> bool:
    """Holds for "At 12, he was canvassing"."""
    return fig.after.startswith(",") and _AT_AGE.search(fig.before) is not None


def idiom_around(fig: Figure) -> bool:
    return (
        fig.mentions("idiom", _IDIOM_STEMS)
        and _IDIOM.search(fig.prose, max(fig.s_start, fig.start - 10), min(fig.s_end, fig.end + 12)) is not None
    )


def label_or_known_scale(fig: Figure) -> bool:
    """Holds for "round four in eight", "the last million connections"."""
    return labels.CONTEXT_BEFORE.search(fig.before[-24:]) is not None or (
        fig.kind == "scaled"
        and _DEFINITE_BEFORE.search(fig.before) is not None
        and not _MILESTONE_AFTER.match(fig.after)
    )


def part_of_known_set(fig: Figure) -> bool:
    """Holds for "his songs, half of which were written with…": narration about a known set."""
    return _RELATIVE_AFTER.match(fig.after) is not None


def not_a_share(fig: Figure) -> bool:
    """Holds for "the opposite half of the draw", "the first half"."""
    return _NOT_A_SHARE_BEFORE.search(fig.before) is not None


def generic_object(fig: Figure) -> bool:
    """Holds for "viruses written to infect millions": a kind of thing, not a count."""
    return _GENERIC_OBJECT_BEFORE.search(fig.before) is not None


def title_mid_sentence(fig: Figure) -> bool:
    """A title or a name mid-sentence: "Million Dollar Baby", "Three Gorges"."""
    return (
        fig.text[:1].isupper()
        and fig.start > fig.s_start + 2
        and not labels.title_case(fig.prose, fig.s_start, fig.s_end)
    )


def percent_idiom(fig: Figure) -> bool:
    return (
        fig.mentions("idiom", _IDIOM_STEMS)
        and _IDIOM.search(fig.prose, fig.start, min(fig.s_end, fig.end + 10)) is not None
    )


def percent_title(fig: Figure) -> bool:
    """Holds for "the host of 100% Homegrown": a title."""
    return _NAME_AFTER.match(fig.after) is not None and not labels.title_case(fig.prose, fig.s_start, fig.s_end)


def arithmetic(fig: Figure) -> bool:
    return fig.before_has(_ARITHMETIC_STEMS) and _ARITHMETIC_BEFORE.search(fig.before) is not None


def target(fig: Figure) -> bool:
    """Holds for "reducing the deficit to $230bn by 2009": a target, not a statement of fact."""
    return _TARGET_BY.match(fig.after) is not None and _TO_BEFORE.search(fig.before) is not None


def scheduled(fig: Figure) -> bool:
    """Holds for "350 films will be screened at the festival": a programme."""
    return fig.mentions("scheduled", _SCHEDULED_STEMS) and _SCHEDULED_AFTER.match(fig.after) is not None


def audience(fig: Figure) -> bool:
    """Holds for "is set to address 2,000 people": a schedule."""
    return fig.before_has(_AUDIENCE_STEMS) and _AUDIENCE_BEFORE.search(fig.before) is not None


def there_would_be(fig: Figure) -> bool:
    """Holds for "There would be 385 members": a hypothetical."""
    return _THERE_WOULD_BE.match(fig.prose, fig.s_start, fig.start) is not None


def conditional(fig: Figure) -> bool:
    """Holds for "If the price is at the top of the range, the firm could be valued at 200m euros"."""
    return (
        fig.mentions("if", _IF_STEMS)
        and _IF_CLAUSE.search(fig.prose, fig.s_start, fig.start) is not None
        and _MODAL.search(fig.prose, fig.s_start, fig.start) is not None
    )


def hypothetical(fig: Figure) -> bool:
    """Holds for "If unemployment rose to 8.2%, …": a condition, not a statement."""
    return (
        fig.mentions("hypothetical", _HYPOTHETICAL_STEMS)
        and _HYPOTHETICAL.search(fig.prose[max(fig.s_start, fig.start - 80) : fig.start]) is not None
    )
