"""The attribution kind: figures stated as news claims, and whether a source speaks for them.

claims.py decides which figures are claims, with the tests that make a figure no claim by
family (labels.py, public_record.py, goods.py, narrative.py; figure.py is the figure they read);
sourcing.py finds sources and their reach, subjects.py reads a source's subject and its quality;
kind.py is the rule kind that puts them together per sentence.
"""

from factlint.kinds.attribution.kind import Attribution

__all__ = ["Attribution"]
