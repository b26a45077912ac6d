"""The attribution kind: figures stated as news claims, and whether a source speaks for them.

claims.py decides which figures are claims, sourcing.py finds sources and their quality, kind.py
is the rule kind that puts them together per sentence.
"""

from factlint.kinds.attribution.kind import Attribution

__all__ = ["Attribution"]
