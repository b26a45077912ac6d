"""Each Vale rule kind and key, as Vale's documentation describes them."""

from vale_helpers import lint, rule


def test_existence_tokens_ignorecase_exceptions(tmp_path):
    r = {
        "Test.Avoid": rule(
            "existence",
            "Don't use '%s'.",
            ignorecase=True,
            tokens=["abort", "black ?list"],
            exceptions=["Abort Mission"],
        )
    }
    out = lint(tmp_path, r, "Abort it. The blacklist and black list. Abort Mission stays.\n")
    assert out == [
        (1, 1, "Test.Avoid", "Don't use 'Abort'."),
        (1, 15, "Test.Avoid", "Don't use 'blacklist'."),
        (1, 29, "Test.Avoid", "Don't use 'black list'."),
    ]


def test_existence_word_boundaries_and_nonword(tmp_path):
    word = {"Test.W": rule("existence", tokens=["cat"])}
    assert [m for *_x, m in lint(tmp_path / "a", word, "A cat, a catalogue.\n")] == ["cat"]
    nonword = {"Test.N": rule("existence", nonword=True, tokens=["cat"])}
    assert len(lint(tmp_path / "b", nonword, "A cat, a catalogue.\n")) == 2


def test_existence_raw_and_append(tmp_path):
    raw = {"Test.R": rule("existence", "'%s'", nonword=True, raw=[r"\b\d+"], tokens=["km"])}
    assert lint(tmp_path / "a", raw, "It is 12km, not 12 km.\n") == [(1, 7, "Test.R", "'12km'")]
    append = {"Test.A": rule("existence", "'%s'", append=True, raw=[r"\s\d+"], tokens=["page"])}
    assert lint(tmp_path / "b", append, "See page 4 and page.\n") == [(1, 5, "Test.A", "'page 4'")]


def test_existence_scope_and_code_skipped(tmp_path):
    r = {"Test.H": rule("existence", scope="heading", tokens=["foo"])}
    text = "# foo title\n\nfoo in text and `foo` code.\n\n```\nfoo\n```\n"
    assert lint(tmp_path, r, text) == [(1, 3, "Test.H", "foo")]
    text_rule = {"Test.T": rule("existence", tokens=["foo"])}
    assert [(l, c) for l, c, *_m in lint(tmp_path / "t", text_rule, text)] == [(1, 3), (3, 1)]


def test_existence_action_second_placeholder(tmp_path):
    r = {
        "Test.X": rule(
            "existence", "Use '%s' → '%s'.", tokens=["utilise"], action={"name": "replace", "params": ["use"]}
        )
    }
    assert lint(tmp_path, r, "We utilise it.\n")[0][3] == "Use 'utilise' → 'use'."


def test_substitution_messages_and_capture_groups(tmp_path):
    r = {
        "Test.S": rule(
            "substitution",
            "Use '%s' instead of '%s'.",
            ignorecase=True,
            swap={"e-mail": "email", r"(\d+)\s?percent": "$1%", "log on to": "sign in to|log in to"},
        )
    }
    out = lint(tmp_path, r, "E-mail 40 percent; log on to. Email is fine.\n")
    assert [m for *_x, m in out] == [
        "Use 'email' instead of 'E-mail'.",
        "Use '40%' instead of '40 percent'.",
        "Use 'sign in to|log in to' instead of 'log on to'.",
    ]


def test_substitution_replace_action_quotes_once(tmp_path):
    r = {
        "Test.S": rule(
            "substitution",
            "Use '%s' instead of '%s'.",
            action={"name": "replace"},
            swap={"log on to": "sign in to|log in to", "utilize": "use"},
        )
    }
    out = lint(tmp_path, r, "Log on to it, log on to it, utilize.\n")
    assert [m for *_x, m in out] == [
        "Use 'sign in to' or 'log in to' instead of 'log on to'.",
        "Use 'use' instead of 'utilize'.",
    ]


