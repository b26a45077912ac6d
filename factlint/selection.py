"""Selectors name rules: a rule id (`Names.Transcriptions`), a pack (`Names`), a category
(`transcription`), or a glob over ids (`Names.*`, `*Date*`). Used by --select/--ignore,
configuration and suppression comments alike."""

from fnmatch import fnmatchcase

# Higher = more specific; the more specific of a matching select and ignore wins (as in Ruff).
EXACT, GLOB, PACK, CATEGORY, ALL = 4, 3, 2, 1, 0


def specificity(selector, rule_id, category):
    """How specifically `selector` names the rule, or None if it does not name it."""
    if selector in ("ALL", "*"):
        return ALL
    if selector == rule_id:
        return EXACT
    if selector == rule_id.split(".", 1)[0]:
        return PACK
    if selector == category:
        return CATEGORY
    if any(ch in selector for ch in "*?[") and fnmatchcase(rule_id, selector):
        return GLOB
    return None


def best(selectors, rule_id, category):
    ranks = [s for s in (specificity(sel, rule_id, category) for sel in selectors) if s is not None]
    return max(ranks) if ranks else None


def is_selected(rule_id, category, select=None, ignore=()):
    """select=None means everything."""
    chosen = ALL if not select else best(select, rule_id, category)
    if chosen is None:
        return False
    dropped = best(ignore, rule_id, category)
    return dropped is None or dropped < chosen


def split_selectors(value):
    """'A, B C' or ['A', 'B,C'] -> ['A', 'B', 'C']."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    out = []
    for item in items:
        out.extend(p for p in str(item).replace(",", " ").split() if p)
    return out
