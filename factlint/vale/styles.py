"""Vale styles as factlint rules: `<StylesPath>/<Style>/<Rule>.yml` is the rule `Style.Rule`.

Vale's rule files are loaded here, not through factlint's strict loader: Vale's keys (`action`,
`vocab`, `name`, ...) are accepted, `extends` names a Vale kind (`existence` and `substitution`
get their Vale-semantics kinds `vale.existence`/`vale.substitution`), the default level is
Vale's `suggestion`. A rule of a kind factlint cannot run, a key it does not support, a pattern
it cannot compile: one line naming the rule file, and the run goes on.

The built-in style `Vale`: Vale.Terms (a Vocab's accepted words in their exact case),
Vale.Avoid (its rejected words), Vale.Repetition ("the the"), Vale.Spelling (not supported).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from factlint.errors import RuleError
from factlint.kinds.base import COMMON_KEYS, RuleSpec
from factlint.ruleset import key_line, read_yaml
from factlint.vale.ini import ValeConfig
from factlint.vale.regex import error as RegexError

VALE_ONLY_KEYS = {"name", "code", "pos", "matchcase"}  # read by Vale, without effect here
BUILTIN = {
    "Repetition": {
        "extends": "repetition",
        "message": "'%s' is repeated!",
        "level": "error",
        "alpha": True,
        "tokens": [r"[^\s]+"],
    },
    "Spelling": {"extends": "spelling", "message": "Did you really mean '%s'?", "level": "error"},
}


class _Ctx:
    """What a Vale kind reads while compiling: the accepted words of the file's vocabularies."""

    def __init__(self, vocab: tuple):
        self.vocab = vocab
        self.terms = None


class ValeStyles:
    """The Vale rules of one configuration, compiled once per (rule, vocabularies)."""

    def __init__(self, cfg: ValeConfig, kinds: dict, note: Callable[[str], None]):
        self.cfg = cfg
        self.kinds = kinds
        self.note = note
        self._files: dict = {}  # style -> {rule id: path}
        self._compiled: dict = {}
        self._noted: set = set()
        self._vocab: dict = {}

    # -- vocabularies --------------------------------------------------------------------------
    def vocabulary(self, names) -> tuple[tuple, tuple]:
        """(accepted, rejected) words of the named vocabularies (read once per run)."""
        key = tuple(names)
        if key not in self._vocab:
            self._vocab[key] = self._read_vocabulary(key)
        return self._vocab[key]

    def _read_vocabulary(self, names) -> tuple[tuple, tuple]:
        accept, reject = [], []
        for name in names:
            found = False
            for folder in (
                self.cfg.styles_path / "config" / "vocabularies" / name,
                self.cfg.styles_path / "Vocab" / name,
            ):
                for fname, into in (("accept.txt", accept), ("reject.txt", reject)):
                    f = folder / fname
                    if f.is_file():
                        found = True
                        into += [
                            w.strip()
                            for w in f.read_text(encoding="utf-8").splitlines()
                            if w.strip() and not w.strip().startswith("#")
                        ]
            if not found:
                self._once(f"{self.cfg.path}: Vocab {name!r} not found under {self.cfg.styles_path}")
        return tuple(dict.fromkeys(accept)), tuple(dict.fromkeys(reject))

    # -- rule files ----------------------------------------------------------------------------
    def style_rules(self, style: str) -> dict:
        if style not in self._files:
            folder = self.cfg.styles_path / style
            rules = {}
            if style == "Vale":
                rules = {f"Vale.{name}": None for name in ("Terms", "Avoid", "Repetition", "Spelling")}
            if folder.is_dir():
                for path in sorted(folder.rglob("*.yml")):
                    rules[f"{style}.{path.stem}"] = path
            elif style != "Vale":
                line = self.cfg.style_lines.get(style)
                where = f"{self.cfg.path}:{line}" if line else str(self.cfg.path)
                found = "is a file, not a style folder," if folder.exists() else "not found"
                self._once(f"{where}: style {style!r} {found} in StylesPath {self.cfg.styles_path}")
            self._files[style] = rules
        return self._files[style]

    def rules_for(self, styles: list, settings: dict, vocab_names: list) -> list:
        """The compiled rules for one file, with the level each reports at."""
        accept, reject = self.vocabulary(vocab_names)
        chosen = {}
        for style in styles:
            for rule_id in self.style_rules(style):
                chosen[rule_id] = None
        # A whole style's setting (`proselint = NO`) first; a rule's own setting wins over it.
        for style, setting in settings.items():
            if "." in style:
                continue
            for rule_id in self.style_rules(style):
                if setting == "NO":
                    chosen.pop(rule_id, None)
                else:
                    chosen[rule_id] = None if setting == "YES" else setting
        for rule_id, setting in settings.items():
            if "." not in rule_id:
                continue
            if setting == "NO":
                chosen.pop(rule_id, None)
                continue
            style = rule_id.split(".", 1)[0]
            if rule_id in self.style_rules(style):
                chosen[rule_id] = None if setting == "YES" else setting
            else:
                self._once(f"{self.cfg.path}: {rule_id} = {setting}: no such rule in StylesPath")
        out = []
        for rule_id, level in chosen.items():
            rule = self.compiled(rule_id, accept, reject)
            if rule is not None:
                out.append((rule, level or rule.level))
        return out

    def compiled(self, rule_id: str, accept: tuple, reject: tuple):
        key = (rule_id, accept, reject)
        if key not in self._compiled:
            self._compiled[key] = self._compile(rule_id, accept, reject)
        return self._compiled[key]

    def _compile(self, rule_id: str, accept: tuple, reject: tuple):
        style, name = rule_id.split(".", 1)
        path = self.style_rules(style).get(rule_id)
        if path is None:  # the built-in Vale style
            data = _builtin(name, accept, reject)
            where = f"<built-in {rule_id}>"
            if data is None:
                return None
        else:
            where = _shown(path)
            try:
                data = read_yaml(path)
            except RuleError as exc:
                self._once(f"{exc}; rule {rule_id} skipped")
                return None
            if not isinstance(data, dict) or not data.get("extends"):
                self._once(f"{where}: not a Vale rule (no `extends`); skipped")
                return None
        extends = str(data["extends"])
        kind = self.kinds.get(f"vale.{extends}") or (
            self.kinds.get(extends) if extends not in ("existence", "substitution") else None
        )
        if kind is None:
            self._once(f"{where}: extends: {extends} is not a Vale rule kind; rule {rule_id} skipped")
            return None
        if getattr(kind, "unsupported", False):
            self._once(f"{where}: extends: {extends} is not supported yet; rule {rule_id} skipped")
            return None
        data = dict(data)
        data.setdefault("level", "suggestion")
        data.setdefault("message", "")
        for key in data:
            if key not in COMMON_KEYS and key not in kind.keys and key not in VALE_ONLY_KEYS:
                self._once(f"{where}: key {key!r} is not supported for extends: {extends}; ignored")
        if data["level"] not in ("suggestion", "warning", "error"):
            self._once(f"{where}: level {data['level']!r} is not a Vale level; rule {rule_id} skipped")
            return None
        wrong = _wrong_type(data, kind.keys)
        if wrong:  # Vale (Go's YAML into typed fields) refuses these too
            key, expected = wrong
            at = f"{where}:{key_line(path, key)}" if path is not None else where
            self._once(f"{at}: key {key!r} must be {expected}, not {type(data[key]).__name__}; rule {rule_id} skipped")
            return None
        spec = RuleSpec(rule_id, where, data, kind.keys)
        try:
            return kind(spec, _Ctx(accept))
        except (RegexError, ValueError, TypeError, KeyError) as exc:
            key = next((k for k in _PATTERN_KEYS if k in data), None) if isinstance(exc, RegexError) else None
            at = f"{where}:{key_line(path, key)}" if key and path is not None else where
            self._once(f"{at}: cannot compile rule {rule_id}: {exc}; skipped")
            return None

    def _once(self, line: str) -> None:
        if line not in self._noted:
            self._noted.add(line)
            self.note(line)


