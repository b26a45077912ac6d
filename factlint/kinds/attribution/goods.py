"""Figures that are specifications, prices of goods or the article's own sums, not claims: prices,
fares, rates and prizes, capacities, model numbers, units in words ("millions of years"),
conversions in brackets, an owner's figure for its own plan."""

from __future__ import annotations

import re

import factlint.kinds.attribution.labels as labels
from factlint.kinds.attribution.figure import Figure, stems

# Prices of goods and services, prizes, bail, fines and bonds are specifications or public record.
_PRICE_BEFORE = re.compile(
    r"\b(?:prize|prizes|jackpot|bail|bond|fine|fined|fines|penalty|cost|costs|costing|priced|price|"
    r"prices|charge|charges|charging|retail|retails|retailing|sells?\s+for|selling\s+for|on\s+sale\s+for|"
    r"tariff|fare|fares|subscription|fee\s+of|per|salary|wage|wages|pot|purse|winnings|set\s+(?:\w+\s+){0,3}back)\b(?:\s+\S+){0,5}\s+(?:of\s+|at\s+|to\s+|for\s+|just\s+|about\s+|around\s+|up\s+to\s+)*(?:US|A|C|NZ|HK|S)?$",
    re.I,
)
_RATE_AFTER = re.compile(
    r"[\s-]+(?:a|per|each|for\s+every)[\s-]+(?:share|head|person|month|week|day|year|hour|minute|unit|barrel|litre|gallon|kilo|one)\b|\s+apiece\b",
    re.I,
)
# A number before a singular product noun is its model: "Boeing's 777 plane", "the 386 PC".
_MODEL_AFTER = re.compile(
    r"\s+(?:plane|jet|airliner|engine|chip|processor|console|handset|model|series|version|edition|camera|phone|car|truck|rifle|tank|class|PC|computer)\b"
)
# Prizes, fines, bail and bonds named after the amount: "a £25,000 prize", "$250,000 (£130,000) fine".
_PRICE_AFTER = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:[\w'’-]+\s+)?(?:prize|prizes|jackpot|fine|fines|bail|bond|reward|bounty|price|salary|fee|in\s+(?:\w+\s+)?damages|damages|in\s+compensation|tournament|competition|contest|award|awards)\b",
    re.I,
)
# Capacities are specifications: "can hold up to 10,000 songs", "seats up to 500".
_CAPACITY_BEFORE = re.compile(
    r"\benough\s+(?:for|to\s+hold|to\s+store)\s+(?:about\s+|around\s+|up\s+to\s+)?$|"
    r"\b(?:hold|holds|store|stores|carry|carries|support|supports|handle|handles|seat|seats|accommodate|accommodates|take|takes)\s+"
    r"(?:(?:\w+\s+)?(?:up\s+to|as\s+many\s+as)\s+(?:a\s+)?|(?:about\s+|around\s+|some\s+|almost\s+|nearly\s+|over\s+|more\s+than\s+)?)$",
    re.I,
)
_PRICE_WORDS = re.compile(
    r"\b(?:priced|price\s+tag|cheaper|dearer|on\s+sale|for\s+sale|retails?|retailing|costs?|fares?|tickets?|tariffs?)\b",
    re.I,
)
_CAPACITY_LIST_BEFORE = re.compile(
    r"\b(?:hold|holds|store|stores|carry|carries|seat|seats)\b(?:\s+\S+){0,6}\s+(?:or|and)\s+$", re.I
)
_OF_MONEY_AFTER = re.compile(r"\s+of\s+(?:pounds|dollars|euros)\b", re.I)
_PER_SECOND_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,5}?\s+(?:every|per|a)\s+second\b", re.I)
# An actor's own programme named with its owner: "its £35bn efficiency savings", "their £2bn bid".
_OWN_PROGRAMME = re.compile(
    r"(?:[\w-]+\s+)?(?:savings|cuts|plan|plans|programme|program|pledge|pledges|target|offer|bid|proposal|proposals|package)\b",
    re.I,
)
_OWNER_BEFORE = re.compile(r"\b(?:its|their|his|her)\s+$", re.I)
# Figures in words that count time or distance, not people or things.
_WORD_UNITS_AFTER = re.compile(
    r"\s+(?:of\s+)?(?:years|miles|hours|minutes|seconds|days|weeks|months|times|an?\s+hour|light|cubic|square|degrees|"
    r"(?:kilo|mega|giga|tera)?(?:bits|bytes)|pixels|watts|volts|metres|kilometres|tonnes|calories)\b",
    re.I,
)
# Conversions in brackets are the article's own arithmetic: "$11bn (£5.8bn)".
_CONVERSION = re.compile(r"\d[\d,.]*\s?(?:[a-z]+\s?){0,2}\(\s*$|\([^()]*[;:,]\s*$")
# What something costs someone is a claim, not a price tag: "cost the UK economy", "costs taxpayers".
_COST_TO = re.compile(
    r"\bcost(?:s|ing)?\s+(?:(?:the|its|their|his|her|our)\s+)?(?:[\w'’-]+\s+){0,2}?(?:economy|economies|country|nation|taxpayers?|consumers|businesses|firms|companies|industry|government|public|state|NHS|exchequer|treasury)\b[^.;]*$",
    re.I,
)
# Words without which the patterns on the text before a figure cannot match (Figure.before_has).
_CAPACITY_STEMS = stems("enough", "hold", "store", "carr", "support", "handle", "seat", "accommodate", "take")
_CAPACITY_LIST_STEMS = stems("hold", "store", "carr", "seat")
_PRICE_STEMS = stems(
    "priz",
    "jackpot",
    "bail",
    "bond",
    "fine",
    "penalty",
    "cost",
    "pric",
    "charg",
    "retail",
    "sell",
    "sale",
    "tariff",
    "fare",
    "subscription",
    "fee",
    "per",
    "salary",
    "wage",
    "pot",
    "purse",
    "winnings",
    "set",
)
_OWNER_STEMS = stems("its", "their", "his", "her")
# The words without which _PRICE_WORDS cannot match (a sentence holding none is never searched).
_PRICE_TRIGGERS = frozenset(
    "cheaper dearer priced price on for retail retails retailing cost costs fare fares ticket tickets tariff tariffs".split()
)


