"""Which figures are news claims that need a source, and which are not (the editorial policy of
the attribution check: statistics, money of deals, profits and budgets, counts of people and
things, shares, polls, estimates, forecasts, odds, records and rankings are claims; dates, ages,
durations, schedules, scores, small narrative counts, names and ids, specs, prices of goods,
rule and policy numbers, public-record outcomes and market prices are not)."""

from __future__ import annotations

import re

from factlint.text import numbers

# After a number: units that make it a duration, time, age, measurement, spec or sports count.
_UNITS_AFTER = re.compile(
    r"\s?-?\s?(?:years?|yrs?|months?|weeks?|days?|nights?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?|"
    r"centur(?:y|ies)|year-olds?|-year|am|pm|a\.m\.|p\.m\.|GMT|BST|ET|BC|AD|A\.D\.|B\.C\.|"
    r"km|kilometres?|kilometers?|miles?|metres?|meters?|m|cm|mm|feet|foot|ft|inch(?:es)?|kg|cubic|square|g|lb|lbs|"
    r"tonnes?|tons?|mph|km/h|kph|GB|MB|KB|TB|gigabytes?|megabytes?|MHz|GHz|Mbps|kbps|megapixels?|mAh|W|kW|MW|volts?|"
    r"(?:tera|giga|mega|peta)flops|"
    r"degrees?|°|points?|pts|goals?|runs?|wickets?|laps?|sets?|games?|holes?|strokes?|seeds?|tries|caps|"
    r"appearances|matches|innings|overs|yards|frames|shots|saves|titles|medals|wins|victories|defeats|draws|"
    r"st|nd|rd|th|times|fold|place|spot|position|per\s+(?:day|week|month|year)|a\s+(?:day|week|month|year))\b",
    re.I,
)
# Words right before a number that make it a label, an age or a rank, not a claim.
_CONTEXT_BEFORE = re.compile(
    r"\b(?:aged|age|ages|age of|ages of|no|number|top|page|chapter|section|article|level|grade|"
    r"category|room|junction|platform|flight|route|rule|clause|version|model|series|season|vol|"
    r"volume|episode|issue|round|gate|bus|channel|radio|phase|stage|week|day|part|under-|u|"
    r"minute|world\s+number|ranked|seeded)\.?\s*$",
    re.I,
)
# A definite set already known to the reader: "the two men", "all 148 members", "its 34 guidelines".
_DEFINITE_BEFORE = re.compile(
    r"(?:\b(?:the|these|those|all|its|his|her|their|our|both|each)|\w['’]s)\s+(?:\w+\s+)?$", re.I
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_MONTH_AFTER = re.compile(r"\s*" + _MONTH)
_MONTH_BEFORE = re.compile(_MONTH + r"\s$")
_STREET = re.compile(r"\s+(?:[A-Z][a-z]+\s+){1,2}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Square|Place|Drive|Way|Court)\b")
_APPOSITION = re.compile(r"\b[A-Z][\w'’-]+,\s?$")
_SCALE_AFTER = re.compile(r"\s?(?:m|bn|(?i:million|billion|trillion))\b")
# A capitalised word right before a number names something ("Apollo 11", "Windows 95"), unless
# it is an ordinary sentence opener ("About 500 people…").
_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][A-Za-z]*[a-z][A-Za-z]*|[A-Z]{2,}\w*)\s$")
_SENTENCE_OPENERS = frozenset(
    """About Around Almost Nearly Over Under Only Just Some More Fewer Less Least Most Many At In
    On By Up To The A An Of For Since With Another Roughly Approximately Exactly Estimated Those
    These All And But Or Then Still Yet Than Percent""".split()
)
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
# Election and vote results, seats and majorities are public record.
_VOTE_AFTER = re.compile(r"\s+(?:of\s+(?:the\s+)?(?:public\s+)?(?:vote|votes|poll)\b|majority|seats?\b|votes?\b)", re.I)
# A number before a singular product noun is its model: "Boeing's 777 plane", "the 386 PC".
_MODEL_AFTER = re.compile(
    r"\s+(?:plane|jet|airliner|engine|chip|processor|console|handset|model|series|version|edition|camera|phone|car|truck|rifle|tank|class|PC|computer)\b"
)
# The article's own arithmetic: "equivalent to 22 million people", "This is the equivalent of".
_ARITHMETIC_BEFORE = re.compile(
    r"\b(?:equivalent\s+(?:to|of)|the\s+same\s+as|works\s+out\s+(?:at|to)|amounts\s+to)\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$",
    re.I,
)
_VOTED = re.compile(
    r"\bvoted\b|\bvotes?\s+(?:for|against)\b|\b(?:won|wins|win)\b[^.;]*\bvotes\b|\bmajority\s+of\s+\d", re.I
)
# Rule, law and policy numbers: targets, ceilings and limits, policy rates.
_POLICY_BEFORE = re.compile(
    r"\b(?:target|targets|ceiling|limit|limits|cap|capped|threshold|maximum|minimum|quota|"
    r"(?:interest|base|lending|key|policy|benchmark|repo|discount|bank|funds)\s+rates?|borrowing\s+costs?|bands?\s+of|tax(?:es)?\s+(?:rates?\s+)?(?:at|to|of)|up\s+to\s+\S+\s+in\s+jail|aim(?:ed|s)?\s+at|designed\s+to|intended\s+to)\b(?:[\s,]+[\w'’-]+){0,7}\s+$",
    re.I,
)
# Rules and obligations: "parties are required to declare donations over £5,000".
_RULE_WORDS = re.compile(
    r"\b(?:required|obliged|must|allowed|permitted|entitled|eligible|legally|threshold|allowance|start\s+paying|starts\s+paying|"
    r"clause|regulations|exempt|exemption|exemptions|under\s+the\s+(?:new\s+)?(?:plans?|scheme|terms|rules|proposals?|deal|agreement))\b",
    re.I,
)
# Prizes, fines, bail and bonds named after the amount: "a £25,000 prize", "$250,000 (£130,000) fine".
_PRICE_AFTER = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:[\w'’-]+\s+)?(?:prize|prizes|jackpot|fine|fines|bail|bond|reward|bounty|price|salary|fee|in\s+(?:\w+\s+)?damages|damages|in\s+compensation|tournament|competition|contest|award|awards)\b",
    re.I,
)
# Metres, not millions: "the 200m champion", "1500m victory".
_DISTANCE_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:champion|final|race|hurdles|freestyle|relay|medallist|title|gold|silver|bronze|sprint|victory|breaststroke|backstroke|butterfly|individual|dash|record|runner|event|penalty|kick|drop|pass|run|putt|effort|strike|shot|dive|jump|throw)",
    re.I,
)
_NOT_A_SHARE_BEFORE = re.compile(
    r"\b(?:the|first|second|other|opposite|top|bottom|latter|former|northern|southern|eastern|western)\s+$", re.I
)
_GENERIC_OBJECT_BEFORE = re.compile(
    r"\b(?:affect|affects|affecting|infect|infects|infecting|reach|reaching|attract|attracting|entertain|entertaining|"
    r"(?:known|familiar|loved|beloved|adored|dear)\s+(?:to|by))\s+$",
    re.I,
)
# Capacities are specifications: "can hold up to 10,000 songs", "seats up to 500".
_CAPACITY_BEFORE = re.compile(
    r"\benough\s+(?:for|to\s+hold|to\s+store)\s+(?:about\s+|around\s+|up\s+to\s+)?$|"
    r"\b(?:hold|holds|store|stores|carry|carries|support|supports|handle|handles|seat|seats|accommodate|accommodates|take|takes)\s+"
    r"(?:(?:\w+\s+)?(?:up\s+to|as\s+many\s+as)\s+(?:a\s+)?|(?:about\s+|around\s+|some\s+|almost\s+|nearly\s+|over\s+|more\s+than\s+)?)$",
    re.I,
)
_DISTANCE_BEFORE = re.compile(
    r"\b(?:best|record|throw|jump|leap|distance|height|vault|effort|penalty|kick|a|an)\s+(?:\w+\s+)?(?:of\s+)?$", re.I
)
_PRICE_WORDS = re.compile(
    r"\b(?:priced|price\s+tag|cheaper|dearer|on\s+sale|for\s+sale|retails?|retailing|costs?|fares?|tickets?|tariffs?)\b",
    re.I,
)
_POLICY_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:target|ceiling|limit|cap|threshold|quota|(?:top\s+)?(?:tax|income\s+tax|VAT|interest)\s+rate)\b",
    re.I,
)
_COUNTED_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+)?(?:people|(?!this\b|does\b|was\b|has\b)[a-z]{3,}s)\b")
_SPORT_COUNT_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:goals|points|runs|wickets|caps|appearances|tries|matches|games|victories|wins|titles|medals)\b"
    r"|\s+(?:consecutive|straight|successive|long|extra)\s+(?:minutes|hours|days|weeks|months|years|games|matches)\b",
    re.I,
)
# Settlements with a regulator or court are public record: "paid the SEC $250m to settle charges".
_WINNER_AFTER = re.compile(r"(?:\s+\S+){0,4}?\s+(?:to|for)\s+(?:the\s+)?winners?\b", re.I)
_SETTLEMENT_AFTER = re.compile(
    r"(?:\s+\S+){0,4}?\s+(?:to\s+settle|as\s+part\s+of\s+(?:the|a|its)\s+settlement|under\s+the\s+settlement|"
    r"to\s+(?:end|close|resolve)\s+(?:an?\s+|the\s+|its\s+)?(?:investigations?|inquiry|inquiries|probe|case|dispute|lawsuit))\b",
    re.I,
)
_BROADCAST_TIME = re.compile(r"\s+on\s+(?:BBC|ITV|Channel|Radio|Sky|Five|S4C)\b")
_RELATIVE_AFTER = re.compile(r"\s*(?:which|whom)\b", re.I)
_NAME_AFTER = re.compile(r"\s[A-Z][a-z]")
_MEMBERS_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?members\b", re.I)
_PENALTY_BEFORE = re.compile(
    r"\b(?:fine|fined|fines|penalty|penalties|bail|damages|compensation|settled|settle|settlement|(?:had|ordered|forced)\s+to\s+pay)\b(?:\s+[\w'’-]+){0,4}\s+(?:of\s+|at\s+|to\s+|up\s+to\s+)*(?:US|A|C)?$",
    re.I,
)
_TARGET_BY = re.compile(r"\s+by\s+(?:the\s+end\s+of\s+)?(?:20\d\d|next\s+year|the\s+end\s+of\s+the\s+decade)\b", re.I)
_TO_BEFORE = re.compile(r"\bto\s+(?:about\s+|around\s+|just\s+|under\s+|below\s+)?$", re.I)
_AUDIENCE_BEFORE = re.compile(
    r"\b(?:address|addressing|addressed|speaking\s+to|speak\s+to|spoke\s+to|talk\s+to|talking\s+to|perform\s+for|play\s+to)\s+(?:more\s+than\s+|about\s+|some\s+|around\s+|nearly\s+)?$",
    re.I,
)
_PER_SECOND_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,5}?\s+(?:every|per|a)\s+second\b", re.I)
_IF_CLAUSE = re.compile(r"\b(?:if|unless)\b", re.I)
_MODAL = re.compile(r"\b(?:would|could|might)\b", re.I)
_SCHEDULED_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:will|are\s+to|are\s+due\s+to)\s+(?:be\s+)?(?:screened|shown|played|performed|staged|broadcast|exhibited|on\s+show|on\s+display|compete|take\s+part)\b",
    re.I,
)
_CAPACITY_LIST_BEFORE = re.compile(
    r"\b(?:hold|holds|store|stores|carry|carries|seat|seats)\b(?:\s+\S+){0,6}\s+(?:or|and)\s+$", re.I
)
_THERE_WOULD_BE = re.compile(r"\W*there\s+(?:would|could|might)\s+be\b", re.I)
_OF_MONEY_AFTER = re.compile(r"\s+of\s+(?:pounds|dollars|euros)\b", re.I)
_LEAD_AFTER = re.compile(r"\s+(?:their|its|his|her|the)\s+(?:lead|advantage|score|tally|account)\b", re.I)
_SAMPLE_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:interviews|respondents|responses|questionnaires|people\s+(?:polled|questioned|surveyed|interviewed))\b",
    re.I,
)
_SAMPLE_BEFORE = re.compile(
    r"\b(?:covered|covering|surveyed|polled|questioned|interviewed|sample\s+of|survey\s+of|poll\s+of|study\s+of)\s+(?:more\s+than\s+|some\s+|about\s+|nearly\s+|over\s+|almost\s+)?$",
    re.I,
)
# An actor's own programme named with its owner: "its £35bn efficiency savings", "their £2bn bid".
_OWN_PROGRAMME = re.compile(
    r"(?:[\w-]+\s+)?(?:savings|cuts|plan|plans|programme|program|pledge|pledges|target|offer|bid|proposal|proposals|package)\b",
    re.I,
)
_OWNER_BEFORE = re.compile(r"\b(?:its|their|his|her)\s+$", re.I)
_AT_AGE = re.compile(r"(?:^|[.!?]\s+|\b)[Aa]t\s+$")
_MILESTONE_AFTER = re.compile(r"\s+(?:mark|barrier|level|milestone|figure)\b", re.I)
_EXCHANGE = re.compile(
    r"\b(?:stock\s+(?:exchange|market)|bourse|shares|share\s+price|index|oil\s+prices?|crude|euro|dollar|pound|yen|sterling|currency)\b",
    re.I,
)
_SPORT = re.compile(
    r"\b(?:championship|league|season|match|matches|tournament|cup|title|defeat|victory|win|wins|goals?|innings|race|seeded|squad|ranking|rankings|ranked|qualified|round|indoor|outdoor|athletics|meeting|olympic|champion|championships)\b"
    r"|(?<![£$€\d.,])\b(?:100|200|400|800|1,?500|3,?000|5,?000|10,?000)m\b",
    re.I,
)
_IDIOM = re.compile(
    r"\b100\s*%\s+record\b|\ba\s+(?:thousand|million|billion|hundred)\s+(?:better|worse|different|times|ways|reasons)\b|\b(?:in|of)\s+a\s+million\s+(?:years|miles)\b|\bone\s+in\s+a\s+million\b|\bmillions?\s+of\s+years\b|\b(?:a|\d+)\s*%\s+effort\b",
    re.I,
)
# Figures in words that count time or distance, not people or things.
_WORD_UNITS_AFTER = re.compile(
    r"\s+(?:of\s+)?(?:years|miles|hours|minutes|seconds|days|weeks|months|times|an?\s+hour|light|cubic|square|degrees|"
    r"(?:kilo|mega|giga|tera)?(?:bits|bytes)|pixels|watts|volts|metres|kilometres|tonnes|calories)\b",
    re.I,
)
# Conversions in brackets are the article's own arithmetic: "$11bn (£5.8bn)".
_CONVERSION = re.compile(r"\d[\d,.]*\s?(?:[a-z]+\s?){0,2}\(\s*$|\([^()]*[;:,]\s*$")

