"""Documents: Markdown scopes, sentences, positions in code points."""

from factlint.document import Document
from factlint.engine import lint_text

MD = """---
title: Asherites in the archive
date: 2024-03-01
---
# Talks with Asherites

Both Armenians and Asherites took part. See `Asherites` and https://example.com/Asherites.

```
Asherites in code
```

    Asherites indented code

<!-- Asherites in a comment -->
- A list item about Asherites
> A quote about Asherites

| country | people |
|---------|--------|
| Azerbaijan | Asherites |

Read [the Asherites story](https://example.com/Asherites) and ![Asherites photo](a.png).
"""


def test_markdown_scopes():
    findings = lint_text(MD, path="a.md")
    lines = sorted(f.line for f in findings if f.match == "Asherites")
    # heading, paragraph, list item, quote, table cell, link text, image alt; not front matter,
    # code span, URL, fenced or indented code, comment, link target.
    assert lines == [5, 7, 16, 17, 21, 23, 23]
    doc = Document(MD, markup_kind="markdown")
    assert str(doc.date) == "2024-03-01"
    assert len(doc.prose) == len(MD)


def test_plain_text_lints_everything():
    text = "Code `Asherites` here.\n"
    assert [f.match for f in lint_text(text, path="a.txt")] == ["Asherites"]


def test_bom_tolerated_and_columns_in_code_points():
    text = "\ufeff🙂 é Asherites\n"
    (f,) = lint_text(text, path="a.txt")
    assert (f.line, f.column, f.end_column) == (1, 5, 14)


def _sentences(text):
    doc = Document(text)
    return [doc.prose[s:e] for s, e, _ in doc.sentences]


def test_sentence_splitting():
    assert _sentences("Dr. Smith met U.S. officials. He paid $3.5 million for 1,200 shares.") == [
        "Dr. Smith met U.S. officials.",
        "He paid $3.5 million for 1,200 shares.",
    ]
    assert _sentences('"Stop!" he said. "We left." She agreed.') == ['"Stop!" he said.', '"We left."', "She agreed."]
    assert _sentences("Mr. J. R. Jones left. No. 10 said no.") == ["Mr. J. R. Jones left.", "No. 10 said no."]
    assert _sentences("Follow us on:\nTwitter") == ["Follow us on:", "Twitter"]
    assert _sentences("First paragraph\n\nSecond one.") == ["First paragraph", "Second one."]


def test_positions_across_lines():
    doc = Document("ab\ncd\n\nef")
    assert doc.position(0) == (1, 1) and doc.position(3) == (2, 1) and doc.position(7) == (4, 1)


def test_dotted_capital_i_keeps_offsets_and_matches():
    """'İ' lower-cases to two code points; the automaton must still match and keep offsets."""
    text = "Rescue work after the İzmit earthquake of 2001 went on for weeks, officials said."
    (f,) = [f for f in lint_text(text, path="a.txt") if f.rule == "History.EventDates"]
    assert f.match == "2001" and f.suggestions == ["1999"]
