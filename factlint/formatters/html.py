"""One self-contained HTML page: a summary by category and by rule, then each document's text with
every finding highlighted in place (colour = category, underline = level, tooltip = message and
suggestion) next to the list of its findings. Inline CSS only: no scripts, fonts or images to
fetch, so the page can be attached to a ticket or archived as is.

The formatter needs the documents' text: `needs_text` (set on its entry in BUILTIN) makes run()
fill `Report.texts`.
"""

from collections import Counter
from html import escape

from factlint import __version__
from factlint.findings import CATEGORIES, LEVELS
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

CSS = """
:root { --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --paper: #ffffff; --bg: #f3f4f6; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header.top { background: #111827; color: #f9fafb; padding: 20px 32px; }
header.top h1 { margin: 0; font-size: 22px; letter-spacing: .2px; }
header.top p { margin: 4px 0 0; color: #d1d5db; }
main { max-width: 1240px; margin: 0 auto; padding: 20px 24px 48px; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px;
  margin-bottom: 20px; box-shadow: 0 1px 2px rgba(0,0,0,.04); }
h2 { font-size: 17px; margin: 0 0 12px; }
.totals { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 16px; }
.total { flex: 1 1 120px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.total b { display: block; font-size: 24px; line-height: 1.2; }
.total span { color: var(--muted); font-size: 13px; }
.total.error b { color: #b91c1c; } .total.warning b { color: #b45309; } .total.suggestion b { color: #1d4ed8; }
.tables { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 24px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .5px; color: var(--muted); font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; width: 4em; }
.bar { height: 8px; border-radius: 4px; min-width: 2px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px;
  vertical-align: -1px; border: 1px solid rgba(0,0,0,.15); }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.lvl { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .4px;
  border-radius: 4px; padding: 1px 6px; color: #fff; }
.lvl.error { background: #b91c1c; } .lvl.warning { background: #b45309; } .lvl.suggestion { background: #1d4ed8; }
section.file header { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap;
  border-bottom: 1px solid var(--line); padding-bottom: 10px; margin-bottom: 14px; }
section.file h2 { margin: 0; font: 600 15px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
.counts { color: var(--muted); font-size: 13px; }
.cols { display: grid; grid-template-columns: minmax(0, 1fr) 400px; gap: 28px; align-items: start; }
.doc { white-space: pre-wrap; overflow-wrap: anywhere; font: 16px/1.75 Georgia, "Times New Roman", serif; max-width: 75ch; }
.doc.missing { font: italic 14px/1.5 system-ui, sans-serif; color: var(--muted); }
mark { color: inherit; background: var(--hl); border-bottom: 2px solid var(--accent); border-radius: 2px;
  padding: 1px 0; cursor: help; }
mark.sev-suggestion { border-bottom-style: dashed; }
mark.sev-error { border-bottom-width: 3px; }
mark[data-n]::before { content: attr(data-n); display: inline-block; font: 700 10px/14px system-ui, sans-serif;
  color: #fff; background: var(--accent); border-radius: 7px; min-width: 14px; padding: 0 4px; margin-right: 2px;
  text-align: center; vertical-align: 2px; }
mark:target { outline: 3px solid var(--accent); outline-offset: 1px; }
ol.findings { list-style: none; margin: 0; padding: 0; font-size: 14px; position: sticky; top: 12px; }
ol.findings li { border-left: 4px solid var(--accent); background: #f9fafb; border-radius: 0 6px 6px 0;
  padding: 8px 10px; margin-bottom: 8px; }
ol.findings li a { color: inherit; text-decoration: none; }
ol.findings .num { display: inline-block; min-width: 18px; padding: 0 5px; border-radius: 9px; background: var(--accent);
  color: #fff; font-size: 11px; font-weight: 700; text-align: center; margin-right: 4px; }
ol.findings .head { display: flex; align-items: center; gap: 4px; }
ol.findings .rule { font: 600 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; margin-top: 4px; }
ol.findings .pos { color: var(--muted); font-size: 12px; margin-left: auto; }
ol.findings .msg { margin-top: 2px; }
ol.findings .sugg { margin-top: 4px; color: #065f46; }
.errors { border-color: #fecaca; background: #fef2f2; }
.clean { color: var(--muted); }
footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 24px; }
@media (max-width: 900px) { .cols, .tables { grid-template-columns: 1fr; } ol.findings { position: static; } }
"""


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