# Bookmakers' odds differ between bookmakers, so the bookmaker matters: "is now 2-1 favourite".
ODDS_TRIGGERS = ("favourite", "favourites", "outsider", "outsiders", "odds", "shot", "shots", "chance")
ODDS = re.compile(
    r"(?=[0-9])(?:(?<=odds of |odds at )\d{1,3}-\d{1,3}\b"
    r"|(?<![\w.,-])\d{1,3}-\d{1,3}(?=\s+(?:joint[- ])?(?:favourites?|outsiders?|shots?|chance)\b))"
)
# A figure inside an if-clause (no comma between "if" and it) is a hypothetical.
_HYPOTHETICAL = re.compile(
    r"\b(?:if|unless|suppose|supposing|provided\s+that|providing\s+that|on\s+condition\s+that|as\s+long\s+as)\b[^,;:]*$",
    re.I,
)
# Records and rankings: "the highest since 1990", "the third-largest", "a record high".
SUPERLATIVES = (
    "highest",
    "lowest",
    "biggest",
    "largest",
    "smallest",
    "fastest",
    "slowest",
    "worst",
    "best",
    "strongest",
    "weakest",
)
# The words the term automaton finds for records; `record_at` reads the record around each.
RECORD_TRIGGERS = SUPERLATIVES + ("record",)
_ORDINAL = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
_ORDINAL_BEFORE = re.compile(_ORDINAL + r"[- ]$", re.I)
RECORD = re.compile(
    _ORDINAL + r"[- ](?:highest|lowest|biggest|largest|smallest|fastest)\b"
    r"|(?:"
    + "|".join(SUPERLATIVES)
    + r")(?:\s+[\w'’-]+){0,4}?\s+since\s+(?:the\s+)?(?:(?:early|mid|late)[- ])?(?:1[89]\d\d|20\d\d|records\s+began)\b"
    r"|record\s+(?:high|low|levels?|profits?|losses?|numbers?)\b",
    re.I,
)


