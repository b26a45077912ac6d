"""The HTML report of the seed article: markup checked directly, then rendered by headless Chromium
(the highlights must survive a real browser's parsing, and a screenshot shows the page).

Set FACTLINT_SAVE_SCREENSHOT=1 to write the screenshot to docs/seed-report.png. Without Chromium
on PATH the browser tests skip (fail with FACTLINT_REQUIRE_BROWSER=1); see _chromium.py."""

import json
import os
import zlib
from html.parser import HTMLParser
from pathlib import Path

import _chromium as browser
import pytest
from click.testing import CliRunner

from factlint.cli import main

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
SEED = "seeds/000_07ded2b3cf7a995f.txt"


class Page(HTMLParser):
    """What the tests need from the page: per finding (data-f) its attributes and text, the
    document text, and anything that would load from outside."""

    def __init__(self):
        super().__init__()
        self.open_marks, self.in_doc = [], 0
        self.marks = {}  # data-f -> attributes of its first piece
        self.text = {}  # data-f -> text over all its pieces
        self.doc_text = []
        self.external = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href"):
            if a.get(key) and not a[key].startswith("#"):
                self.external.append((tag, a[key]))
        if tag in ("script", "link", "img", "iframe") and (a.get("src") or a.get("href")):
            self.external.append((tag, a))
        if tag == "div" and "doc" in (a.get("class") or "").split():
            self.in_doc = 1
        elif self.in_doc and tag == "div":
            self.in_doc += 1
        if tag == "mark":
            self.open_marks.append(a["data-f"])
            if "id" in a:
                assert a["id"] == a["data-f"] and a["data-f"] not in self.marks
                self.marks[a["data-f"]] = a

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open_marks.pop()
        elif tag == "div" and self.in_doc:
            self.in_doc -= 1

    def handle_data(self, data):
        if self.in_doc:
            self.doc_text.append(data)
        for ref in set(self.open_marks):
            self.text[ref] = self.text.get(ref, "") + data


def parse(markup):
    page = Page()
    page.feed(markup)
    page.close()
    return page


def check_page(page, findings, seed_text):
    assert not page.external, page.external
    assert page.open_marks == []
    assert "".join(page.doc_text) == seed_text  # the whole article, nothing lost or doubled
    assert len(page.marks) == len(findings)
    for i, f in enumerate(findings, 1):
        ref = f"d1-{i}"
        mark = page.marks[ref]
        assert mark["data-rule"] == f["rule"]
        assert mark["data-n"] == str(i)
        assert f"cat-{f['category']}" in mark["class"].split()
        assert f"sev-{f['severity']}" in mark["class"].split()
        assert mark["title"].startswith(f["message"])
        if f["suggestions"]:
            assert mark["title"].endswith(" — suggestion: " + ", ".join(f["suggestions"]))
        assert page.text[ref] == f["match"], ref


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("html") / "report.html"
    runner = CliRunner()
    old = os.getcwd()
    os.chdir(REPO)
    try:
        result = runner.invoke(
            main, ["check", "--format", "html", "--output-file", str(out), SEED], catch_exceptions=False
        )
        findings = json.loads(runner.invoke(main, ["check", "--format", "json", SEED]).stdout)
    finally:
        os.chdir(old)
    assert result.exit_code == 1
    assert result.stdout == ""  # the report went to the file
    seed_text = (REPO / SEED).read_text(encoding="utf-8")
    return out, findings, seed_text


def test_html_markup(seed_report):
    out, findings, seed_text = seed_report
    markup = out.read_text(encoding="utf-8")
    assert markup.startswith("<!DOCTYPE html>")
    check_page(parse(markup), findings, seed_text)
    # The summary counts by category and by rule.
    for category in {f["category"] for f in findings}:
        assert f"</span>{category}</td>" in markup
    for rule in {f["rule"] for f in findings}:
        assert f"<code>{rule}</code>" in markup
    # The seed's residue block contains the truncated last sentence: an overlap, nested in place.
    residue = next(i for i, f in enumerate(findings, 1) if f["rule"] == "Boilerplate.Residue")
    truncated = next(i for i, f in enumerate(findings, 1) if f["rule"] == "Truncation.EndsMidSentence")
    assert markup.index(f'id="d1-{residue}"') < markup.index(f'id="d1-{truncated}"')


def _chromium(*args, tmp_path):
    return browser.run(*args, tmp_path=tmp_path)


def test_html_survives_rendering(seed_report, tmp_path):
    out, findings, seed_text = seed_report
    proc = _chromium("--dump-dom", out.as_uri(), tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    check_page(parse(proc.stdout), findings, seed_text)


def _png_size_and_colours(path):
    """(width, height, distinct byte values in the image data): enough to tell a page from a
    blank screenshot without an imaging library."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height = 8, [], None, None
    while pos < len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = int.from_bytes(body[:4], "big"), int.from_bytes(body[4:8], "big")
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    return width, height, len(set(zlib.decompress(b"".join(idat))))


def test_html_screenshot(seed_report, tmp_path):
    out, _findings, _text = seed_report
    if os.environ.get("FACTLINT_SAVE_SCREENSHOT"):
        shot = REPO / "docs" / "seed-report.png"
        shot.parent.mkdir(exist_ok=True)
    else:
        shot = tmp_path / "seed-report.png"
    if shot.exists():
        shot.unlink()
    proc = _chromium(
        f"--screenshot={shot}", "--window-size=1280,2000", "--hide-scrollbars", out.as_uri(), tmp_path=tmp_path
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    width, height, colours = _png_size_and_colours(shot)
    assert (width, height) == (1280, 2000)
    assert colours > 100  # text, highlights and badges, not an empty page
