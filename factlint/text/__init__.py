"""Text utilities shared by several kinds: language detection, date grammar, month names, number
and ordinal words, phonetic folding. Pure functions and compiled patterns over strings; nothing
here knows about rules or documents beyond their text."""