def record_at(prose: str, start: int) -> tuple[int, int] | None:
    """The record or ranking around a trigger word at `start` ("the third-largest", "the highest
    since 1990", "a record high"), as (start, end), or None."""
    ordinal = _ORDINAL_BEFORE.search(prose, max(0, start - 12), start)
    m = RECORD.match(prose, ordinal.start() if ordinal else start)
    return (m.start(), m.end()) if m else None


def not_a_claim_anywhere(prose: str, end: int, text: str) -> bool:
    """What makes a digit number no claim whatever its sentence: a year, a duration, a unit, a
    date, a street number, a small number (style guides spell those out), a score or range."""
    digits = text.replace(",", "")
    after = prose[end : end + 24]
    if _UNITS_AFTER.match(after):
        return True
    if digits.isdigit() and len(digits) == 4 and 1000 <= int(digits) <= 2099 and "," not in text:
        return True
    if _MONTH_AFTER.match(after) or _STREET.match(after) or _BROADCAST_TIME.match(after):
        return True
    if len(digits) == 4 and digits[0] == "0":
        return True  # a clock time: "from 0800 to 1800GMT"
    if digits.isdigit() and len(digits) >= 5 and "," not in text and not _SCALE_AFTER.match(after):
        return True  # a code or number, not a count: news style writes counts with commas ("text 85130")
    if (
        digits.isdigit()
        and len(digits.lstrip("0")) <= 1
        and not _SCALE_AFTER.match(after)
        and not numbers.CURRENCY_AFTER.match(after)
    ):
        return True
    return after.startswith(("-", "–", "/"))


