"""Figures that are public record or sport, not claims: market prices and moves, sports scores,
counts and records, votes and seats, rule and policy numbers, fines, settlements and prizes set by
a court, a regulator or a contest, the size of a membership."""

from __future__ import annotations

import re

from factlint.kinds.attribution.figure import Figure, stems

# Market trading (share prices and moves, exchange rates, indices) is public record.
_MARKET = re.compile(
    r"\b(?:shares|share\s+prices?|stock|stocks|index|indices|ftse|dow|nasdaq|nikkei|dax|cac|hang\s+seng|sterling|"
    r"the\s+(?:pound|dollar|euro|yen)|exchange\s+rate|bond\s+yields?)\b[^.;]{0,120}?\b(?:closed|closing|trading|traded|"
    r"slipped|fell|rose|gained|dropped|jumped|climbed|tumbled|lost|were\s+up|were\s+down|was\s+up|was\s+down|buys|"
    r"fallen|risen|surged|soared|plunged|plummeted|slumped|rallied|dipped|edged|sank|slid|suspended|performed|recording|"
    r"ended|finished|opened|up|down)\b"
    r"|\b(?:rise|fall|drop|gain|jump|slump|decline|slide)\s+in\s+(?:[\w'’]+\s+){0,2}(?:shares|share\s+price|stock)\b"
    r"|\bto\s+\d[\d.,]*\s?(?:p|pence|cents)\b|\b(?:were|was|are|is)\s+trading\b|\bshares\s+(?:by|up|down)\b"
    r"|\b(?:crudes?|oil\s+prices?|price\s+of\s+(?:oil|crude|gold|copper)|gold\s+prices?)\b[^.;]{0,60}?\b(?:dropped|fell|rose|climbed|jumped|slipped|surged|slumped|gained|lost|closed|closing|traded|trading|ended|higher|lower)\b|\bagainst\s+the\s+(?:\w+\s+)?(?:dollar|euro|pound|yen|greenback)\b",
    re.I,
)
_EXCHANGE = re.compile(
    r"\b(?:stock\s+(?:exchange|market)|bourse|shares|share\s+price|index|oil\s+prices?|crude|euro|dollar|pound|yen|sterling|currency)\b",
    re.I,
)
_SPORT = re.compile(
    r"\b(?:championship|league|season|match|matches|tournament|cup|title|defeat|victory|win|wins|goals?|innings|race|seeded|squad|ranking|rankings|ranked|qualified|round|indoor|outdoor|athletics|meeting|olympic|champion|championships)\b"
    r"|(?<![£$€\d.,])\b(?:100|200|400|800|1,?500|3,?000|5,?000|10,?000)m\b",
    re.I,
)
# Election and vote results, seats and majorities are public record.
_VOTE_AFTER = re.compile(r"\s+(?:of\s+(?:the\s+)?(?:public\s+)?(?:vote|votes|poll)\b|majority|seats?\b|votes?\b)", re.I)
_VOTED = re.compile(
    r"\bvoted\b|\bvotes?\s+(?:for|against)\b|\b(?:won|wins|win)\b[^.;]*\bvotes\b|\bmajority\s+of\s+\d", re.I
)
# Rule, law and policy numbers: targets, ceilings and limits, policy rates.
_POLICY_BEFORE = re.compile(
    r"\b(?:target|targets|ceiling|limit|limits|cap|capped|threshold|maximum|minimum|quota|"
    r"(?:interest|base|lending|key|policy|benchmark|repo|discount|bank|funds)\s+rates?|borrowing\s+costs?|bands?\s+of|tax(?:es)?\s+(?:rates?\s+)?(?:at|to|of)|up\s+to\s+\S+\s+in\s+jail|aim(?:ed|s)?\s+at|designed\s+to|intended\s+to)\b(?:[\s,]+[\w'’-]+){0,7}\s+$",
    re.I,
)
_POLICY_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:target|ceiling|limit|cap|threshold|quota|(?:top\s+)?(?:tax|income\s+tax|VAT|interest)\s+rate)\b",
    re.I,
)
# Rules and obligations: "parties are required to declare donations over £5,000".
_RULE_WORDS = re.compile(
    r"\b(?:required|obliged|must|allowed|permitted|entitled|eligible|legally|threshold|allowance|start\s+paying|starts\s+paying|"
    r"clause|regulations|exempt|exemption|exemptions|under\s+the\s+(?:new\s+)?(?:plans?|scheme|terms|rules|proposals?|deal|agreement))\b",
    re.I,
)
_PENALTY_BEFORE = re.compile(
    r"\b(?:fine|fined|fines|penalty|penalties|bail|damages|compensation|settled|settle|settlement|(?:had|ordered|forced)\s+to\s+pay)\b(?:\s+[\w'’-]+){0,4}\s+(?:of\s+|at\s+|to\s+|up\s+to\s+)*(?:US|A|C)?$",
    re.I,
)
# Settlements with a regulator or court are public record: "paid the SEC $250m to settle charges".
_WINNER_AFTER = re.compile(r"(?:\s+\S+){0,4}?\s+(?:to|for)\s+(?:the\s+)?winners?\b", re.I)
_SETTLEMENT_AFTER = re.compile(
    r"(?:\s+\S+){0,4}?\s+(?:to\s+settle|as\s+part\s+of\s+(?:the|a|its)\s+settlement|under\s+the\s+settlement|"
    r"to\s+(?:end|close|resolve)\s+(?:an?\s+|the\s+|its\s+)?(?:investigations?|inquiry|inquiries|probe|case|dispute|lawsuit))\b",
    re.I,
)
_MEMBERS_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?members\b", re.I)
_SPORT_COUNT_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:goals|points|runs|wickets|caps|appearances|tries|matches|games|victories|wins|titles|medals)\b"
    r"|\s+(?:consecutive|straight|successive|long|extra)\s+(?:minutes|hours|days|weeks|months|years|games|matches)\b",
    re.I,
)
_LEAD_AFTER = re.compile(r"\s+(?:their|its|his|her|the)\s+(?:lead|advantage|score|tally|account)\b", re.I)
# Metres, not millions: "the 200m champion", "1500m victory".
_DISTANCE_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:champion|final|race|hurdles|freestyle|relay|medallist|title|gold|silver|bronze|sprint|victory|breaststroke|backstroke|butterfly|individual|dash|record|runner|event|penalty|kick|drop|pass|run|putt|effort|strike|shot|dive|jump|throw)",
    re.I,
)
_DISTANCE_BEFORE = re.compile(
    r"\b(?:best|record|throw|jump|leap|distance|height|vault|effort|penalty|kick|a|an)\s+(?:\w+\s+)?(?:of\s+)?$", re.I
)
_COUNTED_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+)?(?:people|(?!this\b|does\b|was\b|has\b)[a-z]{3,}s)\b")