def test_substitution_case_sensitive_by_default(tmp_path):
    r = {"Test.S": rule("substitution", "'%s' not '%s'", swap={"javascript": "JavaScript"})}
    assert [m for *_x, m in lint(tmp_path, r, "javascript and Javascript and JavaScript.\n")] == [
        "'JavaScript' not 'javascript'"
    ]


def test_occurrence_max_min_and_unformatted_message(tmp_path):
    r = {"Test.O": rule("occurrence", "No more than one '%s'.", scope="paragraph", max=1, token="!")}
    assert lint(tmp_path / "a", r, "Wow! Yes! Fine.\n\nOne!\n") == [(1, 4, "Test.O", "No more than one '%s'.")]
    # a minimum is document-wide: reported once, at the first match or at 1:1
    r = {
        "Test.Min": rule("occurrence", "Content too short.", scope="raw", min=10, token=r"\b(\w+)\b"),
        "Test.Intro": rule("occurrence", "No intro", scope="heading", min=1, token="Introduction"),
    }
    assert lint(tmp_path / "b", r, "# Introduction\n\n## Second\n\n### Third\n") == [
        (1, 3, "Test.Min", "Content too short.")
    ]
    assert lint(tmp_path / "c", r, "## Second\n\n### Third\n") == [
        (1, 1, "Test.Intro", "No intro"),
        (1, 4, "Test.Min", "Content too short."),
    ]


def test_repetition(tmp_path):
    r = {"Test.R": rule("repetition", "'%s' is repeated.", alpha=True, ignorecase=True, tokens=[r"[^\s]+"])}
    out = lint(tmp_path, r, "It was was fine. The the end. 1 1 is a number. Over. Over it.\n")
    assert out == [(1, 4, "Test.R", "'was' is repeated."), (1, 18, "Test.R", "'the' is repeated.")]


def test_consistency_per_file(tmp_path):
    r = {"Test.C": rule("consistency", "Inconsistent '%s'.", ignorecase=True, either={"advisor": "adviser"})}
    text = "The advisor came.\n\nThe adviser left.\n\nThe advisor again.\n"
    assert lint(tmp_path, r, text) == [
        (3, 5, "Test.C", "Inconsistent 'adviser'."),
        (5, 5, "Test.C", "Inconsistent 'advisor'."),
    ]


def test_conditional_definition_and_exceptions(tmp_path):
    r = {
        "Test.A": rule(
            "conditional",
            "'%s' has no definition.",
            first=r"\b([A-Z]{3,5})\b",
            second=r"(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)",
            exceptions=["NASA"],
        )
    }
    text = "The World Health Organization (WHO) met.\n\nThe WHO and the UN and NASA and the IMF.\n"
    assert lint(tmp_path, r, text) == [(3, 37, "Test.A", "'IMF' has no definition.")]


def test_conditional_presence_without_group(tmp_path):
    r = {"Test.P": rule("conditional", "'%s' needs a date.", first=r"\bmeeting\b", second=r"\d{4}")}
    assert lint(tmp_path, r, "A meeting in 2024.\n\nA meeting soon.\n") == [(3, 3, "Test.P", "'meeting' needs a date.")]


def test_capitalization_sentence_title_and_patterns(tmp_path):
    rules = {
        "Test.Sentence": rule(
            "capitalization", "S: %s", scope="heading", match="$sentence", indicators=[":"], exceptions=["Paris"]
        ),
        "Test.Title": rule("capitalization", "T: %s", scope="heading.h1", match="$title"),
        "Test.Upper": rule("capitalization", "U: %s", scope="heading.h3", match="$upper"),
        "Test.Pattern": rule("capitalization", "P: %s", scope="heading.h4", match=r"^[A-Z]"),
        "Test.Prefixed": rule("capitalization", "X: %s", scope="heading.h5", match="$sentence", prefix=r"^[a-z]\.\s"),
    }
    text = (
        "# The Mayor of Paris Speaks\n\n## Notes: Some news in Paris\n\n## Results From The Night\n\n"
        "### NOT upper\n\n#### lower start\n\n##### a. Numbered heading\n"
    )
    out = {(l, r.split(".")[1]) for l, _c, r, _m in lint(tmp_path, rules, text)}
    assert out == {(1, "Sentence"), (5, "Sentence"), (7, "Upper"), (9, "Sentence"), (9, "Pattern"), (11, "Sentence")}


