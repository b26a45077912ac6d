"""The HTML report at scale: 500-odd findings across 60 files (10 of them clean) and one article
with 160 findings. Checked as markup (index, filters, count links, escaping, one self-contained
file), then rendered by headless Chromium (skipped without it; see _chromium.py).

Set FACTLINT_SAVE_SCREENSHOT=1 to write docs/report-many-files.png and docs/report-160-findings.png.
"""

import os
import re
from collections import Counter
from html.parser import HTMLParser

import _chromium as browser
import pytest
from conftest import ROOT, SEED

pytestmark = pytest.mark.slow

# Sentences with a known finding each (a wrong date, a transcription, an unattributed or vague
# claim, HTML residue), added to the seed article's paragraphs.
TRIGGERS = [
    "Both Armenians and Asherites took part.",
    "Many Lebanese people are descendants of survivors of the Ottoman genocide of 1918.",
    "Hundreds have been killed.",
    "Experts say that the total is more than 1,200.",
    "Rescue work after the İzmit earthquake of 2001 went on for weeks, officials said.",
    "Shares &amp; bonds &amp; gilts fell &#163;5.",
]
CLEAN = "The council met on Tuesday to discuss the budget, the mayor said.\n"
HOSTILE = 'Quote " and \' and <script>alert("x")</script> and <img src=x onerror=alert(1)> &amp; done.\n'


def with_triggers(text, per_paragraph, start=0):
    paragraphs, k = text.split("\n\n"), start
    for i, p in enumerate(paragraphs):
        if p.strip():
            paragraphs[i] = p + " " + " ".join(TRIGGERS[(k + j) % len(TRIGGERS)] for j in range(per_paragraph))
            k += per_paragraph
    return "\n\n".join(paragraphs)


def lint_html(cwd, paths, out):
    """`factlint check` in-process from `cwd` (relative paths, as a run in a repository shows
    them): the HTML report's markup and the findings as JSON."""
    import json

    from click.testing import CliRunner

    from factlint.cli import main

    old = os.getcwd()
    os.chdir(cwd)
    try:
        html = CliRunner().invoke(
            main, ["check", "--no-cache", "--format", "html", "--output-file", str(out), *paths], catch_exceptions=False
        )
        jsonl = (
            CliRunner()
            .invoke(main, ["check", "--no-cache", "--format", "json-lines", *paths], catch_exceptions=False)
            .stdout
        )
    finally:
        os.chdir(old)
    assert html.exit_code == 1 and html.stdout == ""
    return out.read_text(encoding="utf-8"), [json.loads(line) for line in jsonl.splitlines()]


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many")
    seed = SEED.read_text(encoding="utf-8")
    for i in range(60):
        extra = " ".join(TRIGGERS[(i + j) % len(TRIGGERS)] for j in range(i % 4))
        text = CLEAN if i % 6 == 5 else f"{seed}\n\n{extra}\n"
        (folder / f"article_{i:02}.txt").write_text(text, encoding="utf-8")
    (folder / 'odd <name> & "quote".txt').write_text(HOSTILE, encoding="utf-8")
    out = folder.parent / "many.html"
    markup, findings = lint_html(folder.parent, [folder.name], out)
    return out, markup, findings


@pytest.fixture(scope="module")
def dense(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dense")
    (folder / "article.txt").write_text(with_triggers(SEED.read_text(encoding="utf-8"), 12), encoding="utf-8")
    out = folder / "dense.html"
    markup, findings = lint_html(folder, ["article.txt"], out)
    return out, markup, findings


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links, self.external, self.scripts = set(), [], [], []
        self.tags = Counter()
        self.boxes = []
        self.index_rows = []
        self._row = None
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] += 1
        if "id" in a:
            assert a["id"] not in self.ids, a["id"]
            self.ids.add(a["id"])
        for key in ("src", "href"):
            if a.get(key) is not None:
                (self.links if a[key].startswith("#") else self.external).append(a[key])
        if tag == "script":
            assert not a, a  # inline only
            self._in_script = True
        if tag == "input":
            self.boxes.append((a["name"], a["value"]))
        if tag == "tr" and self._row is None:
            self._row = [a.get("class"), []]

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        if tag == "tr" and self._row is not None:
            self.index_rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
        elif self._row is not None:
            self._row[1].append(data)


def parse(markup):
    page = Page()
    page.feed(markup)
    page.close()
    return page


