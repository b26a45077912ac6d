"""`factlint server`: positions, diagnostics, code actions, hover and reloads in-process, then a
real subprocess spoken to over JSON-RPC exactly as an editor does (issue 16's "done when")."""

import time

import pytest

pytest.importorskip("pygls")
from conftest import SEED  # noqa: E402
from lsp_client import LspClient, file_uri  # noqa: E402
from lsprotocol import types as lsp  # noqa: E402

from factlint.server import convert  # noqa: E402
from factlint.server.adapter import Engine, markup_for  # noqa: E402
from factlint.server.server import Snapshot, actions, hover_text  # noqa: E402

EMOJI_LINE = "Fans 😀👍🏽 cheered; both Armenians and Asherites have it.\n"


# -- positions ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "encoding, codec, width", [("utf-16", "utf-16-le", 2), ("utf-32", "utf-32-le", 4), ("utf-8", "utf-8", 1)]
)
def test_positions_count_the_negotiated_units_after_non_bmp_characters(encoding, codec, width):
    text = "Title\r\n" + EMOJI_LINE
    start = text.index("Asherites")
    prefix = EMOJI_LINE[: EMOJI_LINE.index("Asherites")]
    character = len(prefix.encode(codec)) // width  # 3 astral characters: utf-16 counts them twice
    assert character == {"utf-16": 40, "utf-32": 37, "utf-8": 46}[encoding]
    pmap = convert.PositionMap(text, encoding)
    assert pmap.position(start) == lsp.Position(line=1, character=character)
    assert pmap.offset(lsp.Position(line=1, character=character)) == start
    assert pmap.range(start, start + 9).end.character == character + 9


def test_lsp_line_breaks_are_lf_crlf_and_cr_only():
    text = "a\rb\r\nc\u2028d\ne"
    pmap = convert.PositionMap(text)
    assert [pmap.position(text.index(c)).line for c in "abcde"] == [0, 1, 2, 2, 3]
    assert pmap.offset(lsp.Position(line=9, character=0)) == len(text)
    assert pmap.offset(lsp.Position(line=0, character=99)) == 1  # clamped to the line's end


# -- engine adapter and conversions ---------------------------------------------------------------
@pytest.fixture(scope="module")
def engine():
    return Engine()


def _snapshot(engine, text, path, markup=None):
    markup = markup or markup_for(path)
    result = engine.lint(text, path, str(SEED.parent), markup)
    return Snapshot(text, 1, path, str(SEED.parent), markup, result, convert.PositionMap(text))


def test_seed_diagnostics_ranges_codes_and_severities(engine, seed_text):
    snap = _snapshot(engine, seed_text, str(SEED))
    diags = convert.diagnostics(snap.result.findings, snap.pmap, snap.result.links)
    assert len(diags) == 8
    lines = seed_text.split("\n")
    for d, f in zip(diags, snap.result.findings):
        assert (d.range.start.line, d.range.start.character) == (f.line - 1, f.column - 1)
        assert lines[d.range.start.line][d.range.start.character :].startswith(f.match.split("\n")[0])
        assert d.code == f.rule and d.source == "factlint"
    severities = {d.code: d.severity for d in diags}
    assert severities["History.EventDates"] == lsp.DiagnosticSeverity.Error
    assert severities["Attribution.VagueSource"] == lsp.DiagnosticSeverity.Information
    assert severities["Boilerplate.Residue"] == lsp.DiagnosticSeverity.Warning


def test_code_description_only_for_rules_with_a_link():
    class F:
        start, end, rule, severity, message, suggestions, fixable = 0, 1, "X.Y", "warning", "m", [], False

    pmap = convert.PositionMap("x")
    assert convert.diagnostic(F, pmap, "https://example.org/x").code_description.href == "https://example.org/x"
    assert convert.diagnostic(F, pmap).code_description is None


def _apply(text, pmap, edit):
    (edits,) = edit.changes.values()
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: pmap.offset(e.range.start)] + e.new_text + text[pmap.offset(e.range.end) :]
    return text


def _at(snap, match):
    f = next(f for f in snap.result.findings if f.match == match)
    return f, snap.pmap.range(f.start, f.end)


