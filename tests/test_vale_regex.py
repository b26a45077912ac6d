"""Vale's regex dialect (RE2 / regexp2) translated for Python's `regex` package."""

import pytest

from factlint.vale.regex import compile as vcompile
from factlint.vale.regex import translate


@pytest.mark.parametrize(
    "vale, python",
    [
        (r"(?i)foo", r"(?i)foo"),  # leading flags stay global
        (r"a(?i)b|c", r"a(?i:b)|(?i:c)"),  # mid-pattern flags: to the end of the group, across |
        (r"(x(?i)y|z)w", r"(x(?i:y)|(?i:z))w"),
        (r"(?<year>\d{4})", r"(?P<year>\d{4})"),  # RE2's other named-group spelling
        (r"(?<=a)b(?<!c)", r"(?<=a)b(?<!c)"),  # look-behind is not a named group
        (r"end\z", r"end\Z"),
        (r"\Qa.b\E+", r"a\.b+"),
        (r"[]a]", r"[\]a]"),
        (r"[[:upper:]]+", r"[[:upper:]]+"),
    ],
)
def test_translate(vale, python):
    assert translate(vale) == python


def test_inner_patterns_never_keep_global_flags():
    assert translate("(?i)foo", inner=True) == "(?i:foo)"


def test_semantics():
    assert vcompile(r"a(?i)b|c").findall("aB C ab Ab") == ["aB", "C", "ab"]
    assert vcompile(r"\p{Lu}\p{Ll}+").findall("Paris and Zürich") == ["Paris", "Zürich"]
    assert vcompile(r"\bcafé\b").findall("un café noir") == ["café"]  # Unicode \b, as regexp2
    assert vcompile("foo", ignorecase=True).findall("FOO") == ["FOO"]
