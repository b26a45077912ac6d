"""Every hook a factlint plugin can implement.

Built-in features (factlint.builtin) implement these hooks exactly as a third-party plugin does;
plugins are found through the ``factlint`` entry-point group. Each hook returns a value and the
host collects the results of all plugins (pluggy's default), so several plugins can each add
rule kinds, packs and formatters.
"""
import pluggy

hookspec = pluggy.HookspecMarker("factlint")


@hookspec
def factlint_rule_kinds():
    """Return a mapping ``{"kind-name": RuleKind subclass}``: the handlers behind ``extends:``.

    A kind class subclasses :class:`factlint.kinds.base.RuleKind`.
    """


@hookspec
def factlint_rule_packs():
    """Return a list of directories; each is a pack of YAML rules (one rule per ``*.yml`` file).

    The pack's name is the directory name; rule ids are ``Pack.FileStem``.
    """


@hookspec
def factlint_formatters():
    """Return a mapping ``{"format-name": callable}``.

    The callable is ``format(report, stream, options)``; see :mod:`factlint.formatters`.
    """


@hookspec
def factlint_default_config():
    """Return a dict of configuration defaults (merged before user configuration)."""
