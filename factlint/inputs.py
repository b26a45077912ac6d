"""Finding files to lint and reading them as text. Unreadable input is an InputError naming the
file; the run goes on with the other files."""
import os
from fnmatch import fnmatch
from pathlib import Path

from factlint.errors import InputError, UserError


def collect(paths, config, globs=()):
    """Return (files, errors): file paths to lint in a stable order ('-' is standard input) and
    UserErrors for paths that name nothing to lint. Explicit files are always linted;
    directories are walked for `config.extensions` (or `globs`), skipping `config.exclude`."""
    files, errors = [], []
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            files.append("-")
        elif path.is_dir():
            found = sorted(_walk(path, config, globs))
            if not found:
                kinds = ", ".join(globs) if globs else " ".join(config.extensions)
                errors.append(UserError(f"no files to lint ({kinds}) in this directory", raw))
            files.extend(found)
        elif path.exists():
            files.append(raw)
        else:
            errors.append(UserError("no such file or directory", raw))
    return files, errors


def _walk(root, config, globs):
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not _excluded(d, os.path.join(folder, d), config.exclude))
        for name in files:
            full = os.path.join(folder, name)
            if _excluded(name, full, config.exclude):
                continue
            if globs:
                if any(fnmatch(name, g) or fnmatch(full, g) for g in globs):
                    yield full
            elif name.lower().endswith(tuple(config.extensions)):
                yield full


def _excluded(name, full, patterns):
    return any(fnmatch(name, p) or fnmatch(full, p) for p in patterns)


def decode(data, name):
    """bytes -> str, or InputError for binary or non-UTF-8 input."""
    if b"\0" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), skipped", name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}), skipped", name, line) from None


def read_text(name, stdin=None):
    if name == "-":
        import sys

        data = (stdin or sys.stdin.buffer).read()
        return decode(data, "<stdin>")
    try:
        with open(name, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from None
    return decode(data, name)
