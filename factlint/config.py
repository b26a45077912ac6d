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
from factlint.ruleset import read_yaml
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
        self.path = path
        base = Path(path).resolve().parent
        for pack in data.get("packs") or ():
            self.packs.append(str((base / pack).resolve()))
        if "builtin-packs" in data:
            self.builtin_packs = bool(data["builtin-packs"])
        if data.get("select") is not None:
            self.select = split_selectors(data["select"])
        self.ignore += split_selectors(data.get("ignore"))
        for key, attr in (("min-level", "min_level"), ("fail-level", "fail_level")):
            if key in data:
                if data[key] not in LEVELS:
                    raise UserError(f"{key} must be one of {', '.join(LEVELS)}", where)
                setattr(self, attr, data[key])
        for rule, level in (data.get("levels") or {}).items():
            if level not in LEVELS:
                raise UserError(f"levels: {rule}: level must be one of {', '.join(LEVELS)}", where)
            self.levels[rule] = level
        for pattern, selectors in (data.get("per-file-ignores") or {}).items():
            self.per_file_ignores[pattern] = split_selectors(selectors)
        self.exclude += list(data.get("exclude") or ())
        if "language" in data:
            language = data["language"]
            if not isinstance(language, str) or not re.fullmatch(r"auto|[a-z]{2}", language):
                raise UserError("language must be `auto` or a two-letter ISO 639-1 code such as `en`", where)
            self.language = language
        if data.get("extensions"):
            self.extensions = [e if e.startswith(".") else "." + e for e in data["extensions"]]


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
