"""The HTML report's index and filters, from Report objects (no CLI, no browser)."""

import re

from factlint.findings import Finding
from factlint.formatters import Report
from factlint.formatters.html import render


def finding(path, rule="Names.Drift", severity="warning", category="transcription", record=None, start=0):
    return Finding(
        path=path,
        start=start,
        end=start + 4,
        line=1,
        column=start + 1,
        end_line=1,
        end_column=start + 5,
        rule=rule,
        category=category,
        severity=severity,
        message="m",
        match="text",
        record=record,
    )


def index_rows(markup):
    body = re.search(r'<table class="index">.*?<tbody>(.*?)</tbody>', markup).group(1)
    return re.findall(r"<tr( class=\"clean\")?><td class=\"path\">(?:<a href=\"#(d\d+)\">)?([^<]*)", body)


def test_index_lists_clean_files_from_report_files():
    fs = [finding("b.md"), finding("b.md", rule="History.EventDates", severity="error", category="date", start=5)]
    markup = render(Report(fs, ["c.md", "b.md", "a.md"], {}, texts={("b.md", None): "text text text"}))
    assert index_rows(markup) == [(' class="clean"', "", "a.md"), ("", "d1", "b.md"), (' class="clean"', "", "c.md")]
    assert "Index of 3 documents" in markup
    assert re.search(r'<div class="total"><b>2</b><span>clean</span>', markup)
    # Levels first in severity order, then categories and rules by name, each with its count.
    boxes = re.findall(r'name="(\w+)" value="([^"]+)" checked>', markup)
    assert boxes == [
        ("level", "error"),
        ("level", "warning"),
        ("category", "date"),
        ("category", "transcription"),
        ("rule", "History.EventDates"),
        ("rule", "Names.Drift"),
    ]
    assert '<a href="#d1-2" data-only="level error">1</a>' in markup


def test_index_without_the_list_of_files_shows_the_documents_with_findings():
    fs = [finding("x.jsonl", record="r1"), finding("x.jsonl", record="r2")]
    markup = render(Report(fs, [], {}))
    assert index_rows(markup) == [("", "d1", "x.jsonl#r1"), ("", "d2", "x.jsonl#r2")]
    assert markup.count("The text of this document is not available") == 2


def test_no_findings_no_filters():
    markup = render(Report([], ["a.md"], {}))
    assert 'id="filters"' not in markup and index_rows(markup) == [(' class="clean"', "", "a.md")]
    assert markup.count("<script>") == 1  # the same inline script; it finds no form and stops
