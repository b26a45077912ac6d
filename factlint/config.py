"""Configuration: `.factlint.yaml` / `.factlint.yml` or `[tool.factlint]` in `pyproject.toml`,
found upward from the working directory; command-line options override it.

Keys: packs (extra rule folders, relative to the config file), select, ignore, min-level,
fail-level, levels ({rule id: level}), per-file-ignores ({glob: [selectors]}), exclude (globs),
extensions (file endings linted in directories), language (`auto`, the default: each text's
language is detected; or an ISO 639-1 code such as `en` that every text without its own
front-matter `language:` is taken to be in).
"""

import re
from pathlib import Path

from factlint.errors import UserError
from factlint.findings import LEVELS
from factlint.plugin.host import shared_host
from factlint.ruleset import key_line, read_yaml
from factlint.selection import split_selectors

CONFIG_FILES = (".factlint.yaml", ".factlint.yml")
KEYS = {
    "packs",
    "select",
    "ignore",
    "min-level",
    "fail-level",
    "levels",
    "per-file-ignores",
    "exclude",
    "extensions",
    "builtin-packs",
    "language",
}
DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", "node_modules", ".venv", "venv", ".tox", "__pycache__", ".factlint_cache")


class Config:
    def __init__(self):
        self.path = None  # the configuration file used, if any
        self.packs = []  # extra pack folders
        self.builtin_packs = True
        self.select = None
        self.ignore = []
        self.min_level = "suggestion"
        self.fail_level = "warning"
        self.levels = {}
        self.per_file_ignores = {}
        self.exclude = list(DEFAULT_EXCLUDE)
        self.extensions = list(DEFAULT_EXTENSIONS)
        self.language = "auto"
        self.plugins = []  # plugin objects registered in-process (tests, embedding)

    def fingerprint(self):
        """What of the configuration changes the compiled rules (for the rules cache)."""
        return repr((sorted(str(p) for p in self.packs), self.builtin_packs, sorted(self.levels.items())))

    # -- loading ----------------------------------------------------------------------------
    @classmethod
    def discover(cls, start=None, explicit=None):
        """Plugins' defaults (the factlint_default_config hook), then the configuration file found
        upward from `start` (or `explicit`); command-line options are applied by the caller."""
        config = cls()
        config.apply(shared_host().default_config(), Path.cwd() / "<plugin defaults>")
        config.path = None
        path = Path(explicit) if explicit else find_config(Path(start or Path.cwd()))
        if path is not None:
            config.apply(read_config(path), path)
        return config

    def apply(self, data, path):
        where = str(path)
        unknown = set(data) - KEYS
        if unknown:
            raise UserError(f"unknown configuration key(s): {', '.join(sorted(unknown))}", where)
        _check_types(data, path)
        self.path = path
        base = Path(path).resolve().parent
        for pack in _strings(data.get("packs")):
            self.packs.append(str((base / pack).resolve()))
        if "builtin-packs" in data:
            self.builtin_packs = data["builtin-packs"]
        if data.get("select") is not None:
            self.select = split_selectors(data["select"])
        self.ignore += split_selectors(data.get("ignore"))
        for key, attr in (("min-level", "min_level"), ("fail-level", "fail_level")):
            if key in data:
                if data[key] not in LEVELS:
                    raise _wrong(path, key, f"{key} must be one of {', '.join(LEVELS)}")
                setattr(self, attr, data[key])
        for rule, level in (data.get("levels") or {}).items():
            if level not in LEVELS:
                raise _wrong(path, "levels", f"levels: {rule}: level must be one of {', '.join(LEVELS)}")
            self.levels[rule] = level
        for pattern, selectors in (data.get("per-file-ignores") or {}).items():
            self.per_file_ignores[pattern] = split_selectors(selectors)
        self.exclude += _strings(data.get("exclude"))
        if "language" in data:
            language = data["language"]
            if not isinstance(language, str) or not re.fullmatch(r"auto|[a-z]{2}", language):
                raise _wrong(path, "language", "language must be `auto` or a two-letter ISO 639-1 code such as `en`")
            self.language = language
        if data.get("extensions"):
            self.extensions = [e if e.startswith(".") else "." + e for e in _strings(data["extensions"])]


def _strings(value):
    """A key that takes a list of strings also takes one string (`extensions: md`)."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _is_strings(value):
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))


def _is_mapping(value, of):
    return isinstance(value, dict) and all(isinstance(k, str) and of(v) for k, v in value.items())


# What each key must hold (after YAML/TOML parsing), and how to say it.
_TYPES = {
    "packs": (_is_strings, "a list of folders"),
    "select": (_is_strings, "a list of rule ids, packs, categories or globs"),
    "ignore": (_is_strings, "a list of rule ids, packs, categories or globs"),
    "exclude": (_is_strings, "a list of file or folder patterns"),
    "extensions": (_is_strings, "a list of file name extensions such as [.md, .txt]"),
    "builtin-packs": (lambda v: isinstance(v, bool), "true or false"),
    "levels": (lambda v: _is_mapping(v, lambda x: isinstance(x, str)), "a mapping of rule id to level"),
    "per-file-ignores": (lambda v: _is_mapping(v, _is_strings), "a mapping of file pattern to rules"),
}


def _check_types(data, path):
    for key, (ok, what) in _TYPES.items():
        if data.get(key) is not None and not ok(data[key]):
            raise _wrong(path, key, f"{key} must be {what}, not {type(data[key]).__name__} {data[key]!r:.60}")


def _wrong(path, key, message):
    """`file:line: message`, with the line of `key` in a YAML configuration."""
    line = key_line(path, key) if str(path).endswith((".yaml", ".yml")) else None
    return UserError(message, str(path), line)


def find_config(start):
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.factlint" in pyproject.read_text(encoding="utf-8", errors="replace"):
            return pyproject
    return None


def read_config(path):
    path = Path(path)
    if not path.is_file():
        raise UserError("configuration file not found", path)
    if path.name == "pyproject.toml":
        import tomllib  # deferred for start-up: only a [tool.factlint] configuration needs it

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise UserError(f"invalid TOML: {exc}", path) from None
        return data.get("tool", {}).get("factlint", {})
    data = read_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UserError("configuration must be a YAML mapping", path)
    return data
