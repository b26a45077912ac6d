"""One self-contained HTML page for one file or many: a summary by level, category and rule whose
counts link to the findings, an index of every file linted (clean ones marked clean), then each
document's text with every finding highlighted in place (colour = category, underline = level,
tooltip = message and suggestion) beside a compact, collapsible list of its findings that is never
taller than the window and scrolls on its own, so a document with 160 findings is no taller than
its text.

Filters by level, category and rule are checkboxes run by a small inline script (a link can
preset one: `report.html#only=rule%20Names.Drift`); without scripts the filters are hidden and
everything is shown. Inline CSS and JS only: no scripts,
fonts or images to fetch, so the page can be attached to a ticket or archived as is. Every text
from the documents and findings is HTML-escaped; the script reads the page, never the data.

The formatter needs the documents' text: `needs_text` (set on its entry in BUILTIN) makes run()
fill `Report.texts`. The index lists `Report.files` (every file linted, clean ones included);
without it, the documents with findings.
"""

from collections import Counter
from html import escape

from factlint import __version__
from factlint.findings import CATEGORIES, LEVELS
from factlint.formatters.html_assets import CSS, SCRIPT
from factlint.formatters.text import Statistics, summary

KNOWN_CATEGORIES = CATEGORIES + ("other",)
# (highlight, accent) per category; highlights are translucent so overlapping findings show.
COLOURS = {
    "date": ("rgba(245, 158, 11, 0.35)", "#b45309"),
    "transcription": ("rgba(168, 85, 247, 0.28)", "#7e22ce"),
    "attribution": ("rgba(59, 130, 246, 0.25)", "#1d4ed8"),
    "boilerplate": ("rgba(107, 114, 128, 0.22)", "#4b5563"),
    "truncation": ("rgba(239, 68, 68, 0.28)", "#b91c1c"),
    "quality": ("rgba(34, 197, 94, 0.28)", "#15803d"),
    "suppression": ("rgba(236, 72, 153, 0.22)", "#be185d"),
    "style": ("rgba(20, 184, 166, 0.22)", "#0f766e"),
    "other": ("rgba(6, 182, 212, 0.28)", "#0e7490"),
}
LEVEL_ORDER = tuple(reversed(LEVELS))  # error first


def category_of(f):
    return f.category if f.category in KNOWN_CATEGORIES else "other"


def _style(category):
    hl, accent = COLOURS[category]
    return f"--hl: {hl}; --accent: {accent};"


def _css():
    per_category = "\n".join(f".cat-{c} {{ {_style(c)} }}" for c in KNOWN_CATEGORIES)
    return CSS + per_category + "\n"


def tooltip(f):
    tip = f.message
    if f.suggestions:
        tip += " — suggestion: " + ", ".join(f.suggestions)
    return tip


def _mark_open(f, ref, number, first):
    """`ref` names the finding on every piece of it (`data-f`); only the first piece of a finding
    that had to be split carries the anchor id and the number badge."""
    attrs = [
        f'class="cat-{category_of(f)} sev-{escape(f.severity)}"',
        f'data-f="{ref}"',
        f'data-rule="{escape(f.rule)}"',
        f'data-level="{escape(f.severity)}" data-cat="{escape(category_of(f))}"',
        f'title="{escape(tooltip(f))}"',
    ]
    if first:
        attrs = [f'id="{ref}"', f'data-n="{number}"'] + attrs
    return f"<mark {' '.join(attrs)}>"