def _named_or_labelled(prose: str, s_start: int, start: int, end: int) -> bool:
    """A label ("page 3"), a date ("April 24"), an age in apposition, a numbered name, a range."""
    after = prose[end : end + 24]
    before = prose[max(s_start, start - 24) : start]
    if _CONTEXT_BEFORE.search(before) or _MONTH_BEFORE.search(before):
        return True
    if (
        after.startswith(",")
        and _APPOSITION.search(before)
        and not _SCALE_AFTER.match(prose, start + len(prose[start:end].rstrip()))
    ):
        return "," not in prose[start:end]  # "Ms Jones, 41, from Leeds" (not "Acme, 41,000 jobs")
    named = _CAPITALISED_BEFORE.search(before)
    if (
        named
        and named.group(1) not in _SENTENCE_OPENERS
        and not after.lstrip().startswith(("people", "jobs", "troops"))
    ):
        return True
    if before[-2:-1].isdigit() and before.endswith(" "):
        return True  # a group of a phone number: "0800 028 9276"
    return before.endswith(("-", "–", "/", "#"))


def may_count(prose: str, s_start: int, s_end: int, start: int, end: int, kind: str) -> bool:
    """Whether the figure can count anything at all (a casualty count included): not a label
    ("Section 41"), not a title or name in words ("Million Dollar Baby")."""
    if kind == "num":
        return not _named_or_labelled(prose, s_start, start, end)
    if kind == "scaled" and prose[start:end].lower() in numbers.SCALES and prose[start : start + 1].isupper():
        return False  # "Million Dollar Baby": a scale word with no count before it is a name
    if kind in ("scaled", "multitude", "numword", "fraction") and prose[start : start + 1].isupper():
        return (
            start <= s_start + 2
            or _title_case(prose, s_start, s_end)
            or prose[s_start:start].strip() in ('"', "“", "'", "‘")
        )
    return True