def test_capitalization_chicago_small_words(tmp_path):
    base = {"match": "$title", "scope": "heading"}
    ap = {"Test.T": rule("capitalization", **base, style="AP")}
    chicago = {"Test.T": rule("capitalization", **base, style="Chicago")}
    heading = "# Walking through the Park without a Dog Leash Today\n"
    assert lint(tmp_path / "a", ap, heading)  # AP capitalizes 'Through' and 'Without'
    assert not lint(tmp_path / "b", chicago, heading)


def test_vale_builtin_style_and_vocab(tmp_path):
    out = lint(
        tmp_path,
        {},
        "A whatsapp post on Reuters about fake news. It is is so.\n",
        styles="Vale",
        vocab=(["WhatsApp", "Reuters"], ["fake news"]),
    )
    assert [(c, r, m) for _l, c, r, m in out] == [
        (3, "Vale.Terms", "Use 'WhatsApp' instead of 'whatsapp'."),
        (34, "Vale.Avoid", "Avoid using 'fake news'."),
        (48, "Vale.Repetition", "'is' is repeated!"),
    ]


def test_vocab_words_are_exceptions(tmp_path):
    r = {"Test.Caps": rule("existence", "'%s'", tokens=[r"[A-Z]{2,}"])}
    out = lint(tmp_path, r, "The BBC and NATO.\n", vocab=(["NATO"], []))
    assert [m for *_x, m in out] == ["'BBC'"]


def test_unsupported_kinds_and_keys_one_line_each(tmp_path):
    notes = []
    rules = {
        "Test.M": rule("metric", formula="words"),
        "Test.Q": rule("sequence", tokens=[]),
        "Test.Sp": rule("spelling"),
        "Test.E": rule("existence", tokens=["x"], wibble=1),
        "Test.Bad": rule("existence", tokens=["(unclosed"]),
    }
    out = lint(tmp_path, rules, "x marks.\n", notes=notes)
    assert [r for _l, _c, r, _m in out] == ["Test.E"]
    assert len(notes) == 5
    assert any("M.yml: extends: metric is not supported yet" in n for n in notes)
    assert any("E.yml: key 'wibble' is not supported" in n for n in notes)
    assert any("Bad.yml:3: cannot compile" in n for n in notes)  # the line of `tokens`


def test_vale_kinds_in_a_factlint_pack(tmp_path):
    """The new kinds load through factlint's strict loader too, and survive the rules cache."""
    import pickle

    from factlint.config import Config
    from factlint.engine import Linter

    pack = tmp_path / "Desk"
    pack.mkdir()
    (pack / "Bangs.yml").write_text(
        "extends: occurrence\nmessage: Too many bangs.\nlevel: warning\nmax: 1\ntoken: '!'\n"
    )
    (pack / "Avoid.yml").write_text("extends: vale.existence\nmessage: \"Avoid '%s'.\"\ntokens: [abort]\n")
    config = Config()
    config.builtin_packs = False
    config.packs = [str(pack)]
    linter = Linter(config)
    pickle.loads(pickle.dumps(linter.ruleset))
    found = linter.lint_text("Wow! Abort! Now!\n\nabort it.\n", path="a.md")
    assert [(f.rule, f.line, f.column, f.message) for f in found] == [
        ("Desk.Bangs", 1, 4, "Too many bangs."),
        ("Desk.Avoid", 3, 1, "Avoid 'abort'."),
    ]