def _prices(fig: Figure) -> bool:
    return fig.holds("price", _PRICE_WORDS, _PRICE_TRIGGERS)


def thousands(fig: Figure) -> bool:
    """Holds for "16k", "a 10k run": memory or distance (money has its currency sign)."""
    return fig.text[-1:].lower() == "k"


def model_number(fig: Figure) -> bool:
    return _MODEL_AFTER.match(fig.after) is not None


def capacity(fig: Figure) -> bool:
    """Holds for "can hold up to 10,000 songs"."""
    return fig.before_has(_CAPACITY_STEMS) and _CAPACITY_BEFORE.search(fig.before) is not None


def capacity_in_words(fig: Figure) -> bool:
    """Holds for "enough to hold hundreds of pictures"."""
    return (fig.before_has(_CAPACITY_STEMS) and _CAPACITY_BEFORE.search(fig.before) is not None) or (
        fig.before_has(_CAPACITY_LIST_STEMS) and _CAPACITY_LIST_BEFORE.search(fig.before) is not None
    )


def units_in_words(fig: Figure) -> bool:
    return _WORD_UNITS_AFTER.match(fig.after) is not None


def price_in_words(fig: Figure) -> bool:
    """Prices of goods: "tens of thousands of pounds cheaper" than a car's price tag (not what
    something costs someone: "thought to cost the economy hundreds of millions of pounds")."""
    return _OF_MONEY_AFTER.match(fig.after) is not None and _prices(fig) and not _COST_TO.search(fig.before)


def conversion(fig: Figure) -> bool:
    """A conversion: "$11bn (£5.8bn)", "($9.37bn; £4.8bn)"."""
    return "(" in fig.before and _CONVERSION.search(fig.before) is not None


def own_programme(fig: Figure) -> bool:
    """The owner's own figure for its own plan (the plan's owner is the source)."""
    return (
        fig.before_has(_OWNER_STEMS)
        and _OWNER_BEFORE.search(fig.before) is not None
        and _OWN_PROGRAMME.match(fig.after.lstrip()) is not None
    )


def rate_or_prize(fig: Figure) -> bool:
    """Holds for "$5 a share", "a £25,000 prize", "$250,000 (£130,000) fine"."""
    return _RATE_AFTER.match(fig.after) is not None or _PRICE_AFTER.match(fig.after) is not None


def small_sum(fig: Figure) -> bool:
    """Prices of goods and services, fares, surcharges: "£10 one-way", "£800"."""
    amount = fig.amount
    return amount is not None and amount < 1000


def price_of_goods(fig: Figure) -> bool:
    """Holds for "the £1,950 throne … a couch priced £4,250"."""
    amount = fig.amount
    return amount is not None and amount < 1e5 and not labels.SCALE_AFTER.search(fig.text) and _prices(fig)


def priced(fig: Figure) -> bool:
    """The price of goods, a prize, bail (a project that costs $2bn is a claim)."""
    amount = fig.amount
    return (
        amount is not None
        and amount < 1e6
        and fig.before_has(_PRICE_STEMS)
        and _PRICE_BEFORE.search(fig.before) is not None
    )


def per_second(fig: Figure) -> bool:
    """Holds for "billions of radio pulses every second": a specification."""
    return _PER_SECOND_AFTER.match(fig.after) is not None
