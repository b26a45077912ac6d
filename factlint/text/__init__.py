"""Text utilities shared by several kinds: date grammar, month names, number and ordinal words.
Pure functions and compiled patterns over strings; nothing here knows about rules or documents
beyond their text."""
