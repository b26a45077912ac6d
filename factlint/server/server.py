"""`factlint server`: the LSP handlers (pygls 2). Linting runs in one worker thread, so the event
loop keeps answering while a document is linted, and the Engine never runs twice at once.

didOpen and didSave lint at once; didChange lints after a quiet period (initializationOptions
or settings `factlint.debounceMs`, default 100), and a newer change cancels the pending run. A
result for a version that has since changed is dropped, never published.
"""

from __future__ import annotations

import asyncio
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

import factlint.server.convert as convert
from factlint import __version__
from factlint.server.adapter import CONFIG_NAMES, Engine, Problem, Result, markup_for

log = logging.getLogger("factlint.server")
# Seconds. A lint of a 10 KB article costs ~5-15 ms, so 100 ms skips most keystrokes of a fast
# typist and still gets diagnostics out within 150 ms of a change (benchmarks/server_latency.py).
DEFAULT_DEBOUNCE = 0.1
WATCH_GLOBS = ("**/.factlint.yaml", "**/.factlint.yml", "**/pyproject.toml", "**/*.yml", "**/*.yaml", "**/*.txt")


@dataclass
class Snapshot:
    """The last lint of one document: what was linted and what was found."""

    text: str
    version: int | None
    path: str
    folder: str
    markup: str
    result: Result
    pmap: convert.PositionMap


class FactlintServer(LanguageServer):
    def __init__(self) -> None:
        # Full sync: a news article is small, and the client's own line splitting (not
        # str.splitlines, which also breaks at U+2028 and form feeds) then never matters.
        super().__init__("factlint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.engine = Engine()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factlint-lint")
        self.debounce = DEFAULT_DEBOUNCE
        self.pending: dict = {}  # uri -> asyncio.Task of a scheduled lint
        self.snapshots: dict = {}  # uri -> Snapshot
        self.problems: dict = {}  # uri of a config/rule file -> the Problem published on it

    # -- settings --------------------------------------------------------------------------------
    def configure(self, options: Any) -> None:
        """Read `debounceMs` from initializationOptions or `{"factlint": {...}}` settings."""
        if not isinstance(options, dict):
            return
        options = options.get("factlint", options)
        value = options.get("debounceMs") if isinstance(options, dict) else None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 10_000:
            self.debounce = value / 1000

    # -- where a document lives ------------------------------------------------------------------
    def locate(self, uri: str) -> tuple:
        """(path for findings, folder to discover configuration from). A document that is not
        a file (untitled:) takes the workspace root's configuration."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path:
            return path, os.path.dirname(path)
        root = None
        try:
            root = self.workspace.root_path
        except Exception:  # noqa: BLE001 - not initialised yet
            pass
        return uri, root or os.getcwd()

    @property
    def encoding(self) -> str:
        try:
            return str(getattr(self.workspace.position_encoding, "value", self.workspace.position_encoding) or "utf-16")
        except Exception:  # noqa: BLE001
            return "utf-16"

    # -- linting ---------------------------------------------------------------------------------
    def _lint_now(self, text: str, path: str, folder: str, markup: str) -> Result:
        """In the worker thread. Any failure is logged and yields no findings: never a crash."""
        try:
            return self.engine.lint(text, path, folder, markup)
        except Exception:  # noqa: BLE001
            log.exception("linting %s failed", path)
            return Result()

    async def lint(self, uri: str, publish: bool = True) -> Snapshot | None:
        try:
            doc = self.workspace.get_text_document(uri)
            text, version, language = doc.source, doc.version, doc.language_id or ""
        except Exception:  # noqa: BLE001 - closed meanwhile
            return None
        path, folder = self.locate(uri)
        if self.engine_file(path):
            return None  # a config or rule file carries only its own problem, if any
        markup = markup_for(path, language)
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(self.worker, self._lint_now, text, path, folder, markup)
        snap = Snapshot(text, version, path, folder, markup, result, convert.PositionMap(text, self.encoding))
        current = self.workspace.text_documents.get(uri)
        if current is None or current.source != text:
            return snap  # superseded: a newer run publishes
        self.snapshots[uri] = snap
        if publish:
            diags = convert.diagnostics(result.findings, snap.pmap, result.links)
            self.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diags, version=version)
            )
        self.publish_problems()
        return snap

    def engine_file(self, path: str) -> bool:
        """Configuration and rule files are not prose: they carry only their own problem."""
        return os.path.basename(path) in CONFIG_NAMES or (
            path.endswith((".yml", ".yaml")) and self.engine.affects_rules(path)
        )

    def schedule(self, uri: str, delay: float) -> None:
        """Lint after `delay` seconds, cancelling a pending run of the same document."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()

        async def run() -> None:
            try:
                if delay:
                    await asyncio.sleep(delay)
                await self.lint(uri)
            except asyncio.CancelledError:
                pass
            except Exception:  # noqa: BLE001
                log.exception("linting %s failed", uri)
            finally:
                if self.pending.get(uri) is task:
                    del self.pending[uri]

        task = asyncio.get_running_loop().create_task(run())
        self.pending[uri] = task

    async def current(self, uri: str) -> Snapshot | None:
        """The findings of the document as it is now (re-linted if it changed since)."""
        snap = self.snapshots.get(uri)
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return None
        if snap is not None and snap.text == doc.source:
            return snap
        return await self.lint(uri, publish=False)

    def publish_problems(self) -> None:
        """One diagnostic on each broken config or rule file; clear the ones that were fixed."""
        now: dict = {}
        for problem in self.engine.problems():
            now[from_fs_path(os.path.abspath(problem.path))] = problem
        for uri in set(self.problems) | set(now):
            if self.problems.get(uri) == now.get(uri):
                continue
            diags = _problem_diags(now.get(uri))
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diags))
        self.problems = now

    async def reload(self) -> None:
        """Drop the cached linters (configuration or a rule pack changed), re-lint open documents."""
        await asyncio.get_running_loop().run_in_executor(self.worker, self.engine.reload)
        self.snapshots.clear()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)
        if not self.workspace.text_documents:
            self.publish_problems()