def highlight(text, findings, prefix):
    """The text as HTML with each finding in <mark>s. Overlapping findings nest: when an outer
    finding ends inside an inner one, the inner one is closed and reopened after it, so the tags
    always balance. Finding i (1-based) is `{prefix}-{i}`."""
    n = len(text)
    spans = [(max(0, min(f.start, n)), max(0, min(max(f.end, f.start), n))) for f in findings]
    starts = {}
    for i in sorted(range(len(findings)), key=lambda i: (spans[i][0], -spans[i][1], i)):
        starts.setdefault(spans[i][0], []).append(i)  # longer first: it becomes the outer tag
    boundaries = sorted({0, n, *(s for s, _e in spans), *(e for _s, e in spans)})
    out, stack, pos = [], [], 0
    for b in boundaries:
        out.append(escape(text[pos:b]))
        pos = b
        ending = [i for i in stack if spans[i][1] == b]
        if ending:
            k = min(stack.index(i) for i in ending)
            reopen = [i for i in stack[k:] if spans[i][1] != b]
            out.append("</mark>" * (len(stack) - k))
            del stack[k:]
            for i in reopen:
                out.append(_mark_open(findings[i], f"{prefix}-{i + 1}", i + 1, first=False))
                stack.append(i)
        for i in starts.get(b, ()):
            out.append(_mark_open(findings[i], f"{prefix}-{i + 1}", i + 1, first=True))
            if spans[i][1] == b:  # an empty span: a marker at a point
                out.append("</mark>")
            else:
                stack.append(i)
    out.append("</mark>" * len(stack))
    return "".join(out)


def _plural(n, word):
    return f"{n} {word}{'s' if n != 1 else ''}"


DENSE = 40  # findings in one document from which its number badges shrink
INDEX_OPEN = 300  # the index starts collapsed above this many rows


class _Anchors:
    """The anchor of the first finding of each level, category and rule (where counts link)."""

    def __init__(self, documents):
        self.level, self.category, self.rule = {}, {}, {}
        for index, (_key, findings) in enumerate(documents, 1):
            for i, f in enumerate(findings, 1):
                ref = f"d{index}-{i}"
                self.level.setdefault(f.severity, ref)
                self.category.setdefault(category_of(f), ref)
                self.rule.setdefault(f.rule, ref)
        self.first = "d1-1" if documents else None


def _count_link(count, ref, only=None):
    if not count or ref is None:
        return str(count)
    data = f' data-only="{escape(only)}"' if only else ""
    return f'<a href="#{ref}"{data}>{count}</a>'


def _summary(findings, anchors, n_files, n_clean):
    by_level = Counter(f.severity for f in findings)
    parts = ['<section class="card summary"><h2>Summary</h2><div class="totals">']
    parts.append(f'<div class="total"><b><a href="#index">{n_files}</a></b><span>files</span></div>')
    parts.append(f'<div class="total"><b>{n_clean}</b><span>clean</span></div>')
    parts.append(f'<div class="total"><b>{_count_link(len(findings), anchors.first)}</b><span>findings</span></div>')
    for level in LEVEL_ORDER:
        link = _count_link(by_level[level], anchors.level.get(level), f"level {level}")
        parts.append(f'<div class="total {level}"><b>{link}</b><span>{level}s</span></div>')
    parts.append("</div>")
    if findings:
        stats = _statistics(findings)
        parts.append('<div class="tables">')
        parts.append(_category_table(stats, anchors))
        parts.append(_rule_table(findings, stats, anchors))
        parts.append("</div>")
    parts.append("</section>")
    return "".join(parts)


def _statistics(findings):
    """Findings and files per category and per rule (the counting --statistics does)."""

    stats = Statistics()
    for f in findings:
        stats.add(f)
    return stats