def test_safe_fix_is_preferred_and_matches_fix(engine, seed_text):
    snap = _snapshot(engine, seed_text, str(SEED))
    _f, rng = _at(snap, "Asherites")
    acts = actions(engine, "file:///seed.txt", snap, rng)
    (fix,) = [a for a in acts if a.is_preferred]
    assert fix.kind == lsp.CodeActionKind.QuickFix and fix.diagnostics[0].code == "Names.Transcriptions"
    assert _apply(seed_text, snap.pmap, fix.edit) == seed_text.replace("Asherites", "Azeris", 1)
    fix_all = next(a for a in acts if a.kind == lsp.CodeActionKind.SourceFixAll)
    assert _apply(seed_text, snap.pmap, fix_all.edit) == seed_text.replace("Asherites", "Azeris", 1)


def test_ambiguous_finding_offers_one_unpreferred_action_per_suggestion(engine, seed_text):
    snap = _snapshot(engine, seed_text, str(SEED))
    _f, rng = _at(snap, "Aser")
    acts = [
        a for a in actions(engine, "file:///seed.txt", snap, rng, [lsp.CodeActionKind.QuickFix]) if "Change" in a.title
    ]
    assert [a.edit.changes["file:///seed.txt"][0].new_text for a in acts] == ["Azerbaijan", "Azeris"]
    assert not any(a.is_preferred for a in acts)


@pytest.mark.parametrize("path, markup", [("note.txt", "text"), ("note.md", "markdown")])
def test_suppression_action_suppresses_the_finding(engine, path, markup):
    text = "Intro line.\n\n  Both Armenians and Asherites have suffered in the conflict.\n"
    snap = _snapshot(engine, text, path)
    _f, rng = _at(snap, "Asherites")
    (act,) = [a for a in actions(engine, "file:///x", snap, rng) if a.title.startswith("Disable")]
    new = _apply(text, snap.pmap, act.edit)
    assert ("<!-- factlint-disable-next-line" in new) == (markup == "markdown")
    after = engine.lint(new, path, str(SEED.parent), markup).findings
    assert not any(f.match == "Asherites" for f in after)
    assert not any(f.rule == "factlint.UnusedSuppression" for f in after)


def test_hover_shows_explain_text_and_knowledge_entry_with_source(engine, seed_text):
    snap = _snapshot(engine, seed_text, str(SEED))
    date = next(f for f in snap.result.findings if f.rule == "History.EventDates")
    text = hover_text(engine, [date], snap.folder)
    assert "Knowledge base:** Armenian genocide" in text and "1915–1923" in text
    assert "source: Encyclopaedia Britannica: Armenian Genocide" in text
    assert "History.EventDates  (event-date, error, category date)" in text  # the explain header
    name = next(f for f in snap.result.findings if f.match == "Asherites")
    assert "source: Wikipedia: Azerbaijanis" in hover_text(engine, [name], snap.folder)
    vague = next(f for f in snap.result.findings if f.rule == "Attribution.VagueSource")
    assert "Knowledge base" not in hover_text(engine, [vague], snap.folder)


def test_markup_by_extension_or_language_id():
    assert markup_for("/a/b.md") == markup_for("/a/b.markdown") == "markdown"
    assert markup_for("untitled:Untitled-1", "markdown") == "markdown"
    assert markup_for("/a/b.txt", "plaintext") == markup_for("/a/b.rst", "restructuredtext") == "text"


