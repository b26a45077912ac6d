"""Vale's regular-expression dialect, translated for Python.

Vale compiles rule patterns with regexp2 (a port of .NET's engine, run in its RE2-compatible
mode) and, in places, Go's RE2. Both accept things Python's `re` rejects or reads differently,
so patterns are compiled with the `regex` package (Unicode classes `\\p{L}`, POSIX classes,
variable-width look-behind, atomic groups) after a small rewrite:

* `(?i)` (or any flag group) in the middle of a pattern: Go applies it up to the end of the
  enclosing group, across later `|` branches; Python only accepts global flags at the start.
  It becomes a scoped group `(?i:...)`, closed and reopened at each `|` of that group.
* `(?<name>...)` is RE2's other spelling of `(?P<name>...)`.
* `\\z` (end of text) is Python's `\\Z`; RE2's `\\Q...\\E` literal runs are escaped.
* `\\b`, `\\w`, `\\d` are Unicode-aware, as in regexp2 (Go's RE2 `\\b` is ASCII-only; Vale's
  rule kinds use regexp2 for matching text).
"""

from __future__ import annotations

import functools

import regex

from factlint.text.regexguard import TimedPattern, exponential_shape

_FLAG_CHARS = set("imsU")


def translate(pattern: str, inner: bool = False) -> str:
    """Rewrite a Vale (RE2/regexp2) pattern into one the `regex` package reads the same way;
    `inner`: the result goes inside a larger pattern, so no flag group may stay global."""
    out: list[str] = []
    # One entry per open group: the flags opened mid-group that must be closed with it.
    stack: list[list[str]] = [[]]
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt == "Q":  # \Q...\E: a literal run
                end = pattern.find("\\E", i + 2)
                end = n if end < 0 else end
                out.append(regex.escape(pattern[i + 2 : end]))
                i = end + 2
                continue
            out.append("\\Z" if nxt == "z" and not in_class else pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "[" and pattern.startswith("[:", i):  # POSIX class inside a class
                end = pattern.find(":]", i + 2)
                if end > 0:
                    out.append(pattern[i : end + 2])
                    i = end + 2
                    continue
            if c == "]":
                in_class = False
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":  # a leading ']' is a literal
                out.append("\\]")
                i += 1
            continue
        if c == "(":
            if pattern.startswith("(?<", i) and i + 3 < n and pattern[i + 3] not in "=!":
                out.append("(?P<")
                stack.append([])
                i += 3
                continue
            if pattern.startswith("(?", i):
                j = i + 2
                while j < n and (pattern[j] in _FLAG_CHARS or pattern[j] == "-"):
                    j += 1
                if j < n and pattern[j] == ")" and j > i + 2:  # a bare flag group
                    flags = pattern[i + 2 : j]
                    if not out and not inner and len(stack) == 1 and "-" not in flags:
                        out.append(f"(?{flags})")  # global flags at the very start stay global
                    else:
                        out.append(f"(?{flags}:")
                        stack[-1].append(f"(?{flags}:")
                    i = j + 1
                    continue
            stack.append([])
            out.append(c)
            i += 1
            continue
        if c == ")":
            opened = stack.pop() if len(stack) > 1 else []
            out.append(")" * len(opened))
            out.append(c)
            i += 1
            continue
        if c == "|" and stack[-1]:
            out.append(")" * len(stack[-1]) + "|" + "".join(stack[-1]))
            i += 1
            continue
        out.append(c)
        i += 1
    out.append(")" * len(stack[0]))
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def compile(pattern: str, ignorecase: bool = False) -> TimedPattern:  # noqa: A001 - mirrors re.compile
    """Compile a Vale pattern (translated); `ignorecase` prefixes `(?i)` as Vale does. Styles come
    from anywhere: an exponential shape is refused, and every search has a time budget."""
    flags = regex.V0 | (regex.IGNORECASE if ignorecase else 0)
    translated = translate(pattern)
    # The translation too: `re` cannot parse a flag group mid-pattern (`raw` pieces before a
    # `(?m)` word template), so the original alone would escape the check.
    problem = exponential_shape(pattern) or exponential_shape(translated)
    if problem:
        raise regex.error(problem)
    return TimedPattern(regex.compile(translated, flags))


error = regex.error