def _problem_diags(problem: Problem | None) -> list:
    if problem is None:
        return []
    line = max(problem.line - 1, 0)
    rng = lsp.Range(start=lsp.Position(line=line, character=0), end=lsp.Position(line=line + 1, character=0))
    return [
        lsp.Diagnostic(
            range=rng,
            message=problem.message,
            severity=lsp.DiagnosticSeverity.Error,
            source=convert.SOURCE,
            code="factlint.ConfigError",
        )
    ]


def create_server() -> FactlintServer:
    server = FactlintServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: FactlintServer, params: lsp.InitializeParams) -> None:
        ls.configure(params.initialization_options)

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: FactlintServer, params: lsp.InitializedParams) -> None:
        # Load the rules now, not on the first didOpen: the editor is still drawing its window.
        ls.worker.submit(ls._lint_now, "", "warm-up.txt", ls.locate("untitled:warm-up")[1], "text")
        caps = ls.client_capabilities.workspace
        watch = caps and caps.did_change_watched_files and caps.did_change_watched_files.dynamic_registration
        if not watch:
            return  # such clients still reload on didSave of a config or rule file
        watchers = [lsp.FileSystemWatcher(glob_pattern=g) for g in WATCH_GLOBS]
        registration = lsp.Registration(
            id="factlint-watch",
            method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
        )
        try:
            await ls.client_register_capability_async(lsp.RegistrationParams(registrations=[registration]))
        except Exception:  # noqa: BLE001 - the client refused: reload on save only
            log.warning("the client did not accept file watching")

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: FactlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path, _folder = ls.locate(uri)
        if uri.startswith("file:") and ls.engine.affects_rules(path):
            await ls.reload()
        else:
            ls.schedule(uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.snapshots.pop(uri, None)
        if uri not in ls.problems:
            ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: FactlintServer, params: lsp.DidChangeConfigurationParams) -> None:
        ls.configure(params.settings)
        await ls.reload()

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def did_change_watched_files(ls: FactlintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        paths = [to_fs_path(c.uri) for c in params.changes if c.uri.startswith("file:")]
        if any(p and ls.engine.affects_rules(p) for p in paths):
            await ls.reload()

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.SourceFixAll]),
    )
    async def code_action(ls: FactlintServer, params: lsp.CodeActionParams) -> list:
        uri = params.text_document.uri
        snap = await ls.current(uri)
        if snap is None:
            return []
        return actions(ls.engine, uri, snap, params.range, params.context.only)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(ls: FactlintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        snap = await ls.current(params.text_document.uri)
        if snap is None:
            return None
        at = snap.pmap.offset(params.position)
        found = [f for f in snap.result.findings if f.start <= at <= f.end]
        if not found:
            return None
        loop = asyncio.get_running_loop()
        text = await loop.run_in_executor(ls.worker, hover_text, ls.engine, found, snap.folder)
        first = min(found, key=lambda f: f.end - f.start)
        return lsp.Hover(
            contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text),
            range=snap.pmap.range(first.start, first.end),
        )

    return server


def actions(engine: Engine, uri: str, snap: Snapshot, rng: lsp.Range, only: list | None = None) -> list:
    """Code actions for the findings touching `rng`, and the document-wide safe fixes."""
    start, end = snap.pmap.offset(rng.start), snap.pmap.offset(rng.end)
    findings = snap.result.findings
    out: list = []
    kinds = [str(getattr(k, "value", k)) for k in only or ()]  # an enum member or a plain string
    want_quickfix = not kinds or any(k in ("quickfix", "") or k.startswith("quickfix") for k in kinds)
    if want_quickfix:
        for f in findings:
            if not convert.overlaps(f, start, end):
                continue
            diag = convert.diagnostic(f, snap.pmap, snap.result.links.get(f.rule, ""))
            safe = engine.safe_edits([f])
            if safe:
                out.append(convert.fix_action(uri, f, snap.pmap, safe[0][2], diag))
            elif f.suggestions:
                out.extend(convert.suggestion_actions(uri, f, snap.pmap, diag))
            out.append(convert.suppress_action(uri, f, snap.pmap, engine.suppression(snap.markup, f.rule), diag))
    if not kinds or any(k == "source" or k.startswith("source.fixAll") for k in kinds):
        fix_all = convert.fix_all_action(uri, engine.safe_edits(findings), snap.pmap)
        if fix_all is not None:
            out.append(fix_all)
    return out


def hover_text(engine: Engine, findings: list, folder: str) -> str:
    """Markdown for the findings under the cursor: message, the explain text, and the
    knowledge-base entry for date and name findings (worker thread: it may read tables)."""
    parts = []
    for f in findings:
        block = [f"**{f.rule}** ({f.severity}): {f.message}"]
        try:
            about_facts = f.category in ("date", "transcription") or f.pack in ("History", "Names")
            entry = engine.knowledge(f, folder) if about_facts else None
            explain = engine.explain(f.rule, folder)
        except Exception:  # noqa: BLE001 - a hover degrades, it never fails
            log.exception("hover for %s failed", f.rule)
            entry, explain = None, ""
        if entry:
            block.append(convert.entry_markdown(entry, f))
        if explain:
            block.append("```text\n" + explain + "\n```")
        parts.append("\n\n".join(block))
    return "\n\n---\n\n".join(parts)