# Words without which a sentence-level pattern cannot match: a sentence holding none of them is
# never searched (most sentences), which halves the cost of the contexts.
_MARKET_TRIGGERS = frozenset(
    """p pence cents shares share stock stocks index indices ftse dow nasdaq nikkei dax cac hang sterling pound
    dollar euro yen exchange bond trading against crude crudes oil gold copper price rise fall drop gain
    jump slump decline slide""".split()
)
_EXCHANGE_TRIGGERS = frozenset(
    "stock bourse shares share index oil crude euro dollar pound yen sterling currency".split()
)
_SPORT_TRIGGERS = frozenset(
    """championship league season match matches tournament cup title defeat victory win wins goal
    goals innings race seeded squad ranking rankings ranked qualified round indoor outdoor athletics meeting
    100m 200m 400m 800m 1500m 5000m 10000m olympic champion championships""".split()
)
_RULE_TRIGGERS = frozenset(
    """required obliged must allowed permitted entitled eligible legally threshold allowance start starts
    clause regulations exempt exemption exemptions under""".split()
)
_VOTED_TRIGGERS = frozenset("voted vote votes majority".split())
# The words each alternative of _MARKET needs (the trigger words alone, "rise", "price", are too
# common a gate): a market noun and a move, a rise in shares, a price in pence, trading, ...
_MARKET_NOUNS = frozenset(
    """shares share stock stocks index indices ftse dow nasdaq nikkei dax cac hang sterling pound dollar
    euro yen exchange bond""".split()
)
_MARKET_MOVES = frozenset(
    """closed closing trading traded slipped fell rose gained dropped jumped climbed tumbled lost buys fallen
    risen surged soared plunged plummeted slumped rallied dipped edged sank slid suspended performed recording
    ended finished opened up down""".split()
)
_MARKET_RISES = frozenset("rise fall drop gain jump slump decline slide".split())
_STOCK = frozenset(("shares", "share", "stock"))
_PENCE = frozenset(("p", "pence", "cents"))
_BE_WORDS = frozenset(("were", "was", "are", "is"))
_MOVED = frozenset(("by", "up", "down"))
_COMMODITIES = frozenset(("crude", "crudes", "oil", "gold", "copper"))
_COMMODITY_MOVES = frozenset(
    """dropped fell rose climbed jumped slipped surged slumped gained lost closed closing traded trading ended
    higher lower""".split()
)
_CURRENCIES = frozenset(("dollar", "euro", "pound", "yen", "greenback"))


