"""Find rule packs, load and validate their YAML rules, compile them once.

Every problem a rule author can cause is a RuleError printed as `file:line: what is wrong`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import factlint.safeyaml as safeyaml
from factlint.errors import RuleError
from factlint.findings import LEVELS
from factlint.kinds.base import COMMON_KEYS, MATCHING_KEYS, SCOPES, RuleSpec

# What an example may state (factlint.testing runs them): its text, whether it is Markdown, and
# for a failing one the finding's matched text, message, suggestions and the text after --fix.
EXAMPLE_KEYS = frozenset({"text", "markdown", "match", "message", "suggestions", "fixed"})
_RULE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_PACKAGE = Path(__file__).resolve().parent


def shipped_rules_dir() -> Path:
    """The shipped packs: `factlint/rules` in an installed wheel, `<repo>/rules` in a checkout."""
    for candidate in (_PACKAGE / "rules", _PACKAGE.parent / "rules"):
        if candidate.is_dir():
            return candidate
    return _PACKAGE / "rules"


def read_yaml(path):
    """Load a YAML file; a syntax error becomes `file:line: message`. (yaml is imported here:
    a run served from the compiled-rules cache never needs it.)"""
    import yaml  # deferred for start-up: see above

    try:
        if os.path.isdir(path):
            raise RuleError("is a folder, not a YAML file", path)
        with open(path, encoding="utf-8") as fh:
            text = fh.read(safeyaml.MAX_BYTES + 1)
        return safeyaml.load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise RuleError(f"invalid YAML: {exc.problem or exc}", path, mark.line + 1 if mark else None) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read: {exc}", path) from None
    except yaml.YAMLError as exc:
        raise RuleError(f"invalid YAML: {exc}", path) from None
    except safeyaml.YamlBombError as exc:
        raise RuleError(str(exc), path) from None
    except (ValueError, RecursionError) as exc:  # an impossible date (1900-13-01); 100,000 nested [
        raise RuleError(f"invalid value: {str(exc) or type(exc).__name__}", path) from None


def key_line(path, key):
    """The 1-based line of a top-level key (only computed when reporting an error)."""
    import yaml  # deferred for start-up: only an error report needs it

    try:
        with open(path, encoding="utf-8") as fh:
            node = yaml.compose(fh, Loader=yaml.SafeLoader)
        for k, _v in node.value:
            if k.value == key:
                return k.start_mark.line + 1
    except Exception:  # noqa: BLE001 - best effort: the message without a line is still useful
        pass
    return 1


class CompileContext:
    """What a kind gets while compiling: the shared TermIndex, data tables, error reporting."""

    def __init__(self, terms, spec=None):
        self.terms = terms
        self.spec = spec
        self._tables = {}

    def error(self, message, key=None):
        path = self.spec.path
        return RuleError(message, path, key_line(path, key) if key else 1)

    def strings(self, key, values):
        """A list of words from a rule must be strings: YAML reads bare on/off/yes/no as
        booleans, which would silently never match."""
        for value in values:
            if not isinstance(value, str):
                raise self.error(f"{key}: entry {value!r} is not a string (quote it in YAML)", key)
        return list(values)

    def table(self, relative, key):
        """Load a data table (knowledge base) referenced by the rule, relative to its file."""
        path = (Path(self.spec.path).parent / relative).resolve()
        if path not in self._tables:
            if not path.is_file():
                raise self.error(f"{key}: data file {relative!r} not found", key)
            self._tables[path] = read_yaml(path)
        return path, self._tables[path]


def discover(pack_dirs):
    """Yield (rule_id, path) for every `*.yml` directly inside each pack folder."""
    seen = {}
    for pack_dir in pack_dirs:
        pack_dir = Path(pack_dir)
        if not pack_dir.is_dir():
            raise RuleError("rule pack folder not found", pack_dir)
        rule_files = sorted(pack_dir.glob("*.yml"))
        if not rule_files:  # a misspelt folder or rules saved as .yaml: say so, not "No findings"
            raise RuleError("rule pack folder holds no rules (*.yml files)", pack_dir)
        for path in rule_files:
            rule_id = f"{pack_dir.name}.{path.stem}"
            if rule_id in seen:  # a newsroom pack may override a shipped rule of the same id
                del seen[rule_id]
            seen[rule_id] = path
    return list(seen.items())


def load_spec(rule_id, path, kinds):
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise RuleError("a rule file must be a YAML mapping of keys", path, 1)
    if not _RULE_NAME.match(path.stem):
        raise RuleError(f"rule file name {path.stem!r} must be letters, digits, '-' or '_'", path, 1)
    kind_name = data.get("extends")
    if kind_name is None:
        raise RuleError("missing required key 'extends'", path, 1)
    kind = kinds.get(kind_name)
    if kind is None:
        known = ", ".join(sorted(kinds))
        raise RuleError(f"unknown extends {kind_name!r} (known kinds: {known})", path, key_line(path, "extends"))
    allowed = {**COMMON_KEYS, **kind.keys}
    for key, value in data.items():
        spec = allowed.get(key)
        if spec is None:
            raise RuleError(f"unknown key {key!r} for extends: {kind_name}", path, key_line(path, key))
        if key in MATCHING_KEYS and key not in kind.honours:
            raise RuleError(
                f"key {key!r} has no effect on extends: {kind_name} (the kind does not apply it)",
                path,
                key_line(path, key),
            )
        types = spec.type
        if value is not None and not isinstance(value, types) or (types is int and isinstance(value, bool)):
            raise RuleError(f"key {key!r} must be {spec.type_name()}", path, key_line(path, key))
    for key, spec in allowed.items():
        if spec.required and data.get(key) is None:
            raise RuleError(f"missing required key {key!r}", path, 1)
    if data.get("level", "warning") not in LEVELS:
        raise RuleError(f"level must be one of {', '.join(LEVELS)}", path, key_line(path, "level"))
    if data.get("scope", "text") not in SCOPES:
        raise RuleError(f"scope must be one of {', '.join(SCOPES)}", path, key_line(path, "scope"))
    _check_examples(data.get("examples"), path)
    return kind, RuleSpec(rule_id, str(path), data, kind.keys)


def _check_examples(examples, path):
    if examples is None:
        return
    for key, items in examples.items():
        if key not in ("pass", "fail") or not isinstance(items, list):
            raise RuleError("examples: expected 'pass' and 'fail' lists", path, key_line(path, "examples"))
        for item in items:
            ok = isinstance(item, str) or (isinstance(item, dict) and isinstance(item.get("text"), str))
            if not ok:
                raise RuleError(
                    "examples: each example is a string or a mapping with 'text'", path, key_line(path, "examples")
                )
            unknown = set(item) - EXAMPLE_KEYS if isinstance(item, dict) else set()
            if unknown:
                raise RuleError(
                    f"examples: unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(EXAMPLE_KEYS))})",
                    path,
                    key_line(path, "examples"),
                )


class RuleSet:
    """The compiled rules of one run, plus the TermIndex they share."""

    def __init__(self, rules, terms, language_index=None):
        self.rules = rules
        self.terms = terms
        self.by_id = {r.id: r for r in rules}
        # Language detection's stop-word index, kept with the rules (text.language.use_index).
        self.language_index = language_index


def compile_rules(pack_dirs, kinds, levels=None):
    """Load, validate and compile every rule in the packs. `levels` overrides rule levels."""
    import factlint.text.language as language  # deferred for start-up (as TermIndex below)
    from factlint.terms import TermIndex  # deferred for start-up: a run served by the caches never compiles

    terms = TermIndex()
    rules = []
    for rule_id, path in discover(pack_dirs):
        kind, spec = load_spec(rule_id, path, kinds)
        if levels and rule_id in levels:
            spec.level = levels[rule_id]
        ctx = CompileContext(terms, spec)
        terms.owner = rule_id
        try:
            rules.append(kind(spec, ctx))
        except re.error as exc:
            raise RuleError(f"bad regular expression: {exc}", path, key_line(path, _regex_key(kind))) from None
    return RuleSet(rules, terms, language._index())


def _regex_key(kind):
    for key in ("tokens", "swap", "raw", "pattern", "phrases"):
        if key in kind.keys:
            return key
    return None
