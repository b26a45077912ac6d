"""A minimal LSP client for tests and the latency benchmark: starts `python -m factlint server`
and speaks Content-Length framed JSON-RPC over its pipes, as an editor does. Every read has a
deadline, so a silent server fails a test instead of hanging it."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def file_uri(path: Path) -> str:
    return Path(path).resolve().as_uri()


class LspClient:
    def __init__(self, cwd: Path | None = None, env: dict | None = None):
        full_env = {**os.environ, **(env or {})}
        full_env.setdefault("FACTLINT_CACHE_DIR", "/tmp/fl-lsp-cache")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "factlint", "server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=full_env,
        )
        self.messages: queue.Queue[dict] = queue.Queue()
        self.stderr: list = []
        self._id = 0
        self.backlog: list = []  # messages read while waiting for something else
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    # -- wire ------------------------------------------------------------------------------------
    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii", "replace").partition(":")
                if name.lower() == "content-length":
                    length = int(value.strip())
            if length is None:
                continue
            self.messages.put(json.loads(out.read(length)))

    def _drain_stderr(self) -> None:
        for line in self.proc.stderr:
            self.stderr.append(line.decode("utf-8", "replace"))

    def write_raw(self, body: bytes) -> None:
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, message: dict) -> None:
        self.write_raw(json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8"))

    def notify(self, method: str, params: Any = None) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any = None, timeout: float = 10) -> dict:
        """Send a request, answer the server's own requests meanwhile, return the response."""
        self._id += 1
        rid = self._id
        self.send({"id": rid, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)

    def wait(self, predicate: Callable[[dict], bool], timeout: float = 10) -> dict:
        for i, m in enumerate(self.backlog):
            if predicate(m):
                return self.backlog.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no matching message within {timeout}s; stderr: {''.join(self.stderr)[-2000:]}")
            try:
                m = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if "method" in m and "id" in m:  # a server request (client/registerCapability): accept it
                self.send({"id": m["id"], "result": None})
            if predicate(m):
                return m
            self.backlog.append(m)

    def diagnostics(self, uri: str, timeout: float = 10, version: int | None = None) -> list:
        def match(m: dict) -> bool:
            p = m.get("params") or {}
            return (
                m.get("method") == "textDocument/publishDiagnostics"
                and p.get("uri") == uri
                and (version is None or p.get("version") == version)
            )

        return self.wait(match, timeout)["params"]["diagnostics"]

    # -- session ---------------------------------------------------------------------------------
    def initialize(self, root: Path, options: dict | None = None, capabilities: dict | None = None) -> dict:
        caps = (
            capabilities
            if capabilities is not None
            else {
                "textDocument": {"publishDiagnostics": {}, "codeAction": {}, "hover": {}},
                "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}},
            }
        )
        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": file_uri(root),
                "capabilities": caps,
                "initializationOptions": options or {},
            },
            timeout=30,
        )
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, language: str = "plaintext", version: int = 1) -> None:
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}},
        )

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )

    def close(self, timeout: float = 10) -> int:
        """shutdown + exit; kill the process if it does not go. Returns its exit code."""
        try:
            if self.proc.poll() is None:
                self.request("shutdown", None, timeout=timeout)
                self.notify("exit")
                return self.proc.wait(timeout=timeout)
        except Exception:  # noqa: BLE001 - teardown must never hang or raise
            pass
        finally:
            self.kill()
        return self.proc.returncode

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