def _category_table(stats, anchors):
    counts, docs = stats.findings["category"], stats.documents["category"]
    top = max(counts.values())
    rows = []
    for cat, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        width = max(2, round(100 * count / top))
        css = cat if cat in KNOWN_CATEGORIES else "other"
        link = _count_link(count, anchors.category.get(css), f"category {css}")
        rows.append(
            f'<tr class="cat-{css}"><td><span class="swatch" style="background: var(--accent)"></span>{escape(cat)}</td>'
            f'<td class="n">{link}</td><td class="n">{docs[cat]}</td>'
            f'<td style="width: 40%"><div class="bar" style="width: {width}%; background: var(--accent)"></div></td></tr>'
        )
    return (
        '<table class="by-category"><thead><tr><th>Category</th><th class="n">Findings</th><th class="n">Files</th><th></th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _rule_table(findings, stats, anchors):
    counts, docs = stats.findings["rule"], stats.documents["rule"]
    first, levels = {}, {}
    for f in findings:
        first.setdefault(f.rule, f)
        levels.setdefault(f.rule, set()).add(f.severity)
    rows = []
    for rule_id, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        cat = category_of(first[rule_id])
        # The levels of the findings, not the rule's default: some rules raise a finding's level.
        badges = " ".join(f'<span class="lvl {lvl}">{lvl}</span>' for lvl in LEVEL_ORDER if lvl in levels[rule_id])
        link = _count_link(count, anchors.rule.get(rule_id), f"rule {rule_id}")
        rows.append(
            f'<tr class="cat-{cat}"><td><span class="swatch" style="background: var(--accent)"></span><code>{escape(rule_id)}</code></td>'
            f"<td>{cat}</td><td>{badges}</td>"
            f'<td class="n">{link}</td><td class="n">{docs[rule_id]}</td></tr>'
        )
    return (
        '<table class="by-rule"><thead><tr><th>Rule</th><th>Category</th><th>Level</th><th class="n">Findings</th>'
        f'<th class="n">Files</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _filters(findings):
    """Checkboxes by level, category and rule (shown and run by the inline script only)."""
    groups = (
        ("level", "Level", Counter(f.severity for f in findings), [lvl for lvl in LEVEL_ORDER]),
        ("category", "Category", Counter(category_of(f) for f in findings), None),
        ("rule", "Rule", Counter(f.rule for f in findings), None),
    )
    parts = ['<form class="card filters js-only" id="filters" autocomplete="off"><div class="groups">']
    for name, legend, counts, order in groups:
        values = [v for v in (order or sorted(counts)) if counts[v]]
        boxes = "".join(
            f'<label><input type="checkbox" name="{name}" value="{escape(v)}" checked>'
            f"{f'<code>{escape(v)}</code>' if name == 'rule' else escape(v)} <small>{counts[v]}</small></label>"
            for v in values
        )
        parts.append(
            f'<fieldset class="{name}s"><legend>{legend} <button type="button" data-group="{name}" data-set="all">all</button> '
            f'<button type="button" data-group="{name}" data-set="none">none</button></legend><div class="boxes">{boxes}</div></fieldset>'
        )
    parts.append("</div></form>")
    return "".join(parts)


def _index(rows):
    """Every file linted: documents with findings link to their section; clean files are marked."""
    body = []
    for title, prefix, findings in rows:
        if prefix is None:
            body.append(
                f'<tr class="clean"><td class="path">{escape(title)}</td><td class="n">0</td>'
                f'<td class="n"></td><td class="n"></td><td class="n"></td><td><span class="tag">clean</span></td></tr>'
            )
            continue
        by_level = Counter(f.severity for f in findings)
        cells = "".join(f'<td class="n">{by_level[lvl] or ""}</td>' for lvl in LEVEL_ORDER)
        body.append(
            f'<tr><td class="path"><a href="#{prefix}">{escape(title)}</a></td>'
            f'<td class="n"><a href="#{prefix}" data-shown="{prefix}">{len(findings)}</a></td>{cells}<td></td></tr>'
        )
    head = "".join(f'<th class="n">{lvl}s</th>' for lvl in LEVEL_ORDER)
    opened = " open" if len(rows) <= INDEX_OPEN else ""
    return (
        f'<details class="card index" id="index"{opened}><summary>Index of {_plural(len(rows), "document")}</summary>'
        f'<table class="index"><thead><tr><th>File</th><th class="n">Findings</th>{head}<th></th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></details>"
    )


def _finding_item(f, prefix, number):
    sugg = ""
    if f.suggestions:
        sugg = f' <span class="sugg">→ {escape(", ".join(f.suggestions))}</span>'
    return (
        f'<li class="cat-{category_of(f)}" id="{prefix}-{number}-item" data-rule="{escape(f.rule)}" '
        f'data-level="{escape(f.severity)}" data-cat="{escape(category_of(f))}" data-doc="{prefix}">'
        f'<a href="#{prefix}-{number}"><div class="head">'
        f'<span class="num">{number}</span><span class="lvl {escape(f.severity)}">{escape(f.severity)}</span>'
        f'<span class="rule">{escape(f.rule)}</span>'
        f'<span class="pos">{f.line}:{f.column}</span></div>'
        f'<div class="msg">{escape(f.message)}{sugg}</div></a></li>'
    )


def _file_section(report, prefix, title, key, findings):
    by_level = Counter(f.severity for f in findings)
    counts = ", ".join(_plural(by_level[lvl], lvl) for lvl in LEVEL_ORDER if by_level[lvl])
    text = (report.texts or {}).get(key)
    if text is None:
        body = '<div class="doc missing">The text of this document is not available to the report.</div>'
    else:
        if text.startswith("\ufeff"):  # as Document does: offsets are counted without the BOM
            text = text[1:]
        body = f'<div class="doc">{highlight(text, findings, prefix)}</div>'
    items = "".join(_finding_item(f, prefix, i + 1) for i, f in enumerate(findings))
    dense = " dense" if len(findings) > DENSE else ""
    return (
        f'<section class="card file{dense}" id="{prefix}"><header><h2>{escape(title)}</h2>'
        f'<span class="counts">{_plural(len(findings), "finding")}: {counts}'
        f'<span class="shown js-only"> · <b data-shown="{prefix}">{len(findings)}</b> shown</span></span>'
        f'<a class="up" href="#index">index</a></header>'
        f'<div class="cols">{body}<div class="side"><details class="list" open>'
        f'<summary>{_plural(len(findings), "finding")}</summary><ol class="findings">{items}</ol></details></div></div></section>'
    )


def _title(key):
    path, record = key
    return path if record is None else f"{path}#{record}"


def render(report):

    grouped = {}
    for path in report.files:
        grouped.setdefault((path, None), [])
    for key in report.texts or {}:
        grouped.setdefault(key, [])
    for f in report.findings:
        grouped.setdefault((f.path, f.record), []).append(f)
    # Documents in path order (a run's order depends on its cache), records in input order.
    with_findings = sorted(((k, fs) for k, fs in grouped.items() if fs), key=lambda kv: kv[0][0])
    findings = [f for _k, fs in with_findings for f in fs]
    # A file linted as corpus records is "clean" only if none of its records has findings.
    dirty_paths = {k[0] for k, _fs in with_findings}
    clean = sorted({k[0] for k, fs in grouped.items() if not fs and k[0] not in dirty_paths})
    anchors = _Anchors(with_findings)

    # Index rows, in path order too: (title, section id or None when clean, findings).
    rows = [(_title(key), f"d{i}", fs) for i, (key, fs) in enumerate(with_findings, 1)]
    rows += [(path, None, []) for path in clean]
    rows.sort(key=lambda r: r[0])
    n_files = len(set(report.files) | dirty_paths)

    parts = [
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>factlint report</title><style>{_css()}</style></head><body>",
        f'<header class="top"><h1>factlint report</h1><p>{escape(summary(report))}</p></header><main>',
    ]
    if report.errors:
        errs = "".join(f"<li>{escape(str(e))}</li>" for e in report.errors)
        parts.append(f'<section class="card errors"><h2>Errors</h2><ul>{errs}</ul></section>')
    parts.append(_summary(findings, anchors, n_files, len(clean)))
    if findings:
        parts.append(_filters(findings))
    parts.append(_index(rows))
    for i, (key, fs) in enumerate(with_findings, 1):
        parts.append(_file_section(report, f"d{i}", _title(key), key, fs))
    parts.append(f"<footer>Generated by factlint {escape(__version__)}.</footer></main>")
    parts.append(f"<script>{SCRIPT}</script></body></html>\n")
    return "".join(parts)


def format(report, stream):
    stream.write(render(report))
