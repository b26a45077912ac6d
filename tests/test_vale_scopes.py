"""Vale's scopes over Markdown and plain text, with exact offsets."""

from factlint.vale.scopes import parse, selects

DOC = """---
title: skipped front matter
---
# A heading

Para with `code span` and [a link](http://x) and ![alt words](i.png). Second one.

- list item

> quoted words

| head | other |
|------|-------|
| cell | more |

```
fenced code
```

    indented code
"""


def blocks(text=DOC, markdown=True):
    return {b.scope: b for b in reversed(parse(text, markdown).blocks)}  # first of each scope


def test_scopes_of_markdown_blocks():
    parsed = parse(DOC, True)
    scopes = [b.scope for b in parsed.blocks]
    assert ("text", "heading", "h1") in scopes
    assert scopes.count(("sentence",)) == 2
    for scope in [
        ("paragraph",),
        ("text",),
        ("link",),
        ("text", "attr", "alt"),
        ("text", "list"),
        ("text", "blockquote"),
        ("text", "table", "header"),
        ("text", "table", "cell"),
        ("summary",),
        ("raw",),
    ]:
        assert scope in scopes, scope
    texts = " ".join(b.text for b in parsed.blocks if b.scope != ("raw",))
    assert "fenced" not in texts and "indented" not in texts and "skipped" not in texts


def test_code_spans_are_masked_and_offsets_exact():
    b = blocks()[("paragraph",)]
    assert "code span" not in b.text and "*********" in b.text
    i = b.text.index("Second")
    start, end = b.span(i, i + 6)
    assert DOC[start:end] == "Second"
    link = blocks()[("link",)]
    assert DOC[slice(*link.span(0, len(link.text)))] == "a link"
    alt = blocks()[("text", "attr", "alt")]
    assert DOC[slice(*alt.span(0, len(alt.text)))] == "alt words"


def test_plain_text_paragraphs():
    text = "One sentence here. Two here.\nStill two.\n\nAnother paragraph.\n"
    parsed = parse(text, False)
    paragraphs = [b for b in parsed.blocks if b.scope == ("paragraph",)]
    assert [p.text for p in paragraphs] == ["One sentence here. Two here.\nStill two.", "Another paragraph."]
    assert [b.text for b in parsed.blocks if b.scope == ("sentence",)][:3] == [
        "One sentence here.",
        "Two here.",
        "Still two.",
    ]


def test_selection():
    from factlint.vale.scopes import Block

    def b(*scope, parent=()):
        return Block(scope, "", [], parent)

    h1, h2 = b("text", "heading", "h1"), b("text", "heading", "h2")
    assert selects(["heading"], h1) and selects(["heading.h1"], h1) and not selects(["heading.h1"], h2)
    assert selects(["text"], h1) and not selects(["text"], b("link")) and not selects(["text"], b("sentence"))
    assert selects(["~heading.h2"], h1) and not selects(["~heading.h2"], h2)
    assert selects(["~heading"], b("text")) and selects(["~heading"], b("sentence")) and not selects(["~heading"], h1)
    assert not selects(["~heading"], b("raw")) and not selects(["~heading"], b("summary"))
    # an inline block is excluded by its enclosing block's scope
    assert not selects(["~heading"], b("emphasis", parent=("text", "heading", "h2")))
    assert selects(["~blockquote & ~heading"], b("text")) and not selects(
        ["~blockquote & ~heading"], b("text", "blockquote")
    )
    assert selects(["heading", "list"], b("text", "list"))


def test_vale_comments_recorded():
    parsed = parse("a\n\n<!-- vale off -->\n\nb\n\n<!-- vale Style.Rule = NO -->\n", True)
    assert [d for _o, d in parsed.comments] == ["off", "Style.Rule = NO"]


def test_token_and_block_ignores():
    text = 'Say $x + y$ here.\n\n{< file "a.py" >}\nignored words\n{</ file >}\n\nLast.\n'
    parsed = parse(text, True, token_ignores=[r"\$[^$]+\$"], block_ignores=[r"(?s) *({< file [^>]* >}.*?{</ ?file >})"])
    texts = [b.text for b in parsed.blocks if b.scope == ("text",)]
    assert texts == ["Say ******* here.", "Last."]


def test_sentences_skip_abbreviations():
    text = "Dr. Smith met J. Doe at 5 p.m. Monday. It rained! Then it stopped."
    parsed = parse(text, False)
    assert [b.text for b in parsed.blocks if b.scope == ("sentence",)] == [
        "Dr. Smith met J. Doe at 5 p.m. Monday.",
        "It rained!",
        "Then it stopped.",
    ]


def test_urls_masked_quotes_read_as_apostrophes_strikethrough_dropped():
    text = "See https://example.com/a_b. Don’t ~~stop~~ now.\n"
    b = blocks(text)[("text",)]
    assert b.text == "See " + "*" * len("https://example.com/a_b") + ". Don't stop now."
    start, end = b.span(b.text.index("stop"), b.text.index("stop") + 4)
    assert text[start:end] == "stop"


def test_skipped_and_ignored_scopes():
    text = "> quoted words\n\nPlain **bold** and `code`.\n"
    default = [b.text for b in parse(text, True).blocks if b.scope[0] == "text"]
    assert default == ["quoted words", "Plain bold and ****."]
    custom = parse(text, True, skipped=("blockquote",), ignored=("strong",))
    assert [b.text for b in custom.blocks if b.scope[0] == "text"] == ["Plain **** and code."]
