"""Vale compatibility: `.vale.ini`, Vale styles as factlint rules, Vale's output and exit codes.

factlint.cli makes one call, `factlint.vale.entry.run_if_configured`; it returns None (factlint runs as ever)
when no Vale configuration is found.
"""