def _market_words(w: frozenset) -> bool:
    return (
        (not _MARKET_NOUNS.isdisjoint(w) and not _MARKET_MOVES.isdisjoint(w))
        or (not _MARKET_RISES.isdisjoint(w) and "in" in w and not _STOCK.isdisjoint(w))
        or ("to" in w and not _PENCE.isdisjoint(w))
        or ("trading" in w and not _BE_WORDS.isdisjoint(w))
        or ("shares" in w and not _MOVED.isdisjoint(w))
        or (not _COMMODITIES.isdisjoint(w) and not _COMMODITY_MOVES.isdisjoint(w))
        or ("against" in w and "the" in w and not _CURRENCIES.isdisjoint(w))
    )


# _RULE_WORDS: one of its words, or "start(s) paying", or "under the" a plan, scheme, deal, ...
_RULE_ALONE = frozenset(
    """required obliged must allowed permitted entitled eligible legally threshold allowance clause regulations
    exempt exemption exemptions""".split()
)
_UNDER_THE = frozenset("plan plans scheme terms rules proposal proposals deal agreement".split())


def _rule_words(w: frozenset) -> bool:
    return (
        not _RULE_ALONE.isdisjoint(w)
        or ("paying" in w and ("start" in w or "starts" in w))
        or ("under" in w and "the" in w and not _UNDER_THE.isdisjoint(w))
    )


# Stems without which a pattern cannot match (Figure.mentions, asked once per sentence).
_VOTE_STEMS = stems("vote", "poll", "majority", "seat")
_POLICY_AFTER_STEMS = stems("target", "ceiling", "limit", "cap", "threshold", "quota", "rate")
_POLICY_STEMS = stems(
    "target",
    "ceiling",
    "limit",
    "cap",
    "threshold",
    "maximum",
    "minimum",
    "quota",
    "rate",
    "borrowing",
    "band",
    "tax",
    "jail",
    "aim",
    "designed",
    "intended",
)
_PENALTY_STEMS = stems("fine", "penalt", "bail", "damage", "compensation", "settle", "pay")
_SETTLEMENT_STEMS = stems("winner", "settle", "end", "close", "resolve")


def _market(fig: Figure) -> bool:
    return fig.holds("market", _MARKET, _MARKET_TRIGGERS, _market_words)


def _sport(fig: Figure) -> bool:
    return fig.holds("sport", _SPORT, _SPORT_TRIGGERS)


def public_level(fig: Figure) -> bool:
    """Market levels and sports records are public record (a record's figure kind)."""
    return _market(fig) or fig.holds("exchange", _EXCHANGE, _EXCHANGE_TRIGGERS) or _sport(fig)


def metres_not_millions(fig: Figure) -> bool:
    """Holds for "the 200m champion", "attempt 5.05m at": bare "m" counts only before a noun."""
    return fig.text[-1:].lower() == "m" and (
        _DISTANCE_AFTER.match(fig.after) is not None
        or _DISTANCE_BEFORE.search(fig.before) is not None
        or not _COUNTED_AFTER.match(fig.after)
    )


def sports_count(fig: Figure) -> bool:
    """Holds for "scored 200 league and cup goals": a sports record."""
    return _SPORT_COUNT_AFTER.match(fig.after) is not None


def sports_small_record(fig: Figure) -> bool:
    """Holds for "a club scoring record of 200", "his 150th cap": sports records."""
    amount = fig.amount
    return amount is not None and amount < 1000 and _sport(fig)


def membership(fig: Figure) -> bool:
    """The size of an organisation's membership is public record."""
    return _MEMBERS_AFTER.match(fig.after) is not None


def score(fig: Figure) -> bool:
    """Holds for "the home side doubled their lead": a score."""
    return _sport(fig) or _LEAD_AFTER.match(fig.after) is not None


def market(fig: Figure) -> bool:
    return _market(fig)


def vote(fig: Figure) -> bool:
    return fig.mentions("vote", _VOTE_STEMS) and (
        _VOTE_AFTER.match(fig.after) is not None or fig.holds("voted", _VOTED, _VOTED_TRIGGERS)
    )


def rule_or_policy(fig: Figure) -> bool:
    return (
        (fig.mentions("policy-after", _POLICY_AFTER_STEMS) and _POLICY_AFTER.match(fig.after) is not None)
        or fig.holds("rule", _RULE_WORDS, _RULE_TRIGGERS, _rule_words)
        or (fig.before_has(_POLICY_STEMS) and _POLICY_BEFORE.search(fig.before) is not None)
    )


def penalty(fig: Figure) -> bool:
    """Fines, bail and damages set by a court or regulator are public record."""
    return fig.before_has(_PENALTY_STEMS) and _PENALTY_BEFORE.search(fig.before) is not None


def settlement_or_winnings(fig: Figure) -> bool:
    """Holds for "paid the SEC $250m to settle charges", "$1m to the winner"."""
    return fig.mentions("settlement", _SETTLEMENT_STEMS) and (
        _SETTLEMENT_AFTER.match(fig.after) is not None or _WINNER_AFTER.match(fig.after) is not None
    )
