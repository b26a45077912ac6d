"""YAML that cannot be turned against factlint: rules, configuration, front matter and tables
are read by this one function, which refuses alias bombs ("billion laughs": a few hundred bytes
of nested anchors that expand to gigabytes) and oversized files before building anything.

The check walks the parser's events once (linear in the input), counting the nodes each anchor
would expand to; PyYAML itself would build the whole expansion first.
"""

from __future__ import annotations

from typing import Any

MAX_NODES = 1_000_000  # nodes after expanding aliases: far above any rule pack's data table
MAX_BYTES = 64 * 1024 * 1024  # the largest YAML file read


class YamlBombError(ValueError):
    """A YAML text whose aliases expand beyond MAX_NODES, or that is larger than MAX_BYTES."""


def load(text: str) -> Any:
    """The data of a YAML text (safe loader), after the size and alias checks."""
    # Deferred for start-up: a run served by the compiled-rules cache never reads YAML.
    import yaml

    if len(text) > MAX_BYTES:
        raise YamlBombError(f"YAML text of {len(text):,} characters is larger than the limit of {MAX_BYTES:,}")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if "&" in text and "*" in text:  # no anchor or no alias: nothing can expand
        _check_expansion(yaml.parse(text, Loader=loader), yaml)
    return yaml.load(text, Loader=loader)


def _check_expansion(events: Any, yaml: Any) -> None:
    sizes: dict[str, int] = {}  # anchor -> nodes it expands to
    stack: list[list[Any]] = []  # open collections: [anchor, nodes so far]
    total = 0
    for event in events:
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            stack.append([event.anchor, 1])
            continue
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            anchor, n = stack.pop()
        elif isinstance(event, yaml.ScalarEvent):
            anchor, n = event.anchor, 1
        elif isinstance(event, yaml.AliasEvent):
            anchor, n = None, sizes.get(event.anchor, 1)
        else:  # stream and document starts and ends
            continue
        if anchor:
            sizes[anchor] = n
        if stack:
            stack[-1][1] += n
            n = stack[-1][1]
        else:
            total += n
            n = total
        if n > MAX_NODES:
            raise YamlBombError(f"its aliases expand to more than {MAX_NODES:,} values (an alias bomb?); refused")