def test_bad_configuration_is_a_problem_and_builtin_rules_still_lint(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("min-level: loud\n")
    engine = Engine()
    result = engine.lint("Both Armenians and Asherites have it.", str(tmp_path / "a.txt"), str(tmp_path), "text")
    assert result.problem.path == str(tmp_path / ".factlint.yaml") and "min-level" in result.problem.message
    assert [f.match for f in result.findings] == ["Asherites"]
    assert engine.affects_rules(str(tmp_path / ".factlint.yaml"))
    (tmp_path / ".factlint.yaml").write_text("ignore: [Names]\n")
    engine.reload()
    result = engine.lint("Both Armenians and Asherites have it.", str(tmp_path / "a.txt"), str(tmp_path), "text")
    assert result.problem is None and result.findings == []


def test_per_file_ignores_match_paths_relative_to_the_project(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("per-file-ignores:\n  archive/*.md: [Names]\n")
    (tmp_path / "archive").mkdir()
    engine, text = Engine(), "Both Armenians and Asherites have it."
    assert engine.lint(text, str(tmp_path / "archive" / "a.md"), str(tmp_path / "archive"), "markdown").findings == []
    assert len(engine.lint(text, str(tmp_path / "a.md"), str(tmp_path), "markdown").findings) == 1


def test_broken_rule_pack_points_at_the_rule_file(tmp_path):
    (tmp_path / "House").mkdir()
    (tmp_path / "House" / "Broken.yml").write_text("extends: substitution\nmessage: [oops\n")
    (tmp_path / ".factlint.yaml").write_text("packs: [House]\n")
    engine = Engine()
    result = engine.lint("Text.", str(tmp_path / "a.md"), str(tmp_path), "markdown")
    assert result.problem.path.endswith("Broken.yml") and "YAML" in result.problem.message
    assert engine.affects_rules(str(tmp_path / "House" / "Broken.yml"))
    assert not engine.affects_rules(str(tmp_path / "notes.yml"))


# -- the real thing: a subprocess over JSON-RPC ---------------------------------------------------
@pytest.fixture
def client(tmp_path):
    c = LspClient(cwd=SEED.parent.parent)
    yield c
    c.kill()


@pytest.mark.slow
def test_end_to_end_seed_flow(client, seed_text, cli):
    import json

    _code, out, _err = cli("check", str(SEED), "--format", "json")
    expected = {
        (f["rule"], f["line"] - 1, f["column"] - 1, f["end_line"] - 1, f["end_column"] - 1) for f in json.loads(out)
    }
    root = SEED.parent.parent
    init = client.initialize(root)
    assert init["result"]["capabilities"]["codeActionProvider"]
    uri = file_uri(SEED)
    client.open(uri, seed_text)
    diags = client.diagnostics(uri, timeout=30)
    assert len(diags) == 8
    got = {
        (
            d["code"],
            d["range"]["start"]["line"],
            d["range"]["start"]["character"],
            d["range"]["end"]["line"],
            d["range"]["end"]["character"],
        )
        for d in diags
    }
    assert ("Names.Transcriptions", 0, 275, 0, 284) in got  # Asherites
    assert ("Names.Transcriptions", 16, 161, 16, 165) in got  # Aser
    assert ("History.EventDates", 14, 112, 14, 116) in got  # 1918
    assert ("Boilerplate.Residue", 20, 0, 25, 186) in got
    assert got == expected  # the same findings as `factlint check`, at the same places
    assert all(d["source"] == "factlint" for d in diags)

    asherites = next(d for d in diags if d["range"]["start"] == {"line": 0, "character": 275})
    reply = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": asherites["range"], "context": {"diagnostics": [asherites]}},
    )
    fix = next(a for a in reply["result"] if a.get("isPreferred"))
    (edit,) = fix["edit"]["changes"][uri]
    assert edit == {"range": asherites["range"], "newText": "Azeris"}
    line = seed_text.split("\n")[0]
    assert line[edit["range"]["start"]["character"] : edit["range"]["end"]["character"]] == "Asherites"

    fixed = seed_text.replace("Asherites", "Azeris", 1)
    client.change(uri, fixed, version=2)
    after = client.diagnostics(uri, timeout=30, version=2)
    assert len(after) == 7 and not any(d["range"]["start"]["line"] == 0 for d in after)

    hover = client.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 14, "character": 113}}
    )
    assert "Armenian genocide" in hover["result"]["contents"]["value"]
    assert client.close() == 0


@pytest.mark.slow
def test_server_survives_bad_input(client, tmp_path):
    client.initialize(tmp_path, capabilities={})
    client.write_raw(b"{this is not json")
    client.write_raw(b'{"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": {"nonsense": 1}}')
    client.proc.stdin.write(b"garbage without a header\r\n\r\n")
    client.proc.stdin.flush()
    unknown = client.request("factlint/noSuchMethod", {})
    assert unknown["error"]["code"] == -32601  # MethodNotFound
    client.notify("$/noSuchNotification", {})
    docs = {
        "chinese": (
            "file:///tmp/zh.txt",
            "plaintext",
            "阿塞拜疆人和亚美尼亚人都在冲突中受苦。1918年的种族灭绝。\n" * 20,
        ),
        "binary": ("file:///tmp/bin.txt", "plaintext", "\x00\x01\x02\ufffd\udcff PK\x03\x04 \x7f" * 50),
        "cobol": ("untitled:Untitled-1", "cobol", "Both Armenians and Asherites have suffered."),
    }
    for uri, language, text in docs.values():
        client.open(uri, text, language)
        assert isinstance(client.diagnostics(uri, timeout=30), list)
    assert client.proc.poll() is None
    # An untitled buffer in an unknown language is linted as plain text with the root's config.
    client.change(docs["cobol"][0], "Both Armenians and Asherites have suffered in Aser.", 2)
    assert [d["code"] for d in client.diagnostics(docs["cobol"][0], version=2)] == [
        "Names.Transcriptions"
    ] * 2  # Asherites, Aser
    assert client.close() == 0


