"""Scraped-text quality kinds, one per module: mojibake, HTML residue, duplicated paragraphs.

Each kind costs one C-level regular-expression search per document when the text is clean; the
Python loop runs only over what that search found.
"""
