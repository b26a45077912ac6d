"""The seed article: factlint flags every problem in it and nothing else (issue 2's bar)."""

import json

from conftest import SEED


def test_seed_findings_exactly(cli):
    code, out, err = cli("check", str(SEED), "--format", "json")
    assert code == 1, err
    findings = json.loads(out)
    got = {(f["rule"], f["category"], f["severity"], f["match"]) for f in findings}
    assert ("History.EventDates", "date", "error", "1918") in got
    assert ("Names.Transcriptions", "transcription", "error", "Asherites") in got
    assert ("Names.Transcriptions", "transcription", "error", "Aser") in got
    assert ("Attribution.Unattributed", "attribution", "warning", "Hundreds have been killed") in got
    assert ("Attribution.Unattributed", "attribution", "warning", "Tens of thousands have fled") in got
    vague = [f for f in findings if f["rule"] == "Attribution.VagueSource"]
    assert len(vague) == 1 and vague[0]["match"].startswith("experts say") and vague[0]["match"].endswith("1,200")
    boiler = [f for f in findings if f["category"] == "boilerplate"]
    assert len(boiler) == 1
    assert boiler[0]["match"].startswith("© The Eastern Herald") and "Follow us on:" in boiler[0]["match"]
    trunc = [f for f in findings if f["category"] == "truncation"]
    assert len(trunc) == 1 and trunc[0]["match"].endswith("multimedia features on")
    # ... and nothing else at warning level or above.
    assert len([f for f in findings if f["severity"] in ("warning", "error")]) == 7
    # The attributed and duration figures are not flagged.
    matches = " ".join(f["match"] for f in findings)
    assert "376" not in matches and "two weeks" not in matches


def test_seed_date_suggestion_and_positions(cli, seed_text):
    code, out, _ = cli("check", str(SEED), "--format", "json", "--select", "date")
    (f,) = json.loads(out)
    assert f["suggestions"] == ["1915"]
    lines = seed_text.splitlines()
    assert lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == "1918"
    assert "1918" in f["message"] and "1915" in f["message"]


def test_seed_ambiguous_transcription_has_two_suggestions(cli):
    code, out, _ = cli("check", str(SEED), "--format", "json", "--select", "Names")
    by_match = {f["match"]: f for f in json.loads(out)}
    assert by_match["Asherites"]["suggestions"] == ["Azeris"] and by_match["Asherites"]["fixable"]
    assert by_match["Aser"]["suggestions"] == ["Azerbaijan", "Azeris"] and not by_match["Aser"]["fixable"]
