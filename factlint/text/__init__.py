"""Shared text utilities: language, number and date grammar, phonetics — written once, used by
every kind that needs them. Nothing here knows about rules or findings."""
