"""Regular expressions compiled on first use.

Compiling the kinds' patterns costs tens of milliseconds at every start (a pickled re.Pattern is
compiled again when the rules cache is loaded), and most documents never need most of them (the
date patterns run only where an event is mentioned).
`lazy_compile` defers the cost to the first use, so `factlint check one.md` pays only for what
it uses.
"""

import re


class LazyPattern:
    def __init__(self, pattern, flags=0):
        self._args = (pattern, flags)
        self._compiled = None

    def __getattr__(self, name):  # only called for attributes not yet in the instance
        if name.startswith("__"):  # pickle's and copy's probes: not the pattern's business
            raise AttributeError(name)
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(*self._args)
        value = getattr(compiled, name)
        # Kept on the instance: later look-ups of `search` or `match` are plain attribute reads,
        # not a call of this method (5% of the attribution kind's time, which runs them per figure).
        self.__dict__[name] = value
        return value

    def __reduce__(self):  # pickles as the lazy pattern it is (the rules cache stores kinds)
        return (LazyPattern, self._args)


def lazy_compile(pattern, flags=0, check=False):
    """A pattern compiled on first use. `check=True` compiles it now as well, so that a bad
    expression from a rule file is reported while the rules load; a copy from the rules cache
    still compiles only when used."""
    lazy = LazyPattern(pattern, flags)
    if check:
        lazy._compiled = re.compile(pattern, flags)
    return lazy