# Words without which a sentence-level pattern cannot match: a sentence holding none of them is
# never searched (most sentences), which halves the cost of the contexts.
_TRIGGERS = {
    "market": frozenset(
        """p pence cents shares share stock stocks index indices ftse dow nasdaq nikkei dax cac hang sterling pound
        dollar euro yen exchange bond trading against crude crudes oil gold copper price rise fall drop gain
        jump slump decline slide""".split()
    ),
    "exchange": frozenset("stock bourse shares share index oil crude euro dollar pound yen sterling currency".split()),
    "sport": frozenset(
        """championship league season match matches tournament cup title defeat victory win wins goal
        goals innings race seeded squad ranking rankings ranked qualified round indoor outdoor athletics meeting
        100m 200m 400m 800m 1500m 5000m 10000m olympic champion championships""".split()
    ),
    "rule": frozenset(
        """required obliged must allowed permitted entitled eligible legally threshold allowance start starts
        clause regulations exempt exemption exemptions under""".split()
    ),
    "price": frozenset(
        "cheaper dearer priced price on for retail retails retailing cost costs fare fares ticket tickets tariff tariffs".split()
    ),
    "voted": frozenset("voted vote votes majority".split()),
}
_SENTENCE_WORDS = re.compile(r"[a-z]+")


