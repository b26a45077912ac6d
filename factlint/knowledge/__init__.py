"""Knowledge that rule kinds look things up in: gazetteers, word lists, event and office-holder
tables — dataclasses, loaders and validation shared by the kinds and their tests."""