# The keys holding patterns, in the order a compile error is most likely theirs.
_PATTERN_KEYS = ("tokens", "raw", "swap", "token", "first", "second", "match", "either", "exceptions")
# Vale's types where they are wider than factlint's own (a list of scopes).
_VALE_TYPES = {"scope": (str, list)}


def _wrong_type(data: dict, kind_keys: dict):
    """(key, expected type) of the first key whose value has the wrong type, or None."""
    for key, value in data.items():
        spec = kind_keys.get(key) or COMMON_KEYS.get(key)
        if spec is None or value is None or key in ("extends", "level"):  # both checked with a message of their own
            continue
        types = _VALE_TYPES.get(key, spec.type)
        types = types if isinstance(types, tuple) else (types,)
        if float in types:
            types = (*types, int)  # `threshold: 1`
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            return key, " or ".join(t.__name__ for t in types if t is not int or float not in types)
    return None


def _builtin(name: str, accept: tuple, reject: tuple):
    if name == "Terms":
        swap = {t.lower(): t for t in accept if _phrase(t)}
        if not swap:
            return None
        return {
            "extends": "substitution",
            "message": "Use '%s' instead of '%s'.",
            "level": "error",
            "ignorecase": True,
            "swap": swap,
        }
    if name == "Avoid":
        if not reject:
            return None
        return {"extends": "existence", "message": "Avoid using '%s'.", "level": "error", "tokens": list(reject)}
    return dict(BUILTIN[name])


def _phrase(s: str) -> bool:
    return all(ch.isalpha() or ch.isdigit() or ch in " -" for ch in s)


def _shown(path) -> str:
    """A rule file as notes name it: relative to the working folder when inside it."""

    rel = os.path.relpath(os.path.abspath(path))
    return str(path) if rel.startswith("..") else rel.replace(os.sep, "/")