def test_many_files_index_filters_and_links(many):
    _out, markup, findings = many
    assert 450 <= len(findings) <= 600
    page = parse(markup)
    assert not page.external and page.tags["link"] == 0 and page.tags["img"] == 0
    assert page.tags["script"] == 1 and "alert" not in page.scripts[0]
    # Every link points at an element of the page.
    assert {link[1:] for link in page.links} <= page.ids
    # The index: every file once, clean ones marked clean.
    rows = [(cls, "".join(texts)) for cls, texts in page.index_rows if texts and ".txt" in "".join(texts)]
    files = {f["path"] for f in findings}
    clean_rows = [text for cls, text in rows if cls == "clean"]
    assert len(rows) == 61 and len(clean_rows) == 61 - len(files) == 10
    assert all(text.rstrip().endswith("clean") for text in clean_rows)
    # Filters: a checkbox per level, category and rule that has findings, with its count.
    by = {
        name: Counter(f[key] for f in findings)
        for name, key in (("level", "severity"), ("category", "category"), ("rule", "rule"))
    }
    assert sorted(page.boxes) == sorted((name, value) for name, counts in by.items() for value in counts)
    for rule, n in by["rule"].items():
        assert re.search(
            rf'value="{re.escape(rule)}" checked><code>{re.escape(rule)}</code> <small>{n}</small>', markup
        )
        # The rule's count in the summary links to its first finding and filters to it.
        assert re.search(rf'<a href="#d\d+-\d+" data-only="rule {re.escape(rule)}">{n}</a>', markup)
    # Findings carry what the filters test, in the text and in the lists.
    assert markup.count("<li ") == len(findings)
    assert len(re.findall(r"<mark id=", markup)) == len(findings)


def test_hostile_text_and_names_are_escaped(many):
    _out, markup, _findings = many
    assert "<script>alert" not in markup and "<img src=x" not in markup
    # (HTML residue findings cut the text into highlighted pieces: check the pieces.)
    assert "&lt;script&gt;" in markup and "alert(&quot;x&quot;)" in markup and "onerror=alert(1)&gt;" in markup
    assert "odd &lt;name&gt; &amp; &quot;quote&quot;.txt" in markup


def test_dense_article_is_compact(dense):
    _out, markup, findings = dense
    assert len(findings) >= 160
    assert 'class="card file dense"' in markup
    # The list beside the text is bounded by the window and scrolls on its own.
    assert re.search(r"\.side \{[^}]*max-height: calc\(100vh[^}]*overflow: auto", markup)


def _png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@pytest.mark.parametrize(
    "which, shot, size",
    [
        ("many", "report-many-files.png", "1280,1800"),
        ("dense", "report-160-findings.png", "1280,1400"),
    ],
)
def test_rendered_in_chromium(which, shot, size, request, tmp_path):
    out, _markup, findings = request.getfixturevalue(which)
    proc = browser.run("--dump-dom", out.as_uri(), tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = proc.stdout
    assert re.search(r'<html lang="en" class="js">', dom)  # the script ran
    assert len(re.findall(r"<mark id=", dom)) == len(findings)
    target = ROOT / "docs" / shot if os.environ.get("FACTLINT_SAVE_SCREENSHOT") else tmp_path / shot
    if target.exists():
        target.unlink()
    proc = browser.run(
        f"--screenshot={target}", f"--window-size={size}", "--hide-scrollbars", out.as_uri(), tmp_path=tmp_path
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert _png_size(target) == tuple(int(n) for n in size.split(","))


def test_filter_from_the_link_runs_in_chromium(many, tmp_path):
    """The inline script, run by a real browser: `#only=rule R` leaves R's findings shown and turns
    every other finding off (list items hidden, highlights plain), and the shown counts follow."""
    out, _markup, findings = many
    rule = "Names.NearMiss"
    expected = Counter(f["path"] for f in findings if f["rule"] == rule)
    proc = browser.run("--dump-dom", f"{out.as_uri()}#only=rule%20{rule}", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = proc.stdout
    items = re.findall(r'<li class="([^"]*)"[^>]*data-rule="([^"]+)"', dom)
    assert len(items) == len(findings)
    assert all(("off" in cls.split()) == (r != rule) for cls, r in items)
    marks = re.findall(r'<mark id="[^"]+" data-n="\d+" class="([^"]*)"[^>]*data-rule="([^"]+)"', dom)
    assert len(marks) == len(findings) and all(("off" in cls.split()) == (r != rule) for cls, r in marks)
    shown = sorted(int(n) for n in re.findall(r'<b data-shown="d\d+">(\d+)</b>', dom) if n != "0")
    assert shown == sorted(expected.values())