@pytest.mark.slow
def test_config_and_rule_pack_edits_reload_without_restart(client, tmp_path):
    config = tmp_path / ".factlint.yaml"
    config.write_text("min-level: warning\n")
    doc = tmp_path / "story.md"
    text = "Both Armenians and Asherites have suffered.\n"
    doc.write_text(text)
    client.initialize(tmp_path, options={"debounceMs": 50})
    uri = file_uri(doc)
    client.open(uri, text, "markdown")
    assert [d["code"] for d in client.diagnostics(uri, timeout=30)] == ["Names.Transcriptions"]

    config.write_text("packs: [House]\n")  # a pack folder that does not exist
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": file_uri(config), "type": 2}]})
    problem = client.diagnostics(file_uri(config), timeout=30)
    assert len(problem) == 1 and "not found" in problem[0]["message"]
    assert [d["code"] for d in client.diagnostics(uri, timeout=30)] == ["Names.Transcriptions"]  # built-in rules

    (tmp_path / "House").mkdir()
    (tmp_path / "House" / "Style.yml").write_text(
        "extends: substitution\nmessage: \"Use '%s', not '%s'.\"\nlevel: warning\nswap:\n  suffered: endured\n"
    )
    client.notify(
        "workspace/didChangeWatchedFiles", {"changes": [{"uri": file_uri(tmp_path / "House" / "Style.yml"), "type": 1}]}
    )
    assert client.diagnostics(file_uri(config), timeout=30) == []  # the problem is gone
    codes = sorted(d["code"] for d in client.diagnostics(uri, timeout=30))
    assert codes == ["House.Style", "Names.Transcriptions"]

    config.write_text("packs: [House]\nignore: [Names]\n")  # a client without file watching: didSave
    client.notify("textDocument/didSave", {"textDocument": {"uri": file_uri(config)}})
    assert [d["code"] for d in client.diagnostics(uri, timeout=30)] == ["House.Style"]

    client.notify("workspace/didChangeConfiguration", {"settings": {"factlint": {"debounceMs": 10}}})
    assert len(client.diagnostics(uri, timeout=30)) == 1  # re-linted on a settings change
    assert client.close() == 0


@pytest.mark.slow
def test_debounce_publishes_only_the_latest_version(client, tmp_path):
    client.initialize(tmp_path, options={"debounceMs": 300})
    uri = file_uri(tmp_path / "a.txt")
    client.open(uri, "Nothing here.")
    assert client.diagnostics(uri, timeout=30) == []
    for v in range(2, 7):
        client.change(uri, "Both Armenians and Asherites have it." + " Yes." * v, v)
    first = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics", timeout=30)["params"]
    assert first["version"] == 6 and [d["code"] for d in first["diagnostics"]] == ["Names.Transcriptions"]
    time.sleep(0.5)
    client.request("shutdown", None)  # flush: anything published is now in the backlog
    versions = [m["params"]["version"] for m in client.backlog if m.get("method") == "textDocument/publishDiagnostics"]
    assert versions == []  # the one publication above was for version 6 only
    client.notify("exit")
    assert client.proc.wait(timeout=10) == 0


@pytest.mark.slow
def test_negotiated_utf32_positions_over_the_wire(client, tmp_path):
    init = client.initialize(tmp_path, capabilities={"general": {"positionEncodings": ["utf-32", "utf-16"]}})
    assert init["result"]["capabilities"]["positionEncoding"] == "utf-32"
    uri = file_uri(tmp_path / "emoji.md")
    client.open(uri, "# Fans 😀\n\n" + EMOJI_LINE, "markdown")
    (d,) = client.diagnostics(uri, timeout=30)
    assert d["range"]["start"] == {"line": 2, "character": EMOJI_LINE.index("Asherites")}
    # A hover at that code-point position finds the finding.
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": d["range"]["start"]})
    assert "Azerbaijanis" in hover["result"]["contents"]["value"]
    client.notify("exit")  # no shutdown first: exit code 1, as the protocol says
    assert client.proc.wait(timeout=10) == 1


def test_cli_does_not_import_pygls_unless_serving():
    import subprocess
    import sys

    code = "import sys, factlint.cli; print('pygls' in sys.modules)"
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout.strip()
        == "False"
    )


def test_server_without_pygls_says_how_to_install_it():
    import subprocess
    import sys

    code = "import sys; sys.modules['pygls'] = None; from factlint.server import main; sys.exit(main())"
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60
    )
    assert proc.returncode == 2 and "pip install 'factlint[server]'" in proc.stderr and proc.stdout == ""
