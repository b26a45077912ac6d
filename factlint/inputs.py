"""Finding files to lint and reading them as text. Unreadable input is an InputError naming the
file; the run goes on with the other files."""
import os
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
    excluded = _matcher(config.exclude)
    wanted = _matcher(globs) if globs else None
    extensions = tuple(config.extensions)
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not excluded(d, os.path.join(folder, d)))
        for name in files:
            full = os.path.join(folder, name)
            if excluded(name, full):
                continue
            if wanted is not None:
                if wanted(name, full):
                    yield full
            elif name.lower().endswith(extensions):
                yield full


def _matcher(patterns):
    """match(name, full path): does any glob match the name or the path? One compiled regex for
    all patterns (fnmatch per pattern and file cost 0.1 s on a 2,000-file archive)."""
    import re
    from fnmatch import translate

    if not patterns:
        return lambda name, full: False
    regex = re.compile("|".join(f"(?:{translate(p)})" for p in patterns))
    return lambda name, full: regex.match(name) is not None or regex.match(full) is not None


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