def _summary(report):
    findings = report.findings
    by_level = Counter(f.severity for f in findings)
    parts = ['<section class="card summary"><h2>Summary</h2><div class="totals">']
    parts.append(f'<div class="total"><b>{len(set(report.files))}</b><span>files</span></div>')
    parts.append(f'<div class="total"><b>{len(findings)}</b><span>findings</span></div>')
    for level in LEVEL_ORDER:
        parts.append(f'<div class="total {level}"><b>{by_level[level]}</b><span>{level}s</span></div>')
    parts.append("</div>")
    if findings:
        parts.append('<div class="tables">')
        stats = _statistics(findings)
        parts.append(_category_table(stats))
        parts.append(_rule_table(report, stats))
        parts.append("</div>")
    parts.append("</section>")
    return "".join(parts)


def _statistics(findings):
    """Findings and files per category and per rule (the counting --statistics does)."""
    stats = Statistics()
    for f in findings:
        stats.add(f)
    return stats


def _category_table(stats):
    counts, docs = stats.findings["category"], stats.documents["category"]
    top = max(counts.values())
    rows = []
    for cat, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        width = max(2, round(100 * count / top))
        css = cat if cat in KNOWN_CATEGORIES else "other"
        rows.append(
            f'<tr class="cat-{css}"><td><span class="swatch" style="background: var(--accent)"></span>{escape(cat)}</td>'
            f'<td class="n">{count}</td><td class="n">{docs[cat]}</td>'
            f'<td style="width: 40%"><div class="bar" style="width: {width}%; background: var(--accent)"></div></td></tr>'
        )
    return (
        '<table class="by-category"><thead><tr><th>Category</th><th class="n">Findings</th><th class="n">Files</th><th></th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _rule_table(report, stats):
    findings = report.findings
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
        rows.append(
            f'<tr class="cat-{cat}"><td><span class="swatch" style="background: var(--accent)"></span><code>{escape(rule_id)}</code></td>'
            f"<td>{cat}</td><td>{badges}</td>"
            f'<td class="n">{count}</td><td class="n">{docs[rule_id]}</td></tr>'
        )
    return (
        '<table class="by-rule"><thead><tr><th>Rule</th><th>Category</th><th>Level</th><th class="n">Findings</th>'
        f'<th class="n">Files</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _finding_item(f, prefix, number):
    sugg = ""
    if f.suggestions:
        sugg = f'<div class="sugg">Suggestion: {escape(", ".join(f.suggestions))}</div>'
    return (
        f'<li class="cat-{category_of(f)}"><a href="#{prefix}-{number}"><div class="head">'
        f'<span class="num">{number}</span><span class="lvl {escape(f.severity)}">{escape(f.severity)}</span>'
        f'<span class="pos">line {f.line}, col {f.column}</span></div>'
        f'<div class="rule">{escape(f.rule)}</div>'
        f'<div class="msg">{escape(f.message)}</div>{sugg}</a></li>'
    )


def _file_section(report, index, key, findings):
    path, record = key
    title = path if record is None else f"{path}#{record}"
    prefix = f"d{index}"
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
    return (
        f'<section class="card file" id="{prefix}"><header><h2>{escape(title)}</h2>'
        f'<span class="counts">{_plural(len(findings), "finding")}: {counts}</span></header>'
        f'<div class="cols">{body}<ol class="findings">{items}</ol></div></section>'
    )


def render(report):
    grouped = {}
    for path in report.files:
        grouped.setdefault((path, None), [])
    for key in report.texts or {}:
        grouped.setdefault(key, [])
    for f in report.findings:
        grouped.setdefault((f.path, f.record), []).append(f)
    with_findings = [(k, fs) for k, fs in grouped.items() if fs]
    # A file linted as corpus records is "clean" only if none of its records has findings.
    dirty_paths = {k[0] for k, _fs in with_findings}
    clean = sorted({k[0] for k, fs in grouped.items() if not fs and k[0] not in dirty_paths})

    parts = [
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>factlint report</title><style>{_css()}</style></head><body>",
        f'<header class="top"><h1>factlint report</h1><p>{escape(summary(report))}</p></header><main>',
    ]
    if report.errors:
        errs = "".join(f"<li>{escape(str(e))}</li>" for e in report.errors)
        parts.append(f'<section class="card errors"><h2>Errors</h2><ul>{errs}</ul></section>')
    parts.append(_summary(report))
    for index, (key, findings) in enumerate(with_findings, 1):
        parts.append(_file_section(report, index, key, findings))
    if clean:
        names = "".join(f"<li><code>{escape(p)}</code></li>" for p in clean)
        parts.append(
            f'<section class="card clean"><h2>Files without findings ({len(clean)})</h2><ul>{names}</ul></section>'
        )
    parts.append(f"<footer>Generated by factlint {escape(__version__)}.</footer></main></body></html>\n")
    return "".join(parts)


def format(report, stream):
    stream.write(render(report))
