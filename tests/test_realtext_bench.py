"""benchmarks/realtext.py: runs each labelled set's scorer with this interpreter's factlint and
counts the corpus findings by rule and level."""

import importlib.util
import sys

from conftest import ROOT


def load():
    spec = importlib.util.spec_from_file_location("realtext", ROOT / "benchmarks" / "realtext.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_runs_scorers_and_counts_corpus_findings(tmp_path, capsys):
    scraped = tmp_path / "labels" / "scraped"
    scraped.mkdir(parents=True)
    # A stand-in scorer that reports the command it was given.
    (scraped / "score.py").write_text("import sys\nprint('scorer got', sys.argv[1:])\n", encoding="utf-8")
    corpus = tmp_path / "corpus" / "bbc"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text(
        "Council passes budget\n\nThe council approved the budget on Tuesday, officials said.\n\nShare this article\n",
        encoding="utf-8",
    )
    (corpus / "b.txt").write_text(
        "Clean text\n\nThe talks ended without agreement, both sides said.\n", encoding="utf-8"
    )
    assert load().main(["--shared", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "scorer got ['--cmd'" in out and "-m factlint" in out and sys.executable in out
    assert "attribution: not found" in out
    assert "BBC corpus: 2 articles" in out
    assert "Boilerplate.Residue" in out and "a.txt:5:1" in out
    assert "boilerplate + truncation: 1 (50.00 per 100 articles)" in out


def test_missing_shared_folder_is_reported(tmp_path, capsys):
    assert load().main(["--shared", str(tmp_path / "nowhere")]) == 2
    assert "pass --shared" in capsys.readouterr().err
