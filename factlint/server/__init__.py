"""`factlint server`: a Language Server Protocol server over stdio (needs the `server` extra:
pip install 'factlint[server]'). The adapter module is the only one that touches the engine."""

import logging
import sys


def main(log_level: str = "WARNING", log_file: str | None = None) -> int:
    """Serve LSP on stdin/stdout until the client says exit. Returns the exit code."""

    # stdout is the protocol channel: a stray print anywhere (a plugin, a warning) would corrupt
    # it, so from here on everything but pygls's writer goes to stderr.
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    try:
        from factlint.server.server import create_server  # optional: pygls is the server extra
    except ImportError as exc:
        print(
            f"factlint: the language server needs pygls and lsprotocol ({exc}): pip install 'factlint[server]'",
            file=sys.stderr,
        )
        return 2
    handler = logging.FileHandler(log_file) if log_file else logging.StreamHandler(sys.stderr)
    logging.basicConfig(
        level=getattr(logging, log_level.upper(), logging.WARNING),
        handlers=[handler],
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    server = create_server()
    server.start_io(stdin, stdout)
    # pygls swallows the SystemExit of `exit`; the LSP asks for 1 when no shutdown came first.
    return 0 if getattr(server.protocol, "_shutdown", True) else 1