def test_scope_negation_and_inline_scopes(tmp_path):
    """Negated and combined scopes, and the inline scopes (link, strong, code), as Vale's
    documentation describes them (own text, in the manner of Vale's scope scenarios)."""
    rules = {
        "Test.NotH2": rule("existence", "'%s' left", scope=["~heading.h2"], tokens=["BETA"]),
        "Test.NoQuote": rule("existence", "'%s' not quoted", scope="~blockquote", ignorecase=True, tokens=["memo"]),
        "Test.Both": rule("existence", "'%s' outside", scope=["~blockquote & ~heading"], tokens=["NOTE"]),
        "Test.Link": rule("existence", "'%s' as link text", scope="link", tokens=["here"]),
        "Test.Strong": rule("existence", "'%s' strong", scope="strong", tokens=["NOTE"]),
        "Test.Code": rule("existence", "'%s' in code", scope="code", tokens=["TMP"]),
    }
    text = (
        "# Top BETA\n\n## *NOTE* Second BETA `TMP`\n\n> A memo here.\n\n### Third BETA\n\n"
        "A memo with [here](http://x) and here. **NOTE** NOTE `TMP`\n"
    )
    out = lint(tmp_path, rules, text)
    assert out == [
        (1, 7, "Test.NotH2", "'BETA' left"),
        (3, 24, "Test.Code", "'TMP' in code"),
        (7, 11, "Test.NotH2", "'BETA' left"),
        (9, 3, "Test.NoQuote", "'memo' not quoted"),
        (9, 14, "Test.Link", "'here' as link text"),
        (9, 42, "Test.Both", "'NOTE' outside"),
        (9, 42, "Test.Strong", "'NOTE' strong"),
        (9, 49, "Test.Both", "'NOTE' outside"),
        (9, 55, "Test.Code", "'TMP' in code"),
    ]


def test_exception_case_and_percent_in_raw(tmp_path):
    r = {"Test.E": rule("existence", "'%s'", ignorecase=True, tokens=["foo"], exceptions=["(?i)foo bar", "Foo baz"])}
    out = lint(tmp_path / "a", r, "FOO BAR, foo baz, Foo baz.\n")
    assert [m for *_x, m in out] == ["'foo'"]  # `(?i)` makes one exception case-blind
    r = {"Test.P": rule("existence", "'%s'", raw=[r"\d+%s"], nonword=True, tokens=["x"], append=True)}
    assert [m for *_x, m in lint(tmp_path / "b", r, "5%sx and 5x\n")] == []  # raw matched literally


def test_vale_comments_do_not_silence_raw_rules(tmp_path):
    rules = {
        "Test.Raw": rule("existence", "raw %s", scope="raw", tokens=["XX"]),
        "Test.Text": rule("existence", "text %s", tokens=["XX"]),
    }
    text = "<!-- vale off -->\n\nXX here.\n\n<!-- vale on -->\n\n<!-- vale Test.Raw = NO -->\n\nXX there.\n"
    assert lint(tmp_path, rules, text) == [
        (3, 1, "Test.Raw", "raw XX"),
        (9, 1, "Test.Raw", "raw XX"),
        (9, 1, "Test.Text", "text XX"),
    ]


def test_a_match_across_markup_is_placed_where_vale_places_it(tmp_path):
    """Vale cannot find `in in` verbatim (a link sits between): it reports the first line that
    holds every word of the sentence, at column 1."""
    r = {"Test.R": rule("repetition", '"%s" is repeated.', alpha=True, tokens=[r"[^\s]+"])}
    text = "# Notes\n\nFirst line.\nIt was [added to the API in](http://x) in GitLab. Fine in in here.\n"
    assert lint(tmp_path, r, text) == [(4, 1, "Test.R", '"in" is repeated.'), (4, 56, "Test.R", '"in" is repeated.')]
    # no single line holds the sentence: Vale drops the alert
    text = "# Notes\n\nFirst line of it\nand [added to the API in](http://x) in GitLab.\n"
    assert lint(tmp_path / "b", r, text) == []
