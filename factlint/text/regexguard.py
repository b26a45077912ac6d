"""Rule authors' regular expressions, guarded against catastrophic backtracking (ReDoS).

Two guards: at load time, `exponential_shape` rejects the known-exponential shape, a repetition
whose body is nothing but other repetitions (`(a+)+`, `(\\w+\\s?)*`), with a clear message; at
run time, patterns from rule files run on the `regex` package with a timeout (TIMEOUT seconds
per document and pattern, plus one per megabyte), so a shape the check misses (`(a|aa)+$`) ends
as a RuleFailed finding instead of a hang.
"""

from __future__ import annotations

import re
from typing import Any

import regex

TIMEOUT = 2.0  # seconds a user pattern may search one document, plus 1 s per MB of text

try:  # the parser of `re` (3.11+ names it re._parser): only to inspect a pattern's shape
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons; requires-python is 3.11
    _sre_parse = None


def timeout_for(text: str) -> float:
    return TIMEOUT + len(text) / 1_000_000


def exponential_shape(pattern: str, flags: int = 0) -> str | None:
    """A description of the first nested unbounded repetition in `pattern` that has nothing else
    to anchor it, or None. (Patterns `re` cannot parse, e.g. Vale's `\\p{L}`, are not checked.)"""
    if _sre_parse is None:
        return None
    try:
        tree = _sre_parse.parse(pattern, flags)
    except (re.error, RecursionError, OverflowError):
        return None
    return _walk(list(tree), inside=False, pattern=pattern)


_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} if _sre_parse else set()


def _walk(items: list, inside: bool, pattern: str) -> str | None:
    for op, av in items:
        if op in _REPEATS:
            _lo, hi, body = av
            unbounded = hi == _c.MAXREPEAT
            body = list(body)
            if unbounded and inside:
                return f"nested repetition in {pattern!r} (as in '(a+)+') can take exponential time on some text"
            found = _walk(body, inside or (unbounded and _only_repeats(body)), pattern)
        elif op == _c.SUBPATTERN:
            found = _walk(list(av[-1]), inside, pattern)
        elif op == _c.BRANCH:
            found = next((f for b in av[1] if (f := _walk(list(b), inside, pattern))), None)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            found = _walk(list(av[1]), False, pattern)
        else:
            found = None
        if found:
            return found
    return None


def _only_repeats(body: list) -> bool:
    """Whether a repetition's body is made only of repetitions and optional parts (groups
    looked into): nothing of fixed width that would force the ways of matching apart."""
    items = list(body)
    while len(items) == 1 and items[0][0] == _c.SUBPATTERN:
        items = list(items[0][1][-1])
    if not items:
        return False
    for op, av in items:
        if op in _REPEATS:
            continue
        if op == _c.SUBPATTERN and _only_repeats(list(av[-1])):
            continue
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero-width: anchors nothing
            continue
        return False
    return any(op in _REPEATS or op == _c.SUBPATTERN for op, _av in items)


class TimedPattern:
    """A compiled `regex` pattern whose searches stop after timeout_for(text): regex's
    TimeoutError then propagates (the engine reports the rule as failed on that document)."""

    def __init__(self, compiled: Any) -> None:
        self.compiled = compiled
        self.pattern, self.flags, self.groupindex = compiled.pattern, compiled.flags, compiled.groupindex

    def finditer(self, text: str, *args: Any) -> Any:
        return self.compiled.finditer(text, *args, timeout=timeout_for(text))

    def search(self, text: str, *args: Any) -> Any:
        return self.compiled.search(text, *args, timeout=timeout_for(text))

    def match(self, text: str, *args: Any) -> Any:
        return self.compiled.match(text, *args, timeout=timeout_for(text))

    def fullmatch(self, text: str, *args: Any) -> Any:
        return self.compiled.fullmatch(text, *args, timeout=timeout_for(text))

    def findall(self, text: str, *args: Any) -> Any:
        return self.compiled.findall(text, *args, timeout=timeout_for(text))

    def sub(self, repl: Any, text: str, *args: Any) -> Any:
        return self.compiled.sub(repl, text, *args, timeout=timeout_for(text))

    def split(self, text: str, *args: Any) -> Any:
        return self.compiled.split(text, *args, timeout=timeout_for(text))

    def __getattr__(self, name: str) -> Any:  # groups, scanner, ...: the compiled pattern's
        if name == "compiled":  # not yet set (unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __reduce__(self) -> tuple:  # the rules cache pickles kinds with their patterns
        return (TimedPattern, (self.compiled,))


def compile_guarded(pattern: str, flags: int = 0, checked: str | None = None) -> TimedPattern:
    """A rule author's pattern: refused (re.error) if of an exponential shape, else compiled
    with `regex` and searched with a timeout. `checked`: the pattern to inspect, if different
    (a Vale pattern before its translation)."""
    problem = exponential_shape(checked if checked is not None else pattern, flags & ~regex.VERSION1)
    if problem:
        raise re.error(problem)
    try:
        return TimedPattern(regex.compile(pattern, flags))
    except regex.error as exc:
        raise re.error(str(exc)) from None
