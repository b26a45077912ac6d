"""What a run lints: finding the files, reading them as text, and the Sources they become.

    plan(paths)      -> Inputs in output order: files, stdin, corpora
    sources(inputs)  -> Source objects: files' texts, corpus records (read as a stream)

Unreadable input is an InputError naming the file; the run goes on with the other files.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import translate
from pathlib import Path
from typing import Any

from factlint.corpus import GLOBS, corpus_kind, read_records
from factlint.errors import InputError, UserError, warn
from factlint.gitignore import Ignored

MAX_DUPLICATE_WARNINGS = 10  # then only the count at the end of the run


@dataclass
class Input:
    """One named input: a file, standard input, or a corpus file of records."""

    name: str
    display: str
    corpus: str | None = None  # None, or the corpus format: 'jsonl' | 'parquet'
    size: int = 0


@dataclass
class Source:
    """One document to lint: a file, standard input or a corpus record."""

    name: str  # what to open ('-' for stdin)
    display: str  # the path shown in findings
    text: str | None = None
    markup: str = "text"
    record: Any = None
    meta: dict = field(default_factory=dict)


def markup_for(path: object) -> str:
    return "markdown" if str(path).lower().endswith((".md", ".markdown", ".mdx")) else "text"


def plan(paths: Iterable[str], config: Any, options: Any, errors: list) -> list[Input]:
    """The inputs in output order: sorted by display path, which is the order of a sorted report
    (a corpus's records keep their order within it)."""
    globs = options.globs or GLOBS.get(options.input, ())
    files, path_errors = collect(paths, config, globs, respect_gitignore=not getattr(options, "no_ignore", False))
    for err in path_errors:
        warn(err)
        errors.append(err)
    inputs = []
    for name in files:
        try:
            size = os.stat(name).st_size if name != "-" else 0
        except OSError:
            size = 0
        display = (getattr(options, "stdin_filename", None) or "<stdin>") if name == "-" else name
        inputs.append(Input(name, display, corpus_kind(display if name == "-" else name, options.input), size))
    inputs.sort(key=lambda i: i.display)
    return inputs


def sources(inputs: Iterable[Input], options: Any, errors: list, notes: list) -> Iterator[Source]:
    """Yield Sources for the inputs; unreadable files and malformed records are reported and
    skipped. `notes` gets the messages for the end of the run (records skipped per corpus)."""
    for inp in inputs:
        if inp.corpus:
            yield from _records(inp, options, errors, notes)
            continue
        try:
            text = read_text(inp.name)
        except InputError as exc:
            warn(exc)
            errors.append(exc)
            continue
        if not text.strip():
            warn(f"{inp.display}: empty file, nothing to lint")
        markup = markup_for(inp.display if inp.name == "-" else inp.name)  # --stdin-filename names its kind
        yield Source(inp.name, inp.display, text, markup, meta={"bytes": inp.size, "date": options.date})


def _records(inp: Input, options: Any, errors: list, notes: list) -> Iterator[Source]:
    skipped = duplicates = 0
    first_line: dict[Any, int] = {}  # record id -> its first line: duplicate ids are reported

    def skip(line, message):
        nonlocal skipped
        skipped += 1
        warn(f"{inp.display}:{line}: {message}; record skipped")

    offset = 0
    try:
        for rec in read_records(inp.name, inp.corpus, options.text_field, options.id_field, skip):
            first = first_line.setdefault(rec.id, rec.line)
            if first != rec.line:
                duplicates += 1
                if duplicates <= MAX_DUPLICATE_WARNINGS:
                    warn(f"{inp.display}:{rec.line}: duplicate id {rec.id!r} (first at line {first})")
            meta = {"line": rec.line, "bytes": rec.offset - offset, "date": options.date, "raw": rec.raw}
            yield Source(inp.name, inp.display, rec.text, "text", rec.id, meta=meta)
            offset = rec.offset
    except InputError as exc:
        warn(exc)
        errors.append(exc)
    if duplicates:
        notes.append(f"{inp.display}: {duplicates} record{'s' if duplicates != 1 else ''} with a duplicate id")
    if skipped:
        err = InputError(f"{skipped} malformed record{'s' if skipped != 1 else ''} skipped", inp.display)
        errors.append(err)
        notes.append(err)


def collect(paths, config, globs=(), respect_gitignore=True):
    """Return (files, errors): file paths to lint in a stable order ('-' is standard input) and
    UserErrors for paths that name nothing to lint. Explicit files are always linted;
    directories are walked for `config.extensions` (or `globs`), skipping `config.exclude` and
    what the repository's .gitignore files ignore (unless not `respect_gitignore`)."""
    files, errors = [], []
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            if "-" in files:  # standard input can be read only once
                errors.append(UserError("standard input ('-') named twice", "-"))
                continue
            files.append("-")
        elif path.is_dir():
            unreadable: list = []
            ignore = Ignored(raw) if respect_gitignore else None
            found = sorted(_walk(path, config, globs, ignore, unreadable.append))
            for exc in unreadable:  # named or met on the way: reported, the rest still linted
                errors.append(UserError(f"cannot read folder: {exc.strerror}", exc.filename or raw))
            if not found and not unreadable:
                kinds = ", ".join(globs) if globs else " ".join(config.extensions)
                errors.append(UserError(f"no files to lint ({kinds}) in this directory", raw))
            files.extend(found)
        elif path.exists():
            files.append(raw)
        else:
            errors.append(UserError("no such file or directory", raw))
    return _once(files), errors


def _once(files: list[str]) -> list[str]:
    """Each file once, however often it is named ('a.md ./a.md dir/' lints a.md once)."""
    seen: set[str] = set()
    unique = []
    folders: dict[str, str] = {}  # folder -> its real path
    for name in files:
        key = name if name == "-" else _real(name, folders)
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return unique


def _real(name: str, folders: dict[str, str]) -> str:
    """os.path.realpath(name), resolving each folder once: realpath costs a system call per
    path component, per file (a tenth of a second for a folder of 2,000 files)."""
    head, tail = os.path.split(name)
    if tail in ("", ".", "..") or os.path.islink(name):
        return os.path.realpath(name)
    real = folders.get(head)
    if real is None:
        real = folders[head] = os.path.realpath(head or os.curdir)
    return os.path.join(real, tail)


def _walk(root, config, globs, ignore=None, onerror=None):
    excluded = _matcher(config.exclude)
    if ignore is not None and ignore.active:
        by_config = excluded
        excluded = lambda name, full, is_dir=False: by_config(name, full) or ignore.ignored(full, is_dir)  # noqa: E731
    wanted = _matcher(globs) if globs else None
    extensions = tuple(config.extensions)
    for folder, dirs, files in os.walk(root, onerror=onerror):
        if ignore is not None:
            ignore.enter(folder, files)
        dirs[:] = sorted(d for d in dirs if not excluded(d, os.path.join(folder, d), True))
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
    if not patterns:
        return lambda name, full, is_dir=False: False
    regex = re.compile("|".join(f"(?:{translate(p)})" for p in patterns))
    return lambda name, full, is_dir=False: regex.match(name) is not None or regex.match(full) is not None


MAX_BYTES = 32 * 1024 * 1024  # the largest document linted: a news text is well under 1 MB


def decode(data, name):
    """bytes -> str, or InputError for binary or non-UTF-8 input (UTF-16 with a BOM is read)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")  # the BOM says which byte order, and is dropped
        except UnicodeDecodeError:
            raise InputError("not valid UTF-16 (it starts with a UTF-16 byte-order mark), skipped", name) from None
    if b"\0" in data:  # anywhere, not only in the first 8 KiB (memchr: a few ms for 32 MB)
        raise InputError("binary file (contains NUL bytes), skipped", name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}), skipped", name, line
        ) from None


def read_text(name, stdin=None):
    if name == "-":
        stream = stdin or (sys.stdin.buffer if sys.stdin is not None else None)
        if stream is None:
            raise InputError("standard input is closed", "<stdin>")
        return decode(_bounded(stream, "<stdin>"), "<stdin>")
    try:
        # Non-blocking and checked after opening (no race): a FIFO or a device (a link to
        # /dev/zero) would hang the run or fill the memory; only regular files are read.
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        mode = st.st_mode
        if not stat.S_ISREG(mode):
            what = "a folder" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode) else "a device or socket"
            raise InputError(f"not a regular file ({what}), skipped", name)
        try:
            return decode(_bounded(fh, name, st.st_size), name)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", name) from None


def _bounded(stream, name, size=None):
    """At most MAX_BYTES + 1 bytes of `stream`; `size` (a regular file's) sizes the first read:
    read(MAX_BYTES + 1) allocates that much for every small file (a third of the time reading
    a folder of articles takes)."""
    want = MAX_BYTES + 1 if size is None else min(size, MAX_BYTES) + 1
    data = stream.read(want)
    if len(data) == want <= MAX_BYTES:  # the file grew after fstat: read on, bounded as before
        data += stream.read(MAX_BYTES + 1 - want)
    if len(data) > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // 1024 // 1024} MB, skipped (too large for one document)", name)
    return data
