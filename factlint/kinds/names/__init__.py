"""Names (factlint): place names checked against the gazetteer, person names against themselves.

The kinds share one gazetteer index, one English word list and one vocabulary mechanism:

    exonym          a foreign-language or deprecated form of a place name ("Aserbaidschan",
                    "Ruanda", "Kiev"): a table lookup, the English name as the suggestion.
    name-spelling   a near miss of a gazetteer name ("Azerbajan", "Phillipines", "portugese"):
                    edit distance and a phonetic key, gated so that real words and names are left
                    alone.
    city-spelling   a near miss of a city of a country the text names ("Kolomouz" for Olomouc).
    name-drift      one proper name spelled two ways in one text ("Pashinyan" / "Pashinian").

Keys (all kinds): `table` (the gazetteer, relative to the rule file), `words` (the word list),
`vocabulary` (folders with Vale-style accept.txt / reject.txt), `defer` (transcription tables
whose `wrong` forms another rule reports: never reported twice), `exceptions`.
"""

# benchmarks/floor.py times the token regex on its own.
from factlint.kinds.names.base import _CAPITALISED  # noqa: E402,F401
from factlint.kinds.names.city import CitySpelling
from factlint.kinds.names.drift import NameDrift
from factlint.kinds.names.exonym import Exonym
from factlint.kinds.names.near_miss import NameSpelling

__all__ = ["CitySpelling", "Exonym", "NameDrift", "NameSpelling"]
