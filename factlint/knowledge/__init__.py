"""Knowledge that rule kinds look names and events up in: gazetteers, word lists, event tables."""