def _has(memo: dict, name: str, regex: re.Pattern, prose: str, s_start: int, s_end: int) -> bool:
    """Whether the sentence holds a match of `regex`, asked once per sentence (`memo` is the
    sentence's: a sentence with ten figures is searched once, not ten times), and only if it
    holds one of the pattern's trigger words."""
    found = memo.get(name)
    if found is None:
        words = memo.get("words")
        if words is None:
            words = memo["words"] = frozenset(_SENTENCE_WORDS.findall(prose[s_start:s_end].lower()))
        found = memo[name] = not _TRIGGERS[name].isdisjoint(words) and regex.search(prose, s_start, s_end) is not None
    return found


def is_claim(prose: str, s_start: int, s_end: int, start: int, end: int, kind: str, memo: dict | None = None) -> bool:
    """Whether the figure prose[start:end] of kind `kind` (numbers.py's kinds, plus "record"
    and "odds") states a fact a reader would want a source for. `memo`: one dict per sentence."""
    memo = {} if memo is None else memo
    if kind in ("numword",):
        return False  # "two ministers met": only a casualty count makes a small number a claim
    if kind == "record":  # market levels and sports records are public record
        return not (
            _has(memo, "market", _MARKET, prose, s_start, s_end)
            or _has(memo, "exchange", _EXCHANGE, prose, s_start, s_end)
            or _has(memo, "sport", _SPORT, prose, s_start, s_end)
        )
    if kind == "odds":
        return True
    text = prose[start:end]
    before = prose[max(s_start, start - 60) : start]
    after = prose[end : min(s_end, end + 40)]
    if kind == "num":
        if _named_or_labelled(prose, s_start, start, end):
            return False
        if numbers.CURRENCY_AFTER.match(after):
            kind = "money"
        else:
            amount = numbers.value(text)
            if text[-1:].lower() == "k":
                return False  # "16k", "a 10k run": memory or distance (money has its currency sign)
            if text[-1:].lower() == "m" and (
                _DISTANCE_AFTER.match(after) or _DISTANCE_BEFORE.search(before) or not _COUNTED_AFTER.match(after)
            ):
                return False  # "the 200m champion", "attempt 5.05m at": bare "m" counts only before a noun
            if _MODEL_AFTER.match(after):
                return False
            if _SAMPLE_AFTER.match(after) or _SAMPLE_BEFORE.search(before):
                return False  # "based on 8,000 telephone interviews": a survey's method, not its finding
            if _SPORT_COUNT_AFTER.match(after):
                return False  # "scored 200 league and cup goals": a sports record
            if amount is not None and amount < 100:
                return False  # a small count is narrative ("16 nominations", "50 voice commands")
            if amount is not None and amount < 1000 and _has(memo, "sport", _SPORT, prose, s_start, s_end):
                return False  # "a club scoring record of 200", "his 150th cap": sports records
            if _DEFINITE_BEFORE.search(before) and not _MILESTONE_AFTER.match(after):
                return False  # "the 34 guidelines", "all 148 members" (not "topped the 100,000 mark")
            if _CAPACITY_BEFORE.search(before):
                return False
            if after.startswith(",") and _AT_AGE.search(before):
                return False  # "At 12, he was canvassing"
    if kind in ("num", "scaled") and _MEMBERS_AFTER.match(after):
        return False  # the size of an organisation's membership is public record
    if (
        kind in ("scaled", "multitude")
        and _OF_MONEY_AFTER.match(after)
        and _has(memo, "price", _PRICE_WORDS, prose, s_start, s_end)
    ):
        return False  # "tens of thousands of pounds cheaper" than a car's price tag: prices of goods
    if kind in ("scaled", "multitude", "fraction"):
        if _CAPACITY_BEFORE.search(before) or _CAPACITY_LIST_BEFORE.search(before):
            return False  # "enough to hold hundreds of pictures"
        if _WORD_UNITS_AFTER.match(after) or _IDIOM.search(prose, max(s_start, start - 10), min(s_end, end + 12)):
            return False
        if _CONTEXT_BEFORE.search(before[-24:]) or (
            kind == "scaled" and _DEFINITE_BEFORE.search(before) and not _MILESTONE_AFTER.match(after)
        ):
            return False  # "round four in eight", "the last million connections"
        if kind == "fraction" and _RELATIVE_AFTER.match(after):
            return False  # "his songs, half of which were written with…": narration about a known set
        if kind == "fraction" and _NOT_A_SHARE_BEFORE.search(before):
            return False  # "the opposite half of the draw", "the first half"
        if kind == "multitude" and _GENERIC_OBJECT_BEFORE.search(before):
            return False  # "viruses written to infect millions": a kind of thing, not a count
        if text[:1].isupper() and start > s_start + 2 and not _title_case(prose, s_start, s_end):
            return False  # a title or a name mid-sentence: "Million Dollar Baby", "Three Gorges"
    if kind in ("money", "num") and _CONVERSION.search(before):
        return False  # a conversion: "$11bn (£5.8bn)", "($9.37bn; £4.8bn)"
    if kind == "money" and _OWNER_BEFORE.search(before) and _OWN_PROGRAMME.match(after.lstrip()):
        return False  # the owner's own figure for its own plan (the plan's owner is the source)
    if kind == "money":
        if (
            _RATE_AFTER.match(after)
            or _PRICE_AFTER.match(after)
            or _SETTLEMENT_AFTER.match(after)
            or _WINNER_AFTER.match(after)
        ):
            return False
        amount = numbers.value(text)
        if amount is not None and amount < 1000:
            return False  # prices of goods and services, fares, surcharges: "£10 one-way", "£800"
        if (
            amount is not None
            and amount < 1e5
            and not _SCALE_AFTER.search(text)
            and _has(memo, "price", _PRICE_WORDS, prose, s_start, s_end)
        ):
            return False  # "the £1,950 throne … a couch priced £4,250"
        if _PENALTY_BEFORE.search(before):
            return False  # fines, bail and damages set by a court or regulator are public record
        if _PRICE_BEFORE.search(before) and amount is not None and amount < 1e6:
            return False  # the price of goods, a prize, bail (a project that costs $2bn is a claim)
    if kind == "multiplier" and (_has(memo, "sport", _SPORT, prose, s_start, s_end) or _LEAD_AFTER.match(after)):
        return False  # "the home side doubled their lead": a score
    if kind in ("pct", "num", "money", "fraction", "multiplier"):
        if kind != "fraction" and _has(memo, "market", _MARKET, prose, s_start, s_end):
            return False
        if _VOTE_AFTER.match(after) or _has(memo, "voted", _VOTED, prose, s_start, s_end):
            return False
        if (
            _POLICY_AFTER.match(after)
            or _has(memo, "rule", _RULE_WORDS, prose, s_start, s_end)
            or _POLICY_BEFORE.search(before)
        ):
            return False
    if kind == "pct" and _IDIOM.search(prose, start, min(s_end, end + 10)):
        return False
    if kind == "pct" and _NAME_AFTER.match(after) and not _title_case(prose, s_start, s_end):
        return False  # "the host of 100% Homegrown": a title
    if _ARITHMETIC_BEFORE.search(before):
        return False
    if _TARGET_BY.match(after) and _TO_BEFORE.search(before):
        return False  # "reducing the deficit to $230bn by 2009": a target, not a statement of fact
    if kind in ("num", "scaled") and _SCHEDULED_AFTER.match(after):
        return False  # "350 films will be screened at the festival": a programme
    if kind in ("num", "scaled") and _AUDIENCE_BEFORE.search(before):
        return False  # "is set to address 2,000 people": a schedule
    if _PER_SECOND_AFTER.match(after):
        return False  # "billions of radio pulses every second": a specification
    if _THERE_WOULD_BE.match(prose, s_start, start):
        return False  # "There would be 385 members": a hypothetical
    if _IF_CLAUSE.search(prose, s_start, start) and _MODAL.search(prose, s_start, start):
        return False  # "If the price is at the top of the range, the firm could be valued at 200m euros"
    if _HYPOTHETICAL.search(prose[max(s_start, start - 80) : start]):
        return False  # "If unemployment rose to 8.2%, …": a condition, not a statement
    return True


def _title_case(prose: str, s_start: int, s_end: int) -> bool:
    """A headline written in title case ("Only 24 Percent of Donors Are Small Donors")."""
    words = [w for w in prose[s_start:s_end].split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
