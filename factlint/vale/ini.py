"""Vale's configuration file: found as Vale finds it, read as Vale reads it.

Search (Vale's documented order): `$VALE_CONFIG_PATH`, else `.vale.ini`, `_vale.ini`,
`vale.ini`, `.vale`, `_vale` in the working folder, then in each parent folder. (Vale also falls
back to a file in the home folder and a global one; factlint does not: a run should not depend
on whoever's home folder it runs in.)

Global keys: StylesPath (relative to the file), MinAlertLevel, Vocab. Then `[glob]` sections
(`[*]`, `[*.md]`, `[*.{md,txt}]`) with BasedOnStyles, `Style.Rule = YES|NO|suggestion|warning|
error`, Vocab. `[*]` applies to every file as the fallback; every other section whose glob
matches a file applies after it, in the file's order (a later one overrides an earlier one's
settings for the same rule).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from factlint.errors import UserError

CONFIG_NAMES = (".vale.ini", "_vale.ini", "vale.ini", ".vale", "_vale")
LEVELS = ("suggestion", "warning", "error")
# Keys read and honoured; others are reported once as not supported.
GLOBAL_KEYS = {"StylesPath", "MinAlertLevel", "Vocab", "Packages", "SkippedScopes", "IgnoredScopes"}
SECTION_KEYS = {"BasedOnStyles", "Vocab", "TokenIgnores", "BlockIgnores"}


@dataclass
class Section:
    glob: str
    pattern: re.Pattern
    styles: list = field(default_factory=list)
    rules: dict = field(default_factory=dict)  # "Style.Rule" -> "YES" | "NO" | level
    vocab: list = field(default_factory=list)
    token_ignores: list = field(default_factory=list)  # inline patterns, masked like code spans
    block_ignores: list = field(default_factory=list)  # block patterns, not linted at all


@dataclass
class ValeConfig:
    path: Path
    styles_path: Path
    min_level: str = "suggestion"
    vocab: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # "not supported" lines, printed once
    style_lines: dict = field(default_factory=dict)  # style -> first line naming it (for errors)
    skipped_scopes: tuple | None = None  # block tags not linted (Vale: script, style, pre, figure)
    ignored_scopes: tuple | None = None  # inline tags masked (Vale: code, tt, kbd)

    def ignores_for(self, path: str, root: Path) -> tuple[list, list]:
        """(TokenIgnores, BlockIgnores) patterns for one file, from every matching section."""
        tokens, blocks = [], []
        for sec in self.sections:
            if matches(sec, path, root):
                tokens += sec.token_ignores
                blocks += sec.block_ignores
        return tokens, blocks

    def settings_for(self, path: str, root: Path) -> tuple[list, dict, list]:
        """(styles, rule settings, vocabularies) for one file, from every matching section."""
        styles, rules, vocab = [], {}, list(self.vocab)
        # `[*]` is Vale's global section: the fallback, wherever it is written; a more specific
        # matching section's settings take precedence over it.
        ordered = [s for s in self.sections if s.glob == "*"] + [s for s in self.sections if s.glob != "*"]
        for sec in ordered:
            if not matches(sec, path, root):
                continue
            if sec.styles:
                styles = list(sec.styles)  # a later BasedOnStyles replaces an earlier one
            rules.update(sec.rules)
            vocab += [v for v in sec.vocab if v not in vocab]
        return styles, rules, vocab


def find_vale_config(start: Path | None = None) -> Path | None:
    env = os.environ.get("VALE_CONFIG_PATH")
    if env:
        return Path(env)
    start = Path(start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
    return None


def glob_to_regex(glob: str) -> re.Pattern:
    """Vale's section globs (gobwas/glob, no separators): `*` and `?` also match `/`,
    `{a,b}` alternatives, `[...]` classes."""
    out, i, depth = [], 0, 0
    while i < len(glob):
        c = glob[i]
        if c == "*":
            out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "{":
            out.append("(?:")
            depth += 1
        elif c == "}" and depth:
            out.append(")")
            depth -= 1
        elif c == "," and depth:
            out.append("|")
        elif c == "[":
            end = glob.find("]", i + 1)
            if end < 0:
                out.append(re.escape(c))
            else:
                body = glob[i + 1 : end]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                i = end
        elif c == "\\" and i + 1 < len(glob):
            out.append(re.escape(glob[i + 1]))
            i += 1
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out) + r"\Z", re.S)


def matches(section: Section, path: str, root: Path) -> bool:
    absolute = Path(path).resolve()
    candidates = {str(path), absolute.as_posix(), Path(path).name}
    try:
        candidates.add(absolute.relative_to(root).as_posix())
    except ValueError:
        pass
    return any(section.pattern.match(c) for c in candidates)


def _split_list(value: str) -> list:
    return [v.strip() for v in value.split(",") if v.strip()]


def read_vale_config(path: Path) -> ValeConfig:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read the Vale configuration: {exc}", path) from None
    cfg = ValeConfig(path=path, styles_path=path.parent)
    section = None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            glob = line[1:-1].strip()
            section = Section(glob, glob_to_regex(glob))
            cfg.sections.append(section)
            continue
        if "=" not in line:
            raise UserError(f"line {n}: expected `key = value`", path)
        key, value = (s.strip() for s in line.split("=", 1))
        value = value.strip("\"'")
        if section is None:
            _global(cfg, key, value, n)
        else:
            _section(cfg, section, key, value, n)
    return cfg


def _global(cfg: ValeConfig, key: str, value: str, n: int) -> None:
    where = f"{cfg.path}:{n}"
    if key == "StylesPath":
        cfg.styles_path = (cfg.path.parent / os.path.expanduser(value)).resolve()
    elif key == "MinAlertLevel":
        if value not in LEVELS:
            raise UserError(f"MinAlertLevel must be one of {', '.join(LEVELS)}", where)
        cfg.min_level = value
    elif key == "Vocab":
        cfg.vocab += _split_list(value)
    elif key in ("SkippedScopes", "IgnoredScopes"):
        tags = tuple(t.lower() for t in _split_list(value))
        setattr(cfg, "skipped_scopes" if key == "SkippedScopes" else "ignored_scopes", tags)
    elif key == "Packages":
        cfg.notes.append(
            f"{where}: Packages are not downloaded by factlint; run `vale sync` once so that StylesPath holds them"
        )
    else:
        cfg.notes.append(f"{where}: the Vale setting {key!r} is not supported yet; ignored")


def _section(cfg: ValeConfig, sec: Section, key: str, value: str, n: int) -> None:
    where = f"{cfg.path}:{n}"
    if key == "BasedOnStyles":
        sec.styles = _split_list(value)
        for style in sec.styles:
            cfg.style_lines.setdefault(style, n)
    elif key == "Vocab":
        sec.vocab += _split_list(value)
    elif key in ("TokenIgnores", "BlockIgnores"):
        # A comma-separated list of patterns (a pattern holding a comma: one per key).
        into = sec.token_ignores if key == "TokenIgnores" else sec.block_ignores
        into += [value] if value.startswith("(") and value.endswith(")") else _split_list(value)
    elif re.fullmatch(r"[\w-]+(?:\.[\w.-]+)?", key):  # `Style.Rule = ...`, or a whole `Style = NO`
        setting = value if value in LEVELS else value.upper()
        if setting not in ("YES", "NO", *LEVELS):
            raise UserError(f"{key}: expected YES, NO or a level (suggestion, warning, error)", where)
        sec.rules[key] = setting
    else:
        cfg.notes.append(f"{where}: the Vale setting {key!r} is not supported yet; ignored")
